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
    qureshi = next(e.id for e in article.entities if e.name == "Samir Qureshi")
    quotes = {q.id: q for q in article.quotes}
    retractions = [q for q in article.quotes if q.act == "retraction" and q.speaker_name == "Rupert Ashdown"]
    assert retractions, [(q.id, q.act, q.speaker_name) for q in article.quotes]
    assert all(q.channel == "Twitter" for q in retractions)
    retracted = [quotes[link.target] for link in article.links if link.type == "retracts"]
    assert retracted, article.links
    assert all(q.speaker_name == "Rupert Ashdown" and q.act != "retraction" for q in retracted)
    assert any(qureshi in q.about for q in retracted)
    assert {q.channel for q in retracted} == {"website"}


def test_sample_retraction_fast_mode():
    check_retraction(onrecord.extract(SAMPLE.read_text(encoding="utf-8"), id=SAMPLE.stem, mode="fast"))


@pytest.mark.slow
def test_sample_retraction_default_mode():
    check_retraction(onrecord.extract(SAMPLE.read_text(encoding="utf-8"), id=SAMPLE.stem))
