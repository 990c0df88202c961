"""Statements as events: each quote's speech act, channel and targets, and the links between quotes.

Modules: :mod:`~onrecord.statements.context` (the frame around a quote),
:mod:`~onrecord.statements.acts`, :mod:`~onrecord.statements.channels`,
:mod:`~onrecord.statements.targets`, :mod:`~onrecord.statements.links`, the
pipeline stage :mod:`~onrecord.statements.stage`, and
:mod:`~onrecord.statements.archive_links` for links across articles.
"""
