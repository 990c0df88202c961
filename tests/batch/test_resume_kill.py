"""A run killed with SIGKILL mid-way resumes to exactly what an uninterrupted run writes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from batchkit import EXTRACTOR, read_texts, write_corpus

from onrecord.batch import BatchConfig, run_batch

HERE = Path(__file__).resolve().parent

SCRIPT = """
import sys
from pathlib import Path
from batchkit import read_texts
from onrecord.batch import BatchConfig, run_batch
run_batch(read_texts(Path(sys.argv[1])), BatchConfig(
    out=Path(sys.argv[2]), mode="fast", shard_size=5, workers=2,
    extractor="batchkit:slow_extract_documents", progress=False))
"""


def done_shards(out: Path) -> int:
    try:
        return len(json.loads((out / "manifest.json").read_text())["shards"])
    except (OSError, ValueError, KeyError):
        return 0


def test_a_killed_run_resumes(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    write_corpus(corpus, 60)
    (corpus / "a-0031.txt").write_bytes(b"")
    reference = tmp_path / "reference"
    run_batch(read_texts(corpus), BatchConfig(out=reference, mode="fast", shard_size=5, extractor=EXTRACTOR,
                                              progress=False))

    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path])}
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(corpus), str(out)], env=env, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while done_shards(out) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, "the run finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)  # the driver and its worker processes
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    killed = json.loads((out / "manifest.json").read_text())
    assert killed["complete"] is False and 2 <= len(killed["shards"]) < 12

    report = run_batch(read_texts(corpus), BatchConfig(out=out, mode="fast", shard_size=5, workers=2,
                                                       extractor=EXTRACTOR, progress=False))
    assert report.complete
    assert report.shards_skipped == len(killed["shards"])
    assert report.shards_written == 12 - len(killed["shards"])

    def files(d: Path) -> dict[str, str]:
        return {p.name: p.read_text() for p in sorted(d.glob("shard-*.jsonl"))}

    assert files(out) == files(reference)
    assert (out / "errors.jsonl").read_text() == (reference / "errors.jsonl").read_text()
    assert not list(out.glob("*.tmp"))
    resumed = json.loads((out / "manifest.json").read_text())
    ref = json.loads((reference / "manifest.json").read_text())
    assert resumed["counts"] == ref["counts"] == {**ref["counts"], "documents": 60, "failed": 1}
    assert len(resumed["runs"]) == 2
