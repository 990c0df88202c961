"""The merge of tagger and fast-rules attributions: each policy on hand-built candidates, and (slow) accurate mode end to end."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

from onrecord.attribution import merge
from onrecord.attribution.merge import MergePolicy, MergeStage, merge_candidates, rule_of
from onrecord.attribution.rules import find_candidates
from onrecord.attribution.tagger import MODEL_DIR
from onrecord.model import Document
from onrecord.nlp.quotes import QuotesStage
from onrecord.pipeline import MODES, Pipeline, build_article, load_stage, work_from_document
from onrecord.work import Candidate, Work

CASES = Path(__file__).resolve().parents[1] / "cases" / "merge.jsonl"
HAS_MODEL = (MODEL_DIR / "tagger.onnx").is_file() and (MODEL_DIR / "tokenizer.json").is_file()
TAGGER = "model:minilm-tagger"

# A colon-introduced quotation over two paragraphs, only the last closed, with its
# trailing "she said" (British style), then an indirect statement.
OKAFOR = (
    "Lisa Okafor said outside the hearing: “We have heard a lot of sorry today.\n\n"
    "“We will keep coming back,” she said.\n\n"
    "The chair said the inquiry would sit again in May."
)


def span(text: str, sub: str, start: int = 0) -> tuple[int, int]:
    i = text.index(sub, start)
    return i, i + len(sub)


def tag(text: str, content: list[str], cue: str, speaker: str | None = None, conf: float = 0.6) -> Candidate:
    return Candidate(
        content=[span(text, c) for c in content],
        cue=span(text, cue),
        speaker=span(text, speaker) if speaker else None,
        confidence=conf,
        origin=TAGGER,
    )


def rule(text: str, name: str, content: list[str], cue: str, speaker: str | None) -> Candidate:
    return Candidate(
        content=[span(text, c) for c in content],
        cue=span(text, cue),
        speaker=span(text, speaker) if speaker else None,
        confidence=0.8,
        origin=f"rule:{name}",
    )


def texts(text: str, cands: list[Candidate]) -> list[list[str]]:
    return [[text[s:e] for s, e in c.content] for c in cands]


def okafor_candidates() -> tuple[list[Candidate], list[Candidate]]:
    t = OKAFOR
    said2 = span(t, "said", t.index("she said"))
    tagged = [
        tag(t, ["We have heard a lot of sorry today."], "said", "Lisa Okafor"),
        Candidate(content=[span(t, "We will keep coming back,")], cue=said2, speaker=span(t, "she"),
                  confidence=0.7, origin=TAGGER),
        tag(t, ["the inquiry would sit again in May"], "said the inquiry"[:4] and "The chair said"[10:], "The chair"),
    ]
    tagged[2].cue = span(t, "said", t.index("The chair"))
    ruled = [
        Candidate(content=[span(t, "We have heard a lot of sorry today."), span(t, "We will keep coming back,")],
                  cue=said2, speaker=span(t, "she"), origin="rule:quote-speaker-cue"),
    ]
    return tagged, ruled


def test_doctests() -> None:
    assert doctest.testmod(merge).failed == 0


def test_quote_content_joins_a_quotation_the_tagger_split() -> None:
    tagged, ruled = okafor_candidates()
    out = merge_candidates(OKAFOR, tagged, ruled)
    assert texts(OKAFOR, out) == [
        ["We have heard a lot of sorry today.", "We will keep coming back,"],
        ["the inquiry would sit again in May"],
    ]
    joined = out[0]
    assert OKAFOR[joined.cue[0]:joined.cue[1]] == "said" and joined.cue[0] > OKAFOR.index("she")
    assert joined.origin == f"{TAGGER}+rule:quote-speaker-cue"
    assert joined.confidence == 0.7  # the tagger's calibrated confidence stands
    assert out[1].origin == TAGGER


def test_inputs_are_not_modified() -> None:
    tagged, ruled = okafor_candidates()
    before = [(list(c.content), c.cue, c.speaker, c.origin) for c in tagged + ruled]
    merge_candidates(OKAFOR, tagged, ruled)
    assert [(list(c.content), c.cue, c.speaker, c.origin) for c in tagged + ruled] == before


def test_quote_content_off_keeps_the_tagger() -> None:
    tagged, ruled = okafor_candidates()
    out = merge_candidates(OKAFOR, tagged, ruled, policy=MergePolicy(quote_content=False))
    assert texts(OKAFOR, out) == texts(OKAFOR, tagged)


def test_quote_content_needs_the_cues_to_agree() -> None:
    t = '“We will not back down,” Jones said, and Smith agreed.'
    tagged = [tag(t, ["We will not back down"], "agreed", "Smith")]
    ruled = [rule(t, "quote-speaker-cue", ["We will not back down,"], "said", "Jones")]
    assert texts(t, merge_candidates(t, tagged, ruled)) == [["We will not back down"]]
    out = merge_candidates(t, tagged, ruled, policy=MergePolicy(agree=False))
    assert texts(t, out) == [["We will not back down,"]] and t[out[0].cue[0]:out[0].cue[1]] == "agreed"


def test_quote_content_skipped_when_another_cue_lies_inside_the_quotation() -> None:
    # the quotation pairing swallowed a scare-quoted chant: the tagger reads two attributions
    t = '"Trump walked on, chanting “U-S-A!”\n\n“That’s right, baby,” Melanie said.'
    tagged = [tag(t, ["U-S-A!"], "chanting"), tag(t, ["That’s right, baby,"], "said", "Melanie")]
    ruled = [rule(t, "quote-speaker-cue", ["Trump walked on, chanting “U-S-A!", "That’s right, baby,"], "said", "Melanie")]
    assert texts(t, merge_candidates(t, tagged, ruled)) == texts(t, tagged)


def test_quote_content_skipped_when_the_rule_joined_across_its_cue_what_the_tagger_gave_another() -> None:
    # '… “A.” She adds, “B.”': the rule joins A to B through "adds"; the tagger gives A to "says"
    t = 'She says he is the “same rigged system.” She adds, “What kind of genius loses a billion?”'
    tagged = [tag(t, ["he is the “same rigged system."], "says", "She"),
              tag(t, ["What kind of genius loses a billion?"], "adds", "She adds"[:3])]
    tagged[1].speaker = span(t, "She", t.index("She adds"))
    ruled = [rule(t, "quote-speaker-cue", ["same rigged system.", "What kind of genius loses a billion?"], "adds", None)]
    ruled[0].speaker = tagged[1].speaker
    assert texts(t, merge_candidates(t, tagged, ruled)) == texts(t, tagged)


def test_quote_content_keeps_a_tagger_content_reaching_outside_the_marks() -> None:
    # a mixed quote: the tagger's content has words outside the quotation
    t = 'Smith said the ruling was “a disgrace”, the union said.'
    tagged = [tag(t, ["the ruling was “a disgrace”"], "said", "Smith")]
    ruled = [rule(t, "quote-speaker-cue", ["a disgrace"], "said", "Smith")]
    ruled[0].cue = tagged[0].cue
    assert texts(t, merge_candidates(t, tagged, ruled)) == [["the ruling was “a disgrace”"]]
    out = merge_candidates(t, tagged, ruled, policy=MergePolicy(max_outside=100))
    assert texts(t, out) == [["a disgrace"]]


def test_cut_short_name_is_made_whole() -> None:
    t = "A spokesperson for the Department for Levelling Up, Housing and Communities said: “We are clear.”"
    tagged = [tag(t, ["We are clear."], "said", "Housing and Communities")]
    ruled = [rule(t, "speaker-cue-colon-quote", ["We are clear."],
                  "said", "A spokesperson for the Department for Levelling Up, Housing and Communities")]
    out = merge_candidates(t, tagged, ruled)
    assert t[out[0].speaker[0]:out[0].speaker[1]].startswith("A spokesperson for the Department")
    assert "+rule:speaker-cue-colon-quote" in out[0].origin
    kept = merge_candidates(t, tagged, ruled, policy=MergePolicy(extend_source=frozenset()))
    assert t[kept[0].speaker[0]:kept[0].speaker[1]] == "Housing and Communities"


def test_a_different_speaker_is_not_an_extension() -> None:
    t = "Even now at 86 she still says: “We are not all equal.”"
    tagged = [tag(t, ["We are not all equal."], "says", "she")]
    ruled = [rule(t, "speaker-cue-colon-quote", ["We are not all equal."], "says", "Even now at 86 she")]
    out = merge_candidates(t, tagged, ruled)
    assert t[out[0].speaker[0]:out[0].speaker[1]] == "she"


def test_fill_and_prefer_cue_source_are_opt_in() -> None:
    t = '“It is over,” said the minister.'
    tagged = [tag(t, ["It is over,"], "said")]
    ruled = [rule(t, "quote-cue-speaker", ["It is over,"], "said", "the minister")]
    assert merge_candidates(t, tagged, ruled)[0].speaker is None
    filled = merge_candidates(t, tagged, ruled, policy=MergePolicy(fill_cue_source=frozenset({"quote-cue-speaker"})))
    assert t[filled[0].speaker[0]:filled[0].speaker[1]] == "the minister"
    tagged[0].speaker = span(t, "minister")
    preferred = merge_candidates(t, tagged, ruled, policy=MergePolicy(prefer_cue_source=frozenset({"quote-cue-speaker"})))
    assert t[preferred[0].speaker[0]:preferred[0].speaker[1]] == "the minister"


def test_rules_the_tagger_missed_are_added_only_when_listed() -> None:
    t = "The mayor said the bridge would reopen. “We are ready,” said Ms Hale."
    tagged = [tag(t, ["the bridge would reopen"], "said", "The mayor")]
    ruled = [rule(t, "quote-cue-speaker", ["We are ready,"], "said Ms Hale"[:4], "Ms Hale")]
    ruled[0].cue = span(t, "said", t.index("said Ms"))
    assert texts(t, merge_candidates(t, tagged, ruled)) == [["the bridge would reopen"]]
    out = merge_candidates(t, tagged, ruled, policy=MergePolicy(add=frozenset({"quote-cue-speaker"})))
    assert texts(t, out) == [["the bridge would reopen"], ["We are ready,"]]
    assert out[1].origin == "rule:quote-cue-speaker" and out[1].confidence == 0.8


def test_tagger_candidates_in_junk_are_dropped() -> None:
    t = "READ MORE: Minister says sorry\n\nThe minister said she was sorry."
    junk = [span(t, "READ MORE: Minister says sorry")]
    tagged = [tag(t, ["sorry"], "says", "Minister"), tag(t, ["she was sorry"], "said", "The minister")]
    assert texts(t, merge_candidates(t, tagged, [], junk)) == [["she was sorry"]]
    assert len(merge_candidates(t, tagged, [], junk, MergePolicy(drop_junk=False))) == 2


class _FakeTagger:
    """Gives hand-made candidates as the tagger would (no model)."""

    name = "tagger"
    needs = ("clean", "quotations")
    gives = ("candidates",)
    critical = True

    def __call__(self, work: Work) -> None:
        work.candidates = okafor_candidates()[0]


def test_merge_stage_runs_the_fast_rules_itself() -> None:
    p = Pipeline([load_stage("clean"), load_stage("quotes"), _FakeTagger(), MergeStage()])
    art = build_article(p.run(work_from_document(Document(id="o", text=OKAFOR))))
    assert [q.text for q in art.quotes] == [
        "We have heard a lot of sorry today. We will keep coming back,",
        "the inquiry would sit again in May",
    ]
    assert [q.id for q in art.quotes] == ["q1", "q2"]
    assert "+rule:" in art.quotes[0].origin


def test_accurate_mode_runs_the_merge_after_the_tagger() -> None:
    names = MODES["accurate"]
    assert names.index("tagger") + 1 == names.index("merge") < names.index("resolve")


def _cases() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.slow
@pytest.mark.skipif(not HAS_MODEL, reason="the tagger model is not installed")
@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["name"])
def test_gold_case_in_accurate_mode(case: dict) -> None:
    import onrecord

    art = onrecord.extract(case["text"], id=case["name"], mode="accurate")
    for gold in case["quotes"]:
        found = [q for q in art.quotes if all(s in q.text for s in gold["contains"])]
        assert len(found) == 1, (gold, [q.text for q in art.quotes])
        q = found[0]
        assert q.kind == gold["kind"]
        if "speaker" in gold:
            assert q.speaker is not None and q.speaker.text == gold["speaker"]
        if "speaker_name" in gold:
            assert q.speaker_name == gold["speaker_name"]


def test_quote_content_skipped_when_another_attribution_reaches_out_of_the_quotation() -> None:
    # '“A,” Warren said. “B” to drive up the price, she said': the rule joins B; the tagger gives B (and more) to "she said"
    t = "“This isn’t right,” Warren said. “You squeezed them” to drive up the price, she said."
    said2 = span(t, "said", t.index("she said"))
    tagged = [tag(t, ["This isn’t right,"], "said", "Warren"),
              Candidate(content=[span(t, "You squeezed them” to drive up the price")], cue=said2,
                        speaker=span(t, "she"), origin=TAGGER)]
    ruled = [rule(t, "quote-speaker-cue", ["This isn’t right,", "You squeezed them"], "said", "Warren")]
    assert texts(t, merge_candidates(t, tagged, ruled)) == texts(t, tagged)


def test_a_source_of_function_words_only_takes_the_rule_speaker() -> None:
    # "… and said X": the tagger kept only "The" of "The Labour MP"
    t = "The Labour MP also claimed the trial was unfair and said the family had been hounded."
    tagged = [tag(t, ["the family had been hounded"], "said", "The")]
    ruled = [rule(t, "reported-clause", ["the family had been hounded"], "said", "The Labour MP")]
    out = merge_candidates(t, tagged, ruled)
    assert t[out[0].speaker[0]:out[0].speaker[1]] == "The Labour MP"
    assert out[0].origin.startswith(TAGGER) and "+rule:" in out[0].origin


def test_a_real_source_is_kept() -> None:
    t = "Smith said the family had been hounded."
    tagged = [tag(t, ["the family had been hounded"], "said", "Smith")]
    ruled = [rule(t, "reported-clause", ["the family had been hounded"], "said", "Smith said"[:5])]
    ruled[0].speaker = (0, 3)  # a different (wrong) rule speaker must not replace a real one
    assert merge_candidates(t, tagged, ruled)[0].speaker == (0, 5)


def test_the_addressee_of_told_gives_way_to_the_rules_subject() -> None:
    # the tagger read "Addis" (of "told Addis Standard that") as the source
    t = "Ato Gemechu Bekele Tufa, head of the bureau, told Addis Standard that only 12,500 quintals had arrived."
    tagged = [tag(t, ["Standard that only 12,500 quintals had arrived"], "told", "Addis")]
    ruled = [rule(t, "reported-clause", ["only 12,500 quintals had arrived"], "told", "Ato Gemechu Bekele Tufa")]
    out = merge_candidates(t, tagged, ruled)
    assert t[out[0].speaker[0]:out[0].speaker[1]] == "Ato Gemechu Bekele Tufa"


def test_a_name_inside_the_content_gives_way_to_the_rules_subject() -> None:
    t = "The judge found that the paper’s reporter, Gareth Yelland, had put only a diluted version to her."
    tagged = [Candidate(content=[span(t, "that the paper’s reporter,"), span(t, "had put only a diluted version to her")],
                        cue=span(t, "found"), speaker=span(t, "Gareth Yelland"), confidence=0.35, origin=TAGGER)]
    ruled = [rule(t, "reported-that", ["that the paper’s reporter, Gareth Yelland, had put only a diluted version to her"],
                  "found", "The judge")]
    assert merge_candidates(t, tagged, ruled)[0].speaker == span(t, "The judge")


def test_the_source_after_an_inverted_said_is_kept() -> None:
    # only "told" puts an addressee after its cue: "…,” said Amira Haddad" names the speaker there
    t = "“We will not leave,” said Amira Haddad, whose brother told reporters the same."
    tagged = [tag(t, ["We will not leave,"], "said", "Amira Haddad")]
    ruled = [rule(t, "quote-speaker-cue", ["We will not leave,"], "said", "whose brother")]
    ruled[0].speaker = (0, 2)
    assert merge_candidates(t, tagged, ruled)[0].speaker == span(t, "Amira Haddad")


def test_a_source_the_tagger_read_as_content_gives_way_to_the_rule() -> None:
    t = "In a later message, Mr Ferrity appeared to refer to a donation, writing: “That’s the 5k gone.”"
    tagged = [Candidate(content=[span(t, "Mr Ferrity"), span(t, "That’s the 5k gone.")], cue=span(t, "writing:"),
                        speaker=None, confidence=0.09, origin=TAGGER)]
    ruled = [rule(t, "speaker-cue-colon-quote", ["That’s the 5k gone."], "writing", "Mr Ferrity")]
    out = merge_candidates(t, tagged, ruled)
    assert [t[a:b] for a, b in out[0].content] == ["That’s the 5k gone."]
    assert t[out[0].speaker[0]:out[0].speaker[1]] == "Mr Ferrity" and out[0].confidence == 0.8
    off = merge_candidates(t, tagged, ruled, policy=MergePolicy(source_as_content=False))
    assert off[0].speaker is None


def test_a_name_the_tagger_cut_short_on_the_left_takes_the_rules() -> None:
    t = "Consumer group Fair Borrowing Lydonia said lenders had been quick to put rates up."
    tagged = [tag(t, ["lenders had been quick to put rates up"], "said", "Lydonia")]
    ruled = [rule(t, "reported-clause", ["lenders had been quick to put rates up"], "said", "Fair Borrowing Lydonia")]
    out = merge_candidates(t, tagged, ruled)
    assert t[out[0].speaker[0]:out[0].speaker[1]] == "Fair Borrowing Lydonia"


def test_an_according_to_attribution_the_tagger_missed_is_added() -> None:
    t = "(CNN) — A grand jury has subpoenaed the aide, according to two officials familiar with the matter."
    ruled = find_candidates(t, [(0, len(t))], [])
    assert [rule_of(r) for r in ruled] == ["according-to"]
    out = merge_candidates(t, [], ruled)
    assert texts(t, out) == texts(t, ruled)
    assert merge_candidates(t, [], ruled, policy=MergePolicy(add=frozenset())) == []


def test_byline_line_yields_no_quote():
    text = "Striker stalls\n\nBy Chris Ashworth, Sky Sports News chief reporter\n\nThe manager said the deal was off."
    work = Work("t", text)
    work.clean = text
    QuotesStage()(work)
    s = text.index("By")
    work.candidates = [Candidate(content=[(s, s + 2)], origin="model:minilm-tagger", confidence=0.4)]
    MergeStage()(work)
    assert all(text[c.start : c.end] != "By" for c in work.candidates)


def test_author_name_over_a_dateline_yields_no_quote_and_is_cut_from_a_standfirst():
    text = ("Senate probe: drone deal under fire\n\n(UPDATED) Senator Teodoro Villaraza says the committee will "
            "subpoena four officials\n\nBea Lumbao-Santos\nPublished 4:12 PM, September 23, 2025\n\nThe hearing resumed.")
    work = Work("t", text)
    work.clean = text
    QuotesStage()(work)
    s, e = text.index("the committee"), text.index("Bea Lumbao-Santos") + len("Bea Lumbao-Santos")
    n = text.index("Bea")
    work.candidates = [
        Candidate(content=[(s, e)], cue=span(text, "says"), speaker=span(text, "Senator Teodoro Villaraza"),
                  origin=TAGGER, confidence=0.4, kind="indirect"),
        Candidate(content=[(n, n + len("Bea Lumbao-Santos"))], origin=TAGGER, confidence=0.4),
    ]
    MergeStage()(work)
    assert [text[c.start : c.end] for c in work.candidates] == [
        "the committee will subpoena four officials"
    ]


def test_an_according_to_content_the_tagger_cut_short_becomes_the_rules() -> None:
    t = ("According to charging documents, Ostrowski had been drinking at a party for four hours, and a breath "
         "test taken two hours afterward showed a blood alcohol content of 0.17.")
    tagged = [tag(t, ["Ostrowski had been drinking at a party for four hours"], "According to", "charging documents")]
    ruled = find_candidates(t, [(0, len(t))], [])
    assert [rule_of(r) for r in ruled] == ["according-to"]
    (out,) = merge_candidates(t, tagged, ruled)
    assert texts(t, [out]) == texts(t, ruled)
    (kept,) = merge_candidates(t, tagged, ruled, policy=MergePolicy(according_to_whole=False))
    assert texts(t, [kept]) == [["Ostrowski had been drinking at a party for four hours"]]


def test_the_writers_own_act_read_without_a_source_is_dropped() -> None:
    t = "When I read the minister’s words back to Kilbride, she laughed. “Not this year,” she said."
    work = Work("t", t)
    work.clean = t
    QuotesStage()(work)
    writer = Candidate(content=[span(t, "the minister’s words back to Kilbride")], cue=span(t, "read"),
                       origin=TAGGER, confidence=0.4, kind="indirect")
    nurse = tag(t, ["Not this year,"], "said", "she")
    work.candidates = [writer, nurse]
    MergeStage()(work)
    assert [texts(t, [c])[0] for c in work.candidates] == [["Not this year,"]]


PASK = ("The 30-year-old number eight said his players were “absolutely gutted” and that he had asked "
        "referee Tomás Keane for a fuller explanation.")


def test_conjunct_clause_the_tagger_left_off_is_joined() -> None:
    t = PASK
    tagged = [tag(t, ["his players were “absolutely gutted”"], "said", "The 30-year-old number eight")]
    ruled = [rule(t, "reported-clause", ["his players were “absolutely gutted” and that he had asked referee Tomás "
                                         "Keane for a fuller explanation"], "said", "The 30-year-old number eight")]
    out = merge_candidates(t, tagged, ruled)
    assert texts(t, out) == [["his players were “absolutely gutted” and that he had asked referee Tomás Keane "
                              "for a fuller explanation"]]
    assert out[0].origin == f"{TAGGER}+rule:reported-clause"
    assert texts(t, merge_candidates(t, tagged, ruled, policy=MergePolicy(conjuncts=False))) == [
        ["his players were “absolutely gutted”"]]


def test_conjunct_clause_another_tagger_attribution_holds_is_left_to_it() -> None:
    t = PASK
    tagged = [tag(t, ["his players were “absolutely gutted”"], "said", "The 30-year-old number eight"),
              tag(t, ["he had asked referee Tomás Keane for a fuller explanation"], "asked")]
    ruled = [rule(t, "reported-clause", ["his players were “absolutely gutted” and that he had asked referee Tomás "
                                         "Keane for a fuller explanation"], "said", "The 30-year-old number eight")]
    assert texts(t, merge_candidates(t, tagged, ruled))[0] == ["his players were “absolutely gutted”"]


def test_no_conjunct_no_extension() -> None:
    t = "She said the plan was “dead”, adding that nobody would miss it."
    tagged = [tag(t, ["the plan was “dead”"], "said", "She")]
    ruled = [rule(t, "reported-clause", ["the plan was “dead”, adding that nobody would miss it"], "said", "She")]
    assert texts(t, merge_candidates(t, tagged, ruled)) == [["the plan was “dead”"]]


WITHDRAWN = ("A CONSERVATIVE MP has withdrawn a statement in which he described the fraud conviction of a fellow MP "
             "as “a miscarriage of justice”, two days after it was published.")


def _withdrawn(conf: float) -> tuple[list[Candidate], list[Candidate]]:
    t = WITHDRAWN
    tagged = [tag(t, ["a statement in which he described the fraud conviction of a fellow MP as “a miscarriage of "
                      "justice”"], "has withdrawn", "A CONSERVATIVE MP", conf=conf)]
    ruled = [rule(t, "reported-naming", ["the fraud conviction of a fellow MP as “a miscarriage of justice”"],
                  "described", "he")]
    return tagged, ruled


def test_a_report_inside_an_unsure_tagger_content_is_added() -> None:
    t = WITHDRAWN
    out = merge_candidates(t, *_withdrawn(0.12))
    assert [t[c.speaker[0]:c.speaker[1]] for c in out] == ["A CONSERVATIVE MP", "he"]
    assert out[1].origin == "rule:reported-naming"


def test_a_report_inside_a_sure_tagger_content_is_not_added() -> None:
    assert len(merge_candidates(WITHDRAWN, *_withdrawn(0.6))) == 1
    assert len(merge_candidates(WITHDRAWN, *_withdrawn(0.12), policy=MergePolicy(nested=frozenset()))) == 1
