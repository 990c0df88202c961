"""Option sets shared by several commands, bundled as decorators."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])

MODE_CHOICES = ("fast", "rules", "accurate")


def mode_option(func: F) -> F:
    """``--mode fast|rules|accurate`` (default: the best on PolNeAR dev)."""
    return click.option(
        "--mode",
        type=click.Choice(MODE_CHOICES),
        default=None,
        help="accurate (default): the trained tagger merged with quotation-mark rules; "
        "rules: spaCy parse + rules; fast: rules without a parser.",
    )(func)


def db_option(func: F) -> F:
    """``--db FILE|postgresql://...``: the archive."""
    return click.option(
        "--db",
        required=True,
        envvar="ONRECORD_DB",
        help="SQLite file, or a postgresql:// URL (env: ONRECORD_DB).",
    )(func)
