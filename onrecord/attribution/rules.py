"""Rule-based attribution: who said what, from quotation marks, cues and (optionally) a parse.

:class:`RulesStage` turns ``Work.quotations`` and the text into
``Work.candidates``. It runs in two settings:

- **fast** (``Work.parsed`` empty): regex tokens and lexical patterns only;
  no spaCy, no model.
- **rules** (``Work.parsed`` set by the parse stage): the same quotation
  rules, and reported speech read off the dependency parse (a cue verb's
  ``nsubj`` is the source, its ``ccomp`` the content).

The rules, in the order they claim text:

1. a quotation followed by its attribution (``"…," he said`` / ``said Blunt``
   / ``according to X``), joined with the quotations that continue it in the
   same paragraph (``"…," he said, "…"``);
2. a quotation introduced by one (``Blunt told the BBC: "…"``);
3. reported speech (``Blunt said he was retracting …``; ``…, a source said``;
   ``according to X, …``; ``X said: …``; ``PENCE: …``), ``mixed`` when it
   contains quoted fragments;
4. a quotation with no attribution of its own that reads as a statement (a
   continuation paragraph): speaker None, for resolution to inherit.

Content follows PolNeAR: inside the marks for direct speech, the complement
clause (with ``that``) for reported speech.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..nlp.quotes import line_paragraphs
from ..resolve.descriptors import PICTURE_POINTERS
from ..resolve.names import PERFORMER_NOUNS, ROLE_NOUNS, UNNAMED_AFTER, find_names, is_role_word
from ..text.letters import UPPER, unicode_caps
from ..work import Candidate, Quotation, Range, Work
from .cues import cue_class, is_cue_lemma, verb_forms
from .frames import fix_sources
from .furniture import drop_furniture
from .interviews import find_interview_answers, speaks_as_interviewee
from .letters import find_letters
from .named_after import speakers_named_after
from .tokens import Tok, lexical_sentences, parsed_sentences

__all__ = ["RulesStage", "find_candidates"]

# Confidence per rule: first guesses, tuned by hand on PolNeAR dev (whole-attribution precision).
CONFIDENCE = {
    "quote-cue-speaker": 0.8,
    "quote-speaker-cue": 0.8,
    "quote-according-to": 0.7,
    "speaker-cue-colon-quote": 0.75,
    "name-colon-quote": 0.6,
    "quote-unattributed": 0.3,
    "reported-that": 0.55,
    "reported-clause": 0.45,
    "reported-parenthetical": 0.45,
    "reported-naming": 0.45,
    "reported-before": 0.5,
    "according-to": 0.5,
    "colon-intro": 0.5,
    "transcript": 0.65,
    "embedded-post": 0.7,
    "claim-box": 0.7,
    "exchange": 0.7,
    "parse-ccomp": 0.55,
    "what-called": 0.5,
    "source-tag": 0.5,
}

#: "for what he called the Church's", "what Ms Reyes described as": a speaker's words named by a relative "what".
_WHAT_CALLED = re.compile(
    r"\b[Ww]hat\s+(?P<sp>he|she|they|(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|the\s+[a-z-]+(?:\s+[a-z-]+)?)"
    r"\s+(?:(?:has|had|have)\s+)?(?P<cue>called|calls|described\s+as|describes\s+as|termed|terms|dubbed|labell?ed)"
    r"\s+(?:[\w'’-]+\s+){0,4}?(?=[\"“‘']$)"
)



def _citation_before(toks: list[Tok], k: int) -> int | None:
    """Index of the "(" of a bracketed aside after a name that is no part of it, ending just before token ``k``:
    a citation or date ("(Letters, 11 March)"), a picture's pointer ("(pictured)", "(left)"); or None."""
    if k < 3 or toks[k - 1].text != ")":
        return None
    for o in range(k - 2, max(0, k - 10), -1):
        if toks[o].text == "(":
            inner = toks[o + 1 : k - 1]
            if inner and (any(any(ch.isdigit() for ch in x.text) for x in inner)
                          or (len(inner) == 1 and inner[0].lower in PICTURE_POINTERS)):
                return o
            return None
    return None


#: A live story's update stamp: "UPDATE, 9:10 a.m. Wednesday:", "Updated 14:05 BST:".
_UPDATE_LABEL = re.compile(r"\s*(?:UPDATED?|Updated?)\b|\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|ET|EST|EDT)?\s*:\s*$")
#: People described by where they come from: "A retired pharmacist from Kettering asked".
_PERSON_NOUNS_FROM = frozenset(
    "pharmacist resident man woman teacher nurse doctor farmer worker shareholder voter student mother father "
    "grandmother grandfather pensioner retiree councillor mp senator official spokesperson spokesman spokeswoman "
    "lawyer owner driver fan supporter campaigner activist".split()
)
#: Documents that may open a sentence introducing their own words: "Its report to clients … was blunt:".
_REPORT_DOCUMENTS = frozenset("report statement letter note memo filing submission review verdict ruling".split())
#: Words opening a clause with a subject of its own inside a sentence.
#: Bodies named for the place they sit in: "the embassy in Vilnius", "the EU delegation in Kyiv".
_POSTED_BODIES = frozenset("embassy embassies consulate mission delegation office bureau branch".split())
#: A title's abbreviation before a name: "Gov.", "Sen.", "Rep.", "Dr.", "Mr." (US style keeps the dot).
_TITLE_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.")
_SUBORDINATORS = frozenset("until when after before as because while although though since once".split())
#: "went on to describe", "goes on to say": the subject before these speaks.
_GO_ON = frozenset("went goes go going".split())
#: An outlet credited in brackets at the end of a paragraph: "(Sentinel - subscription required)",
#: "(Il Pallone Quotidiano - in Italian)", "(Daily Courier)".
_SOURCE_TAG = re.compile(
    r"[.!?]\s*\((?P<outlet>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})(?:\s+[-–—]\s+[a-z][^()\n]{0,40})?\)\s*$"
)
#: Fewest words of an item before its source tag.
SOURCE_TAG_MIN_WORDS = 8
#: Fewest items credited so on a page for it to be read as a column of them.
SOURCE_TAGS_MIN = 2
#: A caption's present tense: "… speaks at …", "… testifies before …", "… looks on".
_CAPTION_VERB = re.compile(
    r"\b(?:speaks|testifies|watches|looks|arrives|attends|gestures|poses|stands|sits|walks|listens|leaves|waves"
    r"|holds|delivers|addresses|celebrates|reacts|is\s+seen|are\s+seen|pictured)\b"
)
#: Forms of "be": a passive before a cue ("It is said that …") has no speaker.
_BE_FORMS = frozenset("is was are were be been being".split())
#: How someone spoke, after "was" and before a colon and the quotation: "X was blunter still: “…”".
_MANNER_OF_SPEAKING = frozenset(
    "blunt blunter bluntest forthright scathing emphatic unequivocal candid frank succinct direct defiant "
    "unrepentant unapologetic philosophical upbeat downbeat bullish gloomy withering damning".split()
)
#: Auxiliaries and adverbs that sit between a source and its cue ("has also said").
AUX = frozenset(
    "has have had is was are were will would could may might must can did does do be been being also "
    "later then previously repeatedly reportedly once again still further recently earlier already "
    "never not n't ’s 's just often".split()
)
#: Words that end a source noun phrase when scanning away from the cue.
NP_STOP = frozenset(
    "that which who whom whose and but when while because as if after before since than so or then where "
    "although though said says told what how why there is was are were has have had it".split()
)
#: Words that may start a source noun phrase after an inverted cue ("said the MP").
NP_AFTER_STOP = frozenset("in on at during after before to that when while as with from by last this".split())
#: Modal verbs: a noun phrase never runs over one ("said Whitcomb should resign").
MODALS = frozenset("should would could will can may might must shall".split())
#: Adverbs set off by commas after a source ("The Tory MP, however, insisted").
ASIDE_ADVERBS = frozenset("however though meanwhile too also instead nevertheless moreover separately".split())
#: Longest appositive between a source and its cue, in tokens ("Dame Margaret
#: Ellery, who was minister for social care from 2019 to 2021, said"); set by hand.
APPOSITIVE_TOKENS = 24
#: Finite auxiliaries and modals that show a bare noun after a cue is a clause's subject.
FINITE_AUX = frozenset("had have has were was is are would could should will can may might must did do does".split())
#: Months (with WEEKDAYS: a time phrase after "on"/"in" inside a source phrase).
MONTHS = frozenset("january february march april may june july august september october november december".split())
#: Lower-case ranks before a capitalised body or title in a source ("a senior KUMRCL official", "a former
#: White House aide"); hand-listed.
RANK_WORDS = frozenset("senior former junior top deputy acting interim chief".split())
#: Seats written in capitals that lower-case words may describe ("the upper house MP", "the local MSP").
SEAT_TITLES = frozenset("MP MPs MSP MSPs MEP MLA MS AM TD MK MKs".split())
#: Possessive determiners: a cue form after one is a noun ("his remarks").
POSSESSIVES = frozenset("his her their its our my your".split())
#: Subject pronouns: a clause after a cue that starts with one is reported speech.
SUBJECT_PRONOUNS = frozenset("he she they we i it you there this those these".split())
#: Words that may open a noun phrase (determiners, possessives).
DETERMINERS = frozenset("the a an his her their its our my your this that these those some many several one two".split())
#: Cues that take a listener before the clause ("told reporters that ...").
LISTENER_CUES = frozenset("tell ask warn inform assure remind urge advise promise".split())
#: Cues whose clause may open with a noun phrase ("said the case was ..."), when a source precedes.
CLAUSE_CUES = frozenset(
    "say think believe claim argue insist suggest warn add note write feel hope fear expect know "
    "acknowledge admit announce assert confirm contend declare explain maintain predict report reveal "
    "state stress testify".split()
)
#: Cues that name or describe their object with a quoted phrase ("described it as “…”").
NAMING_CUES = frozenset("call describe label brand dub term dismiss".split())
#: Cues whose content may be an infinitive clause ("urged Congress to act").
INTENT_CUES = frozenset("urge plan promise pledge vow decline refuse threaten ask call".split())
#: Cues with a particle before their content ("called for a ban", "pointed to the poll").
PREP_CUES = {"call": "for", "point": "to"}
#: Cues whose content may be a plain object ("condemned the attack").
OBJECT_CUES = frozenset("attack criticize criticise condemn cite support oppose reject deny dispute blast slam praise mock "
                        "decry question".split())
#: Prepositions that take a gerund cue ("despite admitting", "after saying", "by claiming").
#: Prepositions of a time or concession adjunct whose gerund shares the sentence's subject ("backed down
#: after claiming"); a subset of GERUND_PREPS.
ADJUNCT_PREPS = frozenset("after before while since despite".split())
#: Most tokens before the verb in a subject found by ``declining_subject``.
DECLINING_SUBJECT_TOKENS = 24
#: Most tokens between a cue and the colon before a quotation ("tells the rest of the story more bluntly:").
COLON_CUE_TOKENS = 11
#: A word of someone speaking for themselves or to their listener, as a transcript's turns do.
_SPEAKING_PERSON = re.compile(r"\b(?:I|I'm|I’m|me|my|we|We|us|our|Our|you|You|your|Your)\b")
#: A line of a question-and-answer exchange: "Q: …", "A: …".
_QA_LINE = re.compile(r"([QA]):\s+(?=\S)")
#: The sentence before an exchange naming its sides: "between Lévesque and St-Pierre".
_BETWEEN = re.compile(unicode_caps(
    r"\bbetween\s+(?P<asker>[A-Z][\w'’.-]+(?:[ \u00a0][A-Z][\w'’.-]+){0,2})\s+and\s+"
    r"(?P<answerer>[A-Z][\w'’.-]+(?:[ \u00a0][A-Z][\w'’.-]+){0,2})"
))
#: A fact-check's claim box: "Claim: Knife crime in Wessex has doubled …", then "Who said it: Douglas Ambrey".
_CLAIM_LINE = re.compile(r"(?:The )?(?:[Cc]laim|CLAIM)\s*:\s+[\"“]?(?P<claim>\S)")
#: A claim line signed after a dash: "CLAIM: “We have built more homes …” – Halloran, Civic Union".
_DASH_SIGNED = re.compile(unicode_caps(
    r"[”\"]\s*[–—-]\s*(?P<name>[A-Z][\w'’.-]+(?:[ \u00a0][A-Z][\w'’.-]+){0,3})(?:,[^\n,]{1,60})?\s*$"
))
_WHO_LINE = re.compile(r"(?:Who said it|Speaker|Said by|Claimed by|Claim made by|Source of claim)\s*:\s+(?P<name>[^\n,;]{2,80}?)\s*$",
                       re.MULTILINE)
#: How many lines after the claim its speaker may be given (a rating line may stand between).
CLAIM_BOX_LINES = 3
#: Fewest words a paragraph under "X said:" needs to be read as X's words without quotation marks.
BLOCKQUOTE_MIN_WORDS = 6
#: Marks that open a quotation.
OPEN_MARKS = "“‘\"'«„"
#: The signature of a post embedded in a page and scraped as text (Twitter/X's embed):
#: "— Name (@handle) November 26, 2025", "— Name (@handle) 26 November 2025".
_POST_SIGNATURE = re.compile(
    r"[—–-]\s*(?P<name>[^\W\d_][^()\n]{0,60}?)\s*\(@\w{1,30}\)\s*"
    r"(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*$",
    re.MULTILINE,
)
#: Most tokens of the source after "while" in a contrasting attribution ("while Dunmore chairman Alan Prestwick insists").
CONTRAST_SOURCE_TOKENS = 7
#: Irregular past tenses that end a subject ("The Bank of Norland kept its rate … and said …").
IRREGULAR_PAST = frozenset(
    "kept cut held made took gave left set put sent won lost met became began ran paid hit brought bought sold "
    "rose fell spent struck stood sought threw wrote".split()
)
#: Most tokens a wire dateline takes before its dash ("LONDON , March 3 ( Reuters ) -").
DATELINE_TOKENS = 10
#: Corporate suffixes inside a company's name ("Brindlemark Inc.", "Tessaly Holdings plc").
COMPANY_SUFFIXES = frozenset("inc corp co ltd plc llc ag sa nv".split())
#: Most tokens of a subject found by ``adjunct_subject`` ("A Conservative MP").
ADJUNCT_SUBJECT_TOKENS = 6
GERUND_PREPS = frozenset("for despite after before by without of in on while since about upon beyond except".split())
#: Time adverbs that may stand between a source's closing comma and its cue ("…, today announced").
TIME_ADVERBS = frozenset("today yesterday tonight".split())
#: Days that PolNeAR's cues take in ("said Monday").
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Time and setting words that may sit between a cue and its clause ("said on Monday that").
SETTING = frozenset(
    "on in at during last this yesterday today tonight earlier later monday tuesday wednesday thursday friday "
    "saturday sunday week month year night morning afternoon evening a an the statement interview "
    "recently also previously afterwards afterward".split()
)
#: Prepositions that may open a longer setting phrase before "that" ("wrote in a note to
#: clients that", "said at a briefing in Brussels that"), and its longest length in tokens.
SETTING_PREPS = frozenset("in on at during to with via through over after before".split())
SETTING_PHRASE_TOKENS = 7
#: A document's publication set off like a setting: "The RSIB report, published on Thursday, found that …".
_ISSUED = frozenset("published released issued".split())
#: A cue and the preposition that opens its argument, not a setting ("believe in", "insist on").
PREP_ARGUMENTS = frozenset({("believe", "in"), ("insist", "on"), ("comment", "on"), ("report", "on"), ("reflect", "on"),
                            ("elaborate", "on"), ("agree", "on"), ("decide", "on"), ("warn", "of"), ("speak", "of")})
