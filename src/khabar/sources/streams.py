"""Byte-stream helpers: look at the head of any stream (files, pipes, gzip) without losing it."""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

from khabar.sources import errors

HEAD_BYTES = 16 * 1024
_CHUNK_BYTES = 1024 * 1024
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


class _PrefixedReader(io.RawIOBase):
    """Replays ``head`` and then reads on from ``rest``; re-raises an error met while reading the head."""

    def __init__(self, head: bytes, rest: BinaryIO, error: BaseException | None) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._error = error
        self._position = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        """Bytes delivered so far (FastWARC asks for the position even of a pipe)."""
        return self._position

    def readinto(self, buffer) -> int:  # type: ignore[override]
        n = self._readinto(buffer)
        self._position += n
        return n

    def _readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._error is not None:
            raise self._error
        chunk = read_chunk(self._rest, len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def read_chunk(stream: BinaryIO, size: int) -> bytes:
    """At most ``size`` bytes from one underlying read, so data read before an error is not lost."""
    return stream.read1(size) if hasattr(stream, "read1") else stream.read(size)


def read_some(stream: BinaryIO, limit: int) -> tuple[bytes, BaseException | None]:
    """Up to ``limit`` bytes, keeping what was read before a truncation error, and that error."""
    parts: list[bytes] = []
    size = 0
    try:
        while size < limit:
            chunk = read_chunk(stream, min(_CHUNK_BYTES, limit - size))
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
    except (OSError, *GZIP_ERRORS) as exc:
        return b"".join(parts), exc
    return b"".join(parts), None


def peek(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first :data:`HEAD_BYTES` of ``stream`` and a stream that still starts at the beginning.

    Raises the read error when not a single byte could be read (e.g. a corrupt gzip header).
    """
    if _is_plain_seekable(stream):
        head = stream.read(HEAD_BYTES)
        stream.seek(0)
        return head, stream
    head, error = read_some(stream, HEAD_BYTES)
    if error is not None and not head:
        raise error
    return head, io.BufferedReader(_PrefixedReader(head, stream, error), buffer_size=64 * 1024)


def _is_plain_seekable(stream: BinaryIO) -> bool:
    if isinstance(stream, gzip.GzipFile):
        return False
    try:
        return stream.seekable()
    except (OSError, ValueError):
        return False


def gunzip(stream: BinaryIO) -> BinaryIO:
    """A decompressing view of a gzip ``stream`` (multi-member files are read through)."""
    return gzip.GzipFile(fileobj=stream, mode="rb")


def gzip_error(exc: BaseException) -> str:
    """The error message for a failure while decompressing gzip."""
    if isinstance(exc, EOFError):
        return f"{errors.TRUNCATED_GZIP} (file ends before the end of the compressed data)"
    return f"{errors.CORRUPT_GZIP}: {exc}"


def read_page(stream: BinaryIO) -> bytes:
    """The whole of a one-page ``stream``; raises ``PageTooLarge`` past :data:`errors.MAX_PAGE_BYTES`."""
    data, error = read_some(stream, errors.MAX_PAGE_BYTES + 1)
    if error is not None:
        raise error
    if len(data) > errors.MAX_PAGE_BYTES:
        raise PageTooLarge(len(data))
    return data


class PageTooLarge(Exception):
    """A page is larger than :data:`errors.MAX_PAGE_BYTES`."""

    def __init__(self, size: int) -> None:
        super().__init__(errors.too_large(size))
        self.size = size
