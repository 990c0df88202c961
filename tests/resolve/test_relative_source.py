"""A source given as a relative pronoun ("who …") resolves to the phrase it hangs on."""

from onrecord.resolve.speakers import ResolveStage
from onrecord.text.clean import CleanStage
from onrecord.work import Candidate, Work

TEXT = "Governor Tom Reddick, who is expected to run again, said the plan was reckless.\n"


def _work(speaker: str) -> Work:
    work = Work(id="t", text=TEXT)
    CleanStage()(work)
    s = TEXT.index(speaker)
    content = TEXT.index("the plan")
    work.candidates = [
        Candidate(content=[(content, TEXT.index(" reckless") + 9)], kind="indirect",
                  cue=(TEXT.index("said"), TEXT.index("said") + 4), speaker=(s, s + len(speaker)))
    ]
    return work


def test_relative_pronoun_source_takes_its_antecedent():
    work = _work("who is expected to run again")
    ResolveStage()(work)
    assert work.candidates[0].speaker_name == "Tom Reddick"
    assert TEXT[slice(*work.candidates[0].speaker)] == "who is expected to run again"  # kept as written


def test_other_mentions_are_unchanged():
    work = _work("Governor Tom Reddick")
    ResolveStage()(work)
    assert work.candidates[0].speaker_name == "Tom Reddick"
