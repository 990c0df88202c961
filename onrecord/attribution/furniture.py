"""Page furniture among attributions: what a reading on a listed headline or a byline is, and its removal.

The clean stage blanks furniture it is sure of before anything reads the text; these
filters run after attribution, on the candidates, for what only a line's place on the
page gives away (a box of related headlines, the author's name under a standfirst).
Filtering after the tagger, not blanking before it, keeps the tagger's windows where
they were: blanking moved them and cost PolNeAR dev accuracy.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from ..text.clean import byline_lines, is_headline_line, is_listed_headline
from ..text.letters import unicode_caps
from ..work import Candidate, Range

__all__ = [
    "BODY_LINE",
    "boilerplate_regions",
    "drop_appeal_lines",
    "drop_author_bios",
    "drop_boilerplate",
    "drop_bylines",
    "drop_furniture",
    "drop_headlines",
    "drop_notices",
    "drop_pull_quotes",
    "strip_edges",
    "subtract",
]


def drop_furniture(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without what they read on bylines (:func:`drop_bylines`), listed headlines
    (:func:`drop_headlines`) or a press release's boilerplate (:func:`drop_boilerplate`)."""
    return drop_anonymity_requests(text, drop_author_bios(text, drop_appeal_lines(text, drop_pull_quotes(text, drop_notices(
        text, drop_boilerplate(text, drop_headlines(text, drop_bylines(text, cands))))))))


#: What a source asked for when asking not to be named: "(who asked) not to be identified because …",
#: "(who requested) anonymity to discuss the talks".
_ANONYMITY_REQUEST = re.compile(
    r"(?i)(?:(?:not\s+)?to\s+be\s+(?:named|identified)(?:\s+by\s+name)?|anonymity|to\s+remain\s+anonymous"
    r"|that\s+(?:his|her|their)\s+(?:full\s+|last\s+|real\s+)?(?:sur)?name\s+(?:not\s+be|be\s+withheld|be\s+omitted)"
    r"(?:\s+(?:published|used|printed|given|disclosed))?)"
    r"(?:\s+(?:because|for\s+fear|as|since|so|to\s+(?:discuss|speak|describe|talk))\b.*)?", re.S)


