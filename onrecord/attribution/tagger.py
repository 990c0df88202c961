"""The trained attribution tagger as a pipeline stage (``accurate`` mode).

A MiniLM-L6 encoder fine-tuned on PolNeAR (see ``model/MODEL_CARD.md``) labels
every wordpiece as source, cue or content (BIO) and links each labelled
wordpiece to its attribution's cue; :mod:`onrecord.attribution.tagging` turns
that into attributions. The network runs in onnxruntime (int8 on the CPU), so
the default path needs neither torch nor spaCy; ``device="cuda"`` runs the
same weights in torch (bf16), dequantised from the ONNX file.

Long articles are cut into as few windows of at most 510 wordpieces as cover
them, of equal length and overlapping by at least 96; each token is decided
by the window in which it sits furthest from an edge.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import ModelError
from ..work import Candidate, Quotation, Work
from .bio_scan import bio_decode_many
from .content_ends import EndRanker, load_end_ranker, rerank_ends
from .int8_weights import as_uint8, int8_weights, want_uint8
from .source_spans import whole_source
from .tagging import (
    LABELS,
    QUOTE_MARKS,
    WINDOW,
    Encoded,
    Predicted,
    calibrate,
    decode_spans,
    encode_text,
    token_log_probs,
    viterbi_many,
    window_spans,
)

__all__ = ["MODEL_DIR", "ORIGIN", "QuotedLetters", "TaggerStage", "attribution_of", "candidate_of", "kind_of", "load_calibration"]

#: Where the shipped model lives (tagger.onnx, tokenizer.json, labels.json, MODEL_CARD.md).
MODEL_DIR = Path(__file__).parent / "model"
#: ``Candidate.origin`` of everything this stage produces.
ORIGIN = "model:minilm-tagger"
#: Longest run of wordpieces decoded at once (longer articles go in segments).
SEGMENT = 16384
#: Most windows held in memory at once (64 x 512 x 135 floats, about 18 MB).
MAX_WINDOWS = 64
#: BERT special token ids of MiniLM's uncased vocabulary ([PAD], [CLS], [SEP]).
PAD_ID, CLS_ID, SEP_ID = 0, 101, 102
#: Cue word prefixes that report a belief or intention rather than speech. PolNeAR
#: annotates both without saying which; this hand-made list is not tuned on it.
THOUGHT_CUES = (
    "think", "thought", "believ", "want", "hope", "fear", "feel", "felt", "like", "expect", "know",
    "knew", "worr", "consider", "doubt", "wish", "plan", "intend", "suspect", "assum", "imagin",
    "prefer", "hate", "love", "suppos", "sure", "convinced", "confident", "skeptic", "aware",
    "view", "opinion", "belief", "seek", "sought", "tried", "try", "aim", "determined", "eager",
    "concern", "afraid", "support", "oppos", "favou", "favor", "see", "saw", "recogni", "realiz",
    "understand", "understood", "remember", "forgot", "decid", "agree", "disagree", "trust",
)


def quote_ranges(quotations: Sequence[Quotation]) -> list[tuple[int, int]]:
    """The content ranges of ``quotations``, sorted."""
    return sorted(r for q in quotations for r in q.content)


class QuotedLetters:
    """Counts of letters and digits inside and outside quotation marks, for any span of one text.

    Built once per article (prefix sums over the text), so each candidate's
    :meth:`kind` costs a few array lookups however long its content.

    >>> q = [Quotation(content=[(1, 9)], open=0, close=9)]
    >>> QuotedLetters('"We will" win', quote_ranges(q)).kind([(1, 8)])
    'direct'
    """

    def __init__(self, text: str, ranges: Sequence[tuple[int, int]]):
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        alnum = _ASCII_ALNUM[np.minimum(codes, 128)]
        for i in np.flatnonzero(codes >= 128):  # few in English news: ask Python about each
            alnum[i] = text[i].isalnum()
        edges = np.zeros(len(text) + 1, dtype=np.int64)
        for s, e in ranges:
            edges[s] += 1
            edges[e] -= 1
        quoted = np.cumsum(edges[:-1]) > 0
        self._in = np.concatenate([[0], np.cumsum(alnum & quoted)])
        self._all = np.concatenate([[0], np.cumsum(alnum)])

    def kind(self, content: Sequence[tuple[int, int]]) -> str:
        """``direct``, ``indirect`` or ``mixed`` for the pieces of ``content`` (see :func:`kind_of`)."""
        n_in = sum(int(self._in[e] - self._in[s]) for s, e in content)
        n_all = sum(int(self._all[e] - self._all[s]) for s, e in content)
        if n_in and n_in == n_all:
            return "direct"
        return "mixed" if n_in else "indirect"


#: ``str.isalnum`` of the ASCII characters (index 128 stands for every other one).
_ASCII_ALNUM = np.array([chr(c).isalnum() for c in range(128)] + [False])


def kind_of(
    text: str,
    content: Sequence[tuple[int, int]],
    quotations: Sequence[Quotation],
    ranges: Sequence[tuple[int, int]] | None = None,
) -> str:
    """Return ``direct``, ``indirect`` or ``mixed`` from how much content lies inside quotation marks.

    Only letters and digits count, so marks, spaces and punctuation at the
    edges decide nothing. ``ranges`` (:func:`quote_ranges` of ``quotations``)
    saves sorting them again; for many candidates of one text, build one
    :class:`QuotedLetters` and call its ``kind``.

    >>> q = [Quotation(content=[(1, 9)], open=0, close=9)]
    >>> kind_of('"We will" win', [(1, 8)], q), kind_of('"We will" win', [(1, 13)], q)
    ('direct', 'mixed')
    >>> kind_of('We will win', [(0, 11)], [])
    'indirect'
    """
    ranges = quote_ranges(quotations) if ranges is None else ranges
    return QuotedLetters(text, ranges).kind(content)


def attribution_of(cue_text: str) -> str:
    """Return ``thought`` when the cue reports a belief or intention, else ``speech``.

    >>> attribution_of("believes"), attribution_of("told reporters"), attribution_of("doesn't like")
    ('thought', 'speech', 'thought')
    """
    for word in cue_text.lower().replace("’", "'").split():
        if word.startswith(THOUGHT_CUES):
            return "thought"
    return "speech"


def _trim_marks(text: str, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop the quotation marks that enclose each content piece (and white space next to them).

    A piece loses its closing mark only when it opened with one, so a content
    that ends inside a quoted fragment keeps its balance. (The scorer trims
    marks from every fragment, so this changes no score; it makes ``text``
    read like the rules' output.)

    >>> t = '"We won," she said. "Again."; he said it was "a disgrace"'
    >>> [t[s:e] for s, e in _trim_marks(t, [(0, 9), (20, 28)])], [t[s:e] for s, e in _trim_marks(t, [(38, 57)])]
    (['We won,', 'Again.'], ['it was "a disgrace"'])
    """
    out = []
    for s, e in content:
        if text[s] in QUOTE_MARKS:
            ts, te = s, e
            while ts < te and (text[ts] in QUOTE_MARKS or text[ts].isspace()):
                ts += 1
            while te > ts and (text[te - 1] in QUOTE_MARKS or text[te - 1].isspace()):
                te -= 1
            if te > ts:
                s, e = ts, te
        out.append((s, e))
    return out


