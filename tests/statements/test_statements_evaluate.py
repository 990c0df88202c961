"""`onrecord evaluate statements` and its scorer, on our gold cases (tests/cases/statements.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import onrecord.cli.evaluate_statements  # noqa: F401  (registers the command until cli/__init__ imports it)
from onrecord.cli import main
from onrecord.errors import EvaluationError
from onrecord.evaluate.statements import (
    FIELDS,
    align_quotes,
    default_cases_path,
    evaluate_statements,
    read_cases,
    run_case,
    score_case,
)
from onrecord.model import Article, Entity, Link, Quote

CASES_FILE = Path(__file__).resolve().parents[1] / "cases" / "statements.jsonl"
CASES = read_cases(CASES_FILE)
#: A second round written after the first was tuned, scored once before any change (see the report).
ROUND2 = read_cases(CASES_FILE.with_name("statements_round2.jsonl"))
#: Retractions that point back by "my comments", "the statement from his website" or a pronoun, and one
#: by another speaker that must not link (written for the within-article link fix).
RETRACTIONS = read_cases(CASES_FILE.with_name("statements_retractions.jsonl"))


def test_gold_set_is_big_enough_and_covers_every_field():
    quotes = [q for c in CASES for q in c.quotes]
    assert len(quotes) >= 30
    assert {q.act for q in quotes} >= {"statement", "retraction", "apology", "denial", "resignation", "accusation"}
    assert sum(q.channel is not None for q in quotes) >= 20
    assert sum(len(q.about) for q in quotes) >= 20
    assert {t for c in CASES for t, _, _ in c.links} == {"retracts", "apologises_for", "denies", "repeats"}
    assert default_cases_path() == CASES_FILE


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c.id, marks=pytest.mark.xfail(strict=True, reason=c.reason))
        if c.expect == "fail"
        else pytest.param(c, id=c.id)
        for c in CASES + ROUND2 + RETRACTIONS
    ],
)
def test_statements_stage_on_gold_quotes(case):
    """The stage alone (oracle quotes, speakers and entities) gets every act, channel, target and link."""
    result = run_case(case, oracle=True)
    assert result.perfect, result.errors


def test_known_failures_say_why():
    assert all(c.reason for c in CASES + ROUND2 + RETRACTIONS if c.expect == "fail")
    assert len({c.id for c in CASES + ROUND2 + RETRACTIONS}) == len(CASES) + len(ROUND2) + len(RETRACTIONS)


def test_alignment_is_one_to_one_by_overlap():
    gold = [[(0, 20)], [(30, 40)]]
    pred = [[(0, 19)], [(2, 18)], [(31, 40)], [(100, 120)]]
    assert align_quotes(gold, pred) == {0: 0, 2: 1}


def test_scoring_counts_each_field():
    case = CASES[0]
    text = case.text
    g = case.quotes
    quotes = (
        Quote("q1", "direct", g[0].content, "", act="defence", channel="website", about=("e2",)),
        Quote("q2", "indirect", g[1].content, "", act="statement", channel="Twitter", about=("e2", "e1")),
        Quote("q3", "direct", ((0, 9),), "", act="denial", channel="BBC"),
    )
    article = Article(
        "a", text, quotes=quotes, entities=(Entity("e1", "Hugh Fenwick"), Entity("e2", "Corrie")),
        links=(Link("retracts", "q2", "q1"), Link("denies", "q3", "q1")),
    )
    result = score_case(case, article)
    c = result.counts
    assert (c["acts"].tp, c["acts"].pred, c["acts"].gold) == (1, 2, 3)
    assert (c["marked acts"].tp, c["marked acts"].pred) == (1, 2)  # the unaligned denial is a false positive
    assert (c["channels"].tp, c["channels"].pred, c["channels"].gold) == (2, 3, 3)
    assert (c["targets"].tp, c["targets"].pred, c["targets"].gold) == (2, 3, 2)
    assert (c["links"].tp, c["links"].pred, c["links"].gold) == (1, 2, 3)
    assert not result.perfect
    assert "quote 2 not found" in result.errors


def test_bad_case_files_are_reported(tmp_path):
    missing = tmp_path / "none.jsonl"
    with pytest.raises(EvaluationError, match="cannot read"):
        read_cases(missing)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "He said hi.", "quotes": [{"content": "bye"}]}) + "\n")
    with pytest.raises(EvaluationError, match="not in the text"):
        read_cases(bad)


def test_oracle_scores_are_reported():
    scores = evaluate_statements(CASES, oracle=True).to_dict()
    assert scores["mode"] == "oracle"
    assert scores["aligned_quotes"] == scores["gold_quotes"]
    assert set(scores["scores"]) == set(FIELDS)
    assert all(0.0 <= s["precision"] <= 1.0 and 0.0 <= s["recall"] <= 1.0 for s in scores["scores"].values())


def test_cli_reports_a_table(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "statements", "--oracle"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("statements (oracle):")
    for field in FIELDS:
        assert any(line.startswith(field) for line in result.output.splitlines())


def test_cli_end_to_end_fast_reports_numbers():
    result = CliRunner().invoke(main, ["evaluate", "statements", "--mode", "fast", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["mode"] == "fast"
    assert report["cases"] == len(CASES)
    assert report["gold_quotes"] == sum(len(c.quotes) for c in CASES)
    for field in FIELDS:
        assert report["scores"][field]["gold"] > 0


def test_cli_rejects_a_missing_case_file(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "statements", "--cases", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
    assert "cannot read gold cases" in result.output


@pytest.mark.slow
def test_cli_end_to_end_default_mode():
    result = CliRunner().invoke(main, ["evaluate", "statements", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["aligned_quotes"] > 0
    assert report["scores"]["links"]["matched"] > 0
