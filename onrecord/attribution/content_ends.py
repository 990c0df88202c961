"""Where a content ends: the tagger's end re-ranked by a small learned model on its own label probabilities.

The tagger (:mod:`onrecord.attribution.tagger`) often stops a content one
phrase short of where PolNeAR's annotators end it (``...the plan was a
gimmick`` for ``...the plan was a gimmick | dreamed up to win votes``), or
runs a phrase too far. For each decoded attribution,
:func:`rerank_ends` lists alternative ends of its last content piece
(:func:`end_candidates`: up to :data:`NEAR_WORDS` words either way, and
farther punctuation within :data:`FAR_TOKENS` wordpieces), describes each
with :func:`end_features` (how much the tagger's content probability the
move gains or loses, its label probabilities at the new edge, the
punctuation and word there, the distance moved), and keeps the candidate an
:class:`EndRanker` scores highest: a conditional logit (softmax over one
attribution's candidates) fitted with numpy by :func:`fit_end_ranker`.

The shipped weights (``model/end_ranker.json``) were fitted on PolNeAR dev by
``scripts/fit_end_ranker.py``; ``model/MODEL_CARD.md`` gives the 2-fold
figures (fitted on one half of dev, scored on the other), the honest
estimate. Only ends move, inside one paragraph and never into another
chunk the tagger labelled; starts were tried the same way and lost on both
halves of dev.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .tagging import LABELS, Predicted

__all__ = [
    "END_RANKER_PATH",
    "FEATURES",
    "EndRanker",
    "TokenView",
    "end_candidates",
    "end_features",
    "end_groups",
    "fit_end_ranker",
    "load_end_ranker",
    "rerank_ends",
]

#: The shipped weights (fitted on PolNeAR dev by scripts/fit_end_ranker.py).
END_RANKER_PATH = Path(__file__).parent / "model" / "end_ranker.json"
#: Words an end may move either way (hand-set before measuring; 2 and 6 scored within 0.3 on both halves of dev).
NEAR_WORDS = 4
#: Wordpieces an end may move to reach punctuation or a quotation mark (hand-set; 80 scored no better).
FAR_TOKENS = 40
#: Least log probability a feature keeps (a floor, so one token cannot dominate).
LOG_FLOOR = -12.0

_B_CON, _I_CON = LABELS.index("B-CON"), LABELS.index("I-CON")
_SRC, _CUE, _CON = 1, 2, 3  # roles of a label id: (id + 1) // 2
_SENT_END = ".!?"
_QUOTES = "“”‘’«»\"'`"
#: Small closed word classes (hand-written English function words).
_PREPS = frozenset(
    "of for by in on with about as at from into over against after before under between during without through "
    "since than upon toward towards across behind within".split()
)
_DETS = frozenset("the a an this these those his her their its our my your some any no every each all".split())
_COMPS = frozenset("whether if how why what when where who which because while although though".split())
_PRONOUNS = frozenset("he she it they we i you him them us me there".split())
_CONJ = frozenset("and but or so yet nor".split())
_RELATIVES = frozenset("which who whom whose where when".split())
_CHAR_CLASSES = ("break", "sentence-end", "comma", "colon", "quote", "other-punct", "alnum")
_WORD_CLASSES = ("that", "to", "preposition", "determiner", "complementiser", "pronoun", "conjunction", "capitalised")

#: Feature names, in the order of :func:`end_features` (the JSON file lists them too, to catch a mismatch).
FEATURES = (
    ("gain", "not-content-after", "b-con-after", "margin-last", "margin-after", "original", "words-out", "words-in",
     "moved-out", "moved-in")
    + tuple(f"next-char:{c}" for c in _CHAR_CLASSES)
    + tuple(f"last-char:{c}" for c in _CHAR_CLASSES)
    + tuple(f"next-word:{c}" for c in _WORD_CLASSES)
    + ("next-word:relative",)
    + tuple(f"last-word:{c}" for c in _WORD_CLASSES[:7])
    + ("next-role:cue", "next-role:source", "next-role:content")
)


@dataclass(frozen=True)
class TokenView:
    """What the end features read about one decoded run of wordpieces.

    Attributes:
        starts: ``[n]`` first character of each token.
        ends: ``[n]`` character after each token.
        inner: ``[n]`` whether a token continues the word of the one before it.
        log_probs: ``[n, len(LABELS)]`` the tagger's label log probabilities.
        not_content: ``[n]`` log probability that a token is not content.
        margin: ``[n]`` log odds that a token is content (clipped to +-20).
        cum_margin: ``[n + 1]`` running sum of ``margin``.
        role: ``[n]`` role of each token on the decoded path (0 none, 1 source, 2 cue, 3 content).
    """

    starts: np.ndarray
    ends: np.ndarray
    inner: np.ndarray
    log_probs: np.ndarray
    not_content: np.ndarray
    margin: np.ndarray
    cum_margin: np.ndarray
    role: np.ndarray

    @classmethod
    def of(cls, text: str, offsets: np.ndarray, log_probs: np.ndarray, path: np.ndarray) -> TokenView:
        """Build the view of tokens with character ``offsets`` into ``text``, their label log probs and path."""
        starts = np.asarray(offsets[:, 0], dtype=np.int64)
        ends = np.asarray(offsets[:, 1], dtype=np.int64)
        inner = np.zeros(len(starts), dtype=bool)
        for t in np.flatnonzero(starts[1:] == ends[:-1]) + 1:
            s = starts[t]
            inner[t] = 0 < s < len(text) and text[s - 1].isalnum() and text[s].isalnum()
        lp = np.asarray(log_probs, dtype=np.float64)
        content = np.logaddexp(lp[:, _B_CON], lp[:, _I_CON])
        not_content = np.log(np.maximum(1e-12, -np.expm1(content)))
        margin = np.clip(content - not_content, -20.0, 20.0)
        return cls(starts, ends, inner, lp, not_content, margin,
                   np.concatenate([[0.0], np.cumsum(margin)]), (np.asarray(path, dtype=np.int64) + 1) // 2)

    def __len__(self) -> int:
        return len(self.starts)

    def end_token(self, char: int) -> int:
        """The token index just past the last token that ends at or before ``char``."""
        return int(np.searchsorted(self.ends, char, side="right"))

    def start_token(self, char: int) -> int:
        """The token that holds ``char`` (or the first after it)."""
        return min(self.end_token(char), len(self) - 1)

    def words(self, a: int, b: int) -> int:
        """How many words begin among tokens ``[a, b)``."""
        return int(np.count_nonzero(~self.inner[a:b])) if b > a else 0

    def line_break_before(self, text: str, t: int) -> bool:
        """Whether a line break (or the edge of the run) separates token ``t`` from the one before."""
        return t <= 0 or t >= len(self) or "\n" in text[self.ends[t - 1] : self.starts[t]]


@dataclass(frozen=True)
class EndRanker:
    """A conditional logit over candidate ends (weights on standardised :data:`FEATURES`).

    Attributes:
        weights: One weight per feature.
        mean: Feature means of the fitting data (subtracted first).
        scale: Feature standard deviations of the fitting data (divided by next).
    """

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Return one score per row of ``features`` (higher: a better end)."""
        x = (np.asarray(features, dtype=np.float64) - np.asarray(self.mean)) / np.asarray(self.scale)
        return x @ np.asarray(self.weights)

    def to_dict(self) -> dict[str, object]:
        """The JSON form (with the feature names)."""
        return {"features": list(FEATURES), "weights": list(self.weights), "mean": list(self.mean),
                "scale": list(self.scale)}


