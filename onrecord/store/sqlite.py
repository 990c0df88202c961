"""The archive in a SQLite file: stdlib ``sqlite3``, WAL, foreign keys, FTS5 quote search.

Each connection runs in autocommit mode and makes its own transactions
(``BEGIN IMMEDIATE``, savepoints when nested), so one article is one
transaction and a killed process leaves the file as of its last commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..errors import StoreError
from .records import fts_words
from .sql import SQLStore

__all__ = ["SQLiteStore"]

#: Seconds a writer waits for another writer's lock before failing (sqlite3 ``timeout``).
BUSY_TIMEOUT_S = 60.0


class SQLiteConnection:
    """One ``sqlite3`` connection with ``?`` SQL, nested transactions and translated errors."""

    dialect = "sqlite"

    def __init__(self, path: str):
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            # WAL + NORMAL: a committed transaction survives a killed process (not a power cut).
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the SQLite archive {path!r}: {e}") from e
        self.path = path
        self.depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, tuple(params))
        except sqlite3.Error as e:
            raise StoreError(f"SQLite archive {self.path!r}: {e}") from e

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """A transaction (``BEGIN IMMEDIATE``); nested calls become savepoints."""
        name = f"sp{self.depth}"
        self.execute("BEGIN IMMEDIATE" if self.depth == 0 else f"SAVEPOINT {name}")
        self.depth += 1
        try:
            yield
        except BaseException:
            self.depth -= 1
            if self.depth == 0:
                self.conn.rollback()
            else:
                self.execute(f"ROLLBACK TO {name}")
                self.execute(f"RELEASE {name}")
            raise
        self.depth -= 1
        self.execute("COMMIT" if self.depth == 0 else f"RELEASE {name}")

    def close(self) -> None:
        self.conn.close()


class SQLiteStore(SQLStore):
    """The archive in one SQLite file (see :class:`~onrecord.store.sql.SQLStore` for arguments)."""

    dialect = "sqlite"

    def connect(self) -> SQLiteConnection:
        return SQLiteConnection(self.url)

    def text_match(self, query: str) -> tuple[str, list[Any]] | None:
        words = fts_words(query)
        if not words:
            return None
        return "q.pk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", [
            " ".join(f'"{w}"' for w in words)
        ]
