"""The archive: articles, quotes, speakers across articles, and links, in SQLite or PostgreSQL.

>>> import tempfile, os
>>> from onrecord.model import Article
>>> with open_store(os.path.join(tempfile.mkdtemp(), "a.db")) as store:
...     store.ingest(Article(id="a1", text="Hello.")).status
'added'
"""

from __future__ import annotations

from .base import (
    ArticleView,
    IngestResult,
    MergeDecision,
    QuoteHit,
    SearchQuery,
    SearchResult,
    SpeakerSummary,
    SpeakerView,
    Stats,
    Store,
)
from .identity import IdentityDecision, IdentityFn, SpeakerProfile, match_speaker
from .linking import ArchiveStatement, LinkFn, link_to_latest_statement
from .sql import SQLStore

__all__ = [
    "ArchiveStatement",
    "ArticleView",
    "IdentityDecision",
    "IdentityFn",
    "IngestResult",
    "LinkFn",
    "MergeDecision",
    "QuoteHit",
    "SQLStore",
    "SearchQuery",
    "SearchResult",
    "SpeakerProfile",
    "SpeakerSummary",
    "SpeakerView",
    "Stats",
    "Store",
    "is_postgres_url",
    "link_to_latest_statement",
    "match_speaker",
    "open_store",
]

#: URL schemes that select the PostgreSQL backend (libpq's two spellings).
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL server.

    >>> is_postgres_url("postgresql://localhost/db"), is_postgres_url("archive.db")
    (True, False)
    """
    return url.startswith(POSTGRES_SCHEMES)


def open_store(url_or_path: str, identify: IdentityFn | None = None, link: LinkFn | None = None) -> SQLStore:
    """Open (creating and migrating when needed) the archive at ``url_or_path``.

    Args:
        url_or_path: a SQLite file path (or ``sqlite:///path``) or a ``postgresql://`` URL.
        identify: the speaker-identity function; default: the resolution rules
            (``onrecord.resolve.identity.identify_speaker``).
        link: the cross-article statement linker; default: the statements rules
            (:func:`~onrecord.store.linking.link_with_statement_rules`).

    Returns:
        The store; use it as a context manager or call ``close()``.

    Raises:
        StoreError: the database cannot be opened or migrated.
        MissingExtraError: PostgreSQL was asked for and psycopg is not installed.
    """
    if is_postgres_url(url_or_path):
        from .postgres import PostgresStore

        return PostgresStore(url_or_path, identify=identify, link=link)
    from .sqlite import SQLiteStore

    path = url_or_path.removeprefix("sqlite:///") if url_or_path.startswith("sqlite:///") else url_or_path
    return SQLiteStore(path, identify=identify, link=link)
