"""Channels from the frame and the speaker phrase (model-free)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.statements.channels import CHANNEL_PATTERNS, NEEDLES, OUTLETS, detect_channel, normalise_channel


@pytest.mark.parametrize(
    ("frame", "speaker", "expected"),
    [
        ("In a statement on Twitter on Wednesday, Ashdown said", "", "Twitter"),
        ("Harcourt said in a post on X.", "", "Twitter"),
        ("he tweeted", "", "Twitter"),
        ("In a post on Facebook, Hadley said:", "", "Facebook"),
        ("In a video posted on TikTok, she said", "", "TikTok"),
        ("", "a statement published on Ashdown's website", "website"),
        ("In a statement on his website, Fenwick said:", "", "website"),
        ("she told the BBC", "", "BBC"),
        ("she told BBC Radio 4's Today programme", "", "BBC"),
        ("Mr Doyle told BBC Radio 5 Live.", "", "BBC"),
        ("Harcourt later told CNN", "", "CNN"),
        ("Ferri told Sky Sports.", "", "Sky Sports"),
        ("Speaking to the Guardian, Pritchard said", "", "Guardian"),
        ("Tran said in an interview with The Columbus Dispatch.", "", "Columbus Dispatch"),
        ("Councillor Amir Patel told the Harrogate Advertiser that", "", "Harrogate Advertiser"),
        ("Lawyers told Manchester Crown Court that", "", "court"),
        ("his barrister told the jury.", "", "court"),
        ("she told MPs on the environment select committee", "", "committee"),
        ("Whitlow told the Commons.", "", "Parliament"),
        ("Okafor vowed on the Senate floor", "", "Congress"),
        ("In a letter to the First Minister, she said", "", "letter"),
        ("Forty MPs have written to the health secretary", "", "letter"),
        ("Carver said at a press conference outside City Hall.", "", "press conference"),
        ("Whitfield told reporters", "", "reporters"),
        ("Whitaker told supporters in Tampa that", "", "speech"),
        ("Lomax told viewers at the start of the programme.", "", "television"),
        ("In a press release, Harlan Foods said", "", "press release"),
        ("Lennie said in a statement.", "", "statement"),
        ("According to a statement from the Home Office,", "", "statement"),
        ("In her resignation letter, published on the party's website, she wrote", "", "website"),
    ],
)
def test_detects_channel(frame, speaker, expected):
    found = detect_channel(frame, speaker)
    assert found is not None
    assert found.name == expected


@pytest.mark.parametrize(
    "frame",
    [
        "he said.",
        "Outside Southwark Crown Court, Jamal Okoro's mother said",
        "Ms Benthall said the delay was",
        "the MP said the prosecution had",
    ],
)
def test_no_channel(frame):
    assert detect_channel(frame) is None


def test_a_person_interviewer_is_an_interview_not_an_outlet():
    found = detect_channel("In an interview with Piers Hartley, he said", persons=["Piers Hartley"])
    assert found is not None and found.name == "interview"


def test_platform_beats_generic_statement():
    found = detect_channel("In a statement on Twitter, he said")
    assert found is not None and found.name == "Twitter" and found.rank == 0


def test_outlets_normalise_to_their_short_name():
    assert normalise_channel("the Daily Telegraph") == "Telegraph"
    assert normalise_channel("X") == "Twitter"
    assert normalise_channel("BBC News") == "BBC"
    assert normalise_channel(None) is None
    assert all(short for short in OUTLETS)


def _texts():
    root = Path(__file__).resolve().parents[2]
    for path in sorted((root / "samples").glob("*.txt")):
        yield from path.read_text(encoding="utf-8").splitlines()
    for name in ("statements.jsonl", "statements_round2.jsonl"):
        for line in (root / "tests" / "cases" / name).read_text(encoding="utf-8").splitlines():
            yield from json.loads(line)["text"].splitlines()


def test_needles_cover_every_match():
    """The cheap word check before each pattern never hides a match (on every text we have)."""
    for text in _texts():
        low = text.lower()
        for _, name, rx in CHANNEL_PATTERNS:
            if rx.search(text):
                assert any(n in low for n in NEEDLES[name]), (name, text)
