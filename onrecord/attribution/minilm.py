"""The tagger network in plain torch: a BERT encoder (MiniLM-L6) with tagging and linking heads.

The encoder is written out here rather than taken from ``transformers`` so that
the same code trains on the GPU machine (whatever ``transformers`` it has),
loads the shipped weights by their BERT names, and exports to ONNX with no
custom operators. Only torch, safetensors and numpy are imported.

Weights are stored as fp16 safetensors *shards*, each under
:data:`SHARD_BYTES`; a tensor larger than a shard (the word embeddings) is cut
along its first axis into parts named ``<name>::<i>``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from safetensors.torch import load_file, save_file
from torch import nn

from .tagging import LABELS, N_FEATS

#: Largest shard written (the device returns files of at most 16 MiB).
SHARD_BYTES = 14 * 1024 * 1024
#: Width of the linking projections.
LINK_DIM = 64


class SelfAttention(nn.Module):
    def __init__(self, hidden: int, heads: int):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)


class DenseNorm(nn.Module):
    def __init__(self, d_in: int, d_out: int, eps: float):
        super().__init__()
        self.dense = nn.Linear(d_in, d_out)
        self.LayerNorm = nn.LayerNorm(d_out, eps=eps)


class Attention(nn.Module):
    def __init__(self, hidden: int, heads: int, eps: float):
        super().__init__()
        self.self = SelfAttention(hidden, heads)
        self.output = DenseNorm(hidden, hidden, eps)


class Intermediate(nn.Module):
    def __init__(self, hidden: int, inner: int):
        super().__init__()
        self.dense = nn.Linear(hidden, inner)


class Layer(nn.Module):
    def __init__(self, hidden: int, heads: int, inner: int, eps: float, dropout: float):
        super().__init__()
        self.attention = Attention(hidden, heads, eps)
        self.intermediate = Intermediate(hidden, inner)
        self.output = DenseNorm(inner, hidden, eps)
        self.drop = dropout

    def forward(self, x: torch.Tensor, bias: torch.Tensor, fused: bool) -> torch.Tensor:
        b, t, h = x.shape
        sa = self.attention.self
        nh = sa.heads
        shape = (b, t, nh, h // nh)
        q = sa.query(x).view(shape).permute(0, 2, 1, 3)
        k = sa.key(x).view(shape).permute(0, 2, 1, 3)
        v = sa.value(x).view(shape).permute(0, 2, 1, 3)
        p = self.drop if self.training else 0.0
        if fused:
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=bias.to(q.dtype), dropout_p=p)
        else:
            scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(h // nh) + bias
            ctx = torch.matmul(F.dropout(torch.softmax(scores, dim=-1), p, self.training), v)
        ctx = ctx.permute(0, 2, 1, 3).contiguous().view(b, t, h)
        ao = self.attention.output
        x = ao.LayerNorm(x + F.dropout(ao.dense(ctx), p, self.training))
        inner = F.gelu(self.intermediate.dense(x))
        return self.output.LayerNorm(x + F.dropout(self.output.dense(inner), p, self.training))


class Embeddings(nn.Module):
    def __init__(self, vocab: int, hidden: int, positions: int, types: int, eps: float):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab, hidden)
        self.position_embeddings = nn.Embedding(positions, hidden)
        self.token_type_embeddings = nn.Embedding(types, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)


class Encoder(nn.Module):
    def __init__(self, n: int, hidden: int, heads: int, inner: int, eps: float, dropout: float):
        super().__init__()
        self.layer = nn.ModuleList(Layer(hidden, heads, inner, eps, dropout) for _ in range(n))


class TaggerNet(nn.Module):
    """MiniLM encoder + token features + a BIO head + a pointer (linking) head.

    ``forward(ids, feats, mask)`` returns ``(tag_logits [B,T,L], link_q [B,T,D], link_k [B,T,D])``.
    The link score of token i to anchor j is ``q_i . k_j``.
    """

    def __init__(self, config: dict):
        super().__init__()
        self.config = dict(config)
        h = config["hidden_size"]
        eps = config.get("layer_norm_eps", 1e-12)
        self.dropout = config.get("hidden_dropout_prob", 0.1)
        self.embeddings = Embeddings(
            config["vocab_size"], h, config["max_position_embeddings"], config["type_vocab_size"], eps
        )
        self.encoder = Encoder(
            config["num_hidden_layers"], h, config["num_attention_heads"], config["intermediate_size"],
            eps, self.dropout,
        )
        self.feat_embeddings = nn.Embedding(N_FEATS, h)
        nn.init.zeros_(self.feat_embeddings.weight)
        self.tag = nn.Linear(h, len(LABELS))
        self.link_q = nn.Linear(h, LINK_DIM)
        self.link_k = nn.Linear(h, LINK_DIM)
        self.fused = True

    def forward(
        self, ids: torch.Tensor, feats: torch.Tensor, mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        e = self.embeddings
        t = ids.shape[1]
        pos = torch.arange(t, device=ids.device).unsqueeze(0)
        x = (
            e.word_embeddings(ids)
            + e.position_embeddings(pos)
            + e.token_type_embeddings.weight[0]
            + self.feat_embeddings(feats)
        )
        x = F.dropout(e.LayerNorm(x), self.dropout, self.training)
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.encoder.layer:
            x = layer(x, bias, self.fused and not torch.jit.is_tracing())
        x = F.dropout(x, self.dropout, self.training)
        return self.tag(x), self.link_q(x), self.link_k(x)


def load_base(path: str | Path, dtype: torch.dtype = torch.float32) -> TaggerNet:
    """Build a fresh tagger on the MiniLM weights in ``path`` (config.json + safetensors)."""
    path = Path(path)
    config = json.loads((path / "config.json").read_text())
    net = TaggerNet(config)
    state = read_weights(path)
    state = {k: v for k, v in state.items() if k in net.state_dict()}
    missing, _ = net.load_state_dict(state, strict=False)
    expected = {n for n in net.state_dict() if n.startswith(("feat_embeddings", "tag.", "link_"))}
    if set(missing) - expected:
        raise ValueError(f"base weights in {path} lack {sorted(set(missing) - expected)[:5]}")
    return net.to(dtype)


def read_weights(path: str | Path) -> dict[str, torch.Tensor]:
    """Read every ``*.safetensors`` file in ``path`` and join split tensors."""
    parts: dict[str, dict[int, torch.Tensor]] = {}
    state: dict[str, torch.Tensor] = {}
    files = sorted(Path(path).glob("*.safetensors"))
    if not files:
        raise FileNotFoundError(f"no .safetensors files in {path}")
    quantised: dict[str, dict[str, torch.Tensor]] = {}
    for f in files:
        for k, v in load_file(str(f)).items():
            name, sep, idx = k.partition("::")
            if idx in ("q8", "scale"):
                quantised.setdefault(name, {})[idx] = v
            elif sep:
                parts.setdefault(name, {})[int(idx)] = v
            else:
                state[k] = v
    for name, pieces in parts.items():
        state[name] = torch.cat([pieces[i] for i in sorted(pieces)], dim=0)
    for name, q in quantised.items():
        state[name] = q["q8"].float() * q["scale"].float()
    return {k: v.float() for k, v in state.items()}


def quantise_rows(weight: torch.Tensor) -> dict[str, torch.Tensor]:
    """Return int8 rows and per-row scales (absmax) of a matrix, for compact carrying."""
    scale = weight.float().abs().amax(dim=1, keepdim=True).clamp_min(1e-8) / 127.0
    q8 = torch.round(weight.float() / scale).clamp(-127, 127).to(torch.int8)
    return {"q8": q8.contiguous(), "scale": scale.half().contiguous()}


def save_weights(net: TaggerNet, out: str | Path, prefix: str = "tagger") -> list[Path]:
    """Write ``net``'s weights as fp16 safetensors shards under :data:`SHARD_BYTES` each, plus config.json."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(f"{prefix}-*.safetensors"):
        old.unlink()
    items: list[tuple[str, torch.Tensor]] = []
    for k, v in net.state_dict().items():
        v = v.detach().to("cpu", torch.float16).contiguous()
        nbytes = v.numel() * 2
        if nbytes > SHARD_BYTES // 2:
            rows = max(1, (SHARD_BYTES // 2) // max(1, v[0].numel() * 2))
            for i, start in enumerate(range(0, v.shape[0], rows)):
                items.append((f"{k}::{i}", v[start : start + rows].clone()))
        else:
            items.append((k, v))
    shards: list[dict[str, torch.Tensor]] = [{}]
    size = 0
    for k, v in items:
        n = v.numel() * 2
        if size + n > SHARD_BYTES and shards[-1]:
            shards.append({})
            size = 0
        shards[-1][k] = v
        size += n
    paths = []
    for i, shard in enumerate(shards):
        p = out / f"{prefix}-{i:02d}.safetensors"
        save_file(shard, str(p))
        paths.append(p)
    config = dict(net.config)
    config["labels"] = list(LABELS)
    config["link_dim"] = LINK_DIM
    (out / "config.json").write_text(json.dumps(config, indent=1))
    return paths


def load_tagger(path: str | Path) -> TaggerNet:
    """Load a trained tagger written by :func:`save_weights`."""
    path = Path(path)
    config = json.loads((path / "config.json").read_text())
    net = TaggerNet(config)
    net.load_state_dict(read_weights(path), strict=True)
    return net.eval()


def state_from_onnx(path: str | Path) -> tuple[dict, dict[str, torch.Tensor]]:
    """Rebuild a :class:`TaggerNet` config and fp32 state from the shipped int8 ONNX model.

    The ONNX file written by ``scripts/export_onnx.py`` (BERT fusions, then
    dynamic int8 quantisation) is the only copy of the weights in the
    package; this dequantises it so the same model runs in torch (bf16 on a
    GPU). Needs the ``onnx`` package.

    Raises:
        ValueError: The graph is not one this exporter wrote.
    """
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}

    def deq(name: str, axis: int | None = None) -> np.ndarray:
        """Dequantise initializer ``<name>_quantized`` (scale per tensor or per column)."""
        base = name[: -len("_quantized")] if name.endswith("_quantized") else name
        q = inits[f"{base}_quantized"].astype(np.float32)
        scale = inits[f"{base}_scale"].astype(np.float32)
        zero = inits.get(f"{base}_zero_point", np.zeros((), np.float32)).astype(np.float32)
        return (q - zero) * scale  # scale/zero broadcast along the last axis (columns)

    state: dict[str, torch.Tensor] = {}
    linear = {"dense": "attention.output.dense", "dense_1": "intermediate.dense", "dense_2": "output.dense"}
    n_layers = 0
    for node in model.graph.node:
        if node.op_type == "MatMulInteger":
            scope = node.name.split("/")  # e.g. ['', 'layer.0', 'dense_1', 'MatMul_quant'] or ['', 'tag', ...]
            w = deq(node.input[1]).T
            if scope[1].startswith("layer."):
                i = int(scope[1].split(".")[1])
                key = f"encoder.layer.{i}.{linear[scope[2]]}.weight"
            elif scope[1] in ("tag", "link_q", "link_k"):
                key = f"{scope[1]}.weight"
            else:
                raise ValueError(f"unexpected quantised MatMul {node.name} in {path}")
            state[key] = torch.from_numpy(np.ascontiguousarray(w))
        elif node.op_type == "QAttention":
            i = int(node.name.split("_")[1])
            n_layers = max(n_layers, i + 1)
            w = deq(node.input[1]).T  # [3H, H]
            b = inits[node.input[2]]
            h = w.shape[1]
            for j, part in enumerate(("query", "key", "value")):
                state[f"encoder.layer.{i}.attention.self.{part}.weight"] = torch.from_numpy(
                    np.ascontiguousarray(w[j * h : (j + 1) * h]))
                state[f"encoder.layer.{i}.attention.self.{part}.bias"] = torch.from_numpy(b[j * h : (j + 1) * h].copy())
        elif node.op_type == "Gather" and node.input[0].endswith("_quantized"):
            name = node.input[0][: -len("_quantized")]
            state[name] = torch.from_numpy(deq(node.input[0]))
        elif node.name == "/Add_1":
            state["embeddings.token_type_embeddings.weight"] = torch.from_numpy(
                np.stack([inits[node.input[1]]] * 2))
    for name, arr in inits.items():
        if name.endswith((".bias", ".weight")) and not name.endswith("_quantized"):
            state[name] = torch.from_numpy(np.asarray(arr, dtype=np.float32).copy())
    word = state["embeddings.word_embeddings.weight"]
    config = {
        "vocab_size": word.shape[0], "hidden_size": word.shape[1],
        "max_position_embeddings": state["embeddings.position_embeddings.weight"].shape[0],
        "type_vocab_size": 2, "num_hidden_layers": n_layers,
        "num_attention_heads": 12, "intermediate_size": state["encoder.layer.0.intermediate.dense.weight"].shape[0],
        "layer_norm_eps": 1e-12, "hidden_dropout_prob": 0.0,
    }
    for node in model.graph.node:
        if node.op_type == "QAttention":
            for attr in node.attribute:
                if attr.name == "num_heads":
                    config["num_attention_heads"] = int(attr.i)
            break
    return config, state


def load_from_onnx(path: str | Path) -> TaggerNet:
    """Return the shipped tagger as a torch module (fp32, eval mode), from its int8 ONNX file."""
    config, state = state_from_onnx(path)
    net = TaggerNet(config)
    missing, unexpected = net.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise ValueError(f"{path}: weights missing {missing[:5]}, unexpected {unexpected[:5]}")
    return net.eval()
