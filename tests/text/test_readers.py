"""read_paths: files, directories, globs, stdin, JSONL(.gz), HTML, WARC; failures in place."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from onrecord.api import text_id
from onrecord.model import Document
from onrecord.pipeline import Failure
from onrecord.text.readers import read_paths, url_id

ARTICLE_HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>MP apologises | The Daily Test</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2022-04-12T10:30:00Z">
<link rel="canonical" href="https://news.example.org/politics/mp-apologises"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>MP apologises for remarks</h1>
<p>The Tory MP Crispin Example has issued an apology after his comments on Tuesday drew criticism
from colleagues across the House.</p>
<p>“On reflection I have decided to retract my statement,” he said in a post on his website on
Wednesday morning.</p>
<p>Labour's spokeswoman said the apology was welcome but came far too late for the people who had
been hurt by his remarks.</p>
</article><footer>Copyright 2022 The Daily Test.</footer></body></html>"""


def read(paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def test_plain_file_id_is_the_stem(tmp_path):
    path = tmp_path / "seed-blunt.txt"
    path.write_text("He said it was over.", encoding="utf-8")
    [doc] = read([path])
    assert doc == Document(id="seed-blunt", text="He said it was over.", source=str(path))


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.")
    (tmp_path / "a.md").write_text("One.")
    (tmp_path / "c.txt").write_text("Three.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git" / "config.txt").write_text("Nope.")
    docs = read([tmp_path])
    assert [(d.id, d.text) for d in docs] == [("a", "One."), ("two", "Two."), ("c", "Three.")]


def test_glob_expands_sorted_and_empty_glob_fails(tmp_path):
    for name in ("x2.txt", "x1.txt", "y.txt"):
        (tmp_path / name).write_text(f"Text of {name}.")
    docs = read([tmp_path / "x*.txt", tmp_path / "nothing*.txt"])
    assert [d.id for d in docs[:2]] == ["x1", "x2"]
    assert isinstance(docs[2], Failure) and "no files match" in docs[2].error


def test_missing_file_is_a_failure(tmp_path):
    [f] = read([tmp_path / "gone.txt"])
    assert f == Failure("gone", str(tmp_path / "gone.txt"), "no such file or directory")


def test_stdin_id_is_the_sha1_of_the_text():
    [doc] = read_paths(["-"], stdin=io.BytesIO("“Yes,” she said.".encode()))
    assert doc.id == text_id("“Yes,” she said.") and doc.source == "<stdin>"


def test_stdin_binary_is_a_failure():
    [f] = read_paths(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"))
    assert isinstance(f, Failure) and "PNG" in f.error


def test_bad_files_fail_in_place_and_reading_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.txt").write_bytes(b"  \n ")
    (tmp_path / "c.txt").write_bytes(b"caf\xe9 society")
    a, b, c = read([tmp_path])
    assert isinstance(a, Failure) and a.id == "a" and a.error.startswith("binary input")
    assert isinstance(b, Failure) and b.id == "b" and "white space" in b.error
    assert c.text == "café society" and c.warnings == ("decoded as cp1252 (detected)",)


JSONL_LINES = [
    json.dumps({"id": "a1", "text": "He said yes.", "title": "Yes", "url": "https://x.org/a1",
                "published": "2022-04-12"}),
    "",
    json.dumps({"text": "No id here."}),
    "{not json",
    json.dumps({"id": "a4"}),
    json.dumps(["a", "list"]),
    json.dumps({"id": "a6", "text": 5}),
    json.dumps({"id": "a7", "text": "   "}),
    json.dumps({"id": 8, "text": "Integer id.", "title": 3}),
    json.dumps({"id": 9, "text": "Lone \ud800 surrogate."}),
]


def check_jsonl(docs, path):
    assert len(docs) == 9
    a1, noid, bad, noText, lst, textint, blank, titleint, lone = docs
    assert a1 == Document(id="a1", text="He said yes.", title="Yes", url="https://x.org/a1",
                          published="2022-04-12", source=f"{path}:1")
    assert noid.id == text_id("No id here.") and noid.source == f"{path}:3"
    assert isinstance(bad, Failure) and bad.source == f"{path}:4" and "invalid JSON" in bad.error
    assert isinstance(noText, Failure) and noText.id == "a4" and 'no "text"' in noText.error
    assert isinstance(lst, Failure) and "expected a JSON object" in lst.error and lst.source.endswith(":6")
    assert isinstance(textint, Failure) and '"text" must be a string' in textint.error
    assert isinstance(blank, Failure) and "empty" in blank.error
    assert isinstance(titleint, Failure) and titleint.id == "8" and '"title"' in titleint.error
    assert lone.id == "9" and lone.text == "Lone \ufffd surrogate." and lone.warnings


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    check_jsonl(read([path]), path)


def test_gzip_jsonl(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(JSONL_LINES) + "\n")
    check_jsonl(read([path]), path)


def test_truncated_gzip_jsonl_keeps_what_it_read(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    body = "".join(json.dumps({"id": f"d{i}", "text": f"Text {i} " * 50}) + "\n" for i in range(200))
    data = gzip.compress(body.encode())
    path.write_bytes(data[: len(data) // 2])
    docs = read([path])
    assert all(isinstance(d, Document) for d in docs[:-1]) and len(docs) > 2
    assert isinstance(docs[-1], Failure) and "cannot read further" in docs[-1].error


@pytest.mark.parametrize("name", ["big.jsonl", "big.jsonl.gz"])
def test_jsonl_is_streamed_not_loaded_whole(tmp_path, name):
    import tracemalloc

    path = tmp_path / name
    line = json.dumps({"text": "He said the plan was sound. " * 70}) + "\n"  # ~2 KB a line
    body = "".join(line.replace("He said", f"He ({i}) said") for i in range(2000)).encode()
    path.write_bytes(gzip.compress(body) if name.endswith(".gz") else body)
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_paths([str(path)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 2000
    assert len(body) > 4_000_000 and peak < 1_000_000, f"peak {peak} bytes while reading {len(body)}"


def test_html_via_trafilatura(tmp_path):
    path = tmp_path / "mp-apologises.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    [doc] = read([path])
    assert doc.id == "mp-apologises" and doc.derived_text
    assert doc.title == "MP apologises for remarks"
    assert doc.published == "2022-04-12"
    assert doc.url == "https://news.example.org/politics/mp-apologises"
    assert doc.meta == {"author": "Jane Reporter"}
    assert "“On reflection I have decided to retract my statement,” he said" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text


def test_html_without_main_text_fails(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>T</title></head><body><div></div></body></html>")
    [f] = read([path])
    assert isinstance(f, Failure) and "no main text" in f.error


def test_missing_trafilatura_is_a_failure_with_the_extra(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    path = tmp_path / "p.html"
    path.write_text(ARTICLE_HTML)
    [f] = read([path])
    assert isinstance(f, Failure) and "onrecord[html]" in f.error


def write_warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(url, body, ctype="text/html; charset=utf-8", status="200 OK"):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warc_record("https://news.example.org/robots.txt", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        writer.write_record(response("https://news.example.org/a", ARTICLE_HTML.encode()))
        writer.write_record(response("https://news.example.org/style.css", b"body{}", "text/css"))
        gone = response("https://news.example.org/404", b"<html>gone</html>", status="404 Not Found")
        writer.write_record(gone)
        latin = ARTICLE_HTML.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Labour's", "Café's")
        latin = latin.replace("“", '"').replace("”", '"')
        writer.write_record(response("https://news.example.org/b", latin.encode("latin-1"),
                                     "text/html; charset=iso-8859-1"))
        writer.write_record(response("https://news.example.org/c", b"<html><body></body></html>"))


@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_only(tmp_path, name, gz):
    path = tmp_path / name
    write_warc(path, gz)
    docs = read([path])
    assert len(docs) == 3
    a, b, c = docs
    assert a.id == url_id("https://news.example.org/a") and a.url == "https://news.example.org/a"
    assert a.derived_text and "retract my statement" in a.text and a.title == "MP apologises for remarks"
    assert b.url == "https://news.example.org/b" and "Café's spokeswoman" in b.text
    assert isinstance(c, Failure) and c.id == url_id("https://news.example.org/c")
    assert c.source == f"{path}#https://news.example.org/c" and "no main text" in c.error


def test_not_a_warc_is_a_failure(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_text("this is not a warc file\n" * 10)
    [f] = read([path])
    assert isinstance(f, Failure) and f.id == "junk" and "WARC" in f.error


def test_ids_follow_the_contract(tmp_path):
    (tmp_path / "story.one.txt").write_text("A.")
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "B."}\n'))
    docs = read([tmp_path / "story.one.txt", tmp_path / "feed.jsonl.gz"])
    assert [d.id for d in docs] == ["story.one", "x"]
