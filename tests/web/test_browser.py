"""A person's path through the archive in Debian's chromium: search, open a speaker, open an article.

Screenshots go to ``out/screenshots/{search,speaker,article}.png`` (``out/`` is git-ignored).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from archive_samples import STORY

from onrecord.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
#: Flags for a headless chromium in a container with no network and no sandbox (Debian's package).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    uvicorn = pytest.importorskip("uvicorn")
    from onrecord.web import create_app

    db = str(tmp_path / "browser.db")
    with open_store(db) as s:
        for a in STORY:
            s.ingest(a)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def test_search_open_speaker_open_article(server):
    sync_api = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.set_default_timeout(15_000)
            page.goto(server + "/")
            page.fill("header input[name=q]", "miscarriage of justice")
            page.click("header button")
            page.wait_for_url("**/?q=*")
            hit = page.locator("li.hit").first
            assert page.locator("li.hit").count() == 1
            assert "This is a miscarriage of justice" in hit.locator("blockquote").inner_text()
            assert hit.locator("a.speaker").inner_text() == "Crispin Blunt"
            page.screenshot(path=str(SHOTS / "search.png"), full_page=True)

            hit.locator("a.speaker").click()
            page.wait_for_url("**/speakers/*")
            assert page.locator("h1").inner_text() == "Crispin Blunt"
            retracted = page.locator("li.statement.retracted")
            assert retracted.count() == 1
            assert "Retracted on 2024-04-09" in retracted.inner_text()
            assert page.locator("li.statement").count() == 2
            page.screenshot(path=str(SHOTS / "speaker.png"), full_page=True)

            retracted.locator("a.article").click()
            page.wait_for_url("**/articles/blunt-monday*")
            assert page.locator("h1").inner_text() == "Tory MP defends colleague"
            marks = page.locator("article.text mark")
            assert marks.count() == 2
            assert marks.nth(0).inner_text().startswith("I am shocked and appalled")
            colours = {marks.nth(i).evaluate("m => getComputedStyle(m).backgroundColor") for i in range(2)}
            assert len(colours) == 2, "two speakers, two colours"
            assert "Imran Ahmad Khan" in page.locator("ul.legend").inner_text()
            page.screenshot(path=str(SHOTS / "article.png"), full_page=True)

            page.goto(server + "/?q=harmless")
            assert "<script>alert(1)</script> is harmless," in page.locator("li.hit blockquote").inner_text()
        finally:
            browser.close()
    for name in ("search", "speaker", "article"):
        assert (SHOTS / f"{name}.png").stat().st_size > 5_000
