"""Light stemmers for search terms: Hindi inflectional suffixes, English plurals and possessives.

The Hindi stemmer strips, once, the longest suffix of ``data/suffixes.txt`` that leaves an acceptable
stem: at least ``MIN_STEM_LETTERS`` letters (consonants and independent vowels, not signs) and not
ending in a virama. So ``लड़का``, ``लड़के``, ``लड़कों`` meet at one stem, while short words keep their
form and a vowel sign inside a word is never touched (``दिल`` and ``दाल`` stay apart). Input is a
folded term (see ``khabar.store.search.terms``): nukta and chandrabindu already folded.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources

from khabar.hindi import fold_chandrabindu, fold_nukta

MIN_STEM_LETTERS = 2
VIRAMA = "\u094d"
_MIN_ENGLISH_PLURAL = 5
_KEEP_FINAL_S = ("ss", "us", "is")


def data_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``khabar/store/search/data/<name>``."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def hindi_suffixes() -> tuple[str, ...]:
    """The Hindi suffixes, folded like terms, longest first."""
    folded = {fold_nukta(fold_chandrabindu(line)) for line in data_lines("suffixes.txt")}
    return tuple(sorted(folded, key=lambda suffix: (-len(suffix), suffix)))


def is_devanagari(word: str) -> bool:
    """Whether ``word`` is written in Devanagari (judged by its first character)."""
    return bool(word) and "\u0900" <= word[0] <= "\u097f"


def _letters(text: str) -> int:
    """How many letters (not vowel signs, virama or other marks) ``text`` holds."""
    return sum(1 for char in text if unicodedata.category(char) == "Lo")


def _acceptable_stem(stem: str) -> bool:
    return _letters(stem) >= MIN_STEM_LETTERS and not stem.endswith(VIRAMA)


@lru_cache(maxsize=65536)
def stem_hindi(word: str) -> str:
    """``word`` without its longest inflectional suffix that leaves an acceptable stem."""
    for suffix in hindi_suffixes():
        if len(word) > len(suffix) and word.endswith(suffix):
            stem = word[: -len(suffix)]
            if _acceptable_stem(stem):
                return stem
    return word


def stem_english(word: str) -> str:
    """A lower-case English word without a plural ``s``/``ies`` (words of five letters or more only)."""
    if len(word) < _MIN_ENGLISH_PLURAL or not word.endswith("s") or word.endswith(_KEEP_FINAL_S):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1]


def strip_possessive(word: str) -> str:
    """An English word without a possessive ``'s`` or a bare trailing apostrophe."""
    for ending in ("'s", "’s", "'S", "’S", "'", "’"):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def stem(term: str) -> str:
    """The stem of a folded term: Hindi or English light stemming, other scripts unchanged."""
    if is_devanagari(term):
        return stem_hindi(term)
    if term.isascii() and term.isalpha():
        return stem_english(term)
    return term
