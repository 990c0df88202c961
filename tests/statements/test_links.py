"""Links between statements from StatementView values (model-free)."""

from __future__ import annotations

from dataclasses import replace

from onrecord.model import Link
from onrecord.statements.links import StatementView, detect_reference, has_repeat_signal, link_statements


def view(ref, speaker="e1", act="statement", about=(), words=(), channel=None, position=0, **kw):
    return StatementView(
        ref=ref,
        speaker=speaker,
        act=act,
        about=frozenset(about),
        words=frozenset(words),
        channel=channel,
        position=position,
        **kw,
    )


def test_retraction_links_to_the_same_speakers_statement_on_the_same_subject():
    original = view("q1", about={"e2"}, channel="website", position=10)
    other_subject = view("q2", about={"e9"}, words={"weather"}, position=50)
    retraction = view("q3", act="retraction", about={"e2"}, channel="Twitter", position=90)
    assert link_statements([original, other_subject, retraction]) == [Link("retracts", "q3", "q1")]


def test_no_link_to_another_speaker_or_without_evidence():
    other = view("q1", speaker="e5", about={"e2"})
    unrelated = view("q2", words={"budget"})
    retraction = view("q3", act="retraction", about={"e2"}, words={"verdict"})
    assert link_statements([other, unrelated, retraction]) == []


def test_a_pointer_to_an_earlier_statement_links_the_only_candidate():
    original = view("q1", words={"traveller", "treatment"})
    apology = view("q2", act="apology", words={"sorry", "hurt"}, references_prior=True)
    assert link_statements([original, apology]) == [Link("apologises_for", "q2", "q1")]


def test_named_channel_of_the_earlier_statement_decides():
    site = view("q1", channel="website", words={"verdict"})
    radio = view("q2", channel="radio", words={"budget"})
    retraction = view("q3", act="retraction", references_prior=True, referenced_channel="website")
    assert link_statements([site, radio, retraction]) == [Link("retracts", "q3", "q1")]


def test_an_earlier_post_points_at_a_statement_made_on_a_platform():
    on_x = view("q1", channel="Twitter", words={"danger"})
    said_later = view("q4", words={"tea"})
    retraction = view("q2", act="retraction", references_prior=True, referenced_channel="social media")
    assert link_statements([on_x, said_later, retraction]) == [Link("retracts", "q2", "q1")]


def test_retraction_that_also_apologises_makes_both_links():
    original = view("q1", about={"e2"})
    both = view("q2", act="retraction", acts=("retraction", "apology"), about={"e2"})
    assert link_statements([original, both]) == [Link("retracts", "q2", "q1"), Link("apologises_for", "q2", "q1")]


def test_parts_of_one_message_pool_evidence_and_never_link_to_each_other():
    original_a = view("q1", about={"e2"}, channel="website", message="m1", position=0)
    original_b = view("q2", words={"appalled"}, channel="website", message="m1", position=10)
    summary = view("q3", act="retraction", channel="Twitter", message="m2", position=50)
    quote = view("q4", act="retraction", about={"e2"}, channel="Twitter", message="m2", position=60)
    resigns = view("q5", act="resignation", channel="Twitter", message="m2", position=70)
    links = link_statements([original_a, original_b, summary, quote, resigns])
    assert set(links) == {
        Link("retracts", s, t) for s in ("q3", "q4") for t in ("q1", "q2")
    }


def test_retractions_apologies_and_resignations_are_never_retracted():
    earlier_retraction = view("q1", act="retraction", about={"e2"})
    resignation = view("q2", act="resignation", about={"e2"})
    retraction = view("q3", act="retraction", about={"e2"})
    assert link_statements([earlier_retraction, resignation, retraction]) == []


def test_denial_links_to_an_accusation_about_the_denier():
    accusation = view("q1", speaker="e1", act="accusation", about={"e2"}, words={"misled", "house"})
    denial = view("q2", speaker="e2", act="denial", words={"never", "misled"})
    assert link_statements([accusation, denial]) == [Link("denies", "q2", "q1")]


