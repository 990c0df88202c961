"""The archive over SQL: one implementation for both backends.

:class:`SQLStore` holds everything the backends share; a backend supplies a
:class:`Connection` (how to connect, run SQL with ``?`` placeholders, make a
transaction) and the one clause that differs, full-text matching. Every
article is written in one transaction: a crash leaves either the old state or
the new one, never part of an article.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

from ..model import Article, Entity
from .base import (
    ArticleView,
    IngestResult,
    MergeDecision,
    QuoteHit,
    SearchQuery,
    SearchResult,
    SpeakerSummary,
    SpeakerView,
    Stats,
)
from .identity import IdentityFn, SpeakerProfile, default_identity, name_words
from .linking import ACT_LINKS, ArchiveStatement, LinkFn, default_linker
from .records import article_digest, article_key, quote_ref, record_of, sha1_text, split_ref
from .schema import apply_migrations

__all__ = ["Connection", "SQLStore"]

#: The most rows one search may return (guards the API against huge pages).
MAX_LIMIT = 1000


class Cursor(Protocol):
    def fetchone(self) -> Sequence[Any] | None: ...

    def fetchall(self) -> list[Sequence[Any]]: ...


class Connection(Protocol):
    """One backend connection: SQL with ``?`` placeholders and nested transactions."""

    dialect: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...

    def atomic(self) -> AbstractContextManager[None]: ...

    def close(self) -> None: ...


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _speaker_id(text: str) -> int | None:
    """The archive speaker id a search's ``speaker`` names, when it is one (ASCII digits, in range).

    >>> _speaker_id("42"), _speaker_id("\u00b2"), _speaker_id("9" * 30), _speaker_id("Blunt")
    (42, None, None, None)
    """
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value < 2**62 else None


def _speaker_entities(article: Article) -> list[Entity]:
    """The article's entities, plus one for each quote naming a speaker with no entity."""
    entities = list(article.entities)
    known = {e.id for e in entities}
    for q in article.quotes:
        if q.speaker_name and (q.speaker_id is None or q.speaker_id not in known):
            pseudo = f"name:{q.speaker_name}"
            if pseudo not in known:
                entities.append(Entity(pseudo, q.speaker_name, "PERSON"))
                known.add(pseudo)
    return entities


def _entity_of_quote(quote_speaker_id: str | None, speaker_name: str | None, known: set[str]) -> str | None:
    if quote_speaker_id is not None and quote_speaker_id in known:
        return quote_speaker_id
    if speaker_name:
        return f"name:{speaker_name}"
    return None


