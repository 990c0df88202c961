"""Score predicted attributions against gold ones: pure functions, no I/O.

The protocol (issue 3), defined exactly here:

**Normalising a span.** A span is one or more character ranges of the text
(a discontinuous content has several). Its *key* is computed by

1. sorting its ranges and merging those that overlap, touch, or are
   separated only by *trim characters*;
2. trimming trim characters from both ends of every remaining fragment and
   dropping fragments left empty.

Trim characters are white space and every Unicode punctuation character
(categories ``P*``): quotation marks of every style, apostrophes, commas,
full stops, colons, dashes, brackets. So ``“We will win,”`` and ``We will
win`` have the same key, and a content split only by a line break equals the
same content given as one range. The joined text of a span is its key's
fragments joined with one space; two spans with equal keys have equal joined
texts.

**Exact** match: equal keys (same start and end of every fragment after
trimming). **Loose** match: character Jaccard >= 0.5, computed on the sets
of character offsets the two keys cover.

**Matching.** Per article and per component (source, cue, content), the
distinct non-empty keys of the gold attributions are matched one-to-one with
the distinct non-empty keys of the predictions (set semantics, as a token
tagger's spans are: PolNeAR gives each token at most one label, so gold keys
are distinct anyway; a speaker span repeated by several predicted quotes is
one predicted source). Exact matching pairs equal keys. Loose matching is a
maximum-cardinality bipartite matching (augmenting paths) on the pairs with
Jaccard >= 0.5, so no greedy choice can lose a pair. P = matched / predicted,
R = matched / gold; counts are summed over articles (micro average).

**Whole attribution.** A predicted attribution equals a gold one when content,
cue and source keys are all equal; a missing source (or cue) equals a missing
one. Matching is one-to-one over the multisets of (content, cue, source)
keys. The loose variant asks each component to match loosely (missing equals
missing), with a maximum matching.

**Calibration.** Each predicted quote's ``confidence`` is compared with
whether it took part in the whole-attribution exact matching; ECE uses 10
equal-width bins: sum over bins of (bin size / N) * |accuracy - mean confidence|.
The same is given for content alone.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Quote

__all__ = [
    "COMPONENTS",
    "LOOSE_JACCARD",
    "ArticleScore",
    "Counts",
    "Prediction",
    "Rates",
    "Scores",
    "expected_calibration_error",
    "jaccard",
    "match_loose",
    "normalize_span",
    "prediction_from_quote",
    "score_article",
    "sum_scores",
    "trim_range",
]

Range = tuple[int, int]
Key = tuple[Range, ...]

#: The components scored separately, in report order.
COMPONENTS = ("source", "cue", "content")
#: Loose match threshold on character Jaccard (issue 3's protocol).
LOOSE_JACCARD = 0.5
#: Number of equal-width confidence bins for ECE (issue 3's protocol).
ECE_BINS = 10


def is_trim_char(ch: str) -> bool:
    """Return True for white space and punctuation (quotation marks included).

    >>> [is_trim_char(c) for c in ' “,a$']
    [True, True, True, False, False]
    """
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def trim_range(text: str, start: int, end: int) -> Range:
    """Trim white space, quotation marks and punctuation from both ends of ``text[start:end]``.

    An all-trim range collapses to an empty range at its end.

    >>> text = 'He said: “We will win.” '
    >>> s, e = trim_range(text, 8, len(text))
    >>> text[s:e]
    'We will win'
    >>> trim_range("'', ", 0, 4)
    (4, 4)
    >>> trim_range("U.S.", 0, 4)
    (0, 3)
    """
    while start < end and is_trim_char(text[start]):
        start += 1
    while end > start and is_trim_char(text[end - 1]):
        end -= 1
    if start == end:
        return (end, end)
    return (start, end)


def normalize_span(text: str, ranges: Iterable[Range]) -> Key:
    """Return the key two spans are compared by (see the module docstring).

    Ranges are clipped to the text, sorted, merged across gaps of trim
    characters, and each fragment is trimmed at both ends.

    >>> text = '“We will win,” she said, “and soon.”'
    >>> normalize_span(text, [(1, 13), (26, 35)])
    ((1, 12), (26, 34))
    >>> normalize_span("one\\n\\ntwo", [(0, 3), (5, 8)])
    ((0, 8),)
    >>> normalize_span("  ", [(0, 2)])
    ()
    """
    n = len(text)
    parts = sorted((max(0, min(s, n)), max(0, min(e, n))) for s, e in ranges)
    merged: list[list[int]] = []
    for s, e in parts:
        if e <= s:
            continue
        if merged and all(is_trim_char(c) for c in text[merged[-1][1] : s]):
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = []
    for s, e in merged:
        ts, te = trim_range(text, s, e)
        if te > ts:
            out.append((ts, te))
    return tuple(out)


def covered(key: Key) -> set[int]:
    """Return the character offsets a key covers."""
    return {i for s, e in key for i in range(s, e)}


def jaccard(a: Key, b: Key) -> float:
    """Character Jaccard of two keys: |A ∩ B| / |A ∪ B| over covered offsets.

    >>> jaccard(((0, 10),), ((5, 10),))
    0.5
    >>> jaccard((), ())
    1.0
    """
    ca, cb = covered(a), covered(b)
    union = len(ca | cb)
    return len(ca & cb) / union if union else 1.0


def maximum_matching(n_left: int, edges: Sequence[Sequence[int]]) -> list[int | None]:
    """Maximum-cardinality bipartite matching by augmenting paths (Kuhn).

    Args:
        n_left: number of left vertices.
        edges: ``edges[i]`` lists the right vertices left vertex ``i`` may pair with.

    Returns:
        For each left vertex, the right vertex it is matched to, or None.

    >>> maximum_matching(2, [[0, 1], [0]])
    [1, 0]
    """
    match_right: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_right or augment(match_right[j], seen):
                match_right[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    result: list[int | None] = [None] * n_left
    for j, i in match_right.items():
        result[i] = j
    return result


def match_loose(gold: Sequence[Key], pred: Sequence[Key], threshold: float = LOOSE_JACCARD) -> int:
    """Return the size of a maximum one-to-one matching with Jaccard >= ``threshold``.

    >>> match_loose([((0, 10),), ((20, 30),)], [((0, 8),), ((0, 10),)])
    1
    """
    edges = [[j for j, p in enumerate(pred) if _overlaps(g, p) and jaccard(g, p) >= threshold] for g in gold]
    return sum(m is not None for m in maximum_matching(len(gold), edges))


def _overlaps(a: Key, b: Key) -> bool:
    return bool(a and b) and a[0][0] < b[-1][1] and b[0][0] < a[-1][1]


class Rates:
    """Precision, recall and F1 of a class with ``tp`` (matched), ``pred`` and ``gold`` counts.

    >>> Counts(1, 2, 4).f1
    0.3333333333333333
    """

    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Counts(Rates):
    """Matched, predicted and gold counts, with precision, recall and F1."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "p": round(100 * self.precision, 2),
            "r": round(100 * self.recall, 2),
            "f1": round(100 * self.f1, 2),
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class Prediction:
    """A predicted attribution reduced to what is scored."""

    content: tuple[Range, ...]
    cue: tuple[Range, ...] = ()
    source: tuple[Range, ...] = ()
    confidence: float = 0.0


