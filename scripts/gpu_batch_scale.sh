#!/usr/bin/env bash
# One device call (issue 5): the product's GPU path at scale. `onrecord batch --device cuda`
# (every worker holds the tagger in torch bf16 on the GPU; tokenisation, decoding, merge,
# speakers, statements and JSON in the worker) over the 84 PolNeAR dev texts replicated to
# N articles, for each worker count in WORKER_COUNTS. Writes $OUT/scale.json.
# Carry .data (dev.json). CPU smoke test here:
#     OUT=/tmp/gbs PY=.venv/bin/python DEVICE=cpu N=40 WORKER_COUNTS=2 bash scripts/gpu_batch_scale.sh
set -u
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
OUT=${OUT:-$PWD/gpu_out}; PY=${PY:-python3}; DEVICE=${DEVICE:-cuda}; N=${N:-20000}
WORKER_COUNTS=${WORKER_COUNTS:-15}; LIMIT_S=${LIMIT_S:-150}
mkdir -p "$OUT"
W=$(mktemp -d /tmp/gbs.XXXXXX)
"$PY" - "$N" "$W/in.jsonl" <<'PY'
import json, sys
docs = json.load(open(".data/dev.json"))
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    for i in range(n):
        d = docs[i % len(docs)]
        f.write(json.dumps({"id": f"{d['name']}#{i}", "text": d["text"]}) + "\n")
print(f"{n} documents")
PY
for w in $WORKER_COUNTS; do
  t0=$(date +%s%N)
  timeout -k 5 "$LIMIT_S" "$PY" -c "from onrecord.cli import main; main()" batch "$W/in.jsonl" --out "$W/out$w" \
    --engine local --workers "$w" --device "$DEVICE" --mode accurate --shard-size 500 -q
  echo "rc=$? workers=$w device=$DEVICE wall_ms=$(( ($(date +%s%N) - t0) / 1000000 ))"
done
"$PY" - "$W" "$OUT/scale.json" "$WORKER_COUNTS" <<'PY'
import glob, json, sys
w, out, counts = sys.argv[1], sys.argv[2], sys.argv[3].split()
res = {}
for c in counts:
    m = f"{w}/out{c}/manifest.json"
    if glob.glob(m):
        man = json.load(open(m))
        res[c] = {"counts": man.get("counts"), "timings": man.get("timings"), "complete": man.get("complete"),
                  "runs": man.get("runs")}
json.dump(res, open(out, "w"), indent=1)
for c, r in res.items():
    print(c, "workers:", r["counts"], r["timings"], "complete", r["complete"])
PY
