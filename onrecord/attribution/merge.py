"""The merge stage: the trained tagger's attributions, corrected where quotation marks make the rules certain.

The tagger (:mod:`onrecord.attribution.tagger`) follows PolNeAR's broad notion
of attribution and finds most of it; the fast rules
(:mod:`onrecord.attribution.rules`, no parse) know quotation marks and British
news conventions exactly but little else. :func:`merge_candidates` starts
from the tagger's attributions and applies the policies of a
:class:`MergePolicy`. Each was measured on PolNeAR dev and on the project's
UK end-to-end articles (``scripts/merge_policies.py`` prints the dev table;
``model/MODEL_CARD.md`` records it); the defaults are those that cost nothing
on dev and fix the end-to-end articles:

1. **quote content** (on): where a rule attributed a quotation through an
   adjacent cue and speaker (``"…," he said`` / ``X said: "…"``) and the
   tagger's attribution of it has the same cue, the rule's content (the text
   inside the marks, with the paragraphs and quotations it continues into)
   replaces the tagger's, and tagger fragments lying inside it go. Not when
   another cue of the tagger lies inside the quotation, or another tagger
   attribution reaches from inside it to outside (the rule joined two
   attributions, or took scare quotes for speech);
2. **cue and source**: a speaker the tagger cut short at ``and``, ``of``,
   ``for`` or a comma is replaced by the rule's whole name (on); filling in a
   missing source or preferring the rule's cue or source (off: each lost
   source F1 on dev);
3. **added rules** (off): rule attributions that no tagger attribution
   overlaps; every rule lost precision on dev;
4. **junk** (on): tagger attributions touching junk ranges are dropped;
5. **quotes over paragraphs** (on): a quotation that runs over several
   paragraphs and that a rule attributed through an adjacent cue and speaker
   (``“…¶ “…¶ “…,” he said``) becomes the rule's one attribution; tagger
   attributions are cut back to what lies outside it. The tagger sees such a
   quote through windows and often splits it or glues its first paragraph to
   the sentence before.

:class:`MergeStage` runs it after the ``tagger`` stage (``accurate`` mode).
Everything here is model-free and works on plain
:class:`~onrecord.work.Candidate` lists, so each policy is unit-tested on
hand-built candidates.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..nlp.quotes import line_paragraphs
from ..work import Candidate, Quotation, Range, Work
from .boundaries import Boundaries, fix_boundaries
from .frames import fix_sources
from .furniture import drop_furniture, strip_edges, subtract
from .interviews import speaks_as_interviewee
from .named_after import speakers_named_after
from .cues import verb_forms
from .rules import find_candidates

__all__ = ["DIRECT_RULES", "MergePolicy", "MergeStage", "merge_candidates", "rule_of"]

#: Rules that attribute a quotation through a cue and speaker next to its marks.
#: Rules whose content is its speaker's own words laid out by the page, with no cue for the tagger to
#: read: an interview's answers, a post embedded and signed "— Name (@handle) date", a transcript's turn.
OWN_WORDS_RULES = frozenset({"interview-answer", "embedded-post", "transcript", "claim-box", "exchange", "letter"})
#: Tagger confidence under which a rule's report inside the tagger's content is added (policy 9): near the
#: floor that drops the tagger's reading after resolution (``floor.py``, 0.11).
NESTED_BELOW = 0.2
DIRECT_RULES = frozenset(
    {"quote-speaker-cue", "quote-cue-speaker", "speaker-cue-colon-quote", "quote-according-to", "name-colon-quote"}
)


@dataclass(frozen=True)
class MergePolicy:
    """Which corrections :func:`merge_candidates` applies (defaults: the best on PolNeAR dev).

    Attributes:
        quote_content: Take the rule's content for a quotation a direct rule
            attributed (policy 1).
        agree: Apply policies 1 and 2 only where the tagger's cue for the
            quotation overlaps the rule's (the two read the same attribution).
        max_outside: Most letters and digits the tagger's content may have
            outside the rule's quotation for policy 1 to apply (more: the
            tagger read a mixed quote or reported speech around it, and is kept).
        fill_cue_source: Rule names whose cue and speaker fill in a missing
            tagger cue or source on the same quotation (policy 2).
        prefer_cue_source: Rule names whose cue and speaker replace the
            tagger's on the same quotation (policy 2).
        prefer_cue: Rule names whose cue alone replaces the tagger's (policy 2).
        extend_source: Rule names whose speaker replaces the tagger's when it
            contains it (the tagger cut a name short: ``Housing and
            Communities`` for ``A spokesperson for the Department for
            Levelling Up, Housing and Communities``; policy 2).
        add: Rule names added where no tagger attribution overlaps (policy 3). Default:
            ``according-to`` ("…, according to two officials familiar with the matter",
            which the tagger can miss after a dateline); PolNeAR dev unchanged with it
            (80.3/73.5/62.9/51.4), one more e2e statement right. And ``source-tag``
            (a gossip item closed by "(Daily Courier)"), which has no cue to tag.
        drop_junk: Drop tagger attributions whose content touches junk (policy 4).
        multi_paragraph: A directly attributed quotation over several
            paragraphs replaces the tagger's reading of it (policy 5).
        according_to_whole: An "according to" content the tagger cut short
            (the start of the rule's, same cue) becomes the rule's (policy 6).
        drop_writer: Drop the tagger's source-less readings of the writer's own
            acts ("When I read …"; :func:`drop_writer`).
        interview_answers: The answers of a question-and-answer interview, and
            posts embedded in the page, are their author's, over the tagger's
            reading of them (policy 7; :data:`OWN_WORDS_RULES`).
        nested: Rule names added where the tagger read the rule's cue and speaker as
            content of another attribution ("has withdrawn a statement in which he
            described the conviction as “a miscarriage of justice”"; policy 9).
        conjuncts: A tagger content the rule's (same cue) continues with a
            conjunct clause ("said his players were “gutted” | and that he had
            asked …") is extended over it (policy 8; :func:`_extend_conjunct`).
        source_as_content: A tagger attribution with no source that read the
            direct rule's source as content ("Mr Ferrity appeared to refer to a
            donation, writing: “…”" tagged [Mr Ferrity] + [“…”]) becomes the
            rule's reading, at the rule's confidence (policy 10).
    """

    quote_content: bool = True
    agree: bool = True
    max_outside: int = 0
    fill_cue_source: frozenset[str] = frozenset()
    prefer_cue_source: frozenset[str] = frozenset()
    prefer_cue: frozenset[str] = frozenset()
    extend_source: frozenset[str] = DIRECT_RULES
    add: frozenset[str] = frozenset({"according-to", "source-tag"})
    drop_junk: bool = True
    multi_paragraph: bool = True
    according_to_whole: bool = True
    interview_answers: bool = True
    drop_writer: bool = True
    conjuncts: bool = True
    nested: frozenset[str] = frozenset({"reported-naming"})
    source_as_content: bool = True


def rule_of(cand: Candidate) -> str:
    """Return the rule name of a rules candidate (``rule:quote-speaker-cue`` -> ``quote-speaker-cue``), else ``""``.

    >>> rule_of(Candidate(content=[(0, 1)], origin="rule:transcript")), rule_of(Candidate(content=[(0, 1)]))
    ('transcript', '')
    """
    return cand.origin[5:] if cand.origin.startswith("rule:") else ""


def _overlap_chars(a: Sequence[Range], b: Sequence[Range]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _outside_alnum(text: str, content: Sequence[Range], cover: Sequence[Range]) -> int:
    """Letters and digits of ``content`` that lie in no range of ``cover``."""
    n = 0
    for s, e in content:
        for i in range(s, e):
            if text[i].isalnum() and not any(cs <= i < ce for cs, ce in cover):
                n += 1
    return n


class _Spans:
    """Candidates sorted by start, for the ones near a range without a scan of all (long articles)."""

    def __init__(self, cands: Sequence[Candidate], key=lambda c: (c.start, c.end)):
        pairs = sorted(((key(c), c) for c in cands if key(c) is not None), key=lambda p: p[0][0])
        self._starts = [k[0] for k, _ in pairs]
        self._items = [(k, c) for k, c in pairs]
        self._longest = max((k[1] - k[0] for k, _ in pairs), default=0)

    def near(self, lo: int, hi: int) -> list[Candidate]:
        """Candidates whose key range overlaps ``[lo, hi)`` (and a few beside it)."""
        i = bisect.bisect_left(self._starts, lo - self._longest)
        j = bisect.bisect_left(self._starts, hi)
        return [c for k, c in self._items[i:j] if k[1] > lo]


def _foreign_cue_within(cands: Sequence[Candidate] | _Spans, span: Range, cue: Range | None) -> bool:
    """Whether some candidate's cue other than ``cue`` lies within ``span``.

    Such a cue means the rule joined quotations that the tagger reads as two
    attributions (``… “A.” She adds, “B.”``), or took scare quotes for speech
    (``“… chanting “U-S-A!”``); the rule's content is then not certain.
    """
    near = cands.near(*span) if isinstance(cands, _Spans) else cands
    for c in near:
        if c.cue and span[0] <= c.cue[0] and c.cue[1] <= span[1] and not (cue and c.cue[0] < cue[1] and cue[0] < c.cue[1]):
            return True
    return False


def _inside(content: Sequence[Range], span: Range) -> bool:
    return all(span[0] <= s and e <= span[1] for s, e in content)


#: Words at which a tagger may cut an organisation's name short ("... for Levelling Up, | Housing and Communities").
NAME_JOINS = frozenset({",", "and", "&", "of", "for"})


#: The writer's own act just before a cue: "When I read …", "I asked her".
_WRITER_BEFORE_CUE = re.compile(r"(?:^|[^\w'’])(?:I|we|We)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?\Z")


def drop_writer(text: str, cands: Sequence[Candidate], quotations: Sequence[Quotation]) -> list[Candidate]:
    """``cands`` without the writer's own acts read as attributions: "When I read Ashby-Reeve's words back
    to Kilbride" (the columnist, outside any quotation marks, is never a source; a tagger reading of
    it without a source would take up the last speaker)."""
    inside = sorted((q.open, q.close if q.close is not None else q.end) for q in quotations)

    def quoted(pos: int) -> bool:
        k = bisect.bisect_right(inside, (pos, len(text) + 1)) - 1
        return k >= 0 and inside[k][0] <= pos < inside[k][1]

    out = []
    for c in cands:
        if c.cue is not None and "model:" in c.origin and c.speaker is None and not quoted(c.cue[0]) \
                and _WRITER_BEFORE_CUE.search(text, max(0, c.cue[0] - 20), c.cue[0]):
            continue
        out.append(c)
    return out


#: A speaker span that is a relative clause ("who chairs the remuneration committee").
_RELATIVE_OPENING = re.compile(r"(?:who|which|whom)\s")


def _clause_for_speaker(text: str, tagged: Candidate) -> bool:
    """Whether the tagger took a whole relative clause about someone else for the speaker of a cue set off
    after it by a comma: "… re-election of Priya Hollander, who chairs the remuneration committee, saying she
    bore …" (the clause is not its own source). A bare relative pronoun right before its cue ("…, who said")
    is the source PolNeAR marks, and stays. (Limiting it to participle cues was tried: PolNeAR dev source
    loose F1 fell 0.1, a poll's "which tracks …" then kept as its source.)"""
    sp, cue = tagged.speaker, tagged.cue
    if sp is None or cue is None or _RELATIVE_OPENING.match(text, sp[0]) is None:
        return False
    return len(text[sp[0] : sp[1]].split()) > 2 and "," in text[sp[1] : cue[0]]


def _nearer_participle_subject(text: str, tagged: Candidate, ruled: Candidate) -> bool:
    """Whether, for the same participle cue, the rule found the subject of the clause it closes between the
    tagger's (the sentence's opening subject) and the cue: "He began reading … until Board Chair Mark Haldane
    switched off the microphone, saying …" is Haldane's."""
    a, b, cue = tagged.speaker, ruled.speaker, tagged.cue
    if a is None or b is None or cue is None or ruled.cue != cue or not text[cue[0] : cue[1]].endswith("ing"):
        return False
    return a[1] <= b[0] and b[1] <= cue[0]


def _took_far_quotation(text: str, hits: Sequence[Candidate], ruled: Candidate) -> bool:
    """Whether a tagged attribution holds the rule's whole quotation as one of several pieces while its own
    cue lies paragraphs away, past the paragraph where the rule's cue and speaker introduce it."""
    for c in hits:
        if len(c.content) < 2 or c.cue is None:
            continue
        inside = [p for p in c.content if p[0] < ruled.end and ruled.start < p[1]]
        if len(inside) != 1 or not (inside[0][0] >= ruled.start - 2 and inside[0][1] <= ruled.end + 2):
            continue
        lo, hi = sorted((ruled.end, c.cue[0])) if c.cue[0] > ruled.end else (c.cue[1], ruled.start)
        if text.count("\n", lo, hi) >= 2 and ruled.cue is not None and ruled.cue[1] <= ruled.start:
            return True
    return False


def _speaker_lines_away(text: str, tagged: Candidate, ruled: Candidate) -> bool:
    r"""Whether the tagger took its speaker from a line above its cue where the rule found one beside it, or
    from a paragraph after its content where the rule found one before it ("The company’s first post read: /
    “…” / Marisol Venner … wrote in a blog post …").

    "Commuters to protest" (a subhead) / "Aparna Iyengar, convenor of …, said …":
    the tagger's "Commuters" is a heading word; the rule's speaker stands on
    the cue's own line.

    >>> t = "Commuters to protest\nAparna Iyengar said the forum would march."
    >>> _speaker_lines_away(t, Candidate([(42, 65)], cue=(36, 40), speaker=(0, 9)),
    ...                     Candidate([(42, 65)], cue=(36, 40), speaker=(21, 35)))
    True
    """
    a, b = tagged.speaker, ruled.speaker
    if a is None or b is None or tagged.cue is None or ruled.cue is None:
        return False
    if tagged.content and a[0] >= tagged.end and "\n" in text[tagged.end : a[0]] and b[1] <= ruled.start:
        return True  # the tagger's speaker in a paragraph after the quotation, the rule's "… read:" before it
    return a[1] <= tagged.cue[0] and "\n" in text[a[1] : tagged.cue[0]] and "\n" not in text[b[1] : ruled.cue[0]] \
        and "\n" not in text[min(b[0], ruled.cue[0]) : max(b[1], ruled.cue[1])]


_TOLD = re.compile(r"(?:told|tells?|telling)\Z", re.I)


def _reported_side_source(text: str, tagged: Candidate, ruled: Candidate) -> bool:
    """Whether the tagger took something on the reported side of the cue for the speaker, where the rule, for
    the same cue, found the subject before it: the addressee of "told" ("Ato Gemechu Bekele Tufa, head of the
    … Bureau, told Addis Standard that …" is Gemechu's, not the newspaper's), a relative clause or a name
    inside what was said.

    >>> t = "Gemechu Tufa told Addis Standard that only 12,500 quintals had been delivered."
    >>> _reported_side_source(t, Candidate([(33, 78)], cue=(13, 17), speaker=(18, 23)),
    ...                       Candidate([(38, 78)], cue=(13, 17), speaker=(0, 12)))
    True
    """
    a, b, cue = tagged.speaker, ruled.speaker, tagged.cue
    if a is None or b is None or cue is None or ruled.cue != cue or not (b[1] <= cue[0] and cue[1] <= a[0]):
        return False
    if _RELATIVE_OPENING.match(text, a[0]):
        return True  # "It said TrackLink, [which owns the track], had no record …": a clause inside what was said
    if tagged.content and tagged.content[0][0] < a[0] and a[1] < tagged.content[-1][1]:
        return True  # "The judge found that the Clarion’s reporter, [Gareth Yelland], had put …": inside it too
    return _TOLD.search(text, cue[0], cue[1]) is not None and not text[cue[1] : a[0]].strip()


_CAPITALISED_WORDS = re.compile(r"(?:[A-Z][\w'’.&-]*\s+)+")
_PRONOUNS = frozenset("i we he she they it you".split())
#: Capitalised words before a name that are no part of it: "On Tuesday she said", "In May Smith said".
_NOT_NAME_PARTS = frozenset(
    "on in at by the a an as after before since during monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december".split()
)


def _name_cut_short(text: str, tagged: Candidate, ruled: Candidate) -> bool:
    """Whether the tagger's speaker is the last word or words of the rule's, a capitalised name it cut short on
    the left ("Lydonia" of "Fair Borrowing Lydonia said").

    >>> t = "Consumer group Fair Borrowing Lydonia said lenders had been quick."
    >>> _name_cut_short(t, Candidate([(43, 65)], cue=(38, 42), speaker=(30, 37)),
    ...                 Candidate([(43, 65)], cue=(38, 42), speaker=(15, 37)))
    True
    """
    a, b = tagged.speaker, ruled.speaker
    if a is None or b is None or a[1] != b[1] or not b[0] < a[0] or tagged.cue != ruled.cue \
            or not text[a[0]].isupper() or text[a[0] : a[1]].lower() in _PRONOUNS:
        return False  # (not "she" of "On Tuesday she said")
    words = _CAPITALISED_WORDS.fullmatch(text, b[0], a[0])
    return words is not None and not any(w.lower().strip(".") in _NOT_NAME_PARTS for w in words.group().split())


def _extends_name(text: str, tagged: Candidate, ruled: Candidate) -> bool:
    """Whether the rule's speaker is the tagger's, a name cut at a join word, made whole.

    The tagger's speaker must lie inside the rule's, and every cut (left,
    right) must fall at a comma, ``and``, ``&``, ``of`` or ``for``.

    >>> t = "A spokesperson for the Department for Levelling Up, Housing and Communities said:"
    >>> _extends_name(t, Candidate([(0, 1)], speaker=(52, 75)), Candidate([(0, 1)], speaker=(0, 75)))
    True
    >>> _extends_name(t, Candidate([(0, 1)], speaker=(0, 50)), Candidate([(0, 1)], speaker=(0, 75)))
    True
    >>> t = "Even now at 86 she still says things"
    >>> _extends_name(t, Candidate([(0, 1)], speaker=(15, 18)), Candidate([(0, 1)], speaker=(0, 18)))
    False
    """
    a, b = tagged.speaker, ruled.speaker
    if a is None or b is None or a == b or not (b[0] <= a[0] and a[1] <= b[1]):
        return False
    if tagged.cue and b[0] < tagged.cue[1] and tagged.cue[0] < b[1]:
        return False
    if a[0] > b[0]:
        before = text[b[0] : a[0]].rstrip()
        if not text[a[0]].isupper() or not _ends_with_join(before):
            return False
    if a[1] < b[1]:
        inner, after = text[a[0] : a[1]].rstrip(), text[a[1] : b[1]].lstrip()
        first = after.split(None, 1)[0].lower() if after.split() else ""
        if not (_ends_with_join(inner) or after[:1] in NAME_JOINS or first in NAME_JOINS):
            return False
    return True


def _over_paragraphs(text: str, cand: Candidate) -> bool:
    r"""Whether ``cand`` is one quotation over several paragraphs, its cue outside it.

    >>> t = '“One.\n\n“Two,” he said.'
    >>> _over_paragraphs(t, Candidate([(1, 5), (8, 12)], cue=(17, 21)))
    True
    >>> t = '“One,” he said, “two.”'
    >>> _over_paragraphs(t, Candidate([(1, 5), (17, 21)], cue=(10, 14)))
    False
    """
    gaps = [text[a[1] : b[0]] for a, b in zip(cand.content, cand.content[1:])]
    inside = cand.cue is not None and cand.start < cand.cue[0] < cand.end
    return bool(gaps) and all("\n" in g for g in gaps) and not inside


def _broken(text: str, hits: Sequence[Candidate], span: Range) -> bool:
    """Whether the tagger split a quotation (two or more attributions in it) or glued it to text outside."""
    return len(hits) > 1 or any(_outside_alnum(text, c.content, [span]) for c in hits)


#: Words that cannot be a source on their own (a tagger's cut-off source span).
FUNCTION_WORDS = frozenset("the a an and but or of to in on at for with by as that this these those".split())


def _function_words_only(text: str, span: Range) -> bool:
    """Whether ``text[span]`` holds no word but articles, conjunctions and prepositions.

    >>> _function_words_only("The MP", (0, 3)), _function_words_only("The MP", (0, 6))
    (True, False)
    """
    words = text[span[0] : span[1]].lower().split()
    return bool(words) and all(w.strip(",.;:") in FUNCTION_WORDS for w in words)


def _ends_with_join(s: str) -> bool:
    return bool(s) and (s[-1] in NAME_JOINS or s.rsplit(None, 1)[-1].lower() in NAME_JOINS)


#: The end of a sentence: a full stop, question or exclamation mark (and a closing mark) before a space.
_SENTENCE_END = re.compile(r"[.!?](?=[\"”’']?\s)")


def _merged_answer(text: str, r: Candidate, hits: Sequence[Candidate]) -> Candidate | None:
    """An interview answer or embedded post (:data:`OWN_WORDS_RULES`) over the tagger's reading of it.

    The tagger, which never saw an interview, reads an answer's sentences as
    contents of cues elsewhere or of none. Its attributions that lie wholly in
    the answer and quote someone ("my mother said, ‘…’": cue, speaker and a
    quotation mark before the content) are kept and their words left out of
    the answer; the others are dropped.
    """
    span = (r.start, r.end)
    content = list(r.content)

    def within(piece: Range | None) -> bool:
        return piece is not None and any(s <= piece[0] and piece[1] <= e for s, e in r.content)

    speech = verb_forms()
    for c in hits:
        quoted = text[max(0, c.start - 2) : c.start].strip()[-1:] in "“‘\"'«"
        # in a transcript's turn, "The Treasurer says he's watching …" reports someone else with a
        # real speech verb even without quotation marks
        said = rule_of(r) == "transcript" and c.cue is not None \
            and speech.get(text[c.cue[0] : c.cue[1]].split()[-1].lower(), ("", ""))[1] == "speech"
        # a reader's letter reports others with any cue: "The Traders' Association said in its bulletin that …",
        # "which she thought (foolishly) only she would see"
        said = said or (rule_of(r) == "letter" and c.cue is not None)
        first_person = speaks_as_interviewee(text, c) and not (rule_of(r) == "letter" and c.speaker is not None)
        if within(c.cue) and within(c.speaker) and (quoted or said) and not first_person:
            if said and not quoted and rule_of(r) == "letter":
                # "Dalesway says the route is no longer viable. If that is so, the council must …": the
                # letter's writer speaks again after the sentence that reports someone
                stop = _SENTENCE_END.search(text, c.cue[1])
                if stop is not None:
                    c.content = [p for p in ((a, min(b, stop.start() + 1)) for a, b in c.content) if p[1] > p[0]]
            for piece in c.content:
                content = subtract(content, piece)
        else:  # the tagger's misreading: what it shares with the answer is the answer's
            for piece in r.content:
                c.content = subtract(c.content, piece)
            c.content = [p for p in (strip_edges(text, q) for q in c.content) if p and any(ch.isalnum() for ch in text[p[0]:p[1]])]
    content = [p for p in content if p[1] - p[0] > 1]
    return replace(r, content=content) if content else None


def _extend_to_rule(text: str, hits: Sequence[Candidate], r: Candidate) -> None:
    """The tagger's content, when it is the start of the rule's "according to" content with the same cue, becomes the rule's.

    "According to charging documents, Ostrowski had been drinking …, and a
    breath test … showed …": the tagger stops at the first clause.
    """
    if r.cue is None:
        return
    for c in hits:
        if c.cue == r.cue and c.content and c.start >= r.start and c.end < r.end and _inside(c.content, (r.start, r.end)):
            c.content = list(r.content)
            if "+rule:" not in c.origin:
                c.origin = f"{c.origin}+{r.origin}"


_CONJUNCT = re.compile(r"[\s,;]*(?:and|but)\s+(?:that|also|then|would|had|was|is|will|could)\b")


def _extend_conjunct(text: str, hits: Sequence[Candidate], r: Candidate) -> None:
    """Extend the tagger's content over the conjunct clause the rule's content (same cue) goes on with.

    "The 30-year-old number eight said his players were “absolutely gutted”
    and that he had asked referee Tomás Keane for …": the tagger can stop
    before the second clause of the same report; nothing else of the tagger's
    may lie in the stretch taken.
    """
    if r.cue is None:
        return
    for c in hits:
        if not (c.cue and c.cue[0] < r.cue[1] and r.cue[0] < c.cue[1]) or not c.content:
            continue
        if not (c.start >= r.start and c.end < r.end and _inside(c.content, (r.start, r.end))):
            continue
        if not _CONJUNCT.match(text, c.end) or any(o is not c and o.content and o.start < r.end and o.end > c.end
                                                   for o in hits):
            continue
        c.content = [*c.content[:-1], (c.content[-1][0], r.end)]
        if "+rule:" not in c.origin:
            c.origin = f"{c.origin}+{r.origin}"


def merge_candidates(
    text: str,
    tagged: Sequence[Candidate],
    ruled: Sequence[Candidate],
    junk: Sequence[Range] = (),
    policy: MergePolicy | None = None,
) -> list[Candidate]:
    """Merge the tagger's and the fast rules' attributions of one document.

    Args:
        text: The document (offsets index it).
        tagged: The tagger's candidates (not modified).
        ruled: The fast rules' candidates (not modified).
        junk: Junk ranges (``Work.junk``).
        policy: The corrections to apply; :class:`MergePolicy` defaults when None.

    Returns:
        New candidates in text order; their ``origin`` says which source
        decided (``model:…``, ``rule:…``, or ``model:…+rule:…`` for a merge).
    """
    opt = policy or MergePolicy()
    out = [replace(c, content=list(c.content)) for c in tagged]
    if opt.drop_junk and junk:
        junk_starts = sorted(junk)
        out = [c for c in out if not _touches(c.content, junk_starts)]
    by_content = _Spans(out)
    by_cue = _Spans(tagged, key=lambda c: c.cue)
    added: list[Candidate] = []
    for r in sorted(ruled, key=lambda c: c.start):
        rule = rule_of(r)
        hits = [c for c in by_content.near(r.start, r.end) if c.content and _overlap_chars(c.content, r.content)]
        if rule in OWN_WORDS_RULES and opt.interview_answers:
            answer = _merged_answer(text, r, hits)
            if answer is not None:
                added.append(answer)
            continue
        if not hits:
            if rule in opt.add:
                added.append(replace(r, content=list(r.content)))
            continue
        if rule in opt.nested and r.cue and r.speaker and all(
                c.start <= r.cue[0] and r.cue[1] <= c.end and c.confidence < NESTED_BELOW for c in hits):
            # "has withdrawn [a statement in which he described the conviction as “a miscarriage of justice”]":
            # the tagger took the rule's cue and speaker for content; the report inside stands on its own
            added.append(replace(r, content=list(r.content)))
            continue
        if r.speaker is not None:
            for c in hits:  # "… and said X": the tagger kept only "the" of "The Labour MP"
                if c.speaker is not None and (_function_words_only(text, c.speaker)
                                              or _speaker_lines_away(text, c, r)
                                              or _clause_for_speaker(text, c)
                                              or _nearer_participle_subject(text, c, r)
                                              or _reported_side_source(text, c, r)
                                              or _name_cut_short(text, c, r)):
                    c.speaker = r.speaker
                    if "+rule:" not in c.origin:
                        c.origin = f"{c.origin}+{r.origin}"
        if rule == "according-to" and opt.according_to_whole:
            _extend_to_rule(text, hits, r)
        if opt.conjuncts:
            _extend_conjunct(text, hits, r)
        if rule not in DIRECT_RULES:
            continue
        if opt.source_as_content and r.speaker and r.cue:
            taken = [c for c in hits if c.speaker is None and c.cue and c.cue[0] < r.cue[1] and r.cue[0] < c.cue[1]
                     and _overlap_chars(c.content, [r.speaker])]
            if taken:
                c = taken[0]
                c.content, c.speaker, c.kind = list(r.content), r.speaker, r.kind
                c.confidence = max(c.confidence, r.confidence)
                c.origin = f"{c.origin}+{r.origin}"
                continue
        span = (r.start, r.end)
        if opt.quote_content and opt.multi_paragraph and r.cue and r.speaker and _over_paragraphs(text, r) \
                and _broken(text, hits, span) and not _foreign_cue_within(by_cue, span, r.cue):
            agreeing = [c for c in hits if c.cue and c.cue[0] < r.cue[1] and r.cue[0] < c.cue[1]]
            main = max(agreeing or hits, key=lambda c: _overlap_chars(c.content, r.content))
            whole = replace(r, content=list(r.content), confidence=main.confidence,
                            origin=f"{main.origin}+{r.origin}", attribution=main.attribution)
            for c in hits:
                c.content = [t for t in (strip_edges(text, piece) for piece in subtract(c.content, span)) if t]
            added.append(whole)
            continue
        if r.cue and r.speaker and _took_far_quotation(text, hits, r):
            # "The company’s first status-page post read: / “Investigating — …” / … / “We let our customers
            # down,” Marisol Venner … wrote": the tagger joined the post to a quotation paragraphs later
            for c in hits:
                c.content = [t for t in (strip_edges(text, piece) for piece in subtract(c.content, span)) if t]
            added.append(replace(r, content=list(r.content)))
            continue
        if opt.agree:  # the tagger's attribution with the rule's cue; none: the two disagree
            hits_agreeing = [c for c in hits if c.cue and r.cue and c.cue[0] < r.cue[1] and r.cue[0] < c.cue[1]]
            if not hits_agreeing:
                continue
            main = max(hits_agreeing, key=lambda c: _overlap_chars(c.content, r.content))
        else:
            main = max(hits, key=lambda c: _overlap_chars(c.content, r.content))
        merged = False
        span = (r.start, r.end)
        if opt.quote_content and _outside_alnum(text, main.content, r.content) <= opt.max_outside \
                and not _foreign_cue_within(by_cue, span, r.cue) \
                and all(_inside(c.content, span) for c in hits if c is not main) \
                and not (r.cue and span[0] < r.cue[0] < span[1]
                         and not _overlap_chars(main.content, [p for p in r.content if p[1] <= r.cue[0]])):
            for c in hits:
                if c is not main and _inside(c.content, span):
                    c.content = []  # a fragment of the rule's quotation: dropped below
            if main.content != r.content:
                main.content = list(r.content)
                main.kind = r.kind
                merged = True
        if rule in opt.prefer_cue_source and r.cue:
            main.cue, main.speaker = r.cue, r.speaker
            merged = True
        elif rule in opt.prefer_cue and r.cue and main.cue != r.cue:
            main.cue = r.cue
            merged = True
        if rule in opt.fill_cue_source:
            if main.cue is None and r.cue is not None:
                main.cue = r.cue
                merged = True
            if main.speaker is None and r.speaker is not None:
                main.speaker = r.speaker
                merged = True
        if rule in opt.extend_source and _extends_name(text, main, r):
            main.speaker = r.speaker
            merged = True
        if merged and "+rule:" not in main.origin:
            main.origin = f"{main.origin}+{r.origin}"
    out = [c for c in out if c.content]
    out.extend(added)
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _touches(content: Sequence[Range], ranges: list[Range]) -> bool:
    """Whether ``content`` overlaps one of the sorted, disjoint ``ranges``."""
    for s, e in content:
        k = bisect.bisect_left(ranges, (e,))
        if k > 0 and ranges[k - 1][1] > s:
            return True
    return False


class MergeStage:
    """Pipeline stage after the tagger: its attributions merged with the fast rules' (see the module docstring).

    Reads ``Work.candidates`` as the tagger's, runs the fast rules (no parse)
    on the same document and replaces the candidates with the merge. It runs
    after the ``tagger`` stage rather than wrapping it, so that the tagger
    keeps its own name, options (``device``) and fallback in the pipeline.

    The merged contents then get the boundary corrections of
    :mod:`onrecord.attribution.boundaries`.

    Args:
        policy: The merge policy; the dev-selected :class:`MergePolicy` by default.
        boundaries: The boundary corrections; the dev-selected :class:`Boundaries` by default.
    """

    name = "merge"
    needs = ("clean", "quotations", "candidates")
    gives = ("candidates",)
    #: a failure leaves the tagger's candidates as they were (merge_candidates builds a new list)
    critical = False

    def __init__(self, policy: MergePolicy | None = None, boundaries: Boundaries | None = None):
        self.policy = policy or MergePolicy()
        self.boundaries = boundaries or Boundaries()

    def __call__(self, work: Work) -> None:
        """Merge one document's tagger candidates with its fast rules."""
        text = work.clean or work.text
        paragraphs = work.paragraphs or line_paragraphs(text)
        ruled = find_candidates(text, paragraphs, work.quotations)
        merged = merge_candidates(work.text, work.candidates, ruled, work.junk, self.policy)
        fixed = fix_sources(work.text, fix_boundaries(work.text, merged, work.quotations, self.boundaries), ruled)
        # "By" of "By Chris Ashworth, … reporter", left of a content the corrections cut down: never a quote
        work.candidates = drop_furniture(work.text, fixed) if self.policy.drop_junk else fixed
        if self.policy.drop_writer:
            work.candidates = drop_writer(work.text, work.candidates, work.quotations)
        work.candidates = speakers_named_after(work.text, paragraphs, work.candidates)
