"""Score each merge policy of onrecord.attribution.merge on a PolNeAR split (dev by default).

Usage::

    .venv/bin/python scripts/merge_policies.py [--data ../shared/data/polnear] [--split dev]

Runs clean, quotes, the tagger and the fast rules once per article, then
merges with each policy and scores with the project's scorer (exact F1 of
source, cue, content and the whole attribution; loose content F1; ECE). The
table in model/MODEL_CARD.md comes from here. Reads PolNeAR from its shared
folder at run time; nothing of it is written anywhere.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from onrecord.attribution.merge import DIRECT_RULES, MergePolicy, merge_candidates  # noqa: E402
from onrecord.attribution.rules import find_candidates  # noqa: E402
from onrecord.evaluate.polnear import read_split  # noqa: E402
from onrecord.evaluate.run import find_polnear  # noqa: E402
from onrecord.evaluate.scorer import Prediction, expected_calibration_error, score_article, sum_scores  # noqa: E402
from onrecord.pipeline import load_stage  # noqa: E402
from onrecord.work import Work  # noqa: E402

NONE: frozenset[str] = frozenset()
#: Policies in table order: name -> MergePolicy (None: the tagger alone).
POLICIES: dict[str, MergePolicy | None] = {
    "tagger alone": None,
    "junk dropped": MergePolicy(quote_content=False, extend_source=NONE),
    "+ quote content, cues need not agree": MergePolicy(agree=False, extend_source=NONE),
    "+ quote content (cues agree)": MergePolicy(extend_source=NONE),
    "+ quote content, 30 letters outside allowed": MergePolicy(extend_source=NONE, max_outside=30),
    "+ cut-short names extended (default)": MergePolicy(),
    "+ missing cue/source filled": MergePolicy(fill_cue_source=DIRECT_RULES),
    **{f"+ rule cue+source preferred: {r}": MergePolicy(prefer_cue_source=frozenset({r}))
       for r in ("quote-speaker-cue", "quote-cue-speaker", "speaker-cue-colon-quote")},
    "+ rule cue preferred: quote-speaker-cue": MergePolicy(prefer_cue=frozenset({"quote-speaker-cue"})),
    **{f"+ added where tagger has none: {r}": MergePolicy(add=frozenset({r}))
       for r in ("quote-speaker-cue", "speaker-cue-colon-quote", "quote-unattributed", "reported-that",
                 "reported-clause", "according-to")},
}


def predictions(cands: list) -> tuple[Prediction, ...]:
    return tuple(Prediction(content=tuple(c.content), cue=(c.cue,) if c.cue else (),
                            source=(c.speaker,) if c.speaker else (), confidence=c.confidence) for c in cands)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--split", default="dev")
    args = parser.parse_args(argv)
    root = find_polnear(args.data)
    if root is None or not (Path(root) / args.split).is_dir():
        print("PolNeAR not found; nothing to score", file=sys.stderr)
        return 0
    clean, quotes, tagger = load_stage("clean"), load_stage("quotes"), load_stage("tagger")
    golds = list(read_split(root, args.split))
    works = [Work(id=g.name, text=g.text) for g in golds]
    for w in works:
        clean(w)
        quotes(w)
    for i in range(0, len(works), 8):
        tagger.pipe(works[i : i + 8])
    ruled = [find_candidates(w.clean, w.paragraphs, w.quotations) for w in works]
    print(f"PolNeAR {args.split}, {len(works)} articles; exact F1 (loose content F1), ECE of whole attribution")
    print(f"| policy | source | cue | content | whole | content loose | ECE |\n|{'---|' * 7}")
    for name, policy in POLICIES.items():
        scored = []
        for g, w, r in zip(golds, works, ruled, strict=True):
            cands = w.candidates if policy is None else merge_candidates(w.text, w.candidates, r, w.junk, policy)
            scored.append((g.publisher, score_article(g.text, g.attributions, predictions(cands))))
        total = sum_scores(scored, failures=0, info={}).total
        f1 = [100 * total.exact[c].f1 for c in ("source", "cue", "content", "whole")]
        ece = expected_calibration_error(total.calibration)
        print(f"| {name} | " + " | ".join(f"{v:.2f}" for v in f1)
              + f" | {100 * total.loose['content'].f1:.2f} | {ece:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
