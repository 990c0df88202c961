"""Targets: the entities a statement concerns (``Quote.about``).

An entity is a target of a statement when

- one of its mentions (as the resolver recorded them in ``Entity.mentions``,
  pronouns included) lies inside the content, or its name, surname, or a
  first name no one else in the article shares is written there; or
- it is the object of a targeting expression in the frame: "his defence of
  X", "defending X", "criticised X", "apologised to X", "X's conviction".

The speaker is never their own target, and documents ("a statement
published on ...") are not targets. With a parse, the objects of the frame's
targeting words are taken from the dependency tree as well.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..model import Entity
from .context import Frame, RangeIndex
from .lexicon import STOP_WORDS

__all__ = ["TARGET_LEMMAS", "TargetIndex", "find_targets", "name_forms", "name_patterns"]

Range = tuple[int, int]

#: Words in a frame whose object is what the statement is about (our list).
_TARGET_CUE = re.compile(
    r"\b(?:defen[cs]e of|defend(?:s|ed|ing)?|in support of|support (?:for|of)|backing|backed"
    r"|stand(?:ing)? by|stood by|"
    r"criticis\w+|criticiz\w+|criticism of|condemn\w*|attack(?:s|ed|ing)?|attack on|accus\w+|blam\w+|"
    r"prais\w+|praise for|apologi[sz]\w* to|apology to|about|regarding|referring to|said of"
    r"|of the case against|"
    r"against|described|describing|called|calling|urged|the (?:conviction|trial|case|sentencing|arrest"
    r"|comments|remarks|"
    r"resignation|suspension) of)\b",
    re.IGNORECASE,
)
#: Possessive targets in a frame: "Qureshi's conviction".
_POSSESSED = re.compile(
    r"['’]s? (?:conviction|trial|case|sentencing|arrest|comments|remarks|resignation|suspension|"
    r"innocence|guilt|defence|defense|conduct|behaviour|behavior|record|plan|claims?|decision|policy"
    r"|budget)\b"
)
#: How far after a targeting word its object may start (characters; set by
#: hand so that "his defence of his colleague and friend Samir Qureshi" fits).
WINDOW = 60
#: Lemmas whose dependency objects are targets, when a parse is present.
TARGET_LEMMAS = frozenset(
    {"defend", "defence", "defense", "support", "back", "criticise", "criticize", "criticism", "condemn",
     "attack", "accuse", "blame", "praise", "describe", "apologise", "apologize", "urge"}
)
#: Entity types that can be targets.
TARGET_TYPES = frozenset({"PERSON", "ORG", "GROUP", "OTHER"})


def name_forms(
    entities: Sequence[Entity], text: str = "", quoted: Sequence[Range] = ()
) -> dict[str, set[str]]:
    """Return, per entity id, the written forms that name it: its name, its surname, an unshared first name.

    A first name alone ("I have known Samir for a decade") stands for a person
    when no one else in the article shares it and, if ``text`` is given, it
    never stands alone outside the quotations (``quoted``): "Brackwell" in
    "the spill at Brackwell" is a place, whatever the name finder thought.

    >>> sorted(name_forms([Entity("e1", "Samir Qureshi")])["e1"])
    ['Qureshi', 'Samir', 'Samir Qureshi']
    """
    surnames: dict[str, int] = {}
    firsts: dict[str, int] = {}
    for e in entities:
        toks = _name_tokens(e)
        if e.type == "PERSON" and len(toks) >= 2:
            surnames[toks[-1]] = surnames.get(toks[-1], 0) + 1
            firsts[toks[0]] = firsts.get(toks[0], 0) + 1
    alone = _first_names_alone(text, entities, firsts, RangeIndex(quoted))
    out = {}
    for e in entities:
        if e.type not in TARGET_TYPES:
            continue
        forms = {e.name.strip()}
        bare = re.sub(r"^(?:the|The)\s+", "", e.name.strip())
        if bare:
            forms.add(bare)
        toks = _name_tokens(e)
        if e.type == "PERSON" and len(toks) >= 2:
            if surnames.get(toks[-1]) == 1 and len(toks[-1]) >= 3:
                forms.add(toks[-1])
            if firsts.get(toks[0]) == 1 and len(toks[0]) >= 3 and toks[0] not in alone:
                forms.add(toks[0])
        forms = {f for f in forms if f and f[0].isupper()}
        if forms:
            out[e.id] = forms
    return out


def name_patterns(
    entities: Sequence[Entity], text: str = "", quoted: Sequence[Range] = ()
) -> dict[str, re.Pattern[str]]:
    """Return, per entity id, a pattern matching the forms :func:`name_forms` gives.

    >>> pats = name_patterns([Entity("e1", "Samir Qureshi"), Entity("e2", "Rupert Ashdown")])
    >>> bool(pats["e1"].search("Mr Qureshi’s trial")), bool(pats["e2"].search("Samir"))
    (True, False)
    """
    return {eid: _alternation(forms) for eid, forms in name_forms(entities, text, quoted).items()}


def _alternation(forms: Iterable[str]) -> re.Pattern[str]:
    alt = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


#: A run of word characters and hyphens: where a whole-word name may start.
_RUN = re.compile(r"[\w-]+")
_WORD_CHAR = re.compile(r"[\w-]")


class _FormFinder:
    r"""Whole-word occurrences of a set of strings, leftmost and longest first, without regex compilation.

    Finds what ``(?<![\w-])(?:form1|form2|...)(?![\w-])`` (longest forms
    first) finds. Compiling that alternation cost about 2 ms per article,
    a fifth of the statements stage; here each run of word characters is
    looked up by its text. Every form must start with a word character (names
    do: :func:`name_forms` keeps capitalised forms only).

    >>> f = _FormFinder(["Samir Qureshi", "Qureshi", "Mr Qureshi"])
    >>> list(f.finditer("Mr Qureshi and Samir Qureshi, not Qureshi-Smith"))
    [(0, 10, 'Mr Qureshi'), (15, 28, 'Samir Qureshi')]
    """

    def __init__(self, forms: Iterable[str]):
        self._by_run: dict[str, list[str]] = {}
        for form in sorted(set(forms), key=len, reverse=True):
            m = _RUN.match(form)
            if m:
                self._by_run.setdefault(m.group(0), []).append(form)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, form)`` of each match inside ``[start, end)``, left to right, not overlapping."""
        end = len(text) if end is None else end
        free = start  # matches do not overlap
        for run in _RUN.finditer(text, start, end):
            s = run.start()
            forms = self._by_run.get(run.group(0))
            if not forms or s < free or (s == start and s > 0 and _WORD_CHAR.match(text, s - 1)):
                continue
            for form in forms:
                e = s + len(form)
                if e <= end and text.startswith(form, s) and (e == end or not _WORD_CHAR.match(text, e)):
                    yield s, e, form
                    free = e
                    break


