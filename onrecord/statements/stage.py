"""The ``statements`` pipeline stage: each quote's act, channel and targets, and the links between quotes.

For every candidate the stage builds its frame
(:func:`onrecord.statements.context.build_frame`), then sets

- ``Candidate.act`` (:mod:`onrecord.statements.acts`),
- ``Candidate.channel`` (:mod:`onrecord.statements.channels`); a quote that
  names no channel takes the channel of the same speaker's quote just
  before it, when no other channel was named in between ("In a statement
  on Twitter, he said he was retracting ..." then "“On reflection ...,” he
  wrote"), or of the paragraph before it when that names the speaker and a
  channel,
- ``Candidate.about`` (:mod:`onrecord.statements.targets`),

and then ``Work.links`` (:mod:`onrecord.statements.links`), weighing the
quotes of one message together (the same speaker through the same channel,
one after another). It needs the
candidates (attribution) and the entities (resolution); it uses a parse when
``Work.parsed`` holds one and works without. It is not critical: when it
fails the article keeps its quotes, without acts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from ..work import Candidate, Work
from .acts import detect_act
from .channels import PLATFORMS, ChannelFinding, detect_channel
from .context import Frame, Range, RangeIndex, build_frame, mask_ranges, split_paragraphs
from .lexicon import content_words
from .links import StatementView, detect_reference, has_repeat_signal, link_statements
from .targets import TargetIndex, find_targets

__all__ = ["StatementsStage", "annotate_statements"]

#: How far back (characters) a quote may inherit the channel of the same
#: speaker's previous quote; about four news paragraphs (set by hand).
INHERIT_SPAN = 900
#: Characters after the cue read with it ("called" + " for", "said" + " sorry").
CUE_REACH = 6
#: Words in a frame that place a quote on another occasion than the quote
#: before it ("Last month Vance had called Tillman ..."): it then inherits no
#: channel and starts a message of its own.
_NEW_OCCASION = re.compile(
    r"\b(?:last|earlier|previously|yesterday|originally|first|initially|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"had (?:said|told|called|written|claimed|described|posted|tweeted|argued|insisted|accused)|"
    r"(?:days|weeks|months|years) (?:ago|earlier|before))\b",
    re.IGNORECASE,
)


class StatementsStage:
    """Pipeline stage: acts, channels, targets and links of an article's statements."""

    name = "statements"
    needs = ("candidates", "entities")
    gives = ("links",)
    critical = False

    def __call__(self, work: Work) -> None:
        annotate_statements(work)


#: Lowest confidence of a content that frames treat as someone's words (blanked from the others' frames).
#: Accurate mode's calibrated confidence puts readings under it right less than one time in three; rules-mode
#: candidates are all above it.
BLANK_MIN_CONFIDENCE = 0.3

def annotate_statements(work: Work) -> None:
    """Set ``act``, ``channel`` and ``about`` of every candidate of ``work`` and fill ``work.links``."""
    text = work.clean if len(work.clean) == len(work.text) else work.text
    paragraphs = work.paragraphs or split_paragraphs(text)
    cands = sorted(work.candidates, key=lambda c: (c.start, c.end))
    for i, c in enumerate(cands, 1):
        if not c.id:
            c.id = f"q{i}"
    all_content = RangeIndex(r for c in cands for r in c.content)
    # what a frame blanks as someone's words: not a guess the pipeline barely believes ("removed | the statement |
    # from his website", a 0.11 reading of a verb's object), whose blanking would hide the frame's own reference
    sure_content = RangeIndex(r for c in cands if c.confidence >= BLANK_MIN_CONFIDENCE for r in c.content)
    entity_names = {e.id: e.name for e in work.entities}
    persons = [e.name for e in work.entities if e.type == "PERSON"]
    quoted = all_content.ranges + [r for q in work.quotations for r in q.content]
    targets = TargetIndex(work.entities, text, quoted)
    lemmas = _lemmas(work.parsed)
    doc_starts = [offset for offset, _ in work.parsed]

    frames: dict[str, Frame] = {}
    explicit: dict[str, bool] = {}
    acts: dict[str, tuple[str, ...]] = {}
    for c in cands:
        frame = build_frame(text, c.content, c.cue, c.speaker, paragraphs, blank=sure_content)
        frames[c.id] = frame
        content = " ".join(text[s:e] for s, e in c.content)
        cue = text[c.cue[0] : c.cue[1]] if c.cue else ""
        # The cue with the word after it: "called" + "for" is a demand.
        cue_after = text[c.cue[1] : c.cue[1] + CUE_REACH].split("\n")[0] if c.cue else ""
        speaker_words = _speaker_words(text, c, entity_names)
        finding = detect_act(
            cue, content, frame.text, c.kind, speaker_words, lemmas.get(c.cue[0]) if c.cue else None, cue_after
        )
        c.act = finding.act
        channel = detect_channel(frame.text, frame.speaker, persons)
        if c.kind != "direct" and (channel is None or channel.rank >= GENERIC_RANK):
            # "posted an apology on X": a reported content may end with the medium it went out on
            channel = _medium_at_end(content) or channel
        if channel is not None and channel.name == "statement" and _THE_STATEMENT.search(channel.evidence):
            # "In the statement, Hartley said": the statement "published on his website" paragraphs before
            channel = _earlier_statement(text, paragraphs, frame.start) or channel
        c.channel = channel.name if channel else None
        explicit[c.id] = channel is not None
        docs = _docs_over(work.parsed, doc_starts, frame.start, frame.end)
        c.about = find_targets(text, c.content, frame, work.entities, c.speaker_id, docs, targets)
        acts[c.id] = finding.acts

    fresh = {c.id for c in cands if _NEW_OCCASION.search(frames[c.id].text)}
    ends = [e for _, e in paragraphs]
    _inherit_channels(text, cands, explicit, paragraphs, ends, all_content, targets, fresh)
    messages = _group_messages(cands, explicit, ends, fresh)

    views = []
    for c in cands:
        content = " ".join(text[s:e] for s, e in c.content)
        frame = frames[c.id]
        cue = text[c.cue[0] : c.cue[1]] if c.cue else ""
        refers, ref_channel = detect_reference(content, frame.text)
        views.append(
            StatementView(
                ref=c.id,
                speaker=_speaker_key(c),
                act=c.act,
                acts=acts[c.id],
                about=frozenset(c.about),
                words=content_words(content),
                channel=c.channel,
                position=c.start,
                references_prior=refers,
                referenced_channel=ref_channel,
                repeats=has_repeat_signal(content, frame.text, cue),
                message=messages[c.id],
            )
        )
    work.links = link_statements(views)


