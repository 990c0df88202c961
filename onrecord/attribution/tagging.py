"""Model-free parts of the attribution tagger: features, labels, windows, decoding.

The tagger labels every wordpiece of an article with one of :data:`LABELS`
(BIO over source, cue and content) and, for every labelled wordpiece, points
at the *anchor* of its attribution: the first wordpiece of its cue. Decoding
is a constrained Viterbi pass (no ``I-X`` without a ``B-X`` or ``I-X`` before
it) that yields chunks; each chunk is linked to one predicted cue by the
pointer scores, and the chunks linked to one cue form one attribution.

Everything here is numpy and the standard library, so it runs unchanged in
training (on a GPU box with no onrecord dependencies), in the ONNX tagger and
in tests.
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

Range = tuple[int, int]

#: Token labels: BIO over the three roles of an attribution (PolNeAR's Source, Cue, Content).
LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
#: Roles in label order.
ROLES = ("SRC", "CUE", "CON")
#: Wordpieces per window, [CLS] and [SEP] excluded (MiniLM's 512 positions).
WINDOW = 510
#: Window step when training (half overlap: every token is seen mid-window once).
TRAIN_STRIDE = 255
#: Fewest wordpieces two neighbouring windows share at inference (:func:`window_spans`):
#: the middle of each overlap decides, so every token keeps at least 48 wordpieces of
#: context on each side.
MIN_OVERLAP = 96
#: Number of token feature values: quote state (0 outside, 1 inside, 2 mark) x newline-before.
N_FEATS = 6
#: Label value ignored by the losses.
IGNORE = -100

#: Quotation marks that open, close, or toggle a quotation (straight double quote).
OPEN_MARKS = "“«„‟"
CLOSE_MARKS = "”»"
TOGGLE_MARKS = '"'
QUOTE_MARKS = OPEN_MARKS + CLOSE_MARKS + TOGGLE_MARKS + "‘’'`"
#: What changes the quote state: a double mark or a line break.
_EVENTS = re.compile("[" + re.escape(OPEN_MARKS + CLOSE_MARKS + TOGGLE_MARKS) + "\n]")
#: Characters trimmed from both ends of a span before exact matching (the scorer's protocol).
TRIM_CHARS = frozenset(string.whitespace + QUOTE_MARKS + string.punctuation + "—–…•·")


def quote_states(text: str) -> np.ndarray:
    """Return per character 0 (outside quotes), 1 (inside) or 2 (a double quotation mark).

    A line break closes an open quotation (a paragraph that continues a quotation
    opens with its own mark in news style).

    >>> quote_states('a "b" c').tolist()
    [0, 0, 2, 1, 2, 0, 0]
    """
    n = len(text)
    out = np.zeros(n, dtype=np.uint8)
    events = [(m.start(), m.group()) for m in _EVENTS.finditer(text)]
    inside = False
    start = 0  # where the current inside run began
    for pos, ch in events:
        if inside and pos > start:
            out[start:pos] = 1
        if ch == "\n":
            inside = False
            continue
        out[pos] = 2
        inside = True if ch in OPEN_MARKS else False if ch in CLOSE_MARKS else not inside
        start = pos + 1
    if inside and start < n:
        out[start:n] = 1
    return out


def token_features(text: str, offsets: np.ndarray) -> np.ndarray:
    """Return one feature id per token: quote state + 3 if a line break precedes it.

    >>> token_features('x "y"\\nz', np.array([[0, 1], [2, 3], [3, 4], [4, 5], [6, 7]])).tolist()
    [0, 2, 1, 2, 3]
    """
    states = quote_states(text)
    if len(offsets) == 0:
        return np.zeros(0, dtype=np.uint8)
    starts = offsets[:, 0].astype(np.int64)
    ends = offsets[:, 1].astype(np.int64)
    marks = np.concatenate([[0], np.cumsum(states == 2)])
    has_mark = (marks[ends] - marks[starts]) > 0
    inside = np.zeros(len(offsets), dtype=bool)
    ok = starts < len(states)
    inside[ok] = states[starts[ok]] == 1
    feats = np.where(has_mark, 2, np.where(inside, 1, 0)).astype(np.uint8)
    newlines = np.concatenate([[0], np.cumsum(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32) == 10)])
    prev_end = np.concatenate([[0], ends[:-1]])
    # a line break in text[prev_end:start] (empty when a token starts before the last one ended)
    after_break = (starts > prev_end) & ((newlines[starts] - newlines[np.minimum(prev_end, starts)]) > 0)
    return feats + 3 * after_break.astype(np.uint8)


@dataclass(frozen=True)
class Encoded:
    """An article as wordpieces: ids, character offsets into the text, features."""

    ids: np.ndarray
    offsets: np.ndarray
    feats: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


def encode_text(text: str, tokenizer: object) -> Encoded:
    """Tokenise ``text`` with a ``tokenizers.Tokenizer`` (no special tokens).

    Args:
        text: The article.
        tokenizer: A ``tokenizers.Tokenizer`` for MiniLM's uncased vocabulary.

    Returns:
        The wordpieces with offsets (``str`` indices into ``text``) and features.
    """
    enc = tokenizer.encode(text, add_special_tokens=False)  # type: ignore[attr-defined]
    ids = np.asarray(enc.ids, dtype=np.int32)
    offsets = np.asarray(enc.offsets, dtype=np.int32).reshape(-1, 2)
    return Encoded(ids, offsets, token_features(text, offsets))


def window_starts(n: int, size: int = WINDOW, stride: int = TRAIN_STRIDE) -> list[int]:
    """Return the first token of each window covering ``n`` tokens.

    >>> window_starts(10, 4, 3)
    [0, 3, 6]
    >>> window_starts(3, 4, 3)
    [0]
    """
    if n <= size:
        return [0]
    starts = list(range(0, n - size, stride))
    starts.append(n - size)
    return starts


def window_spans(n: int, size: int = WINDOW, min_overlap: int = MIN_OVERLAP) -> list[Range]:
    """Return as few windows as cover ``n`` tokens, of equal length, overlapping by at least ``min_overlap``.

    Shorter windows than ``size`` cost less than a last window pushed back
    over its neighbour (inference only; training uses :func:`window_starts`).

    >>> window_spans(1034)
    [(0, 409), (312, 721), (625, 1034)]
    >>> window_spans(300)
    [(0, 300)]
    """
    if n <= size:
        return [(0, n)]
    k = -(-(n - min_overlap) // (size - min_overlap))
    length = min(size, -(-(n + (k - 1) * min_overlap) // k))
    step = (n - length) / (k - 1)
    return [(round(i * step), round(i * step) + length) for i in range(k)]


def home_of(n: int, spans: Sequence[Range]) -> np.ndarray:
    """Return, per token, the window (of ``spans``) in which it sits furthest from an edge.

    >>> home_of(6, [(0, 4), (2, 6)]).tolist()
    [0, 0, 0, 1, 1, 1]
    """
    home = np.zeros(n, dtype=np.int32)
    best = np.full(n, -1, dtype=np.int64)
    far = n + WINDOW  # the text's own start and end are no window edge
    for w, (s, e) in enumerate(spans):
        e = min(e, n)
        idx = np.arange(s, e)
        left = idx - s if s > 0 else np.full(len(idx), far)
        right = e - 1 - idx if e < n else np.full(len(idx), far)
        margin = np.minimum(left, right)
        better = margin > best[s:e]
        best[s:e][better] = margin[better]
        home[s:e][better] = w
    return home


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: character ranges per role."""

    content: tuple[Range, ...]
    cue: tuple[Range, ...]
    source: tuple[Range, ...] = ()


