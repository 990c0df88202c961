"""Question-and-answer interviews: each answer is the interviewee's own words.

A magazine interview prints the interviewer's questions as paragraphs of their
own ("You inherited a forecast that ran out this summer. Did you think about
walking away?") and the answers under them, with no quotation marks and no
"she said". :func:`find_interview_answers` finds such a block and attributes
every answer to the interviewee, as a direct quotation whose speaker span is
the interviewee's last mention before the block ("Ní Mhurchú spoke to Ruairí
Foley in the Market House").

A block needs at least :data:`MIN_QUESTIONS` short questions, half of them
addressed to "you", and answers mostly in the first person without double
quotation marks, so that a columnist's rhetorical questions or a reporter's
"So I asked him, …?" are never taken for one; a transcript with speaker labels
("TAPPER: …") is left to the rules that read labels.
Explicit "Q:"/"A:" prefixes are read too; the prefixes stay out of the content.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..resolve.names import NameSpan, find_names, fold
from ..text.letters import UPPER
from ..work import Candidate, Range

__all__ = ["find_interview_answers", "speaks_as_interviewee"]

#: Fewest questions that make a run of paragraphs an interview.
MIN_QUESTIONS = 2
#: Most words a question paragraph may have: interviewers' set-up questions run to about 30; longer
#: paragraphs ending in "?" are a columnist's rhetorical questions (PolNeAR train and dev).
MAX_QUESTION_WORDS = 35
#: Most paragraphs one answer may run to.
MAX_ANSWER_PARAGRAPHS = 4
#: Most words of a question put as a statement ("You directed an episode this season, too.").
MAX_PROMPT_WORDS = 20
#: Confidence of an answer (between an unattributed quotation's and a quotation with its cue).
CONFIDENCE = 0.6

#: Double quotation marks: an answer quotes no one at length, and a question with them reports
#: someone ("So I asked him, “…?”").
_DOUBLE_MARKS = re.compile(r"[“”\"]")
#: A reporter narrating the exchange in a question of their own: "So I asked him then, …?"
_NARRATED = re.compile(r"\b(?:I|we) (?:asked|wondered|put it to)\b")
#: A transcript's speaker label ("FALLIN: Well, I think …"): who answers is named there, not by this rule.
_LABEL = re.compile(rf"[{UPPER}][{UPPER}.'’ -]{{1,30}}:\s")
#: "Q:", "Q.", "Question:" before a question; "A:", "A." before an answer.
_Q_PREFIX = re.compile(r"(?:Q|Question)\s*[:.]\s+")
_A_PREFIX = re.compile(r"(?:A|Answer)\s*[:.]\s+")
#: The interviewer's words to the interviewee.
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
#: The interviewee speaking of themselves.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|mine|myself|we|we're|we’re|we've|we’ve|us|our"
                           # ... opening a sentence too ("Our starts. We’ve been chasing …"), but not "US"
                           r"|Me|My|We|We're|We’re|We've|We’ve|Our)\b")
#: The report's own attribution, which no answer's third-person paragraph has: "…, said she would be fit".
_REPORTING = re.compile(r"\b(?:said|says|told|added|in a statement)\b")
#: A sentence the interviewee opens in the first person plural or possessive: "We did it fourteen times."
_FIRST_PERSON_OPENING = re.compile(r"(?:^|[.!?…]\s+|[“‘\"]\s*)(?:We|We're|We’re|We've|We’ve|My|Our|Us|Me)\b")
#: A note closing the interview, never an answer: "This interview has been edited and condensed."
_EDITED = re.compile(r"\b(?:edited|condensed)\b.{0,40}\b(?:length|clarity|condensed)\b|\binterview has been\b", re.I)
#: "X spoke to Y", "in conversation with X": who is interviewed, said in so many words.
_SPOKE_TO = re.compile(r"\s+(?:spoke|talked|was speaking|was talking)\s+(?:to|with)\b")
#: "Rennick was asked about …", "Holubová was pressed on …": the one the questions after are put to.
_WAS_ASKED = re.compile(r"(?P<who>[^\W\d_][\w'’-]+)\s+(?:was|were)\s+(?:asked|questioned|pressed)\b")
_WITH_X = re.compile(r"\b(?:in conversation with|interview with|interviewed|sat down with)\s+$", re.I)
#: Most words of a heading line that introduces the questions ("Brennecke’s post-match press conference, in part:").
MAX_HEADING_WORDS = 20


#: Speakers that, inside an answer, are the interviewee ("I think we have to …") or no one in particular
#: ("Everyone would think something was wrong"): the answer's own words.
_FIRST_PERSON_SPEAKERS = frozenset("i we you everyone everybody nobody anyone anybody someone somebody people".split())


def speaks_as_interviewee(text: str, cand: Candidate) -> bool:
    """Whether ``cand``, found inside an answer, is the interviewee's own words: no speaker, "I"/"we", or
    no one in particular ("everyone", "people")."""
    return cand.speaker is None or text[cand.speaker[0] : cand.speaker[1]].strip().lower() in _FIRST_PERSON_SPEAKERS


def _is_question(text: str, para: Range) -> bool:
    s, e = para
    body = text[s:e].strip()
    if not body or body[0] in "“‘\"'«" or len(body.split()) > MAX_QUESTION_WORDS or _DOUBLE_MARKS.search(body):
        return False
    if _NARRATED.search(body):
        return False  # "So I asked him then, …?": a reporter telling of an exchange
    return body.endswith("?") or bool(_Q_PREFIX.match(body))


def _is_prompt(text: str, para: Range) -> bool:
    """A question put as a statement, inside an interview: one short sentence to "you", with no "I" ("You
    directed an episode this season, too.", "Tobias says you sent him eleven pages of notes")."""
    body = text[para[0] : para[1]].strip()
    return (0 < len(body.split()) <= MAX_PROMPT_WORDS and body.endswith(".") and body.count(". ") == 0
            and body[0] not in "“‘\"'«" and not _DOUBLE_MARKS.search(body) and bool(_YOU.search(body))
            and not _FIRST_PERSON.search(body))


def _is_furniture(body: str) -> bool:
    """A line of page furniture inside an interview: "ADVERTISEMENT", "SHOP MARA’S LOOK", "Shop Now",
    "$2,450 at Alder & Finch"; a pull quote standing in quotation marks alone."""
    stripped = body.strip()
    letters = [ch for ch in stripped if ch.isalpha()]
    return bool(letters) and (all(ch.isupper() for ch in letters) or stripped[0] in "“‘\"'«$£€"
                              or stripped.lower().startswith(("shop now", "buy now", "read more")))


def find_interview_answers(text: str, paragraphs: Sequence[Range]) -> list[Candidate]:
    """Attribute the answers of a question-and-answer interview to the interviewee.

    Args:
        text: The document (``Work.clean``: junk blanked).
        paragraphs: Its non-junk paragraph ranges, in order.

    Returns:
        One direct candidate per answer (its paragraphs as content pieces), or
        nothing when the document holds no interview block or no interviewee
        can be named.

    >>> t = ("Jo Lam runs the festival. Lam spoke to us in June.\\n\\nDid you think about walking away?\\n\\n"
    ...      "For a weekend. Then I rang my mother.\\n\\nWas that fair?\\n\\nCompletely fair, and I told her so.")
    >>> paras = [(m.start(), m.end()) for m in re.finditer(r"[^\\n]+", t)]
    >>> [(t[c.start:c.end], t[c.speaker[0]:c.speaker[1]]) for c in find_interview_answers(t, paras)]
    [('For a weekend. Then I rang my mother.', 'Jo Lam'), ('Completely fair, and I told her so.', 'Jo Lam')]
    """
    paras = [p for p in paragraphs if text[p[0] : p[1]].strip()]
    questions = [k for k, p in enumerate(paras) if _is_question(text, p)]
    if len(questions) < MIN_QUESTIONS:
        return []
    # in an interview, a statement to "you" after an answer is a question too
    first = questions[0]
    questions = sorted(set(questions) | {k for k, p in enumerate(paras) if k > first and _is_prompt(text, p)})
    edited = next((k for k, p in enumerate(paras) if k > first and _EDITED.search(text[p[0] : p[1]])), None)
    if edited is not None:  # "This interview has been edited and condensed": the interview ends there
        questions = [k for k in questions if k < edited]
    if any(_LABEL.match(text[paras[k][0] : paras[k][1]].lstrip()) and not _Q_PREFIX.match(text[paras[k][0] : paras[k][1]].lstrip())
           for k in questions):
        return []  # a transcript ("TAPPER: … FALLIN: …"): its labels say who asks and who answers
    answers: list[tuple[int, list[Range]]] = []  # (question index, answer pieces)
    labels: dict[str, Range] = {}  # an answerer's label ("TEREZA HOLUBOVÁ:") by its folded text
    for n, k in enumerate(questions):
        stop = questions[n + 1] if n + 1 < len(questions) else len(paras)
        pieces = []
        for p in paras[k + 1 : min(stop, k + 1 + MAX_ANSWER_PARAGRAPHS)]:
            body = text[p[0] : p[1]]
            if _EDITED.search(body) or _is_furniture(body):
                break  # (a quotation inside an answer is the interviewee quoting someone: "My mother … said, “…”")
            if pieces and _REPORTING.search(body) and not _FIRST_PERSON.search(body) \
                    and not _FIRST_PERSON_OPENING.search(body):
                break  # after the last answer, the report goes on: "In a statement, Vantage Sport Group, which …, said"
            lead = len(body) - len(body.lstrip())
            label = _LABEL.match(body, lead)
            if label and not _A_PREFIX.match(body, lead):
                name = body[lead : label.end()].rstrip().rstrip(":").strip()
                labels.setdefault(fold(name), (p[0] + lead, p[0] + lead + len(name)))
                if len(labels) > 1:
                    return []  # a transcript ("TAPPER: … FALLIN: …"): its labels say who speaks
                lead = label.end()
            a = _A_PREFIX.match(body, lead)
            start = p[0] + (a.end() if a else lead)
            end = p[0] + len(body.rstrip())
            if start < end:
                pieces.append((start, end))
        if pieces:
            answers.append((k, pieces))
    if len(answers) < MIN_QUESTIONS:
        return []
    if 2 * sum(1 for k, _ in answers if _YOU.search(text[paras[k][0] : paras[k][1]])) < len(answers):
        return []  # an interviewer asks the interviewee: at least half the questions say "you"
    first_person = sum(1 for _, pieces in answers if any(_FIRST_PERSON.search(text[s:e]) for s, e in pieces))
    if 2 * first_person < len(answers):
        return []
    block_start = paras[answers[0][0]][0]
    # one answerer labelled in capitals ("Q. …" / "TEREZA HOLUBOVÁ: …"): the label names them, labelled or not
    speaker = next(iter(labels.values())) if labels else _interviewee(text, block_start)
    if speaker is None:
        return []
    surname = fold(text[speaker[0] : speaker[1]].split()[-1])
    if any(surname in {fold(w) for w in re.findall(r"[\w'’-]+", text[s:e])} for _, pieces in answers for s, e in pieces):
        return []  # "Sanders laughed, heartily.": the interviewee in the third person is narrative, not an answer
    return [
        Candidate(content=pieces, kind="direct", speaker=speaker, confidence=CONFIDENCE,
                  origin="rule:interview-answer")
        for _, pieces in answers
    ]


def _heading_name(text: str, before: int, names: Sequence[NameSpan]) -> Range | None:
    """The one person a short line ending in a colon, right before the questions, names by a name or surname
    of ``names``: "Brennecke’s post-match press conference, in part:", "Here is more of what Tollefson said
    Wednesday:"."""
    end = len(text[:before].rstrip())
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end]
    if not line.endswith(":") or len(line.split()) > MAX_HEADING_WORDS:
        return None
    surnames = {fold(n.text.split()[-1]) for n in names}
    found = [(m.start() + start, m.end() + start, fold(m.group()))
             for m in re.finditer(r"[^\W\d_][\w-]*", line) if m.group()[0].isupper() and fold(m.group()) in surnames]
    return found[0][:2] if found and len({f[2] for f in found}) == 1 else None


