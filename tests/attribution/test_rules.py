"""Tests for onrecord.attribution.rules: gold cases (tests/cases/attribution.jsonl) and properties.

Every case runs in the fast setting (no parser); the slow tests run the same
cases on spaCy's parse (the rules mode).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.attribution.rules import RulesStage, find_candidates
from onrecord.nlp.quotes import QuotesStage, find_quotations, line_paragraphs
from onrecord.work import Work

CASES = Path(__file__).resolve().parents[1] / "cases"
CASE_LIST = [
    json.loads(line) for line in (CASES / "attribution.jsonl").read_text(encoding="utf-8").splitlines() if line
]


def _text(case):
    if "text_repeat" in case:
        chunk, n = case["text_repeat"]
        return chunk * n
    return case["text"]


def _params(mode):
    out = []
    for case in CASE_LIST:
        marks = []
        if case["expect"] == "fail" and mode in case.get("modes", ["fast", "rules"]):
            marks.append(pytest.mark.xfail(strict=True, reason=case.get("reason", "known failure")))
        if mode == "rules":
            marks.append(pytest.mark.slow)
        out.append(pytest.param(case, id=f"{mode}-{case['name']}", marks=marks))
    return out


def _run(text, parse):
    work = Work("case", text)
    work.clean = text
    QuotesStage()(work)
    if parse:
        from onrecord.nlp.spacy_adapter import ParseStage

        ParseStage()(work)
    RulesStage()(work)
    return work


def _span(text, r):
    return text[r[0] : r[1]] if r else None


def _check(case, parse):
    text = _text(case)
    work = _run(text, parse)
    _check_invariants(text, work.candidates)
    if case["quotes"] is None:
        return
    got = [
        {
            "text": " ".join(text[s:e] for s, e in c.content),
            "speaker": _span(text, c.speaker),
            "cue": _span(text, c.cue),
            "kind": c.kind,
        }
        for c in work.candidates
    ]
    # a case may expect more of the parse ("quotes_rules": "declined to comment" is an intention there)
    quotes = case.get("quotes_rules", case["quotes"]) if parse else case["quotes"]
    want = [{k: q[k] for k in ("text", "speaker", "cue", "kind")} for q in quotes]
    assert got == want
    for q, c in zip(quotes, work.candidates, strict=True):
        if "attribution" in q:
            assert c.attribution == q["attribution"]


def _check_invariants(text, candidates):
    ranges = []
    for c in candidates:
        assert 0.0 <= c.confidence <= 1.0
        assert c.kind in ("direct", "indirect", "mixed")
        assert c.attribution in ("speech", "thought")
        assert c.origin.startswith("rule:")
        for s, e in c.content:
            assert 0 <= s < e <= len(text)
            ranges.append((s, e))
        for r in (c.cue, c.speaker):
            if r:
                assert 0 <= r[0] < r[1] <= len(text)
    ranges.sort()
    for a, b in zip(ranges, ranges[1:]):
        assert a[1] <= b[0]


@pytest.mark.parametrize("case", _params("fast"))
def test_gold_case_fast(case):
    _check(case, parse=False)


@pytest.mark.parametrize("case", _params("rules"))
def test_gold_case_rules(case):
    _check(case, parse=True)


def test_stage_contract():
    stage = RulesStage()
    assert (stage.name, stage.needs, stage.gives, stage.critical) == (
        "rules",
        ("clean", "quotations"),
        ("candidates",),
        True,
    )


def test_fast_mode_never_imports_spacy():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from onrecord.work import Work\n"
        "from onrecord.nlp.quotes import QuotesStage\n"
        "from onrecord.attribution.rules import RulesStage\n"
        "w = Work('a', '“Yes,” he said.'); w.clean = w.text\n"
        "QuotesStage()(w); RulesStage()(w)\n"
        "assert w.candidates and 'spacy' not in sys.modules, sorted(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_junk_blanked_quotes_are_not_emitted():
    text = "READ MORE: “Minister quits over the scandal today,” he said\n“We are fine,” she said."
    clean = " " * 59 + text[59:]
    quotations, _ = find_quotations(clean, line_paragraphs(clean))
    cands = find_candidates(clean, line_paragraphs(clean), quotations)
    assert [clean[s:e] for c in cands for s, e in c.content] == ["We are fine,"]


WORDS = st.sampled_from(
    ["he", "said", "told", "Blunt", "the", "MP", "that", "according", "to", ",", ".", ":", "\n", "“", "”",
     "‘", "’", '"', "'", "believes", "was", "wrong", "PENCE:", "«", "»", "s'", "Khan's"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_any_input_no_crash_in_bounds_non_overlapping(text):
    quotations, _ = find_quotations(text, line_paragraphs(text))
    _check_invariants(text, find_candidates(text, line_paragraphs(text), quotations))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_no_crash(text):
    quotations, _ = find_quotations(text, line_paragraphs(text))
    _check_invariants(text, find_candidates(text, line_paragraphs(text), quotations))
