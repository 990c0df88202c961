"""decode_bytes: UTF-8, BOMs, legacy encodings, binary and empty input."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.errors import BinaryInputError, EmptyInputError, EncodingError, InputError
from onrecord.text.decode import decode_bytes, replace_surrogates

PNG_LIKE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))


def test_utf8_plain_has_no_warnings():
    assert decode_bytes("Café “quoted” — ok".encode()) == ("Café “quoted” — ok", [])


def test_utf8_bom_is_stripped_and_reported():
    text, warnings = decode_bytes(codecs.BOM_UTF8 + b"He said so.", "a.txt")
    assert text == "He said so."
    assert warnings == ["stripped a UTF-8 byte-order mark"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_by_bom(encoding):
    body = "“We will win,” she said. Ça va."
    data = body.encode(encoding)
    boms = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    if not data.startswith(boms):
        bom = codecs.BOM_UTF16_BE if "16" in encoding else codecs.BOM_UTF32_BE
        data = bom + data
    text, warnings = decode_bytes(data)
    assert text == body
    assert len(warnings) == 1 and "byte-order mark" in warnings[0]


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"caf\xe9", "café"),
        (b"caf\xe9 au lait", "café au lait"),
        ("The MP said “naïve” things — again.".encode("cp1252"), "The MP said “naïve” things — again."),
        ("Größe, Straße und Käse.".encode("latin-1"), "Größe, Straße und Käse."),
    ],
)
def test_latin1_and_cp1252_bytes_are_detected(data, expected):
    text, warnings = decode_bytes(data, "old.txt")
    assert text == expected
    assert warnings == ["decoded as cp1252 (detected)"]


def test_non_latin_legacy_encoding_goes_to_charset_normalizer():
    body = "Министр сказал, что правительство не уйдёт в отставку. Это его позиция.\n" * 3
    text, warnings = decode_bytes(body.encode("cp1251"))
    assert text == body
    assert warnings and "(detected)" in warnings[0] and "cp1252" not in warnings[0]


def test_png_like_bytes_are_binary_and_say_what_they_look_like():
    with pytest.raises(BinaryInputError, match="PNG image"):
        decode_bytes(PNG_LIKE, "photo.txt")


@pytest.mark.parametrize(
    "data",
    [b"plain text\x00 with a NUL", bytes(range(1, 32)) * 50, b"MZ\x90\x00\x03\x00\x00\x00"],
)
def test_nul_or_control_bytes_are_binary(data):
    with pytest.raises(BinaryInputError, match="binary input"):
        decode_bytes(data)


def test_gzip_data_gets_a_hint():
    import gzip

    with pytest.raises(BinaryInputError, match="gzip"):
        decode_bytes(gzip.compress(b"hello"))


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n", "\u3000\u00a0".encode()]
)
def test_empty_or_white_space_input(data):
    with pytest.raises(EmptyInputError):
        decode_bytes(data, "blank.txt")


def test_bom_that_lies_is_an_encoding_error():
    with pytest.raises(EncodingError, match="utf-8"):
        decode_bytes(codecs.BOM_UTF8 + b"caf\xe9")


def test_utf8_encoded_surrogates_never_come_back_as_lone_surrogates():
    text, _ = decode_bytes(b"a\xed\xa0\x80b and some more text")  # CESU-style surrogate bytes
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)


def test_replace_surrogates_keeps_length():
    assert replace_surrogates("x\udc80y\ud83d") == ("x\ufffdy\ufffd", 2)
    assert replace_surrogates("😀") == ("😀", 0)


def test_five_megabytes_decode():
    body = "The Tory MP said the decision was “nothing short of a scandal”.\n" * 80_000
    assert len(body.encode()) > 5_000_000
    assert decode_bytes(body.encode())[0] == body
    legacy = body.replace("“", '"').replace("”", '"').replace("Tory", "Tóry").encode("cp1252")
    text, warnings = decode_bytes(legacy)
    assert text.startswith("The Tóry MP") and warnings


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=100).map(lambda t: t.encode("utf-8", "surrogatepass")),
    )
)
def test_any_bytes_decode_or_raise_an_input_error(data):
    try:
        text, warnings = decode_bytes(data)
    except InputError as exc:
        assert str(exc).startswith("<input>: ")
        return
    assert text and not text.isspace()
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)
    assert all(isinstance(w, str) for w in warnings)
