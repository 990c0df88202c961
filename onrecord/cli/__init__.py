"""The ``onrecord`` command line: thin commands over :mod:`onrecord.api`.

Each submodule registers its commands on :data:`main`; heavy imports (spaCy,
FastAPI, Ray, database drivers) happen inside the commands, so ``--help`` is fast.
"""

from __future__ import annotations

from . import archive, batch, evaluate, evaluate_statements, extract  # noqa: F401  (register commands)
from .app import main

__all__ = ["main"]