def _speaker_key(c: Candidate) -> str | None:
    if c.speaker_id:
        return c.speaker_id
    if c.speaker_name:
        return "name:" + c.speaker_name.lower()
    return None


def _speaker_words(text: str, c: Candidate, names: dict[str, str]) -> list[str]:
    words: list[str] = []
    if c.speaker:
        words.extend(text[c.speaker[0] : c.speaker[1]].replace("’s", " ").replace("'s", " ").split())
    if c.speaker_name:
        words.extend(c.speaker_name.split())
    if c.speaker_id and c.speaker_id in names:
        words.extend(names[c.speaker_id].split())
    return words


def _lemmas(parsed: Sequence[tuple[int, Any]]) -> dict[int, str]:
    """Token lemmas by input offset, from a parse (empty without one)."""
    return {offset + tok.idx: str(tok.lemma_) for offset, doc in parsed for tok in doc}


def _docs_over(parsed: Sequence[tuple[int, Any]], starts: list[int], start: int, end: int) -> list[tuple[int, Any]]:
    """The parsed paragraphs that overlap ``[start, end)``."""
    i = max(0, bisect.bisect_right(starts, start) - 1)
    out = []
    while i < len(parsed) and parsed[i][0] < end:
        offset, doc = parsed[i]
        if offset + len(doc.text) > start:
            out.append(parsed[i])
        i += 1
    return out


def _inherit_channels(
    text: str,
    cands: list[Candidate],
    explicit: dict[str, bool],
    paragraphs: Sequence[Range],
    ends: list[int],
    quoted: RangeIndex,
    targets: TargetIndex,
    fresh: set[str],
) -> None:
    """Give a quote that names no channel the channel of what came just before it.

    First choice: the same speaker's previous quote, when it ends at most one
    paragraph earlier and nothing in between names another channel. Else the
    sentences before the quote in its paragraph, or the paragraph just
    before, when they name a channel and the speaker (by a mention, a
    surname or a subject pronoun) and hold no one else's quote: "In a post
    on Facebook, she thanked ..." then "“I'm sorry ...,” she wrote."
    """
    starts = [c.start for c in cands]
    for i, c in enumerate(cands):
        if explicit[c.id] or c.id in fresh:
            continue
        key = _speaker_key(c)
        if key is None:
            continue
        here = _paragraph_index(ends, c.start)
        prev = cands[i - 1] if i else None
        if prev is not None and key == _speaker_key(prev) and prev.channel is not None:
            if here - _paragraph_index(ends, prev.end) <= 1:
                gap = mask_ranges(text, quoted.overlapping(prev.end, c.start), prev.end, c.start)
                if detect_channel(gap) is None:
                    c.channel = prev.channel
                    continue
        for p_start, p_end in _lead_in(paragraphs, here, c.start):
            lo, hi = bisect.bisect_left(starts, p_start), bisect.bisect_left(starts, p_end)
            if any(_speaker_key(o) not in (None, key) for o in cands[lo:hi]):
                break
            before = mask_ranges(text, quoted.overlapping(p_start, p_end), p_start, p_end)
            found = detect_channel(before)
            if found is not None:
                if _names_speaker(before, p_start, c, targets):
                    c.channel = found.name
                break


def _lead_in(paragraphs: Sequence[Range], here: int, start: int) -> list[Range]:
    """The text before a quote in its own paragraph, then the paragraph before that."""
    out = []
    if here < len(paragraphs) and paragraphs[here][0] < start:
        out.append((paragraphs[here][0], start))
    if 0 < here <= len(paragraphs):
        out.append(paragraphs[here - 1])
    return out


