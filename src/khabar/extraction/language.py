"""Language identification for Indian news text: script first, then function words within a script.

Script ranges, per-language word weights, Urdu letters and English stopwords are data files under
``rules/`` (``scripts.txt``, ``lang_*.txt``). Only the first :data:`SAMPLE_CHARS` characters are read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from khabar.extraction.rules import rule_lines

SAMPLE_CHARS = 1000
MIN_LETTERS = 8
DEVANAGARI_LANGUAGES = ("hi", "mr", "ne")
ENGLISH_MIN_RATIO = 0.12
ENGLISH_MIN_HITS = 2

_DEVANAGARI_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097F]+")
_LATIN_WORD = re.compile(r"[a-z]+")
_DEVANAGARI_LETTER = re.compile(r"[\u0900-\u097F]")


@dataclass(frozen=True, slots=True)
class _WordWeights:
    """Whole-word weights and substring weights (entries written ``*sub``) of one language."""

    words: dict[str, float]
    substrings: dict[str, float]

    def score(self, counts: Counter[str], text: str) -> float:
        total = sum(counts[word] * weight for word, weight in self.words.items() if word in counts)
        for sub, weight in self.substrings.items():
            total += weight * text.count(sub)
        return total


@cache
def _script_patterns() -> dict[str, re.Pattern[str]]:
    """Default language -> a character class of its script's code points."""
    ranges: dict[str, list[str]] = {}
    for line in rule_lines("scripts.txt"):
        lang, first, last = line.split()
        ranges.setdefault(lang, []).append(f"\\u{int(first, 16):04x}-\\u{int(last, 16):04x}")
    return {lang: re.compile("[" + "".join(parts) + "]") for lang, parts in ranges.items()}


@cache
def _weights(lang: str) -> _WordWeights:
    words: dict[str, float] = {}
    substrings: dict[str, float] = {}
    for line in rule_lines(f"lang_{lang}.txt"):
        entry, _, weight = line.partition(" ")
        target = substrings if entry.startswith("*") else words
        target[entry.lstrip("*")] = float(weight or 1)
    return _WordWeights(words, substrings)


@cache
def _urdu_letters() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(ch) for ch in rule_lines("lang_ur.txt")) + "]")


@cache
def _english_stopwords() -> frozenset[str]:
    return frozenset(rule_lines("lang_en.txt"))


def script_counts(text: str) -> dict[str, int]:
    """Letters per script in ``text``, keyed by the script's default language code."""
    return {lang: len(pattern.findall(text)) for lang, pattern in _script_patterns().items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when too short or not recognised."""
    if not text:
        return None
    sample = text[:SAMPLE_CHARS]
    devanagari = len(_DEVANAGARI_LETTER.findall(sample))
    if devanagari >= MIN_LETTERS and devanagari * 2 > len(sample):
        return devanagari_language(sample)
    counts = script_counts(sample)
    script, letters = max(counts.items(), key=lambda item: item[1])
    if letters < MIN_LETTERS:
        return None
    if script == "hi":
        return devanagari_language(sample)
    if script == "ar":
        return "ur" if _urdu_letters().search(sample) else "ar"
    if script == "en":
        return "en" if _looks_english(sample) else None
    return script


def devanagari_language(text: str) -> str:
    """``hi``, ``mr`` or ``ne`` for Devanagari text, by weighted function words (Hindi on a tie)."""
    counts = Counter(_DEVANAGARI_WORD.findall(text))
    scores = {lang: _weights(lang).score(counts, text) for lang in DEVANAGARI_LANGUAGES}
    best = max(DEVANAGARI_LANGUAGES, key=lambda lang: scores[lang])
    return best if scores[best] > scores["hi"] else "hi"


def _looks_english(text: str) -> bool:
    words = _LATIN_WORD.findall(text.lower())
    if not words:
        return False
    stopwords = _english_stopwords()
    hits = sum(1 for word in words if word in stopwords)
    return hits >= ENGLISH_MIN_HITS and hits / len(words) >= ENGLISH_MIN_RATIO
