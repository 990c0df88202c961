"""A quotation paragraph whose speaker the next paragraph names ("Those were the words of X")."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.attribution.named_after import speakers_named_after
from onrecord.work import Candidate

HELD_BACK = (
    "Liberal Democrat group leader Colin Ferriday said his party would table a motion of no confidence.\n\n"
    "“There will be people in this town who thought Martin could do no wrong. Both of those things can be true.”\n\n"
    "Those were the words of Cllr Nadia Rahman, the deputy leader, who will serve as acting leader."
)
CAME_FROM = (
    "Niamh Costigan, the union's president, opened the debate.\n\n"
    "“Ballots are a blunt instrument, I know that.”\n\n"
    "The words came from Margaret Ollerenshaw, a 71-year-old supply teacher from Bolton."
)

VERDICT = (
    "The summit closed on Sunday with a communique.\n\n"
    "“If the prisoner exchanges happen by the spring, Brennvik will be remembered as a turning point.”\n\n"
    "That was the verdict of Hanna Lindqvist, a senior fellow at the Carrow Institute, who answered by email."
)
#: ... in the present tense, after a related-links box: "That is the view of …", "Those are the words of …"
VIEW = (
    "Amy Hollis, the bank's regional director, said the branch had too few customers to stay open.\n\n"
    "RELATED: Readers share memories of the old cinema\n\n"
    "“Every time a bank leaves a market town, footfall on the high street drops by about a fifth.”\n\n"
    "That is the view of Gordon Pryce, who chairs the Wexcombe Chamber of Trade."
)


@pytest.mark.parametrize("mode", ["fast", "rules", "accurate"])
@pytest.mark.parametrize(("text", "quote", "name"), [
    (HELD_BACK, "Both of those things can be true", "Nadia Rahman"),
    (CAME_FROM, "Ballots are a blunt instrument", "Margaret Ollerenshaw"),
    (VERDICT, "remembered as a turning point", "Hanna Lindqvist"),
    (VIEW, "footfall on the high street drops", "Gordon Pryce"),
])
def test_speaker_named_in_the_next_paragraph(mode, text, quote, name):
    article = onrecord.extract(text, mode=mode)
    [q] = [q for q in article.quotes if quote in q.text]
    assert q.speaker is not None and name in q.speaker.text
    names = {e.id: e.name for e in article.entities}
    assert names[q.speaker_id] == name


def test_a_paragraph_joined_to_the_statement_before_is_split_off():
    text = HELD_BACK
    ps = text.index("“There")
    pe = text.index("\n\nThose")
    paras = [(0, text.index("\n")), (ps, pe), (pe + 2, len(text))]
    said = text.index("his party")
    joined = Candidate(content=[(said, text.index(".\n")), (ps + 1, pe - 1)], kind="mixed",
                       cue=(said - 5, said - 1), speaker=(0, 43))
    out = speakers_named_after(text, paras, [joined])
    assert len(out) == 2
    assert out[0].content == [(said, text.index(".\n"))] and out[0].speaker == (0, 43)
    assert out[1].content == [(ps + 1, pe - 1)]
    assert text[slice(*out[1].speaker)] == "Cllr Nadia Rahman"
    assert out[1].cue is None


def test_a_quotation_with_its_own_cue_keeps_its_speaker():
    text = "“We will win,” said Jo Bell.\n\nThose were the words of a woman who has never lost."
    c = Candidate(content=[(1, 13)], cue=(15, 19), speaker=(20, 27))
    [out] = speakers_named_after(text, [(0, 28), (30, len(text))], [c])
    assert out.speaker == (20, 27)
