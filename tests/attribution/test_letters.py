"""Tests for onrecord.attribution.letters: a letters page's letters are their signers' words."""

from __future__ import annotations

import re

import onrecord
from onrecord.attribution.letters import find_letters

PAGE = """Letters: more of your views

Write to us: letters@gazette.example. Letters may be edited for length.

Closures show contempt for readers

I read with disbelief your interview with the council leader. He told your reporter that closing the libraries was “a sensible modernisation”.

Our branch is busy every Saturday morning, and volunteers stand ready to keep it open.

Margaret Finch, Skipton

Volunteers stand ready

The Friends of Skipton Library has 140 members, and our volunteers have offered to staff Saturday opening.

Janet Howarth
Chair, Friends of Skipton Library

And finally…

A swallow over the river at Grassington on Sunday, a fortnight earlier than last year.

Thaddeus Quill, Grassington

The editor replies: We are happy to print more sightings.
"""


def _paragraphs(text):
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _letters(text):
    return [(text[c.speaker[0] : c.speaker[1]], " ".join(text[s:e] for s, e in c.content))
            for c in find_letters(text, _paragraphs(text))]


def test_each_letter_is_its_signers_from_its_heading_to_its_signature():
    got = _letters(PAGE)
    assert [who for who, _ in got] == ["Margaret Finch", "Janet Howarth", "Thaddeus Quill", "The editor"]
    finch = got[0][1]
    assert finch.startswith("I read with disbelief") and finch.endswith("stand ready to keep it open.")
    assert "Write to us" not in finch and "Closures show contempt" not in finch
    assert got[1][1].startswith("The Friends of Skipton Library") and "Chair," not in got[1][1]
    assert got[3][1] == "We are happy to print more sightings."


def test_a_signature_needs_a_known_first_name_until_the_page_is_shown_to_be_letters():
    # "Thaddeus" is in no name list: it takes two known signatures to make the page one of letters
    one = PAGE.split("Volunteers stand ready")[0] + "And finally…\n\nA swallow over the river.\n\nThaddeus Quill, Grassington\n"
    assert _letters(one) == []


def test_a_news_story_ending_on_a_name_line_has_no_letters():
    story = ("The council voted to close the library on Tuesday.\n\nResidents said they would appeal.\n\n"
             "Margaret Finch, Skipton\n\nMore news\n\nJanet Howarth\n")
    assert _letters(story) == []  # no word of letters on the page


def test_extract_keeps_what_a_letter_reports_of_others_as_theirs():
    article = onrecord.extract(PAGE, mode="fast")
    by_text = {q.text: q for q in article.quotes}
    leader = next(q for t, q in by_text.items() if t.startswith("closing the libraries") or "sensible modernisation" in t)
    assert leader.speaker is not None and leader.speaker.text == "He"
    finch = next(q for t, q in by_text.items() if t.startswith("I read with disbelief"))
    assert finch.speaker_name == "Margaret Finch"
    assert "sensible modernisation" not in finch.text  # the leader's words stay his
    assert any(q.speaker_name == "Thaddeus Quill" and "swallow" in q.text for q in article.quotes)
