"""The content-end re-ranker: candidates, features, re-ranking and fitting on small hand-written texts."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from onrecord.attribution.content_ends import (
    END_RANKER_PATH,
    FEATURES,
    EndRanker,
    TokenView,
    end_candidates,
    end_features,
    end_groups,
    fit_end_ranker,
    load_end_ranker,
    rerank_ends,
)
from onrecord.attribution.tagging import LABELS, Predicted

TOKEN = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")


def tokens_of(text: str) -> np.ndarray:
    """Character offsets of simple word/punctuation tokens (a stand-in for wordpieces)."""
    return np.array([[m.start(), m.end()] for m in TOKEN.finditer(text)], dtype=np.int64)


def labelled(text: str, spans: dict[str, list[tuple[str, str]]], content_prob: dict[str, float] | None = None):
    """Offsets, a BIO path and log probs for ``text``: ``spans[role]`` lists (first, last) words of chunks.

    Every token's chosen label has probability 0.9; ``content_prob`` maps a word to
    the probability of I-CON the tagger gives it while labelling it O.
    """
    offsets = tokens_of(text)
    words = [text[s:e] for s, e in offsets]
    path = np.zeros(len(words), dtype=np.int64)
    for role, chunks in spans.items():
        b = LABELS.index(f"B-{role}")
        for first, last in chunks:
            i = words.index(first)
            j = words.index(last, i)
            path[i] = b
            path[i + 1 : j + 1] = b + 1
    probs = np.full((len(words), len(LABELS)), 0.1 / (len(LABELS) - 1))
    probs[np.arange(len(words)), path] = 0.9
    for word, p in (content_prob or {}).items():
        i = words.index(word)
        probs[i] = (1 - p) / (len(LABELS) - 1)
        probs[i, LABELS.index("I-CON")] = p
    return offsets, path, np.log(probs)


def content_of(text: str, offsets: np.ndarray, path: np.ndarray) -> list[tuple[int, int]]:
    con = np.flatnonzero(path >= LABELS.index("B-CON"))
    return [(int(offsets[con[0], 0]), int(offsets[con[-1], 1]))]


TEXT = "Smith said the claim was a hoax perpetrated by rivals abroad, aides said.\nNext line here."


def test_token_view_words_and_positions() -> None:
    text = "It's un-fair"
    offsets = np.array([[0, 2], [2, 3], [3, 4], [5, 7], [7, 8], [8, 12]])
    view = TokenView.of(text, offsets, np.log(np.full((6, len(LABELS)), 1 / len(LABELS))), np.zeros(6, np.int64))
    assert view.inner.tolist() == [False, False, False, False, False, False]
    glued = TokenView.of("reporters", np.array([[0, 3], [3, 9]]), np.zeros((2, len(LABELS))), np.zeros(2, np.int64))
    assert glued.inner.tolist() == [False, True]
    assert view.end_token(7) == 4 and view.start_token(7) == 4
    assert view.words(0, 6) == 6


def test_candidates_reach_punctuation_and_stop_at_cue_and_line_break() -> None:
    offsets, path, lp = labelled(TEXT, {"SRC": [("Smith", "Smith")], "CUE": [("said", "said")],
                                        "CON": [("the", "hoax")]})
    view = TokenView.of(TEXT, offsets, lp, path)
    words = [TEXT[s:e] for s, e in offsets]
    end = words.index("hoax") + 1
    cands = end_candidates(TEXT, view, end, words.index("the"))
    ends_at = {words[t - 1] for t in cands}
    assert {"hoax", "perpetrated", "by", "rivals", "abroad"} <= ends_at  # within 4 words and at the comma
    assert "aides" not in ends_at  # past the comma, 5 words out and not before punctuation
    assert "Next" not in ends_at and "here" not in ends_at  # never over the line break
    assert "Smith" not in ends_at  # inward, at least one token of the piece stays

    # a cue right after the content blocks any outward move
    offsets, path, lp = labelled(TEXT, {"CUE": [("perpetrated", "perpetrated")], "CON": [("the", "hoax")]})
    view = TokenView.of(TEXT, offsets, lp, path)
    assert max(end_candidates(TEXT, view, end, words.index("the"))) == end


def test_features_measure_what_the_tagger_gives_up() -> None:
    offsets, path, lp = labelled(TEXT, {"CON": [("the", "hoax")]}, content_prob={"perpetrated": 0.45, "by": 0.45})
    view = TokenView.of(TEXT, offsets, lp, path)
    words = [TEXT[s:e] for s, e in offsets]
    end = words.index("hoax") + 1
    same = end_features(TEXT, view, end, end)
    out2 = end_features(TEXT, view, end + 2, end)
    assert len(same) == len(FEATURES)
    named = dict(zip(FEATURES, out2))
    assert same[FEATURES.index("gain")] == 0 and same[FEATURES.index("original")] == 1
    p_content = 0.45 + 0.55 / (len(LABELS) - 1)  # I-CON plus B-CON
    assert named["gain"] == pytest.approx(2 * np.log(p_content / (1 - p_content)))  # two near-even tokens taken in
    assert named["words-out"] == 2 and named["moved-out"] == 1 and named["next-word:capitalised"] == 0
    comma = end_features(TEXT, view, words.index("abroad") + 1, end)
    assert dict(zip(FEATURES, comma))["next-char:comma"] == 1


def ranker_preferring(feature: str, weight: float = 5.0) -> EndRanker:
    w = [0.0] * len(FEATURES)
    w[FEATURES.index(feature)] = weight
    return EndRanker(tuple(w), tuple([0.0] * len(FEATURES)), tuple([1.0] * len(FEATURES)))


def test_rerank_moves_only_the_last_piece_end() -> None:
    offsets, path, lp = labelled(TEXT, {"CUE": [("said", "said")], "CON": [("the", "hoax")]})
    content = content_of(TEXT, offsets, path)
    pred = Predicted(content=[(0, 5), *content], cue=(6, 10), content_prob=0.8)
    assert rerank_ends(TEXT, offsets, lp, path, [pred], None) == [pred]
    [moved] = rerank_ends(TEXT, offsets, lp, path, [pred], ranker_preferring("next-char:comma"))
    assert moved.content[0] == (0, 5)  # other pieces and fields stay
    assert TEXT[moved.content[1][0] : moved.content[1][1]] == "the claim was a hoax perpetrated by rivals abroad"
    assert moved.cue == (6, 10) and moved.content_prob == 0.8
    [kept] = rerank_ends(TEXT, offsets, lp, path, [pred], ranker_preferring("original"))
    assert kept == pred


def test_rerank_can_shorten_but_never_empties_a_piece() -> None:
    text = "She said it was late, very late.\n"
    offsets, path, lp = labelled(text, {"CUE": [("said", "said")], "CON": [("it", "late")]})
    words = [text[s:e] for s, e in offsets]
    path[words.index(","): words.index(".") + 1] = LABELS.index("I-CON")
    content = [(int(offsets[words.index("it"), 0]), int(offsets[words.index("."), 1]))]
    pred = Predicted(content=content)
    [cut] = rerank_ends(text, offsets, lp, path, [pred], ranker_preferring("next-char:comma"))
    # "late" and "late," are one candidate (the scorer trims the comma); the closer to the tagger's end stays
    assert text[cut.content[0][0] : cut.content[0][1]] == "it was late,"
    [short] = rerank_ends(text, offsets, lp, path, [pred], ranker_preferring("words-in", 50.0))
    assert short.content[0][1] > short.content[0][0]


def test_fit_learns_which_candidate_is_right() -> None:
    rng = np.random.default_rng(0)
    groups = []
    for _ in range(200):
        k = int(rng.integers(2, 6))
        feats = rng.normal(size=(k, len(FEATURES)))
        right = int(rng.integers(k))
        feats[right, 0] += 3.0  # "gain" marks the right end
        groups.append((feats, (np.arange(k) == right).astype(float)))
    ranker = fit_end_ranker(groups)
    hits = sum(int(ranker.scores(f).argmax() == int(y.argmax())) for f, y in groups)
    assert hits / len(groups) > 0.9
    assert abs(ranker.weights[0]) == max(abs(w) for w in ranker.weights)
    with pytest.raises(ValueError):
        fit_end_ranker([(np.zeros((1, len(FEATURES))), np.ones(1))])


def test_end_groups_label_candidates_by_gold_end() -> None:
    offsets, path, lp = labelled(TEXT, {"CUE": [("said", "said")], "CON": [("the", "hoax")]})
    pred = Predicted(content=content_of(TEXT, offsets, path))
    gold_end = TEXT.index("abroad") + len("abroad")
    [(feats, labels)] = end_groups(TEXT, offsets, lp, path, [pred, pred], [(1, gold_end), (0, 0)])
    assert feats.shape == (len(labels), len(FEATURES)) and labels.sum() == 1


def test_load_end_ranker(tmp_path) -> None:
    assert load_end_ranker(tmp_path / "none.json") is None
    ranker = ranker_preferring("gain")
    path = tmp_path / "r.json"
    path.write_text(json.dumps(ranker.to_dict()))
    assert load_end_ranker(path) == ranker
    path.write_text(json.dumps({**ranker.to_dict(), "features": ["gain"]}))
    with pytest.raises(ValueError, match="refit"):
        load_end_ranker(path)


def test_shipped_weights_match_the_features() -> None:
    ranker = load_end_ranker(END_RANKER_PATH)
    assert ranker is not None and len(ranker.weights) == len(FEATURES)
    assert all(np.isfinite(ranker.weights)) and all(s > 0 for s in ranker.scale)


@pytest.mark.slow
def test_tagger_stage_loads_the_ranker_unless_told_not_to() -> None:
    from onrecord.attribution.tagger import TaggerStage

    assert TaggerStage(threads=1).end_ranker is not None
    assert TaggerStage(threads=1, end_ranker=False).end_ranker is None
