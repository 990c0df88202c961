"""Content boundary corrections after the merge: each on a small hand-written case, kept and dropped."""

from __future__ import annotations

import doctest

from onrecord.attribution import boundaries
from onrecord.attribution.boundaries import (
    Boundaries,
    drop_detached_lead,
    drop_heading_piece,
    drop_unquoted_tail,
    fix_boundaries,
)
from onrecord.attribution.merge import MergeStage
from onrecord.model import Document
from onrecord.pipeline import Pipeline, build_article, load_stage, work_from_document
from onrecord.work import Candidate, Quotation, Work

TAGGER = "model:minilm-tagger"


def span(text: str, sub: str, start: int = 0) -> tuple[int, int]:
    i = text.index(sub, start)
    return i, i + len(sub)


def cand(text: str, content: list[str], cue: str, speaker: str | None = None, origin: str = TAGGER) -> Candidate:
    return Candidate(
        content=[span(text, c) for c in content],
        cue=span(text, cue),
        speaker=span(text, speaker) if speaker else None,
        origin=origin,
    )


def pieces(text: str, content: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in content]


def test_doctests() -> None:
    assert doctest.testmod(boundaries).failed == 0


# -- drop_detached_lead

HARBOUR = 'Pointing at the empty berths, fishermen in Porthcawl say, "Nobody comes here any more."'


def test_a_phrase_before_the_source_is_frame_when_the_quote_starts_a_sentence() -> None:
    c = cand(HARBOUR, ["the empty berths", "Nobody comes here any more."], "say", "fishermen in Porthcawl")
    assert pieces(HARBOUR, drop_detached_lead(HARBOUR, c)) == ["Nobody comes here any more."]


def test_a_sentence_split_by_its_attribution_keeps_both_halves() -> None:
    t = "The real problem, the harbourmaster said, is that the channel has silted up."
    c = cand(t, ["The real problem", "is that the channel has silted up"], "said", "the harbourmaster")
    assert drop_detached_lead(t, c) == c.content


def test_a_quotation_interrupted_by_its_attribution_keeps_both_halves() -> None:
    t = '"We used to land cod here," she said. "Now we land tourists."'
    c = cand(t, ["We used to land cod here,", "Now we land tourists."], "said", "she")
    assert drop_detached_lead(t, c) == c.content


def test_a_mixed_quote_before_the_attribution_keeps_both_halves() -> None:
    t = 'The new rules are "a death sentence for small boats," says Alun Price. "We will fight them."'
    c = cand(t, ["The new rules are \"a death sentence for small boats", "We will fight them."], "says", "Alun Price")
    assert drop_detached_lead(t, c) == c.content


# -- drop_heading_piece

FERRY = "Ferry timetable cut again.\n\nThe winter service will run twice a day, the operator said."


def test_a_headline_above_the_paragraph_is_not_content() -> None:
    c = cand(FERRY, ["Ferry timetable cut again.", "The winter service will run twice a day"], "said", "the operator")
    assert pieces(FERRY, drop_heading_piece(FERRY, c)) == ["The winter service will run twice a day"]


def test_a_quotation_continued_over_paragraphs_keeps_its_first_paragraph() -> None:
    t = 'She said: "We waited all night.\n\n"Then the lifeboat came," she said.'
    c = cand(t, ["We waited all night.", "Then the lifeboat came,"], "said", "she")
    assert drop_heading_piece(t, c) == c.content


def test_a_long_first_paragraph_is_kept() -> None:
    t = ("The council will close the library on Saturdays and cut the opening hours of the two branch "
         "libraries from next spring\n\nand then review the mobile service, the leader said.")
    first = t[: t.index("\n")]
    c = cand(t, [first, "and then review the mobile service"], "said", "the leader")
    assert drop_heading_piece(t, c) == c.content


# -- drop_unquoted_tail

BOAT = '"We will not give up the harbour," Mair Hughes told a meeting that was held in the chapel hall.'


def test_an_unquoted_clause_after_the_cue_of_a_quotation_is_not_its_content() -> None:
    c = cand(BOAT, ["We will not give up the harbour,", "that was held in the chapel hall"], "told", "Mair Hughes")
    assert pieces(BOAT, drop_unquoted_tail(BOAT, c)) == ["We will not give up the harbour,"]


def test_a_quotation_resumed_after_the_cue_keeps_both_halves() -> None:
    t = '"We will not give up the harbour," Mair Hughes said, "not while I live."'
    c = cand(t, ["We will not give up the harbour,", "not while I live."], "said", "Mair Hughes")
    assert drop_unquoted_tail(t, c) == c.content


# -- fix_boundaries


def test_fix_boundaries_leaves_rule_contents_and_can_be_switched_off() -> None:
    tagged = cand(BOAT, ["We will not give up the harbour,", "that was held in the chapel hall"], "told", "Mair Hughes")
    ruled = cand(BOAT, ["We will not give up the harbour,", "that was held in the chapel hall"], "told", "Mair Hughes",
                 origin=f"{TAGGER}+rule:quote-speaker-cue")
    out = fix_boundaries(BOAT, [tagged, ruled])
    assert pieces(BOAT, out[0].content) == ["We will not give up the harbour,"]
    assert out[1] is ruled
    off = Boundaries(detached_lead=False, heading_piece=False, unquoted_tail=False)
    assert fix_boundaries(BOAT, [tagged], options=off)[0] is tagged
    assert tagged.content == [span(BOAT, "We will not give up the harbour,"), span(BOAT, "that was held in the chapel hall")]


def test_a_corrected_candidate_gets_its_kind_again() -> None:
    q = Quotation(content=[span(BOAT, "We will not give up the harbour,")], open=0, close=BOAT.index('"', 1))
    c = cand(BOAT, ["We will not give up the harbour,", "that was held in the chapel hall"], "told", "Mair Hughes")
    c.kind = "mixed"
    assert fix_boundaries(BOAT, [c], [q])[0].kind == "direct"


class _FakeTagger:
    """Stands for the tagger stage: reads the quotation and the meeting clause as one content."""

    name = "tagger"
    needs = ("clean", "quotations")
    gives = ("candidates",)
    critical = True

    def __call__(self, work: Work) -> None:
        work.candidates = [
            cand(work.text, ["We will not give up the harbour,", "that was held in the chapel hall"], "told", "Mair Hughes")
        ]


def test_the_merge_stage_corrects_boundaries_with_offsets_into_the_input() -> None:
    p = Pipeline([load_stage("clean"), load_stage("quotes"), _FakeTagger(), MergeStage()])
    art = build_article(p.run(work_from_document(Document(id="boat", text=BOAT))))
    assert [q.text for q in art.quotes] == ["We will not give up the harbour,"]
    (s, e), = art.quotes[0].content
    assert BOAT[s:e] == art.quotes[0].text
    assert art.quotes[0].kind == "direct"


def test_straight_single_marks_count_as_a_quotation() -> None:
    t = "'I know Rhys. He is a fair man,' she said. 'This ruling will not stand.'"
    c = cand(t, ["I know Rhys. He is a fair man,", "This ruling will not stand."], "said", "she")
    assert drop_detached_lead(t, c) == c.content