def _first_names_alone(
    text: str, entities: Sequence[Entity], firsts: dict[str, int], quoted: RangeIndex
) -> set[str]:
    """The unshared first names that appear outside ``quoted`` without the rest of the name.

    One pass over the text for all of them (a scan per person made long
    articles quadratic).
    """
    if not text:
        return set()
    rest: dict[str, str] = {}
    for e in entities:
        toks = _name_tokens(e)
        if e.type == "PERSON" and len(toks) >= 2 and firsts.get(toks[0]) == 1 and len(toks[0]) >= 3:
            rest[toks[0]] = toks[1]
    if not rest:
        return set()
    alt = "|".join(sorted(map(re.escape, rest), key=len, reverse=True))
    found: set[str] = set()
    for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text):
        first = m.group(0)
        if first in found:
            continue
        if _followed_by(text, m.end(), rest[first]):
            continue
        if not quoted.overlapping(m.start(), m.start() + 1):
            found.add(first)
    return found


def _followed_by(text: str, at: int, word: str) -> bool:
    """Whether 1 to 8 white-space characters and then the whole word ``word`` follow ``text[at]``."""
    gap = 0
    while gap < 8 and at + gap < len(text) and text[at + gap].isspace():
        gap += 1
    if not gap or not text.startswith(word, at + gap):
        return False
    after = at + gap + len(word)
    return gap == 8 or after >= len(text) or not _WORD_CHAR.match(text, after)


def _name_tokens(e: Entity) -> list[str]:
    return [t for t in re.split(r"\s+", e.name.strip()) if t and t[0].isupper() and not t.endswith(".")]


