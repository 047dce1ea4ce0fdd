"""Sentence splitting for Hindi news text that mixes danda and full stop.

A sentence ends at ``।``, ``॥``, ``?``, ``!``, ``…`` or ``.``; closing quotes and brackets right
after the terminator stay with it. A full stop after an abbreviation (``data/abbreviations.txt``),
an initial (``A.``, ``data/initials.txt``) or inside a number does not end a sentence, nor does any
terminator inside a quotation unless the quotation closes right after it. A blank line always ends
one. Works best on :func:`khabar.hindi.normalise.normalise` output (pipes read as danda there).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.hindi.normalise import QuoteMark, match_key, quote_marks

_TERMINATORS = re.compile(r"[.।॥?!…]+")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_CLOSING_BRACKETS = frozenset(")]}>")
_DANDAS = frozenset("।॥")
_LATIN_INITIAL = re.compile(r"[A-Z]")
_WORD_EDGE_JUNK = "([{<\"'“”‘’„«‹"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open span ``[start, end)`` of character offsets."""

    start: int
    end: int

    def text(self, source: str) -> str:
        """The characters of ``source`` this span covers."""
        return source[self.start : self.end]


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``khabar/hindi/data/<name>``."""
    text = resources.files("khabar.hindi").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(match_key(entry) for entry in data_lines("abbreviations.txt"))


@cache
def _initials() -> frozenset[str]:
    return frozenset(match_key(entry) for entry in data_lines("initials.txt"))


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text``, trimmed of surrounding whitespace, in order."""
    marks = quote_marks(text)
    positions = [mark.pos for mark in marks]
    spans: list[Span] = []
    start = 0
    for paragraph_break in _PARAGRAPH_BREAK.finditer(text):
        end = paragraph_break.start()
        paragraph_marks = marks[bisect_left(positions, start) : bisect_left(positions, end)]
        _split_paragraph(text, start, end, paragraph_marks, spans)
        start = paragraph_break.end()
    _split_paragraph(text, start, len(text), marks[bisect_left(positions, start) :], spans)
    return spans


def _split_paragraph(text: str, start: int, end: int, marks: list[QuoteMark], spans: list[Span]) -> None:
    """Append the sentences of the paragraph ``text[start:end]`` (quote ``marks`` in it) to ``spans``."""
    opens, closes = _paired_quotes(marks)
    paired_closes = set(closes)
    closing = {mark.pos: mark.end for mark in marks if mark.role == "close" or mark.pos in paired_closes}
    sentence_start = start
    for terminator in _TERMINATORS.finditer(text, start, end):
        stop = _after_closers(text, terminator.end(), end, closing)
        if _inside_quote(stop, opens, closes) or not _ends_sentence(text, terminator, stop, end):
            continue
        _append_trimmed(text, sentence_start, stop, spans)
        sentence_start = stop
    _append_trimmed(text, sentence_start, end, spans)


def _paired_quotes(marks: list[QuoteMark]) -> tuple[list[int], list[int]]:
    """Sorted positions of opening and of closing marks that pair up; unpaired marks are dropped."""
    stack: list[QuoteMark] = []
    open_count = {"double": 0, "single": 0}
    opens: list[int] = []
    closes: list[int] = []
    for mark in marks:
        if mark.role == "open" or (mark.role == "ambiguous" and not open_count[mark.kind]):
            stack.append(mark)
            open_count[mark.kind] += 1
            continue
        if not open_count[mark.kind]:
            continue
        while (opened := stack.pop()).kind != mark.kind:
            open_count[opened.kind] -= 1
        open_count[mark.kind] -= 1
        opens.append(opened.pos)
        closes.append(mark.pos)
    opens.sort()
    closes.sort()
    return opens, closes


def _inside_quote(pos: int, opens: list[int], closes: list[int]) -> bool:
    """Whether a paired quotation is still open just before ``pos``."""
    return bisect_left(opens, pos) > bisect_left(closes, pos)


def _after_closers(text: str, pos: int, end: int, closing: dict[int, int]) -> int:
    """``pos`` moved past the closing quotes (``closing``: start → end) and brackets after a terminator."""
    while pos < end:
        if pos in closing:
            pos = closing[pos]
        elif text[pos] in _CLOSING_BRACKETS:
            pos += 1
        else:
            break
    return pos


def _ends_sentence(text: str, terminator: re.Match[str], stop: int, end: int) -> bool:
    """Whether the terminator (with its closers up to ``stop``) ends a sentence."""
    chars = terminator.group()
    if any(char in _DANDAS for char in chars):
        return True
    if stop < end and not text[stop].isspace():
        return False
    if chars != ".":
        return True
    return not (_is_abbreviation(text, terminator.start()) or _next_is_lowercase(text, stop, end))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the word before the full stop at ``dot`` is an abbreviation or an initial."""
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip(_WORD_EDGE_JUNK)
    if not word:
        return False
    if match_key(word + ".") in _abbreviations():
        return True
    last = word.rsplit(".", 1)[-1]
    return bool(_LATIN_INITIAL.fullmatch(last)) or match_key(last) in _initials()


def _next_is_lowercase(text: str, pos: int, end: int) -> bool:
    """Whether the next visible character is a lower-case Latin letter (``etc. and``)."""
    while pos < end and text[pos].isspace():
        pos += 1
    return pos < end and text[pos].isascii() and text[pos].islower()


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end))