def test_denial_needs_more_than_a_stray_accusation():
    accusation = view("q1", speaker="e1", act="accusation", about={"e7"}, words={"hiding", "truth"})
    denial = view("q2", speaker="e2", act="denial", words={"untrue", "inspections"})
    assert link_statements([accusation, denial]) == []


def test_repeats_links_to_the_unrepeated_original():
    words = {"count", "dade", "county", "rigg"}
    lede = view("q1", act="accusation", words=words | {"election"}, repeats=True, position=0)
    told = view("q2", act="accusation", words=words | {"week"}, repeats=True, position=100)
    original = view("q3", act="accusation", words=words | {"official"}, position=200)
    assert set(link_statements([lede, told, original])) == {Link("repeats", "q1", "q3"), Link("repeats", "q2", "q3")}


def test_across_articles_only_earlier_dates_are_targets():
    monday = view("mon#q1", about={"qureshi"}, group="mon", published="2024-04-08")
    wednesday = view("wed#q1", about={"qureshi"}, group="wed", published="2024-04-10")
    tuesday = view("tue#q1", act="retraction", about={"qureshi"}, group="tue", published="2024-04-09")
    assert link_statements([monday, wednesday, tuesday]) == [Link("retracts", "tue#q1", "mon#q1")]


def test_references_and_repeat_signals():
    assert detect_reference("I retract my statement", "") == (True, "statement")  # fits an earlier "in a statement"
    assert detect_reference("", "he withdrew the tweet he had posted") == (True, "Twitter")
    assert detect_reference("We will win", "she said") == (False, None)
    assert has_repeat_signal("I stand by every word", "")
    assert has_repeat_signal("", "Reddick repeated his claim that", "repeated")
    assert not has_repeat_signal("I stand by Samir", "he said")


def test_a_named_medium_fits_a_statement_the_article_called_only_a_statement():
    statement = view("q1", channel="statement", words={"verdict"}, position=10)
    radio = view("q2", channel="radio", words={"buses"}, position=20)
    retraction = view("q3", act="retraction", references_prior=True, referenced_channel="website", position=90)
    assert link_statements([statement, radio, retraction]) == [Link("retracts", "q3", "q1")]


def test_a_pointer_with_no_evidence_links_the_one_earlier_statement_on_the_record():
    standfirst = view("q1", words={"dry"}, position=5)
    on_record = view("q2", channel="statement", words={"distinction"}, position=40)
    added_after = view("q4", channel="Twitter", words={"voters"}, position=120)
    retraction = view("q3", act="retraction", references_prior=True, position=100)
    assert link_statements([standfirst, on_record, added_after, retraction]) == [Link("retracts", "q3", "q2")]


def test_a_pointer_with_no_evidence_and_several_equal_candidates_links_nothing():
    one = view("q1", words={"bridge"}, position=5)
    two = view("q2", words={"plan"}, position=40)
    retraction = view("q3", act="retraction", references_prior=True, position=100)
    assert link_statements([one, two, retraction]) == []
    assert link_statements([one, replace(retraction, speaker="e9")]) == []  # another speaker's pointer: never


def test_references_name_the_medium_of_what_they_point_at():
    assert detect_reference("", "Hartley removed the statement from his website and posted an apology on X") == (
        True,
        "website",
    )
    assert detect_reference("", "he said he was withdrawing his website statement") == (True, "website")
    assert detect_reference("My comments were wrong, and I withdraw them", "") == (True, None)
    assert detect_reference("I withdraw them", "") == (True, None)
    assert detect_reference("I take it back", "") == (True, None)
    assert detect_reference("", "In the statement, Hartley said") == (True, None)  # the statement itself
    assert detect_reference("the earlier statement was wrong", "") == (True, "statement")
