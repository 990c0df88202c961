"""Prepare the tagger's training data from PolNeAR (runs on the CPU, before the GPU run).

Usage::

    .venv/bin/python scripts/prepare_training.py [--polnear ../shared/data/polnear] [--out .data] [--limit N]

Writes ``train.npz``, ``dev.npz``, ``dev.json`` and ``minilm/`` (fp16 base
weights, config, tokenizer) into ``--out``, which must stay out of git
(``/.data/`` is in .gitignore): dev.json holds PolNeAR texts.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from onrecord.attribution.corpus import prepare


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", default=str(Path(__file__).resolve().parents[1].parent / "shared/data/polnear"))
    ap.add_argument("--out", default=".data")
    ap.add_argument("--limit", type=int, default=None, help="first N articles per split (smoke tests)")
    args = ap.parse_args()
    t0 = time.time()
    counts = prepare(args.polnear, args.out, limit=args.limit)
    size = sum(p.stat().st_size for p in Path(args.out).rglob("*") if p.is_file())
    print(json.dumps({**counts, "bytes": size, "seconds": round(time.time() - t0, 1)}))


if __name__ == "__main__":
    main()
