"""Join one speaker's coordinated statements in one sentence into one quote.

A reporter often gives one person's statement through two cues in a row:
"Hale called it “a triumph of nerve”, though he warned that the second act
“sags”", "The 71-year-old said he had been invited … and called it “the best day
out I've ever had”", "…, calling it “a disgrace”". The attribution stages read
each cue as an attribution of its own (PolNeAR's unit, and what ``onrecord
evaluate polnear`` scores); a reader wants the statement, so :class:`JoinStage`
makes one quote of them: the contract's ``content`` holds several ranges when
"the statement is split by the attribution", and the first cue stays its cue.

Two neighbouring quotes are joined only when everything holds:

- the same speaker entity, resolved (never an unresolved guess);
- the second quote's cue lies between them, and what else lies between is a
  connector and at most a pronoun or a short subject (", though he warned", " and
  said", ", calling", ", and it warned"): no other words, no sentence end, no
  new paragraph;
- the second quote's speaker mention, if any, is in that gap or is the first's
  (the subject a parse gives a coordinated verb).
"""

from __future__ import annotations

import re

from ..work import Candidate, Work

__all__ = ["JoinStage", "join_candidates"]

#: What may stand between the first quote and the second quote's cue: a comma, a connector, a pronoun or a
#: short definite subject, an adverb ("and also said", ", though he warned", ", and it warned", " but the
#: minister added"). Hand-listed from the e2e articles' coordinated statements.
_CONNECTOR = re.compile(
    r"[\"”’']?\s*[,;]?\s*(?:(?:and|but|though|although|while|yet|then|before|after)\s*,?\s+)?"
    r"(?:(?:he|she|they|it|we|I|(?:[Tt]he|[Tt]his|[Hh]is|[Hh]er|[Tt]heir)\s+[a-z][\w-]*)\s+)?"
    r"(?:(?:also|later|further|then|again|even|still)\s+)?"
)


def _coordinated(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` continues ``a`` through a coordinated cue of the same speaker."""
    if a.speaker_id is None or a.speaker_id != b.speaker_id or b.cue is None:
        return False
    gap_start, gap_end = a.end, b.start
    if not (gap_start <= b.cue[0] and b.cue[1] <= gap_end):
        return False
    if text[b.cue[1] : gap_end].strip(" ,"):
        return False  # words between the cue and the content: another object, another clause (", he argued, after
        # the two men …" is one parenthetical cue)
    before = text[gap_start : b.cue[0]]
    if "\n" in before:
        return False  # a new paragraph
    if b.speaker is not None and b.speaker != a.speaker and not (gap_start <= b.speaker[0] and b.speaker[1] <= b.cue[0]):
        return False  # a subject of its own elsewhere (the parse gives a coordinated verb the shared one)
    return _CONNECTOR.fullmatch(before) is not None


def _joined(a: Candidate, b: Candidate) -> Candidate:
    a.content = a.content + b.content
    a.kind = a.kind if a.kind == b.kind else "mixed"
    a.confidence = min(a.confidence, b.confidence)
    if "+join" not in a.origin:
        a.origin = f"{a.origin}+join"
    if b.attribution == "speech":
        a.attribution = "speech"
    return a


def join_candidates(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, in text order, with each run of coordinated statements of one speaker joined."""
    out: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, c.end)):
        if out and _coordinated(text, out[-1], c):
            _joined(out[-1], c)
        else:
            out.append(c)
    return out


class JoinStage:
    """Join coordinated statements of one speaker (see the module's docstring).

    Args:
        enabled: False keeps one quote per cue, PolNeAR's unit (``onrecord evaluate``).
    """

    name = "join"
    needs = ("candidates",)
    gives = ("candidates",)
    critical = False

    def __init__(self, enabled: bool = True):
        self.enabled = bool(enabled)

    def __call__(self, work: Work) -> None:
        if self.enabled:
            work.candidates = join_candidates(work.text, work.candidates)
