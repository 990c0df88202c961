"""The public surface is onrecord/__init__.py, with a sorted __all__ (as httpx does)."""

import onrecord


def test_all_is_sorted_and_complete():
    assert onrecord.__all__ == sorted(onrecord.__all__)
    for name in onrecord.__all__:
        assert hasattr(onrecord, name), name


def test_extract_is_exported_and_documented():
    assert callable(onrecord.extract)
    assert "Args:" in onrecord.extract.__doc__


def test_extract_documents_refuses_bare_strings_with_a_clear_error():
    import pytest

    with pytest.raises(TypeError, match="Document"):
        list(onrecord.extract_documents(['"Yes," she said.'], mode="fast"))


def test_extract_documents_passes_failures_through_in_order():
    docs = [onrecord.Document(id="a", text='"Yes," she said.'), onrecord.Failure("b", "b.txt", "empty file")]
    out = list(onrecord.extract_documents(docs, mode="fast"))
    assert [type(o).__name__ for o in out] == ["Article", "Failure"]
    assert out[0].quotes[0].text == "Yes,"
