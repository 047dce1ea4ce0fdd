"""Who speaks: the noun phrase of a cue's source, its kind, and one canonical key per person.

A source is read back from its marker (``ने``, ``द्वारा``, ``की ओर से``, an attribution's genitive)
or, for cues without one (``X कहते हैं``), from the cue itself, until a stop word (data/np_stops.txt),
punctuation or quoted speech. The phrase is then one of:

- ``pronoun`` (``उन्होंने``, ``वह``, ``उनका``): resolved to the last person named before it;
- ``organisation`` / ``description``: it ends in an organisation or role noun and is kept whole
  (``पाकिस्तानी सेना``, ``पूजा की माँ``, ``एक बीजेपी नेता``);
- ``group``: two sources joined by a conjunction (``राम और श्याम``);
- ``name``: the words after the last honorific, role, organisation noun or genitive
  (``विदेश मंत्री लावरोव`` -> ``लावरोव``).

Surface versus key: the speaker's surface form is the name as written without the titles before
it (``डॉ. कविता रमन`` -> ``कविता रमन``, ``मोदी जी`` keeps ``जी``); its canonical key is the first
fuller name in the article that ends with it (``कुरैशी`` -> ``शाह महमूद कुरैशी``), with honorifics
and name suffixes dropped, or the entity's canonical key when entities are given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

from khabar.hindi import match_key

from .cues import Cue, Phrase, cues_between, lexicon, phrase_at
from .document import Document

SpeakerKind = Literal["name", "description", "organisation", "pronoun", "group"]
_MAX_PHRASE_WORDS = 10
_MAX_NAME_WORDS = 4
_ANTECEDENT_WINDOW = 4
_SENTENCE_END = frozenset("।॥?!")


class EntityLike(Protocol):
    """What the speaker steps read from an entity span (see :class:`khabar.analysis.quotes.EntitySpan`)."""

    start: int
    end: int
    label: str
    text: str
    canonical: str | None


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """A source: surface tokens ``[start, end)``, the whole phrase from ``first``, and its ``kind``."""

    kind: SpeakerKind
    start: int
    end: int
    first: int
    entity: EntityLike | None = None


def noun_phrase(doc: Document, stop: int, floor: int) -> tuple[int, int] | None:
    """Token range of the noun phrase ending just before token ``stop`` (not before ``floor``).

    A conjunction right after ``का/के/की`` ends the phrase: that word is the verb ``की`` (``बात की और``).
    """
    lex = lexicon()
    index = stop
    while index > floor and stop - index < _MAX_PHRASE_WORDS:
        prev = index - 1
        key = doc.keys[prev]
        if doc.masked[prev] or key in lex.np_stops or lex.is_cue_word(key):
            break
        if not doc.is_word(prev) and not _is_abbreviation_dot(doc, prev):
            break
        if key in lex.conjunctions and prev > floor and doc.keys[prev - 1] in lex.genitives:
            break
        use = lex.pronouns.get(key)
        if use == "ergative" and index < stop:
            break
        index = prev
        if use == "possessive":
            break
    while index < stop and (doc.keys[index] in lex.genitives | lex.conjunctions or not doc.is_word(index)):
        index += 1
    return (index, stop) if index < stop else None


def _is_abbreviation_dot(doc: Document, index: int) -> bool:
    """A ``.`` right after a short word or an honorific (``डॉ.``, ``ए.``): part of the name phrase."""
    if doc.word(index) != "." or index == 0 or doc.tokens[index - 1].end != doc.tokens[index].start:
        return False
    before = doc.keys[index - 1]
    return before in lexicon().honorifics or len(before) <= 2


def analyse(doc: Document, first: int, stop: int, entities: list[EntityLike]) -> SpeakerPhrase:
    """The kind and surface tokens of the phrase over tokens ``[first, stop)``."""
    lex = lexicon()
    keys = doc.keys[first:stop]
    if len(keys) == 1 and keys[0] in lex.pronouns:
        return SpeakerPhrase("pronoun", first, stop, first)
    entity = _entity_ending(doc, first, stop, entities)
    if entity is not None:
        return _entity_phrase(doc, first, stop, entity)
    head = _head_index(doc, first, stop)
    if doc.keys[head] in lex.organisations:
        return SpeakerPhrase("organisation", _description_start(doc, first, stop), stop, first)
    if doc.keys[head] in lex.roles:
        return SpeakerPhrase("description", _description_start(doc, first, stop), stop, first)
    if any(key in lex.conjunctions for key in keys):
        return SpeakerPhrase("group", first, stop, first)
    return SpeakerPhrase("name", _name_start(doc, first, stop), stop, first)


def _description_start(doc: Document, first: int, stop: int) -> int:
    """A description starts at its last indefinite word (``इलाक़े के एक बीजेपी नेता`` -> ``एक बीजेपी नेता``)."""
    indefinites = lexicon().indefinites
    starts = [index for index in range(first, stop) if doc.keys[index] in indefinites]
    return starts[-1] if starts else first


def _head_index(doc: Document, first: int, stop: int) -> int:
    """The last word of the phrase that is not a name suffix (``जी``)."""
    head = stop - 1
    while head > first and doc.keys[head] in lexicon().name_suffixes:
        head -= 1
    return head


def _name_start(doc: Document, first: int, stop: int) -> int:
    """First token after the last title, role, organisation noun or genitive (and any dot after it)."""
    lex = lexicon()
    titles = lex.honorifics | lex.roles | lex.organisations | lex.genitives
    start = first
    for index in range(first, stop):
        if doc.keys[index] in titles or not doc.is_word(index):
            start = index + 1
    return start if start < stop else first


def _entity_ending(doc: Document, first: int, stop: int, entities: list[EntityLike]) -> EntityLike | None:
    """An entity inside the phrase that ends at its head word."""
    lo = doc.tokens[first].start
    head_end = doc.tokens[_head_index(doc, first, stop)].end
    for entity in entities:
        if lo <= entity.start and entity.end == head_end:
            return entity
    return None


def _entity_phrase(doc: Document, first: int, stop: int, entity: EntityLike) -> SpeakerPhrase:
    start = doc.first_token_at(entity.start)
    kind: SpeakerKind = "name" if entity.label == "PER" else "organisation"
    return SpeakerPhrase(kind, start, stop, first, entity)


def phrase_ending_at(keys: list[str], index: int, phrases: tuple[Phrase, ...]) -> int:
    """Length of the longest of ``phrases`` ending at ``keys[index]``, 0 if none."""
    for phrase in phrases:
        start = index - len(phrase) + 1
        if start >= 0 and phrase_at(keys, start, (phrase,), index + 1):
            return len(phrase)
    return 0


def source_of(doc: Document, cue: Cue, floor: int, entities: list[EntityLike]) -> SpeakerPhrase | None:
    """The source of ``cue``: the phrase before its marker, else the subject right before the cue."""
    if cue.pronoun is not None:
        return SpeakerPhrase("pronoun", cue.pronoun, cue.pronoun + 1, cue.pronoun)
    if cue.source_end is not None:
        return _phrase_before(doc, cue.source_end, floor, entities)
    found = _marked_source(doc, cue.start - 1, floor, entities)
    if found is not None:
        return found
    stop = cue.start
    while stop > floor and doc.keys[stop - 1] in ("भी", "ही"):
        stop -= 1
    return _phrase_before(doc, stop, floor, entities)


def _phrase_before(doc: Document, stop: int, floor: int, entities: list[EntityLike]) -> SpeakerPhrase | None:
    span = noun_phrase(doc, stop, floor)
    return analyse(doc, *span, entities) if span else None


def _marked_source(doc: Document, index: int, floor: int, entities: list[EntityLike]) -> SpeakerPhrase | None:
    """Read back from token ``index`` for ``ने``, an ergative pronoun, ``द्वारा`` or ``X के बयान``."""
    lex = lexicon()
    keys = doc.keys
    while index >= floor:
        key = keys[index]
        if doc.masked[index] or key == "कि" or doc.word(index) in _SENTENCE_END:
            return None
        if lex.pronouns.get(key) == "ergative":
            return SpeakerPhrase("pronoun", index, index + 1, index)
        marker = phrase_ending_at(keys, index, lex.agent_markers)
        if marker:
            return _phrase_before(doc, index - marker + 1, floor, entities)
        channel = phrase_ending_at(keys, index, lex.channels)
        before_channel = index - channel
        if channel and before_channel >= floor and keys[before_channel] in lex.genitives:
            return _phrase_before(doc, before_channel, floor, entities)
        if _ends_clause(keys, index):
            return None
        index -= 1
    return None


def _ends_clause(keys: list[str], index: int) -> bool:
    """A finite verb at ``index``: not an adverbial participle, and not followed by ``और`` (``किया और कहा``)."""
    lex = lexicon()
    if keys[index] not in lex.clause_words or keys[index] in lex.adverbial_participles:
        return False
    return not (index + 1 < len(keys) and keys[index + 1] in lex.conjunctions)


@dataclass(slots=True)
class _NameEntry:
    position: int
    keys: tuple[str, ...]
    text: str
    roles: tuple[str, ...]


def _name_keys(doc: Document, start: int, end: int) -> tuple[str, ...]:
    """Keys of the words of a name, without name suffixes (``जी``) and dots."""
    suffixes = lexicon().name_suffixes
    return tuple(doc.keys[i] for i in range(start, end) if doc.is_word(i) and doc.keys[i] not in suffixes)


@dataclass(slots=True)
class NameIndex:
    """Full names met in the article (after a title or role, as sources, as PER entities), in order."""

    doc: Document
    entries: list[_NameEntry] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Document, entities: list[EntityLike]) -> NameIndex:
        """Index the names after honorifics and roles, and the PER entities."""
        index = cls(doc)
        lex = lexicon()
        titles = lex.honorifics | lex.roles | lex.organisations
        for position, key in enumerate(doc.keys):
            if key in titles:
                index._add_after_title(position)
        for entity in entities:
            if entity.label == "PER":
                first, stop = doc.first_token_at(entity.start), doc.first_token_at(entity.end)
                if first < stop:
                    index.add(first, stop)
        index.entries.sort(key=lambda entry: entry.position)
        return index

    def _add_after_title(self, title: int) -> None:
        """Record the words after a title, each prefix as a candidate (where the name ends is unknown);
        the role is linked to the first two words."""
        doc = self.doc
        lex = lexicon()
        blocked = (
            lex.np_stops | lex.genitives | lex.roles | lex.organisations | lex.honorifics | lex.conjunctions
        )
        start = title + 1
        while start < len(doc.keys) and _is_abbreviation_dot(doc, start):
            start += 1
        stop = start
        while (
            stop < len(doc.keys)
            and stop - start < _MAX_NAME_WORDS
            and doc.is_word(stop)
            and doc.keys[stop] not in blocked
            and doc.keys[stop] not in lex.pronouns
            and not lex.is_cue_word(doc.keys[stop])
        ):
            stop += 1
        roles = tuple(doc.keys[max(title - 1, 0) : title + 1])
        for end in range(start + 1, stop + 1):
            self.add(start, end, roles if end - start == min(2, stop - start) else ())

    def add(self, start: int, stop: int, roles: tuple[str, ...] = ()) -> None:
        """Record the name over tokens ``[start, stop)``."""
        keys = _name_keys(self.doc, start, stop)
        if keys:
            self.entries.append(_NameEntry(start, keys, _name_text(self.doc, start, stop), roles))

    def full_name(self, start: int, stop: int) -> str:
        """The first name in the article that ends with (else starts with) the name over ``[start, stop)``."""
        keys = _name_keys(self.doc, start, stop)
        longer = [entry for entry in self.entries if len(entry.keys) > len(keys)]
        for entry in longer:
            if entry.keys[-len(keys) :] == keys:
                return entry.text
        for entry in longer:
            if len(keys) == 1 and entry.keys[0] == keys[0]:
                return entry.text
        return _name_text(self.doc, start, stop)

    def person_with_role(self, start: int, stop: int) -> str | None:
        """The one name written after the role words ending the description ``[start, stop)``, if unique."""
        roles = tuple(self.doc.keys[max(stop - 2, start) : stop])
        names = {}
        for entry in self.entries:
            if entry.roles and entry.roles[-len(roles) :] == roles[-len(entry.roles) :]:
                names.setdefault(self.full_name_keys(entry.keys), entry.text)
        return next(iter(names.values())) if len(names) == 1 else None

    def full_name_keys(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        """The keys of the first longer name ending with ``keys`` (``keys`` itself if none)."""
        for entry in self.entries:
            if len(entry.keys) > len(keys) and entry.keys[-len(keys) :] == keys:
                return entry.keys
        return keys


def _name_text(doc: Document, start: int, stop: int) -> str:
    """The original text of a name, without trailing name suffixes."""
    suffixes = lexicon().name_suffixes
    while stop - 1 > start and (doc.keys[stop - 1] in suffixes or not doc.is_word(stop - 1)):
        stop -= 1
    return doc.tokens_text(start, stop)


@dataclass(slots=True)
class Mention:
    """A source met in the text, with its canonical key (None: unresolved) and whether it speaks."""

    phrase: SpeakerPhrase
    sentence: int
    canonical: str | None
    speaks: bool


@dataclass(slots=True)
class Speakers:
    """Canonical keys of sources, and the sources of every sentence for resolving pronouns."""

    doc: Document
    names: NameIndex
    entities: list[EntityLike]
    mentions: list[list[Mention]] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Document, entities: list[EntityLike]) -> Speakers:
        """Index names and collect each sentence's sources, resolving pronouns in reading order."""
        speakers = cls(doc, NameIndex.build(doc, entities), entities)
        known = {
            doc.keys[doc.first_token_at(e.end) - 1]: e.canonical or e.text
            for e in entities
            if e.label == "PER"
        }
        for sentence in range(len(doc.sentences)):
            found = []
            speakers.mentions.append(found)
            for phrase, speaks in _sources_in(doc, sentence, entities):
                canonical = speakers.canonical(phrase, sentence)
                found.append(Mention(phrase, sentence, canonical, speaks))
                if phrase.kind == "name" and canonical:
                    known[doc.keys[phrase.end - 1]] = canonical
            found.extend(_named_in(doc, sentence, known, found))
            found.sort(key=lambda mention: mention.phrase.start)
        return speakers

    def canonical(self, phrase: SpeakerPhrase, sentence: int) -> str | None:
        """The key of ``phrase``: entity key, full name, resolved antecedent, or the description."""
        if phrase.entity is not None:
            return phrase.entity.canonical or phrase.entity.text
        if phrase.kind == "name":
            return self.names.full_name(phrase.start, phrase.end)
        if phrase.kind == "pronoun":
            return self.antecedent(phrase.start, sentence)
        if phrase.kind == "description" and self.doc.keys[phrase.start] not in lexicon().indefinites:
            head = _head_index(self.doc, phrase.start, phrase.end)
            return self.names.person_with_role(phrase.start, head + 1) or _description_key(self.doc, phrase)
        return _description_key(self.doc, phrase)

    def antecedent(self, token: int, sentence: int) -> str | None:
        """The person a pronoun at ``token`` stands for: the nearest sentence's speaking source, else its
        only person; None when that sentence names several people and none of them speaks."""
        for index in range(min(sentence, len(self.mentions) - 1), max(sentence - _ANTECEDENT_WINDOW, -1), -1):
            found = [
                mention
                for mention in self.mentions[index]
                if mention.canonical
                and mention.phrase.kind in ("name", "description", "pronoun")
                and mention.phrase.end <= token
            ]
            if not found:
                continue
            speaking = [mention for mention in found if mention.speaks]
            pool = speaking or found
            if speaking or len({match_key(mention.canonical or "") for mention in pool}) == 1:
                return pool[-1].canonical
            return None
        return None


