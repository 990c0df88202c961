"""Tests for onrecord.nlp.spacy_adapter (the model tests are slow)."""

from __future__ import annotations

import pytest

from onrecord.nlp.spacy_adapter import ParseStage, chunk_ranges, load_nlp
from onrecord.work import Work


def test_chunk_ranges_cover_and_fit():
    text = "word " * 100
    ranges = chunk_ranges(text, 0, len(text), 37)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(e - s <= 37 for s, e in ranges)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))


def test_chunk_ranges_without_spaces():
    assert chunk_ranges("x" * 10, 0, 10, 4) == [(0, 4), (4, 8), (8, 10)]


@pytest.mark.slow
def test_parse_stage_offsets_point_into_text():
    work = Work("a", "Blunt said he was sorry.\n\n  She told me so.")
    work.clean = work.text
    ParseStage()(work)
    assert [o for o, _ in work.parsed] == [0, 28]
    for offset, doc in work.parsed:
        for tok in doc:
            assert work.text[offset + tok.idx : offset + tok.idx + len(tok.text)] == tok.text


@pytest.mark.slow
def test_pipe_batches_documents_and_chunks_long_paragraphs():
    nlp = load_nlp()
    works = [Work(str(i), f"Doc {i} said hello.\n\nAnother line.") for i in range(3)]
    for w in works:
        w.clean = w.text
    ParseStage().pipe(works)
    assert all(len(w.parsed) == 2 for w in works)
    assert load_nlp() is nlp


@pytest.mark.slow
def test_long_paragraph_is_chunked(monkeypatch):
    nlp = load_nlp()
    monkeypatch.setattr(nlp, "max_length", 50)
    work = Work("a", "He said yes and she said no. " * 10)
    work.clean = work.text
    ParseStage()(work)
    assert len(work.parsed) > 1
    for offset, doc in work.parsed:
        assert work.text[offset : offset + len(doc.text)] == doc.text


def test_missing_spacy_is_a_clear_model_error(monkeypatch):
    """Without spaCy importable, load_nlp raises a ModelError that says what to do (it once raised a TypeError
    from a wrongly built error, which the pipeline reported as a failed stage)."""
    from onrecord.errors import ModelError

    monkeypatch.setitem(__import__("sys").modules, "spacy", None)  # "import spacy" raises ImportError
    load_nlp.cache_clear()
    try:
        with pytest.raises(ModelError, match="spaCy is not installed.*--mode fast"):
            load_nlp("no_such_pipeline_loaded")
    finally:
        load_nlp.cache_clear()