def _interviewee(text: str, before: int) -> Range | None:
    """The interviewee's last mention before the block at ``before``.

    Named by the heading line just before the questions (:func:`_heading_name`),
    said outright ("Ní Mhurchú spoke to Ruairí Foley", "in conversation with
    X") or, failing that, the person whose surname the article repeats most.
    """
    names = [n for n in find_names(text, 0, before) if n.type == "PERSON"]
    if not names:
        return None
    heading = _heading_name(text, before, names)
    if heading is not None:
        # "Brennecke’s post-match press conference, in part:", "Here is more of what Tollefson said Wednesday:":
        # whose answers follow, over the winner the article names more often
        return heading
    for n in reversed(names):
        if _SPOKE_TO.match(text, n.end) or _WITH_X.search(text, max(0, n.start - 40), n.start):
            return n.start, n.end
    end = len(text[:before].rstrip())
    surnames = {fold(n.text.split()[-1]) for n in names}
    asked = [m for m in _WAS_ASKED.finditer(text, text.rfind("\n", 0, end) + 1, end) if fold(m.group("who")) in surnames]
    if asked:
        # "At his post-game news conference, Rennick was asked about the decision to …" right before the
        # questions: the one asked answers them
        return asked[-1].span("who")
    surname = Counter(fold(n.text.split()[-1]) for n in names)
    for word in re.findall(r"[^\W\d_][\w'’-]*", text):
        key = fold(word)
        if key in surname:
            surname[key] += 1
    best = surname.most_common(1)[0][0]
    family = [n for n in names if fold(n.text.split()[-1]) == best]
    # two people of one surname (the winner and "Alistair Rennick, a retired postman who has not missed one of
    # his son's rounds"): the full name the article gives most, the first given on a tie, not the last named
    full = Counter(fold(n.text) for n in family if len(n.text.split()) > 1)
    if len(full) > 1:
        first = {}
        for n in family:
            first.setdefault(fold(n.text), n.start)
        top = max(full, key=lambda k: (full[k], -first[k]))
        family = [n for n in family if fold(n.text) == top]
    n = family[-1]
    return n.start, n.end
