"""The resolve stage with spaCy's parse present (Work.parsed), and end to end."""

from __future__ import annotations

import pytest

from onrecord.resolve.speakers import ResolveStage

from .cases import load_cases, work_of
from .test_speakers import _check, _param

CASES = load_cases()


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_gold_case_with_parse(case):
    from onrecord.nlp.spacy_adapter import ParseStage

    work = work_of(case)
    ParseStage()(work)
    assert work.parsed, "the parse stage left no Docs"
    ResolveStage()(work)
    _check(case, work)


#: End-to-end expectations: (case id, speaker mention as written, speaker_name).
END_TO_END = [
    ("uk-blunt-retraction", "he", "Crispin Blunt"),
    ("uk-blunt-retraction", "Khan's legal team", "Khan's legal team"),
    ("uk-blunt-retraction", "The Tory MP", "Crispin Blunt"),
    ("uk-shared-surname", "Mrs Khan", "Ayesha Khan"),
    ("uk-shared-surname", "Mr Khan", "Imran Ahmad Khan"),
    ("uk-pronoun-previous-speaker", "she", "Nadine Dorries"),
    ("us-senator-title", "Cruz", "Ted Cruz"),
]


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["fast", "rules"])
@pytest.mark.parametrize(("case_id", "mention", "name"), END_TO_END)
def test_end_to_end_through_extract(mode, case_id, mention, name):
    pytest.importorskip("onrecord.statements.stage", reason="the statements stage has not landed")
    import onrecord

    case = next(c for c in CASES if c["id"] == case_id)
    article = onrecord.extract(case["text"], id=case_id, mode=mode)
    quotes = [q for q in article.quotes if q.speaker and q.speaker.text == mention]
    assert quotes, f"no quote with speaker {mention!r}: {[q.speaker for q in article.quotes]}"
    for q in quotes:
        assert q.speaker_name == name
        assert article.entity(q.speaker_id).name == name
