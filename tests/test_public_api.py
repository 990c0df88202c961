"""The public surface is onrecord/__init__.py, with a sorted __all__ (as httpx does)."""

import onrecord


def test_all_is_sorted_and_complete():
    assert onrecord.__all__ == sorted(onrecord.__all__)
    for name in onrecord.__all__:
        assert hasattr(onrecord, name), name


def test_extract_is_exported_and_documented():
    assert callable(onrecord.extract)
    assert "Args:" in onrecord.extract.__doc__
