"""The pipeline checks stage order up front and isolates per-document failures."""

import pytest

from onrecord.errors import ExtractionError, PipelineError
from onrecord.model import Document
from onrecord.pipeline import Failure, Pipeline, build_article, work_from_document
from onrecord.work import Candidate


class Stage:
    def __init__(self, name, needs=(), gives=(), critical=True, action=None):
        self.name, self.needs, self.gives, self.critical, self.action = name, needs, gives, critical, action

    def __call__(self, work):
        if self.action:
            self.action(work)


def _mark_quote(work):
    if "boom" in work.text:
        raise ValueError("cannot handle boom")
    i = work.text.index('"')
    j = work.text.index('"', i + 1)
    work.candidates.append(Candidate(content=[(i + 1, j)], kind="direct", origin="test"))


def test_unmet_needs_fail_when_built():
    with pytest.raises(PipelineError, match="needs candidates"):
        Pipeline([Stage("resolve", needs=("candidates",))])


def test_a_pipeline_may_continue_another():
    # the GPU path runs the stages after the tagger on documents that already carry candidates
    tail = Pipeline([Stage("resolve", needs=("candidates",))], given=("candidates",))
    assert tail.names == ["resolve"]


def test_stages_run_in_order_and_quotes_are_numbered():
    p = Pipeline([Stage("q", gives=("candidates",), action=_mark_quote)])
    work = p.run(work_from_document(Document(id="a", text='x "hello" y')))
    art = build_article(work)
    assert [q.id for q in art.quotes] == ["q1"]
    assert art.quotes[0].text == "hello"


def test_critical_failure_is_isolated_to_its_document():
    p = Pipeline([Stage("q", gives=("candidates",), action=_mark_quote)])
    docs = [Document(id=i, text=t) for i, t in [("a", '"one"'), ("b", '"boom"'), ("c", '"three"')]]
    out = list(p.pipe(work_from_document(d) for d in docs))
    assert isinstance(out[1], Failure) and "boom" in out[1].error
    assert [build_article(w).quotes[0].text for w in (out[0], out[2])] == ["one", "three"]
    with pytest.raises(ExtractionError):
        p.run(work_from_document(docs[1]))


def test_optional_stage_failure_becomes_a_warning():
    def explode(work):
        raise RuntimeError("resolver broke")

    p = Pipeline([Stage("q", gives=("candidates",), action=_mark_quote), Stage("r", critical=False, action=explode)])
    art = build_article(p.run(work_from_document(Document(id="a", text='"hi"'))))
    assert art.quotes and any("resolver broke" in w for w in art.warnings)


class _NoModel:
    def __init__(self, **_):
        from onrecord.errors import ModelError

        raise ModelError("tagger.onnx is not installed")


def test_accurate_mode_falls_back_to_rules_with_a_warning(monkeypatch):
    import sys
    import types

    from onrecord import pipeline

    mod = types.ModuleType("onrecord_test_nomodel")
    mod.NoModel = _NoModel
    monkeypatch.setitem(sys.modules, "onrecord_test_nomodel", mod)
    monkeypatch.setitem(pipeline.STAGES, "tagger", "onrecord_test_nomodel:NoModel")
    monkeypatch.setitem(pipeline.MODES, "rules", ("clean", "quotes", "rules"))
    p = pipeline.build_pipeline("accurate")
    assert p.mode == "rules" and "tagger" not in p.names
    art = build_article(p.run(work_from_document(Document(id="a", text='"We will win," she said.'))))
    assert art.quotes and any("fell back to rules" in w for w in art.warnings)
