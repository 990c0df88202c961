"""Score statements as events (acts, channels, targets, links) on gold cases of our own.

A gold case is one JSON object per line (``tests/cases/statements.jsonl``)::

    {"id": "retract-twitter",
     "text": "...",
     "entities": [{"name": "Rupert Ashdown"}, {"name": "Samir Qureshi"}],
     "quotes": [{"content": "exact words", "cue": "said", "speaker": "he",
                 "speaker_name": "Rupert Ashdown", "act": "retraction",
                 "channel": "Twitter", "about": ["Samir Qureshi"]}, ...],
     "links": [{"type": "retracts", "from": 1, "to": 0}],
     "expect": "pass"}

``content`` is the quote's words exactly as in ``text`` (a list of strings
for a quote split by its attribution), found by search; ``links`` name
quotes by their index in ``quotes``. ``entities`` (with optional ``type``
and ``aliases``), ``cue``, ``speaker`` and ``speaker_name`` serve the oracle
mode. ``expect`` is ``pass`` or ``fail`` for the oracle mode: a known
failure, with its ``reason``.

**End to end** (the default), each text goes through :func:`onrecord.extract`
and every predicted quote is aligned one-to-one with the gold quote its
content overlaps most (the overlap must cover 60% of the shorter and 25% of
the longer; greedy by Jaccard). **Oracle** (``oracle=True``) runs only the
statements stage, on the gold quotes, speakers and entities, so its figures
measure this stage alone.

Scoring, micro-averaged over cases; an item is

- ``acts``: (quote, act) for every gold quote; a predicted quote's act
  counts when it is aligned (unaligned quotes are attribution's errors).
- ``marked acts``: the same without ``statement``; here an unaligned
  predicted quote with another act is a false positive.
- ``channels``: (quote, channel), compared case-insensitively; unaligned
  predicted quotes with a channel are false positives.
- ``targets``: (quote, entity name); names match when equal or when one is
  the other's last word(s) ("Qureshi" ~ "Samir Qureshi"); predicted names of
  one target (sharing a last word) count once, as the resolver may split a
  person into two entities.
- ``links``: (type, from, to) with predicted quotes mapped to gold through
  the alignment; links touching an unaligned quote are false positives.

P = matched / predicted, R = matched / gold, F1 their harmonic mean.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvaluationError, OnrecordError
from ..model import Article, Entity
from ..work import Candidate, Work
from .scorer import Rates

__all__ = [
    "FIELDS",
    "Case",
    "CaseResult",
    "GoldQuote",
    "StatementScores",
    "align_quotes",
    "default_cases_path",
    "evaluate_statements",
    "format_table",
    "names_match",
    "oracle_article",
    "read_cases",
    "run_case",
    "score_case",
]

#: The fields scored, in report order.
FIELDS = ("acts", "marked acts", "channels", "targets", "links")
#: Alignment thresholds: share of the shorter and of the longer content the overlap covers.
ALIGN_SHORTER = 0.6
ALIGN_LONGER = 0.25

Range = tuple[int, int]


@dataclass(frozen=True)
class GoldQuote:
    """One gold statement of a case."""

    content: tuple[Range, ...]
    act: str = "statement"
    channel: str | None = None
    about: tuple[str, ...] = ()
    cue: Range | None = None
    speaker: Range | None = None
    speaker_name: str | None = None

    @property
    def start(self) -> int:
        return self.content[0][0]


@dataclass(frozen=True)
class Case:
    """One gold case: a text of our own and the statements in it."""

    id: str
    text: str
    quotes: tuple[GoldQuote, ...]
    links: tuple[tuple[str, int, int], ...] = ()
    entities: tuple[Entity, ...] = ()
    expect: str = "pass"
    reason: str = ""


@dataclass
class Counts(Rates):
    """Matched, predicted and gold items of one field (counted up in place while scoring a case)."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": self.tp,
            "predicted": self.pred,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class CaseResult:
    """The counts of one case, and what went wrong."""

    id: str
    counts: dict[str, Counts]
    aligned: int
    gold_quotes: int
    predicted_quotes: int
    errors: list[str] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        """Every gold item found and nothing else predicted, in every field."""
        return all(c.tp == c.gold == c.pred for c in self.counts.values())


