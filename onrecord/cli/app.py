"""The click group every command registers on."""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="onrecord")
def main() -> None:
    """onrecord: who said what, about whom, through which channel, in news articles.

    \b
    Example:
        onrecord extract article.txt --format table
    """
