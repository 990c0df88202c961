"""``onrecord evaluate statements``: precision and recall of acts, channels, targets and links.

Registers one command on the ``evaluate`` group that :mod:`onrecord.cli.evaluate`
creates; importing this module imports that one first, so the group exists.
"""

from __future__ import annotations

import json
import sys

import click

from . import evaluate as _evaluate  # noqa: F401  (creates the evaluate group)
from .app import main
from .options import mode_option

__all__ = ["statements"]


@click.command("statements")
@click.option(
    "--cases",
    "cases_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Gold cases (JSONL); default: tests/cases/statements.jsonl of the checkout.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format."
)
@click.option("--oracle", is_flag=True, help="Score the statements stage alone, on the gold quotes and speakers.")
@mode_option
def statements(cases_path: str | None, fmt: str, oracle: bool, mode: str | None) -> None:
    """Score statement events (acts, channels, targets, links) on gold cases.

    Each case's text is extracted end to end and its quotes aligned with the
    gold ones; prints precision, recall and F1 per field and the cases with
    errors. The protocol is documented in onrecord.evaluate.statements.

    \b
    Example:
        onrecord evaluate statements
        onrecord evaluate statements --mode fast --format json
        onrecord evaluate statements --oracle
    """
    from ..errors import EvaluationError
    from ..evaluate.statements import default_cases_path, evaluate_statements, format_table, read_cases

    try:
        cases = read_cases(cases_path or default_cases_path())
    except EvaluationError as exc:
        click.echo(f"onrecord: {exc}", err=True)
        sys.exit(2)
    scores = evaluate_statements(cases, mode=mode, oracle=oracle)
    if fmt == "json":
        click.echo(json.dumps(scores.to_dict(), indent=2))
    else:
        click.echo(format_table(scores))


def _register() -> None:
    group = main.commands.get("evaluate")
    if not isinstance(group, click.Group):  # pragma: no cover - the evaluate module always makes it
        raise RuntimeError("onrecord.cli.evaluate must define the 'evaluate' group before statements registers")
    group.add_command(statements)


_register()
