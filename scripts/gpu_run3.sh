#!/usr/bin/env bash
# One device call (issue 5, third session): the GPU benchmark with the scan decoder and
# direct-to-shared-memory copies, then `onrecord batch --device cuda` over the dev texts
# (TaggerStage's torch path now decodes on the GPU too) against the CPU path.
#
# The lead runs, from the repository root, with carry [".data"]:
#
#     bash scripts/gpu_run3.sh            (timeout_s 420; ends by itself in at most ~360 s)
#
# $OUT gets bench_gpu.json (results, table, log) and batch/summary.json.
# CPU smoke test here (tiny settings):
#     OUT=/tmp/run3 PY=.venv/bin/python DEVICE=cpu ARTICLES=60 ARTICLES_C=16 WORKERS=2 A2_TEXTS=4 \
#         SECONDS_A=1 SECONDS_A2=1 SECONDS_B=15 SECONDS_C=10 LIMIT=3 bash scripts/gpu_run3.sh
set -u
export PYTHONUNBUFFERED=1
OUT=${OUT:-$PWD/gpu_out}
PY=${PY:-python3}
BENCH_HARD=${BENCH_HARD:-220}
T0=$(date +%s)
mkdir -p "$OUT/batch"
echo "gpu_run3: start $(date -u +%FT%TZ) in $PWD, OUT=$OUT"
command -v nvidia-smi >/dev/null && nvidia-smi -L
echo "gpu_run3: $(nproc) cpus; /dev/shm: $(df -h /dev/shm 2>/dev/null | tail -1)"

echo "gpu_run3: (i) benchmark, hard limit ${BENCH_HARD}s"
PARTS=${PARTS:-a,a2,b,check,c} TOTAL_SECONDS=${TOTAL_SECONDS:-190} SECONDS_B=${SECONDS_B:-60} \
  OUT="$OUT" BENCH_JSON=bench_gpu.json timeout -k 5 "$BENCH_HARD" "$PY" bench/bench_gpu.py
bench_rc=$?
echo "gpu_run3: benchmark exited with $bench_rc after $(( $(date +%s) - T0 ))s"

echo "gpu_run3: (ii) onrecord batch --device ${DEVICE:-cuda} over the dev texts, then the CPU path"
OUT="$OUT/batch" PY="$PY" LIMIT=${LIMIT:-84} timeout -k 5 200 bash scripts/gpu_batch_check.sh
echo "gpu_run3: batch check exited with $? after $(( $(date +%s) - T0 ))s"

find "$OUT" -type f -printf '%P %s\n' | sort
exit "$bench_rc"
