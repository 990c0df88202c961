"""The frame of a statement: the words around a quote that say how it was made.

An attribution's *frame* is the sentence that holds its cue (or its speaker,
or the start of its content when it has neither), with the content of every
quotation in that paragraph blanked out, plus the speaker mention as written.
For ``In a statement on Twitter, Ashdown said he was retracting his initial
statement`` (content ``he was retracting his initial statement``) the frame
is ``In a statement on Twitter, Ashdown said`` followed by blanks: it names
the channel, and nothing in it is the speaker's own words.

Frames are computed from plain text and ranges, so the same functions serve
the pipeline (:class:`onrecord.work.Work`) and the archive
(:class:`onrecord.model.Article`). Blanking keeps every offset: the frame's
text is a same-length slice of a masked copy of the input.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "Frame",
    "RangeIndex",
    "build_frame",
    "mask_ranges",
    "paragraph_of",
    "sentence_bounds",
    "split_paragraphs",
]

Range = tuple[int, int]

#: Abbreviations after which a full stop does not end a sentence (news style
#: titles and initials; the list follows the honorifics of the BBC and AP
#: style guides).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gov sen rep st lt col gen sgt capt cmdr adm rev hon jr sr inc ltd co corp "
    "no nos vs etc jan feb mar apr aug sept sep oct nov dec u.s u.k a.m p.m".split()
)

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+(?:[\"“‘(\[]|[A-Z0-9]))")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


@dataclass(frozen=True)
class Frame:
    """The text around one attribution, quotation contents blanked.

    Attributes:
        start: offset of the frame's sentence in the input.
        end: its end offset.
        text: the masked sentence (``len(text) == end - start``).
        speaker: the speaker mention as written (may lie outside the sentence).
    """

    start: int
    end: int
    text: str
    speaker: str = ""

    @property
    def words(self) -> str:
        """The frame's text and the speaker mention, for lexical look-ups."""
        return f"{self.text} | {self.speaker}" if self.speaker else self.text


