"""English glosses for Hindi entity mentions: a gloss in the text, a gazetteer name, or a romanisation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .features import fold, read_table

_HALANT = "\u094d"
_NUKTA = "\u093c"
_LABIALS = ("p", "ph", "b", "bh", "m")
_PARENTHETICAL = re.compile(r"\s*[(\[]\s*([A-Za-z][A-Za-z .'&-]{0,60}?)\s*[)\]]")
_GAZETTEER_KINDS = {"cty", "city", "lang", "inp"}


@dataclass
class _Syllable:
    """A consonant (or none) with its vowel; ``inherent`` marks an unwritten ``a`` that may be dropped."""

    consonant: str = ""
    vowel: str | None = None
    inherent: bool = False
    nasal: str = ""
    halant: bool = False


@cache
def _letters() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in read_table("romanisation.tsv") if len(row) >= 3}


@cache
def _gazetteer() -> dict[str, str]:
    """Hindi name (folded) -> English name, from the CLDR, Indian place and organisation lists."""
    names: dict[str, str] = {}
    for row in read_table("indian_places.tsv"):
        names.setdefault(fold(row[0]), row[1])
    for row in read_table("organisations.tsv"):
        names.setdefault(fold(row[0]), row[1])
    for row in read_table("cldr_names.tsv"):
        if len(row) >= 3 and row[2] in _GAZETTEER_KINDS:
            names.setdefault(fold(row[0]), row[1])
    return names


def _syllables(word: str) -> list[_Syllable | str]:
    """Split a Devanagari word into syllables; characters outside the table pass through as strings."""
    letters = _letters()
    chars = unicodedata.normalize("NFD", word)
    units: list[_Syllable | str] = []
    i = 0
    while i < len(chars):
        ch = chars[i]
        if chars[i : i + 3] in letters:
            ch = chars[i : i + 3]
        elif chars[i : i + 2] in letters:
            ch = chars[i : i + 2]
        i += len(ch)
        roman, kind = letters.get(ch, (None, ""))
        last = units[-1] if units else None
        if kind == "consonant":
            units.append(_Syllable(roman, "a", inherent=True))
        elif kind == "vowel":
            units.append(_Syllable("", roman))
        elif kind == "sign" and isinstance(last, _Syllable) and last.inherent:
            last.vowel, last.inherent = roman, False
        elif ch == _HALANT and isinstance(last, _Syllable) and last.inherent:
            last.vowel, last.inherent, last.halant = None, False, True
        elif kind == "nasal" and isinstance(last, _Syllable):
            last.nasal = roman
        elif roman is not None:
            units.append(roman)
        elif ch != _NUKTA:
            units.append(ch)
    return units


def _delete_schwas(units: list[_Syllable | str]) -> None:
    """Drop the inherent ``a`` at the end of a word and between a vowel and a consonant-vowel pair."""
    sylls = [u for u in units if isinstance(u, _Syllable)]
    if len(sylls) < 2:
        return
    last, before = sylls[-1], sylls[-2]
    keeps_final = before.halant or (last.consonant == "y" and before.vowel == "i") or last.nasal
    if last.inherent and not keeps_final:
        last.vowel = None
    for i in range(1, len(sylls) - 1):
        current, previous, following = sylls[i], sylls[i - 1], sylls[i + 1]
        if (
            current.inherent
            and not current.nasal
            and previous.vowel is not None
            and following.consonant
            and following.vowel is not None
        ):
            current.vowel = None


def _consonant(unit: _Syllable, previous: _Syllable | str | None) -> str:
    """``v`` reads ``w`` in a cluster (``स्वामी``), after a dropped vowel before ``a`` (``बाजवा``), or as ``वा``."""
    if unit.consonant != "v" or not isinstance(previous, _Syllable):
        return unit.consonant
    if previous.halant or (unit.vowel == "a" and (previous.vowel is None or not unit.inherent)):
        return "w"
    return "v"


def _render(units: list[_Syllable | str]) -> str:
    out: list[str] = []
    for index, unit in enumerate(units):
        if isinstance(unit, str):
            out.append(unit)
            continue
        out.append(_consonant(unit, units[index - 1] if index else None) + (unit.vowel or ""))
        if unit.nasal:
            following = units[index + 1] if index + 1 < len(units) else None
            labial = isinstance(following, _Syllable) and following.consonant in _LABIALS
            out.append("m" if labial and unit.nasal == "n" else unit.nasal)
    return "".join(out)


@cache
def romanise_word(word: str) -> str:
    """A readable Latin spelling of one Devanagari word (``लावरोव`` -> ``lavrov``), lower case."""
    units = _syllables(word)
    _delete_schwas(units)
    return _render(units)


def romanise(name: str) -> str:
    """A readable, capitalised romanisation of a (multi-word) Devanagari name: ``इमरान खान`` -> ``Imran Khan``.

    Words with a conventional English spelling (``data/name_spellings.tsv``) take it.
    """
    spellings = _name_spellings()
    words = [spellings.get(fold(w)) or romanise_word(w) for w in name.split()]
    return " ".join(w[:1].upper() + w[1:] for w in words if w)


@cache
def _name_spellings() -> dict[str, str]:
    return {fold(row[0]): row[1] for row in read_table("name_spellings.tsv") if len(row) >= 2}


def gloss_in_context(name: str, context: str | None) -> str | None:
    """An English gloss written in brackets right after the mention, as in ``रूस (Russia)``."""
    if not context or not name:
        return None
    start = context.find(name)
    while start >= 0:
        match = _PARENTHETICAL.match(context, start + len(name))
        if match:
            return match.group(1).strip()
        start = context.find(name, start + 1)
    return None


def gazetteer_name(name: str) -> str | None:
    """The English name of a country, region, language or Indian place written in Hindi."""
    return _gazetteer().get(fold(" ".join(name.split())))


def english_gloss(name: str, label: str | None = None, context: str | None = None) -> str | None:
    """An English rendering of a Hindi entity mention.

    Tries, in order: a bracketed English gloss right after the mention in ``context``; for places and
    organisations, the CLDR/Indian-place gazetteer; a name already in Latin script; a romanisation.
    Returns None when the mention has no letters.
    """
    name = " ".join(name.split())
    if not name:
        return None
    found = gloss_in_context(name, context)
    if found:
        return found
    if label != "PER":
        found = gazetteer_name(name)
        if found:
            return found
    if not re.search(r"[\u0900-\u097f]", name):
        return name if re.search(r"[^\W\d_]", name) else None
    return romanise(name) or None
