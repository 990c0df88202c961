"""Model-free tests of the tagger's pieces: features, alignment, windows, BIO decoding, linking, scoring."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

from onrecord.attribution.corpus import parse_ann
from onrecord.attribution.tagger import QuotedLetters, attribution_of, kind_of, quote_ranges
from onrecord.attribution.tagging import (
    LABELS,
    WINDOW,
    GoldAttribution,
    Tally,
    chunks_of,
    decode_spans,
    encode_text,
    gold_labels,
    home_of,
    quote_states,
    score_article,
    span_key,
    summarise,
    viterbi,
    viterbi_many,
    window_spans,
    window_starts,
)
from onrecord.work import Quotation

TEXT = 'Alice said: "We will win." Bob told reporters that taxes would fall.\nHe added it.'
WORDS = "alice said we will win bob told report ##ers that tax ##es would fall he added it".split()


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    """A small BERT-style WordPiece tokenizer over the words of TEXT (no model files)."""
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *WORDS, ".", ":", '"', ","])}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    return tok


def gold() -> list[GoldAttribution]:
    def at(s: str, start: int = 0) -> tuple[int, int]:
        i = TEXT.index(s, start)
        return (i, i + len(s))

    return [
        GoldAttribution((at('"We will win."'),), (at("said"),), (at("Alice"),)),
        GoldAttribution((at("that taxes would fall"),), (at("told"),), (at("Bob"),)),
    ]


def labels_of(enc, att) -> list[str]:
    lab, _ = gold_labels(enc.offsets, att)
    return [LABELS[i] for i in lab]


def test_offsets_point_into_the_text(tokenizer: Tokenizer) -> None:
    enc = encode_text(TEXT, tokenizer)
    pieces = [TEXT[s:e].lower() for s, e in enc.offsets]
    assert pieces[:4] == ["alice", "said", ":", '"']
    assert "report" in pieces and "ers" in pieces  # a word split into wordpieces keeps exact offsets
    assert len(enc.ids) == len(enc.offsets) == len(enc.feats)


def test_features_mark_quotes_and_line_breaks(tokenizer: Tokenizer) -> None:
    enc = encode_text(TEXT, tokenizer)
    text_of = [TEXT[s:e] for s, e in enc.offsets]
    feats = dict(zip(text_of, enc.feats.tolist()))
    assert feats['"'] == 2 and feats["We"] == 1 and feats["win"] == 1
    assert feats["Bob"] == 0 and feats["He"] == 3  # "He" follows a line break
    assert quote_states('"a\nb').tolist() == [2, 1, 0, 0]  # a line break closes an open quotation


def test_gold_labels_bio_and_pointers(tokenizer: Tokenizer) -> None:
    enc = encode_text(TEXT, tokenizer)
    lab, ptr = gold_labels(enc.offsets, gold())
    tags = [LABELS[i] for i in lab]
    text_of = [TEXT[s:e] for s, e in enc.offsets]
    assert tags[:3] == ["B-SRC", "B-CUE", "O"]
    i = text_of.index("that")
    assert tags[i : i + 5] == ["B-CON", "I-CON", "I-CON", "I-CON", "I-CON"]
    told = text_of.index("told")
    assert ptr[i] == told and ptr[text_of.index("Bob")] == told and ptr[told] == told
    assert ptr[text_of.index("He")] == -1


def test_viterbi_forbids_inside_without_begin() -> None:
    # the argmax per token would be O, I-CON, I-CON: invalid, so the path starts with B-CON
    probs = np.full((3, len(LABELS)), 0.01)
    probs[0, 0], probs[0, 5] = 0.5, 0.4
    probs[1, 6] = probs[2, 6] = 0.9
    path = viterbi(np.log(probs))
    assert [LABELS[i] for i in path] == ["B-CON", "I-CON", "I-CON"]
    for a, b in zip(path[:-1], path[1:]):
        if LABELS[b].startswith("I-"):
            assert LABELS[a][2:] == LABELS[b][2:]


def test_chunks_split_at_every_begin() -> None:
    assert [(c.role, c.start, c.end) for c in chunks_of([5, 6, 5, 0, 3, 4])] == [
        ("CON", 0, 2), ("CON", 2, 3), ("CUE", 4, 6)]


@pytest.mark.parametrize("n", [1, 509, 510, 511, 1034, 2500, 7777])
def test_windows_cover_every_token(n: int) -> None:
    for spans in (window_spans(n), [(s, min(s + WINDOW, n)) for s in window_starts(n)]):
        assert spans[0][0] == 0 and spans[-1][1] == n
        assert all(e - s <= WINDOW for s, e in spans)
        assert all(b[0] < a[1] for a, b in zip(spans, spans[1:]))  # neighbours overlap
        home = home_of(n, spans)
        for t in (0, n // 2, n - 1):
            s, e = spans[home[t]]
            assert s <= t < e


def test_decode_recovers_gold_from_perfect_scores(tokenizer: Tokenizer) -> None:
    enc = encode_text(TEXT, tokenizer)
    lab, ptr = gold_labels(enc.offsets, gold())
    n = len(enc)
    spans = [(0, n)]
    logits = np.zeros((1, n + 2, len(LABELS)))
    logits[0, np.arange(n) + 1, lab] = 10.0
    q = np.zeros((1, n + 2, n + 2))
    k = np.zeros((1, n + 2, n + 2))
    for t in range(n):
        k[0, t + 1, t + 1] = 1.0
        if ptr[t] >= 0:
            q[0, t + 1, ptr[t] + 1] = 10.0
    preds = decode_spans(TEXT, enc.offsets, spans, logits, q, k)
    got = [(TEXT[p.content[0][0] : p.content[-1][1]], TEXT[slice(*p.cue)], TEXT[slice(*p.source)]) for p in preds]
    assert got == [('"We will win."', "said", "Alice"), ("that taxes would fall", "told", "Bob")]
    tallies: dict[str, Tally] = {}
    score_article(TEXT, [(p.content, [p.cue], [p.source]) for p in preds], gold(), tallies)
    assert summarise(tallies)["whole"]["f1"] == 100.0


def test_span_key_trims_marks_and_punctuation() -> None:
    assert span_key(TEXT, [(11, 26)]) == span_key(TEXT, [(12, 25)])
    assert span_key("ab  \n cd", [(0, 2), (6, 8)]) == ((0, 8),)
    assert span_key("ab, cd", [(0, 2), (4, 6)]) == ((0, 2), (4, 6))
    assert span_key("...", [(0, 3)]) is None


def test_tally_counts_one_to_one() -> None:
    t = Tally()
    t.add(["a", "a", "b"], ["a", "c"])
    assert (t.tp, t.n_pred, t.n_gold) == (1, 3, 2)


def test_parse_ann_joins_discontinuous_and_second_contents() -> None:
    ann = ("T1\tSource 0 2\twe\nT2\tCue 3 7\tsaid\nT3\tContent 8 10;11 13\tab cd\nT4\tContent 20 22\tef\n"
           "T5\tAttribution 3 7\tsaid\nE1\tAttribution:T5 Content:T3 Cue:T2 Source:T1 Content2:T4\n"
           "E2\tAttribution:T5 \n")
    (att,) = parse_ann(ann)
    assert att.content == ((8, 10), (11, 13), (20, 22)) and att.cue == ((3, 7),) and att.source == ((0, 2),)


def test_kind_and_attribution_helpers() -> None:
    q = [Quotation(content=[(12, 25)], open=11, close=25)]
    assert kind_of(TEXT, [(12, 25)], q) == "direct"
    assert kind_of(TEXT, [(0, 25)], q) == "mixed"
    assert kind_of(TEXT, [(46, 67)], q) == "indirect"
    assert attribution_of("thinks") == "thought" and attribution_of("said") == "speech"


def test_viterbi_many_equals_viterbi_one_by_one() -> None:
    rng = np.random.default_rng(3)
    seqs = [np.log(rng.dirichlet(np.ones(len(LABELS)) * 0.3, size=n)) for n in (0, 1, 5, 40, 17)]
    many = viterbi_many(seqs)
    for lp, path in zip(seqs, many):
        assert path.tolist() == viterbi(lp).tolist()


def _chunks_by_loop(path):
    """The plain reading of BIO chunking, token by token (the reference for the vectorised one)."""
    out, role, start = [], None, 0
    for t, lab_id in enumerate(list(path) + [0]):
        lab = LABELS[int(lab_id)]
        if role is not None and not (lab.startswith("I-") and lab[2:] == role):
            out.append((start, t, role))
            role = None
        if lab.startswith("B-") or (lab.startswith("I-") and role is None):
            role, start = lab[2:], t
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, len(LABELS) - 1), max_size=40))
def test_chunks_of_matches_token_loop(path):
    assert [(c.start, c.end, c.role) for c in chunks_of(path)] == _chunks_by_loop(path)


def _kind_by_loop(text, content, ranges):
    """The plain reading of kind: count letters and digits inside and outside the quoted ranges one by one."""
    n_in = n_out = 0
    for s, e in content:
        for i in range(s, e):
            if text[i].isalnum():
                if any(a <= i < b for a, b in ranges):
                    n_in += 1
                else:
                    n_out += 1
    return "direct" if n_in and not n_out else "mixed" if n_in else "indirect"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab1 ,."“”é\n', max_size=40), st.data())
def test_quoted_letters_counts_like_kind_of(text, data):
    n = len(text)
    cuts = sorted(data.draw(st.lists(st.integers(0, n), max_size=6)))
    ranges = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]
    quotations = [Quotation(content=[r], open=max(r[0] - 1, 0), close=r[1]) for r in ranges]
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    content = [(a, b)]
    assert QuotedLetters(text, quote_ranges(quotations)).kind(content) == kind_of(text, content, quotations)
    assert kind_of(text, content, quotations) == _kind_by_loop(text, content, ranges)
