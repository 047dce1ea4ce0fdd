"""Decode page bytes to text, trusting what the bytes say over what their labels say.

Order: a byte-order mark; the charset of the HTTP ``Content-Type`` header (WARC records); a
``<meta charset>`` / ``http-equiv`` / XML declaration; then detection with charset-normalizer.

Labels are often wrong. Hindi pages in UTF-8 are very commonly labelled ``iso-8859-1`` or
``windows-1252`` (a CMS or server default), which would turn every Devanagari letter into mojibake.
So a declared label is checked against the bytes: when they are (almost entirely) valid UTF-8 with
multi-byte sequences, UTF-8 wins whatever the label says; when a page labelled UTF-8 is not UTF-8, the
encoding is detected. Invalid byte sequences become U+FFFD, never an exception.

``Decoded.confidence_source`` tells where the encoding came from: ``"bom"``, ``"http-header"``,
``"meta"``, ``"utf-8-check"`` (the bytes overruled a missing or wrong label), ``"detected"`` or
``"default"`` (nothing better: UTF-8 with replacement).
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

# How much of a page is searched for a <meta> charset, and sampled for detection.
_META_SCAN_BYTES = 32 * 1024
_DETECT_SAMPLE_BYTES = 512 * 1024
# A page counts as UTF-8 despite a few bad bytes (a truncated or lightly corrupted page) when valid
# multi-byte characters outnumber invalid sequences by at least this factor.
_UTF8_MAJORITY = 20
# Detector candidates whose language coherence is this close to the best one count as a tie.
_COHERENCE_TIE = 0.05

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.I)

# WHATWG Encoding Standard: these labels mean windows-1252 on the web; a UTF-16 label in markup
# (no BOM) means UTF-8, since the markup itself was readable as ASCII.
_WEB_ALIASES = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-16": "utf-8",
}
_EXTRA_LABELS = {"utf8mb4": "utf-8", "unicode": "utf-8", "x-user-defined": "cp1252", "x-sjis": "shift_jis"}


class Decoded(NamedTuple):
    """Decoded page text, the Python codec used and where that choice came from."""

    text: str
    encoding: str
    confidence_source: str


def decode_bytes(data: bytes, http_content_type: str | None = None) -> Decoded:
    """Decode ``data`` (a page's bytes) to text; ``http_content_type`` is the HTTP header, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, "replace"), encoding, "bom")
    declared, origin = _declared_encoding(data, http_content_type)
    utf8_text = _as_mostly_utf8(data)
    if utf8_text is not None:
        return Decoded(utf8_text, "utf-8", origin if declared == "utf-8" else "utf-8-check")
    if data.isascii():
        return Decoded(data.decode("ascii"), declared or "ascii", origin or "default")
    if declared and declared != "utf-8":
        return Decoded(data.decode(declared, "replace"), declared, origin)
    return _detect(data)


def normalise_charset(label: str | None) -> str | None:
    """The Python codec name for a charset label from a page, or ``None`` when it is unknown."""
    if not label:
        return None
    label = _EXTRA_LABELS.get(label.strip().lower(), label.strip())
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _WEB_ALIASES.get(name, name)


def _declared_encoding(data: bytes, http_content_type: str | None) -> tuple[str | None, str | None]:
    if http_content_type:
        match = _CHARSET_PARAM.search(http_content_type)
        encoding = normalise_charset(match.group(1)) if match else None
        if encoding:
            return encoding, "http-header"
    head = data[:_META_SCAN_BYTES]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        encoding = normalise_charset(match.group(1).decode("ascii", "replace")) if match else None
        if encoding:
            return encoding, "meta"
    return None, None


def _as_mostly_utf8(data: bytes) -> str | None:
    """The UTF-8 reading of ``data`` when it has multi-byte characters and (almost) no invalid bytes."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "replace")
        invalid = text.count("\ufffd")
    else:
        invalid = 0
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - invalid
    if multibyte == 0:
        return None
    return text if multibyte >= _UTF8_MAJORITY * invalid else None


def _detect(data: bytes) -> Decoded:
    """Detect the encoding, preferring windows-1252 when the detector cannot tell it from its rivals.

    On Western text charset-normalizer often can only tell "some 8-bit Latin encoding" and ranks
    cp1257, cp1250 or mac_roman first, with no better language fit than windows-1252 — which is by
    far the most common of them on the web (the WHATWG default for Western locales).
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:_DETECT_SAMPLE_BYTES]))
    if _windows_1252_fits_as_well(matches) and _decodes_cleanly(data, "cp1252"):
        return Decoded(data.decode("cp1252"), "cp1252", "detected")
    encoding = normalise_charset(matches[0].encoding) if matches else None
    if encoding is None:
        return Decoded(data.decode("utf-8", "replace"), "utf-8", "default")
    return Decoded(data.decode(encoding, "replace"), encoding, "detected")


def _windows_1252_fits_as_well(matches: list) -> bool:
    if not matches or matches[0].coherence == 0:
        return True
    best = matches[0].coherence
    return any(m.encoding == "cp1252" and m.coherence >= best - _COHERENCE_TIE for m in matches)


def _decodes_cleanly(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
