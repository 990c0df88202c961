"""Letters to the editor: each letter is its signer's own words.

A newspaper's letters page prints readers' letters one after another, each
under a short heading and signed at its foot ("Margaret Finch, Skipton", or
"Janet Howarth" over "Chair, Friends of Skipton Library"), with no quotation
marks and no "she wrote". :func:`find_letters` finds such a page and
attributes every letter's paragraphs to its signer, as one candidate whose
speaker span is the signature's name; what the letter quotes or reports of
others stays theirs (the caller subtracts those attributions, as for an
interview's answers). "The editor replies: …" after a letter is the editor's.

A page needs at least :data:`MIN_LETTERS` signatures and the word "letter(s)"
or "your views" somewhere on it, so that a news story's closing credit line
or a caption is never taken for a signature; a letter runs up from its
signature to its heading (a short line with no closing full stop) or to the
signature before it, and at most :data:`MAX_LETTER_PARAGRAPHS` paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..resolve.names import GIVEN_NAMES, HONORIFICS, ORG_WORDS, fold
from ..work import Candidate, Range

__all__ = ["find_letters"]

#: Fewest signed letters that make a page a letters page.
MIN_LETTERS = 2
#: Most paragraphs one letter may run to (letters pages print 50–400 words).
MAX_LETTER_PARAGRAPHS = 10
#: Most words of a letter's heading ("Closures show contempt for readers", "And finally…").
MAX_HEADING_WORDS = 9
#: Most words of the line under a signature's name ("Chair, Friends of Skipton Library", "Retired GP, Settle").
MAX_ROLE_WORDS = 9
#: Confidence of a letter (an interview answer's: the signature names the writer, no cue says so).
CONFIDENCE = 0.6

#: "Letters: ‘Libraries are not a luxury’", "Write to us", "Your views": the page says what it is.
_LETTERS_PAGE = re.compile(r"\b(?:[Ll]etters?|LETTERS|[Yy]our [Vv]iews|YOUR VIEWS)\b")
#: A signature: an optional honorific, a name of two to four capitalised words, optionally ", Town".
_SIGNATURE = re.compile(
    r"(?P<name>(?:(?:Dr|Cllr|Prof|Rev|Revd|Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Canon)\.?\s+)?"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[\w'’.&-]+){0,4}){0,2}\s*"
)
#: The editor's answer under a letter: "The editor replies: …", "Editor’s note: …".
_EDITOR_REPLY = re.compile(
    r"(?P<sp>(?:The\s+)?[Ee]ditor)(?:['’]s)?\s+(?P<cue>replies|responds|writes|reply|response|note)\s*[:—–-]\s*"
)
#: A line that ends a sentence (a letter's body, not its heading or signature).
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’')]*\s*$")


def _words(text: str) -> list[str]:
    return text.split()


def _signer(text: str, para: Range, known: bool = True) -> Range | None:
    """The name span of a signature paragraph, or None.

    With ``known``, the first name must be a given name the lists know (or an
    honorific stand before the name); without, the shape alone will do, for a
    page already shown to be one of letters.
    """
    s, e = para
    line = text[s:e].strip()
    m = _SIGNATURE.fullmatch(line)
    if m is None:
        return None
    name = m.group("name").split()
    first = name[0].rstrip(".")
    if fold(first) in HONORIFICS:
        first = name[1] if len(name) > 2 else ""
    elif len(name) > 3:
        return None
    if (known and fold(first) not in GIVEN_NAMES) or any(fold(w) in ORG_WORDS for w in name):
        return None
    written = m.group("name")
    if written.endswith(".") and len(written.split()[-1]) > 2:
        written = written[:-1]  # "Michael Pravica." on its own line: the name, not its full stop
    start = s + text[s:e].index(written)
    return start, start + len(written)


def _is_heading(text: str, para: Range) -> bool:
    """A letter's heading ("Volunteers stand ready", "And finally…") or a section label in capitals
    ("FACEBOOK.", where a page prints readers' posts)."""
    body = text[para[0] : para[1]].strip()
    words = _words(body)
    if 0 < len(words) <= 3 and body.rstrip(".:").isupper():
        return True
    return 0 < len(words) <= MAX_HEADING_WORDS and not _ENDS_SENTENCE.search(body) and not body.endswith(":")


def _is_role_line(text: str, para: Range) -> bool:
    """The line under a signature's name: a role ("Chair, Friends of Skipton Library") or a place
    ("Henderson, Nev.")."""
    body = text[para[0] : para[1]].strip()
    words = _words(body)
    if not 0 < len(words) <= MAX_ROLE_WORDS or not body[:1].isupper():
        return False
    return not _ENDS_SENTENCE.search(body) or (len(words) <= 4 and "," in body and all(w[:1].isupper() for w in words))


def find_letters(text: str, paragraphs: Sequence[Range]) -> list[Candidate]:
    """The letters of a letters page, one candidate per letter (and per editor's reply); [] elsewhere."""
    if not _LETTERS_PAGE.search(text):
        return []
    paras = [p for p in paragraphs if text[p[0] : p[1]].strip()]

    def signed(known: bool) -> dict[int, Range]:
        return {i: sp for i, p in enumerate(paras) if i > 0 and (sp := _signer(text, p, known)) is not None
                and _ENDS_SENTENCE.search(text[paras[i - 1][0] : paras[i - 1][1]])}

    if len(signed(True)) < MIN_LETTERS:
        return []
    signers = signed(False)  # a first name no list knows ("Thaddeus Quill, Grassington"), once the page is one of letters
    out: list[Candidate] = []
    taken: set[int] = set(signers)
    for i, speaker in sorted(signers.items()):
        if i + 1 < len(paras) and _is_role_line(text, paras[i + 1]) and i + 1 not in signers:
            taken.add(i + 1)  # "Chair, Friends of Skipton Library" under the name
        body: list[Range] = []
        j = i - 1
        while j >= 0 and j not in taken and not _is_heading(text, paras[j]) and len(body) <= MAX_LETTER_PARAGRAPHS:
            body.append(paras[j])
            j -= 1
        if not body or j < 0 or len(body) > MAX_LETTER_PARAGRAPHS:
            continue  # no heading nor signature above it: the page's own text, not a letter
        taken.update(range(j + 1, i))
        body = [p for p in body if not _EDITOR_REPLY.match(text, p[0])]  # the editor's, read below
        if not body:
            continue
        out.append(Candidate(content=sorted(body), kind="direct", cue=None, speaker=speaker,
                             confidence=CONFIDENCE, origin="rule:letter"))
    for p in paras:
        reply = _EDITOR_REPLY.match(text, p[0])
        if reply and reply.end() < p[1]:
            out.append(Candidate(content=[(reply.end(), p[1])], kind="direct", cue=reply.span("cue"),
                                 speaker=reply.span("sp"), confidence=CONFIDENCE, origin="rule:letter"))
    out.sort(key=lambda c: c.start)
    return out
