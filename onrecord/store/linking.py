"""Statements across the archive: the pluggable cross-article linking hook.

After each ingest the store hands a *linker* every statement of each speaker
the article touched, in date order, and stores the links it returns (origin
``archive``) in place of the ones it returned before. A link's ``source`` and
``target`` are archive references, ``"<article id>#<quote id>"``.

:func:`link_with_statement_rules` adapts the statements rules
(``onrecord.statements.links.link_statements``) to this hook and is the
default (:func:`default_linker`). :func:`link_to_latest_statement` is a
simpler rule with the same signature; pass it, or your own, to
:func:`onrecord.store.open_store` as ``link=``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..model import Link
from ..statements.lexicon import content_words
from ..statements.links import ACT_LINKS, StatementView, detect_reference, has_repeat_signal, link_statements

__all__ = ["ACT_LINKS", "ArchiveStatement", "LinkFn", "default_linker", "link_to_latest_statement", "link_with_statement_rules"]


@dataclass(frozen=True)
class ArchiveStatement:
    """One quote of one archive speaker, as the linker sees it.

    ``about`` holds the names (not ids) of the entities it concerns, so that
    statements of different articles compare.
    """

    ref: str
    article_id: str
    quote_id: str
    speaker_id: int
    text: str
    act: str | None
    about: tuple[str, ...]
    channel: str | None
    published: str | None
    #: Position of the quote in its article's text.
    start: int = 0


#: ``link(statements_of_one_speaker_in_date_order) -> links between their refs``.
LinkFn = Callable[[Sequence[ArchiveStatement]], Iterable[Link]]


def link_to_latest_statement(statements: Sequence[ArchiveStatement]) -> list[Link]:
    """Link each retraction, apology or denial to the speaker's latest earlier statement elsewhere.

    The target is the most recent statement (act ``statement`` or none) of an
    *earlier-published* article that shares a subject with it, when both name
    subjects. Links inside one article come from the article's own record.

    >>> s = [ArchiveStatement("a#q1", "a", "q1", 1, "x", "statement", ("Khan",), None, "2024-04-08"),
    ...      ArchiveStatement("b#q1", "b", "q1", 1, "y", "retraction", (), "Twitter", "2024-04-09")]
    >>> link_to_latest_statement(s)
    [Link(type='retracts', source='b#q1', target='a#q1')]
    """
    links = []
    plain = [s for s in statements if s.act in (None, "statement") and s.published]
    for later in statements:
        kind = ACT_LINKS.get(later.act or "")
        if kind is None or not later.published:
            continue
        earlier = [
            s
            for s in plain
            if s.article_id != later.article_id
            and s.published < later.published  # type: ignore[operator]
            and (not s.about or not later.about or set(s.about) & set(later.about))
        ]
        if earlier:
            target = max(earlier, key=lambda s: (s.published, s.article_id, s.start))
            links.append(Link(kind, later.ref, target.ref))
    return links


def link_with_statement_rules(statements: Sequence[ArchiveStatement]) -> list[Link]:
    """Link one speaker's statements with the statements rules (``onrecord.statements.links``), across articles only.

    Links inside one article come from its record, so only links between
    different articles are kept. Subjects compare by entity name.
    """
    views = []
    article_of = {}
    for s in statements:
        refers, channel = detect_reference(s.text, "")
        views.append(
            StatementView(
                ref=s.ref,
                speaker=str(s.speaker_id),
                act=s.act,
                about=frozenset(a.lower() for a in s.about),
                words=frozenset(content_words(s.text)),
                channel=s.channel,
                position=s.start,
                group=s.article_id,
                published=s.published,
                references_prior=refers,
                referenced_channel=channel,
                repeats=has_repeat_signal(s.text, ""),
            )
        )
        article_of[s.ref] = s.article_id
    return [
        link
        for link in link_statements(views)
        if article_of.get(link.source) != article_of.get(link.target, link.target.rpartition("#")[0])
    ]


def default_linker() -> LinkFn:
    """Return the archive's default linker, :func:`link_with_statement_rules`."""
    return link_with_statement_rules
