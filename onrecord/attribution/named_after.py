"""A quotation paragraph whose speaker the next paragraph names.

Feature writers hold the speaker back::

    “There will be people in this town who thought Martin could do no wrong …”

    Those were the words of Cllr Nadia Rahman, the deputy leader, who …

Neither the rules nor the tagger see a cue for the quotation, so it would take
the speaker before it (or be joined to the statement before it). Here the named
person becomes its speaker span, and a paragraph joined to an earlier statement
is split off as a quote of its own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..work import Candidate, Range

__all__ = ["speakers_named_after"]

#: "Those were the words of Cllr Nadia Rahman, …", "The words came from Margaret Ollerenshaw, a 71-year-old …",
#: "That was the verdict of Hanna Lindqvist, a senior fellow …", "That is the view of Gordon Pryce, who chairs …".
_WORDS_OF = re.compile(
    r"(?:Those|These|That|This|The|Such)\s+(?:were\s+|was\s+|is\s+|are\s+)?(?:the\s+)?"
    r"(?:words|comments|remarks|thoughts|verdict|view|assessment|warning|message|plea)\s+"
    r"(?:of|came\s+from|belonged\s+to|were\s+those\s+of|were\s+spoken\s+by)\s+"
    r"(?P<who>[^,.;:\n“”\"]{2,80}?)(?=,|\.|;|\s+(?:who|whose|as|at|in|on|during)\b)"
)
#: Characters a quotation paragraph may open with.
_OPENING_MARKS = ("“", '"', "‘")


def speakers_named_after(text: str, paragraphs: Sequence[Range], cands: list[Candidate]) -> list[Candidate]:
    """Return ``cands`` with each cue-less quotation paragraph followed by "Those were the words of X" given
    speaker X; a paragraph joined to an earlier statement becomes a candidate of its own.

    >>> text = "“We will win.”\\n\\nThose were the words of Jo Bell, the leader."
    >>> c = Candidate(content=[(1, 13)], speaker=(0, 0))
    >>> [text[slice(*x.speaker)] for x in speakers_named_after(text, [(0, 14), (16, 60)], [c])]
    ['Jo Bell']
    """
    out = list(cands)
    for c in cands:
        if not c.content:
            continue
        k = bisect.bisect_right(paragraphs, (c.content[-1][1], len(text))) - 1
        if k < 0 or k + 1 >= len(paragraphs):
            continue
        ps, pe = paragraphs[k]
        if not (ps <= c.content[-1][0] < pe) or not text[ps:pe].lstrip().startswith(_OPENING_MARKS) \
                or (c.cue is not None and ps <= c.cue[0] < pe):
            continue  # a paragraph of quotation only, with no cue of its own
        named = _WORDS_OF.match(text, *paragraphs[k + 1])
        if named is None:
            continue
        own = [r for r in c.content if r[0] >= ps - 2]
        if len(own) < len(c.content):
            # "… Ferriday said his party would table a motion … / “…” / Those were the words of …": two statements
            c.content = [r for r in c.content if r[0] < ps - 2]
            c = Candidate(content=own, kind="direct", confidence=c.confidence, origin=c.origin, attribution=c.attribution)
            out.append(c)
        c.speaker = named.span("who")
        c.cue = None
        c.origin = (c.origin + "+words-of").lstrip("+")
    return out