#: Most tokens of a setting phrase closing a sentence after its cue (", Tang said at the opening of the
#: 2025 Silk Road Digital Commerce Forum."): running to the stop, it needs no "that" to end it.
CLOSING_SETTING_TOKENS = 12
#: Capitalised words that open a sentence without being its subject ("Later, …", "But …").
SENTENCE_OPENERS = frozenset(
    "the a an but and yet so then later earlier meanwhile however in on at after before when while as if "
    "since although though also still now today yesterday last this that these those there it".split()
)
#: Capitalised line labels that name a section or a promotion, never a speaker
#: ("LIVE:", "POLL:", "WATCH:"); from UK and US news furniture.
NOT_SPEAKER_LABELS = frozenset(
    "live poll vote quiz watch listen video pictures picture gallery update updates breaking exclusive "
    "analysis opinion comment comments editorial revealed explained latest read more related see also "
    "sign subscribe follow share advertisement sponsored pictured inside special report factbox "
    # a political newsletter's section labels: "TALKER:", "SPOTTED:", "MEDIAWATCH:", "BIRTHDAYS:"
    "talker spotted mediawatch birthdays playbook scoop happening transitions wedding driving watch quote "
    # a serialisation's teaser for the next part: "Tomorrow: ‘I told him he would lose the country’"
    "tomorrow tonight coming next "
    # a fact-check's boxes: "VERDICT: Half true.", "RATING: False", "CONTEXT: …" (the newsroom's voice)
    "verdict rating ruling claim claims fact facts context background".split()
)
#: A speaker's name with their role in brackets opening a paragraph: "Owain Prydderch (Gwent Harriers head
#: coach): …", as sports sites print their "What they said" sections.
_NAMED_LABEL = re.compile(unicode_caps(
    r"(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})\s*\((?P<role>[^()\n]{2,80})\)\s*:\s+(?=\S)"
))
#: A transcript's label of a title and a surname: "Senator Moffatt: Did the minister know …?", "Dr Sorell: I'm not
#: in a position …" (a Hansard exchange as a news page prints it).
_TITLED_LABEL = re.compile(unicode_caps(
    r"(?P<name>(?:Senator|Sen\.|Dr|Dr\.|Mr|Mr\.|Mrs|Mrs\.|Ms|Ms\.|Miss|Prof|Professor|Minister|Chair|Chairman"
    r"|Chairwoman|Judge|Justice|Councillor|Cllr|Rep\.|Mayor|Commissioner|Deputy)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"\s*:\s+(?=\S)"
))
#: Transcript labels of whoever asks or narrates, whose turns are read like any reporting.
NARRATOR_LABELS = frozenset(
    "reporter presenter interviewer host anchor narrator journalist correspondent question vox pop "
    "voiceover voice-over announcer moderator".split()
) | {"vox pop"}
#: Fewest words of a paragraph that continues a transcript turn.
MIN_TURN_WORDS = 4
#: Most paragraphs a transcript turn runs on for after its label.
MAX_TURN_PARAGRAPHS = 3
_TRANSCRIPT = re.compile(rf"([{UPPER}][{UPPER}.'’\- ]{{1,40}}[{UPPER}])\s*:\s+")  # ... "TEREZA HOLUBOVÁ:"
_WORDS = re.compile(r"\w+")
#: A fronted participle clause caught at the start of a source: "Sentencing Keogh, ",
#: "Asked about the memo, ", "Speaking to the BBC, ".
_FRONTED = re.compile(
    r"(?:[A-Z][a-z]+(?:ing|ed)\b"
    # "Under cross-examination by defense attorney Renata Solvik, Korver acknowledged": who asked is not who answers
    r"|(?:[Uu]nder\s+)?(?:cross-examination|questioning|pressure)\s+(?:by|from)\b)[^,;:.]{0,80},\s+(?=[A-Z])"
)
_PUNCT_EDGE = " \t\n.,;:!?\"'“”‘’«»"



def find_candidates(
    text: str,
    paragraphs: Sequence[Range],
    quotations: Sequence[Quotation],
    parsed: Sequence[tuple[int, object]] = (),
) -> list[Candidate]:
    """Find the attributions in one document.

    Args:
        text: the document (``Work.clean``).
        paragraphs: non-junk paragraph ranges.
        quotations: the quotations found in ``text``.
        parsed: ``(offset, spaCy Doc)`` per paragraph; empty for the fast mode.

    Returns:
        Candidates in text order, with non-overlapping content.
    """
    found = fix_sources(text, _Finder(text, paragraphs, quotations, parsed).run())
    answers = find_interview_answers(text, paragraphs) or find_letters(text, paragraphs)
    return _with_answers(text, found, answers) if answers else found


def _with_answers(text: str, found: list[Candidate], answers: list[Candidate]) -> list[Candidate]:
    """``found`` with the interview's answers (or a page's letters): an unattributed quotation inside an
    answer is part of it; an attributed one ("she said, ‘Sure what else would you be doing?’") keeps its words, which the
    answer leaves out, so contents never overlap."""
    spans = [(a.start, a.end) for a in answers]

    def inside(c: Candidate) -> bool:
        return any(s <= c.start and c.end <= e for s, e in spans)

    kept = [c for c in found if not (inside(c) and speaks_as_interviewee(text, c))]
    for a in answers:
        pieces = list(a.content)
        for c in kept:
            for cs, ce in c.content:
                pieces = [r for p in pieces for r in ((p[0], min(p[1], cs)), (max(p[0], ce), p[1])) if r[0] < r[1]]
        a.content = [p for p in pieces if p[1] - p[0] > 1]
    kept.extend(a for a in answers if a.content)
    kept.sort(key=lambda c: c.start)
    return kept