@dataclass
class StatementScores:
    """The report of one evaluation run."""

    mode: str
    cases: list[CaseResult]

    def totals(self) -> dict[str, Counts]:
        out = {f: Counts() for f in FIELDS}
        for case in self.cases:
            for f in FIELDS:
                out[f].add(case.counts[f])
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "cases": len(self.cases),
            "gold_quotes": sum(c.gold_quotes for c in self.cases),
            "aligned_quotes": sum(c.aligned for c in self.cases),
            "predicted_quotes": sum(c.predicted_quotes for c in self.cases),
            "scores": {f: c.to_dict() for f, c in self.totals().items()},
            "failed_cases": [{"id": c.id, "errors": c.errors} for c in self.cases if not c.perfect],
        }


def default_cases_path() -> Path:
    """The gold cases of the repository (``tests/cases/statements.jsonl``), beside the package."""
    return Path(__file__).resolve().parents[2] / "tests" / "cases" / "statements.jsonl"


def read_cases(path: str | Path) -> list[Case]:
    """Read gold cases from a JSONL file.

    Raises:
        EvaluationError: the file is missing, or a case does not fit its text.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluationError(f"cannot read gold cases {path}: {exc.strerror}") from exc
    cases = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            cases.append(_case_from_dict(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise EvaluationError(f"{path}:{n}: bad gold case: {exc}") from exc
    return cases


def _case_from_dict(d: dict[str, Any]) -> Case:
    text = d["text"]
    quotes = []
    for q in d["quotes"]:
        parts = q["content"] if isinstance(q["content"], list) else [q["content"]]
        content = tuple(_locate(text, p, d["id"]) for p in parts)
        quotes.append(
            GoldQuote(
                content=content,
                act=q.get("act", "statement"),
                channel=q.get("channel"),
                about=tuple(q.get("about", ())),
                cue=_near(text, q.get("cue"), content),
                speaker=_near(text, q.get("speaker"), content),
                speaker_name=q.get("speaker_name"),
            )
        )
    for link in d.get("links", ()):
        if not (0 <= link["from"] < len(quotes) and 0 <= link["to"] < len(quotes)):
            raise ValueError(f"link {link} names a quote that is not there")
    entities = tuple(
        Entity(
            id=f"g{i}",
            name=e["name"],
            type=e.get("type", "PERSON"),
            mentions=_mentions(text, e),
        )
        for i, e in enumerate(d.get("entities", ()), 1)
    )
    expect = d.get("expect", "pass")
    if expect not in ("pass", "fail"):
        raise ValueError(f"expect must be pass or fail, not {expect!r}")
    return Case(
        id=d["id"],
        text=text,
        quotes=tuple(quotes),
        links=tuple((link["type"], link["from"], link["to"]) for link in d.get("links", ())),
        entities=entities,
        expect=expect,
        reason=d.get("reason", ""),
    )


def _locate(text: str, words: str, case_id: str) -> Range:
    at = text.find(words)
    if at < 0:
        raise ValueError(f"case {case_id}: content {words[:40]!r} is not in the text")
    if text.find(words, at + 1) >= 0:
        raise ValueError(f"case {case_id}: content {words[:40]!r} occurs twice; quote more of it")
    return (at, at + len(words))


def _near(text: str, words: str | None, content: Sequence[Range]) -> Range | None:
    """The occurrence of ``words`` (whole words) closest to the content, preferring its paragraph."""
    if not words:
        return None
    start, end = content[0][0], content[-1][1]
    hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text)]
    if not hits:
        raise ValueError(f"{words!r} is not in the text")

    def distance(h: int) -> tuple[int, int]:
        lo, hi = sorted((h, start if h < start else end))
        return ("\n\n" in text[lo:hi], abs(h - start) if h < start else max(0, h - end))

    at = min(hits, key=distance)
    return (at, at + len(words))


def _mentions(text: str, e: dict[str, Any]) -> tuple[Range, ...]:
    forms = [e["name"], *e.get("aliases", ())]
    parts = e["name"].split()
    if e.get("type", "PERSON") == "PERSON" and len(parts) >= 2:
        forms.append(parts[-1])
    spans: set[Range] = set()
    for form in sorted(set(forms), key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            if not any(s <= m.start() < e_ for s, e_ in spans):
                spans.add((m.start(), m.end()))
    return tuple(sorted(spans))


def align_quotes(gold: Sequence[Sequence[Range]], pred: Sequence[Sequence[Range]]) -> dict[int, int]:
    """Align predicted quotes to gold ones by content overlap, one-to-one.

    Returns:
        ``{predicted index: gold index}``.

    >>> align_quotes([[(0, 10)], [(20, 30)]], [[(21, 30)], [(50, 60)]])
    {0: 1}
    """
    pairs = []
    for gi, g in enumerate(gold):
        gset = _chars(g)
        for pi, p in enumerate(pred):
            pset = _chars(p)
            inter = len(gset & pset)
            if not inter:
                continue
            short, long_ = sorted((len(gset), len(pset)))
            if inter >= ALIGN_SHORTER * short and inter >= ALIGN_LONGER * long_:
                pairs.append((inter / len(gset | pset), gi, pi))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if pi not in out and gi not in used:
            out[pi] = gi
            used.add(gi)
    return out


def _chars(ranges: Iterable[Range]) -> set[int]:
    out: set[int] = set()
    for s, e in ranges:
        out.update(range(s, e))
    return out


def names_match(gold: str, predicted: str) -> bool:
    """Whether two names denote the same target (equal, or one ends the other).

    >>> names_match("Qureshi", "Samir Qureshi"), names_match("Samir Qureshi", "Rupert Ashdown")
    (True, False)
    """
    g = [w.lower() for w in re.findall(r"[\w’'-]+", gold) if w.lower() != "the"]
    p = [w.lower() for w in re.findall(r"[\w’'-]+", predicted) if w.lower() != "the"]
    if not g or not p:
        return False
    short, long_ = sorted((g, p), key=len)
    return long_[-len(short) :] == short


def _distinct_names(names: Iterable[str]) -> list[str]:
    """Names with duplicates of one target dropped ("Imam Rahman" after "Yusuf Rahman": one person)."""
    out: list[str] = []
    for name in names:
        last = name.split()[-1].lower() if name.split() else ""
        if not any(names_match(name, o) or (last and o.split()[-1].lower() == last) for o in out):
            out.append(name)
    return out


def score_case(case: Case, article: Article) -> CaseResult:
    """Count matched, predicted and gold items of every field for one case."""
    preds = list(article.quotes)
    alignment = align_quotes([g.content for g in case.quotes], [q.content for q in preds])
    counts = {f: Counts() for f in FIELDS}
    errors: list[str] = []
    gold_of = dict(alignment)

    for gi, g in enumerate(case.quotes):
        counts["acts"].gold += 1
        counts["marked acts"].gold += g.act != "statement"
        counts["channels"].gold += g.channel is not None
        counts["targets"].gold += len(g.about)
        if gi not in gold_of.values():
            errors.append(f"quote {gi} not found")
    for pi, q in enumerate(preds):
        gi = gold_of.get(pi)
        g = case.quotes[gi] if gi is not None else None
        names = _distinct_names(e.name for e in (article.entity(x) for x in q.about) if e is not None)
        if g is None:
            counts["marked acts"].pred += q.act not in (None, "statement")
            counts["channels"].pred += q.channel is not None
            counts["targets"].pred += len(names)
            if q.act not in (None, "statement") or q.channel or names:
                errors.append(f"unaligned {q.id} ({q.act}, {q.channel}, {names})")
            continue
        if q.act is not None:
            counts["acts"].pred += 1
            counts["acts"].tp += q.act == g.act
        if q.act not in (None, "statement"):
            counts["marked acts"].pred += 1
            counts["marked acts"].tp += q.act == g.act
        if q.act != g.act:
            errors.append(f"quote {gi}: act {q.act} (gold {g.act})")
        if q.channel is not None:
            counts["channels"].pred += 1
            counts["channels"].tp += g.channel is not None and q.channel.lower() == g.channel.lower()
        if (q.channel or "").lower() != (g.channel or "").lower():
            errors.append(f"quote {gi}: channel {q.channel} (gold {g.channel})")
        counts["targets"].pred += len(names)
        left = list(g.about)
        for name in names:
            hit = next((x for x in left if names_match(x, name)), None)
            if hit is not None:
                left.remove(hit)
                counts["targets"].tp += 1
            else:
                errors.append(f"quote {gi}: extra target {name}")
        errors.extend(f"quote {gi}: missed target {x}" for x in left)

    index = {q.id: pi for pi, q in enumerate(preds)}
    gold_links = set(case.links)
    counts["links"].gold = len(gold_links)
    seen = set()
    for link in article.links:
        src, dst = gold_of.get(index.get(link.source, -1)), gold_of.get(index.get(link.target, -1))
        key = (link.type, src, dst)
        if key in seen:
            continue
        seen.add(key)
        counts["links"].pred += 1
        if src is not None and dst is not None and (link.type, src, dst) in gold_links:
            counts["links"].tp += 1
        else:
            errors.append(f"extra link {link.type} {link.source}->{link.target} (gold {src}->{dst})")
    found = {k for k in seen if k in gold_links}
    errors.extend(f"missed link {t} {s}->{d}" for t, s, d in sorted(gold_links - found))
    return CaseResult(case.id, counts, len(alignment), len(case.quotes), len(preds), errors)


def oracle_article(case: Case) -> Article:
    """Run only the statements stage on the gold quotes, speakers and entities of ``case``."""
    from ..pipeline import build_article, number_candidates
    from ..statements.stage import annotate_statements

    entities = list(case.entities)
    by_name = {e.name: e for e in entities}
    for g in case.quotes:
        if g.speaker_name and g.speaker_name not in by_name:
            extra = Entity(f"g{len(entities) + 1}", g.speaker_name, "PERSON", _mentions(case.text, {"name": g.speaker_name}))
            entities.append(extra)
            by_name[extra.name] = extra
    work = Work(id=case.id, text=case.text, clean=case.text, entities=entities)
    for g in case.quotes:
        speaker = by_name.get(g.speaker_name or "")
        work.candidates.append(
            Candidate(
                content=list(g.content),
                kind=_kind(case.text, g.content),
                cue=g.cue,
                speaker=g.speaker,
                speaker_id=speaker.id if speaker else None,
                speaker_name=g.speaker_name,
                origin="gold",
            )
        )
    number_candidates(work)
    annotate_statements(work)
    return build_article(work)


def _kind(text: str, content: Sequence[Range]) -> str:
    s, e = content[0][0], content[-1][1]
    before = text[max(0, s - 1) : s]
    if before and before in "\"“‘'«":
        return "direct"
    return "mixed" if re.search(r"[\"“”‘«]", text[s:e]) else "indirect"


def run_case(case: Case, mode: str | None = None, oracle: bool = False) -> CaseResult:
    """Extract (or, with ``oracle``, annotate the gold quotes of) one case and score it."""
    if oracle:
        article = oracle_article(case)
    else:
        from ..api import extract

        try:
            article = extract(case.text, id=case.id, mode=mode)
        except OnrecordError as exc:
            result = score_case(case, Article(id=case.id, text=case.text))
            result.errors.insert(0, f"extraction failed: {exc}")
            return result
    return score_case(case, article)


def evaluate_statements(
    cases: Iterable[Case], mode: str | None = None, oracle: bool = False
) -> StatementScores:
    """Score every case.

    Args:
        cases: gold cases (:func:`read_cases`).
        mode: the pipeline mode for end-to-end runs (the extraction default when None).
        oracle: score the statements stage alone on the gold quotes.

    Returns:
        Per-case counts and their totals.
    """
    label = "oracle" if oracle else (mode or "default")
    return StatementScores(label, [run_case(c, mode=mode, oracle=oracle) for c in cases])


def format_table(scores: StatementScores) -> str:
    """The report for people: one row per field, then the cases with errors."""
    d = scores.to_dict()
    lines = [
        f"statements ({d['mode']}): {d['cases']} cases, {d['gold_quotes']} gold quotes, "
        f"{d['aligned_quotes']} aligned, {d['predicted_quotes']} predicted",
        f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6} {'matched':>8} {'pred':>6} {'gold':>6}",
    ]
    for name, c in scores.totals().items():
        lines.append(
            f"{name:<12} {100 * c.precision:6.1f} {100 * c.recall:6.1f} {100 * c.f1:6.1f} {c.tp:8d} {c.pred:6d} {c.gold:6d}"
        )
    failed = [c for c in scores.cases if not c.perfect]
    if failed:
        lines.append(f"cases with errors: {len(failed)}")
        for c in failed:
            lines.append(f"  {c.id}: " + "; ".join(c.errors[:4]) + (" ..." if len(c.errors) > 4 else ""))
    return "\n".join(lines)

