"""The tagger as a pipeline stage: missing model files, and (slow) the shipped model on texts written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.attribution.tagger import MODEL_DIR, ORIGIN, TaggerStage
from onrecord.errors import ModelError
from onrecord.model import join_content
from onrecord.pipeline import Pipeline, build_article, load_stage, work_from_document
from onrecord.model import Document

HAS_MODEL = (MODEL_DIR / "tagger.onnx").is_file() and (MODEL_DIR / "tokenizer.json").is_file()

TEXTS = [
    '"We will win this election," said Maria Lopez, the party\'s candidate.',
    "The minister told reporters on Monday that the new tax would not affect families. "
    "Opposition leaders believe the plan will fail.",
    'Smith said the vote was "a disgrace" and promised to appeal.\n\n"We are not finished," he added.',
    "Nobody said anything.",
    "",
]


def test_missing_model_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="tagger.onnx"):
        TaggerStage(model_dir=tmp_path)


def test_cuda_without_provider_raises_model_error() -> None:
    if not HAS_MODEL:
        pytest.skip("the tagger model is not installed")
    import onnxruntime as ort

    if "CUDAExecutionProvider" in ort.get_available_providers():
        pytest.skip("CUDA provider present")
    with pytest.raises(ModelError, match="CUDA"):
        TaggerStage(device="cuda")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    if not HAS_MODEL:
        pytest.skip("the tagger model is not installed (onrecord/attribution/model/tagger.onnx)")
    return Pipeline([load_stage("clean"), load_stage("quotes"), TaggerStage(threads=2)])


@pytest.mark.slow
def test_candidates_are_well_formed(pipeline: Pipeline) -> None:
    works = [work_from_document(Document(id=f"t{i}", text=t)) for i, t in enumerate(TEXTS)]
    done = list(pipeline.pipe(works))
    for work in done:
        article = build_article(work)
        for q in article.quotes:
            assert q.content and all(0 <= s < e <= len(work.text) for s, e in q.content)
            assert q.text == join_content(work.text, q.content)
            assert q.kind in ("direct", "indirect", "mixed")
            assert q.origin == ORIGIN and 0.0 <= q.confidence <= 1.0
            assert q.attribution in ("speech", "thought")
            for span in (q.cue, q.speaker):
                assert span is None or span.text == work.text[span.start : span.end]
    assert done[-1].candidates == []


@pytest.mark.slow
def test_finds_plain_attributions(pipeline: Pipeline) -> None:
    work = pipeline.run(work_from_document(Document(id="a", text=TEXTS[0] + " " + TEXTS[1])))
    found = {(c.speaker and work.text[slice(*c.speaker)], c.cue and work.text[slice(*c.cue)]) for c in work.candidates}
    assert any(s and s.startswith("Maria Lopez") and c == "said" for s, c in found)
    assert any(s == "The minister" and c and c.startswith("told") for s, c in found)
    direct = [c for c in work.candidates if c.cue and work.text[slice(*c.cue)] == "said"]
    assert direct and direct[0].kind == "direct"
    assert work.text[slice(*direct[0].content[0])].startswith("We will win")


@pytest.mark.slow
def test_batch_and_single_agree(pipeline: Pipeline) -> None:
    single = [pipeline.run(work_from_document(Document(id="s", text=t))).candidates for t in TEXTS]
    batch = [w.candidates for w in pipeline.pipe(work_from_document(Document(id="b", text=t)) for t in TEXTS)]
    assert [[(c.content, c.cue, c.speaker) for c in cs] for cs in single] == [
        [(c.content, c.cue, c.speaker) for c in cs] for cs in batch]


@pytest.mark.slow
def test_long_article_is_decoded_in_segments(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    import onrecord.attribution.tagger as tagger_module

    text = " ".join(TEXTS[:3] * 6)  # about 390 wordpieces
    whole = pipeline.run(work_from_document(Document(id="long", text=text))).candidates
    monkeypatch.setattr(tagger_module, "SEGMENT", 128)
    monkeypatch.setattr(tagger_module, "MAX_WINDOWS", 1)
    parts = pipeline.run(work_from_document(Document(id="long", text=text))).candidates
    assert all(0 <= s < e <= len(text) for c in parts for s, e in c.content)
    speakers = {text[slice(*c.speaker)] for c in whole if c.speaker}
    assert speakers and {text[slice(*c.speaker)] for c in parts if c.speaker} <= speakers
    assert len(parts) >= len(whole) - 3  # at most one attribution lost at each of 3 segment edges


@pytest.mark.slow
def test_torch_backend_runs_the_same_weights(pipeline: Pipeline) -> None:
    """The torch backend (the GPU path) dequantises tagger.onnx and finds the same attributions."""
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    torch_stage = TaggerStage(backend="torch", device="cpu")
    assert torch_stage.backend == "torch" and torch_stage.batch_size == 64
    text = TEXTS[0] + " " + TEXTS[1] + " " + TEXTS[2]
    ref = pipeline.run(work_from_document(Document(id="r", text=text))).candidates
    work = work_from_document(Document(id="t", text=text))
    for stage in pipeline.stages[:2]:
        stage(work)
    torch_stage(work)
    key = lambda cs: {(c.cue, c.speaker) for c in cs}  # noqa: E731
    assert key(work.candidates) == key(ref)


def _gold_cases() -> list:
    """Gold cases written for the tagger (tests/cases/tagger.jsonl; PolNeAR's conventions)."""
    import json

    path = Path(__file__).resolve().parents[1] / "cases" / "tagger.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        marks = [pytest.mark.slow]
        if case["expect"] == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=case.get("reason", "known failure")))
        out.append(pytest.param(case, id=case["name"], marks=marks))
    return out


@pytest.mark.parametrize("case", _gold_cases())
def test_gold_case_accurate(case: dict, pipeline: Pipeline) -> None:
    text = case["text"]
    work = pipeline.run(work_from_document(Document(id=case["name"], text=text)))
    got = [
        {
            "text": join_content(text, tuple(c.content)),
            "speaker": text[slice(*c.speaker)] if c.speaker else None,
            "cue": text[slice(*c.cue)] if c.cue else None,
            "kind": c.kind,
            "attribution": c.attribution,
        }
        for c in work.candidates
    ]
    assert got == case["quotes"]