class _Finder:
    def __init__(self, text: str, paragraphs: Sequence[Range], quotations: Sequence[Quotation],
                 parsed: Sequence[tuple[int, object]]):
        self.text = text
        self.paragraphs = list(paragraphs)
        self.quotations = sorted(quotations, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotations]
        self.parsed = bool(parsed)
        self.sentences: list[list[Tok]] = []
        if parsed:
            for offset, doc in parsed:
                self.sentences.extend(parsed_sentences(offset, doc))
        else:
            for s, e in self.paragraphs:
                self.sentences.extend(lexical_sentences(text, s, e))
        self.forms = verb_forms()
        self.candidates: list[Candidate] = []
        #: every taken content range, sorted and disjoint: overlap checks by bisection, not by a scan
        self._taken_starts: list[int] = []
        self._taken_ends: list[int] = []
        self.used_cues: set[int] = set()  # cue start offsets taken

    # -- helpers -----------------------------------------------------------
    def paragraph_before(self, para: Range) -> Range | None:
        """The paragraph just before ``para``, if any."""
        k = bisect.bisect_left(self.paragraphs, para)
        return self.paragraphs[k - 1] if k > 0 else None

    def paragraph_of(self, pos: int) -> Range:
        lo, hi = 0, len(self.paragraphs) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.paragraphs[mid]
            if pos < s:
                hi = mid - 1
            elif pos >= e:
                lo = mid + 1
            else:
                return s, e
        return pos, pos

    def cue_of(self, tok: Tok) -> tuple[str, str] | None:
        """(lemma, class) when ``tok`` is a reporting verb."""
        if self.parsed and tok.pos:
            if tok.pos not in ("VERB", "AUX") and tok.lower not in self.forms:
                return None
            if tok.lemma and is_cue_lemma(tok.lemma) and tok.pos == "VERB":
                return tok.lemma, cue_class(tok.lemma)
            if tok.pos != "VERB":
                return None
        return self.forms.get(tok.lower)

    def add(self, content: list[Range], kind: str, cue: Range | None, speaker: Range | None,
            rule: str, attribution: str = "speech") -> Candidate | None:
        content = [r for r in (_trim(self.text, s, e) for s, e in content) if r[1] > r[0]]
        if not content:
            return None
        if speaker is not None:
            speaker = _whole_words(self.text, *_strip_marks(self.text, *speaker))  # a parse may cut "co-ordinator" at its hyphen
            speaker = _whole_name(self.text, speaker)
            if cue is not None:
                # "The group's co-ordinator, Bethan Price, said": the name between speaker and cue is the speaker's
                named = _APPOSED_NAME.match(self.text, speaker[1], cue[0])
                if named and named.end() == cue[0]:
                    speaker = (speaker[0], named.end("name"))
            fronted = _FRONTED.match(self.text, speaker[0], speaker[1])
            if fronted and fronted.end() < speaker[1]:
                speaker = (fronted.end(), speaker[1])  # "Sentencing Keogh, Judge X said": the judge
        if speaker is not None and not _WORDS.search(self.text[speaker[0]:speaker[1]]):
            speaker = None
        if kind != "direct" and self.text[content[-1][1] - 1] in ".;":
            # PolNeAR's convention: reported content ends before the sentence's full stop
            content[-1] = _trim(self.text, content[-1][0], content[-1][1] - 1)
            content = [r for r in content if r[1] > r[0]]  # "he said : .": nothing left
            if not content:
                return None
        if any(self._taken(b) for b in content):
            return None
        for s, e in content:
            k = bisect.bisect_left(self._taken_starts, s)
            self._taken_starts.insert(k, s)
            self._taken_ends.insert(k, e)
        cand = Candidate(content=content, kind=kind, cue=cue, speaker=speaker,
                         confidence=CONFIDENCE[rule], origin=f"rule:{rule}", attribution=attribution)
        self.candidates.append(cand)
        if cue:
            self.used_cues.add(cue[0])
        return cand

    # -- the passes --------------------------------------------------------
    def run(self) -> list[Candidate]:
        attributed: dict[int, Candidate] = {}
        joined: set[int] = set()
        for k, q in enumerate(self.quotations):
            if k in joined:
                continue
            found = self.after_quote(k, q) or self.before_quote(q)
            if found is None:
                continue
            cand, tail_end = found
            attributed[k] = cand
            # join the quotations that continue it in the same paragraph: "…," he said, "…" (the paragraph
            # the quotation closes in, where its cue is: a quotation over several paragraphs opens earlier)
            para = self.paragraph_of(q.close if q.close is not None else q.open)
            j = k + 1
            while tail_end is not None and j < len(self.quotations):
                nq = self.quotations[j]
                if nq.open >= para[1] or self.text[tail_end:nq.open].strip(" ,.;:—–-") != "":
                    break
                if self.after_quote(j, nq, probe=True):
                    break
                cand.content = cand.content + [r for r in nq.content if r[1] > r[0]]
                joined.add(j)
                tail_end = nq.close + 1 if nq.close is not None else None
                j += 1
        self.embedded_posts()
        self.source_tags()
        self.claim_boxes()
        self.exchanges()
        self.blockquotes()
        self.reported()
        taken = {k for k in attributed} | joined
        self.what_called(taken)  # after reported speech: "saying … because of what he called “…”" is one statement
        for k, q in enumerate(self.quotations):
            if k in taken or not self.is_statement(q):
                continue
            self.add(list(q.content), "direct", None, None, "quote-unattributed")
        self.candidates.sort(key=lambda c: c.start)
        return self.candidates

    def what_called(self, taken: set[int]) -> None:
        """``asked forgiveness for what he called the Church's "decades of silence"``: the words are his.

        The quotation must close, and the phrase must run from "what" to its
        opening mark in one sentence; the content is what follows the verb.
        """
        for k, q in enumerate(self.quotations):
            if k in taken or q.close is None:
                continue
            para = self.paragraph_of(q.open)
            m = _WHAT_CALLED.search(self.text, max(para[0], q.open - 160), q.open + 1)
            if m is None or re.search(r"[.!?]\s", self.text[m.end("cue") : q.open]):
                continue
            cand = self.add([(m.end("cue") + 1, q.close + 1)], "mixed", m.span("cue"), m.span("sp"), "what-called")
            if cand is not None:
                taken.add(k)

    def _cue_after_source(self, toks: list[Tok], j: int) -> bool:
        """Whether ``toks[j]`` is the cue after a source: a cue verb that is no noun, or "read" after a
        document ("“…,” the post read", "the statement reads")."""
        if toks[j].lower in ("read", "reads"):
            return j > 0 and toks[j - 1].lower in _READ_DOCUMENTS
        if toks[j].lower in _BACK_VERBS:
            return j + 1 < len(toks) and toks[j + 1].lower == "back"  # "“…,” the chairman shot back"
        form = self.forms.get(toks[j].lower)
        # not "” the remuneration report and would consult …": a noun after a determiner and a word
        return bool(form) and not _in_name(toks, j) and not _noun_use(toks, j, form[0])

    def after_quote(self, k: int, q: Quotation, probe: bool = False) -> tuple[Candidate, int | None] | None:
        """``"…," he said`` / ``said Blunt`` / ``according to X`` right after the close."""
        if q.close is None:
            return None
        para = self.paragraph_of(q.close)
        stop = para[1]
        if k + 1 < len(self.quotations) and self.quotations[k + 1].open < stop:
            stop = self.quotations[k + 1].open
        toks = lexical_sentences_flat(self.text, q.close + 1, stop)
        span_end = stop  # where the text after this quotation stops: its paragraph's end or the next quotation
        i = 0
        while i < len(toks) and toks[i].text in ",—–-" and i < 2:
            i += 1
        if i >= len(toks):
            return None
        rule: str
        cue_span: Range
        speaker: Range | None
        last: int
        first = toks[i]
        if first.lower == "according" and i + 1 < len(toks) and toks[i + 1].lower == "to":
            sp = self.np_after(toks, i + 2, phrase=True)
            if sp is None:
                return None
            if _CHANNEL_DOCUMENT.fullmatch(self.text, *sp[0]) and self.cue_before_quote(q):
                return None  # "X said the deal “…”, according to a statement": X's words, the statement a channel
            rule, cue_span, speaker, last = "quote-according-to", (first.start, toks[i + 1].end), sp[0], sp[1]
        elif self.forms.get(first.lower) or (
                first.lower in ("read", "reads") and i + 2 < len(toks) and toks[i + 1].lower in ("a", "the")
                and toks[i + 2].lower in _READ_DOCUMENTS):
            # ('“…,” read a statement from the health system': the document, and whose it is, after its verb)
            sp = self.np_after(toks, i + 1, phrase=first.lower in ("read", "reads"))
            if sp is None:
                return None
            rule, cue_span, speaker, last = "quote-cue-speaker", (first.start, first.end), sp[0], sp[1]
            named = _CLOSING_NAME.match(self.text, speaker[1])
            if named and _ROLE_HEAD.search(self.text, speaker[0], speaker[1]):
                # '“…?” asked Labour’s housing spokesperson, Colm Rafferty.': the name closes the source
                end = named.end("name")
                speaker = (speaker[0], end)
                last = max(x for x, t in enumerate(toks) if t.start < end)
        else:
            if first.lower in NP_STOP or first.lower in NP_AFTER_STOP or first.lower in ("of", "for"):
                return None  # '"…" and called for', '"…" as he said': no speaker starts so
            j = i
            apposed = None
            while j < len(toks) and j - i < 9 and not self._cue_after_source(toks, j):
                if toks[j].text == "," and j > i:
                    # '"…," her spokesman, Natalie Cruz, said': a source with an appositive before its cue
                    apposed = self.apposed_source(toks, i, j)
                    if apposed is None:
                        return None
                    j = apposed[1]
                    break
                if _is_boundary(toks[j]) or (toks[j].lower in NP_STOP and j > i and not _joins_roles(toks, j)):
                    return None
                j += 1
            if j >= len(toks) or j == i or not self._cue_after_source(toks, j):
                return None
            cue_start = j
            while cue_start - 1 > i and toks[cue_start - 1].lower in AUX:
                cue_start -= 1
            if cue_start == i:
                return None
            if self.text[q.close - 1 : q.close] == "." and toks[i].text[:1].isupper() \
                    and j + 1 < len(toks) and toks[j + 1].text not in ".,;":
                # '… "in the coming weeks." The spokesperson also clarified that …': a quotation that closes its
                # sentence, then a new one with a cue of its own
                return None
            speaker = apposed[0] if apposed else (toks[i].start, toks[cue_start - 1].end)
            if toks[j].lower in _BACK_VERBS:
                j += 1  # the cue is "shot back", not "shot"
            rule, cue_span, last = "quote-speaker-cue", (toks[cue_start].start, toks[j].end), j
        if probe:
            return Candidate(content=list(q.content)), None
        content, kind = list(q.content), "direct"
        lead = self.narration_before(q) if rule != "quote-according-to" else None
        if lead is not None:
            # 'Security forces had acted “with restraint” against “criminal elements”, the ministry said': the
            # whole clause is what was said, its quoted words mixed into it
            content, kind = [(lead, q.close + 1)], "mixed"
        cand = self.add(content, kind, cue_span, speaker, rule,
                        "speech" if rule == "quote-according-to" else cue_class(_cue_lemma(self.text, cue_span)))
        if cand is None:
            return None
        # where the attribution clause ends: at the next comma/period within a few tokens
        tail = last + 1
        n = 0
        while tail < len(toks) and toks[tail].text not in ",.;:" and n < 8:
            tail += 1
            n += 1
        tail_end = toks[tail].end if tail < len(toks) and toks[tail].text in ",.;:" else None
        if tail_end is not None and toks[tail].text == "," and rule != "quote-speaker-cue":
            # '"…," said Sir X, the chair of the committee. "…"': the appositive ends the attribution
            dot = tail + 1
            while dot < len(toks) and dot - tail <= APPOSITIVE_TOKENS and not _is_boundary(toks[dot]) \
                    and not self.forms.get(toks[dot].lower) and toks[dot].text not in MODALS:
                dot += 1
            if dot < len(toks) and toks[dot].text == "." and dot > tail + 1 \
                    and toks[tail + 1].lower not in NP_STOP | NP_AFTER_STOP:
                tail_end = toks[dot].end
        if tail_end is None or self.text[tail_end:span_end].strip(" ,.;:—–-"):
            # '"…," he wrote in the caption, alongside a photo of the pair. "…"': a long tail that says
            # where or when, with no other speech in it, still ends the attribution at its full stop
            tail_end = self.sentence_tail(toks, last) or tail_end
        return cand, tail_end

    def narration_before(self, q: Quotation) -> int | None:
        """Where the sentence holding quotation ``q`` starts, when words of the writer's come first in it (the
        quotation is a fragment of a reported clause, "The plan was “a disgrace”, the minister said"); None
        when it opens its sentence, follows a colon, holds whole sentences, or a cue comes before it ("X said
        the deal “…”")."""
        if re.search(r"[.!?]\s", self.text[q.open : q.close]):
            return None  # sentences of their own quoted, a fragment only where they open
        toks, sentence = self._sentence_up_to(q)
        start = max((x + 1 for x, t in enumerate(toks) if t.text in ".!?:"), default=0)  # (past "one example:")
        words = [t for t in toks[start:] if t.text[:1].isalnum()]
        if len(words) < 2 or toks[-1].text in (":", ",", "—", "–", "-") or any(t.text == ";" for t in toks[start:]) \
                or self._cue_in(toks, sentence):
            return None
        fronted = next((x for x in range(start, min(start + FRONTED_TOKENS, len(toks))) if toks[x].text == ","), None)
        if fronted is not None and fronted + 1 < len(toks):
            start = fronted + 1  # "Details aside, …": a fronted phrase is the writer's, not what was said
        return toks[start].start

    def cue_before_quote(self, q: Quotation) -> bool:
        """Whether the sentence holding quotation ``q`` has a reporting verb before it ("X said the deal “…”")."""
        return self._cue_in(*self._sentence_up_to(q))

    def _sentence_up_to(self, q: Quotation) -> tuple[list[Tok], int]:
        """The tokens of ``q``'s paragraph before it, and the index of the first of them in ``q``'s sentence."""
        toks = lexical_sentences_flat(self.text, self.paragraph_of(q.open)[0], q.open)
        return toks, max((x + 1 for x, t in enumerate(toks) if t.text in ".!?"), default=0)

    def _cue_in(self, toks: list[Tok], start: int) -> bool:
        """Whether ``toks[start:]`` hold a reporting verb used as one (not "his remarks", "the council's plan")."""
        return any(self.forms.get(t.lower) and not _noun_use(toks, x, self.forms[t.lower][0])
                   for x, t in enumerate(toks[start:], start))

    def sentence_tail(self, toks: list[Tok], last: int) -> int | None:
        """Where the sentence after the cue at ``last`` ends, when the rest of it reports no other speech."""
        for i in range(last + 1, min(len(toks), last + 1 + APPOSITIVE_TOKENS)):
            t = toks[i]
            if t.text in ".!?":
                return t.end if i > last + 1 else None
            if t.text in MODALS or t.text in "“”\"‘’;:":
                return None
            if self.forms.get(t.lower) and not _in_name(toks, i) and toks[i - 1].lower not in _DETERMINERS:
                return None  # other speech ('…, he said, adding that …'); 'in a post on X' is a noun
        return None

    def apposed_source(self, toks: list[Tok], i: int, c: int) -> tuple[Range, int] | None:
        """A source from token ``i`` with an appositive opening at the comma ``c``, and its cue's index.

        ``her communications director, Natalie Cruz, said`` (a name set off
        after a role) or ``Hollis, who chairs the panel, said`` (a description
        after a name, ``the coach, however, insisted`` without the adverb): the
        appositive closes with a comma that auxiliaries and a cue follow. None
        for anything else ('"…," Smith, he said').
        """
        c2 = c + 1
        while c2 < len(toks) and c2 - c <= APPOSITIVE_TOKENS and toks[c2].text != ",":
            if toks[c2].text == "(" and c2 + 2 < len(toks) and toks[c2 + 2].text == ")" and toks[c2 + 1].text.isupper():
                c2 += 3  # "chief regulator at the Examinations Standards Authority (ESA),": the body's initials
                continue
            if _is_boundary(toks[c2]) or (toks[c2].text in MODALS and not self._relative_before(toks, c2, c2 + 1)):
                return None  # (a relative clause may hold one: "Cobrenor, the miner that will hold a 51% stake, said")
            c2 += 1
        if c2 >= len(toks) or toks[c2].text != "," or c2 == c + 1:
            return None
        k = c2 + 1
        while k < len(toks) and toks[k].lower in AUX:
            k += 1
        if k >= len(toks) or not self.forms.get(toks[k].lower):
            return None
        middle = toks[c + 1:c2]
        name = _ends_in_name(middle)
        span = self.appositive_before(toks, c2)
        if span is not None and span[0] == toks[i].start:
            return span, k  # "The coach, however, insisted": the aside adverb is left out
        if name:
            return (toks[i].start, toks[c2 - 1].end), k
        return None

    def np_after(self, toks: list[Tok], i: int, phrase: bool = False) -> tuple[Range, int] | None:
        """The source phrase after an inverted cue (``said the Tory MP``), or after
        ``according to`` when ``phrase`` (``a statement published on Blunt's website``)."""
        j = i
        while j < len(toks) and j - i < (14 if phrase else 10):
            t = toks[j]
            if _is_boundary(t) or (t.lower in NP_AFTER_STOP and j > i and not phrase) or (t.lower in NP_STOP and j > i) \
                    or t.text in MODALS:
                break
            j += 1
        if j == i or toks[i].lower in NP_AFTER_STOP or toks[i].lower in ("that", "it"):
            return None
        return (toks[i].start, toks[j - 1].end), j - 1

    def np_before(self, toks: list[Tok], k: int, limit: int = 10) -> Range | None:
        """The source phrase ending just before token ``k``: ``Khan's legal team``.

        Also ``Name, appositive,`` / ``Name, who ...,`` (the whole appositive
        mention; a lone adverb between commas is left out: ``The Tory MP,
        however,``), and organisation names with ``and`` or a list inside
        (``A Department of Health and Social Care spokesperson``, ``a
        spokesperson for the Department for Levelling Up, Housing and
        Communities``).
        """
        anonymity = _anonymity_clause_start(toks, k)
        if anonymity is not None:  # "A resident who asked not to be named said": the resident
            return self.np_before(toks, anonymity, limit)
        aside = _citation_before(toks, k)
        if aside is not None:  # "Derek Ambler (Letters, 11 March) claims": the writer, not where he wrote
            return self.np_before(toks, aside, limit)
        who = _restrictive_relative_start(toks, k)
        if who is not None:
            # "A union convenor who has worked at the plant for 31 years said": the convenor, with what
            # the clause tells of them
            start = self.np_start(toks, who, limit)
            # (not an appositive's: "Gail, 71, a retired schoolteacher who declined to give her last name, said")
            if start is not None and (toks[start].lower in ("a", "an", "one", "the", "another") or start == 0) \
                    and (start == 0 or toks[start - 1].text != ","):
                return toks[start].start, toks[k - 1].end
        if k >= 2 and toks[k - 1].text == ",":
            return self.relative_before(toks, k - 1) or self.appositive_before(toks, k - 1) \
                or self.before_setting(toks, k - 1)
        if k >= 3 and toks[k - 2].text == "," and (toks[k - 1].lower in TIME_ADVERBS or toks[k - 1].lower in WEEKDAYS):
            # "Halvard Systems, Inc. (NASDAQ: HLVD), a provider of …, today announced": past the day
            return self.np_before(toks, k - 1, limit)
        if k >= 4 and toks[k - 3].text == "," and toks[k - 2].lower == "on" and toks[k - 1].lower in WEEKDAYS:
            return self.np_before(toks, k - 2, limit)  # "…, on Monday announced"
        start = self.np_start(toks, k, limit)
        if start is None:
            return None
        start = self.extend_org_name(toks, start)
        if start >= 2 and toks[start - 1].lower == "in" and toks[start - 2].lower in _POSTED_BODIES \
                and toks[start].text[:1].isupper():
            # "The Belarusian embassy in Vilnius called …": the embassy, where it sits
            outer = self.np_start(toks, start - 1, limit)
            if outer is not None:
                return toks[outer].start, toks[k - 1].end
        if start >= 3 and toks[start - 1].lower in ("by", "in") and toks[start - 2].lower in ("quoted", "cited"):
            # "A senior official quoted by Channel 12 said": the official, quoted by the channel
            outer = self.np_start(toks, start - 2, limit)
            if outer is not None:
                return toks[outer].start, toks[k - 1].end
        return toks[start].start, toks[k - 1].end

    @staticmethod
    def _relative_before(toks: list[Tok], p: int, c: int) -> bool:
        """Whether a relative pronoun opens the clause that token ``p`` stands in, inside the appositive that ends
        at the comma ``c``: "Cobrenor, the miner that | will hold a 51% stake in the refinery, said"."""
        for x in range(p - 1, max(-1, c - APPOSITIVE_TOKENS - 1), -1):
            if toks[x].text == ",":
                return False
            if toks[x].lower in ("that", "which", "who"):
                return True
        return False

    def appositive_before(self, toks: list[Tok], c: int, stacked: bool = False) -> Range | None:
        """``Name, description,`` ending with the comma at ``c``: the mention without that comma.

        Two appositives in a row are one mention ("Name, role, the body that …,"); ``stacked`` is set
        on the inner call that reads the first of them.
        """
        p = c - 1
        while p >= 0 and c - p <= APPOSITIVE_TOKENS:
            t = toks[p]
            if t.text == "," and not _in_number(self.text, t):
                break
            # an appositive may hold figures: "which owns 22% of it", "a $2.1 billion purchase"
            if (_is_boundary(t) and t.text not in "()$£€%" and not _in_number(self.text, t)) \
                    or (t.text in MODALS and not self._relative_before(toks, p, c)) or (
                    self.forms.get(t.lower) and p == c - 1
                    and not (p > 0 and toks[p - 1].lower in DETERMINERS | POSSESSIVES | SETTING_PREPS)):
                return None  # "Smith, he said," (not "…, who asked the question at estimates,")
            p -= 1
        if p < 1 or toks[p].text != "," or p == c - 1:
            return None
        middle = toks[p + 1:c]
        head = self.np_start(toks, p, 8)
        if head is None:
            return None
        if head >= 2 and head + 1 == p and toks[head].text.isdigit() and len(toks[head].text) <= 3 \
                and toks[head - 1].text == ",":
            # "Rusdi, 52, the head of Sidomulyo village,": a name and an age before the description
            name = self.np_start(toks, head - 1, 6)
            if name is not None and all(t.text[:1].isupper() for t in toks[name:head - 1]) \
                    and self._plain_appositive(middle):
                return toks[name].start, toks[c - 1].end
        if head >= 2 and toks[head - 1].text == "," and not stacked:
            # "Sonia Albrecht, general counsel for X, the Reston-based developer that …, said": two appositives
            outer = self.appositive_before(toks, head - 1, stacked=True)
            if outer is not None and self._plain_appositive(middle):
                return outer[0], toks[c - 1].end
        if toks[head].lower in ("one", "a", "an", "another") and middle and UNNAMED_AFTER.match(self.text, toks[p].start):
            return toks[head].start, toks[c - 1].end  # "“…,” one developer, who asked not to be named, said"
        named = _ends_in_name(middle)
        if not any(t.text[:1].isupper() for t in toks[head:p]) and not named:
            return None  # a role may be lower case when a name follows it: "his barrister, Owen Pritchard,"
        head = self.extend_org_name(toks, head)
        head = self.name_before_role(toks, head)
        if len(middle) == 1 and middle[0].lower in ASIDE_ADVERBS:
            return toks[head].start, toks[p - 1].end  # "The Tory MP, however, insisted"
        if not self._plain_appositive(middle):
            return None
        if middle and middle[0].lower == "which" and head >= 3 and toks[head - 1].lower in ("of", "at", "for"):
            # "Gareth Pryce, secretary of the county branch of the Local Services Union, which represents …, said":
            # the clause is about the body a role is of; the mention runs from the name the role is set off from
            c0 = next((x for x in range(head - 2, max(0, head - APPOSITIVE_TOKENS) - 1, -1) if toks[x].text == ","), None)
            outer = self.np_start(toks, c0, 6) if c0 is not None else None
            if outer is not None and all(t.text[:1].isupper() for t in toks[outer:c0]):
                return toks[outer].start, toks[c - 1].end
        return toks[head].start, toks[c - 1].end

    def relative_before(self, toks: list[Tok], c: int) -> Range | None:
        """``Name, 63, who has sold … for 31 years,`` ending with the comma at ``c``: a name, an age or a
        description, then a relative clause that may hold commas of its own ("who played steel guitar in
        Calloway's road band, the Cumberland Drifters, for 22 years,"). The mention runs from the name to
        the end of the clause; None when no "who"/"whose" clause ends at ``c``.
        """
        w = c - 1
        while w > 0 and c - w <= RELATIVE_CLAUSE_TOKENS:
            t = toks[w]
            if t.text in ".;:!?":
                return None  # (quotation marks may stand inside: "who recorded Calloway's “Two-Lane Heart”,")
            if t.text in ("who", "whose"):  # (not "WHO", the agency)
                break
            w -= 1
        else:
            return None
        if toks[w].text not in ("who", "whose") or w == c - 1:
            return None
        p = w - 1  # the comma before the clause, or before "a retired teacher who"
        while p > 0 and w - p <= 6 and toks[p].text != "," and toks[p].text[:1].islower():
            p -= 1
        if toks[p].text != ",":
            return None
        if p >= 2 and toks[p - 1].text.isdigit() and toks[p - 2].text == ",":
            p -= 2  # "Name, 63, who …"
        head = self.np_start(toks, p, 8)
        if head is None or not (any(t.text[:1].isupper() for t in toks[head:p])
                                or (toks[head].lower in ("one", "a", "an", "another")
                                    and UNNAMED_AFTER.match(self.text, toks[w - 1].end))):
            # (or an unnamed source: "“…,” one developer, who asked not to be named, said")
            return None
        if head > 0 and toks[head - 1].text == "," and not self._after_fronted(toks, head):
            return None  # "…, a specialist at a hospital in Halifax, Nova Scotia, who …": the end of an appositive
        if head >= 3 and toks[head - 1].text in "\"“”" and toks[head - 3].text in "\"“”" \
                and toks[head - 2].text[:1].isupper() and head >= 4 and toks[head - 4].text[:1].isupper():
            outer = self.np_start(toks, head - 3, 8)  # 'Dale "Hoss" Pruitt'
            head = head if outer is None else outer
        role = head
        while role > 0 and head - role < 3 and (is_role_word(toks[role - 1].lower) or toks[role - 1].lower in PERFORMER_NOUNS):
            role -= 1  # "Country star | Cody Rawlins", "council member | Renee Oakley"
        if role < head:
            if role == 0 or _is_boundary(toks[role - 1]):
                head = role
            elif toks[role - 1].text[:1].isupper() and (role == 1 or _is_boundary(toks[role - 2])):
                head = role - 1
        return toks[head].start, toks[c - 1].end

    def _after_fronted(self, toks: list[Tok], head: int) -> bool:
        """Whether the comma before ``toks[head]`` closes a fronted participle phrase that opens the sentence
        ("Speaking poolside after the announcement, | Kwame Asante-Reid, who …, said:")."""
        k = head - 1
        while k > 0 and not _is_boundary(toks[k - 1]):
            k -= 1
        m = _FRONTED.match(self.text, toks[k].start)
        return m is not None and m.end() == toks[head].start

    def before_setting(self, toks: list[Tok], c: int) -> Range | None:
        """The source before a setting set off by commas, ending with the comma at ``c``: "the IMF, in a
        statement issued at the conclusion of its staff visit to Islamabad, said" gives "the IMF"; "The RSIB
        report, published on Thursday, found" gives "The RSIB report"."""
        p = c - 1
        while p > 0 and c - p <= RELATIVE_CLAUSE_TOKENS:
            if (toks[p].text in ".;:!?" and not _in_number(self.text, toks[p])) \
                    or self.forms.get(toks[p].lower) and not _noun_use(toks, p, self.forms[toks[p].lower][0]) \
                    and not (toks[p].lower in _ISSUED and toks[p - 1].text == ","):
                return None  # (not the colon of "at 6:52AM"; "…, published on Thursday," is when, not a cue)
            if toks[p].text == "," and p + 1 < c and (toks[p + 1].lower in SETTING_PREPS or toks[p + 1].lower in _ISSUED):
                start = self.np_start(toks, p, 8)
                if start is not None and (start == 0 or toks[start - 1].lower in SENTENCE_LINKS or (
                        _is_boundary(toks[start - 1]) and toks[start - 1].text != ",")):
                    return toks[start].start, toks[p - 1].end
                # "The governor, in a statement signed by his adviser, Mr X, on Tuesday, said": commas inside the
                # setting; its opening comma is further back
            elif toks[p].text == "," and (p + 1 >= c or (toks[p + 1].lower not in SETTING_PREPS and toks[p + 1].lower not in _ISSUED)) \
                    and not self._in_setting(toks, p, c):
                return None
            p -= 1
        return None

    def _in_setting(self, toks: list[Tok], p: int, c: int) -> bool:
        """Whether the comma at ``p`` stands inside a setting that a comma before it opens with a preposition
        and a document ("in a statement signed by his adviser, Mr X, on Tuesday,")."""
        q = p - 1
        while q > 0 and c - q <= RELATIVE_CLAUSE_TOKENS and toks[q].text not in ".;:!?":
            if toks[q].text == "," and toks[q + 1].lower in SETTING_PREPS and any(
                    t.lower in _READ_DOCUMENTS | {"release", "interview"} for t in toks[q + 1 : p]):
                return True
            q -= 1
        return False

    def _plain_appositive(self, middle: list[Tok]) -> bool:
        """Whether tokens between two commas describe a source ("the chair of X", "who led it"), not a
        clause or aside ("he said", "and …", "however")."""
        m0 = middle[0]
        if m0.lower == "from" and 2 <= len(middle) <= 4 and all(t.text[:1].isupper() for t in middle[1:]):
            return True  # a home town: "Priya Sandhu, 29, from Luton, said"
        if m0.lower in ASIDE_ADVERBS or m0.lower in NP_AFTER_STOP - {"to"} or m0.lower in ("and", "but", "or", "if"):
            return False
        for x, t in enumerate(middle):
            if self.forms.get(t.lower) and t.lower not in ("spokesman", "spokeswoman") and not any(
                    u.lower in ("who", "which", "whose", "that") for u in middle[:x]):
                return False  # "Smith, he said, ...", not "the developer that had planned to …"
        return True

    def name_before_role(self, toks: list[Tok], head: int) -> int:
        """Take in a name set off before a lower-case role: ``Luis Carrizales, president of X, which …,``.

        Returns the index of the name's first token, or ``head`` when no
        capitalised name (at the start of the clause, not after a preposition)
        precedes the role.
        """
        if head < 2 or toks[head - 1].text != "," or not toks[head].text[:1].islower() \
                or toks[head].lower in DETERMINERS - {"a", "an"}:
            return head
        inner = self.np_start(toks, head - 1, 6)
        if inner is None or not all(t.text[:1].isupper() for t in toks[inner:head - 1]):
            return head
        if inner > 0 and not _is_boundary(toks[inner - 1]):
            return head  # "In Cardiff, a barrister …": a place after a preposition
        return inner

    def extend_org_name(self, toks: list[Tok], start: int) -> int:
        """Take in the rest of an organisation name cut at ``and`` or a list comma."""
        if start < 2 or toks[start - 1].lower not in ("and", "&") or not toks[start].text[:1].isupper() \
                or not toks[start - 2].text[:1].isupper():
            return start
        j = start - 2
        prep = False
        while j >= 0 and start - j <= 14:
            t = toks[j]
            if t.lower in ("of", "for"):
                prep = True
            elif not (t.text[:1].isupper() or t.lower in ("the", "and", "&", "on", ",")):
                break
            j -= 1
        first = j + 1
        while first < start and toks[first].text == ",":
            first += 1
        if not prep:
            return start
        if toks[first].lower in ("of", "for") and first > 0:
            outer = self.np_start(toks, first, 6)
            return outer if outer is not None else first + 1
        return first

    def np_start(self, toks: list[Tok], k: int, limit: int = 10) -> int | None:
        """Index where the plain noun phrase ending before token ``k`` starts, or None.

        A party tag after a name is part of the phrase ("Marcus Delahunt (D)", "Jo Smith (R-Ohio)").
        """
        tag = _party_tag_before(toks, k)
        if tag is not None:
            return self.np_start(toks, tag, limit)
        j = k - 1
        while j >= 0 and k - 1 - j < limit:
            t = toks[j]
            if j >= 3 and t.text == ")" and toks[j - 2].text == "(" and toks[j - 1].text.isupper() \
                    and len(toks[j - 1].text) >= 2 and toks[j - 3].text[:1].isupper():
                j -= 3  # "The Rail Safety Investigation Branch (RSIB) report": a body's initials inside the phrase
                limit += 3
                continue
            if j >= 3 and t.text in "’”'\"" and toks[j - 2].text in "‘“'\"" and toks[j - 1].text[:1].isupper() \
                    and toks[j - 3].text[:1].isupper() and j + 1 < k and toks[j + 1].text[:1].isupper():
                j -= 3  # "Siobhán ‘Shiv’ Lennon": a nickname inside the name
                continue
            if _is_boundary(t) or t.lower in NP_STOP or t.text in MODALS or (self.forms.get(t.lower)
                                                                              and not _in_name(toks, j)
                                                                              and not _noun_cue_in_phrase(toks, j)) \
                    or (len(t.text) > 1 and not any(ch.isalnum() for ch in t.text)) \
                    or (t.text == "-" and self.text[t.end : t.end + 1] in (" ", "-")):  # "--" after a dateline
                break
            if t.text[:1].islower() and t.lower not in DETERMINERS and j < k - 1 and toks[j + 1].text[:1].isupper() \
                    and t.lower not in ("of", "for", "'s", "’s", "de", "al", "van", "von", "bin", "ibn", "bint", "ap", "ter",
                                        "den", "der", "da", "di", "du", "le", "la") \
                    and not (t.lower == "from" and j > 0 and (toks[j - 1].lower in _PERSON_NOUNS_FROM
                                                              or toks[j - 1].lower.endswith("-year-old"))) \
                    and not (t.lower == "to" and j > 0 and toks[j - 1].lower in CLOSE_TO) \
                    and not (t.lower in ("on", "in", "at") and toks[j + 1].lower in WEEKDAYS | MONTHS) \
                    and toks[j + 1].text not in SEAT_TITLES and t.lower not in RANK_WORDS:
                break  # "... reports Blunt" - a lowercase verb before a name (not "the upper house MP")
            j -= 1
        if j >= 0 and k - 1 - j >= limit:
            # the limit cut a capitalised opening: "A Liberal | Democrat leaflet delivered to homes across …"
            x = j
            while x >= 0 and j - x < 3 and (toks[x].text[:1].isupper() or toks[x].lower in DETERMINERS or toks[x].text.isdigit()):
                x -= 1
            if x < j and (x < 0 or _is_boundary(toks[x])):
                j = x
        if j == k - 1:
            return None
        start = j + 1
        # no leading function words other than determiners
        while start < k and toks[start].lower in ("of", "for", "to", "in", "on", "by", "with"):
            start += 1
        if start >= k:
            return None
        if start >= 2 and toks[start - 1].text == "," and toks[start].lower.rstrip(".") in COMPANY_SUFFIXES:
            # "Halvard Systems, Inc.": the company's name before its suffix's comma
            outer = self.np_start(toks, start - 1, limit)
            if outer is not None:
                return outer
        return start

    def before_quote(self, q: Quotation) -> tuple[Candidate, int | None] | None:
        """``Blunt told the BBC: "…"`` / ``He said, "…"`` / ``PENCE: "…"``."""
        para = self.paragraph_of(q.open)
        toks = lexical_sentences_flat(self.text, para[0], q.open)
        if not toks:
            # 'A spokesperson for the ITV soap said:' closing the paragraph before, the quotation opening this one
            before = self.paragraph_before(para)
            if before is not None and self.text[before[0]:before[1]].rstrip().endswith(":"):
                toks = lexical_sentences_flat(self.text, before[0], before[1])
        # only the current sentence
        for n in range(len(toks) - 1, -1, -1):
            if toks[n].text in ".!?" and n < len(toks) - 1:
                toks = toks[n + 1:]
                break
        if not toks or toks[-1].text not in ":,":
            return None
        for j in range(len(toks) - 2, max(-1, len(toks) - 1 - COLON_CUE_TOKENS), -1):
            cue_end = j
            cue = self.forms.get(toks[j].lower)
            if cue is None and toks[j].lower in ("read", "reads") and j > 0 \
                    and any(t.lower in _READ_DOCUMENTS for t in toks[max(0, j - 10) : j]):
                cue = ("read", "speech")  # "The company’s first status-page post, at 6:52AM, read:"
            if cue is None and toks[j].lower == "back" and j > 0 and toks[j - 1].lower in _BACK_VERBS:
                cue, j = ("retort", "speech"), j - 1  # "She shot back: “…”"
            if cue is None and toks[j].lower == "put" and j + 1 < len(toks) and toks[j + 1].lower == "it":
                cue = ("put", "speech")  # "Kessling … put it more bluntly: “…”"
            if cue and j > 0 and (toks[j - 1].lower in _DETERMINERS | _NOUN_PREPOSITIONS or (
                    j > 1 and toks[j - 2].lower in _DETERMINERS | POSSESSIVES and toks[j].lower.endswith("s")
                    and (toks[j - 1].lower in _NOUN_ADJECTIVES or toks[j - 1].lower.endswith(("ing", "ed"))))):
                continue  # "he said in comments translated by ESPN:", "In her closing remarks, she …:": a noun
            if cue and toks[j].start not in self.used_cues:
                cue_start = j
                while cue_start > 0 and toks[cue_start - 1].lower in AUX:
                    cue_start -= 1
                speaker = self.np_before(toks, cue_start)
                if speaker is not None and "," in self.text[speaker[0] : speaker[1]]:
                    # "In one message, sent in May, Mr Ferrity appeared to refer to a donation, writing:": a clause,
                    # whose subject the participle shares
                    speaker = self.participle_subject(toks, cue_start, j) or speaker
                if speaker is None and cue[0] != "tell":  # said Blunt: (but "told the room:" names the listener)
                    sp = self.np_after(toks[:-1], j + 1)
                    # not "… and wanted survivors to sit on the tribunal as judges, “…”": an object, not a speaker
                    speaker = sp[0] if sp and toks[sp[1] + 1].lower != "to" else None
                if speaker is None:  # "Her sister Shannon Pryce, 27, was among the first to comment, writing:"
                    speaker = self.declining_subject(toks, cue_start)
                if speaker is None:
                    return None
                cand = self.add(list(q.content), "direct", (toks[cue_start].start, toks[cue_end].end), speaker,
                                "speaker-cue-colon-quote", cue[1])
                return (cand, q.close + 1 if q.close is not None else None) if cand else None
        if toks[-1].text == ":" and len(toks) >= 4 and toks[0].lower in _DETERMINERS and toks[1].lower in _REPORT_DOCUMENTS:
            # "Its report to clients, published last week, was blunt: “…”": the document speaks, its verb no cue
            pred = next((x for x in range(2, len(toks) - 1) if toks[x].lower in _BE_FORMS), None)
            if pred is not None and len(toks) - 1 - pred <= 3:
                cand = self.add(list(q.content), "direct", (toks[pred].start, toks[-2].end),
                                (toks[0].start, toks[1].end), "speaker-cue-colon-quote")
                return (cand, q.close + 1 if q.close is not None else None) if cand else None
        blunt = next((x for x in range(1, len(toks) - 2) if toks[x].lower in _BE_FORMS
                      and toks[x + 1].lower in _MANNER_OF_SPEAKING), None) if toks[-1].text == ":" else None
        if blunt is not None and not any(t.text in "\"“”" for t in toks[:blunt]):
            # "Danny Corrigan was blunter still on the latest episode of the podcast: “…”": how one spoke
            speaker = self.np_before(toks, blunt)
            if speaker is not None:
                cand = self.add(list(q.content), "direct", (toks[blunt].start, toks[blunt + 1].end), speaker,
                                "speaker-cue-colon-quote")
                return (cand, q.close + 1 if q.close is not None else None) if cand else None
        if toks[-1].text == ":" and len(toks) >= 2 and all(t.text[:1].isupper() for t in toks[:-1]) and len(toks) <= 5 \
                and toks[0].lower not in WEEKDAYS | MONTHS and toks[0].lower not in NOT_SPEAKER_LABELS \
                and not (len(toks) == 2 and len(toks[0].text) == 1):  # "A: “…”", an interview's answer, names no one
            cand = self.add(list(q.content), "direct", (toks[-1].start, toks[-1].end),
                            (toks[0].start, toks[-2].end), "name-colon-quote")
            return (cand, q.close + 1 if q.close is not None else None) if cand else None
        return None

    def blockquotes(self) -> None:
        """A paragraph of someone's words set off without quotation marks under ``Fenwick … said:`` (a
        live blog's or a transcript's blockquote): read as a quotation whose cue closes the paragraph before."""
        for k in range(1, len(self.paragraphs)):
            s, e = self.paragraphs[k]
            body = self.text[s:e].strip()
            if not body or body[0] in OPEN_MARKS or len(_WORDS.findall(body)) < BLOCKQUOTE_MIN_WORDS:
                continue
            ps, pe = self.paragraphs[k - 1]
            if not self.text[ps:pe].rstrip().endswith(":") or _UPDATE_LABEL.match(self.text, ps, pe):
                continue  # (not "UPDATE, 9:10 a.m. Wednesday:", a live story's time stamp)
            lead = self.text.index(body[0], s)
            content = (lead, lead + len(body))
            if self._taken(content):
                continue
            self.before_quote(Quotation(content=[content], open=lead, close=None, closed=False, style=""))

    def source_tags(self) -> None:
        """A gossip column's item credited in brackets at its end: "Northfield City are weighing up a move for
        … . (Sentinel - subscription required)", "(Daily Courier)": the outlet reports the item."""
        tagged = []
        for ps, pe in self.paragraphs:
            tag = _SOURCE_TAG.search(self.text, ps, pe)
            if tag is None or len(_WORDS.findall(self.text[ps : tag.start()])) < SOURCE_TAG_MIN_WORDS \
                    or _CAPTION_VERB.search(self.text, ps, min(tag.start(), ps + 160)):
                continue  # (not a caption credited to its photographer: "… speaks at the National Palace (Presidencia)")
            tagged.append((ps, tag))
        if len(tagged) < SOURCE_TAGS_MIN:
            return  # a column's way of crediting its items, not one bracket at a paragraph's end
        for ps, tag in tagged:
            content = _trim(self.text, ps, tag.start())
            if self.overlaps_quote_content(*content) or self.quotation_within(*content):
                continue
            self.add([content], "indirect", None, tag.span("outlet"), "source-tag")

    def embedded_posts(self) -> None:
        """A post embedded in the page and scraped as text, signed on the line under it:
        ``— Owen Pettigrew MP (@OwenPettigrewMP) November 26, 2025``. The paragraph above is the
        author's words (direct), the name in the signature its speaker."""
        for k in range(1, len(self.paragraphs)):
            s, e = self.paragraphs[k]
            sign = _POST_SIGNATURE.match(self.text, s, e)
            if sign is None:
                continue
            ps, pe = self.paragraphs[k - 1]
            body = self.text[ps:pe].strip()
            if not body or _POST_SIGNATURE.match(self.text, ps, pe):
                continue
            lead = self.text.index(body[0], ps)
            self.add([(lead, lead + len(body))], "direct", None, sign.span("name"), "embedded-post")

    def exchanges(self) -> None:
        """"Q: …" / "A: …" lines under a sentence naming the two sides ("The exchange that followed between
        Lévesque and St-Pierre …:"): the questions are the first's, the answers the second's."""
        for k, (s, e) in enumerate(self.paragraphs):
            if not _QA_LINE.match(self.text, s, e):
                continue
            if k > 0 and _QA_LINE.match(self.text, *self.paragraphs[k - 1]):
                continue  # not the first line of the exchange
            intro = None
            for ps, pe in self.paragraphs[max(0, k - 2) : k][::-1]:
                intro = _BETWEEN.search(self.text, ps, pe)
                if intro:
                    break
            if intro is None:
                continue
            sides = {"Q": intro.span("asker"), "A": intro.span("answerer")}
            for qs, qe in self.paragraphs[k:]:
                line = _QA_LINE.match(self.text, qs, qe)
                if line is None:
                    break
                start = line.end()
                end = len(self.text[:qe].rstrip())
                if start < end:
                    self.add([(start, end)], "direct", (qs, qs + 2), sides[line.group(1)], "exchange")

    def claim_boxes(self) -> None:
        """A fact-check's claim box: ``Claim: …`` with ``Who said it: Name`` (or ``Speaker:``,
        ``Said by:``, ``Claimed by:``) within the next lines. The claim is the named person's."""
        for k, (s, e) in enumerate(self.paragraphs):
            claim = _CLAIM_LINE.match(self.text, s, e)
            if claim is None:
                continue
            colon = self.text.index(":", claim.start()) + 1
            signed = _DASH_SIGNED.search(self.text, claim.start("claim"), len(self.text[:e].rstrip()))
            if signed is not None:
                # the claim quoted word for word, its speaker after the dash: the words inside the marks
                self.add([(claim.start("claim"), signed.start())], "direct", (claim.start(), colon),
                         signed.span("name"), "claim-box")
                continue
            for ps, pe in self.paragraphs[k + 1 : k + 1 + CLAIM_BOX_LINES]:
                who = _WHO_LINE.match(self.text, ps, pe)
                if who:
                    body = (claim.start("claim"), len(self.text[:e].rstrip()))
                    self.add([body], "indirect", (claim.start(), colon), who.span("name"), "claim-box")
                    break

    def is_statement(self, q: Quotation) -> bool:
        """A quotation that reads as speech, not scare quotes, a title or a nickname."""
        words = sum(len(_WORDS.findall(self.text[s:e])) for s, e in q.content)
        if len(q.content) > 1:
            return words >= 4
        s, e = q.content[0]
        para = self.paragraph_of(q.open)
        starts_para = self.text[para[0]:q.open].strip() == ""
        ends_sentence = self.text[e - 1:e] in ".!?,…" if e > s else False
        return words >= 6 and (ends_sentence or starts_para) and words >= 8 or (starts_para and ends_sentence and words >= 4)

    # -- reported speech --------------------------------------------------
    def reported(self) -> None:
        labelled = [p for p in self.paragraphs
                    if _TRANSCRIPT.match(self.text, p[0], p[1]) or _NAMED_LABEL.match(self.text, p[0], p[1])]
        titled = [p for p in self.paragraphs if _TITLED_LABEL.match(self.text, p[0], p[1])]
        if len(titled) >= 2:  # an exchange of turns, not one "Mr Smith: a profile" headline
            labelled = sorted(set(labelled) | set(titled))
        turns = [(p, self.transcript(p, lone=len(labelled) == 1)) for p in labelled]
        for sent in self.sentences:
            if len(sent) > 1 and sent[0].lower == "according" and sent[1].lower == "to":
                # "According to Prof Penhallow, the next three weeks will show whether …": the fronted source's
                # statement, before the parse reads "show" as a cue of no one's
                self.reported_lexical(sent)
                if self.parsed:
                    self.reported_parsed(sent)
                continue
            if self.parsed:
                self.reported_parsed(sent)
            self.reported_lexical(sent)
        labelled_starts = {p[0] for p in labelled}
        for para, turn in turns:
            if turn is not None and not _TITLED_LABEL.match(self.text, para[0], para[1]):
                # (a titled label's turn is one paragraph: a page quoting a hearing goes back to its own prose)
                self.continue_turn(para, turn, labelled_starts)

    def continue_turn(self, para: Range, turn: Candidate, labelled: set[int]) -> None:
        """The paragraphs after a transcript turn, up to the next label, are the same speaker's (the
        label stands on the first only). A paragraph in which another attribution was found ("The
        Treasurer says …" in the presenter's turn), a stage direction "(Sound of auctioneer)" or a
        question ends the turn."""
        k = bisect.bisect_left(self.paragraphs, para) + 1
        last = para[1]
        for s, e in self.paragraphs[k : k + MAX_TURN_PARAGRAPHS]:
            body = self.text[s:e].strip()
            if s in labelled or not body or body[0] in "([" or body.endswith("?"):
                return
            if body[-1] not in ".!…\"”’'" or len(body.split()) < MIN_TURN_WORDS:
                return  # "Line-ups", a team sheet: no sentence of the speaker's
            if self.text.count("\n", last, s) > 2:
                return  # page furniture (blanked) between: the transcript has ended
            inside = [c for c in self.candidates if c.start < e and s < c.end]
            if any(c.speaker is not None and self._names_someone(c.speaker) for c in inside):
                return  # "The Treasurer says …" in the presenter's turn: someone else's words
            last = e
            for c in inside:  # the speaker's own words the lexical rules misread ("… do this morning is promise …")
                self._drop(c)
            lead = self.text.index(body[0], s)
            turn.content = [*turn.content, (lead, lead + len(body))]
            k_ = bisect.bisect_left(self._taken_starts, lead)
            self._taken_starts.insert(k_, lead)
            self._taken_ends.insert(k_, lead + len(body))

    def _drop(self, cand: Candidate) -> None:
        """Forget ``cand``: its content is free again."""
        self.candidates.remove(cand)
        for s, e in cand.content:
            k = bisect.bisect_left(self._taken_starts, s)
            while k < len(self._taken_starts) and self._taken_starts[k] == s:
                if self._taken_ends[k] == e:
                    del self._taken_starts[k], self._taken_ends[k]
                    break
                k += 1

    def _names_someone(self, span: Range) -> bool:
        """Whether a source span reads as someone: a capitalised word or a determiner first ("The
        Treasurer", "Dr Raghavan", "the union"), not "I"/"we" or a lower-case fragment."""
        words = self.text[span[0] : span[1]].split()
        if not words or words[0].lower() in ("i", "we"):
            return False
        return words[0][:1].isupper() or words[0].lower() in DETERMINERS
    def transcript(self, para: Range, lone: bool = False) -> Candidate | None:
        """``PENCE: We will ...``: a speaker label in capitals, then a spoken sentence.

        Headlines ("BREXIT BETRAYAL: Tory MP savages deal") and promo lines
        ("LIVE: Follow ...") share the shape; the label must read as a name (no
        section or promo word) and what follows must end like a sentence. A
        ``lone`` label, the only one in the document, must be followed by
        someone speaking as "I", "we" or "you": "NEW DELHI: The Delhi high
        court on Thursday granted bail …" is a dateline.
        """
        titled = _TITLED_LABEL.match(self.text, para[0], para[1])
        if titled and self.text[para[1] - 1] in ".!?…\"”’'":
            # "Senator Moffatt: Did the minister know …?": a hearing's turn, its question on the record too
            colon = self.text.index(":", titled.end("name"))
            return self.add([(titled.end(), para[1])], self.kind_of(titled.end(), para[1]), (colon, colon + 1),
                            titled.span("name"), "transcript")
        named = _NAMED_LABEL.match(self.text, para[0], para[1])
        if named and self.text[para[1] - 1] in ".!?…\"”’'":
            # "Owain Prydderch (Gwent Harriers head coach): I thought we were …": a "What they said" line
            colon = self.text.index(":", named.end("role"))
            return self.add([(named.end(), para[1])], self.kind_of(named.end(), para[1]), (colon, colon + 1),
                            named.span("name"), "transcript")
        m = _TRANSCRIPT.match(self.text, para[0], para[1])
        if not m or len(_WORDS.findall(m.group(1))) > 4:
            return None
        if lone and not _SPEAKING_PERSON.search(self.text, m.end(), para[1]):
            return None
        if m.group(1).lower() in NARRATOR_LABELS or self.text[para[1] - 1] == "?":
            return None  # "REPORTER: Mr Tillotson says …": the reporter tells what others said; a question asks
        if {w.lower() for w in _WORDS.findall(m.group(1))} & NOT_SPEAKER_LABELS:
            return None
        if self.text[para[1] - 1] not in ".!?…\"”’'":
            return None
        colon = self.text.index(":", m.end(1))
        return self.add([(m.end(), para[1])], self.kind_of(m.end(), para[1]), (colon, colon + 1),
                        (m.start(1), m.end(1)), "transcript")

    def kind_of(self, start: int, end: int) -> str:
        # only the quotations whose words start in the range: by bisection, not a scan (a 5 MB page has thousands)
        lo = bisect.bisect_left(self.quote_starts, start - 1)
        hi = bisect.bisect_right(self.quote_starts, end + 1)
        inside = [q for q in self.quotations[lo:hi] if q.open >= start - 1 and (q.close or q.end) <= end + 1]
        if not inside:
            return "indirect"
        outside = self.text[start:end]
        for q in inside:
            a, b = q.open - start, (q.close if q.close is not None else q.end) + 1 - start
            outside = outside[: max(0, a)] + " " * (b - max(0, a)) + outside[b:]
        return "direct" if not _WORDS.search(outside) else "mixed"

    def through_quotation(self, content: Range) -> Range:
        """``content`` run on to the closing mark of a quotation it ends inside.

        The parse may end a clause before a quoted fragment's last punctuation
        ('… "from a press release, like everybody else."'): the fragment is
        kept whole, closing mark included.
        """
        k = bisect.bisect_right(self.quote_starts, content[1]) - 1
        if k < 0:
            return content
        q = self.quotations[k]
        if q.close is not None and q.open >= content[0] and q.open < content[1] <= q.close \
                and not self.text[content[1]:q.close].strip(".,;:!?…"):
            return content[0], q.close + 1
        return content

    def whole_quotation_before(self, content: Range, cue_start: int) -> Range:
        """``content`` widened to the whole quotation it lies in, when that quotation closes in the cue's
        sentence before the cue: in '"There was never an email that said so. There didn't need to be," one
        developer said' the parse reads only the last sentence as what "said" reports."""
        k = bisect.bisect_right(self.quote_starts, content[0]) - 1
        if k < 0:
            return content
        q = self.quotations[k]
        if q.close is None or len(q.content) != 1 or not (q.open < content[0] and content[1] <= q.close + 1) \
                or q.close >= cue_start or re.search(r"[.!?\n]", self.text[q.close + 1 : cue_start]):
            return content
        return _trim(self.text, *q.content[0])

    def whole_quotation_after(self, content: Range, cue_end: int) -> Range:
        """``content`` widened to the whole quotation it starts, when that quotation opens right after the
        cue's colon or comma: in 'Kwame Asante-Reid, who will swim at his third Games, said: "People keep
        telling me I'm the old man of the team now. I'm 29."' the parse reads only the first sentence."""
        k = bisect.bisect_right(self.quote_starts, content[0]) - 1
        if k < 0:
            return content
        q = self.quotations[k]
        if q.close is None or len(q.content) != 1 or not (q.content[0][0] <= content[0] and content[1] <= q.close + 1) \
                or self.text[cue_end : q.open].strip(" ,:\u00a0") or self.text[q.content[0][0] : content[0]].strip():
            return content
        return _trim(self.text, *q.content[0])

    def in_quotation(self, pos: int) -> bool:
        """Whether ``pos`` lies inside the content of a quotation."""
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and any(s <= pos < e for s, e in self.quotations[k].content)

    def overlaps_quote_content(self, start: int, end: int) -> bool:
        return self._taken((start, end))

    def _taken(self, r: Range) -> bool:
        """Whether ``r`` overlaps the content of a candidate already found."""
        k = bisect.bisect_left(self._taken_starts, r[1])  # ranges starting before r ends lie left of k
        return k > 0 and _overlap((self._taken_starts[k - 1], self._taken_ends[k - 1]), r)

    def reported_lexical(self, toks: list[Tok]) -> None:
        n = len(toks)
        end = _content_end(toks)
        for k, t in enumerate(toks):
            if t.start in self.used_cues or self.in_quotation(t.start):
                continue
            if t.lower == "according" and k + 1 < n and toks[k + 1].lower == "to":
                self.according_to(toks, k, end)
                continue
            if t.lower == "per" and k >= 4 and toks[k - 1].text == "," and k + 1 < n:
                # "Cordero (left hamstring strain) will be re-evaluated in two weeks, per the team.": a sports
                # desk's "according to", closing the sentence
                sp = self.np_after(toks, k + 1, phrase=True)
                if sp is not None and sp[1] + 1 >= end:
                    content = (toks[0].start, toks[k - 2].end)
                    if not self.overlaps_quote_content(*content):
                        self.add([content], self.kind_of(*content), (t.start, t.end), sp[0], "according-to")
                continue
            if t.lower in ("put", "puts") and k + 3 < n and toks[k + 1].lower == "it" and toks[k + 2].lower == "to":
                self.put_it_to(toks, k, end)  # "X put it to Y that ...": X asserted it to Y
                continue
            cue = self.cue_of(t)
            if not cue or (k > 0 and (toks[k - 1].lower in DETERMINERS | POSSESSIVES
                                      or toks[k - 1].lower.endswith(("'s", "’s")))):
                continue  # "his remarks", "the claims", "Editor's note:": a noun
            if _noun_after_preposition(toks, k, self.forms):
                continue  # "in televised remarks", "in remarks delivered in Arabic": a noun
            if t.text[:1].isupper() and _in_name(toks, k) and any(
                    x.text.isalpha() and x.text.islower() and len(x.text) > 3 for x in toks):
                continue  # "The Nuevo León State Water Commission": a word of a name (a headline is all capitals)
            if t.lower in _NOUN_CUES and k > 1 and toks[k - 2].lower in DETERMINERS | POSSESSIVES \
                    and toks[k - 1].text[:1].isupper():
                continue  # "wrote in a Facebook post", "in his BBC interview": a noun after a name
            if t.start > 0 and self.text[t.start - 1] in "-‐":
                continue  # part of a hyphenated word: so-called, well-known
            lemma, cls = cue
            cue_start = k
            while cue_start > 0 and toks[cue_start - 1].lower in AUX:
                cue_start -= 1
            if cue_start >= 3 and toks[cue_start - 1].lower == "to" and (
                    (toks[cue_start - 2].lower == "on" and toks[cue_start - 3].lower in _GO_ON)
                    or toks[cue_start - 2].lower in ("proceeded", "continued", "continues", "proceeds")):
                # "The post went on to describe self-care as …": the post describes
                cue_start -= 3 if toks[cue_start - 2].lower == "on" else 2
            cue_span = (toks[cue_start].start, t.end)
            # "Global climate models, she argues, treat the lakes as …": the cue set off by commas inside
            # the sentence it reports
            aside = self.parenthetical(toks, cue_start, k, end)
            if aside is not None:
                content, speaker = aside
                self.add(content, self.kind_of(content[0][0], content[-1][1]), cue_span, speaker,
                         "reported-parenthetical", cls)
                continue
            # X said: ... (no quotation marks)
            if k + 1 < n and toks[k + 1].text == ":":
                para = self.paragraph_of(t.start)
                sp = self.np_before(toks, cue_start)
                if sp and not self.overlaps_quote_content(toks[k + 1].end, para[1]):
                    self.add([(toks[k + 1].end, para[1])], self.kind_of(toks[k + 1].end, para[1]), cue_span, sp,
                             "colon-intro", cls)
                continue
            # content before: "…, a source said." / "…, said a source."
            before = self.content_before(toks, cue_start, k, end)
            if before:
                content, speaker = before
                self.add([content], self.kind_of(*content), cue_span, speaker, "reported-before", cls)
                continue
            # content after: said (on Monday) (that) CLAUSE
            j = k + 1
            if j + 2 < n and toks[j].text == "," and toks[j + 1].lower in ASIDE_ADVERBS and toks[j + 2].text == ",":
                j += 3  # "She warned, however, that …"
            if lemma in LISTENER_CUES:
                j = self.skip_listener(toks, j)
            s = j
            while s < n and toks[s].lower in SETTING and s - j < 6:  # "in a statement on Tuesday"
                s += 1
            if j < s < n and toks[s].lower in ("released", "issued", "published", "posted"):
                # "said in a statement released on the same day it would …"
                r = s + 1
                while r < n and r - s <= 7 and (toks[r].lower in SETTING or toks[r].lower in (
                        "same", "next", "following", "day", "shortly", "soon", "just", "immediately", "after", "before",
                        "vote", "meeting", "hearing", "ruling", "game", "match")):
                    r += 1
                if r < n and (toks[r].lower in SUBJECT_PRONOUNS or toks[r].lower == "that"):
                    s = r
            if s >= n or toks[s].lower != "that":
                s = max(s, self.past_setting_phrase(toks, j, end))
            if s < n and toks[s].lower == "that" and s < end:
                rule, j = "reported-that", s
            elif s > j and s < n and (toks[s].lower in SUBJECT_PRONOUNS - {"this", "those", "these", "it", "there"}
                                      or (toks[s].lower == "it" and lemma in ("say", "think", "believe"))):
                rule, j = "reported-clause", s  # "said on Thursday it would ...", "said afterwards she had ..."
            elif j < n and (toks[j].lower in SUBJECT_PRONOUNS - {"this", "those", "these", "it"}
                            or (toks[j].lower in ("it", "this") and lemma in ("say", "think", "believe"))):
                rule = "reported-clause"
            elif lemma in LISTENER_CUES and k + 1 < j < n and _subject_then_aux(toks, j, self.forms) \
                    and self.has_source(toks, cue_start, k):
                rule = "reported-clause"  # "told reporters the plan would fail", "told AFP his farm had …"
            elif j < n and lemma in CLAUSE_CUES and (toks[j].lower in DETERMINERS or toks[j].text[:1].isupper()) \
                    and toks[j].lower not in ("a", "an", "one", "two", "many", "several", "some") \
                    and self.has_source(toks, cue_start, k):
                rule = "reported-clause"
            elif j + 1 < n and lemma in CLAUSE_CUES and (toks[j].text[:1].islower() or toks[j].text.isdigit()) \
                    and toks[j].lower not in NP_STOP \
                    and _bare_subject_then_aux(toks, j, self.forms) and self.has_source(toks, cue_start, k):
                rule = "reported-clause"  # "said residents had been ...", "said general security allocations could"
            elif j < n and lemma in NAMING_CUES and self.quotation_within(toks[j].start, toks[end - 1].end):
                rule = "reported-naming"
            else:
                continue
            if end - j < 3:
                continue
            speaker = self.infinitive_subject(toks, cue_start) or self.participle_subject(toks, cue_start, k) \
                or self.source_before(toks, cue_start, k)
            if speaker is None:
                speaker = (self.shared_subject(toks, cue_start) or self.adjunct_subject(toks, cue_start, k)
                           or self.declining_subject(toks, cue_start))
            if speaker is not None and self.in_quotation(speaker[0]):
                speaker = None  # '"… Teams are in the field …," the service said, adding that …': quoted words
            if speaker is None and rule == "reported-that" and cue_start == 1 and toks[0].text == "It" \
                    and cls == "speech" and not any(x.lower in _BE_FORMS for x in toks[1:k]):  # not "It is said"
                speaker = (toks[0].start, toks[0].end)  # "It added that …": the body named before
            if speaker is None and t.text[:1].islower() and k > 0 and toks[k - 1].text not in "," \
                    and not self.after_preposition(toks, cue_start, k):
                continue
            stop = self.contrast_stop(toks, j, end)
            if rule == "reported-naming" and self._taken((toks[j].start, toks[stop - 1].end)):
                # "Mr Beddoes called the material “the tip of the iceberg” and said he had …" where the parse took
                # what he said: what he called it, up to "and" (the join stage makes one statement of the two)
                stop = next((x for x in range(j + 2, stop - 1) if toks[x].lower == "and" and self.forms.get(toks[x + 1].lower)
                             and not self.in_quotation(toks[x].start)), stop)
            content = (toks[j].start, toks[stop - 1].end)
            if self.overlaps_quote_content(*content):
                continue
            self.add([content], self.kind_of(*content), cue_span, speaker, rule, cls)

    def infinitive_subject(self, toks: list[Tok], cue_start: int) -> Range | None:
        """The subject of the verb an infinitive cue is the purpose of: "Smith took to Twitter to say that …",
        "Dr Rachel Penhallow, head teacher of …, wrote to parents to say that …" (not Twitter, not the parents).
        Only after "<verb in the past> to <a few words> to"."""
        if cue_start < 4 or toks[cue_start - 1].lower != "to":
            return None
        for v in range(cue_start - 2, max(0, cue_start - 6), -1):
            if toks[v].lower == "to" and v > 0 and (toks[v - 1].lower in IRREGULAR_PAST or (
                    toks[v - 1].lower.endswith("ed") and toks[v - 1].text.islower())):
                return self.np_before(toks, v - 1)
            if _is_boundary(toks[v]):
                return None
        return None

    def participle_subject(self, toks: list[Tok], cue_start: int, k: int) -> Range | None:
        """The subject of the sentence a participle cue after a comma hangs from: "Albion also recommended a
        vote against … Priya Hollander, who chairs …, saying she bore …" is Albion's (not the object before
        the comma). Only a subject pronoun, or a short capitalised name opening the sentence before a
        lower-case word."""
        if cue_start < 3 or toks[cue_start - 1].text != "," or not toks[k].lower.endswith("ing") or cue_start != k:
            return None
        begin = _after_dateline(toks, cue_start)
        inner = max((x for x in range(begin, cue_start) if toks[x].lower in _SUBORDINATORS), default=None)
        if inner is not None:
            # "He began reading … until Board Chair Mark Haldane switched off the microphone, saying …": the
            # participle goes with the clause it closes, whose subject follows "until"
            end = inner + 1
            while end < cue_start and (toks[end].text[:1].isupper() or toks[end].text == "&"):
                end += 1
            if end > inner + 1 and end < cue_start and toks[end].text.isalpha() and toks[end].text.islower():
                return toks[inner + 1].start, toks[end - 1].end
            after = toks[inner + 1] if inner + 1 < cue_start else None
            if after is None or not after.text.isalpha() or after.text[:1].isupper() \
                    or after.lower in _DETERMINERS or after.lower in SUBJECT_PRONOUNS:
                return None
            # "… a bill that would have capped the damages families can recover after crashes, calling …": a
            # preposition before a bare noun, no clause: the sentence's subject
        found = self._opening_subject(toks, begin, cue_start)
        if found is None and toks[begin].lower in SENTENCE_OPENERS:
            # "In one message, sent in May, Mr Ferrity appeared to refer to a donation, writing:": the subject
            # after the fronted phrases
            for c in range(begin + 1, cue_start - 1):
                if toks[c].text == "," and found is None and not self.in_quotation(toks[c].start) \
                        and not self.in_quotation(toks[c + 1].start):
                    found = self._opening_subject(toks, c + 1, cue_start)
        return found

    def _opening_subject(self, toks: list[Tok], begin: int, cue_start: int) -> Range | None:
        """A subject pronoun, or a short capitalised name before a lower-case word, at ``toks[begin]``."""
        first = toks[begin]
        if first.lower in ("he", "she", "they"):
            return first.start, first.end
        # a title's abbreviation before the name: "Gov. Marcus Hollenbeck on Friday vetoed …"
        titled = _TITLE_ABBREVIATION.fullmatch(first.text) is not None and begin + 1 < cue_start \
            and toks[begin + 1].text[:1].isupper() and toks[begin + 1].text.isalpha()
        end = begin + titled
        while end < cue_start and end - begin < 4 and (toks[end].text[:1].isupper() or toks[end].text == "&") \
                and (toks[end].text.isalpha() or toks[end].text == "&"):
            end += 1
        if end == begin + titled or first.lower in SENTENCE_OPENERS \
                or not (toks[end].text.isalpha() and toks[end].text.islower()) \
                or toks[end].lower in ("of", "for", "and", "who", "which") or is_role_word(toks[end].text) \
                or is_role_word(toks[begin + titled].text) or first.lower in ("former", "ex", "veteran", "then"):
            return None  # (not "Former pupil Daniel Okafor, …," nor "Clare manager Éamonn Ó Sé")
        return toks[begin].start, toks[end - 1].end

    def shared_subject(self, toks: list[Tok], cue_start: int) -> Range | None:
        """The subject a cue shares with an earlier verb: "Ebersole later deleted it and wrote that …".

        Only a cue right after ``and`` in a sentence that opens with a subject
        pronoun or a short capitalised name followed by a lower-case word, with
        no punctuation, relative word or other cue in between.
        """
        if cue_start < 3 or toks[cue_start - 1].lower != "and":
            return None
        begin = _after_dateline(toks, cue_start)
        first = toks[begin]
        if first.lower in ("he", "she", "they"):
            end = begin + 1
        else:
            end = begin
            while end < cue_start and end - begin < 4 and toks[end].text[:1].isupper() and (
                    toks[end].text.isalpha() or toks[end].text.rstrip(".").lower() in COMPANY_SUFFIXES):
                end += 1
            if end == begin or first.lower in SENTENCE_OPENERS or toks[end].text[:1].isupper() \
                    or toks[end].lower in ("of", "for", "and", "'s", "’s"):
                return None
        for x in range(end, cue_start - 1):
            t = toks[x]
            if _is_boundary(t) or t.lower in ("that", "who", "which", "whose", "whom", "but", "or") \
                    or (self.forms.get(t.lower) and not _noun_use(toks, x, self.forms[t.lower][0])):
                return None
        return toks[begin].start, toks[end - 1].end

    def parenthetical(self, toks: list[Tok], cue_start: int, k: int, end: int) -> tuple[list[Range], Range] | None:
        """``CLAUSE-START, she argues, CLAUSE-END``: the sentence around the cue is what was said.

        The source is a pronoun or a name of at most three words between
        the comma and the cue; the piece before needs two tokens, or one
        that is no aside ("Outsourcing, she warned, was …"), the piece after
        two to the sentence's end, and no quotation may overlap them.
        """
        if k + 1 >= end or toks[k + 1].text != ",":
            return None
        src = cue_start - 1
        while src > 0 and cue_start - src <= 3 and toks[src - 1].text != ",":
            src -= 1
        if src < 2 or toks[src - 1].text != ",":
            return None
        if src == 2 and (toks[0].lower in ASIDE_ADVERBS | SENTENCE_OPENERS or not toks[0].text[:1].isupper()):
            return None  # "However, he said, …": one word before the comma is an aside, not a clause
        who = toks[src:cue_start]
        if not (len(who) == 1 and who[0].lower in ("he", "she", "they")) and not all(
                t.text[:1].isupper() and t.text.isalpha() for t in who):
            return None
        first = (toks[0].start, toks[src - 2].end)
        after = k + 2
        if end - after < 2 or self.overlaps_quote_content(toks[0].start, toks[end - 1].end):
            return None
        return [first, (toks[after].start, toks[end - 1].end)], (who[0].start, who[-1].end)

    def contrast_stop(self, toks: list[Tok], j: int, end: int) -> int:
        """Where reported content stops before a contrasting attribution in the same sentence.

        "Korrel says the deal is close, while Dunmore chairman Alan Prestwick
        insists …", "Garside told a forum that …, but Ekdahl said …": the
        content ends at the comma before "while"/"whereas"/"but" when a cue
        follows within a few tokens (after "but", not at once: "…, but said"
        keeps its subject).
        """
        for x in range(j + 1, end - 2):
            if toks[x].text == "," and toks[x + 1].lower == "according" and toks[x + 2].lower == "to":
                return x  # "said the deal “…”, according to a statement": where it was said, not what
            if toks[x].text == "," and toks[x + 1].lower in ("while", "whereas", "but"):
                # "…, but Ekdahl said he …": "but" needs a subject of its own before the cue
                if toks[x + 1].lower == "but" and self.forms.get(toks[x + 2].lower):
                    continue  # "…, but warned that …": the same speaker goes on
                for y in range(x + 2, min(end, x + 2 + CONTRAST_SOURCE_TOKENS)):
                    if _is_boundary(toks[y]) or toks[y].lower == "that" or toks[y].text in MODALS:
                        break
                    if self.forms.get(toks[y].lower) and not _in_name(toks, y) and not self.in_quotation(toks[y].start):
                        return x
        return end

    def has_source(self, toks: list[Tok], cue_start: int, k: int) -> bool:
        """Whether the cue at ``k`` has a source before it, or after "X declined to comment but"."""
        return self.source_before(toks, cue_start, k) is not None or self.declining_subject(toks, cue_start) is not None

    def declining_subject(self, toks: list[Tok], cue_start: int) -> Range | None:
        """The sentence's subject for a cue that shares it after "but"/"and" or a comma.

        "A spokeswoman for X, which is leading the inquiry, declined to comment
        … but said …", "Castellane declined to rule on …, writing that …": the
        subject runs from the sentence's start to its first verb (an auxiliary
        or a word in -ed), past one relative clause between commas.
        """
        if cue_start < 3:
            return None
        joined = toks[cue_start - 1].lower in ("but", "and", "beyond")  # "declined to comment beyond saying"
        participle = toks[cue_start - 1].text == "," and toks[cue_start].lower.endswith("ing")
        if not (joined or participle):
            return None
        x = 0
        while x < cue_start - 1 and x <= DECLINING_SUBJECT_TOKENS:
            t = toks[x]
            if x > 0 and (t.lower in FINITE_AUX or t.lower in IRREGULAR_PAST or (
                    t.text.islower() and t.lower.endswith("ed") and toks[x - 1].lower not in _DETERMINERS)):
                if toks[0].lower in SENTENCE_OPENERS - {"the", "a", "an"}:
                    return None
                end = x - 1
                while end > 0 and toks[end].text == ",":
                    end -= 1
                return toks[0].start, toks[end].end
            if t.text == "," and x + 1 < cue_start and toks[x + 1].lower in ("which", "who"):
                x += 2
                while x < cue_start and toks[x].text != ",":
                    x += 1
            elif (_is_boundary(t) and t.text != ",") or (self.forms.get(t.lower) and not _in_name(toks, x)):
                return None  # commas may set off an age or a role ("Shannon Pryce, 27, was …")
            x += 1
        return None

    def adjunct_subject(self, toks: list[Tok], cue_start: int, k: int) -> Range | None:
        """The sentence's subject, for a gerund cue in a time or concession adjunct.

        "A Conservative MP has backed down after claiming that …", "The club
        apologised despite insisting that …": whoever backed down or
        apologised made the claim. The subject is the sentence's first
        phrase, of at most :data:`ADJUNCT_SUBJECT_TOKENS` tokens with no
        punctuation, relative word or cue, up to an auxiliary or a verb in -ed.
        """
        if not (toks[k].lower.endswith("ing") and cue_start > 0 and toks[cue_start - 1].lower in ADJUNCT_PREPS):
            return None
        for end in range(1, min(cue_start - 1, ADJUNCT_SUBJECT_TOKENS + 1)):
            t = toks[end]
            if t.lower in FINITE_AUX or (t.text.islower() and t.lower.endswith("ed")):
                first = toks[0]
                if first.lower in SENTENCE_OPENERS - {"the", "a", "an"} and first.lower not in ("he", "she", "they"):
                    return None
                return toks[0].start, toks[end - 1].end
            if _is_boundary(t) or t.lower in NP_STOP or self.forms.get(t.lower):
                return None
        return None

    def past_setting_phrase(self, toks: list[Tok], s: int, end: int) -> int:
        """Past a prepositional phrase between a cue and ``that``: "wrote in a note to clients that".

        Returns the index of ``that`` when a phrase opened by a preposition
        (SETTING_PREPS) runs to it within SETTING_PHRASE_TOKENS tokens with no
        punctuation, cue or clause word; else ``s`` unchanged.
        """
        if s >= end or toks[s].lower not in SETTING_PREPS:
            return s
        j = s + 1
        while j < end and j - s <= SETTING_PHRASE_TOKENS:
            t = toks[j]
            if t.lower == "that":
                return j if j > s + 1 else s
            cue = self.forms.get(t.lower)
            if _is_boundary(t) or (cue and not _noun_use(toks, j, cue[0]) and not _noun_after_preposition(toks, j, self.forms)) \
                    or t.text in MODALS or (t.lower in NP_STOP and t.lower != "that"):
                return s
            j += 1
        return s

    def setting_to_end(self, toks: list[Tok], s: int, end: int) -> bool:
        """Whether ``toks[s:end]`` is one setting phrase closing the sentence after its cue.

        ", the NHC said in its 11 a.m. advisory.", ", the CDC says on its
        website.": a preposition (SETTING_PREPS, not "to") and a noun phrase, at most
        CLOSING_SETTING_TOKENS tokens with no punctuation (but the dot of an
        abbreviation), cue verb, modal or clause word.
        """
        if s + 1 >= end or toks[s].lower not in SETTING_PREPS or toks[s].lower in ("to", "with") \
                or end - s > CLOSING_SETTING_TOKENS:
            return False  # (not "expected to appeal to the court", "disagrees with her former boss": arguments)
        nxt = toks[s + 1]
        if not (nxt.lower in DETERMINERS | POSSESSIVES or nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
            return False  # a noun phrase follows: "in its advisory", not "on being Donald Trump", "in air conditioners"
        for j in range(s + 1, end):
            t = toks[j]
            if t.text == "." and "." in toks[j - 1].text:
                continue  # "a.m." splits as "a.m" "."
            cue = self.forms.get(t.lower)
            if _is_boundary(t) or (cue and not _noun_use(toks, j, cue[0])) or t.text in MODALS \
                    or t.lower in NP_STOP or t.lower in SUBJECT_PRONOUNS - {"this", "that"}:
                return False
        return True

    def after_preposition(self, toks: list[Tok], cue_start: int, k: int) -> bool:
        """Whether the cue at ``k`` is a gerund governed by a preposition ("despite admitting", "for admitting")."""
        return toks[k].lower.endswith("ing") and cue_start > 0 and toks[cue_start - 1].lower in GERUND_PREPS

    def source_before(self, toks: list[Tok], cue_start: int, k: int) -> Range | None:
        """The source phrase before the cue at ``k``; none for a gerund after a preposition.

        In "the vote for admitting Poland to NATO" or "despite admitting that
        …", the phrase before the preposition is not who speaks.
        """
        if self.after_preposition(toks, cue_start, k):
            return None
        return self.np_before(toks, cue_start)

    def put_it_to(self, toks: list[Tok], k: int, end: int) -> None:
        """``X put it to Y that CLAUSE``: a speech cue whose listener sits inside it."""
        j = k + 3
        while j < end and j - k < 12 and toks[j].lower != "that" and not _is_boundary(toks[j]):
            j += 1
        if j >= end - 2 or toks[j].lower != "that":
            return
        content = (toks[j].start, toks[end - 1].end)
        if self.overlaps_quote_content(*content):
            return
        self.add([content], self.kind_of(*content), (toks[k].start, toks[k + 2].end), self.np_before(toks, k),
                 "reported-that", "speech")

    def quotation_within(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.quote_starts, start)
        return k < len(self.quotations) and self.quotations[k].start < end

    def skip_listener(self, toks: list[Tok], j: int) -> int:
        """Past the listener of ``told``: "reporters at a news conference (that)", "the PA news agency (she)"."""
        n = len(toks)
        k = j
        while k < n and k - j < 8 and toks[k].lower != "that" and not _is_boundary(toks[k]) \
                and not self.forms.get(toks[k].lower):
            k += 1
        if k < n and toks[k].lower == "that":
            return k
        if j < n and toks[j].lower in ("me", "him", "her", "them", "us", "you", "reporters", "journalists"):
            return j + 1
        if j < n and toks[j].text[:1].isupper() and toks[j].lower not in SUBJECT_PRONOUNS:
            # "told AFP four people had been arrested", "told Sky News the freeze was …": an outlet, then a clause
            m = j
            while m < n and m - j < 4 and toks[m].text[:1].isupper() and toks[m].text.replace("'", "").isalpha():
                m += 1
            if m < n and _subject_then_aux(toks, m, self.forms):
                return m
        if j < n and toks[j].lower in DETERMINERS:
            k = j + 1
            while k < n and k - j < 6 and not _is_boundary(toks[k]):
                if toks[k].lower in SUBJECT_PRONOUNS - {"it", "this", "that", "those", "these", "there"}:
                    return k  # "told the PA news agency she was ..."
                if toks[k].lower in DETERMINERS | POSSESSIVES and _subject_then_aux(toks, k, self.forms):
                    return k  # "told the committee the report was …", "told the broadcaster his players would"
                k += 1
        return j

    def content_before(self, toks: list[Tok], cue_start: int, k: int, end: int) -> tuple[Range, Range] | None:
        """``CLAUSE, SPEAKER said.`` or ``CLAUSE, said SPEAKER.``: the clause and the speaker."""
        after = k + 1
        # inverted: ", said a source."
        if cue_start > 0 and toks[cue_start - 1].text == "," and cue_start >= 4:
            sp = self.np_after(toks, after)
            subject = self.relative_before(toks, cue_start - 1)
            if subject is not None and not any(_is_boundary(t) or self.forms.get(t.lower) for t in toks
                                               if t.start < subject[0]):
                return None  # "Cody Rawlins, who recorded “Two-Lane Heart”, said the song …": the subject, not content
            if sp and sp[1] + 1 >= end:
                return (toks[0].start, toks[cue_start - 2].end), sp[0]
        # ", a source said (on Monday)." / ", the agency said in a press release."
        while after < end and toks[after].lower in SETTING:
            after += 1
        if after < end:
            s = k + 1
            while s < end and (toks[s].lower in WEEKDAYS or toks[s].lower in TIME_ADVERBS):
                s += 1  # ", Tang said Thursday at the opening of …"
            lemma = self.forms[toks[k].lower][0] if toks[k].lower in self.forms else toks[k].lower
            if (s == k + 1 and s < end and (lemma, toks[s].lower) in PREP_ARGUMENTS) \
                    or toks[0].lower in SENTENCE_LINKS | {"like", "if"} or not self.setting_to_end(toks, s, end):
                return None  # "I believe in the good sense …", "As Obama appears set …, Clinton disagrees …"
        j = cue_start - 1
        while j >= 0 and toks[j].text != "," and cue_start - j <= 9:
            if toks[j].lower in NP_STOP or _is_boundary(toks[j]):
                return None
            j -= 1
        if j < 3 or toks[j].text != "," or j == cue_start - 1:
            return None
        return (toks[0].start, toks[j - 1].end), (toks[j + 1].start, toks[cue_start - 1].end)

    def according_to(self, toks: list[Tok], k: int, end: int) -> None:
        cue_span = (toks[k].start, toks[k + 1].end)
        sp = self.np_after(toks, k + 2, phrase=True)
        if sp is None:
            return
        speaker, last = sp
        if k == 0 or (k == 1 and toks[0].text[:1].isupper() and toks[0].lower in ("but", "and", "yet", "also")):
            j = last + 1
            if j + 1 < end and toks[j].text == "," and toks[j + 1].lower in ("a", "an", "the"):
                # "According to Liang Qiaoyun, a professor of maritime law at Yuhai Normal University, the
                # Merrow Shoal has …": the appositive is the source's, not what was said
                c2 = next((x for x in range(j + 2, min(end, j + 2 + APPOSITIVE_TOKENS)) if toks[x].text == ","), None)
                if c2 is not None and self._plain_appositive(toks[j + 1 : c2]) \
                        and any(x.lower in ROLE_NOUNS for x in toks[j + 1 : c2]) \
                        and not any(self.forms.get(x.lower) for x in toks[j + 1 : c2]):
                    speaker, j = (speaker[0], toks[c2 - 1].end), c2
            if j < end and toks[j].text == ",":
                j += 1
            if end - j >= 3:
                content = (toks[j].start, toks[end - 1].end)
                if not self.overlaps_quote_content(*content):
                    self.add([content], self.kind_of(*content), cue_span, speaker, "according-to")
        elif toks[k - 1].text == "," and k >= 4 and (_past_acronym(toks, last + 1, end) >= end
                                                     or toks[_past_acronym(toks, last + 1, end)].text == ","):
            # "…, according to a person familiar with the plans(, who asked not to be named …).", "…, according to
            # Ingrid Halvorsen, senior oil analyst at Norvik Bank.", "…, according to the CGT union, while …"
            content = (toks[0].start, toks[k - 2].end)
            if not self.overlaps_quote_content(*content):
                self.add([content], self.kind_of(*content), cue_span, speaker, "according-to")

    def reported_parsed(self, toks: list[Tok]) -> None:
        """Reported speech off the parse: a cue verb with a clausal complement."""
        children: dict[int, list[int]] = {}
        for t in toks:
            if t.head >= 0:
                children.setdefault(t.head, []).append(t.i)

        def depth(t: Tok) -> int:
            d, x = 0, t
            while x.head >= 0 and x.head != x.i and d < len(toks):
                d, x = d + 1, toks[x.head]
            return d

        # the cue nearest the root first: "Tianmar opposes … and urges …, spokesperson Gao Lixin said at …" is
        # the spokesperson's, whose cue governs the others
        for t in sorted(toks, key=depth):
            if t.pos != "VERB" or not is_cue_lemma(t.lemma) or t.start in self.used_cues or self.in_quotation(t.start):
                continue
            if t.start > 0 and self.text[t.start - 1] in "-‐":
                continue  # part of a hyphenated word: so-called, well-known
            kids = children.get(t.i, [])
            comp = [c for c in kids if toks[c].dep == "ccomp"]
            cue_hi = t.i
            if not comp and (cue_class(t.lemma) == "thought" or t.lemma in INTENT_CUES):
                comp = [c for c in kids if toks[c].dep == "xcomp"]
            if not comp and t.lemma in PREP_CUES:
                preps = [c for c in kids if toks[c].lower == PREP_CUES[t.lemma] and c == t.i + 1]
                comp = [x for p in preps for x in children.get(p, []) if toks[x].dep == "pobj"]
                cue_hi = preps[0] if comp else cue_hi
            if not comp and t.lemma in OBJECT_CUES:
                comp = [c for c in kids if toks[c].dep == "dobj" and c > t.i]
            if not comp:
                continue
            if t.lemma in ("suppose", "expect") and any(toks[x].dep == "auxpass" for x in kids):
                continue  # "was supposed to", "is expected to"
            if cue_hi == t.i and t.i + 1 < len(toks) and toks[t.i + 1].lower in WEEKDAYS:
                cue_hi = t.i + 1  # PolNeAR marks "said Friday" as the cue
            misread_subject = any(x > t.i for x in comp) and any(x < t.i for x in comp)
            if misread_subject:
                # "Katrien Van Damme, policy lead at X, said MEPs had …": a parse that also reads the subject
                # as a clause before the cue; the clause after it is what was said
                comp = [x for x in comp if x > t.i]
            c = comp[0]
            lo, hi = _subtree(toks, children, c)
            for other in comp[1:]:
                # a clause the parser split into several complements ("co - operate", "struck ... was")
                olo, ohi = _subtree(toks, children, other)
                if (olo > t.i) == (lo > t.i):
                    lo, hi = min(lo, olo), max(hi, ohi)
            if t.i < lo < cue_hi + 1:
                lo = cue_hi + 1
            if lo > t.i:
                for x in kids:
                    # "He added that hearings would be private … and that survivors could …": a second
                    # that-clause the parse hung from the cue is said too
                    # (and "… said it welcomed the tribunal and would hand over its files", "… was “devastated”
                    # and had apologised": a reported future or past with no subject of its own)
                    marks = [toks[y] for y in children.get(x, [])]
                    if toks[x].dep == "conj" and x > hi and (
                            any(y.dep == "mark" and y.lower == "that" for y in marks)
                            or (any(y.dep == "aux" and y.lower in ("would", "could", "might", "had") for y in marks)
                                and not any(y.dep in ("nsubj", "nsubjpass") for y in marks))):
                        xlo, xhi = _subtree(toks, children, x)
                        if all(toks[z].text in ",\"”'’" or toks[z].lower == "and" for z in range(hi + 1, xlo)):
                            hi = xhi
                hi = min(hi, self.contrast_stop(toks, lo, hi + 1) - 1)  # "…, while Y insists …" is Y's
            content = self.through_quotation(_trim(self.text, toks[lo].start, toks[hi].end))
            if hi < t.i:
                content = self.whole_quotation_before(content, t.start)
            elif lo > cue_hi:
                content = self.whole_quotation_after(content, toks[cue_hi].end)
            if content[1] - content[0] < 8 or self.overlaps_quote_content(*content):
                continue
            subj = [x for x in kids if toks[x].dep in ("nsubj", "nsubjpass")]
            up = t
            for _ in range(3):
                if subj or up.head < 0 or not (up.dep == "conj" or (up.dep == "advcl" and up.lower.endswith("ing"))
                                               # "Smith took to Twitter to say that …": the purpose of taking
                                               or (up.dep in ("advcl", "xcomp") and up.i > 0 and toks[up.i - 1].lower == "to")):
                    break
                # "X described ... and said ...", "X has savaged the deal, warning that ...": X's subject; and up
                # a chain ("X unseated Y, winning … and telling supporters that …")
                subj = [x for x in children.get(up.head, []) if toks[x].dep == "nsubj" and x < t.i]
                up = toks[up.head]
            if not subj and t.dep == "pcomp" and t.lower.endswith("ing") and t.head >= 0 \
                    and toks[t.head].lower in ADJUNCT_PREPS and toks[t.head].head >= 0:
                # "A Conservative MP has backed down after claiming that …": the subject of what the adjunct hangs from
                subj = [x for x in children.get(toks[t.head].head, []) if toks[x].dep in ("nsubj", "nsubjpass") and x < t.i]
            speaker = None
            if not subj and (misread_subject or t.dep == "acl") and t.i > 0 and toks[t.i - 1].text == ",":
                # the subject the parse took for a clause, read lexically; or one it hung the cue from
                # ("Velvra, which had worked with Halvorsen since 2023, announced … that": no participle)
                speaker = self.np_before(toks, t.i)
            hearsay = bool(subj) and toks[subj[0]].dep == "nsubjpass" and toks[subj[0]].lower == "it"
            if hearsay:
                subj = []  # "It is said that the mill closed": said, but by no one the text names
            if subj:
                a, b = _subtree(toks, children, subj[0])
                if up is not t:
                    # a subject found up a chain: not a verb the parse hung from it ("Darnell Whitfield | unseated
                    # Mayor Joan Pelletier …, winning … and telling supporters that …")
                    nxt = subj[0] + 1
                    if nxt <= b and (toks[nxt].pos == "VERB" or (toks[nxt].pos == "ADJ" and toks[nxt].lower.endswith("ed"))):
                        b = subj[0]
                while a < b and toks[a].text in ",;:":
                    a += 1
                while b > a and toks[b].text in ",;:":
                    b -= 1
                a, b = _past_dateline(toks, a, b, t.i)
                speaker = (toks[a].start, toks[b].end)
                if not _WORDS.search(self.text[speaker[0]:speaker[1]]):
                    speaker = None
                elif _overlap(speaker, content):
                    continue
            cue_lo = t.i
            for x in sorted((x for x in kids if toks[x].dep in ("aux", "neg", "advmod") and x < t.i), reverse=True):
                if x == cue_lo - 1:
                    cue_lo = x
            if subj and speaker is not None:
                # "A spokesperson for ratings agency | Kestrel Global said": a name the parse left out of the
                # subject's subtree, running up to the cue
                j = b + 1
                while j < cue_lo and toks[j].text[:1].isupper() and toks[j].text.isalpha():
                    j += 1
                if b + 1 < j == cue_lo and toks[b].text[:1].islower():
                    speaker = (speaker[0], toks[j - 1].end)
            if speaker is not None and _FRONTED.match(self.text, speaker[0]) and self.text[speaker[1]:toks[cue_lo].start].strip(" ,"):
                alt = self.np_before(toks, cue_lo)  # "Sentencing Keogh, Judge X said": the parse took the clause
                if alt and alt[0] >= speaker[1]:
                    speaker = alt
            self.add([content], self.kind_of(*content), (toks[cue_lo].start, toks[cue_hi].end), speaker, "parse-ccomp",
                     cue_class(t.lemma))


def lexical_sentences_flat(text: str, start: int, end: int) -> list[Tok]:
    """All regex tokens of ``text[start:end]`` in one list, re-indexed."""
    out: list[Tok] = []
    for sent in lexical_sentences(text, start, end):
        for t in sent:
            out.append(Tok(len(out), t.start, t.end, t.text))
    return out


def _subtree(toks: list[Tok], children: dict[int, list[int]], i: int) -> tuple[int, int]:
    lo = hi = i
    stack = [i]
    while stack:
        x = stack.pop()
        lo, hi = min(lo, x), max(hi, x)
        stack.extend(children.get(x, []))
    return lo, hi


def _content_end(toks: list[Tok]) -> int:
    """Index just past a sentence's content (without the final punctuation)."""
    end = len(toks)
    while end > 0 and toks[end - 1].text in (".", "!", "?", "…"):
        end -= 1
    return end


def _noun_use(toks: list[Tok], k: int, lemma: str) -> bool:
    """Whether the cue form at ``k`` is a noun: after a determiner or possessive ("his remarks",
    "the claims"), a noun cue after one and a word ("a Facebook post"), or a bare lemma after "a/an"
    and one word ("a second post", "a brief note")."""
    if k > 0 and (toks[k - 1].lower in DETERMINERS | POSSESSIVES or toks[k - 1].lower.endswith(("'s", "’s"))):
        return True  # (and after a possessive name: "the council's plan", "Trump's claims")
    if k > 0 and toks[k - 1].lower in ("in", "under", "of") and toks[k].lower == lemma:
        return True  # "in his third season in charge", "in comment": a bare noun after a preposition
    if k > 1 and toks[k].lower in _NOUN_CUES and toks[k - 2].lower in DETERMINERS | POSSESSIVES:
        return True  # "in a Facebook post", "in his BBC interview"
    return k > 1 and toks[k].lower == lemma and toks[k - 2].lower in ("a", "an") and toks[k - 1].text[:1].islower()


#: Cue forms that are also nouns, which a platform's or outlet's name may precede ("a Facebook post").
_NOUN_CUES = frozenset("post posts tweet tweets statement statements message messages note notes interview comment "
                       "comments remarks video letter report".split())
#: Prepositions before a cue form that make it a noun: "in comments", "with remarks".
#: Adjectives before a cue's plural that make it a noun: "In her closing remarks", "his final comments", "their
#: written statements" (as are participles in -ing and -ed).
_NOUN_ADJECTIVES = frozenset("final brief own first last latest earlier later recent public initial opening".split())
_NOUN_PREPOSITIONS = frozenset("in of with without for on to after during about over".split())


#: Prepositions after which a cue's form is a noun, alone or after an adjective ("in remarks", "in
#: televised remarks", "during questioning").
_SETTING_NOUN_PREPS = frozenset("in on at during via about".split())


def _noun_after_preposition(toks: list[Tok], k: int, forms: dict[str, tuple[str, str]]) -> bool:
    """Whether the cue form at ``k`` is a noun after a preposition ("said in televised remarks that").

    >>> from onrecord.attribution.cues import verb_forms
    >>> forms = verb_forms()
    >>> toks = lexical_sentences_flat("He said in televised remarks that it would.", 0, 43)
    >>> [t.text for k, t in enumerate(toks) if t.lower in forms and _noun_after_preposition(toks, k, forms)]
    ['remarks']
    """
    if k > 0 and toks[k - 1].lower in _SETTING_NOUN_PREPS:
        return True
    before = toks[k - 1] if k > 0 else None
    return k > 1 and toks[k - 2].lower in _SETTING_NOUN_PREPS and before is not None and before.text.isalpha() \
        and before.text.islower() and before.lower not in forms and before.lower not in SUBJECT_PRONOUNS \
        and before.lower not in ("to", "not", "also", "then", "and", "or")  # "went on to describe"


def _joins_roles(toks: list[Tok], j: int) -> bool:
    """True when "and" at ``j`` joins two titles of one person: "Orrin co-founder and CEO Dana Okafor-Lind"."""
    return (toks[j].lower == "and" and 0 < j < len(toks) - 1
            and all(is_role_word(toks[k].lower.rsplit("-", 1)[-1]) for k in (j - 1, j + 1)))


#: Words before a noun: a cue form after one is a noun ("in a post on X", "in his statement").
_DETERMINERS = frozenset("a an the his her their its this that our my your".split())


def _is_boundary(t: Tok) -> bool:
    return len(t.text) == 1 and not t.text.isalnum() and t.text not in "-’'@#&"


#: Words that may stand before a source opening its clause ("The debate came a day after the IMF, in a
#: statement …, said"): the source need not open the sentence.
SENTENCE_LINKS = frozenset("after before when while as and but because since although though".split())

#: Most tokens from a source's "who"/"whose" to the comma that ends its relative clause.
RELATIVE_CLAUSE_TOKENS = 30

#: Most words of a bare subject before its auxiliary ("said general security allocations could", "said
#: trial runs on the elevated section would").
BARE_SUBJECT_WORDS = 6


def _bare_subject_then_aux(toks: list[Tok], j: int, forms: dict[str, tuple[str, str]]) -> bool:
    """Whether a clause opens at ``j`` with lower-case subject words, then a finite auxiliary or modal.

    The words may not be stop words, cue verbs or punctuation; one opening
    quotation mark may stand before the auxiliary (``allocations “could``).
    """
    m = j
    while m < len(toks) and m - j <= BARE_SUBJECT_WORDS:
        w = toks[m]
        if m > j and w.lower in FINITE_AUX:
            return True
        if w.text in "“‘\"" and m > j and m + 1 < len(toks) and toks[m + 1].lower in FINITE_AUX:
            return True
        if w.text.isdigit() or (w.text in ",." and m > j and toks[m - 1].text.isdigit()
                                and m + 1 < len(toks) and toks[m + 1].text.isdigit()):
            m += 1  # "said about 3,000 members were ready"
            continue
        if not w.text.replace("-", "").isalpha() or not w.text.islower() or w.lower in NP_STOP or w.lower in forms:
            return False
        m += 1
    return False


#: Most words of a clause's subject before its auxiliary after a listener ("told AFP | the Justice
#: Department's consumer protection section has").
LISTENER_SUBJECT_WORDS = 8


def _subject_then_aux(toks: list[Tok], m: int, forms: dict[str, tuple[str, str]]) -> bool:
    """Whether a clause opens at ``m`` with a subject, then a finite auxiliary or modal.

    The subject opens with a determiner, a possessive, a number or a
    capital ("the plan would", "his farm had", "four people had been",
    "the Justice Department's section has") and holds no punctuation,
    cue verb or clause word.

    >>> from onrecord.attribution.cues import verb_forms
    >>> toks = lexical_sentences_flat("He told AFP his farm had lost money.", 0, 36)
    >>> _subject_then_aux(toks, 3, verb_forms()), _subject_then_aux(toks, 1, verb_forms())
    (True, False)
    """
    if m >= len(toks):
        return False
    first = toks[m]
    if not (first.lower in DETERMINERS | POSSESSIVES | _COUNT_WORDS or first.text[:1].isdigit()
            or first.text[:1].isupper()) or first.lower in SUBJECT_PRONOUNS or first.lower in ("that", "this", "a", "an"):
        return False
    x = m + 1
    while x < len(toks) and x - m <= LISTENER_SUBJECT_WORDS:
        w = toks[x]
        if w.lower in FINITE_AUX:
            return True
        verb = w.lower in forms and not (toks[x - 1].lower in DETERMINERS | POSSESSIVES or w.text[:1].isupper())
        if (_is_boundary(w) and w.text not in "'’") or w.lower in NP_STOP or verb or w.lower == "to":
            return False  # (a cue's form after a determiner is a noun: "the plan would")
        x += 1
    return False


#: Words that count a clause's subject ("told AFP four people had been arrested").
_COUNT_WORDS = frozenset("one two three four five six seven eight nine ten dozens hundreds thousands several many "
                         "most all no both".split())


def _ends_in_name(middle: list[Tok]) -> bool:
    """Whether an appositive is a name, or a short role ending in one ("Swedish liberal MEP Åsa Lindqvist").

    >>> _ends_in_name([Tok(0, 0, 7, "Natalie"), Tok(1, 8, 12, "Cruz")])
    True
    >>> _ends_in_name([Tok(0, 0, 3, "who"), Tok(1, 4, 10, "chairs")])
    False
    """
    if len(middle) <= 5 and all(t.text[:1].isupper() for t in middle):
        return True
    return 2 < len(middle) <= 8 and all(t.text[:1].isupper() and not t.text.isupper() for t in middle[-2:]) \
        and middle[0].lower not in ("who", "which", "whose", "and", "but")


def _party_tag_before(toks: list[Tok], k: int) -> int | None:
    """Index of the "(" of a US party tag, a stock ticker or a body's initials ending just before ``k``
    ("( D )", "( R-Ohio )", "( NASDAQ : HLVD )", "( NYSE : X , TSX : X )", "( AMN )"), else None."""
    if k < 3 or toks[k - 1].text != ")":
        return None
    for o in range(k - 2, max(-1, k - 10), -1):
        if toks[o].text == "(":
            inside = "".join(t.text for t in toks[o + 1 : k - 1])
            tag = re.fullmatch(r"(?:D|R|I)(?:-[A-Z][\w.]*)*\.?|(?:[A-Z]{2,8}:[A-Z][A-Z0-9.]{0,7},?)+"
                               r"|[A-Z][A-Z&]{1,7}(?:,(?:by|from)its(?:[A-Z][a-z]+)?(?:acronym|initials|abbreviation))?",
                               inside)  # ... or initials: "(AMN)", "(CEANL, by its Spanish acronym)"
            return o if tag and o > 0 else None
    return None


def _past_dateline(toks: list[Tok], a: int, b: int, cue: int) -> tuple[int, int]:
    """A subject span without the wire dateline the parse hung it from ("WILMINGTON, Del. — | A federal
    bankruptcy judge on Tuesday refused …"): the noun phrase after the dash, else ``(a, b)`` unchanged."""
    dash = next((x for x in range(a, min(b + 1, a + DATELINE_TOKENS)) if toks[x].text in ("—", "–", "--")), None)
    if dash is None or not any(ch.isupper() for ch in toks[a].text) or toks[a].text != toks[a].text.upper():
        return a, b
    if dash < b:
        return dash + 1, b
    end = dash
    while end + 1 < cue and toks[end + 1].pos in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
        end += 1
    return (dash + 1, end) if end > dash else (a, b)


def _after_dateline(toks: list[Tok], limit: int) -> int:
    """Index of the first token after a wire dateline ("(Bloomberg) --", "LONDON (Reuters) -"), else 0."""
    for x in range(min(limit, DATELINE_TOKENS)):
        if toks[x].text in ("—", "–") or (toks[x].text == "-" and x > 0 and toks[x - 1].text in (")", "-")):
            nxt = x + 1
            while nxt < limit and toks[nxt].text in ("-", "—", "–"):
                nxt += 1
            return nxt if nxt < limit else 0
    return 0


#: Most tokens of a phrase fronted before a reported clause and its comma ("Details aside,", "On Tuesday,").
FRONTED_TOKENS = 4


def _past_acronym(toks: list[Tok], j: int, end: int) -> int:
    """The token after a bracketed acronym at ``j`` ("the Civic Rights League of Orvenia | (CRLO) |, a local
    monitoring group"), else ``j``."""
    if j + 2 < end and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].text.isupper():
        return j + 3
    return j


