"""Batch extraction of a corpus into JSONL shards: local process pool or Ray Data.

>>> from onrecord.batch import BatchConfig, run_batch  # doctest: +SKIP
>>> run_batch(read_paths(["crawl/"]), BatchConfig(out=Path("out"), workers=2))  # doctest: +SKIP
"""

from __future__ import annotations

from .errors import BatchError
from .runner import DEFAULT_SHARD_SIZE, ENGINES, BatchConfig, BatchReport, run_batch

__all__ = ["DEFAULT_SHARD_SIZE", "ENGINES", "BatchConfig", "BatchError", "BatchReport", "run_batch"]
