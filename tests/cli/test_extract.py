"""`onrecord extract`: formats and exit codes (0 all worked, 1 some failed, 2 usage)."""

import json

import pytest
from click.testing import CliRunner

from onrecord.cli import main

ARTICLE = (
    "Tory MP Crispin Blunt has apologised.\n\n"
    '"I was wrong to say that," Mr Blunt said. "I withdraw it."\n\n'
    "Khan's legal team said he plans to appeal.\n"
)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "blunt.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_json_record_uses_file_stem_and_offsets_into_input(runner, article):
    res = runner.invoke(main, ["extract", str(article), "--format", "json", "--mode", "fast"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["id"] == "blunt"
    assert rec["quotes"], "the direct quote must be found"
    for q in rec["quotes"]:
        assert q["text"] == " ".join(ARTICLE[s:e] for s, e in q["content"])
    assert any("I was wrong" in q["text"] for q in rec["quotes"])


def test_jsonl_one_line_per_document(runner, article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text('"Fine," she said.', encoding="utf-8")
    res = runner.invoke(main, ["extract", str(article), str(other), "--format", "jsonl", "--mode", "fast"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert sorted(r["id"] for r in lines) == ["blunt", "other"]


def test_table_shows_speaker_cue_and_quote(runner, article):
    res = runner.invoke(main, ["extract", str(article), "--format", "table", "--mode", "fast"])
    assert res.exit_code == 0, res.output
    assert "I was wrong" in res.stdout and "said" in res.stdout


def test_some_failed_exit_1_and_others_still_printed(runner, article, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = runner.invoke(main, ["extract", str(article), str(empty), str(binary), "--format", "jsonl", "--mode", "fast"])
    assert res.exit_code == 1
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["blunt"]
    assert "empty" in res.stderr and "image" in res.stderr


def test_usage_error_exit_2(runner):
    assert runner.invoke(main, ["extract"]).exit_code == 2
    assert runner.invoke(main, ["extract", "x.txt", "--format", "xml"]).exit_code == 2


def test_stdin(runner):
    res = runner.invoke(main, ["extract", "-", "--format", "json", "--mode", "fast"], input='"Hello there," he said.')
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert len(rec["id"]) == 40 and rec["quotes"][0]["text"].startswith("Hello there")


def test_json_is_an_array_for_several_documents(runner, article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text('"Fine," she said.', encoding="utf-8")
    res = runner.invoke(main, ["extract", str(tmp_path), "--format", "json", "--mode", "fast"])
    assert res.exit_code == 0, res.output
    recs = json.loads(res.stdout)
    assert isinstance(recs, list) and sorted(r["id"] for r in recs) == ["blunt", "other"]


def test_json_array_is_valid_when_every_document_failed(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "empty2.txt").write_bytes(b"")
    res = runner.invoke(main, ["extract", str(tmp_path), "--format", "json", "--mode", "fast"])
    assert res.exit_code == 1
    assert json.loads(res.stdout) == []
