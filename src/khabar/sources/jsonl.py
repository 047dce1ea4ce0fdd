"""Read pages from JSON Lines: one object per line with ``html`` or ``text`` and an optional ``url``.

Lines are read one at a time (never the whole file); the source of line N is ``path#N``. A line
that is not JSON, not an object, or has neither field becomes an error page and reading goes on;
a line longer than :data:`~khabar.sources.errors.MAX_PAGE_BYTES` is skipped over in pieces.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from khabar.records import RawPage
from khabar.sources import errors
from khabar.sources.streams import GZIP_ERRORS, gzip_error

_CONTENT_FIELDS = (("html", "html"), ("text", "text"))
_LINE_PIECE_BYTES = 1024 * 1024
_SURROGATE = re.compile("[\ud800-\udfff]")


def iter_jsonl_pages(stream: BinaryIO, source: str) -> Iterator[RawPage]:
    """One :class:`RawPage` per non-blank line of ``stream``; damage ends it with one error page."""
    line_number = 0
    try:
        while True:
            line, oversize = _read_line(stream)
            if not line and not oversize:
                return
            line_number += 1
            if oversize:
                yield _error(source, line_number, errors.too_large(oversize))
            elif line.strip():
                yield _page_from_line(line, f"{source}#{line_number}")
    except GZIP_ERRORS as exc:
        yield _error(source, line_number + 1, gzip_error(exc))


def _read_line(stream: BinaryIO) -> tuple[bytes, int]:
    """The next line, or ``(b"", size)`` after skipping a line longer than the page limit."""
    line = stream.readline(errors.MAX_PAGE_BYTES + 1)
    if len(line) <= errors.MAX_PAGE_BYTES or line.endswith(b"\n"):
        return line, 0
    size = len(line)
    while line and not line.endswith(b"\n"):
        line = stream.readline(_LINE_PIECE_BYTES)
        size += len(line)
    return b"", size


def _page_from_line(line: bytes, source: str) -> RawPage:
    try:
        record = json.loads(line.decode("utf-8", "replace").lstrip("\ufeff"))
    except ValueError as exc:
        return RawPage(source=source, content=None, error=f"{errors.BAD_JSONL}: invalid JSON ({exc})")
    if not isinstance(record, dict):
        return RawPage(source=source, content=None, error=f"{errors.BAD_JSONL}: not a JSON object")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    for field, kind in _CONTENT_FIELDS:
        value = record.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            return RawPage(
                source=source, content=None, url=url, error=f"{errors.BAD_JSONL}: '{field}' is not a string"
            )
        if not value.strip():
            return RawPage(source=source, content=None, url=url, error=errors.EMPTY_PAGE)
        return RawPage(source=source, content=_clean_surrogates(value), kind=kind, url=url)
    return RawPage(
        source=source, content=None, url=url, error=f"{errors.BAD_JSONL}: no 'html' or 'text' field"
    )


def _clean_surrogates(text: str) -> str:
    """Replace lone surrogates (legal in JSON escapes, unencodable as UTF-8) with U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _error(source: str, line_number: int, message: str) -> RawPage:
    return RawPage(source=f"{source}#{line_number}", content=None, error=message)
