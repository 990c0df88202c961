"""Keys, digests and archive references for articles: pure functions, no I/O.

An article is keyed by its URL when known, else by the sha1 of its text (or,
for a record carried without its text, of the record). The digest covers
everything the archive stores, so "the same article again" is a digest match.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from ..model import Article

__all__ = ["article_digest", "article_key", "fts_words", "quote_ref", "record_of", "sha1_text", "split_ref"]


def sha1_text(s: str) -> str:
    """The sha1 hex digest of ``s`` as UTF-8."""
    return hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()


def article_key(article: Article) -> str:
    """Return the key that identifies ``article`` in the archive.

    >>> article_key(Article(id="a", text="x", url="https://e.com/1"))
    'url:https://e.com/1'
    >>> article_key(Article(id="a", text="abc"))
    'sha1:a9993e364706816aba3e25717850c26c9cd0d89d'
    """
    if article.url:
        return f"url:{article.url}"
    if article.text:
        return f"sha1:{sha1_text(article.text)}"
    return f"record:{sha1_text(json.dumps(record_of(article), sort_keys=True, ensure_ascii=False))}"


def record_of(article: Article) -> dict[str, Any]:
    """The contract record the archive stores (its text is kept apart)."""
    d = article.to_dict(include_text=False)
    d.pop("source_text", None)
    d.pop("meta", None)
    return d


def article_digest(article: Article) -> str:
    """A hash of everything stored for ``article``: equal digests, same stored rows."""
    payload = {"record": record_of(article), "text": article.text, "derived": article.derived_text}
    return sha1_text(json.dumps(payload, sort_keys=True, ensure_ascii=False))


def quote_ref(article_id: str, quote_id: str) -> str:
    """Return the archive reference of a quote.

    >>> quote_ref("seed-blunt", "q2")
    'seed-blunt#q2'
    """
    return f"{article_id}#{quote_id}"


def split_ref(ref: str) -> tuple[str, str]:
    """Split an archive reference at its last ``#``.

    >>> split_ref("a#b#q1")
    ('a#b', 'q1')
    """
    article_id, _, quote_id = ref.rpartition("#")
    return article_id, quote_id


def fts_words(query: str) -> list[str]:
    """The words of a search query, as the full-text index sees them.

    >>> fts_words('"miscarriage of justice" -- now!')
    ['miscarriage', 'of', 'justice', 'now']
    """
    return re.findall(r"\w+", query)
