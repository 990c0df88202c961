"""``--engine ray`` writes the records ``--engine local`` writes, span for span."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from batchkit import EXTRACTOR, read_texts, write_corpus

from onrecord.batch import BatchConfig, BatchError, run_batch
from onrecord.model import Document

pytestmark = pytest.mark.ray

HERE = Path(__file__).resolve().parent


@pytest.fixture
def ray_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let Ray's worker processes import this folder's helpers (the test extractor)."""
    pytest.importorskip("ray")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(HERE), *sys.path]))


def shard_texts(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("shard-*.jsonl"))}


def run_both(documents: list, tmp_path: Path, **options) -> tuple[Path, Path]:
    local, ray = tmp_path / "local", tmp_path / "ray"
    base = {"mode": "fast", "extractor": EXTRACTOR, "progress": False, **options}
    run_batch(iter(documents), BatchConfig(out=local, engine="local", workers=2, **base))
    run_batch(iter(documents), BatchConfig(out=ray, engine="ray", workers=2, **base))
    return local, ray


def test_ray_and_local_write_identical_records(ray_env: None, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 11)
    (tmp_path / "in" / "a-0004.txt").write_bytes(b"")
    (tmp_path / "in" / "a-0007.txt").write_text("RAISE-RUNTIME-ERROR here", encoding="utf-8")
    documents = list(read_texts(tmp_path / "in"))
    local, ray = run_both(documents, tmp_path, shard_size=4, extractor="batchkit:extract_documents")
    assert list(shard_texts(local)) == ["shard-00000.jsonl", "shard-00001.jsonl", "shard-00002.jsonl"]
    assert shard_texts(ray) == shard_texts(local)
    assert (ray / "errors.jsonl").read_text() == (local / "errors.jsonl").read_text()
    m = json.loads((ray / "manifest.json").read_text())
    assert m["complete"] and m["counts"] == {**m["counts"], "ok": 9, "failed": 2}
    assert m["runs"][0]["engine"] == "ray" and m["runs"][0]["peak_rss_mb"]


@pytest.mark.polnear
def test_ray_and_local_agree_on_40_polnear_dev_texts(ray_env: None, polnear_dir: Path, tmp_path: Path) -> None:
    paths = sorted((polnear_dir / "dev" / "text").glob("*.txt"))[:40]
    assert len(paths) == 40
    documents = [Document(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in paths]
    local, ray = run_both(documents, tmp_path, shard_size=10)
    local_records = [json.loads(line) for text in shard_texts(local).values() for line in text.splitlines()]
    ray_records = [json.loads(line) for text in shard_texts(ray).values() for line in text.splitlines()]
    assert len(local_records) == 40
    assert sum(len(r["quotes"]) for r in local_records) > 0
    assert ray_records == local_records


def test_a_failure_inside_ray_becomes_a_batch_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The actors cannot import the test extractor (no PYTHONPATH for them): Ray's error is translated."""
    pytest.importorskip("ray")
    monkeypatch.setenv("PYTHONPATH", "")
    write_corpus(tmp_path / "in", 3)
    with pytest.raises(BatchError, match="Ray failed while extracting"):
        run_batch(read_texts(tmp_path / "in"), BatchConfig(out=tmp_path / "out", engine="ray", workers=1, mode="fast",
                                                           extractor="batchkit:extract_documents", progress=False))
    assert not list((tmp_path / "out").glob("shard-*.jsonl"))


def test_one_stream_keeps_order_across_empty_shards_and_many_chunks(ray_env: None, tmp_path: Path) -> None:
    """Shards made only of read failures, and more chunks than the feeder may queue ahead, in one dataset."""
    write_corpus(tmp_path / "in", 40, paragraphs=1)
    for name in ("a-0010.txt", "a-0011.txt", "a-0012.txt"):  # shard 5 (size 2) holds read failures only
        (tmp_path / "in" / name).write_bytes(b"")
    documents = list(read_texts(tmp_path / "in"))
    local, ray = run_both(documents, tmp_path, shard_size=2, chunk_size=1, extractor="batchkit:extract_documents")
    assert len(shard_texts(local)) == 20 and shard_texts(ray) == shard_texts(local)
    assert (ray / "errors.jsonl").read_text() == (local / "errors.jsonl").read_text()
    m = json.loads((ray / "manifest.json").read_text())
    assert m["complete"] and m["counts"]["ok"] == 37 and len(m["runs"][0]["peak_rss_mb"]) <= 2


def test_a_changed_input_under_a_resumed_ray_run_is_refused(ray_env: None, tmp_path: Path) -> None:
    """The input is read in a feeder thread; its error reaches the caller, and finished shards stay."""
    write_corpus(tmp_path / "in", 6)
    options = {"engine": "ray", "workers": 1, "mode": "fast", "shard_size": 2, "extractor": "batchkit:extract_documents",
               "progress": False}
    run_batch(read_texts(tmp_path / "in"), BatchConfig(out=tmp_path / "out", **options))
    (tmp_path / "in" / "a-0003.txt").rename(tmp_path / "in" / "a-0003b.txt")
    with pytest.raises(BatchError, match="the input changed"):
        run_batch(read_texts(tmp_path / "in"), BatchConfig(out=tmp_path / "out", **options))
    assert len(list((tmp_path / "out").glob("shard-*.jsonl"))) == 3