def prediction_from_quote(quote: Quote) -> Prediction:
    """Read an onrecord Quote as a prediction: content, cue, speaker mention, confidence."""
    return Prediction(
        content=tuple(quote.content),
        cue=((quote.cue.start, quote.cue.end),) if quote.cue else (),
        source=((quote.speaker.start, quote.speaker.end),) if quote.speaker else (),
        confidence=float(quote.confidence),
    )


@dataclass(frozen=True)
class ArticleScore:
    """Counts for one article (or a sum of articles) and the calibration pairs."""

    exact: dict[str, Counts] = field(default_factory=dict)
    loose: dict[str, Counts] = field(default_factory=dict)
    #: per predicted quote: (confidence, whole attribution exactly right)
    calibration: tuple[tuple[float, bool], ...] = ()
    #: per predicted quote: (confidence, content exactly right)
    calibration_content: tuple[tuple[float, bool], ...] = ()

    def __add__(self, other: ArticleScore) -> ArticleScore:
        return ArticleScore(
            exact=_add_counts(self.exact, other.exact),
            loose=_add_counts(self.loose, other.loose),
            calibration=self.calibration + other.calibration,
            calibration_content=self.calibration_content + other.calibration_content,
        )


def _add_counts(a: dict[str, Counts], b: dict[str, Counts]) -> dict[str, Counts]:
    return {k: a.get(k, Counts()) + b.get(k, Counts()) for k in dict.fromkeys([*a, *b])}


