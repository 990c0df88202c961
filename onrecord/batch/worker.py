"""What one worker does, whatever the engine: build the pipeline once, extract chunks.

Both engines call :func:`extract_chunk` on the same documents, so a record
never depends on which engine, how many workers or which batch boundaries
produced it. A worker turns each result into its final form here (the JSON
line of the shard, or an error entry), so the driver only writes bytes.
"""

from __future__ import annotations

import importlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any

from ..model import Article, Document
from ..pipeline import Failure
from .memory import peak_rss_kb

__all__ = [
    "DEFAULT_EXTRACTOR",
    "ChunkResult",
    "Outcome",
    "WorkerSpec",
    "document_from_json",
    "document_to_json",
    "extract_chunk",
    "outcome_of",
    "prepare_worker",
]

#: The function a worker calls on a chunk: the library's own stream extractor.
DEFAULT_EXTRACTOR = "onrecord.api:extract_documents"

#: Documents per ``extract_documents`` call inside a chunk; the API's default.
EXTRACT_BATCH_SIZE = 16

#: Environment variable a worker sets before building its pipeline, so model
#: stages can place themselves on the requested device (``cpu`` or ``cuda``).
DEVICE_ENV = "ONRECORD_DEVICE"
#: Environment variable the tagger stage reads for its onnxruntime thread count.
THREADS_ENV = "ONRECORD_THREADS"


@dataclass(frozen=True)
class WorkerSpec:
    """Everything a worker needs to build its pipeline; picklable.

    Attributes:
        mode: the pipeline mode (``fast``, ``rules``, ``accurate``); None for the default.
        device: ``cpu`` or ``cuda``.
        extractor: ``"module:function"`` with the signature of
            :func:`onrecord.api.extract_documents`; the GPU path can supply its own.
        threads: threads each worker's model runtime may use (``ONRECORD_THREADS``);
            None leaves the runtime's default (all cores).
    """

    mode: str | None = None
    device: str = "cpu"
    extractor: str = DEFAULT_EXTRACTOR
    threads: int | None = None


@dataclass(frozen=True)
class Outcome:
    """The result for one document: a shard line, or an error entry.

    Attributes:
        ok: True when ``line`` holds the article's contract record.
        line: the record as one JSON line (no newline); empty when not ok.
        error: ``{"id", "source", "reason"}`` when not ok.
        quotes: number of quotes in the record.
    """

    ok: bool
    line: str = ""
    error: dict[str, Any] | None = None
    quotes: int = 0


@dataclass(frozen=True)
class ChunkResult:
    """A chunk's outcomes, in input order, and what the worker looked like after it."""

    outcomes: list[Outcome]
    #: peak resident memory in KiB of each worker process that ran the chunk, by pid
    peak_rss_kb: dict[int, int]
    pipeline: dict[str, Any] | None
    #: CPU seconds each worker process has used so far, by pid
    cpu_s: dict[int, float] = field(default_factory=dict)


_EXTRACT: Callable[..., Iterable[Article | Failure]] | None = None
_SPEC: WorkerSpec | None = None
_PIPELINE_INFO: dict[str, Any] | None = None


def resolve_extractor(target: str) -> Callable[..., Iterable[Article | Failure]]:
    """Import ``"module:function"`` and return the function."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def prepare_worker(spec: WorkerSpec) -> None:
    """Build this process's pipeline once (a process pool's initializer, an actor's constructor)."""
    global _EXTRACT, _SPEC, _PIPELINE_INFO
    os.environ[DEVICE_ENV] = spec.device
    if spec.threads:
        os.environ[THREADS_ENV] = str(spec.threads)
    _EXTRACT = resolve_extractor(spec.extractor)
    _SPEC = spec
    _PIPELINE_INFO = None
    if spec.extractor == DEFAULT_EXTRACTOR:
        from ..api import get_pipeline
        from ..pipeline import MODES, build_pipeline

        if spec.device != "cpu" and "tagger" in MODES.get(spec.mode or "", ()):
            pipeline = build_pipeline(spec.mode, tagger={"device": spec.device})
            _EXTRACT = partial(extract_with, pipeline)
        else:
            pipeline = get_pipeline(spec.mode)
        _PIPELINE_INFO = describe_pipeline(pipeline)


