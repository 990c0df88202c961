#!/usr/bin/env bash
# Train several tagger configurations at once on one GPU (each its own process), keep the best.
#
# The lead runs, from the repository root, with carry [".data"] (made here by
# `.venv/bin/python scripts/prepare_training.py`):
#
#     bash scripts/gpu_sweep.sh            (timeout_s 500; ends by itself in at most HARD + 30 s)
#
# MiniLM-L6 with batches of 16 windows leaves most of an H100/H200 idle, so the configurations
# run side by side rather than in turn (the second run's sweep of three took 127 s in turn).
# Each process writes its best epoch under a scratch folder; the best of all (dev mean F1 of
# source, cue and content, as in train.py) is copied to $OUT: tagger-0N.safetensors (4 shards),
# config.json, metrics.json (every process's history, the winner first) and sweep.log = 7 files.
# Knobs (environment): CONFIGS (f,g,h,i,j,k,l,m), BUDGET (each process's seconds, 330), HARD (kill
# after seconds, 370), EPOCHS, LIMIT, MAX_STEPS, BATCH, DEVICE, PY.
# CPU smoke test here:
#     OUT=/tmp/sweep_out PY=.venv/bin/python DEVICE=cpu LIMIT=3 EPOCHS=1 MAX_STEPS=2 BATCH=4 CONFIGS=f,h \
#         bash scripts/gpu_sweep.sh
set -u
export PYTHONUNBUFFERED=1 OMP_NUM_THREADS=2
OUT=${OUT:-$PWD/gpu_out}
PY=${PY:-python3}
CONFIGS=${CONFIGS:-f,g,h,i,j,k,l,m}
BUDGET=${BUDGET:-330}
HARD=${HARD:-370}
mkdir -p "$OUT"
LOG="$OUT/sweep.log"
{
  echo "gpu_sweep: start $(date -u +%FT%TZ) in $PWD, OUT=$OUT, configs $CONFIGS"
  . scripts/tagger_stub.sh
  check_training_data gpu_sweep
  command -v nvidia-smi >/dev/null && nvidia-smi -L
  STUB=$(make_tagger_stub)
  SCRATCH=$(mktemp -d /tmp/onrecord_sweep.XXXXXX)
  "$PY" -c "import sys, torch; print('python', sys.version.split()[0], 'torch', torch.__version__, 'cuda', torch.cuda.is_available())"
  pids=()
  for c in ${CONFIGS//,/ }; do
    ARGS=(--data .data --out "$SCRATCH/$c" --configs "$c" --time-budget "$BUDGET")
    [ -n "${EPOCHS:-}" ] && ARGS+=(--epochs "$EPOCHS")
    [ -n "${LIMIT:-}" ] && ARGS+=(--limit "$LIMIT")
    [ -n "${MAX_STEPS:-}" ] && ARGS+=(--max-steps "$MAX_STEPS")
    [ -n "${BATCH:-}" ] && ARGS+=(--batch-size "$BATCH")
    [ -n "${DEVICE:-}" ] && ARGS+=(--device "$DEVICE")
    mkdir -p "$SCRATCH/$c"
    PYTHONPATH="$STUB" timeout -k 10 "$HARD" "$PY" -m onrecord.attribution.train "${ARGS[@]}" \
      > "$SCRATCH/$c/train.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  echo "gpu_sweep: every process ended at $(date -u +%FT%TZ)"
  for c in ${CONFIGS//,/ }; do echo "== $c"; grep -E 'best|error|Error|memory' "$SCRATCH/$c/train.log" | tail -3; done
  if [ "${SOUP:-1}" = 1 ]; then
    # greedy soup across the processes (each one's best), kept only when it beats the best single one
    DIRS=$(for c in ${CONFIGS//,/ }; do [ -f "$SCRATCH/$c/metrics.json" ] && printf '%s,' "$SCRATCH/$c"; done)
    mkdir -p "$SCRATCH/soup"
    PYTHONPATH="$STUB" timeout -k 10 "${SOUP_HARD:-150}" "$PY" -m onrecord.attribution.train --data .data \
      --out "$SCRATCH/soup" --soup-from "${DIRS%,}" ${DEVICE:+--device "$DEVICE"} ${LIMIT:+--limit "$LIMIT"}
    echo "gpu_sweep: soup exited with $? at $(date -u +%FT%TZ)"
  fi
  "$PY" - "$SCRATCH" "$OUT" <<'PY'
import json, shutil, sys
from pathlib import Path
scratch, out = Path(sys.argv[1]), Path(sys.argv[2])
runs = []
for d in sorted(p for p in scratch.iterdir() if (p / "metrics.json").is_file()):
    m = json.loads((d / "metrics.json").read_text())
    if m["best"]["config"] is not None:
        runs.append((m["best"]["best"], d.name, m))
runs.sort(key=lambda r: -r[0])
soup = None
if (scratch / "soup" / "metrics.json").is_file():
    soup = json.loads((scratch / "soup" / "metrics.json").read_text())
    print(f"gpu_sweep: soup {soup['members']}: mean F1 {soup['best']['best']}")
for best, name, m in runs:
    print(f"gpu_sweep: {name}: best {m['best']['config']} epoch {m['best']['epoch']} mean F1 {best}")
if not runs:
    sys.exit(3)
best, name, m = runs[0]
if soup is not None and soup["best"]["best"] > best:
    best, name, m = soup["best"]["best"], "soup", {**soup, "history": [], "configs": [], "elapsed_s": None}
for f in (scratch / name).glob("tagger-*.safetensors"):
    shutil.copy(f, out / f.name)
shutil.copy(scratch / name / "config.json", out / "config.json")
winner = dict(m)
winner["soup"] = soup
winner["sweep"] = [{"process": n, "best": r["best"], "configs": r["configs"], "history": r["history"],
                    "elapsed_s": r["elapsed_s"]} for _, n, r in runs]
winner["command"] = "bash scripts/gpu_sweep.sh (one process per configuration, side by side)"
(out / "metrics.json").write_text(json.dumps(winner, indent=1))
print(f"gpu_sweep: kept {name}")
PY
  rc=$?
  rm -rf "$STUB" "$SCRATCH"
  ls -la "$OUT"
  exit $rc
} 2>&1 | tee "$LOG"
exit "${PIPESTATUS[0]}"
