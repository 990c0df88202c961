"""The confidence floor of accurate mode (onrecord.attribution.floor)."""

from __future__ import annotations

from onrecord.attribution.floor import MIN_CONFIDENCE, FloorStage
from onrecord.pipeline import MODES, Pipeline
from onrecord.work import Candidate, Work


def _work(confidences):
    work = Work(id="t", text="x" * 100)
    work.candidates = [Candidate(content=[(10 * i, 10 * i + 5)], confidence=c) for i, c in enumerate(confidences)]
    return work


def test_drops_only_candidates_below_the_floor():
    work = _work([0.05, MIN_CONFIDENCE, 0.9, MIN_CONFIDENCE - 1e-9])
    FloorStage()(work)
    assert [c.confidence for c in work.candidates] == [MIN_CONFIDENCE, 0.9]


def test_zero_floor_keeps_everything():
    work = _work([0.0, 0.01, 0.5])
    FloorStage(min_confidence=0)(work)
    assert len(work.candidates) == 3


def test_survivors_are_renumbered_without_gaps():
    work = _work([0.9, 0.01, 0.8])
    Pipeline([FloorStage()], given=("candidates",)).run(work)
    assert [c.id for c in work.candidates] == ["q1", "q2"]
    assert [c.confidence for c in work.candidates] == [0.9, 0.8]


def test_accurate_mode_floors_after_resolution_and_before_statements():
    names = MODES["accurate"]
    assert names.index("resolve") < names.index("floor") < names.index("statements")
    assert "floor" not in MODES["fast"] and "floor" not in MODES["rules"]
