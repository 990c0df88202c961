"""The archive's interface: the :class:`Store` protocol and the values it returns.

Every backend (SQLite, PostgreSQL) implements the same protocol over the same
logical schema, so the CLI, the web app and the tests never know which one
they hold. Values are frozen dataclasses; records inside them are contract
dicts (``../shared/CONTRACT.md``) so they serialise without translation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model import Article

__all__ = [
    "ArticleView",
    "IngestResult",
    "MergeDecision",
    "QuoteHit",
    "SearchQuery",
    "SearchResult",
    "SpeakerSummary",
    "SpeakerView",
    "Stats",
    "Store",
]

#: What ingest did with one article.
INGEST_STATUSES = ("added", "replaced", "unchanged")


@dataclass(frozen=True)
class IngestResult:
    """The outcome of ingesting one article.

    ``article_id`` is the archive's id for it (stable across re-ingests);
    ``status`` is one of ``added``, ``replaced`` or ``unchanged``.
    """

    article_id: str
    key: str
    status: str


@dataclass(frozen=True)
class Stats:
    """Counts of what the archive holds; ``speakers`` counts those with a quote."""

    articles: int
    quotes: int
    speakers: int

    def to_dict(self) -> dict[str, int]:
        return {"articles": self.articles, "quotes": self.quotes, "speakers": self.speakers}


@dataclass(frozen=True)
class SearchQuery:
    """A quote search; every field is optional and they combine with AND.

    ``text`` is matched with the backend's full-text index (SQLite FTS5,
    PostgreSQL tsvector), each word required. ``speaker`` is a name or alias
    (case-insensitive) or a speaker id. ``since``/``until`` are inclusive ISO
    dates compared with the article's ``published`` date.
    """

    text: str | None = None
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class QuoteHit:
    """A contract quote plus where it was published and who it is in the archive.

    ``to_dict()`` is the contract quote with ``article_id``, ``article_title``,
    ``published``, ``archive_speaker_id`` and the links that involve it.
    """

    quote: dict[str, Any]
    article_id: str
    article_title: str | None
    published: str | None
    archive_speaker_id: int | None
    links: tuple[dict[str, Any], ...] = ()

    @property
    def ref(self) -> str:
        """The quote's archive reference, ``"<article id>#<quote id>"``."""
        return f"{self.article_id}#{self.quote['id']}"

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.quote)
        d.update(
            article_id=self.article_id,
            article_title=self.article_title,
            published=self.published,
            archive_speaker_id=self.archive_speaker_id,
        )
        if self.links:
            d["links"] = [dict(link) for link in self.links]
        return d


@dataclass(frozen=True)
class SearchResult:
    """One page of hits and the total number that match."""

    hits: tuple[QuoteHit, ...]
    total: int


@dataclass(frozen=True)
class SpeakerSummary:
    """A speaker across the archive, with aliases and counts."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    descriptors: tuple[str, ...]
    quotes: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "descriptors": list(self.descriptors),
            "quotes": self.quotes,
            "articles": self.articles,
        }


@dataclass(frozen=True)
class MergeDecision:
    """Why a per-article entity became (or joined) an archive speaker."""

    speaker_id: int
    article_id: str
    entity_id: str
    name: str
    decision: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker_id": self.speaker_id,
            "article_id": self.article_id,
            "entity_id": self.entity_id,
            "name": self.name,
            "decision": self.decision,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class SpeakerView:
    """A speaker's page: the summary, a dated timeline of statements, and merge decisions.

    Each timeline hit carries the links involving it; a statement retracted
    later has a ``retracts`` link pointing *to* it (see :meth:`retractions`).
    """

    speaker: SpeakerSummary
    timeline: tuple[QuoteHit, ...]
    merges: tuple[MergeDecision, ...] = ()
    #: (descriptor, first published date or None), in date order.
    descriptor_timeline: tuple[tuple[str, str | None], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = self.speaker.to_dict()
        d["timeline"] = [h.to_dict() for h in self.timeline]
        d["merges"] = [m.to_dict() for m in self.merges]
        d["descriptor_timeline"] = [{"descriptor": t, "since": s} for t, s in self.descriptor_timeline]
        return d


@dataclass(frozen=True)
class ArticleView:
    """An archived article: its record, text, and every link into or out of it.

    ``speakers`` maps the article's entity ids to archive speaker ids.
    """

    id: str
    key: str
    article: Article
    links: tuple[dict[str, Any], ...] = ()
    speakers: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = self.article.to_dict(include_text=True)
        d["id"] = self.id
        d["record_id"] = self.article.id
        d["key"] = self.key
        d["links"] = [dict(link) for link in self.links]
        d["archive_speakers"] = dict(self.speakers)
        return d


class Store(Protocol):
    """What every archive backend provides.

    Ingest is transactional and idempotent: one article is written in one
    transaction; the same article again changes nothing; a changed text under
    the same key replaces the old record in that one transaction.
    """

    url: str

    def ingest(self, article: Article) -> IngestResult:
        """Write one article (keyed by URL when known, else by content hash)."""
        ...

    def ingest_many(self, articles: Iterable[Article]) -> Iterator[IngestResult]:
        """Write articles one transaction each, yielding each result."""
        ...

    def search(self, query: SearchQuery) -> SearchResult:
        """Find quotes by text, speaker and date."""
        ...

    def iter_quotes(self) -> Iterator[QuoteHit]:
        """Every quote in the archive, by article then text order."""
        ...

    def speakers(self, limit: int | None = None, offset: int = 0) -> list[SpeakerSummary]:
        """Speakers with at least one quote, most quoted first."""
        ...

    def speaker(self, speaker_id: int) -> SpeakerView | None:
        """One speaker with a dated timeline of statements, or None."""
        ...

    def article(self, article_id: str) -> ArticleView | None:
        """One article with its text and links, or None."""
        ...

    def iter_articles(self) -> Iterator[ArticleView]:
        """Every article, in id order."""
        ...

    def quotes_by_ref(self, refs: Iterable[str]) -> dict[str, QuoteHit]:
        """The quotes named by archive references ``"<article id>#<quote id>"`` (the ends of links)."""
        ...

    def merges(self) -> list[MergeDecision]:
        """Every speaker-merge decision, with its reason."""
        ...

    def stats(self) -> Stats:
        """How many articles, quotes and quoted speakers the archive holds."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...
