"""Read HTML pages out of WARC and WARC.gz archives, one record at a time.

FastWARC is used rather than warcio: it parses records in C++ (several times faster on large
crawls), decompresses gzip itself, and skips unread payloads without copying them into Python, so a
1 GB archive is streamed with flat memory. It is also the reader resiliparse users already have.

Every ``response`` (and ``resource``) record whose Content-Type is HTML becomes a
:class:`~khabar.records.RawPage` (``url`` = WARC-Target-URI, source ``path#N`` for the N-th page);
other records (requests, metadata, images, redirects and other non-2xx responses) are skipped and
counted by reason. Bodies sent with ``Transfer-Encoding: chunked`` or ``Content-Encoding: gzip`` /
``deflate`` are decoded. A record cut short (a truncated file) ends the archive with one error page.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO, Protocol

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from khabar.records import RawPage
from khabar.sources import errors
from khabar.sources.encoding import decode_bytes

HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_STATUS_LINE = re.compile(r"^HTTP/\S+\s+(\d{3})")


class SkipCounter(Protocol):
    """Anything that counts skipped records by reason (e.g. :class:`khabar.runners.RunStats`)."""

    def skip(self, reason: str) -> None: ...


class _TruncatedRecord(Exception):
    pass


def iter_warc_pages(stream: BinaryIO, source: str, stats: SkipCounter | None = None) -> Iterator[RawPage]:
    """The HTML pages of the WARC (or gzip-compressed WARC) ``stream``, in archive order."""
    ordinal = 0
    seen_records = 0
    try:
        for record in ArchiveIterator(stream, parse_http=False):
            seen_records += 1
            page = _page_from_record(record, f"{source}#{ordinal + 1}", stats)
            if page is not None:
                ordinal += 1
                yield page
    except _TruncatedRecord:
        yield RawPage(source=f"{source}#{ordinal + 1}", content=None, error=_truncated_message(seen_records))
        return
    except (OSError, EOFError, ValueError) as exc:
        yield RawPage(source=f"{source}#{ordinal + 1}", content=None, error=f"{errors.MALFORMED_WARC}: {exc}")
        return
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":  # a FastWARC (Rust) panic on a pathological input
            raise
        yield RawPage(source=f"{source}#{ordinal + 1}", content=None, error=f"{errors.MALFORMED_WARC}: {exc}")
        return
    if seen_records == 0:
        yield RawPage(source=source, content=None, error=f"{errors.MALFORMED_WARC}: no complete record")


def _truncated_message(record_number: int) -> str:
    return f"{errors.TRUNCATED_WARC} (the file ends inside record {record_number})"


def _page_from_record(record: WarcRecord, source: str, stats: SkipCounter | None) -> RawPage | None:
    kind = _page_record_kind(record)
    if kind is None:
        _drain(record)
        return _skipped(stats, f"{_record_type_name(record)} record")
    content_type = _content_type(record, kind)
    status = _http_status(record) if kind == "response" else 200
    if status is None or not 200 <= status < 300:
        _drain(record)
        return _skipped(stats, "unparsable HTTP response" if status is None else f"HTTP status {status}")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in HTML_MEDIA_TYPES:
        _drain(record)
        return _skipped(stats, f"not HTML ({media_type or 'no Content-Type'})")
    url = record.headers.get("WARC-Target-URI")
    if record.content_length > errors.MAX_PAGE_BYTES:
        _drain(record)
        return RawPage(source=source, content=None, url=url, error=errors.too_large(record.content_length))
    return _decoded_page(record, source, url, content_type)


def _decoded_page(record: WarcRecord, source: str, url: str | None, content_type: str) -> RawPage:
    body = record.reader.read()
    if len(body) < record.content_length:
        raise _TruncatedRecord
    headers = record.http_headers if record.is_http else None
    try:
        body = _undo_http_encodings(body, headers)
    except ValueError as exc:
        return RawPage(source=source, content=None, url=url, error=str(exc))
    if not body.strip():
        return RawPage(source=source, content=None, url=url, error=errors.EMPTY_PAGE)
    return RawPage(source=source, content=decode_bytes(body, content_type).text, kind="html", url=url)


def _page_record_kind(record: WarcRecord) -> str | None:
    if record.record_type == WarcRecordType.response:
        return "response"
    if record.record_type == WarcRecordType.resource:
        return "resource"
    return None


def _content_type(record: WarcRecord, kind: str) -> str:
    if kind == "response":
        try:
            record.parse_http()
        except OSError:
            return ""
        return (record.http_headers.get("Content-Type") or "") if record.is_http else ""
    return record.headers.get("Content-Type") or ""


def _http_status(record: WarcRecord) -> int | None:
    if not record.is_http or record.http_headers is None:
        return None
    match = _STATUS_LINE.match(record.http_headers.status_line or "")
    return int(match.group(1)) if match else None


def _drain(record: WarcRecord) -> None:
    """Skip the rest of a record's payload, noticing when the file ends inside it."""
    expected = record.content_length
    if record.consume() < expected:
        raise _TruncatedRecord


def _skipped(stats: SkipCounter | None, reason: str) -> None:
    if stats is not None:
        stats.skip(reason)
    return None


def _record_type_name(record: WarcRecord) -> str:
    return record.headers.get("WARC-Type") or "unknown"


def _undo_http_encodings(body: bytes, headers) -> bytes:
    if headers is None:
        return body
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        body = _dechunk(body)
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding in ("identity", ""):
        return body
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _inflate(body, encoding)
    raise ValueError(f"{errors.BAD_ENCODING} ({encoding})")


def _inflate(body: bytes, encoding: str) -> bytes:
    """Inflate a gzip, zlib or raw-deflate HTTP body (servers label these inconsistently)."""
    for wbits in (47, -15):  # 47: a gzip or zlib header, detected; -15: raw deflate
        try:
            data = zlib.decompressobj(wbits).decompress(body, errors.MAX_PAGE_BYTES + 1)
        except zlib.error:
            continue
        if len(data) > errors.MAX_PAGE_BYTES:
            raise ValueError(errors.too_large(len(data)))
        return data
    raise ValueError(f"{errors.CORRUPT_GZIP}: the HTTP body ({encoding}) does not inflate")


def _dechunk(body: bytes) -> bytes:
    """Undo HTTP/1.1 chunked transfer coding; tolerate a body that was already de-chunked."""
    parts: list[bytes] = []
    pos = 0
    while pos < len(body):
        line_end = body.find(b"\r\n", pos)
        size_field = body[pos:line_end].split(b";")[0].strip() if line_end >= 0 else b""
        try:
            size = int(size_field, 16)
        except ValueError:
            return body if not parts else b"".join(parts)
        if size == 0:
            break
        start = line_end + 2
        parts.append(body[start : start + size])
        pos = start + size + 2
    return b"".join(parts)
