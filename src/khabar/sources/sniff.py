"""Tell what a file holds from its name and first bytes: WARC, gzip, JSONL, HTML, text or binary."""

from __future__ import annotations

import codecs
import os

from khabar.extraction import looks_like_html

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_EXTENSIONS = frozenset({".txt", ".text"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
WARC_EXTENSIONS = frozenset({".warc"})

# Leading bytes of common non-text files that may sit among pages (images, documents, archives).
_BINARY_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"RIFF", "RIFF"),
    (b"\x7fELF", "ELF"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"(\xb5/\xfd", "zstd"),
    (b"BZh91AY&SY", "bzip2"),
    (b"OggS", "Ogg"),
    (b"\x1aE\xdf\xa3", "WebM"),
    (b"wOFF", "WOFF"),
    (b"wOF2", "WOFF2"),
)
_TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def extension(name: str) -> str:
    """The lower-cased last extension of ``name`` (``".html"``), ignoring a final ``.gz``."""
    stem = name[:-3] if name.lower().endswith(".gz") else name
    return os.path.splitext(stem)[1].lower()


def sniff_format(name: str, head: bytes) -> str:
    """One of ``empty``, ``gzip``, ``warc``, ``binary``, ``jsonl``, ``html``, ``text``.

    Magic bytes win over the extension (a ``.html`` that is a PNG is binary); otherwise the
    extension decides, and without a known extension the content is sniffed.
    """
    if not head:
        return "empty"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(WARC_MAGIC):
        return "warc"
    if is_binary(head):
        return "binary"
    by_extension = _format_by_extension(extension(name))
    return by_extension or _sniff_content(head)


def is_binary(head: bytes) -> bool:
    """True for known binary magic bytes, or NUL bytes in a head without a UTF-16 byte-order mark."""
    if any(head.startswith(magic) for magic, _ in _BINARY_MAGIC):
        return True
    if head.startswith(_TEXT_BOMS):
        return False
    return b"\x00" in head


def _format_by_extension(ext: str) -> str | None:
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in TEXT_EXTENSIONS:
        return "text"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    if ext in WARC_EXTENSIONS:
        return "warc"
    return None


def _sniff_content(head: bytes) -> str:
    codec = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8"
    text = head.decode(codec, "replace").lstrip("\ufeff \t\r\n")
    if text.startswith("{"):
        return "jsonl"
    return "html" if looks_like_html(text) else "text"
