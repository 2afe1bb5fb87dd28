"""Turning raw file bytes into clean text, or saying why they are not text.

Handles the encodings articles really come in: UTF-8 (with or without BOM),
UTF-16/32 with a BOM, and Windows-1252 / Latin-1 from older archives. It does
not guess exotic encodings: such files are reported as undecodable rather
than ingested as mojibake.

`clean_text` is also applied to text that arrives already decoded (JSON
strings), because JSON escapes can carry NUL characters and lone surrogates
that Chroma's storage and the tokenizer must never see.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Magic numbers of common binary formats people drop into article folders.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"SQLite format 3\x00", "a SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls except tab, newline, carriage return; DEL; C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")

# Share of control characters above which decoded text is judged to be binary data.
_BINARY_CONTROL_SHARE = 0.05


class NotText(ValueError):
    """Raised with a short reason when bytes are not a readable text document."""


def decode_bytes(data: bytes) -> str:
    """Decode file bytes to cleaned text, or raise NotText with the reason."""
    if not data.strip():
        raise NotText("empty file")
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise NotText(f"binary file ({kind}), not text")
    text = _decode(data)
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise NotText("binary file (control bytes throughout), not text")
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise NotText("empty file (only whitespace)")
    return cleaned


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise NotText(f"undecodable: starts with a {encoding} mark but is not") from None
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1252 is a superset of Latin-1's printable range and the usual
        # encoding of older Western archives; it leaves accents intact.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM by its NUL bytes on every other position."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 4:
        return None
    for encoding, zeros_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        zeros = sample[zeros_at::2].count(0)
        if zeros / half > 0.6 and sample[1 - zeros_at :: 2].count(0) / half < 0.1:
            try:
                return data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def clean_text(text: str) -> str:
    """Normalise text for storage: NFC, no NULs/controls/lone surrogates, tidy whitespace.

    Line structure is kept (paragraphs and headings are sentence boundaries
    downstream); runs of spaces collapse to one and runs of blank lines to one.
    """
    text = _SURROGATE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = text.replace("\ufeff", "").replace("\u200b", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
