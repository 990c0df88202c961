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

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Entity
from .context import Frame
from .lexicon import STOP_WORDS

__all__ = ["TARGET_LEMMAS", "find_targets", "name_patterns"]

Range = tuple[int, int]

#: Words in a frame whose object is what the statement is about (our list).
_TARGET_CUE = re.compile(
    r"\b(?:defen[cs]e of|defend(?:s|ed|ing)?|in support of|support (?:for|of)|backing|backed|stand(?:ing)? by|stood by|"
    r"criticis\w+|criticiz\w+|criticism of|condemn\w*|attack(?:s|ed|ing)?|attack on|accus\w+|blam\w+|"
    r"prais\w+|praise for|apologi[sz]\w* to|apology to|about|regarding|referring to|said of|of the case against|"
    r"against|described|describing|called|calling|urged|the (?:conviction|trial|case|sentencing|arrest|comments|remarks|"
    r"resignation|suspension) of)\b",
    re.IGNORECASE,
)
#: Possessive targets in a frame: "Qureshi's conviction".
_POSSESSED = re.compile(
    r"['’]s? (?:conviction|trial|case|sentencing|arrest|comments|remarks|resignation|suspension|"
    r"innocence|guilt|defence|defense|conduct|behaviour|behavior|record|plan|claims?|decision|policy|budget)\b"
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


def name_patterns(
    entities: Sequence[Entity], text: str = "", quoted: Sequence[Range] = ()
) -> dict[str, re.Pattern[str]]:
    """Return, per entity id, a pattern matching its name, its surname and an unshared first name.

    A first name alone ("I have known Samir for a decade") stands for a person
    when no one else in the article shares it and, if ``text`` is given, it
    never stands alone outside the quotations (``quoted``): "Brackwell" in
    "the spill at Brackwell" is a place, whatever the name finder thought.

    >>> pats = name_patterns([Entity("e1", "Samir Qureshi"), Entity("e2", "Rupert Ashdown")])
    >>> bool(pats["e1"].search("Mr Qureshi’s trial")), bool(pats["e2"].search("Samir"))
    (True, False)
    """
    surnames: dict[str, int] = {}
    firsts: dict[str, int] = {}
    for e in entities:
        toks = _name_tokens(e)
        if e.type == "PERSON" and len(toks) >= 2:
            surnames[toks[-1]] = surnames.get(toks[-1], 0) + 1
            firsts[toks[0]] = firsts.get(toks[0], 0) + 1
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
            if firsts.get(toks[0]) == 1 and len(toks[0]) >= 3 and not _stands_alone(text, toks, quoted):
                forms.add(toks[0])
        forms = {f for f in forms if f and f[0].isupper()}
        if forms:
            alt = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
            out[e.id] = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")
    return out


def _stands_alone(text: str, toks: list[str], quoted: Sequence[Range]) -> bool:
    """Whether the first name ``toks[0]`` appears outside ``quoted`` without the rest of the name."""
    if not text:
        return False
    rx = re.compile(rf"(?<![\w-]){re.escape(toks[0])}(?![\w-])(?!\s+{re.escape(toks[1])})")
    for m in rx.finditer(text):
        if not any(s <= m.start() < e for s, e in quoted):
            return True
    return False


def _name_tokens(e: Entity) -> list[str]:
    return [t for t in re.split(r"\s+", e.name.strip()) if t and t[0].isupper() and not t.endswith(".")]


def find_targets(
    text: str,
    content: Sequence[Range],
    frame: Frame,
    entities: Sequence[Entity],
    speaker_id: str | None = None,
    parsed: Sequence[tuple[int, Any]] = (),
    patterns: dict[str, re.Pattern[str]] | None = None,
) -> list[str]:
    """Return the ids of the entities one statement concerns, in order of first mention.

    Args:
        text: the input (or its cleaned same-length copy).
        content: the statement's content ranges.
        frame: the statement's frame (:func:`onrecord.statements.context.build_frame`).
        entities: the article's entities.
        speaker_id: the speaker's entity id, never a target of their own statement.
        parsed: ``Work.parsed`` (empty without a parse).
        patterns: :func:`name_patterns` of ``entities``, when already computed.

    Returns:
        Entity ids.
    """
    patterns = name_patterns(entities) if patterns is None else patterns
    allowed = {e.id for e in entities if e.type in TARGET_TYPES and e.id != speaker_id}
    first: dict[str, int] = {}

    def add(eid: str, pos: int) -> None:
        if eid in allowed and (eid not in first or pos < first[eid]):
            first[eid] = pos

    windows: list[Range] = list(content)
    for m in _TARGET_CUE.finditer(frame.text):
        s = frame.start + m.end()
        windows.append((s, min(frame.end, s + WINDOW)))
    for m in _POSSESSED.finditer(frame.text):
        s = frame.start + m.start()
        windows.append((max(frame.start, s - 40), s + 1))
    windows.extend(_parsed_objects(parsed, frame))

    for e in entities:
        single = e.type != "PERSON" and len(e.name.split()) == 1
        for ms, me in e.mentions:
            for ws, we in windows:
                if ws <= ms and me <= we and not (single and _attributive(text, ms, me)):
                    add(e.id, ms)
        rx = patterns.get(e.id)
        if rx is None:
            continue
        for ws, we in windows:
            for m in rx.finditer(text, ws, we):
                if not (single and _attributive(text, m.start(), m.end())):
                    add(e.id, m.start())
                    break
    ordered = [eid for eid, _ in sorted(first.items(), key=lambda kv: kv[1])]
    return _drop_partial_duplicates(ordered, entities)


def _drop_partial_duplicates(ids: list[str], entities: Sequence[Entity]) -> list[str]:
    """Keep one id per person when the resolver left "Qureshi" apart from "Samir Qureshi" (the fuller name wins).

    >>> _drop_partial_duplicates(["e2", "e1"], [Entity("e1", "Samir Qureshi"), Entity("e2", "Qureshi")])
    ['e1']
    """
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
