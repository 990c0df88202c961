"""Property tests of the whole pipeline: for any input, no crash, offsets in bounds,
quote text equal to the joined content ranges, and references that resolve."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import onrecord
from onrecord.model import join_content

# Text built from news-like pieces and the characters that break quote handling.
PIECES = st.sampled_from(
    ['"', "“", "”", "‘", "’", "'", "''", "«", "»", "\n", "\n\n", " ", ",", ".", ":", " said ", " he said",
     "Blunt", " Mr Blunt", "The Tory MP", " told the BBC", "READ MORE: link", "according to ", "I am sorry",
     "We will appeal", "Caption textCaption text", "é", "\u2028", "\x00"]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=80).map("".join))


def check(text: str, mode: str) -> None:
    art = onrecord.extract(text, id="p", mode=mode)
    ids = {e.id for e in art.entities}
    qids = {q.id for q in art.quotes}
    last = -1
    for q in art.quotes:
        assert q.content and all(0 <= s < e <= len(text) for s, e in q.content)
        assert q.text == join_content(text, q.content)
        assert q.start >= last  # text order
        last = q.start
        for span in (q.cue, q.speaker):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text) and span.text == text[span.start:span.end]
        assert q.speaker_id is None or q.speaker_id in ids
        assert set(q.about) <= ids
        assert 0.0 <= q.confidence <= 1.0 and q.kind in ("direct", "indirect", "mixed")
    for e in art.entities:
        assert all(0 <= s < t <= len(text) for s, t in e.mentions)
    for link in art.links:
        assert link.source in qids and link.target in qids
    assert art.to_dict()["id"] == "p"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_fast_mode_never_crashes_and_keeps_offsets(text):
    check(text, "fast")


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_accurate_mode_never_crashes_and_keeps_offsets(text):
    check(text, "accurate")


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_rules_mode_never_crashes_and_keeps_offsets(text):
    check(text, "rules")


@pytest.mark.parametrize("mode", ["fast", "accurate"])
def test_a_thousand_unbalanced_marks_give_warnings_not_errors(mode):
    text = ('He said "yes and ' * 1000) + "then left."
    art = onrecord.extract(text, mode=mode)
    assert any("quotation mark" in w for w in art.warnings)
    for q in art.quotes:
        assert q.text == join_content(text, q.content)
