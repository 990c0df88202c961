"""Commands for batch; registered on the main group."""

from __future__ import annotations

from .app import main  # noqa: F401
