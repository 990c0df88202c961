"""The Ray engine: Ray Data ``map_batches`` over an actor pool that holds the pipeline.

The input stream is cut into windows of documents; each window becomes a
``ray.data.from_items`` dataset mapped by :class:`RayExtractor` actors
(``concurrency=workers``, one GPU each for ``--device cuda``), and the
results come back keyed by unit and position, so the runner writes exactly
the shards the local engine would. Ray's exceptions are translated to
:class:`~onrecord.batch.errors.BatchError` here and nowhere else.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from ..errors import MissingExtraError
from .engines import Unit
from .errors import BatchError
from .worker import ChunkResult, Outcome, WorkerSpec, document_from_json, document_to_json, extract_chunk

__all__ = ["RayEngine", "RayExtractor"]

#: Documents per Ray Data batch handed to an actor: the local engine's chunk.
RAY_BATCH_SIZE = 16

#: Documents per dataset window. Each window starts its actor pool (one
#: pipeline build per actor), so windows are large; the bound keeps the
#: driver's and the object store's memory to a few thousand articles.
WINDOW_DOCUMENTS = 4096


class RayExtractor:
    """A Ray Data actor: builds the pipeline once, extracts batches of serialised documents."""

    def __init__(self, spec: WorkerSpec):
        from .worker import prepare_worker

        self.spec = spec
        prepare_worker(spec)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        documents = [document_from_json(str(d)) for d in batch["doc"]]
        result = extract_chunk(documents, self.spec)
        n = len(documents)
        ((pid, rss),) = result.peak_rss_kb.items()
        cpu = result.cpu_s[pid]
        return {
            "unit": [int(u) for u in batch["unit"]],
            "pos": [int(p) for p in batch["pos"]],
            "ok": [o.ok for o in result.outcomes],
            "line": [o.line for o in result.outcomes],
            "error": [json.dumps(o.error) if o.error else "" for o in result.outcomes],
            "quotes": [o.quotes for o in result.outcomes],
            "pid": [pid] * n,
            "rss": [rss] * n,
            "cpu": [cpu] * n,
            "pipeline": [json.dumps(result.pipeline)] * n,
        }


class RayEngine:
    """Run units on Ray Data; join ``address`` or start a local Ray for the run."""

    def __init__(self, spec: WorkerSpec, workers: int = 1, address: str | None = None):
        if workers < 1:
            raise BatchError(f"--workers must be at least 1, not {workers}")
        self.spec = spec
        self.workers = workers
        self.address = address
        self._started = False

    def __enter__(self) -> RayEngine:
        try:
            import ray
        except ImportError as exc:
            raise MissingExtraError("ray", "ray") from exc
        # Ray Data configures its own loggers when a dataset runs; its INFO
        # lines and notices would break our progress bar. Set the variable to override.
        os.environ.setdefault("RAY_DATA_LOG_LEVEL", "ERROR")
        if not ray.is_initialized():
            try:
                if self.address:
                    ray.init(address=self.address, logging_level=logging.WARNING, log_to_driver=False)
                else:
                    ray.init(
                        num_cpus=self.workers,
                        include_dashboard=False,
                        logging_level=logging.WARNING,
                        log_to_driver=False,
                    )
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = f"the Ray cluster at {self.address}" if self.address else "a local Ray"
                raise BatchError(f"could not start {where}: {exc}") from exc
            self._started = True
        if self.spec.device == "cuda" and ray.cluster_resources().get("GPU", 0) < 1:
            self.__exit__(None, None, None)
            raise BatchError("--device cuda: the Ray cluster has no GPU; use --device cpu or join a GPU cluster")
        from ray.data import DataContext

        ctx = DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.execution_options.preserve_order = True
        if hasattr(ctx, "print_on_execution_start"):
            ctx.print_on_execution_start = False
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False

    def map(self, units: Iterable[Unit]) -> Iterator[tuple[Unit, ChunkResult]]:
        """Run ``units`` window by window, yielding results in input order."""
        window: list[Unit] = []
        size = 0
        for unit in units:
            window.append(unit)
            size += len(unit.documents)
            if size >= WINDOW_DOCUMENTS:
                yield from self._run_window(window)
                window, size = [], 0
        if window:
            yield from self._run_window(window)

    def _run_window(self, window: list[Unit]) -> Iterator[tuple[Unit, ChunkResult]]:
        """Run one window as a dataset; yield each unit as soon as its last row is back."""
        import ray
        import ray.exceptions

        rows = [
            {"unit": i, "pos": j, "doc": document_to_json(doc)}
            for i, unit in enumerate(window)
            for j, doc in enumerate(unit.documents)
        ]
        found: dict[tuple[int, int], Outcome] = {}
        pids: dict[int, int] = {}
        cpu: dict[int, float] = {}
        pipeline: dict[str, Any] | None = None
        ready = 0  # units before this one have been yielded

        def finished() -> Iterator[tuple[Unit, ChunkResult]]:
            nonlocal ready
            while ready < len(window) and all((ready, j) in found for j in range(len(window[ready].documents))):
                unit = window[ready]
                outcomes = [found.pop((ready, j)) for j in range(len(unit.documents))]
                yield unit, ChunkResult(
                    outcomes=outcomes, peak_rss_kb=dict(pids), pipeline=pipeline, cpu_s=dict(cpu)
                )
                ready += 1

        yield from finished()  # leading units without documents
        if not rows:
            return
        try:
            dataset = ray.data.from_items(rows).map_batches(
                RayExtractor,
                fn_constructor_kwargs={"spec": self.spec},
                batch_size=RAY_BATCH_SIZE,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=self.workers),
                num_gpus=1 if self.spec.device == "cuda" else 0,
            )
            for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
                for k in range(len(batch["unit"])):
                    error = str(batch["error"][k])
                    found[(int(batch["unit"][k]), int(batch["pos"][k]))] = Outcome(
                        ok=bool(batch["ok"][k]),
                        line=str(batch["line"][k]),
                        error=json.loads(error) if error else None,
                        quotes=int(batch["quotes"][k]),
                    )
                    pid = int(batch["pid"][k])
                    pids[pid] = max(pids.get(pid, 0), int(batch["rss"][k]))
                    cpu[pid] = max(cpu.get(pid, 0.0), float(batch["cpu"][k]))
                    pipeline = json.loads(str(batch["pipeline"][k]))
                yield from finished()
        except ray.exceptions.RayError as exc:
            raise BatchError(
                f"Ray failed while extracting: {type(exc).__name__}: {_first_line(exc)}; "
                "finished shards are kept: rerun the same command to resume"
            ) from exc
        if ready < len(window):
            raise BatchError(f"internal error: Ray returned no result for {len(window) - ready} units")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""
