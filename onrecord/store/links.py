"""Read links for people: what happened to a statement later, and what it points back at (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["LinkNote", "describe_links"]

#: How a link reads from the side of the earlier statement (its target).
LATER_VERBS = {"retracts": "retracted", "apologises_for": "apologised for", "denies": "denied", "repeats": "repeated"}
#: How a link reads from the side of the later statement (its source).
EARLIER_VERBS = {"retracts": "retracts", "apologises_for": "apologises for", "denies": "denies", "repeats": "repeats"}


@dataclass(frozen=True)
class LinkNote:
    """One link seen from a statement: ``incoming`` when a later statement points at this one."""

    type: str
    incoming: bool
    verb: str
    other: str
    published: str | None


def describe_links(ref: str, links: Iterable[dict[str, Any]]) -> list[LinkNote]:
    """The links of the quote ``ref``, each phrased from its side.

    >>> describe_links("b#q1", [{"type": "retracts", "from": "c#q2", "to": "b#q1", "published": "2024-04-09"}])
    [LinkNote(type='retracts', incoming=True, verb='retracted', other='c#q2', published='2024-04-09')]
    """
    notes = []
    for link in links:
        if link["to"] == ref:
            notes.append(LinkNote(link["type"], True, LATER_VERBS.get(link["type"], link["type"]), link["from"],
                                  link.get("published")))
        elif link["from"] == ref:
            notes.append(LinkNote(link["type"], False, EARLIER_VERBS.get(link["type"], link["type"]), link["to"],
                                  link.get("published")))
    return notes
