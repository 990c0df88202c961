"""Helpers for the batch tests: generated articles, a small reader, and test extractors.

The articles are invented here (no corpus text). ``read_texts`` is a minimal
reader over a folder of .txt files that names each document by its stem.

``EXTRACTOR`` is the library's own ``extract_documents``. ``batchkit:extract_documents``
below is a deliberately simple test double (a regex over straight double
quotes) for the tests that need an extractor which fails on demand
(``RAISE-EXTRACTION-ERROR``, ``RAISE-RUNTIME-ERROR``) or is cheap to start in
every Ray worker; ``slow_extract_documents`` and ``env_extract_documents`` wrap
them for the kill-and-resume and worker-settings tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from onrecord.api import text_id
from onrecord.errors import ExtractionError
from onrecord.model import Article, Document, Quote, Span
from onrecord.pipeline import Failure

NAMES = ["Ada Morgan", "Ben Okafor", "Carla Ruiz", "Dev Patel", "Elin Berg", "Farid Haddad"]
TOPICS = ["the budget", "the new bridge", "water prices", "the election", "school meals", "the strike"]
VERBS = ["said", "told reporters", "added", "argued", "insisted"]


#: The library's extractor, as the batch runner names it.
EXTRACTOR = "onrecord.api:extract_documents"


def make_article(i: int, paragraphs: int = 4) -> str:
    """Return generated article number ``i`` (deterministic, a few quotes)."""
    parts = [f"Story {i}: a row over {TOPICS[i % len(TOPICS)]}."]
    for p in range(paragraphs):
        name = NAMES[(i + p) % len(NAMES)]
        topic = TOPICS[(i * 3 + p) % len(TOPICS)]
        verb = VERBS[(i + 2 * p) % len(VERBS)]
        parts.append(
            f'"We will not back down on {topic}," {name} {verb} on day {p + 1}. '
            f"{name.split()[0]} later met officials to discuss {topic} and costs."
        )
    return "\n\n".join(parts) + "\n"


def write_corpus(folder: Path, n: int, paragraphs: int = 4) -> list[Path]:
    """Write ``n`` generated articles as a-0000.txt ...; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"a-{i:04d}.txt"
        path.write_text(make_article(i, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def read_texts(folder: Path) -> Iterator[Document | Failure]:
    """Yield a Document per .txt file in name order; empty or binary files as Failures."""
    for path in sorted(folder.glob("*.txt")):
        data = path.read_bytes()
        if b"\x00" in data:
            yield Failure(path.stem, str(path), "binary input: NUL bytes")
        elif not data.strip():
            yield Failure(path.stem, str(path), "empty input")
        else:
            yield Document(id=path.stem, text=data.decode("utf-8"), source=str(path))


_QUOTE = re.compile(r'"([^"\n]+)"\s+((?:[A-Z][a-z]+ )+)?(said|told reporters|added|argued|insisted)')


def extract_documents(
    documents: Iterable[Document | Failure], mode: str | None = None, batch_size: int = 16
) -> Iterator[Article | Failure]:
    """Test double with ``onrecord.api.extract_documents``'s signature (see the module doc)."""
    for doc in documents:
        if isinstance(doc, Failure):
            yield doc
            continue
        if "RAISE-EXTRACTION-ERROR" in doc.text:
            yield Failure(doc.id, doc.source, str(ExtractionError("rules: test double refused the text")))
            continue
        if "RAISE-RUNTIME-ERROR" in doc.text:
            raise RuntimeError("test double crashed")
        quotes = []
        for k, m in enumerate(_QUOTE.finditer(doc.text), 1):
            content = ((m.start(1), m.end(1)),)
            speaker = (m.start(2), m.end(2) - 1) if m.group(2) else None
            quotes.append(
                Quote(
                    id=f"q{k}",
                    kind="direct",
                    content=content,
                    text=doc.text[m.start(1) : m.end(1)],
                    cue=Span.of(doc.text, m.start(3), m.end(3)),
                    speaker=Span.of(doc.text, *speaker) if speaker else None,
                    confidence=0.5,
                    origin="test-double",
                )
            )
        yield Article(id=doc.id or text_id(doc.text), text=doc.text, quotes=tuple(quotes))


#: Seconds the slow extractor spends per document, so a test can kill a run mid-way.
SLOW_SECONDS = 0.05


def slow_extract_documents(
    documents: Iterable[Document | Failure], mode: str | None = None, batch_size: int = 16
) -> Iterator[Article | Failure]:
    """``EXTRACTOR``, slowed down per document (for the kill-and-resume test)."""
    import time

    from onrecord.batch.worker import resolve_extractor

    extract = resolve_extractor(EXTRACTOR)
    for doc in documents:
        time.sleep(SLOW_SECONDS)
        yield from extract([doc], mode=mode, batch_size=batch_size)


def env_extract_documents(
    documents: Iterable[Document | Failure], mode: str | None = None, batch_size: int = 16
) -> Iterator[Article | Failure]:
    """The test double, recording in each record's meta the settings its worker was given."""
    import os

    for result in extract_documents(documents, mode=mode, batch_size=batch_size):
        if isinstance(result, Article):
            settings = {k: os.environ.get(k) for k in ("ONRECORD_DEVICE", "ONRECORD_THREADS")}
            result = result.with_(meta={**result.meta, **settings, "pid": os.getpid()})
        yield result
