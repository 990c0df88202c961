"""``onrecord batch``: extract a corpus into JSONL shards with a manifest; resumable."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .app import main
from .options import mode_option


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output directory: shard-NNNNN.jsonl, errors.jsonl, manifest.json. Rerun to resume.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: a process pool on this machine; ray: Ray Data actors (local Ray or --ray-address).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes or Ray actors, each holding one pipeline  [default: CPU count].",
)
@click.option(
    "--device",
    type=click.Choice(["cpu", "cuda"]),
    default="cpu",
    show_default=True,
    help="Where model stages run. cuda with --engine local: one process runs the tagger on the GPU for windows of many articles, --workers CPU processes do everything else; with --engine ray: each actor holds the model on one GPU.",
)
@mode_option
@click.option(
    "--shard-size",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Input documents per shard file (a resumed run must use the same size).",
)
@click.option("--ray-address", default=None, help="Join this Ray cluster (e.g. ray://head:10001 or auto).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def batch(
    inputs: tuple[str, ...],
    out: Path,
    engine: str,
    workers: int | None,
    device: str,
    mode: str | None,
    shard_size: int,
    ray_address: str | None,
    quiet: bool,
) -> None:
    """Extract every document in INPUTS into JSONL shards of contract records.

    INPUTS are files, directories, globs, JSONL(.gz), HTML or WARC(.gz); they
    are streamed, never loaded whole. Each shard line is one article's record
    with its text (source_text), ready for `onrecord ingest`. Documents that
    fail go to errors.jsonl with their reason; the batch goes on. Rerunning the
    same command resumes: finished shards are skipped, a killed run picks up
    where it stopped.

    Exit status: 0 when the run finished (even with failed documents, counted
    in the summary), 1 when it could not start or go on.

    \b
    Example:
        onrecord batch crawl/*.warc.gz --out out/ --workers 2 --mode fast
        onrecord batch articles.jsonl.gz --out out/ --engine ray --workers 8
        onrecord ingest out/ --db archive.db     # the finished shards, not the manifest or errors
    """
    from ..batch import BatchConfig, BatchError, run_batch
    from ..text.readers import read_paths

    config = BatchConfig(
        out=out,
        inputs=inputs,
        mode=mode,
        engine=engine,
        workers=workers or os.cpu_count() or 1,
        device=device,
        shard_size=shard_size,
        ray_address=ray_address,
        progress=not quiet,
    )
    try:
        report = run_batch(read_paths(list(inputs)), config)
    except BatchError as exc:
        raise click.ClickException(str(exc)) from exc
    resumed = f", {report.shards_skipped} shards already done" if report.shards_skipped else ""
    click.echo(
        f"onrecord batch: {report.ok} articles, {report.failed} failed{resumed}; "
        f"{report.articles_per_s:.1f} articles/s; output in {report.out}"
        + (f" (failures in {report.out / 'errors.jsonl'})" if report.failed else ""),
        err=True,
    )
