"""The PolNeAR reader on brat snippets and a tiny corpus written here (no PolNeAR text)."""

from __future__ import annotations

import pytest

from onrecord.evaluate.polnear import GoldAttribution, gold_sha256, parse_ann, parse_ranges, read_split

TEXT = "Officials said the bridge will reopen in May, although critics doubt it. Critics remain unconvinced."
ANN = "\n".join(
    [
        "T1\tSource 0 9\tOfficials",
        "T2\tCue 10 14\tsaid",
        "T3\tContent 15 44;46 72\tthe bridge will reopen in May although critics doubt it",
        "T4\tAttribution 10 14\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "#1\tAnnotatorNotes T3\tCheck the second fragment",
        "T5\tCue 81 87\tremain",
        "T6\tContent 88 99\tunconvinced",
        "T7\tAttribution-no-source 81 87\tremain",
        "E2\tAttribution-no-source:T7 Cue:T5 Content:T6",
        "T8\tDiscuss 0 4\tOffi",
    ]
)


def test_parse_ranges_sorts_fragments():
    assert parse_ranges("46 72;15 44") == ((15, 44), (46, 72))


def test_parse_ann_ties_event_roles_and_trusts_offsets():
    atts = parse_ann(ANN)
    assert atts == (
        GoldAttribution(content=((15, 44), (46, 72)), cue=((10, 14),), source=((0, 9),), id="E1"),
        GoldAttribution(content=((88, 99),), cue=((81, 87),), source=(), id="E2"),
    )
    assert TEXT[slice(*atts[1].content[0])] == "unconvinced"
    assert atts[0].attribution is None  # PolNeAR does not mark speech vs thought


def test_parse_ann_skips_a_text_column_broken_by_a_newline_and_merges_numbered_roles():
    ann = (
        "T1\tContent 0 20\tfirst line\nsecond line\n"
        "T2\tCue 21 25\tsaid\nT3\tSource 26 28\the\nT4\tContent 30 40\tmore\n"
        "T5\tAttribution 21 25\tsaid\n"
        "E1\tAttribution:T5 Cue:T2 Source:T3 Content:T1 Content2:T4\n"
    )
    (att,) = parse_ann(ann)
    assert att.content == ((0, 20), (30, 40))
    assert att.source == ((26, 28),)


def test_parse_ann_of_an_empty_file_is_empty():
    assert parse_ann("") == ()
    assert parse_ann("\n") == ()


def make_corpus(root, articles):
    """Write a PolNeAR-shaped folder: {name: (text, {annotator: ann}, publisher)}."""
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    rows = ["compartment\tfilename\tannotators\tpublisher"]
    for name, (text, anns, publisher) in articles.items():
        (root / "dev" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        for annotator, ann in anns.items():
            (root / "dev" / "attributions" / f"{name}_{annotator}.ann").write_text(ann, encoding="utf-8")
        rows.append(f"dev\t{name}\t{','.join(anns)}\t{publisher}")
    (root / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_read_split_streams_sorted_with_first_annotator_and_publisher(tmp_path):
    make_corpus(
        tmp_path,
        {
            "zeta_2016-01-02_b": (TEXT, {"ff01": "", "0a9b": ANN}, "gazette"),
            "alpha_2016-01-01_a": (TEXT, {"77aa": ""}, "herald"),
        },
    )
    arts = list(read_split(tmp_path, "dev"))
    assert [a.name for a in arts] == ["alpha_2016-01-01_a", "zeta_2016-01-02_b"]
    assert arts[0].attributions == () and arts[0].publisher == "herald"
    assert arts[1].annotator == "0a9b" and len(arts[1].attributions) == 2
    assert arts[1].publisher == "gazette"
    assert [a.name for a in read_split(tmp_path, "dev", limit=1)] == ["alpha_2016-01-01_a"]


def test_gold_hash_changes_with_the_annotations(tmp_path):
    make_corpus(tmp_path, {"a_1_x": (TEXT, {"0a9b": ANN}, "p")})
    before = gold_sha256(tmp_path)
    (tmp_path / "dev" / "attributions" / "a_1_x_0a9b.ann").write_text(ANN.replace("0 9", "0 8"), encoding="utf-8")
    assert gold_sha256(tmp_path) != before


def test_read_split_reports_a_missing_split(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(read_split(tmp_path, "dev"))