class _TorchSession:
    """Runs the shipped weights in torch with onnxruntime's ``run`` signature (bf16 on CUDA)."""

    def __init__(self, onnx_path: Path, device: str):
        try:
            import torch

            from .minilm import load_from_onnx
        except ImportError as exc:
            raise ModelError(f"backend='torch' needs torch and onnx (pip install 'onrecord[train]'): {exc}") from exc
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise ModelError("device='cuda' but torch sees no CUDA device; use device='cpu'")
        try:
            self.net = load_from_onnx(onnx_path).to(device)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"could not rebuild the tagger from {onnx_path}: {exc}") from exc
        self.torch = torch
        self.device = device

    def run(self, _outputs: None, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        torch = self.torch
        args = [torch.from_numpy(feeds[k]).to(self.device, non_blocking=True)
                for k in ("input_ids", "feats", "attention_mask")]
        with torch.inference_mode(), torch.autocast("cuda", dtype=torch.bfloat16,
                                                    enabled=self.device.startswith("cuda")):
            out = self.net(*args)
        return [o.float().cpu().numpy() for o in out]


class TaggerStage:
    """Pipeline stage: the trained tagger finds attributions (content, cue, speaker).

    Args:
        model_dir: Directory with ``tagger.onnx`` and ``tokenizer.json``; the shipped model by default.
        threads: onnxruntime intra-op threads (default: ``ONRECORD_THREADS`` or all cores).
        device: ``cpu`` or ``cuda``.
        backend: ``onnxruntime`` (int8, the CPU default), ``torch`` (the same
            weights dequantised from the ONNX file, bf16 on CUDA; needs torch and
            onnx), or ``auto``: onnxruntime on the CPU; on ``cuda``, onnxruntime's
            CUDA provider when installed, else torch.
        batch_size: Windows per forward pass; by default 1 with onnxruntime, which
            makes every article's result independent of its batch (int8 dynamic
            quantisation scales activations per tensor, so batch neighbours would
            nudge the logits), and 64 with torch.
        min_overlap: Fewest wordpieces two neighbouring windows share.
        end_ranker: Re-rank content ends with the model's ``end_ranker.json``
            (:mod:`onrecord.attribution.content_ends`; nothing moves when the
            model directory has none).

    Raises:
        ModelError: The model files are missing or do not load, or CUDA was
            asked for and onnxruntime has no CUDA provider.
    """

    name = "tagger"
    needs = ("clean", "quotations")
    gives = ("candidates",)
    critical = True

    def __init__(
        self,
        model_dir: str | Path | None = None,
        threads: int | None = None,
        device: str = "cpu",
        batch_size: int | None = None,
        min_overlap: int = 96,
        backend: str = "auto",
        end_ranker: bool = True,
    ):
        self.min_overlap = min_overlap
        self.model_dir = Path(model_dir) if model_dir else MODEL_DIR
        onnx_path = self.model_dir / "tagger.onnx"
        tok_path = self.model_dir / "tokenizer.json"
        missing = [p.name for p in (onnx_path, tok_path) if not p.is_file()]
        if missing:
            raise ModelError(
                f"the attribution tagger's model is not installed ({', '.join(missing)} missing in "
                f"{self.model_dir}); reinstall onrecord, train one (`make train`, then "
                f"scripts/export_onnx.py), or use --mode fast / --mode rules"
            )
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # core dependencies, but say so clearly
            raise ModelError(f"the tagger needs onnxruntime and tokenizers: {exc}") from exc
        labels_path = self.model_dir / "labels.json"
        info = json.loads(labels_path.read_text()) if labels_path.is_file() else {}
        if info.get("labels") and tuple(info["labels"]) != LABELS:
            raise ModelError(f"{labels_path} lists labels {info['labels']}, this onrecord expects {list(LABELS)}")
        #: logistic calibration of the confidence (fitted on PolNeAR dev by scripts/export_onnx.py)
        self.calibration = (info.get("calibration") or {}).get("coef")
        try:
            #: content-end re-ranker (fitted on PolNeAR dev by scripts/fit_end_ranker.py), or None
            self.end_ranker: EndRanker | None = (
                load_end_ranker(self.model_dir / "end_ranker.json") if end_ranker else None
            )
        except ValueError as exc:
            raise ModelError(str(exc)) from exc
        cuda_ort = "CUDAExecutionProvider" in ort.get_available_providers()
        if backend == "auto":
            backend = "torch" if device.startswith("cuda") and not cuda_ort else "onnxruntime"
        if backend not in ("onnxruntime", "torch"):
            raise ModelError(f"unknown tagger backend {backend!r}; use onnxruntime, torch or auto")
        self.backend = backend
        self.batch_size = batch_size or (64 if backend == "torch" else 1)
        try:
            self.tokenizer = Tokenizer.from_file(str(tok_path))
        except Exception as exc:  # noqa: BLE001 - tokenizers raises its own types; translate at the boundary
            raise ModelError(f"could not load the tagger's tokenizer from {tok_path}: {exc}") from exc
        if backend == "torch":
            self.session = _TorchSession(onnx_path, device)
        else:
            providers = ["CPUExecutionProvider"]
            if device.startswith("cuda"):
                if not cuda_ort:
                    raise ModelError(
                        "device='cuda' with backend='onnxruntime' needs onnxruntime's CUDA provider "
                        "(package onnxruntime-gpu); use backend='torch' or device='cpu'"
                    )
                providers = ["CUDAExecutionProvider", "CPUExecutionProvider"]
            opts = ort.SessionOptions()
            if threads is None and os.environ.get("ONRECORD_THREADS"):
                threads = int(os.environ["ONRECORD_THREADS"])
            if threads:
                opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            # idle worker threads sleep instead of spinning: 30% more tokens/s on shared
            # cores (measured on the 2-core dev machine, load average ~4)
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            #: "uint8" where int8 products would saturate on this CPU (see int8_weights), else "int8"
            self.weight_form = "int8"
            self._weights: list = []  # the OrtValues given to the session must outlive it
            if providers[0] == "CPUExecutionProvider" and want_uint8():
                try:
                    weights = as_uint8(int8_weights(onnx_path.read_bytes()))
                except (OSError, ValueError, IndexError) as exc:
                    raise ModelError(f"could not read the int8 weights of {onnx_path}: {exc}") from exc
                for name, arr in weights.items():
                    value = ort.OrtValue.ortvalue_from_numpy(np.ascontiguousarray(arr))
                    self._weights.append(value)
                    opts.add_initializer(name, value)
                self.weight_form = "uint8" if weights else "int8"
            try:
                self.session = ort.InferenceSession(str(onnx_path), opts, providers=providers)
            except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own types; translate at the boundary
                raise ModelError(f"could not load the tagger from {onnx_path}: {exc}") from exc
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()

    def __call__(self, work: Work) -> None:
        self.pipe([work])

    def pipe(self, works: list[Work]) -> None:
        """Tag a batch of documents, a bounded number of windows at a time.

        An article longer than :data:`SEGMENT` wordpieces is decoded in
        segments of that size (an attribution across a segment boundary may
        break), so memory stays flat however long the article.
        """
        texts = [w.clean or w.text for w in works]
        encs = [encode_text(t, self.tokenizer) for t in texts]
        preds: list[list[Predicted]] = [[] for _ in works]
        units: list[tuple[int, Encoded, list[tuple[int, int]]]] = []
        for d, enc in enumerate(encs):
            for a in range(0, len(enc), SEGMENT):
                part = Encoded(enc.ids[a : a + SEGMENT], enc.offsets[a : a + SEGMENT], enc.feats[a : a + SEGMENT])
                units.append((d, part, window_spans(len(part), WINDOW, self.min_overlap)))
        group: list[tuple[int, Encoded, list[tuple[int, int]]]] = []
        for i, unit in enumerate(units):
            group.append(unit)
            if i == len(units) - 1 or sum(len(u[2]) for u in group) + len(units[i + 1][2]) > MAX_WINDOWS:
                self._decode_group(group, works, preds)
                group = []
        for work, found in zip(works, preds):
            letters = QuotedLetters(work.text, quote_ranges(work.quotations))
            work.candidates = [self._candidate(work, p, letters) for p in found]

    def _decode_group(
        self, group: list[tuple[int, Encoded, list[tuple[int, int]]]], works: list[Work], preds: list[list[Predicted]]
    ) -> None:
        plan = [(u, s, e) for u, (_, _, spans) in enumerate(group) for s, e in spans]
        logits, q, k = self._run([enc for _, enc, _ in group], plan)
        cuts = np.cumsum([0] + [len(spans) for _, _, spans in group])
        lps = [token_log_probs(len(enc), spans, logits[a:b])
               for (_, enc, spans), a, b in zip(group, cuts[:-1], cuts[1:])]
        if self.backend == "torch" and self.session.device.startswith("cuda"):
            paths = bio_decode_many(self.session.torch, lps, self.session.device)  # a parallel scan on the GPU
        else:
            paths = viterbi_many(lps)  # one pass over time for the whole group
        for (d, enc, spans), a, b, lp, path in zip(group, cuts[:-1], cuts[1:], lps, paths):
            if len(enc):
                preds[d].extend(self._attributions(works[d].text, enc, spans, logits[a:b], q[a:b], k[a:b], lp,
                                                   np.asarray(path)))

    def _attributions(
        self, text: str, enc: Encoded, spans: list[tuple[int, int]], logits: np.ndarray, q: np.ndarray,
        k: np.ndarray, log_probs: np.ndarray, path: np.ndarray,
    ) -> list[Predicted]:
        """Decode one run of windows into attributions, then re-rank their content ends."""
        found = decode_spans(text, enc.offsets, spans, logits, q, k, path=path, log_probs=log_probs)
        return rerank_ends(text, enc.offsets, log_probs, path, found, self.end_ranker)

    def _run(self, encs: list[Encoded], plan: list[tuple[int, int, int]]) -> tuple[np.ndarray, ...]:
        T = WINDOW + 2
        if not plan:
            return np.zeros((0, T, len(LABELS)), np.float32), np.zeros((0, T, 1), np.float32), np.zeros((0, T, 1), np.float32)
        logits = np.zeros((len(plan), T, len(LABELS)), dtype=np.float32)
        q = k = None
        # longest windows first, so each batch pads little
        order = sorted(range(len(plan)), key=lambda i: plan[i][2] - plan[i][1], reverse=True)
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            width = max(plan[i][2] - plan[i][1] for i in idx) + 2
            ids = np.full((len(idx), width), PAD_ID, dtype=np.int64)
            feats = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                d, s, e = plan[i]
                n = e - s
                ids[r, 0], ids[r, n + 1] = CLS_ID, SEP_ID
                ids[r, 1 : n + 1] = encs[d].ids[s:e]
                feats[r, 1 : n + 1] = encs[d].feats[s:e]
                mask[r, : n + 2] = 1
            lg, lq, lk = self.session.run(None, {"input_ids": ids, "feats": feats, "attention_mask": mask})
            if q is None:
                q = np.zeros((len(plan), T, lq.shape[-1]), dtype=np.float32)
                k = np.zeros((len(plan), T, lk.shape[-1]), dtype=np.float32)
            logits[idx, :width] = lg
            q[idx, :width] = lq
            k[idx, :width] = lk
        assert q is not None and k is not None
        return logits, q, k

    def _candidate(self, work: Work, p: Predicted, letters: QuotedLetters | None = None) -> Candidate:
        return candidate_of(work, p, self.calibration, letters)


def candidate_of(
    work: Work, p: Predicted, calibration: Sequence[float] | None, letters: QuotedLetters | None = None
) -> Candidate:
    """The pipeline's candidate for one decoded attribution of ``work``.

    Args:
        work: The document.
        p: The decoded attribution.
        calibration: The confidence calibration (``labels.json``; None: raw).
        letters: :class:`QuotedLetters` of the document, built once for many candidates.
    """
    content = _trim_marks(work.text, p.content)
    cue_text = work.text[p.cue[0] : p.cue[1]] if p.cue else ""
    return Candidate(
        content=content,
        kind=(letters or QuotedLetters(work.text, quote_ranges(work.quotations))).kind(content),
        cue=p.cue,
        speaker=whole_source(work.text, _source_by_cue(work.text, p.source, p.cue), p.cue, content),
        confidence=round(calibrate(p, calibration), 4),
        origin=ORIGIN,
        attribution=attribution_of(cue_text),
    )


def _source_by_cue(text: str, source: tuple[int, int] | None, cue: tuple[int, int] | None) -> tuple[int, int] | None:
    r"""A source span cut to the line of its cue: a span over a paragraph break took in the end of the one before.

    >>> t = "Whitcomb is a former Ohio House speaker\nThe senator's office said he would stay."
    >>> t[slice(*_source_by_cue(t, (28, 60), (61, 65)))]
    "The senator's office"
    """
    if source is None or "\n" not in text[source[0] : source[1]]:
        return source
    s, e = source
    if cue is not None and cue[0] >= e:  # the source before its cue: keep its last line
        s = text.rindex("\n", s, e) + 1
    else:  # after the cue (or no cue): keep its first line
        e = text.index("\n", s, e)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def load_calibration(model_dir: Path = MODEL_DIR) -> Sequence[float] | None:
    """The confidence calibration shipped with the model (None when the model has none)."""
    path = Path(model_dir) / "labels.json"
    info = json.loads(path.read_text()) if path.is_file() else {}
    return (info.get("calibration") or {}).get("coef")
