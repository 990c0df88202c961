"""The batch driver: shards in, engine, shard files, ``errors.jsonl`` and manifest out.

A run streams the input, cuts it into deterministic shards, skips the shards
an earlier run finished (checking that their input is unchanged), sends the
others' documents to the engine in chunks, and commits each shard in three
steps: the shard file appears atomically, its errors are appended to
``errors.jsonl``, and its entry is added to ``manifest.json``. A run killed
between any two steps leaves a directory the next run resumes from: on start
it drops temporary files, shard files without a manifest entry, and error
lines of uncommitted shards.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..model import Document
from ..pipeline import DEFAULT_MODE, MODES, Failure
from .engines import Engine, LocalEngine, Unit
from .errors import BatchError
from .manifest import Manifest
from .memory import peak_rss_kb
from .shards import TMP_SUFFIX, Shard, group_shards, write_atomic
from .worker import DEFAULT_EXTRACTOR, Outcome, WorkerSpec, error_entry, resolve_extractor

__all__ = ["DEFAULT_SHARD_SIZE", "ENGINES", "BatchConfig", "BatchReport", "run_batch"]

#: Articles per shard file: about 5-20 MB of JSONL for news articles with
#: their text, small enough to redo on resume, large enough to keep the
#: directory listing short for a crawl of millions.
DEFAULT_SHARD_SIZE = 1000

#: Documents per unit of work sent to a worker (the API's batch size).
DEFAULT_CHUNK_SIZE = 16

ENGINES = ("local", "ray")
DEVICES = ("cpu", "cuda")
ERRORS_NAME = "errors.jsonl"


@dataclass(frozen=True)
class BatchConfig:
    """How to run a batch; every field has a documented default.

    Attributes:
        out: the output directory (created; resumed when it holds a run).
        inputs: the input paths, recorded in the manifest.
        mode: pipeline mode; None for the library default.
        engine: ``local`` (a process pool) or ``ray`` (Ray Data).
        workers: worker processes (local) or actors (ray).
        device: ``cpu`` or ``cuda``.
        shard_size: input items per shard file.
        chunk_size: documents per unit of work.
        ray_address: a Ray cluster to join; None starts a local Ray.
        extractor: ``"module:function"`` a worker calls on each chunk.
        progress: show a progress bar on stderr.
    """

    out: Path
    inputs: tuple[str, ...] = ()
    mode: str | None = None
    engine: str = "local"
    workers: int = 1
    device: str = "cpu"
    shard_size: int = DEFAULT_SHARD_SIZE
    chunk_size: int = DEFAULT_CHUNK_SIZE
    ray_address: str | None = None
    extractor: str = DEFAULT_EXTRACTOR
    progress: bool = True


@dataclass(frozen=True)
class BatchReport:
    """What one run did (the manifest holds the totals over all runs)."""

    out: Path
    documents: int
    ok: int
    failed: int
    shards_written: int
    shards_skipped: int
    elapsed_s: float
    complete: bool
    manifest: dict[str, Any] = field(repr=False)

    @property
    def articles_per_s(self) -> float:
        return self.documents / self.elapsed_s if self.elapsed_s > 0 else 0.0


@dataclass
class _OpenShard:
    shard: Shard
    outcomes: list[Outcome | None]
    started: float


def run_batch(documents: Iterable[Document | Failure], config: BatchConfig) -> BatchReport:
    """Extract ``documents`` into shard files in ``config.out``, resuming an earlier run.

    Args:
        documents: the input stream, e.g. ``read_paths(paths)``; read lazily.
        config: where and how.

    Returns:
        What this run did.

    Raises:
        BatchError: the directory holds another run, the input changed under a
            resumed run, the device is missing, or a worker or Ray died.
    """
    _check(config)
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    mode = config.mode or DEFAULT_MODE
    manifest = Manifest.open(out, list(config.inputs), mode, config.shard_size)
    done = manifest.done()
    _clean_uncommitted(out, set(done))
    spec = WorkerSpec(mode=mode, device=config.device, extractor=config.extractor, threads=_threads_per_worker(config))
    run = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "engine": config.engine,
        "workers": config.workers,
        "device": config.device,
        "documents": 0,
        "ok": 0,
        "failed": 0,
        "shards_written": 0,
        "skipped_shards": 0,
        "elapsed_s": 0.0,
        "articles_per_s": None,
        "peak_rss_mb": {},
        "driver_peak_rss_mb": None,
        "worker_cpu_s": {},
        "finished": None,
    }
    manifest.data["runs"].append(run)
    t0 = time.perf_counter()
    open_shards: dict[int, _OpenShard] = {}
    seen = [0]
    rss: dict[int, int] = {}
    cpu: dict[int, float] = {}
    bar = _progress_bar(config.progress, skipped=len(done))

    def units() -> Iterator[Unit]:
        for shard in group_shards(documents, config.shard_size):
            seen[0] = shard.index + 1
            entry = done.get(shard.index)
            if entry is not None:
                if entry.get("fingerprint") != shard.fingerprint:
                    raise BatchError(
                        f"the input changed since {out} was written: shard {shard.index} now holds other "
                        "documents; rerun with the original inputs, or choose another --out"
                    )
                run["skipped_shards"] += 1
                continue
            yield from _units_of(shard, config.chunk_size, open_shards)

    with open(out / ERRORS_NAME, "a", encoding="utf-8") as errors, _make_engine(config, spec) as engine:
        for unit, result in engine.map(units()):
            state = open_shards[unit.shard]
            for pos, outcome in zip(unit.positions, result.outcomes, strict=True):
                state.outcomes[pos] = outcome
            for pid, kb in result.peak_rss_kb.items():
                rss[pid] = max(rss.get(pid, 0), kb)
            for pid, seconds in result.cpu_s.items():
                cpu[pid] = max(cpu.get(pid, 0.0), seconds)
            if result.pipeline and not manifest.data.get("pipeline"):
                manifest.data["pipeline"] = result.pipeline
            if bar is not None:
                bar.update(len(unit.documents))
            if unit.last:
                del open_shards[unit.shard]
                entry = _commit(out, state, errors)
                for key in ("documents", "ok", "failed"):
                    run[key] += entry[key]
                run["shards_written"] += 1
                _update_run(run, t0, rss, cpu)
                manifest.add_shard(entry)
                if bar is not None:
                    bar.update(len(state.shard.items) - sum(isinstance(i, Document) for i in state.shard.items))
    if bar is not None:
        bar.close()
    _update_run(run, t0, rss, cpu)
    run["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    finished = manifest.done()
    manifest.data["shards_total"] = seen[0]
    manifest.data["complete"] = all(i in finished for i in range(seen[0]))
    _total_timings(manifest.data)
    manifest.save()
    return BatchReport(
        out=out,
        documents=run["documents"],
        ok=run["ok"],
        failed=run["failed"],
        shards_written=run["shards_written"],
        shards_skipped=run["skipped_shards"],
        elapsed_s=run["elapsed_s"],
        complete=manifest.data["complete"],
        manifest=manifest.data,
    )


def _check(config: BatchConfig) -> None:
    if config.engine not in ENGINES:
        raise BatchError(f"unknown engine {config.engine!r}; choose one of {', '.join(ENGINES)}")
    if config.device not in DEVICES:
        raise BatchError(f"unknown device {config.device!r}; choose one of {', '.join(DEVICES)}")
    if config.shard_size < 1 or config.chunk_size < 1:
        raise BatchError("--shard-size and the chunk size must be at least 1")
    if config.workers < 1:
        raise BatchError(f"--workers must be at least 1, not {config.workers}")
    try:
        resolve_extractor(config.extractor)
    except (ImportError, AttributeError, ValueError) as exc:
        raise BatchError(f"cannot load the extractor {config.extractor!r}: {exc}") from exc


def _make_engine(config: BatchConfig, spec: WorkerSpec) -> Engine:
    if config.engine == "ray":
        from .ray_data import RayEngine

        return RayEngine(spec, workers=config.workers, address=config.ray_address)
    if config.device == "cuda":
        _require_cuda()
        if config.extractor == DEFAULT_EXTRACTOR and "tagger" in MODES.get(spec.mode or DEFAULT_MODE, ()):
            from .gpu import GpuEngine  # imports torch only on this path

            return GpuEngine(spec, workers=config.workers)
    return LocalEngine(spec, workers=config.workers)


def _threads_per_worker(config: BatchConfig) -> int | None:
    """Threads for each worker's model runtime, so workers do not oversubscribe the cores.

    Local workers share this machine's cores; a Ray actor holds one CPU.
    None (the runtime's default) when the user set ``ONRECORD_THREADS`` or
    the model runs on a GPU.
    """
    if os.environ.get("ONRECORD_THREADS") or config.device != "cpu":
        return None
    if config.engine == "ray":
        return 1
    return max(1, (os.cpu_count() or 1) // config.workers)


def _require_cuda() -> None:
    try:
        import torch
    except ImportError as exc:
        raise BatchError("--device cuda needs PyTorch with CUDA (pip install 'onrecord[train]')") from exc
    if not torch.cuda.is_available():
        raise BatchError("--device cuda: no CUDA device is visible here; use --device cpu")


def _units_of(shard: Shard, chunk_size: int, open_shards: dict[int, _OpenShard]) -> Iterator[Unit]:
    open_shards[shard.index] = _OpenShard(shard, [None] * len(shard.items), time.perf_counter())
    docs = [(pos, item) for pos, item in enumerate(shard.items) if isinstance(item, Document)]
    if not docs:
        yield Unit(shard.index, (), (), last=True)
        return
    for start in range(0, len(docs), chunk_size):
        chunk = docs[start : start + chunk_size]
        yield Unit(
            shard.index,
            tuple(p for p, _ in chunk),
            tuple(d for _, d in chunk),
            last=start + chunk_size >= len(docs),
        )


def _commit(out: Path, state: _OpenShard, errors: Any) -> dict[str, Any]:
    """Write the shard file, append its errors, and return its manifest entry."""
    shard = state.shard
    lines: list[str] = []
    failures: list[dict[str, Any]] = []
    quotes = 0
    for item, outcome in zip(shard.items, state.outcomes, strict=True):
        if isinstance(item, Failure):
            failures.append({**error_entry(item.id, item.source, item.error), "stage": "read"})
        elif outcome is None:
            raise BatchError(f"internal error: document {item.id} of shard {shard.index} has no result")
        elif outcome.ok:
            lines.append(outcome.line)
            quotes += outcome.quotes
        else:
            assert outcome.error is not None
            failures.append({**outcome.error, "stage": "extract"})
    write_atomic(out / shard.file_name, lines)
    for failure in failures:
        errors.write(json.dumps({**failure, "shard": shard.index}, ensure_ascii=False) + "\n")
    errors.flush()
    os.fsync(errors.fileno())
    return {
        "index": shard.index,
        "file": shard.file_name,
        "status": "done",
        "documents": len(shard.items),
        "ok": len(lines),
        "failed": len(failures),
        "quotes": quotes,
        "fingerprint": shard.fingerprint,
        "elapsed_s": round(time.perf_counter() - state.started, 3),
    }


def _clean_uncommitted(out: Path, done: set[int]) -> None:
    """Drop what a killed run left half-done: temp files, uncommitted shards and their errors."""
    for path in out.glob(f"*{TMP_SUFFIX}"):
        path.unlink()
    for path in out.glob("shard-*.jsonl"):
        try:
            index = int(path.stem.split("-", 1)[1])
        except ValueError:
            continue
        if index not in done:
            path.unlink()
    errors = out / ERRORS_NAME
    if not errors.exists():
        return
    kept = []
    with open(errors, encoding="utf-8") as f:
        for line in f:
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line cut short by a kill
            if entry.get("shard") in done:
                kept.append(json.dumps(entry, ensure_ascii=False))
    write_atomic(errors, kept)


def _update_run(run: dict[str, Any], t0: float, rss: dict[int, int], cpu: dict[int, float]) -> None:
    elapsed = time.perf_counter() - t0
    run["elapsed_s"] = round(elapsed, 3)
    run["articles_per_s"] = round(run["documents"] / elapsed, 2) if elapsed > 0 else None
    run["peak_rss_mb"] = {str(pid): round(kb / 1024, 1) for pid, kb in sorted(rss.items())}
    run["driver_peak_rss_mb"] = round(peak_rss_kb() / 1024, 1)
    run["worker_cpu_s"] = {str(pid): round(s, 2) for pid, s in sorted(cpu.items())}


def _total_timings(data: dict[str, Any]) -> None:
    elapsed = sum(r.get("elapsed_s") or 0.0 for r in data["runs"])
    docs = sum(r.get("documents") or 0 for r in data["runs"])
    data["timings"] = {
        "elapsed_s": round(elapsed, 3),
        "articles_per_s": round(docs / elapsed, 2) if elapsed > 0 else None,
    }


def _progress_bar(enabled: bool, skipped: int) -> Any:
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    bar = tqdm(desc="onrecord batch", unit="art", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
    if skipped:
        bar.set_postfix_str(f"resuming: {skipped} shards done")
    return bar
