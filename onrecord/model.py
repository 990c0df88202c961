"""The records onrecord emits: frozen dataclasses with no I/O.

They mirror ``shared/CONTRACT.md`` (v1). ``to_dict()`` gives exactly the
contract's JSON shape; ``from_dict()`` reads it back, so a record survives a
round trip through JSON, a batch shard or the archive unchanged.

All offsets are Python ``str`` indices into the input text as read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = ["Article", "Document", "Failure", "Entity", "Link", "Quote", "Span", "join_content", "text_id"]

#: Quote kinds defined by the contract.
KINDS = ("direct", "indirect", "mixed")
#: Entity types defined by the contract.
ENTITY_TYPES = ("PERSON", "ORG", "GROUP", "DOCUMENT", "OTHER")
#: Link types defined by the contract.
LINK_TYPES = ("retracts", "apologises_for", "denies", "repeats")


def text_id(text: str) -> str:
    """Return the contract's default article id: the sha1 of the text.

    >>> text_id("abc")
    'a9993e364706816aba3e25717850c26c9cd0d89d'
    """
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def join_content(text: str, content: tuple[tuple[int, int], ...]) -> str:
    """Return the quote text the contract defines for ``content``.

    >>> join_content("ab cd ef", ((0, 2), (6, 8)))
    'ab ef'
    """
    return " ".join(text[s:e] for s, e in content)


@dataclass(frozen=True)
class Span:
    """A character range of the input and the text it covers."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span ``text[start:end]``.

        >>> Span.of("he said", 3, 7)
        Span(start=3, end=7, text='said')
        """
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Span | None:
        if d is None:
            return None
        return cls(int(d["start"]), int(d["end"]), d["text"])


@dataclass(frozen=True)
class Quote:
    """One attributed statement (contract: Quote)."""

    id: str
    kind: str
    content: tuple[tuple[int, int], ...]
    text: str
    cue: Span | None = None
    speaker: Span | None = None
    speaker_name: str | None = None
    speaker_id: str | None = None
    about: tuple[str, ...] = ()
    channel: str | None = None
    act: str | None = None
    confidence: float = 0.0
    origin: str = ""
    #: ``speech`` or ``thought`` (beliefs, intentions); an added field.
    attribution: str = "speech"

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "content": [[s, e] for s, e in self.content],
            "text": self.text,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_name": self.speaker_name,
            "speaker_id": self.speaker_id,
            "about": list(self.about),
            "channel": self.channel,
            "act": self.act,
            "confidence": round(float(self.confidence), 4),
            "origin": self.origin,
            "attribution": self.attribution,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            id=d["id"],
            kind=d["kind"],
            content=tuple((int(s), int(e)) for s, e in d["content"]),
            text=d["text"],
            cue=Span.from_dict(d.get("cue")),
            speaker=Span.from_dict(d.get("speaker")),
            speaker_name=d.get("speaker_name"),
            speaker_id=d.get("speaker_id"),
            about=tuple(d.get("about") or ()),
            channel=d.get("channel"),
            act=d.get("act"),
            confidence=float(d.get("confidence", 0.0)),
            origin=d.get("origin", ""),
            attribution=d.get("attribution", "speech"),
        )


@dataclass(frozen=True)
class Entity:
    """A speaker or target resolved within one article (contract: Entity)."""

    id: str
    name: str
    type: str = "PERSON"
    mentions: tuple[tuple[int, int], ...] = ()
    descriptors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "mentions": [[s, e] for s, e in self.mentions],
            "descriptors": list(self.descriptors),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            name=d["name"],
            type=d.get("type", "OTHER"),
            mentions=tuple((int(s), int(e)) for s, e in d.get("mentions", ())),
            descriptors=tuple(d.get("descriptors") or ()),
        )


@dataclass(frozen=True)
class Link:
    """A relation between two statements (contract: Link)."""

    type: str
    source: str
    target: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "from": self.source, "to": self.target}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Link:
        return cls(d["type"], d["from"], d["to"])


@dataclass(frozen=True)
class Article:
    """The result of extracting one document (contract: Article record).

    ``text`` is the input as read (or the plain text extracted from HTML); it
    is what every offset points into. It is emitted as ``source_text`` only
    when asked for or when it differs from the raw input (HTML).
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    links: tuple[Link, ...] = ()
    warnings: tuple[str, ...] = ()
    #: True when ``text`` was derived from markup, so records carry it.
    derived_text: bool = False
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def entity(self, entity_id: str | None) -> Entity | None:
        """Return the entity with ``entity_id``, or None."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def with_(self, **changes: Any) -> Article:
        """Return a copy with ``changes`` applied."""
        return replace(self, **changes)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        """Return the contract record (``shared/CONTRACT.md``).

        Args:
            include_text: embed the text as ``source_text`` (always done when
                the text was derived from markup, since offsets point into it).
        """
        d: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "links": [link.to_dict() for link in self.links],
            "warnings": list(self.warnings),
        }
        if self.url is not None:
            d["url"] = self.url
        if self.published is not None:
            d["published"] = self.published
        if include_text or self.derived_text:
            d["source_text"] = self.text
        if self.meta:
            d["meta"] = dict(self.meta)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str | None = None) -> Article:
        """Read a record back; ``text`` supplies the input when not embedded."""
        body = d.get("source_text") if text is None else text
        return cls(
            id=d["id"],
            text=body or "",
            title=d.get("title"),
            url=d.get("url"),
            published=d.get("published"),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities", ())),
            links=tuple(Link.from_dict(link) for link in d.get("links", ())),
            warnings=tuple(d.get("warnings", ())),
            derived_text="source_text" in d and text is None,
            meta=dict(d.get("meta") or {}),
        )


@dataclass(frozen=True)
class Document:
    """One input document as read, before extraction.

    ``text`` is the decoded input (or the plain text extracted from HTML, with
    ``derived_text`` set); ``warnings`` carry what reading noticed (a guessed
    encoding, say) into the article record.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    derived_text: bool = False
    warnings: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Failure:
    """A document that could not be read or extracted, and why."""

    id: str
    source: str | None
    error: str

    def to_dict(self) -> dict[str, str | None]:
        return {"id": self.id, "source": self.source, "error": self.error}
