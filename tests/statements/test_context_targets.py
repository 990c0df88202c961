"""Frames around quotes, and the targets a statement concerns (model-free)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.model import Entity
from onrecord.statements.context import build_frame, mask_ranges, sentence_bounds, split_paragraphs
from onrecord.statements.targets import _FormFinder, _followed_by, find_targets, name_patterns


def rng(text: str, words: str) -> tuple[int, int]:
    at = text.index(words)
    return (at, at + len(words))


def test_sentence_bounds_skip_abbreviations_and_initials():
    s = "Mr. J. Smith spoke to No. 10 officials. He left."
    assert s[slice(*sentence_bounds(s, 3))] == "Mr. J. Smith spoke to No. 10 officials."


def test_mask_keeps_offsets_and_newlines():
    text = 'He said: "one\ntwo." Then'
    masked = mask_ranges(text, [(10, 18)])
    assert len(masked) == len(text)
    assert masked == 'He said: "   \n   ." Then'


def test_frame_is_the_cue_sentence_without_the_quote():
    text = 'Asked about it, he shrugged. In a post on X, Lee said: "We won." Fans cheered.'
    content = [rng(text, "We won.")]
    frame = build_frame(text, content, rng(text, "said"), rng(text, "Lee"), split_paragraphs(text))
    assert frame.text.startswith("In a post on X, Lee said:")
    assert "We won" not in frame.text
    assert "Fans" not in frame.text
    assert frame.speaker == "Lee"
    assert text[frame.start : frame.end].startswith("In a post on X")


def test_frame_of_an_opening_quote_after_a_colon_is_the_introduction():
    text = "In a letter, she wrote:\n\n“I resign.”"
    content = [rng(text, "I resign.")]
    frame = build_frame(text, content, None, None, split_paragraphs(text))
    assert "In a letter, she wrote:" in frame.text


ENTITIES = [
    Entity("e1", "Rupert Ashdown", "PERSON"),
    Entity("e2", "Samir Qureshi", "PERSON"),
    Entity("e3", "a statement published on Ashdown's website", "DOCUMENT"),
    Entity("e4", "Wigan", "ORG"),
]


def test_targets_named_in_content_exclude_the_speaker_and_documents():
    text = "Ashdown said: “Samir Qureshi is innocent, and Ashdown's website says so.”"
    content = [rng(text, "Samir Qureshi is innocent, and Ashdown's website says so.")]
    frame = build_frame(text, content, rng(text, "said"), rng(text, "Ashdown"), split_paragraphs(text))
    assert find_targets(text, content, frame, ENTITIES, speaker_id="e1") == ["e2"]


def test_unshared_first_name_in_a_quote_names_the_person():
    text = "Ashdown said: “I have known Samir for a decade.”"
    content = [rng(text, "I have known Samir for a decade.")]
    frame = build_frame(text, content, rng(text, "said"), None, split_paragraphs(text))
    assert find_targets(text, content, frame, ENTITIES, speaker_id="e1") == ["e2"]


def test_first_name_standing_alone_outside_quotes_is_not_a_person():
    people = [Entity("e1", "Brackwell Surfers", "PERSON")]
    place = "The spill at Brackwell closed the beach.\n“Brackwell deserves better,” she said."
    quoted = [rng(place, "Brackwell deserves better,")]
    assert name_patterns(people, place, quoted)["e1"].search("Brackwell deserves") is None
    person = "Brackwell Surfers spoke.\n“Brackwell deserves better,” she said."
    quoted = [rng(person, "Brackwell deserves better,")]
    assert name_patterns(people, person, quoted)["e1"].search("Brackwell deserves") is not None


def test_object_of_a_defence_in_the_frame_is_a_target():
    text = "In his defence of his colleague Samir Qureshi, Ashdown said the verdict was wrong."
    content = [rng(text, "the verdict was wrong")]
    frame = build_frame(text, content, rng(text, "said"), rng(text, "Ashdown"), split_paragraphs(text))
    assert find_targets(text, content, frame, ENTITIES, speaker_id="e1") == ["e2"]


def test_recorded_mentions_count_even_pronouns():
    text = "Ashdown said he was sure that he would be cleared."
    him = Entity("e2", "Samir Qureshi", "PERSON", ((text.index("that he") + 5, text.index("that he") + 7),))
    content = [rng(text, "he was sure that he would be cleared")]
    frame = build_frame(text, content, rng(text, "said"), rng(text, "Ashdown"), split_paragraphs(text))
    assert find_targets(text, content, frame, [ENTITIES[0], him], speaker_id="e1") == ["e2"]


def test_a_one_word_place_used_as_a_modifier_is_not_a_target():
    text = "Harlan Foods said it would close its Wigan factory."
    content = [rng(text, "it would close its Wigan factory")]
    frame = build_frame(text, content, rng(text, "said"), None, split_paragraphs(text))
    assert find_targets(text, content, frame, ENTITIES) == []


_FORMS = st.lists(st.sampled_from(["Ann", "Ann Lee", "Lee", "Mr Lee", "Ann-Lee", "O'Neil", "Ö Lee"]), max_size=5)


@settings(max_examples=300, deadline=None)
@given(_FORMS, st.text(alphabet="AnLeMrO'Ö -_.\n", max_size=40), st.data())
def test_form_finder_finds_what_the_alternation_finds(forms, text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    alt = "|".join(sorted((re.escape(f) for f in set(forms)), key=len, reverse=True))
    want = []
    if forms:
        want = [(m.start(), m.end(), m.group(0))
                for m in re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])").finditer(text, start, end)]
    assert list(_FormFinder(forms).finditer(text, start, end)) == want


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \n\tLeA-x", max_size=24), st.integers(0, 24))
def test_followed_by_reads_like_its_pattern(text, at):
    at = min(at, len(text))
    word = "Lee"
    want = bool(re.match(rf"\s+{word}(?![\w-])", text[at : at + len(word) + 8]))
    assert _followed_by(text, at, word) == want


def test_target_docstring_examples() -> None:
    import doctest

    from onrecord.statements import channels, targets

    for module in (targets, channels):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0
