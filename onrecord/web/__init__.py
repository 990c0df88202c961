"""The archive's web app: REST API and server-rendered pages (needs the ``web`` extra)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
