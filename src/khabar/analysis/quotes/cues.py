"""Speech cues ("ने कहा", "का कहना है", "के मुताबिक") and channels ("ट्विटर पर", "प्रेस वार्ता में").

Every word list is a data file in ``data/`` (see the comments at their tops), loaded once and
compared by :func:`khabar.hindi.match_key`, so nukta and chandrabindu spellings match.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.hindi import match_key

from .document import Document

Phrase = tuple[str, ...]


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of ``data/<name>``."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def _key_phrase(entry: str) -> Phrase:
    return tuple(match_key(word) for word in entry.split())


def _phrases(name: str) -> tuple[Phrase, ...]:
    """The entries of ``data/<name>`` as key tuples, longest first."""
    return tuple(sorted({_key_phrase(line) for line in data_lines(name)}, key=len, reverse=True))


def _table(name: str) -> Iterator[tuple[str, str]]:
    """The tab-separated ``key<TAB>value`` rows of ``data/<name>``, the key as a match key."""
    for line in data_lines(name):
        key, value = line.split("\t")
        yield match_key(key), value


def _words(*names: str) -> frozenset[str]:
    """Single-word entries of the files, keyed; a word written with a final ``.`` also matches without it."""
    keys = set()
    for name in names:
        for line in data_lines(name):
            keys.add(match_key(line))
            keys.add(match_key(line.rstrip(".")))
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution phrase: ``genitive`` after the source, ``rest`` after it; ``genitive_in_cue``."""

    genitive: str
    rest: Phrase
    genitive_in_cue: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All word lists of the quote steps, as match keys."""

    cue_verbs: tuple[Phrase, ...]
    auxiliaries: frozenset[str]
    attributions: tuple[Attribution, ...]
    agent_markers: tuple[Phrase, ...]
    pronouns: dict[str, str]
    honorifics: frozenset[str]
    name_suffixes: frozenset[str]
    roles: frozenset[str]
    organisations: frozenset[str]
    channels: tuple[Phrase, ...]
    conjunctions: frozenset[str]
    genitives: frozenset[str]
    indefinites: frozenset[str]
    adverbial_participles: frozenset[str]
    np_stops: frozenset[str]
    clause_words: frozenset[str]
    clause_suffixes: tuple[str, ...]
    role_suffixes: tuple[str, ...]
    cue_adverbs: frozenset[str]
    inverted_attributions: tuple[Phrase, ...]
    former: frozenset[str]
    role_abbreviations: dict[str, Phrase]
    role_complements: frozenset[str]
    jurisdictions: frozenset[str]
    relative_pronouns: frozenset[str]
    introducers: frozenset[str]
    numerals: frozenset[str]
    descriptors: frozenset[str]
    ministry_qualifiers: dict[str, frozenset[str]]
    channel_links: tuple[Phrase, ...]
    addressee_markers: frozenset[str]
    slogan_cues: tuple[Phrase, ...]
    campaign_nouns: frozenset[str]
    work_nouns: frozenset[str]
    gloss_markers: frozenset[str]
    alias_markers: frozenset[str]
    headline_verbs: frozenset[str]
    institution_acronyms: dict[str, str]
    question_addressees: tuple[Phrase, ...]
    relational_nouns: frozenset[str]
    office_areas: dict[str, int]
    name_connectors: frozenset[str]
    participle_modifiers: frozenset[str]
    locatives: frozenset[str]
    ablatives: frozenset[str]
    demonstratives: frozenset[str]
    generic_organisations: dict[str, frozenset[str]]
    emphatic_particles: frozenset[str]
    court_nouns: frozenset[str]
    judge_titles: frozenset[str]
    naming_words: frozenset[str]
    copulas: frozenset[str]
    inscription_verbs: frozenset[str]
    locality_words: frozenset[str]
    middle_names: frozenset[str]
    inner_surnames: frozenset[str]
    common_words: frozenset[str]
    everyday_adverbs: frozenset[str]
    people_nouns: frozenset[str]
    business_nouns: frozenset[str]
    intransitive_verbs: frozenset[str]
    held_participles: frozenset[str]
    age_units: frozenset[str]

    def is_cue_word(self, key: str) -> bool:
        """Whether ``key`` starts a speech verb."""
        return key in _cue_verbs_by_first()

    def is_attribution_word(self, key: str) -> bool:
        """Whether ``key`` opens an attribution phrase after its genitive (``मुताबिक``, ``कहना``)."""
        return key in _attributions_by_first()

    def is_role(self, key: str) -> bool:
        """Whether ``key`` is a role or occupation noun, listed, by its ending (``जिलाध्यक्ष``) or as the
        last part of a hyphenated title (``सह-संस्थापक``)."""
        if key in self.roles or key in self.role_abbreviations or key.endswith(self.role_suffixes):
            return True
        if "-" not in key:
            return False
        last = key.rsplit("-", 1)[-1]
        return bool(last) and (last in self.roles or last.endswith(self.role_suffixes))

    def expand_role(self, roles: Phrase) -> Phrase:
        """Role words with an abbreviated last title spelt out (``एसपी`` -> ``पुलिस अधीक्षक``)."""
        full = self.role_abbreviations.get(roles[-1]) if roles else None
        return roles[:-1] + full if full else roles

    def is_clause_final(self, key: str) -> bool:
        """Whether a word ending a quoted phrase makes it a clause (a verb or auxiliary)."""
        return key in self.clause_words or key.endswith(self.clause_suffixes)


@cache
def lexicon() -> Lexicon:
    """The word lists, loaded once."""
    clause = data_lines("clause_final.txt")
    return Lexicon(
        cue_verbs=_phrases("cue_verbs.txt"),
        auxiliaries=_words("auxiliaries.txt"),
        attributions=tuple(_attribution(line) for line in data_lines("attributions.txt")),
        agent_markers=_phrases("agent_markers.txt"),
        pronouns=dict(_table("pronouns.txt")),
        honorifics=_words("honorifics.txt"),
        name_suffixes=_words("name_suffixes.txt"),
        roles=_words("roles.txt"),
        organisations=_words("organisations.txt"),
        channels=_phrases("channels.txt"),
        conjunctions=_words("conjunctions.txt"),
        genitives=_words("genitives.txt"),
        indefinites=_words("indefinites.txt"),
        adverbial_participles=_words("adverbial_participles.txt"),
        np_stops=_words("np_stops.txt"),
        clause_words=frozenset(match_key(line) for line in clause if not line.startswith("-")),
        clause_suffixes=tuple(match_key(line[1:]) for line in clause if line.startswith("-")),
        role_suffixes=tuple(match_key(line) for line in data_lines("role_suffixes.txt")),
        cue_adverbs=_words("cue_adverbs.txt"),
        inverted_attributions=_phrases("inverted_attributions.txt"),
        former=_words("former.txt"),
        role_abbreviations={short: _key_phrase(full) for short, full in _table("role_abbreviations.txt")},
        role_complements=_words("role_complements.txt"),
        jurisdictions=_words("jurisdictions.txt"),
        relative_pronouns=_words("relative_pronouns.txt"),
        relational_nouns=_words("relational_nouns.txt"),
        introducers=_words("introducers.txt") | _words("genitives.txt"),
        numerals=_words("numerals.txt"),
        descriptors=_words("descriptors.txt"),
        ministry_qualifiers={
            word: frozenset(_key_phrase(heads)) for word, heads in _table("ministry_qualifiers.txt")
        },
        channel_links=_phrases("channel_links.txt"),
        addressee_markers=_words("addressee_markers.txt"),
        slogan_cues=_phrases("slogan_cues.txt"),
        campaign_nouns=_words("campaign_nouns.txt"),
        work_nouns=_words("work_nouns.txt"),
        gloss_markers=_words("gloss_markers.txt"),
        alias_markers=_words("alias_markers.txt"),
        headline_verbs=_words("headline_verbs.txt"),
        institution_acronyms=dict(_table("institution_acronyms.txt")),
        question_addressees=_phrases("question_addressees.txt"),
        office_areas={
            match_key(line.rstrip(" *")): 2 if line.endswith("*") else 1 for line in data_lines("office_areas.txt")
        },
        name_connectors=_words("name_connectors.txt"),
        participle_modifiers=_words("participle_modifiers.txt"),
        locatives=_words("locatives.txt"),
        ablatives=_words("ablatives.txt"),
        demonstratives=_words("demonstratives.txt"),
        generic_organisations={
            word: frozenset(_key_phrase(heads)) for word, heads in _table("generic_organisations.txt")
        },
        emphatic_particles=_words("emphatic_particles.txt"),
        court_nouns=_words("court_nouns.txt"),
        business_nouns=_words("business_nouns.txt"),
        judge_titles=_words("judge_titles.txt"),
        naming_words=_words("naming_words.txt"),
        copulas=_words("copulas.txt"),
        inscription_verbs=_words("inscription_verbs.txt"),
        locality_words=_words("locality_words.txt"),
        middle_names=_words("middle_names.txt"),
        inner_surnames=_words("inner_surnames.txt"),
        common_words=_words("common_words.txt", "everyday_adverbs.txt", "people_nouns.txt"),
        everyday_adverbs=_words("everyday_adverbs.txt"),
        people_nouns=_words("people_nouns.txt"),
        intransitive_verbs=_words("intransitive_verbs.txt"),
        held_participles=_words("held_participles.txt"),
        age_units=_words("age_units.txt"),
    )


def _attribution(line: str) -> Attribution:
    in_cue = line.startswith("*")
    words = _key_phrase(line.lstrip("*"))
    return Attribution(words[0], words[1:], in_cue)


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue over tokens ``[start, end)`` (auxiliaries included).

    For an attribution phrase, ``source_end`` is the token index where the source's phrase ends
    (just before its genitive) and ``pronoun`` the index of a possessive pronoun standing for it.
    """

    start: int
    end: int
    attribution: bool = False
    source_end: int | None = None
    pronoun: int | None = None


