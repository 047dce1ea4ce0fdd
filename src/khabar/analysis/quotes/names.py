"""Person-name words from the NER model's name lists and the shipped person-name gazetteer, to tell a name
from the role words before it."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from khabar.analysis.ner.canonical import spelling_key
from khabar.analysis.ner.features import fold, read_table
from khabar.analysis.ner.train import DEFAULT_MODEL, read_entries, sidecar

_PERSON_TAGS = frozenset({"per", "perF", "perL"})
_GIVEN_NAME_TAG = "perF"
#: Beyond :func:`spelling_key`, a foreign name's transliterations differ in short vowels inserted or left
#: out (``द्मित्री`` / ``दिमित्री``), in ``o`` written as ``ो`` or ``ू`` (``बलोच`` / ``बलूच``) and in ``z``
#: written as ``ज़`` or ``स`` (``अलवारेज`` / ``अल्वारेस``).
_LOOSE_FOLD = str.maketrans({"\u093f": None, "\u0941": None, "\u094b": None, "ज": "स"})
#: An ``ा`` inside a word, not at its end (which marks a feminine name: ``सुनीता`` / ``सुनीत``), is
#: inserted or left out (``सेल्वराज`` / ``सेल्वाराज``).
_MEDIAL_AA = re.compile("\u093e(?=\\w)")
#: Names shorter than this (in letters and signs) match too many different names (``करण`` / ``किरण``) ...
_MIN_LOOSE_NAME = 4
#: ... and so do loose keys shorter than this (``सोनी`` / ``सैनी``).
_MIN_LOOSE_KEY = 3


@cache
def person_words() -> frozenset[str]:
    """Folded one-word person names (given names and surnames): the NER model's harvested names and the
    shipped person-name gazetteer."""
    entries = read_entries(sidecar(DEFAULT_MODEL, ".names.tsv"))
    listed = {fold(row[0]) for row in read_table("person_names.tsv")}
    return frozenset(word for word, tag in entries if tag in _PERSON_TAGS and " " not in word) | listed


def is_person_word(word: str) -> bool:
    """Whether ``word`` is a known given name or surname (spelling folded as the NER folds it)."""
    return fold(word) in person_words()


@cache
def given_names() -> frozenset[str]:
    """Folded one-word given names, from the same two lists."""
    entries = read_entries(sidecar(DEFAULT_MODEL, ".names.tsv"))
    listed = {fold(row[0]) for row in read_table("person_names.tsv") if row[1] == "given"}
    return frozenset(word for word, tag in entries if tag == _GIVEN_NAME_TAG and " " not in word) | listed


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a known given name (``रीता``, ``मोहम्मद``), spelling folded as the NER folds it."""
    return fold(word) in given_names()


@lru_cache(maxsize=65536)
def loose_name_key(word: str) -> str | None:
    """A key under which the spellings of one foreign name meet (``सर्गेई``/``सेर्गेई``, ``हार्टवेल``/
    ``हार्टवैल``, ``द्मित्री``/``दिमित्री``, ``बलोच``/``बलूच``, ``सेल्वराज``/``सेल्वाराज``, ``अलवारेज``/``अल्वारेस``); None for a
    word too short to tell."""
    spelt = spelling_key(word)
    key = _MEDIAL_AA.sub("", spelt).translate(_LOOSE_FOLD)
    return key if len(spelt) >= _MIN_LOOSE_NAME and len(key) >= _MIN_LOOSE_KEY else None
