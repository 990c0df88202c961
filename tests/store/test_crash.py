"""Kill -9 in the middle of a real ``onrecord ingest``, run it again: every article exactly once, none half-written."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from archive_samples import generated

from onrecord.model import Article
from onrecord.store import open_store

#: Articles in the generated directory: enough that ingest takes seconds, so the kill lands mid-run.
N_ARTICLES = 600
#: Kill once at least this many articles are committed.
KILL_AFTER = 40
QUOTES_PER_ARTICLE = 5


def run_ingest(src: Path, db: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from onrecord.cli import main; main()", "ingest", str(src), "--db", str(db)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def committed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_kill_mid_ingest_then_rerun_gives_every_article_once(tmp_path):
    src = tmp_path / "shards"
    src.mkdir()
    articles = generated(N_ARTICLES, QUOTES_PER_ARTICLE)
    for a in articles:
        (src / f"{a.id}.jsonl").write_text(json.dumps(a.to_dict(include_text=True)) + "\n", encoding="utf-8")
    db = tmp_path / "archive.db"

    proc = run_ingest(src, db)
    deadline = time.monotonic() + 120
    while committed(db) < KILL_AFTER and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    partial = committed(db)
    assert KILL_AFTER <= partial < N_ARTICLES, "the kill should land in the middle of the run"

    rerun = run_ingest(src, db)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert f"{N_ARTICLES - partial} added" in err and f"{partial} unchanged" in err

    with open_store(str(db)) as store:
        assert store.stats().articles == N_ARTICLES
        assert store.stats().quotes == N_ARTICLES * QUOTES_PER_ARTICLE
        stored = {v.article.id: v.article for v in store.iter_articles()}
        assert stored.keys() == {a.id for a in articles}
        for a in articles:  # each exactly as the shard holds it: no lost quote, entity or text
            assert stored[a.id] == Article.from_dict(a.to_dict(include_text=True))
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            fts = conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'statement'").fetchone()[0]
            assert fts == N_ARTICLES * QUOTES_PER_ARTICLE