class RangeIndex:
    """Ranges sorted for quick look-up of those overlapping a span (long articles have thousands).

    >>> RangeIndex([(50, 60), (0, 10), (20, 30)]).overlapping(5, 25)
    [(0, 10), (20, 30)]
    """

    def __init__(self, ranges: Iterable[Range]):
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]
        self.longest = max((e - s for s, e in self.ranges), default=0)

    def overlapping(self, start: int, end: int) -> list[Range]:
        """The ranges that overlap ``[start, end)``, in order."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [(s, e) for s, e in self.ranges[lo:hi] if e > start and s < end]


def split_paragraphs(text: str) -> list[Range]:
    """Return the ranges of the non-blank lines of ``text``.

    >>> split_paragraphs("One.\\n\\nTwo")
    [(0, 4), (6, 9)]
    """
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            out.append((pos, pos + len(body)))
        pos += len(line)
    return out


def paragraph_of(paragraphs: Sequence[Range], pos: int, text_length: int) -> Range:
    """Return the paragraph holding ``pos`` (or the whole text when none does); ``paragraphs`` in order."""
    i = bisect.bisect_right(paragraphs, (pos, float("inf"))) - 1
    if i >= 0:
        start, end = paragraphs[i]
        if start <= pos <= end and start < end:
            return (start, end)
    return (0, text_length)


def mask_ranges(text: str, ranges: Iterable[Range], start: int = 0, end: int | None = None) -> str:
    """Return ``text[start:end]`` with every range in ``ranges`` blanked by spaces.

    A full stop, question or exclamation mark that ends a range is kept, so
    that a quotation ending a sentence still ends it.

    >>> mask_ranges('He said "no way" twice', [(9, 15)])
    'He said "      " twice'
    >>> mask_ranges('"We won." Fans cheered.', [(1, 8)])
    '"      ." Fans cheered.'
    """
    end = len(text) if end is None else end
    chars = list(text[start:end])
    for s, e in ranges:
        last = e - 1
        while last > s and text[last].isspace():
            last -= 1
        for i in range(max(s, start), min(e, end)):
            if chars[i - start] in "\n\r" or (i == last and text[i] in ".!?"):
                continue
            chars[i - start] = " "
    return "".join(chars)


def sentence_bounds(masked: str, pos: int) -> Range:
    """Return the (start, end) of the sentence of ``masked`` that holds index ``pos``.

    Full stops after the abbreviations in :data:`ABBREVIATIONS` and after single
    capitals (initials) do not end a sentence.

    >>> s = "Mr Smith spoke. He said no. Then he left."
    >>> s[slice(*sentence_bounds(s, 17))]
    'He said no.'
    """
    start = 0
    for m in _SENTENCE_END.finditer(masked):
        if not _ends_sentence(masked, m.start()):
            continue
        if m.end() <= pos:
            start = m.end()
            while start < len(masked) and masked[start].isspace():
                start += 1
        else:
            return (start, m.end())
    return (start, len(masked.rstrip()))


def _ends_sentence(masked: str, dot: int) -> bool:
    if masked[dot] != ".":
        return True
    m = _WORD_BEFORE.search(masked, 0, dot)
    if not m:
        return True
    word = m.group(1).lower().rstrip(".")
    if word in ("no", "nos"):
        # "No. 10" abbreviates; "said no." ends a sentence.
        return not masked[dot + 1 : dot + 3].strip()[:1].isdigit()
    if word in ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isalpha())


def build_frame(
    text: str,
    content: Sequence[Range],
    cue: Range | None,
    speaker: Range | None,
    paragraphs: Sequence[Range],
    blank: Iterable[Range] | RangeIndex = (),
) -> Frame:
    """Build the frame of one attribution.

    Args:
        text: the input (or its cleaned same-length copy).
        content: the attribution's content ranges.
        cue: the cue range, if any.
        speaker: the speaker mention range, if any.
        paragraphs: paragraph ranges of ``text``.
        blank: further ranges to blank (the contents of other quotations),
            or a :class:`RangeIndex` of them.

    Returns:
        The masked sentence around the cue (else the speaker, else the
        content's start), and the speaker mention as written.

    >>> t = 'In a post on X, Lee said: "We won." Fans cheered.'
    >>> build_frame(t, [(27, 34)], (20, 24), (16, 19), [(0, len(t))]).text
    'In a post on X, Lee said: "      ."'
    """
    anchor = cue[0] if cue else speaker[0] if speaker else content[0][0]
    p_start, p_end = paragraph_of(paragraphs, anchor, len(text))
    index = blank if isinstance(blank, RangeIndex) else RangeIndex(blank)
    masked = mask_ranges(text, [*content, *index.overlapping(p_start, p_end)], p_start, p_end)
    s, e = sentence_bounds(masked, anchor - p_start)
    # A quotation that opens a paragraph after "X said:" is framed by that sentence too.
    if not cue and not speaker and s == 0 and anchor == content[0][0]:
        prev = _previous_paragraph(paragraphs, p_start)
        if prev is not None and text[prev[0] : prev[1]].rstrip().endswith(":"):
            prev_masked = mask_ranges(text, [*content, *index.overlapping(*prev)], prev[0], prev[1])
            ps, pe = sentence_bounds(prev_masked, len(prev_masked.rstrip()) - 1)
            return Frame(prev[0] + ps, prev[0] + pe, prev_masked[ps:pe])
    speaker_text = text[speaker[0] : speaker[1]] if speaker else ""
    return Frame(p_start + s, p_start + e, masked[s:e], speaker_text)


def _previous_paragraph(paragraphs: Sequence[Range], start: int) -> Range | None:
    i = bisect.bisect_left(paragraphs, (start, -1)) - 1
    while i >= 0 and paragraphs[i][1] > start:
        i -= 1
    return paragraphs[i] if i >= 0 else None
