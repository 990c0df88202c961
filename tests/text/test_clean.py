"""Junk detection (gold cases in tests/cases/clean.jsonl), CleanStage, properties, a 5 MB input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.pipeline import Pipeline
from onrecord.text.clean import CleanStage, blank_ranges, explain_junk, find_junk, find_paragraphs
from onrecord.work import Work

CASES_FILE = Path(__file__).parent.parent / "cases" / "clean.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.open(encoding="utf-8")]


def covered(ranges, start, end):
    return any(s <= start and end <= e for s, e in ranges)


def overlaps(ranges, start, end):
    return any(s < end and start < e for s, e in ranges)


def occurrences(text, sub):
    return [(m.start(), m.start() + len(sub)) for m in re.finditer(re.escape(sub), text)]


def check_case(case):
    text = case["text"]
    junk = find_junk(text)
    assert all(a[1] <= b[0] for a, b in zip(junk, junk[1:])), f"junk ranges overlap or are unsorted: {junk}"
    assert len(blank_ranges(text, junk)) == len(text)
    for sub in case["junk"]:
        spots = occurrences(text, sub)
        assert spots, f"junk substring {sub!r} is not in the text"
        assert any(covered(junk, s, e) for s, e in spots), f"{sub!r} not marked as junk; junk={junk}"
    for sub in case["keep"]:
        spots = occurrences(text, sub)
        assert spots, f"keep substring {sub!r} is not in the text"
        for s, e in spots:
            assert not overlaps(junk, s, e), f"{sub!r} wrongly marked as junk: {[text[a:b] for a, b in junk]}"


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["name"], marks=[pytest.mark.xfail(strict=True, reason=c.get("note", ""))]
                     if c["expect"] == "fail" else [])
        for c in CASES
    ],
)
def test_gold_case(case):
    check_case(case)


def test_every_reason_is_exercised_by_the_gold_cases():
    reasons = {j.reason for c in CASES if c["expect"] == "pass" for j in explain_junk(c["text"])}
    assert reasons == {"link", "furniture", "click", "credit", "tags", "prompt", "repeated", "doubled", "summary"}


def run_stage(text: str) -> Work:
    work = Work(id="t", text=text)
    Pipeline([CleanStage()]).run(work)
    return work


def test_stage_blanks_junk_keeps_newlines_and_finds_paragraphs():
    text = "  He said yes to the plan.  \nREAD MORE: Row erupts\n\n(Photo: PA) She said no to it.\n"
    work = run_stage(text)
    expected = "  He said yes to the plan.  \n" + " " * 21 + "\n\n" + " " * 12 + "She said no to it.\n"
    assert work.clean == expected
    assert [text[s:e] for s, e in work.junk] == ["READ MORE: Row erupts", "(Photo: PA)"]
    assert [text[s:e] for s, e in work.paragraphs] == ["He said yes to the plan.", "She said no to it."]
    assert work.warnings == []


def test_stage_warns_when_most_of_the_text_is_junk():
    work = run_stage("Share this article\nREAD MORE: One\nREAD MORE: Two\nAdvertisement\nHe said so.")
    assert len(work.warnings) == 1 and "scraping junk" in work.warnings[0]


def test_blank_lines_split_paragraphs_and_single_newlines_too():
    assert find_paragraphs("One.\nTwo.\n\n  Three.  \r\nFour.") == [(0, 4), (5, 9), (13, 19), (23, 28)]


def test_blank_ranges_never_touches_line_breaks():
    assert blank_ranges("a\r\nb\u2028c", [(0, 6)]) == " \r\n \u2028 "


def test_stage_declares_its_contract():
    stage = CleanStage()
    assert (stage.name, stage.needs, stage.gives, stage.critical) == (
        "clean", ("text",), ("clean", "junk", "paragraphs"), True)


LINE_BREAKS = "\n\r\u2028\x0b\x0c\x85"
junky_text = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from([
            "READ MORE: x", "Share this article", "(Photo: PA)", "Advertisement", "Caption textCaption text",
            "Image: Getty", "Sign up to our newsletter", "He said “no”.", "AFP via Getty Images",
            "\n", "\r\n", " ",
        ]),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(junky_text)
def test_clean_properties(text):
    work = run_stage(text)
    assert len(work.clean) == len(text)
    for i, (a, b) in enumerate(zip(text, work.clean, strict=True)):
        if a in LINE_BREAKS or b in LINE_BREAKS:
            assert a == b, f"line break changed at {i}"
        elif a != b:
            assert b == " " and covered(work.junk, i, i + 1)
    last = 0
    for s, e in work.junk:
        assert 0 <= last <= s < e <= len(text)
        assert not any(ch in LINE_BREAKS for ch in text[s:e])
        last = e
    for s, e in work.paragraphs:
        assert 0 <= s < e <= len(text)
        assert not work.clean[s].isspace() and not work.clean[e - 1].isspace()


def test_five_megabyte_input_completes():
    para = ('The Tory MP said on Tuesday that he would "reflect carefully" on the remarks, which drew '
            "criticism from colleagues on both sides of the House.")
    junk = ["READ MORE: Tory row erupts", "Image: Getty", "Caption textCaption text"]
    block = "\n".join([para, junk[0], para, junk[1], para, junk[2], ""])
    text = block * (5_000_000 // len(block) + 1)
    work = run_stage(text)
    assert len(work.clean) == len(text) and len(work.junk) == 3 * text.count(block)
    one_line = run_stage("word " * 1_000_000)
    assert one_line.paragraphs == [(0, 4_999_999)]


def test_both_copies_of_a_repeated_caption_are_junk():
    caption = "Órla Ní Bhriain said the completions figure included student beds"
    text = f"Updated 19:04\n\n{caption}\n{caption}\n\nThe Taoiseach has been accused of spinning the figures."
    junk = find_junk(text)
    first = text.index(caption)
    second = text.index(caption, first + 1)
    assert covered(junk, first, first + len(caption))
    assert covered(junk, second, second + len(caption))
    assert not overlaps(junk, text.index("The Taoiseach"), len(text))
