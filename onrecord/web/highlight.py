"""Cut an article's text into plain and highlighted pieces from quote offsets (pure; no HTML).

The template escapes every piece, so no text from an article ever reaches the
page unescaped, however its quotes overlap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Quote

__all__ = ["PALETTE_SIZE", "Piece", "colour_speakers", "cut_highlights", "cut_matches"]

#: Number of speaker colours in ``static/style.css`` (classes ``c0`` .. ``c7``).
PALETTE_SIZE = 8


@dataclass(frozen=True)
class Piece:
    """A run of text; ``quote`` is the id of the quote highlighting it, or None."""

    text: str
    quote: str | None = None
    colour: int | None = None
    speaker: str | None = None


def colour_speakers(keys: Sequence[object]) -> dict[object, int]:
    """Give each distinct key a colour index, in order of first appearance.

    >>> colour_speakers(["b", "a", "b"])
    {'b': 0, 'a': 1}
    """
    out: dict[object, int] = {}
    for k in keys:
        if k not in out:
            out[k] = len(out) % PALETTE_SIZE
    return out


def cut_highlights(text: str, quotes: Sequence[Quote], colours: Mapping[str, int] | None = None) -> list[Piece]:
    """Split ``text`` at every quote boundary; a run inside quotes takes the innermost (latest-starting) one.

    Args:
        text: the article text the offsets point into.
        quotes: the article's quotes.
        colours: colour index by quote id (default 0).

    Returns:
        Pieces whose texts join back to ``text``.

    >>> [(p.text, p.quote) for p in cut_highlights("ab cd ef", [Quote("q1", "direct", ((3, 5),), "cd")])]
    [('ab ', None), ('cd', 'q1'), (' ef', None)]
    """
    n = len(text)
    ranges = [(max(0, min(s, n)), max(0, min(e, n)), q) for q in quotes for s, e in q.content if e > s]
    cuts = sorted({0, n, *(s for s, _, _ in ranges), *(e for _, e, _ in ranges)})
    pieces: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [(s, q) for s, e, q in ranges if s <= a and b <= e]
        quote = max(covering, key=lambda c: c[0])[1] if covering else None
        if quote is None:
            piece = Piece(text[a:b])
        else:
            piece = Piece(text[a:b], quote.id, (colours or {}).get(quote.id, 0), quote.speaker_name)
        if pieces and pieces[-1].quote == piece.quote and piece.quote is None:
            pieces[-1] = Piece(pieces[-1].text + piece.text)
        elif pieces and piece.quote is not None and pieces[-1].quote == piece.quote:
            last = pieces[-1]
            pieces[-1] = Piece(last.text + piece.text, last.quote, last.colour, last.speaker)
        else:
            pieces.append(piece)
    return pieces


def cut_matches(text: str, words: Sequence[str]) -> list[tuple[str, bool]]:
    """Split ``text`` into runs that do and do not match a search word (case-insensitive, word starts).

    A word matches at the start of a word of ``text`` and takes the rest of
    that word, so "retract" marks "retracted" as the full-text index does.

    Args:
        text: a quote's text.
        words: the query's words (:func:`onrecord.store.records.fts_words`).

    Returns:
        ``(run, matched)`` pairs whose runs join back to ``text``.

    >>> cut_matches("A miscarriage of Justice.", ["justice", "miscarriage"])
    [('A ', False), ('miscarriage', True), (' of ', False), ('Justice', True), ('.', False)]
    """
    words = [w for w in words if w]
    if not words:
        return [(text, False)] if text else []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\w*",
                         re.IGNORECASE)
    runs: list[tuple[str, bool]] = []
    last = 0
    for m in pattern.finditer(text):
        if m.start() > last:
            runs.append((text[last : m.start()], False))
        runs.append((m.group(), True))
        last = m.end()
    if last < len(text):
        runs.append((text[last:], False))
    return runs