def _restrictive_relative_start(toks: list[Tok], k: int) -> int | None:
    """Index of "who" opening a relative clause without commas that ends just before ``k`` and follows a
    lower-case noun ("A union convenor | who has worked at the plant for 31 years | said"), else None."""
    for w in range(k - 2, max(0, k - RELATIVE_TOKENS) - 1, -1):
        t = toks[w]
        if t.text in ",;:()\"“”" or _is_boundary(t):
            return None
        if t.lower == "who":
            before = toks[w - 1] if w > 0 else None
            # (a noun opening the sentence is capitalised: "Residents who gathered outside said")
            return w if before is not None and before.text.isalpha() and (before.text.islower() or w == 1) else None
    return None


#: Most tokens a relative clause without commas may hold before a cue ("who has worked at the plant for 31 years").
RELATIVE_TOKENS = 14


def _anonymity_clause_start(toks: list[Tok], k: int) -> int | None:
    """Index of "who" in "…, who asked not to be named," ending just before ``k``, else None."""
    words = [t.lower for t in toks[max(0, k - 9) : k]]
    while words and words[-1] == ",":
        words.pop()
    tail = " ".join(words)
    m = _ANONYMITY_CLAUSE.search(tail)
    if m is None:
        return None
    back = len(tail[m.start() :].split())
    start = k - back - (k - max(0, k - 9) - len(words))
    while start > 0 and toks[start - 1].text == ",":
        start -= 1
    return start if start > 0 else None


