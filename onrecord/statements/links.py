"""Links between statements: ``retracts``, ``apologises_for``, ``denies``, ``repeats``.

A link runs from a statement that acts on another (a retraction, an
apology, a denial, a repetition) to the statement it acts on. The rules:

- ``retracts`` and ``apologises_for``: from a retraction (apology) to the
  same speaker's other statements on the same subject. Retractions,
  apologies, denials and resignations are never the statement retracted.
- ``denies``: from a denial to another speaker's statement about the
  denier (an accusation, usually), or sharing the denial's subject and words.
- ``repeats``: from a statement that says it repeats ("repeated his claim",
  "I stand by my statement", "as I said") to the same speaker's statement
  it repeats.

*Same subject* is scored, :func:`score_pair`: shared targets (2), shared
content words (1, or 2 when many), a channel the linking statement names
("retracting the statement on his website", 2 when the earlier statement
was made there, 1 when the article only called it "a statement"). Pairs
scoring at least :data:`THRESHOLD` link; when none does and the statement
points at an earlier one ("my statement", "his remarks", "I withdraw
them"), the best-scoring candidates link; when nothing scores, the one
statement of the speaker in the same article that remains after preferring
those reported before the pointer, then those made through a named channel
(none while several remain; never across articles, and never one that names
other subjects). Quotes of one *message* (the same speaker
through the same channel, one after another) are weighed together and never
link to each other: a retraction quoted in three pieces is one retraction.

The rules work on :class:`StatementView` values, which the pipeline builds
from a :class:`~onrecord.work.Work` and the archive from stored quotes, so the
same logic links statements inside an article and across the archive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..model import Link
from .channels import PLATFORMS, detect_channel

__all__ = [
    "ACT_LINKS",
    "THRESHOLD",
    "StatementView",
    "detect_reference",
    "has_repeat_signal",
    "link_statements",
    "score_pair",
]

#: Acts that point back at an earlier statement, and the contract link type (CONTRACT.md, Link).
ACT_LINKS = {"retraction": "retracts", "apology": "apologises_for", "denial": "denies"}
#: Acts that are never the statement another retracts or apologises for.
NOT_TARGETS = frozenset({"retraction", "apology", "denial", "resignation"})
#: Minimum evidence for a link (set by hand on tests/cases/statements.jsonl).
THRESHOLD = 2
#: Most statements one statement links to; the nearest are kept. A bound for
#: pathological texts (an article repeating one statement hundreds of times);
#: no gold case comes near it.
MAX_TARGETS = 8

#: Most of one speaker's messages weighed as what a statement acts on; the nearest are
#: kept. A bound for very long texts (a 2 MB article repeats a speaker thousands of
#: times, and scoring every pair is quadratic); articles in our gold cases and
#: PolNeAR give one speaker at most a few dozen quotes.
MAX_POOL = 64

_REFERENCE = re.compile(
    r"\b(?:my|his|her|their|our|the|that|this|those|these|its|earlier|initial|original|previous|first)\s+"
    r"(?:\w+\s+){0,2}?(?:statement|remarks?|comments?|words|language|jokes?|tweets?|posts?|claims?|defen[cs]e|"
    r"support|endorsement|letter|interview|message|suggestion|description|characteri[sz]ation|accusations?"
    r"|allegations?)\b"
    r"|\bwhat (?:I|he|she|we|they) (?:said|wrote|posted|tweeted)\b"
    # A pronoun for what is taken back: "I withdraw them", "she retracted it", "I take it back".
    r"|\b(?:withdr[ae]w\w*|retract\w*)\s+(?:it|them|those|these)\b"
    r"|\b(?:take|takes|took|taking|taken)\s+(?:it|them|that|those|these|this)\s+back\b",
    re.IGNORECASE,
)
#: Where the description of a referenced statement ends: "the statement from his website | and posted ... on X".
_CLAUSE_END = re.compile(r"[.;:!?\n]|\s(?:and|but|before|after|because|while|when)\s", re.IGNORECASE)
#: "From" and "off" in a reference name where the statement was: "the statement from his website" (channels.py
#: reads "removed … from his website" as not where the *new* statement was made).
_FROM_MEDIUM = re.compile(r"\b(?:from|off)\b", re.IGNORECASE)
#: A reference to the statement's own text ("In the statement, he added"), not to an earlier one.
_IN_BEFORE = re.compile(r"\bin\s*$", re.IGNORECASE)
#: Channels a written statement can be put out on without saying so: "the statement on his website"
#: may name what the article first called "a statement" (channel ``statement``), and the reverse.
PUBLISHING_CHANNELS = PLATFORMS | {"website", "blog", "press release", "newsletter"}
_REPEAT = re.compile(
    r"\b(?:repeat(?:s|ed|ing)?|reiterat\w*|restat\w*|re-stat\w*|doubl\w* down|stood by|stands by"
    r"|standing by (?:his|her|their|my) |"
    r"stand by (?:my|what|every|our|the|this|that|those|these|it)\b|as I (?:have )?said|I repeat|once again"
    r"|insisted again|"
    r"(?:say|said) (?:it|this|that) again)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StatementView:
    """What linking needs to know of one statement.

    Attributes:
        ref: how links name it ("q3" in an article, "<article>#q3" across articles).
        speaker: a key equal for statements of one speaker (an entity id, or a name), or None.
        act: the statement's act.
        acts: every act found (a retraction that also apologises).
        about: keys of its targets, comparable across the statements linked.
        words: its content words (:func:`onrecord.statements.lexicon.content_words`).
        channel: its channel, or None.
        position: its order (text offset in an article; anything sortable).
        group: what must differ for two statements to be separate messages
            (the article id across the archive; "" inside one article).
        published: the date of its article (ISO 8601), when known.
        references_prior: it points at an earlier statement ("my statement").
        referenced_channel: the channel of the statement it points at, when named.
        repeats: it says it repeats something ("repeated his claim").
        message: a key shared by the parts of one message (quotes of one
            speaker through one channel in a row); "" for a message of its own.
    """

    ref: str
    speaker: str | None
    act: str | None
    acts: tuple[str, ...] = ()
    about: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    channel: str | None = None
    position: int = 0
    group: str = ""
    published: str | None = None
    references_prior: bool = False
    referenced_channel: str | None = None
    repeats: bool = False
    message: str = ""

    @property
    def all_acts(self) -> tuple[str, ...]:
        return self.acts or ((self.act,) if self.act else ())


def detect_reference(content: str, frame: str) -> tuple[bool, str | None]:
    """Whether a statement points at an earlier one, and that one's channel when named.

    >>> detect_reference("", "he was retracting the statement on his website")
    (True, 'website')
    >>> detect_reference("I have deleted my earlier post", "")
    (True, 'social media')
    >>> detect_reference("", "Hartley removed the statement from his website and posted an apology on X")
    (True, 'website')
    >>> detect_reference("My comments were wrong and I withdraw them", "")
    (True, None)
    >>> detect_reference("I retract my statement", "")
    (True, 'statement')
    >>> detect_reference("We won the vote", "she said")
    (False, None)
    """
    found = False
    channel = None
    generic = None
    for text in (content, frame):
        for m in _REFERENCE.finditer(text):
            found = True
            if channel is not None:
                continue
            tail = text[m.end() : m.end() + 40]
            cut = _CLAUSE_END.search(tail)
            snippet = m.group(0) + _FROM_MEDIUM.sub("on", tail[: cut.start()] if cut else tail)
            hit = detect_channel(snippet)
            if hit is not None and hit.name not in ("statement", "social media"):
                channel = hit.name
            elif re.search(r"\bposts?\b", m.group(0), re.IGNORECASE):
                generic = generic or "social media"
            elif re.search(r"\bstatement\b", m.group(0), re.IGNORECASE) and not _IN_BEFORE.search(
                text, max(0, m.start() - 8), m.start()
            ):
                generic = generic or "statement"
    return found, channel or generic


def has_repeat_signal(content: str, frame: str, cue: str = "") -> bool:
    """Whether a statement says it repeats an earlier one.

    >>> has_repeat_signal("", "Reddick repeated his claim that", "repeated")
    True
    """
    return bool(_REPEAT.search(cue) or _REPEAT.search(frame) or _REPEAT.search(content))


def score_pair(later: StatementView, earlier: StatementView) -> int:
    """Evidence that ``later`` acts on ``earlier``: shared targets, shared words, a named channel.

    >>> a = StatementView("q2", "e1", "retraction", referenced_channel="website")
    >>> score_pair(a, StatementView("q1", "e1", "statement", channel="website"))
    2
    """
    score = 0
    if later.about and earlier.about and later.about & earlier.about:
        score += 2
    shared = later.words & earlier.words
    if shared:
        jaccard = len(shared) / max(1, len(later.words | earlier.words))
        if len(shared) >= 2 and jaccard >= 0.12:
            score += 2 if jaccard >= 0.3 else 1
    return score + _channel_evidence(later.referenced_channel, earlier.channel)


def _channel_evidence(referenced: str | None, channel: str | None) -> int:
    """How well the channel a pointer names fits a statement's channel: 2 the same, 1 compatible, else 0.

    "My earlier post" fits any platform; "the statement on his website" fits
    a statement the article only called "a statement", but less surely.

    >>> _channel_evidence("website", "website"), _channel_evidence("website", "statement")
    (2, 1)
    >>> _channel_evidence("social media", "Twitter"), _channel_evidence("website", "radio")
    (2, 0)
    """
    if not referenced or not channel:
        return 0
    if referenced == channel or (referenced == "social media" and channel in PLATFORMS):
        return 2
    pair = {referenced, channel}
    if "statement" in pair and (pair - {"statement"}) <= PUBLISHING_CHANNELS:
        return 1
    return 0


def link_statements(statements: Sequence[StatementView]) -> list[Link]:
    """Link the statements of a set (one article, or one speaker across the archive).

    Statements of one message (same ``message`` key) are scored together, as
    one statement: their targets, words and references pooled; a link to a
    message goes to each of its parts that can be a target.

    Args:
        statements: the statements, any order.

    Returns:
        Links in order of their source's position, then their target's.

    >>> q1 = StatementView("q1", "e1", "statement", about=frozenset({"e2"}), position=10)
    >>> q2 = StatementView("q2", "e1", "retraction", about=frozenset({"e2"}), position=90)
    >>> link_statements([q1, q2])
    [Link(type='retracts', source='q2', target='q1')]
    """
    ordered = sorted(statements, key=lambda s: (s.published or "", s.group, s.position))
    pooled = _pool_messages(ordered)
    parts: dict[str, list[StatementView]] = {}
    for s in ordered:
        if s.act not in NOT_TARGETS:
            parts.setdefault(_message(s), []).append(s)
    by_speaker: dict[str | None, list[StatementView]] = {}
    # What a denial can deny: statements about someone, and accusations (see _denied's scores).
    by_about: dict[str, list[StatementView]] = {}
    accusations: list[StatementView] = []
    for m in pooled.values():
        by_speaker.setdefault(m.speaker, []).append(m)
        for a in m.about:
            by_about.setdefault(a, []).append(m)
        if "accusation" in m.all_acts:
            accusations.append(m)
    links: list[Link] = []
    for later in ordered:
        if not later.repeats and not set(later.all_acts) & set(ACT_LINKS):
            continue  # nothing to link from: skip the speaker's pool (quadratic on long articles)
        whole = pooled[_message(later)]
        own = _nearest_pool(whole, by_speaker.get(later.speaker, ())) if later.speaker else []
        for act in later.all_acts:
            kind = ACT_LINKS.get(act)
            if kind is None:
                continue
            if kind == "denies":
                pool = {m.ref: m for m in (*by_about.get(later.speaker or "", ()), *accusations)}
                chosen = _denied(whole, [m for key, m in pool.items() if key != whole.ref])
            else:
                chosen = _acted_on(whole, own)
            links.extend(Link(kind, later.ref, t.ref) for t in _nearest(later, chosen, parts))
        if later.repeats and not set(later.all_acts) & set(ACT_LINKS):
            links.extend(Link("repeats", later.ref, t.ref) for t in _nearest(later, _repeated(whole, own), parts))
    seen: set[tuple[str, str, str]] = set()
    out = []
    for link in links:
        key = (link.type, link.source, link.target)
        if key not in seen:
            seen.add(key)
            out.append(link)
    return out


def _nearest_pool(whole: StatementView, messages: Sequence[StatementView]) -> list[StatementView]:
    """The speaker's other messages, the :data:`MAX_POOL` nearest to ``whole`` when there are more."""
    own = [m for m in messages if m.ref != whole.ref]
    if len(own) > MAX_POOL:
        own = sorted(own, key=lambda m: (m.group != whole.group, abs(m.position - whole.position)))[:MAX_POOL]
    return own


