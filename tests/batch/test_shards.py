"""Deterministic sharding and atomic shard files."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchkit import read_texts, write_corpus

from onrecord.batch.shards import fingerprint_items, group_shards, shard_file_name, write_atomic
from onrecord.model import Document


def test_the_same_stream_gives_the_same_shards(tmp_path: Path) -> None:
    write_corpus(tmp_path, 23)
    first = [(s.index, [i.id for i in s.items], s.fingerprint) for s in group_shards(read_texts(tmp_path), 10)]
    again = [(s.index, [i.id for i in s.items], s.fingerprint) for s in group_shards(read_texts(tmp_path), 10)]
    assert first == again
    assert [len(ids) for _, ids, _ in first] == [10, 10, 3]
    assert [idx for idx, _, _ in first] == [0, 1, 2]
    assert first[0][1][:2] == ["a-0000", "a-0001"]
    assert len({fp for _, _, fp in first}) == 3


def test_a_changed_item_changes_the_fingerprint() -> None:
    docs = [Document(id=f"d{i}", text="x", source=f"/in/d{i}.txt") for i in range(3)]
    moved = [*docs[:2], Document(id="d2", text="x", source="/elsewhere/d2.txt")]
    assert fingerprint_items(docs) == fingerprint_items(list(docs))
    assert fingerprint_items(docs) != fingerprint_items(moved)
    assert fingerprint_items(docs) != fingerprint_items(docs[::-1])


def test_sharding_streams_lazily() -> None:
    pulled = []

    def stream():
        for i in range(100):
            pulled.append(i)
            yield Document(id=str(i), text="x")

    first = next(group_shards(stream(), 10))
    assert len(first.items) == 10
    assert len(pulled) == 10


def test_shard_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        next(group_shards([], 0))


def test_write_atomic_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / shard_file_name(3)
    write_atomic(path, ['{"id": "a"}', '{"id": "b"}'])
    assert path.name == "shard-00003.jsonl"
    assert path.read_text() == '{"id": "a"}\n{"id": "b"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shard-00003.jsonl"]