class TargetIndex:
    """What target finding looks up, built once per article: mentions by position, names in one pattern."""

    def __init__(self, entities: Sequence[Entity], text: str = "", quoted: Sequence[Range] = ()):
        self.entities = list(entities)
        self.names = {e.id: e.name for e in entities}
        self.types = {e.id: e.type for e in entities}
        self.one_word = {e.id for e in entities if e.type != "PERSON" and len(e.name.split()) == 1}
        self.mentions = sorted((s, e_, ent.id) for ent in entities for s, e_ in ent.mentions)
        self.starts = [m[0] for m in self.mentions]
        self.longest = max((e_ - s for s, e_, _ in self.mentions), default=0)
        self.by_form: dict[str, list[str]] = {}
        for eid, forms in name_forms(entities, text, quoted).items():
            for f in forms:
                self.by_form.setdefault(f, []).append(eid)
        self.finder = _FormFinder(self.by_form) if self.by_form else None
        #: entities that may be targets, and name words per entity (built once, not per statement)
        self.targetable = frozenset(e.id for e in entities if e.type in TARGET_TYPES)
        self.name_words = {e.id: e.name.split() for e in entities}

    def mentions_in(self, start: int, end: int) -> Iterable[tuple[int, int, str]]:
        """Recorded mentions lying inside ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return (m for m in self.mentions[lo:hi] if m[1] <= end)

    def names_in(self, text: str, start: int, end: int) -> Iterable[tuple[int, int, str]]:
        """Written names inside ``[start, end)``."""
        if self.finder is None:
            return
        for s, e, form in self.finder.finditer(text, start, end):
            for eid in self.by_form.get(form, ()):
                yield (s, e, eid)


def find_targets(
    text: str,
    content: Sequence[Range],
    frame: Frame,
    entities: Sequence[Entity],
    speaker_id: str | None = None,
    parsed: Sequence[tuple[int, Any]] = (),
    index: TargetIndex | None = None,
) -> list[str]:
    """Return the ids of the entities one statement concerns, in order of first mention.

    Args:
        text: the input (or its cleaned same-length copy).
        content: the statement's content ranges.
        frame: the statement's frame (:func:`onrecord.statements.context.build_frame`).
        entities: the article's entities.
        speaker_id: the speaker's entity id, never a target of their own statement.
        parsed: ``Work.parsed`` (empty without a parse).
        index: a :class:`TargetIndex` of ``entities``, when already built.

    Returns:
        Entity ids.
    """
    index = TargetIndex(entities, text, content) if index is None else index
    allowed = index.targetable - {speaker_id}
    first: dict[str, int] = {}

    windows: list[Range] = list(content)
    for m in _TARGET_CUE.finditer(frame.text):
        s = frame.start + m.end()
        windows.append((s, min(frame.end, s + WINDOW)))
    for m in _POSSESSED.finditer(frame.text):
        s = frame.start + m.start()
        windows.append((max(frame.start, s - 40), s + 1))
    windows.extend(_parsed_objects(parsed, frame))

    for ws, we in windows:
        for ms, me, eid in (*index.mentions_in(ws, we), *index.names_in(text, ws, we)):
            if eid not in allowed or (eid in index.one_word and _attributive(text, ms, me)):
                continue
            if eid not in first or ms < first[eid]:
                first[eid] = ms
    ordered = [eid for eid, _ in sorted(first.items(), key=lambda kv: kv[1])]
    return _drop_partial_duplicates(ordered, entities, index.name_words)


def _drop_partial_duplicates(
    ids: list[str], entities: Sequence[Entity], names: dict[str, list[str]] | None = None
) -> list[str]:
    """Keep one id per person when the resolver left "Qureshi" apart from "Samir Qureshi" (the fuller name wins).

    >>> _drop_partial_duplicates(["e2", "e1"], [Entity("e1", "Samir Qureshi"), Entity("e2", "Qureshi")])
    ['e1']
    """
    if names is None:
        names = {e.id: e.name.split() for e in entities}
    out: list[str] = []
    for eid in ids:
        words = names[eid]
        twin = next(
            (o for o in out if words and names[o] and names[o][-1] == words[-1] and min(len(words), len(names[o])) == 1),
            None,
        )
        if twin is None:
            out.append(eid)
        elif len(words) > len(names[twin]):
            out[out.index(twin)] = eid
    return out


_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|his|her|their|our|my|this|that|these|those|north|south|east|west|northern|southern|"
    r"eastern|western|central|rural|urban)\s+$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(r"\s+([a-z]+)")


def _attributive(text: str, start: int, end: int) -> bool:
    """Whether a one-word name is used as a modifier or a place ("its Wigan factory", "north Wales").

    >>> _attributive("its Wigan factory", 4, 9), _attributive("the Wigan said", 4, 9)
    (True, False)
    """
    before = text[max(0, start - 12) : start]
    if not _DETERMINER_BEFORE.search(before):
        return False
    if re.search(r"\b(?:north|south|east|west|northern|southern|eastern|western|central|rural|urban)\s+$", before, re.I):
        return True
    m = _NOUN_AFTER.match(text, end)
    return bool(m) and m.group(1) not in STOP_WORDS


def _parsed_objects(parsed: Sequence[tuple[int, Any]], frame: Frame) -> Iterable[Range]:
    """Char ranges of the objects of targeting words in the frame, from a spaCy parse."""
    for offset, doc in parsed:
        if offset + len(doc.text) < frame.start or offset > frame.end:
            continue
        for tok in doc:
            pos = offset + tok.idx
            if not (frame.start <= pos < frame.end) or tok.lemma_.lower() not in TARGET_LEMMAS:
                continue
            if frame.text[pos - frame.start] == " " and not tok.text.isspace():
                continue  # inside a blanked quotation
            for child in tok.children:
                if child.dep_ in ("dobj", "obj", "pobj", "prep", "dative"):
                    sub = list(child.subtree)
                    yield (offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1].text))
