"""The real PolNeAR dev split (skipped when ../shared/data/polnear is absent)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.evaluate.polnear import read_split

pytestmark = pytest.mark.polnear


def test_dev_gold_is_well_formed(polnear_dir):
    articles = list(read_split(polnear_dir, "dev"))
    assert len(articles) == 84
    assert [a.name for a in articles] == sorted(a.name for a in articles)
    assert len({a.publisher for a in articles}) == 7
    assert all(a.annotator for a in articles)
    for a in articles:
        for att in a.attributions:
            assert att.content and att.cue
            assert all(0 <= s < e <= len(a.text) for s, e in att.content + att.cue + att.source)


def test_evaluate_dev_limit_5(polnear_dir):
    res = CliRunner().invoke(
        main, ["evaluate", "polnear", str(polnear_dir), "--mode", "fast", "--limit", "5", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["articles"] == 5 and d["failures"] == 0
    gold = sum(len(a.attributions) for a in read_split(polnear_dir, "dev", limit=5))
    assert d["exact"]["whole"]["gold"] == gold
    for match in ("exact", "loose"):
        for comp, c in d[match].items():
            assert 0 <= c["tp"] <= min(c["pred"], c["gold"]), (match, comp)
    assert d["loose"]["content"]["tp"] >= d["exact"]["content"]["tp"]
