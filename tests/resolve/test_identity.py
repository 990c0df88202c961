"""Cross-article speaker identity: merge decisions and their reasons."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from onrecord.model import Entity
from onrecord.resolve.identity import SpeakerRecord, compare_speakers, identify_speaker, speaker_key


@dataclass(frozen=True)
class Profile:
    """The shape of the store's SpeakerProfile."""

    id: int
    name: str
    type: str = "PERSON"
    aliases: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()


BLUNT = SpeakerRecord("Crispin Blunt", ("Blunt",), ("Tory MP", "chair of the APPG on Global LGBT+ Rights"))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (BLUNT, SpeakerRecord("Blunt"), True),
        (BLUNT, SpeakerRecord("Mr Blunt"), True),
        (BLUNT, SpeakerRecord("Mr Crispin Blunt", descriptors=("Conservative MP for Reigate",)), True),
        (BLUNT, SpeakerRecord("James Blunt", descriptors=("singer",)), False),
        (BLUNT, SpeakerRecord("Mrs Blunt"), False),
        (BLUNT, SpeakerRecord("Blunt", descriptors=("Labour MP",)), False),
        (
            SpeakerRecord("Imran Khan", descriptors=("former Pakistan cricket captain",)),
            SpeakerRecord("Imran Ahmad Khan", descriptors=("MP for Wakefield since December 2019",)),
            False,
        ),
        (
            SpeakerRecord("Imran Khan", descriptors=("MP for Wakefield",)),
            SpeakerRecord("Imran Ahmad Khan", descriptors=("Wakefield MP",)),
            True,
        ),
        (SpeakerRecord("Sadiq Khan"), SpeakerRecord("Imran Ahmad Khan"), False),
        (SpeakerRecord("Bill Clinton"), SpeakerRecord("William Clinton"), True),
        (SpeakerRecord("Hillary Clinton"), SpeakerRecord("Bill Clinton"), False),
        (SpeakerRecord("George H. Bush"), SpeakerRecord("George W. Bush"), False),
        (SpeakerRecord("Keir Starmer"), SpeakerRecord("Sir Keir Starmer"), True),
        (SpeakerRecord("Zoë Müller"), SpeakerRecord("Zoe Muller"), True),
    ],
)
def test_compare_speakers(a, b, same):
    decision = compare_speakers(a, b)
    assert decision.same is same, decision.reason
    assert decision.reason
    assert compare_speakers(b, a).same is same


def test_speaker_key_normalises_and_keeps_party_for_bare_surnames():
    assert speaker_key("Mr. Crispin Blunt's") == "crispin blunt" == speaker_key("Crispin Blunt")
    assert speaker_key("Blunt", ["Tory MP"]) == speaker_key("Mr Blunt", ["Conservative backbencher"])
    assert speaker_key("Blunt", ["Tory MP"]) != speaker_key("Blunt", ["Labour MP"])


def test_identify_joins_full_name_and_bare_surname():
    archive = [Profile(1, "Crispin Blunt", aliases=("Blunt",), descriptors=("Tory MP",))]
    d = identify_speaker(Entity("e1", "Mr Blunt"), archive)
    assert d.speaker_id == 1 and "surname" in d.reason


def test_identify_does_not_guess_an_ambiguous_surname():
    archive = [Profile(1, "Sadiq Khan"), Profile(2, "Imran Ahmad Khan")]
    d = identify_speaker(Entity("e1", "Khan"), archive)
    assert d.speaker_id is None and "not guessing" in d.reason


def test_identify_uses_descriptors_to_choose_between_namesakes():
    archive = [
        Profile(1, "Sadiq Khan", descriptors=("Mayor of London",)),
        Profile(2, "Imran Ahmad Khan", descriptors=("MP for Wakefield",)),
    ]
    d = identify_speaker(Entity("e1", "Khan", descriptors=("Wakefield MP",)), archive)
    assert d.speaker_id == 2, d.reason


def test_identify_keeps_the_cricketer_apart():
    archive = [Profile(7, "Imran Ahmad Khan", descriptors=("Wakefield MP",))]
    d = identify_speaker(Entity("e1", "Imran Khan", descriptors=("former Pakistan prime minister",)), archive)
    assert d.speaker_id is None
    assert d.reason.startswith("new:")


def test_identify_orgs_by_name():
    archive = [Profile(3, "Home Office", type="ORG")]
    assert identify_speaker(Entity("e2", "the Home Office", type="ORG"), archive).speaker_id == 3
    assert identify_speaker(Entity("e2", "Home Office", type="ORG"), archive).speaker_id == 3
    assert identify_speaker(Entity("e2", "Home Office", type="PERSON"), archive).speaker_id is None
