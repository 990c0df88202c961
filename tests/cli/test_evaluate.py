"""`onrecord evaluate polnear` and `onrecord evaluate gate` on a tiny PolNeAR-shaped corpus of our own.

Extraction is replaced by a regex stand-in (model-free) except in the slow test,
which runs the real fast pipeline in a process pool.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.model import Article, Quote, Span

#: name -> (text, brat annotations, publisher). Gold: 3 attributions; the regex extractor finds 2.
CORPUS = {
    "herald_2016-01-01_budget": (
        "Mayor Lopez said the budget is balanced. Critics believe the numbers are wrong.\n",
        "T1\tSource 0 11\tMayor Lopez\nT2\tCue 12 16\tsaid\nT3\tContent 17 39\tthe budget is balanced\n"
        "T4\tAttribution 12 16\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tSource 41 48\tCritics\nT6\tCue 49 56\tbelieve\nT7\tContent 57 78\tthe numbers are wrong\n"
        "T8\tAttribution 49 56\tbelieve\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n",
        "herald",
    ),
    "gazette_2016-01-02_roads": (
        "Officials said roads were closed.\n",
        "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 32\troads were closed\n"
        "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        "gazette",
    ),
}

SAID = re.compile(r"([A-Z]\w+(?: [A-Z]\w+)*) (said) ([^.]+)\.")


def regex_quotes(text: str) -> tuple[Quote, ...]:
    """'Name said X.' as quotes: a stand-in for the pipeline."""
    out = []
    for i, m in enumerate(SAID.finditer(text), 1):
        out.append(
            Quote(
                id=f"q{i}",
                kind="indirect",
                content=(m.span(3),),
                text=m.group(3),
                cue=Span.of(text, *m.span(2)),
                speaker=Span.of(text, *m.span(1)),
                confidence=0.75,
            )
        )
    return tuple(out)


def fake_extract_documents(documents, mode=None, batch_size=16, join=True):
    for d in documents:
        yield Article(id=d.id, text=d.text, quotes=regex_quotes(d.text))


def empty_extract_documents(documents, mode=None, batch_size=16, join=True):
    for d in documents:
        yield Article(id=d.id, text=d.text)


def write_corpus(root, corpus=CORPUS):
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    rows = ["compartment\tfilename\tannotators\tpublisher"]
    for name, (text, ann, publisher) in corpus.items():
        (root / "dev" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (root / "dev" / "attributions" / f"{name}_0a0a.ann").write_text(ann, encoding="utf-8")
        rows.append(f"dev\t{name}\t0a0a\t{publisher}")
    (root / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


@pytest.fixture
def tiny_polnear(tmp_path):
    return write_corpus(tmp_path / "polnear")


@pytest.fixture
def regex_extractor(monkeypatch):
    import onrecord.api

    monkeypatch.setattr(onrecord.api, "extract_documents", fake_extract_documents)


@pytest.fixture
def empty_extractor(monkeypatch):
    import onrecord.api

    monkeypatch.setattr(onrecord.api, "extract_documents", empty_extract_documents)


@pytest.fixture
def runner():
    return CliRunner()


def test_polnear_table_scores_the_stand_in(runner, tiny_polnear, regex_extractor):
    res = runner.invoke(main, ["evaluate", "polnear", str(tiny_polnear), "--mode", "fast"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert "2 articles" in lines[0] and "mode fast" in lines[0]
    # 3 gold attributions, 2 predicted, both right: P 100, R 66.7, F1 80 in every row
    for comp in ("source", "cue", "content", "whole"):
        row = next(line for line in lines if line.startswith(comp))
        assert row.split()[1:] == ["100.0", "66.7", "80.0", "100.0", "66.7", "80.0"], row
    herald = next(line for line in lines if line.startswith("herald"))
    gazette = next(line for line in lines if line.startswith("gazette"))
    assert herald.split()[1:] == ["66.7"] * 4
    assert gazette.split()[1:] == ["100.0"] * 4
    assert "ECE" in lines[-1]


def test_polnear_json_with_limit(runner, tiny_polnear, regex_extractor):
    res = runner.invoke(main, ["evaluate", "polnear", str(tiny_polnear), "--format", "json", "--limit", "1"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["articles"] == 1 and d["split"] == "dev" and d["limit"] == 1
    # the first article in name order is gazette's: 1 gold, 1 right
    assert d["exact"]["content"] == {"p": 100.0, "r": 100.0, "f1": 100.0, "tp": 1, "pred": 1, "gold": 1}
    assert d["ece"] == pytest.approx(0.25)
    assert list(d["by_publisher"]) == ["gazette"]


def test_polnear_without_quotes_reports_zeros(runner, tiny_polnear, empty_extractor):
    res = runner.invoke(main, ["evaluate", "polnear", str(tiny_polnear), "--format", "json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["exact"]["whole"]["f1"] == 0.0 and d["exact"]["whole"]["gold"] == 3
    assert d["ece"] is None


def test_polnear_missing_split_is_a_usage_error(runner, tmp_path):
    res = runner.invoke(main, ["evaluate", "polnear", str(tmp_path)])
    assert res.exit_code == 2
    assert "no PolNeAR split" in res.output


def gate(runner, floors, data, *extra):
    return runner.invoke(main, ["evaluate", "gate", "--floors", str(floors), "--data", str(data), "--mode", "fast", *extra])


def test_gate_skips_when_the_corpus_is_absent(runner, tmp_path):
    res = gate(runner, tmp_path / "floors.json", tmp_path / "nowhere")
    assert res.exit_code == 0
    assert "gate skipped" in res.output
    assert not (tmp_path / "floors.json").exists()


def test_gate_without_floors_asks_for_raise(runner, tmp_path, tiny_polnear, regex_extractor):
    res = gate(runner, tmp_path / "floors.json", tiny_polnear)
    assert res.exit_code == 1
    assert "--raise-floors" in res.output


def test_gate_raise_then_pass_then_fail_on_a_drop(runner, tmp_path, tiny_polnear, monkeypatch):
    import onrecord.api

    floors = tmp_path / "floors.json"
    monkeypatch.setattr(onrecord.api, "extract_documents", fake_extract_documents)
    res = gate(runner, floors, tiny_polnear, "--raise-floors")
    assert res.exit_code == 0, res.output
    written = json.loads(floors.read_text())
    assert written["mode"] == "fast" and written["floors"]["content.exact"] == 80.0
    assert written["gold_sha256"] and written["date"]

    res = gate(runner, floors, tiny_polnear)
    assert res.exit_code == 0, res.output
    assert "gate passed" in res.output

    monkeypatch.setattr(onrecord.api, "extract_documents", empty_extract_documents)
    res = gate(runner, floors, tiny_polnear)
    assert res.exit_code == 1
    assert "content.exact: F1 0.00 is 80.00 below its floor 80.00" in res.output

    # raising with worse figures lowers nothing, and the gate still fails
    res = gate(runner, floors, tiny_polnear, "--raise-floors")
    assert res.exit_code == 1
    assert json.loads(floors.read_text())["floors"] == written["floors"]


def test_gate_refuses_hand_lowered_floors(runner, tmp_path, tiny_polnear, regex_extractor):
    floors = tmp_path / "floors.json"
    assert gate(runner, floors, tiny_polnear, "--raise-floors").exit_code == 0
    d = json.loads(floors.read_text())
    d["floors"]["content.exact"] = 10.0
    floors.write_text(json.dumps(d))
    res = gate(runner, floors, tiny_polnear)
    assert res.exit_code == 1
    assert "edited by hand" in res.output


def test_gate_reports_changed_gold(runner, tmp_path, tiny_polnear, regex_extractor):
    floors = tmp_path / "floors.json"
    assert gate(runner, floors, tiny_polnear, "--raise-floors").exit_code == 0
    ann = tiny_polnear / "dev" / "attributions" / "gazette_2016-01-02_roads_0a0a.ann"
    ann.write_text(ann.read_text() + "#1\tAnnotatorNotes T1\tchecked\n", encoding="utf-8")
    res = gate(runner, floors, tiny_polnear)
    assert res.exit_code == 0, res.output
    assert "gold data changed" in res.output


@pytest.mark.slow
def test_polnear_runs_the_real_fast_pipeline_in_two_processes(runner, tiny_polnear):
    res = runner.invoke(
        main, ["evaluate", "polnear", str(tiny_polnear), "--mode", "fast", "--jobs", "2", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["articles"] == 2 and d["failures"] == 0
    assert d["exact"]["whole"]["gold"] == 3
