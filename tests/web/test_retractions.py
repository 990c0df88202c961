"""Statements across the archive, end to end: two articles written for this test go through extraction,
the store, the API and the speaker page (Monday's statement, Tuesday's retraction of it on Twitter)."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from onrecord.store import SearchQuery, open_store
from onrecord.store.ingest import ingest_paths
from onrecord.web import create_app

MONDAY = {
    "id": "okafor-monday",
    "published": "2024-03-04",
    "title": "MP defends councillor over housing vote",
    "url": "https://example.test/okafor-defends",
    "text": "Labour MP Daniel Okafor has defended councillor Priya Shah after she voted against the housing plan.\n\n"
    "\u201cPriya Shah is the most honest councillor in this city. The complaint against her is a political stunt,\u201d"
    " Okafor wrote on his website on Monday. Okafor has been the MP for Riverside North since 2019.\n\n"
    "The council has opened an inquiry.\n",
}
TUESDAY = {
    "id": "okafor-tuesday",
    "published": "2024-03-05",
    "title": "Okafor withdraws defence of Shah",
    "url": "https://example.test/okafor-retracts",
    "text": "Daniel Okafor, chair of the housing select committee, has withdrawn his defence of councillor Priya Shah.\n\n"
    "In a statement on Twitter on Tuesday, Okafor said: \u201cI retract my statement about Priya Shah. I spoke before"
    " I had seen the evidence and I apologise.\u201d\n\nThe council said its inquiry would continue.\n",
}

MODES = ["fast", pytest.param(None, marks=pytest.mark.slow, id="default")]


def quote_id(store, article_id: str, words: str) -> str:
    (q,) = [q for q in store.article(article_id).article.quotes if words in q.text]
    return q.id


@pytest.fixture(params=MODES)
def archive(request, store_url, tmp_path):
    """Both articles extracted and ingested, Tuesday's first (its statement arrives before what it retracts)."""
    path = tmp_path / "story.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in (TUESDAY, MONDAY)), encoding="utf-8")
    with open_store(store_url) as s:
        assert [r.status for r in ingest_paths(s, [str(path)], mode=request.param)] == ["added", "added"]
        assert [r.status for r in ingest_paths(s, [str(path)], mode=request.param)] == ["unchanged"] * 2
        statement = f"okafor-monday#{quote_id(s, 'okafor-monday', 'political stunt')}"
        retraction = f"okafor-tuesday#{quote_id(s, 'okafor-tuesday', 'I retract my statement')}"
    return store_url, statement, retraction


def test_the_retraction_links_to_mondays_statement_in_the_store(archive):
    url, statement, retraction = archive
    with open_store(url) as s:
        hit = s.search(SearchQuery(text="political stunt")).hits[0]
        assert hit.ref == statement and hit.quote["speaker_name"] == "Daniel Okafor"
        link = {"type": "retracts", "from": retraction, "to": statement, "origin": "archive", "published": "2024-03-05"}
        assert link in hit.links
        assert link in s.article("okafor-tuesday").links
        back = s.quotes_by_ref([retraction])[retraction]
        assert (back.quote["act"], back.quote["channel"], back.published) == ("retraction", "Twitter", "2024-03-05")


def test_the_api_exposes_the_links_and_a_dated_descriptor_timeline(archive):
    url, statement, retraction = archive
    with TestClient(create_app(url)) as c:
        (hit,) = c.get("/api/quotes", params={"q": "political stunt"}).json()["quotes"]
        assert {"type": "retracts", "from": retraction, "to": statement} in [
            {k: link[k] for k in ("type", "from", "to")} for link in hit["links"]
        ]
        tuesday = c.get("/api/articles/okafor-tuesday").json()
        assert any(link["from"] == retraction and link["to"] == statement for link in tuesday["links"])
        speaker = c.get(f"/api/speakers/{hit['archive_speaker_id']}").json()
        assert speaker["name"] == "Daniel Okafor"
        timeline = [(t["descriptor"], t["since"]) for t in speaker["descriptor_timeline"]]
        assert ("Labour MP", "2024-03-04") in timeline
        assert ("chair of the housing select committee", "2024-03-05") in timeline
        assert [since for _, since in timeline] == sorted(since for _, since in timeline)
        refs = [t["article_id"] + "#" + t["id"] for t in speaker["timeline"]]
        assert refs.index(statement) < refs.index(retraction)


def test_the_speaker_page_shows_the_statement_as_retracted_with_the_date(archive):
    url, statement, retraction = archive
    with TestClient(create_app(url)) as c:
        sid = c.get("/api/quotes", params={"q": "political stunt"}).json()["quotes"][0]["archive_speaker_id"]
        page = c.get(f"/speakers/{sid}").text
    items = {m.group(1): m.group(0) for m in re.finditer(r'<li class="statement[^"]*" id="([^"]+)">.*?</li>', page, re.S)}
    assert 'class="statement retracted"' in items[statement]
    assert "Retracted on <time>2024-03-05</time>" in items[statement]
    assert "I retract my statement about Priya Shah" in items[statement]
    assert "retracted" not in items[retraction].split(">", 1)[0]
    assert "Retracts the statement of <time>2024-03-04</time>" in items[retraction]
    assert '<time>2024-03-05</time> <span class="descriptor">chair of the housing select committee</span>' in page
