"""Question frames: the asker named first is never the source (onrecord.attribution.frames)."""

from __future__ import annotations

from onrecord.attribution.frames import (
    complete_titles,
    detach_distant_sources,
    free_answerers,
    free_relative_sources,
    free_unnamed_sources,
    question_frame,
    replace_false_sources,
)
from onrecord.work import Candidate


def span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    s = text.index(piece, after)
    return s, s + len(piece)


def test_a_source_reaching_into_the_askers_name_moves_to_the_answerer() -> None:
    t = ("Responding to a question from Nyandarua Senator Peter Gichuru, Energy Cabinet Secretary Naomi Koros "
         "told the Senate that the government had exhausted every lever.")
    c = Candidate(content=[span(t, "that the government had exhausted every lever")], kind="indirect",
                  cue=span(t, "told"), speaker=span(t, "Nyandarua Senator Peter Gichuru, Energy Cabinet Secretary Naomi Koros"))
    (out,) = free_answerers(t, [c])
    assert t[out.speaker[0] : out.speaker[1]] == "Energy Cabinet Secretary Naomi Koros"
    assert t[out.cue[0] : out.cue[1]] == "told" and out.content == c.content


def test_a_cue_that_swallowed_the_frame_keeps_only_the_verb() -> None:
    t = "Asked by Villaraza who at the agency had prepared the specifications, she said she could not recall."
    c = Candidate(content=[span(t, "she could not recall")], kind="indirect",
                  cue=(0, t.index(" she could") ), speaker=span(t, "Villaraza who at the agency had prepared the specifications"))
    (out,) = free_answerers(t, [c])
    assert t[out.speaker[0] : out.speaker[1]] == "she"
    assert t[out.cue[0] : out.cue[1]] == "said"


def test_sources_outside_a_frame_are_left_alone() -> None:
    t = "Asked about the delay, Smith said the contractor was to blame. Jones, the mayor, said so too."
    first = Candidate(content=[span(t, "the contractor was to blame")], cue=span(t, "said"), speaker=span(t, "Smith"))
    second = Candidate(content=[span(t, "so too")], cue=span(t, "said", t.index("Jones")),
                       speaker=span(t, "Jones, the mayor"))
    assert free_answerers(t, [first, second]) == [first, second]
    assert question_frame(t, t.index(" said")) is None


def test_the_answerer_already_chosen_is_kept() -> None:
    t = "Pressed by reporters on the cost, the minister said the figures would be published."
    c = Candidate(content=[span(t, "the figures would be published")], cue=span(t, "said"), speaker=span(t, "the minister"))
    assert free_answerers(t, [c]) == [c]


def test_an_answerer_too_long_to_be_a_name_is_no_answerer() -> None:
    t = ("In reply to a question from Ms Ward, and after a long pause in which several members of the committee "
         "whispered to one another at length, he said no.")
    assert question_frame(t, t.index(" said")) is None


def test_a_source_read_inside_a_relative_clause_moves_to_its_antecedent() -> None:
    t = ("S.K. Bhatia, president of the Sunrise Greens Flat Buyers' Welfare Association, who was accompanied by "
         "the association's counsel Adv. Priya Nanda, said the buyers would appeal.")
    c = Candidate(content=[span(t, "the buyers would appeal")], kind="indirect", cue=span(t, "said"),
                  speaker=span(t, "Priya Nanda,"))
    (out,) = free_relative_sources(t, [c])
    assert t[out.speaker[0] : out.speaker[1]] == "S.K. Bhatia, president of the Sunrise Greens Flat Buyers' Welfare Association"


def test_a_relative_clause_with_its_own_cue_keeps_its_source() -> None:
    t = "The minister, who met the union on Monday, said talks would go on. Ms Lee, who chairs it, agreed."
    c = Candidate(content=[span(t, "talks would go on")], kind="indirect", cue=span(t, "said"),
                  speaker=span(t, "The minister, who met the union on Monday,"))
    assert free_relative_sources(t, [c]) == [c]


def test_a_tagger_source_paragraphs_away_from_its_cue_is_replaced_by_the_rules_or_dropped() -> None:
    t = ("A senior official, granted anonymity, said the president would sign it.\n\n"
         "From Rep. Dana Quillfeather: it is a cut.")
    cue = span(t, "said")
    tagged = Candidate(content=[span(t, "the president would sign it")], cue=cue, speaker=span(t, "Dana Quillfeather"),
                       origin="model:minilm-tagger")
    ruled = Candidate(content=[span(t, "the president would sign it")], cue=cue,
                      speaker=span(t, "A senior official, granted anonymity"), origin="rule:reported-clause")
    (with_rule,) = detach_distant_sources(t, [tagged], [ruled])
    assert t[with_rule.speaker[0] : with_rule.speaker[1]] == "A senior official, granted anonymity"
    (alone,) = detach_distant_sources(t, [tagged])
    assert alone.speaker is None
    assert detach_distant_sources(t, [ruled]) == [ruled]  # a rule's span is deliberate


