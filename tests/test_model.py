"""The contract records: shape, round trips, and the text/content invariant."""

import json

from hypothesis import given
from hypothesis import strategies as st

from onrecord.model import Article, Entity, Link, Quote, Span, join_content

CONTRACT_QUOTE_KEYS = {
    "id", "kind", "content", "text", "cue", "speaker", "speaker_name", "speaker_id",
    "about", "channel", "act", "confidence", "origin",
}


def _article():
    text = '"We will appeal," he said. Khan\'s legal team said he plans to appeal.'
    q1 = Quote(
        id="q1", kind="direct", content=((1, 16),), text=text[1:16],
        cue=Span.of(text, 21, 25), speaker=Span.of(text, 18, 20),
        speaker_name="Imran Ahmad Khan", speaker_id="e1", confidence=0.9, origin="rule:test",
    )
    q2 = Quote(
        id="q2", kind="indirect", content=((47, 69),), text=text[47:69],
        cue=Span.of(text, 42, 46), speaker=Span.of(text, 27, 41),
        speaker_name="Khan's legal team", speaker_id="e2", act="statement", about=("e1",),
    )
    ents = (
        Entity("e1", "Imran Ahmad Khan", "PERSON", ((27, 31),), ("MP for Wakefield",)),
        Entity("e2", "Khan's legal team", "GROUP", ((27, 41),)),
    )
    return Article(id="a1", text=text, quotes=(q1, q2), entities=ents, links=(Link("repeats", "q2", "q1"),))


def test_to_dict_has_the_contract_fields():
    d = _article().to_dict()
    assert set(d) >= {"id", "title", "quotes", "entities", "links", "warnings"}
    assert CONTRACT_QUOTE_KEYS <= set(d["quotes"][0])
    assert d["links"][0] == {"type": "repeats", "from": "q2", "to": "q1"}
    assert "source_text" not in d


def test_round_trip_through_json():
    art = _article()
    d = json.loads(json.dumps(art.to_dict(include_text=True)))
    back = Article.from_dict(d)
    assert back.quotes == art.quotes and back.entities == art.entities and back.links == art.links
    assert back.text == art.text


def test_quote_text_is_joined_content():
    art = _article()
    for q in art.quotes:
        assert q.text == join_content(art.text, q.content)


@given(st.text(min_size=1, max_size=60), st.data())
def test_join_content_matches_slices(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6)))
    ranges = tuple((cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2))
    assert join_content(text, ranges) == " ".join(text[s:e] for s, e in ranges)
