"""Floors only go up: checks, raising, and the git-history check on a repository made here."""

from __future__ import annotations

import subprocess

import pytest

from onrecord.evaluate.gate import GATED, TOLERANCE, Floors, check_floors, find_lowered, load_floors, raise_floors, write_floors

GOLD = "ab" * 32


def figures(value: float) -> dict[str, float]:
    return {k: value for k in GATED}


def test_a_drop_within_tolerance_passes_and_beyond_fails():
    floors = Floors(mode="fast", gold_sha256=GOLD, date="2024-01-01", floors=figures(50.0))
    assert check_floors(floors, figures(50.0 - TOLERANCE + 0.01), GOLD, "fast").passed
    result = check_floors(floors, {**figures(50.0), "cue.loose": 49.6}, GOLD, "fast")
    assert not result.passed
    assert result.drops == ("cue.loose: F1 49.60 is 0.40 below its floor 50.00",)


def test_another_mode_or_gold_is_reported():
    floors = Floors(mode="fast", gold_sha256=GOLD, date="2024-01-01", floors=figures(0.0))
    assert not check_floors(floors, figures(0.0), GOLD, "rules").passed
    other = check_floors(floors, figures(0.0), "cd" * 32, "fast")
    assert other.passed and any("gold data changed" in n for n in other.notes)


def test_raise_only_raises_and_new_gold_starts_afresh():
    old = Floors(mode="fast", gold_sha256=GOLD, date="2024-01-01", floors=figures(50.0))
    new = raise_floors(old, {**figures(40.0), "content.exact": 60.0}, GOLD, "fast", today="2024-02-02")
    assert new.floors == {**figures(50.0), "content.exact": 60.0}
    assert new.date == "2024-02-02"
    same = raise_floors(old, figures(10.0), GOLD, "fast", today="2024-03-03")
    assert same.floors == old.floors and same.date == "2024-01-01"
    fresh = raise_floors(old, figures(10.0), "cd" * 32, "fast", today="2024-03-03")
    assert fresh.floors == figures(10.0) and fresh.gold_sha256 == "cd" * 32
    with pytest.raises(ValueError, match="mode"):
        raise_floors(old, figures(60.0), GOLD, "rules")


def test_round_trip_keeps_a_valid_checksum(tmp_path):
    path = tmp_path / "floors.json"
    write_floors(path, Floors(mode="fast", gold_sha256=GOLD, date="2024-01-01", floors=figures(12.5)))
    back = load_floors(path)
    assert back.floors == figures(12.5)
    assert back.checksum == back.computed_checksum()
    assert check_floors(back, figures(12.5), GOLD, "fast").passed
    assert load_floors(tmp_path / "absent.json") is None


def git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_history_check_finds_a_committed_and_an_uncommitted_lowering(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    path = repo / "floors.json"
    assert find_lowered(path)[1] is not None  # not committed yet: noted, not failed
    write_floors(path, Floors(mode="fast", gold_sha256=GOLD, date="2024-01-01", floors=figures(50.0)))
    git(repo, "add", "floors.json")
    git(repo, "commit", "-q", "-m", "floors")
    assert find_lowered(path) == ([], None)

    write_floors(path, Floors(mode="fast", gold_sha256=GOLD, date="2024-01-02", floors=figures(45.0)))
    problems, _ = find_lowered(path)
    assert problems and all(p.startswith("uncommitted change lowers a floor") for p in problems)

    git(repo, "commit", "-q", "-am", "lower quietly")
    problems, _ = find_lowered(path)
    assert len(problems) == len(GATED)
    assert problems[0].startswith("commit ") and "50.00 -> 45.00" in problems[0]


def test_history_check_allows_a_new_gold(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    path = repo / "floors.json"
    write_floors(path, Floors(mode="fast", gold_sha256=GOLD, date="2024-01-01", floors=figures(50.0)))
    git(repo, "add", "floors.json")
    git(repo, "commit", "-q", "-m", "floors")
    write_floors(path, Floors(mode="fast", gold_sha256="cd" * 32, date="2024-01-02", floors=figures(45.0)))
    git(repo, "commit", "-q", "-am", "new gold")
    assert find_lowered(path) == ([], None)


def test_history_check_outside_git_is_a_note(tmp_path):
    path = tmp_path / "floors.json"
    write_floors(path, Floors(mode="fast", gold_sha256=GOLD, date="2024-01-01", floors=figures(1.0)))
    problems, note = find_lowered(path)
    assert problems == [] and "not in a git checkout" in note


def test_accurate_mode_reads_the_floors_of_its_cpu_kind(monkeypatch) -> None:
    from onrecord.attribution import int8_weights
    from onrecord.evaluate.gate import floors_for_this_cpu

    monkeypatch.setenv(int8_weights.ENV, "uint8")  # as on an x86 CPU without VNNI
    assert floors_for_this_cpu("x/floors-accurate.json", "accurate").name == "floors-accurate-avx2.json"
    assert floors_for_this_cpu("x/floors.json", "rules").name == "floors.json"  # no tagger, one kind of figures
    # a file already named for this kind is that file, not "floors-accurate-avx2-avx2.json"
    assert floors_for_this_cpu("x/floors-accurate-avx2.json", "accurate").name == "floors-accurate-avx2.json"
    monkeypatch.setenv(int8_weights.ENV, "int8")  # as with VNNI
    assert floors_for_this_cpu("x/floors-accurate.json", "accurate").name == "floors-accurate.json"


def test_both_cpu_kinds_have_accurate_floors_on_the_same_gold() -> None:
    from onrecord.evaluate.gate import FLOORS_PATH

    vnni = load_floors(FLOORS_PATH.with_name("floors-accurate.json"))
    avx2 = load_floors(FLOORS_PATH.with_name("floors-accurate-avx2.json"))
    assert vnni is not None and avx2 is not None
    assert vnni.mode == avx2.mode == "accurate" and vnni.gold_sha256 == avx2.gold_sha256
    assert avx2.checksum == avx2.computed_checksum()
    # the two kinds differ by float rounding, not by a different model: within a point on every metric
    assert all(abs(vnni.floors[k] - avx2.floors[k]) < 1.0 for k in GATED)
