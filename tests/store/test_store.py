"""The archive's store on every backend: idempotent ingest, replace in one transaction, search, speakers, links."""

from __future__ import annotations

import pytest
from archive_samples import MONDAY, NAMESAKE, SCRIPT, STORY, TUESDAY, Said, build_article

from onrecord.errors import StoreError
from onrecord.model import Quote
from onrecord.store import IdentityDecision, SearchQuery, open_store
from onrecord.store.records import article_key
from onrecord.store.schema import MIGRATIONS


def ingest_story(store) -> None:
    for article in STORY:
        store.ingest(article)


def test_ingest_reports_added_then_unchanged(store):
    assert [store.ingest(a).status for a in STORY] == ["added"] * len(STORY)
    assert [store.ingest(a).status for a in STORY] == ["unchanged"] * len(STORY)


def test_ingesting_twice_leaves_stats_unchanged(store):
    ingest_story(store)
    first = store.stats()
    ingest_story(store)
    assert store.stats() == first
    assert first.to_dict() == {"articles": 4, "quotes": 5, "speakers": 4}
    assert len(store.merges()) == 6


def test_changed_text_under_same_url_replaces_the_record(store):
    ingest_story(store)
    changed = build_article(
        "blunt-monday",
        'Updated: "Justice was not done," said Crispin Blunt. "We appeal," said Crispin Blunt.',
        [Said("Crispin Blunt", "Justice was not done,"), Said("Crispin Blunt", "We appeal,")],
        url=MONDAY.url,
        published=MONDAY.published,
    )
    result = store.ingest(changed)
    assert result.status == "replaced" and result.article_id == "blunt-monday"
    assert store.stats().articles == 4
    assert store.stats().quotes == 5 - 2 + 2
    view = store.article("blunt-monday")
    assert view.article.text == changed.text
    assert [q.text for q in view.article.quotes] == ["Justice was not done,", "We appeal,"]
    assert store.search(SearchQuery(text="shocked appalled")).total == 0
    assert store.search(SearchQuery(text="appeal")).total == 1
    # Khan no longer appears in any quote; only his Tuesday mention remains.
    assert "Imran Ahmad Khan" not in {s.name for s in store.speakers()}


def test_a_failed_replacement_leaves_the_old_record_whole(store):
    store.ingest(MONDAY)
    before = store.article("blunt-monday")
    q = Quote("q1", "direct", ((0, 4),), MONDAY.text[:4])
    broken = MONDAY.with_(text=MONDAY.text + " More.", quotes=(q, q))  # duplicate quote ids violate UNIQUE
    with pytest.raises(StoreError):
        store.ingest(broken)
    after = store.article("blunt-monday")
    assert after.article.to_dict(include_text=True) == before.article.to_dict(include_text=True)
    assert store.stats().to_dict() == {"articles": 1, "quotes": 2, "speakers": 2}
    assert store.ingest(MONDAY).status == "unchanged"


def test_article_without_url_is_keyed_by_text_hash(store):
    a = store.ingest(NAMESAKE)
    assert a.key == article_key(NAMESAKE) and a.key.startswith("sha1:")
    again = store.ingest(NAMESAKE.with_(id="another-name"))  # same text, so the same key: the record is replaced
    assert (again.status, again.article_id) == ("replaced", a.article_id)
    assert store.article(a.article_id).article.id == "another-name"
    assert store.stats().articles == 1


def test_same_record_id_different_article_gets_a_distinct_id(store):
    store.ingest(NAMESAKE)
    other = build_article("singer", '"Again," said James Blunt.', [Said("James Blunt", "Again,")])
    result = store.ingest(other)
    assert result.status == "added" and result.article_id.startswith("singer-")
    assert store.stats().articles == 2


def test_search_by_words_speaker_and_date(store):
    ingest_story(store)
    hits = store.search(SearchQuery(text="miscarriage of justice")).hits
    assert [(h.article_id, h.quote["speaker_name"]) for h in hits] == [("blunt-monday", "Crispin Blunt")]
    hit = hits[0].to_dict()
    assert hit["article_title"] == "Tory MP defends colleague" and hit["published"] == "2024-04-08"
    assert hit["text"] == MONDAY.quotes[0].text
    # "Blunt" is an alias of Crispin Blunt (both articles) but not of the singer James Blunt.
    assert {h.article_id for h in store.search(SearchQuery(speaker="Blunt")).hits} == {"blunt-monday", "blunt-tuesday"}
    assert {h.article_id for h in store.search(SearchQuery(speaker="james blunt")).hits} == {"singer"}
    assert store.search(SearchQuery(since="2024-04-09", until="2024-04-10")).total == 2
    assert store.search(SearchQuery(text="!!! ???")).total == 5
    page = store.search(SearchQuery(limit=2, offset=1))
    assert page.total == 5 and len(page.hits) == 2


