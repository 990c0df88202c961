"""Constrained BIO decoding as a parallel max-plus scan, for accelerators.

:func:`onrecord.attribution.tagging.viterbi` walks the tokens one by one: right
on a CPU, hopeless on a GPU, where each step would be a few tiny kernels. Here
the same decision is made in ``log2(L)`` steps of whole-tensor work, for many
articles at once.

The BIO constraint (``I-X`` only after ``B-X`` or ``I-X``) needs only four
states — nothing open, or a source, cue or content chunk open — so each token
is a 4 x 4 max-plus matrix. Articles are laid end to end in one flat sequence:
the first token of each article gets a *reset* matrix (no ``I-`` label, any
state before it), which makes every article's decision independent of its
neighbours without padding. Prefix and suffix products of the matrices give,
for every token and label, the score of the best path through that label (its
max-marginal); the argmax is the Viterbi label wherever the best path is unique.

Scores are the log-probabilities minus each token's best, so sums stay near
zero and float32 keeps the precision of a per-article float64 Viterbi.

torch is imported by the caller and passed in (``torch`` is an optional
dependency; nothing here imports it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["bio_decode", "bio_decode_many"]

#: Columns of ``B-SRC``, ``B-CUE``, ``B-CON`` and of ``I-SRC``, ``I-CUE``, ``I-CON`` in
#: :data:`onrecord.attribution.tagging.LABELS` (``O`` is column 0).
B_COLS, I_COLS = [1, 3, 5], [2, 4, 6]
#: Stands for minus infinity (finite, so that sums of it stay comparable).
NEG = -1e9


def _max_plus(a: Any, b: Any) -> Any:
    """Max-plus product of stacks of 4 x 4 matrices: ``out[..., i, j] = max_k a[..., i, k] + b[..., k, j]``."""
    return (a[..., :, :, None] + b[..., None, :, :]).amax(dim=-2)


def bio_decode(torch: Any, log_probs: Any, firsts: Any) -> Any:
    """Label every token of many articles laid end to end.

    Args:
        torch: The torch module.
        log_probs: ``[L, 7]`` float tensor, label log-probabilities (any
            per-token constant may be added: the decision is the same).
        firsts: ``[L]`` bool tensor, True at the first token of each article
            (``firsts[0]`` must be True).

    Returns:
        ``[L]`` int64 tensor of label ids, on the device of ``log_probs``.
    """
    lp = log_probs.float()
    n = lp.shape[0]
    if n == 0:
        return torch.zeros(0, dtype=torch.int64, device=lp.device)
    lp = lp - lp.amax(dim=-1, keepdim=True)
    o, b = lp[:, 0], lp[:, B_COLS]
    i = torch.where(firsts[:, None], torch.full_like(b, NEG), lp[:, I_COLS])
    # m[t, s, s']: best score of token t's label given state s before it and s' after it
    m = torch.empty((n, 4, 4), dtype=lp.dtype, device=lp.device)
    m[:, :, 0] = o[:, None]
    m[:, :, 1:] = b[:, None, :]
    idx = torch.arange(3, device=lp.device)
    m[:, idx + 1, idx + 1] = torch.maximum(b, i)
    # prefix products m_0..m_t, and suffix products m_t..m_{n-1} as prefix products of the
    # reversed, transposed matrices: both in one scan, half the kernel launches
    both = torch.stack([m, m.flip(0).transpose(1, 2)])
    d = 1
    while d < n:
        both[:, d:] = _max_plus(both[:, :-d], both[:, d:])
        d *= 2
    prefix, suffix = both[0], both[1].flip(0).transpose(1, 2)
    # fwd[t, s]: best score of tokens ..t ending in state s (the sequence starts in state 0)
    fwd = prefix[:, 0, :]
    # bwd[t, s]: best score of tokens t+1.. given state s after token t
    bwd = torch.cat([suffix[1:].amax(dim=-1), torch.zeros((1, 4), dtype=lp.dtype, device=lp.device)])
    before = torch.cat([torch.zeros((1, 4), dtype=lp.dtype, device=lp.device), fwd[:-1]])
    before[0, 1:] = NEG  # nothing is open before the first token
    best_before = before.amax(dim=-1)
    scores = torch.empty((n, 7), dtype=lp.dtype, device=lp.device)
    scores[:, 0] = best_before + o + bwd[:, 0]
    scores[:, B_COLS] = best_before[:, None] + b + bwd[:, 1:]
    scores[:, I_COLS] = before[:, 1:] + i + bwd[:, 1:]
    return scores.argmax(dim=-1)


def bio_decode_many(torch: Any, log_probs: Sequence[np.ndarray], device: str) -> list[np.ndarray]:
    """:func:`bio_decode` for numpy sequences (the drop-in for ``viterbi_many`` on ``device``).

    >>> import torch
    >>> lp = np.log(np.array([[.1, .1, .1, .1, .1, .1, .4], [.1, .1, .1, .1, .1, .1, .4]]))
    >>> [p.tolist() for p in bio_decode_many(torch, [lp, lp[:1], lp[:0]], "cpu")]
    [[5, 6], [0], []]
    """
    lens = [len(x) for x in log_probs]
    if not sum(lens):
        return [np.zeros(0, dtype=np.int64) for _ in log_probs]
    flat = np.concatenate([x for x in log_probs if len(x)]).astype(np.float32)
    real = [n for n in lens if n]
    firsts = np.zeros(len(flat), dtype=bool)
    firsts[np.cumsum([0] + real[:-1])] = True
    path = bio_decode(torch, torch.from_numpy(flat).to(device), torch.from_numpy(firsts).to(device))
    return np.split(path.cpu().numpy().astype(np.int64), np.cumsum(lens)[:-1])