def gold_labels(offsets: np.ndarray, attributions: Iterable[GoldAttribution]) -> tuple[np.ndarray, np.ndarray]:
    """Return per-token label ids and pointer targets (anchor token index, or -1).

    A token takes a role when its characters overlap a span of that role; the
    first token of each span piece is ``B``. The anchor of an attribution is
    the first token of its cue (of its content when it has no cue).

    >>> offs = np.array([[0, 2], [3, 7], [8, 10], [11, 14]])
    >>> lab, ptr = gold_labels(offs, [GoldAttribution(((8, 14),), ((3, 7),), ((0, 2),))])
    >>> [LABELS[i] for i in lab], ptr.tolist()
    (['B-SRC', 'B-CUE', 'B-CON', 'I-CON'], [1, 1, 1, 1])
    """
    n = len(offsets)
    labels = np.zeros(n, dtype=np.uint8)
    pointers = np.full(n, -1, dtype=np.int32)
    starts = offsets[:, 0]
    ends = offsets[:, 1]
    for att in attributions:
        toks_by_role: list[tuple[int, list[int]]] = []
        for role_i, pieces in ((0, att.source), (1, att.cue), (2, att.content)):
            for s, e in sorted(pieces):
                toks = np.nonzero((starts < e) & (ends > s) & (ends > starts))[0].tolist()
                toks = [t for t in toks if labels[t] == 0]
                if toks:
                    toks_by_role.append((role_i, toks))
        cue_toks = sorted(t for r, toks in toks_by_role if r == 1 for t in toks)
        con_toks = sorted(t for r, toks in toks_by_role if r == 2 for t in toks)
        anchor = cue_toks[0] if cue_toks else (con_toks[0] if con_toks else -1)
        for role_i, toks in toks_by_role:
            labels[toks[0]] = 1 + 2 * role_i
            for t in toks[1:]:
                labels[t] = 2 + 2 * role_i
            pointers[toks] = anchor
    return labels, pointers


