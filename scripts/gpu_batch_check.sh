#!/usr/bin/env bash
# One device call: `onrecord batch --device cuda` (the tagger in torch bf16 on the GPU) over the
# PolNeAR dev texts carried in .data/dev.json, 4 workers, accurate mode; then the same texts on the
# CPU path in the same run for the records' agreement. Writes manifest + summary JSON to $OUT.
# CPU smoke test here: OUT=/tmp/gbc PY=.venv/bin/python DEVICE=cpu LIMIT=4 bash scripts/gpu_batch_check.sh
set -u
export PYTHONUNBUFFERED=1
OUT=${OUT:-$PWD/gpu_out}; PY=${PY:-python3}; DEVICE=${DEVICE:-cuda}; LIMIT=${LIMIT:-84}; WORKERS=${WORKERS:-4}
mkdir -p "$OUT"
W=$(mktemp -d /tmp/gbc.XXXXXX)
"$PY" - "$LIMIT" "$W/dev.jsonl" <<'PY'
import json, sys
docs = json.load(open(".data/dev.json"))[: int(sys.argv[1])]
with open(sys.argv[2], "w") as f:
    for d in docs:
        f.write(json.dumps({"id": d["name"], "text": d["text"]}) + "\n")
print(f"{len(docs)} documents")
PY
run() {  # $1 device, $2 out dir
  local t0=$(date +%s%N)
  timeout -k 5 150 "$PY" -c "from onrecord.cli import main; main()" batch "$W/dev.jsonl" --out "$2" \
    --engine local --workers "$WORKERS" --device "$1" --mode accurate -q
  local rc=$?
  echo "rc=$rc device=$1 ms=$(( ($(date +%s%N) - t0) / 1000000 ))"
}
run "$DEVICE" "$W/gpu"
[ "$DEVICE" = cuda ] && CPU_WORKERS=$WORKERS || CPU_WORKERS=1
WORKERS=$CPU_WORKERS run cpu "$W/cpu"
"$PY" - "$W" "$OUT/summary.json" <<'PY'
import glob, json, sys
w, out = sys.argv[1], sys.argv[2]
def recs(d):
    r = {}
    for f in sorted(glob.glob(f"{w}/{d}/shard-*.jsonl")):
        for line in open(f):
            a = json.loads(line)
            r[a["id"]] = {(tuple(map(tuple, q["content"])), q["cue"] and q["cue"]["start"], q["speaker"] and q["speaker"]["start"]) for q in a["quotes"]}
    return r
g, c = recs("gpu"), recs("cpu")
same = sum(len(g[k] & c.get(k, set())) for k in g)
summary = {"articles_gpu": len(g), "articles_cpu": len(c), "quotes_gpu": sum(map(len, g.values())),
           "quotes_cpu": sum(map(len, c.values())), "identical_quotes": same,
           "manifest_gpu": json.load(open(f"{w}/gpu/manifest.json")) if glob.glob(f"{w}/gpu/manifest.json") else None}
json.dump(summary, open(out, "w"), indent=1)
print({k: v for k, v in summary.items() if k != "manifest_gpu"})
PY
