"""The statements stage on hand-built Work (attribution and resolution given), with and without a parse."""

from __future__ import annotations

import re

import pytest

from onrecord.model import Entity, Link
from onrecord.pipeline import Pipeline, build_article, number_candidates
from onrecord.statements.stage import StatementsStage, annotate_statements
from onrecord.work import Candidate, Work

TEXT = (
    "Tory MP Hugh Fenwick, the chair of the all-party parliamentary group on Civil Liberties, defended "
    "Daniel Corrie, the MP for Eastmoor, after Corrie was convicted of assault.\n\n"
    "In a statement published on his website on Monday, Fenwick said the verdict was “deeply troubling”.\n\n"
    "“I have known Daniel for ten years.\n\n"
    "“He is a decent man and this is a miscarriage of justice,” he said.\n\n"
    "Labour MP Ruth Carden said Fenwick should apologise.\n\n"
    "In a statement on Twitter on Wednesday, Fenwick said he was retracting his initial statement.\n\n"
    "“On reflection I have decided to retract my statement about Daniel Corrie. I apologise,” he wrote.\n\n"
    "“I will be stepping back from my role as chair while I reflect.”\n\n"
    "Corrie's legal team said he would appeal."
)


def rng(words: str, after: int = 0) -> tuple[int, int]:
    at = TEXT.index(words, after)
    return (at, at + len(words))