def test_speakers_merge_aliases_and_keep_namesakes_apart(store):
    ingest_story(store)
    by_name = {s.name: s for s in store.speakers()}
    blunt = by_name["Crispin Blunt"]
    assert set(blunt.aliases) == {"Crispin Blunt", "Blunt"} and blunt.quotes == 2 and blunt.articles == 2
    assert "James Blunt" in by_name and by_name["James Blunt"].id != blunt.id
    reasons = {(m.article_id, m.name): (m.decision, m.reason) for m in store.merges()}
    assert reasons[("blunt-tuesday", "Blunt")][0] == "merge"
    assert reasons[("singer", "James Blunt")] == ("new", reasons[("singer", "James Blunt")][1])
    assert "james" in reasons[("singer", "James Blunt")][1]


def test_retraction_links_across_articles_in_either_order(store_url):
    for order in ((MONDAY, TUESDAY), (TUESDAY, MONDAY)):
        with open_store(store_url) as s:
            for a in order:
                s.ingest(a)
            view = s.speaker(s.search(SearchQuery(speaker="Crispin Blunt")).hits[0].archive_speaker_id)
            monday = next(h for h in view.timeline if h.article_id == "blunt-monday")
            # "I retract my statement … and apologise": a retraction that also apologises makes both links.
            assert [(link["type"], link["from"], link["published"]) for link in monday.links] == [
                ("retracts", "blunt-tuesday#q1", "2024-04-09"),
                ("apologises_for", "blunt-tuesday#q1", "2024-04-09"),
            ]
            assert s.article("blunt-tuesday").links[0]["to"] == "blunt-monday#q1"
            assert dict(view.descriptor_timeline)["Tory MP"] == "2024-04-08"
            for a in order:  # clean for the next order: replace both with quote-less versions
                s.ingest(a.with_(quotes=(), entities=(), links=()))
            assert s.stats().quotes == 0 and s.speakers() == []


def test_record_links_become_archive_references(store):
    a = build_article(
        "one", '"I said it," said Ann Lee. "I take it back," said Ann Lee.',
        [Said("Ann Lee", "I said it,"), Said("Ann Lee", "I take it back,", act="retraction")],
        links=(("retracts", "q2", "q1"),), published="2024-01-01",
    )
    store.ingest(a)
    assert [(link["from"], link["to"], link["origin"]) for link in store.article("one").links] == [("one#q2", "one#q1", "record")]


def test_identity_and_linking_are_pluggable(store_url):
    def never_merge(entity, candidates):
        return IdentityDecision(None, "test: never merge")

    with open_store(store_url, identify=never_merge, link=lambda statements: []) as s:
        for a in (MONDAY, TUESDAY):
            s.ingest(a)
        assert {sp.name for sp in s.speakers()} == {"Crispin Blunt", "Blunt", "Imran Ahmad Khan"}
        assert all(m.reason == "test: never merge" for m in s.merges())
        assert s.article("blunt-tuesday").links == ()


def test_migrations_are_recorded_once(store_url):
    with open_store(store_url) as s:
        s.ingest(SCRIPT)
        names = [r[0] for r in s.db.execute("SELECT name FROM migrations ORDER BY name").fetchall()]
    assert sorted(names) == sorted(m.__name__ for m in MIGRATIONS)
    with open_store(store_url) as s:  # reopening runs nothing again and keeps the data
        assert s.stats().articles == 1
        assert len(s.db.execute("SELECT name FROM migrations").fetchall()) == len(MIGRATIONS)


def test_iterators_and_missing_items(store):
    ingest_story(store)
    assert [v.id for v in store.iter_articles()] == sorted(a.id for a in STORY)
    assert len(list(store.iter_quotes())) == 5
    assert store.article("nope") is None and store.speaker(10**6) is None


def test_builtin_fallbacks_link_and_merge_like_the_rules(store_url):
    from onrecord.store import link_to_latest_statement, match_speaker

    with open_store(store_url, identify=match_speaker, link=link_to_latest_statement) as s:
        for a in STORY:
            s.ingest(a)
        assert s.article("blunt-tuesday").links[0]["to"] == "blunt-monday#q1"
        assert {sp.name for sp in s.speakers()} == {"Crispin Blunt", "Imran Ahmad Khan", "James Blunt", "Eve Example"}


def test_speaker_filter_takes_ids_only_as_ascii_digits_in_range(store):
    ingest_story(store)
    blunt = next(s for s in store.speakers() if s.name == "Crispin Blunt")
    assert store.search(SearchQuery(speaker=str(blunt.id))).total == 2
    for odd in ("\u00b2", "\u0663", "9" * 30):  # superscript two, Arabic-Indic three, past any integer column
        assert store.search(SearchQuery(speaker=odd)).total == 0
