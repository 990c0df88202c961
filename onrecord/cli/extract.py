"""``onrecord extract``: attribute the statements of articles and print the records."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .app import main
from .options import mode_option


def format_table(article_dict: dict) -> str:
    """One line per quote for people: speaker, cue, kind, the quote, [act via channel]."""
    lines = [f"# {article_dict['id']}" + (f"  {article_dict['title']}" if article_dict.get("title") else "")]
    for q in article_dict["quotes"]:
        who = q.get("speaker_name") or (q["speaker"]["text"] if q.get("speaker") else "?")
        cue = q["cue"]["text"] if q.get("cue") else "-"
        text = " ".join(q["text"].split())
        if len(text) > 160:
            text = text[:157] + "..."
        event = " ".join(
            x for x in ((q.get("act") if q.get("act") not in (None, "statement") else ""),
                        (f"via {q['channel']}" if q.get("channel") else "")) if x
        )
        lines.append(f"{who:<24.24} {cue:<12.12} {q['kind']:<8} {text}" + (f"  [{event}]" if event else ""))
    for w in article_dict.get("warnings", ()):
        lines.append(f"  warning: {w}")
    return "\n".join(lines)


#: Inputs that hold several documents, so ``--format json`` prints an array for them.
MULTI_DOCUMENT_SUFFIXES = (".jsonl", ".jsonl.gz", ".warc", ".warc.gz")


def _one_document(paths: tuple[str, ...]) -> bool:
    """Whether PATHS name exactly one document (one plain file, or stdin)."""
    if len(paths) != 1:
        return False
    path = paths[0]
    return path == "-" or (Path(path).is_file() and not path.lower().endswith(MULTI_DOCUMENT_SUFFIXES))


def _indent(body: str) -> str:
    return "\n".join("  " + line for line in body.splitlines())


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "table"]),
    default="json",
    show_default=True,
    help="json: the record (an array of records when PATHS hold several documents); "
    "jsonl: one record per line; table: for people.",
)
@click.option("--include-text", is_flag=True, help="Embed the input text in each record as source_text.")
@mode_option
def extract(paths: tuple[str, ...], fmt: str, include_text: bool, mode: str | None) -> None:
    """Attribute every statement in PATHS (files, directories, JSONL, or - for stdin).

    Prints one contract record per document. Exit status: 0 when every
    document worked, 1 when some failed (each reported on stderr; the others
    are still printed), 2 for usage errors.

    \b
    Example:
        onrecord extract samples/ --format table
        cat article.txt | onrecord extract - --format jsonl
    """
    from ..api import extract_documents
    from ..pipeline import Failure
    from ..text.readers import read_paths

    failures = 0
    first = True
    out = sys.stdout
    # one document in, one record out; otherwise a JSON array, streamed record by record
    array = fmt == "json" and not _one_document(paths)
    if array:
        out.write("[")
    for result in extract_documents(read_paths(list(paths)), mode=mode):
        if isinstance(result, Failure):
            failures += 1
            click.echo(f"onrecord: {result.source or result.id}: {result.error}", err=True)
            continue
        d = result.to_dict(include_text=include_text)
        if fmt == "jsonl":
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
        elif fmt == "table":
            if not first:
                out.write("\n")
            out.write(format_table(d) + "\n")
        else:
            body = json.dumps(d, ensure_ascii=False, indent=2)
            out.write(("\n" if first else ",\n") + _indent(body) if array else body + "\n")
        first = False
        out.flush()
    if array:
        out.write("\n]\n" if not first else "]\n")
    if failures:
        sys.exit(1)
