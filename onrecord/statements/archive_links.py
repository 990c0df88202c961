"""Links across the archive: a retraction on Tuesday to Monday's statement in another article.

Two pure functions, one rule set (:func:`onrecord.statements.links.link_statements`):

``link_article_to_archive(article, earlier) -> list[Link]``
    For a new article record and the earlier statements of its speakers
    from other articles (:class:`EarlierStatement`: the quote, its article
    id and date, the names of its targets), return links from the new
    article's quotes to them: ``Link(type, source="q3",
    target="<article id>#<quote id>")``. Sources are the new article's own
    quote ids, as in its record; targets name quotes of other articles.

``link_archive_statements(statements) -> list[Link]``
    The same rules in the shape of the archive's linking hook
    (``onrecord.store.linking.LinkFn``): all stored statements of *one*
    speaker, each with ``ref``, ``article_id``, ``quote_id``, ``text``,
    ``act``, ``about`` (target names), ``channel``, ``published``, ``start``;
    returns links between refs (``"<article id>#<quote id>"`` on both sides)
    of different articles only. Links inside one article come from the
    article's own record.

Targets are compared across articles by name (the last word of each name,
lower-cased: "Qureshi" and "Samir Qureshi" are one target), speakers by the
key the caller supplies or by compatible names. Dates decide direction: a
statement links only to statements of articles published no later than its
own (when both dates are known).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import Article, Link, Quote
from .acts import detect_act
from .context import build_frame, split_paragraphs
from .lexicon import content_words
from .links import ACT_LINKS, StatementView, detect_reference, has_repeat_signal, link_statements

__all__ = [
    "ArchiveStatementLike",
    "EarlierStatement",
    "link_archive_statements",
    "link_article_to_archive",
    "name_key",
    "names_compatible",
    "read_acts",
]


@dataclass(frozen=True)
class EarlierStatement:
    """A statement from another article, as the archive hands it over.

    Attributes:
        article_id: the id of the article it appeared in.
        quote: the quote record (its ``id``, ``text``, ``act``, ``channel``).
        published: that article's date (ISO 8601), when known.
        about: the names of the entities it concerns (its ``about`` ids resolved in its own article).
        speaker_name: the archive's name for its speaker (default: ``quote.speaker_name``).
        speaker_id: the entity id, in the *new* article, of the same speaker,
            when the archive has matched them; otherwise names decide.
    """

    article_id: str
    quote: Quote
    published: str | None = None
    about: tuple[str, ...] = ()
    speaker_name: str | None = None
    speaker_id: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.article_id}#{self.quote.id}"


class ArchiveStatementLike(Protocol):
    """What :func:`link_archive_statements` reads of a stored statement (``onrecord.store.linking.ArchiveStatement``)."""

    ref: str
    article_id: str
    text: str
    act: str | None
    about: tuple[str, ...]
    channel: str | None
    published: str | None
    start: int


def name_key(name: str) -> str:
    """The key a target name is compared by across articles: its last word, lower-cased.

    >>> name_key("Samir Qureshi"), name_key("Mr Qureshi’s")
    ('qureshi', 'qureshi')
    """
    words = re.findall(r"[\w-]+", re.sub(r"['’]s\b", "", name))
    return words[-1].lower() if words else name.lower()


def names_compatible(a: str | None, b: str | None) -> bool:
    """Whether two speaker names can be one person: same surname, and first names that do not clash.

    >>> names_compatible("Crispin Blunt", "Blunt"), names_compatible("Crispin Blunt", "Roy Blunt")
    (True, False)
    """
    if not a or not b:
        return False
    wa = [w.lower() for w in re.findall(r"[\w-]+", a) if w.lower() not in _HONORIFICS]
    wb = [w.lower() for w in re.findall(r"[\w-]+", b) if w.lower() not in _HONORIFICS]
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return len(wa) == 1 or len(wb) == 1 or wa[0] == wb[0]


_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof rev sen rep gov the".split())


def link_article_to_archive(article: Article, earlier: Iterable[EarlierStatement]) -> list[Link]:
    """Link the new article's retractions, apologies, denials and repetitions to earlier statements elsewhere.

    Args:
        article: the new article's record (with its text, quotes, entities, acts).
        earlier: statements of the article's speakers from other articles.

    Returns:
        ``Link(type, source=<quote id in article>, target="<article id>#<quote id>")``,
        in order of the source quote.

    >>> from onrecord.model import Entity
    >>> old = EarlierStatement("mon", Quote("q1", "direct", ((0, 5),), "He is innocent", speaker_name="Ann Lee",
    ...                        act="defence"), "2024-04-08", about=("Samir Qureshi",))
    >>> text = '"I retract my defence of Qureshi," Lee said.'
    >>> new = Article("tue", text, published="2024-04-09",
    ...     quotes=(Quote("q1", "direct", ((1, 32),), text[1:32], speaker_name="Ann Lee", speaker_id="e1",
    ...                   about=("e2",), act="retraction"),),
    ...     entities=(Entity("e1", "Ann Lee"), Entity("e2", "Samir Qureshi")))
    >>> link_article_to_archive(new, [old])
    [Link(type='retracts', source='q1', target='mon#q1')]
    """
    earlier = [e for e in earlier if e.article_id != article.id]
    if not earlier:
        return []
    views = _article_views(article)
    speaker_of: dict[str, str] = {}
    for q in article.quotes:
        if q.speaker_id and q.speaker_name:
            speaker_of.setdefault(q.speaker_id, q.speaker_name)
    for e in earlier:
        key = e.speaker_id or _match_speaker(e.speaker_name or e.quote.speaker_name, speaker_of)
        if key is None:
            continue
        views.append(_earlier_view(e, key))
    links = link_statements(views)
    own = {q.id for q in article.quotes}
    return [link for link in links if link.source in own and link.target not in own]


def link_archive_statements(statements: Sequence[ArchiveStatementLike]) -> list[Link]:
    """Link one speaker's stored statements across articles (the archive's ``LinkFn``).

    Args:
        statements: every stored statement of one speaker, any order.

    Returns:
        Links between refs of different articles.

    >>> from types import SimpleNamespace as S
    >>> a = S(ref="mon#q1", article_id="mon", text="Samir is a decent man", act="defence", about=("Samir Qureshi",),
    ...       channel="website", published="2024-04-08", start=0)
    >>> b = S(ref="tue#q2", article_id="tue", text="I retract my statement about Samir Qureshi", act="retraction",
    ...       about=("Samir Qureshi",), channel="Twitter", published="2024-04-09", start=40)
    >>> link_archive_statements([a, b])
    [Link(type='retracts', source='tue#q2', target='mon#q1')]
    """
    views = []
    ordered = sorted(statements, key=lambda s: (s.article_id, s.start))
    message = ""
    for i, s in enumerate(ordered):
        prev = ordered[i - 1] if i else None
        if prev is None or prev.article_id != s.article_id or not s.channel or s.channel != prev.channel:
            message = s.ref
        refers, ref_channel = detect_reference(s.text, "")
        views.append(
            StatementView(
                ref=s.ref,
                speaker="speaker",
                act=s.act,
                acts=read_acts(s.act, s.text),
                about=frozenset(name_key(n) for n in s.about),
                words=content_words(s.text),
                channel=s.channel,
                position=s.start,
                group=s.article_id,
                published=s.published,
                references_prior=refers,
                referenced_channel=ref_channel,
                repeats=has_repeat_signal(s.text, ""),
                message=message,
            )
        )
    group_of = {v.ref: v.group for v in views}
    return [link for link in link_statements(views) if group_of.get(link.source) != group_of.get(link.target)]


def read_acts(act: str | None, text: str) -> tuple[str, ...]:
    """A stored statement's act, plus the retraction or apology its words also make.

    A record keeps one act per quote; a retraction that also apologises
    makes both links (as inside an article, where the stage keeps every act found).

    >>> read_acts("retraction", "I retract it and I apologise to his victim")
    ('retraction', 'apology')
    >>> read_acts("statement", "I apologise")
    ('statement',)
    """
    if act not in ACT_LINKS:
        return (act,) if act else ()
    extra = [a for a in detect_act("", text, "").acts if a in ACT_LINKS and a != act]
    return (act, *extra)


def _match_speaker(name: str | None, speakers: dict[str, str]) -> str | None:
    hits = [sid for sid, n in speakers.items() if names_compatible(name, n)]
    return hits[0] if len(hits) == 1 else None


def _article_views(article: Article) -> list[StatementView]:
    text = article.text
    paragraphs = split_paragraphs(text)
    quotes = sorted(article.quotes, key=lambda q: (q.start, q.end))
    all_content = [r for q in quotes for r in q.content]
    names = {e.id: e.name for e in article.entities}
    views = []
    message = ""
    for i, q in enumerate(quotes):
        prev = quotes[i - 1] if i else None
        if prev is None or not q.channel or q.channel != prev.channel or q.speaker_id != prev.speaker_id:
            message = q.id
        others = [r for r in all_content if r not in q.content]
        cue = (q.cue.start, q.cue.end) if q.cue else None
        speaker = (q.speaker.start, q.speaker.end) if q.speaker else None
        frame = build_frame(text, list(q.content), cue, speaker, paragraphs, blank=others) if text else None
        frame_text = frame.text if frame else ""
        refers, ref_channel = detect_reference(q.text, frame_text)
        views.append(
            StatementView(
                ref=q.id,
                speaker=q.speaker_id,
                act=q.act,
                acts=read_acts(q.act, q.text),
                about=frozenset(name_key(names[x]) for x in q.about if x in names),
                words=content_words(q.text),
                channel=q.channel,
                position=q.start,
                group=article.id,
                published=article.published,
                references_prior=refers,
                referenced_channel=ref_channel,
                repeats=has_repeat_signal(q.text, frame_text, q.cue.text if q.cue else ""),
                message=f"{article.id}#{message}",
            )
        )
    return views


def _earlier_view(e: EarlierStatement, speaker: str) -> StatementView:
    q = e.quote
    return StatementView(
        ref=e.ref,
        speaker=speaker,
        act=q.act,
        acts=read_acts(q.act, q.text),
        about=frozenset(name_key(n) for n in e.about),
        words=content_words(q.text),
        channel=q.channel,
        position=q.start,
        group=e.article_id,
        published=e.published,
        repeats=has_repeat_signal(q.text, "", q.cue.text if q.cue else ""),
        message=e.ref,
    )
