"""Dependencies point one way: the core never imports the CLI, web, Ray or database drivers."""

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "onrecord"
CORE = ["model.py", "errors.py", "work.py", "pipeline.py", "api.py", "text", "nlp", "attribution", "resolve", "statements"]
FORBIDDEN = {"click", "fastapi", "starlette", "uvicorn", "ray", "psycopg", "sqlite3", "jinja2", "tqdm"}


def _core_files():
    for entry in CORE:
        path = PKG / entry
        if path.is_dir():
            yield from sorted(path.rglob("*.py"))
        elif path.exists():
            yield path


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            if node.module:
                yield "onrecord." + node.module
            else:  # "from .. import cli": each name is a module of the package
                for alias in node.names:
                    yield "onrecord." + alias.name


@pytest.mark.parametrize("path", list(_core_files()), ids=lambda p: str(p.relative_to(PKG)))
def test_core_module_imports_no_outer_layer(path):
    bad = {m for m in _imports(path) if m in FORBIDDEN or m.startswith(("onrecord.cli", "onrecord.web", "onrecord.store", "onrecord.batch"))}
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", [p for p in _core_files() if p.parent != PKG], ids=lambda p: str(p.relative_to(PKG)))
def test_stage_modules_do_not_import_the_api(path):
    """Readers and stages sit below the API: model -> text/nlp -> stages -> pipeline -> api."""
    bad = {m for m in _imports(path) if m in ("onrecord.api", "onrecord.pipeline") or m.startswith("onrecord.api")}
    assert not bad, f"{path.relative_to(PKG)} imports {sorted(bad)}"


def test_only_the_adapter_imports_spacy():
    importers = [p.relative_to(PKG).as_posix() for p in _core_files() if "spacy" in set(_imports(p))]
    assert set(importers) <= {"nlp/spacy_adapter.py"}, importers
