"""Speech acts from the cue, the content and the frame (model-free)."""

from __future__ import annotations

import pytest

from onrecord.statements.acts import ACTS, PRECEDENCE, detect_act


@pytest.mark.parametrize(
    ("cue", "content", "frame", "kind", "expected"),
    [
        # retractions
        ("said", "On reflection I have decided to retract my statement", "", "direct", "retraction"),
        ("said", "he was retracting his initial statement", "In a statement on Twitter, Blunt said", "indirect", "retraction"),
        ("said", "I withdraw the allegation without reservation", "", "direct", "retraction"),
        ("said", "I was wrong to question the verdict", "", "direct", "retraction"),
        ("said", "I should not have said it", "", "direct", "retraction"),
        ("retracted", "the claim", "", "indirect", "retraction"),
        # apologies
        ("said", "I am sorry for the hurt my remarks have caused", "", "direct", "apology"),
        ("said", "I apologise to every family", "", "direct", "apology"),
        ("said", "I'm sorry that I let people down", "", "direct", "apology"),
        ("apologised", "for the delay", "", "indirect", "apology"),
        # denials
        ("said", "I categorically deny that anyone set out to mislead", "", "direct", "denial"),
        ("said", "That is simply not true", "", "direct", "denial"),
        ("said", "This story is total fiction", "", "direct", "denial"),
        ("said", "I have never misled Parliament", "", "direct", "denial"),
        ("said", "He did not submit false invoices", "", "direct", "denial"),
        ("said", "I don't accept that characterisation", "", "direct", "denial"),
        ("said", "There is no plan to close Swindon. Those reports are simply wrong", "", "direct", "denial"),
        ("said", "I have never placed a bet on football", "", "direct", "denial"),
        ("said", 'the accusation was "false and defamatory"', "", "mixed", "denial"),
        ("denied", "that the plan targeted rural districts", "", "indirect", "denial"),
        ("rejected", "suggestions that the bank was slow", "", "indirect", "denial"),
        ("said", "The Speaker has no time for stunts", '"   ," spokesman Ben Carr said, dismissing the criticism.', "direct", "denial"),
        # resignations
        ("said", "I have today offered my resignation as minister", "", "direct", "resignation"),
        ("said", "I will be stepping back from my role as chair", "", "direct", "resignation"),
        ("wrote", "I am therefore resigning from the government", "", "direct", "resignation"),
        # others
        ("said", "Colin Baird has misled the House", "", "direct", "accusation"),
        ("said", "Ashdown should apologise to the jurors and resign", "", "indirect", "demand"),
        ("said", "Anne Gowing must order a full public inquiry", "", "direct", "demand"),
        ("said", "this verdict is a miscarriage of justice", "", "direct", "defence"),
        ("said", "The approach was shambolic", "", "direct", "criticism"),
        ("said", "We will fund every one of these positions", "", "direct", "promise"),
        ("said", "The school will reopen on Monday", "", "direct", "statement"),
    ],
)
def test_detects_act(cue, content, frame, kind, expected):
    assert detect_act(cue, content, frame, kind).act == expected


@pytest.mark.parametrize(
    ("cue", "content", "kind"),
    [
        ("said", "I will not apologise for telling the truth", "direct"),
        ("refused", "to apologise for his remarks", "indirect"),
        ("said", "he had no intention of resigning", "indirect"),
        ("said", "I will not step down", "direct"),
        ("said", "I'm sorry to hear of his illness", "direct"),
        ("said", 'her resignation was "the right decision"', "indirect"),
        ("said", "I do not deny that we made mistakes", "direct"),
    ],
)
def test_negated_or_refused_acts_are_plain_statements(cue, content, kind):
    assert detect_act(cue, content, "", kind).act == "statement"


def test_quitting_in_the_frame_is_a_resignation():
    frame = "Owen Pryde quit on Monday, saying in a letter to the First Minister that"
    finding = detect_act("saying", "he could not support the closure", frame, "indirect", ["Owen", "Pryde"])
    assert finding.act == "resignation"


def test_frame_act_of_the_named_speaker():
    frame = "Lord Henshaw has withdrawn his remarks about claimants, saying"
    assert detect_act("saying", "they were clumsy", frame, "mixed", ["Lord", "Henshaw"]).act == "retraction"
    # Unknown speaker: a named subject may be someone else.
    assert detect_act("saying", "they were clumsy", frame, "mixed").act == "statement"


def test_someone_elses_apology_is_not_the_speakers():
    # Direct speech about another person's apology: a demand at most, never the speaker's apology.
    finding = detect_act("said", "Ashdown should apologise", "", "direct", speaker_words=["Owen", "Pryce"])
    assert "apology" not in finding.acts
    assert finding.act == "demand"


def test_first_person_modal_is_the_speakers_own_act():
    assert detect_act("said", "I must apologise to the jurors", "", "direct").act == "apology"


def test_frame_act_in_another_clause_is_ignored():
    frame = "Mallory deleted a post on X in which he called                    ."
    assert detect_act("called", "a local imam a danger", frame, "mixed", ["Mallory"]).act == "statement"


def test_frame_act_of_someone_else_is_ignored():
    frame = "a Downing Street spokesman told reporters that the MP had “                ” by withdrawing his comments."
    finding = detect_act("told", "done the right thing", frame, "mixed", ["Downing", "Street", "spokesman"])
    assert finding.act == "statement"


def test_cue_with_the_word_after_it():
    assert detect_act("called", "an urgent review", "", "indirect", cue_after=" for a").act == "demand"


def test_cue_lemma_from_a_parse_counts():
    assert detect_act("apologised", "for the remarks", "", "indirect", cue_lemma="apologise").act == "apology"


def test_every_act_found_is_kept_strongest_first():
    finding = detect_act("said", "It was wrong of me to question the jury and I apologise to them", "", "direct")
    assert finding.acts[:2] == ("retraction", "apology")
    assert finding.reason.startswith("content:")


def test_cue_outranks_content():
    finding = detect_act("denied", "that he was sorry", "", "indirect")
    assert finding.act == "denial"
    assert finding.reason == "cue:denied"


def test_precedence_covers_every_act_but_statement():
    assert set(PRECEDENCE) == set(ACTS) - {"statement"}
