"""Engines run units of work (chunks of documents) through workers, in order.

Every engine maps an iterable of :class:`Unit` to ``(unit, ChunkResult)``
pairs in the order the units came, pulling only a bounded number ahead, so
the input is streamed. :class:`LocalEngine` is a process pool on this
machine; :class:`onrecord.batch.ray_data.RayEngine` is Ray Data.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from ..model import Document
from .errors import BatchError
from .worker import ChunkResult, WorkerSpec, extract_chunk, prepare_worker

__all__ = ["Engine", "LocalEngine", "PooledEngine", "Unit"]

#: Units in flight per worker: enough to keep every worker busy while the
#: driver writes, few enough to bound memory to a handful of chunks.
PREFETCH_PER_WORKER = 4


@dataclass(frozen=True)
class Unit:
    """A chunk of one shard's documents.

    Attributes:
        shard: the shard's index.
        positions: each document's position in its shard.
        documents: the documents to extract.
        last: True for the shard's last unit.
    """

    shard: int
    positions: tuple[int, ...]
    documents: tuple[Document, ...]
    last: bool


class Engine(Protocol):
    """What the runner needs from an engine."""

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...

    def map(self, units: Iterable[Unit]) -> Iterator[tuple[Unit, ChunkResult]]: ...


class PooledEngine:
    """What engines with a local process pool share: shutting it down on leaving the ``with`` block."""

    _pool: ProcessPoolExecutor | None = None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=exc_type is None, cancel_futures=True)
            self._pool = None


class LocalEngine(PooledEngine):
    """A process pool on this machine, the pipeline built once per worker.

    With one worker the chunks run in this process (no pool to pay for).
    Workers start with ``spawn`` so nothing the driver imported (a CUDA
    context, threads) leaks into them.
    """

    def __init__(self, spec: WorkerSpec, workers: int = 1, start_method: str = "spawn"):
        if workers < 1:
            raise BatchError(f"--workers must be at least 1, not {workers}")
        self.spec = spec
        self.workers = workers
        self.start_method = start_method
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers == 1:
            prepare_worker(self.spec)
        else:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(self.start_method),
                initializer=prepare_worker,
                initargs=(self.spec,),
            )
        return self

    def map(self, units: Iterable[Unit]) -> Iterator[tuple[Unit, ChunkResult]]:
        """Run ``units`` through the workers, yielding results in input order."""
        if self._pool is None:
            for unit in units:
                yield unit, extract_chunk(list(unit.documents), self.spec)
            return
        pool = self._pool
        stream = iter(units)
        pending: deque[tuple[Unit, Future[ChunkResult]]] = deque()

        def submit_next() -> None:
            unit = next(stream, None)
            if unit is not None:
                pending.append((unit, pool.submit(extract_chunk, list(unit.documents), self.spec)))

        for _ in range(self.workers * PREFETCH_PER_WORKER):
            submit_next()
        while pending:
            unit, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool as exc:
                raise BatchError(
                    "a worker process died (killed, or out of memory); finished shards are kept: "
                    "rerun the same command to resume"
                ) from exc
            submit_next()
            yield unit, result
