"""The quality gate: PolNeAR dev F1 floors that a change may not fall below.

Modelled on trafilatura's evaluation gate. ``floors.json`` (beside this
module) records, for one pipeline mode, the dev F1 of every gated metric, the
sha256 of the gold ``.ann`` files they were measured on, the date, and a
checksum of its own numbers. The gate fails when any F1 falls more than
:data:`TOLERANCE` points below its floor.

Floors only move up, and only through :func:`raise_floors` (``onrecord
evaluate gate --raise-floors``). Three checks refuse a silently lowered floor:

- the checksum: numbers edited by hand no longer match it;
- the working copy against the last commit: a floor lower than at ``HEAD``;
- the file's git history: a commit that lowered a floor (same mode and gold).

A new gold hash (the corpus changed) is reported; raising then starts afresh
from the new figures, since old and new numbers are not comparable.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .scorer import COMPONENTS, Scores

__all__ = [
    "FLOORS_PATH",
    "GATED",
    "TOLERANCE",
    "Floors",
    "GateResult",
    "check_floors",
    "floors_for_this_cpu",
    "find_lowered",
    "load_floors",
    "raise_floors",
    "write_floors",
]

#: The floors file shipped with the package.
FLOORS_PATH = Path(__file__).with_name("floors.json")
#: How far (F1 points, 0-100) a metric may fall below its floor (issue 3: "by more than 0.3").
TOLERANCE = 0.3
#: Gated metrics, as "component.match".
GATED = tuple(f"{c}.{m}" for m in ("exact", "loose") for c in COMPONENTS) + ("whole.exact", "whole.loose")


@dataclass(frozen=True)
class Floors:
    """The content of a floors file."""

    mode: str
    gold_sha256: str
    date: str
    floors: dict[str, float] = field(default_factory=dict)
    split: str = "dev"
    checksum: str = ""

    def computed_checksum(self) -> str:
        """Return the sha256 of the numbers and what they were measured on."""
        payload = json.dumps(
            {"mode": self.mode, "split": self.split, "gold": self.gold_sha256, "floors": self.floors},
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode()).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "about": "PolNeAR dev F1 floors for `onrecord evaluate gate`; change only with --raise-floors",
            "split": self.split,
            "mode": self.mode,
            "gold_sha256": self.gold_sha256,
            "date": self.date,
            "tolerance": TOLERANCE,
            "floors": {k: self.floors[k] for k in sorted(self.floors)},
            "checksum": self.computed_checksum(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Floors:
        return cls(
            mode=d["mode"],
            gold_sha256=d["gold_sha256"],
            date=d.get("date", ""),
            floors={k: float(v) for k, v in d.get("floors", {}).items()},
            split=d.get("split", "dev"),
            checksum=d.get("checksum", ""),
        )


@dataclass(frozen=True)
class GateResult:
    """What the gate found: drops below floors and notes for people."""

    drops: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    current: dict[str, float] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.drops


def measured(scores: Scores) -> dict[str, float]:
    """Return the gated F1s (percent, 2 decimals) of an evaluation."""
    out = {}
    for key in GATED:
        comp, match = key.split(".")
        out[key] = round(scores.f1(comp, match), 2)
    return out


def floors_for_this_cpu(path: str | Path, mode: str) -> Path:
    """The floors file for this CPU kind: ``<name>-avx2.json`` beside ``path`` for accurate mode on an x86 CPU
    without VNNI (or one whose features are unknown), else ``path``.

    Accurate mode's dev F1 differs by CPU kind (float rounding before onnxruntime quantises activations, see
    onrecord/attribution/int8_weights.py): measured on the same code, cue exact F1 73.78 on a VNNI Xeon and
    73.39 on an AVX2 EPYC, more than the gate's tolerance. Each kind keeps its own floors, raised the same way.
    Where no such file exists yet, ``--raise-floors`` creates it.

    >>> floors_for_this_cpu("floors.json", "rules").name
    'floors.json'
    >>> floors_for_this_cpu("floors-accurate-avx2.json", "accurate").name
    'floors-accurate-avx2.json'
    """
    path = Path(path)
    if mode != "accurate" or path.stem.endswith("-avx2"):
        return path  # (a file already named for this CPU kind is taken as given)
    from ..attribution.int8_weights import want_uint8

    return path.with_name(f"{path.stem}-avx2{path.suffix}") if want_uint8() else path


def load_floors(path: str | Path) -> Floors | None:
    """Read a floors file; None when it does not exist."""
    p = Path(path)
    if not p.is_file():
        return None
    return Floors.from_dict(json.loads(p.read_text(encoding="utf-8")))


def write_floors(path: str | Path, floors: Floors) -> None:
    """Write ``floors`` as JSON (stable key order, trailing newline)."""
    Path(path).write_text(json.dumps(floors.to_dict(), indent=2) + "\n", encoding="utf-8")


def check_floors(floors: Floors, current: dict[str, float], gold_sha256: str, mode: str) -> GateResult:
    """Compare current F1s with the floors.

    Args:
        floors: the recorded floors.
        current: gated F1s measured now (see :func:`measured`).
        gold_sha256: the hash of the gold data measured now.
        mode: the mode measured now.

    Returns:
        The drops (each a line naming metric, floor and current value) and notes.
    """
    notes = []
    drops = []
    if floors.checksum and floors.checksum != floors.computed_checksum():
        drops.append("floors file was edited by hand (checksum mismatch); change floors only with --raise-floors")
    if floors.mode != mode:
        drops.append(f"floors are for mode {floors.mode!r}, but mode {mode!r} was evaluated")
    if floors.gold_sha256 != gold_sha256:
        notes.append(
            f"gold data changed: floors were set on gold sha256 {floors.gold_sha256[:12]}, "
            f"the corpus now hashes {gold_sha256[:12]}; figures may not be comparable "
            f"(review, then --raise-floors to start afresh)"
        )
    for key in GATED:
        floor = floors.floors.get(key)
        if floor is None:
            notes.append(f"{key}: no floor yet")
            continue
        now = current.get(key, 0.0)
        if now < floor - TOLERANCE:
            drops.append(f"{key}: F1 {now:.2f} is {floor - now:.2f} below its floor {floor:.2f}")
    return GateResult(drops=tuple(drops), notes=tuple(notes), current=dict(current))


def raise_floors(
    old: Floors | None, current: dict[str, float], gold_sha256: str, mode: str, today: str | None = None
) -> Floors:
    """Return floors raised to the current figures where those are higher.

    Nothing is ever lowered, except that a new gold hash (or a missing file)
    starts from the current figures, since the old ones were measured on other data.

    Raises:
        ValueError: ``mode`` differs from the mode of ``old`` (use another floors file).
    """
    date = today or _dt.date.today().isoformat()
    if old is not None and old.mode != mode:
        raise ValueError(f"floors are for mode {old.mode!r}; keep mode {mode!r} floors in another file (--floors)")
    if old is None or old.gold_sha256 != gold_sha256:
        return Floors(mode=mode, gold_sha256=gold_sha256, date=date, floors=dict(current))
    new = {k: max(old.floors.get(k, 0.0), current.get(k, 0.0)) for k in dict.fromkeys([*old.floors, *current])}
    changed = new != old.floors
    return replace(old, floors=new, date=date if changed else old.date, checksum="")


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _lowered(before: Floors, after: Floors) -> list[str]:
    if before.mode != after.mode or before.gold_sha256 != after.gold_sha256:
        return []
    return [
        f"{k} {v:.2f} -> {after.floors.get(k, 0.0):.2f}"
        for k, v in sorted(before.floors.items())
        if after.floors.get(k, 0.0) < v
    ]


def find_lowered(path: str | Path) -> tuple[list[str], str | None]:
    """Look in git for floors lowered without a gold change.

    Compares the working file with ``HEAD`` and each committed version with
    the one before it.

    Returns:
        The problems found, and a note when git could not be asked (no git,
        file not tracked).
    """
    p = Path(path).resolve()
    top = _git(["rev-parse", "--show-toplevel"], p.parent)
    if top is None:
        return [], "floors history not checked (not in a git checkout)"
    root = Path(top.strip())
    rel = p.relative_to(root).as_posix()
    log = _git(["log", "--format=%H", "--", rel], root)  # from the top: git reads pathspecs relative to cwd
    if not log:
        return [], "floors history not checked (floors file not committed yet)"
    versions: list[tuple[str, Floors]] = []
    for sha in reversed(log.split()):
        text = _git(["show", f"{sha}:{rel}"], root)
        if text:
            try:
                versions.append((sha[:10], Floors.from_dict(json.loads(text))))
            except (ValueError, KeyError):
                continue
    problems = []
    for (_, before), (sha, after) in zip(versions, versions[1:], strict=False):
        for change in _lowered(before, after):
            problems.append(f"commit {sha} lowered a floor: {change}")
    current = load_floors(p)
    if versions and current is not None:
        for change in _lowered(versions[-1][1], current):
            problems.append(f"uncommitted change lowers a floor: {change}")
    return problems, None