def _message(s: StatementView) -> str:
    return s.message or s.ref


def _pool_messages(ordered: Sequence[StatementView]) -> dict[str, StatementView]:
    """One pooled view per message: the first part, with every part's evidence merged."""
    groups: dict[str, list[StatementView]] = {}
    for s in ordered:
        groups.setdefault(_message(s), []).append(s)
    pooled = {}
    for key, parts in groups.items():
        head = parts[0]
        acts: list[str] = []
        for p in parts:
            acts.extend(a for a in p.all_acts if a not in acts)
        pooled[key] = replace(
            head,
            ref=key,
            acts=tuple(acts),
            about=frozenset().union(*(p.about for p in parts)),
            words=frozenset().union(*(p.words for p in parts)),
            references_prior=any(p.references_prior for p in parts),
            referenced_channel=next((p.referenced_channel for p in parts if p.referenced_channel), None),
            repeats=any(p.repeats for p in parts),
        )
    return pooled


def _nearest(
    later: StatementView, messages: list[StatementView], parts: dict[str, list[StatementView]]
) -> list[StatementView]:
    """The parts of the chosen messages a link may point at, the nearest :data:`MAX_TARGETS` of them."""
    targets = [p for m in messages for p in parts.get(m.ref, ())]
    if len(targets) > MAX_TARGETS:
        targets = sorted(targets, key=lambda t: (t.group != later.group, abs(t.position - later.position)))
        targets = sorted(targets[:MAX_TARGETS], key=lambda t: (t.published or "", t.group, t.position))
    return targets