def load_end_ranker(path: Path = END_RANKER_PATH) -> EndRanker | None:
    """Read an :class:`EndRanker` from its JSON file (None when the file is absent).

    Raises:
        ValueError: The file lists other features than this onrecord computes.
    """
    if not Path(path).is_file():
        return None
    info = json.loads(Path(path).read_text())
    if tuple(info.get("features", ())) != FEATURES:
        raise ValueError(f"{path} was fitted on other features than onrecord's content_ends.FEATURES; refit it "
                         f"with scripts/fit_end_ranker.py")
    return EndRanker(tuple(info["weights"]), tuple(info["mean"]), tuple(info["scale"]))


def _char_after(text: str, i: int) -> str:
    while i < len(text) and text[i] in " \t":
        i += 1
    return text[i] if i < len(text) else "\n"


def _char_class(ch: str) -> int:
    if ch == "\n":
        return 0
    if ch in _SENT_END:
        return 1
    if ch == ",":
        return 2
    if ch in ":;":
        return 3
    if ch in _QUOTES:
        return 4
    return 6 if ch.isalnum() else 5


def _word_after(text: str, i: int) -> str:
    while i < len(text) and not text[i].isalnum():
        i += 1
    j = i
    while j < len(text) and (text[j].isalnum() or text[j] in "'’"):
        j += 1
    return text[i:j]


def _word_before(text: str, i: int) -> str:
    while i > 0 and not text[i - 1].isalnum():
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’"):
        j -= 1
    return text[j:i]


def _one_hot(k: int, n: int) -> list[float]:
    out = [0.0] * n
    out[k] = 1.0
    return out


