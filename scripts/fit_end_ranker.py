"""Fit the content-end re-ranker (onrecord.attribution.content_ends) on PolNeAR dev and measure it 2-fold.

Usage::

    .venv/bin/python scripts/fit_end_ranker.py [--data ../shared/data/polnear] [--write]

Runs clean, quotes and the tagger (without the re-ranker) once per dev
article, keeping each decoded run's label log probabilities and path. Then:

- 2-fold: fits on the even-numbered articles (half A) and re-ranks the odd
  ones (B), and the reverse; each half is scored through the rest of accurate
  mode (merge with boundary corrections, resolve) with the project's scorer,
  beside the same halves without the re-ranker. These are the honest figures.
- all: fits on the whole of dev; with ``--write`` stores the weights in
  ``onrecord/attribution/model/end_ranker.json`` (dev figures after that are
  optimistic: the model saw them).

The tagger was trained on PolNeAR train, where its boundaries are nearly
perfect, so train cannot teach the re-ranker where the tagger goes wrong;
hence dev. Reads PolNeAR from its shared folder at run time; nothing of it is
written anywhere.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from onrecord.attribution.content_ends import (  # noqa: E402
    END_RANKER_PATH,
    EndRanker,
    end_groups,
    fit_end_ranker,
    rerank_ends,
)
from onrecord.attribution.tagger import QuotedLetters, TaggerStage, candidate_of, quote_ranges  # noqa: E402
from onrecord.evaluate.polnear import read_split  # noqa: E402
from onrecord.evaluate.run import find_polnear  # noqa: E402
from onrecord.evaluate.scorer import COMPONENTS, Prediction, jaccard, normalize_span, score_article, sum_scores  # noqa: E402
from onrecord.model import Document  # noqa: E402
from onrecord.pipeline import load_stage, number_candidates, work_from_document  # noqa: E402

#: Least character Jaccard for a predicted content to learn from a gold one (hand-set).
MATCH_JACCARD = 0.3


class RecordingTagger(TaggerStage):
    """The tagger without the re-ranker, keeping what the re-ranker reads."""

    def __init__(self) -> None:
        super().__init__(end_ranker=False, threads=2)
        self.runs: list[tuple] = []

    def _attributions(self, text, enc, spans, logits, q, k, log_probs, path):  # noqa: ANN001, ANN202
        found = super()._attributions(text, enc, spans, logits, q, k, log_probs, path)
        self.runs.append((enc.offsets, log_probs, path, found))
        return found


def tag_split(root: Path) -> list[dict]:
    """Each dev article: its work before the tagger, the tagger's runs, its gold."""
    head = [load_stage("clean"), load_stage("quotes")]
    tagger = RecordingTagger()
    out = []
    for art in read_split(root, "dev"):
        work = work_from_document(Document(id=art.name, text=art.text))
        for stage in head:
            stage(work)
        before = copy.deepcopy(work)
        tagger.runs = []
        tagger(work)
        out.append({"work": before, "runs": tagger.runs, "gold": art.attributions, "publisher": art.publisher,
                    "calibration": tagger.calibration})
    return out


def groups_of(articles: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Training groups of the given articles (each prediction against the gold content it overlaps most)."""
    out = []
    for a in articles:
        text = a["work"].text
        gold = [k for k in (normalize_span(text, g.content) for g in a["gold"]) if k]
        for offsets, lp, path, found in a["runs"]:
            ends = []
            for p in found:
                key = normalize_span(text, p.content)
                best = max(gold, key=lambda g: jaccard(key, g), default=None) if key else None
                ok = best is not None and jaccard(key, best) >= MATCH_JACCARD
                ends.append((1, best[-1][1]) if ok else (0, 0))
            out.extend(end_groups(text, offsets, lp, path, found, ends))
    return out


def score(articles: list[dict], rankers: list[EndRanker | None], stages: list) -> object:
    """Scores of the articles through the stages after the tagger, article i re-ranked by ``rankers[i]``."""
    pairs = []
    for a, ranker in zip(articles, rankers):
        work = copy.deepcopy(a["work"])
        found = [p for offsets, lp, path, f in a["runs"] for p in rerank_ends(work.text, offsets, lp, path, f, ranker)]
        letters = QuotedLetters(work.text, quote_ranges(work.quotations))
        work.candidates = [candidate_of(work, p, a["calibration"], letters) for p in found]
        number_candidates(work)
        for stage in stages:
            stage(work)
            number_candidates(work)
        preds = [Prediction(tuple(c.content), (c.cue,) if c.cue else (), (c.speaker,) if c.speaker else (),
                            c.confidence) for c in work.candidates]
        pairs.append((a["publisher"], score_article(work.text, a["gold"], preds)))
    return sum_scores(pairs)


def row(label: str, scores: object) -> str:
    cells = [f"{scores.f1(c, m):.1f}" for m in ("exact", "loose") for c in (*COMPONENTS, "whole")]
    return f"| {label} | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", action="store_true", help=f"store the all-dev fit in {END_RANKER_PATH}")
    args = parser.parse_args(argv)
    root = find_polnear(args.data)
    if root is None or not (Path(root) / "dev").is_dir():
        print("PolNeAR dev not found (--data)", file=sys.stderr)
        return 2
    t0 = time.time()
    arts = tag_split(Path(root))
    print(f"tagged {len(arts)} dev articles in {time.time() - t0:.1f} s", file=sys.stderr)
    halves = [arts[0::2], arts[1::2]]
    fits = [fit_end_ranker(groups_of(h), args.l2) for h in halves]
    stages = [load_stage("merge"), load_stage("resolve")]
    print("| dev | source | cue | content | whole | source loose | cue loose | content loose | whole loose |")
    print("|---|---|---|---|---|---|---|---|---|")
    for i, name in enumerate("AB"):
        print(row(f"{name}, tagger ends", score(halves[i], [None] * len(halves[i]), stages)))
        print(row(f"{name}, re-ranked (fitted on {'BA'[i]})", score(halves[i], [fits[1 - i]] * len(halves[i]), stages)))
    crossed = [fits[1 - i % 2] for i in range(len(arts))]
    print(row("all, tagger ends", score(arts, [None] * len(arts), stages)))
    print(row("all, re-ranked 2-fold (each half fitted on the other)", score(arts, crossed, stages)))
    full = fit_end_ranker(groups_of(arts), args.l2)
    print(row("all, re-ranked (fitted on all of dev: optimistic)", score(arts, [full] * len(arts), stages)))
    if args.write:
        info = {"about": "content-end re-ranker of onrecord.attribution.content_ends; fitted on PolNeAR dev "
                         "(all 84 articles) by scripts/fit_end_ranker.py with the shipped tagger; "
                         "see MODEL_CARD.md", "l2": args.l2, **full.to_dict()}
        END_RANKER_PATH.write_text(json.dumps(info, indent=1) + "\n")
        print(f"wrote {END_RANKER_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
