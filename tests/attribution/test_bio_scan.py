"""The parallel BIO decoder (for accelerators) against the sequential Viterbi."""

from __future__ import annotations

import numpy as np
import pytest

from onrecord.attribution.tagging import LABELS, viterbi, viterbi_many

torch = pytest.importorskip("torch")

from onrecord.attribution.bio_scan import bio_decode  # noqa: E402


def _decode_flat(log_probs: list[np.ndarray]) -> list[np.ndarray]:
    lens = [len(x) for x in log_probs]
    flat = torch.from_numpy(np.concatenate(log_probs).astype(np.float32))
    firsts = torch.zeros(sum(lens), dtype=torch.bool)
    firsts[np.cumsum([0] + lens[:-1])] = True
    out = bio_decode(torch, flat, firsts).numpy()
    return np.split(out, np.cumsum(lens)[:-1])


def _peaky(rng: np.random.Generator, n: int) -> np.ndarray:
    """Log-probabilities shaped like a trained tagger's: mostly confident, some close calls."""
    logits = rng.normal(0, 1, (n, len(LABELS))) + rng.choice([0.0, 6.0], size=(n, len(LABELS)), p=[0.85, 0.15])
    return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


@pytest.mark.parametrize("seed", range(6))
def test_bio_decode_equals_viterbi_on_many_articles(seed):
    rng = np.random.default_rng(seed)
    articles = [_peaky(rng, int(n)) for n in rng.integers(1, 700, size=12)]
    differ = 0
    for got, lp in zip(_decode_flat(articles), articles):
        best = viterbi(lp)
        # the same path, or (at a near tie, decided in float32) one that scores as well and is legal
        assert _legal(got)
        assert lp[np.arange(len(lp)), got].sum() == pytest.approx(lp[np.arange(len(lp)), best].sum(), abs=1e-3)
        differ += int((got != best).sum())
    assert differ <= sum(len(a) for a in articles) // 1000


def _legal(path: np.ndarray) -> bool:
    prev = 0
    for lab in path.tolist():
        if lab in (2, 4, 6) and prev not in (lab - 1, lab):
            return False
        prev = lab
    return True


def test_bio_decode_never_opens_an_article_inside_a_chunk():
    # I-CON is each token's favourite; an article may not open with it, whatever precedes it
    lp = np.log(np.full((3, len(LABELS)), 0.01))
    lp[:, LABELS.index("I-CON")] = np.log(0.9)
    lp[:, LABELS.index("B-CON")] = np.log(0.05)
    got = _decode_flat([lp, lp[:1], lp])
    assert [[LABELS[i] for i in g] for g in got] == [["B-CON", "I-CON", "I-CON"], ["B-CON"], ["B-CON", "I-CON", "I-CON"]]
    assert [g.tolist() for g in got] == [p.tolist() for p in viterbi_many([lp, lp[:1], lp])]


def test_bio_decode_of_nothing():
    assert bio_decode(torch, torch.zeros((0, len(LABELS))), torch.zeros(0, dtype=torch.bool)).numel() == 0