def extract_with(
    pipeline: Any, documents: Iterable[Document], mode: str | None = None, batch_size: int = 16
) -> Iterator[Article | Failure]:
    """:func:`onrecord.api.extract_documents` on a pipeline built here (a model stage on a GPU).

    The API builds its pipeline for a mode with the default device; until it
    takes a device, a CUDA worker builds its own and runs the same loop.
    """
    from ..pipeline import build_article, work_from_document

    docs = list(documents)
    for result in pipeline.pipe([work_from_document(d) for d in docs], batch_size=batch_size):
        yield result if isinstance(result, Failure) else build_article(result)


def describe_pipeline(pipeline: Any) -> dict[str, Any]:
    """Return the mode, the stage names and any model version the stages declare."""
    models = {}
    for stage in pipeline.stages:
        for attr in ("model_name", "model_version"):
            value = getattr(stage, attr, None)
            if value is not None:
                models[f"{stage.name}.{attr}"] = str(value)
    return {"mode": pipeline.mode, "stages": list(pipeline.names), "model": models or None}


def extract_chunk(documents: list[Document], spec: WorkerSpec | None = None) -> ChunkResult:
    """Extract ``documents`` in this process and return their outcomes in order.

    A document that makes the extractor raise (rather than yield a Failure) is
    isolated by retrying the chunk one document at a time, so one bad article
    costs only itself.

    Args:
        documents: the chunk, in input order.
        spec: builds the pipeline first when this process has none (or another).

    Returns:
        One outcome per document, with this process's id and peak RSS.
    """
    if _EXTRACT is None or (spec is not None and spec != _SPEC):
        prepare_worker(spec or WorkerSpec())
    assert _EXTRACT is not None and _SPEC is not None
    results: list[Article | Failure]
    try:
        results = list(_run(documents))
    except Exception:  # noqa: BLE001 - the batch boundary: retry one by one to name the bad document
        results = [_extract_alone(d) for d in documents]
    return ChunkResult(
        outcomes=[outcome_of(d, r) for d, r in zip(documents, results, strict=True)],
        peak_rss_kb={os.getpid(): peak_rss_kb()},
        cpu_s={os.getpid(): time.process_time()},
        pipeline=_PIPELINE_INFO,
    )


def _run(documents: list[Document]) -> Iterator[Article | Failure]:
    assert _EXTRACT is not None and _SPEC is not None
    yield from _EXTRACT(documents, mode=_SPEC.mode, batch_size=EXTRACT_BATCH_SIZE)


def _extract_alone(document: Document) -> Article | Failure:
    try:
        (result,) = list(_run([document]))
    except Exception as exc:  # noqa: BLE001 - the batch boundary: one document fails, the batch goes on
        return Failure(document.id, document.source, f"{type(exc).__name__}: {exc}")
    return result


def outcome_of(document: Document, result: Article | Failure) -> Outcome:
    """The shard line (or the errors.jsonl entry) for one document's result."""
    if isinstance(result, Failure):
        return Outcome(ok=False, error=error_entry(result.id, result.source or document.source, result.error))
    record = result.to_dict(include_text=True)
    return Outcome(ok=True, line=json.dumps(record, ensure_ascii=False), quotes=len(result.quotes))


def error_entry(doc_id: str, source: str | None, reason: str) -> dict[str, Any]:
    """Return the ``errors.jsonl`` entry for a document that failed."""
    return {"id": doc_id, "source": source, "reason": reason}


def document_to_json(document: Document) -> str:
    """Serialise a document for an engine that moves rows, not objects (Ray Data).

    >>> document_from_json(document_to_json(Document(id="a", text="x"))) == Document(id="a", text="x")
    True
    """
    return json.dumps(asdict(document), ensure_ascii=False)


def document_from_json(line: str) -> Document:
    """Read a document written by :func:`document_to_json`."""
    d = json.loads(line)
    d["warnings"] = tuple(d.get("warnings") or ())
    return Document(**d)
