"""Process memory read from ``/proc`` (Linux), with no dependency.

>>> peak_rss_kb() > 0 or peak_rss_kb() == 0
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["current_rss_kb", "peak_rss_kb"]


def _status_field(pid: int | str, field: str) -> int:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0
    for line in lines:
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def peak_rss_kb(pid: int | str = "self") -> int:
    """Return the peak resident set size (``VmHWM``) of ``pid`` in KiB; 0 when unknown."""
    return _status_field(pid, "VmHWM")


def current_rss_kb(pid: int | str = "self") -> int:
    """Return the current resident set size (``VmRSS``) of ``pid`` in KiB; 0 when unknown."""
    return _status_field(pid, "VmRSS")
