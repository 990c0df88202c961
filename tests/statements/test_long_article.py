"""A ~2 MB article goes through the fast pipeline (resolve and statements stay near-linear).

Not timed (the machine is shared); a quadratic stage would make it run for many
minutes instead of under one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import onrecord

ROOT = Path(__file__).resolve().parents[2]
#: About 2 MB: the bundled samples and the e2e articles joined over and over.
TARGET_CHARS = 2_000_000


@pytest.mark.slow
def test_two_megabyte_article_completes_with_quotes():
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    base += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "cases" / "articles").glob("*.txt"))]
    parts, size = [], 0
    while size < TARGET_CHARS:
        parts.append(base[len(parts) % len(base)])
        size += len(parts[-1]) + 2
    text = "\n\n".join(parts)
    article = onrecord.extract(text, id="long", mode="fast")
    assert len(article.quotes) > 1000
    assert all(q.text == " ".join(text[s:e] for s, e in q.content) for q in article.quotes[:50])
    assert sum(1 for q in article.quotes if q.speaker_name) > len(article.quotes) // 2
    assert any(link.type == "retracts" for link in article.links)
    assert not [w for w in article.warnings if w.startswith("stage")], article.warnings
