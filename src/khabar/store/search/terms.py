"""Index terms for SQLite FTS5: khabar's normalisation, tokenizer, folding, stop words and light stemming.

A text becomes terms in five steps: ``khabar.hindi.normalise`` (NFC, invisibles dropped), khabar's
tokenizer (vowel signs, virama and nukta stay inside a word), splitting a token at the characters FTS5
would split it at (hyphens, apostrophes, a number's point), folding (``match_key``: nukta, chandrabindu,
digits to ASCII, case; Latin diacritics too), then stop words out and light stemming. Every term is made
of letters, digits and marks only, so under ``FTS_TOKENIZE`` FTS5 keeps each one as one token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from khabar.hindi import Normalised, Token, match_key, normalise_shared, tokenize_shared
from khabar.store.search.stemmer import data_lines, stem, strip_possessive

FTS_TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
"""FTS5 ``tokenize=`` value: letters, digits and all combining marks (every script's vowel signs) are token
characters and nothing is folded away, so a term of ``index_terms`` passes through FTS5 as one token. It
holds single quotes: embed it in double quotes, ``fts5(body, tokenize="{FTS_TOKENIZE}")``."""

_TERM_CATEGORIES = ("L", "N", "M")
_SCRIPT_RANGES = ((0x0900, 0x0980), (0xA8E0, 0xA900), (0x1CD0, 0x1D00))


def _separators() -> str:
    """The characters khabar's tokenizer keeps inside a word but FTS5 splits at, escaped for a regex class."""
    inside_script = (
        chr(cp)
        for low, high in _SCRIPT_RANGES
        for cp in range(low, high)
        if not unicodedata.category(chr(cp)).startswith(_TERM_CATEGORIES)
    )
    return re.escape("-\u2010\u2011'’.,\u200c\u200d" + "".join(inside_script))


_SEPARATOR = re.compile(f"[{_separators()}]")
_PART = re.compile(f"[^{_separators()}]+")


class Word(NamedTuple):
    """A word of a normalised text: ``[start, end)`` in it, its search ``term`` and its ``folded`` form.

    ``folded`` is the word folded but not stemmed; ``stop`` says it is a stop word (its ``term`` is then
    its folded form); ``latin`` says it is written in Latin script.
    """

    start: int
    end: int
    term: str
    folded: str
    stop: bool
    latin: bool


@cache
def stop_words() -> frozenset[str]:
    """The stop words of ``data/stopwords.txt``, folded like terms."""
    return frozenset(_fold_latin(match_key(line)) for line in data_lines("stopwords.txt"))


def _fold_latin(word: str) -> str:
    """``word`` without combining diacritics (``québec`` → ``quebec``); unchanged when it has none."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
    )


def _analyse_part(part: str, kind: str) -> tuple[str, str, bool]:
    """``(term, folded, is_stop_word)`` for one part of a token of ``kind``."""
    if kind == "number":
        folded = match_key(part.replace(",", ""))
        return folded, folded, False
    folded = match_key(part)
    if kind == "latin":
        folded = _fold_latin(folded)
    if folded in stop_words():
        return folded, folded, True
    return stem(folded), folded, False


def _parts(token: str, kind: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the parts of ``token`` that FTS5 sees as tokens."""
    end = len(token)
    if kind == "latin":
        end = len(strip_possessive(token))
    if kind == "number":
        if "." not in token:
            return [(0, end)]
        return [match.span() for match in re.finditer(r"[^.]+", token)]
    if not _SEPARATOR.search(token, 0, end):
        return [(0, end)]
    return [match.span() for match in _PART.finditer(token, 0, end)]


@lru_cache(maxsize=262144)
def _token_words(token: str, kind: str) -> tuple[tuple[int, int, str, str, bool], ...]:
    """``(start, end, term, folded, is_stop_word)`` for each part of one token, offsets within the token."""
    found = []
    for start, end in _parts(token, kind):
        term, folded, stop = _analyse_part(token[start:end], kind)
        if term:
            found.append((start, end, term, folded, stop))
    return tuple(found)


def _tokens_words(norm: str) -> Iterator[tuple[Token, tuple[tuple[int, int, str, str, bool], ...]]]:
    """Each word-like token of the normalised text with its parts (:func:`_token_words`)."""
    for token in tokenize_shared(norm):
        if token.kind not in ("punct", "symbol"):
            yield token, _token_words(norm[token.start : token.end], token.kind)


def analyse(text: str) -> tuple[Normalised, list[Word]]:
    """The normalised ``text`` and all its words, stop words included, with offsets into the normalised text."""
    normalised = normalise_shared(text)
    found = []
    for token, parts in _tokens_words(normalised.text):
        offset, latin = token.start, token.kind == "latin"
        for start, end, term, folded, stop in parts:
            found.append(Word(offset + start, offset + end, term, folded, stop, latin))
    return normalised, found


def text_words(text: str) -> tuple[list[str], list[str]]:
    """The index terms of ``text`` (as :func:`index_terms`) and the folded form of every word, stop words
    included (what duplicate detection compares), from one pass over its tokens."""
    terms: list[str] = []
    folded_words: list[str] = []
    for _, parts in _tokens_words(normalise_shared(text).text):
        for _, _, term, folded, stop in parts:
            folded_words.append(folded)
            if not stop:
                terms.append(term)
    return terms, folded_words


def index_terms(text: str) -> list[str]:
    """The terms to index for ``text``, in order: folded, stop words dropped, lightly stemmed."""
    return text_words(text)[0]


def term_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` for every indexed word, with ``[start, end)`` in the original ``text``."""
    normalised, found = analyse(text)
    spans = []
    for word in found:
        if not word.stop:
            start, end = normalised.to_original(word.start, word.end)
            spans.append((start, end, word.term))
    return spans
