"""The mutable working state of one document while it passes the stages.

Stages read and write the fields of :class:`Work`; only the last stage turns
it into the frozen :class:`onrecord.model.Article`. Every range in here is a
pair of ``str`` offsets into ``Work.text``, the input as read: cleaning never
shifts text, it blanks junk in a same-length copy (``Work.clean``), so no
offset map is needed and none can drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Entity, Link

Range = tuple[int, int]


@dataclass
class Quotation:
    """A run of text inside quotation marks, found by :mod:`onrecord.nlp.quotes`.

    ``content`` holds the ranges inside the marks (several when the quotation
    runs over paragraphs that open without closing); ``open`` and ``close`` are
    the positions of the marks (``close`` is None for an unclosed quotation).
    """

    content: list[Range]
    open: int
    close: int | None
    closed: bool = True
    #: the mark style, e.g. '“', '"', "'", '«', "''"
    style: str = '"'

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


@dataclass
class Candidate:
    """An attribution under construction.

    Set by attribution stages: ``content``, ``kind``, ``cue``, ``speaker``,
    ``confidence``, ``origin``, ``attribution``. Set by resolution:
    ``speaker_id``, ``speaker_name``, ``resolve_origin``. Set by statements:
    ``about``, ``channel``, ``act``.
    """

    content: list[Range]
    kind: str = "direct"
    cue: Range | None = None
    speaker: Range | None = None
    confidence: float = 0.5
    origin: str = ""
    attribution: str = "speech"
    speaker_id: str | None = None
    speaker_name: str | None = None
    resolve_origin: str | None = None
    about: list[str] = field(default_factory=list)
    channel: str | None = None
    act: str | None = None
    #: the quote id assigned when the article is built ("q1", ...)
    id: str = ""

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


@dataclass
class Work:
    """Everything known about one document so far."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    derived_text: bool = False
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: ``text`` with junk blanked (same length; newlines kept); set by clean
    clean: str = ""
    #: junk ranges excluded from extraction; set by clean
    junk: list[Range] = field(default_factory=list)
    #: non-junk paragraphs, in order; set by clean
    paragraphs: list[Range] = field(default_factory=list)
    #: quoted runs; set by quotes
    quotations: list[Quotation] = field(default_factory=list)
    #: (offset, spaCy Doc) per paragraph; set by parse (empty without spaCy)
    parsed: list[tuple[int, Any]] = field(default_factory=list)
    #: attributions; set by attribution stages
    candidates: list[Candidate] = field(default_factory=list)
    #: resolved entities; set by resolve
    entities: list[Entity] = field(default_factory=list)
    #: links between candidates (by candidate id); set by statements
    links: list[Link] = field(default_factory=list)

    def warn(self, message: str) -> None:
        """Record a warning once."""
        if message not in self.warnings:
            self.warnings.append(message)
