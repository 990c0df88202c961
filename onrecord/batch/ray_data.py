"""The Ray engine: one Ray Data stream, ``map_batches`` over an actor pool that holds the pipeline.

The whole run is one dataset, so each actor builds its pipeline once. Ray
Data reads from a driver-side iterator through :class:`UnitQueueDatasource`:
a thread of the driver feeds each unit's documents, as rows, into a bounded
``ray.util.queue.Queue``; the dataset's single read task drains it, and
:class:`RayExtractor` actors (``concurrency=workers``, one GPU each for
``--device cuda``) map the rows. Results come back in input order keyed by
unit and position, so the runner writes exactly the shards the local engine
would. The queue's bound keeps the driver's and the object store's memory to
a few chunks per worker. Ray's exceptions are translated to
:class:`~onrecord.batch.errors.BatchError` here and nowhere else.

(Before this, the input was cut into windows of 4,096 documents, each a
``from_items`` dataset that started its own actor pool: one pipeline build
per actor per window, and idle actors while each window drained.)
"""

from __future__ import annotations

import json
import logging
import os
import queue as std_queue
import threading
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from ..errors import MissingExtraError
from .engines import Unit
from .errors import BatchError
from .worker import ChunkResult, Outcome, WorkerSpec, document_from_json, document_to_json, extract_chunk

__all__ = ["RayEngine", "RayExtractor", "unit_queue_source"]

#: Documents per Ray Data batch handed to an actor: the local engine's chunk.
RAY_BATCH_SIZE = 16

#: Units (chunks of at most a chunk's documents) the driver may feed ahead
#: of the results, per actor: enough to keep every actor busy, few enough to
#: bound memory (the local engine's PREFETCH_PER_WORKER).
QUEUED_UNITS_PER_WORKER = 4

#: Seconds the feeder waits on a full queue before checking whether the run stopped.
FEED_POLL_S = 0.5

#: The marker that ends the stream of units.
END = None

#: Ray Data's notice that an actor pool got fewer input bundles than actors: true of any run
#: shorter than ``workers * RAY_BATCH_SIZE`` documents, and no problem (one stream, no windows).
FEW_INPUTS_NOTICE = r"The minimum number of concurrent actors"


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
        self._warnings: warnings.catch_warnings | None = None

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
        # Ray Data warns from its executor thread; the filter is process-wide until __exit__.
        self._warnings = warnings.catch_warnings()
        self._warnings.__enter__()
        warnings.filterwarnings("ignore", message=FEW_INPUTS_NOTICE, category=UserWarning)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._warnings is not None:
            self._warnings.__exit__(None, None, None)
            self._warnings = None
        if self._started:
            import ray

            ray.shutdown()
            self._started = False

    def map(self, units: Iterable[Unit]) -> Iterator[tuple[Unit, ChunkResult]]:
        """Run ``units`` as one streaming dataset, yielding results in input order."""
        import ray
        import ray.exceptions
        from ray.util.queue import Queue

        bound = max(2, self.workers * QUEUED_UNITS_PER_WORKER)
        rows: Any = Queue(maxsize=bound, actor_options={"num_cpus": 0})
        fed: deque[Unit] = deque()  # units fed, not yet yielded, in order
        lock = threading.Lock()
        stop = threading.Event()
        failure: list[BaseException] = []

        def put(item: Any) -> bool:
            while not stop.is_set():
                try:
                    rows.put(item, timeout=FEED_POLL_S)
                    return True
                except std_queue.Full:
                    continue
            return False

        def feed() -> None:
            try:
                for seq, unit in enumerate(units):
                    with lock:
                        fed.append(unit)
                    if unit.documents and not put(
                        [{"unit": seq, "pos": j, "doc": document_to_json(d)} for j, d in enumerate(unit.documents)]
                    ):
                        return
            except BaseException as exc:  # noqa: BLE001 - re-raised in the driver's thread below
                failure.append(exc)
            finally:
                put(END)

        feeder = threading.Thread(target=feed, name="onrecord-ray-feeder", daemon=True)
        found: dict[tuple[int, int], Outcome] = {}
        pids: dict[int, int] = {}
        cpu: dict[int, float] = {}
        pipeline: dict[str, Any] | None = None
        ready = 0  # sequence number of the next unit to yield

        def finished() -> Iterator[tuple[Unit, ChunkResult]]:
            nonlocal ready
            while True:
                with lock:
                    unit = fed[0] if fed else None
                if unit is None or not all((ready, j) in found for j in range(len(unit.documents))):
                    return
                outcomes = [found.pop((ready, j)) for j in range(len(unit.documents))]
                with lock:
                    fed.popleft()
                ready += 1
                yield unit, ChunkResult(outcomes=outcomes, peak_rss_kb=dict(pids), pipeline=pipeline, cpu_s=dict(cpu))

        feeder.start()
        try:
            dataset = ray.data.read_datasource(
                unit_queue_source(rows), override_num_blocks=1, num_cpus=0
            ).map_batches(
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
            feeder.join()
            if failure:
                raise failure[0]
            yield from finished()  # trailing units without documents
        except ray.exceptions.RayError as exc:
            raise BatchError(
                f"Ray failed while extracting: {type(exc).__name__}: {_first_line(exc)}; "
                "finished shards are kept: rerun the same command to resume"
            ) from exc
        finally:
            stop.set()
            feeder.join(timeout=10)
            ray.kill(rows.actor)
        if fed:
            raise BatchError(f"internal error: Ray returned no result for {len(fed)} units")


def unit_queue_source(rows: Any) -> Any:
    """A Ray Data datasource of one read task yielding the rows a driver puts on ``rows``, until :data:`END`.

    Each queue item is one unit's rows and becomes one block, so the stream
    moves at the pace the actors take it. (Defined on call so that importing
    this module does not import Ray.)
    """
    import pyarrow as pa
    from ray.data import Datasource, ReadTask
    from ray.data.block import BlockMetadata

    def read() -> Iterator[Any]:
        while True:
            item = rows.get(block=True)
            if item is END:
                return
            yield pa.Table.from_pylist(item)

    class UnitQueueDatasource(Datasource):
        def estimate_inmemory_data_size(self) -> int | None:
            return None

        def get_name(self) -> str:
            return "OnrecordUnits"

        def get_read_tasks(self, parallelism: int, per_task_row_limit: int | None = None, **_: Any) -> list[ReadTask]:
            return [ReadTask(read, BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=None))]

    return UnitQueueDatasource()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""
