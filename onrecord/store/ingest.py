"""From files to the archive: route inputs, extract, and write each article in its own transaction.

Inputs are anything :func:`onrecord.text.readers.read_paths` reads (text,
HTML, JSONL, WARC, ``-``), plus batch *shards*: JSONL files of contract
records (``onrecord extract --format jsonl`` or the batch runner), which go
straight to the store with no extraction. A shard record carries its text as
``source_text`` when written with ``--include-text``; without it the quotes
are stored and searchable but the article page has no text.

Every input yields exactly one :class:`IngestResult` or one
:class:`~onrecord.pipeline.Failure`; a failure never stops the rest.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import OnrecordError
from ..model import Article
from ..pipeline import Failure
from .base import IngestResult, Store

__all__ = ["expand_paths", "ingest_articles", "ingest_paths", "is_shard", "read_shard"]

#: File names that may hold contract records (shards) rather than input documents.
SHARD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


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


def is_shard(path: Path) -> bool:
    """Whether ``path`` is a JSONL file whose first record is a contract record."""
    if not path.name.endswith(SHARD_SUFFIXES):
        return False
    try:
        with _open_text(path) as f:
            for line in f:
                if line.strip():
                    return is_record(json.loads(line))
    except (OSError, UnicodeDecodeError, ValueError, EOFError):
        return False
    return False


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


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield files named or found under directories (sorted, hidden entries skipped); ``-`` passes through."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield p


def _articles(paths: Iterable[str], mode: str | None) -> Iterator[Article | Failure]:
    files = list(expand_paths(paths))
    shards = {f for f in files if f != "-" and is_shard(Path(f))}
    documents = [f for f in files if f not in shards]
    for f in files:
        if f in shards:
            yield from read_shard(Path(f))
    if documents:
        from ..api import extract_documents
        from ..text.readers import read_paths

        yield from extract_documents(read_paths(documents), mode=mode)


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


def ingest_paths(store: Store, paths: Iterable[str], mode: str | None = None) -> Iterator[IngestResult | Failure]:
    """Read, extract (shards: read back) and ingest everything under ``paths``.

    Args:
        store: the archive.
        paths: files, directories, or ``-`` for stdin.
        mode: the extraction mode for documents (shards are not re-extracted).

    Returns:
        One result or failure per article, as each is written.
    """
    return ingest_articles(store, _articles(paths, mode))
