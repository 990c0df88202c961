"""Statements across the archive: the pluggable cross-article linking hook.

After each ingest the store hands a *linker* every statement of each speaker
the article touched, in date order, and stores the links it returns (origin
``archive``) in place of the ones it returned before. A link's ``source`` and
``target`` are archive references, ``"<article id>#<quote id>"``.

:func:`link_with_statement_rules` is the default (:func:`default_linker`):
the statements rules' own hook,
:func:`onrecord.statements.archive_links.link_archive_statements`, so the
archive links exactly as the statements module does (one implementation:
a retraction that also apologises gets ``retracts`` and ``apologises_for``,
as inside an article). :func:`link_to_latest_statement` is a simpler rule
with the same signature that reads acts the same way; pass it, or your own,
to :func:`onrecord.store.open_store` as ``link=``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..model import Link
from ..statements.archive_links import link_archive_statements, read_acts
from ..statements.links import ACT_LINKS

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
    subjects. A statement makes one link per act it makes
    (:func:`~onrecord.statements.archive_links.read_acts`: "I retract it and
    apologise" retracts and apologises). Links inside one article come from
    the article's own record.

    >>> s = [ArchiveStatement("a#q1", "a", "q1", 1, "x", "statement", ("Khan",), None, "2024-04-08"),
    ...      ArchiveStatement("b#q1", "b", "q1", 1, "y", "retraction", (), "Twitter", "2024-04-09")]
    >>> link_to_latest_statement(s)
    [Link(type='retracts', source='b#q1', target='a#q1')]
    """
    links = []
    plain = [s for s in statements if s.act in (None, "statement") and s.published]
    for later in statements:
        kinds = [ACT_LINKS[a] for a in read_acts(later.act, later.text) if a in ACT_LINKS]
        if not kinds or not later.published:
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
            links.extend(Link(kind, later.ref, target.ref) for kind in kinds)
    return links


def link_with_statement_rules(statements: Sequence[ArchiveStatement]) -> list[Link]:
    """Link one speaker's statements with the statements rules, across articles only.

    This is :func:`onrecord.statements.archive_links.link_archive_statements`
    (subjects compared by name, the parts of one message weighed together, a
    statement's stored act plus the retraction or apology its words also
    make); links inside one article come from its record.

    >>> s = [ArchiveStatement("a#q1", "a", "q1", 1, "He is innocent", "defence", ("Khan",), "website", "2024-04-08"),
    ...      ArchiveStatement("b#q1", "b", "q1", 1, "I retract my defence of Khan and I apologise", "retraction",
    ...                       ("Khan",), "Twitter", "2024-04-09")]
    >>> link_with_statement_rules(s)
    [Link(type='retracts', source='b#q1', target='a#q1'), Link(type='apologises_for', source='b#q1', target='a#q1')]
    """
    return link_archive_statements(statements)


def default_linker() -> LinkFn:
    """Return the archive's default linker, :func:`link_with_statement_rules`."""
    return link_with_statement_rules