@cache
def _cue_verbs_by_first() -> dict[str, tuple[Phrase, ...]]:
    """Speech verbs by their first word, in the lexicon's order (so the longest still wins first)."""
    index: dict[str, list[Phrase]] = {}
    for phrase in lexicon().cue_verbs:
        index.setdefault(phrase[0], []).append(phrase)
    return {key: tuple(phrases) for key, phrases in index.items()}


@cache
def _attributions_by_first() -> dict[str, tuple[Attribution, ...]]:
    """Attribution phrases by the first word of their ``rest``, in the lexicon's order."""
    index: dict[str, list[Attribution]] = {}
    for attribution in lexicon().attributions:
        if attribution.rest:
            index.setdefault(attribution.rest[0], []).append(attribution)
    return {key: tuple(items) for key, items in index.items()}


@cache
def _cue_first_words() -> frozenset[str]:
    """Every word a cue may start with: the first word of a speech verb or of an attribution's ``rest``."""
    return frozenset(_cue_verbs_by_first()) | frozenset(_attributions_by_first())


#: Phrase lists long enough to be worth indexing by a word (the lexicon's lists; short ad-hoc tuples are not).
_INDEXED_MINIMUM = 8
_WORD_INDEXES: dict[tuple[int, int], tuple[tuple[Phrase, ...], dict[str, tuple[Phrase, ...]]]] = {}


