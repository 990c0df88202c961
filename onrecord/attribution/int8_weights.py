"""Exact int8 products on every x86 CPU: the tagger's weights as uint8 where int8 would saturate.

The shipped ``tagger.onnx`` (onnxruntime's dynamic quantisation) multiplies uint8
activations by int8 weights. On x86 CPUs with VNNI (``avx512_vnni`` or
``avx_vnni``) onnxruntime sums those products exactly in 32 bits; on x86 CPUs
without it (AVX2 only, e.g. many AMD EPYC machines) it uses ``VPMADDUBSW``,
whose 16-bit pair sums saturate. The same model then tags differently by CPU:
measured on 60 PolNeAR dev windows, AVX2 against a VNNI Xeon, the logits
differed by up to 3.9 and 2.2 % of the labels changed, and 28 of the 278
end-to-end articles passed or failed differently.

uint8 x uint8 has no saturating kernel, so on such CPUs the session is given
the same weights stored as uint8 (``q + 128``, zero point 128) through
``SessionOptions.add_initializer``; the integer products are then exact, as on
VNNI (measured: bit-identical logits to a VNNI Xeon's int8 session on the
same CPU kind; what still differs between CPUs is float rounding around the
dynamic quantisation of activations, 0.5 % of labels). VNNI CPUs keep the
int8 weights, whose kernel is faster there (about 1.6x on the Xeon).

The weights are read from the model file with a small protobuf reader, so this
needs no ``onnx`` package at run time.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Iterator
from pathlib import Path

import numpy as np

#: ONNX TensorProto.DataType codes (onnx.proto): UINT8 = 2, INT8 = 3.
_UINT8, _INT8 = 2, 3
#: Inputs that hold weights and their zero points: MatMulInteger(A, B, a_zero, b_zero),
#: QAttention(input, weight, bias, input_scale, weight_scale, mask, input_zero, weight_zero).
_WEIGHT_INPUTS = {"MatMulInteger": (1, 3), "QAttention": (1, 7)}
#: ``ONRECORD_INT8_WEIGHTS``: ``uint8`` or ``int8`` forces one form (tests, benchmarks); unset = by CPU.
ENV = "ONRECORD_INT8_WEIGHTS"


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, i
        shift += 7


def _fields(buf: bytes, start: int, end: int) -> Iterator[tuple[int, int, int | tuple[int, int]]]:
    """Yield ``(field number, wire type, value)`` of one protobuf message; a length-delimited
    value is its ``(start, end)`` in ``buf``."""
    i = start
    while i < end:
        key, i = _varint(buf, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
            yield field, wire, value
        elif wire == 2:
            n, i = _varint(buf, i)
            yield field, wire, (i, i + n)
            i += n
        elif wire == 1:
            yield field, wire, int.from_bytes(buf[i : i + 8], "little")
            i += 8
        elif wire == 5:
            yield field, wire, int.from_bytes(buf[i : i + 4], "little")
            i += 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")


def _repeated_varints(buf: bytes, wire: int, value: int | tuple[int, int], out: list[int]) -> None:
    """Append a repeated varint field's values to ``out``: packed (one length-delimited run) or one at a time."""
    if wire != 2:
        out.append(value)  # type: ignore[arg-type]
        return
    i, end = value  # type: ignore[misc]
    while i < end:
        d, i = _varint(buf, i)
        out.append(d)


def _tensor(buf: bytes, span: tuple[int, int]) -> tuple[str, int, np.ndarray | None]:
    """TensorProto -> (name, data type, array of its raw data or None)."""
    name, dtype, dims, ints, raw = "", 0, [], [], None
    for field, wire, value in _fields(buf, *span):
        if field == 1:  # dims: int64
            _repeated_varints(buf, wire, value, dims)
        elif field == 2:
            dtype = value  # type: ignore[assignment]
        elif field == 5:  # int32_data: small tensors (zero points) are stored as varints
            _repeated_varints(buf, wire, value, ints)
        elif field == 8:
            name = buf[value[0] : value[1]].decode()  # type: ignore[index]
        elif field == 9:
            raw = value
    if dtype not in (_INT8, _UINT8):
        return name, dtype, None
    kind = np.int8 if dtype == _INT8 else np.uint8
    if raw is not None:
        arr = np.frombuffer(buf, dtype=kind, count=raw[1] - raw[0], offset=raw[0])
    else:  # varints of int32: negative values are sign-extended to 64 bits
        arr = np.array([d - (1 << 64) if d >= 1 << 63 else d for d in ints], dtype=np.int64).astype(kind)
    return name, dtype, arr.reshape(dims) if dims else arr.reshape(())


def int8_weights(model: bytes) -> dict[str, np.ndarray]:
    """The int8 weight and weight-zero-point initializers of ``model``'s MatMulInteger and
    QAttention nodes, by name (read-only views into ``model``)."""
    graph = next((v for f, w, v in _fields(model, 0, len(model)) if f == 7 and w == 2), None)
    if graph is None:
        raise ValueError("not an ONNX model (no graph)")
    wanted: set[str] = set()
    tensors: dict[str, np.ndarray] = {}
    for field, wire, value in _fields(model, *graph):  # type: ignore[misc]
        if field == 1 and wire == 2:  # NodeProto: input = 1, op_type = 4
            inputs, op = [], ""
            for f, _, v in _fields(model, *value):  # type: ignore[misc]
                if f == 1:
                    inputs.append(model[v[0] : v[1]].decode())  # type: ignore[index]
                elif f == 4:
                    op = model[v[0] : v[1]].decode()  # type: ignore[index]
            for j in _WEIGHT_INPUTS.get(op, ()):
                if j < len(inputs) and inputs[j]:
                    wanted.add(inputs[j])
        elif field == 5 and wire == 2:  # TensorProto
            name, dtype, arr = _tensor(model, value)  # type: ignore[arg-type]
            if dtype == _INT8 and arr is not None:
                tensors[name] = arr
    return {name: tensors[name] for name in sorted(wanted) if name in tensors}


def as_uint8(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The same values as uint8 with zero point 128: ``q + 128`` (zero points 0 become 128)."""
    return {name: (w.astype(np.int16) + 128).astype(np.uint8) for name, w in weights.items()}


def cpu_has_vnni() -> bool | None:
    """Whether this x86 CPU has VNNI (True/False), or None where that is unknown or not x86."""
    if platform.machine().lower() not in ("x86_64", "amd64", "i686", "i386"):
        return None
    try:
        text = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return None
    flags = next((line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")), [])
    return "avx512_vnni" in flags or "avx_vnni" in flags


def want_uint8() -> bool:
    """Whether the tagger's CPU session should get uint8 weights: forced by :data:`ENV`, else on x86
    unless the CPU is known to have VNNI (an x86 CPU of unknown features gets the exact form)."""
    forced = os.environ.get(ENV, "").strip().lower()
    if forced in ("uint8", "int8"):
        return forced == "uint8"
    is_x86 = platform.machine().lower() in ("x86_64", "amd64", "i686", "i386")
    return is_x86 and cpu_has_vnni() is not True
