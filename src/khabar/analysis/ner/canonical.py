"""One key per real-world entity across the spelling variants and short forms used in one article."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .features import read_lines

_HALANT = "\u094d"
_NASAL_CONSONANTS = "ङञणनम"
_KEY_TABLE = str.maketrans(
    {
        "\u093c": None,  # nukta
        "\u200c": None,
        "\u200d": None,
        "\u0901": "\u0902",  # chandrabindu -> anusvara
        "\u0940": "\u093f",  # ii -> i
        "\u0942": "\u0941",  # uu -> u
        "\u0947": None,  # e and ai signs (ai is folded to e first) vanish: सेर्गेई = सर्गेई
        "\u0948": None,
        "\u094c": "\u094b",  # au -> o
        "\u0945": None,  # candra e
        "\u0949": "\u094b",  # candra o -> o
        "\u0908": "\u0907",  # independent ii -> i
        "\u090a": "\u0909",  # independent uu -> u
        "\u0910": "\u090f",  # independent ai -> e
        "\u0914": "\u0913",  # independent au -> o
    }
)
_NASAL_CLUSTER = re.compile(f"[{_NASAL_CONSONANTS}]{_HALANT}(?=[\u0915-\u0939])")
_PUNCTUATION = re.compile(r"[.\-'’‘\"()\[\],]+")


@cache
def _titles() -> frozenset[str]:
    return frozenset(read_lines("titles.txt"))


@cache
def spelling_key(text: str) -> str:
    """A spelling-tolerant form: nukta, vowel length, e/ai, o/au, nasal marks and halant variants folded."""
    text = unicodedata.normalize("NFD", text)
    text = _NASAL_CLUSTER.sub("\u0902", text)
    text = text.translate(_KEY_TABLE).replace(_HALANT, "")
    text = _PUNCTUATION.sub(" ", text)
    return " ".join(text.split()).lower()


def _without_titles(mention: str) -> str:
    """The mention with leading titles and honorifics removed (``श्री इमरान खान`` -> ``इमरान खान``)."""
    words = mention.split()
    titles = _titles()
    while len(words) > 1 and (words[0] in titles or words[0].rstrip(".") in titles):
        words = words[1:]
    if len(words) > 2 and " ".join(words[:2]) in titles:
        words = words[2:]
    return " ".join(words)


def _is_short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when ``short`` is a proper tail of ``full`` (``लावरोव`` of ``सर्गेई लावरोव``)."""
    return 0 < len(short) < len(full) and full[-len(short) :] == short


def canonical_key(mention: str, others: list[str]) -> str:
    """The key shared by every mention of the same entity in one article.

    Spelling variants get equal keys; a short form (a surname, or the last words of a name) takes
    the key of the one longer mention in ``others`` that ends with it. When several different longer
    names end with it (``गांधी`` with ``राहुल गांधी`` and ``सोनिया गांधी``), it keeps its own key.
    """
    return _key_among(mention, _names_by_last_word(others))


def canonical_keys(mentions: list[str]) -> list[str]:
    """:func:`canonical_key` of every mention of one article against all the others (names keyed once)."""
    names = _names_by_last_word(mentions)
    keys: dict[str, str] = {}
    for mention in mentions:
        if mention not in keys:
            keys[mention] = _key_among(mention, names)
    return [keys[mention] for mention in mentions]


def _names_by_last_word(mentions: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """The mentions' keys as word tuples, grouped by their last word (a short form ends like its full name)."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for key in {spelling_key(_without_titles(mention)) for mention in mentions}:
        words = tuple(key.split())
        if words:
            grouped.setdefault(words[-1], []).append(words)
    return grouped


def _key_among(mention: str, names: dict[str, list[tuple[str, ...]]]) -> str:
    own = spelling_key(_without_titles(mention))
    words = tuple(own.split())
    if not words:
        return own
    candidates = [name for name in names.get(words[-1], ()) if _is_short_form(words, name)]
    longest = {c for c in candidates if not any(_is_short_form(c, d) for d in candidates)}
    if len(longest) == 1:
        return " ".join(longest.pop())
    return own
