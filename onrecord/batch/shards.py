"""Deterministic sharding of an input stream, and atomic shard files.

Shard ``i`` holds items ``i*N .. i*N+N-1`` of the input stream (documents and
read failures alike), so the same input always gives the same shards and a
rerun can tell which are finished. A shard's fingerprint hashes the ids and
sources of its items: a resumed run checks it to notice a changed input.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ..model import Document
from ..pipeline import Failure

__all__ = ["Shard", "fingerprint_items", "group_shards", "shard_file_name", "write_atomic"]

#: Suffix of a shard being written; renamed to its final name when complete.
TMP_SUFFIX = ".tmp"


@dataclass(frozen=True)
class Shard:
    """One slice of the input stream.

    Attributes:
        index: 0, 1, 2, ... in input order.
        items: the documents and read failures, in input order.
        fingerprint: sha1 over the items' ids and sources.
    """

    index: int
    items: tuple[Document | Failure, ...]
    fingerprint: str

    @property
    def file_name(self) -> str:
        return shard_file_name(self.index)


def shard_file_name(index: int) -> str:
    """Return the shard's file name.

    >>> shard_file_name(7)
    'shard-00007.jsonl'
    """
    return f"shard-{index:05d}.jsonl"


def fingerprint_items(items: Iterable[Document | Failure]) -> str:
    """Hash the identity (id and source) of each item, in order.

    >>> fingerprint_items([]) == fingerprint_items(())
    True
    """
    h = hashlib.sha1()
    for item in items:
        h.update(f"{item.id}\t{item.source or ''}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def group_shards(items: Iterable[Document | Failure], size: int) -> Iterator[Shard]:
    """Cut the stream into shards of ``size`` items; only one shard is held at a time.

    Args:
        items: the input stream (from :func:`onrecord.text.readers.read_paths`).
        size: items per shard (the last may hold fewer).

    Raises:
        ValueError: ``size`` is not positive.
    """
    if size < 1:
        raise ValueError(f"shard size must be at least 1, not {size}")
    stream = iter(items)
    index = 0
    while True:
        chunk = tuple(islice(stream, size))
        if not chunk:
            return
        yield Shard(index, chunk, fingerprint_items(chunk))
        index += 1


def write_atomic(path: Path, lines: Iterable[str]) -> None:
    """Write ``lines`` (each without a newline) to ``path`` through a temporary file.

    The temporary file is flushed to disk and renamed over ``path``, so a
    reader (or a resumed run) sees either the whole file or none of it.
    """
    tmp = path.with_name(path.name + TMP_SUFFIX)
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