#: A relative clause that only says a source asked for anonymity ("who asked not to be named").
_ANONYMITY_CLAUSE = re.compile(
    r"\bwho (?:asked|requested|declined|wished|wanted) (?:not )?to be (?:named|identified)(?: by name)?$"
)


def _noun_cue_in_phrase(toks: list[Tok], j: int) -> bool:
    """Whether the cue form at ``j`` is a document noun closing a phrase a determiner or possessive opens a
    few words before: "The company’s first status-page post", "a brief written statement"."""
    if toks[j].lower not in _NOUN_CUES:
        return False
    k = j
    while k > 0 and j - k < 8 and (toks[k - 1].text[:1].isupper() or toks[k - 1].text in "()"):
        k -= 1  # "The Rail Safety Investigation Branch (RSIB) report": past the body's name to its article
    return any(x.lower in DETERMINERS | POSSESSIVES or x.lower.endswith(("'s", "’s")) for x in toks[max(0, min(k, j - 3) - 1) : j])


def _in_number(text: str, t: Tok) -> bool:
    """Whether a comma token is a thousands separator ("40,000")."""
    return 0 < t.start and t.end < len(text) and text[t.start - 1].isdigit() and text[t.end].isdigit()


def _in_name(toks: list[Tok], j: int) -> bool:
    """Whether token ``j``, a cue form, is a noun, not the cue: a word of a capitalised name ("the Kelbrook
    Trust said", "Supporters' Trust") or a noun or adjective after a determiner or a number ("the post
    read", "his statement", "84 sworn officers")."""
    if j > 0 and (toks[j - 1].lower in _DETERMINERS or toks[j - 1].text.isdigit()):
        return True  # "the post", "84 sworn officers"
    return toks[j].text[:1].isupper() and j > 0 and (toks[j - 1].text[:1].isupper() or toks[j - 1].text in "'’")