def _earlier(later: StatementView, other: StatementView) -> bool:
    """Whether ``other`` may precede ``later`` in time (unknown dates allow it; so does the same day)."""
    if later.group != other.group and later.published and other.published:
        return other.published <= later.published
    return True


def _same_speaker(a: StatementView, b: StatementView) -> bool:
    return a.speaker is not None and a.speaker == b.speaker


def _targetable(s: StatementView) -> bool:
    """A message can be retracted when some part of it is not itself (mainly) a retraction, apology, denial or resignation."""
    return s.act not in NOT_TARGETS or not set(s.all_acts) <= NOT_TARGETS


def _acted_on(later: StatementView, others: Iterable[StatementView]) -> list[StatementView]:
    pool = [s for s in others if _earlier(later, s) and _same_speaker(later, s) and _targetable(s)]
    return _choose(later, pool)


def _denied(later: StatementView, others: Iterable[StatementView]) -> list[StatementView]:
    pool = [
        s
        for s in others
        if _earlier(later, s)
        and s.speaker is not None
        and later.speaker is not None
        and s.speaker != later.speaker
        and _targetable(s)
    ]
    scored = []
    for s in pool:
        score = score_pair(later, s)
        if later.speaker in s.about:
            score += 2
        if "accusation" in s.all_acts:
            score += 1
        scored.append((score, s))
    return [s for score, s in scored if score >= THRESHOLD + 1]


