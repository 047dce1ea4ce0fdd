"""Tokens of Hindi news text: Devanagari words, Latin words, numbers, punctuation and symbols.

One compiled regular expression, scanned once with ``finditer``. A Devanagari word is a maximal
run of letters and signs (matras, virama, nukta, anusvara, chandrabindu, visarga, avagraha, ZWJ,
ZWNJ), so it never breaks inside an akshara; words joined by a hyphen (``जम्मू-कश्मीर``) are one token.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache
from typing import Literal, NamedTuple

TokenKind = Literal["word", "latin", "number", "punct", "symbol"]

_DEVANAGARI = "\u0900-\u0963\u0970-\u097f\ua8e0-\ua8ff\u1cd0-\u1cff\u200c\u200d"
_HYPHENS = "\\-\u2010\u2011"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_INNER = f"{_LATIN}0-9\u0300-\u036f"


def _combining_marks() -> str:
    """A regex class body of the combining marks of the Basic Multilingual Plane (other scripts' words)."""
    marks = [cp for cp in range(0x0300, 0x10000) if unicodedata.category(chr(cp)).startswith("M")]
    ranges = []
    start = prev = marks[0]
    for cp in [*marks[1:], sys.maxunicode + 2]:
        if cp != prev + 1:
            ranges.append(f"{chr(start)}-{chr(prev)}" if prev > start else chr(start))
            start = cp
        prev = cp
    return "".join(ranges)


_TOKEN = re.compile(
    f"(?P<word>[{_DEVANAGARI}]+(?:[{_HYPHENS}][{_DEVANAGARI}]+)*)"
    f"|(?P<latin>(?:[{_LATIN}]|[0-9]+[{_LATIN}])[{_LATIN_INNER}]*(?:['’{_HYPHENS}][{_LATIN_INNER}]+)*)"
    r"|(?P<number>\d+(?:[.,]\d+)*)"
    f"|(?P<other>[^\\W\\d_](?:[^\\W\\d_]|[{_combining_marks()}])*)"
    r"|(?P<dots>\.{2,}|'')"
    r"|(?P<char>\S)"
)
_SYMBOL_LIKE_PUNCTUATION = frozenset("%‰‱#&@*†‡§¶")
_KIND_OF_GROUP: dict[str | None, TokenKind] = {
    "word": "word",
    "latin": "latin",
    "number": "number",
    "other": "word",
    "dots": "punct",
}


class Token(NamedTuple):
    """A token ``[start, end)`` of the text it came from, of ``kind`` word, latin, number, punct or symbol.

    ``word`` is Devanagari (or another non-Latin script), ``latin`` a Latin-script word (it may hold
    digits: ``G20``, ``5G``), ``punct`` a punctuation mark (danda, quotes, ``...``), ``symbol`` anything
    else visible (``₹``, ``%``, emoji).
    """

    start: int
    end: int
    kind: TokenKind

    def text(self, source: str) -> str:
        """The characters of ``source`` this token covers."""
        return source[self.start : self.end]


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order; whitespace separates tokens and is never part of one."""
    kinds = _KIND_OF_GROUP
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = kinds.get(match.lastgroup)
        if kind is None:
            kind = _char_kind(match.group())
        tokens.append(Token(*match.span(), kind))
    return tokens


@lru_cache(maxsize=4)
def tokenize_shared(text: str) -> tuple[Token, ...]:
    """:func:`tokenize`, computed once for the steps that all read one article's normalised text."""
    return tuple(tokenize(text))


@lru_cache(maxsize=4096)
def _char_kind(char: str) -> TokenKind:
    """``punct`` for punctuation (Unicode P*, except marks like ``%`` and ``@``), else ``symbol``."""
    is_punct = unicodedata.category(char).startswith("P") and char not in _SYMBOL_LIKE_PUNCTUATION
    return "punct" if is_punct else "symbol"


def words(text: str) -> list[str]:
    """The words of ``text`` (tokens of kind ``word`` or ``latin``) as strings."""
    return [text[token.start : token.end] for token in tokenize(text) if token.kind in ("word", "latin")]
