"""Errors raised by onrecord.

The hierarchy::

    OnrecordError                 root: catch this to catch everything below
    ├── InputError                a document could not be read
    │   ├── BinaryInputError      the bytes are not text (NUL bytes, control soup)
    │   ├── EncodingError         no text encoding fits the bytes
    │   └── EmptyInputError       nothing but white space
    ├── ExtractionError           a critical pipeline stage failed on a document
    ├── PipelineError             stages are wired in an order whose needs are not met
    ├── ModelError                a model file is missing or does not load
    ├── MissingExtraError         an optional dependency is not installed
    ├── StoreError                the archive failed (translated from the driver)
    └── EvaluationError           a corpus could not be read or scored

Every message says what went wrong and, where there is one, how to fix it.
Third-party exceptions are translated at the boundary where they arise.
"""

from __future__ import annotations


class OnrecordError(Exception):
    """Root of every error onrecord raises."""


class InputError(OnrecordError):
    """A document could not be read."""


class BinaryInputError(InputError):
    """The input is binary, not text."""


class EncodingError(InputError):
    """The input's text encoding could not be determined."""


class EmptyInputError(InputError):
    """The input holds no text."""


class ExtractionError(OnrecordError):
    """A critical pipeline stage failed on one document."""


class PipelineError(OnrecordError):
    """The pipeline's stages do not fit together."""


class ModelError(OnrecordError):
    """A model could not be loaded."""


class MissingExtraError(OnrecordError):
    """An optional dependency is missing; the message names the extra."""

    def __init__(self, module: str, extra: str):
        super().__init__(
            f"{module!r} is not installed; install it with "
            f"`pip install 'onrecord[{extra}]'` (or `make demo`, which installs all extras)"
        )
        self.module = module
        self.extra = extra


class StoreError(OnrecordError):
    """The archive could not complete an operation."""


class EvaluationError(OnrecordError):
    """A corpus could not be read or scored."""
