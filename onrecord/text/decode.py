"""Turn the bytes of one input into text, or say clearly why they are not text.

The order of decisions (:func:`decode_bytes`):

1. Empty or white-space-only bytes raise :class:`~onrecord.errors.EmptyInputError`.
2. A byte-order mark decides: UTF-32, UTF-8 (the mark is stripped and
   reported), UTF-16.
3. Known binary signatures (PNG, PDF, ZIP, gzip, ...) and a prefix with NUL
   bytes or many control bytes raise :class:`~onrecord.errors.BinaryInputError`
   naming what the bytes look like.
4. Strict UTF-8.
5. Otherwise a legacy encoding: Latin-script text that fits cp1252 is read as
   cp1252 (English news; charset-normalizer guesses badly on a handful of
   accented bytes, reading "café" as UTF-16 and "naïve" as cp1250);
   anything else is detected by charset-normalizer on a
   prefix, then the whole input is decoded strictly with that guess (the whole
   input is only re-sniffed when the guess does not fit). Every guess adds a
   warning; nothing fitting raises :class:`~onrecord.errors.EncodingError`.

The result never holds lone surrogates. Every step is linear in the input.
"""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, EmptyInputError, EncodingError

__all__ = ["decode_bytes", "replace_surrogates"]

#: How many leading bytes are sniffed for binary-ness: git looks at 8000 bytes
#: for NULs; 64 KiB keeps the control-byte ratio stable on short binaries too.
SNIFF_BYTES = 65536
#: Share of control bytes (other than tab, newlines, form feed, ESC) above which
#: a prefix is binary. Text never has them; compressed or executable data has
#: ~10% (a uniform byte has 27/256 ≈ 10.5%), so a third of that is a safe cut.
MAX_CONTROL_RATIO = 0.03
#: Share of non-ASCII bytes standing in runs of three or more above which a
#: cp1252-clean input is left to charset-normalizer: in Latin-script text the
#: accented letters and smart quotes stand mostly alone ("café", "“Yes”"),
#: while Cyrillic, Greek or Arabic words are whole runs of high bytes (nearly
#: 100%). Checked on a few sample sentences in French, German, Russian, Greek.
MAX_RUN_SHARE_FOR_CP1252 = 0.25

#: Byte-order marks, longest first (UTF-32-LE's mark starts with UTF-16-LE's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Leading bytes of common binary formats and how to describe them; those
#: marked True are distinctive enough to reject on sight, the others only
#: name what a file already found binary looks like.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", True, "a PNG image"),
    (b"\xff\xd8\xff", True, "a JPEG image"),
    (b"GIF87a", True, "a GIF image"),
    (b"GIF89a", True, "a GIF image"),
    (b"%PDF-", True, "a PDF document; convert it to text first"),
    (b"PK\x03\x04", True, "a ZIP archive (or a .docx/.xlsx/.epub file); extract the text first"),
    (b"\x1f\x8b", True, "gzip-compressed data; only .jsonl.gz and .warc.gz are read compressed"),
    (b"BZh", False, "bzip2-compressed data; decompress it first"),
    (b"\xfd7zXZ\x00", True, "xz-compressed data; decompress it first"),
    (b"(\xb5/\xfd", True, "zstd-compressed data; decompress it first"),
    (b"\x7fELF", True, "an ELF executable"),
    (b"MZ", False, "a Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", True, "a legacy Microsoft Office file; convert it to text first"),
    (b"SQLite format 3\x00", True, "an SQLite database"),
    (b"PAR1", False, "a Parquet file"),
    (b"RIFF", False, "a RIFF media file (WAV/AVI/WebP)"),
    (b"OggS", False, "an Ogg media file"),
    (b"ID3", False, "an MP3 audio file"),
)

