"""Turn the bytes of a file into text: find the encoding, refuse binary and empty data.

Plain text is tried as BOM, UTF-16 without BOM (from its NUL-byte pattern), strict UTF-8,
cp1252, then latin-1 (which never fails). HTML also honours a `<meta charset>` declaration.
Every refusal raises `DecodeError`/`InputError` with a reason a user can act on.
"""

from __future__ import annotations

import codecs
import re

from ..errors import DecodeError, InputError

# Byte-order marks, longest first, and the codec that decodes (and drops) them.
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings tried in order once no BOM or declaration decides; latin-1 decodes any bytes.
FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")

# How much of a file the sniffers look at: enough to judge, cheap on big files.
SNIFF_BYTES = 64 * 1024

# UTF-16 without BOM: ASCII-range text puts a NUL in every other byte. At least this share
# of the high (or low) bytes must be NUL, and almost none of the others.
UTF16_NUL_SHARE = 0.4
UTF16_OTHER_NUL_SHARE = 0.05

# Text with more than this share of C0 control characters (not whitespace) is binary.
MAX_CONTROL_SHARE = 0.02

# Control characters that ordinary text contains. C1 controls (U+0080-U+009F) are not
# counted: they come from a stray byte decoded as latin-1, not from binary data.
TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")

# WHATWG: pages that declare these are decoded as windows-1252 by every browser.
ENCODING_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "ascii": "cp1252", "us-ascii": "cp1252", "iso8859-1": "cp1252"}

META_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                          re.IGNORECASE)
XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
                          re.IGNORECASE)


def decode_text(data: bytes, name: str) -> str:
    """Decode a plain-text file; raise `DecodeError` for binary data, `InputError` if empty."""
    text = _decode(data, name, declared=None)
    return check_text(text, name)


def decode_html(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode an HTML page: BOM, then `declared` (an HTTP charset), `<meta charset>`, fallbacks."""
    head = data[:SNIFF_BYTES]
    if declared is None:
        match = META_CHARSET.search(head) or XML_ENCODING.search(head)
        declared = match.group(1).decode("ascii") if match else None
    return check_text(_decode(data, name, declared=declared), name)


def declared_charset(content_type: str | None) -> str | None:
    """The charset named in an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _decode(data: bytes, name: str, declared: str | None) -> str:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _strict(data, codec, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, name)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise DecodeError(name, "binary file, not text (it contains NUL bytes)")
    for codec in _candidates(declared):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # unreachable: latin-1 decodes any bytes


def _candidates(declared: str | None) -> list[str]:
    codecs_tried: list[str] = []
    if declared:
        name = ENCODING_ALIASES.get(declared.strip().lower(), declared.strip().lower())
        try:
            codecs_tried.append(codecs.lookup(name).name)
        except LookupError:
            pass  # an unknown declared charset is ignored, as browsers do
    return codecs_tried + [c for c in FALLBACK_ENCODINGS if c not in codecs_tried]


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:SNIFF_BYTES]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls >= UTF16_NUL_SHARE and even_nuls <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE and odd_nuls <= UTF16_OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise DecodeError(name, f"cannot decode as {codec}: {e.reason} at byte {e.start}") from e


def check_text(text: str, name: str) -> str:
    """`text` itself; raises if it is empty or looks like binary data."""
    if not text.strip():
        raise InputError(name, "empty file (no text in it)")
    sample = text[:SNIFF_BYTES]
    controls = sum(1 for ch in sample
                   if (ch < " " or ch == "\x7f") and ch not in TEXT_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise DecodeError(name, "binary file, not text (too many control characters)")
    if "\x00" in text:
        raise DecodeError(name, "binary file, not text (it contains NUL characters)")
    return text
