"""Where a source span ends: the tagger's source made a whole phrase.

The tagger (:mod:`onrecord.attribution.tagger`) sometimes stops a source one
word into a name or a noun phrase ("Hillary" of "Hillary Clinton said", "Her"
of "Her submission to the court argues") or runs it into what follows ("Nick
Mulgrew, president of the union, which", "federal prosecutors in"). :func:`whole_source`
mends those three shapes with word lists, not a model:

- a given name or an initial followed by more of the name is the whole name;
- a determiner, possessive or quantifier alone is the noun phrase it opens,
  up to its cue when the cue follows closely;
- a trailing relative pronoun or preposition is cut off.

Measured on PolNeAR dev (see the model card); nothing moves past a comma,
a line break or into the content or the cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..resolve.mentions import DANGLING_WORDS
from ..resolve.names import GIVEN_NAMES, NOT_NAME_WORDS, fold

__all__ = ["whole_source"]

Range = tuple[int, int]

#: Words that open a noun phrase and are no source alone ("Her [submission to the court]", "many [African-Americans]").
OPENERS = frozenset(
    "the a an his her their its my our your this that these those many most some several few both all each "
    "other others".split()
)
#: Words a noun phrase opened by one of OPENERS may run through before its cue, at most.
NP_WORDS = 6
#: What may follow a given name as the rest of the name: an initial, a capitalised word, a hyphenated one.
_NAME_REST = re.compile(r"(?:\.)?[ \u00a0]+(?P<word>[A-Z](?:[\w'’-]*[\w])?)(?=[\s.,;:!?)’'”]|$)")
#: A trailing relative clause's opening or a dangling preposition.
_DANGLING = re.compile(r"(?:,\s*(?:who|whom|whose|which|that)|\s+(?:" + DANGLING_WORDS + r"))\s*$")
#: What a noun phrase never runs over.
_STOP = re.compile(r"[,.;:!?\"“”‘’()\n\u2013\u2014]")


def whole_source(text: str, source: Range | None, cue: Range | None, content: Sequence[Range]) -> Range | None:
    """``source`` made a whole phrase (see the module docstring); unchanged when none of the shapes fits.

    >>> t = "Hillary Clinton said on Monday that she would win."
    >>> whole_source(t, (0, 7), (16, 20), [(31, 49)])
    (0, 15)
    >>> t = "Her submission to the court argues that the law is void."
    >>> whole_source(t, (0, 3), (28, 34), [(35, 55)])
    (0, 27)
    >>> t = "Michael Mulgrew, president of the union, which has 75,000 members, said the deal was fair."
    >>> t[slice(*whole_source(t, (0, 46), (66, 70), [(71, 89)]))]
    'Michael Mulgrew, president of the union'
    >>> t = "federal prosecutors in Ohio said the case was closed."
    >>> whole_source(t, (0, 22), (28, 32), [(33, 52)])
    (0, 19)
    >>> t = "Save Our Libraries, which handed in a petition with 6,000 signatures, said it was a done deal."
    >>> t[slice(*whole_source(t, (36, 68), (70, 74), [(75, 93)]))]
    'Save Our Libraries'
    >>> t = "Trump Tower officials said nothing."
    >>> whole_source(t, (0, 5), (20, 24), [(25, 34)])
    (0, 5)
    """
    if source is None:
        return None
    s, e = source
    subject = _subject_of_relative(text, source, cue)
    if subject is not None:
        return subject
    blocks = [x for x in [*(a for a, _ in content), cue[0] if cue else None] if x is not None and x >= e]
    limit = min(blocks) if blocks else min(len(text), e + 120)
    span = text[s:e]
    words = span.split()
    if not words:
        return source
    last = words[-1].rstrip(".")
    if fold(last) in GIVEN_NAMES or (len(last) == 1 and last.isupper() and last != "I"):  # (not the pronoun)
        # "Hillary | Clinton", "Julie A | . Diaz Martinez": the rest of the name
        end = e
        while True:
            more = _NAME_REST.match(text, end)
            if more is None or more.end("word") > limit or fold(more.group("word")) in NOT_NAME_WORDS:
                break
            if text[end] == "." and not (len(text[s:end].split()[-1]) == 1):
                break  # a full stop after a whole word ends its sentence
            end = more.end("word")
        return (s, end)
    if len(words) == 1 and fold(words[0]) in OPENERS and cue is not None and cue[0] >= e:
        # "Her | submission to the court | argues": the noun phrase up to its cue
        gap = text[e : cue[0]]
        if not _STOP.search(gap) and 0 < len(gap.split()) <= NP_WORDS and limit >= cue[0]:
            return (s, e + len(gap.rstrip()))
        return source
    dangling = _DANGLING.search(span)
    if dangling is not None and dangling.start() > 0:
        return (s, s + dangling.start())
    return source


def _subject_of_relative(text: str, source: Range, cue: Range | None) -> Range | None:
    """The name opening the sentence when ``source`` lies inside the relative clause set off after it and the cue
    follows that clause: "Save Our Libraries, which handed in | a petition with more than 6,000 signatures | before
    the meeting, said …" is Save Our Libraries."""
    if cue is None or cue[0] < source[1]:
        return None
    start = max(text.rfind("\n", 0, source[0]) + 1, source[0] - SUBJECT_REACH)
    for brk in _SENTENCE_BREAK.finditer(text, start, source[0]):
        start = brk.end()
    opened = None
    for opened in _RELATIVE_OPEN.finditer(text, start, source[0]):
        pass
    if opened is None or "," in text[opened.end() : source[0]]:
        return None
    closing = text.find(",", source[1], cue[0])
    if closing < 0 or text[closing + 1 : cue[0]].strip():
        return None  # the clause must end right before the cue
    lead = len(text[start : opened.start()]) - len(text[start : opened.start()].lstrip())
    name = _NAME_SUBJECT.fullmatch(text, start + lead, opened.start())
    return (name.start(), name.end()) if name is not None else None


#: Characters back from a source its sentence's subject may start (a sentence's length, about).
SUBJECT_REACH = 300
#: ", which" / ", who" opening a relative clause after a sentence's subject.
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who)\s")
#: A full stop, question or exclamation mark and the space after it.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+")
#: A name as a sentence's whole subject: one to six capitalised words, "The" allowed first.
_NAME_SUBJECT = re.compile(r"(?:The\s+)?[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|and|&)){0,5}")
