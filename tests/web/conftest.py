"""Make ``tests/archive_samples.py`` importable and provide the archive fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive_fixtures import *  # noqa: E402,F403
