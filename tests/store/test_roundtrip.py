"""Property test: any article record survives the store unchanged, on every backend."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.model import Article, Entity, Link, Quote, Span, join_content

#: Characters for generated text: anything but NUL (no backend stores it; readers reject binary input).
TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1, max_size=200)
NAMES = st.text(st.characters(whitelist_categories=("L",)), min_size=1, max_size=12)


@st.composite
def articles(draw) -> Article:
    text = draw(TEXT)
    n = len(text)
    entities = tuple(
        Entity(f"e{i}", draw(NAMES), draw(st.sampled_from(["PERSON", "ORG", "GROUP"])), (), tuple(draw(st.lists(NAMES, max_size=2))))
        for i in range(draw(st.integers(0, 3)))
    )
    quotes = []
    for i in range(draw(st.integers(0, 4))):
        s = draw(st.integers(0, n - 1))
        e = draw(st.integers(s + 1, n))
        content = ((s, e),)
        ent = draw(st.sampled_from(entities)) if entities and draw(st.booleans()) else None
        quotes.append(
            Quote(
                id=f"q{i + 1}",
                kind=draw(st.sampled_from(["direct", "indirect", "mixed"])),
                content=content,
                text=join_content(text, content),
                cue=Span.of(text, s, e) if draw(st.booleans()) else None,
                speaker=None,
                speaker_name=ent.name if ent else draw(st.none() | NAMES),
                speaker_id=ent.id if ent else None,
                about=tuple(e.id for e in entities[:1]),
                channel=draw(st.none() | st.sampled_from(["Twitter", "BBC"])),
                act=draw(st.none() | st.sampled_from(["statement", "retraction", "apology", "denial"])),
                confidence=round(draw(st.floats(0, 1)), 4),
                origin="hypothesis",
            )
        )
    links = tuple(Link("repeats", q.id, quotes[0].id) for q in quotes[1:2])
    return Article(
        id=draw(st.text("abcdef-_0123456789", min_size=1, max_size=10)),
        text=text,
        title=draw(st.none() | TEXT),
        url=f"https://example.org/{uuid.uuid4().hex}" if draw(st.booleans()) else None,
        published=draw(st.none() | st.dates().map(str)),
        quotes=tuple(quotes),
        entities=entities,
        links=links,
        warnings=tuple(draw(st.lists(TEXT, max_size=2))),
        derived_text=draw(st.booleans()),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=articles())
def test_records_round_trip_through_the_store(store, article):
    result = store.ingest(article)
    view = store.article(result.article_id)
    assert view.article == article
    assert view.article.to_dict(include_text=True) == article.to_dict(include_text=True)
    assert store.ingest(article).status == "unchanged"