def _repeated(later: StatementView, others: Iterable[StatementView]) -> list[StatementView]:
    """What a repetition repeats: the same speaker's statements on its subject that are not repetitions themselves."""
    pool = [
        s
        for s in others
        if _earlier(later, s) and _same_speaker(later, s) and s.act not in NOT_TARGETS and not s.repeats
    ]
    # The repeat signal is itself evidence: some shared subject or words suffice.
    return [s for s in pool if score_pair(later, s) >= THRESHOLD - 1]


def _choose(later: StatementView, pool: list[StatementView]) -> list[StatementView]:
    if not pool:
        return []
    scored = [(score_pair(later, s), s) for s in pool]
    strong = [s for score, s in scored if score >= THRESHOLD]
    if strong:
        return strong
    if not later.references_prior:
        return []
    # Statements that name other subjects than the pointer's are not what it points at.
    scored = [(score, s) for score, s in scored if not (later.about and s.about and not later.about & s.about)]
    if not scored:
        return []
    best = max(score for score, _ in scored)
    if best >= 1:
        return [s for score, s in scored if score == best]
    # No evidence tells them apart: the one statement (message) of the speaker in the same article
    # (never a guess across articles) that remains after preferring those reported before the
    # pointer, then those made through a named channel (on the record); none while several remain.
    same = [s for _, s in scored if s.group == later.group]
    for prefer in (lambda s: s.position < later.position, lambda s: s.channel is not None):
        same = [s for s in same if prefer(s)] or same
    return same if len(same) == 1 else []
