"""Who is who across articles: pure speaker-identity decisions for the archive.

One speaker per real person: "Crispin Blunt", "Blunt" and "Mr Blunt" in
different articles are one speaker with aliases, but "Imran Khan" (the
cricketer) and "Imran Ahmad Khan" (the MP) are two. First names, middle
names, honorifics' gender and descriptors (party, constituency, office)
decide. Every decision carries the reason, so the archive can report its
merges.

- :func:`speaker_key` is a normalised key for a name (the archive may block
  on it; equal keys are a strong but not final signal);
- :func:`compare_speakers` decides whether two records are the same person;
- :func:`identify_speaker` has the signature of the store's identity hook
  (``onrecord.store.identity.IdentityFn``): it takes a per-article entity
  and the archive speakers sharing a name word with it, and returns an object
  with ``speaker_id`` and ``reason``. Pass it as ``identify=`` to
  ``onrecord.store.open_store``.

No database, no I/O: this module only compares strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .names import FEMALE_NAMES, HONORIFICS, MALE_NAMES, PARTY_WORDS, ROLE_TITLES, fold

__all__ = [
    "ArchiveDecision",
    "IdentityDecision",
    "SpeakerRecord",
    "compare_speakers",
    "identify_speaker",
    "speaker_key",
]

#: Party words folded to one name per party, so "Conservative" and "Tory" agree;
#: hand-listed UK/US equivalences.
PARTY_CANON = {
    "tory": "conservative", "tories": "conservative", "conservative": "conservative",
    "conservatives": "conservative", "labour": "labour", "democrat": "democratic",
    "democrats": "democratic", "democratic": "democratic", "republican": "republican",
    "republicans": "republican", "gop": "republican", "snp": "snp", "green": "green",
    "greens": "green", "reform": "reform", "ukip": "ukip", "dup": "dup", "plaid": "plaid",
    "liberal": "liberal",
}
#: Descriptor words too common to show two records are one person; hand-listed.
WEAK_WORDS = frozenset(
    "a an the of for on in at to and his her their its who was is has been former new said "
    "since aged elected member".split()
)
#: Common English given-name short forms (hand-listed); "Bill Clinton" is "William Clinton".
NICKNAMES = {
    "bill": "william", "will": "william", "liz": "elizabeth", "beth": "elizabeth",
    "bob": "robert", "rob": "robert", "jim": "james", "jimmy": "james", "mike": "michael",
    "tony": "anthony", "dick": "richard", "rick": "richard", "ted": "edward", "ed": "edward",
    "tom": "thomas", "dan": "daniel", "dave": "david", "steve": "stephen", "chris": "christopher",
    "nick": "nicholas", "matt": "matthew", "sam": "samuel", "alex": "alexander", "andy": "andrew",
    "kate": "katherine", "cathy": "catherine", "jo": "joanna", "pete": "peter", "joe": "joseph",
}


@dataclass(frozen=True)
class SpeakerRecord:
    """A speaker as identity sees it: a name, other names it went by, descriptors."""

    name: str
    aliases: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()


@dataclass(frozen=True)
class IdentityDecision:
    """Whether two records are one person, and why."""

    same: bool
    reason: str


@dataclass(frozen=True)
class ArchiveDecision:
    """Which archive speaker an entity joins (None: a new one), and why.

    Field for field the store's ``onrecord.store.identity.IdentityDecision``.
    """

    speaker_id: Any
    reason: str


class _Profile(Protocol):
    id: Any
    name: str
    type: str
    aliases: tuple[str, ...]
    descriptors: tuple[str, ...]


@dataclass(frozen=True)
class _Name:
    firsts: tuple[str, ...]  # given names, first to last (middle names included)
    last: str
    gender: str | None


def _split_name(name: str) -> _Name:
    words = [fold(w) for w in re.findall(r"[\w'’-]+\.?", name)]
    words = [re.sub(r"['’]s$", "", w).strip("'’-.") for w in words]
    words = [w for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    gender = None
    while words and (words[0] in HONORIFICS or words[0] in ROLE_TITLES) and len(words) > 1:
        gender = gender or HONORIFICS.get(words[0])
        words = words[1:]
    while len(words) > 1 and words[-1] in {"jr", "sr", "ii", "iii", "mp", "qc", "kc"}:
        words = words[:-1]
    if not words:
        return _Name((), "", gender)
    if gender is None and len(words) > 1:
        gender = "male" if words[0] in MALE_NAMES else "female" if words[0] in FEMALE_NAMES else None
    return _Name(tuple(words[:-1]), words[-1], gender)


def speaker_key(name: str, descriptors: Sequence[str] = ()) -> str:
    """Return a normalised key for a speaker: given names and surname, folded.

    Honorifics, possessives, accents and case are dropped; when the name is a
    bare surname, the party from ``descriptors`` (if any) is added, so "Mr
    Blunt" the Tory and "Blunt" the singer are not keyed alike.

    Args:
        name: the name as written.
        descriptors: the speaker's descriptors.

    Returns:
        The key, e.g. ``"crispin blunt"`` or ``"blunt|conservative"``.

    >>> speaker_key("Mr Crispin Blunt's")
    'crispin blunt'
    >>> speaker_key("Mr Blunt", ["Tory MP"])
    'blunt|conservative'
    >>> speaker_key("Zoë Müller")
    'zoe muller'
    """
    n = _split_name(name)
    base = " ".join((*n.firsts, n.last)).strip()
    if n.firsts:
        return base
    parties = sorted(_parties(descriptors))
    return f"{base}|{parties[0]}" if len(parties) == 1 else base


def _parties(descriptors: Sequence[str]) -> set[str]:
    out = set()
    for d in descriptors:
        for w in re.findall(r"[\w-]+", d):
            f = fold(w)
            if f in PARTY_CANON and (f != "green" and f != "reform" or w[:1].isupper()):
                out.add(PARTY_CANON[f])
    return out


def _descriptor_words(descriptors: Sequence[str]) -> set[str]:
    words = set()
    for d in descriptors:
        for w in re.findall(r"[\w-]+", d):
            f = fold(w)
            if f not in WEAK_WORDS and not f.isdigit() and f not in PARTY_WORDS:
                words.add(f)
    return words


def _given(word: str) -> str:
    return NICKNAMES.get(word, word)


def _compare_names(a: _Name, b: _Name) -> tuple[str, str]:
    """Compare two names: ('same' | 'compatible' | 'weak' | 'different', reason)."""
    if not a.last or a.last != b.last:
        return "different", f"different surnames ({a.last or '?'} / {b.last or '?'})"
    if a.gender and b.gender and a.gender != b.gender:
        return "different", f"honorifics disagree ({a.gender} / {b.gender})"
    if not a.firsts or not b.firsts:
        return "compatible", f"surname {a.last!r} with no first name on one side"
    fa, fb = _given(a.firsts[0]), _given(b.firsts[0])
    initial = (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))
    if fa != fb and not initial:
        return "different", f"different first names ({a.firsts[0]} / {b.firsts[0]})"
    ma, mb = a.firsts[1:], b.firsts[1:]
    if ma == mb:
        return "same", f"same first name and surname ({a.firsts[0]} {a.last})"
    if ma and mb:
        return "different", f"different middle names ({' '.join(ma)} / {' '.join(mb)})"
    extra = " ".join(ma or mb)
    return "weak", f"same first name and surname, middle name {extra!r} on one side only"


def compare_speakers(a: SpeakerRecord, b: SpeakerRecord) -> IdentityDecision:
    """Decide whether two speaker records are the same person.

    Rules, in order: some pair of their names must share a surname; a party
    conflict in the descriptors separates them; different first names (after
    common short forms) or middle names separate them; the same first and
    last name joins them; a middle name on one side only ("Imran Khan" vs
    "Imran Ahmad Khan") joins only when a descriptor word is shared; a bare
    surname joins when nothing conflicts.

    Args:
        a: one record.
        b: the other.

    Returns:
        The decision and its reason.

    >>> blunt = SpeakerRecord("Crispin Blunt", descriptors=("Tory MP",))
    >>> compare_speakers(blunt, SpeakerRecord("Mr Blunt")).same
    True
    >>> d = compare_speakers(SpeakerRecord("Imran Khan", descriptors=("former Pakistan cricket captain",)),
    ...                      SpeakerRecord("Imran Ahmad Khan", descriptors=("MP for Wakefield",)))
    >>> d.same, d.reason
    (False, "same first name and surname, middle name 'ahmad' on one side only, and no shared descriptor")
    >>> compare_speakers(SpeakerRecord("James Blunt"), blunt).same
    False
    """
    names_a = [_split_name(n) for n in (a.name, *a.aliases) if n.strip()]
    names_b = [_split_name(n) for n in (b.name, *b.aliases) if n.strip()]
    pa, pb = _parties(a.descriptors), _parties(b.descriptors)
    if pa and pb and not pa & pb:
        return IdentityDecision(False, f"parties disagree ({', '.join(sorted(pa))} / {', '.join(sorted(pb))})")
    verdicts = []
    for x in names_a:
        for y in names_b:
            verdicts.append(_compare_names(x, y))
    hard = [r for v, r in verdicts if v == "different" and not r.startswith("different surnames")]
    if hard:
        return IdentityDecision(False, hard[0])
    for level in ("same", "weak", "compatible"):
        found = [r for v, r in verdicts if v == level]
        if not found:
            continue
        reason = found[0]
        if level == "same":
            return IdentityDecision(True, reason)
        shared = _descriptor_words(a.descriptors) & _descriptor_words(b.descriptors)
        if pa & pb:
            shared |= pa & pb
        if level == "weak":
            if shared:
                return IdentityDecision(True, f"{reason}, shared descriptor ({', '.join(sorted(shared))})")
            return IdentityDecision(False, f"{reason}, and no shared descriptor")
        if shared:
            return IdentityDecision(True, f"{reason}; shared descriptor ({', '.join(sorted(shared))})")
        return IdentityDecision(True, f"{reason}; nothing conflicts")
    return IdentityDecision(False, verdicts[0][1] if verdicts else "no names to compare")


def identify_speaker(entity: Any, candidates: Sequence[_Profile]) -> ArchiveDecision:
    """Choose the archive speaker a per-article entity is, or none (a new speaker).

    The signature of the store's identity hook. People are compared with
    :func:`compare_speakers`; a bare surname that fits several speakers
    joins the one whose descriptors it shares, else none (ambiguous names are
    never guessed). Other types join a speaker of the same type with the
    same key.

    Args:
        entity: an ``onrecord.model.Entity`` (``name``, ``type``, ``descriptors``).
        candidates: archive speakers (``id``, ``name``, ``type``, ``aliases``,
            ``descriptors``) that share a name word with it.

    Returns:
        The archive speaker id to join (None for a new speaker) and the reason.
    """
    same_type = [c for c in candidates if c.type == entity.type]
    key = speaker_key(entity.name)
    if entity.type != "PERSON":
        for c in same_type:
            if key in {speaker_key(n) for n in (c.name, *c.aliases)}:
                return ArchiveDecision(c.id, f"same {entity.type.lower()} name {key!r}")
        return ArchiveDecision(None, f"new: no {entity.type} named {key!r}")
    mine = SpeakerRecord(entity.name, (), tuple(entity.descriptors))
    matches = []
    refusals = []
    for c in same_type:
        d = compare_speakers(mine, SpeakerRecord(c.name, tuple(c.aliases), tuple(c.descriptors)))
        (matches if d.same else refusals).append((c, d))
    if not matches:
        why = refusals[0][1].reason if refusals else "no speaker shares a name word"
        return ArchiveDecision(None, f"new: {why}")
    if len(matches) == 1:
        c, d = matches[0]
        return ArchiveDecision(c.id, d.reason)
    exact = [(c, d) for c, d in matches if "same first name and surname (" in d.reason]
    if len(exact) == 1:
        return ArchiveDecision(exact[0][0].id, exact[0][1].reason)
    backed = [(c, d) for c, d in matches if "shared descriptor" in d.reason]
    if len(backed) == 1:
        return ArchiveDecision(backed[0][0].id, backed[0][1].reason)
    return ArchiveDecision(None, f"new: {key!r} fits {len(matches)} speakers; not guessing")
