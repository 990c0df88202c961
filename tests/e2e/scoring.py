"""Score ``onrecord.extract`` against the scraped-article gold cases in tests/cases/articles.

Each article ``<name>.txt`` has a gold file ``<name>.gold.jsonl`` with one line per
statement a reader wants attributed::

    {"quote": "distinctive substring", "speaker": "Canonical Name", "kind": "direct",
     "aliases": ["other accepted names"], "also": ["substrings the same quote must contain"]}

and one line per scraping-junk substring that no quote may contain::

    {"junk": "READ MORE headline text"}

A gold statement is matched by every predicted quote whose ``text`` contains its
``quote`` substring. Outcomes:

- ``misattributed``: a predicted quote containing ``quote`` or any ``also``
  substring names a speaker (non-null) that is not the gold speaker or an alias;
- ``correct``: otherwise, a predicted quote contains ``quote`` and every ``also``
  substring and names the gold speaker;
- ``missed``: anything else (no quote, a quote without a speaker, or a fragment
  of a statement that should have been one quote).

A predicted quote is ``junk`` when it contains a junk substring, or when it matches
no gold statement and overlaps a line that contains a junk substring. Quotes that
match no gold statement and touch no junk line are listed as ``extra`` (reported,
not failed: the gold lists what a reader wants, not everything quotable).

Run ``.venv/bin/python -m tests.e2e.scoring [--mode fast] [--article NAME]`` for a
table per article and mode and every failure with predicted and gold speakers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from onrecord.model import Article, Quote

#: The gold articles (texts we wrote ourselves, in the style of scraped UK/US news).
ARTICLES_DIR = Path(__file__).resolve().parents[1] / "cases" / "articles"
#: Where the accurate mode's trained model lives; the mode is scored only when it is there.
MODEL_DIR = Path(__file__).resolve().parents[2] / "onrecord" / "attribution" / "model"
#: The files onrecord.attribution.tagger needs (named in its ModelError message).
MODEL_FILES = ("tagger.onnx", "tokenizer.json")
#: The Must-show bar of issue 2: at least 9 of 10 statements right, none wrong, no junk.
MIN_CORRECT_RATIO = 0.9

#: Leading words that do not change who a speaker name refers to ("the Scottish
#: Government" == "Scottish Government").
_ARTICLES = ("a ", "an ", "the ")
#: An organisation's spokesperson speaks for it: "Inverclyde Marine's spokesperson",
#: "a spokesperson for Inverclyde Marine" and "Inverclyde Marine spokesperson" all
#: name Inverclyde Marine (the contract's "best name" for a group source).
_SPOKESPERSON_FOR = re.compile(r"^spokes(?:person|man|woman) (?:for|of) (?P<org>.+)$")
_ORG_SPOKESPERSON = re.compile(r"^(?P<org>.+?)(?:'s)? spokes(?:person|man|woman)$")


@dataclass(frozen=True)
class GoldStatement:
    """One statement a reader wants attributed."""

    quote: str
    speaker: str
    kind: str
    aliases: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    note: str = ""

    @property
    def substrings(self) -> tuple[str, ...]:
        return (self.quote, *self.also)

    def accepts(self, name: str | None) -> bool:
        """Whether ``name`` is the gold speaker or one of its aliases."""
        if name is None:
            return False
        wanted = {normalise_name(n) for n in (self.speaker, *self.aliases)}
        return bool(wanted & name_readings(name))


@dataclass(frozen=True)
class GoldArticle:
    """A scraped-article text with its gold statements and junk substrings."""

    name: str
    text: str
    statements: tuple[GoldStatement, ...]
    junk: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """How one gold statement fared."""

    gold: GoldStatement
    status: str  # correct | misattributed | missed
    reason: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Score:
    """The outcomes of one article in one mode."""

    article: str
    mode: str
    outcomes: tuple[Outcome, ...]
    junk: tuple[Quote, ...]
    extra: tuple[Quote, ...]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def n_gold(self) -> int:
        return len(self.outcomes)

    @property
    def passes(self) -> bool:
        """The Must-show bar: >= 90% correct, no misattribution, no junk."""
        return (
            self.count("correct") >= MIN_CORRECT_RATIO * self.n_gold
            and self.count("misattributed") == 0
            and not self.junk
        )

    def failures(self) -> list[str]:
        """One line per failed gold statement and per junk quote."""
        lines = [
            f"{o.status}: gold {o.gold.speaker!r} ({o.gold.note}) | {o.reason}"
            for o in self.outcomes
            if o.status != "correct"
        ]
        lines += [f"junk: {describe(q)}" for q in self.junk]
        return lines


def normalise_name(name: str) -> str:
    """Fold case, apostrophes and spacing, and drop a leading article.

    >>> normalise_name("The  Scottish Government")
    'scottish government'
    >>> normalise_name("Keogh’s legal team")
    "keogh's legal team"
    """
    folded = " ".join(name.replace("\u2019", "'").casefold().split())
    for article in _ARTICLES:
        if folded.startswith(article):
            return folded[len(article) :]
    return folded


def name_readings(name: str) -> set[str]:
    """The normalised name, and the organisation it names when it is a spokesperson's.

    >>> sorted(name_readings("Inverclyde Marine’s spokesperson"))
    ['inverclyde marine', "inverclyde marine's spokesperson"]
    >>> sorted(name_readings("A spokesperson for the party"))
    ['party', 'spokesperson for the party']
    """
    folded = normalise_name(name)
    readings = {folded}
    for pattern in (_SPOKESPERSON_FOR, _ORG_SPOKESPERSON):
        match = pattern.match(folded)
        if match:
            readings.add(normalise_name(match["org"]))
    return readings


def load_article(path: Path) -> GoldArticle:
    """Read ``<name>.txt`` and its ``<name>.gold.jsonl``.

    Raises:
        ValueError: a gold substring does not occur in the text (a typo in the gold).
    """
    text = path.read_text(encoding="utf-8")
    statements: list[GoldStatement] = []
    junk: list[str] = []
    gold_path = path.with_name(path.stem + ".gold.jsonl")
    for n, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if "junk" in row:
            junk.append(row["junk"])
            needles = [row["junk"]]
        else:
            statement = GoldStatement(
                quote=row["quote"],
                speaker=row["speaker"],
                kind=row["kind"],
                aliases=tuple(row.get("aliases", ())),
                also=tuple(row.get("also", ())),
                note=row.get("note", ""),
            )
            statements.append(statement)
            needles = list(statement.substrings)
        for needle in needles:
            if needle not in text:
                raise ValueError(f"{gold_path.name}:{n}: {needle!r} is not in the text")
    return GoldArticle(path.stem, text, tuple(statements), tuple(junk))


def load_articles(directory: Path = ARTICLES_DIR) -> list[GoldArticle]:
    """Every gold article in ``directory``, by name."""
    return [load_article(p) for p in sorted(directory.glob("*.txt"))]


def available_modes() -> list[str]:
    """fast and rules always; accurate only when the trained model is installed."""
    modes = ["fast", "rules"]
    if has_model():
        modes.append("accurate")
    return modes


def has_model() -> bool:
    """Whether onrecord/attribution/model/ holds a trained model (the files the tagger loads)."""
    return all((MODEL_DIR / name).is_file() for name in MODEL_FILES)


def describe(quote: Quote) -> str:
    """A one-line view of a predicted quote for failure messages."""
    speaker = quote.speaker.text if quote.speaker else None
    text = quote.text if len(quote.text) <= 90 else quote.text[:87] + "..."
    return f"{quote.id} [{quote.kind}] speaker={speaker!r} name={quote.speaker_name!r} origin={quote.origin} {text!r}"


def judge(gold: GoldStatement, quotes: Sequence[Quote]) -> Outcome:
    """Match one gold statement against the predicted quotes."""
    touching = tuple(q for q in quotes if any(s in q.text for s in gold.substrings))
    wrong = [q for q in touching if q.speaker_name is not None and not gold.accepts(q.speaker_name)]
    if wrong:
        reason = "; ".join(f"predicted {q.speaker_name!r}: {describe(q)}" for q in wrong)
        return Outcome(gold, "misattributed", reason, touching)
    holding = [q for q in touching if gold.quote in q.text]
    whole = [q for q in holding if all(s in q.text for s in gold.also)]
    if any(gold.accepts(q.speaker_name) for q in whole):
        return Outcome(gold, "correct", "", touching)
    if whole:
        reason = "no speaker: " + "; ".join(describe(q) for q in whole)
    elif holding:
        missing = [s for s in gold.also if not any(s in q.text for q in holding)]
        reason = f"fragment (not joined with {missing!r}): " + "; ".join(describe(q) for q in touching)
    else:
        reason = f"no quote contains {gold.quote!r}"
    return Outcome(gold, "missed", reason, touching)


def junk_lines(text: str, junk: Iterable[str]) -> list[tuple[int, int]]:
    """The (start, end) ranges of the lines that contain a junk substring."""
    ranges = []
    start = 0
    for line in text.splitlines(keepends=True):
        if any(j in line for j in junk):
            ranges.append((start, start + len(line)))
        start += len(line)
    return ranges


def score(gold: GoldArticle, predicted: Article, mode: str) -> Score:
    """Score one extracted article against its gold."""
    quotes = list(predicted.quotes)
    outcomes = tuple(judge(g, quotes) for g in gold.statements)
    lines = junk_lines(gold.text, gold.junk)
    junk, extra = [], []
    for q in quotes:
        matched = any(s in q.text for g in gold.statements for s in g.substrings)
        on_junk_line = any(s < le and e > ls for s, e in q.content for ls, le in lines)
        if any(j in q.text for j in gold.junk) or (not matched and on_junk_line):
            junk.append(q)
        elif not matched:
            extra.append(q)
    return Score(gold.name, mode, outcomes, tuple(junk), tuple(extra))


def run(gold: GoldArticle, mode: str) -> Score:
    """Extract ``gold``'s text in ``mode`` and score it."""
    import onrecord

    return score(gold, onrecord.extract(gold.text, id=gold.name, mode=mode), mode)


