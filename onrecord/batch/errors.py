"""The batch runner's error, a branch of :class:`onrecord.errors.OnrecordError`.

The tree below the root (see :mod:`onrecord.errors`)::

    OnrecordError
    └── BatchError        a batch run cannot start or go on (its output
                          directory belongs to another run, its input changed
                          under a resumed run, a worker or the Ray cluster died)

Failures of single documents are never raised: they go to ``errors.jsonl``.
"""

from __future__ import annotations

from ..errors import OnrecordError

__all__ = ["BatchError"]


class BatchError(OnrecordError):
    """A batch run could not start or go on; the message says how to fix it."""
