"""The resolve stage on gold cases (model-free), and its contract with the pipeline."""

from __future__ import annotations

import pytest

from onrecord.pipeline import Pipeline
from onrecord.resolve.speakers import CONFIDENCE_FACTOR, ResolveStage, resolve_speakers
from onrecord.work import Candidate, Work

from .cases import by_content, load_cases, work_of

CASES = load_cases()


def _param(case):
    marks = []
    if case["expect"] == "fail":
        marks.append(pytest.mark.xfail(strict=True, reason=case.get("reason", "known failure")))
    return pytest.param(case, id=case["id"], marks=marks)


def _check(case, work):
    entities = {e.id: e for e in work.entities}
    for spec, cand in by_content(work, case):
        label = f"{case['id']}: {spec['content']!r}"
        assert cand.speaker_name == spec["expect_name"], label
        if spec["expect_name"] is None:
            assert cand.speaker_id is None, label
            continue
        assert cand.speaker_id in entities, label
        assert entities[cand.speaker_id].name == spec["expect_name"], label
        if "expect_origin" in spec:
            assert cand.resolve_origin == spec["expect_origin"], label
        if "expect_type" in spec:
            assert entities[cand.speaker_id].type == spec["expect_type"], label
    for want in case["entities"]:
        named = [e for e in work.entities if e.name == want["name"]]
        assert len(named) == 1, f"{case['id']}: entity {want['name']!r} found {len(named)} times"
        assert named[0].type == want["type"]
        descs = list(named[0].descriptors)
        for d in want.get("descriptors", ()):
            assert d in descs, f"{case['id']}: {d!r} not in {descs}"
        if "descriptors" in want:
            order = [descs.index(d) for d in want["descriptors"]]
            assert order == sorted(order), f"{case['id']}: descriptors out of text order: {descs}"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_gold_case_without_parse(case):
    work = work_of(case)
    ResolveStage()(work)
    _check(case, work)


def test_gold_cases_cover_both_conventions():
    regions = {c["region"] for c in CASES}
    assert {"uk", "us"} <= regions
    origins = {s.get("expect_origin") for c in CASES for s in c["candidates"]}
    for origin in CONFIDENCE_FACTOR:
        assert origin in origins, f"no gold case exercises {origin}"


def test_stage_declares_its_contract():
    stage = ResolveStage()
    assert (stage.name, stage.needs, stage.gives, stage.critical) == ("resolve", ("candidates",), ("entities",), False)


def test_stage_wires_after_a_candidates_stage():
    class Fake:
        name, needs, gives, critical = "rules", (), ("candidates",), True

        def __call__(self, work):
            pass

    assert Pipeline([Fake(), ResolveStage()]).names == ["rules", "resolve"]


def test_entities_are_numbered_by_first_mention_and_mentions_in_bounds():
    case = next(c for c in CASES if c["id"] == "uk-blunt-retraction")
    work = work_of(case)
    resolve_speakers(work)
    assert [e.id for e in work.entities] == [f"e{i}" for i in range(1, len(work.entities) + 1)]
    firsts = [e.mentions[0] for e in work.entities]
    assert firsts == sorted(firsts)
    for e in work.entities:
        assert list(e.mentions) == sorted(set(e.mentions))
        for s, t in e.mentions:
            assert 0 <= s < t <= len(work.text)


def test_continuation_lowers_confidence():
    case = next(c for c in CASES if c["id"] == "uk-blunt-retraction")
    work = work_of(case)
    resolve_speakers(work)
    cont = next(c for c in work.candidates if c.resolve_origin == "resolve:continuation")
    said = next(c for c in work.candidates if c.resolve_origin == "resolve:pronoun")
    assert cont.confidence < said.confidence < 0.9


def test_junk_is_not_read_for_names():
    text = "READ MORE: Boris Johnson quits\n\u201cIt is over,\u201d he said.\n"
    clean = " " * text.index("\n") + text[text.index("\n") :]
    work = Work(id="j", text=text, clean=clean)
    s = text.index("he said")
    work.candidates = [Candidate(content=[(text.index("It"), text.index(",") + 1)], speaker=(s, s + 2))]
    resolve_speakers(work)
    assert work.candidates[0].speaker_name is None
    assert all(e.name != "Boris Johnson" for e in work.entities)


def test_no_candidates_gives_named_entities_only():
    work = Work(id="n", text="Crispin Blunt met Imran Ahmad Khan.", clean="Crispin Blunt met Imran Ahmad Khan.")
    resolve_speakers(work)
    assert [(e.name, e.type) for e in work.entities] == [("Crispin Blunt", "PERSON"), ("Imran Ahmad Khan", "PERSON")]


def test_empty_text():
    work = Work(id="z", text="", clean="")
    resolve_speakers(work)
    assert work.entities == []