class SQLStore:
    """The archive on a SQL database (see :mod:`onrecord.store.sqlite`, :mod:`onrecord.store.postgres`).

    Args:
        url: what the backend connects to.
        identify: the speaker-identity function (default :func:`~onrecord.store.identity.default_identity`).
        link: the cross-article statement linker (default :func:`~onrecord.store.linking.default_linker`).
        link_acts: the speech acts that make the store run the linker for a speaker.
    """

    dialect = "sql"

    def __init__(
        self,
        url: str,
        identify: IdentityFn | None = None,
        link: LinkFn | None = None,
        link_acts: frozenset[str] = frozenset(ACT_LINKS),
    ):
        self.url = url
        self.link_acts = link_acts
        self.identify = identify or default_identity()
        self.link = link or default_linker()
        self._local = threading.local()
        self._all: list[Connection] = []
        self._lock = threading.Lock()
        db = self.db
        apply_migrations(db, db.atomic)

    # -- connections -------------------------------------------------------------------------
    def connect(self) -> Connection:
        """Open a new backend connection (one per thread)."""
        raise NotImplementedError

    @property
    def db(self) -> Connection:
        """This thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def atomic(self) -> AbstractContextManager[None]:
        """A transaction; nested calls become savepoints."""
        return self.db.atomic()

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the one clause that differs -----------------------------------------------------------
    def text_match(self, query: str) -> tuple[str, list[Any]] | None:
        """SQL condition on quote alias ``q`` matching ``query``, or None when it has no words."""
        raise NotImplementedError

    # -- ingest -----------------------------------------------------------------------------
    def ingest(self, article: Article) -> IngestResult:
        key = article_key(article)
        digest = article_digest(article)
        db = self.db
        with db.atomic():
            row = db.execute("SELECT id, digest FROM articles WHERE key = ?", (key,)).fetchone()
            if row is not None and row[1] == digest:
                return IngestResult(row[0], key, "unchanged")
            touched: set[int] = set()
            if row is not None:
                article_id, status = row[0], "replaced"
                touched |= {
                    r[0]
                    for r in db.execute(
                        "SELECT DISTINCT speaker_id FROM article_entities WHERE article_id = ?", (article_id,)
                    ).fetchall()
                }
                db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            else:
                article_id, status = self._new_article_id(article.id or digest[:12], key), "added"
            self._insert_article(article_id, key, digest, article, touched)
            self._drop_orphan_speakers(touched)
            self._refresh_speakers(touched)
            self._relink(touched)
        return IngestResult(article_id, key, status)

    def ingest_many(self, articles: Iterable[Article]) -> Iterator[IngestResult]:
        for article in articles:
            yield self.ingest(article)

    def _new_article_id(self, record_id: str, key: str) -> str:
        taken = self.db.execute("SELECT key FROM articles WHERE id = ?", (record_id,)).fetchone()
        if taken is None:
            return record_id
        return f"{record_id}-{sha1_text(key)[:8]}"

    def _insert_article(self, aid: str, key: str, digest: str, article: Article, touched: set[int]) -> None:
        db = self.db
        db.execute(
            "INSERT INTO articles (id, key, record_id, title, url, published, text, derived_text, digest, record,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid,
                key,
                article.id,
                article.title,
                article.url,
                article.published,
                article.text,
                int(article.derived_text),
                digest,
                json.dumps(record_of(article), ensure_ascii=False),
                _now(),
            ),
        )
        entities = _speaker_entities(article)
        speaker_of: dict[str, int] = {}
        for entity in entities:
            speaker_id = self._place_entity(aid, entity)
            speaker_of[entity.id] = speaker_id
            touched.add(speaker_id)
        known = set(speaker_of)
        for position, q in enumerate(article.quotes):
            entity_id = _entity_of_quote(q.speaker_id, q.speaker_name, known)
            db.execute(
                "INSERT INTO quotes (article_id, quote_id, position, kind, text, speaker_name, speaker_id, act,"
                " channel, confidence, start_offset, end_offset, published, record)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    aid,
                    q.id,
                    position,
                    q.kind,
                    q.text,
                    q.speaker_name,
                    speaker_of.get(entity_id) if entity_id else None,
                    q.act,
                    q.channel,
                    float(q.confidence),
                    q.start if q.content else 0,
                    q.end if q.content else 0,
                    article.published,
                    json.dumps(q.to_dict(), ensure_ascii=False),
                ),
            )
        quote_speaker = {q.id: speaker_of.get(_entity_of_quote(q.speaker_id, q.speaker_name, known) or "") for q in article.quotes}
        for link in article.links:
            target = link.target if "#" in link.target else quote_ref(aid, link.target)
            db.execute(
                "INSERT INTO links (article_id, type, source, target, origin, speaker_id) VALUES (?, ?, ?, ?, ?, ?)",
                (aid, link.type, quote_ref(aid, link.source), target, "record", quote_speaker.get(link.source)),
            )

    def _place_entity(self, aid: str, entity: Entity) -> int:
        """Decide the entity's archive speaker with the identity function, and record why."""
        db = self.db
        words = name_words(entity.name) or (entity.name.lower(),)
        marks = ", ".join("?" for _ in words)
        ids = [
            r[0]
            for r in db.execute(
                f"SELECT DISTINCT speaker_id FROM speaker_words WHERE word IN ({marks}) ORDER BY speaker_id", words
            ).fetchall()
        ]
        decision = self.identify(entity, [self._profile(i) for i in ids])
        if decision.speaker_id is None:
            speaker_id = db.execute(
                "INSERT INTO speakers (name, type) VALUES (?, ?) RETURNING id", (entity.name, entity.type)
            ).fetchone()[0]
            verdict = "new"
        else:
            speaker_id = decision.speaker_id
            verdict = "merge"
        db.execute(
            "INSERT INTO article_entities (article_id, entity_id, speaker_id, name, descriptors) VALUES (?, ?, ?, ?, ?)",
            (aid, entity.id, speaker_id, entity.name, json.dumps(list(entity.descriptors), ensure_ascii=False)),
        )
        for word in sorted(set(words)):
            db.execute(
                "INSERT INTO speaker_words (word, speaker_id, article_id, entity_id) VALUES (?, ?, ?, ?)",
                (word, speaker_id, aid, entity.id),
            )
        db.execute(
            "INSERT INTO merge_decisions (article_id, entity_id, speaker_id, name, decision, reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (aid, entity.id, speaker_id, entity.name, verdict, decision.reason),
        )
        return speaker_id

    def _profile(self, speaker_id: int) -> SpeakerProfile:
        name, type_ = self.db.execute("SELECT name, type FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
        aliases, descriptors = self._aliases_descriptors(speaker_id)
        return SpeakerProfile(speaker_id, name, type_, aliases, descriptors)

    def _aliases_descriptors(self, speaker_id: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        rows = self.db.execute(
            "SELECT e.name, e.descriptors, min(a.published), min(e.article_id) FROM article_entities e"
            " JOIN articles a ON a.id = e.article_id WHERE e.speaker_id = ?"
            " GROUP BY e.name, e.descriptors ORDER BY min(a.published), min(e.article_id), e.name",
            (speaker_id,),
        ).fetchall()
        aliases: dict[str, None] = {}
        descriptors: dict[str, None] = {}
        for name, descs, _, _ in rows:
            aliases.setdefault(name)
            for d in json.loads(descs):
                descriptors.setdefault(d)
        return tuple(aliases), tuple(descriptors)

    def _drop_orphan_speakers(self, touched: set[int]) -> None:
        db = self.db
        for speaker_id in sorted(touched):
            used = db.execute("SELECT 1 FROM article_entities WHERE speaker_id = ? LIMIT 1", (speaker_id,)).fetchone()
            if used is None:
                db.execute("DELETE FROM links WHERE speaker_id = ?", (speaker_id,))
                db.execute("UPDATE quotes SET speaker_id = NULL WHERE speaker_id = ?", (speaker_id,))
                db.execute("DELETE FROM speakers WHERE id = ?", (speaker_id,))
                touched.discard(speaker_id)

    def _refresh_speakers(self, touched: set[int]) -> None:
        """Name each touched speaker by its fullest alias (most words, then most frequent, then first seen)."""
        db = self.db
        for speaker_id in sorted(touched):
            rows = db.execute(
                "SELECT e.name, count(*), min(a.published), min(e.article_id) FROM article_entities e"
                " JOIN articles a ON a.id = e.article_id WHERE e.speaker_id = ? GROUP BY e.name",
                (speaker_id,),
            ).fetchall()
            ranked = sorted(rows, key=lambda r: (-len(name_words(r[0])), -r[1], r[2] or "", r[3], r[0]))
            db.execute("UPDATE speakers SET name = ? WHERE id = ?", (ranked[0][0], speaker_id))

    def _relink(self, touched: set[int]) -> None:
        """Replace the archive links of each touched speaker with what the linker finds now.

        The linker runs only for speakers with a statement whose act is in
        :attr:`link_acts` (by default retraction, apology, denial), so a
        prolific speaker costs nothing until they take something back.
        """
        db = self.db
        acts = sorted(self.link_acts)
        marks = ", ".join("?" for _ in acts)
        for speaker_id in sorted(touched):
            db.execute("DELETE FROM links WHERE origin = 'archive' AND speaker_id = ?", (speaker_id,))
            if not db.execute(
                f"SELECT 1 FROM quotes WHERE speaker_id = ? AND act IN ({marks}) LIMIT 1", (speaker_id, *acts)
            ).fetchone():
                continue
            statements = self._statements(speaker_id)
            by_ref = {s.ref: s for s in statements}
            for link in self.link(statements):
                source = by_ref.get(link.source)
                if source is None:
                    continue
                db.execute(
                    "INSERT INTO links (article_id, type, source, target, origin, speaker_id) VALUES (?, ?, ?, ?, ?, ?)",
                    (source.article_id, link.type, link.source, link.target, "archive", speaker_id),
                )

    def _statements(self, speaker_id: int) -> list[ArchiveStatement]:
        rows = self.db.execute(
            "SELECT q.article_id, q.quote_id, q.text, q.act, q.channel, q.published, q.start_offset, q.record"
            " FROM quotes q WHERE q.speaker_id = ? ORDER BY q.published, q.article_id, q.position",
            (speaker_id,),
        ).fetchall()
        names: dict[tuple[str, str], str] = {}
        for aid in {r[0] for r in rows}:
            for entity_id, name in self.db.execute(
                "SELECT entity_id, name FROM article_entities WHERE article_id = ?", (aid,)
            ).fetchall():
                names[(aid, entity_id)] = name
        out = []
        for aid, qid, text, act, channel, published, start, record in rows:
            about = tuple(names.get((aid, e), e) for e in json.loads(record).get("about", ()))
            out.append(
                ArchiveStatement(quote_ref(aid, qid), aid, qid, speaker_id, text, act, about, channel, published, start)
            )
        return out

    # -- queries ----------------------------------------------------------------------------
    def _filters(self, query: SearchQuery) -> tuple[str, list[Any]]:
        where, params = [], []
        if query.text:
            match = self.text_match(query.text)
            if match is not None:
                where.append(match[0])
                params += match[1]
        if query.speaker:
            cond = (
                "(q.speaker_id IN (SELECT speaker_id FROM article_entities WHERE lower(name) = lower(?))"
                " OR lower(q.speaker_name) = lower(?)"
                " OR q.speaker_id IN (SELECT id FROM speakers WHERE lower(name) = lower(?))"
            )
            params += [query.speaker] * 3
            speaker_id = _speaker_id(query.speaker)
            if speaker_id is not None:
                cond += " OR q.speaker_id = ?"
                params.append(speaker_id)
            where.append(cond + ")")
        if query.since:
            where.append("substr(q.published, 1, 10) >= ?")
            params.append(query.since[:10])
        if query.until:
            where.append("substr(q.published, 1, 10) <= ?")
            params.append(query.until[:10])
        return (" WHERE " + " AND ".join(where)) if where else "", params

    _HIT_COLUMNS = "q.record, q.article_id, a.title, a.published, q.speaker_id"
    _HIT_FROM = " FROM quotes q JOIN articles a ON a.id = q.article_id"

    def _hits(self, rows: list[Sequence[Any]]) -> tuple[QuoteHit, ...]:
        refs = [quote_ref(r[1], json.loads(r[0])["id"]) for r in rows]
        links = self._links_of(refs)
        return tuple(
            QuoteHit(json.loads(rec), aid, title, published, sid, tuple(links.get(ref, ())))
            for (rec, aid, title, published, sid), ref in zip(rows, refs, strict=True)
        )

    def _links_of(self, refs: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """Links from or to each ref, each with the date its source statement was published."""
        out: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(refs), 400):
            chunk = list(refs[i : i + 400])
            if not chunk:
                continue
            marks = ", ".join("?" for _ in chunk)
            rows = self.db.execute(
                "SELECT l.type, l.source, l.target, l.origin, a.published FROM links l"
                f" JOIN articles a ON a.id = l.article_id WHERE l.source IN ({marks}) OR l.target IN ({marks})"
                " ORDER BY l.pk",
                chunk + chunk,
            ).fetchall()
            wanted = set(chunk)
            for type_, source, target, origin, published in rows:
                link = {"type": type_, "from": source, "to": target, "origin": origin, "published": published}
                for ref in {source, target} & wanted:
                    out.setdefault(ref, []).append(link)
        return out

    def search(self, query: SearchQuery) -> SearchResult:
        where, params = self._filters(query)
        limit = max(0, min(int(query.limit), MAX_LIMIT))
        offset = max(0, int(query.offset))
        db = self.db
        total = db.execute("SELECT count(*)" + self._HIT_FROM + where, params).fetchone()[0]
        rows = db.execute(
            f"SELECT {self._HIT_COLUMNS}{self._HIT_FROM}{where}"
            " ORDER BY q.published DESC NULLS LAST, q.article_id, q.position LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return SearchResult(self._hits(rows), int(total))

    def iter_quotes(self) -> Iterator[QuoteHit]:
        last = -1
        while True:
            rows = self.db.execute(
                f"SELECT q.pk, {self._HIT_COLUMNS}{self._HIT_FROM} WHERE q.pk > ? ORDER BY q.pk LIMIT 500", (last,)
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield from self._hits([r[1:] for r in rows])

    def speakers(self, limit: int | None = None, offset: int = 0) -> list[SpeakerSummary]:
        sql = (
            "SELECT s.id, s.name, s.type, count(q.pk), count(DISTINCT q.article_id) FROM speakers s"
            " JOIN quotes q ON q.speaker_id = s.id GROUP BY s.id, s.name, s.type ORDER BY count(q.pk) DESC, s.name"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [max(0, min(int(limit), MAX_LIMIT)), max(0, int(offset))]
        out = []
        for sid, name, type_, nq, na in self.db.execute(sql, params).fetchall():
            aliases, descriptors = self._aliases_descriptors(sid)
            out.append(SpeakerSummary(sid, name, type_, aliases, descriptors, nq, na))
        return out

    def speaker(self, speaker_id: int) -> SpeakerView | None:
        db = self.db
        row = db.execute("SELECT id, name, type FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
        if row is None:
            return None
        counts = db.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM quotes WHERE speaker_id = ?", (speaker_id,)
        ).fetchone()
        aliases, descriptors = self._aliases_descriptors(speaker_id)
        summary = SpeakerSummary(row[0], row[1], row[2], aliases, descriptors, int(counts[0]), int(counts[1]))
        rows = db.execute(
            f"SELECT {self._HIT_COLUMNS}{self._HIT_FROM} WHERE q.speaker_id = ?"
            " ORDER BY q.published NULLS LAST, q.article_id, q.position",
            (speaker_id,),
        ).fetchall()
        merges = [
            MergeDecision(*r)
            for r in db.execute(
                "SELECT speaker_id, article_id, entity_id, name, decision, reason FROM merge_decisions"
                " WHERE speaker_id = ? ORDER BY pk",
                (speaker_id,),
            ).fetchall()
        ]
        since: dict[str, str | None] = {}
        for descs, published in db.execute(
            "SELECT e.descriptors, a.published FROM article_entities e JOIN articles a ON a.id = e.article_id"
            " WHERE e.speaker_id = ? ORDER BY a.published NULLS LAST, e.article_id",
            (speaker_id,),
        ).fetchall():
            for d in json.loads(descs):
                since.setdefault(d, published)
        return SpeakerView(summary, self._hits(rows), tuple(merges), tuple(since.items()))

    def _view(self, row: Sequence[Any]) -> ArticleView:
        aid, key, text, derived, record = row
        article = Article.from_dict(json.loads(record), text=text).with_(derived_text=bool(derived))
        refs = [quote_ref(aid, q.id) for q in article.quotes]
        seen: dict[tuple[str, str, str], dict[str, Any]] = {}
        for links in self._links_of(refs).values():
            for link in links:
                seen.setdefault((link["type"], link["from"], link["to"]), link)
        speakers = {
            e: int(s)
            for e, s in self.db.execute(
                "SELECT entity_id, speaker_id FROM article_entities WHERE article_id = ?", (aid,)
            ).fetchall()
        }
        return ArticleView(aid, key, article, tuple(seen.values()), speakers)

    _ARTICLE_COLUMNS = "SELECT id, key, text, derived_text, record FROM articles"

    def article(self, article_id: str) -> ArticleView | None:
        row = self.db.execute(self._ARTICLE_COLUMNS + " WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else self._view(row)

    def article_by_key(self, key: str) -> ArticleView | None:
        """The article stored under ``key`` (see :func:`~onrecord.store.records.article_key`), or None."""
        row = self.db.execute(self._ARTICLE_COLUMNS + " WHERE key = ?", (key,)).fetchone()
        return None if row is None else self._view(row)

    def iter_articles(self) -> Iterator[ArticleView]:
        last = ""
        while True:
            rows = self.db.execute(self._ARTICLE_COLUMNS + " WHERE id > ? ORDER BY id LIMIT 200", (last,)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            for row in rows:
                yield self._view(row)

    def merges(self) -> list[MergeDecision]:
        return [
            MergeDecision(*r)
            for r in self.db.execute(
                "SELECT speaker_id, article_id, entity_id, name, decision, reason FROM merge_decisions ORDER BY pk"
            ).fetchall()
        ]

    def stats(self) -> Stats:
        db = self.db
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        quotes = db.execute("SELECT count(*) FROM quotes").fetchone()[0]
        speakers = db.execute("SELECT count(DISTINCT speaker_id) FROM quotes WHERE speaker_id IS NOT NULL").fetchone()[0]
        return Stats(int(articles), int(quotes), int(speakers))

    def quotes_by_ref(self, refs: Iterable[str]) -> dict[str, QuoteHit]:
        """The quotes named by archive references (``"<article id>#<quote id>"``); unknown ones are left out."""
        out: dict[str, QuoteHit] = {}
        for ref in dict.fromkeys(refs):
            article_id, quote_id = split_ref(ref)
            rows = self.db.execute(
                f"SELECT {self._HIT_COLUMNS}{self._HIT_FROM} WHERE q.article_id = ? AND q.quote_id = ?",
                (article_id, quote_id),
            ).fetchall()
            for hit in self._hits(rows):
                out[ref] = hit
        return out

    def links_of(self, ref: str) -> list[dict[str, Any]]:
        """Every link from or to the quote ``"<article id>#<quote id>"``."""
        return self._links_of([ref]).get(ref, [])

