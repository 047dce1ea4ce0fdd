"""Writers: serialise extracted records as JSONL, JSON, Parquet, plain text or Markdown.

:func:`open_writer` returns a context manager with ``.write(article)``. Every writer streams: records
are written as they come (Parquet buffers one row group), so output size never bounds memory.
``path=None`` (or ``"-"``) writes to stdout, except for Parquet, which needs a file.
"""

from __future__ import annotations

import os

from khabar.output.base import Writer
from khabar.output.formats import JsonArrayWriter, JsonlWriter, MarkdownWriter, TextWriter

FORMATS = ("jsonl", "json", "parquet", "txt", "md")
DEFAULT_FORMAT = "jsonl"
_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
}

__all__ = ["DEFAULT_FORMAT", "FORMATS", "Writer", "infer_format", "open_writer"]


def infer_format(path: str | None) -> str | None:
    """The output format an ``-o`` path's extension implies, ``jsonl`` for stdout, else ``None``."""
    if path is None or path == "-":
        return DEFAULT_FORMAT
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower())


def open_writer(path: str | None, fmt: str | None = None) -> Writer:
    """A writer of ``fmt`` (inferred from ``path`` when ``None``) to ``path``, or stdout when ``None``."""
    fmt = fmt or infer_format(path)
    if fmt is None:
        raise ValueError(f"cannot tell the output format from {path!r}; choose one of {', '.join(FORMATS)}")
    if path == "-":
        path = None
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet output needs a file: pass -o FILE.parquet")
        from khabar.output.parquet import ParquetWriter

        return ParquetWriter(path)
    writers = {"jsonl": JsonlWriter, "json": JsonArrayWriter, "txt": TextWriter, "md": MarkdownWriter}
    if fmt not in writers:
        raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt](path)
