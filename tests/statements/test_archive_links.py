"""Links across the archive: pure functions over records of different articles."""

from __future__ import annotations

from types import SimpleNamespace

from onrecord.model import Article, Entity, Link, Quote, Span
from onrecord.statements.archive_links import (
    EarlierStatement,
    link_archive_statements,
    link_article_to_archive,
    names_compatible,
)

TUESDAY = (
    "In a statement on Twitter, Fenwick said he was retracting his defence of Daniel Corrie.\n\n"
    "“I was wrong and I apologise,” he wrote.\n\n"
    "Ruth Carden said the retraction came too late."
)


def tuesday_article(published="2024-04-09") -> Article:
    def q(id, words, act, channel, speaker_id, speaker_name, about=(), cue=None):
        at = TUESDAY.index(words)
        cue_span = None
        if cue:
            c = TUESDAY.index(cue, at + len(words))
            cue_span = Span(c, c + len(cue), cue)
        return Quote(id, "direct", ((at, at + len(words)),), words, cue=cue_span, speaker_name=speaker_name,
                     speaker_id=speaker_id, about=about, channel=channel, act=act)

    return Article(
        id="tue",
        text=TUESDAY,
        published=published,
        quotes=(
            q("q1", "he was retracting his defence of Daniel Corrie", "retraction", "Twitter", "e1", "Hugh Fenwick", ("e2",)),
            q("q2", "I was wrong and I apologise,", "apology", "Twitter", "e1", "Hugh Fenwick", cue="wrote"),
            q("q3", "the retraction came too late", "statement", None, "e3", "Ruth Carden"),
        ),
        entities=(Entity("e1", "Hugh Fenwick"), Entity("e2", "Daniel Corrie"), Entity("e3", "Ruth Carden")),
    )


def monday(quote_id="q2", act="defence", about=("Daniel Corrie",), speaker="Hugh Fenwick", published="2024-04-08",
           article_id="mon", text="Daniel is a decent man and this verdict is a miscarriage of justice"):
    quote = Quote(quote_id, "direct", ((0, len(text)),), text, speaker_name=speaker, act=act, channel="website")
    return EarlierStatement(article_id, quote, published, about)


def test_retraction_and_apology_link_to_mondays_statement():
    links = link_article_to_archive(tuesday_article(), [monday()])
    assert Link("retracts", "q1", "mon#q2") in links
    assert Link("apologises_for", "q2", "mon#q2") in links
    assert all(link.target.startswith("mon#") for link in links)
    assert {link.source for link in links} <= {"q1", "q2"}


def test_statements_published_later_are_not_retracted():
    assert link_article_to_archive(tuesday_article(), [monday(published="2024-04-10")]) == []


def test_unknown_dates_do_not_block_links():
    assert link_article_to_archive(tuesday_article(published=None), [monday(published=None)])


def test_another_person_with_the_same_surname_is_not_the_speaker():
    assert link_article_to_archive(tuesday_article(), [monday(speaker="Roy Fenwick")]) == []


def test_a_speaker_matched_by_the_archive_needs_no_name():
    earlier = monday(speaker=None)
    matched = EarlierStatement(earlier.article_id, earlier.quote, earlier.published, earlier.about, speaker_id="e1")
    assert Link("retracts", "q1", "mon#q2") in link_article_to_archive(tuesday_article(), [matched])


def test_statements_on_another_subject_are_not_retracted():
    other = monday(about=("Budget",), text="The budget will balance the books")
    assert link_article_to_archive(tuesday_article(), [other]) == []


def test_statements_of_the_same_article_are_ignored():
    assert link_article_to_archive(tuesday_article(), [monday(article_id="tue")]) == []


def test_names_compatible():
    assert names_compatible("Mr Fenwick", "Hugh Fenwick")
    assert not names_compatible("Hugh Fenwick", "Hugh Fenton")
    assert not names_compatible(None, "Hugh Fenwick")


def stored(ref, text, act, about, channel, published, start=0):
    article_id = ref.partition("#")[0]
    return SimpleNamespace(ref=ref, article_id=article_id, quote_id=ref.partition("#")[2], speaker_id=1, text=text,
                           act=act, about=about, channel=channel, published=published, start=start)


def test_archive_hook_links_across_articles_only():
    statements = [
        stored("mon#q2", "Daniel is a decent man", "defence", ("Daniel Corrie",), "website", "2024-04-08"),
        stored("tue#q1", "I retract my defence of Corrie", "retraction", ("Corrie",), "Twitter", "2024-04-09", 0),
        stored("tue#q2", "I said I was wrong", "statement", ("Corrie",), "Twitter", "2024-04-09", 90),
    ]
    links = link_archive_statements(statements)
    assert links == [Link("retracts", "tue#q1", "mon#q2")]


def test_archive_hook_accepts_the_stores_records():
    from onrecord.store.linking import ArchiveStatement

    statements = [
        ArchiveStatement("mon#q2", "mon", "q2", 7, "Daniel is a decent man", "defence", ("Daniel Corrie",), "website",
                         "2024-04-08"),
        ArchiveStatement("tue#q1", "tue", "q1", 7, "I retract it and I apologise to his victim", "retraction",
                         ("Daniel Corrie",), "Twitter", "2024-04-09"),
    ]
    assert link_archive_statements(statements) == [
        Link("retracts", "tue#q1", "mon#q2"),
        Link("apologises_for", "tue#q1", "mon#q2"),
    ]