def format_table(scores: Sequence[Score]) -> str:
    """A table with one row per article and mode."""
    header = f"{'article':28} {'mode':8} {'gold':>4} {'correct':>7} {'misattr':>7} {'missed':>6} {'junk':>4} {'extra':>5}  pass"
    rows = [header, "-" * len(header)]
    for s in scores:
        rows.append(
            f"{s.article:28} {s.mode:8} {s.n_gold:>4} {s.count('correct'):>7} {s.count('misattributed'):>7}"
            f" {s.count('missed'):>6} {len(s.junk):>4} {len(s.extra):>5}  {'yes' if s.passes else 'NO'}"
        )
    by_mode: dict[str, list[Score]] = {}
    for s in scores:
        by_mode.setdefault(s.mode, []).append(s)
    rows.append("-" * len(header))
    for mode, group in by_mode.items():
        rows.append(
            f"{'TOTAL':28} {mode:8} {sum(s.n_gold for s in group):>4} {sum(s.count('correct') for s in group):>7}"
            f" {sum(s.count('misattributed') for s in group):>7} {sum(s.count('missed') for s in group):>6}"
            f" {sum(len(s.junk) for s in group):>4} {sum(len(s.extra) for s in group):>5}"
            f"  {sum(s.passes for s in group)}/{len(group)}"
        )
    return "\n".join(rows)


def format_failures(scores: Sequence[Score], show_extra: bool = False) -> str:
    """Every failure, grouped by article and mode."""
    out = []
    for s in scores:
        lines = s.failures()
        if show_extra:
            lines += [f"extra: {describe(q)}" for q in s.extra]
        if lines:
            out.append(f"\n## {s.article} [{s.mode}]")
            out.extend(f"  - {line}" for line in lines)
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table and the failures; exit 1 when any article misses the bar."""
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.scoring", description=__doc__.splitlines()[0])
    parser.add_argument("--mode", action="append", help="mode(s) to score (default: every available mode)")
    parser.add_argument("--article", action="append", help="article name(s) to score (default: all)")
    parser.add_argument("--extra", action="store_true", help="also list quotes that match no gold statement")
    args = parser.parse_args(argv)
    articles = [a for a in load_articles() if not args.article or a.name in args.article]
    scores = [run(a, mode) for mode in (args.mode or available_modes()) for a in articles]
    print(format_table(scores))
    print(format_failures(scores, show_extra=args.extra))
    return 0 if all(s.passes for s in scores) else 1


if __name__ == "__main__":
    sys.exit(main())
