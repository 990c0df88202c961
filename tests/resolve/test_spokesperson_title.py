"""A spokesperson's role used as a title before a name: the named person speaks."""

import pytest

import onrecord

TEXT = (
    "Labour spokesperson Jo Baird said the plan was reckless.\n\n"
    "\"It will fail,\" said Home Office spokesman Mark Lee.\n\n"
    "A Home Office spokesperson said the department would respond in due course.\n"
)


@pytest.mark.parametrize("mode", ["fast", "rules", "accurate"])
def test_titled_spokesperson_resolves_to_the_person(mode):
    if mode != "fast":
        pytest.importorskip("spacy")
    names = [q.speaker_name for q in onrecord.extract(TEXT, mode=mode).quotes]
    assert names[:2] == ["Jo Baird", "Mark Lee"]
    assert names[2] == "Home Office"
