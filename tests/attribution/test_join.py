"""Tests for onrecord.attribution.join: one speaker's coordinated cues in one sentence become one quote."""

from __future__ import annotations

import pytest

from onrecord.attribution.join import JoinStage, join_candidates
from onrecord.work import Candidate, Work


def _at(text: str, needle: str) -> tuple[int, int]:
    s = text.index(needle)
    return s, s + len(needle)


def _cand(text: str, content: str, cue: str, speaker: str | None, speaker_id: str | None, kind: str = "mixed",
          confidence: float = 0.8) -> Candidate:
    return Candidate(content=[_at(text, content)], kind=kind, cue=_at(text, cue), speaker=_at(text, speaker) if speaker else None,
                     confidence=confidence, origin="rule:test", speaker_id=speaker_id, speaker_name=speaker_id)


HALE = "Tom Hale called it “a triumph of nerve”, though he warned that the second act “sags like a wet net”."


def test_a_second_cue_with_a_pronoun_joins_the_statement():
    a = _cand(HALE, "it “a triumph of nerve”", "called", "Tom Hale", "e1", confidence=0.9)
    b = _cand(HALE, "that the second act “sags like a wet net”", "warned", "he", "e1", confidence=0.7)
    (joined,) = join_candidates(HALE, [b, a])
    assert [HALE[s:e] for s, e in joined.content] == ["it “a triumph of nerve”", "that the second act “sags like a wet net”"]
    assert HALE[slice(*joined.cue)] == "called"  # the first cue stays the quote's cue
    assert HALE[slice(*joined.speaker)] == "Tom Hale"
    assert joined.confidence == 0.7 and joined.origin == "rule:test+join" and joined.kind == "mixed"


def test_and_said_without_a_subject_joins_and_mixes_kinds():
    text = "The detectorist said he had been invited to watch and called it “the best day out I've ever had”."
    a = _cand(text, "he had been invited to watch", "said", "The detectorist", "e2", kind="indirect")
    b = _cand(text, "it “the best day out I've ever had”", "called", None, "e2", kind="mixed")
    (joined,) = join_candidates(text, [a, b])
    assert joined.kind == "mixed" and len(joined.content) == 2


def test_different_speakers_stay_apart():
    a = _cand(HALE, "it “a triumph of nerve”", "called", "Tom Hale", "e1")
    b = _cand(HALE, "that the second act “sags like a wet net”", "warned", "he", "e9")
    assert len(join_candidates(HALE, [a, b])) == 2


def test_an_unresolved_speaker_is_never_joined():
    a = _cand(HALE, "it “a triumph of nerve”", "called", "Tom Hale", None)
    b = _cand(HALE, "that the second act “sags like a wet net”", "warned", "he", None)
    assert len(join_candidates(HALE, [a, b])) == 2


def test_a_new_sentence_or_more_words_between_keep_two_quotes():
    text = "Hale called it “a triumph of nerve”. He warned that the second act “sags”."
    a = _cand(text, "it “a triumph of nerve”", "called", "Hale", "e1")
    b = _cand(text, "that the second act “sags”", "warned", "He", "e1")
    assert len(join_candidates(text, [a, b])) == 2
    text = "Hale called it “a triumph”, a view the producers shared when he warned that the act “sags”."
    a = _cand(text, "it “a triumph”", "called", "Hale", "e1")
    b = _cand(text, "that the act “sags”", "warned", "he", "e1")
    assert len(join_candidates(text, [a, b])) == 2


def test_a_parenthetical_cue_after_and_joins_the_statement():
    # a blind licensing hearing: "…, he argued, …" set off by commas after "and" kept two quotes
    text = ("Gideon Fairlie said revocation would be “a wholly disproportionate response” to an incident on the "
            "public highway and, he argued, after the two men charged had already been refused entry.")
    a = _cand(text, "revocation would be “a wholly disproportionate response” to an incident on the public highway",
              "said", "Gideon Fairlie", "e3")
    b = _cand(text, "after the two men charged had already been refused entry", "argued", None, "e3", kind="indirect")
    he = text.index("he argued")
    b.speaker = (he, he + 2)
    (joined,) = join_candidates(text, [a, b])
    assert [text[s:e] for s, e in joined.content][1] == "after the two men charged had already been refused entry"
    text = "Hale called it “a triumph”, he argued, and the producers, after the premiere, agreed."
    a = _cand(text, "it “a triumph”", "called", "Hale", "e1")
    b = _cand(text, "the producers", "argued", None, "e1")
    assert len(join_candidates(text, [a, b])) == 2  # words between the cue and the content still keep two


def test_a_second_speaker_mention_outside_the_gap_keeps_two_quotes():
    text = "Hale called it “a triumph”, and warned that “it sags”, Hale added."
    a = _cand(text, "it “a triumph”", "called", "Hale", "e1")
    b = Candidate(content=[_at(text, "that “it sags”")], kind="mixed", cue=_at(text, "warned"),
                  speaker=(text.rindex("Hale"), text.rindex("Hale") + 4), speaker_id="e1")
    assert len(join_candidates(text, [a, b])) == 2


def test_the_stage_can_keep_one_quote_per_cue():
    a = _cand(HALE, "it “a triumph of nerve”", "called", "Tom Hale", "e1")
    b = _cand(HALE, "that the second act “sags like a wet net”", "warned", "he", "e1")
    work = Work("x", HALE)
    work.candidates = [a, b]
    JoinStage(enabled=False)(work)
    assert len(work.candidates) == 2
    JoinStage()(work)
    assert len(work.candidates) == 1


@pytest.mark.slow
def test_extract_joins_and_evaluation_keeps_cues():
    from onrecord import Document, extract_documents

    text = "Miriam Castellanos, a cardiologist, said the results were “genuinely encouraging” but cautioned that the trial was small."
    joined = next(extract_documents([Document(id="a", text=text)], mode="rules"))
    per_cue = next(extract_documents([Document(id="a", text=text)], mode="rules", join=False))
    assert len(per_cue.quotes) == 2, [q.text for q in per_cue.quotes]
    assert len(joined.quotes) == 1
    assert joined.quotes[0].text == " ".join(q.text for q in per_cue.quotes)