def test_a_particle_left_outside_the_source_and_a_dangling_article_are_mended() -> None:
    t = "“It is too timid,” De los Ríos said. Some 1.2 million marched, according to the CFS, the union."
    a = Candidate(content=[span(t, "It is too timid,")], cue=span(t, "said"), speaker=span(t, "los Ríos"))
    b = Candidate(content=[span(t, "Some 1.2 million marched")], cue=span(t, "according to"),
                  speaker=span(t, "the CFS, the"))
    out = complete_titles(t, [a, b])
    assert [t[c.speaker[0] : c.speaker[1]] for c in out] == ["De los Ríos", "the CFS"]


def test_a_source_that_only_says_when_takes_the_rules_source_or_none() -> None:
    t = "Tessmark Robotics, Inc. (NYSE: TSMK), a maker of warehouse robots, today announced that it will open a plant."
    cue = span(t, "announced")
    tagged = Candidate(content=[span(t, "that it will open a plant")], cue=cue, speaker=span(t, "today"),
                       origin="model:minilm-tagger")
    ruled = Candidate(content=[span(t, "that it will open a plant")], cue=cue,
                      speaker=span(t, "Tessmark Robotics, Inc. (NYSE: TSMK), a maker of warehouse robots"),
                      origin="rule:reported-that")
    (with_rule,) = replace_false_sources(t, [tagged], [ruled])
    assert t[with_rule.speaker[0] : with_rule.speaker[1]].startswith("Tessmark Robotics")
    (alone,) = replace_false_sources(t, [tagged])
    assert alone.speaker is None
    named = Candidate(content=tagged.content, cue=cue, speaker=span(t, "Tessmark Robotics"), origin="model:minilm-tagger")
    assert replace_false_sources(t, [named], [ruled]) == [named]  # a real source is kept


def test_the_outlet_that_relayed_a_quotation_is_not_its_source() -> None:
    t = "“The bill will not pass,” the official said, according to the network."
    tagged = Candidate(content=[span(t, "The bill will not pass,")], cue=span(t, "according to"),
                       speaker=span(t, "the network"), origin="model:minilm-tagger")
    ruled = Candidate(content=[span(t, "The bill will not pass,")], cue=span(t, "said"),
                      speaker=span(t, "the official"), origin="rule:quote-speaker-cue")
    (fixed,) = replace_false_sources(t, [tagged], [ruled])
    assert (t[fixed.speaker[0] : fixed.speaker[1]], t[fixed.cue[0] : fixed.cue[1]]) == ("the official", "said")


def test_the_aide_who_signed_a_statement_is_not_its_source() -> None:
    t = "The governor, in a statement signed by his adviser on media, Mr Tobi Ade, on Tuesday, said the traders were warned."
    tagged = Candidate(content=[span(t, "the traders were warned")], cue=span(t, "said"), speaker=span(t, "Mr Tobi Ade"),
                       origin="model:minilm-tagger")
    ruled = Candidate(content=[span(t, "the traders were warned")], cue=span(t, "said"), speaker=span(t, "The governor"),
                      origin="rule:reported-clause")
    (fixed,) = replace_false_sources(t, [tagged], [ruled])
    assert t[fixed.speaker[0] : fixed.speaker[1]] == "The governor"


def test_a_source_read_from_inside_asked_not_to_be_named_moves_to_who_asked() -> None:
    t = ("A nurse who asked not to be named, who works in the emergency department at St Oswin’s Hospital in "
         "Calderbridge, said colleagues were leaving.")
    c = Candidate(content=[span(t, "colleagues were leaving")], kind="indirect", cue=span(t, "said"),
                  speaker=span(t, "named, who works in the emergency department at St Oswin’s Hospital in Calderbridge"))
    (out,) = free_unnamed_sources(t, [c])
    assert t[out.speaker[0] : out.speaker[1]] == "A nurse"


def test_a_source_that_is_named_keeps_its_span() -> None:
    t = "Named after her grandmother, Jo Bell said the ward was full."
    c = Candidate(content=[span(t, "the ward was full")], kind="indirect", cue=span(t, "said"), speaker=span(t, "Jo Bell"))
    assert free_unnamed_sources(t, [c]) == [c]