def _paragraph_index(ends: list[int], pos: int) -> int:
    """Index of the first paragraph that ends at or after ``pos`` (``ends`` in order)."""
    return bisect.bisect_left(ends, pos)


_SUBJECT_PRONOUN = re.compile(r"(?:^|[,.;:]\s+)(?:[A-Z][\w ]{0,40}?,\s+)?(?:he|she|they|He|She|They)\b")


#: Rank of the channels that say least ("statement", "social media"): a more specific one beats them.
GENERIC_RANK = 3
#: Platforms a reported content may end on ("posted an apology on X").
SITES = PLATFORMS - {"social media"}
#: "In the statement": a statement introduced earlier, whose medium the earlier mention may name.
_THE_STATEMENT = re.compile(r"\b(?:the|that|this) (?:\w+ )?statement\b", re.IGNORECASE)
#: Where an earlier sentence introduced a statement ("a statement published on his website").
_A_STATEMENT = re.compile(r"[^.!?\n]*\bstatement\b[^.!?\n]*", re.IGNORECASE)
#: Paragraphs back that "the statement" may reach.
STATEMENT_REACH = 3
#: The end of a reported content naming where it went out: "... an apology on X", "... via Facebook".
_MEDIUM_AT_END = re.compile(r"\b(?:on|via)\s+(?:(?:his|her|their|its)\s+)?(?P<medium>[A-Z][\w]*(?:\s+[A-Z][\w]*)?)\W*$")


def _medium_at_end(content: str) -> ChannelFinding | None:
    """The specific channel a reported content ends on, if it ends on one ("an apology on X" -> Twitter)."""
    m = _MEDIUM_AT_END.search(content)
    if m is None:
        return None
    found = detect_channel(f"on {m.group('medium')}")
    return found if found is not None and found.name in SITES else None


def _earlier_statement(text: str, paragraphs: Sequence[Range], pos: int) -> ChannelFinding | None:
    """The specific medium of the statement last introduced before ``pos`` (within :data:`STATEMENT_REACH` paragraphs)."""
    here = next((i for i, (s, e) in enumerate(paragraphs) if s <= pos < e), None)
    if here is None:
        return None
    lo = paragraphs[max(0, here - STATEMENT_REACH)][0]
    found = None
    for m in _A_STATEMENT.finditer(text, lo, pos):
        if _THE_STATEMENT.search(m.group()) and not re.search(r"\b(?:a|an)\b", m.group(), re.IGNORECASE):
            continue  # another "the statement": it names no medium of its own
        finding = detect_channel(m.group())
        if finding is not None and finding.rank < GENERIC_RANK:
            found = finding
    return found


def _names_speaker(paragraph: str, offset: int, c: Candidate, targets: TargetIndex) -> bool:
    """Whether a paragraph mentions the speaker of ``c`` (a recorded mention, a name word, a subject pronoun)."""
    if c.speaker_id and any(eid == c.speaker_id for _, _, eid in targets.mentions_in(offset, offset + len(paragraph))):
        return True
    names = [w for w in (c.speaker_name or "").split() if len(w) > 2]
    if any(re.search(rf"\b{re.escape(w)}\b", paragraph) for w in names):
        return True
    if c.speaker_id and targets.types.get(c.speaker_id) == "PERSON" and _ROLE_SUBJECT.search(paragraph):
        return True  # "the Lib Dem councillor posted a statement on Facebook" before "…," he wrote
    return bool(_SUBJECT_PRONOUN.search(paragraph))


#: A person described by role as a sentence's subject: "the Lib Dem councillor posted", "The Tory MP wrote".
_ROLE_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|,\s+)(?:the|The)\s+(?:[\w'’-]+\s+){0,3}?(?:MP|MSP|MS|MEP|AM|councillor|minister|senator|"
    r"congress(?:wo)?man|leader|chair(?:wo)?man|chair|mayor|president|secretary|politician|peer|lawmaker|"
    r"governor|actor|actress|star|singer|presenter|player|manager|chief|executive|founder|campaigner)\s+[a-z]"
)


def _group_messages(
    cands: list[Candidate], explicit: dict[str, bool], ends: list[int], fresh: set[str]
) -> dict[str, str]:
    """Key the quotes of one message alike: one speaker, one channel, one after another.

    A quote joins the message before it when it has the same speaker and
    channel and either took that channel from it or shares its paragraph. A
    quote that names its channel afresh ("In a new post on X, ...") starts
    a message; quotes with no channel are each a message of their own.
    """
    out: dict[str, str] = {}
    for i, c in enumerate(cands):
        prev = cands[i - 1] if i else None
        if (
            prev is not None
            and c.id not in fresh
            and c.channel is not None
            and c.channel == prev.channel
            and _speaker_key(c) is not None
            and _speaker_key(c) == _speaker_key(prev)
            and c.start - prev.end <= INHERIT_SPAN
            and (
                not explicit[c.id]
                or _paragraph_index(ends, c.start) == _paragraph_index(ends, prev.end)
            )
        ):
            out[c.id] = out[prev.id]
        else:
            out[c.id] = c.id
    return out