def mentions(*words: str) -> tuple[tuple[int, int], ...]:
    out = []
    for w in words:
        out.extend((m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(w)}\b", TEXT))
    return tuple(sorted(set(out)))


def build_work() -> Work:
    fenwick = Entity("e1", "Hugh Fenwick", "PERSON", mentions("Hugh Fenwick", "Fenwick"), ("Tory MP",))
    corrie = Entity("e2", "Daniel Corrie", "PERSON", mentions("Daniel Corrie", "Corrie"), ("MP for Eastmoor",))
    carden = Entity("e3", "Ruth Carden", "PERSON", mentions("Ruth Carden"))
    team = Entity("e4", "Corrie's legal team", "GROUP", mentions("Corrie's legal team"))
    para3 = rng("I have known Daniel for ten years.")
    para4 = rng("He is a decent man and this is a miscarriage of justice,")
    cands = [
        Candidate([rng("deeply troubling")], "mixed", rng("said", rng("Monday")[0]), rng("Fenwick", rng("Monday")[0])),
        Candidate([para3, para4], "direct", rng("said", para4[1]), rng("he", para4[1])),
        Candidate([rng("Fenwick should apologise")], "indirect", rng("said", rng("Ruth")[0]), rng("Ruth Carden")),
        Candidate([rng("he was retracting his initial statement")], "indirect",
                  rng("said", rng("Twitter")[0]), rng("Fenwick", rng("Twitter")[0])),
        Candidate([rng("On reflection I have decided to retract my statement about Daniel Corrie. I apologise,")],
                  "direct", rng("wrote"), rng("he", rng("apologise,”")[0])),
        Candidate([rng("I will be stepping back from my role as chair while I reflect.")], "direct"),
        Candidate([rng("he would appeal")], "indirect", rng("said", rng("legal team")[0]), rng("Corrie's legal team")),
    ]
    speakers = ["e1", "e1", "e3", "e1", "e1", "e1", "e4"]
    for c, s in zip(cands, speakers, strict=True):
        c.speaker_id = s
    return Work(id="fenwick", text=TEXT, candidates=cands, entities=[fenwick, corrie, carden, team])


@pytest.fixture
def article():
    work = build_work()
    number_candidates(work)
    StatementsStage()(work)
    return build_article(work)


def test_stage_declares_its_contract():
    stage = StatementsStage()
    assert (stage.name, stage.needs, stage.gives, stage.critical) == (
        "statements",
        ("candidates", "entities"),
        ("links",),
        False,
    )


def test_stage_fits_a_pipeline_after_candidates_and_entities():
    class Given:
        name, needs, gives, critical = "given", (), ("candidates", "entities"), True

        def __call__(self, work):
            pass

    Pipeline([Given(), StatementsStage()])  # raises PipelineError when the wiring is wrong


def test_acts(article):
    assert [q.act for q in article.quotes] == [
        "criticism",
        "defence",
        "demand",
        "retraction",
        "retraction",
        "resignation",
        "statement",
    ]


def test_channels_from_frames_and_inherited(article):
    assert [q.channel for q in article.quotes] == ["website", "website", None, "Twitter", "Twitter", "Twitter", None]


def test_targets(article):
    assert [q.about for q in article.quotes] == [(), ("e2",), ("e1",), (), ("e2",), (), ()]


def test_retraction_links_to_the_earlier_statements_about_the_colleague(article):
    links = set(article.links)
    for source in ("q4", "q5"):
        assert Link("retracts", source, "q1") in links
        assert Link("retracts", source, "q2") in links
    assert Link("apologises_for", "q5", "q2") in links
    # nothing points at the demand of another MP, the resignation or the legal team
    assert not {link for link in links if link.target in ("q3", "q6", "q7")}
    assert not {link for link in links if link.source in ("q1", "q2", "q3", "q6", "q7")}


def test_work_without_clean_paragraphs_or_ids_still_annotates():
    work = build_work()
    annotate_statements(work)  # ids unset, no clean text, no paragraphs, no parse
    assert [c.id for c in sorted(work.candidates, key=lambda c: c.start)][:2] == ["q1", "q2"]
    assert any(link.type == "retracts" for link in work.links)


def test_unresolved_speakers_get_acts_but_no_links():
    work = build_work()
    for c in work.candidates:
        c.speaker_id = None
    number_candidates(work)
    annotate_statements(work)
    assert work.links == []
    assert sorted(c.act for c in work.candidates).count("retraction") == 2


def test_speaker_names_stand_in_for_ids():
    work = build_work()
    for c in work.candidates:
        c.speaker_name = {"e1": "Hugh Fenwick", "e3": "Ruth Carden", "e4": "Corrie's legal team"}[c.speaker_id]
        c.speaker_id = None
    number_candidates(work)
    annotate_statements(work)
    assert Link("retracts", "q5", "q2") in work.links


@pytest.mark.slow
def test_stage_uses_a_parse_when_present():
    from onrecord.nlp.spacy_adapter import parse_paragraphs
    from onrecord.statements.context import split_paragraphs

    work = build_work()
    work.clean = work.text
    work.paragraphs = split_paragraphs(work.text)
    parse_paragraphs([work])
    assert work.parsed
    number_candidates(work)
    annotate_statements(work)
    article = build_article(work)
    assert [q.act for q in article.quotes][3:6] == ["retraction", "retraction", "resignation"]
    assert article.quotes[1].about == ("e2",)
    assert Link("retracts", "q5", "q2") in article.links


def test_a_role_subject_before_the_quote_gives_its_channel_to_the_person() -> None:
    from onrecord.api import extract

    text = (
        "Councillor Gareth Lowry told the meeting the protesters were “a racket”.\n\n"
        "Sarah Price said the comment was “hurtful”.\n\n"
        "On Wednesday, the Lib Dem councillor posted a statement on Facebook.\n\n"
        "“I chose my words badly and I am sorry,” he wrote."
    )
    article = extract(text, mode="fast")
    last = article.quotes[-1]
    assert last.speaker_name == "Gareth Lowry"  # the only man named before "he"
    assert last.channel == "Facebook"


def test_the_statement_takes_the_medium_named_when_it_was_introduced() -> None:
    from onrecord.api import extract

    text = (
        "Simon Hartley made the comments in a statement published on his website on Sunday.\n\n"
        "In the statement, Hartley said the sentence was “excessive by any reasonable standard”.\n\n"
        "In a later statement, Hartley said he was “sorry”."
    )
    article = extract(text, mode="fast")
    first = next(q for q in article.quotes if "excessive" in q.text)
    later = next(q for q in article.quotes if "sorry" in q.text)
    assert first.channel == "website"
    assert later.channel == "statement"  # a new statement names no medium: nothing to take over
