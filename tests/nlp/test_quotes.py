"""Tests for onrecord.nlp.quotes: gold cases in tests/cases/quotes.jsonl and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.nlp.quotes import QuotesStage, find_quotations, line_paragraphs
from onrecord.work import Work

CASES = Path(__file__).resolve().parents[1] / "cases"

CASE_LIST = [json.loads(line) for line in (CASES / "quotes.jsonl").read_text(encoding="utf-8").splitlines() if line]


def _case_params():
    for case in CASE_LIST:
        marks = []
        if case["expect"] == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=case.get("reason", "known failure")))
        yield pytest.param(case, id=case["name"], marks=marks)


@pytest.mark.parametrize("case", list(_case_params()))
def test_gold_case(case):
    text = case["text"]
    quotations, warnings = find_quotations(text, line_paragraphs(text))
    got = [[text[s:e] for s, e in q.content] for q in quotations]
    assert got == case["quotes"]
    if "warnings" in case:
        assert len(warnings) == case["warnings"]


def test_unclosed_gives_warning_and_best_effort():
    text = 'He said "we will win\n\nAnd then left.'
    quotations, warnings = find_quotations(text, line_paragraphs(text))
    assert warnings == ["unclosed quotation mark at 8"]
    assert [q.closed for q in quotations] == [False]
    assert quotations[0].close is None


def test_multi_paragraph_positions():
    text = "“One.\n\n“Two,” he said."
    (q,) = find_quotations(text, line_paragraphs(text))[0]
    assert q.open == 0 and text[q.close] == "”" and q.style == "“"
    assert len(q.content) == 2


def test_thousand_unbalanced_marks_are_summarised():
    # speed is a benchmark's business (bench/bench_scale.py), not a test's
    text = "He said \" and ‘ then “ x « " * 1000
    quotations, warnings = find_quotations(text, line_paragraphs(text))
    assert len(warnings) <= 21
    for q in quotations:
        for s, e in q.content:
            assert 0 <= s < e <= len(text)


def test_text_outside_paragraphs_is_ignored():
    text = "“junk here” and “real quote”"
    quotations, _ = find_quotations(text, [(16, len(text))])
    assert [text[s:e] for q in quotations for s, e in q.content] == ["real quote"]


def test_stage_sets_quotations_and_warnings():
    work = Work("a", "He said “yes\n\nNo.")
    work.clean = work.text
    QuotesStage()(work)
    assert len(work.quotations) == 1
    assert work.warnings == ["unclosed quotation mark at 8"]


MARKY = st.text(alphabet=st.sampled_from(list("ab .,\n'\"“”‘’«»‹›„`-:")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(MARKY)
def test_any_input_in_bounds_and_non_overlapping(text):
    quotations, warnings = find_quotations(text, line_paragraphs(text))
    ranges = sorted(r for q in quotations for r in q.content)
    for s, e in ranges:
        assert 0 <= s < e <= len(text)
    for (s1, e1), (s2, e2) in zip(ranges, ranges[1:]):
        assert e1 <= s2
    assert all(isinstance(w, str) for w in warnings)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_no_crash(text):
    find_quotations(text, line_paragraphs(text))
