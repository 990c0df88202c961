"""``manifest.json``: what a batch run was asked, what it produced, how long it took.

The manifest is the run's commit log: a shard counts as finished only once
its entry is here (the file is replaced atomically after every shard), so a
run killed at any moment resumes from it. Shape::

    {"format": "onrecord-batch/1", "onrecord_version": "0.1.0", "contract": "v1",
     "inputs": [...], "mode": "fast", "shard_size": 1000,
     "pipeline": {"mode": ..., "stages": [...], "model": ...},
     "complete": true, "shards_total": 3,
     "counts": {"documents": 2500, "ok": 2498, "failed": 2, "quotes": 31000},
     "timings": {"elapsed_s": ..., "articles_per_s": ...},
     "runs": [{"started": ..., "engine": "local", "workers": 2, "device": "cpu",
               "documents": ..., "skipped_shards": ..., "elapsed_s": ...,
               "articles_per_s": ..., "peak_rss_mb": {"<pid>": ...},
               "driver_peak_rss_mb": ..., "worker_cpu_s": {"<pid>": ...}}],
     "shards": [{"index": 0, "file": "shard-00000.jsonl", "status": "done",
                 "documents": 1000, "ok": 999, "failed": 1, "quotes": 12000,
                 "fingerprint": "<sha1>", "elapsed_s": ...}]}
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from .errors import BatchError

__all__ = ["MANIFEST_FORMAT", "MANIFEST_NAME", "Manifest"]

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "onrecord-batch/1"


@dataclass
class Manifest:
    """The manifest of one output directory, updated as shards finish."""

    path: Path
    data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def open(cls, out: Path, inputs: list[str], mode: str, shard_size: int) -> Manifest:
        """Load the manifest in ``out``, or start one; refuse a directory of another run.

        Raises:
            BatchError: ``out`` holds a run with another mode or shard size, or
                an unreadable manifest.
        """
        path = out / MANIFEST_NAME
        if not path.exists():
            return cls(
                path,
                {
                    "format": MANIFEST_FORMAT,
                    "onrecord_version": __version__,
                    "contract": "v1",
                    "inputs": list(inputs),
                    "mode": mode,
                    "shard_size": shard_size,
                    "pipeline": None,
                    "complete": False,
                    "shards_total": None,
                    "counts": {"documents": 0, "ok": 0, "failed": 0, "quotes": 0},
                    "timings": {"elapsed_s": 0.0, "articles_per_s": None},
                    "runs": [],
                    "shards": [],
                },
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BatchError(f"cannot read {path}: {exc}; remove the directory or choose another --out") from exc
        if data.get("format") != MANIFEST_FORMAT:
            raise BatchError(f"{path} is not an onrecord batch manifest; choose another --out")
        theirs = (data.get("mode"), data.get("shard_size"))
        if theirs != (mode, shard_size):
            raise BatchError(
                f"{out} holds a run with mode={theirs[0]} and shard size {theirs[1]}, not mode={mode} "
                f"and shard size {shard_size}; rerun with those options to resume it, or choose another --out"
            )
        return cls(path, data)

    def done(self) -> dict[int, dict[str, Any]]:
        """Return the finished shards' entries by index (those whose file exists)."""
        out = self.path.parent
        return {
            s["index"]: s
            for s in self.data["shards"]
            if s.get("status") == "done" and (out / s["file"]).exists()
        }

    def add_shard(self, entry: dict[str, Any]) -> None:
        """Record a finished shard (replacing any older entry for its index) and save."""
        shards = [s for s in self.data["shards"] if s["index"] != entry["index"]]
        shards.append(entry)
        shards.sort(key=lambda s: s["index"])
        self.data["shards"] = shards
        self._recount()
        self.save()

    def _recount(self) -> None:
        counts = {"documents": 0, "ok": 0, "failed": 0, "quotes": 0}
        for s in self.data["shards"]:
            for key in counts:
                counts[key] += s.get(key, 0)
        self.data["counts"] = counts

    def save(self) -> None:
        """Replace the manifest file atomically."""
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self.data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)
