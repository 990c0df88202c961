"""The Python API: what the CLI, the web app and the batch runner call.

>>> from onrecord import extract
>>> article = extract('"We will win," she said.', id="a1", mode="fast")
>>> article.quotes[0].text
'We will win,'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from .model import Article, Document, text_id
from .pipeline import DEFAULT_MODE, Failure, Pipeline, build_article, build_pipeline, work_from_document

__all__ = ["extract", "extract_documents", "get_pipeline", "text_id"]


@lru_cache(maxsize=8)
def get_pipeline(mode: str | None = None, join: bool = True) -> Pipeline:
    """Return the pipeline for ``mode``, built once per process.

    Args:
        mode: ``fast``, ``rules`` or ``accurate``; None for the default.
        join: join one speaker's coordinated cues in a sentence into one quote
            (the reader's statement); False keeps one quote per cue (PolNeAR's
            attribution, what ``onrecord evaluate`` scores).

    Returns:
        The cached :class:`~onrecord.pipeline.Pipeline`.

    Raises:
        PipelineError: ``mode`` is unknown.
    """
    return build_pipeline(mode or DEFAULT_MODE, join={"enabled": join})


def extract(
    text: str,
    id: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    mode: str | None = None,
) -> Article:
    """Extract who said what from one article's text.

    Args:
        text: the article as read; every offset in the result points into it.
        id: the article id; the sha1 of ``text`` when None.
        title: optional title, kept in the record.
        url: optional URL, kept in the record.
        published: optional publication date (ISO 8601), kept in the record.
        mode: ``fast``, ``rules`` or ``accurate``; the default is the best on
            PolNeAR dev.

    Returns:
        The article record; ``to_dict()`` gives the contract's JSON.

    Raises:
        ExtractionError: a critical stage failed on this text.
    """
    doc = Document(id=id or text_id(text), text=text, title=title, url=url, published=published)
    work = get_pipeline(mode).run(work_from_document(doc))
    return build_article(work)


def extract_documents(
    documents: Iterable[Document | Failure], mode: str | None = None, batch_size: int = 16, *, join: bool = True
) -> Iterator[Article | Failure]:
    """Extract a stream of documents, yielding an Article or a Failure for each, in order.

    Failures from reading pass through untouched, so the caller sees every
    input exactly once. Documents are processed in batches, so nothing holds
    more than ``batch_size`` of them at a time.

    Args:
        documents: what :func:`onrecord.read_paths` yields, or any Documents.
        mode: ``fast``, ``rules`` or ``accurate``; None for the default.
        batch_size: documents per batch through the stages.
        join: as for :func:`get_pipeline`.

    Yields:
        An :class:`~onrecord.model.Article` per document that worked, a
        :class:`~onrecord.model.Failure` per one that did not.

    Raises:
        TypeError: an item is neither a Document nor a Failure (a bare string,
            say: wrap it as ``Document(id=..., text=...)`` or call :func:`extract`).

    Example:
        >>> from onrecord import Document, extract_documents
        >>> docs = [Document(id="a", text='"Yes," she said.'), Document(id="b", text="No quotes.")]
        >>> [len(a.quotes) for a in extract_documents(docs, mode="fast")]
        [1, 0]
    """
    pipeline = get_pipeline(mode, join)
    pending: list[Document | Failure] = []

    def flush() -> Iterator[Article | Failure]:
        works = [work_from_document(d) for d in pending if isinstance(d, Document)]
        results = iter(pipeline.pipe(works, batch_size=batch_size))
        for d in pending:
            if isinstance(d, Failure):
                yield d
            else:
                r = next(results)
                yield r if isinstance(r, Failure) else build_article(r)

    for d in documents:
        if not isinstance(d, (Document, Failure)):
            raise TypeError(
                f"extract_documents takes Document or Failure items, not {type(d).__name__}; "
                "wrap text as Document(id=..., text=...) or call extract(text)"
            )
        pending.append(d)
        if len(pending) >= batch_size:
            yield from flush()
            pending = []
    if pending:
        yield from flush()
