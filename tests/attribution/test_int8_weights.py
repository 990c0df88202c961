"""The tagger's int8 weights read without the onnx package, and given as uint8 where int8 would saturate."""

from __future__ import annotations

import numpy as np
import pytest

from onrecord.attribution import int8_weights as iw
from onrecord.attribution.tagger import MODEL_DIR

MODEL = MODEL_DIR / "tagger.onnx"
needs_model = pytest.mark.skipif(not MODEL.is_file(), reason="no trained model in onrecord/attribution/model/")


def test_varint_and_fields_read_a_hand_made_message() -> None:
    # field 1 varint 300, field 2 bytes "hi", field 3 fixed32 7
    msg = bytes([0x08, 0xAC, 0x02, 0x12, 0x02]) + b"hi" + bytes([0x1D, 7, 0, 0, 0])
    fields = list(iw._fields(msg, 0, len(msg)))
    assert fields[0] == (1, 0, 300)
    assert fields[1][:2] == (2, 2) and msg[slice(*fields[1][2])] == b"hi"
    assert fields[2] == (3, 5, 7)


def test_as_uint8_keeps_every_value() -> None:
    w = {"w": np.array([[-127, -1, 0], [1, 64, 127]], dtype=np.int8), "zero": np.zeros(3, dtype=np.int8)}
    u = iw.as_uint8(w)
    assert u["w"].dtype == np.uint8 and (u["w"].astype(int) - 128 == w["w"]).all()
    assert (u["zero"] == 128).all()


def test_the_choice_follows_the_environment_then_the_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(iw.ENV, "uint8")
    assert iw.want_uint8() is True
    monkeypatch.setenv(iw.ENV, "int8")
    assert iw.want_uint8() is False
    monkeypatch.delenv(iw.ENV)
    monkeypatch.setattr(iw.platform, "machine", lambda: "x86_64")
    monkeypatch.setattr(iw, "cpu_has_vnni", lambda: True)
    assert iw.want_uint8() is False
    for unknown_or_without in (False, None):
        monkeypatch.setattr(iw, "cpu_has_vnni", lambda v=unknown_or_without: v)
        assert iw.want_uint8() is True
    monkeypatch.setattr(iw.platform, "machine", lambda: "aarch64")
    assert iw.want_uint8() is False


@needs_model
def test_reader_agrees_with_the_onnx_package() -> None:
    onnx = pytest.importorskip("onnx")
    from onnx import numpy_helper

    ours = iw.int8_weights(MODEL.read_bytes())
    model = onnx.load(str(MODEL))
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    wanted = {n.input[j] for n in model.graph.node for j in iw._WEIGHT_INPUTS.get(n.op_type, ())}
    assert set(ours) == {n for n in wanted if inits[n].dtype == np.int8}
    assert len(ours) >= 2
    for name, arr in ours.items():
        assert arr.dtype == np.int8 and arr.shape == inits[name].shape and np.array_equal(arr, inits[name])


def _tagger_logits(monkeypatch: pytest.MonkeyPatch, form: str, ids: np.ndarray) -> tuple[str, np.ndarray]:
    from onrecord.attribution.tagger import TaggerStage

    monkeypatch.setenv(iw.ENV, form)
    stage = TaggerStage(threads=1)
    feeds = {"input_ids": ids, "feats": np.zeros_like(ids), "attention_mask": np.ones_like(ids)}
    return stage.weight_form, stage.session.run(None, feeds)[0]


def _window() -> np.ndarray:
    rng = np.random.default_rng(3)
    return np.concatenate([[101], rng.integers(1000, 29000, 200), [102]]).astype(np.int64)[None, :]


@needs_model
@pytest.mark.slow
def test_uint8_weights_give_the_uint8_model_files_results(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """The session given uint8 weights computes what a model file written with uint8 weights computes."""
    onnx = pytest.importorskip("onnx")
    ort = pytest.importorskip("onnxruntime")
    from onnx import numpy_helper

    form, logits = _tagger_logits(monkeypatch, "uint8", _window())
    assert form == "uint8"
    model = onnx.load(str(MODEL))
    shifted = iw.as_uint8(iw.int8_weights(MODEL.read_bytes()))
    for init in model.graph.initializer:
        if init.name in shifted:
            init.CopyFrom(numpy_helper.from_array(shifted[init.name], init.name))
    path = tmp_path / "u8.onnx"
    onnx.save(model, str(path))
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    ids = _window()
    ref = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"]).run(
        None, {"input_ids": ids, "feats": np.zeros_like(ids), "attention_mask": np.ones_like(ids)})[0]
    assert np.array_equal(logits, ref)


@needs_model
@pytest.mark.slow
@pytest.mark.skipif(iw.cpu_has_vnni() is not True, reason="int8 products are exact only on a CPU with VNNI")
def test_on_a_vnni_cpu_int8_and_uint8_weights_agree_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _window()
    _, s8 = _tagger_logits(monkeypatch, "int8", ids)
    _, u8 = _tagger_logits(monkeypatch, "uint8", ids)
    assert np.array_equal(s8, u8)