#: Verbs that report a retort only with "back" after them, and only after a quotation and its speaker
#: ("“You should have,” the chairman shot back"); alone they are no cue ("a shot", "hit the target").
_BACK_VERBS = frozenset("shot shoots fired fires hit hits snapped snaps bit bites".split())

#: An unowned document after "according to" that only says where words were published: "a statement", "a
#: press release" (not "a statement from the ministry", which names who speaks).
_CHANNEL_DOCUMENT = re.compile(r"(?:an?|the)\s+(?:(?:written|joint|separate|brief|press|news)\s+)?(?:statement|release|transcript|readout)")

#: A name after a comma that ends the sentence (", Colm Rafferty.").
_CLOSING_NAME = re.compile(unicode_caps(r"[ \u00a0]*,[ \u00a0]*(?P<name>(?:[A-Z][\w'’-]*[ \u00a0]+){0,3}[A-Z][\w'’-]*)(?=[.!?])"))
#: A role noun ending a source phrase, which a name after a comma may complete ("his lawyer, Jo Bell").
_ROLE_HEAD = re.compile(r"(?:spokes(?:wo)?man|spokesperson|lawyer|attorney|solicitor|barrister|chair(?:man|woman)?"
                        r"|president|secretary|leader|director|minister|chief|manager|organi[sz]er|officer)\s*$", re.I)
