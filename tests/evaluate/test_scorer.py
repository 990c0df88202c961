"""The scorer's protocol on gold/prediction pairs written here (no corpus, no model)."""

from __future__ import annotations

import pytest

from onrecord.evaluate.polnear import GoldAttribution
from onrecord.evaluate.scorer import (
    Counts,
    Prediction,
    expected_calibration_error,
    jaccard,
    match_loose,
    normalize_span,
    prediction_from_quote,
    score_article,
    sum_scores,
    trim_range,
)
from onrecord.model import Quote, Span

TEXT = 'The senator said on Tuesday: “We will not back down, whatever it costs.” Aides said she was tired.'


def at(sub: str, text: str = TEXT) -> tuple[tuple[int, int], ...]:
    i = text.index(sub)
    return ((i, i + len(sub)),)


def gold(content: str, cue: str, source: str | None) -> GoldAttribution:
    return GoldAttribution(content=at(content), cue=at(cue), source=at(source) if source else ())


def pred(content, cue, source, confidence=0.9) -> Prediction:
    return Prediction(content=content, cue=cue, source=source, confidence=confidence)


G1 = gold("“We will not back down, whatever it costs.”", "said on", "The senator")
G2 = gold("she was tired", "said", "Aides")


def f1s(score, match="exact"):
    return {k: round(v.f1, 4) for k, v in getattr(score, match).items()}


def test_trimming_ignores_quotation_marks_spaces_and_edge_punctuation():
    s, e = trim_range(TEXT, *at(" “We will not back down, whatever it costs.” ")[0])
    assert TEXT[s:e] == "We will not back down, whatever it costs"
    assert normalize_span(TEXT, at("“We will not back down")) == normalize_span(TEXT, at("We will not back down,"))


def test_exact_match_on_perfect_predictions_and_trimmed_variants():
    p1 = pred(at("We will not back down, whatever it costs"), at("said on"), at("The senator"))
    p2 = pred(at("she was tired."), at("said"), at("Aides "))
    score = score_article(TEXT, [G1, G2], [p1, p2])
    assert f1s(score) == {"source": 1.0, "cue": 1.0, "content": 1.0, "whole": 1.0}


def test_loose_but_not_exact_when_boundaries_differ():
    # content missing its last three words: Jaccard well above 0.5, not exact
    p1 = pred(at("We will not back down, whatever"), at("said on"), at("The senator"))
    score = score_article(TEXT, [G1], [p1])
    assert score.exact["content"] == Counts(0, 1, 1)
    assert score.loose["content"] == Counts(1, 1, 1)
    assert score.exact["whole"].tp == 0 and score.loose["whole"].tp == 1


def test_loose_needs_half_the_characters():
    short = pred(at("We will"), at("said on"), at("The senator"))
    score = score_article(TEXT, [G1], [short])
    assert score.loose["content"].tp == 0
    assert jaccard(((0, 10),), ((0, 5),)) == 0.5
    assert jaccard(((0, 10),), ((0, 4),)) < 0.5


def test_discontinuous_spans_are_compared_fragment_by_fragment():
    text = '“We will win,” she said, “and soon.”'
    g = GoldAttribution(content=at("We will win,", text) + at("and soon.", text), cue=at("said", text), source=at("she", text))
    # same fragments with different edge punctuation: exact
    same = pred(at("“We will win", text) + at("and soon", text), at("said", text), at("she", text))
    # one range across the attribution: not exact (it includes "she said"), but loose
    across = pred(at("We will win,” she said, “and soon", text), at("said", text), at("she", text))
    assert score_article(text, [g], [same]).exact["content"].tp == 1
    s = score_article(text, [g], [across])
    assert s.exact["content"].tp == 0 and s.loose["content"].tp == 1


def test_fragments_split_only_by_a_line_break_equal_one_range():
    text = "He said the plan\n\nwould work."
    g = GoldAttribution(content=((8, 16), (18, 28)), cue=at("said", text), source=at("He", text))
    p = pred(((8, 28),), at("said", text), at("He", text))
    assert score_article(text, [g], [p]).exact["whole"].tp == 1


def test_one_to_one_matching_counts_a_gold_span_once():
    # two predictions overlapping the same gold content: one match, one false positive
    p1 = pred(at("We will not back down, whatever it costs"), at("said on"), at("The senator"))
    p2 = pred(at("We will not back down, whatever"), (), ())
    score = score_article(TEXT, [G1], [p1, p2])
    assert score.loose["content"] == Counts(1, 2, 1)
    assert score.exact["content"] == Counts(1, 2, 1)


def test_loose_matching_is_maximum_not_greedy():
    gold_keys = [((0, 10),), ((2, 12),)]  # A, B
    preds = [((0, 10),), ((0, 7),)]  # X: A's best partner (1.0) and B's only one; Y: A's second (0.7)
    assert jaccard(gold_keys[1], preds[0]) >= 0.5 > jaccard(gold_keys[1], preds[1])
    # greedy best-overlap-first pairs A-X and leaves B alone; the maximum matching pairs A-Y and B-X
    assert match_loose(gold_keys, preds) == 2
    assert match_loose(gold_keys[::-1], preds[::-1]) == 2


def test_missing_source_equals_missing_source_for_the_whole_attribution():
    g = gold("she was tired", "said", None)
    p_none = pred(at("she was tired"), at("said"), ())
    p_some = pred(at("she was tired"), at("said"), at("Aides"))
    assert score_article(TEXT, [g], [p_none]).exact["whole"].tp == 1
    s = score_article(TEXT, [g], [p_some])
    assert s.exact["whole"].tp == 0
    assert s.exact["source"] == Counts(0, 1, 0)


def test_no_predictions_score_zero_without_error():
    s = score_article(TEXT, [G1, G2], [])
    assert all(c.f1 == 0.0 and c.gold > 0 for c in s.exact.values())
    assert expected_calibration_error(s.calibration) is None


def test_ece_and_publisher_sums():
    good = pred(at("she was tired"), at("said"), at("Aides"), confidence=0.8)
    bad = pred(at("The senator said"), at("said on"), (), confidence=0.8)
    s = score_article(TEXT, [G2], [good, bad])
    assert s.calibration == ((0.8, True), (0.8, False))
    assert expected_calibration_error(s.calibration) == pytest.approx(0.3)
    total = sum_scores([("a", s), ("b", s), ("a", s)])
    assert total.articles == 3
    assert total.by_publisher["a"].exact["whole"] == Counts(2, 4, 2)
    d = total.to_dict()
    assert d["exact"]["whole"]["f1"] == pytest.approx(100 * 2 * 0.5 * 1 / 1.5, abs=0.01)
    assert set(d["by_publisher"]) == {"a", "b"}


def test_prediction_from_quote_reads_content_cue_and_speaker():
    q = Quote(
        id="q1", kind="indirect", content=((58, 71),), text="she was tired",
        cue=Span(52, 56, "said"), speaker=Span(46, 51, "Aides"), confidence=0.7,
    )
    p = prediction_from_quote(q)
    assert p == Prediction(content=((58, 71),), cue=((52, 56),), source=((46, 51),), confidence=0.7)
    assert prediction_from_quote(Quote(id="q2", kind="direct", content=((0, 3),), text="The")).source == ()
