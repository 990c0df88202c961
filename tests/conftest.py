"""Shared fixtures: where the PolNeAR corpus lives (tests using it skip without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


@pytest.fixture(scope="session")
def polnear_dir() -> Path:
    """The PolNeAR folder beside the checkout; skips the test when absent."""
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip("PolNeAR corpus not found at ../shared/data/polnear")
    return POLNEAR


@pytest.fixture(scope="session")
def cases_dir() -> Path:
    return CASES