#: Written things that "read" what they say ("the statement read"); hand-listed.
_READ_DOCUMENTS = frozenset(
    "statement post tweet letter message note caption sign notice email memo resolution motion petition slide".split()
)
#: Words after which a cue form is a noun ("the post", "a report", "her claim").
_DETERMINERS = frozenset("the a an this that his her their its our my your".split())


def _cue_lemma(text: str, span: Range) -> str:
    last = text[span[0]:span[1]].split()[-1].lower()
    return verb_forms().get(last, ("say", "speech"))[0]


def _trim(text: str, start: int, end: int) -> Range:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlap(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


#: ", Bethan Price," between a speaker phrase and its cue (up to five capitalised words, post-nominals too).
_APPOSED_NAME = re.compile(unicode_caps(r"\s*,\s*(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*)\s*,?\s*"))


_JOIN_BEFORE = re.compile(r"(?:\band|&|\bof|\bfor)\s+\Z")


def _whole_name(text: str, speaker: Range) -> Range:
    """``speaker`` widened to the start of the organisation name it ends ("Drug Administration" of "The Food and
    Drug Administration", which the parse splits at its "and").

    >>> t = "The Food and Drug Administration said in a notice that the pills were unsafe."
    >>> t[slice(*_whole_name(t, (13, 32)))]
    'Food and Drug Administration'
    """
    s, e = speaker
    if not _JOIN_BEFORE.search(text, max(0, s - 6), s):
        return speaker  # cut at no joining word: nothing to widen over (and no name search on every speaker)
    for n in find_names(text, max(0, s - 40), e):
        if n.type == "ORG" and n.end == e and n.start < s and not re.search(r"[,;:\n]", text[n.start : s]):
            return n.start, e
    return speaker


#: What a speaker span never opens or ends with: the closing mark of the quotation before it, a comma.
_SPEAKER_EDGE = " \t\n\u00a0\"“”„«»,;:"


def _strip_marks(text: str, start: int, end: int) -> Range:
    """Narrow ``[start, end)`` past quotation marks, commas and spaces at its edges.

    A parse hangs a straight closing quotation mark on the subject after it:
    ``"…," one developer, who asked not to be named, said``.

    >>> t = '"It was never said," one developer said'
    >>> t[slice(*_strip_marks(t, 19, 34))]
    'one developer'
    """
    while start < end and text[start] in _SPEAKER_EDGE:
        start += 1
    while end > start and text[end - 1] in _SPEAKER_EDGE:
        end -= 1
    return start, end


def _whole_words(text: str, start: int, end: int) -> Range:
    """Widen ``[start, end)`` to whole words, hyphenated ones included.

    >>> t = "The group's co-ordinator, Bethan Price, said"
    >>> t[slice(*_whole_words(t, 0, 14))]
    "The group's co-ordinator"
    >>> t = "Secretary-General Tomas Rehnberg's envoy"
    >>> t[slice(*_whole_words(t, 9, 23))]
    'Secretary-General Tomas'
    """
    def inside(i: int) -> bool:  # text[i] continues the word at text[i - 1]
        ch = text[i]
        return ch.isalnum() or (ch in "-‐" and i + 1 < len(text) and text[i + 1].isalnum())

    while end < len(text) and end > start and (text[end - 1].isalnum() or text[end - 1] in "-‐") and inside(end):
        end += 1
    while start > 0 and (text[start].isalnum() or inside(start)) and (text[start - 1].isalnum() or (
            text[start - 1] in "-‐" and start > 1 and text[start - 2].isalnum())):
        start -= 1
    return start, end


#: Words before "to" that keep a source phrase going past it: "a source close to Hartley",
#: "an aide to the minister" (the speaker is the whole phrase, not the person named), "Dutch
#: Ambassador to Ukraine Maarten Verhoeven" (a title, the person named after it).
CLOSE_TO = frozenset("close closest near loyal aide aides adviser advisers advisor advisors assistant "
                      "ambassador envoy consul consul-general commissioner".split())


class RulesStage:
    """Pipeline stage: ``Work.candidates`` from quotation marks, cues and, when present, the parse;
    none read on page furniture (:func:`onrecord.attribution.furniture.drop_furniture`)."""

    name = "rules"
    needs = ("clean", "quotations")
    gives = ("candidates",)
    critical = True

    def __call__(self, work: Work) -> None:
        """Attribute the quotations and reported speech of one document."""
        text = work.clean or work.text
        paragraphs = work.paragraphs or line_paragraphs(text)
        found = drop_furniture(work.text, find_candidates(text, paragraphs, work.quotations, work.parsed))
        work.candidates = speakers_named_after(work.text, paragraphs, found)
