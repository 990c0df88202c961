"""whole_source: the tagger's source span mended into a whole phrase, and left alone otherwise."""

from __future__ import annotations

import pytest

from onrecord.attribution.source_spans import whole_source


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "want"),
    [
        # a given name cut from its surname, and an initial from the rest
        ("Karen Bobadilla, 44, said the rent had doubled.", "Karen", "said", "the rent had doubled", "Karen Bobadilla"),
        ("Julie A. Diaz Martinez said the study was small.", "Julie A", "said", "the study was small",
         "Julie A. Diaz Martinez"),
        # a possessive or quantifier alone: the noun phrase up to its cue
        ("My father told me the war had changed him.", "My", "told", "the war had changed him", "My father"),
        ("Many African-Americans believe the system is rigged.", "Many", "believe", "the system is rigged",
         "Many African-Americans"),
        # a dangling preposition or relative opening cut off
        ("Federal prosecutors in Ohio said the case was closed.", "Federal prosecutors in", "said",
         "the case was closed", "Federal prosecutors"),
    ],
)
def test_mended(text: str, source: str, cue: str, content: str, want: str) -> None:
    got = whole_source(text, _span(text, source), _span(text, cue), [_span(text, content)])
    assert got is not None and text[got[0] : got[1]] == want


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # a whole name followed by a capitalised word that is no part of it
        ("Obama Monday said the plan would pass.", "Obama", "said", "the plan would pass"),
        # a given name right before the cue: nothing to add
        ("Hillary said she would win.", "Hillary", "said", "she would win"),
        # an opener whose noun phrase runs over a comma: left alone rather than guessed
        ("Her lawyer, a former judge, argued the law was void.", "Her", "argued", "the law was void"),
        # an opener after its cue: no cue to run up to
        ("“We will win,” said the official.", "the", "said", "We will win"),
        # a given name never runs into the content
        ("Said Hillary Clinton: the plan is sound.", "Hillary", "Said", "Clinton: the plan is sound"),
        # "I" is a pronoun, not an initial
        ("I Myself said the plan was sound.", "I", "said", "the plan was sound"),
    ],
)
def test_left_alone(text: str, source: str, cue: str, content: str) -> None:
    span = _span(text, source)
    assert whole_source(text, span, _span(text, cue), [_span(text, content)]) == span


def test_no_source() -> None:
    assert whole_source("He said so.", None, (3, 7), [(8, 10)]) is None
