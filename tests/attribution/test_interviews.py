"""Question-and-answer interviews: answers are the interviewee's (onrecord.attribution.interviews)."""

from __future__ import annotations

import re

import pytest

import onrecord
from onrecord.attribution.interviews import find_interview_answers
from onrecord.attribution.tagger import MODEL_DIR

INTERVIEW = (
    "Aoife Ní Mhurchú took over the festival in 2022. Its board chair, Brendan Gilsenan, calls it loved and broke.\n\n"
    "Ní Mhurchú spoke to Ruairí Foley in the Market House.\n\n"
    "You inherited a forecast that ran out this summer. Did you think about walking away?\n\n"
    "For about a weekend, honestly. Then I rang my mother and she said, ‘Sure what else would you be doing?’\n\n"
    "The forecast didn’t frighten me half as much as the box-office data.\n\n"
    "Brendan Gilsenan says the festival was loved and broke. How broke?\n\n"
    "We had a deficit of a little over €190,000 when I arrived, and we’ve cleared about two-thirds of it.\n\n"
    "Would you ever go back to Galway?\n\n"
    "Ask me on July 28th.\n\n"
    "This interview has been edited and condensed."
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def test_answers_go_to_the_interviewee_and_questions_to_no_one() -> None:
    answers = find_interview_answers(INTERVIEW, paragraphs(INTERVIEW))
    assert [INTERVIEW[a.speaker[0] : a.speaker[1]] for a in answers] == ["Ní Mhurchú"] * 3
    texts = [" ".join(INTERVIEW[s:e] for s, e in a.content) for a in answers]
    assert texts[0].startswith("For about a weekend") and "box-office data." in texts[0]  # two paragraphs, one answer
    assert texts[2] == "Ask me on July 28th."
    assert not any("?" in t.replace("doing?’", "") for t in texts)  # no question is an answer
    assert all(a.kind == "direct" and a.origin == "rule:interview-answer" for a in answers)


@pytest.mark.parametrize(
    "mode",
    [
        "fast",
        pytest.param("rules", marks=pytest.mark.slow),
        pytest.param("accurate", marks=[pytest.mark.slow, pytest.mark.skipif(
            not (MODEL_DIR / "tagger.onnx").exists(), reason="no trained model in onrecord/attribution/model/")]),
    ],
)
def test_every_mode_gives_answers_to_the_interviewee_by_full_name(mode: str) -> None:
    art = onrecord.extract(INTERVIEW, mode=mode)
    by_text = {q.text: q for q in art.quotes}
    names = {e.id: e.name for e in art.entities}
    for needle in ("For about a weekend", "We had a deficit", "Ask me on July 28th"):
        (quote,) = [q for t, q in by_text.items() if needle in t]
        assert names[quote.speaker_id] == "Aoife Ní Mhurchú", needle
    assert not any("Did you think about walking away" in t for t in by_text)


@pytest.mark.parametrize(
    "text",
    [
        # a columnist's rhetorical questions, long and answered in the third person
        "Mr. Trump has attacked loopholes that benefit others. Why should anyone believe he pays his share when he "
        "will not show the returns that would settle the question for every voter in the country?\n\n"
        "The issue has taken on new urgency after this week's debate.\n\nWhat is he hiding?\n\n"
        "Mr. Trump says nothing. He has not released a return since 1995.",
        # a reporter narrating an exchange
        "Bernie Sanders met me in his office.\n\nSo I asked him then, if you endorse Clinton, what happens to me?\n\n"
        "Sanders laughed, heartily.\n\nCome again, you ask?\n\nI met with Sanders two days after the endorsement.",
        # a transcript: its labels name who speaks
        "Governor Mary Fallin appeared on CNN.\n\nTAPPER: Do you think Donald Trump has campaigned as a healer?\n\n"
        "FALLIN: Well, I think the whole nation needs to work together.\n\nTAPPER: Do you agree with him?\n\n"
        "FALLIN: I think he is trying to campaign as a racial healer.",
    ],
    ids=["rhetorical", "narrated", "transcript"],
)
def test_questions_that_are_not_an_interview_give_no_answers(text: str) -> None:
    assert find_interview_answers(text, paragraphs(text)) == []


MAGAZINE = (
    "Lise Harrow, 31, has spent two seasons as the star of The Keepers. Harrow spoke with us in March.\n\n"
    "What stopped you quitting?\n\n"
    "My mother. She sat me down and said, “You’re allowed to quit. You’re not allowed to quit because you’re "
    "embarrassed.” I was so angry with her.\n\n"
    "“I was waiting for permission to stop.”\n\n"
    "You directed an episode this season, too.\n\n"
    "Episode eight. I was terrible for two days, then I stopped apologising.\n\n"
    "SHOP LISE’S LOOK\n"
    "$2,450 at Alder & Finch\n\n"
    "Is there anything you are still afraid of?\n\n"
    "Being on time, probably. Everyone would think something was wrong.\n\n"
    "This interview has been edited and condensed.\n\n"
    "Sign up for your daily newsletter."
)


def test_a_magazine_interviews_prompts_and_quoting_answers() -> None:
    """A question put as a statement to "you" is a question; an answer may quote someone ("My mother … said,
    “…”"); a pull quote, a shopping box and what follows "edited and condensed" are no answers."""
    answers = find_interview_answers(MAGAZINE, paragraphs(MAGAZINE))
    texts = [" ".join(MAGAZINE[s:e] for s, e in a.content) for a in answers]
    assert texts == [
        "My mother. She sat me down and said, “You’re allowed to quit. You’re not allowed to quit because you’re "
        "embarrassed.” I was so angry with her.",
        "Episode eight. I was terrible for two days, then I stopped apologising.",
        "Being on time, probably. Everyone would think something was wrong.",
    ]
    assert {MAGAZINE[a.speaker[0] : a.speaker[1]] for a in answers} == {"Lise Harrow"}


PRESS_CONFERENCE = (
    "Tereza Holubova, the world No. 3, won in three sets.\n\n"
    "Q. You were two match points down. What was going through your mind?\n\n"
    "TEREZA HOLUBOVÁ: Nothing, really. I stopped thinking about winning or losing.\n\n"
    "Q. You play the world No. 1 next. What changes?\n\n"
    "Well, she is the favourite. I want to be the one who decides the points.\n\n"
    "Q. Have you spoken to your coach yet?\n\n"
    "Not yet. I think he was crying a little bit."
)


def test_one_labelled_answerer_answers_the_unlabelled_questions_too() -> None:
    answers = find_interview_answers(PRESS_CONFERENCE, paragraphs(PRESS_CONFERENCE))
    texts = [" ".join(PRESS_CONFERENCE[s:e] for s, e in a.content) for a in answers]
    assert texts == ["Nothing, really. I stopped thinking about winning or losing.",
                     "Well, she is the favourite. I want to be the one who decides the points.",
                     "Not yet. I think he was crying a little bit."]
    assert {PRESS_CONFERENCE[a.speaker[0] : a.speaker[1]] for a in answers} == {"TEREZA HOLUBOVÁ"}


def test_of_two_people_with_one_surname_the_interviewee_is_the_one_the_article_names_most() -> None:
    text = (
        "Callum Rennick won the Harrowden Jug on Sunday. Callum Rennick had never finished in the top 10.\n\n"
        "Rennick birdied the 15th and the 16th.\n\n"
        "Alistair Rennick, a retired postman who has followed his son since 2017, watched from the stand.\n\n"
        "From the winner’s press conference:\n\n"
        "Q: When did you know it was yours?\n\n"
        "A: Not until the last putt dropped. I never looked at a leaderboard.\n\n"
        "Q: Your father has been at every major you’ve played. Where is he now?\n\n"
        "A: In the bar, I’d imagine, telling everyone about my hedge."
    )
    answers = find_interview_answers(text, paragraphs(text))
    assert len(answers) == 2
    assert {text[a.speaker[0] : a.speaker[1]] for a in answers} == {"Callum Rennick"}


TENNIS = (
    "Maddie Okafor-Lane beat Ilona Brennecke on Wednesday. Okafor-Lane, 19, had never won at this level. "
    "Okafor-Lane hugged her coach. Okafor-Lane will play again on Friday.\n\n"
    "Brennecke’s post-match press conference, in part:\n\n"
    "Q: How much did the back affect you today?\n\n"
    "Not so much. It was stiff in the warm-up and I had some treatment.\n\n"
    "Q: Will you still play the mixed doubles?\n\n"
    "No. I think I need to go home and rest the back.\n\n"
    "In a statement issued later, Vantage Sport Group, which manages Brennecke, said she would be fit."
)


def test_a_heading_naming_whose_press_conference_names_the_answerer() -> None:
    answers = find_interview_answers(TENNIS, paragraphs(TENNIS))
    assert [TENNIS[a.speaker[0] : a.speaker[1]] for a in answers] == ["Brennecke", "Brennecke"]


def test_the_last_answer_ends_where_the_report_goes_on_in_the_third_person() -> None:
    answers = find_interview_answers(TENNIS, paragraphs(TENNIS))
    last = answers[-1]
    assert [TENNIS[s:e] for s, e in last.content] == ["No. I think I need to go home and rest the back."]


def test_answers_resolve_to_the_player_not_a_document() -> None:
    # "will play Paulina Sedlarova" once made the players "works" (documents) no pronoun or name could reach
    text = TENNIS.replace("Okafor-Lane will play again on Friday.", "Okafor-Lane will play Paulina Sedlarova on Friday.")
    article = onrecord.extract(text, mode="fast")
    names = {q.speaker_name for q in article.quotes if q.origin.startswith("rule:interview-answer")}
    assert names == {"Ilona Brennecke"}
    assert all(e.type == "PERSON" for e in article.entities if e.name in ("Ilona Brennecke", "Paulina Sedlarova"))


def test_a_heading_saying_whose_words_follow_names_the_answerer() -> None:
    text = (
        "Cole Whitaker was hurt on Sunday. Whitaker will miss a month, and Whitaker’s replacement starts. "
        "Coach Mark Tollefson spoke on Wednesday.\n\n"
        "Here is more of what Tollefson said Wednesday:\n\n"
        "Q: Did you see anything dirty on the hit that injured Cole?\n\n"
        "A: No. I've watched it probably 20 times.\n\n"
        "Q: How much does the game plan change for you?\n\n"
        "A: Less than you'd think. We're going to let him play."
    )
    answers = find_interview_answers(text, paragraphs(text))
    assert [text[a.speaker[0] : a.speaker[1]] for a in answers] == ["Tollefson", "Tollefson"]


def test_the_one_asked_right_before_the_questions_answers_them() -> None:
    # a blind hockey recap: the player named most was taken for the answerer, and answers whose first person
    # opens a sentence ("Our starts. We’ve been chasing …") did not count as first person
    text = (
        "Then Jonah Brisebois let them exhale. Brisebois scored once. Brisebois had gone nine games without a goal.\n\n"
        "Foxes coach Dale Rennick said that he never considered pulling his goaltender.\n\n"
        "At his post-game news conference, Rennick was asked about the decision to reunite Brisebois with his captain.\n\n"
        "Q: What made you put Jonah back with Okie for overtime?\n\n"
        "A: Gut feeling, honestly. He’d been flying all night and nothing was going in for him.\n\n"
        "Q: Were you worried at 3-1?\n\n"
        "A: Worried, no. Annoyed, maybe. We handed them two goals on our own mistakes.\n\n"
        "Q: Game 6 is in Harrow Bay. What has to change?\n\n"
        "A: Our starts. We’ve been chasing in every game of this series."
    )
    answers = find_interview_answers(text, paragraphs(text))
    assert [text[a.speaker[0] : a.speaker[1]] for a in answers] == ["Rennick", "Rennick", "Rennick"]
    assert text[answers[-1].content[0][0] : answers[-1].content[-1][1]] == "Our starts. We’ve been chasing in every game of this series."
