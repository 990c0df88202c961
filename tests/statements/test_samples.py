"""The bundled UK sample end to end: the retraction on Twitter links back to the statement about the colleague.

These run the whole pipeline, so they also depend on attribution and
resolution; the fast mode needs no model, the default mode loads spaCy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import onrecord

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ashdown-retraction.txt"


def check_retraction(article: onrecord.Article) -> None:
    """Issue 6 "Must show" on the sample: descriptors, channel, act, link, target."""
    people = {e.name: e for e in article.entities}
    ashdown, qureshi = people["Rupert Ashdown"], people["Samir Qureshi"]
    assert {"Tory MP", "Conservative MP"} & set(ashdown.descriptors), ashdown.descriptors
    assert any(d.startswith("chair of the all-party parliamentary group") for d in ashdown.descriptors), ashdown.descriptors
    assert any(d.startswith("MP for Eastmoor") for d in qureshi.descriptors), qureshi.descriptors
    assert "former barrister elected to Parliament in 2019" in qureshi.descriptors
    quotes = {q.id: q for q in article.quotes}
    lede = next(q for q in article.quotes if "miscarriage of justice" in q.text)
    assert lede.speaker_name == "Rupert Ashdown", (lede.id, lede.speaker_name)
    assert not any(q.speaker_name == "Samir Qureshi" for q in article.quotes)
    on_twitter = [q for q in article.quotes if q.act == "retraction" and q.channel == "Twitter"]
    assert on_twitter and all(q.speaker_name == "Rupert Ashdown" for q in on_twitter), on_twitter
    retracted = [quotes[link.target] for link in article.links if link.type == "retracts" and quotes[link.source] in on_twitter]
    assert retracted, article.links
    assert all(q.speaker_name == "Rupert Ashdown" and q.act != "retraction" for q in retracted)
    assert any(qureshi.id in q.about for q in retracted)
    assert "website" in {q.channel for q in retracted}


def test_sample_retraction_fast_mode():
    check_retraction(onrecord.extract(SAMPLE.read_text(encoding="utf-8"), id=SAMPLE.stem, mode="fast"))


@pytest.mark.slow
def test_sample_retraction_default_mode():
    check_retraction(onrecord.extract(SAMPLE.read_text(encoding="utf-8"), id=SAMPLE.stem))


@pytest.mark.slow
def test_sample_retraction_rules_mode():
    check_retraction(onrecord.extract(SAMPLE.read_text(encoding="utf-8"), id=SAMPLE.stem, mode="rules"))


MIRROR = Path(__file__).resolve().parents[1] / "cases" / "articles" / "mirror-hartley-vane.txt"


@pytest.mark.parametrize(
    "mode", ["fast", pytest.param("rules", marks=pytest.mark.slow), pytest.param(None, marks=pytest.mark.slow)]
)
def test_retraction_via_x_links_to_the_website_statement(mode):
    """"My comments … I withdraw them" (via X) retracts Hartley's website statement, which names no medium."""
    article = onrecord.extract(MIRROR.read_text(encoding="utf-8"), id=MIRROR.stem, mode=mode)
    quotes = {q.id: q for q in article.quotes}
    withdrawal = next(q for q in article.quotes if "I withdraw them" in q.text)
    assert (withdrawal.act, withdrawal.channel, withdrawal.speaker_name) == ("retraction", "Twitter", "Simon Hartley")
    retracted = [
        quotes[link.target] for link in article.links if link.type == "retracts" and link.source == withdrawal.id
    ]
    assert any("served his country" in q.text or "Richard made mistakes" in q.text for q in retracted), article.links
    assert all(q.speaker_name == "Simon Hartley" and q.act not in ("retraction", "apology") for q in retracted)
