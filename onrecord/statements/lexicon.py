"""Small lexical helpers shared by acts, targets and links: clauses, subjects, negation, content words.

Everything here is plain regular expressions over text, so statements work
without a parse (``Work.parsed`` is empty in the fast and accurate modes).
"""

from __future__ import annotations

import re

__all__ = [
    "FIRST_PERSON",
    "THIRD_PERSON",
    "clause_before",
    "content_words",
    "is_negated",
    "subject_before",
]

#: Pronouns that make the speaker the subject in direct speech.
FIRST_PERSON = frozenset({"i", "we", "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd"})
#: Pronouns that usually stand for the speaker in reported speech ("he said he was sorry").
THIRD_PERSON = frozenset({"he", "she", "they", "he's", "she's", "they're", "he'd", "she'd", "they'd"})
#: Pronouns and determiners that can head a clause without naming anyone.
NEUTRAL_SUBJECTS = frozenset({"it", "this", "that", "there", "what", "which", "who", "it's", "that's"})
OTHER_PERSON = frozenset({"you", "you're", "you've", "him", "her", "them"})

#: Words that negate or refuse what follows within a few words ("refused to apologise").
_NEGATORS = re.compile(
    r"\b(?:not|never|no|n't|refus\w*|declin\w*|without|rather than|instead of|nothing to|"
    r"no intention of|no plans? to|far from|ruled out|rules out|won't|wouldn't|don't|doesn't|didn't|"
    r"cannot|can't|hasn't|haven't|isn't|wasn't)\b",
    re.IGNORECASE,
)
_CLAUSE_STOP = re.compile(r"[.;:!?\n]|\b(?:because|while|although|whereas)\b")
_QUOTE_STOP = re.compile(r"[\"“”‘]|(?<![A-Za-z])['’](?![a-z])")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")

#: Function words left out of lexical overlap (a short list in the spirit of
#: NLTK's English stop words, plus reporting verbs that every quote shares).
STOP_WORDS = frozenset(
    """a an the and or but if of at by for with about against between into through during before after above
    below to from up down in out on off over under again further then once here there when where why how all any
    both each few more most other some such no nor not only own same so than too very can will just should now
    i me my myself we our ours ourselves you your yours he him his himself she her hers herself it its itself they
    them their theirs what which who whom this that these those am is are was were be been being have has had
    having do does did doing would could ought i'm you're he's she's it's we're they're i've you've we've they've
    i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't
    haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't mustn't let's that's
    who's what's here's there's when's where's why's how's said says say told tell also one would must may might
    mr mrs ms dr""".split()
)


def clause_before(text: str, pos: int, limit: int = 80, quotes: bool = True) -> str:
    """Return the words before ``pos`` back to the start of its clause (at most ``limit`` chars).

    Quotation marks end a clause when ``quotes`` is true (inside a quote's
    words); in a frame, where quotations are blanked, they do not.

    >>> clause_before("He left. Then I apologised", 16)
    ' Then I '
    """
    start = max(0, pos - limit)
    window = text[start:pos]
    stops = list(_CLAUSE_STOP.finditer(window))
    if quotes:
        stops += list(_QUOTE_STOP.finditer(window))
        stops.sort(key=lambda m: m.end())
    return window[stops[-1].end() :] if stops else window


def subject_before(text: str, pos: int, quotes: bool = True) -> str | None:
    """Return the nearest pronoun or capitalised word before ``pos`` in its clause, lower-cased.

    Capitalised words come back with their case, so callers can tell a name
    from a pronoun. None when the clause has neither.

    >>> subject_before("and I apologise", 6)
    'i'
    >>> subject_before("Ashdown should apologise", 15)
    'Ashdown'
    """
    clause = clause_before(text, pos, quotes=quotes)
    tokens = _TOKEN.findall(clause)
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i].replace("’", "'")
        low = tok.lower()
        if low in FIRST_PERSON or low in THIRD_PERSON or low in NEUTRAL_SUBJECTS or low in OTHER_PERSON:
            return low
        if low == "me":
            return "i"
        if tok[0].isupper() and low not in STOP_WORDS and i > 0:
            return tok
        if tok[0].isupper() and i == 0 and low not in STOP_WORDS and low not in _SENTENCE_OPENERS:
            return tok
    return None


_SENTENCE_OPENERS = frozenset({"on", "in", "after", "before", "asked", "speaking", "writing", "earlier", "later"})


def is_negated(text: str, pos: int, window: int = 30) -> bool:
    """Whether the words just before ``pos`` (same clause) negate what follows.

    >>> is_negated("He refused to apologise", 14)
    True
    >>> is_negated("I want to apologise", 10)
    False
    """
    clause = clause_before(text, pos, window)
    return bool(_NEGATORS.search(clause))


def content_words(text: str) -> frozenset[str]:
    """Return the lower-cased, crudely stemmed content words of ``text``.

    >>> sorted(content_words("The verdicts were appalling, he said"))
    ['appall', 'verdict']
    """
    out = set()
    for tok in _TOKEN.findall(text):
        low = tok.lower().replace("’", "'")
        if low in STOP_WORDS or len(low) < 3:
            continue
        out.add(_stem(low))
    return frozenset(out)


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
