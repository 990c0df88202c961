#!/usr/bin/env bash
# Train the attribution tagger on the GPU machine, in one run that ends by itself.
#
# The lead runs, from the repository root, with carry [".data"] (made here by
# `.venv/bin/python scripts/prepare_training.py`):
#
#     bash scripts/gpu_train.sh
#
# Writes into $OUT (at most 8 files, each < 15 MiB): tagger-0N.safetensors
# (fp16 shards of the best epoch), config.json, metrics.json (every epoch's
# dev scores, the best one, timings) and train.log.
# Knobs (environment): CONFIGS (b,c,e; the first run used a,b,c), BUDGET (sweep seconds, 250), HARD (kill
# after seconds, 320), EPOCHS, LIMIT, MAX_STEPS, BATCH, DEVICE, PY.
# CPU smoke test here:
#     OUT=/tmp/gpu_out PY=.venv/bin/python DEVICE=cpu LIMIT=4 EPOCHS=1 MAX_STEPS=2 BATCH=4 CONFIGS=a \
#         bash scripts/gpu_train.sh
set -u
export PYTHONUNBUFFERED=1
OUT=${OUT:-$PWD/gpu_out}
PY=${PY:-python3}
CONFIGS=${CONFIGS:-b,c,e}
BUDGET=${BUDGET:-250}
HARD=${HARD:-320}
mkdir -p "$OUT"
LOG="$OUT/train.log"
{
  echo "gpu_train: start $(date -u +%FT%TZ) in $PWD, OUT=$OUT"
  . scripts/tagger_stub.sh
  check_training_data gpu_train
  du -sh .data 2>&1
  command -v nvidia-smi >/dev/null && nvidia-smi -L
  STUB=$(make_tagger_stub)
  "$PY" -c "import sys, torch, numpy, safetensors; print('python', sys.version.split()[0], 'torch', torch.__version__, 'cuda', torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else '')"
  ARGS=(--data .data --out "$OUT" --configs "$CONFIGS" --time-budget "$BUDGET")
  [ -n "${EPOCHS:-}" ] && ARGS+=(--epochs "$EPOCHS")
  [ -n "${LIMIT:-}" ] && ARGS+=(--limit "$LIMIT")
  [ -n "${MAX_STEPS:-}" ] && ARGS+=(--max-steps "$MAX_STEPS")
  [ -n "${BATCH:-}" ] && ARGS+=(--batch-size "$BATCH")
  [ -n "${DEVICE:-}" ] && ARGS+=(--device "$DEVICE")
  PYTHONPATH="$STUB" timeout -k 10 "$HARD" "$PY" -m onrecord.attribution.train "${ARGS[@]}"
  rc=$?
  echo "gpu_train: train exited with $rc at $(date -u +%FT%TZ)"
  rm -rf "$STUB"
  ls -la "$OUT"
  [ -f "$OUT/config.json" ] && ls "$OUT"/tagger-*.safetensors >/dev/null 2>&1 && echo "gpu_train: weights written" \
    || { echo "gpu_train: NO weights written"; exit 3; }
  exit $rc
} 2>&1 | tee "$LOG"
exit "${PIPESTATUS[0]}"
