"""How extraction cost grows with article length and with corpus size.

Usage::

    .venv/bin/python bench/bench_scale.py [--mode fast] [--data DIR]

Two small tables, each with ratios against its first row measured in the
same run:

- article length: texts made of 1, 2, 4, 8 and 16 PolNeAR dev articles joined
  (generated articles without the corpus), extracted in this process;
  milliseconds per article and per 1,000 characters. Linear growth keeps
  the per-1k-characters cost flat.
- corpus size: 42 .. 336 articles through ``run_batch`` with 2 workers in a
  fresh directory (worker start included); articles/s should rise towards a
  plateau as the fixed start-up cost is spread.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from bench_batch import POLNEAR, load_corpus, pipeline_error, run_batch_timed

#: Articles joined into one text, per row of the length table.
LENGTH_FACTORS = (1, 2, 4, 8, 16)
#: Corpus sizes of the size table (PolNeAR dev holds 84 texts).
CORPUS_SIZES = (42, 84, 168, 336)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", default="fast")
    parser.add_argument("--data", type=Path, default=POLNEAR)
    parser.add_argument("--extractor", default="onrecord.api:extract_documents", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.extractor == "onrecord.api:extract_documents" and (err := pipeline_error(args.mode)):
        print(f"bench_scale: skipped, the {args.mode} pipeline does not build here: {err}")
        return 0
    from onrecord.batch.worker import resolve_extractor
    from onrecord.model import Document

    base_docs, label = load_corpus(84, args.data)
    print(f"# bench_scale: mode={args.mode}, {label.split(' repeated')[0].split(',')[0]}")
    print(f"# machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"# command: {' '.join([Path(sys.executable).name, *sys.argv])}\n")

    extract = resolve_extractor(args.extractor)
    list(extract(base_docs[:8], mode=args.mode))  # build the pipeline, warm caches
    print(f"{'articles joined':>15} {'chars/text':>10} {'texts':>6} {'ms/text':>9} {'ms/1k chars':>12} {'× row 1':>8}")
    first = None
    for factor in LENGTH_FACTORS:
        texts = []  # every row extracts about the same characters: the 84 texts, joined in groups
        for k in range(0, len(base_docs) - factor + 1, factor):
            texts.append("\n\n".join(d.text for d in base_docs[k : k + factor]))
        docs = [Document(id=f"len{factor}-{i}", text=t) for i, t in enumerate(texts)]
        t0 = time.perf_counter()
        n = sum(1 for _ in extract(iter(docs), mode=args.mode))
        elapsed = time.perf_counter() - t0
        chars = sum(len(d.text) for d in docs) / len(docs)
        per_k = 1000 * elapsed / (sum(len(d.text) for d in docs) / 1000)
        first = first or per_k
        print(f"{factor:>15} {chars:>10,.0f} {n:>6} {1000 * elapsed / n:>9.1f} {per_k:>12.3f} {per_k / first:>7.2f}×")

    print(f"\n{'corpus (2 workers)':>18} {'seconds':>8} {'articles/s':>11} {'× row 1':>8}")
    first = None
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for size in CORPUS_SIZES:
            docs, _ = load_corpus(size, args.data)
            elapsed, _ = run_batch_timed(docs, 2, args.mode, args.extractor, Path(tmp) / f"n{size}")
            rate = size / elapsed
            first = first or rate
            print(f"{size:>18} {elapsed:>8.2f} {rate:>11.1f} {rate / first:>7.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
