"""The extraction pipeline: small named stages, each declaring what it needs and gives.

A stage is an object with ``name``, ``needs``, ``gives``, ``critical`` and
``__call__(work) -> None``; it may also define ``pipe(works)`` to process a
batch at once (spaCy's ``nlp.pipe``, a model's batched forward pass). The
pipeline checks when it is built that every stage's needs are given by an
earlier one, so a mis-ordered pipeline fails at once, not on the first article.

Modes (``build_pipeline(mode)``):

- ``fast``: cleaning, quotation marks, lexical attribution rules; no parser.
- ``rules``: as fast, plus spaCy's dependency parse for reported speech.
- ``accurate`` (the default): the trained tagger, merged with the fast rules
  where quotation marks make them certain, without the attributions its own
  calibrated confidence puts below :data:`~onrecord.attribution.floor.MIN_CONFIDENCE`
  (falls back to ``rules`` when the model is not installed, with a warning in
  every record).

Every mode ends by joining one speaker's coordinated cues in one sentence into
one quote (``join``: "said … and warned that …"), then linking statements.
``build_pipeline(mode, join={"enabled": False})`` keeps one quote per cue,
PolNeAR's unit, which ``onrecord evaluate`` scores.

A stage that is not ``critical`` and fails on one document leaves a warning in
that record and the document goes on; a critical failure raises
:class:`~onrecord.errors.ExtractionError` for that document only.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Protocol

from .errors import ExtractionError, ModelError, OnrecordError, PipelineError
from .model import Article, Document, Entity, Failure, Quote, Span, join_content
from .work import Work

#: Fields a Work has before any stage runs.
INPUT_FIELDS = ("id", "text", "title", "url", "published", "derived_text", "meta", "warnings")

#: Stage classes by name, as "module:Class" (imported lazily so that the
#: fast mode never imports spaCy and the core never imports a model runtime).
STAGES = {
    "clean": "onrecord.text.clean:CleanStage",
    "quotes": "onrecord.nlp.quotes:QuotesStage",
    "parse": "onrecord.nlp.spacy_adapter:ParseStage",
    "rules": "onrecord.attribution.rules:RulesStage",
    "tagger": "onrecord.attribution.tagger:TaggerStage",
    "merge": "onrecord.attribution.merge:MergeStage",
    "resolve": "onrecord.resolve.speakers:ResolveStage",
    "floor": "onrecord.attribution.floor:FloorStage",
    "join": "onrecord.attribution.join:JoinStage",
    "statements": "onrecord.statements.stage:StatementsStage",
}

#: Stage names per mode.
MODES = {
    "fast": ("clean", "quotes", "rules", "resolve", "join", "statements"),
    "rules": ("clean", "quotes", "parse", "rules", "resolve", "join", "statements"),
    "accurate": ("clean", "quotes", "tagger", "merge", "resolve", "floor", "join", "statements"),
}

#: The mode ``extract`` uses when none is given: the best on PolNeAR dev.
DEFAULT_MODE = "accurate"


class Stage(Protocol):
    name: str
    needs: tuple[str, ...]
    gives: tuple[str, ...]
    critical: bool

    def __call__(self, work: Work) -> None: ...


def load_stage(name: str, **options: object) -> Stage:
    """Import and construct the stage registered under ``name``."""
    try:
        target = STAGES[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}") from None
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)(**options)


class Pipeline:
    """Stages in order, checked once, run on one document or a stream."""

    def __init__(
        self, stages: Iterable[Stage], mode: str = "custom", notes: Iterable[str] = (), given: Iterable[str] = ()
    ):
        """Check that every stage's needs are given by an earlier one.

        Args:
            stages: In order.
            mode: The mode's name, for records and manifests.
            notes: Warnings every record of this pipeline carries (e.g. a model fallback).
            given: Fields the documents already carry besides the input's, for a
                pipeline that continues another (the GPU path runs the stages
                after the tagger in a pipeline of their own).
        """
        self.stages = list(stages)
        self.mode = mode
        #: warnings every record of this pipeline carries (e.g. a model fallback)
        self.notes = tuple(notes)
        given = set(INPUT_FIELDS) | set(given)
        for stage in self.stages:
            missing = [n for n in stage.needs if n not in given]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage gives; "
                    f"reorder the stages or add one that gives it"
                )
            given.update(stage.gives)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, work: Work) -> Work:
        """Run every stage on one document."""
        for note in self.notes:
            work.warn(note)
        for stage in self.stages:
            _apply(stage, work)
            _after(stage, [work])
        return work

    def pipe(self, works: Iterable[Work], batch_size: int = 32) -> Iterator[Work | Failure]:
        """Run the stages over a stream, batch by batch, yielding in input order.

        A document whose critical stage fails is yielded as a :class:`Failure`;
        the others go on.
        """
        batch: list[Work] = []
        for work in works:
            batch.append(work)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Work]) -> Iterator[Work | Failure]:
        alive: list[Work] = list(batch)
        failed: dict[int, Failure] = {}
        for work in alive:
            for note in self.notes:
                work.warn(note)
        for stage in self.stages:
            piper = getattr(stage, "pipe", None)
            if piper is not None:
                try:
                    piper(alive)
                    _after(stage, alive)
                    continue
                except STAGE_ERRORS:  # fall back to one document at a time to isolate the bad one
                    pass
            survivors = []
            for work in alive:
                try:
                    _apply(stage, work)
                    survivors.append(work)
                except ExtractionError as exc:
                    failed[id(work)] = Failure(work.id, work.meta.get("source"), str(exc))
            alive = survivors
            _after(stage, alive)
        for work in batch:
            yield failed.get(id(work), work)


#: What a stage may raise on one bad document: our own errors and the ordinary
#: failures of text-processing code (a model runtime's errors are RuntimeErrors).
#: Anything else (KeyboardInterrupt, SystemExit, a bug's NameError) propagates.
STAGE_ERRORS = (OnrecordError, ValueError, IndexError, KeyError, TypeError, AttributeError, RuntimeError, MemoryError)


def _after(stage: Stage, works: list[Work]) -> None:
    if "candidates" in stage.gives:
        for work in works:
            number_candidates(work)


def _apply(stage: Stage, work: Work) -> None:
    try:
        stage(work)
    except OnrecordError as exc:
        if stage.critical:
            raise ExtractionError(f"{stage.name}: {exc}") from exc
        work.warn(f"stage {stage.name} failed: {exc}")
    except STAGE_ERRORS as exc:
        if stage.critical:
            raise ExtractionError(f"{stage.name}: {type(exc).__name__}: {exc}") from exc
        work.warn(f"stage {stage.name} failed: {type(exc).__name__}: {exc}")


def build_pipeline(mode: str | None = None, **options: object) -> Pipeline:
    """Build the pipeline for ``mode`` (``fast``, ``rules`` or ``accurate``)."""
    mode = mode or DEFAULT_MODE
    if mode not in MODES:
        raise PipelineError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    names = MODES[mode]
    stages = []
    for name in names:
        try:
            stage = load_stage(name, **options.get(name, {}))  # type: ignore[arg-type]
        except ModelError as exc:
            if mode != "accurate":
                raise
            fallback = build_pipeline("rules", **options)
            note = f"accurate mode unavailable, fell back to rules mode: {exc}"
            return Pipeline(fallback.stages, mode="rules", notes=(note,))
        stages.append(stage)
    return Pipeline(stages, mode=mode)


def work_from_document(doc: Document) -> Work:
    """Start the working state of ``doc``."""
    meta = dict(doc.meta)
    if doc.source is not None:
        meta.setdefault("source", doc.source)
    return Work(
        id=doc.id,
        text=doc.text,
        title=doc.title,
        url=doc.url,
        published=doc.published,
        derived_text=doc.derived_text,
        meta=meta,
        warnings=list(doc.warnings),
    )


def build_article(work: Work) -> Article:
    """Turn finished working state into the frozen contract record.

    Candidates are ordered by position and numbered q1, q2, ...; links made
    between candidates by id are kept; ``text`` is recomputed from the content
    ranges so it always equals the joined input slices.
    """
    text = work.text
    cands = sorted(work.candidates, key=lambda c: (c.start, c.end))
    quotes = []
    for c in cands:
        content = tuple((int(s), int(e)) for s, e in c.content)
        quotes.append(
            Quote(
                id=c.id,
                kind=c.kind,
                content=content,
                text=join_content(text, content),
                cue=Span.of(text, *c.cue) if c.cue else None,
                speaker=Span.of(text, *c.speaker) if c.speaker else None,
                speaker_name=c.speaker_name,
                speaker_id=c.speaker_id,
                about=tuple(c.about),
                channel=c.channel,
                act=c.act,
                confidence=max(0.0, min(1.0, float(c.confidence))),
                origin=c.origin + (f"+{c.resolve_origin}" if c.resolve_origin else ""),
                attribution=c.attribution,
            )
        )
    entities: tuple[Entity, ...] = tuple(work.entities)
    return Article(
        id=work.id,
        text=text,
        title=work.title,
        url=work.url,
        published=work.published,
        quotes=tuple(quotes),
        entities=entities,
        links=tuple(work.links),
        warnings=tuple(work.warnings),
        derived_text=work.derived_text,
        meta={k: v for k, v in work.meta.items() if k != "source"},
    )


def number_candidates(work: Work) -> None:
    """Sort candidates by position and give them their quote ids (q1, q2, ...)."""
    work.candidates.sort(key=lambda c: (c.start, c.end))
    for i, c in enumerate(work.candidates, 1):
        c.id = f"q{i}"
