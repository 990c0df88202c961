"""onrecord: who said what, about whom, through which channel, in news articles.

The public Python API. Everything else is an implementation module.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import extract, extract_documents
from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    ExtractionError,
    InputError,
    MissingExtraError,
    ModelError,
    OnrecordError,
    PipelineError,
    StoreError,
)
from .model import Article, Document, Entity, Link, Quote, Span
from .model import Failure
from .text.readers import read_paths

__all__ = [
    "Article",
    "BinaryInputError",
    "Document",
    "EmptyInputError",
    "EncodingError",
    "Entity",
    "ExtractionError",
    "Failure",
    "InputError",
    "Link",
    "MissingExtraError",
    "ModelError",
    "OnrecordError",
    "PipelineError",
    "Quote",
    "Span",
    "StoreError",
    "__version__",
    "extract",
    "extract_documents",
    "read_paths",
]
