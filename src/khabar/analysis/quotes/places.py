"""Place words for speaker names: a place written between an office title and a name is no part of the
name (``एसीपी लोनी अंकुर विहान`` -> ``अंकुर विहान``)."""

from __future__ import annotations

from functools import cache

from khabar.hindi import match_key

from ..ner.features import read_lines, read_table
from .cues import lexicon
from .document import Document

_GAZETTEER_KINDS = frozenset({"city", "cty"})


@cache
def _gazetteer_keys() -> frozenset[str]:
    """One-word place names from the NER's Indian-places and CLDR lists (read-only), as match keys."""
    names = [row[0] for row in read_table("indian_places.tsv")]
    names += [row[0] for row in read_table("cldr_names.tsv") if len(row) >= 3 and row[2] in _GAZETTEER_KINDS]
    return frozenset(match_key(name) for name in names if " " not in name.strip())


@cache
def place_cues() -> frozenset[str]:
    """Words that follow a place name (``लोनी इलाके``, ``मेरठ जिले``), from the NER's cue list, and the
    administrative units of officers' titles (``बंजार उपमंडल``)."""
    return frozenset(match_key(line) for line in read_lines("loc_cues.txt")) | lexicon().jurisdictions


def is_place(doc: Document, index: int) -> bool:
    """Whether the word at ``index`` is a place: a gazetteer name, or a word the article writes before a
    place cue somewhere (``लोनी इलाके में``)."""
    key = doc.keys[index]
    if key in _gazetteer_keys():
        return True
    if doc.place_words is None:
        cues = place_cues()
        doc.place_words = frozenset(doc.keys[i] for i in range(len(doc.keys) - 1) if doc.keys[i + 1] in cues)
    return key in doc.place_words
