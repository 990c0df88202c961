"""The archive on a PostgreSQL server: psycopg 3, tsvector full-text quote search.

Same logical schema and SQL as SQLite (see :mod:`onrecord.store.sql`); quote
text is matched through a generated ``tsvector`` column with a GIN index.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import MissingExtraError, StoreError
from .records import fts_words
from .sql import SQLStore

__all__ = ["PostgresStore"]

#: The text-search configuration for quote text (PostgreSQL's built-in English stemmer).
TS_CONFIG = "english"


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise MissingExtraError("psycopg", "postgres") from None
    return psycopg


class PostgresConnection:
    """One psycopg connection with ``?`` SQL, nested transactions and translated errors."""

    dialect = "postgresql"

    def __init__(self, url: str):
        self.psycopg = _psycopg()
        try:
            self.conn = self.psycopg.connect(url, autocommit=True)
        except self.psycopg.Error as e:
            raise StoreError(f"cannot connect to the PostgreSQL archive: {e}") from e

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql.replace("?", "%s"), tuple(params) if params else None)
        except self.psycopg.Error as e:
            raise StoreError(f"PostgreSQL archive: {e}") from e

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """A transaction; nested calls become savepoints (psycopg's ``transaction()``)."""
        try:
            with self.conn.transaction():
                yield
        except self.psycopg.Error as e:
            raise StoreError(f"PostgreSQL archive: {e}") from e

    def close(self) -> None:
        self.conn.close()


class PostgresStore(SQLStore):
    """The archive on PostgreSQL (see :class:`~onrecord.store.sql.SQLStore` for arguments)."""

    dialect = "postgresql"

    def connect(self) -> PostgresConnection:
        return PostgresConnection(self.url)

    def text_match(self, query: str) -> tuple[str, list[Any]] | None:
        words = fts_words(query)
        if not words:
            return None
        return f"q.tsv @@ plainto_tsquery('{TS_CONFIG}', ?)", [" ".join(words)]