def _word_class(word: str) -> list[float]:
    w = word.lower().replace("’", "'")
    return [float(w == "that"), float(w == "to"), float(w in _PREPS), float(w in _DETS), float(w in _COMPS),
            float(w in _PRONOUNS), float(w in _CONJ), float(bool(word) and word[0].isupper())]


def end_candidates(text: str, view: TokenView, end: int, last_start: int) -> list[int]:
    """Candidate ends (exclusive token indices) of a content whose last piece covers tokens ``[last_start, end)``.

    Outward, an end may take in tokens the tagger labelled nothing, up to a
    line break or another labelled chunk; inward, it keeps at least one token
    of the piece. Every word end within :data:`NEAR_WORDS` words counts, and
    farther (up to :data:`FAR_TOKENS` tokens) those before punctuation or
    after a quotation mark.
    """
    n = len(view)
    out = {end}

    def keep(t: int, words: int, far_classes: tuple[int, ...]) -> bool:
        nxt = _char_after(text, int(view.ends[t - 1]))
        return words <= NEAR_WORDS or _char_class(nxt) in far_classes or text[view.ends[t - 1] - 1] in _QUOTES

    words, t = 0, end
    while t < n and t - end < FAR_TOKENS:
        if view.role[t] in (_SRC, _CUE, _CON) or view.line_break_before(text, t):
            break
        t += 1
        if t < n and view.inner[t]:
            continue
        words += 1
        if keep(t, words, (0, 1, 2, 3, 4)):
            out.add(t)
    words, t = 0, end
    while t - 1 > last_start and end - t < FAR_TOKENS:
        t -= 1
        if t < n and view.inner[t]:
            continue
        words += 1
        if keep(t, words, (1, 2, 3, 4)):
            out.add(t)
    return sorted(out)


def end_features(text: str, view: TokenView, t: int, end: int) -> list[float]:
    """The :data:`FEATURES` of ending a content before token ``t`` instead of before ``end``."""
    n = len(view)
    lp, margin = view.log_probs, view.margin
    gain = view.cum_margin[t] - view.cum_margin[end]  # the tagger's log odds for the tokens taken in (or out: negative)
    last_char = int(view.ends[t - 1])
    next_word = _word_after(text, last_char)
    next_role = view.role[t] if t < n else 0
    moved = view.words(min(t, end), max(t, end))
    f = [
        gain,
        max(view.not_content[t] if t < n else 0.0, LOG_FLOOR),
        max(lp[t, _B_CON] if t < n else LOG_FLOOR, LOG_FLOOR),
        margin[t - 1] / 5,
        (margin[t] if t < n else -20.0) / 5,
        float(t == end),
        moved * (t > end),
        moved * (t < end),
        float(t > end),
        float(t < end),
    ]
    f += _one_hot(_char_class(_char_after(text, last_char)), len(_CHAR_CLASSES))
    f += _one_hot(_char_class(text[last_char - 1]), len(_CHAR_CLASSES))
    f += _word_class(next_word)
    f += [float(next_word.lower() in _RELATIVES)]
    f += _word_class(_word_before(text, last_char))[:7]
    f += [float(next_role == _CUE), float(next_role == _SRC), float(next_role == _CON)]
    return f


def _widen_end(text: str, c: int) -> int:
    """Move ``c`` to the end of the word it falls inside (as the tagger's decoding does)."""
    while c < len(text) and text[c].isalnum() and text[c - 1].isalnum():
        c += 1
    return c


def _trimmed_end(text: str, c: int) -> int:
    """``c`` moved back over white space and punctuation (the scorer's trimming), to tell candidates apart."""
    while c > 0 and (text[c - 1].isspace() or unicodedata.category(text[c - 1]).startswith("P")):
        c -= 1
    return c


def _candidates_of(text: str, view: TokenView, p: Predicted) -> tuple[list[int], list[int], np.ndarray, int]:
    """One attribution's distinct candidate ends: token indices, character ends, features, the original's row."""
    end = view.end_token(p.content[-1][1])
    last_start = view.start_token(p.content[-1][0])
    best: dict[int, tuple[int, int]] = {}
    for t in end_candidates(text, view, end, last_start):
        char = _widen_end(text, int(view.ends[t - 1]))
        key = _trimmed_end(text, char)
        if key not in best or abs(t - end) < abs(best[key][0] - end):
            best[key] = (t, char)
    chosen = sorted(best.values())
    toks = [t for t, _ in chosen]
    feats = np.array([end_features(text, view, t, end) for t in toks], dtype=np.float64)
    return toks, [c for _, c in chosen], feats, toks.index(end)


