"""Text writers: JSON Lines, a streamed JSON array, plain text and Markdown."""

from __future__ import annotations

import json
import re

from khabar.output.base import TextFileWriter
from khabar.records import Article

TEXT_SEPARATOR = "-" * 72
_MARKDOWN_LEAD = re.compile(r"^(\s*)([#>*+\-=|]|\d+[.)])")


def _json(article: Article, indent: int | None = None) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)


class JsonlWriter(TextFileWriter):
    """One JSON object per line, fields in the :class:`Article`'s order."""

    def write_record(self, article: Article) -> None:
        self._out.write(_json(article) + "\n")


class JsonArrayWriter(TextFileWriter):
    """A JSON array, written item by item (``[``, records, ``]``) without holding them."""

    def start(self) -> None:
        self._out.write("[")

    def write_record(self, article: Article) -> None:
        self._out.write(("\n" if self.count == 0 else ",\n") + _json(article))

    def finish(self) -> None:
        self._out.write("\n]\n" if self.count else "]\n")


class TextWriter(TextFileWriter):
    """Title, a blank line, the text; a separator line between articles."""

    def write_record(self, article: Article) -> None:
        if self.count:
            self._out.write(f"\n{TEXT_SEPARATOR}\n\n")
        self._out.write(f"{article.title or article.source or ''}\n\n")
        self._out.write(f"[error: {article.error}]\n" if article.error else f"{article.text}\n")


class MarkdownWriter(TextFileWriter):
    """``# title``, a list of metadata lines, then the paragraphs; ``---`` between articles."""

    def write_record(self, article: Article) -> None:
        if self.count:
            self._out.write("\n---\n\n")
        self._out.write(f"# {_one_line(article.title or article.source or 'Untitled')}\n\n")
        metadata = _metadata_lines(article)
        if metadata:
            self._out.write("\n".join(metadata) + "\n\n")
        if article.error:
            self._out.write(f"> **Error:** {_one_line(article.error)}\n")
            return
        paragraphs = article.paragraphs or ([article.text] if article.text else [])
        self._out.write("".join(f"{_escape_markdown(p)}\n\n" for p in paragraphs).rstrip("\n") + "\n")


def _metadata_lines(article: Article) -> list[str]:
    fields = (
        ("Source", article.source),
        ("URL", article.url),
        ("Site", article.site_name),
        ("Published", article.published),
        ("Modified", article.modified),
        ("Authors", ", ".join(article.authors)),
        ("Categories", ", ".join(article.categories)),
        ("Tags", ", ".join(article.tags)),
        ("Language", article.language),
    )
    return [f"- **{label}:** {_one_line(value)}" for label, value in fields if value]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _escape_markdown(paragraph: str) -> str:
    """Keep a paragraph that starts like Markdown syntax (``# ``, ``- ``, ``1.``) a plain paragraph."""
    return _MARKDOWN_LEAD.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", paragraph, count=1)
