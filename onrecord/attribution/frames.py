"""Sources inside a frame: who asked is never who answered, nor is a relative clause's object the subject.

"Responding to a question from Senator Peter Gichuru, Cabinet Secretary Naomi
Koros told the Senate that …" and "Asked by Villaraza who …, she said …" open
with the person who asked. A tagger may take that person into the source span
(or the whole frame into the cue), and the name it meets first is then the
asker's. :func:`free_answerers` moves such a source to the words between the
frame's closing comma and the cue, where the answerer stands, and cuts the cue
down to what follows them. Nothing is added: every offset still points into
the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..work import Candidate, Range

__all__ = [
    "complete_titles",
    "detach_distant_sources",
    "fix_sources",
    "free_answerers",
    "free_labelled_subjects",
    "free_relative_sources",
    "question_frame",
    "replace_false_sources",
]

#: A sentence opened by who asked: "Responding to a question from …", "In reply to questions by …",
#: "Asked by …", "Pressed by …". Hand-written from news usage.
_FRAME = re.compile(
    r"[\"“‘']?(?:(?:Responding|Replying|In\s+response|In\s+reply)\s+to\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:questions?|query|queries|request)\s+(?:from|by)"
    r"|(?:Asked|Questioned|Pressed|Quizzed|Challenged)\s+by)\s+"
)
#: Where a sentence ends, so that a frame is only looked for at a sentence's start.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+|\n")
#: Most words between the frame's comma and the cue that can be the answerer ("Energy and Petroleum
#: Cabinet Secretary Naomi Koros"); more is a clause, not a name.
MAX_ANSWERER_WORDS = 12
#: How far back a frame may open before the source (characters).
MAX_FRAME_CHARS = 400


#: Words whose full stop ends no sentence ("Adv. Priya Nanda", "Dr Tajudeen"); initials count too ("S.K.").
_ABBREVIATIONS = frozenset("adv dr mr mrs ms prof st sgt gen lt col capt rev hon sen rep gov jr sr no inc ltd co smt shri".split())


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (looking back at most :data:`MAX_FRAME_CHARS`)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - MAX_FRAME_CHARS), pos):
        if text[m.start()] == ".":
            word = re.search(r"[\w]+$", text[max(0, m.start() - 12) : m.start()])
            if word and (len(word.group()) == 1 or word.group().lower() in _ABBREVIATIONS):
                continue
        start = m.end()
    return start


def question_frame(text: str, pos: int) -> tuple[Range, Range] | None:
    """The asker's part and the answerer's part of a question frame before ``pos``, if one opens the sentence.

    Returns ``((asker_start, asker_end), (answerer_start, answerer_end))``:
    the asker runs from the frame's words to its comma, the answerer from
    after that comma to ``pos`` (white space trimmed).

    >>> t = "Asked by Villaraza who signed, she said no."
    >>> (a, b) = question_frame(t, t.index(" said"))
    >>> t[a[0]:a[1]], t[b[0]:b[1]]
    ('Villaraza who signed', 'she')
    """
    start = _sentence_start(text, pos)
    frame = _FRAME.match(text, start, pos)
    if frame is None:
        return None
    depth = 0
    for i in range(frame.end(), pos):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            lo, hi = i + 1, pos
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            words = text[lo:hi].split()
            if not words or len(words) > MAX_ANSWERER_WORDS or "," in text[lo:hi]:
                return None
            return (frame.end(), i), (lo, hi)
    return None


def free_answerers(text: str, cands: Iterable[Candidate]) -> list[Candidate]:
    """``cands`` with each source found in a question frame's asker moved to its answerer.

    A candidate changes only when its source overlaps the asker and the cue
    ends after the answerer; the cue then keeps its part after the answerer
    ("Asked by …, she said" as one cue becomes "said").
    """
    out = []
    for c in cands:
        if c.speaker is None or c.cue is None:
            out.append(c)
            continue
        cue_start = c.cue[0] if c.cue[0] > c.speaker[1] else c.speaker[1]
        found = question_frame(text, max(cue_start, c.speaker[0]))
        if found is None and c.cue[0] <= c.speaker[0]:
            # the cue swallowed the frame ("Asked by …, she said"): its last word is the verb
            verb = text.rfind(" ", c.cue[0], c.cue[1]) + 1
            found = question_frame(text, verb) if verb > c.speaker[1] else None
        if found is None:
            out.append(c)
            continue
        asker, answerer = found
        if not (c.speaker[0] < asker[1] and asker[0] < c.speaker[1]) or c.cue[1] <= answerer[1]:
            out.append(c)
            continue
        cue = c.cue
        if cue[0] < answerer[1]:
            lo = answerer[1]
            while lo < cue[1] and text[lo].isspace():
                lo += 1
            cue = (lo, cue[1])
        out.append(replace(c, speaker=answerer, cue=cue))
    return out


#: A relative clause opening after its antecedent: "S.K. Bhatia, president of …, who was accompanied by …".
_RELATIVE = re.compile(r",\s+(?:who|whose|which)\s")
#: Most words an antecedent may have to be taken as the source.
MAX_ANTECEDENT_WORDS = 25


def free_relative_sources(text: str, cands: Iterable[Candidate]) -> list[Candidate]:
    """``cands`` with a source read inside a relative clause moved to the clause's antecedent.

    "Name, president of …, who was accompanied by the association's counsel
    Adv. Priya Nanda, said the buyers would …": the name just before ", said"
    closes the relative clause; the subject is the antecedent before ", who".
    A candidate changes only when nothing but a comma stands between its
    source and its cue, the source lies in the last relative clause of the
    sentence with no comma of its own before it, and the antecedent is short.
    """
    out = []
    for c in cands:
        s = c.speaker
        if s is None or c.cue is None or c.cue[0] < s[1] or text[s[1] : c.cue[0]].strip() not in (",", ""):
            out.append(c)
            continue
        if "," not in text[s[1] : c.cue[0]] and text[s[1] - 1 : s[1]] != ",":
            out.append(c)
            continue
        start = _sentence_start(text, s[0])
        rel = None
        for m in _RELATIVE.finditer(text, start, s[0]):
            rel = m
        if rel is None or "," in text[rel.end() : s[0]]:
            out.append(c)
            continue
        lo = start
        while lo < rel.start() and (text[lo].isspace() or text[lo] in "\"“‘'"):
            lo += 1
        words = text[lo : rel.start()].split()
        if not words or len(words) > MAX_ANTECEDENT_WORDS or not any(w[:1].isupper() for w in words):
            out.append(c)
            continue
        out.append(replace(c, speaker=(lo, rel.start())))
    return out


#: An unnamed source's noun phrase and its request, right before a source read from the request's last word on:
#: "A nurse who asked not to be | named, who works in …, said".
_UNNAMED_BEFORE = re.compile(
    r"(?P<np>(?:A|An|One|The|Another|a|an|one|the|another)\s+[^,.;:\n\"“”]{1,60}?)\s+who\s+(?:asked|declined|requested|wished)"
    r"\s+not\s+to\s+be\s+\Z"
)


def free_unnamed_sources(text: str, cands: Iterable[Candidate]) -> list[Candidate]:
    """``cands`` with a source that begins inside "who asked not to be named" moved to the person who asked
    ("A nurse who asked not to be | named, who works in the emergency department …, | said": a nurse)."""
    out = []
    for c in cands:
        s = c.speaker
        unnamed = None
        if s is not None and re.match(r"(?:named|identified)\b", text[s[0] : s[1]]):
            unnamed = _UNNAMED_BEFORE.search(text, max(0, s[0] - 120), s[0])
        out.append(replace(c, speaker=unnamed.span("np")) if unnamed is not None else c)
    return out


#: A title that cannot be a source by itself, and the name after it: "Barrister| Chinedu Okonkwo-Bello".
_TITLE_ONLY = re.compile(
    r"(?i:barrister|chief|alhaji|otunba|hon|dr|prof|professor|justice|judge|senator|sen|rep|gov|governor"
    r"|mayor|minister|president|sir|dame|lord|lady|mr|mrs|ms|miss|smt|shri|adv)\.?"
)
#: A capitalised particle opening a surname, just before a source that starts in lower case ("De los Ríos").
_PARTICLE_BEFORE = re.compile(r"\b(?:De|Du|Van|Von|Le|La|Da|Di|Del|Della|Dos|Das)[ \u00a0]\Z")
#: Words and marks a source span cannot end with.
_DANGLING = re.compile(r"(?:[\s,;:]+(?:the|a|an|and|or|of|to|for|with|by))*[\s,;:]*\Z|(?:[\s,;:]+(?:the|a|an|and|or|of))+[\s,;:]*$")
_NAME_AFTER = re.compile(r"[ \u00a0]+[A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,3}")


def complete_titles(text: str, cands: Iterable[Candidate]) -> list[Candidate]:
    """``cands`` with a source that is only a title extended over the name after it ("Barrister" of
    "Barrister Chinedu Okonkwo-Bello, the PRC urged …" was the tagger's whole source)."""
    out = []
    for c in cands:
        s = c.speaker
        if s is not None:
            # "the Confédération française des salariés (CFS), the": a source never ends in "the" or a comma
            tail = _DANGLING.search(text, s[0], s[1])
            if tail and tail.start() > s[0]:
                s = (s[0], tail.start())
                c = replace(c, speaker=s)
        if s is not None:
            # "De| los Ríos said": the tagger left the particle that opens the surname outside the source
            before = _PARTICLE_BEFORE.search(text, max(0, s[0] - 8), s[0])
            if before and text[s[0] : s[1]][:1].islower():
                s = (before.start(), s[1])
                c = replace(c, speaker=s)
        if s is not None and _TITLE_ONLY.fullmatch(text[s[0] : s[1]]):
            name = _NAME_AFTER.match(text, s[1])
            if name and (c.cue is None or name.end() <= c.cue[0] or c.cue[1] <= s[0]):
                c = replace(c, speaker=(s[0], name.end()))
        out.append(c)
    return out


#: A transcript's label before the sentence it heads: "REPORTER: Dr Raghavan says …".
_LABEL_COLON = re.compile(r"\s*:\s+")
#: Most words of the subject between a label and its cue.
MAX_SUBJECT_WORDS = 8


def free_labelled_subjects(text: str, cands: Iterable[Candidate]) -> list[Candidate]:
    """``cands`` with a source that is a transcript label moved to the subject after it.

    "REPORTER: Dr Raghavan says most banks …": the tagger took the label for
    the source; the reporter only relays what Dr Raghavan says.
    """
    out = []
    for c in cands:
        s = c.speaker
        colon = _LABEL_COLON.match(text, s[1]) if s is not None else None
        if colon and c.cue is not None and c.cue[1] > colon.end() and text[s[0] : s[1]].isupper():
            cue = c.cue
            if cue[0] < colon.end():  # the cue swallowed the label's colon and the subject: its last word is the verb
                cue = (text.rfind(" ", cue[0], cue[1]) + 1, cue[1])
            words = text[colon.end() : cue[0]].split()
            if 0 < len(words) <= MAX_SUBJECT_WORDS and words[0][:1].isupper():
                c = replace(c, speaker=(colon.end(), colon.end() + len(" ".join(words))), cue=cue)
        out.append(c)
    return out


def detach_distant_sources(text: str, cands: Iterable[Candidate], ruled: Iterable[Candidate] = ()) -> list[Candidate]:
    """``cands`` without a source that stands in another paragraph than its cue.

    A cue and its source share a sentence; the tagger's pointer can still join
    a "said" to a name several paragraphs on ("Dana Quillfeather" for "A
    senior administration official, …, said"). Such a source is replaced by
    the one a rule in ``ruled`` found for the same cue, or dropped, rather
    than kept to misattribute.
    """
    by_cue = [r for r in ruled if r.cue is not None and r.speaker is not None]
    out = []
    for c in cands:
        if c.speaker is not None and c.cue is not None and "rule:" not in c.origin:  # a rule's span is deliberate
            lo, hi = min(c.speaker[0], c.cue[0]), max(c.speaker[1], c.cue[1])
            if "\n" in text[lo:hi]:
                rule = next((r for r in by_cue if r.cue[0] < c.cue[1] and c.cue[0] < r.cue[1]), None)
                c = replace(c, speaker=rule.speaker if rule is not None else None)
        out.append(c)
    return out


#: A source that only says when: "…, a provider of …, today announced" (the tagger's pointer stops at the
#: word next to the cue).
_WHEN = re.compile(r"(?i)(?:today|yesterday|tonight|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)")


#: "according to" just before a source: where a quotation was relayed ("…,” the official said, according to
#: the network.").
_ACCORDING_BEFORE = re.compile(r"(?i)according\s+to\s+$")


#: Who signed a statement, just before a source: "in a statement signed by his Special Adviser on Media, | Mr
#: X" (the statement is the governor's, not the adviser's).
_SIGNED_BEFORE = re.compile(r"(?i)\bsigned\s+by\s+(?:[^,.;\n]{0,70},\s*)?$")


def replace_false_sources(text: str, cands: Iterable[Candidate], ruled: Iterable[Candidate] = ()) -> list[Candidate]:
    """``cands`` with a source that is only a day ("today announced"), the outlet after "according to"
    that relayed another cue's words ("the official said, according to the network") or the aide who signed
    a statement ("The governor, in a statement signed by his adviser, Mr X, said"), replaced by the one a
    rule in ``ruled`` found for the same cue, or dropped."""
    by_cue = [r for r in ruled if r.cue is not None and r.speaker is not None]
    out = []
    for c in cands:
        relayed = c.speaker is not None and c.cue is not None and not text[c.cue[0] : c.cue[1]].lower().startswith(
            "according") and (_ACCORDING_BEFORE.search(text, max(0, c.speaker[0] - 20), c.speaker[0]) is not None
                              or _SIGNED_BEFORE.search(text, max(0, c.speaker[0] - 90), c.speaker[0]) is not None)
        if c.cue is not None and text[c.cue[0] : c.cue[1]].lower().startswith("according"):
            # "“…,” the official said, according to the network": the official spoke; the network relayed it
            said = next((r for r in by_cue if r.cue[1] <= c.cue[0] and not text[r.cue[1] : c.cue[0]].strip(" ,")
                         and any(cs < re_ and rs < ce for cs, ce in c.content for rs, re_ in r.content)), None)
            if said is not None:
                c = replace(c, cue=said.cue, speaker=said.speaker)
        elif c.speaker is not None and c.cue is not None and (relayed or _WHEN.fullmatch(text[c.speaker[0] : c.speaker[1]])):
            rule = next((r for r in by_cue if r.cue[0] < c.cue[1] and c.cue[0] < r.cue[1]), None)
            c = replace(c, speaker=rule.speaker if rule is not None else None)
        out.append(c)
    return out


#: A record that shows what someone said: "Hansard shows", "records showed", "minutes reveal".
_RECORD_CUE = re.compile(r"(?i)(?:shows?|showed|reveal(?:s|ed)?|records?|recorded|confirms?|confirmed)")
#: Who the record shows speaking, and the cue, at the start of its content: "Mr Thwaite told senators at that
#: hearing (that) …".
_SPEAKER_IN_RECORD = re.compile(
    r"(?P<sp>(?:(?:Mr|Mrs|Ms|Dr|Senator|Sen\.|Rep\.|Judge)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"\s+(?:had\s+)?(?P<cue>told|said|wrote|admitted|claimed|assured|insisted)\b"
)
#: The opening of the reported clause after a listener: "… senators at that hearing | the project was …".
_CLAUSE_OPENING = re.compile(
    r"\b(?:that\s+)?(?P<clause>(?:the|he|she|it|they|his|her|its|their|this|a|an)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:was|were|is|are|had|has|would|will|could|should|did)\b)"
)


#: The content of a self-identification: "(identified) herself as Carol".
_SELF_NAMING = re.compile(r"(?:herself|himself|themselves)\s+(?:only\s+)?as\s+[A-Z]")


def record_speakers(text: str, cands: Iterable[Candidate]) -> list[Candidate]:
    """A record's content that opens with who spoke is theirs: "Hansard shows Mr Thwaite told senators at that
    hearing the project was “on budget”" is Thwaite's, with his cue, not Hansard's; the listener and setting
    between his cue and the reported clause are neither cue nor content."""
    out = []
    for c in cands:
        cue = text[c.cue[0] : c.cue[1]].split()[-1] if c.cue else ""
        inner = _SPEAKER_IN_RECORD.match(text, c.start) if c.content and _RECORD_CUE.fullmatch(cue) else None
        if inner is not None and inner.end() < c.end:
            clause = _CLAUSE_OPENING.search(text, inner.end(), min(c.end, inner.end() + 80))
            if clause is not None:
                pieces = [(max(s, clause.start("clause")), e) for s, e in c.content if e > clause.start("clause")]
                c = replace(c, content=pieces, speaker=inner.span("sp"), cue=inner.span("cue"),
                            origin=f"{c.origin}+rule:record")
        out.append(c)
    return out


#: Who a document quoted, at the start of what the tagger read as its content: "[The release quoted] the
#: university’s vice-chancellor, Professor Gideon Frayne, as saying | the climb was …".
_QUOTED_AS_SAYING = re.compile(r"(?P<sp>[^\n.;:“”\"]{3,160}?),?\s+as\s+(?:saying|having\s+said)\s+(?:that\s+)?")


def quoted_speakers(text: str, cands: Iterable[Candidate]) -> list[Candidate]:
    """A content that opens with whom the source *quoted* "as saying" is that person's: "The release quoted the
    university’s vice-chancellor, Professor Gideon Frayne, as saying the climb was “…”" is Frayne's, not the
    release's; the content starts after "as saying".

    >>> t = "The release quoted the vice-chancellor, Gideon Frayne, as saying the climb was “earned”."
    >>> c = Candidate(content=[(19, len(t) - 1)], cue=(12, 18), speaker=(0, 11))
    >>> [t[s:e] for s, e in quoted_speakers(t, [c])[0].content], t[slice(*quoted_speakers(t, [c])[0].speaker)]
    (['the climb was “earned”'], 'the vice-chancellor, Gideon Frayne')
    """
    out = []
    for c in cands:
        cue = text[c.cue[0] : c.cue[1]].split()[-1] if c.cue else ""
        m = _QUOTED_AS_SAYING.match(text, c.start) if c.content and cue == "quoted" else None
        if m is not None and m.end() < c.content[0][1]:
            pieces = [(max(s, m.end()), e) for s, e in c.content if e > m.end()]
            c = replace(c, content=pieces, speaker=m.span("sp"), origin=f"{c.origin}+rule:quoted-as-saying")
        out.append(c)
    return out


def fix_sources(text: str, cands: Iterable[Candidate], ruled: Iterable[Candidate] = ()) -> list[Candidate]:
    """Every correction: :func:`free_answerers`, :func:`free_unnamed_sources`, :func:`free_relative_sources`,
    :func:`complete_titles`, :func:`free_labelled_subjects`, :func:`detach_distant_sources`,
    :func:`replace_false_sources` (with the rules' sources in ``ruled``), :func:`record_speakers` and
    :func:`quoted_speakers`; and drops a self-identification read as a statement ("A woman who identified
    herself as Carol")."""
    ruled = list(ruled)
    fixed = complete_titles(text, free_relative_sources(text, free_unnamed_sources(text, free_answerers(text, cands))))
    fixed = replace_false_sources(text, detach_distant_sources(text, free_labelled_subjects(text, fixed), ruled), ruled)
    # "A woman who identified herself as Carol": a name given, not a statement
    fixed = quoted_speakers(text, record_speakers(text, fixed))
    return [c for c in fixed if not (c.content and _SELF_NAMING.match(text, c.start))]
