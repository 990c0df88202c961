"""Gold cases for speaker resolution (tests/cases/resolve.jsonl), turned into Works.

Each case gives its text and hand-built candidates as strings: ``content`` is
found at its first occurrence, ``speaker`` (a whole-word match) at the
occurrence nearest to the content. So the cases do not depend on the rules
engine and stay readable.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from onrecord.work import Candidate, Work

CASES_PATH = Path(__file__).resolve().parents[1] / "cases" / "resolve.jsonl"


def load_cases() -> list[dict[str, Any]]:
    """Read every gold case."""
    with CASES_PATH.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def locate(text: str, needle: str, near: int | None = None) -> tuple[int, int]:
    """Offsets of ``needle`` in ``text`` (whole words; nearest to ``near`` when given)."""
    pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
    hits = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not hits:
        raise ValueError(f"{needle!r} not in case text")
    if near is None:
        return hits[0]
    return min(hits, key=lambda h: (abs(h[0] - near), h[0]))


def work_of(case: dict[str, Any]) -> Work:
    """A Work holding the case's text and candidates, as the rules would leave it."""
    text = case["text"]
    work = Work(id=case["id"], text=text, clean=text)
    work.paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for spec in case["candidates"]:
        content = locate(text, spec["content"])
        speaker = locate(text, spec["speaker"], near=content[0]) if spec["speaker"] else None
        cue = locate(text, spec["cue"], near=content[0]) if spec.get("cue") else None
        work.candidates.append(
            Candidate(content=[content], kind=spec.get("kind", "direct"), speaker=speaker, cue=cue, confidence=0.9,
                      origin=spec.get("origin", ""))
        )
    work.candidates.sort(key=lambda c: c.start)
    for i, c in enumerate(work.candidates, 1):
        c.id = f"q{i}"
    return work


def by_content(work: Work, case: dict[str, Any]) -> list[tuple[dict[str, Any], Candidate]]:
    """Pair each expected candidate spec with the candidate built from it."""
    out = []
    for spec in case["candidates"]:
        start = locate(work.text, spec["content"])[0]
        out.append((spec, next(c for c in work.candidates if c.start == start)))
    return out
