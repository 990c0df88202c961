"""GPU end-to-end benchmark of the attribution tagger (issue 5, "GPU path").

Usage (on the device machine; every knob is an environment variable)::

    PYTHONUNBUFFERED=1 python3 bench/bench_gpu.py            # writes $OUT/bench_gpu.json
    ARTICLES=200 ARTICLES_C=60 DEVICE=cpu WORKERS=2 .venv/bin/python bench/bench_gpu.py   # CPU smoke test

The PolNeAR dev texts (``.data/dev.json``, or ``../shared/data/polnear/dev``)
are replicated to ``ARTICLES`` articles; article ``i`` is dev text ``i % 84``.
Nothing is materialised: the driver hands out article numbers and every
worker holds the 84 texts.

Parts, each time-boxed, each failing on its own (its error goes in the JSON):

- ``a``  encoder ceiling: the tagger network (MiniLM-L6 + heads, bf16) on
  random ids, ``BATCH_TOKENS`` tokens per pass in windows of 512, data resident
  on the GPU: tokens/s, and articles/s at the dev mean wordpieces per article.
- ``a2`` the same network on the real windows of the dev texts, batched and
  sorted by length exactly as in ``b``, resident on the GPU: the ceiling of
  the tagger's own work (window overlap and padding included).
- ``b``  tagger end to end: ``WORKERS`` CPU processes tokenise and window
  (prep), the driver batches windows sorted by length into pinned memory,
  runs bf16 forward passes and the constrained BIO decoding
  (:mod:`onrecord.attribution.bio_scan`, a parallel scan over every article
  of the batch laid end to end); a copy stream brings the outputs back while
  the next pass runs, straight into page-locked shared memory
  (``DIRECT_COPY=0``: through the driver); the worker that prepared an
  article links its chunks into ``Candidate`` objects.
- ``c``  the full accurate pipeline (the default mode; no spaCy in it): workers
  run clean + quotes + tokenisation, the GPU tags, workers decode, merge with
  the quotation-mark rules, resolve speakers, find statements and serialise
  the contract record (JSON line), on ``ARTICLES_C``.
- ``check`` the candidates of ``b`` for the first dev texts against the
  shipped CPU path (onnxruntime int8), exact agreement of (content, cue, source).

Printed last: a table of stage, articles/s and fraction of the encoder
ceiling (``a``'s articles/s).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import platform
import queue
import sys
import time
import traceback
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

#: Shipped model files (tagger.onnx, tokenizer.json, labels.json).
MODEL_DIR = ROOT / "onrecord" / "attribution" / "model"
#: Width of one output position: 7 tag logits + 64 link queries + 64 link keys.
OUT_WIDTH = 7 + 64 + 64
#: BERT special ids of MiniLM's uncased vocabulary ([CLS], [SEP]).
CLS_ID, SEP_ID = 101, 102


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def env_float(name: str, default: float) -> float:
    return float(os.environ.get(name) or default)


LOG: list[str] = []
T0 = time.time()


def log(msg: str) -> None:
    line = f"[bench {time.time() - T0:6.1f}s] {msg}"
    LOG.append(line)
    print(line, flush=True)


def load_texts() -> list[str]:
    """Return the PolNeAR dev texts (84), from ``DATA``, ``.data/dev.json`` or ``../shared/data/polnear``."""
    cands = [os.environ.get("DATA") or "", str(ROOT / ".data" / "dev.json"), str(ROOT.parent / "shared" / "data" / "polnear")]
    for c in cands:
        p = Path(c) if c else None
        if p is None or not p.exists():
            continue
        if p.is_file():
            return [d["text"] for d in json.loads(p.read_text())]
        texts = []
        for sub in ("dev", "test", "train"):
            d = p / sub / "text"
            if d.is_dir():
                texts = [f.read_text(encoding="utf-8") for f in sorted(d.glob("*.txt"))]
                if texts:
                    return texts
    raise SystemExit("no PolNeAR dev texts: set DATA, or carry .data (dev.json)")


# ------------------------------------------------------------------ workers


def worker_main(wid: int, texts: list[str], tasks: mp.Queue, results: mp.Queue) -> None:
    """A CPU worker: prepares articles (tokenise, window) and decodes the GPU's outputs.

    State stays in the worker between the two steps (article number -> its
    encoding and Work), so only window ids go to the driver and only a
    shared-memory reference comes back.
    """
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from multiprocessing import shared_memory

    from onrecord.attribution.content_ends import load_end_ranker, rerank_ends
    from onrecord.attribution.tagger import QuotedLetters, TaggerStage, quote_ranges
    from onrecord.attribution.tagging import LABELS, decode_spans, token_log_probs, viterbi

    tok = load_tokenizer()
    ranker = load_end_ranker(MODEL_DIR / "end_ranker.json")
    info = json.loads((MODEL_DIR / "labels.json").read_text()) if (MODEL_DIR / "labels.json").is_file() else {}
    # the stage's own candidate builder, without loading an onnxruntime session per worker
    stage = TaggerStage.__new__(TaggerStage)
    stage.calibration = (info.get("calibration") or {}).get("coef")
    full: dict[str, object] = {}
    state: dict[int, tuple] = {}
    segs: dict[str, object] = {}
    n_lab = len(LABELS)

    def full_stages() -> dict[str, object]:
        if not full:
            from onrecord.pipeline import build_article, load_stage, number_candidates, work_from_document

            full.update(clean=load_stage("clean"), quotes=load_stage("quotes"), merge=load_stage("merge"),
                        resolve=load_stage("resolve"), floor=load_stage("floor"),
                        statements=load_stage("statements"), build_article=build_article,
                        number_candidates=number_candidates, work_from_document=work_from_document)
        return full

    def seg_array(name: str, size: int) -> np.ndarray:
        if name not in segs:
            # spawned workers share the driver's resource tracker, which the driver's unlink clears
            shm = shared_memory.SharedMemory(name=name)
            segs[name] = shm
        return np.ndarray((size,), dtype=np.float16, buffer=segs[name].buf)  # type: ignore[attr-defined]

    def handle_task(msg: tuple) -> None:
        kind = msg[0]
        if kind == "init":  # a new part: drop what an interrupted part left behind
            state.clear()
            if msg[1] == "full":
                full_stages()
            results.put(("ready", wid))
            return
        if kind == "prep":
            _, mode, items = msg
            c0 = time.process_time()
            out = []
            for seq, doc in items:
                text = texts[doc]
                work = None
                if mode == "full":
                    st = full_stages()
                    from onrecord.model import Document

                    work = st["work_from_document"](Document(id=f"a{seq}", text=text))  # type: ignore[operator]
                    st["clean"](work)  # type: ignore[operator]
                    st["quotes"](work)  # type: ignore[operator]
                    text_in = work.clean or work.text
                else:
                    text_in = text
                art, enc, spans = prepare(seq, text_in, tok)
                state[seq] = (enc, spans, text, work)
                out.append(art)
            results.put(("prepped", wid, out, time.process_time() - c0))
            return
        if kind == "decode":
            _, mode, seg_id, seg_name, seg_size, T, rows = msg
            c0 = time.process_time()
            arr = seg_array(seg_name, seg_size)
            n_cand = 0
            n_bytes = 0
            sigs = []
            for seq, row0, W, dev_path in rows:
                enc, spans, text, work = state.pop(seq)
                # fp16 views: the decoder widens only the rows it reads
                out = arr[row0 * T * OUT_WIDTH : (row0 + W) * T * OUT_WIDTH].reshape(W, T, OUT_WIDTH)
                logits, q, k = out[..., :n_lab], out[..., n_lab : n_lab + 64], out[..., n_lab + 64 :]
                n = len(enc)
                if n:
                    lp = token_log_probs(n, spans, logits)
                    path = dev_path.astype(np.int64) if dev_path is not None else viterbi(lp)
                    preds = decode_spans(text, enc.offsets, spans, logits, q, k, path=path, log_probs=lp)
                    # the shipped decoding re-ranks content ends (added after the 2026-11-26 H200 runs)
                    preds = rerank_ends(text, enc.offsets, lp, path, preds, ranker)
                else:
                    preds = []
                if work is None:
                    from onrecord.work import Work

                    work = Work(id=f"a{seq}", text=text)
                letters = QuotedLetters(work.text, quote_ranges(work.quotations))
                work.candidates = [stage._candidate(work, p, letters) for p in preds]
                n_cand += len(work.candidates)
                if mode == "full":
                    st = full_stages()
                    st["merge"](work)  # type: ignore[operator]
                    st["number_candidates"](work)  # type: ignore[operator]
                    st["resolve"](work)  # type: ignore[operator]
                    st["floor"](work)  # type: ignore[operator]
                    st["number_candidates"](work)  # type: ignore[operator]
                    st["statements"](work)  # type: ignore[operator]
                    line = json.dumps(st["build_article"](work).to_dict(include_text=True), ensure_ascii=False)  # type: ignore[operator]
                    n_bytes += len(line)
                if seq < len(texts):  # first pass over the dev texts: keep a signature for the check
                    sigs.append((seq, sorted((tuple(map(tuple, c.content)), tuple(c.cue or ()), tuple(c.speaker or ()))
                                             for c in work.candidates)))
            results.put(("decoded", wid, seg_id, len(rows), n_cand, n_bytes, sigs, time.process_time() - c0))
            return
        raise ValueError(f"unknown task {kind!r}")

    while True:
        msg = tasks.get()
        kind = msg[0]
        if kind == "stop":
            break
        try:
            handle_task(msg)
        except Exception as exc:  # noqa: BLE001 - report to the driver; the worker stays up
            results.put(("error", wid, f"{kind}: {type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    for shm in segs.values():
        shm.close()  # type: ignore[attr-defined]


class Workers:
    """``n`` worker processes, each with its own task queue, one shared result queue."""

    def __init__(self, n: int, texts: list[str]):
        ctx = mp.get_context("spawn")  # the driver holds CUDA: never fork it
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")  # n workers on n cores: no worker may start a thread pool
        self.results: mp.Queue = ctx.Queue()
        self.tasks = [ctx.Queue() for _ in range(n)]
        self.procs = [ctx.Process(target=worker_main, args=(i, texts, self.tasks[i], self.results), daemon=True)
                      for i in range(n)]
        for p in self.procs:
            p.start()

    def init(self, mode: str, timeout: float) -> None:
        for q in self.tasks:
            q.put(("init", mode))
        got = 0
        deadline = time.time() + timeout
        while got < len(self.tasks):
            msg = self.results.get(timeout=max(0.1, deadline - time.time()))
            if msg[0] == "ready":
                got += 1

    def alive(self) -> bool:
        return all(p.is_alive() for p in self.procs)

    def stop(self) -> None:
        for q in self.tasks:
            try:
                q.put(("stop",))
            except (OSError, ValueError):
                pass
        for p in self.procs:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()


# ------------------------------------------------------------------ GPU side


class Engine:
    """The tagger network on the device, with pinned input and output staging and a copy stream."""

    def __init__(self, device: str):
        import torch

        from onrecord.attribution.minilm import load_from_onnx

        self.torch = torch
        self.device = device
        self.cuda = device.startswith("cuda")
        net = load_from_onnx(MODEL_DIR / "tagger.onnx")
        self.dtype = torch.bfloat16 if self.cuda else torch.float32
        self.net = net.to(device=device, dtype=self.dtype).eval()
        if self.cuda:
            torch.backends.cuda.matmul.allow_tf32 = True
            self.copy_stream = torch.cuda.Stream()
        self.gpu_ms = 0.0  # device time of forward passes (input copy included) and device Viterbi
        self.viterbi_ms = 0.0  # of which the device Viterbi
        self._timing: deque = deque()

    def forward(self, packed: np.ndarray, gather: np.ndarray | None = None, lens: list[int] | None = None,
                dest=None):
        """Launch one batch; ``packed`` is int32 ``[B, 2T+1]`` (ids | feats | length). Returns a handle.

        With ``gather`` (each token's flat home position) and ``lens`` (tokens per article), the
        label paths are decoded on the device too (:func:`onrecord.attribution.bio_scan.bio_decode`).
        ``dest``: a page-locked host tensor (a registered shared-memory segment) that receives the
        outputs directly, so the driver copies nothing.
        """
        from onrecord.attribution.bio_scan import bio_decode

        torch = self.torch
        B, W2 = packed.shape
        T = (W2 - 1) // 2
        host_in = torch.from_numpy(packed)
        if self.cuda:
            host_in = host_in.pin_memory()
            start, mid, end = (torch.cuda.Event(enable_timing=True) for _ in range(3))
            start.record()
        x = host_in.to(self.device, non_blocking=True)
        ids, feats, widths = x[:, :T], x[:, T : 2 * T], x[:, 2 * T]
        mask = (torch.arange(T, device=self.device)[None, :] < widths[:, None]).to(torch.int32)
        path = None
        with torch.inference_mode():
            lg, q, k = self.net(ids, feats, mask)
            out = torch.cat([lg, q, k], dim=-1).to(torch.float16)
            if self.cuda:
                mid.record()
            if gather is not None and lens and sum(lens):
                real = [n for n in lens if n]
                firsts_np = np.zeros(sum(real), dtype=bool)
                firsts_np[np.cumsum([0] + real[:-1])] = True
                g, firsts = torch.from_numpy(gather), torch.from_numpy(firsts_np)
                if self.cuda:
                    g, firsts = g.pin_memory(), firsts.pin_memory()
                g, firsts = g.to(self.device, non_blocking=True), firsts.to(self.device, non_blocking=True)
                lp = torch.log_softmax(lg.float(), dim=-1).reshape(-1, lg.shape[-1])[g]
                path = bio_decode(torch, lp, firsts).to(torch.uint8)
        if not self.cuda:
            host = out.numpy()
            if dest is not None:
                dest[: host.size] = torch.from_numpy(host.reshape(-1))
            return {"host": host, "path": None if path is None else path.numpy(), "done": None}
        end.record()
        self._timing.append((start, mid, end))
        host = dest[: out.numel()].view(out.shape) if dest is not None else torch.empty(out.shape, dtype=torch.float16, pin_memory=True)
        host_path = None if path is None else torch.empty(path.shape, dtype=torch.uint8, pin_memory=True)
        self.copy_stream.wait_event(end)
        with torch.cuda.stream(self.copy_stream):
            host.copy_(out, non_blocking=True)
            if path is not None:
                host_path.copy_(path, non_blocking=True)
            done = torch.cuda.Event()
            done.record(self.copy_stream)
        out.record_stream(self.copy_stream)
        if path is not None:
            path.record_stream(self.copy_stream)
        return {"host": host, "path": host_path, "done": done, "direct": dest is not None}

    def register(self, buf) -> object | None:
        """A float16 tensor over ``buf`` (shared memory), page-locked for direct device copies; None if refused."""
        torch = self.torch
        t = torch.frombuffer(buf, dtype=torch.float16)
        if not self.cuda:
            return t
        try:
            err = torch.cuda.cudart().cudaHostRegister(t.data_ptr(), t.numel() * 2, 0)
        except (AttributeError, RuntimeError) as exc:
            log(f"cudaHostRegister unavailable ({exc}): outputs are copied through the driver")
            return None
        if int(err) != 0:
            log(f"cudaHostRegister failed ({err}): outputs are copied through the driver")
            return None
        return t

    def unregister(self, t) -> None:
        if self.cuda and t is not None:
            self.torch.cuda.cudart().cudaHostUnregister(t.data_ptr())

    def ready(self, handle) -> bool:
        return handle["done"] is None or handle["done"].query()

    def result(self, handle) -> tuple[np.ndarray, np.ndarray | None]:
        """The batch's outputs ``[B, T, 135]`` (fp16) and its label paths (uint8, or None)."""
        if handle["done"] is not None:
            handle["done"].synchronize()
            self._collect()
            path = handle["path"]
            return handle["host"].numpy(), None if path is None else path.numpy()
        return handle["host"], handle["path"]

    def _collect(self) -> None:
        while self._timing and self._timing[0][2].query():
            s, m, e = self._timing.popleft()
            self.gpu_ms += s.elapsed_time(e)
            self.viterbi_ms += m.elapsed_time(e)

    def sync(self) -> None:
        if self.cuda:
            self.torch.cuda.synchronize()
            self._collect()


def pack_batch(arts: list[tuple]) -> tuple[np.ndarray, int, list[tuple[int, int, int, int]], np.ndarray]:
    """Stack the windows of ``arts`` (seq, n, ids[W, L+2], feats, home, pos) into one int32 array ``[rows, 2T+1]``.

    Returns the array, its width ``T``, ``(seq, first row, windows, tokens)`` per article, and per token
    (articles in order) its flat position in ``[rows, T]`` within its home window.
    """
    T = max(a[2].shape[1] for a in arts)
    T = -(-T // 8) * 8  # multiples of 8 suit the matrix units
    rows = sum(a[2].shape[0] for a in arts)
    packed = np.zeros((rows, 2 * T + 1), dtype=np.int32)
    layout = []
    gathers = []
    r = 0
    for seq, n, ids, feats, home, pos in arts:
        W, w = ids.shape
        packed[r : r + W, :w] = ids
        packed[r : r + W, T : T + w] = feats
        packed[r : r + W, 2 * T] = w
        layout.append((seq, r, W, n))
        gathers.append((home.astype(np.int64) + r) * T + pos)
        r += W
    gather = np.concatenate(gathers) if gathers else np.zeros(0, np.int64)
    return packed, T, layout, gather


def form_batches(pool: list, batch_tokens: int) -> list[list]:
    """Sort ``pool`` (prepared articles) by window length and cut it into batches of at most ``batch_tokens``."""
    pool.sort(key=lambda a: a[2].shape[1])
    batches, cur, cur_rows, cur_T = [], [], 0, 0
    for a in pool:
        W, w = a[2].shape
        T = -(-max(cur_T, w) // 8) * 8
        if cur and (cur_rows + W) * T > batch_tokens:
            batches.append(cur)
            cur, cur_rows, cur_T = [], 0, 0
            T = -(-w // 8) * 8
        cur.append(a)
        cur_rows += W
        cur_T = max(cur_T, w)
    if cur:
        batches.append(cur)
    return batches


# ------------------------------------------------------------------ parts


def part_a(engine: Engine, batch_tokens: int, seconds: float, mean_wp: float) -> dict:
    """Encoder ceiling on random ids, windows of 512, data resident on the device."""
    torch = engine.torch
    T = 512
    B = max(1, batch_tokens // T)
    g = torch.Generator(device="cpu").manual_seed(0)
    sets = [torch.randint(1000, 30000, (B, T), generator=g, dtype=torch.int32).to(engine.device) for _ in range(3)]
    feats = torch.randint(0, 6, (B, T), generator=g, dtype=torch.int32).to(engine.device)
    mask = torch.ones((B, T), dtype=torch.int32, device=engine.device)
    with torch.inference_mode():
        for i in range(3):
            engine.net(sets[i % 3], feats, mask)
        engine.sync()
        iters = 0
        t = time.perf_counter()
        while True:
            for _ in range(5 if engine.cuda else 1):
                engine.net(sets[iters % 3], feats, mask)
                iters += 1
            engine.sync()
            if time.perf_counter() - t > seconds:
                break
        dt = time.perf_counter() - t
    tok_s = iters * B * T / dt
    return {"tokens_per_s": round(tok_s), "articles_per_s": round(tok_s / mean_wp, 1), "batch": [B, T],
            "iterations": iters, "seconds": round(dt, 2), "wordpieces_per_article": round(mean_wp, 1)}


def prepare(seq: int, text: str, tok) -> tuple[tuple, object, list[tuple[int, int]]]:
    """Tokenise and window one article.

    Returns ``(seq, n, ids [W, L+2] uint16, feats uint8, home uint16 [n], pos uint16 [n])`` (each
    token's home window and its position there, [CLS] at 0), the encoding, and the window spans.
    """
    from onrecord.attribution.tagging import encode_text, home_of, window_spans

    enc = encode_text(text, tok)
    n = len(enc)
    spans = window_spans(n) if n else []
    L = (spans[0][1] - spans[0][0]) if spans else 0
    ids = np.zeros((len(spans), L + 2), dtype=np.uint16)
    feats = np.zeros((len(spans), L + 2), dtype=np.uint8)
    for r, (s, e) in enumerate(spans):
        ids[r, 0], ids[r, L + 1] = CLS_ID, SEP_ID
        ids[r, 1 : L + 1] = enc.ids[s:e]
        feats[r, 1 : L + 1] = enc.feats[s:e]
    if n:
        home = home_of(n, spans)
        pos = np.arange(n) - np.asarray([a for a, _ in spans], dtype=np.int64)[home] + 1
    else:
        home = pos = np.zeros(0, np.int64)
    return (seq, n, ids, feats, home.astype(np.uint16), pos.astype(np.uint16)), enc, spans


def load_tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def prep_local(texts: list[str]) -> list[tuple]:
    """Windows of every dev text, prepared in this process (for ``a2``)."""
    tok = load_tokenizer()
    return [a for a in (prepare(i, t, tok)[0] for i, t in enumerate(texts)) if a[1]]


def part_a2(engine: Engine, arts: list, batch_tokens: int, seconds: float) -> dict:
    """The network on the real (sorted, padded) windows of the dev texts, resident on the device."""
    torch = engine.torch
    arts = arts[: env_int("A2_TEXTS", len(arts))]
    reps = max(1, -(-4 * batch_tokens // max(1, sum(a[2].size for a in arts))))
    pool = [a for _ in range(reps) for a in arts]
    batches = []
    for b in form_batches(pool, batch_tokens):
        packed, T, _, _ = pack_batch(b)
        batches.append(torch.from_numpy(packed).to(engine.device))
    n_arts = len(pool)
    with torch.inference_mode():
        def one_pass():
            for x in batches:
                T = (x.shape[1] - 1) // 2
                mask = (torch.arange(T, device=engine.device)[None, :] < x[:, 2 * T, None]).to(torch.int32)
                lg, q, k = engine.net(x[:, :T], x[:, T : 2 * T], mask)
                torch.cat([lg, q, k], dim=-1).to(torch.float16)
        if engine.cuda:  # warm-up (the CPU smoke test skips it)
            one_pass()
        engine.sync()
        passes = 0
        t = time.perf_counter()
        while True:
            one_pass()
            passes += 1
            engine.sync()
            if time.perf_counter() - t > seconds:
                break
        dt = time.perf_counter() - t
    positions = sum(int(x.shape[0]) * ((int(x.shape[1]) - 1) // 2) for x in batches)
    real = sum(a[2].size for a in pool)
    return {"articles_per_s": round(passes * n_arts / dt, 1), "padded_positions_per_s": round(passes * positions / dt),
            "padding_fraction": round(1 - real / positions, 4), "batches_per_pass": len(batches),
            "articles_per_pass": n_arts, "seconds": round(dt, 2)}


def part_stream(engine: Engine, workers: Workers, mode: str, n_articles: int, n_texts: int, seconds: float,
                batch_tokens: int, chunk: int, sigs: dict | None, dev_viterbi: bool) -> dict:
    """Stream ``n_articles`` through workers (prep) -> device -> workers (decode); see the module doc."""
    from multiprocessing import shared_memory

    n_workers = len(workers.tasks)
    sort_rows = env_int("SORT_WINDOWS", max(4 * batch_tokens // 512, 64))
    max_ahead = env_int("MAX_AHEAD_ARTICLES", max(8 * sort_rows, 64 * n_workers))
    n_seg = env_int("SEGMENTS", 12)
    inflight_max = env_int("INFLIGHT", 3)
    seg_size = batch_tokens * OUT_WIDTH + 512 * OUT_WIDTH * 16
    try:  # shared memory lives in /dev/shm; a small one (containers) would SIGBUS on write
        import shutil

        room = shutil.disk_usage("/dev/shm").free
        if room < n_seg * seg_size * 2 * 1.25:
            n_seg = int(room // (seg_size * 2 * 1.25))
            log(f"/dev/shm has {room / 2**20:.0f} MiB free: {n_seg} output segments")
            if n_seg < 2:
                raise RuntimeError(f"/dev/shm too small ({room / 2**20:.0f} MiB free); lower BATCH_TOKENS")
    except FileNotFoundError:
        pass
    segs = [shared_memory.SharedMemory(create=True, size=seg_size * 2) for _ in range(n_seg)]
    free_segs = list(range(n_seg))
    seg_arrs = [np.ndarray((seg_size,), dtype=np.float16, buffer=s.buf) for s in segs]
    # the device writes its outputs straight into the segments when the driver may page-lock them
    seg_dest = [engine.register(s.buf) for s in segs] if env_int("DIRECT_COPY", 1) else [None] * n_seg
    direct = all(d is not None for d in seg_dest)
    if not direct:
        for d in seg_dest:
            engine.unregister(d)
        seg_dest = [None] * n_seg
    seg_pending = [0] * n_seg
    owner: dict[int, int] = {}
    prep_out = [0] * n_workers  # prep chunks sent and not returned, per worker
    next_seq = 0
    pool: list = []
    pool_rows = 0
    formed: deque = deque()
    inflight: deque = deque()
    done = 0
    held = 0  # articles sent to prep and not yet decoded
    too_long = 0
    cpu_prep = cpu_decode = 0.0
    n_cand = 0
    out_bytes = 0
    batches = 0
    rows_total = 0
    positions_total = 0
    gpu_wait_s = 0.0  # driver time with nothing to launch and the device idle
    first_done_t = None
    t_start = time.perf_counter()
    deadline = t_start + seconds
    hard_deadline = deadline + env_float("DRAIN_SECONDS", 20)
    stopped_early = False
    engine.gpu_ms = engine.viterbi_ms = 0.0
    try:
        while done + too_long < next_seq or next_seq < n_articles:
            now = time.perf_counter()
            if now > hard_deadline:
                stopped_early = True
                log(f"{mode}: hard deadline, {held} articles abandoned in flight")
                break
            feeding = next_seq < n_articles and now < deadline
            if not feeding and next_seq < n_articles:
                n_articles = next_seq  # time box: stop handing out articles, drain the rest
                stopped_early = True
            # 1. hand out prep work, least-loaded worker first, bounded look-ahead
            while feeding and next_seq < n_articles and held < max_ahead:
                w = min(range(n_workers), key=lambda i: prep_out[i])
                if prep_out[w] >= 2:
                    break
                k = min(chunk, n_articles - next_seq)
                items = [(s, s % n_texts) for s in range(next_seq, next_seq + k)]
                workers.tasks[w].put(("prep", mode, items))
                for s, _ in items:
                    owner[s] = w
                prep_out[w] += 1
                next_seq += k
                held += k
            # 2. results from the workers
            got_any = False
            for _ in range(64):
                try:
                    msg = workers.results.get_nowait()
                except queue.Empty:
                    break
                got_any = True
                if msg[0] == "error":
                    raise RuntimeError(f"worker {msg[1]} failed: {msg[2]}")
                if msg[0] == "prepped":
                    _, w, arts, cpu = msg
                    prep_out[w] -= 1
                    cpu_prep += cpu
                    for a in arts:
                        W, width = a[2].shape
                        if W == 0:  # an empty article: nothing to tag
                            workers.tasks[owner[a[0]]].put(("decode", mode, -1, segs[0].name, seg_size, 1, [(a[0], 0, 0, None)]))
                            continue
                        if W * (-(-width // 8) * 8) > batch_tokens:
                            too_long += 1
                            held -= 1
                            continue
                        pool.append(a)
                        pool_rows += W
                elif msg[0] == "decoded":
                    _, w, seg_id, k, nc, nb, sg, cpu = msg
                    cpu_decode += cpu
                    n_cand += nc
                    out_bytes += nb
                    done += k
                    held -= k
                    if first_done_t is None:
                        first_done_t = time.perf_counter()
                    if seg_id >= 0:
                        seg_pending[seg_id] -= 1
                        if seg_pending[seg_id] == 0:
                            free_segs.append(seg_id)
                    if sigs is not None:
                        for seq, s in sg:
                            sigs[seq] = s
            # 3. sort the pool into batches once it is large (or nothing more is coming)
            prep_pending = sum(prep_out)
            if pool and (pool_rows >= sort_rows or (prep_pending == 0 and (next_seq >= n_articles or held >= max_ahead))):
                formed.extend(form_batches(pool, batch_tokens))
                pool, pool_rows = [], 0
            # 4. launch while the device queue is short and an output segment is free
            launched = False
            while formed and free_segs and len(inflight) < inflight_max:
                arts = formed.popleft()
                packed, T, layout, gather = pack_batch(arts)
                seg_id = free_segs.pop()
                if dev_viterbi:
                    handle = engine.forward(packed, gather, [a[3] for a in layout], dest=seg_dest[seg_id])
                else:
                    handle = engine.forward(packed, dest=seg_dest[seg_id])
                inflight.append((handle, seg_id, T, layout))
                batches += 1
                rows_total += packed.shape[0]
                positions_total += packed.shape[0] * T
                launched = True
            # 5. finished batches: outputs into shared memory, decode tasks to the owning workers
            while inflight and engine.ready(inflight[0][0]):
                handle, seg_id, T, layout = inflight.popleft()
                host, paths = engine.result(handle)
                if not handle.get("direct"):
                    flat = host.reshape(-1)
                    seg_arrs[seg_id][: flat.size] = flat
                by_worker: dict[int, list] = {}
                at = 0
                for seq, r, W, n in layout:
                    p = None
                    if paths is not None:
                        p = paths[at : at + n]
                        at += n
                    by_worker.setdefault(owner.pop(seq), []).append((seq, r, W, p))
                seg_pending[seg_id] = len(by_worker)
                for w, rows in by_worker.items():
                    workers.tasks[w].put(("decode", mode, seg_id, segs[seg_id].name, seg_size, T, rows))
            if not got_any and not launched:
                if not inflight:
                    gpu_wait_s += 0.0005
                time.sleep(0.0005)
        engine.sync()
    finally:
        for d in seg_dest:
            engine.unregister(d)
        del seg_dest, seg_arrs
        for s in segs:
            s.close()
            try:
                s.unlink()
            except FileNotFoundError:
                pass
    t_end = time.perf_counter()
    wall = t_end - t_start
    steady = (t_end - first_done_t) if first_done_t else wall
    res = {
        "mode": mode, "viterbi": "device" if dev_viterbi else "workers", "articles_done": done, "articles_requested": n_articles, "time_boxed": stopped_early,
        "too_long_skipped": too_long, "seconds": round(wall, 2), "articles_per_s": round(done / wall, 1) if wall else 0.0,
        "articles_per_s_after_first": round(done / steady, 1) if steady > 0 else 0.0,
        "batches": batches, "windows": rows_total, "padded_positions": positions_total,
        "windows_per_article": round(rows_total / max(1, done), 3),
        "device_busy_fraction": round(engine.gpu_ms / 1000 / wall, 3) if engine.cuda else None,
        "device_viterbi_fraction": round(engine.viterbi_ms / 1000 / wall, 3) if engine.cuda else None,
        "driver_idle_device_idle_s": round(gpu_wait_s, 2), "direct_copy": direct,
        "worker_cpu_s": {"prep": round(cpu_prep, 1), "decode": round(cpu_decode, 1)},
        "worker_cpu_ms_per_article": {"prep": round(1000 * cpu_prep / max(1, done), 2),
                                      "decode": round(1000 * cpu_decode / max(1, done), 2)},
        "candidates": n_cand, "record_bytes": out_bytes, "workers": n_workers,
    }
    return res


def part_check(texts: list[str], sigs: dict, k: int, seconds: float) -> dict:
    """Compare ``b``'s candidates with the CPU paths on the first ``k`` dev texts.

    References: the shipped default (onnxruntime, int8) and the same dequantised
    weights in torch fp32 on the CPU (so bf16 alone explains any difference).
    Candidates are compared exactly on (content, cue, source) character ranges.
    """
    from onrecord.attribution.tagger import TaggerStage
    from onrecord.work import Work

    out: dict = {}
    for ref_name, opts in (("onnxruntime_int8", {"backend": "onnxruntime", "threads": os.cpu_count()}),
                           ("torch_fp32_cpu", {"backend": "torch"})):
        stage = TaggerStage(device="cpu", **opts)
        same = total_ref = total_gpu = arts = 0
        t = time.perf_counter()
        for i in range(min(k, len(texts))):
            if i not in sigs or time.perf_counter() - t > seconds / 2:
                continue
            work = Work(id=f"r{i}", text=texts[i])
            stage(work)
            ref_set = {(tuple(map(tuple, c.content)), tuple(c.cue or ()), tuple(c.speaker or ())) for c in work.candidates}
            gpu_set = set(sigs[i])
            same += len(gpu_set & ref_set)
            total_ref += len(ref_set)
            total_gpu += len(gpu_set)
            arts += 1
        out[ref_name] = {"articles": arts, "ref_candidates": total_ref, "gpu_candidates": total_gpu, "identical": same,
                         "agreement_f1": round(2 * same / max(1, total_ref + total_gpu), 4),
                         "seconds": round(time.perf_counter() - t, 1)}
    return out


# ------------------------------------------------------------------ main


def main() -> int:
    out_dir = Path(os.environ.get("OUT") or (ROOT / "out"))
    out_dir.mkdir(parents=True, exist_ok=True)
    out_path = out_dir / os.environ.get("BENCH_JSON", "bench_gpu.json")
    parts = [p.strip() for p in os.environ.get("PARTS", "a,a2,b,check,c,bw").split(",") if p.strip()]
    total_budget = env_float("TOTAL_SECONDS", 150)
    report: dict = {"command": " ".join([sys.executable] + sys.argv), "parts": parts, "results": {}, "errors": {},
                    "log": LOG}

    def write() -> None:
        report["elapsed_s"] = round(time.time() - T0, 1)
        out_path.write_text(json.dumps(report, indent=1, default=str))

    import torch

    device = os.environ.get("DEVICE") or ("cuda" if torch.cuda.is_available() else "cpu")
    if device.startswith("cuda") and not torch.cuda.is_available():
        log("DEVICE=cuda but torch sees no CUDA device: running the CPU version")
        device = "cpu"
    cpu = device == "cpu"
    n_articles = env_int("ARTICLES", 200 if cpu else 200_000)
    n_articles_c = env_int("ARTICLES_C", 60 if cpu else 20_000)
    n_workers = env_int("WORKERS", 2 if cpu else max(1, min(15, (os.cpu_count() or 2) - 1)))
    batch_tokens = env_int("BATCH_TOKENS", 4096 if cpu else 524288)  # H200: 65536 -> 1031, 262144 -> 1464, 524288 -> 1617 articles/s
    chunk = env_int("CHUNK", 8 if cpu else 32)
    texts = load_texts()
    report["machine"] = {
        "device": device, "gpu": torch.cuda.get_device_name(0) if not cpu else None,
        "torch": torch.__version__, "python": platform.python_version(), "cpus": os.cpu_count(),
        "host": platform.node(),
    }
    report["params"] = {"articles": n_articles, "articles_c": n_articles_c, "workers": n_workers,
                        "batch_tokens": batch_tokens, "chunk": chunk, "dev_texts": len(texts),
                        "total_budget_s": total_budget}
    log(f"device {device} ({report['machine']['gpu']}), torch {torch.__version__}, {os.cpu_count()} cpus, "
        f"{len(texts)} dev texts, params {report['params']}")
    write()

    def left() -> float:
        return total_budget - (time.time() - T0)

    engine = Engine(device)
    log(f"network loaded ({sum(p.numel() for p in engine.net.parameters()) / 1e6:.1f}M parameters, {engine.dtype})")
    arts = prep_local(texts)
    mean_wp = float(np.mean([a[1] for a in arts])) if arts else 1000.0
    report["params"]["dev_mean_wordpieces"] = round(mean_wp, 1)
    workers = None
    try:
        if {"b", "bw", "c"} & set(parts):
            workers = Workers(n_workers, texts)  # starts while the device warms up
        def ready_workers(mode: str) -> Workers:
            """The pool, initialised for ``mode``; restarted when a worker died or does not answer."""
            nonlocal workers
            for attempt in (1, 2):
                if workers is None or not workers.alive():
                    if workers is not None:
                        workers.stop()
                    log("starting workers")
                    workers = Workers(n_workers, texts)
                try:
                    workers.init(mode, 60)
                    return workers
                except queue.Empty:
                    log(f"workers did not answer (attempt {attempt}); restarting them")
                    workers.stop()
                    workers = None
            raise RuntimeError("workers do not start")

        for name in parts:
            t_part = time.time()
            try:
                if name == "a":
                    r = part_a(engine, batch_tokens, min(env_float("SECONDS_A", 3 if cpu else 8), max(1, left() / 10)), mean_wp)
                elif name == "a2":
                    r = part_a2(engine, arts, batch_tokens, min(env_float("SECONDS_A2", 3 if cpu else 6), max(1, left() / 10)))
                elif name in ("b", "bw"):
                    # b: label paths decoded on the device; bw: by the workers (the CPU Viterbi of tagging.py)
                    pool = ready_workers("tagger")
                    sigs: dict = {}
                    if name == "b":
                        report["_sigs"] = sigs
                        box = min(env_float("SECONDS_B", 20 if cpu else 70), max(1, left() - 60))
                    else:
                        box = min(env_float("SECONDS_BW", 10 if cpu else 15), max(1, left() - 8))
                    dev_viterbi = name == "b" and os.environ.get("VITERBI", "device") == "device"
                    try:
                        r = part_stream(engine, pool, "tagger", n_articles, len(texts), box, batch_tokens, chunk,
                                        sigs, dev_viterbi)
                    except Exception as exc:  # noqa: BLE001 - the device Viterbi is the new part: retry without it
                        if not dev_viterbi:
                            raise
                        log(f"{name} with the device Viterbi failed ({type(exc).__name__}: {exc}); workers restarted, "
                            f"retrying with the workers' Viterbi")
                        report["errors"][name + "_device_viterbi"] = traceback.format_exc()
                        pool.stop()
                        pool = ready_workers("tagger")
                        sigs.clear()
                        r = part_stream(engine, pool, "tagger", n_articles, len(texts), max(1, min(box, left() - 45)),
                                        batch_tokens, chunk, sigs, False)
                elif name == "c":
                    r = part_stream(engine, ready_workers("full"), "full", n_articles_c, len(texts),
                                    min(env_float("SECONDS_C", 20 if cpu else 25), max(1, left() - 25)),
                                    batch_tokens, chunk, None, os.environ.get("VITERBI", "device") == "device")
                elif name == "check":
                    sigs = report.get("_sigs") or {}
                    r = part_check(texts, sigs, env_int("CHECK_ARTICLES", 8 if cpu else 24),
                                   min(env_float("SECONDS_CHECK", 20 if cpu else 10), max(1, left() - 40)))
                else:
                    raise ValueError(f"unknown part {name!r}")
                r["part_seconds"] = round(time.time() - t_part, 1)
                report["results"][name] = r
                log(f"{name}: {json.dumps(r)}")
            except Exception as exc:  # noqa: BLE001 - one part failing must not lose the others
                report["errors"][name] = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
                log(f"{name} FAILED: {type(exc).__name__}: {exc}")
            report.pop("_sigs", None) if name == "check" else None
            write()
            if left() < 5:
                log("total budget spent; skipping the remaining parts")
                break
    finally:
        if workers is not None:
            workers.stop()
    report.pop("_sigs", None)
    table = summarise(report)
    report["table"] = table
    write()
    print("\n" + "\n".join(table), flush=True)
    log(f"wrote {out_path}")
    return 0 if not report["errors"] else 1


def summarise(report: dict) -> list[str]:
    res = report["results"]
    ceiling = (res.get("a") or {}).get("articles_per_s")
    m = report.get("machine", {})
    rows = [f"machine: {m.get('gpu') or 'cpu'}, {m.get('cpus')} cpus, torch {m.get('torch')}; "
            f"{report['params'].get('workers')} workers; dev mean {report['params'].get('dev_mean_wordpieces')} wordpieces/article",
            f"{'stage':<44} {'articles/s':>11} {'of ceiling':>10}"]

    def row(label: str, aps: float | None, extra: str = "") -> None:
        frac = f"{aps / ceiling:.2f}" if aps and ceiling else "-"
        rows.append(f"{label:<44} {aps if aps is not None else '-':>11} {frac:>10}  {extra}")

    if "a" in res:
        row("a  encoder ceiling (random ids, 512)", res["a"]["articles_per_s"], f"{res['a']['tokens_per_s'] / 1e6:.2f}M tokens/s")
    if "a2" in res:
        row("a2 network on real windows (GPU-resident)", res["a2"]["articles_per_s"],
            f"padding {res['a2']['padding_fraction']:.1%}")
    for key, label in (("b", "b  tagger end to end, Viterbi on device"), ("bw", "bw tagger end to end, Viterbi in workers"),
                       ("c", "c  full pipeline (JSON records)")):
        if key in res:
            r = res[key]
            busy = r.get("device_busy_fraction")
            row(label, r["articles_per_s"], f"{r['articles_done']} articles in {r['seconds']}s"
                + (f", device busy {busy:.0%} (Viterbi {r.get('device_viterbi_fraction') or 0:.0%})" if busy is not None else "")
                + f", worker ms/article prep {r['worker_cpu_ms_per_article']['prep']} decode {r['worker_cpu_ms_per_article']['decode']}")
    for ref, c in (res.get("check") or {}).items():
        if isinstance(c, dict) and "identical" in c:
            rows.append(f"check vs {ref}: {c['identical']} of {c['ref_candidates']} candidates identical "
                        f"({c['gpu_candidates']} from b), agreement F1 {c['agreement_f1']} over {c['articles']} articles")
    for name, err in report["errors"].items():
        rows.append(f"{name}: FAILED {err.splitlines()[0]}")
    return rows


if __name__ == "__main__":
    sys.exit(main())
