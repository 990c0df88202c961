"""Who is who across the archive: the pluggable speaker-identity hook.

The store asks an *identity function* where each per-article entity belongs:
an existing archive speaker or a new one. The function is pure: it sees the
entity and the archive speakers that share a name word with it, and returns a
decision with its reason, which the store records in ``merge_decisions``.

:func:`default_identity` is the resolution rules'
``onrecord.resolve.identity.identify_speaker``. :func:`match_speaker` is a
simpler rule set with the same signature; pass it, or your own, to
:func:`onrecord.store.open_store` as ``identify=``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import Entity
from ..resolve.identity import identify_speaker

__all__ = [
    "IdentityDecision",
    "IdentityFn",
    "SpeakerProfile",
    "default_identity",
    "match_speaker",
    "name_words",
    "normalise_name",
]

#: Honorifics dropped before comparing names (British and US news usage).
HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady baroness baron rev reverend "
    "president senator sen rep representative judge justice mp".split()
)
#: Entity types whose names are compared word by word; others must match exactly.
PERSON_TYPES = ("PERSON",)


@dataclass(frozen=True)
class SpeakerProfile:
    """An archive speaker as the identity function sees it."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()


@dataclass(frozen=True)
class IdentityDecision:
    """Join ``speaker_id`` (None: create a new speaker), and why."""

    speaker_id: int | None
    reason: str


#: ``identify(entity, candidates) -> IdentityDecision``; candidates share a name word with the entity.
IdentityFn = Callable[[Entity, Sequence[SpeakerProfile]], IdentityDecision]


def normalise_name(name: str) -> str:
    """Lower-case ``name``, drop honorifics, possessives and punctuation.

    >>> normalise_name("Mr. Crispin Blunt's")
    'crispin blunt'
    """
    words = re.findall(r"[\w'-]+", name.lower())
    words = [re.sub(r"'s$", "", w).strip("'-") for w in words]
    return " ".join(w for w in words if w and w not in HONORIFICS)


def name_words(name: str) -> tuple[str, ...]:
    """The words of a normalised name, for finding candidate speakers.

    >>> name_words("Dr Imran Ahmad Khan")
    ('imran', 'ahmad', 'khan')
    """
    return tuple(normalise_name(name).split())


def _split(name: str) -> tuple[tuple[str, ...], str]:
    words = name_words(name)
    return (words[:-1], words[-1]) if words else ((), "")


def _profile_names(p: SpeakerProfile) -> list[tuple[tuple[str, ...], str]]:
    return [_split(n) for n in (p.name, *p.aliases) if name_words(n)]


def match_speaker(entity: Entity, candidates: Sequence[SpeakerProfile]) -> IdentityDecision:
    """Decide which archive speaker ``entity`` is, without merging namesakes.

    Rules, in order: the same full normalised name joins; for people, a full
    name joins a speaker with the same surname and first name, or the only
    speaker with that surname who is known by surname alone; a bare surname
    ("Blunt", "Mr Blunt") joins the only speaker with that surname, or the one
    whose descriptors it shares. Different first names never merge.

    Args:
        entity: the per-article entity (name, type, descriptors).
        candidates: archive speakers sharing a name word with it.

    Returns:
        The decision and its reason.

    >>> blunt = SpeakerProfile(1, "Crispin Blunt", "PERSON")
    >>> match_speaker(Entity("e1", "Mr Blunt"), [blunt]).speaker_id
    1
    >>> match_speaker(Entity("e1", "James Blunt"), [blunt]).speaker_id is None
    True
    """
    norm = normalise_name(entity.name)
    if not norm:
        return IdentityDecision(None, "new: empty name")
    same_type = [c for c in candidates if c.type == entity.type]
    exact = [c for c in same_type if norm in {normalise_name(n) for n in (c.name, *c.aliases)}]
    if len(exact) == 1:
        return IdentityDecision(exact[0].id, f"same name {norm!r}")
    if entity.type not in PERSON_TYPES:
        if exact:
            return IdentityDecision(exact[0].id, f"same name {norm!r} (first of {len(exact)})")
        return IdentityDecision(None, f"new: no {entity.type} named {norm!r}")
    firsts, surname = _split(entity.name)
    by_surname = [c for c in same_type if any(s == surname for _, s in _profile_names(c))]
    if not by_surname:
        return IdentityDecision(None, f"new: no speaker with surname {surname!r}")
    if firsts:
        same_first = [
            c for c in by_surname if any(f and f[0] == firsts[0] and s == surname for f, s in _profile_names(c))
        ]
        if len(same_first) == 1:
            return IdentityDecision(same_first[0].id, f"same first name and surname {firsts[0]} {surname}")
        known_by_surname_only = [c for c in by_surname if all(not f for f, s in _profile_names(c) if s == surname)]
        if not same_first and len(by_surname) == 1 and known_by_surname_only:
            return IdentityDecision(
                by_surname[0].id, f"full name {norm!r} completes the only speaker known as {surname!r}"
            )
        return IdentityDecision(
            None, f"new: {len(by_surname)} speaker(s) named {surname!r}, none with first name {firsts[0]!r}"
        )
    if len(by_surname) == 1:
        return IdentityDecision(by_surname[0].id, f"surname {surname!r} matches the only speaker with it")
    mine = {d.lower() for d in entity.descriptors}
    shared = [c for c in by_surname if mine & {d.lower() for d in c.descriptors}]
    if len(shared) == 1:
        return IdentityDecision(shared[0].id, f"surname {surname!r} and shared descriptor")
    return IdentityDecision(None, f"new: surname {surname!r} is ambiguous among {len(by_surname)} speakers")


def default_identity() -> IdentityFn:
    """Return the archive's default identity function, ``onrecord.resolve.identity.identify_speaker``."""
    return identify_speaker  # type: ignore[return-value]
