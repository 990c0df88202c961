"""The batch runner: shard files, manifest, errors.jsonl, resume, worker pools."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from batchkit import EXTRACTOR, read_texts, write_corpus

from onrecord.batch import BatchConfig, BatchError, run_batch
from onrecord.model import Article


def config(out: Path, **changes) -> BatchConfig:
    base = {"out": out, "inputs": ("corpus/",), "mode": "fast", "shard_size": 10, "extractor": EXTRACTOR,
            "progress": False}
    return BatchConfig(**{**base, **changes})


def shard_texts(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("shard-*.jsonl"))}


def records(out: Path) -> list[dict]:
    return [json.loads(line) for text in shard_texts(out).values() for line in text.splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    write_corpus(tmp_path / "in", 25)
    return tmp_path / "in"


def test_a_run_writes_shards_of_contract_records(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_batch(read_texts(corpus), config(out))
    assert (report.documents, report.ok, report.failed, report.complete) == (25, 25, 0, True)
    shards = shard_texts(out)
    assert list(shards) == ["shard-00000.jsonl", "shard-00001.jsonl", "shard-00002.jsonl"]
    assert [len(t.splitlines()) for t in shards.values()] == [10, 10, 5]
    recs = records(out)
    assert [r["id"] for r in recs] == [f"a-{i:04d}" for i in range(25)]
    for r in recs:
        text = (corpus / f"{r['id']}.txt").read_text(encoding="utf-8")
        assert r["source_text"] == text
        article = Article.from_dict(r)
        assert article.quotes, r["id"]
        for q in article.quotes:
            assert q.text == " ".join(text[s:e] for s, e in q.content)
    assert sorted(p.name for p in out.iterdir()) == sorted([*shards, "errors.jsonl", "manifest.json"])
    assert (out / "errors.jsonl").read_text() == ""


def test_the_manifest_says_what_was_asked_and_done(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(read_texts(corpus), config(out))
    m = json.loads((out / "manifest.json").read_text())
    assert m["format"] == "onrecord-batch/1"
    assert m["contract"] == "v1"
    assert m["onrecord_version"]
    assert (m["inputs"], m["mode"], m["shard_size"]) == (["corpus/"], "fast", 10)
    assert m["complete"] is True and m["shards_total"] == 3
    quotes = sum(len(r["quotes"]) for r in records(out))
    assert m["counts"] == {"documents": 25, "ok": 25, "failed": 0, "quotes": quotes}
    assert [(s["index"], s["file"], s["status"], s["ok"]) for s in m["shards"]] == [
        (0, "shard-00000.jsonl", "done", 10),
        (1, "shard-00001.jsonl", "done", 10),
        (2, "shard-00002.jsonl", "done", 5),
    ]
    assert all(len(s["fingerprint"]) == 40 and s["elapsed_s"] >= 0 for s in m["shards"])
    (run,) = m["runs"]
    assert (run["engine"], run["workers"], run["device"], run["documents"]) == ("local", 1, "cpu", 25)
    assert run["articles_per_s"] > 0 and m["timings"]["articles_per_s"] > 0
    assert run["peak_rss_mb"] and all(mb > 0 for mb in run["peak_rss_mb"].values())
    assert m["pipeline"]["mode"] == "fast" and m["pipeline"]["stages"]


def test_bad_documents_go_to_errors_and_the_batch_goes_on(corpus: Path, tmp_path: Path) -> None:
    (corpus / "a-0003.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (corpus / "a-0012.txt").write_bytes(b"")
    (corpus / "a-0020.txt").write_text("RAISE-RUNTIME-ERROR in this text", encoding="utf-8")
    (corpus / "a-0021.txt").write_text("RAISE-EXTRACTION-ERROR in this text", encoding="utf-8")
    out = tmp_path / "out"
    report = run_batch(read_texts(corpus), config(out, extractor="batchkit:extract_documents"))
    assert (report.documents, report.ok, report.failed) == (25, 21, 4)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["id"], e["stage"], e["shard"]) for e in errors] == [
        ("a-0003", "read", 0),
        ("a-0012", "read", 1),
        ("a-0020", "extract", 2),
        ("a-0021", "extract", 2),
    ]
    assert errors[0]["source"] == str(corpus / "a-0003.txt") and "binary" in errors[0]["reason"]
    assert "empty" in errors[1]["reason"]
    assert errors[2]["reason"] == "RuntimeError: test double crashed"
    assert "refused" in errors[3]["reason"]
    ids = [r["id"] for r in records(out)]
    assert len(ids) == 21 and "a-0003" not in ids and "a-0022" in ids and "a-0019" in ids
    m = json.loads((out / "manifest.json").read_text())
    assert m["counts"]["failed"] == 4 and [s["failed"] for s in m["shards"]] == [1, 1, 2]


def test_two_workers_write_what_one_process_writes(corpus: Path, tmp_path: Path) -> None:
    run_batch(read_texts(corpus), config(tmp_path / "one", workers=1))
    report = run_batch(read_texts(corpus), config(tmp_path / "two", workers=2, shard_size=7))
    run_batch(read_texts(corpus), config(tmp_path / "two-same", workers=2))
    assert shard_texts(tmp_path / "one") == shard_texts(tmp_path / "two-same")
    assert records(tmp_path / "one") == records(tmp_path / "two")
    m = json.loads((tmp_path / "two" / "manifest.json").read_text())
    # one entry per worker process that got work (a fast worker may take every chunk)
    assert report.ok == 25 and 1 <= len(m["runs"][0]["peak_rss_mb"]) <= 2


def test_a_rerun_skips_finished_shards(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(read_texts(corpus), config(out))
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("shard-*.jsonl")}
    report = run_batch(read_texts(corpus), config(out))
    assert (report.shards_written, report.shards_skipped, report.documents) == (0, 3, 0)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("shard-*.jsonl")} == before
    m = json.loads((out / "manifest.json").read_text())
    assert len(m["runs"]) == 2 and m["counts"]["ok"] == 25 and m["complete"]


def test_a_resumed_run_redoes_only_what_was_not_committed(corpus: Path, tmp_path: Path) -> None:
    (corpus / "a-0024.txt").write_bytes(b"")
    reference = tmp_path / "reference"
    run_batch(read_texts(corpus), config(reference))
    out = tmp_path / "out"
    run_batch(read_texts(corpus), config(out))
    # What a kill leaves behind: the last shard renamed and its error appended,
    # but no manifest entry yet, plus a half-written temp file.
    m = json.loads((out / "manifest.json").read_text())
    m["shards"] = m["shards"][:2]
    m["complete"] = False
    (out / "manifest.json").write_text(json.dumps(m))
    (out / "shard-00003.jsonl.tmp").write_text('{"id": "half')
    with open(out / "errors.jsonl", "a") as f:
        f.write('{"id": "cut sh')
    report = run_batch(read_texts(corpus), config(out))
    assert (report.shards_written, report.shards_skipped) == (1, 2)
    assert shard_texts(out) == shard_texts(reference)
    assert (out / "errors.jsonl").read_text() == (reference / "errors.jsonl").read_text()
    assert not list(out.glob("*.tmp"))


def test_a_resumed_run_refuses_a_changed_input(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(read_texts(corpus), config(out))
    (corpus / "a-0005.txt").rename(corpus / "z-0005.txt")
    with pytest.raises(BatchError, match="input changed"):
        run_batch(read_texts(corpus), config(out))


def test_a_resumed_run_refuses_other_options(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(read_texts(corpus), config(out))
    with pytest.raises(BatchError, match="shard size 10"):
        run_batch(read_texts(corpus), config(out, shard_size=5))
    with pytest.raises(BatchError, match="mode=fast"):
        run_batch(read_texts(corpus), config(out, mode="rules"))


def test_bad_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="engine"):
        run_batch([], config(tmp_path, engine="spark"))
    with pytest.raises(BatchError, match="workers"):
        run_batch([], config(tmp_path, workers=0))


def test_cuda_without_a_gpu_is_refused_before_any_work(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("a GPU is visible here")
    with pytest.raises(BatchError, match="no CUDA device"):
        run_batch([], config(tmp_path / "out", device="cuda"))


def test_an_empty_input_gives_a_complete_empty_run(tmp_path: Path) -> None:
    report = run_batch([], config(tmp_path / "out"))
    assert (report.documents, report.complete) == (0, True)
    m = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert m["shards"] == [] and m["shards_total"] == 0


def test_workers_get_the_device_and_a_share_of_the_cores(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ONRECORD_THREADS", raising=False)
    out = tmp_path / "out"
    run_batch(read_texts(corpus), config(out, workers=2, extractor="batchkit:env_extract_documents"))
    metas = [r["meta"] for r in records(out)]
    assert {m["ONRECORD_DEVICE"] for m in metas} == {"cpu"}
    assert {m["ONRECORD_THREADS"] for m in metas} == {str(max(1, (os.cpu_count() or 1) // 2))}
    assert all(m["pid"] != os.getpid() for m in metas)


def test_an_extractor_that_does_not_import_is_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="cannot load the extractor"):
        run_batch([], config(tmp_path / "out", extractor="no_such_module_here:extract"))
