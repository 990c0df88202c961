"""The batch runner: 1 vs 2 workers, peak memory per worker, and a 5 MB article.

Usage::

    .venv/bin/python bench/bench_batch.py [--mode fast] [--articles N] [--data DIR]

The corpus is the PolNeAR dev texts (``../shared/data/polnear``), repeated to
``--articles`` documents with distinct ids; without the corpus, generated
articles of similar length. In this one process and run it times:

- ``extract_documents``: the API's stream loop in this process, no batch
  machinery -- the baseline;
- ``batch local 1 worker`` and ``batch local 2 workers``: ``run_batch`` into a
  fresh directory (worker start and pipeline build included, as a user sees it);

and reports articles/s with the ratio to the baseline and of 2 workers to 1,
the peak RSS of every worker (``VmHWM`` from ``/proc``, reported by the worker
itself), and the peak RSS of a worker (a child process, sampled from
``/proc``) that extracts one 5 MB article beside a worker's peak on ordinary
articles; that run is stopped after ``--big-timeout`` seconds and reported
as unfinished, with its peak so far.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"

#: Size of the large-article check: issue 5 ("a 5 MB article does not blow memory").
BIG_ARTICLE_BYTES = 5 * 1024 * 1024
#: Peak RSS a worker may reach (issue 5).
RSS_LIMIT_MB = 1536


def generated_text(i: int, paragraphs: int = 12) -> str:
    """An invented article of about PolNeAR's length (~5 KB) with quotes and reported speech."""
    names = ["Ada Morgan", "Ben Okafor", "Carla Ruiz", "Dev Patel", "Elin Berg", "Farid Haddad"]
    topics = ["the budget", "the new bridge", "water prices", "the election", "school meals", "the strike"]
    parts = [f"Story {i}: a row over {topics[i % 6]} deepened on Tuesday."]
    for p in range(paragraphs):
        who, topic = names[(i + p) % 6], topics[(i * 3 + p) % 6]
        parts.append(
            f'"We will not back down on {topic}, whatever the cost," {who} said on day {p + 1}. '
            f"{who.split()[0]} told reporters that officials had ignored warnings about {topic}, "
            f"and the council said it would publish its figures next week. According to a spokesman, "
            f"the plan \"remains under review\" while ministers consider the evidence."
        )
    return "\n\n".join(parts) + "\n"


def load_corpus(articles: int, data: Path) -> tuple[list, str]:
    """Return ``articles`` Documents (PolNeAR dev texts repeated, or generated) and a label."""
    from onrecord.model import Document

    paths = sorted((data / "dev" / "text").glob("*.txt"))
    if paths:
        texts = [(p.stem, p.read_text(encoding="utf-8")) for p in paths]
        label = f"PolNeAR dev ({len(texts)} texts) repeated to {articles}"
    else:
        texts = [(f"gen-{i:03d}", generated_text(i)) for i in range(84)]
        label = f"generated articles (PolNeAR absent), {articles}"
    docs = [
        Document(id=f"{texts[i % len(texts)][0]}-r{i // len(texts)}", text=texts[i % len(texts)][1])
        for i in range(articles)
    ]
    return docs, label


def big_article(target_bytes: int = BIG_ARTICLE_BYTES) -> str:
    """One article of about ``target_bytes`` of UTF-8, built from generated paragraphs."""
    parts, size, i = [], 0, 0
    while size < target_bytes:
        part = generated_text(i, paragraphs=4)
        parts.append(part)
        size += len(part.encode("utf-8")) + 1
        i += 1
    return "\n".join(parts)


def run_batch_timed(docs: list, workers: int, mode: str, extractor: str, out: Path) -> tuple[float, dict]:
    from onrecord.batch import BatchConfig, run_batch

    t0 = time.perf_counter()
    report = run_batch(
        iter(docs),
        BatchConfig(out=out, mode=mode, workers=workers, shard_size=100, extractor=extractor, progress=False),
    )
    elapsed = time.perf_counter() - t0
    assert report.ok + report.failed == len(docs), report
    return elapsed, report.manifest


