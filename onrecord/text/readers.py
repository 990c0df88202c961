"""Read inputs into documents: files, directories, globs, stdin, JSONL, HTML, WARC.

:func:`read_paths` is the one entry point. It streams: a directory is walked
lazily, a JSONL or WARC file is read record by record, and each file is read
once. Whatever goes wrong with one document (unreadable file, binary bytes, a
bad JSONL line, HTML with no main text) is yielded as a
:class:`~onrecord.model.Failure` in its place and reading goes on; the
iterator itself never raises for a document. A failure's ``error`` says what
went wrong; its ``source`` says where (a path, ``path:line`` or ``path#url``).

Formats, by name (case-insensitive):

- ``.jsonl``, ``.jsonl.gz``: one ``{"id", "text", "title"?, "url"?,
  "published"?}`` object a line; ``id`` defaults to the sha1 of the text.
- ``.html``, ``.htm``: main text, title, date, author and URL via trafilatura
  (extra ``html``); the text is derived, so records carry it.
- ``.warc``, ``.warc.gz``: HTML responses (2xx) via warcio (extra ``warc``),
  each read like an HTML file; the id is the sha1 of the target URL.
- anything else: plain text, decoded by :func:`~onrecord.text.decode.decode_bytes`.

A file's id is its stem (``a/b/seed-blunt.txt`` → ``seed-blunt``); stdin's is
the sha1 of its text.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..model import Document, Failure, text_id
from ..errors import EmptyInputError, InputError, MissingExtraError, OnrecordError
from .decode import decode_bytes, replace_surrogates

__all__ = ["read_paths", "url_id"]

#: The name stdin goes by in sources and messages.
STDIN_SOURCE = "<stdin>"
#: Optional JSONL fields a document keeps, all strings.
JSONL_FIELDS = ("title", "url", "published")
#: Content types read from WARC responses.
HTML_TYPES = ("text/html", "application/xhtml+xml")

_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
_HTML_SUFFIXES = (".html", ".htm")
_WARC_SUFFIXES = (".warc", ".warc.gz")
#: Errors a corrupt gzip stream raises while it is read.
_STREAM_ERRORS = (OSError, EOFError, zlib.error)


def read_paths(paths: list[str], stdin: BinaryIO | None = None) -> Iterator[Document | Failure]:
    """Yield a document (or a failure) for every input named by ``paths``, in order.

    Args:
        paths: files, directories (read recursively in sorted order, hidden
            entries skipped), glob patterns, or ``-`` for stdin.
        stdin: the binary stream ``-`` reads; ``sys.stdin.buffer`` when None.

    Returns:
        An iterator of :class:`~onrecord.model.Document` and, for inputs that
        could not be read, :class:`~onrecord.model.Failure`.
    """
    for path in paths:
        if path == "-":
            yield _read_stdin(stdin if stdin is not None else sys.stdin.buffer)
        elif os.path.isdir(path):
            for file in _walk(path):
                yield from _read_file(file)
        elif os.path.exists(path):
            yield from _read_file(path)
        elif glob.has_magic(path):
            matches = sorted(glob.iglob(path, recursive=True))
            if not matches:
                yield Failure(path, path, "no files match this pattern")
            for match in matches:
                if os.path.isdir(match):
                    for file in _walk(match):
                        yield from _read_file(file)
                else:
                    yield from _read_file(match)
        else:
            yield Failure(_stem(path), path, "no such file or directory")


def url_id(url: str) -> str:
    """Return the stable id of a document known by its URL: the sha1 of the URL.

    >>> url_id("https://example.org/a")
    '579f2a2ceeee0bc369f88d8b2b891d6263265b30'
    """
    return hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()


def _walk(root: str) -> Iterator[str]:
    """Yield the files under ``root`` depth first, sorted by name, skipping hidden entries.

    Symbolic links to directories are followed once (a link cycle is not).
    """
    seen: set[tuple[int, int]] = set()

    def walk(directory: str) -> Iterator[str]:
        try:
            st = os.stat(directory)
            if (st.st_dev, st.st_ino) in seen:
                return
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(directory) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError:
            yield directory  # reading it as a file reports why it cannot be listed
            return
        for entry in entries:
            if entry.is_dir():
                yield from walk(entry.path)
            else:
                yield entry.path

    yield from walk(root)


def _read_file(path: str) -> Iterator[Document | Failure]:
    lower = path.lower()
    if lower.endswith(_JSONL_SUFFIXES):
        reader = _read_jsonl
    elif lower.endswith(_HTML_SUFFIXES):
        reader = _read_html_file
    elif lower.endswith(_WARC_SUFFIXES):
        reader = _read_warc
    else:
        reader = _read_text_file
    try:
        yield from reader(path)
    except OnrecordError as exc:
        yield Failure(_stem(path), path, _reason(exc, path))
    except OSError as exc:
        yield Failure(_stem(path), path, f"cannot read: {exc.strerror or exc}")


def _read_text_file(path: str) -> Iterator[Document]:
    data = Path(path).read_bytes()
    text, warnings = decode_bytes(data, path)
    yield Document(id=_stem(path), text=text, source=path, warnings=tuple(warnings))


def _read_stdin(stream: BinaryIO) -> Document | Failure:
    try:
        data = stream.read()
        if isinstance(data, str):  # a text stream handed in by mistake
            data = data.encode("utf-8", "surrogatepass")
        text, warnings = decode_bytes(data, STDIN_SOURCE)
    except InputError as exc:
        return Failure("-", STDIN_SOURCE, _reason(exc, STDIN_SOURCE))
    except OSError as exc:
        return Failure("-", STDIN_SOURCE, f"cannot read: {exc}")
    return Document(id=text_id(text), text=text, source=STDIN_SOURCE, warnings=tuple(warnings))


def _read_jsonl(path: str) -> Iterator[Document | Failure]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        lineno = 0
        try:
            for lineno, raw in enumerate(stream, 1):
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                yield _parse_jsonl_line(raw, path, lineno)
        except _STREAM_ERRORS as exc:
            where = f"{path}:{lineno + 1}"
            yield Failure(f"{_stem(path)}:{lineno + 1}", where, f"cannot read further: {exc}")


def _parse_jsonl_line(raw: bytes, path: str, lineno: int) -> Document | Failure:
    where = f"{path}:{lineno}"
    fallback_id = f"{_stem(path)}:{lineno}"
    try:
        obj = json.loads(raw)
    except UnicodeDecodeError:
        return Failure(fallback_id, where, "line is not valid UTF-8")
    except json.JSONDecodeError as exc:
        return Failure(fallback_id, where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return Failure(fallback_id, where, "JSON nested too deeply")
    if not isinstance(obj, dict):
        return Failure(fallback_id, where, f"expected a JSON object, got {type(obj).__name__}")
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        return Failure(fallback_id, where, '"id" must be a string or an integer')
    doc_id = str(raw_id) if raw_id not in (None, "") else None
    text = obj.get("text")
    if not isinstance(text, str):
        problem = 'no "text" field' if text is None else '"text" must be a string'
        return Failure(doc_id or fallback_id, where, problem)
    if text.isspace() or not text:
        return Failure(doc_id or fallback_id, where, '"text" is empty')
    fields: dict[str, str | None] = {}
    for name in JSONL_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return Failure(doc_id or fallback_id, where, f'"{name}" must be a string')
        fields[name] = value
    warnings = []
    text, replaced = replace_surrogates(text)
    if replaced:
        warnings.append(f"replaced {replaced} lone surrogate(s) with U+FFFD")
    return Document(
        id=doc_id or text_id(text),
        text=text,
        source=where,
        warnings=tuple(warnings),
        **fields,
    )


def _read_html_file(path: str) -> Iterator[Document]:
    html, warnings = decode_bytes(Path(path).read_bytes(), path)
    yield _document_from_html(html, _stem(path), path, None, warnings)


def _document_from_html(
    html: str, doc_id: str, source: str, url: str | None, warnings: list[str]
) -> Document:
    """Extract the main text and metadata of one HTML page.

    Raises:
        MissingExtraError: trafilatura is not installed.
        EmptyInputError: the page has no main text.
    """
    try:
        import trafilatura
    except ImportError:
        raise MissingExtraError("trafilatura", "html") from None
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or text.isspace():
        raise EmptyInputError("no main text found in the HTML")
    text, replaced = replace_surrogates(text)
    if replaced:
        warnings = [*warnings, f"replaced {replaced} lone surrogate(s) with U+FFFD"]
    meta: dict[str, Any] = {}
    author = getattr(result, "author", None)
    if author:
        meta["author"] = author
    return Document(
        id=doc_id,
        text=text,
        title=getattr(result, "title", None) or None,
        url=url or getattr(result, "url", None) or None,
        published=getattr(result, "date", None) or None,
        source=source,
        derived_text=True,
        warnings=tuple(warnings),
        meta=meta,
    )


def _read_warc(path: str) -> Iterator[Document | Failure]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise MissingExtraError("warcio", "warc") from None
    with open(path, "rb") as stream:
        head = stream.read(5)
        stream.seek(0)
        if not head.startswith((b"WARC/", b"\x1f\x8b")):
            raise InputError("not a WARC file (it does not start with 'WARC/' or gzip data)")
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not status.startswith("2") or not content_type.startswith(HTML_TYPES):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
                doc_id = url_id(url) if url else record_id.removeprefix("urn:uuid:")
                where = f"{path}#{url or record_id}"
                try:
                    payload = record.content_stream().read()
                    html, warnings = _decode_payload(payload, content_type, where)
                    yield _document_from_html(html, doc_id, where, url, warnings)
                except InputError as exc:
                    yield Failure(doc_id, where, _reason(exc, where))
        except (ArchiveLoadFailed, *_STREAM_ERRORS) as exc:
            yield Failure(_stem(path), path, f"not a readable WARC file: {exc}")


def _decode_payload(payload: bytes, content_type: str, where: str) -> tuple[str, list[str]]:
    """Decode an HTTP body, trusting a declared charset when it fits."""
    _, _, params = content_type.partition(";")
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key == "charset" and value:
            try:
                return payload.decode(value.strip("\"' ")), []
            except (LookupError, UnicodeDecodeError):
                break
    return decode_bytes(payload, where)


def _reason(exc: Exception, name: str) -> str:
    """Return an error's message without the input name it starts with (a Failure carries it).

    >>> _reason(ValueError("a.txt: binary input"), "a.txt")
    'binary input'
    """
    return str(exc).removeprefix(f"{name}: ")


def _stem(path: str) -> str:
    """Return a file's id: its name without the reading suffix.

    >>> _stem("corpus/seed-blunt.txt"), _stem("a/b.jsonl.gz"), _stem("x/page.warc.gz")
    ('seed-blunt', 'b', 'page')
    """
    name = os.path.basename(path.rstrip("/" + os.sep)) or path
    lower = name.lower()
    for suffix in (".jsonl.gz", ".warc.gz"):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem or name
