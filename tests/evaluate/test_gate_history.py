"""The gate reads the floors' git history whatever the working directory."""

import shutil
from pathlib import Path

import pytest

from onrecord.evaluate.gate import find_lowered

FLOORS = Path(__file__).resolve().parents[2] / "onrecord" / "evaluate" / "floors.json"


def test_history_is_checked_from_any_directory(monkeypatch, tmp_path):
    if shutil.which("git") is None or not (FLOORS.parents[2] / ".git").exists():
        pytest.skip("not a git checkout")
    monkeypatch.chdir(tmp_path)
    problems, note = find_lowered(FLOORS)
    assert note is None, note
    assert problems == []