def phrases_by_word(phrases: tuple[Phrase, ...], position: int) -> dict[str, tuple[Phrase, ...]]:
    """``phrases`` grouped by their word at ``position`` (0 first, -1 last), each group in list order.

    Built once per phrase list (the lexicon's lists live as long as the process).
    """
    entry = _WORD_INDEXES.get((id(phrases), position))
    if entry is None or entry[0] is not phrases:
        index: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            if phrase:
                index.setdefault(phrase[position], []).append(phrase)
        entry = (phrases, {key: tuple(group) for key, group in index.items()})
        _WORD_INDEXES[(id(phrases), position)] = entry
    return entry[1]


def phrase_at(keys: list[str], index: int, phrases: tuple[Phrase, ...], stop: int) -> int:
    """Length of the longest of ``phrases`` at ``keys[index:]`` ending by ``stop``, 0 if none."""
    if len(phrases) >= _INDEXED_MINIMUM:
        if index >= len(keys):
            return 0
        phrases = phrases_by_word(phrases, 0).get(keys[index], ())
    for phrase in phrases:
        end = index + len(phrase)
        if end <= stop and tuple(keys[index:end]) == phrase:
            return len(phrase)
    return 0


def cues_between(doc: Document, first: int, stop: int) -> list[Cue]:
    """The speech cues among tokens ``[first, stop)`` outside quoted speech, in order."""
    found: list[Cue] = []
    starts = _cue_first_words()
    index = first
    while index < stop:
        cue = None if doc.masked[index] or doc.keys[index] not in starts else cue_at(doc, index, stop)
        if cue is None:
            index += 1
            continue
        found.append(cue)
        index = cue.end
    return found


def cue_at(doc: Document, index: int, stop: int) -> Cue | None:
    """The cue starting at token ``index`` (an attribution's ``rest`` or a speech verb), if any."""
    keys = doc.keys
    for attribution in _attributions_by_first().get(keys[index], ()):
        length = phrase_at(keys, index, (attribution.rest,), stop)
        if length and index > 0:
            cue = _attribution_cue(doc, index, length, attribution, stop)
            if cue:
                return cue
    length = phrase_at(keys, index, _cue_verbs_by_first().get(keys[index], ()), stop)
    if length:
        return Cue(index, _with_auxiliaries(keys, index + length, stop))
    return None


def _attribution_cue(
    doc: Document, index: int, length: int, attribution: Attribution, stop: int
) -> Cue | None:
    before = doc.keys[index - 1]
    end = _with_auxiliaries(doc.keys, index + length, stop)
    if before == attribution.genitive:
        start = index - 1 if attribution.genitive_in_cue else index
        return Cue(start, end, attribution=True, source_end=index - 1)
    if lexicon().pronouns.get(before) == "possessive":
        return Cue(index, end, attribution=True, pronoun=index - 1)
    return None


def _with_auxiliaries(keys: list[str], index: int, stop: int) -> int:
    while index < stop and keys[index] in lexicon().auxiliaries:
        index += 1
    return index


def channel_between(doc: Document, first: int, stop: int) -> tuple[int, int] | None:
    """Token range of the channel phrase among ``[first, stop)`` closest to ``stop``, if any."""
    channels = lexicon().channels
    best = None
    index = first
    while index < stop:
        length = 0 if doc.masked[index] else phrase_at(doc.keys, index, channels, stop)
        if length:
            best = (index, index + length)
            index += length
        else:
            index += 1
    return best
