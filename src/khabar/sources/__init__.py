"""Sources: turn paths, globs, WARC/JSONL/text files and stdin into :class:`~khabar.records.RawPage`s.

:func:`iter_pages` takes specs: a file, a folder (recursive, sorted, hidden entries skipped), a glob
(``pages/**/*.html``) or ``-`` for stdin. What a file holds is told by magic bytes first, then by
extension, then by sniffing its content:

- HTML (``.html``/``.htm``/``.xhtml`` or markup) -> one page, ``kind="html"``;
- plain text (``.txt``, e.g. a naive page dump) -> one page, ``kind="text"``;
- WARC / WARC.gz -> one page per HTML response record (see :mod:`khabar.sources.warc`);
- JSONL / JSONL.gz -> one page per line (see :mod:`khabar.sources.jsonl`);
- any other gzip file is decompressed and sniffed again.

``source`` is the path as given or found; a container with many pages gives ``path#N``. Nothing is
fatal: a missing, unreadable, empty, binary, truncated or oversized input
(:data:`~khabar.sources.errors.MAX_PAGE_BYTES`) becomes a page with ``error`` set, and reading goes on.
"""

from __future__ import annotations

import os
import stat
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from khabar.records import RawPage
from khabar.sources import errors
from khabar.sources.encoding import decode_bytes
from khabar.sources.jsonl import iter_jsonl_pages
from khabar.sources.paths import expand_spec
from khabar.sources.sniff import WARC_MAGIC, sniff_format
from khabar.sources.streams import GZIP_ERRORS, PageTooLarge, gunzip, gzip_error, peek, read_page
from khabar.sources.warc import SkipCounter, iter_warc_pages

STDIN = "-"

__all__ = ["STDIN", "SkipCounter", "iter_pages"]


def iter_pages(specs: list[str], stats: SkipCounter | None = None) -> Iterator[RawPage]:
    """Every page the ``specs`` hold, streamed in order; ``stats.skip(reason)`` counts skipped records."""
    for spec in specs:
        if spec == STDIN:
            yield from _pages_from_stream(sys.stdin.buffer, STDIN, STDIN, stats)
            continue
        for path, error in expand_spec(spec):
            if error is not None:
                yield RawPage(source=path, content=None, error=error)
            else:
                yield from _pages_from_path(path, stats)


def _pages_from_path(path: str, stats: SkipCounter | None) -> Iterator[RawPage]:
    try:
        info = os.stat(path)
        if stat.S_ISREG(info.st_mode) and info.st_size == 0:
            yield RawPage(source=path, content=None, error=errors.EMPTY_FILE)
            return
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        with open(path, "rb") as stream:
            yield from _pages_from_stream(stream, path, path, stats, size)
    except FileNotFoundError:
        yield RawPage(source=path, content=None, error=errors.FILE_NOT_FOUND)
    except OSError as exc:
        yield RawPage(source=path, content=None, error=errors.unreadable(exc))


def _pages_from_stream(
    stream: BinaryIO, name: str, source: str, stats: SkipCounter | None, size: int | None = None
) -> Iterator[RawPage]:
    try:
        head, stream = peek(stream)
    except GZIP_ERRORS as exc:
        yield RawPage(source=source, content=None, error=gzip_error(exc))
        return
    fmt = sniff_format(name, head)
    if fmt == "gzip":
        yield from _pages_from_gzip(stream, head, name, source, stats)
    elif fmt == "warc":
        yield from iter_warc_pages(stream, source, stats)
    elif fmt == "jsonl":
        yield from iter_jsonl_pages(stream, source)
    elif fmt == "empty":
        yield RawPage(source=source, content=None, error=errors.EMPTY_FILE)
    elif fmt == "binary":
        yield RawPage(source=source, content=None, error=errors.BINARY)
    elif size is not None and size > errors.MAX_PAGE_BYTES:
        yield RawPage(source=source, content=None, error=errors.too_large(size))
    else:
        yield _single_page(stream, source, fmt)


def _pages_from_gzip(
    stream: BinaryIO, head: bytes, name: str, source: str, stats: SkipCounter | None
) -> Iterator[RawPage]:
    if _gunzipped_head(head).startswith(WARC_MAGIC):
        yield from iter_warc_pages(stream, source, stats)  # FastWARC decompresses natively
        return
    inner_name = name[:-3] if name.lower().endswith(".gz") else name
    yield from _pages_from_stream(gunzip(stream), inner_name, source, stats)


def _gunzipped_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(31).decompress(head, 64)
    except zlib.error:
        return b""


def _single_page(stream: BinaryIO, source: str, kind: str) -> RawPage:
    try:
        data = read_page(stream)
    except PageTooLarge as exc:
        return RawPage(source=source, content=None, error=str(exc))
    except (EOFError, OSError, zlib.error) as exc:
        message = gzip_error(exc) if isinstance(exc, GZIP_ERRORS) else errors.unreadable(exc)
        return RawPage(source=source, content=None, error=message)
    text = decode_bytes(data).text
    if not text.strip():
        return RawPage(source=source, content=None, error=errors.EMPTY_FILE)
    return RawPage(source=source, content=text, kind=kind)
