"""Tokens and sentences the attribution rules read, from a regex or from spaCy.

The rules work on one small token type, :class:`Tok`, so that the same
patterns run in the fast mode (tokens from a regular expression, no parser,
no model) and in the rules mode (tokens from spaCy's parse, with the
dependency arcs filled in). Offsets are ``str`` indices into the document.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

__all__ = ["Tok", "lexical_sentences", "parsed_sentences"]

#: Words, numbers with inner punctuation, contractions, and single symbols.
TOKEN_RE = re.compile(
    r"(?i:mr|mrs|ms|dr|prof|sen|rep|gov|gen|st|jr|sr|lt|col|sgt|rev|hon|gen|inc|corp|ltd|co|capt|cpl|pvt|maj|adm"
    r"|cmdr|det|insp|supt|cllr)\.(?=\s)|(?:[A-Z]\.){1,3}(?=\s|,)|"
    r"[\w@#]+(?:[’'.\-][\w]+)*(?:[’']s)?|''|``|\S")
#: Abbreviations that end with a dot but not a sentence (news style).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc corp co ltd vs u.s a.m p.m rev fr hon jan feb "
    "capt cpl pvt maj adm cmdr det insp supt cllr "
    "aug sept sep oct nov dec".split()
)
_SENT_END = re.compile(r"[.!?…]+[”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")


class Tok(NamedTuple):
    """One token: its span, text, and (from a parse) lemma, tag and head.

    A named tuple rather than a frozen dataclass: the rules make about a
    thousand per article and read them often, and a tuple is built 3.5 times
    faster (0.26 vs 0.95 us here), which made tokenising a fifth of fast mode.
    """

    i: int
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""
    dep: str = ""
    head: int = -1

    @property
    def lower(self) -> str:
        return self.text.lower()


#: Initials run together ("S.R", "H.W"; the final stop is the match's).
_STACKED_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
#: Words that open a sentence after an abbreviation's stop ("… in the U.S. The firm said").
_OPENERS = frozenset("The A An But And He She It They We I In On At This That There His Her Its Their".split())


def _opens_quotation(word: str) -> bool:
    """True when ``word`` starts with an opening quotation mark."""
    return word[:1] in ("“", "‘", '"')


def _next_word(text: str, pos: int) -> str:
    """The word after white space at ``pos`` ("" at the end)."""
    words = text[pos : pos + 16].split(maxsplit=1)
    return words[0] if words else ""


def lexical_sentences(text: str, start: int, end: int) -> list[list[Tok]]:
    """Split ``text[start:end]`` into sentences of regex tokens.

    >>> [[t.text for t in s] for s in lexical_sentences("Mr. Blunt said no. He left.", 0, 27)]
    [['Mr.', 'Blunt', 'said', 'no', '.'], ['He', 'left', '.']]
    >>> [t.text for t in lexical_sentences('she wrote on X. “Yes.”', 0, 22)[0]]
    ['she', 'wrote', 'on', 'X', '.']
    >>> [t.text for t in lexical_sentences('she wrote on X. She left.', 0, 25)[1]]
    ['She', 'left', '.']
    """
    cuts = [start]
    for m in _SENT_END.finditer(text, start, end):
        word = re.search(r"(\w[\w.]*)\.$", text[max(start, m.start() - 12) : m.start() + 1])
        if m.group().startswith(".") and word and (word.group(1).lower() in ABBREVIATIONS or (
                len(word.group(1)) == 1 and _next_word(text, m.end()) not in _OPENERS)) \
                and not _opens_quotation(_next_word(text, m.end())):
            # an initial or an abbreviation; "… wrote in a post on X. “…", "she told ST. “…", "… wrote on X. She
            # later told …" end there
            continue
        if m.group().startswith(".") and word and _STACKED_INITIALS.fullmatch(word.group(1)) \
                and _next_word(text, m.end()) not in _OPENERS:
            continue  # "Chief Minister S.R. Kempanna said": initials before a name, not a sentence end
        cuts.append(m.end())
    cuts.append(end)
    sentences = []
    for s, e in zip(cuts, cuts[1:], strict=False):
        toks = []
        for m in TOKEN_RE.finditer(text, s, e):
            word = m.group()
            if word.endswith(".") and len(word) > 1 and not text[m.end() : e].strip() and (
                    word[:-1].lower() not in ABBREVIATIONS or _opens_quotation(text[e : e + 3].lstrip())):
                toks.append(Tok(len(toks), m.start(), m.end() - 1, word[:-1]))
                toks.append(Tok(len(toks), m.end() - 1, m.end(), "."))
            else:
                toks.append(Tok(len(toks), m.start(), m.end(), word))
        if toks:
            sentences.append(toks)
    return sentences


def parsed_sentences(offset: int, doc: Any) -> list[list[Tok]]:
    """Turn a spaCy Doc (character ``i`` = document offset + ``i``) into sentences of Toks.

    Heads point to token indices within the same sentence (-1 for the root);
    white-space tokens are kept so that indices stay spaCy's.
    """
    out = []
    for sent in doc.sents:
        base = sent.start
        toks = []
        for t in sent:
            head = t.head.i - base if t.head.i != t.i else -1
            toks.append(Tok(t.i - base, offset + t.idx, offset + t.idx + len(t.text), t.text,
                            t.lemma_.lower(), t.pos_, t.dep_, head))
        if toks:
            out.append(toks)
    return out
