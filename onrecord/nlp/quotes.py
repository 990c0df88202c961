"""Quotation marks: find the runs of text inside them, paragraph by paragraph.

:func:`find_quotations` scans each paragraph once, left to right, keeping a
stack of open marks, so a text full of unbalanced marks still takes linear
time. It knows

- curly double “ ” and single ‘ ’ marks, straight " and ', doubled
  apostrophes ``''`` (and PTB-style ``\\`\\` ... ''``), guillemets « » and
  ‹ › (either direction), and the German „ “;
- apostrophes that look like single marks: don't, Blunt's, students',
  '90s, rock 'n' roll, 'em;
- nesting (a British ‘single’ quotation with “double” marks inside, or the
  American way round): only the outermost quotation is returned, the inner
  one is part of its content;
- quotations that run over paragraphs, where each paragraph opens again and
  only the last closes: one :class:`~onrecord.work.Quotation` with one content
  range per paragraph.

Unbalanced marks never raise: they give warnings ("unclosed quotation mark at
N") and a best-effort result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..work import Quotation, Range, Work

__all__ = ["QuotesStage", "find_quotations"]

#: Every mark the scanner looks at; doubled apostrophes and backticks first.
MARK_RE = re.compile(r"''|``|[“”‘’\"'«»‹›„]")

#: Mark families: which closers may end a quotation opened by each opener.
CLOSERS = {
    "“": "”\"“",
    "„": "“”",
    '"': "\"”",
    "''": "''\"”",
    "``": "''\"”",
    "‘": "’'",
    "'": "'’",
    "’": "’'",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
}

#: Openers counted as single marks (their failures are usually apostrophes).
SINGLE = frozenset("‘'’›‹")

#: Openers that may start a continuation paragraph of a quotation opened by a key.
CONTINUES = {
    "“": "“\"„",
    '"': "\"“",
    "„": "„“",
    "''": "''\"“`",
    "``": "``''\"“",
    "‘": "‘'",
    "'": "'‘",
    "’": "‘'’",
    "«": "«»",
    "»": "»«",
    "‹": "‹›",
    "›": "›‹",
}

#: Characters after which a mark opens (besides white space).
OPEN_BEFORE = frozenset("([{—–-/:;“‘\"'«»‹›„`")
#: Characters before which a mark closes (besides white space).
CLOSE_AFTER = frozenset(")]}.,;:!?—–-/”’\"'»«›‹…")
#: Punctuation that usually ends quoted speech just before the closing mark.
SPEECH_END = frozenset(".,!?…—-;:")

#: Words that follow an eliding apostrophe ('em, 'cause); from common usage.
ELISIONS = frozenset(["em", "cause", "til", "tis", "twas", "bout", "n", "round", "s"])

#: More warnings than this per document are summarised in one line.
MAX_WARNINGS = 20

_DIGIT_ELISION = re.compile(r"\d\d(?:s\b|\b)")
_WORD = re.compile(r"[A-Za-z]+")
_LINE = re.compile(r"[^\n]+")


@dataclass
class _Open:
    mark: str
    pos: int  # position of the mark
    start: int  # content start (just after the mark)
    paragraph_start: bool  # the mark is the paragraph's first non-space character


@dataclass
class _Running:
    """An outermost quotation that is still open, maybe over paragraphs."""

    mark: str
    open: int
    ranges: list[Range]


def find_quotations(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quotation], list[str]]:
    """Find the outermost quotations in ``text``, inside the given paragraphs.

    Args:
        text: the document (usually ``Work.clean``).
        paragraphs: ``(start, end)`` ranges of the paragraphs to scan, in order;
            text outside them is ignored.

    Returns:
        The quotations in text order and the warnings about unbalanced marks.

    >>> qs, warnings = find_quotations('He said "yes, I\\'ll go."', [(0, 24)])
    >>> [('He said "yes, I\\'ll go."'[s:e]) for q in qs for s, e in q.content]
    ["yes, I'll go."]
    """
    scanner = _Scanner(text)
    paragraphs = [(max(0, s), min(len(text), e)) for s, e in paragraphs if e > s]
    for k, (start, end) in enumerate(paragraphs):
        nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        scanner.scan_paragraph(start, end, nxt)
    return [q for q in scanner.quotations if not _is_nickname(text, q)], scanner.summarised_warnings()


#: A nickname set inside a name: "Siobhán ‘Shiv’ Lennon", 'Dwayne "The Rock" Johnson'.
_NAME_WORD_BEFORE = re.compile(r"(?:^|[\s(])[A-Z][\w'’.-]*[ \u00a0]$")
_NAME_WORD_AFTER = re.compile(r"[ \u00a0][A-Z][\w'’-]+")
_NICKNAME = re.compile(r"(?:[A-Z][\w'’.-]*)(?:[ \u00a0][A-Z][\w'’.-]*)?")


def _is_nickname(text: str, q: Quotation) -> bool:
    """Whether ``q`` is a nickname between a given name and a surname, no one's words.

    >>> t = "the former captain Siobhán ‘Shiv’ Lennon said"
    >>> _is_nickname(t, Quotation([(t.index("Shiv"), t.index("’ L"))], t.index("‘"), t.index("’ L")))
    True
    """
    if q.close is None or len(q.content) != 1:
        return False
    s, e = q.content[0]
    return _NICKNAME.fullmatch(text, s, e) is not None \
        and _NAME_WORD_BEFORE.search(text, max(0, q.open - 30), q.open) is not None \
        and _NAME_WORD_AFTER.match(text, q.close + 1) is not None


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.quotations: list[Quotation] = []
        self.warnings: list[str] = []
        self.running: _Running | None = None

    # -- warnings -------------------------------------------------------------
    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def summarised_warnings(self) -> list[str]:
        if len(self.warnings) <= MAX_WARNINGS:
            return list(self.warnings)
        more = len(self.warnings) - MAX_WARNINGS
        return self.warnings[:MAX_WARNINGS] + [f"... and {more} more unbalanced quotation marks"]

    # -- one paragraph --------------------------------------------------------
    def scan_paragraph(self, start: int, end: int, nxt: Range | None) -> None:
        text = self.text
        marks = [(m.start(), m.group()) for m in MARK_RE.finditer(text, start, end)]
        first = _first_nonspace(text, start, end)
        stack: list[_Open] = []
        i0 = 0
        if self.running is not None:
            # A continuation paragraph must open again with a mark of the family.
            if marks and marks[0][0] == first and marks[0][1] in CONTINUES[self.running.mark]:
                pos, mark = marks[0]
                stack.append(_Open(self.running.mark, self.running.open, pos + len(mark), True))
                i0 = 1
            else:  # pragma: no cover - callers check the next paragraph first
                self.finish_unclosed(self.running.open)
        # Rightmost single mark that follows speech-ending punctuation and closes:
        # a plural possessive (students’ union) before it is an apostrophe.
        last_speech_single = -1
        for pos, mark in marks:
            if mark in "’'" and pos > start and text[pos - 1] in SPEECH_END:
                last_speech_single = pos
        for pos, mark in marks[i0:]:
            self.take_mark(stack, pos, mark, start, end, first, last_speech_single)
        self.end_paragraph(stack, start, end, nxt)

    def take_mark(self, stack: list[_Open], pos: int, mark: str, start: int, end: int,
                  first: int, last_speech_single: int) -> None:
        text = self.text
        before = text[pos - 1] if pos > start else " "
        after_pos = pos + len(mark)
        after = text[after_pos] if after_pos < end else " "
        left = not after.isspace() and (before.isspace() or before in OPEN_BEFORE)
        right = not before.isspace() and (after.isspace() or after in CLOSE_AFTER)

        if mark in "'’":
            if before.isalnum() and after.isalnum():
                return  # don't, Blunt's
            if not before.isalnum() and _is_elision(text, after_pos, end):
                return  # '90s, 'em, rock 'n' roll
            if before == "n" and pos >= 2 and text[pos - 2] in "'’" and (pos < 3 or text[pos - 3].isspace()):
                return  # the second mark of 'n'
            if mark == "’" and not right:
                if self.close(stack, pos, mark, quiet=True):
                    return
                return  # wrong-way curly apostrophe (’90s, ’em)
            if right and not left:
                if before in "sS" and pos < last_speech_single and _has_single_open(stack):
                    return  # students’ union inside a British quotation
                self.close(stack, pos, mark, quiet=True)
                return
            if left and not right:
                self.open(stack, pos, mark, first)
                return
            # ambiguous: close if a single quotation is open, else open
            if not self.close(stack, pos, mark, quiet=True):
                self.open(stack, pos, mark, first)
            return
        if mark == "‘":
            if right and not left and _has_single_open(stack):
                self.close(stack, pos, mark, quiet=True)
                return
            self.open(stack, pos, mark, first)
            return
        if mark in ('"', "''"):
            if left and not right:
                self.open(stack, pos, mark, first)
            elif right and not left:
                self.close(stack, pos, mark, quiet=False)
            elif not self.close(stack, pos, mark, quiet=True):
                self.open(stack, pos, mark, first)
            return
        if mark in ("“", "„", "``", "‹", "«"):
            if mark == "“" and stack and stack[-1].mark == "„":
                self.close(stack, pos, mark, quiet=False)
                return
            if mark in "«‹" and _has_open(stack, "»" if mark == "«" else "›"):
                self.close(stack, pos, mark, quiet=False)
                return
            self.open(stack, pos, mark, first)
            return
        if mark in ("»", "›"):
            if self.close(stack, pos, mark, quiet=True):
                return
            if left:  # German-style »...«
                self.open(stack, pos, mark, first)
                return
            self.warn(f"unmatched closing quotation mark at {pos}")
            return
        # ”
        if not self.close(stack, pos, mark, quiet=True):
            if left and not right:
                stack.append(_Open("“", pos, pos + 1, pos == first))  # ” used both ways
            else:
                self.warn(f"unmatched closing quotation mark at {pos}")

    def open(self, stack: list[_Open], pos: int, mark: str, first: int) -> None:
        stack.append(_Open(mark, pos, pos + len(mark), pos == first))

    def close(self, stack: list[_Open], pos: int, mark: str, quiet: bool) -> bool:
        """Close the innermost open quotation that ``mark`` can close."""
        for k in range(len(stack) - 1, -1, -1):
            if mark in CLOSERS[stack[k].mark]:
                inner = stack[k + 1:]
                for o in inner:
                    if o.mark not in SINGLE:
                        self.warn(f"unclosed quotation mark at {o.pos}")
                del stack[k + 1:]
                opened = stack.pop()
                if not stack:
                    self.emit(opened, pos, mark)
                return True
            if stack[k].mark not in SINGLE and mark in SINGLE:
                return False  # a single mark never closes across an open double one
        if not quiet:
            self.warn(f"unmatched closing quotation mark at {pos}")
        return False

    def emit(self, opened: _Open, close: int, mark: str) -> None:
        inner = _strip(self.text, opened.start, close)
        if self.running is not None:
            ranges = self.running.ranges + ([inner] if inner[1] > inner[0] else [])
            if ranges:  # '“ ⏎ “ ”': marks around nothing quote nothing
                self.quotations.append(Quotation(ranges, self.running.open, close, True, self.running.mark))
            self.running = None
            return
        if inner[1] > inner[0]:
            self.quotations.append(Quotation([inner], opened.pos, close, True, opened.mark))

    def end_paragraph(self, stack: list[_Open], start: int, end: int, nxt: Range | None) -> None:
        if not stack:
            if self.running is not None:  # pragma: no cover - defensive
                self.finish_unclosed(self.running.open)
            return
        outer = stack[0]
        for o in stack[1:]:
            if o.mark not in SINGLE:
                self.warn(f"unclosed quotation mark at {o.pos}")
        content = _strip(self.text, outer.start, end)
        if nxt is not None:
            first = _first_nonspace(self.text, nxt[0], nxt[1])
            if first < nxt[1]:
                m = MARK_RE.match(self.text, first)
                if m and m.group() in CONTINUES[outer.mark]:
                    if self.running is None:
                        self.running = _Running(outer.mark, outer.pos, [])
                    if content[1] > content[0]:
                        self.running.ranges.append(content)
                    return
        if outer.mark in SINGLE and not outer.paragraph_start and self.running is None:
            before = self.text[outer.pos - 1] if outer.pos > start else " "
            if before not in ":,":
                return  # most likely an apostrophe ('em, rock 'n roll)
        if self.running is None:
            self.running = _Running(outer.mark, outer.pos, [])
        if content[1] > content[0]:
            self.running.ranges.append(content)
        self.finish_unclosed(outer.pos)

    def finish_unclosed(self, pos: int) -> None:
        running = self.running
        self.running = None
        self.warn(f"unclosed quotation mark at {pos}")
        if running is not None and running.ranges:
            self.quotations.append(Quotation(running.ranges, running.open, None, False, running.mark))


def _first_nonspace(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _strip(text: str, start: int, end: int) -> Range:
    start = _first_nonspace(text, start, end)
    return start, _rstrip(text, start, end)


def _is_elision(text: str, at: int, end: int) -> bool:
    if _DIGIT_ELISION.match(text, at, end):
        return True
    m = _WORD.match(text, at, end)
    if not m or m.group().lower() not in ELISIONS:
        return False
    nxt = text[m.end()] if m.end() < end else " "
    if m.group().lower() == "n":
        return nxt in "'’"
    return not nxt.isalnum() and nxt not in "'’"


def _has_single_open(stack: list[_Open]) -> bool:
    return any(o.mark in SINGLE for o in stack)


def _has_open(stack: list[_Open], mark: str) -> bool:
    return any(o.mark == mark for o in stack)


def line_paragraphs(text: str) -> list[Range]:
    """Return the non-empty lines of ``text`` as paragraph ranges.

    The fallback when no cleaning stage has set ``Work.paragraphs``.

    >>> line_paragraphs("a b\\n\\n c\\n")
    [(0, 3), (6, 7)]
    """
    out: list[Range] = []
    for m in _LINE.finditer(text):
        s = _first_nonspace(text, m.start(), m.end())
        e = _rstrip(text, s, m.end())
        if e > s:
            out.append((s, e))
    return out


class QuotesStage:
    """Pipeline stage: ``Work.quotations`` from the marks in ``Work.clean``."""

    name = "quotes"
    needs = ("clean", "paragraphs")
    gives = ("quotations",)
    critical = False

    def __call__(self, work: Work) -> None:
        """Find the quotations of one document and record warnings."""
        text = work.clean or work.text
        paragraphs = work.paragraphs or line_paragraphs(text)
        quotations, warnings = find_quotations(text, paragraphs)
        work.quotations = quotations
        for message in warnings:
            work.warn(message)
