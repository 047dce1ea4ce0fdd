"""The limits sources enforce and the error messages they put on :class:`~khabar.records.RawPage`s.

Every message starts with a short reason ("empty file", "truncated gzip", ...) that
:func:`error_reason` recovers, so a run can count failures by class; details follow a colon or sit
in parentheses.

``MAX_PAGE_BYTES`` (64 MiB): a single page (a file, a WARC record, a JSONL line) larger than this
becomes an error record ("page too large") without being read, so one huge or runaway input cannot
exhaust memory. Real news pages are well under 5 MB; a 50 MB page is still read.
"""

from __future__ import annotations

import re

MAX_PAGE_BYTES = 64 * 1024 * 1024

FILE_NOT_FOUND = "file not found"
NO_MATCH = "no files match this pattern"
NO_FILES = "no files in folder"
EMPTY_FILE = "empty file"
EMPTY_PAGE = "empty page"
BINARY = "not a text or HTML page (binary)"
TRUNCATED_GZIP = "truncated gzip"
CORRUPT_GZIP = "corrupt gzip"
TRUNCATED_WARC = "truncated WARC record"
MALFORMED_WARC = "malformed WARC"
BAD_JSONL = "bad JSONL line"
BAD_ENCODING = "unsupported content encoding"


def unreadable(exc: OSError) -> str:
    """The message for a path that exists but cannot be read."""
    return f"unreadable: {exc.strerror or exc}"


def too_large(size: int) -> str:
    """The message for a page over :data:`MAX_PAGE_BYTES`."""
    return f"page too large ({size / 2**20:.0f} MiB > {MAX_PAGE_BYTES // 2**20} MiB limit)"


_REASON_HEAD = re.compile(r"^[^:(]+")
_REASON_ALIASES = {"not a text or HTML page": "binary"}


def error_reason(message: str) -> str:
    """The class of an error message: its leading words, e.g. ``"truncated gzip"`` or ``"binary"``."""
    match = _REASON_HEAD.match(message)
    head = match.group(0).strip() if match else message.strip()
    return _REASON_ALIASES.get(head, head) or "error"
