"""Quotation spans: pair the marks of each paragraph into outermost quotations.

Marks come from :func:`khabar.hindi.quote_marks` (roles open / close / ambiguous). A close (or an
ambiguous mark) pairs with the nearest open mark of its kind; ambiguous marks open when nothing of
their kind is open. Only outermost quotations are returned: a quotation inside a quotation is part of
its words. A quotation never closed runs to the end of its paragraph; when the next paragraph opens
with a quote mark it continues that quotation (``continues`` is set on the new span).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from khabar.hindi import QuoteMark, quote_marks

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One outermost quotation: marks at ``open_pos`` / ``close_pos`` (None: never closed), words in between."""

    open_pos: int
    open_end: int
    close_pos: int | None
    close_end: int | None
    start: int
    end: int
    paragraph: int
    continues: bool = False

    @property
    def closed(self) -> bool:
        """Whether the quotation has a closing mark."""
        return self.close_pos is not None

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or the words when unclosed)."""
        return self.close_end if self.close_end is not None else self.end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph (blocks separated by blank lines)."""
    spans = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """The outermost quotations of ``text`` in order, paragraph by paragraph."""
    marks = quote_marks(text)
    spans: list[QuoteSpan] = []
    previous_unclosed = False
    for index, (start, end) in enumerate(paragraph_spans(text)):
        inside = [mark for mark in marks if start <= mark.pos < end]
        found = _pair_paragraph(text, inside, end, index)
        if found and previous_unclosed and found[0].open_pos == _first_visible(text, start, end):
            found[0] = replace(found[0], continues=True)
        spans.extend(found)
        previous_unclosed = bool(found) and not found[-1].closed
    return spans


def _pair_paragraph(text: str, marks: list[QuoteMark], end: int, paragraph: int) -> list[QuoteSpan]:
    """Outermost quotations among one paragraph's ``marks``; an unclosed outermost one runs to ``end``."""
    stack: list[QuoteMark] = []
    spans: list[QuoteSpan] = []
    for mark in marks:
        opened = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == mark.kind), None)
        if mark.role == "open" or (mark.role == "ambiguous" and opened is None):
            stack.append(mark)
            continue
        if opened is None:
            continue
        first = stack[opened]
        del stack[opened:]
        if not stack:
            spans.append(_span(text, first, mark, first.end, mark.pos, paragraph))
    if stack:
        spans.append(_span(text, stack[0], None, stack[0].end, end, paragraph))
    return spans


def _span(
    text: str, opening: QuoteMark, closing: QuoteMark | None, start: int, end: int, paragraph: int
) -> QuoteSpan:
    """A span with its words trimmed of surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(
        opening.pos,
        opening.end,
        closing.pos if closing else None,
        closing.end if closing else None,
        start,
        end,
        paragraph,
    )


def _first_visible(text: str, start: int, end: int) -> int:
    """Offset of the first non-space character of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    return start
