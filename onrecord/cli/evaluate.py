"""``onrecord evaluate``: score onrecord on annotated corpora, and the quality gate.

Subcommands register on the :func:`evaluate` group: ``polnear`` and ``gate``
here; other corpora or tasks (statements) add their own command to the group.
Heavy imports happen inside the commands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .app import main
from .options import MODE_CHOICES


@main.group()
def evaluate() -> None:
    """Score onrecord against annotated corpora (PolNeAR), and the F1 quality gate.

    \b
    Example:
        onrecord evaluate polnear ../shared/data/polnear --split dev
        onrecord evaluate gate
    """


@evaluate.command("polnear")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--split", default="dev", show_default=True, help="Split folder to score (dev or train).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format."
)
@click.option(
    "--mode",
    type=click.Choice(MODE_CHOICES),
    default=None,
    help="Pipeline mode to evaluate (default: the extraction default).",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
def polnear(directory: str, split: str, fmt: str, mode: str | None, limit: int | None, jobs: int) -> None:
    """Extract a PolNeAR split (DIRECTORY holds dev/, train/, metadata.tsv) and score it.

    Prints exact and loose P/R/F1 for source, cue, content and the whole
    attribution, F1 per publisher, and the calibration error (ECE). The
    protocol is documented in onrecord.evaluate.scorer.

    \b
    Example:
        onrecord evaluate polnear ../shared/data/polnear --mode fast --limit 20
        onrecord evaluate polnear ../shared/data/polnear --format json --jobs 2
    """
    from ..evaluate.run import evaluate_polnear, format_scores

    try:
        scores = evaluate_polnear(directory, split=split, mode=mode, limit=limit, jobs=jobs)
    except FileNotFoundError as exc:
        raise click.UsageError(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(scores.to_dict(), indent=2))
    else:
        click.echo(format_scores(scores))


@evaluate.command("gate")
@click.option("--floors", "floors_path", type=click.Path(dir_okay=False), default=None, help="Floors file.")
@click.option("--raise-floors", is_flag=True, help="Raise floors to the current figures where higher (never lowers).")
@click.option("--data", type=click.Path(file_okay=False), default=None, help="PolNeAR folder (default: auto).")
@click.option(
    "--mode",
    type=click.Choice(MODE_CHOICES),
    default=None,
    help="Mode to evaluate (default: the floors file's mode, else the extraction default).",
)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
def gate(floors_path: str | None, raise_floors: bool, data: str | None, mode: str | None, jobs: int) -> None:
    """Fail (exit 1) when any PolNeAR dev F1 falls more than 0.3 below its floor.

    Floors live in onrecord/evaluate/floors.json with the gold data's sha256,
    the mode and the date. They only go up, through --raise-floors; a floor
    lowered by hand or in a commit fails the gate. Exit 0, with a message,
    when the corpus is absent.

    \b
    Example:
        onrecord evaluate gate
        onrecord evaluate gate --raise-floors
    """
    from ..evaluate import gate as g
    from ..evaluate.run import evaluate_polnear, find_polnear
    from ..pipeline import DEFAULT_MODE

    path = floors_path or g.FLOORS_PATH
    root = find_polnear(data)
    if root is None or not (root / "dev" / "text").is_dir():
        click.echo(f"gate skipped: PolNeAR dev split not found ({root or 'set --data or $ONRECORD_POLNEAR'})")
        return
    floors = g.load_floors(path)
    if floors is None and not raise_floors:
        click.echo(f"gate: no floors file at {path}; create it with --raise-floors", err=True)
        sys.exit(1)
    mode = mode or (floors.mode if floors else DEFAULT_MODE)
    cpu_path = g.floors_for_this_cpu(path, mode)
    if cpu_path != Path(path):
        click.echo(f"gate: this CPU has no VNNI (the tagger runs uint8 weights): floors from {cpu_path}")
        path = cpu_path
        floors = g.load_floors(path)
        if floors is None and not raise_floors:
            click.echo(f"gate: no floors file at {path}; create it with --raise-floors", err=True)
            sys.exit(1)
    if raise_floors and floors is not None and floors.mode != mode:
        raise click.UsageError(f"floors in {path} are for mode {floors.mode!r}; use another --floors file")

    scores = evaluate_polnear(root, split="dev", mode=mode, jobs=jobs)
    current = g.measured(scores)
    gold = str(scores.info["gold_sha256"])
    click.echo(f"gate: PolNeAR dev, mode {mode}, {scores.articles} articles in {scores.info['seconds']} s")

    problems: list[str] = []
    notes: list[str] = []
    if floors is not None:
        result = g.check_floors(floors, current, gold, mode)
        problems += result.drops
        notes += result.notes
        lowered, note = g.find_lowered(path)
        problems += lowered
        if note:
            notes.append(note)
        for key in g.GATED:
            floor = floors.floors.get(key)
            shown = "-" if floor is None else f"{floor:6.2f}"
            click.echo(f"  {key:<14} F1 {current[key]:6.2f}   floor {shown}")
    if raise_floors:
        new = g.raise_floors(floors, current, gold, mode)
        g.write_floors(path, new)
        raised = [k for k in g.GATED if floors is None or new.floors.get(k) != floors.floors.get(k)]
        click.echo(f"floors written to {path}" + (f" (raised: {', '.join(raised)})" if raised else " (unchanged)"))
    for note in notes:
        click.echo(f"note: {note}")
    if problems:
        for p in problems:
            click.echo(f"FAIL: {p}", err=True)
        sys.exit(1)
    click.echo("gate passed")
