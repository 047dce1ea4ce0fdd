"""The normalised article text with its tokens, match keys and sentences, shared by the quote steps."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from khabar.hindi import (
    Normalised,
    Span,
    Token,
    match_key,
    normalise_shared,
    split_sentences,
    tokenize_shared,
)

_MAX_HEADLINE_WORDS = 30
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_SENTENCE_END = frozenset("।॥")
_WORD_KINDS = frozenset({"word", "latin", "number"})
_T = TypeVar("_T")


def _headline_end(text: str, tokens: list[Token]) -> int:
    """Where the headline ends: the first paragraph when it is one short line with no danda before
    its end, followed by more paragraphs; 0 when the text opens with a body paragraph."""
    lead = len(text) - len(text.lstrip())
    match = _PARAGRAPH_BREAK.search(text, lead)
    if match is None or "\n" in text[lead : match.start()].strip():
        return 0
    end = match.start()
    inside = [token.text(text) for token in tokens if token.end <= end]
    words = [token for token in tokens if token.end <= end and token.kind in ("word", "latin", "number")]
    if len(words) > _MAX_HEADLINE_WORDS or any(word in _SENTENCE_END for word in inside[:-1]):
        return 0
    return end


@dataclass(slots=True)
class Document:
    """Normalised text, tokens (with ``match_key`` keys) and sentences; offsets are normalised ones.

    ``masked`` marks tokens inside quoted speech, which cue and speaker searches read past;
    ``headline_stop`` is the token index where a headline line ends (0 when the text has none);
    ``word_flags`` tells words from punctuation, token by token.
    """

    normalised: Normalised
    tokens: list[Token]
    keys: list[str]
    sentences: list[Span]
    token_starts: list[int]
    token_sentence: list[int]
    sentence_starts: list[int]
    masked: list[bool] = field(default_factory=list)
    headline_stop: int = 0
    place_words: frozenset[str] | None = None
    words: list[str] = field(default_factory=list)
    word_flags: list[bool] = field(default_factory=list)
    sentence_ranges: list[tuple[int, int]] = field(default_factory=list)
    _derived: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str) -> Document:
        """Normalise ``text`` and index its tokens and sentences."""
        normalised = normalise_shared(text)
        tokens = list(tokenize_shared(normalised.text))
        words = [normalised.text[token.start : token.end] for token in tokens]
        keys = [match_key(word) for word in words]
        sentences = split_sentences(normalised.text)
        starts = [token.start for token in tokens]
        sentence_starts = [span.start for span in sentences]
        token_sentence = [max(bisect_right(sentence_starts, start) - 1, 0) for start in starts]
        masked = [False] * len(tokens)
        doc = cls(normalised, tokens, keys, sentences, starts, token_sentence, sentence_starts, masked, words=words)
        doc.word_flags = [token.kind in _WORD_KINDS for token in tokens]
        doc.sentence_ranges = [
            (doc.first_token_at(span.start), doc.first_token_at(span.end)) for span in sentences
        ]
        doc.headline_stop = doc.first_token_at(_headline_end(normalised.text, tokens))
        return doc

    @property
    def text(self) -> str:
        """The normalised text."""
        return self.normalised.text

    def word(self, index: int) -> str:
        """The text of token ``index``."""
        return self.words[index]

    def is_word(self, index: int) -> bool:
        """Whether token ``index`` is a word (Devanagari, Latin or a number), not punctuation."""
        return self.word_flags[index]

    def derived(self, name: str, build: Callable[[Document], _T]) -> _T:
        """``build(self)`` computed once per document and kept under ``name``; only for facts of the words
        alone (never of ``masked``, which changes as quotations are found)."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]

    def first_token_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.token_starts, pos)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding offset ``pos`` (the one before it when ``pos`` is between two)."""
        return max(bisect_right(self.sentence_starts, pos) - 1, 0)

    def sentence_tokens(self, sentence: int) -> tuple[int, int]:
        """Token indices ``[first, stop)`` of ``sentence``."""
        return self.sentence_ranges[sentence]

    def mask(self, start: int, end: int) -> None:
        """Mark the tokens inside ``[start, end)`` as quoted speech."""
        for index in range(self.first_token_at(start), self.first_token_at(end)):
            self.masked[index] = True

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` in normalised offsets mapped to the original text."""
        return self.normalised.to_original(start, end)

    def original_text(self, start: int, end: int) -> str:
        """The original characters behind the normalised span ``[start, end)``."""
        first, last = self.original_span(start, end)
        return self.normalised.original[first:last]

    def tokens_text(self, first: int, stop: int) -> str:
        """The original text covering tokens ``[first, stop)``."""
        return self.original_text(self.tokens[first].start, self.tokens[stop - 1].end)
