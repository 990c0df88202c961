"""``onrecord batch`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from batchkit import write_corpus
from click.testing import CliRunner

from onrecord.cli import main


def test_help_lists_the_options_and_an_example() -> None:
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--engine", "--workers", "--device", "--mode", "--shard-size", "--ray-address"):
        assert option in result.output
    assert "Example:" in result.output and "onrecord batch " in result.output


def test_out_is_required() -> None:
    result = CliRunner().invoke(main, ["batch", "x.txt"])
    assert result.exit_code == 2 and "--out" in result.output


def test_batch_reads_a_folder_and_resumes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 12)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")
    out = tmp_path / "out"
    args = ["batch", str(tmp_path / "in"), "--out", str(out), "--mode", "fast", "--workers", "1",
            "--shard-size", "5", "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "12 articles, 2 failed" in result.output
    m = json.loads((out / "manifest.json").read_text())
    assert m["complete"] and m["counts"]["ok"] == 12 and m["counts"]["failed"] == 2
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert sorted(e["id"] for e in errors) == ["empty", "image"]
    assert all(e["reason"] and e["source"].endswith(".txt") for e in errors)
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0 and "3 shards already done" in again.output


def test_a_mismatched_rerun_exits_1_with_the_fix(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 3)
    out = str(tmp_path / "out")
    base = ["batch", str(tmp_path / "in"), "--out", out, "--mode", "fast", "--workers", "1", "-q"]
    assert CliRunner().invoke(main, base).exit_code == 0
    result = CliRunner().invoke(main, [*base, "--shard-size", "2"])
    assert result.exit_code == 1 and "choose another --out" in result.output