def _named_in(doc: Document, sentence: int, known: dict[str, str], sources: list[Mention]) -> list[Mention]:
    """Other mentions in ``sentence`` of people named before (by the last word of their name)."""
    covered = {index for mention in sources for index in range(mention.phrase.first, mention.phrase.end)}
    first, stop = doc.sentence_tokens(sentence)
    return [
        Mention(SpeakerPhrase("name", index, index + 1, index), sentence, known[doc.keys[index]], False)
        for index in range(first, stop)
        if doc.keys[index] in known and index not in covered and not doc.masked[index]
    ]


def _description_key(doc: Document, phrase: SpeakerPhrase) -> str:
    """A description or organisation without leading honorifics, as written."""
    start = phrase.start
    honorifics = lexicon().honorifics
    while start < phrase.end - 1 and (doc.keys[start] in honorifics or not doc.is_word(start)):
        start += 1
    return doc.tokens_text(start, phrase.end)


def _sources_in(doc: Document, sentence: int, entities: list[EntityLike]) -> list[tuple[SpeakerPhrase, bool]]:
    """Sources of one sentence in order: those of its cues (speaking) and other ``ने`` / ``द्वारा`` agents."""
    lex = lexicon()
    first, stop = doc.sentence_tokens(sentence)
    found: dict[int, tuple[SpeakerPhrase, bool]] = {}
    for cue in cues_between(doc, first, stop):
        phrase = source_of(doc, cue, first, entities)
        if phrase is not None:
            found[phrase.start] = (phrase, True)
    for index in range(first, stop):
        if doc.masked[index]:
            continue
        if lex.pronouns.get(doc.keys[index]) == "ergative":
            phrase = SpeakerPhrase("pronoun", index, index + 1, index)
        else:
            marker = phrase_ending_at(doc.keys, index, lex.agent_markers)
            span = noun_phrase(doc, index - marker + 1, first) if marker else None
            phrase = analyse(doc, *span, entities) if span else None
        if phrase is not None:
            found.setdefault(phrase.start, (phrase, False))
    return [found[start] for start in sorted(found)]
