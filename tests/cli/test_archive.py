"""The archive commands, run in-process with click's runner on shards of records built for the tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from archive_samples import MONDAY, STORY
from click.testing import CliRunner

from onrecord.cli import main

ARCHIVE_COMMANDS = ("ingest", "search", "speakers", "stats", "export", "serve")


@pytest.fixture
def shard(tmp_path):
    path = tmp_path / "story.jsonl"
    path.write_text("".join(json.dumps(a.to_dict(include_text=True)) + "\n" for a in STORY), encoding="utf-8")
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("name", ARCHIVE_COMMANDS)
def test_every_archive_command_has_help_with_an_example(name):
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and f"onrecord {name}" in result.output
    assert main.commands[name].help and len(main.commands[name].help.split()) > 8


def test_ingest_twice_leaves_stats_unchanged(shard, store_url):
    first = run("ingest", str(shard), "--db", store_url)
    assert first.exit_code == 0, first.output
    stats = json.loads(run("stats", "--db", store_url, "--format", "json").stdout)
    assert stats == {"articles": 4, "quotes": 5, "speakers": 4}
    again = run("ingest", str(shard), "--db", store_url)
    assert again.exit_code == 0 and "4 unchanged" in again.stderr
    assert json.loads(run("stats", "--db", store_url).stdout) == stats


def test_search_formats(shard, store_url):
    run("ingest", str(shard), "--db", store_url)
    hits = [json.loads(line) for line in run("search", "miscarriage of justice", "--db", store_url,
                                             "--format", "jsonl").stdout.splitlines()]
    assert len(hits) == 1
    hit = hits[0]
    assert hit["speaker_name"] == "Crispin Blunt" and hit["article_id"] == "blunt-monday"
    assert hit["article_title"] == MONDAY.title and hit["published"] == "2024-04-08"
    assert hit["text"] == MONDAY.quotes[0].text and hit["content"] == [list(r) for r in MONDAY.quotes[0].content]
    csv_out = run("search", "justice", "--db", store_url, "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("article_id,article_title,published,id") and len(csv_out) == 2
    table = run("search", "", "--db", store_url, "--speaker", "Blunt", "--since", "2024-04-09")
    assert "blunt-tuesday" in table.stdout and "blunt-monday" not in table.stdout
    assert run("search", "x", "--db", store_url, "--limit", "5000").exit_code == 2


def test_speakers_and_merge_report(shard, tmp_path):
    db = str(tmp_path / "a.db")
    run("ingest", str(shard), "--db", db)
    out = run("speakers", "--db", db).stdout
    assert "Crispin Blunt" in out and "aka Blunt" in out and "James Blunt" in out
    merges = [json.loads(x) for x in run("speakers", "--db", db, "--merges", "--format", "jsonl").stdout.splitlines()]
    assert {(m["name"], m["decision"]) for m in merges} >= {("Blunt", "merge"), ("James Blunt", "new")}


def test_export_jsonl_reingests_to_the_same_archive(shard, tmp_path):
    db, copy, out = str(tmp_path / "a.db"), str(tmp_path / "b.db"), tmp_path / "export.jsonl"
    run("ingest", str(shard), "--db", db)
    assert run("export", "--db", db, "--format", "jsonl", "--out", str(out)).exit_code == 0
    assert run("ingest", str(out), "--db", copy).exit_code == 0
    assert run("stats", "--db", copy).stdout == run("stats", "--db", db).stdout
    assert run("ingest", str(out), "--db", db).stderr.count("4 unchanged") == 1


def test_export_csv_and_parquet(shard, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    db = str(tmp_path / "a.db")
    run("ingest", str(shard), "--db", db)
    rows = run("export", "--db", db, "--format", "csv").stdout.splitlines()
    assert len(rows) == 1 + 5
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2
    path = tmp_path / "q.parquet"
    assert run("export", "--db", db, "--format", "parquet", "--out", str(path)).exit_code == 0
    table = pq.read_table(path)
    assert table.num_rows == 5 and "speaker_name" in table.column_names


def test_failures_are_counted_and_the_rest_goes_on(shard, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "quotes": []}) + "\n{not json\n", encoding="utf-8")
    db = str(tmp_path / "a.db")
    result = run("ingest", str(shard), str(bad), "--db", db)
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.stderr and "1 failed" in result.stderr and "5 added" in result.stderr
    assert json.loads(run("stats", "--db", db).stdout)["articles"] == 5


def test_usage_errors_exit_2(tmp_path):
    assert run("stats").exit_code == 2  # no --db
    assert run("ingest", "--db", str(tmp_path / "a.db")).exit_code == 2  # no PATH
    assert run("stats", "--db", str(tmp_path / "no-such-dir" / "a.db")).exit_code == 2


@pytest.mark.slow
def test_search_finds_a_politicians_statement_in_an_unseen_article(tmp_path):
    pytest.importorskip("onrecord.text.readers")
    pytest.importorskip("onrecord.attribution.rules")
    article = tmp_path / "unseen.txt"
    article.write_text(
        "Labour MP Jane Holloway criticised the court on Friday.\n\n"
        '"This verdict is a miscarriage of justice and it must be overturned," Ms Holloway said.\n',
        encoding="utf-8",
    )
    db = str(tmp_path / "a.db")
    assert run("ingest", str(article), "--db", db).exit_code == 0
    hits = [json.loads(x) for x in run("search", "miscarriage of justice", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert [h["speaker_name"] for h in hits] == ["Jane Holloway"]


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def batch_out(tmp_path):
    """A real ``onrecord batch`` run (fast mode) over the samples and an empty file: 3 shards and one error."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(path, inputs / path.name)
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run("batch", str(inputs), "--out", str(out), "--mode", "fast", "--workers", "1", "--shard-size", "2", "-q")
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] and manifest["counts"]["failed"] == 1 and manifest["counts"]["quotes"] > 0
    assert (out / "errors.jsonl").read_text(encoding="utf-8").strip()
    return out