def rerank_ends(
    text: str, offsets: np.ndarray, log_probs: np.ndarray, path: np.ndarray, preds: Sequence[Predicted],
    ranker: EndRanker | None,
) -> list[Predicted]:
    """Move each attribution's content end to the candidate ``ranker`` scores highest.

    Args:
        text: The article.
        offsets: ``[n, 2]`` token character offsets (those ``preds`` were decoded from).
        log_probs: ``[n, len(LABELS)]`` label log probabilities (:func:`~onrecord.attribution.tagging.token_log_probs`).
        path: ``[n]`` the decoded label path.
        preds: The decoded attributions.
        ranker: The model; None returns ``preds`` unchanged.

    Returns:
        The attributions, each with its last content piece's end possibly moved.
    """
    if ranker is None or not preds or len(offsets) == 0:
        return list(preds)
    view = TokenView.of(text, offsets, log_probs, path)
    out = []
    for p in preds:
        _, chars, feats, orig = _candidates_of(text, view, p)
        best = int(ranker.scores(feats).argmax()) if len(chars) > 1 else orig
        last = p.content[-1]
        if best == orig or chars[best] <= last[0]:
            out.append(p)
            continue
        out.append(replace(p, content=[*p.content[:-1], (last[0], chars[best])]))
    return out


def end_groups(
    text: str, offsets: np.ndarray, log_probs: np.ndarray, path: np.ndarray, preds: Sequence[Predicted],
    gold_ends: Sequence[tuple[int, int]],
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Training groups: each attribution's candidate features and which candidates end where gold does.

    Args:
        text, offsets, log_probs, path, preds: As for :func:`rerank_ends`.
        gold_ends: For each of ``preds``, ``(matched, end)``: ``matched`` 0 when no gold
            content overlaps it enough (the group is left out), else 1 and the
            trimmed end of the gold content it matches.

    Returns:
        ``(features [k, len(FEATURES)], labels [k])`` per attribution with a gold match.
    """
    if len(offsets) == 0:
        return []
    view = TokenView.of(text, offsets, log_probs, path)
    out = []
    for p, (matched, gold_end) in zip(preds, gold_ends):
        if not matched:
            continue
        _, chars, feats, _ = _candidates_of(text, view, p)
        labels = np.array([_trimmed_end(text, c) == gold_end for c in chars], dtype=np.float64)
        out.append((feats, labels))
    return out


def fit_end_ranker(groups: Sequence[tuple[np.ndarray, np.ndarray]], l2: float = 1.0, iters: int = 100) -> EndRanker:
    """Fit a conditional logit by damped Newton steps (L2 on standardised features).

    Groups with one candidate or no right candidate carry no information and
    are left out; a group with several right candidates (equal after
    trimming) spreads its target over them.

    Args:
        groups: ``(features, labels)`` per attribution (:func:`end_groups`).
        l2: Weight of the L2 penalty (1.0 was set before measuring; 0.3 and 3 scored within 0.3 on dev).
        iters: Most Newton steps.

    Returns:
        The fitted ranker.

    Raises:
        ValueError: No group has both several candidates and a right one.
    """
    kept = [(f, y) for f, y in groups if len(y) > 1 and y.sum() > 0]
    if not kept:
        raise ValueError("no group has several candidates and a right one: nothing to fit")
    stacked = np.concatenate([f for f, _ in kept])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0) + 1e-6
    xs = [(f - mean) / scale for f, _ in kept]
    ys = [y / y.sum() for _, y in kept]
    k = stacked.shape[1]

    def loss(w: np.ndarray) -> float:
        total = 0.5 * l2 * float(w @ w)
        for x, y in zip(xs, ys):
            z = x @ w
            top = z.max()
            total -= float(y @ z) - top - float(np.log(np.exp(z - top).sum()))
        return total

    w = np.zeros(k)
    current = loss(w)
    for _ in range(iters):
        grad, hess = l2 * w, l2 * np.eye(k)
        for x, y in zip(xs, ys):
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            expected = p @ x
            grad = grad - (y @ x - expected)
            centred = x - expected
            hess = hess + (centred * p[:, None]).T @ centred
        step = np.linalg.solve(hess, grad)
        rate = 1.0
        while rate > 1e-4:
            trial = w - rate * step
            trial_loss = loss(trial)
            if trial_loss <= current:
                break
            rate /= 2
        if trial_loss > current or current - trial_loss < 1e-7:
            if trial_loss <= current:
                w = trial
            break
        w, current = trial, trial_loss
    return EndRanker(tuple(float(v) for v in w), tuple(float(v) for v in mean), tuple(float(v) for v in scale))
