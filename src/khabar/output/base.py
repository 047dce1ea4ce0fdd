"""The writer interface and a base for writers of UTF-8 text to a file or stdout."""

from __future__ import annotations

import io
import sys
from types import TracebackType
from typing import TextIO

from khabar.records import Article


class Writer:
    """Writes :class:`Article` records somewhere; use as a context manager so the output is closed."""

    count: int = 0

    def write(self, article: Article) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (footers, flushing); safe to call twice."""

    def __enter__(self) -> Writer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class TextFileWriter(Writer):
    """A writer of UTF-8 text to ``path``, or to stdout when ``path`` is ``None`` (never closing it)."""

    def __init__(self, path: str | None) -> None:
        self.count = 0
        self._closed = False
        if path is None:
            self._out: TextIO = io.TextIOWrapper(
                sys.stdout.buffer, encoding="utf-8", errors="replace", newline="\n", write_through=True
            )
            self._owns_stream = False
        else:
            self._out = open(path, "w", encoding="utf-8", errors="replace", newline="\n")  # noqa: SIM115
            self._owns_stream = True
        self.start()

    def start(self) -> None:
        """Write whatever comes before the first record."""

    def finish(self) -> None:
        """Write whatever comes after the last record."""

    def write(self, article: Article) -> None:
        self.write_record(article)
        self.count += 1

    def write_record(self, article: Article) -> None:
        raise NotImplementedError

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.finish()
        if self._owns_stream:
            self._out.close()
        else:
            self._out.flush()
            self._out.detach()
