"""Fixtures shared by the store, web and CLI tests: an archive URL per backend."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

#: Environment variable naming the PostgreSQL server the ``postgres`` tests use (.ci/services.sh writes it).
PG_ENV = "ONRECORD_TEST_PG"


def postgres_url() -> Iterator[str]:
    """A fresh schema on the test server, as a URL whose search_path selects it; dropped afterwards."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set (run `bash .ci/services.sh` and source .ci/pg.env)")
    psycopg = pytest.importorskip("psycopg")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty archive on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "archive.db")
    else:
        yield from postgres_url()


@pytest.fixture
def store(store_url: str):
    """An open, empty archive on each backend."""
    from onrecord.store import open_store

    s = open_store(store_url)
    yield s
    s.close()