def drop_anonymity_requests(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without a request to stay unnamed read as what was said ("one developer, who asked [not to
    be named], said"): the condition of the interview, not a statement.

    >>> t = "One developer, who asked not to be named, said the hours were brutal."
    >>> c = Candidate(content=[(t.index("not to"), t.index(", said"))], cue=(t.index("asked"), t.index(" not")))
    >>> drop_anonymity_requests(t, [c])
    []
    >>> t = "said Wilmer, a student who asked that his surname not be published."
    >>> drop_anonymity_requests(t, [Candidate(content=[(t.index("that his"), len(t) - 1)])])
    []
    """
    return [c for c in cands if not (c.content and _ANONYMITY_REQUEST.fullmatch(text, c.content[0][0], c.content[-1][1]))]


#: A line about the article's author: "Lorna Pettigrew covers U.S. financial markets from New York, with a
#: focus on bonds", "Nadia Verhoeven is a staff writer who covers animals".
_AUTHOR_BIO = re.compile(unicode_caps(
    r"[ \t]*[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3}[ \t]+(?:covers|reports\s+on|writes\s+about|has\s+covered"
    r"|is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:reporter|writer|correspondent|editor|journalist|columnist))\b"
))


def drop_author_bios(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without those read wholly on a line about the author ("Lorna Pettigrew covers U.S.
    financial markets from New York, with a focus on bonds"): a beat, not a statement.

    >>> t = "The Fed held rates, its chair said.\\nLorna Pettigrew covers markets, with a focus on bonds."
    >>> c = Candidate(content=[(t.index("bonds"), t.index("bonds") + 5)], speaker=None)
    >>> drop_author_bios(t, [c])
    []
    """
    out = []
    for c in cands:
        s, e = c.content[0][0], c.content[-1][1]
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", s)
        line_end = len(text) if line_end < 0 else line_end
        subject = len(text[line_start:line_end]) - len(text[line_start:line_end].lstrip()) + line_start
        if (c.speaker is None or c.speaker[0] == subject) and e <= line_end and _AUTHOR_BIO.match(text, line_start):
            continue  # (one with another source stays: "Mayor Jane Smith covers the costs herself, she said")
        out.append(c)
    return out


#: A police appeal's closing line: "Anyone with information is asked to call 101 quoting crime reference 14/…".
_REFERENCE = re.compile(r"(?i)(?:crime\s+|incident\s+|log\s+|occurrence\s+)?(?:reference|ref\b|log\b|incident\s+number)")


def drop_appeal_lines(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without a police appeal's closing line read as a statement: "Anyone with information is
    asked to call 101 quoting crime reference 14/…" (no one speaks; "quoting" a reference is no cue).

    >>> t = "Anyone with information is asked to call 101 quoting crime reference 14/88231/25."
    >>> c = Candidate(content=[(t.index("crime"), len(t) - 1)], cue=(t.index("quoting"), t.index("quoting") + 7), speaker=None)
    >>> drop_appeal_lines(t, [c])
    []
    """
    out = []
    for c in cands:
        if c.speaker is None and c.content:
            line_start = text.rfind("\n", 0, c.content[0][0]) + 1
            line_end = text.find("\n", c.content[-1][1])
            line = text[line_start : len(text) if line_end < 0 else line_end]
            if _APPEAL.match(line) or (c.cue is not None and text[c.cue[0] : c.cue[1]].lower() == "quoting"
                                       and _REFERENCE.match(text, c.content[0][0])):
                continue
        out.append(c)
    return out


#: The line a police appeal closes with: "Anyone with information is asked to call 101 …", "Witnesses or
#: anyone with dashcam footage should contact …".
_APPEAL = re.compile(r"\s*(?:Anyone|Anybody|Witnesses|Those|People)\b[^.\n]{0,80}?\b(?:call|contact|ring|report)\b"
                     r"[^\n]{0,120}?(?:\b101\b|999|911|Crimestoppers|quoting|reference|hotline|police)", re.I)


#: Least share of a pull quote's words that one other paragraph of the page holds.
PULL_QUOTE_OVERLAP = 0.8
#: Fewest words (of three letters or more) a pull quote is tested on; shorter quotations stay.
PULL_QUOTE_WORDS = 5
_WORD = re.compile(r"[^\W\d_][\w'’]{2,}")


#: A pull quote signed with a dash: "“We are not ATMs.” — Maya Ortiz ’27".
_PULL_QUOTE_SIGNED = re.compile(r"(?P<quote>[“\"‘'][^\n]+[”\"’'])\s*[—–]\s*[A-Z][^\n]{1,60}")


def _said_elsewhere(text: str, words: str, ps: int, pe: int) -> bool:
    """Whether ``words`` stand verbatim in running text outside the line ``[ps, pe)``, a longer line."""
    for m in re.finditer(re.escape(words), text):
        if ps <= m.start() < pe:
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        if le - ls >= max(BODY_LINE, 2 * (pe - ps)):
            return True
    return False


def drop_pull_quotes(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without pull quotes: a paragraph that is one quotation and nothing else, read with no
    source, only "I"/"we" or a source off its line, whose words another paragraph of the page already holds (a magazine's "“I was
    waiting for permission to stop.”" set between paragraphs, repeating the answer it was taken from).

    >>> text = ("My mother said I could quit, and I think I was waiting for permission to stop. I was so angry with "
    ...         "her that I got on a plane three days later.\\n\\n"
    ...         "“I was waiting for permission to stop.”\\n\\nWhat next?")
    >>> pull = Candidate(content=[(text.index("“I was") + 1, text.index(".”") + 1)], speaker=None)
    >>> drop_pull_quotes(text, [pull])
    []
    """
    out = []
    paragraphs = None
    for c in cands:
        if len(c.content) == 1:
            s, e = c.content[0]
            ps = text.rfind("\n", 0, s) + 1
            pe = text.find("\n", e)
            pe = len(text) if pe < 0 else pe
            # read with no source, "I"/"we", or a source off its line (a cue the line itself does not hold)
            if not (c.speaker is None or text[c.speaker[0] : c.speaker[1]].strip().lower() in ("i", "we")
                    or not ps <= c.speaker[0] < pe):
                out.append(c)
                continue
            line = text[ps:pe].strip()
            signed = _PULL_QUOTE_SIGNED.fullmatch(line)
            if signed and len(signed.group("quote")) - (e - s) <= 4 and len(_WORD.findall(text[s:e])) >= 3 \
                    and _said_elsewhere(text, text[s:e].strip(" .,!?"), ps, pe):
                continue  # "“We are not ATMs.” — Maya Ortiz ’27": her words, set again between paragraphs
            if line[:1] in "“\"‘'" and line[-1:] in "”\"’'" and len(line) - (e - s) <= 4:
                words = {w.lower() for w in _WORD.findall(text[s:e])}
                if len(words) >= PULL_QUOTE_WORDS:
                    if paragraphs is None:
                        paragraphs = [(m.start(), len(m.group()), {w.lower() for w in _WORD.findall(m.group())})
                                      for m in re.finditer(r"[^\n]+", text)]
                    # the words' source is running text (not a headline quoting the same words) twice as long
                    if any(start != ps and size >= max(BODY_LINE, 2 * len(line))
                           and len(words & other) >= PULL_QUOTE_OVERLAP * len(words) for start, size, other in paragraphs):
                        continue
        out.append(c)
    return out


#: A paragraph in which the publisher corrects itself: "Correction: An earlier version of this article
#: misquoted …", "Clarification: This article was amended …", "[Editor's note: …]".
_NOTICE = re.compile(
    r"^[ \t]*[\[(]?(?:(?:Correction|Clarification|Editor['’]s[ \t]+[Nn]ote|Amendment)s?(?:,[^:\n]{1,30})?[ \t]*(?::|—|–|-[ \t])"
    # the wires' form: "This story has been corrected to show that …"
    r"|This[ \t]+(?:story|article|report)[ \t]+(?:has[ \t]+been|was)[ \t]+(?:corrected|amended|updated)\b)",
    re.M | re.I,
)


def drop_notices(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without those read wholly in the publisher's own notice: a correction, a clarification
    or an editor's note is the paper speaking of its article ("misquoted Cllr Ashcroft as describing the
    sale as “…”"), not a statement of anyone it quotes.

    >>> text = "The mayor said the pool would reopen.\\n\\nCorrection: An earlier version misquoted her as saying it would close."
    >>> said = Candidate(content=[(text.index("the pool"), text.index(" reopen") + 7)], speaker=(0, 9))
    >>> noted = Candidate(content=[(text.index("it would close"), len(text) - 1)], speaker=None)
    >>> [c is said for c in drop_notices(text, [said, noted])]
    [True]
    >>> text = "He served three terms.\\n\\nThis story has been corrected to show that he served three terms, not four."
    >>> drop_notices(text, [Candidate(content=[(text.index("he served"), len(text) - 1)], speaker=None)])
    []
    """
    notices = []
    for m in _NOTICE.finditer(text):
        end = text.find("\n", m.end())
        notices.append((m.start(), len(text) if end < 0 else end))
    if not notices:
        return list(cands)
    return [c for c in cands if not all(any(s <= a and b <= e for s, e in notices) for a, b in c.content)]


#: A line that opens a press release's boilerplate: "About Halvard Systems", "Forward-Looking
#: Statements", "Safe Harbor Statement", "Media Contact:" (PR Newswire, Business Wire, GlobeNewswire).
_BOILERPLATE_HEADING = re.compile(
    r"^[ \t]*(?:About[ \t]+(?:the[ \t]+)?[A-Z][^\n.!?:]{0,80}"
    r"|(?:Cautionary[ \t]+(?:Note|Statement)[ \t]+(?:Regarding|on|about)[ \t]+)?Forward[- ]Looking[ \t]+Statements?"
    r"|Safe[ \t]+Harbou?r(?:[ \t]+Statement)?"
    r"|(?:Media|Press|Investor)[ \t]+(?:Contacts?|Relations|Inquiries|Enquiries)[ \t]*:?)[ \t]*$",
    re.M,
)
#: A wire's dateline tag on a press release ("/PRNewswire/ --", "(BUSINESS WIRE) --").
_WIRE_TAG = re.compile(
    r"/\s*(?:PRNewswire|PR Newswire|CNW|GLOBE NEWSWIRE|ACCESSWIRE|EINPresswire)(?:-[A-Z]+)?\s*/|\(BUSINESS WIRE\)"
)
#: The line that closes a release on a wire: "SOURCE Halvard Systems, Inc.".
_SOURCE_LINE = re.compile(r"^SOURCE[ \t]+[A-Z][^\n]*$", re.M)
#: Most characters of a release's boilerplate after its first heading (two company descriptions, the
#: legal caution and the contacts run to about 3,000); what follows is no longer the release's.
MAX_BOILERPLATE_CHARS = 6000
#: How far before a heading a wire's dateline tag may stand (characters): a long release.
WIRE_TAG_REACH = 20000


def boilerplate_regions(text: str) -> list[Range]:
    """Where a press release's closing boilerplate lies in ``text``.

    From a heading (:data:`_BOILERPLATE_HEADING`) to the release's "SOURCE
    Company" line, or at most :data:`MAX_BOILERPLATE_CHARS` on. A heading
    counts when a wire's dateline tag stands before it, a "SOURCE" line
    closes it, or another kind of heading follows it within the region
    ("About Halvard Systems" then "Forward-Looking Statements"): an "About
    the author" box in a news story is none of these.
    """
    regions: list[Range] = []
    for h in _BOILERPLATE_HEADING.finditer(text):
        if regions and h.start() < regions[-1][1]:
            continue
        limit = h.start() + MAX_BOILERPLATE_CHARS
        source = _SOURCE_LINE.search(text, h.end(), limit)
        end = source.end() if source else min(len(text), limit)
        kinds = {m.group().split()[0] for m in _BOILERPLATE_HEADING.finditer(text, h.start(), end)}
        if source or len(kinds) > 1 or _WIRE_TAG.search(text, max(0, h.start() - WIRE_TAG_REACH), h.start()):
            regions.append((h.start(), end))
    return regions


def drop_boilerplate(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without those read wholly in a press release's closing boilerplate
    (:func:`boilerplate_regions`): the companies' descriptions ("About Halvard Systems"), the legal
    caution about forward-looking statements and the press contacts, where nothing is anyone's
    statement ("similar expressions … identify forward-looking statements", an award's name in
    quotation marks).

    >>> text = "ACME Corp said it would grow.\\n\\nAbout ACME\\nACME says it \\"builds things\\".\\n\\nSOURCE ACME Corp"
    >>> grow = Candidate(content=[(text.index("it would"), text.index("grow") + 4)], speaker=(0, 9))
    >>> builds = Candidate(content=[(text.index("builds"), text.index("things") + 6)], speaker=None)
    >>> [c is grow for c in drop_boilerplate(text, [grow, builds])]
    [True]
    """
    regions = boilerplate_regions(text)
    if not regions:
        return list(cands)
    starts = [s for s, _ in regions]

    def inside(s: int, e: int) -> bool:
        k = bisect.bisect_right(starts, s) - 1
        return k >= 0 and regions[k][0] <= s and e <= regions[k][1]

    return [c for c in cands if not all(inside(s, e) for s, e in c.content)]


#: A listed line opening with one of these is a quote or a signature, not a headline: readers' quotes
#: signed "― Name", an embedded post over "— Owen Pettigrew MP (@OwenPettigrewMP) November 26, 2025".
_NOT_A_HEADLINE = "\"“”‘'«„—―–-"

#: A line of running text is at least this long (characters) and ends in a stop: a paragraph, not a heading.
BODY_LINE = 120


def drop_headlines(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without those read wholly on a listed headline below the article's first paragraph: a
    short line with no closing stop or quotation mark that sits among others like it, or anywhere after
    the last paragraph of running text ("Canadian consumers are “past the worst”", "Russian glide bombs
    kill 2 in Kharkiv Oblast, injure 11" in a "Most read" list), or in a box of them inside the body
    (:func:`_headline_blocks`); a reading across two listed lines goes too. The top of the page (headline,
    standfirst) and the body are left alone: a standfirst can carry a real statement, and a short line
    between paragraphs may be one too (PolNeAR dev lost 0.1 of whole F1 when those went as well).

    >>> body = "The minister said the plan had failed and that she would not resign over it this week. " * 2
    >>> text = body + "\\n\\nMost read\\nMayor says budget will balance by May\\nRail strike called off"
    >>> teaser = Candidate(content=[(text.index("budget"), text.index(" by May") + 7)], speaker=None)
    >>> said = Candidate(content=[(0, 30)], speaker=None)
    >>> [c is said for c in drop_headlines(text, [said, teaser])]
    [True]
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    body = [i for i, (s, e) in enumerate(lines) if len(text[s:e].strip()) >= BODY_LINE and not is_headline_line(text[s:e].strip())]
    if not body:
        return list(cands)
    first, last = body[0], body[-1]
    listed = set()
    for i, (s, e) in enumerate(lines):
        if i <= first or not is_headline_line(text[s:e].strip()):
            continue
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(lines) and is_headline_line(text[lines[j][0]:lines[j][1]].strip())]
        if i > last and near:
            listed.add(i)
    listed |= _headline_blocks(text, lines, first)
    if not listed:
        return list(cands)
    starts = [s for s, _ in lines]
    out = []

    def on_listed(s: int, e: int) -> bool:
        first, last = (bisect.bisect_right(starts, p) - 1 for p in (s, e - 1))
        return all(i in listed and starts[i] <= max(s, starts[i]) < lines[i][1] for i in range(first, last + 1))

    for c in cands:
        spans = list(c.content) + ([c.speaker] if c.speaker is not None else [])
        if not all(on_listed(s, e) for s, e in spans):
            out.append(c)
    return out


def _headline_blocks(text: str, lines: Sequence[tuple[int, int]], first: int) -> set[int]:
    """The indexes of ``lines`` below line ``first`` in a box of listed headlines inside the body ("More on
    this topic" over two headlines): a group of at least two lines with no blank line between them, each
    shaped like a listed headline, none opening with a quotation mark (readers' quotes signed "― Name"),
    and not the items of a list the line above introduces with a colon ("the following tasks:")."""
    groups: list[list[int]] = []
    for i in range(first + 1, len(lines)):
        if groups and groups[-1][-1] == i - 1 and "\n" not in text[lines[i - 1][1] + 1:lines[i][0]]:
            groups[-1].append(i)
        else:
            groups.append([i])
    out = set()
    for group in groups:
        items = [text[s:e].strip() for s, e in (lines[i] for i in group)]
        if len(group) < 2 or any(not is_listed_headline(x) or x[0] in _NOT_A_HEADLINE for x in items):
            continue
        if text[lines[group[0] - 1][0]:lines[group[0] - 1][1]].rstrip().endswith(":"):
            continue
        out.update(group)
    return out


def drop_bylines(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without what they read on byline lines (:func:`onrecord.text.clean.byline_lines`).

    A content wholly on a byline ("By Hannah Vogel", "Lulama Ndlovu" over
    "Published 3h ago") is never a quote and goes; a content that runs from
    a standfirst onto the author's name under it loses the name.
    """
    lines = byline_lines(text)
    if not lines:
        return list(cands)
    out = []
    for c in cands:
        content = list(c.content)
        for line in lines:
            if line[0] < content[-1][1] and content[0][0] < line[1]:
                content = [p for p in (strip_edges(text, r) for r in subtract(content, line)) if p]
                if not content:
                    break
        if any(any(ch.isalnum() for ch in text[s:e]) for s, e in content):
            out.append(c if content == list(c.content) else replace(c, content=content))
    return out


def strip_edges(text: str, piece: Range) -> Range | None:
    """``piece`` without white space or opening quotation marks at its edges; None when nothing is left."""
    s, e = piece
    while s < e and (text[s].isspace() or text[s] in "“‘\"'«"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def subtract(content: Sequence[Range], span: Range) -> list[Range]:
    """The parts of ``content`` outside ``span``.

    >>> subtract([(0, 10), (20, 30)], (5, 25))
    [(0, 5), (25, 30)]
    """
    out: list[Range] = []
    for s, e in content:
        if s < span[0]:
            out.append((s, min(e, span[0])))
        if e > span[1]:
            out.append((max(s, span[1]), e))
    return out
