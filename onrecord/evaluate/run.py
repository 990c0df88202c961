"""Run onrecord over a PolNeAR split and score it; format the result for people.

This is the library behind ``onrecord evaluate polnear`` and the quality gate.
Extraction goes through :func:`onrecord.api.extract_documents`, in this
process or, with ``jobs > 1``, in a pool of worker processes (each builds its
pipeline once). Articles stream through; a document that fails to extract is
scored as predicting nothing and counted in ``failures``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from .polnear import GoldArticle, gold_sha256, read_split
from .scorer import COMPONENTS, Counts, Prediction, Scores, expected_calibration_error, score_article, sum_scores

__all__ = ["DEFAULT_POLNEAR", "evaluate_polnear", "find_polnear", "format_scores"]

#: Where the shared corpus sits relative to the repository root (shared/data/polnear/README.md).
DEFAULT_POLNEAR = Path("..") / "shared" / "data" / "polnear"
#: Environment variable naming the PolNeAR folder, checked first.
POLNEAR_ENV = "ONRECORD_POLNEAR"
#: Articles a worker extracts per task: large enough to use batching, small enough to balance 2 cores.
CHUNK = 4

Outcome = tuple[Prediction, ...] | str


def find_polnear(explicit: str | Path | None = None) -> Path | None:
    """Return the PolNeAR folder: ``explicit``, ``$ONRECORD_POLNEAR``, or ``../shared/data/polnear``.

    The default is tried relative to the working directory, then relative to
    the repository holding this package. Returns None when none exists (an
    ``explicit`` path is returned as given, existing or not).
    """
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get(POLNEAR_ENV)
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[2]
    for candidate in (DEFAULT_POLNEAR, repo / DEFAULT_POLNEAR):
        if (candidate / "dev").is_dir():
            return candidate
    return None


def predict_articles(items: list[tuple[str, str]], mode: str | None) -> list[Outcome]:
    """Extract ``(name, text)`` items; return each one's predictions, or its error message."""
    from ..api import extract_documents
    from ..model import Document
    from ..pipeline import Failure
    from .scorer import prediction_from_quote

    docs = [Document(id=name, text=text) for name, text in items]
    out: list[Outcome] = []
    # one quote per cue: PolNeAR annotates "said … and warned that …" as two attributions, which extract
    # joins into one statement for readers (onrecord.attribution.join)
    for result in extract_documents(docs, mode=mode, join=False):
        if isinstance(result, Failure):
            out.append(result.error)
        else:
            out.append(tuple(prediction_from_quote(q) for q in result.quotes))
    return out


def _chunks(articles: Iterator[GoldArticle], size: int) -> Iterator[list[GoldArticle]]:
    chunk: list[GoldArticle] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _predicted(
    articles: Iterator[GoldArticle], mode: str | None, jobs: int
) -> Iterator[tuple[GoldArticle, Outcome]]:
    """Yield each gold article with its predictions, in order."""
    if jobs <= 1:
        for chunk in _chunks(articles, CHUNK):
            yield from zip(chunk, predict_articles([(a.name, a.text) for a in chunk], mode), strict=True)
        return
    # spawn: workers must not inherit a half-initialised spaCy or torch from the parent
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        pending: list[tuple[list[GoldArticle], Future[list[Outcome]]]] = []
        for chunk in _chunks(articles, CHUNK):
            pending.append((chunk, pool.submit(predict_articles, [(a.name, a.text) for a in chunk], mode)))
            while len(pending) > 2 * jobs:
                done, fut = pending.pop(0)
                yield from zip(done, fut.result(), strict=True)
        for done, fut in pending:
            yield from zip(done, fut.result(), strict=True)


def evaluate_polnear(
    root: str | Path,
    split: str = "dev",
    mode: str | None = None,
    limit: int | None = None,
    jobs: int = 1,
) -> Scores:
    """Extract every article of a PolNeAR split with onrecord and score it.

    Args:
        root: the PolNeAR folder.
        split: ``dev`` or ``train``.
        mode: the pipeline mode (``fast``, ``rules``, ``accurate``); None for the default.
        limit: score only the first ``limit`` articles (in name order).
        jobs: worker processes; 1 extracts in this process.

    Returns:
        The scores, with ``info`` saying what was run (split, mode, gold hash, timing).

    Raises:
        FileNotFoundError: the split is not there.
    """
    from ..pipeline import DEFAULT_MODE

    started = time.perf_counter()
    failures = 0
    scored = []
    for gold, outcome in _predicted(read_split(root, split, limit=limit), mode, max(1, jobs)):
        if isinstance(outcome, str):
            failures += 1
            outcome = ()
        scored.append((gold.publisher, score_article(gold.text, gold.attributions, outcome)))
    elapsed = time.perf_counter() - started
    info = {
        "corpus": "polnear",
        "split": split,
        "mode": mode or DEFAULT_MODE,
        "limit": limit,
        "gold_sha256": gold_sha256(root, split),
        "seconds": round(elapsed, 2),
        "articles_per_s": round(len(scored) / elapsed, 2) if elapsed > 0 else None,
    }
    return sum_scores(scored, failures=failures, info=info)


def _row(name: str, exact: Counts, loose: Counts) -> str:
    cells = [100 * x for c in (exact, loose) for x in (c.precision, c.recall, c.f1)]
    return f"{name:<9}" + "".join(f"{v:7.1f}" for v in cells[:3]) + "  " + "".join(f"{v:7.1f}" for v in cells[3:])


def format_scores(scores: Scores) -> str:
    """Format scores as a short table for people: totals, F1 per publisher, ECE."""
    info = scores.info
    head = (
        f"PolNeAR {info.get('split', '?')}  mode {info.get('mode', '?')}  "
        f"{scores.articles} articles"
        + (f" ({scores.failures} failed)" if scores.failures else "")
        + (f"  {info['seconds']} s" if "seconds" in info else "")
    )
    lines = [
        head,
        f"{'':<9}{'exact':>21}  {'loose':>21}",
        f"{'':<9}" + "".join(f"{h:>7}" for h in ("P", "R", "F1")) + "  " + "".join(f"{h:>7}" for h in ("P", "R", "F1")),
    ]
    rows = (*COMPONENTS, "whole")
    for comp in rows:
        lines.append(_row(comp, scores.total.exact.get(comp, Counts()), scores.total.loose.get(comp, Counts())))
    lines.append("")
    lines.append("exact F1 by publisher")
    lines.append(f"{'':<14}" + "".join(f"{c:>9}" for c in rows))
    for pub, s in sorted(scores.by_publisher.items()):
        lines.append(f"{pub:<14}" + "".join(f"{100 * s.exact.get(c, Counts()).f1:9.1f}" for c in rows))
    lines.append("")
    ece = expected_calibration_error(scores.total.calibration)
    ece_c = expected_calibration_error(scores.total.calibration_content)
    fmt = lambda v: "n/a (no predictions)" if v is None else f"{v:.3f}"  # noqa: E731
    lines.append(f"ECE (10 bins): whole attribution {fmt(ece)}; content {fmt(ece_c)}")
    return "\n".join(lines)
