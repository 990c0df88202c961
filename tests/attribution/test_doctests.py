"""The examples in the attribution modules' docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["bio_scan", "frames", "furniture", "interviews", "merge", "rules", "source_spans", "tagger", "tagging", "tokens"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    if name == "bio_scan":
        pytest.importorskip("torch")
    module = importlib.import_module(f"onrecord.attribution.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