def pipeline_error(mode: str) -> str | None:
    from onrecord.api import get_pipeline

    try:
        get_pipeline(mode)
    except ImportError as exc:
        return str(exc)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", default="fast")
    parser.add_argument("--articles", type=int, default=336)
    parser.add_argument("--data", type=Path, default=POLNEAR)
    parser.add_argument("--repeats", type=int, default=3, help="interleaved runs per row (medians)")
    parser.add_argument("--big-mb", type=float, default=BIG_ARTICLE_BYTES / 2**20, help="size of the big article")
    parser.add_argument("--big-timeout", type=float, default=120.0, help="seconds the big article may take")
    parser.add_argument("--extractor", default="onrecord.api:extract_documents", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.extractor == "onrecord.api:extract_documents" and (err := pipeline_error(args.mode)):
        print(f"bench_batch: skipped, the {args.mode} pipeline does not build here: {err}")
        return 0
    from onrecord.batch.worker import resolve_extractor

    docs, label = load_corpus(args.articles, args.data)
    chars = sum(len(d.text) for d in docs)
    print(f"# bench_batch: mode={args.mode}, {label}, {chars / len(docs):,.0f} chars/article")
    print(f"# machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"# command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"# load average at the start: {os.getloadavg()[0]:.1f}", flush=True)

    extract = resolve_extractor(args.extractor)
    list(extract(docs[:16], mode=args.mode))  # build the pipeline and warm caches

    def baseline() -> float:
        t0 = time.perf_counter()
        n = sum(1 for _ in extract(iter(docs), mode=args.mode))
        return n / (time.perf_counter() - t0)

    # Interleaved repeats, medians: the machine is shared, so its load drifts between runs.
    rates: dict[str, list[float]] = {"base": [], "w1": [], "w2": []}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        for r in range(args.repeats):
            rates["base"].append(baseline())
            t1, m1 = run_batch_timed(docs, 1, args.mode, args.extractor, Path(tmp) / f"w1-{r}")
            t2, m2 = run_batch_timed(docs, 2, args.mode, args.extractor, Path(tmp) / f"w2-{r}")
            rates["w1"].append(len(docs) / t1)
            rates["w2"].append(len(docs) / t2)
    base = statistics.median(rates["base"])
    rows = [
        ("extract_documents (1 process, baseline)", base, None),
        ("batch local, 1 worker (in process)", statistics.median(rates["w1"]), m1),
        ("batch local, 2 workers (spawned)", statistics.median(rates["w2"]), m2),
    ]
    print(f"# load average at the end: {os.getloadavg()[0]:.1f}; medians of {args.repeats} interleaved runs\n")

    print(f"{'run':<42} {'articles/s':>10} {'× baseline':>10}")
    for name, rate, _ in rows:
        print(f"{name:<42} {rate:>10.1f} {rate / base:>9.2f}×")
    print(f"\n2 workers / 1 worker: {rows[2][1] / rows[1][1]:.2f}×   (issue 5 target ≥ 1.8×)")
    run2 = m2["runs"][0]
    busy = sum(run2["worker_cpu_s"].values()) / (run2["elapsed_s"] * 2)
    print(
        f"2-worker run: workers were on a CPU {busy:.0%} of its wall time "
        f"(CPU s by worker: {', '.join(f'{v:.1f}' for v in run2['worker_cpu_s'].values())}; "
        "below ~90% the cores were busy with other work or waiting)",
        flush=True,
    )

    per_worker = m2["runs"][0]["peak_rss_mb"]
    normal_peak = max(per_worker.values())
    print(f"\n{'memory (VmHWM from /proc)':<42} {'peak MB':>10} {'× worker':>10}")
    for pid, mbs in per_worker.items():
        print(f"{'worker ' + pid + ', ' + str(len(docs)) + ' articles':<42} {mbs:>10.1f} {mbs / normal_peak:>9.2f}×")
    print(f"{'driver (2-worker run)':<42} {m2['runs'][0]['driver_peak_rss_mb']:>10.1f}", flush=True)

    big_mb, seconds, finished, big_peak = measure_big_article(args)
    state = f"{seconds:.0f} s" if finished else f"unfinished after {seconds:.0f} s"
    label = f"one {big_mb:.1f} MB article ({state})"
    print(f"{label:<42} {big_peak:>10.1f} {big_peak / normal_peak:>9.2f}×")
    worst = max(normal_peak, big_peak)
    verdict = "within" if worst <= RSS_LIMIT_MB else "OVER"
    print(f"\npeak RSS per worker {worst:.0f} MB: {verdict} the {RSS_LIMIT_MB} MB limit (issue 5)")
    return 0


BIG_SCRIPT = """
import sys
from pathlib import Path
from onrecord.batch import BatchConfig, run_batch
from onrecord.model import Document
text = Path(sys.argv[1]).read_text(encoding="utf-8")
run_batch([Document(id="big", text=text)], BatchConfig(out=Path(sys.argv[2]), mode=sys.argv[3] or None,
          extractor=sys.argv[4], workers=1, progress=False))
"""


def measure_big_article(args: argparse.Namespace) -> tuple[float, float, bool, float]:
    """Extract one big article in a child process (one in-process worker), sampling its VmHWM.

    Returns:
        The article's size in MB, the seconds it ran, whether it finished
        within ``--big-timeout``, and the child's peak RSS in MB.
    """
    import subprocess

    from onrecord.batch.memory import peak_rss_kb

    big = big_article(int(args.big_mb * 2**20))
    with tempfile.TemporaryDirectory(prefix="bench-big-") as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(big, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        cmd = [sys.executable, "-c", BIG_SCRIPT, str(path), str(Path(tmp) / "out"), args.mode, args.extractor]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env)
        peak = 0
        while proc.poll() is None and time.perf_counter() - t0 < args.big_timeout:
            peak = max(peak, peak_rss_kb(proc.pid))
            time.sleep(0.2)
        finished = proc.poll() is not None
        if not finished:
            proc.kill()
        proc.wait()
        seconds = time.perf_counter() - t0
        if finished and proc.returncode != 0:
            raise SystemExit(f"bench_batch: the big-article run failed with status {proc.returncode}")
    return len(big.encode("utf-8")) / 2**20, seconds, finished, peak / 1024


if __name__ == "__main__":
    sys.exit(main())
