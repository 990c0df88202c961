"""Articles for the archive tests, built from texts written for them with the model dataclasses.

They do not depend on extraction: each quote's offsets are found in the text
here, so the store, CLI and web tests check the archive and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.model import Article, Entity, Link, Quote, Span


@dataclass(frozen=True)
class Said:
    """One quote to place in a text: who, the exact words, and optional act/about/channel."""

    speaker: str | None
    words: str
    cue: str | None = "said"
    act: str | None = None
    about: tuple[str, ...] = ()
    channel: str | None = None
    descriptors: tuple[str, ...] = ()


def build_article(
    id: str,
    text: str,
    said: list[Said],
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    links: tuple[tuple[str, str, str], ...] = (),
    others: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Article:
    """Build an Article whose quotes and entities point at the right offsets of ``text``."""
    entities: dict[str, Entity] = {}

    def entity(name: str, descriptors: tuple[str, ...] = ()) -> str:
        if name not in entities:
            start = text.find(name.split()[-1])
            mentions = ((start, start + len(name.split()[-1])),) if start >= 0 else ()
            entities[name] = Entity(f"e{len(entities) + 1}", name, "PERSON", mentions, descriptors)
        return entities[name].id

    for name, descriptors in others:
        entity(name, descriptors)
    quotes = []
    cursor = 0
    for i, s in enumerate(said, 1):
        start = text.index(s.words, cursor)
        end = start + len(s.words)
        cursor = end
        cue = None
        if s.cue:
            c = text.find(s.cue, end)
            cue = Span.of(text, c, c + len(s.cue)) if c >= 0 else None
        speaker = None
        speaker_id = None
        if s.speaker:
            speaker_id = entity(s.speaker, s.descriptors)
            p = text.find(s.speaker.split()[-1], end)
            speaker = Span.of(text, p, p + len(s.speaker.split()[-1])) if p >= 0 else None
        quotes.append(
            Quote(
                id=f"q{i}",
                kind="direct",
                content=((start, end),),
                text=s.words,
                cue=cue,
                speaker=speaker,
                speaker_name=s.speaker,
                speaker_id=speaker_id,
                about=tuple(entity(a) for a in s.about),
                channel=s.channel,
                act=s.act,
                confidence=0.9,
                origin="test:built",
            )
        )
    return Article(
        id=id,
        text=text,
        title=title,
        url=url,
        published=published,
        quotes=tuple(quotes),
        entities=tuple(entities.values()),
        links=tuple(Link(*link) for link in links),
    )


MONDAY = build_article(
    "blunt-monday",
    "Tory MP Crispin Blunt defended his colleague Imran Ahmad Khan on Monday. "
    '"I am shocked and appalled. This is a miscarriage of justice," said Crispin Blunt, '
    "chair of the all-party parliamentary group on Global LGBT+ Rights. "
    '"I did not do this," Imran Ahmad Khan said outside court.',
    [
        Said("Crispin Blunt", "I am shocked and appalled. This is a miscarriage of justice,", act="statement",
             about=("Imran Ahmad Khan",), descriptors=("Tory MP", "chair of the all-party parliamentary group")),
        Said("Imran Ahmad Khan", "I did not do this,", act="denial", descriptors=("MP for Wakefield",)),
    ],
    title="Tory MP defends colleague",
    url="https://news.example/blunt-defends-khan",
    published="2024-04-08",
)

TUESDAY = build_article(
    "blunt-tuesday",
    "Mr Blunt withdrew his remarks on Tuesday. In a statement on Twitter, he said: "
    '"I retract my statement about the conviction and apologise." Labour called it overdue.',
    [
        Said("Blunt", "I retract my statement about the conviction and apologise.", act="retraction",
             channel="Twitter", about=("Imran Ahmad Khan",)),
    ],
    title="Blunt retracts statement",
    url="https://news.example/blunt-retracts",
    published="2024-04-09",
    others=(("Imran Ahmad Khan", ()),),
)

NAMESAKE = build_article(
    "singer",
    '"Music is my whole life," said James Blunt before the concert. No miscarriage here.',
    [Said("James Blunt", "Music is my whole life,", descriptors=("singer",))],
    title="Singer on tour",
    published="2024-04-10",
)

SCRIPT = build_article(
    "script-quote",
    'The hacker typed "<script>alert(1)</script> is harmless," said Eve Example, a researcher.',
    [Said("Eve Example", "<script>alert(1)</script> is harmless,")],
    title="<b>Bold</b> claims",
    published="2024-05-01",
)

STORY = (MONDAY, TUESDAY, NAMESAKE, SCRIPT)


def generated(n: int, quotes_per_article: int = 5) -> list[Article]:
    """``n`` distinct articles, each with ``quotes_per_article`` quotes by speakers of a small pool."""
    out = []
    pool = ["Alice Archer", "Bob Baker", "Carol Cooper", "Dan Dyer"]
    for i in range(n):
        said = [
            Said(pool[(i + j) % len(pool)], f"Statement {j} of article {i} about policy {i * 7 + j}.")
            for j in range(quotes_per_article)
        ]
        text = " ".join(f'"{s.words}" said {s.speaker}.' for s in said)
        out.append(build_article(f"gen-{i:05d}", text, said, title=f"Generated {i}", published=f"2024-01-{i % 28 + 1:02d}"))
    return out
