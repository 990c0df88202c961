"""The web app in-process: API shapes, escaping, highlights, the token-gated POST, and the OpenAPI schema."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from archive_samples import MONDAY, SCRIPT, STORY, TUESDAY
from fastapi.testclient import TestClient

from onrecord.store import open_store
from onrecord.web import create_app
from onrecord.web.highlight import cut_highlights

TOKEN = "s3cret-token"


@pytest.fixture
def archive(store_url):
    with open_store(store_url) as s:
        for a in STORY:
            s.ingest(a)
    return store_url


@pytest.fixture
def client(archive):
    with TestClient(create_app(archive)) as c:
        yield c


def test_api_quotes_search_and_paging(client):
    body = client.get("/api/quotes", params={"q": "miscarriage of justice"}).json()
    assert body["total"] == 1 and body["quotes"][0]["speaker_name"] == "Crispin Blunt"
    assert body["quotes"][0]["article_id"] == "blunt-monday" and body["quotes"][0]["published"] == "2024-04-08"
    assert body["quotes"][0]["links"][0] == {
        "type": "retracts", "from": "blunt-tuesday#q1", "to": "blunt-monday#q1", "origin": "archive",
        "published": "2024-04-09",
    }
    page = client.get("/api/quotes", params={"limit": 2, "offset": 4}).json()
    assert page["total"] == 5 and len(page["quotes"]) == 1
    assert client.get("/api/quotes", params={"speaker": "Blunt", "until": "2024-04-08"}).json()["total"] == 1
    assert client.get("/api/quotes", params={"limit": -1}).status_code == 422


def test_api_speakers_and_articles(client):
    speakers = client.get("/api/speakers").json()["speakers"]
    blunt = next(s for s in speakers if s["name"] == "Crispin Blunt")
    assert blunt["aliases"] == ["Crispin Blunt", "Blunt"] and blunt["quotes"] == 2
    one = client.get(f"/api/speakers/{blunt['id']}").json()
    assert [h["article_id"] for h in one["timeline"]] == ["blunt-monday", "blunt-tuesday"]
    assert any(m["decision"] == "merge" and m["name"] == "Blunt" for m in one["merges"])
    article = client.get("/api/articles/blunt-tuesday").json()
    assert article["source_text"] == TUESDAY.text and article["url"] == TUESDAY.url
    # The retraction also apologises ("… and apologise"), so it makes both links.
    assert article["links"] == [
        {"type": kind, "from": "blunt-tuesday#q1", "to": "blunt-monday#q1", "origin": "archive", "published": "2024-04-09"}
        for kind in ("retracts", "apologises_for")
    ]
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/speakers/999999").status_code == 404
    assert client.get("/docs").status_code == 200 and "/api/quotes" in client.get("/openapi.json").json()["paths"]


def test_search_page_shows_a_script_quote_as_escaped_text(client):
    page = client.get("/", params={"q": "harmless"})
    assert page.status_code == 200
    assert '&lt;script&gt;alert(1)&lt;/script&gt; is <mark class="match">harmless</mark>,' in page.text
    assert "<script>" not in page.text and "<b>Bold</b>" not in page.text
    assert "&lt;b&gt;Bold&lt;/b&gt; claims" in page.text


def test_speaker_page_marks_the_retracted_statement_with_its_date(client):
    blunt = next(s for s in client.get("/api/speakers").json()["speakers"] if s["name"] == "Crispin Blunt")
    page = client.get(f"/speakers/{blunt['id']}").text
    assert page.count('class="statement retracted"') == 1
    assert "Retracted on <time>2024-04-09</time>" in page
    assert "Tory MP" in page and "also written as Blunt" in page
    assert client.get("/speakers/424242").status_code == 404


def test_article_page_highlights_every_quote_escaped_and_coloured_by_speaker(client):
    page = client.get("/articles/script-quote").text
    marks = page.count("<mark ")
    assert marks == len(SCRIPT.quotes) == 1
    assert '<mark class="c0" data-quote="q1" title="Eve Example">&lt;script&gt;alert(1)&lt;/script&gt; is harmless,</mark>' in page
    monday = client.get("/articles/blunt-monday").text
    assert 'data-quote="q1"' in monday and 'data-quote="q2"' in monday
    assert '<mark class="c0" data-quote="q1"' in monday and '<mark class="c1" data-quote="q2"' in monday
    assert html.escape(MONDAY.quotes[0].text, quote=False) in monday


def test_highlight_pieces_join_back_to_the_text_even_when_quotes_overlap():
    from onrecord.model import Quote

    text = "abcdefghij"
    quotes = [Quote("q1", "direct", ((1, 6),), "bcdef"), Quote("q2", "direct", ((3, 8),), "defgh")]
    pieces = cut_highlights(text, quotes)
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.quote) for p in pieces] == [("a", None), ("bc", "q1"), ("defgh", "q2"), ("ij", None)]


def test_post_is_absent_without_a_token(client):
    assert client.post("/api/articles", json=MONDAY.to_dict(include_text=True)).status_code == 405


def test_post_needs_the_bearer_token(archive):
    new = MONDAY.with_(url="https://news.example/new", id="posted", title="Posted")
    with TestClient(create_app(archive, token=TOKEN)) as c:
        record = new.to_dict(include_text=True)
        assert c.post("/api/articles", json=record).status_code == 401
        assert c.post("/api/articles", json=record, headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = c.post("/api/articles", json=record, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 201 and ok.json()["status"] == "added"
        again = c.post("/api/articles", json=record, headers={"Authorization": f"Bearer {TOKEN}"})
        assert again.json() == {**ok.json(), "status": "unchanged"}
        assert c.get("/api/articles/posted").json()["title"] == "Posted"
        bad = c.post("/api/articles", json={"quotes": []}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert bad.status_code == 422


def test_openapi_schema_fuzzing_finds_no_server_errors(tmp_path):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    db = str(tmp_path / "fuzz.db")
    with open_store(db) as s:
        for a in STORY:
            s.ingest(a)
    app = create_app(db, token=TOKEN)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures, calls = [], []
    for operation in schema.get_all_operations():
        op = operation.ok()

        @settings(max_examples=25, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def check(case):
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            calls.append(case.operation.label)
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, case.query, response.status_code))

        check()
    assert failures == []
    assert {"GET /api/quotes", "POST /api/articles", "GET /api/speakers/{speaker_id}"} <= set(calls)


@pytest.mark.slow
def test_api_finds_ashdowns_statement_in_the_samples(tmp_path):
    """samples/ (default mode) ingested, then ``GET /api/quotes?q=miscarriage of justice``."""
    from onrecord.store.ingest import ingest_paths

    samples = Path(__file__).resolve().parents[2] / "samples"
    db = str(tmp_path / "samples.db")
    with open_store(db) as s:
        results = list(ingest_paths(s, [str(samples)]))
    assert [r.status for r in results] == ["added"] * len(list(samples.glob("*.txt")))
    with TestClient(create_app(db)) as c:
        body = c.get("/api/quotes", params={"q": "miscarriage of justice"}).json()
        assert body["total"] >= 1
        assert {(q["article_id"], q["speaker_name"]) for q in body["quotes"]} == {("ashdown-retraction", "Rupert Ashdown")}
        speaker = body["quotes"][0]["archive_speaker_id"]
        assert c.get(f"/api/speakers/{speaker}").json()["name"] == "Rupert Ashdown"
        page = c.get("/", params={"q": "miscarriage of justice"}).text
        assert "Rupert Ashdown" in page and "miscarriage of justice" in page


def test_link_notes_quote_the_other_statement_with_its_date_and_article(client):
    blunt = next(s for s in client.get("/api/speakers").json()["speakers"] if s["name"] == "Crispin Blunt")
    page = client.get(f"/speakers/{blunt['id']}").text
    retraction = html.escape(TUESDAY.quotes[0].text, quote=False)
    assert f"<q>{retraction}</q>" in page and ">Blunt retracts statement</a>" in page
    assert "Retracts the statement of <time>2024-04-08</time>" in page
    assert 'retracted-badge">retracted 2024-04-09<' in page
    monday = client.get("/articles/blunt-monday").text
    assert '<li id="q1" class="c0 retracted">' in monday and '<li id="q2" class="c1">' in monday
    assert f"<q>{retraction}</q>" in monday
    search = client.get("/", params={"q": "justice"}).text
    assert '<li class="hit retracted">' in search and 'retracted 2024-04-09' in search
    assert '<mark class="match">justice</mark>' in search