def test_ingest_of_a_batch_directory_reads_its_finished_shards_only(batch_out, store_url):
    counts = json.loads((batch_out / "manifest.json").read_text(encoding="utf-8"))["counts"]
    first = run("ingest", str(batch_out), "--db", store_url)
    assert first.exit_code == 0, first.stderr
    assert f"{batch_out} is batch output" in first.stderr
    assert f"reading its 3 finished shard(s) with {counts['ok']} article(s)" in first.stderr
    assert "not read: errors.jsonl, manifest.json" in first.stderr
    assert f"ingested {counts['ok']} article(s): {counts['ok']} added" in first.stderr
    stats = json.loads(run("stats", "--db", store_url).stdout)
    assert (stats["articles"], stats["quotes"]) == (counts["ok"], counts["quotes"])
    again = run("ingest", str(batch_out), "--db", store_url)
    assert again.exit_code == 0 and f"{counts['ok']} unchanged, 0 failed" in again.stderr
    assert json.loads(run("stats", "--db", store_url).stdout) == stats


def test_ingest_of_an_unfinished_batch_skips_uncommitted_shards(batch_out, tmp_path):
    path = batch_out / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    last = manifest["shards"].pop()  # as if the run was killed before committing its last shard
    manifest["complete"] = False
    path.write_text(json.dumps(manifest), encoding="utf-8")
    db = str(tmp_path / "a.db")
    result = run("ingest", str(path), "--db", db)  # the manifest file names its run too
    assert result.exit_code == 0, result.stderr
    assert "an unfinished run" in result.stderr and last["file"] in result.stderr
    stats = json.loads(run("stats", "--db", db).stdout)
    assert stats["articles"] == sum(s["ok"] for s in manifest["shards"])
    assert stats["quotes"] == sum(s["quotes"] for s in manifest["shards"])


def test_an_error_log_elsewhere_is_not_read_as_documents(batch_out, shard, tmp_path):
    loose = tmp_path / "loose"
    loose.mkdir()
    shutil.copy(batch_out / "errors.jsonl", loose / "failures.jsonl")
    shutil.copy(shard, loose / "story.jsonl")
    db = str(tmp_path / "a.db")
    result = run("ingest", str(loose), "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "failures.jsonl holds batch error entries" in result.stderr and "0 failed" in result.stderr
    assert json.loads(run("stats", "--db", db).stdout)["articles"] == len(STORY)


@pytest.mark.parametrize("mode", ["fast", pytest.param(None, marks=pytest.mark.slow, id="default")])
def test_search_over_the_samples_finds_ashdowns_statement(mode, tmp_path):
    """samples/ashdown-retraction.txt (a UK story written for onrecord) through ingest and search."""
    db = str(tmp_path / "a.db")
    ingest = run("ingest", str(SAMPLES), "--db", db, *(["--mode", mode] if mode else []))
    assert ingest.exit_code == 0, ingest.stderr
    assert json.loads(run("stats", "--db", db).stdout)["articles"] == len(list(SAMPLES.glob("*.txt")))
    out = run("search", "miscarriage of justice", "--db", db, "--format", "jsonl")
    hits = [json.loads(line) for line in out.stdout.splitlines()]
    assert hits, out.stderr
    assert {(h["article_id"], h["speaker_name"]) for h in hits} == {("ashdown-retraction", "Rupert Ashdown")}
    assert all("miscarriage of justice" in h["text"] for h in hits)
    table = run("search", "miscarriage of justice", "--db", db).stdout
    assert "Rupert Ashdown" in table and "ashdown-retraction" in table