#: Control bytes that never occur in text (tab, LF, VT, FF, CR and ESC excluded).
_CONTROL_BYTES = bytes([*range(0, 9), 14, *range(15, 27), *range(28, 32), 127])
_ASCII_BYTES = bytes(range(128))
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Encodings charset-normalizer may propose that need a BOM to be believed.
_WIDE = ("utf_16", "utf_32", "utf-16", "utf-32")


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, list[str]]:
    """Decode one input's bytes to text.

    Args:
        data: the raw bytes.
        name: what to call the input in error messages (a path, ``<stdin>``).

    Returns:
        The text and the warnings reading it produced (a stripped BOM, a
        guessed encoding, replaced surrogates), worded for the article record,
        which already names the input.

    Raises:
        EmptyInputError: the input is empty or only white space.
        BinaryInputError: the bytes are not text; the message says what they
            look like.
        EncodingError: no text encoding fits the bytes.

    >>> decode_bytes(b"caf\\xc3\\xa9")
    ('café', [])
    >>> decode_bytes(b"caf\\xe9 au lait")
    ('café au lait', ['decoded as cp1252 (detected)'])
    """
    if not data.strip():
        raise EmptyInputError(f"{name}: {'empty input' if not data else 'input holds only white space'}")
    warnings: list[str] = []
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], encoding, name)
            if encoding == "utf-8":
                warnings.append("stripped a UTF-8 byte-order mark")
            else:
                warnings.append(f"decoded as {encoding} (byte-order mark)")
            return _finish(text, warnings, name)
    _reject_binary(data, name)
    try:
        return _finish(data.decode("utf-8"), warnings, name)
    except UnicodeDecodeError:
        pass
    text, encoding = _decode_legacy(data, name)
    warnings.append(f"decoded as {encoding} (detected)")
    return _finish(text, warnings, name)


def replace_surrogates(text: str) -> tuple[str, int]:
    """Replace lone surrogates (from JSON escapes, say) with U+FFFD.

    Returns:
        The text, same length, and how many surrogates were replaced.

    >>> replace_surrogates("a\\ud800b")
    ('a\\ufffdb', 1)
    """
    return _SURROGATE.subn("\ufffd", text)


def _finish(text: str, warnings: list[str], name: str) -> tuple[str, list[str]]:
    text, replaced = replace_surrogates(text)
    if replaced:
        warnings.append(f"replaced {replaced} lone surrogate(s) with U+FFFD")
    if text.isspace() or not text:
        raise EmptyInputError(f"{name}: input holds only white space")
    return text, warnings


def _decode_strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} "
            f"at byte {exc.start}; re-save it in UTF-8"
        ) from None


def _reject_binary(data: bytes, name: str) -> None:
    signature = next((s for s in SIGNATURES if data.startswith(s[0])), None)
    what = signature[2] if signature else None
    if signature and signature[1]:
        raise BinaryInputError(f"{name}: binary input, looks like {what}")
    looks = f"looks like {what}" if what else "not a text file"
    prefix = data[:SNIFF_BYTES]
    nul = prefix.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"{name}: binary input (NUL byte at offset {nul}); {looks}"
            + ("" if what else " (UTF-16/32 text needs a byte-order mark)")
        )
    controls = len(prefix) - len(prefix.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_RATIO * len(prefix):
        raise BinaryInputError(
            f"{name}: binary input ({controls} control bytes in the first {len(prefix)}); {looks}"
        )


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes that are not UTF-8; return the text and the encoding used."""
    if _looks_latin(data[:SNIFF_BYTES]):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    candidates = [data]
    if len(data) > SNIFF_BYTES:
        sample = data[:SNIFF_BYTES]
        cut = sample.rfind(b"\n")
        candidates.insert(0, sample[: cut + 1] if cut > 0 else sample)
    for candidate in candidates:
        encoding = _detect(candidate)
        if encoding is None:
            continue
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise EncodingError(f"{name}: not UTF-8 and no other text encoding fits; re-save it in UTF-8")


def _looks_latin(sample: bytes) -> bool:
    """Whether the high bytes of ``sample`` stand mostly alone, as in Latin-script text."""
    high = len(sample) - len(sample.translate(None, _ASCII_BYTES))
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(sample))
    return in_runs <= MAX_RUN_SHARE_FOR_CP1252 * high


def _detect(data: bytes) -> str | None:
    """Return charset-normalizer's best single-byte or multi-byte guess, or None."""
    from charset_normalizer import from_bytes

    for match in from_bytes(data):
        if not match.encoding.startswith(_WIDE):
            return match.encoding
    return None
