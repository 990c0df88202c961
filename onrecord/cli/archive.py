"""Archive commands: ``ingest``, ``search``, ``speakers``, ``stats``, ``export``, ``serve``.

Each command opens the store, calls one library function of
:mod:`onrecord.store` (or :mod:`onrecord.web`), and formats the result.
Database drivers, FastAPI and uvicorn are imported inside the commands.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any, TypeVar

import click

from .app import main
from .options import db_option, mode_option

F = TypeVar("F", bound=Callable[..., object])

#: Columns of one quote row in CSV/Parquet output and the search table.
QUOTE_COLUMNS = (
    "article_id",
    "article_title",
    "published",
    "id",
    "kind",
    "speaker_name",
    "archive_speaker_id",
    "act",
    "channel",
    "confidence",
    "origin",
    "start",
    "end",
    "text",
)


@contextmanager
def opened(db: str) -> Iterator[Any]:
    """Open the archive named by ``--db``; a store error becomes a usage error (exit 2)."""
    from ..errors import MissingExtraError, StoreError
    from ..store import open_store

    try:
        store = open_store(db)
    except (StoreError, MissingExtraError) as e:
        raise click.BadParameter(str(e), param_hint="--db") from e
    try:
        yield store
    finally:
        store.close()


def quote_row(hit: dict[str, Any]) -> dict[str, Any]:
    """Flatten a search hit (contract quote + article fields) to :data:`QUOTE_COLUMNS`."""
    row = {c: hit.get(c) for c in QUOTE_COLUMNS}
    content = hit.get("content") or [[0, 0]]
    row["start"], row["end"] = content[0][0], content[-1][1]
    return row


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write quote hits as ``jsonl``, ``csv`` or ``table``; return how many."""
    n = 0
    writer = None
    for hit in rows:
        n += 1
        if fmt == "jsonl":
            out.write(json.dumps(hit, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=QUOTE_COLUMNS)
                writer.writeheader()
            writer.writerow(quote_row(hit))
        else:
            text = " ".join(hit["text"].split())
            text = text if len(text) <= 100 else text[:97] + "..."
            who = hit.get("speaker_name") or "?"
            out.write(f"{(hit.get('published') or '-')[:10]:<10} {who:<22.22} {hit['article_id']:<20.20} {text}\n")
    return n


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
    """``--format`` with ``choices``."""

    def decorate(func: F) -> F:
        return click.option(
            "--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help="Output format."
        )(func)

    return decorate


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@mode_option
def ingest(paths: tuple[str, ...], db: str, mode: str | None) -> None:
    """Extract PATHS and store the results in the archive, one transaction per article.

    PATHS are files, directories (recursively), JSONL, HTML, WARC, shards of
    contract records (``extract --format jsonl``), or - for stdin. A batch
    output directory (``onrecord batch --out DIR``) is read as its run: only
    the finished shards its manifest lists, not manifest.json, errors.jsonl
    or unfinished shards (a note on stderr says what was read). An article
    is keyed by its URL, else by its text's hash: ingesting it again changes
    nothing, and a changed text under the same URL replaces the old record.
    Failures are reported on stderr and counted; the rest goes on. Exit
    status: 0 no failures, 1 some failed, 2 usage error.

    \b
    Example:
        onrecord ingest samples/ --db archive.db
        onrecord ingest crawl.warc.gz --db postgresql://localhost/onrecord
        onrecord ingest out/ --db archive.db   # after: onrecord batch crawl/ --out out/
    """
    from ..pipeline import Failure
    from ..store.ingest import ingest_paths

    counts = {"added": 0, "replaced": 0, "unchanged": 0, "failed": 0}
    with opened(db) as store:
        results = ingest_paths(store, paths, mode=mode,
                               notify=lambda note: click.echo(f"onrecord: {note}", err=True))
        for result in _progress(results):
            if isinstance(result, Failure):
                counts["failed"] += 1
                click.echo(f"onrecord: {result.source or result.id}: {result.error}", err=True)
            else:
                counts[result.status] += 1
        stats = store.stats()
    total = sum(counts.values())
    click.echo(
        f"ingested {total} article(s): {counts['added']} added, {counts['replaced']} replaced, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed; archive: "
        + ", ".join(f"{k} {v}" for k, v in stats.to_dict().items()),
        err=True,
    )
    if counts["failed"]:
        sys.exit(1)


def _progress(results: Iterable[Any]) -> Iterable[Any]:
    """A progress bar on stderr when it is a terminal (tqdm), else the results as they are."""
    try:
        from tqdm import tqdm
    except ImportError:
        return results
    return tqdm(results, file=sys.stderr, disable=None, unit=" articles", desc="ingest", mininterval=0.5)


@main.command()
@click.argument("query", required=False, default="")
@db_option
@click.option("--speaker", help="A speaker's name, alias or id.")
@click.option("--since", help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(0, 1000), default=50, show_default=True, help="At most this many quotes.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many quotes first.")
@format_option(("table", "jsonl", "csv"), "table")
def search(
    query: str, db: str, speaker: str | None, since: str | None, until: str | None, limit: int, offset: int, fmt: str
) -> None:
    """Find quotes whose text matches QUERY (every word), newest first.

    Results are contract quotes plus article_id, article_title and published.

    \b
    Example:
        onrecord search "miscarriage of justice" --db archive.db --format jsonl
        onrecord search retract --db archive.db --speaker "Crispin Blunt" --since 2024-04-01
    """
    from ..store import SearchQuery

    with opened(db) as store:
        result = store.search(SearchQuery(query or None, speaker, since, until, limit, offset))
        write_rows((h.to_dict() for h in result.hits), fmt, sys.stdout)
    if fmt == "table":
        click.echo(f"{len(result.hits)} of {result.total} quote(s)", err=True)


@main.command()
@db_option
@click.option("--merges", is_flag=True, help="Report the speaker-merge decisions and their reasons instead.")
@format_option(("table", "jsonl"), "table")
def speakers(db: str, merges: bool, fmt: str) -> None:
    """List the archive's speakers (one per person across articles), most quoted first.

    \b
    Example:
        onrecord speakers --db archive.db
        onrecord speakers --db archive.db --merges --format jsonl
    """
    with opened(db) as store:
        if merges:
            for m in store.merges():
                if fmt == "jsonl":
                    click.echo(json.dumps(m.to_dict(), ensure_ascii=False))
                else:
                    click.echo(f"{m.decision:<6} s{m.speaker_id:<5} {m.article_id}#{m.entity_id} {m.name!r}: {m.reason}")
            return
        for s in store.speakers():
            if fmt == "jsonl":
                click.echo(json.dumps(s.to_dict(), ensure_ascii=False))
            else:
                aliases = ", ".join(a for a in s.aliases if a != s.name)
                click.echo(
                    f"{s.id:>5} {s.name:<28.28} {s.quotes:>5} quotes {s.articles:>4} articles"
                    + (f"  aka {aliases}" if aliases else "")
                )


@main.command()
@db_option
@format_option(("json", "table"), "json")
def stats(db: str, fmt: str) -> None:
    """Print how many articles, quotes and quoted speakers the archive holds.

    \b
    Example:
        onrecord stats --db archive.db --format json
    """
    with opened(db) as store:
        counts = store.stats().to_dict()
    if fmt == "json":
        click.echo(json.dumps(counts))
    else:
        for k, v in counts.items():
            click.echo(f"{k:<10} {v}")


@main.command()
@db_option
@format_option(("jsonl", "csv", "parquet"), "jsonl")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True), help="Write here (default stdout).")
def export(db: str, fmt: str, out_path: str | None) -> None:
    """Export the archive: jsonl = one article record per line (with source_text; re-ingestable);
    csv and parquet = one row per quote.

    \b
    Example:
        onrecord export --db archive.db --format jsonl --out archive.jsonl
        onrecord export --db archive.db --format parquet --out quotes.parquet
    """
    if fmt == "parquet" and not out_path:
        raise click.UsageError("--format parquet needs --out FILE")
    with opened(db) as store:
        if fmt == "parquet":
            _write_parquet((quote_row(h.to_dict()) for h in store.iter_quotes()), out_path or "")
            return
        out = open(out_path, "w", encoding="utf-8", newline="") if out_path else sys.stdout
        try:
            if fmt == "jsonl":
                for view in store.iter_articles():
                    out.write(json.dumps(view.article.to_dict(include_text=True), ensure_ascii=False) + "\n")
            else:
                write_rows((h.to_dict() for h in store.iter_quotes()), "csv", out)
        finally:
            if out_path:
                out.close()


def _write_parquet(rows: Iterable[dict[str, Any]], path: str) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        from ..errors import MissingExtraError

        raise click.ClickException(str(MissingExtraError("pyarrow", "parquet"))) from e
    schema = pa.schema(
        [(c, pa.float64() if c == "confidence" else pa.int64() if c in ("start", "end", "archive_speaker_id")
          else pa.string()) for c in QUOTE_COLUMNS]
    )
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


@main.command()
@db_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--token",
    envvar="ONRECORD_TOKEN",
    help="Enable POST /api/articles for requests with 'Authorization: Bearer TOKEN' (env: ONRECORD_TOKEN).",
)
def serve(db: str, port: int, host: str, token: str | None) -> None:
    """Serve the archive: search page, speaker and article pages, and a REST API (docs at /docs).

    Read-only unless --token is given.

    \b
    Example:
        onrecord serve --db archive.db --port 8000
        # then open http://127.0.0.1:8000/?q=justice
    """
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as e:
        from ..errors import MissingExtraError

        raise click.ClickException(str(MissingExtraError(e.name or "fastapi", "web"))) from e
    with opened(db):
        pass  # fail fast (exit 2) on a bad --db, before the server starts
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info")
