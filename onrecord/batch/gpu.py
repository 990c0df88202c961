"""The GPU path of ``onrecord batch --device cuda``: one process owns the model, CPU workers do the rest.

Every worker holding its own copy of the model on the GPU (what ``--engine
ray`` does, and what this engine replaced locally) makes 15 processes share
the device in turns, each waiting on it with a CPU core: 242 articles/s on an
H200 with 16 cores, 50 ms of CPU per article. Here a document goes

1. to a CPU worker: the stages before the tagger (clean, quotes), then
   tokenisation and windows (:func:`prepare_documents`);
2. to this process: the tagger network on the GPU (bf16) for the windows of
   many documents at once, sorted by length, and the constrained BIO decoding
   as a parallel scan (:mod:`onrecord.attribution.bio_scan`) — :class:`GpuTagger`;
3. to any CPU worker (the state travels with the document): chunks linked
   into attributions, then the stages after the tagger (merge, speakers,
   statements) and the record (:func:`finish_documents`).

Units come back in input order, as from :class:`~onrecord.batch.engines.LocalEngine`,
so shards, the manifest and resuming work unchanged. With ``device="cpu"`` the
same code runs the network in torch fp32 on the CPU (tests; no GPU needed).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..attribution.content_ends import EndRanker, load_end_ranker, rerank_ends
from ..attribution.tagger import (
    CLS_ID,
    MODEL_DIR,
    PAD_ID,
    SEGMENT,
    SEP_ID,
    QuotedLetters,
    candidate_of,
    load_calibration,
    quote_ranges,
)
from ..attribution.tagging import (
    LABELS,
    MIN_OVERLAP,
    WINDOW,
    Encoded,
    decode_spans,
    encode_text,
    home_of,
    token_log_probs,
    window_spans,
)
from ..model import Document
from ..pipeline import (
    DEFAULT_MODE,
    MODES,
    STAGE_ERRORS,
    Failure,
    Pipeline,
    build_article,
    load_stage,
    number_candidates,
    work_from_document,
)
from ..work import Work
from .engines import PooledEngine, Unit
from .errors import BatchError
from .memory import peak_rss_kb
from .worker import ChunkResult, Outcome, WorkerSpec, outcome_of

__all__ = ["GpuEngine", "GpuTagger", "Prepared", "Segment", "finish_documents", "prepare_documents"]

#: Wordpiece positions per forward pass (padding included). The H200 bench gave 1,095
#: articles/s of tagging at 131,072 and 1,464 at 262,144; 131,072 keeps the attention
#: scores of one layer near 1.6 GB, safe on a 24 GB card.
BATCH_TOKENS = 131072
#: Documents per task sent to a worker to finish.
FINISH_CHUNK = 8


@dataclass(frozen=True)
class Segment:
    """Up to :data:`SEGMENT` wordpieces of one document, cut into windows for the network.

    Attributes:
        offsets: ``[n, 2]`` character offsets of the wordpieces.
        spans: ``(first, end)`` wordpiece range of each window.
        ids: ``[windows, width]`` wordpiece ids, [CLS] first and [SEP] after the last.
        feats: ``[windows, width]`` quote-state features.
        home: ``[n]`` the window deciding each wordpiece.
        pos: ``[n]`` its position in that window.
    """

    offsets: np.ndarray
    spans: tuple[tuple[int, int], ...]
    ids: np.ndarray
    feats: np.ndarray
    home: np.ndarray
    pos: np.ndarray

    @property
    def tokens(self) -> int:
        return len(self.offsets)


@dataclass
class Prepared:
    """A document between the workers and the GPU: its state and its segments (then their outputs)."""

    work: Work
    segments: list[Segment]
    #: per segment: ``[windows, width, labels + link dims]`` network outputs and ``[n]`` labels
    outputs: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)


# ------------------------------------------------------------------ worker side


@dataclass
class _WorkerState:
    spec: WorkerSpec
    head: Pipeline
    tail: Pipeline
    tokenizer: Any
    calibration: Sequence[float] | None
    end_ranker: EndRanker | None
    info: dict[str, Any]


_STATE: _WorkerState | None = None


def init_worker(spec: WorkerSpec, model_dir: str | None = None) -> None:
    """Build the stages before and after the tagger, and the tokenizer, once per worker process."""
    global _STATE
    from tokenizers import Tokenizer

    mode = spec.mode or DEFAULT_MODE
    names = list(MODES[mode])
    if "tagger" not in names:
        raise BatchError(f"the GPU engine runs the tagger; mode {mode!r} has none")
    cut = names.index("tagger")
    head = Pipeline([load_stage(n) for n in names[:cut]], mode)
    given = {g for s in head.stages for g in s.gives} | {"candidates"}
    tail = Pipeline([load_stage(n) for n in names[cut + 1 :]], mode, given=given)
    directory = Path(model_dir) if model_dir else MODEL_DIR
    tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    info = {"mode": mode, "stages": names, "model": None}
    _STATE = _WorkerState(spec, head, tail, tokenizer, load_calibration(directory),
                          load_end_ranker(directory / "end_ranker.json"), info)


def _segments_of(text: str, tokenizer: Any) -> list[Segment]:
    enc = encode_text(text, tokenizer)
    out = []
    for a in range(0, len(enc), SEGMENT):
        part = Encoded(enc.ids[a : a + SEGMENT], enc.offsets[a : a + SEGMENT], enc.feats[a : a + SEGMENT])
        n = len(part)
        spans = window_spans(n, WINDOW, MIN_OVERLAP)
        width = max(e - s for s, e in spans) + 2
        ids = np.full((len(spans), width), PAD_ID, dtype=np.int32)
        feats = np.zeros((len(spans), width), dtype=np.int32)
        for r, (s, e) in enumerate(spans):
            ids[r, 0], ids[r, e - s + 1] = CLS_ID, SEP_ID
            ids[r, 1 : e - s + 1] = part.ids[s:e]
            feats[r, 1 : e - s + 1] = part.feats[s:e]
        home = home_of(n, spans)
        pos = np.arange(n) - np.asarray([s for s, _ in spans])[home] + 1
        out.append(Segment(np.asarray(part.offsets), tuple(spans), ids, feats, home, pos))
    return out


def prepare_documents(documents: list[Document]) -> tuple[list[Prepared | Failure], dict[int, int], dict[int, float]]:
    """Run the stages before the tagger and cut each document into windows (in a worker).

    Returns:
        One :class:`Prepared` or :class:`Failure` per document, in order, and this
        process's peak RSS (KiB) and CPU seconds by pid.
    """
    assert _STATE is not None, "init_worker first"
    out: list[Prepared | Failure] = []
    works = [work_from_document(d) for d in documents]
    for result in _STATE.head.pipe(works, batch_size=max(1, len(works))):
        if isinstance(result, Failure):
            out.append(result)
            continue
        try:
            out.append(Prepared(result, _segments_of(result.clean or result.text, _STATE.tokenizer)))
        except STAGE_ERRORS as exc:  # one document's failure, as the pipeline would report it
            out.append(Failure(result.id, result.meta.get("source"), f"tagger: {type(exc).__name__}: {exc}"))
    return out, {os.getpid(): peak_rss_kb()}, {os.getpid(): time.process_time()}


def finish_documents(items: list[tuple[Document, Prepared]]) -> tuple[list[Outcome], dict[int, int], dict[int, float]]:
    """Link each document's labelled chunks into candidates, run the stages after the tagger, build records."""
    assert _STATE is not None, "init_worker first"
    works: list[Work] = []
    failed: dict[int, Failure] = {}
    for i, (_, prep) in enumerate(items):
        try:
            _candidates_of(prep)
            works.append(prep.work)
        except STAGE_ERRORS as exc:  # one document's failure, as the pipeline would report it
            failed[i] = Failure(prep.work.id, prep.work.meta.get("source"), f"tagger: {type(exc).__name__}: {exc}")
    finished = iter(_STATE.tail.pipe(works, batch_size=max(1, len(works))))
    outcomes = []
    for i, (doc, _) in enumerate(items):
        result = failed.get(i) or next(finished)
        if not isinstance(result, Failure):
            number_candidates(result)
            result = build_article(result)
        outcomes.append(outcome_of(doc, result))
    return outcomes, {os.getpid(): peak_rss_kb()}, {os.getpid(): time.process_time()}


