#!/usr/bin/env bash
# One device run: the tagger's second training run, then the GPU benchmark (issue 5).
#
# The lead runs, from the repository root, with carry [".data"]:
#
#     bash scripts/gpu_run2.sh            (timeout_s 540; ends by itself in at most ~450 s)
#
# (i)  bash scripts/gpu_train.sh with its defaults (configs b,c,e), sweep budget TRAIN_BUDGET (195 s),
#      killed after TRAIN_HARD (250 s): $OUT/train/ gets tagger-0N.safetensors (4), config.json,
#      metrics.json, train.log = 7 files.
# (ii) bench/bench_gpu.py (budget 150 s, killed after BENCH_HARD = 175 s): $OUT/bench_gpu.json
#      (results, table, and the benchmark's whole log) = 1 file. 8 files in all, the device's limit.
# Every step is time-boxed and the bench runs whatever the training did. Exit status: the
# benchmark's (0: every part ran), or 3 when training wrote no weights.
# CPU smoke test here (tiny settings):
#     OUT=/tmp/run2 PY=.venv/bin/python DEVICE=cpu LIMIT=3 EPOCHS=1 MAX_STEPS=2 BATCH=4 CONFIGS=b \
#         ARTICLES=60 ARTICLES_C=16 WORKERS=2 A2_TEXTS=4 SECONDS_A=1 SECONDS_A2=1 SECONDS_B=15 \
#         SECONDS_BW=8 bash scripts/gpu_run2.sh
set -u
export PYTHONUNBUFFERED=1
OUT=${OUT:-$PWD/gpu_out}
PY=${PY:-python3}
TRAIN_BUDGET=${TRAIN_BUDGET:-195}
TRAIN_HARD=${TRAIN_HARD:-250}
BENCH_HARD=${BENCH_HARD:-175}
T0=$(date +%s)
mkdir -p "$OUT/train"
echo "gpu_run2: start $(date -u +%FT%TZ) in $PWD, OUT=$OUT"
command -v nvidia-smi >/dev/null && nvidia-smi -L
echo "gpu_run2: $(nproc) cpus; /dev/shm: $(df -h /dev/shm 2>/dev/null | tail -1)"
du -sh .data 2>&1

echo "gpu_run2: (i) training, sweep budget ${TRAIN_BUDGET}s, hard limit ${TRAIN_HARD}s"
OUT="$OUT/train" PY="$PY" BUDGET="$TRAIN_BUDGET" HARD="$TRAIN_HARD" \
  timeout -k 5 $((TRAIN_HARD + 20)) bash scripts/gpu_train.sh
train_rc=$?
echo "gpu_run2: training exited with $train_rc after $(( $(date +%s) - T0 ))s"
grep -h '"best"' -A3 "$OUT/train/metrics.json" 2>/dev/null | head -5

echo "gpu_run2: (ii) benchmark, hard limit ${BENCH_HARD}s"
OUT="$OUT" BENCH_JSON=bench_gpu.json timeout -k 5 "$BENCH_HARD" "$PY" bench/bench_gpu.py
bench_rc=$?
echo "gpu_run2: benchmark exited with $bench_rc after $(( $(date +%s) - T0 ))s"

n=$(find "$OUT" -type f | wc -l)
echo "gpu_run2: $n files under \$OUT (the device returns 8 at most):"
find "$OUT" -type f -printf '%P %s\n' | sort
[ "$n" -le 8 ] || echo "gpu_run2: WARNING more than 8 files; some will not come back"
[ "$train_rc" -eq 3 ] && exit 3
exit "$bench_rc"
