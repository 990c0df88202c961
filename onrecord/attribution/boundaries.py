"""Content boundaries of merged attributions: where the tagger's content starts and ends.

The tagger (:mod:`onrecord.attribution.tagger`) finds most contents but often
reaches one piece too far: a phrase before the source (``Lamenting their
luck, Mexicans say, "Poor Mexico..."``), a headline line above the
paragraph it belongs to, or a clause after the cue that reports something
else (``"…," she said at a conference announcing that…``). Each correction
here removes such a piece by a convention of how news reports speech (and of
PolNeAR's guidelines: the content is what was said, without the frame around
it); none adds text, so every offset still points into the input.

:func:`fix_boundaries` applies the corrections a :class:`Boundaries` enables
to candidates after the merge (:class:`onrecord.attribution.merge.MergeStage`).
Contents a rule took from quotation marks (``origin`` with ``rule:``) are left
as they are. Each correction was measured on PolNeAR dev split by article
into two halves, designed on one and kept only when it also helped the other
(``model/MODEL_CARD.md`` records the figures).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..work import Candidate, Quotation

__all__ = [
    "Boundaries",
    "drop_detached_lead",
    "drop_heading_piece",
    "drop_unquoted_tail",
    "fix_boundaries",
]

Range = tuple[int, int]

#: Marks that open a quotation (straight marks open as well as close).
OPENING_MARKS = "“‘«\"'"
#: Every quotation mark, either way.
QUOTE_MARKS = "“”‘’«»\"'`"
#: Most words a heading or name line may have to be dropped from the front of a content
#: (a headline, a time stamp, a name under a quote; hand-set, not tuned).
HEADING_WORDS = 12


@dataclass(frozen=True)
class Boundaries:
    """Which corrections :func:`fix_boundaries` applies (defaults: those that helped both halves of dev).

    Attributes:
        detached_lead: :func:`drop_detached_lead`.
        heading_piece: :func:`drop_heading_piece`.
        unquoted_tail: :func:`drop_unquoted_tail`.
    """

    detached_lead: bool = True
    heading_piece: bool = True
    unquoted_tail: bool = True


def _first_char(text: str, piece: Range) -> str:
    """The first letter or digit of ``text[piece]`` after white space and quotation marks ("" when none)."""
    for ch in text[piece[0] : piece[1]]:
        if ch.isspace() or ch in QUOTE_MARKS:
            continue
        return ch
    return ""


def _opens_quoted(text: str, piece: Range) -> bool:
    """Whether ``piece`` starts at an opening quotation mark, or right after one.

    A straight single mark counts when no letter or digit stands before it
    (``'I know him,' she said``, not ``the Joneses' view``).

    >>> _opens_quoted("x 'I know'", (3, 9)), _opens_quoted("Joneses' view", (9, 13))
    (True, False)
    """
    s = piece[0]
    if s < len(text) and text[s] in OPENING_MARKS:
        return True
    j = s - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0:
        return False
    if text[j] in "“‘«\"" or text[max(0, j - 1) : j + 1] == "''":
        return True
    return text[j] == "'" and (j == 0 or not text[j - 1].isalnum())


def _closes_quoted(text: str, piece: Range) -> bool:
    """Whether a closing quotation mark follows ``piece`` (after commas, full stops and spaces).

    >>> _closes_quoted("'I know him,' she said", (1, 11)), _closes_quoted("I know him, she said", (0, 10))
    (True, False)
    """
    j = piece[1]
    while j < len(text) and text[j] in ",.?! \t":
        j += 1
    if j >= len(text):
        return False
    if text[j] in "”’»\"" or text[j : j + 2] == "''":
        return True
    return text[j] == "'" and (j + 1 == len(text) or not text[j + 1].isalnum())


def _frame_start(cand: Candidate) -> int | None:
    """Where the attribution's frame (source or cue, whichever comes first) starts; None without a cue."""
    if cand.cue is None:
        return None
    starts = [cand.cue[0]] + ([cand.speaker[0]] if cand.speaker else [])
    return min(starts)


def drop_detached_lead(text: str, cand: Candidate) -> list[Range]:
    """Drop content pieces before the source and cue when the content after them starts a new sentence.

    ``Lamenting their luck, Mexicans often say, "Poor Mexico..."``: the tagger
    reads ``their luck`` as the first half of a content split by the
    attribution, as in ``The truth, the senator said, was that...``. In the
    split form the part after the cue continues the sentence (lower case);
    when it starts a sentence (a capital, usually after an opening mark), the
    piece before is frame, not content. A piece before that opens or closes a
    quotation (``"We won," he said. "Again."``; ``The answers are "not
    enough," he says. "We..."``) is kept: a quotation interrupted by its
    attribution.

    Args:
        text: The document.
        cand: A candidate with a cue.

    Returns:
        The content ranges to keep (``cand.content`` when nothing changes).

    >>> t = 'Lamenting their luck, Mexicans say, "Poor Mexico, so far from God."'
    >>> c = Candidate([(10, 20), (37, 66)], cue=(31, 34), speaker=(22, 30))
    >>> [t[s:e] for s, e in drop_detached_lead(t, c)]
    ['Poor Mexico, so far from God.']
    >>> t = 'The truth, the senator said, was that he lied.'
    >>> c = Candidate([(0, 9), (29, 46)], cue=(23, 27), speaker=(11, 22))
    >>> len(drop_detached_lead(t, c))
    2
    """
    frame = _frame_start(cand)
    if frame is None or len(cand.content) < 2:
        return cand.content
    before = [p for p in cand.content if p[1] <= frame]
    after = [p for p in cand.content if p[0] >= cand.cue[1]]
    if not before or not after or len(before) + len(after) != len(cand.content):
        return cand.content
    if any(_opens_quoted(text, p) or _closes_quoted(text, p) for p in before):
        return cand.content
    if not _first_char(text, after[0]).isupper():
        return cand.content
    return after


def _line_of(text: str, pos: int) -> Range:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def drop_heading_piece(text: str, cand: Candidate) -> list[Range]:
    """Drop a short unquoted first piece that ends its line when the content goes on in a later paragraph.

    A headline, a time stamp (``10 a.m.``) or the name under a reader's quote
    (``― Sonya Herridge``) above a paragraph is not part of what the paragraph
    reports; the tagger, which reads across line breaks, sometimes starts the
    content there. A quotation continued over paragraphs keeps its pieces:
    the piece is dropped only when it holds, opens and closes no quotation, has at most
    :data:`HEADING_WORDS` words and ends at its line's end.

    Args:
        text: The document.
        cand: A candidate.

    Returns:
        The content ranges to keep.

    >>> t = 'Mixed messages on leave plan.\\n\\nLanguage unclear on mothers, experts say.'
    >>> c = Candidate([(0, 29), (31, 58)], cue=(68, 71))
    >>> [t[s:e] for s, e in drop_heading_piece(t, c)]
    ['Language unclear on mothers']
    """
    if len(cand.content) < 2:
        return cand.content
    (s, e), nxt = cand.content[0], cand.content[1]
    piece = text[s:e]
    if "\n" not in text[e : nxt[0]] or any(ch in QUOTE_MARKS for ch in piece):
        return cand.content
    if _opens_quoted(text, (s, e)) or _closes_quoted(text, (s, e)):
        return cand.content
    if len(piece.split()) > HEADING_WORDS or text[e:_line_of(text, s)[1]].strip(" \t.:") != "":
        return cand.content
    if cand.cue is not None and s <= cand.cue[0] < e:
        return cand.content
    return list(cand.content[1:])


def drop_unquoted_tail(text: str, cand: Candidate) -> list[Range]:
    """Drop unquoted pieces after the cue of a quotation that came before it.

    ``"We are in a critical situation," Merkel told reporters after the
    meeting that was held on a boat``: a quotation interrupted by its
    attribution goes on in quotation marks (``"…," she said, "…"``); an
    unquoted clause after the cue is the frame, or another attribution's
    content (``…, she said at a conference announcing that…``).

    Args:
        text: The document.
        cand: A candidate with a cue.

    Returns:
        The content ranges to keep.

    >>> t = '"We are united," she told reporters after a meeting that was held on a boat.'
    >>> c = Candidate([(1, 15), (52, 75)], cue=(21, 25), speaker=(17, 20))
    >>> [t[s:e] for s, e in drop_unquoted_tail(t, c)]
    ['We are united,']
    """
    if cand.cue is None or len(cand.content) < 2:
        return cand.content
    before = [p for p in cand.content if p[1] <= min(cand.cue[0], (cand.speaker or cand.cue)[0])]
    after = [p for p in cand.content if p[0] >= cand.cue[1]]
    if not before or not after or len(before) + len(after) != len(cand.content):
        return cand.content
    if not all(_opens_quoted(text, p) for p in before) or any(_opens_quoted(text, p) for p in after):
        return cand.content
    return before


def fix_boundaries(
    text: str,
    cands: Sequence[Candidate],
    quotations: Sequence[Quotation] = (),
    options: Boundaries | None = None,
) -> list[Candidate]:
    """Apply the enabled corrections to each candidate whose content the tagger decided.

    A candidate whose content a rule took from quotation marks (``rule:`` in
    its ``origin``) is kept as it is. A corrected candidate's ``kind`` is
    computed again from ``quotations`` (dropping an unquoted piece can make a
    mixed quote direct).

    Args:
        text: The document (offsets index it).
        cands: Merged candidates (not modified).
        quotations: The document's quotations (``Work.quotations``).
        options: Which corrections; :class:`Boundaries` defaults when None.

    Returns:
        New candidates, in the same order, with corrected content.
    """
    from .tagger import kind_of  # the tagger owns how content and quotation marks give a kind

    opt = options or Boundaries()
    steps = [
        (opt.heading_piece, drop_heading_piece),
        (opt.detached_lead, drop_detached_lead),
        (opt.unquoted_tail, drop_unquoted_tail),
    ]
    out = []
    for c in cands:
        if "rule:" in c.origin or not c.content:
            out.append(c)
            continue
        content = list(c.content)
        for enabled, step in steps:
            if enabled:
                content = step(text, replace(c, content=content)) or content
        if content == list(c.content):
            out.append(c)
        else:
            out.append(replace(c, content=content, kind=kind_of(text, content, quotations)))
    return out
