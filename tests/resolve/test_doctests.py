"""The examples in the resolve modules' docstrings run and hold."""

from __future__ import annotations

import ast
import doctest
import importlib
from pathlib import Path

import pytest

MODULES = ["descriptors", "entities", "identity", "mentions", "names", "speakers"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"onrecord.resolve.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_resolve_imports_only_the_core():
    """resolve/ is core: no spaCy (the parse comes in Work.parsed), CLI, web, Ray, store or drivers."""
    allowed_roots = {"__future__", "bisect", "collections", "dataclasses", "doctest", "functools", "re", "typing", "unicodedata"}
    allowed_onrecord = {"model", "work", "resolve"}
    # letter classes and a menu line's test only, no readers or their drivers
    allowed_modules = {"text.letters", "text.menus"}
    root = Path(importlib.import_module("onrecord.resolve").__file__).parent
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level == 1:
                    continue
                names = [("." * node.level) + (node.module or "")]
            else:
                continue
            for name in names:
                if name.startswith(".."):
                    assert name[2:].split(".")[0] in allowed_onrecord or name[2:] in allowed_modules, \
                        f"{path.name} imports {name}"
                else:
                    assert name.split(".")[0] in allowed_roots, f"{path.name} imports {name}"
