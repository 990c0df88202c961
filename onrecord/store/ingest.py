"""From files to the archive: route inputs, extract, and write each article in its own transaction.

Inputs are anything :func:`onrecord.text.readers.read_paths` reads (text,
HTML, JSONL, WARC, ``-``), plus batch *shards*: JSONL files of contract
records (``onrecord extract --format jsonl`` or the batch runner), which go
straight to the store with no extraction. A shard record carries its text as
``source_text`` when written with ``--include-text``; without it the quotes
are stored and searchable but the article page has no text.

Files are told apart by content, not name: a JSONL file whose first line is a
contract record is a shard. A *batch output directory* (``onrecord batch --out
DIR``: it holds a ``manifest.json`` of format ``onrecord-batch/1``) is read as
the run its manifest records: only its finished shards, in shard order;
``manifest.json``, ``errors.jsonl`` (the run's failures, reported by the run)
and the files of unfinished shards are not read, and :func:`plan_inputs` says
so in a note. Anywhere else, a JSONL file whose first line is a batch error
entry (``{"id", "source", "reason"}``) is skipped with a note rather than
failing line by line.

Every input yields exactly one :class:`IngestResult` or one
:class:`~onrecord.pipeline.Failure`; a failure never stops the rest.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import OnrecordError
from ..model import Article
from ..pipeline import Failure
from .base import IngestResult, Store

__all__ = [
    "BatchOutput",
    "InputPlan",
    "ingest_articles",
    "ingest_paths",
    "is_error_entry",
    "is_error_log",
    "is_record",
    "is_shard",
    "plan_inputs",
    "read_batch_output",
    "read_shard",
]

#: File names that may hold contract records (shards) rather than input documents.
SHARD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
#: The batch runner's manifest name and format (``onrecord/batch/manifest.py``;
#: repeated here because the store does not import the batch package).
BATCH_MANIFEST = "manifest.json"
BATCH_FORMAT = "onrecord-batch/1"
#: The keys of a batch ``errors.jsonl`` entry (``onrecord.batch.worker.error_entry``).
ERROR_KEYS = frozenset({"id", "source", "reason"})


def _open_text(path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def is_record(d: Any) -> bool:
    """Whether a JSON value is a contract article record rather than an input document.

    >>> is_record({"id": "a", "quotes": []}), is_record({"id": "a", "text": "..."})
    (True, False)
    """
    return isinstance(d, dict) and isinstance(d.get("quotes"), list) and "text" not in d


def is_error_entry(d: Any) -> bool:
    """Whether a JSON value is a batch ``errors.jsonl`` entry: a failure report, not an input.

    >>> is_error_entry({"id": "a", "source": "a.txt", "reason": "empty input", "shard": 0})
    True
    >>> is_error_entry({"id": "a", "source": None, "reason": "x", "text": "..."})
    False
    """
    return isinstance(d, dict) and ERROR_KEYS <= d.keys() and "text" not in d and "quotes" not in d


def _first_json(path: Path) -> Any:
    """The first JSON value of a JSONL file; None when it has none or cannot be read."""
    if not path.name.endswith(SHARD_SUFFIXES):
        return None
    try:
        with _open_text(path) as f:
            for line in f:
                if line.strip():
                    return json.loads(line)
    except (OSError, UnicodeDecodeError, ValueError, EOFError):
        return None
    return None


def is_shard(path: Path) -> bool:
    """Whether ``path`` is a JSONL file whose first line is a contract record."""
    return is_record(_first_json(path))


def is_error_log(path: Path) -> bool:
    """Whether ``path`` is a JSONL file whose first line is a batch error entry."""
    return is_error_entry(_first_json(path))


def read_shard(path: Path) -> Iterator[Article | Failure]:
    """Yield the article of each line of a shard, or a Failure for a line that is not a record."""
    try:
        with _open_text(path) as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    d = json.loads(line)
                    if not is_record(d):
                        raise ValueError("not a contract record (no 'quotes' list)")
                    yield Article.from_dict(d)
                except (ValueError, KeyError, TypeError) as e:
                    yield Failure(where, where, f"bad record: {e}")
    except (OSError, UnicodeDecodeError, EOFError) as e:
        yield Failure(str(path), str(path), f"cannot read shard: {e}")


@dataclass(frozen=True)
class BatchOutput:
    """What ingest reads of a batch output directory: the finished shards its manifest lists.

    Attributes:
        directory: the output directory.
        shards: the finished shard files, in shard order.
        complete: whether the run finished every shard.
        articles: articles in the finished shards (the manifest's ``ok`` counts).
        quotes: quotes in them (the manifest's ``quotes`` counts).
        failed: documents of the finished shards that failed (listed in ``errors.jsonl``).
        skipped: the directory's other files, not read.
    """

    directory: Path
    shards: tuple[Path, ...]
    complete: bool
    articles: int
    quotes: int
    failed: int
    skipped: tuple[Path, ...]

    def describe(self) -> str:
        """One line for a person: what is read and what is not."""
        run = "a finished run" if self.complete else "an unfinished run (rerun the batch to resume it)"
        names = [p.name for p in self.skipped]
        shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
        return (
            f"{self.directory} is batch output ({BATCH_MANIFEST}, {run}): reading its {len(self.shards)} "
            f"finished shard(s) with {self.articles} article(s) and {self.quotes} quote(s)"
            + (f"; {self.failed} document(s) that failed are listed in errors.jsonl" if self.failed else "")
            + (f"; not read: {shown}" if names else "")
        )


def read_batch_output(directory: Path) -> BatchOutput | None:
    """Read the manifest of a batch output directory; None when ``directory`` holds no batch manifest.

    A shard counts as finished when the manifest lists it as ``done`` and its
    file exists (the batch runner's own rule), so a killed run gives exactly
    what it committed.
    """
    try:
        data = json.loads((directory / BATCH_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != BATCH_FORMAT:
        return None
    entries = sorted(
        (s for s in data.get("shards") or () if isinstance(s, dict) and s.get("status") == "done"),
        key=lambda s: int(s.get("index", 0)),
    )
    done = [s for s in entries if isinstance(s.get("file"), str) and (directory / s["file"]).is_file()]
    shards = tuple(directory / s["file"] for s in done)
    listed = set(shards)
    skipped = tuple(
        p for p in sorted(directory.iterdir()) if p.is_file() and p not in listed and not p.name.startswith(".")
    )
    return BatchOutput(
        directory=directory,
        shards=shards,
        complete=bool(data.get("complete")) and len(done) == len(entries),
        articles=sum(int(s.get("ok", 0)) for s in done),
        quotes=sum(int(s.get("quotes", 0)) for s in done),
        failed=sum(int(s.get("failed", 0)) for s in done),
        skipped=skipped,
    )


@dataclass(frozen=True)
class InputPlan:
    """What ingest will read: shards (records, stored as they are) and documents (to extract).

    ``notes`` say, for a person, what was recognised and what is not read;
    ``batches`` are the batch output directories found.
    """

    shards: tuple[str, ...]
    documents: tuple[str, ...]
    notes: tuple[str, ...] = ()
    batches: tuple[BatchOutput, ...] = ()


def plan_inputs(paths: Iterable[str]) -> InputPlan:
    """Sort ``paths`` into shards and documents, reading batch output directories as runs.

    A directory (named, or found while walking) that holds a batch manifest
    contributes only its finished shards (its subdirectories are still
    walked); a named batch ``manifest.json`` stands for its directory. Other
    files are told apart by content: a JSONL file of contract records is a
    shard, one of batch error entries is not read, anything else is a
    document (for :func:`onrecord.text.readers.read_paths`).
    """
    shards: list[str] = []
    documents: list[str] = []
    notes: list[str] = []
    batches: list[BatchOutput] = []
    seen: set[Path] = set()

    def add_batch(directory: Path) -> bool:
        batch = read_batch_output(directory)
        if batch is None:
            return False
        if directory.resolve() not in seen:
            seen.add(directory.resolve())
            batches.append(batch)
            notes.append(batch.describe())
            shards.extend(str(p) for p in batch.shards)
        return True

    def add_file(f: str) -> None:
        path = Path(f)
        if f == "-":
            documents.append(f)
        elif path.name == BATCH_MANIFEST and add_batch(path.parent):
            return
        elif is_shard(path):
            shards.append(f)
        elif is_error_log(path):
            notes.append(f"{f} holds batch error entries (documents that failed), not articles: not read")
        else:
            documents.append(f)

    for p in paths:
        if p == "-" or not os.path.isdir(p):
            add_file(p)
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            if BATCH_MANIFEST in files and add_batch(Path(root)):
                continue
            for name in sorted(files):
                if not name.startswith("."):
                    add_file(os.path.join(root, name))
    return InputPlan(tuple(shards), tuple(documents), tuple(notes), tuple(batches))


def _articles(plan: InputPlan, mode: str | None) -> Iterator[Article | Failure]:
    for f in plan.shards:
        yield from read_shard(Path(f))
    if plan.documents:
        from ..api import extract_documents
        from ..text.readers import read_paths

        yield from extract_documents(read_paths(list(plan.documents)), mode=mode)


def ingest_articles(store: Store, articles: Iterable[Article | Failure]) -> Iterator[IngestResult | Failure]:
    """Write each article in its own transaction; pass failures through; turn a store error into a Failure."""
    for a in articles:
        if isinstance(a, Failure):
            yield a
            continue
        try:
            yield store.ingest(a)
        except OnrecordError as e:
            yield Failure(a.id, a.meta.get("source") if a.meta else None, str(e))


def ingest_paths(
    store: Store, paths: Iterable[str], mode: str | None = None, notify: Callable[[str], None] | None = None
) -> Iterator[IngestResult | Failure]:
    """Read, extract (shards: read back) and ingest everything under ``paths``.

    Args:
        store: the archive.
        paths: files, directories (batch output directories read as runs), or ``-`` for stdin.
        mode: the extraction mode for documents (shards are not re-extracted).
        notify: receives each note of :func:`plan_inputs` (what was recognised
            or not read), before any article is read.

    Returns:
        One result or failure per article, as each is written.
    """
    plan = plan_inputs(paths)
    if notify is not None:
        for note in plan.notes:
            notify(note)
    return ingest_articles(store, _articles(plan, mode))
