"""Latin-script keys that let an English query find Devanagari articles through entity glosses.

An entity's English gloss (``Lavrov``, ``Imran Khan``) is indexed as its words, and each word also as a
sound key so that spelling variants of a romanised name meet: ``Qureshi``/``Kureshi``/``Kuraishi`` all
key to ``qkursi``, ``Sitharaman``/``Sitarman`` to ``qsitrmn``. A key keeps the consonants (digraphs and
look-alike letters folded), the ``i`` and ``u`` classes of vowel runs (e/i/ee/y and o/u/au/ow), drops
the ``a`` class (a, e, ai: the vowels romanisations disagree on most, and Hindi's dropped schwa) except
at the start, and drops ``h``. The kept vowel classes separate short names that share consonants
(``Putin``/``Patna``, ``Kumar``/``Qamar``, ``Modi``/``Mehta``). Keys carry the prefix ``q`` (the letter
never survives keying) so they cannot collide with a real word in the index.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from khabar.store.search import index_terms
from khabar.store.search.query import Phrase, Query

KEY_PREFIX = "q"
#: Fewest consonants a key needs; shorter ones (``Ali``) match too much.
MIN_KEY_LENGTH = 2

_DIGRAPHS = (
    ("chh", "c"),
    ("ch", "c"),
    ("kh", "k"),
    ("gh", "g"),
    ("jh", "j"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("bh", "b"),
    ("sh", "s"),
    ("zh", "j"),
    ("ck", "k"),
    ("x", "ks"),
)
_LETTERS = str.maketrans({"q": "k", "w": "v", "f": "v", "z": "j", "c": "k"})
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_VOWEL_W = re.compile(r"(?<=[aeiou])w(?![aeiou])")  # the w of "Chowdhury", "Rawtani": part of a vowel
_REPEATS = re.compile(r"(.)\1+")
_WORD = re.compile(r"[a-z0-9]+")


def latin_words(text: str) -> list[str]:
    """Lower-cased ASCII words of a Latin-script text, accents removed."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _WORD.findall(ascii_text.lower())


@lru_cache(maxsize=1 << 16)
def consonant_key(word: str) -> str | None:
    """The sound key of a romanised word (``lavrov`` -> ``qlvruv``), or None for short or non-Latin words."""
    word = word.lower()
    if not word.isascii() or not word.isalpha():
        return None
    word = _VOWEL_W.sub("", word)
    for digraph, replacement in _DIGRAPHS:
        word = word.replace(digraph, replacement)
    word = word.translate(_LETTERS).replace("h", "")
    key = _VOWEL_RUN.sub(_vowel_class, word)
    key = key[:1] + key[1:].replace("a", "")
    key = _REPEATS.sub(r"\1", key)
    consonants = sum(1 for ch in key if ch not in "aiu")
    return KEY_PREFIX + key if consonants >= MIN_KEY_LENGTH else None


def _vowel_class(match: re.Match) -> str:
    """``a`` for a, e and ai (written for one another: Verma/Varma, Qureshi/Quraishi), ``u`` for runs with
    o or u, ``i`` for the rest (i, ee, y...)."""
    run = match.group()
    if set(run) <= {"a", "e"} or run in ("ai", "ae", "ei"):
        return "a"
    return "u" if set(run) & {"o", "u"} else "i"


def name_terms(glosses: list[str]) -> list[str]:
    """Index terms for English names: the glosses' words as the search index analyses them, then the
    sound key of each word (after the words, so a phrase query over a name's words still matches)."""
    if not glosses:
        return []
    terms = index_terms(" ; ".join(glosses))
    terms.extend(key for gloss in glosses for key in map(consonant_key, latin_words(gloss)) if key)
    return terms


def with_name_keys(query: Query) -> Query:
    """The query where each plain Latin word may also match the consonant key of an indexed name."""
    keys = {}
    for word in query.latin_words:
        terms, key = index_terms(word), consonant_key(word)
        if len(terms) == 1 and key:
            keys[terms[0]] = key
    if not keys:
        return query
    groups = []
    for group in query.groups:
        extra = [
            Phrase((keys[p.terms[0]],)) for p in group if len(p.terms) == 1 and not p.prefix and p.terms[0] in keys
        ]
        groups.append(group + tuple(extra))
    return replace(query, groups=tuple(groups))
