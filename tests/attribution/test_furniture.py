"""Page furniture among attributions: listed headlines and bylines (onrecord.attribution.furniture)."""

from __future__ import annotations

import pytest

from onrecord import extract
from onrecord.attribution.furniture import (
    boilerplate_regions,
    drop_appeal_lines,
    drop_author_bios,
    drop_boilerplate,
    drop_headlines,
    drop_pull_quotes,
)
from onrecord.work import Candidate

TAGGER = "model:minilm-tagger"


def span(text: str, sub: str, start: int = 0) -> tuple[int, int]:
    i = text.index(sub, start)
    return i, i + len(sub)


def tag(text: str, content: list[str], cue: str, speaker: str | None = None) -> Candidate:
    return Candidate(content=[span(text, c) for c in content], cue=span(text, cue),
                     speaker=span(text, speaker) if speaker else None, confidence=0.6, origin=TAGGER)


def texts(text: str, cands: list[Candidate]) -> list[list[str]]:
    return [[text[s:e] for s, e in c.content] for c in cands]


_BODY = "The minister said the plan had failed and that she would not resign over it this week. " * 2


def test_a_box_of_listed_headlines_inside_the_body_is_dropped() -> None:
    t = (_BODY + "\n\nMore on this topic\nHawker centre operators defend fees as ‘fair and transparent’\n"
         "Union says strike is off\n\n" + _BODY)
    box = [tag(t, ["fees as ‘fair and transparent’"], "defend", "Hawker centre operators"),
           tag(t, ["strike is off"], "says", "Union")]
    said = tag(t, ["the plan had failed"], "said", "The minister")
    assert texts(t, drop_headlines(t, [said, *box])) == [["the plan had failed"]]


def test_a_teaser_read_across_two_listed_headlines_is_dropped() -> None:
    t = (_BODY + "\n\nRecommended\nStrand says consumers are “past the worst”\nWhat to watch as renewals bite\n\n" + _BODY)
    across = Candidate(content=[(t.index("consumers"), t.index(" renewals bite") + 14)], cue=span(t, "says"),
                       speaker=span(t, "Strand"), origin=TAGGER)
    assert drop_headlines(t, [across]) == []


@pytest.mark.parametrize("block", [
    # the items of a list a colon introduces
    "She has the following tasks ahead of her:\n\nSell her plan\nShow humility\n",
    # readers' quotes, each signed
    "“He scares me and my family, he really does” ― Ana Ruiz\n“The most unqualified man ever to run” ― Luis Paz\n",
    # an embedded post over its signature
    "Not one word about social care pic.twitter.com/rF8kL2\n— Owen Pettigrew MP (@OwenPettigrewMP) November 26, 2025\n",
])
def test_short_lines_that_are_not_a_headline_box_are_kept(block: str) -> None:
    t = _BODY + "\n\n" + block + "\n" + _BODY
    lines = [x for x in block.split("\n") if x.strip() and not x.endswith(":")]
    cands = [Candidate(content=[span(t, x)], cue=None, speaker=None, origin=TAGGER) for x in lines]
    assert drop_headlines(t, cands) == cands


@pytest.mark.parametrize("mode", ["fast", "rules"])
def test_the_rule_modes_drop_a_headline_box_too(mode: str) -> None:
    t = (_BODY + "\n\nMore information\nTenants’ union calls rent strike: ‘We will not pay another euro’\n"
         "Housing crisis explained in six charts\n\n“We will not give up,” said Ana Ruiz, a tenant.\n")
    quotes = [q.text for q in extract(t, mode=mode).quotes]
    assert "We will not give up," in quotes
    assert not any("another euro" in q for q in quotes)


_RELEASE = (
    "OSLO, March 3, 2026 /PRNewswire/ -- Tessmark Robotics, Inc. today announced that it will open a plant.\n\n"
    "\"We are growing,\" said Ada Lund, chief executive of Tessmark.\n\n"
    "About Tessmark Robotics\nTessmark builds what customers call \"the quiet robot\".\n\n"
    "Forward-Looking Statements\nWords such as \"expects\" identify forward-looking statements.\n\n"
    "SOURCE Tessmark Robotics, Inc.\n"
)


def test_a_press_releases_boilerplate_says_nothing_but_its_body_does() -> None:
    said = tag(_RELEASE, ["We are growing,"], "said", "Ada Lund")
    award = tag(_RELEASE, ["the quiet robot"], "call", "customers")
    legal = tag(_RELEASE, ["expects"], "identify")
    assert drop_boilerplate(_RELEASE, [said, award, legal]) == [said]


def test_the_boilerplate_ends_with_its_release() -> None:
    """Releases joined with news after them (a crawl's shard read as one text) lose nothing after "SOURCE"."""
    news = "\n\nThe mayor said the bridge would reopen on Friday.\n"
    text = _RELEASE + news
    ((start, end),) = boilerplate_regions(text)
    assert text[start:].startswith("About Tessmark") and text[:end].endswith("SOURCE Tessmark Robotics, Inc.")
    mayor = tag(text, ["the bridge would reopen on Friday"], "said", "The mayor")
    assert drop_boilerplate(text, [mayor]) == [mayor]


def test_an_about_box_in_a_news_story_is_not_boilerplate() -> None:
    story = _BODY + "\n\nAbout Harriet Vane\nVane said she had \"never once\" missed a deadline.\n"
    assert boilerplate_regions(story) == []


def test_a_quotation_a_headline_repeats_is_no_pull_quote() -> None:
    """Only running text twice as long gives a pull quote away: a headline quoting the same words does not."""
    text = "‘We will not back down on the fare freeze,’ says mayor\n\n“We will not back down on the fare freeze.”\n"
    alone = Candidate(content=[span(text, "We will not back down on the fare freeze.")], speaker=None)
    assert drop_pull_quotes(text, [alone]) == [alone]


def test_a_police_appeals_closing_line_is_no_statement() -> None:
    text = ("Detective Inspector Rachel Okoye said the inquiry was at an early stage.\n\n"
            "Anyone with information is asked to call 101 quoting crime reference 14/38211/25.")
    said = tag(text, ["the inquiry was at an early stage"], "said", "Detective Inspector Rachel Okoye")
    appeal = tag(text, ["Anyone with information", "to call 101 quoting crime reference"], "is asked")
    assert drop_appeal_lines(text, [said, appeal]) == [said]


def test_an_authors_beat_line_is_no_statement_but_another_source_on_such_a_line_stays() -> None:
    text = ("Mayor Jane Smith covers the costs herself, she said.\n"
            "Lorna Pettigrew covers U.S. financial markets from New York, with a focus on bonds and the Fed.")
    beat = tag(text, ["bonds and the Fed"], "a focus on")
    author = tag(text, ["U.S. financial markets"], "covers", "Lorna Pettigrew")
    mayor = tag(text, ["Mayor Jane Smith covers the costs herself"], "said", "she")
    assert drop_author_bios(text, [beat, author, mayor]) == [mayor]