def score_article(text: str, gold: Sequence[object], predictions: Sequence[Prediction]) -> ArticleScore:
    """Score one article's predictions against its gold attributions.

    Args:
        text: the article text every range points into.
        gold: gold attributions: objects with ``content``, ``cue`` and
            ``source`` range tuples (e.g. ``polnear.GoldAttribution``).
        predictions: the predicted attributions.

    Returns:
        Exact and loose counts for ``source``, ``cue``, ``content`` and
        ``whole``, and the (confidence, correct) pairs for calibration.
    """
    g_keys = [tuple(normalize_span(text, getattr(g, c)) for c in COMPONENTS) for g in gold]
    p_keys = [tuple(normalize_span(text, getattr(p, c)) for c in COMPONENTS) for p in predictions]
    exact: dict[str, Counts] = {}
    loose: dict[str, Counts] = {}
    for i, comp in enumerate(COMPONENTS):
        gs = list(dict.fromkeys(k[i] for k in g_keys if k[i]))
        ps = list(dict.fromkeys(k[i] for k in p_keys if k[i]))
        exact[comp] = Counts(len(set(gs) & set(ps)), len(ps), len(gs))
        loose[comp] = Counts(match_loose(gs, ps), len(ps), len(gs))

    remaining = Counter(g_keys)
    whole_ok = []
    for k in p_keys:
        ok = remaining[k] > 0
        if ok:
            remaining[k] -= 1
        whole_ok.append(ok)
    exact["whole"] = Counts(sum(whole_ok), len(p_keys), len(g_keys))
    edges = [[j for j, p in enumerate(p_keys) if _whole_loose(g, p)] for g in g_keys]
    loose["whole"] = Counts(
        sum(m is not None for m in maximum_matching(len(g_keys), edges)), len(p_keys), len(g_keys)
    )

    gold_contents = {k[2] for k in g_keys}
    confs = [max(0.0, min(1.0, float(p.confidence))) for p in predictions]
    return ArticleScore(
        exact=exact,
        loose=loose,
        calibration=tuple(zip(confs, whole_ok, strict=True)),
        calibration_content=tuple((c, k[2] in gold_contents) for c, k in zip(confs, p_keys, strict=True)),
    )


def _whole_loose(g: tuple[Key, ...], p: tuple[Key, ...]) -> bool:
    for a, b in zip(g, p, strict=True):
        if not a and not b:
            continue
        if not (a and b and _overlaps(a, b) and jaccard(a, b) >= LOOSE_JACCARD):
            return False
    return True


def expected_calibration_error(pairs: Iterable[tuple[float, bool]], bins: int = ECE_BINS) -> float | None:
    """Expected calibration error over equal-width confidence bins.

    Returns None when there are no pairs.

    >>> expected_calibration_error([(0.9, True), (0.9, False)])
    0.4
    >>> expected_calibration_error([(1.0, True), (0.0, False)])
    0.0
    """
    buckets: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    n = 0
    for conf, ok in pairs:
        buckets[min(int(conf * bins), bins - 1)].append((conf, ok))
        n += 1
    if not n:
        return None
    ece = 0.0
    for b in buckets:
        if b:
            acc = sum(ok for _, ok in b) / len(b)
            mean = sum(c for c, _ in b) / len(b)
            ece += len(b) / n * abs(acc - mean)
    return round(ece, 6)


@dataclass(frozen=True)
class Scores:
    """A whole evaluation: totals, per publisher, calibration, and what was run."""

    total: ArticleScore
    by_publisher: dict[str, ArticleScore]
    articles: int
    failures: int = 0
    info: dict[str, object] = field(default_factory=dict)

    def f1(self, component: str, match: str = "exact") -> float:
        """F1 in percent for ``component`` (source, cue, content, whole)."""
        counts = getattr(self.total, match).get(component, Counts())
        return 100 * counts.f1

    def to_dict(self) -> dict[str, object]:
        def block(s: ArticleScore) -> dict[str, object]:
            return {
                "exact": {k: v.to_dict() for k, v in s.exact.items()},
                "loose": {k: v.to_dict() for k, v in s.loose.items()},
            }

        ece = expected_calibration_error(self.total.calibration)
        ece_content = expected_calibration_error(self.total.calibration_content)
        return {
            **self.info,
            "articles": self.articles,
            "failures": self.failures,
            **block(self.total),
            "ece": ece,
            "ece_content": ece_content,
            "by_publisher": {k: block(v) for k, v in sorted(self.by_publisher.items())},
        }


def sum_scores(
    scored: Iterable[tuple[str | None, ArticleScore]], failures: int = 0, info: dict[str, object] | None = None
) -> Scores:
    """Sum per-article scores into totals and per-publisher totals."""
    total = ArticleScore()
    by_pub: dict[str, ArticleScore] = {}
    n = 0
    for publisher, s in scored:
        n += 1
        total = total + s
        key = publisher or "?"
        by_pub[key] = by_pub.get(key, ArticleScore()) + s
    return Scores(total=total, by_publisher=by_pub, articles=n, failures=failures, info=dict(info or {}))