def _candidates_of(prep: Prepared) -> None:
    """Set ``prep.work.candidates`` from the network's outputs (the tagger stage's own decoding)."""
    assert _STATE is not None
    n_lab = len(LABELS)
    work = prep.work
    found = []
    for seg, (out, path) in zip(prep.segments, prep.outputs, strict=True):
        if seg.tokens:
            logits, q = out[..., :n_lab], out[..., n_lab : n_lab + (out.shape[-1] - n_lab) // 2]
            k = out[..., n_lab + q.shape[-1] :]
            lp = token_log_probs(seg.tokens, seg.spans, logits)
            preds = decode_spans(work.text, seg.offsets, seg.spans, logits, q, k, path=path, log_probs=lp)
            # as TaggerStage does: content ends re-ranked (nothing moves without a ranker)
            preds = rerank_ends(work.text, seg.offsets, lp, path, preds, _STATE.end_ranker)
            found.extend(preds)
    letters = QuotedLetters(work.text, quote_ranges(work.quotations))
    work.candidates = [candidate_of(work, p, _STATE.calibration, letters) for p in found]


# ------------------------------------------------------------------ the device


class GpuTagger:
    """The tagger network on one device, for windows of many documents at once.

    Args:
        device: ``cuda`` (bf16) or ``cpu`` (fp32; tests).
        model_dir: Directory of ``tagger.onnx``; the shipped model by default.

    Raises:
        BatchError: torch (or onnx, to read the weights) is missing, or CUDA is.
    """

    def __init__(self, device: str = "cuda", model_dir: str | Path | None = None):
        try:
            import torch

            from ..attribution.minilm import load_from_onnx
        except ImportError as exc:
            raise BatchError(f"--device cuda needs torch and onnx (pip install 'onrecord[train]'): {exc}") from exc
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise BatchError("--device cuda: no CUDA device is visible here; use --device cpu")
        self.torch = torch
        self.device = device
        self.cuda = device.startswith("cuda")
        self.dtype = torch.bfloat16 if self.cuda else torch.float32
        path = Path(model_dir or MODEL_DIR) / "tagger.onnx"
        self.net = load_from_onnx(path).to(device=device, dtype=self.dtype).eval()

    def run(self, segments: Sequence[Segment]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Outputs and labels for each segment, in order; halves the batch when the device runs out of memory."""
        if not segments:
            return []
        try:
            return self._run(segments)
        except self.torch.cuda.OutOfMemoryError:
            if len(segments) == 1:
                raise
            self.torch.cuda.empty_cache()
            half = len(segments) // 2
            return self.run(segments[:half]) + self.run(segments[half:])

    def _run(self, segments: Sequence[Segment]) -> list[tuple[np.ndarray, np.ndarray]]:
        from ..attribution.bio_scan import bio_decode

        torch = self.torch
        width = -(-max(s.ids.shape[1] for s in segments) // 8) * 8  # multiples of 8 suit the matrix units
        rows = sum(s.ids.shape[0] for s in segments)
        ids = np.full((rows, width), PAD_ID, dtype=np.int32)
        feats = np.zeros((rows, width), dtype=np.int32)
        mask = np.zeros((rows, width), dtype=np.int32)
        gather, firsts, r = [], [], 0
        for s in segments:
            w, wd = s.ids.shape
            ids[r : r + w, :wd] = s.ids
            feats[r : r + w, :wd] = s.feats
            for i, (a, b) in enumerate(s.spans):
                mask[r + i, : b - a + 2] = 1
            gather.append((s.home.astype(np.int64) + r) * width + s.pos)
            first = np.zeros(s.tokens, dtype=bool)
            first[:1] = True
            firsts.append(first)
            r += w
        dev = self.device
        with torch.inference_mode():
            lg, q, k = self.net(*(torch.from_numpy(x).to(dev, non_blocking=True) for x in (ids, feats, mask)))
            out = torch.cat([lg, q, k], dim=-1)
            g = torch.from_numpy(np.concatenate(gather)).to(dev)
            lp = torch.log_softmax(lg.float(), dim=-1).reshape(-1, lg.shape[-1])[g]
            path = bio_decode(torch, lp, torch.from_numpy(np.concatenate(firsts)).to(dev))
            host = (out.to(torch.float16) if self.cuda else out.float()).cpu().numpy()
            labels = path.to(torch.uint8).cpu().numpy()
        results, r, t = [], 0, 0
        for s in segments:
            w, wd = s.ids.shape
            results.append((host[r : r + w, :wd], labels[t : t + s.tokens].astype(np.int64)))
            r += w
            t += s.tokens
        return results


# ------------------------------------------------------------------ the engine


@dataclass
class _UnitState:
    unit: Unit
    outcomes: list[Outcome | None]
    left: int
    rss: dict[int, int] = field(default_factory=dict)
    cpu: dict[int, float] = field(default_factory=dict)


class GpuEngine(PooledEngine):
    """Worker processes for the CPU stages around one model on the GPU, in this process.

    Args:
        spec: The workers' specification (mode, device).
        workers: CPU worker processes.
        batch_tokens: Wordpiece positions per forward pass.
        model_dir: Where the model is (the shipped one by default).
    """

    def __init__(self, spec: WorkerSpec, workers: int = 1, batch_tokens: int = BATCH_TOKENS,
                 model_dir: str | None = None):
        if workers < 1:
            raise BatchError(f"--workers must be at least 1, not {workers}")
        self.spec = spec
        self.workers = workers
        self.batch_tokens = batch_tokens
        self.model_dir = model_dir
        self._pool: ProcessPoolExecutor | None = None
        self.tagger: GpuTagger | None = None

    def __enter__(self) -> GpuEngine:
        self.tagger = GpuTagger(self.spec.device, self.model_dir)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),  # this process holds CUDA: never fork it
            initializer=init_worker,
            initargs=(self.spec, self.model_dir),
        )
        return self

    @staticmethod
    def _run_alone(tagger: GpuTagger, item: tuple[_UnitState, int, Prepared]) -> bool:
        """Tag one document by itself; on failure record it as failed and return False."""
        st, i, p = item
        try:
            p.outputs = tagger.run(p.segments)
            return True
        except STAGE_ERRORS as exc:
            failure = Failure(p.work.id, p.work.meta.get("source"), f"tagger: {type(exc).__name__}: {exc}")
            st.outcomes[i] = outcome_of(st.unit.documents[i], failure)
            st.left -= 1
            return False

    def map(self, units: Iterable[Unit]) -> Iterator[tuple[Unit, ChunkResult]]:
        """Run ``units`` through workers and the device, yielding results in input order."""
        assert self._pool is not None and self.tagger is not None, "use the engine in a with block"
        pool, tagger = self._pool, self.tagger
        stream = iter(units)
        exhausted = False
        order: deque[_UnitState] = deque()
        preps: dict[Future, _UnitState] = {}
        finishes: dict[Future, list[tuple[_UnitState, int]]] = {}
        waiting: list[tuple[_UnitState, int, Prepared]] = []  # prepared, not yet on the device
        waiting_tokens = 0
        info: dict[str, Any] | None = None
        # documents between reading and their record: enough to fill a few passes and keep every worker busy
        max_docs = max(64 * self.workers, 4 * self.batch_tokens // 400)
        in_flight = 0

        def tokens_of(p: Prepared) -> int:
            return sum(s.ids.size for s in p.segments)

        def launch(batch: list[tuple[_UnitState, int, Prepared]]) -> None:
            segs = [s for _, _, p in batch for s in p.segments]
            try:
                outs = iter(tagger.run(segs))
                for _, _, p in batch:
                    p.outputs = [next(outs) for _ in p.segments]
            except STAGE_ERRORS:  # find the document the device cannot take; the others go on
                batch = [item for item in batch if self._run_alone(tagger, item)]
            for a in range(0, len(batch), FINISH_CHUNK):
                part = batch[a : a + FINISH_CHUNK]
                fut = pool.submit(finish_documents, [(st.unit.documents[i], p) for st, i, p in part])
                finishes[fut] = [(st, i) for st, i, _ in part]

        def run_device(flush: bool) -> None:
            nonlocal waiting, waiting_tokens
            if not waiting or (not flush and waiting_tokens < 2 * self.batch_tokens):
                return
            waiting.sort(key=lambda x: max((s.ids.shape[1] for s in x[2].segments), default=0))
            batch: list[tuple[_UnitState, int, Prepared]] = []
            size = 0
            rest: list[tuple[_UnitState, int, Prepared]] = []
            for item in waiting:
                t = tokens_of(item[2])
                if batch and size + t > self.batch_tokens:
                    launch(batch)
                    batch, size = [], 0
                batch.append(item)
                size += t
            if flush:
                launch(batch)
            else:
                rest = batch  # the last, partly filled pass waits for more documents
            waiting = rest
            waiting_tokens = sum(tokens_of(p) for _, _, p in rest)

        def record(st: _UnitState, rss: dict[int, int], cpu: dict[int, float]) -> None:
            for pid, kb in rss.items():
                st.rss[pid] = max(st.rss.get(pid, 0), kb)
            for pid, s in cpu.items():
                st.cpu[pid] = max(st.cpu.get(pid, 0.0), s)

        while True:
            while not exhausted and in_flight < max_docs and len(preps) < 2 * self.workers:
                unit = next(stream, None)
                if unit is None:
                    exhausted = True
                    break
                st = _UnitState(unit, [None] * len(unit.documents), len(unit.documents))
                order.append(st)
                in_flight += len(unit.documents)
                if unit.documents:
                    preps[pool.submit(prepare_documents, list(unit.documents))] = st
            if not preps and not finishes and not waiting:
                if exhausted and not order:
                    return
            # the device runs when enough is waiting, or when nothing more can come before it
            # (flush when nothing is being prepared, or no more may be read: a partly filled pass goes too)
            run_device(flush=not preps or in_flight >= max_docs)
            pending = list(preps) + list(finishes)
            if pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    try:
                        result = fut.result()
                    except BrokenProcessPool as exc:
                        raise BatchError(
                            "a worker process died (killed, or out of memory); finished shards are kept: "
                            "rerun the same command to resume"
                        ) from exc
                    if fut in preps:
                        st = preps.pop(fut)
                        prepared, rss, cpu = result
                        record(st, rss, cpu)
                        for i, p in enumerate(prepared):
                            if isinstance(p, Failure):
                                st.outcomes[i] = outcome_of(st.unit.documents[i], p)
                                st.left -= 1
                            else:
                                waiting.append((st, i, p))
                                waiting_tokens += tokens_of(p)
                    else:
                        slots = finishes.pop(fut)
                        outcomes, rss, cpu = result
                        for (st, i), outcome in zip(slots, outcomes, strict=True):
                            st.outcomes[i] = outcome
                            st.left -= 1
                            record(st, rss, cpu)
            while order and order[0].left == 0:
                st = order.popleft()
                in_flight -= len(st.unit.documents)
                if info is None:
                    info = {"mode": self.spec.mode or DEFAULT_MODE, "stages": list(MODES[self.spec.mode or DEFAULT_MODE]),
                            "model": None, "engine": "gpu"}
                outcomes = [o for o in st.outcomes if o is not None]
                assert len(outcomes) == len(st.outcomes), "a unit came back with a document missing"
                yield st.unit, ChunkResult(outcomes=outcomes, peak_rss_kb=st.rss, pipeline=info, cpu_s=st.cpu)
