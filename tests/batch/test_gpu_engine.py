"""The GPU engine (one model in the driver, CPU workers around it), run with torch on the CPU."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("onnx")

from onrecord.batch import runner  # noqa: E402
from onrecord.batch.engines import Unit  # noqa: E402
from onrecord.batch.gpu import GpuEngine, GpuTagger  # noqa: E402
from onrecord.batch.runner import BatchConfig  # noqa: E402
from onrecord.batch.worker import WorkerSpec  # noqa: E402
from onrecord.model import Document  # noqa: E402
from onrecord.pipeline import build_article, build_pipeline, work_from_document  # noqa: E402

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _documents() -> list[Document]:
    docs = [Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    # an empty one, a tiny one, and one long enough for several windows
    long = "\n\n".join(d.text for d in docs)
    return docs + [Document(id="empty", text=""), Document(id="tiny", text='"Hi," she said.'),
                   Document(id="long", text=long)]


def _split_confidence(line: str) -> tuple[dict, list[float]]:
    """The record without its confidences, and the confidences (batch neighbours move their 4th decimal)."""
    record = json.loads(line)
    return record, [q.pop("confidence") for q in record["quotes"]]


def test_records_equal_the_torch_tagger_stage_in_order() -> None:
    docs = _documents()
    units = [Unit(0, tuple(range(a, min(a + 3, len(docs)))), tuple(docs[a : a + 3]), a + 3 >= len(docs))
             for a in range(0, len(docs), 3)]
    with GpuEngine(WorkerSpec(mode="accurate", device="cpu"), workers=2, batch_tokens=2048) as engine:
        results = list(engine.map(units))
    assert [u for u, _ in results] == units  # input order, though passes mix units
    outcomes = [o for _, r in results for o in r.outcomes]
    assert all(o.ok for o in outcomes)
    pipeline = build_pipeline("accurate", tagger={"device": "cpu", "backend": "torch"})
    for doc, outcome in zip(docs, outcomes, strict=True):
        ref = build_article(next(pipeline.pipe([work_from_document(doc)])))
        got, got_conf = _split_confidence(outcome.line)
        want, want_conf = _split_confidence(json.dumps(ref.to_dict(include_text=True), ensure_ascii=False))
        assert got == want
        assert got_conf == pytest.approx(want_conf, abs=1e-3)
    assert any(json.loads(o.line)["quotes"] for o in outcomes)
    assert results[0][1].pipeline["engine"] == "gpu"


def test_out_of_memory_halves_the_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    from onrecord.batch.gpu import init_worker, prepare_documents

    init_worker(WorkerSpec(mode="accurate", device="cpu"))
    prepared, _, _ = prepare_documents(_documents()[:3])
    segments = [s for p in prepared for s in p.segments]
    tagger = GpuTagger("cpu")
    whole = tagger.run(segments)
    real = tagger._run
    sizes = []

    def small_device(segs):
        sizes.append(len(segs))
        if len(segs) > 1:
            raise torch.cuda.OutOfMemoryError("pretend")
        return real(segs)

    monkeypatch.setattr(tagger, "_run", small_device)
    halved = tagger.run(segments)
    assert max(sizes) == len(segments) and sizes.count(1) == len(segments)
    assert [p.tolist() for _, p in halved] == [p.tolist() for _, p in whole]


def test_cuda_batches_in_accurate_mode_use_the_gpu_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(runner, "_require_cuda", lambda: None)
    spec = WorkerSpec(mode="accurate", device="cuda")
    engine = runner._make_engine(BatchConfig(out=tmp_path, mode="accurate", device="cuda", workers=2), spec)
    assert isinstance(engine, GpuEngine) and engine.workers == 2
    fast = WorkerSpec(mode="fast", device="cuda")
    assert not isinstance(runner._make_engine(BatchConfig(out=tmp_path, mode="fast", device="cuda"), fast), GpuEngine)


def test_a_document_the_device_cannot_take_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _documents()[:3]
    units = [Unit(0, (0, 1, 2), tuple(docs), True)]
    with GpuEngine(WorkerSpec(mode="accurate", device="cpu"), workers=1, batch_tokens=1 << 20) as engine:
        real = engine.tagger.run

        def picky(segs):
            if any(s.tokens == docs_tokens[docs[1].id] for s in segs):
                raise RuntimeError("device says no")
            return real(segs)

        from onrecord.batch.gpu import _segments_of, init_worker

        init_worker(WorkerSpec(mode="accurate", device="cpu"))
        from onrecord.batch import gpu

        docs_tokens = {d.id: sum(s.tokens for s in _segments_of(d.text, gpu._STATE.tokenizer)) for d in docs}
        monkeypatch.setattr(engine.tagger, "run", picky)
        ((_, result),) = list(engine.map(units))
    assert [o.ok for o in result.outcomes] == [True, False, True]
    assert "device says no" in result.outcomes[1].error["reason"]