def viterbi_many(log_probs: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Run :func:`viterbi` on many sequences at once (one loop over time for all of them).

    Shorter sequences are padded with forced ``O`` steps, which every label may
    precede, so each sequence's best path is unchanged.

    >>> lp = np.log(np.array([[.1, .1, .1, .1, .1, .1, .4], [.1, .1, .1, .1, .1, .1, .4]]))
    >>> [[LABELS[i] for i in p] for p in viterbi_many([lp, lp[:1]])]
    [['B-CON', 'I-CON'], ['O']]
    """
    if not log_probs:
        return []
    b, k = len(log_probs), len(LABELS)
    n_max = max(len(x) for x in log_probs)
    if n_max == 0:
        return [np.zeros(0, dtype=np.int64) for _ in log_probs]
    pad = np.full(k, -1e9)
    pad[0] = 0.0
    x = np.tile(pad, (b, n_max, 1))
    for i, lp in enumerate(log_probs):
        x[i, : len(lp)] = lp
    back = np.zeros((n_max, b, k), dtype=np.int64)
    score = _START + x[:, 0]
    rows = np.arange(b)[:, None]
    cols = np.arange(k)[None, :]
    for t in range(1, n_max):
        cand = score[:, :, None] + _TRANSITION  # [b, from, to]
        back[t] = cand.argmax(axis=1)
        score = cand[rows, back[t], cols] + x[:, t]
    path = np.zeros((b, n_max), dtype=np.int64)
    path[:, -1] = score.argmax(axis=1)
    for t in range(n_max - 1, 0, -1):
        path[:, t - 1] = back[t, np.arange(b), path[:, t]]
    return [path[i, : len(lp)] for i, lp in enumerate(log_probs)]


def repair(log_probs: np.ndarray) -> np.ndarray:
    """Return the per-token argmax with every ``I-X`` that follows no ``X`` turned into ``B-X``.

    A cheap alternative to :func:`viterbi` (vectorised; no search).

    >>> lp = np.log(np.array([[.5, 0, 0, 0, 0, .2, .3], [.1, 0, 0, 0, 0, .1, .8]]) + 1e-9)
    >>> [LABELS[i] for i in repair(lp)]
    ['O', 'B-CON']
    """
    path = log_probs.argmax(axis=1)
    inside = (path % 2 == 0) & (path > 0)  # I- labels are the even ids
    role = (path + 1) // 2  # 0 for O, else 1..3
    prev_role = np.concatenate([[0], role[:-1]])
    orphan = inside & (prev_role != role)
    path[orphan] -= 1
    return path


def _allowed_transitions() -> np.ndarray:
    k = len(LABELS)
    allowed = np.ones((k, k), dtype=bool)
    for j, lab in enumerate(LABELS):
        if lab.startswith("I-"):
            role = lab[2:]
            for i, prev in enumerate(LABELS):
                allowed[i, j] = prev in (f"B-{role}", f"I-{role}")
    return allowed


#: allowed[i, j]: label j may follow label i.
ALLOWED = _allowed_transitions()
_TRANSITION = np.where(ALLOWED, 0.0, -1e9)
_START = np.array([0.0 if not lab.startswith("I-") else -1e9 for lab in LABELS])


def viterbi(log_probs: np.ndarray) -> np.ndarray:
    """Return the best label path under the BIO constraints.

    Args:
        log_probs: ``[n, len(LABELS)]`` per-token log probabilities.

    Returns:
        ``[n]`` label ids.

    >>> lp = np.log(np.array([[.1, .1, .1, .1, .1, .1, .4], [.1, .1, .1, .1, .1, .1, .4]]))
    >>> [LABELS[i] for i in viterbi(lp)]
    ['B-CON', 'I-CON']
    """
    n, k = log_probs.shape
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    back = np.zeros((n, k), dtype=np.int64)
    score = _START + log_probs[0]
    for t in range(1, n):
        cand = score[:, None] + _TRANSITION
        back[t] = cand.argmax(axis=0)
        score = cand[back[t], np.arange(k)] + log_probs[t]
    path = np.zeros(n, dtype=np.int64)
    path[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


@dataclass(frozen=True, order=True)
class Chunk:
    """A run of tokens with one role: tokens ``[start, end)``."""

    start: int
    end: int
    role: str


def chunks_of(path: Sequence[int]) -> list[Chunk]:
    """Split a label path into role chunks (vectorised: one pass of numpy, no loop over tokens).

    A chunk starts at every ``B-X`` and at every ``I-X`` that does not continue
    an ``X`` chunk; it runs while ``I-X`` labels continue it.

    >>> chunks_of([1, 2, 0, 3, 5, 6, 6, 5])
    [Chunk(start=0, end=2, role='SRC'), Chunk(start=3, end=4, role='CUE'), \
Chunk(start=4, end=7, role='CON'), Chunk(start=7, end=8, role='CON')]
    >>> chunks_of([6, 6, 4])
    [Chunk(start=0, end=2, role='CON'), Chunk(start=2, end=3, role='CUE')]
    """
    p = np.asarray(path, dtype=np.int64)
    if p.size == 0:
        return []
    role = (p + 1) // 2  # 0 for O, else 1 + the index in ROLES
    prev_role = np.concatenate([[0], role[:-1]])
    cont = (p > 0) & (p % 2 == 0) & (prev_role == role)  # an I- label continuing its chunk
    starts = np.flatnonzero((role > 0) & ~cont)
    breaks = np.append(np.flatnonzero(~cont), p.size)  # a chunk ends at the first break after its start
    ends = breaks[np.searchsorted(breaks, starts, side="right")]
    return [Chunk(int(a), int(b), ROLES[int(role[a]) - 1]) for a, b in zip(starts, ends)]


@dataclass
class Predicted:
    """A decoded attribution: character ranges per role plus scores."""

    content: list[Range]
    cue: Range | None = None
    source: Range | None = None
    #: mean max-probability of the content tokens
    content_prob: float = 0.0
    #: probability of the content's link to its cue (1.0 without a cue)
    link_prob: float = 1.0
    #: mean max-probability of the source tokens (1.0 without a source)
    source_prob: float = 1.0
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def confidence(self) -> float:
        """The raw score: the product of the three probabilities (over-confident; see :func:`calibrate`)."""
        return float(self.content_prob * self.link_prob * self.source_prob)

    def calibration_features(self) -> np.ndarray:
        """Features of :func:`calibrate`: logit of the content probability, log link and source probabilities, 1."""
        c = min(max(self.content_prob, 1e-6), 1 - 1e-6)
        return np.array([np.log(c / (1 - c)), np.log(max(self.link_prob, 1e-6)),
                         np.log(max(self.source_prob, 1e-6)), 1.0])


def calibrate(p: Predicted, coef: Sequence[float] | None) -> float:
    """Return the probability that ``p`` is exactly right (logistic on its scores; raw score without ``coef``).

    >>> calibrate(Predicted([(0, 1)], content_prob=0.9, link_prob=1.0), [1.0, 0.0, 0.0, 0.0])
    0.9
    """
    if not coef:
        return p.confidence
    z = float(np.dot(p.calibration_features(), np.asarray(coef, dtype=np.float64)))
    return round(1.0 / (1.0 + math.exp(-z)), 6)


def fit_calibration(features: np.ndarray, correct: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    """Fit the logistic calibration (Newton's method) on ``features`` rows and 0/1 ``correct``."""
    w = np.zeros(features.shape[1])
    for _ in range(50):
        prob = 1 / (1 + np.exp(-features @ w))
        grad = features.T @ (prob - correct) + l2 * w
        hess = (features * (prob * (1 - prob))[:, None]).T @ features + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def expected_calibration_error(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Return ECE over ``bins`` equal-width confidence bins.

    >>> expected_calibration_error(np.array([0.9, 0.9]), np.array([1.0, 0.0]))
    0.4
    """
    total = 0.0
    for b in range(bins):
        upper = conf < (b + 1) / bins if b < bins - 1 else conf <= 1.0
        m = (conf >= b / bins) & upper
        if m.any():
            total += m.mean() * abs(conf[m].mean() - correct[m].mean())
    return round(float(total), 6)


LinkScorer = Callable[[list[Chunk], list[int]], np.ndarray]


@dataclass(frozen=True)
class Linking:
    """How chunks become attributions (tuned on PolNeAR dev with the shipped model).

    Attributes:
        max_gap: Most tokens between two content chunks of one attribution
            ("...," he said, "..."); farther chunks linked to the same cue are
            orphans.
        orphans: What an orphan content chunk becomes: ``reassign`` (to the
            best cue still without content, else its own attribution without
            a cue), ``keep`` (its own attribution) or ``drop``.
        reassign_min: Least link probability for reassigning an orphan or an
            extra source.
        share_source: Least link probability for a source chunk to serve a
            second cue that has none ("X said ... and added ...").
        cueless: Keep content chunks that no cue claims, as attributions
            without cue or source (PolNeAR has none such, so off by default).
        o_bias: Added to the log probability of ``O`` before Viterbi decoding
            (negative: more and longer chunks, trading precision for recall).
        viterbi: Decode labels with constrained Viterbi; False takes the
            argmax and repairs orphan ``I-`` labels (:func:`repair`), faster.
        whole_words: Widen chunks that start or end inside a word (between
            two wordpieces of it) to the whole word.
    """

    max_gap: int = 80
    orphans: str = "reassign"
    reassign_min: float = 0.05
    share_source: float = 0.1
    cueless: bool = False
    o_bias: float = 0.0
    viterbi: bool = True
    whole_words: bool = True


def assemble(
    text: str,
    offsets: np.ndarray,
    path: np.ndarray,
    token_prob: np.ndarray,
    link_scores: LinkScorer,
    linking: Linking | None = None,
) -> list[Predicted]:
    """Turn a label path into attributions by linking every chunk to a cue.

    Args:
        text: The article.
        offsets: ``[n, 2]`` token character offsets.
        path: ``[n]`` label ids (from :func:`viterbi`).
        token_prob: ``[n]`` probability of each token's chosen label.
        link_scores: ``f(chunks, anchors)`` -> ``[len(chunks), len(anchors)]`` scores
            (logits): how likely each chunk belongs to the attribution of each anchor token.
        linking: Options; :class:`Linking` defaults when None.

    Returns:
        Attributions in text order, each with at least one content range.
    """
    opt = linking or Linking()
    chunks = chunks_of(path)
    cues = [c for c in chunks if c.role == "CUE"]
    anchors = [c.start for c in cues]
    groups: dict[int, dict[str, list[tuple[Chunk, float]]]] = {a: {"CUE": [], "SRC": [], "CON": []} for a in anchors}
    probs_of: dict[Chunk, np.ndarray] = {}
    loose: list[tuple[Chunk, float]] = []
    if anchors:  # every chunk against every anchor at once
        all_scores = np.asarray(link_scores(chunks, anchors), dtype=np.float64).reshape(len(chunks), len(anchors))
        all_probs = np.exp(all_scores - all_scores.max(axis=1, keepdims=True))
        all_probs /= all_probs.sum(axis=1, keepdims=True)
    for i, ch in enumerate(chunks):
        if not anchors:
            if ch.role == "CON":
                loose.append((ch, 0.5))
            continue
        if ch.role == "CUE":
            # a cue anchors its own attribution unless it clearly continues an earlier cue
            scores = all_scores[i]
            own = anchors.index(ch.start)
            best = int(scores.argmax())
            target = anchors[best] if best != own and scores[best] > scores[own] + 2.0 else ch.start
            prob = 1.0
        else:
            probs = all_probs[i]
            probs_of[ch] = probs
            best = int(probs.argmax())
            target, prob = anchors[best], float(probs[best])
        groups[target][ch.role].append((ch, prob))
    # contents: keep the cluster around the most confidently linked chunk; the rest are orphans
    orphans: list[tuple[Chunk, float]] = []
    for g in groups.values():
        if len(g["CON"]) < 2:
            continue
        cons = sorted(g["CON"])
        core = max(range(len(cons)), key=lambda i: cons[i][1])
        lo = hi = core
        while lo > 0 and cons[lo][0].start - cons[lo - 1][0].end <= opt.max_gap:
            lo -= 1
        while hi < len(cons) - 1 and cons[hi + 1][0].start - cons[hi][0].end <= opt.max_gap:
            hi += 1
        g["CON"] = cons[lo : hi + 1]
        orphans.extend(cons[:lo] + cons[hi + 1 :])
    for ch, prob in orphans:
        if opt.orphans == "drop":
            continue
        if opt.orphans == "reassign":
            probs = probs_of[ch]
            free = [i for i, a in enumerate(anchors) if not groups[a]["CON"] and probs[i] >= opt.reassign_min]
            if free:
                i = max(free, key=lambda j: probs[j])
                groups[anchors[i]]["CON"].append((ch, float(probs[i])))
                continue
        loose.append((ch, prob * 0.5))
    # sources: one per attribution; extra ones go to cues without a source
    extra: list[tuple[Chunk, float]] = []
    for g in groups.values():
        if len(g["SRC"]) > 1:
            srcs = sorted(g["SRC"], key=lambda cp: -cp[1])
            g["SRC"] = srcs[:1]
            extra.extend(srcs[1:])
    for ch, _ in extra:
        probs = probs_of[ch]
        free = [i for i, a in enumerate(anchors)
                if groups[a]["CON"] and not groups[a]["SRC"] and probs[i] >= opt.reassign_min]
        if free:
            i = max(free, key=lambda j: probs[j])
            groups[anchors[i]]["SRC"].append((ch, float(probs[i])))
    if opt.share_source < 1.0:
        sources = [ch for g in groups.values() for ch, _ in g["SRC"]]
        for i, a in enumerate(anchors):
            g = groups[a]
            if g["CON"] and not g["SRC"] and sources:
                best_src = max(sources, key=lambda ch: probs_of[ch][i])
                if probs_of[best_src][i] >= opt.share_source:
                    g["SRC"].append((best_src, float(probs_of[best_src][i])))
    out: list[Predicted] = []

    def char_range(ch: Chunk) -> Range:
        s, e = int(offsets[ch.start, 0]), int(offsets[ch.end - 1, 1])
        if opt.whole_words:  # a chunk never starts or ends inside a word, hyphenated ones too
            s, e = whole_word_edges(text, s, e)
        return s, e

    cum_prob = np.concatenate([[0.0], np.cumsum(token_prob, dtype=np.float64)])

    def mean_prob(chs: Iterable[Chunk]) -> float:
        vals = [float((cum_prob[c.end] - cum_prob[c.start]) / (c.end - c.start)) for c in chs]
        return sum(vals) / len(vals) if vals else 1.0

    for anchor in sorted(groups):
        g = groups[anchor]
        if not g["CON"]:
            continue
        cons = sorted(c for c, _ in g["CON"])
        content = _split_paragraphs(text, [char_range(c) for c in cons])
        cue_chunks = sorted(c for c, _ in g["CUE"])
        cue = (char_range(cue_chunks[0])[0], char_range(cue_chunks[-1])[1]) if cue_chunks else None
        src = None
        src_prob = 1.0
        if g["SRC"]:
            best_src = max(g["SRC"], key=lambda cp: cp[1])
            src = char_range(best_src[0])
            src_prob = mean_prob([best_src[0]]) * best_src[1]
        link = sum(p for _, p in g["CON"]) / len(g["CON"])
        out.append(Predicted(content, cue, src, mean_prob(cons), link, src_prob))
    for ch, prob in loose if opt.cueless else ():
        out.append(Predicted(_split_paragraphs(text, [char_range(ch)]), None, None, mean_prob([ch]), prob))
    out.sort(key=lambda p: p.content[0])
    return out


def _split_paragraphs(text: str, ranges: list[Range]) -> list[Range]:
    """Split ranges at line breaks and trim white space from each piece."""
    out: list[Range] = []
    for s, e in ranges:
        piece_start = s
        while True:
            br = text.find("\n", piece_start, e)
            ps, pe = piece_start, e if br < 0 else br
            while ps < pe and text[ps].isspace():
                ps += 1
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if pe > ps:
                out.append((ps, pe))
            if br < 0:
                break
            piece_start = br + 1
    return out or [ranges[0]]


# ---------------------------------------------------------------- scoring


def span_key(text: str, pieces: Iterable[Range]) -> tuple[Range, ...] | None:
    """Return the exact-match key of a span: pieces merged across white space, ends trimmed.

    Trimming removes white space, quotation marks and punctuation from both
    ends (the evaluation protocol); pieces separated only by white space count
    as one.

    >>> span_key('He said: "Yes."', [(9, 15)])
    ((10, 13),)
    >>> span_key("ab\\n\\ncd", [(0, 2), (4, 6)])
    ((0, 6),)
    """
    merged: list[list[int]] = []
    for s, e in sorted(pieces):
        if merged and text[merged[-1][1] : s].strip() == "":
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    if not merged:
        return None
    while merged and merged[0][0] < merged[0][1] and text[merged[0][0]] in TRIM_CHARS:
        merged[0][0] += 1
        if merged[0][0] >= merged[0][1]:
            merged.pop(0)
    while merged and merged[-1][1] > merged[-1][0] and text[merged[-1][1] - 1] in TRIM_CHARS:
        merged[-1][1] -= 1
        if merged[-1][1] <= merged[-1][0]:
            merged.pop()
    return tuple((s, e) for s, e in merged) or None


@dataclass
class Tally:
    """Exact-match counts for one component."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, pred: Iterable[object], gold: Iterable[object]) -> None:
        p, g = Counter(pred), Counter(gold)
        self.tp += sum((p & g).values())
        self.n_pred += sum(p.values())
        self.n_gold += sum(g.values())

    def prf(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}


def score_article(
    text: str,
    predicted: Iterable[tuple[Sequence[Range], Sequence[Range], Sequence[Range]]],
    gold: Iterable[GoldAttribution],
    tallies: dict[str, Tally],
) -> None:
    """Add one article's exact matches (one-to-one) to ``tallies``.

    Args:
        text: The article.
        predicted: ``(content pieces, cue pieces, source pieces)`` per attribution.
        gold: The gold attributions.
        tallies: ``source``, ``cue``, ``content`` and ``whole`` tallies, updated.
    """
    preds = [(span_key(text, c), span_key(text, q), span_key(text, s)) for c, q, s in predicted]
    golds = [(span_key(text, g.content), span_key(text, g.cue), span_key(text, g.source)) for g in gold]
    for i, name in enumerate(("content", "cue", "source")):
        tallies.setdefault(name, Tally()).add(
            [p[i] for p in preds if p[i]], [g[i] for g in golds if g[i]]
        )
    tallies.setdefault("whole", Tally()).add([p for p in preds if p[0]], [g for g in golds if g[0]])


def summarise(tallies: dict[str, Tally]) -> dict[str, dict[str, float]]:
    """Return P/R/F1 per component plus ``mean_f1`` of source, cue and content."""
    out = {k: t.prf() for k, t in tallies.items()}
    out["mean"] = {
        "f1": round(sum(out.get(k, {"f1": 0.0})["f1"] for k in ("source", "cue", "content")) / 3, 2)
    }
    return out


# ---------------------------------------------------------------- decoding model output


def log_softmax(x: np.ndarray) -> np.ndarray:
    """Row-wise log softmax over the last axis."""
    m = x.max(axis=-1, keepdims=True)
    z = x - m
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def decode(
    text: str,
    offsets: np.ndarray,
    starts: Sequence[int],
    logits: np.ndarray,
    link_q: np.ndarray,
    link_k: np.ndarray,
    linking: Linking | None = None,
) -> list[Predicted]:
    """Decode windows of :data:`WINDOW` tokens starting at ``starts`` (see :func:`decode_spans`)."""
    n = len(offsets)
    spans = [(s, min(s + WINDOW, n)) for s in starts]
    return decode_spans(text, offsets, spans, logits, link_q, link_k, linking)


def token_log_probs(
    n: int, spans: Sequence[Range], logits: np.ndarray, linking: Linking | None = None,
    home: np.ndarray | None = None,
) -> np.ndarray:
    """Return ``[n, len(LABELS)]`` label log probabilities, each token's from its home window."""
    home = home_of(n, spans) if home is None else home
    starts = np.asarray([s for s, _ in spans])
    pos = np.arange(n) - starts[home] + 1
    lp = log_softmax(logits[home, pos].astype(np.float64))
    bias = (linking or Linking()).o_bias
    if bias:
        lp = lp + np.array([bias] + [0.0] * (len(LABELS) - 1))
    return lp


#: hyphens that join the parts of one word ("El-Sayed", "pro-Trump")
HYPHENS = "-\u2010\u2011"


def whole_word_edges(text: str, s: int, e: int) -> Range:
    """Widen ``[s, e)`` so that it neither starts nor ends inside a word, counting a hyphen
    between letters or digits as inside the word.

    >>> t = "Sherif El-Sayed said pro-Trump voters - many - agreed"
    >>> [t[slice(*whole_word_edges(t, s, e))] for s, e in [(7, 10), (10, 15), (21, 24), (33, 37)]]
    ['El-Sayed', 'El-Sayed', 'pro-Trump', 'voters']
    """
    n = len(text)
    while s > 0 and s < n:
        if text[s].isalnum() and text[s - 1].isalnum():
            s -= 1
        elif s > 1 and text[s].isalnum() and text[s - 1] in HYPHENS and text[s - 2].isalnum():
            s -= 2
        elif s + 1 < n and text[s] in HYPHENS and text[s - 1].isalnum() and text[s + 1].isalnum():
            s -= 1
        else:
            break
    while 0 < e < n:
        if text[e].isalnum() and text[e - 1].isalnum():
            e += 1
        elif e > 1 and text[e].isalnum() and text[e - 1] in HYPHENS and text[e - 2].isalnum():
            e += 1
        elif e + 1 < n and text[e] in HYPHENS and text[e - 1].isalnum() and text[e + 1].isalnum():
            e += 2
        else:
            break
    return s, e


def decode_spans(
    text: str,
    offsets: np.ndarray,
    spans: Sequence[Range],
    logits: np.ndarray,
    link_q: np.ndarray,
    link_k: np.ndarray,
    linking: Linking | None = None,
    path: np.ndarray | None = None,
    log_probs: np.ndarray | None = None,
) -> list[Predicted]:
    """Decode one article's window outputs into attributions.

    Args:
        text: The article.
        offsets: ``[n, 2]`` token character offsets.
        spans: ``(first, end)`` token range of each window.
        logits: ``[W, T, len(LABELS)]`` tag logits per window; position 0 is [CLS],
            so token ``spans[w][0] + i`` sits at position ``i + 1``.
        link_q: ``[W, T, D]`` link queries.
        link_k: ``[W, T, D]`` link keys.
        linking: How chunks join into attributions.
        path: The label path when already decoded (from :func:`viterbi_many`
            over :func:`token_log_probs`); decoded here when None.
        log_probs: :func:`token_log_probs` of these windows for ``linking``, when the
            caller already has them (computed here when None).

    Returns:
        The attributions, in text order.
    """
    n = len(offsets)
    if n == 0:
        return []
    opt = linking or Linking()
    home = home_of(n, spans)
    lp = token_log_probs(n, spans, logits, opt, home) if log_probs is None else log_probs
    if path is None:
        path = viterbi(lp) if opt.viterbi else repair(lp)
    token_prob = np.exp(lp[np.arange(n), path])

    def link_scores(chunks: list[Chunk], anchors: list[int]) -> np.ndarray:
        # each chunk is scored in the window of its middle token: the mean of its queries
        # there against the keys of the anchors inside that window (others: -1e6); a chunk
        # with no such anchor falls back to the distance to each anchor
        anc = np.asarray(anchors, dtype=np.int64)
        starts = np.fromiter((c.start for c in chunks), np.int64, len(chunks))
        ends = np.fromiter((c.end for c in chunks), np.int64, len(chunks))
        mids = (starts + ends - 1) // 2
        wins = home[mids]
        out = -np.abs(anc[None, :] - mids[:, None]).astype(np.float64)
        for w in np.unique(wins):
            rows = np.flatnonzero(wins == w)
            s, e = spans[w]
            e = min(e, n)
            inside = (anc >= s) & (anc < e)
            a = np.maximum(starts[rows], s) - s + 1
            b = np.minimum(ends[rows], e) - s + 1
            ok = b > a
            if not inside.any() or not ok.any():
                continue
            rows, a, b = rows[ok], a[ok], b[ok]
            cq = np.cumsum(link_q[w].astype(np.float64), axis=0)
            cq = np.concatenate([np.zeros((1, cq.shape[1])), cq])
            q = (cq[b] - cq[a]) / (b - a)[:, None]
            k = link_k[w, np.clip(anc - s + 1, 0, link_k.shape[1] - 1)].astype(np.float64)
            out[rows] = np.where(inside[None, :], q @ k.T, -1e6)
        return out

    return assemble(text, offsets, path, token_prob, link_scores, linking)
