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

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, Protocol

from khabar.hindi import match_key
from khabar.hindi.normalise import match_text

from .cues import Cue, Phrase, cue_at, cues_between, lexicon, phrase_at, phrases_by_word
from .document import Document
from .names import is_given_name, is_person_word, loose_name_key
from .places import is_place, place_cues

SpeakerKind = Literal["name", "description", "organisation", "pronoun", "group"]
_MAX_PHRASE_WORDS = 10
_MAX_INVERTED_SOURCE_WORDS = 16
_MAX_NAME_WORDS = 4
_ANTECEDENT_WINDOW = 4
#: A speech verb with no subject at all (``फिर हंसकर बोलीं,``, ``जवाब आया,``) reaches further back, to the
#: person the interview is about: the sentences between often name no one (``करीब 18 हजार सब्सक्राइबर हैं.``).
SUBJECTLESS_WINDOW = 8
_SENTENCE_END = frozenset("।॥?!")
_MAX_BRACKET_TOKENS = 14
_MAX_RELATIVE_CLAUSE_TOKENS = 30
CONJUNCTIVE_ENDING = "कर"
_POSSESSOR_REACH = 4
_MAX_PARTICIPLE_CLAUSE = 6
_MAX_ADDRESSEE_WORDS = 3
_OBLIQUE_PLURAL = "ों"
_QUOTE_MARKS = frozenset("'\"‘’“”")
_MAX_QUOTED_NAME_TOKENS = 6
_MAX_NAMING_REACH = 5


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

    A conjunction right after ``का/के/की`` ends the phrase: that word is the verb ``की`` (``बात की और``);
    so does a relational noun after one, a compound postposition (``सीमा के पास सीमा सुरक्षा बल``), and an
    object pronoun before it (``इसमें वह … कहते नजर आ रहे हैं``: ``इसमें`` is no part of the subject).
    """
    lex = lexicon()
    opening = _bracket_opening(doc, stop - 1, floor)
    if opening is not None:
        stop = opening
    index = stop
    while index > floor and stop - index < _MAX_PHRASE_WORDS:
        prev = index - 1
        key = doc.keys[prev]
        if doc.masked[prev] or key in lex.np_stops or key in lex.headline_verbs or lex.is_cue_word(key):
            break
        opening = _bracket_opening(doc, prev, floor) if index < stop else None
        if opening is not None:
            index = opening
            continue
        if not doc.is_word(prev) and not _is_abbreviation_dot(doc, prev):
            break
        if key in lex.conjunctions and prev > floor and doc.keys[prev - 1] in lex.genitives:
            break
        if key in lex.relational_nouns and prev > floor and doc.keys[prev - 1] in lex.genitives:
            break
        use = lex.pronouns.get(key)
        if use in ("ergative", "object") and index < stop:
            break
        index = prev
        if use == "possessive":
            break
    while index < stop and (
        doc.keys[index] in lex.genitives or doc.keys[index] in lex.conjunctions or not doc.is_word(index)
    ):
        index += 1
    return (index, stop) if index < stop else None


def _bracket_opening(doc: Document, close: int, floor: int) -> int | None:
    """The ``(`` of a short bracketed abbreviation closed at token ``close`` (``विभाग (आईएमडी)``), if any."""
    if close < floor or doc.word(close) != ")":
        return None
    for index in range(close - 1, max(close - _MAX_BRACKET_TOKENS, floor - 1), -1):
        if doc.masked[index] or doc.word(index) in _SENTENCE_END:
            return None
        if doc.word(index) == "(":
            return index
    return None


def _bracket_closing(doc: Document, open_: int) -> int | None:
    """The token after the ``)`` of a short bracketed group opened at token ``open_``, if any."""
    if open_ >= len(doc.tokens) or doc.word(open_) != "(":
        return None
    for index in range(open_ + 1, min(open_ + _MAX_BRACKET_TOKENS, len(doc.tokens))):
        if doc.masked[index] or doc.word(index) in _SENTENCE_END:
            return None
        if doc.word(index) == ")":
            return index + 1
    return None


def _is_abbreviation_dot(doc: Document, index: int) -> bool:
    """A ``.`` right after a short word or an honorific (``डॉ.``, ``ए.``): part of the name phrase; never one
    that ends its line (``… रिटायर्ड सूबेदार मेजर.`` closing a paragraph)."""
    if doc.word(index) != "." or index == 0 or doc.tokens[index - 1].end != doc.tokens[index].start:
        return False
    following = index + 1
    if following < len(doc.tokens) and "\n" in doc.text[doc.tokens[index].end : doc.tokens[following].start]:
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
    alias = _alias_marker(doc, first, stop)
    if alias is not None:
        named = analyse(doc, first, alias, entities)
        return SpeakerPhrase(named.kind, named.start, stop, first, named.entity)
    named = _name_after_descriptor(doc, first, stop)
    if named is not None:
        return SpeakerPhrase("name", named, stop, first)
    head = _connected_head(doc, first, _head_index(doc, first, stop))
    if doc.keys[head] in lex.organisations:
        return SpeakerPhrase("organisation", _organisation_start(doc, first, head), stop, first)
    if _is_indefinite(doc, first, head):
        titled = _titled_name_start(doc, first, stop)
        if titled is not None:
            return SpeakerPhrase("name", titled, stop, first)
        return SpeakerPhrase("description", _indefinite_start(doc, first, head), stop, first)
    if (lex.is_role(doc.keys[head]) or _is_role_complement(doc, head)) and not _is_surname(doc, head, first):
        return SpeakerPhrase("description", first, stop, first)
    start = _name_start(doc, first, stop)
    if any(key in lex.conjunctions for key in doc.keys[start:stop]):
        return SpeakerPhrase("group", start, stop, first)
    return SpeakerPhrase("name", start, stop, first)


def _connected_head(doc: Document, first: int, head: int) -> int:
    """The organisation noun an English connector joins to the words after it up to the head, with no
    genitive or title between (``प्रेस क्लब ऑफ इंडिया`` -> ``क्लब``), else ``head``."""
    lex = lexicon()
    for index in range(head, first, -1):
        if doc.keys[index] in lex.genitives or _is_title(doc, index):
            break
        if doc.keys[index] in lex.name_connectors and doc.keys[index - 1] in lex.organisations:
            return index - 1
    return head


def _name_after_descriptor(doc: Document, first: int, stop: int) -> int | None:
    """Where the name starts in a description that ends with one after an age or other descriptor
    (``एक मकान के मालिक 55 वर्षीय गोविंद सिंह रावत`` -> ``गोविंद सिंह रावत``), else None."""
    descriptors = lexicon().descriptors
    for index in range(stop - 2, first - 1, -1):
        if doc.keys[index] in descriptors:
            names = range(index + 1, stop)
            return index + 1 if all(_is_name_word(doc, i) for i in names) else None
    return None


def _titled_name_start(doc: Document, first: int, stop: int) -> int | None:
    """Where the name starts when an indefinite description ends in a title and a name of two or three
    words (``एक गांव की आशा कार्यकर्ता सुनीता पाल`` -> ``सुनीता पाल``), or of one word after an honorific
    (``एक आश्रम के महंत स्वामी हरिचेतनानंद`` -> ``हरिचेतनानंद``), else None."""
    start = _name_start(doc, first, stop)
    if start == first or not is_title_word(doc, start - 1):
        return None
    shortest = 1 if doc.keys[start - 1] in lexicon().honorifics else 2
    if not shortest <= stop - start <= 3:
        return None
    indefinites = lexicon().indefinites
    names = range(start, stop)
    return start if all(_is_name_word(doc, i) and doc.keys[i] not in indefinites for i in names) else None


def _alias_marker(doc: Document, first: int, stop: int) -> int | None:
    """The alias marker (``उर्फ``) inside ``[first, stop)`` with words on both sides, if any."""
    aliases = lexicon().alias_markers
    return next((index for index in range(first + 1, stop - 1) if doc.keys[index] in aliases), None)


def _before_alias(doc: Document, start: int, stop: int) -> int:
    """``stop``, or the alias marker in ``[start, stop)``: a nickname is no part of the name."""
    aliases = lexicon().alias_markers
    return next((index for index in range(start + 1, stop) if doc.keys[index] in aliases), stop)


def _organisation_start(doc: Document, first: int, head: int) -> int:
    """First word of an organisation's name: after a genitive or title word before it that leaves at
    least two words (``जर्मनी के संघीय श्रम मंत्रालय``, ``कंपनी सरगुजा मिनरल्स लिमिटेड``), or after a
    conjunction that follows a role (``पूर्व खनन मंत्री और बिहार जनशक्ति दल``: a person's office, then the
    party); a role noun after a plain word of the name qualifies it and stays (``रुहेलखंड दुग्ध उत्पादक
    सहकारी संघ``)."""
    lex = lexicon()
    start = first
    for index in range(first, head - 1):
        title = _is_title(doc, index) and not _qualifying_role(doc, start, index)
        after_role = doc.keys[index] in lex.conjunctions and index > first and lex.is_role(doc.keys[index - 1])
        if doc.keys[index] in lex.genitives or title or after_role:
            start = index + 1
    dropped_before = lex.ministry_qualifiers.get(doc.keys[start], frozenset())
    return start + 1 if doc.keys[head] in dropped_before and start + 1 < head else start


def _qualifying_role(doc: Document, start: int, index: int) -> bool:
    """Whether the role noun at ``index`` follows a plain word of the name begun at ``start``
    (``दुग्ध उत्पादक``): a qualifier inside an organisation's name, not a title before it."""
    lex = lexicon()
    key = doc.keys[index]
    if index < start or not lex.is_role(key) or key in lex.organisations or key in lex.honorifics:
        return False
    if index == start:
        return _opens_organisation_name(doc, index)
    before = index - 1
    return doc.is_word(before) and not _is_title(doc, before) and doc.keys[before] not in lex.genitives


def _opens_organisation_name(doc: Document, index: int) -> bool:
    """Whether the role noun at ``index`` opens its sentence and a plain word follows it (``किसान संघर्ष
    समिति के …``, ``अभिभावक एकता मंच ने``): the people the organisation speaks for, part of its name."""
    following = index + 1
    first = doc.sentence_tokens(doc.token_sentence[index])[0]
    if any(doc.is_word(word) for word in range(first, index)):
        return False
    return following < len(doc.keys) and doc.is_word(following) and not _is_title(doc, following)


def _is_indefinite(doc: Document, first: int, head: int) -> bool:
    """Whether an indefinite word (``एक``, ``कोई``) opens the head's noun: ``तिरुपुर के एक कपड़ा निर्यातक``."""
    return any(doc.keys[index] in lexicon().indefinites for index in range(first, head))


def _indefinite_start(doc: Document, first: int, head: int) -> int:
    """Where an indefinite description starts: at its indefinite word when no genitive comes before it
    (``कतार में खड़ी एक महिला`` -> ``एक महिला``; ``भाजपा के एक नेता`` stays whole)."""
    lex = lexicon()
    indefinite = next(index for index in range(first, head) if doc.keys[index] in lex.indefinites)
    if any(doc.keys[index] in lex.genitives for index in range(first, indefinite)):
        return indefinite if _locates_genitive_description(doc, first, indefinite, head) else first
    return indefinite


def _locates_genitive_description(doc: Document, first: int, indefinite: int, head: int) -> bool:
    """Whether the genitive before an indefinite only places a description that is a genitive phrase
    itself (``विजय नगर इलाके के एक मल्टीप्लेक्स के मैनेजर``): a place cue (``इलाके``, ``जिले``) or a
    place name stands right before that genitive, and another genitive follows the indefinite."""
    lex = lexicon()
    genitive = indefinite - 1
    place = genitive - 1
    if place < first or doc.keys[genitive] not in lex.genitives:
        return False
    if not any(doc.keys[index] in lex.genitives for index in range(indefinite + 1, head)):
        return False
    return doc.keys[place] in place_cues() or is_place(doc, place)


def _is_title(doc: Document, index: int) -> bool:
    """A word that cannot be part of a name: honorific, role, organisation noun, genitive, or
    punctuation other than the dot of an initial (``आर.के.``)."""
    return _facts(doc).title[index]


def is_title_word(doc: Document, index: int) -> bool:
    """An honorific, role, organisation noun, administrative unit (``मेरठ जोन``) or the second word of
    a two-word role (``नेता प्रतिपक्ष``): a word a name may follow but never contains."""
    return _facts(doc).title_word[index]


@lru_cache(maxsize=1 << 16)
def _is_title_key(key: str) -> bool:
    """An honorific, organisation noun, administrative unit, role or descriptor, by the word alone."""
    lex = lexicon()
    return (key in lex.honorifics or key in lex.organisations or key in lex.jurisdictions or lex.is_role(key)
            or key in lex.descriptors)


def _is_role_complement(doc: Document, index: int) -> bool:
    """The second word of a two-word role (``नेता प्रतिपक्ष``)."""
    lex = lexicon()
    return doc.keys[index] in lex.role_complements and index > 0 and lex.is_role(doc.keys[index - 1])


def _is_initial(doc: Document, index: int) -> bool:
    """A word of one or two letters with a dot right after it (``आर.`` ``के.``), not an honorific
    (``डॉ.``): an initial of a name."""
    return _facts(doc).initial[index]


def _is_surname(doc: Document, index: int, floor: int) -> bool:
    """A role word used as a surname: right after a given name that follows a title word or is a known
    name (``शिक्षा मंत्री धर्मेंद्र प्रधान``); an unknown word after a genitive is the role's qualifier
    (``एंबुलेंस के जिला प्रभारी``)."""
    given = index - 1
    if (
        given < floor
        or not doc.is_word(given)
        or _is_title(doc, given)
        or doc.keys[given] in lexicon().np_stops
    ):
        return False
    return is_person_word(doc.word(given)) or (given - 1 >= floor and is_title_word(doc, given - 1))


def _head_index(doc: Document, first: int, stop: int) -> int:
    """The last word of the phrase that is not a name suffix (``जी``)."""
    head = stop - 1
    while head > first and doc.keys[head] in lexicon().name_suffixes:
        head -= 1
    return head


def _name_start(doc: Document, first: int, stop: int) -> int:
    """First token of the name ending the phrase: after the last title, role, organisation noun or
    genitive (``पूर्व अभियंता और नदी मामलों के जानकार दिनेश कुमार मिश्र`` -> ``दिनेश कुमार मिश्र``), or
    participle ending a clause about the name (``सरपंच रह चुके रामलाल वर्मा`` -> ``रामलाल वर्मा``)."""
    titles = _facts(doc).title
    participles = lexicon().participle_modifiers
    start = first
    for index in range(first, stop):
        last = index == stop - 1 and (
            _is_surname(doc, index, first) or _is_trailing_honorific(doc, index, first)
        )
        if (titles[index] or doc.keys[index] in participles) and not last:
            start = index + 1
    if first < start < stop - 1:
        start += _area_before_name(doc, start - 1, start, stop)
    if start > first:
        start = _past_joined_title(doc, start, stop)
    return start if start < stop else first


def _past_joined_title(doc: Document, start: int, stop: int) -> int:
    """Past a conjunction and former-office words after a title (``आघाडी के प्रमुख और पूर्व …``): the
    conjunction joins two titles of one person, not two people."""
    lex = lexicon()
    if doc.keys[start] not in lex.conjunctions:
        return start
    index = start + 1
    while index < stop - 1 and doc.keys[index] in lex.former:
        index += 1
    return index if index < stop else start


def _area_before_name(doc: Document, title: int, index: int, stop: int) -> int:
    """How many words at ``index``, after an office title, name a place or an area of charge before the
    name (``एसीपी लोनी अंकुर विहान``, ``डीसीपी ट्रांस हिंडन सुरेंद्र नाथ``): 0, 1 or 2."""
    if not lexicon().is_role(doc.keys[title]):
        return 0
    width = lexicon().office_areas.get(doc.keys[index], 0)
    if width and index + width < stop and _is_name_candidate(doc, index + width):
        return width
    return 1 if _is_place_before_name(doc, title, index) else 0


def _is_place_before_name(doc: Document, title: int, index: int) -> bool:
    """A place word between an office title and a name (``एसीपी लोनी अंकुर विहान``)."""
    following = index + 1
    return (
        lexicon().is_role(doc.keys[title])
        and doc.is_word(index)
        and following < len(doc.keys)
        and _is_name_candidate(doc, following)
        and is_place(doc, index)
    )


def _is_trailing_honorific(doc: Document, index: int, floor: int) -> bool:
    """An honorific written after a given name (``अंजलि कुमारी``): there it is a surname."""
    return (
        doc.keys[index] in lexicon().honorifics
        and index - 1 >= floor
        and doc.is_word(index - 1)
        and not _is_title(doc, index - 1)
        and doc.keys[index - 1] not in lexicon().np_stops
    )


def _entity_ending(doc: Document, first: int, stop: int, entities: list[EntityLike]) -> EntityLike | None:
    """An entity inside the phrase that ends at its head word."""
    if not entities:
        return None
    lo = doc.tokens[first].start
    head_end = doc.tokens[_head_index(doc, first, stop)].end
    for entity in entities:
        if lo <= entity.start and entity.end == head_end:
            return entity
    return None


def _entity_phrase(doc: Document, first: int, stop: int, entity: EntityLike) -> SpeakerPhrase:
    start = doc.first_token_at(entity.start)
    if entity.label == "PER":
        start = _name_start(doc, start, stop)
    kind: SpeakerKind = "name" if entity.label == "PER" else "organisation"
    return SpeakerPhrase(kind, start, stop, first, entity)


def phrase_ending_at(keys: list[str], index: int, phrases: tuple[Phrase, ...]) -> int:
    """Length of the longest of ``phrases`` ending at ``keys[index]``, 0 if none."""
    if index < 0 or index >= len(keys):
        return 0
    for phrase in phrases_by_word(phrases, -1).get(keys[index], ()):
        start = index - len(phrase) + 1
        if start >= 0 and tuple(keys[start : index + 1]) == phrase:
            return len(phrase)
    return 0


def source_of(doc: Document, cue: Cue, floor: int, entities: list[EntityLike]) -> SpeakerPhrase | None:
    """The source of ``cue``: the phrase before its marker, else the subject right before the cue."""
    if cue.pronoun is not None:
        return SpeakerPhrase("pronoun", cue.pronoun, cue.pronoun + 1, cue.pronoun)
    if cue.source_end is not None:
        return _phrase_before(doc, cue.source_end, floor, entities)
    comma = _comma_before_subject(doc, cue.start, floor)
    if comma is not None:
        return _phrase_before(doc, cue.start, comma + 1, entities)
    if _role_before_comma(doc, cue.start, floor):
        return _phrase_before(doc, cue.start - 1, floor, entities)
    found = _marked_source(doc, cue.start - 1, floor, entities)
    if found is not None:
        return found
    subject = _phrase_before(doc, _subject_end(doc, cue.start, floor), floor, entities)
    return subject if subject is not None else _question_addressee(doc, cue.start, floor, entities)


def _question_addressee(
    doc: Document, stop: int, floor: int, entities: list[EntityLike]
) -> SpeakerPhrase | None:
    """The person a question was put to, before ``से जब`` in the cue's sentence (``खत्री से जब … सवाल
    किया गया तो बोले``): the speaker of a cue with no subject of its own."""
    phrases = lexicon().question_addressees
    for index in range(stop - 1, floor, -1):
        if doc.masked[index] or doc.word(index) in _SENTENCE_END:
            return None
        if phrase_at(doc.keys, index, phrases, stop):
            return _phrase_before(doc, index, floor, entities)
    return None


def _comma_before_subject(doc: Document, stop: int, floor: int) -> int | None:
    """The comma opening a new clause whose bare subject, a role or a name, stands right before the cue
    (``ओलों ने छीनी फसल, किसान बोले-``): the ``ने`` subject of the earlier clause is not the speaker."""
    subject = stop - 1
    if subject < floor or not doc.is_word(subject) or doc.masked[subject]:
        return None
    if not (lexicon().is_role(doc.keys[subject]) or is_person_word(doc.word(subject))):
        return None
    for index in range(subject - 1, max(floor - 1, subject - 1 - _MAX_NAME_WORDS), -1):
        if doc.word(index) == ",":
            return index
        if not doc.is_word(index) or doc.keys[index] in lexicon().np_stops or doc.masked[index]:
            return _comma_before_named_subject(doc, subject, floor)
    return None


def _comma_before_named_subject(doc: Document, subject: int, floor: int) -> int | None:
    """The comma before a longer description ending in a known name right before the cue (``8 नए मंत्रियों ने
    ली शपथ, पहली बार की विधायक रीना ठाकुर बोलीं-``): no agent, ``कि`` or cue lies between them."""
    lex = lexicon()
    if not is_person_word(doc.word(subject)):
        return None
    for index in range(subject - 1, max(floor - 1, subject - _MAX_PHRASE_WORDS), -1):
        key = doc.keys[index]
        if doc.word(index) == ",":
            return index
        if doc.masked[index] or not doc.is_word(index) or key == "कि" or cue_at(doc, index, subject) is not None:
            return None
        if lex.pronouns.get(key) == "ergative" or phrase_at(doc.keys, index, lex.agent_markers, subject):
            return None
    return None


def _role_before_comma(doc: Document, cue: int, floor: int) -> bool:
    """Whether a comma right before the cue follows a role word (``… पर बरसे आघाडी प्रमुख, बोले-``): the
    cue's subject is the phrase the comma closes, not an agent further back (``हडपसर की रैली में``)."""
    comma, role = cue - 1, cue - 2
    if role < floor or doc.word(comma) != "," or doc.masked[role] or not doc.is_word(role):
        return False
    return lexicon().is_role(doc.keys[role])


def _subject_end(doc: Document, stop: int, floor: int) -> int:
    """Where the subject of a cue without a marker ends: before cue adverbs and an adverbial participle
    (``दिनेश रोते हुए बोले``, ``वे भी मुस्कुराते हुए कहती हैं``)."""
    lex = lexicon()
    while stop > floor and doc.keys[stop - 1] in lex.cue_adverbs:
        stop -= 1
    if stop - 2 >= floor and doc.keys[stop - 1] in lex.adverbial_participles and doc.is_word(stop - 2):
        stop -= 2
        while stop > floor and doc.keys[stop - 1] in lex.cue_adverbs:
            stop -= 1
        stop = _before_participle_object(doc, stop, floor)
    return _before_conjunctive_participle(doc, _before_channel(doc, stop, floor), floor)


def _before_participle_object(doc: Document, stop: int, floor: int) -> int:
    """Where the subject ends before the object of an adverbial participle (``सुमित्रा कमरे का ताला
    लगाते हुए``): after the clause's first word when that is a subject pronoun or a person named before,
    and a genitive or postposition marks the words after it as the participle's complement."""
    lex = lexicon()
    start = stop
    while start > floor and doc.is_word(start - 1) and stop - start < _MAX_PARTICIPLE_CLAUSE:
        start -= 1
    if start >= stop - 1 or (start > floor and doc.is_word(start - 1)):
        return _before_postposition_complement(doc, stop, floor)
    marked = any(
        doc.keys[index] in lex.genitives or doc.keys[index] in lex.np_stops
        for index in range(start + 1, stop)
    )
    if marked and (lex.pronouns.get(doc.keys[start]) == "subject" or _named_before(doc, start)):
        return start + 1
    return _before_postposition_complement(doc, stop, floor)


def _before_postposition_complement(doc: Document, stop: int, floor: int) -> int:
    """Where the subject ends before a participle's complement of one noun and a postposition
    (``हरिसिंह कुशवाह एम्बुलेंस में बैठते हुए``): before that noun, when a name word or role ends the
    subject there; else ``stop``."""
    lex = lexicon()
    postposition, noun, subject = stop - 1, stop - 2, stop - 3
    if subject < floor or not _is_postposition(doc.keys[postposition]):
        return stop
    if not (doc.is_word(noun) and is_attributive_noun(doc, noun)) or doc.masked[subject]:
        return stop
    if _is_name_word(doc, subject) or lex.is_role(doc.keys[subject]):
        return noun
    return stop


def _is_postposition(key: str) -> bool:
    """A postposition (``में``, ``पर``): a phrase stop that is no verb, auxiliary or genitive."""
    lex = lexicon()
    return key in lex.np_stops and not (key in lex.clause_words or key in lex.auxiliaries or key in lex.genitives)


def _named_before(doc: Document, index: int) -> bool:
    """Whether the word at ``index`` was met earlier as a name: after a title or before an agent marker
    (``अध्यक्ष सुमित्रा प्रधान``, ``सुमित्रा ने``), or is a known given name."""
    lex = lexicon()
    key = doc.keys[index]
    if is_person_word(doc.word(index)):
        return True
    for earlier in range(1, index):
        if doc.keys[earlier] != key:
            continue
        after = doc.keys[earlier + 1]
        if is_title_word(doc, earlier - 1) or any(marker[0] == after for marker in lex.agent_markers):
            return True
    return False


def _before_channel(doc: Document, stop: int, floor: int) -> int:
    """Where the subject ends before a channel phrase and its link (``सुखिया बीबीसी हिंदी से बातचीत में``),
    or before an addressee (``कुसुम देवी मौर्य गाँव कनेक्शन से``, see :func:`_before_addressee`)."""
    lex = lexicon()
    link = phrase_ending_at(doc.keys, stop - 1, lex.channel_links) if stop - 1 >= floor else 0
    addressed = _before_addressee(doc, stop - link, floor)
    if addressed < stop - link:
        return addressed
    if not link:
        return stop
    channel = phrase_ending_at(doc.keys, stop - link - 1, lex.channels) if stop - link - 1 >= floor else 0
    return stop - link - channel if stop - link - channel > floor else stop


def _before_addressee(doc: Document, stop: int, floor: int) -> int:
    """Where the subject ends before an addressee marked with ``से`` at ``stop - 1``: before a known channel
    (``बीबीसी से``), else after the last known name word or subject pronoun among the few plain words
    before the marker, when words that are no name follow it (``कुसुम देवी मौर्य | गाँव कनेक्शन से``);
    else ``stop``."""
    lex = lexicon()
    marker = stop - 1
    if marker - 1 < floor or doc.keys[marker] not in lex.addressee_markers or doc.masked[marker]:
        return stop
    known = phrase_ending_at(doc.keys, marker, lex.channels)
    if known > 1 and stop - known > floor:
        return stop - known
    for index in range(marker - 1, max(floor - 1, marker - 1 - _MAX_ADDRESSEE_WORDS), -1):
        key = doc.keys[index]
        if lex.pronouns.get(key) == "subject" or is_person_word(doc.word(index)):
            return index + 1 if index + 1 < marker else stop
        if doc.masked[index] or not doc.is_word(index) or key in lex.np_stops or key in lex.genitives:
            return stop
    return stop


def _before_conjunctive_participle(doc: Document, stop: int, floor: int) -> int:
    """Where a pronoun subject ends before a ``-कर`` participle and its complement (``वे भावुक होकर``);
    before the participle itself when only adverbs precede it (``फिर हंसकर बोलीं``: no subject)."""
    participle = stop - 1
    if participle < floor or not doc.keys[participle].endswith(CONJUNCTIVE_ENDING):
        return stop
    for index in range(participle - 1, max(participle - 3, floor - 1), -1):
        if lexicon().pronouns.get(doc.keys[index]) == "subject":
            return index + 1
    named = _name_before_complement(doc, participle, floor)
    if named is not None:
        return named
    if is_person_word(doc.word(participle)) or _named_before(doc, participle):
        return stop
    comma = _comma_before_participle_clause(doc, participle, floor)
    if comma is not None:
        return comma
    return participle if only_adverbs(doc, floor, participle) else stop


def _comma_before_participle_clause(doc: Document, participle: int, floor: int) -> int | None:
    """The comma closing a name before a short subjectless ``-कर`` clause (``…की हुईं सविता देवी, पहली बार
    दीया जलाकर बोलीं-``): the named subject is the speaker. None when a person word, role, pronoun or
    cue word lies in the clause."""
    lex = lexicon()
    for index in range(participle - 1, max(participle - 1 - _MAX_PARTICIPLE_CLAUSE, floor - 1), -1):
        key = doc.keys[index]
        if doc.word(index) == ",":
            named = index - 1
            if named < floor or doc.masked[named] or not is_person_word(doc.word(named)):
                return None
            return index
        if doc.masked[index] or not doc.is_word(index) or is_person_word(doc.word(index)):
            return None
        if lex.is_role(key) or key in lex.pronouns or lex.is_cue_word(key):
            return None
    return None


def _name_before_complement(doc: Document, participle: int, floor: int) -> int | None:
    """Where a named subject ends before a ``-कर`` participle's one-word complement, past a channel phrase
    (``डॉ. शालिनी अय्यर News24 से बातचीत में भावुक होकर``): after that name's known last word; else None."""
    complement = participle - 1
    if complement <= floor or doc.masked[complement] or is_person_word(doc.word(complement)):
        return None
    end = _before_channel(doc, complement, floor)
    last = end - 1
    if last < floor or doc.masked[last] or not doc.is_word(last) or not is_person_word(doc.word(last)):
        return None
    return end


def only_adverbs(doc: Document, first: int, stop: int) -> bool:
    """Whether tokens ``[first, stop)`` hold no word but cue adverbs and phrase stops (``फिर``, ``तब``)."""
    lex = lexicon()
    return all(
        not doc.is_word(index) or doc.keys[index] in lex.cue_adverbs or doc.keys[index] in lex.np_stops
        for index in range(first, stop)
    )


def inverted_source(
    doc: Document, first: int, entities: list[EntityLike]
) -> tuple[Cue, SpeakerPhrase | None] | None:
    """An attribution after a quotation with the source last (``"…" यह कहना है X का।``), read from token
    ``first``: its cue, and the phrase between the cue and the genitive that ends the sentence."""
    lex = lexicon()
    length = phrase_at(doc.keys, first, lex.inverted_attributions, len(doc.keys))
    if not length:
        return None
    cue_end = first + length
    end = cue_end
    while (
        end < len(doc.tokens) and end - cue_end <= _MAX_INVERTED_SOURCE_WORDS and not _ends_sentence(doc, end)
    ):
        if doc.masked[end] or "\n" in doc.text[doc.tokens[end - 1].end : doc.tokens[end].start]:
            return None
        end += 1
    genitive = end - 1
    if genitive <= cue_end or doc.keys[genitive] not in lex.genitives:
        return None
    return Cue(first, cue_end), _phrase_before(doc, genitive, cue_end, entities)


def _ends_sentence(doc: Document, index: int) -> bool:
    """Sentence punctuation at ``index`` (a full stop too, unless it closes an initial or an honorific
    such as ``प्रो.``; after a genitive, which ends an inverted attribution, it always ends one)."""
    word = doc.word(index)
    if word in _SENTENCE_END:
        return True
    if word != ".":
        return False
    rest = doc.text[doc.tokens[index].end :].lstrip(" \t")
    if not rest or rest[0] == "\n":
        return True
    if index == 0 or not doc.is_word(index - 1) or doc.keys[index - 1] in lexicon().genitives:
        return True
    return not (doc.keys[index - 1] in lexicon().honorifics or _is_initial(doc, index - 1))


def _phrase_before(doc: Document, stop: int, floor: int, entities: list[EntityLike]) -> SpeakerPhrase | None:
    span = noun_phrase(doc, _before_relative_clause(doc, stop, floor), floor)
    return analyse(doc, *span, entities) if span else None


def _before_relative_clause(doc: Document, stop: int, floor: int) -> int:
    """Where the noun phrase ends when a relative clause stands between it and its marker
    (``विजय नेताम, जो … हैं, ने``): at the comma before the relative pronoun; else ``stop``."""
    if stop - 1 < floor or doc.word(stop - 1) != ",":
        return stop
    for index in range(stop - 2, max(stop - _MAX_RELATIVE_CLAUSE_TOKENS, floor), -1):
        if doc.masked[index] or doc.word(index) in _SENTENCE_END:
            return stop
        if doc.keys[index] in lexicon().relative_pronouns and doc.word(index - 1) == ",":
            return index - 1
    return stop


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
        if _ends_clause(doc, index):
            return None
        index -= 1
    return None


def _ends_clause(doc: Document, index: int) -> bool:
    """A finite verb at ``index``: not an adverbial participle, not followed by ``और`` (``किया और कहा``),
    and not a participle before its noun (``बैठक में हुई समीक्षा बैठक के बाद कहा``)."""
    lex = lexicon()
    keys = doc.keys
    if keys[index] not in lex.clause_words or keys[index] in lex.adverbial_participles:
        return False
    following = index + 1
    if following >= len(keys):
        return True
    return keys[following] not in lex.conjunctions and not is_attributive_noun(doc, following)


def is_attributive_noun(doc: Document, index: int) -> bool:
    """A noun right after a participle: a plain word, not a function word, verb or auxiliary."""
    lex = lexicon()
    key = doc.keys[index]
    closed = lex.np_stops | lex.auxiliaries | lex.clause_words | lex.genitives | lex.conjunctions
    return doc.is_word(index) and not doc.masked[index] and key not in closed and not lex.is_cue_word(key)


@dataclass(frozen=True, slots=True)
class _TokenFacts:
    """Per-token tests of the speaker steps that read the words alone, computed once per document
    (masking is checked where they are used): ``initial`` (:func:`_is_initial`), ``title_word``
    (:func:`is_title_word`), ``title`` (:func:`_is_title`), ``name_shape`` (a name candidate when not
    masked) and ``name_word_shape`` (a name word when not masked)."""

    initial: list[bool]
    title_word: list[bool]
    title: list[bool]
    name_shape: list[bool]
    name_word_shape: list[bool]

    @classmethod
    def build(cls, doc: Document) -> _TokenFacts:
        """The facts of every token of ``doc``."""
        lex = lexicon()
        keys = doc.keys
        initial = _initials(doc)
        title_word = [
            _is_title_key(key) or (key in lex.role_complements and index > 0 and lex.is_role(keys[index - 1]))
            for index, key in enumerate(keys)
        ]
        for index in _words_before_given_names(doc, title_word):
            title_word[index] = True
        title = _titles(doc, initial, title_word)
        name_shape = [
            token.kind == "word" and not titled and _may_be_name_key(key) and not _joins_names(word)
            for token, key, titled, word in zip(doc.tokens, keys, title, doc.words, strict=True)
        ]
        verb_marks = [key in lex.auxiliaries or key in lex.adverbial_participles for key in keys]
        name_word_shape = [
            shape
            and not (index + 1 < len(keys) and verb_marks[index + 1] and not _surname_of_pair(doc, name_shape, index))
            for index, shape in enumerate(name_shape)
        ]
        return cls(initial, title_word, title, name_shape, name_word_shape)


def _joins_names(word: str) -> bool:
    """Whether a hyphen joins two known name words in one token (``आदित्य खन्ना-इशिता राठौर``: a couple):
    the surname of one person and the given name of the next, no part of one name."""
    parts = word.split("-")
    return len(parts) == 2 and all(part and is_person_word(part) for part in parts)


def _facts(doc: Document) -> _TokenFacts:
    """The per-token facts of ``doc``."""
    return doc.derived("speaker_facts", _TokenFacts.build)


def _surname_of_pair(doc: Document, name_shape: list[bool], index: int) -> bool:
    """Whether the word at ``index`` is a known surname after a name word (``अवधेश सिन्हा गया के …``): a
    name even when an auxiliary's form (a place: ``गया``) follows it."""
    return index > 0 and name_shape[index - 1] and is_person_word(doc.word(index))


def _words_before_given_names(doc: Document, title_word: list[bool]) -> list[int]:
    """Unknown words that title a name: right after a genitive and before a known given name that a known
    surname soon follows (``बाग के मालिक मोहम्मद असलम ख़ान``): the possessed noun of the genitive is an
    occupation or post, since the name opens with its given name."""
    keys = doc.keys

    def plain(index: int) -> bool:
        return (
            index < len(keys) and doc.word_flags[index] and not title_word[index] and _may_be_name_key(keys[index])
        )

    def unknown(index: int) -> bool:
        return plain(index) and not is_person_word(doc.word(index))

    def known(index: int) -> bool:
        return index < len(keys) and doc.word_flags[index] and is_person_word(doc.word(index))

    def surname_after(given: int) -> bool:
        return known(given + 1) or (plain(given + 1) and known(given + 2))

    genitives = lexicon().genitives
    return [
        index
        for index in range(1, len(keys) - 2)
        if keys[index - 1] in genitives
        and unknown(index)
        and plain(index + 1)
        and is_given_name(doc.word(index + 1))
        and surname_after(index + 1)
    ]


def _initials(doc: Document) -> list[bool]:
    """For every token, whether it is an initial (see :func:`_is_initial`)."""
    honorifics = lexicon().honorifics
    words, tokens = doc.words, doc.tokens
    initial = [False] * len(words)
    for index in range(len(words) - 1):
        if words[index + 1] != "." or len(words[index]) > 2 or doc.keys[index] in honorifics:
            continue
        initial[index] = tokens[index + 1].start == tokens[index].end
    return initial


def _titles(doc: Document, initial: list[bool], title_word: list[bool]) -> list[bool]:
    """For every token, whether it is a title (see :func:`_is_title`), from the ``initial`` and
    ``title_word`` flags: punctuation but an initial's dot, a genitive or a title word but an initial."""
    genitives = lexicon().genitives
    is_word = doc.word_flags
    title = []
    for index, key in enumerate(doc.keys):
        if not is_word[index]:
            title.append(not (index > 0 and is_word[index - 1] and initial[index - 1]))
        else:
            title.append(not initial[index] and (key in genitives or title_word[index]))
    return title


@dataclass(slots=True)
class _NameEntry:
    """A name read over tokens ``[position, stop)``: its keys, the role before it, how it may be found."""

    doc: Document = field(repr=False, compare=False)
    position: int
    keys: tuple[str, ...]
    roles: tuple[str, ...]
    by_first_word: bool = True
    complete: bool = False
    stop: int = 0
    _text: str | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The name as written (see :func:`_name_text`), read when first asked for."""
        if self._text is None:
            self._text = _name_text(self.doc, self.position, self.stop)
        return self._text


def _name_keys(doc: Document, start: int, end: int) -> tuple[str, ...]:
    """Keys of the words of a name, without name suffixes (``जी``) and dots."""
    suffixes = lexicon().name_suffixes
    end = _before_alias(doc, start, end)
    return tuple(doc.keys[i] for i in range(start, end) if doc.is_word(i) and doc.keys[i] not in suffixes)


def _within_name_length(doc: Document, start: int, stop: int) -> bool:
    """Whether tokens ``[start, stop)`` hold fewer than ``_MAX_NAME_WORDS`` name words (counted only when
    there are that many tokens)."""
    return stop - start < _MAX_NAME_WORDS or len(_name_keys(doc, start, stop)) < _MAX_NAME_WORDS


def _is_name_candidate(doc: Document, index: int) -> bool:
    """A Devanagari word that may be part of a name: no function word, verb, pronoun, title or role."""
    return not doc.masked[index] and _facts(doc).name_shape[index]


@lru_cache(maxsize=1 << 16)
def _may_be_name_key(key: str) -> bool:
    """Whether a word, by itself, may be part of a name (no function word, verb, pronoun or cue)."""
    lex = lexicon()
    closed_classes = (
        lex.np_stops,
        lex.conjunctions,
        lex.indefinites,
        lex.auxiliaries,
        lex.clause_words,
        lex.adverbial_participles,
        lex.name_suffixes,
        lex.cue_adverbs,
        lex.numerals,
    )
    if key in lex.headline_verbs:
        return False
    if key in lex.relational_nouns:
        return False
    if key in lex.pronouns or key in lex.relative_pronouns or any(key in words for words in closed_classes):
        return False
    return not (lex.is_cue_word(key) or lex.is_attribution_word(key) or key.endswith(lex.clause_suffixes))


def _is_name_word(doc: Document, index: int) -> bool:
    """A name candidate that is not a verb: the word after it is no auxiliary (``नसरीन संभालती हैं``) and
    no participle's ``हुए`` (``रामकली हंसते हुए बोलीं``)."""
    return not doc.masked[index] and _facts(doc).name_word_shape[index]


def _titles_next_name(doc: Document, index: int) -> bool:
    """Whether the role word at ``index`` is the title of a known given name right after it (``कोच
    इंटरनेशनल मास्टर राहुल``): then it ends a title, not a name."""
    following = index + 1
    return following < len(doc.keys) and _is_name_word(doc, following) and is_person_word(doc.word(following))


def _is_verb_like_surname(doc: Document, index: int) -> bool:
    """A surname with a verb's ending (``नेगी``) after a given name: a postposition, not an auxiliary,
    follows it (``मयंक नेगी को``), which no verb can have."""
    lex = lexicon()
    key = doc.keys[index]
    following = index + 1
    if following >= len(doc.keys) or not key.endswith(lex.clause_suffixes):
        return False
    if key in lex.clause_words or key in lex.auxiliaries or doc.masked[index] or not doc.is_word(index):
        return False
    after = doc.keys[following]
    postposition = after in lex.np_stops and after not in lex.clause_words and after not in lex.auxiliaries
    if postposition or after in lex.genitives or any(marker[0] == after for marker in lex.agent_markers):
        return True
    return _verb_follows(doc, following)


def _verb_follows(doc: Document, index: int) -> bool:
    """Whether the verb of the clause starts at token ``index``: a speech verb, or a plain word with an
    auxiliary after it (``अदिति नेगी निभा रही हैं``); a finite verb before it is then a surname."""
    lex = lexicon()
    key = doc.keys[index]
    if doc.masked[index] or not doc.is_word(index):
        return False
    if lex.is_cue_word(key) or key in lex.headline_verbs:
        return True
    following = index + 1
    return (
        following < len(doc.keys)
        and doc.keys[following] in lex.auxiliaries
        and is_attributive_noun(doc, index)
    )


def _owns_thing(doc: Document, index: int) -> bool:
    """Whether the unknown word at ``index`` is a place or thing after a name: a genitive follows it, then an
    indefinite or a relational noun (``साह नोएडा की एक फैक्टरी``, ``पुष्पम घर के बाहर``)."""
    lex = lexicon()
    following = index + 1
    if following + 1 >= len(doc.keys) or doc.keys[following] not in lex.genitives:
        return False
    after = doc.keys[following + 1]
    thing = after in lex.indefinites or after in lex.relational_nouns
    return thing and not is_person_word(doc.word(index))


def _ends_before_name(doc: Document, index: int) -> bool:
    """Whether the word at ``index`` cannot go on a name before it: a place with a genitive or locative
    after it, the first word of a locality (``लक्ष्मी नगर``) or of an organisation's name."""
    return _place_after_name(doc, index) or _opens_locality(doc, index) or _opens_organisation(doc, index)


def _opens_locality(doc: Document, index: int) -> bool:
    """Whether the word at ``index`` opens a locality's name (``लक्ष्मी नगर``, ``मयूर विहार``)."""
    following = index + 1
    return following < len(doc.keys) and doc.keys[following] in lexicon().locality_words


def _opens_organisation(doc: Document, index: int) -> bool:
    """Whether the word at ``index``, no known name word, is followed by an organisation noun (``कार्तिक राज्य
    सरकार की …``): it starts that organisation's name, it does not end the person's."""
    following = index + 1
    return (
        following < len(doc.keys)
        and doc.keys[following] in lexicon().organisations
        and not is_person_word(doc.word(index))
    )


def _place_after_name(doc: Document, index: int) -> bool:
    """Whether the word at ``index`` is a place, no known name word, with a genitive or locative after it
    (``बहन रिंकी गोपालगंज के एक कॉलेज में``): where the person is, not their surname."""
    following = index + 1
    if following >= len(doc.keys) or is_person_word(doc.word(index)) or not is_place(doc, index):
        return False
    return doc.keys[following] in lexicon().genitives or doc.keys[following] in lexicon().locatives


def _opens_run(doc: Document, index: int) -> bool:
    """Whether a three-word name may start at token ``index``: after punctuation or an introducing word."""
    return index == 0 or (
        index > 0 and (not doc.is_word(index - 1) or doc.keys[index - 1] in lexicon().introducers)
    )


def _closes_run(doc: Document, index: int) -> bool:
    """Whether token ``index`` ends a name run: punctuation, a marker, genitive, postposition or cue."""
    return index >= len(doc.tokens) or not doc.is_word(index) or _closes_name(doc.keys[index])


def _role_of(doc: Document, title: int) -> int:
    """The role word a title belongs to: the title itself, or the role before its honorifics, past a
    bracketed abbreviation (``मुख्य चिकित्सा अधिकारी (सीएमओ) डॉ.`` -> ``अधिकारी``)."""
    lex = lexicon()
    role = title
    while role > 0 and doc.keys[role] in lex.honorifics:
        before = role - 1
        opening = _bracket_opening(doc, before, 0)
        if opening is not None:
            before = opening - 1
        if before < 0 or not lex.is_role(doc.keys[before]):
            break
        role = before
    return role


@dataclass(frozen=True, slots=True)
class _EntryLookup:
    """Where the name entries are: their positions in list order, and the indices of the entries by
    their last and by their first key (each in list order)."""

    positions: list[int]
    by_last: dict[str, list[int]]
    by_first: dict[str, list[int]]

    @classmethod
    def build(cls, entries: list[_NameEntry]) -> _EntryLookup:
        """The lookup of ``entries`` as they stand."""
        by_last: dict[str, list[int]] = {}
        by_first: dict[str, list[int]] = {}
        for number, entry in enumerate(entries):
            by_last.setdefault(entry.keys[-1], []).append(number)
            by_first.setdefault(entry.keys[0], []).append(number)
        return cls([entry.position for entry in entries], by_last, by_first)


@dataclass(slots=True)
class NameIndex:
    """Full names met in the article (after a title or role, as sources, as PER entities, and pairs
    of words ending in a known surname), in reading order once built."""

    doc: Document
    entries: list[_NameEntry] = field(default_factory=list)
    _lookup: _EntryLookup | None = None

    @classmethod
    def build(cls, doc: Document, entities: list[EntityLike]) -> NameIndex:
        """Index the names after honorifics and roles, the PER entities and the two-word names."""
        index = cls(doc)
        for position, title in enumerate(_facts(doc).title_word):
            if title:
                index._add_after_title(position)
        for entity in entities:
            if entity.label == "PER":
                first, stop = doc.first_token_at(entity.start), doc.first_token_at(entity.end)
                if first < stop:
                    index.add(first, stop)
        index._add_word_pairs()
        index.sort()
        index._add_after_copulas()
        return index

    def sort(self) -> None:
        """Keep the entries in reading order."""
        self.entries.sort(key=lambda entry: entry.position)
        self._lookup = None

    def _where(self) -> _EntryLookup:
        """The lookup of the entries, rebuilt after they change."""
        if self._lookup is None:
            self._lookup = _EntryLookup.build(self.entries)
        return self._lookup

    def between(self, first: int, stop: int) -> list[_NameEntry]:
        """The entries at positions ``[first, stop)`` in list order (the entries being in reading order)."""
        positions = self._where().positions
        return self.entries[bisect_left(positions, first) : bisect_left(positions, stop)]

    def _ending_or_starting(self, keys: tuple[str, ...]) -> list[_NameEntry]:
        """In list order, the entries whose last key is ``keys``' last, and for a one-word ``keys`` those whose
        first key is that word: all that may end with, or start with, ``keys``."""
        if not keys:
            return self.entries
        lookup = self._where()
        numbers = lookup.by_last.get(keys[-1], [])
        if len(keys) == 1:
            numbers = sorted({*numbers, *lookup.by_first.get(keys[0], [])})
        return [self.entries[number] for number in numbers]

    def _add_word_pairs(self) -> None:
        """Two name-like words in a row (``जसप्रीत बुमराह``): a given name and a surname, and a run of three
        closed by a marker (``जसविंदर सिंह बराड़ ने``) or from a known given name to a known surname
        (``सुरेंद्र पाल सिंह अब …``). Such a name is found by its first word only when its
        last word is a known surname (``आदित्य कुमार``)."""
        doc = self.doc
        facts = _facts(doc)
        candidates = [
            shape and not masked for shape, masked in zip(facts.name_shape, doc.masked, strict=True)
        ]
        for index in range(1, len(doc.tokens)):
            if not (candidates[index - 1] and facts.name_word_shape[index] and not doc.masked[index]):
                continue
            if doc.tokens[index - 1].end == doc.tokens[index].start or _ends_before_name(doc, index):
                continue
            known = is_person_word(doc.word(index))
            self.add(index - 1, index + 1, by_first_word=known, complete=True)
            before = index - 2
            closed = _closes_run(doc, index + 1) or (known and is_given_name(doc.word(before)))
            if _opens_run(doc, before) and _is_name_candidate(doc, before) and closed:
                if _owns_thing(doc, index):
                    continue
                self.add(before, index + 1, by_first_word=known, complete=True)

    def _add_after_title(self, title: int) -> None:
        """Record the words after a title, each prefix as a candidate (where the name ends is unknown);
        the role is linked to the first two words. A role word may be a surname (``धर्मेंद्र प्रधान``); a number
        (an age: ``सचिव 52 वर्षीय …``) starts no name."""
        doc = self.doc
        start = self._name_after(title)
        if start < len(doc.tokens) and doc.tokens[start].kind == "number":
            return
        stop = start
        while (
            stop < len(doc.keys)
            and _within_name_length(doc, start, stop)
            and (doc.is_word(stop) or (stop > start and _is_initial(doc, stop - 1)))
            and self._continues_name(stop, start, title)
        ):
            stop += 1
        role = _role_of(doc, title)
        roles = tuple(doc.keys[max(role - 1, 0) : role + 1])
        closed = stop < len(doc.keys) and (
            not doc.is_word(stop) or _closes_name(doc.keys[stop]) or doc.keys[stop] in lexicon().conjunctions
        )
        for end in range(start + 1, stop + 1):
            complete = (end == stop and closed) or is_person_word(doc.word(end - 1))
            self.add(start, end, roles if end - start == min(2, stop - start) else (), complete=complete)

    def _add_after_copulas(self) -> None:
        """A name closing its sentence after a role and a copula (``फिल्म के डायरेक्टर हैं विनीत कालरा।``)
        holds that role: it is entered again with it."""
        doc = self.doc
        lex = lexicon()
        for copula in range(1, len(doc.keys) - 1):
            if doc.keys[copula] not in lex.copulas or not lex.is_role(doc.keys[copula - 1]):
                continue
            closing = [
                entry
                for entry in self.between(copula + 1, copula + 2)
                if entry.stop >= len(doc.keys) or _ends_sentence(doc, entry.stop)
            ]
            if closing:
                entry = max(closing, key=lambda entry: len(entry.keys))
                roles = tuple(doc.keys[max(copula - 2, 0) : copula])
                self.add(entry.position, entry.stop, roles, entry.by_first_word, complete=True)
        self.sort()

    def _name_after(self, title: int) -> int:
        """The first token of the name after a title: past abbreviation dots, the second word of a
        two-word role (``नेता प्रतिपक्ष``), an age (``सचिव 52 वर्षीय …``) and a bracketed abbreviation
        (``अधिकारी (ए.डी.एफ.ओ.)``)."""
        doc = self.doc
        start = title + 1
        while start < len(doc.keys):
            if _is_abbreviation_dot(doc, start) or doc.keys[start] in lexicon().role_complements:
                start += 1
                continue
            if _is_age(doc, start):
                start += 2
                continue
            closing = _bracket_closing(doc, start)
            if closing is None:
                return start + _area_before_name(doc, title, start, len(doc.keys))
            start = closing
        return start

    def _continues_name(self, index: int, start: int, title: int) -> bool:
        """Whether token ``index`` may still belong to the name that starts at ``start``: no function word
        or verb, a role or organisation noun only as a surname (``धर्मेंद्र प्रधान``, ``श्वेता निगम``), an
        honorific only as the last word (``अंजलि कुमारी को``)."""
        doc = self.doc
        lex = lexicon()
        key = doc.keys[index]
        if _breaks_name(key):
            return index > start and _is_organisation_surname(doc, index, title)
        if index == start:
            return key not in lex.honorifics and not lex.is_role(key)
        if key in lex.honorifics:
            following = index + 1
            return following >= len(doc.keys) or not _is_name_candidate(doc, following)
        if _is_middle_name(doc, index):
            return True
        if lex.is_role(key):
            return _is_surname(doc, index, title) and not _titles_next_name(doc, index)
        if (index - start >= 2 and _owns_thing(doc, index)) or _ends_before_name(doc, index):
            return False
        if doc.tokens[index].kind == "number":
            return False
        if key in lex.name_suffixes or doc.tokens[index].kind != "word" or _is_initial(doc, index):
            return True
        return _is_name_word(doc, index) or _is_initial(doc, index - 1) or _is_verb_like_surname(doc, index)

    def add(
        self,
        start: int,
        stop: int,
        roles: tuple[str, ...] = (),
        by_first_word: bool = True,
        complete: bool = False,
    ) -> None:
        """Record the name over tokens ``[start, stop)``; ``complete`` when it is known to end there."""
        keys = _name_keys(self.doc, start, stop)
        if keys:
            self.entries.append(_NameEntry(self.doc, start, keys, roles, by_first_word, complete, stop))
            self._lookup = None

    def full_name(self, start: int, stop: int) -> str:
        """The first name in the article that ends with (else starts with, or for two words or more goes on
        by one word from) the name over ``[start, stop)``."""
        keys = _name_keys(self.doc, start, stop)
        found = self.longer_name(keys) or (
            self.introduced_name(keys[0], start) if len(keys) == 1 else self._surname_added(keys)
        )
        return found or _name_text(self.doc, start, stop)

    def _surname_added(self, keys: tuple[str, ...]) -> str | None:
        """The first complete name that is a name of two words or more with one word added after it (``सरोज
        देवी`` -> ``सरोज देवी शाक्य``): the short form leaves out the surname. The added word is a name word on
        the same line, no title or initial, and no locative follows it (``… कुशवाह एम्बुलेंस में``: a thing)."""
        doc = self.doc
        for number in self._where().by_first.get(keys[0], []):
            entry = self.entries[number]
            if entry.complete and len(entry.keys) == len(keys) + 1 and entry.keys[: len(keys)] == keys:
                last = entry.stop - 1
                located = entry.stop < len(doc.keys) and doc.keys[entry.stop] in lexicon().locatives
                one_line = "\n" not in doc.text[doc.tokens[entry.position].start : doc.tokens[last].end]
                plain = _is_name_word(doc, last) and not _is_title(doc, last) and not _is_initial(doc, last)
                if plain and one_line and not located:
                    return entry.text
        return None

    def introduced_name(self, key: str, before: int) -> str | None:
        """The two- or three-word name a given name was introduced with: the complete name starting at the
        earliest place before token ``before`` where the word opens one (``अनीता जोसेफ़ … अनीता बताती हैं``);
        a mention in the headline looks into the body as well, where the full name comes later."""
        doc = self.doc
        limit = len(doc.keys) if before < doc.headline_stop else before
        for index in range(limit):
            if doc.keys[index] != key or doc.masked[index]:
                continue
            here = [entry for entry in self.between(index, index + 1) if len(entry.keys) > 1]
            complete = [entry for entry in here if entry.complete]
            if complete:
                return _best_complete(complete).text
        return None

    def longer_name(self, keys: tuple[str, ...]) -> str | None:
        """The first longer name ending with ``keys`` or, for a one-word ``keys``, starting with it (a given
        name); of the names read at one place the longest known to be complete."""
        matching = [
            entry
            for entry in self._ending_or_starting(keys)
            if len(entry.keys) > len(keys)
            and (
                (entry.keys[-len(keys) :] == keys and not _titled_prefix(entry.keys[: -len(keys)]))
                or (len(keys) == 1 and entry.by_first_word and entry.keys[0] == keys[0])
            )
        ]
        if not matching:
            return None
        first = [entry for entry in matching if entry.position == matching[0].position]
        if first[0].keys[-len(keys) :] == keys:
            return (self._surname_completed(first[0]) if len(keys) == 1 else first[0]).text
        complete = [entry for entry in first if entry.complete]
        return (_best_complete(complete) if complete else first[0]).text

    def _surname_completed(self, entry: _NameEntry) -> _NameEntry:
        """The longest complete name read at ``entry``'s place that goes on from it to a known surname
        (``मोहम्मद असलम`` -> ``मोहम्मद असलम ख़ान``): the full name a one-word short form stands for."""
        longer = [
            other
            for other in self.between(entry.position, entry.position + 1)
            if other.complete
            and len(other.keys) > len(entry.keys)
            and other.keys[: len(entry.keys)] == entry.keys
            and is_person_word(other.text.split()[-1])
        ]
        return max(longer, key=lambda other: len(other.keys)) if longer else entry

    def person_with_role(self, start: int, stop: int, ahead: bool = False) -> str | None:
        """The person last named before token ``start`` with the role words ending ``[start, stop)``
        (``मुख्यमंत्री`` -> ``मोहन यादव``), or with ``ahead`` the first named after it (a headline's title);
        a former holder (``पूर्व मुख्यमंत्री``) only for a former role."""
        keys = self.doc.keys
        lex = lexicon()
        roles = lex.expand_role(tuple(keys[max(stop - 2, start) : stop]))[-2:]
        former = any(key in lex.former for key in keys[start:stop])
        matching = [
            (entry, lex.expand_role(entry.roles)[-2:])
            for entry in self.entries
            if entry.roles
            and (entry.position >= stop if ahead else entry.position < start)
            and any(key in lex.former for key in entry.roles) == former
        ]
        matching = [(entry, held) for entry, held in matching if held[-1] == roles[-1]]
        closer = [entry for entry, held in matching if held[-len(roles) :] == roles[-len(held) :]]
        pool = closer or [entry for entry, _ in matching]
        if not pool:
            return None
        holder = self.completed(pool[0] if ahead else pool[-1])
        full = self.full_name_keys(holder.keys)
        return next((entry.text for entry in self.entries if entry.keys == full), holder.text)

    def sole_judge(self) -> str | None:
        """The full name of the one judge the article names (``जस्टिस X``, ``सेशंस जज X``); None when it names
        none or several (a bench)."""
        lex = lexicon()
        judges = {
            self.full_name_keys(self.completed(entry).keys): self.completed(entry)
            for entry in self.entries
            if entry.roles and lex.expand_role(entry.roles)[-1] in lex.judge_titles
        }
        if len(judges) != 1:
            return None
        full, holder = next(iter(judges.items()))
        return next((entry.text for entry in self.entries if entry.keys == full), holder.text)

    def completed(self, entry: _NameEntry) -> _NameEntry:
        """The longest name read at ``entry``'s place that a marker closes (``सुरेंद्र सिंह`` -> ``सुरेंद्र सिंह
        भाटी ने``), else ``entry``."""
        complete = [
            other
            for other in self.between(entry.position, entry.position + 1)
            if other.complete and other.keys[: len(entry.keys)] == entry.keys
        ]
        marked = [other for other in complete if self._before_marker(other.stop) and not _runs_past_surname(other)]
        return max(marked, key=lambda other: len(other.keys)) if marked else entry

    def one_word_on(self, entry: _NameEntry) -> _NameEntry:
        """The name read at ``entry``'s place one name word longer, when a marker closes it (``58 वर्षीय बुधन
        सिंह मुंडा के``) or the article names the speaker by that word alone elsewhere (``ड्राइवर गुल मोहम्मद
        अफ़रीदी पिछले …`` with ``अफ़रीदी कहते हैं``), else ``entry``."""
        size = len(entry.keys) + 1
        for other in self.between(entry.position, entry.position + 1):
            if len(other.keys) != size or other.keys[: len(entry.keys)] != entry.keys:
                continue
            last = other.stop - 1
            if not _is_name_word(self.doc, last):
                continue
            if (other.complete and self._before_marker(other.stop)) or _speaks_alone(self.doc, last):
                return other
        return entry

    def _before_marker(self, index: int) -> bool:
        """Whether token ``index`` is an agent marker, genitive or conjunction: the name before it ends there."""
        keys = self.doc.keys
        lex = lexicon()
        if index >= len(keys):
            return False
        key = keys[index]
        return key in lex.genitives or key in lex.conjunctions or any(marker[0] == key for marker in lex.agent_markers)

    def full_name_keys(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        """The keys of the first longer name ending with ``keys`` (``keys`` itself if none)."""
        for entry in self._ending_or_starting(keys):
            if len(entry.keys) > len(keys) and entry.keys[-len(keys) :] == keys:
                return entry.keys
        return keys


def _runs_past_surname(entry: _NameEntry) -> bool:
    """Whether a name of three words or more reads one word past a given name and a known surname (``इशिता
    राठौर शादी के``): its last word, no person word, is the thing the genitive after it belongs to."""
    words = entry.text.split()
    if len(entry.keys) < 3 or len(words) < 3 or is_person_word(words[-1]):
        return False
    return is_given_name(words[0]) and is_person_word(words[-2]) and not is_given_name(words[-2])


def _is_middle_name(doc: Document, index: int) -> bool:
    """Whether the word at ``index`` stands inside a name before a known surname (``नरेश भाई शाह``)."""
    following = index + 1
    return (
        doc.keys[index] in lexicon().middle_names
        and following < len(doc.keys)
        and not doc.masked[following]
        and is_person_word(doc.word(following))
    )


@lru_cache(maxsize=1 << 16)
def _breaks_name(key: str) -> bool:
    """A word no name after a title runs through: a phrase stop, genitive, organisation noun, conjunction,
    administrative unit, pronoun, demonstrative (``सिंगर नंदिनी भारद्वाज इन दिनों``) or speech verb."""
    lex = lexicon()
    blocked = (
        lex.np_stops,
        lex.genitives,
        lex.organisations,
        lex.conjunctions,
        lex.jurisdictions,
        lex.pronouns,
        lex.demonstratives,
    )
    return any(key in words for words in blocked) or lex.is_cue_word(key)


def _is_organisation_surname(doc: Document, index: int, floor: int) -> bool:
    """An organisation noun that is a known surname, used as one after a given name (``डॉ. श्वेता निगम``)."""
    return doc.keys[index] in lexicon().organisations and is_person_word(doc.word(index)) and _is_surname(doc, index, floor)


def _titled_prefix(keys: tuple[str, ...]) -> bool:
    """Whether the words before a name's tail hold a title (``शिक्षा मंत्री`` before ``रामप्रताप कश्यप``):
    such an entry is a title read as a name, not a longer form of the name."""
    return any(_is_title_key(key) for key in keys)


def _best_complete(entries: list[_NameEntry]) -> _NameEntry:
    """Of complete names read at one place, the longest ending in a known surname, else the longest
    (``दिनेश मंडल`` rather than ``दिनेश मंडल बिहार``)."""
    known = [entry for entry in entries if is_person_word(entry.text.split()[-1])]
    return max(known or entries, key=lambda entry: len(entry.keys))


def _name_text(doc: Document, start: int, stop: int) -> str:
    """The original text of a name, without trailing name suffixes."""
    suffixes = lexicon().name_suffixes
    stop = _before_alias(doc, start, stop)
    while stop - 1 > start and (doc.keys[stop - 1] in suffixes or not doc.is_word(stop - 1)):
        stop -= 1
    return doc.tokens_text(start, stop)


@dataclass(slots=True)
class Mention:
    """A source met in the text, with its canonical key (None: unresolved), whether it speaks, and whether
    it is a name standing as the unmarked subject of its sentence (see :meth:`Speakers._subjects_in`)."""

    phrase: SpeakerPhrase
    sentence: int
    canonical: str | None
    speaks: bool
    subject: bool = False


@dataclass(slots=True)
class Speakers:
    """Canonical keys of sources, and the sources of every sentence for resolving pronouns.

    ``mentions`` holds the sources of the sentences read so far: they are read in order, each from those
    before it alone, up to the last sentence a question asks about (the rest never matter); ``known``
    maps the last word of each name met so far to its key, and ``holders`` each word of the full names met
    so far (two words or more) to those names' keys.
    """

    doc: Document
    names: NameIndex
    entities: list[EntityLike]
    mentions: list[list[Mention]] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    known: dict[str, str] = field(default_factory=dict)
    holders: dict[str, list[str]] = field(default_factory=dict)
    _folded_text: str | None = None

    @classmethod
    def build(cls, doc: Document, entities: list[EntityLike]) -> Speakers:
        """Index names and acronyms; each sentence's sources are collected when first needed."""
        speakers = cls(
            doc, NameIndex.build(doc, entities), entities, acronyms=_bracketed_acronyms(doc, entities)
        )
        speakers.known = {
            doc.keys[doc.first_token_at(e.end) - 1]: e.canonical or e.text
            for e in entities
            if e.label == "PER"
        }
        return speakers

    def _read_through(self, sentence: int) -> None:
        """Collect the sources of the sentences up to ``sentence`` not read yet, in reading order."""
        for index in range(len(self.mentions), min(sentence, len(self.doc.sentences) - 1) + 1):
            self._read(index)

    def _read(self, sentence: int) -> None:
        """Collect the sources and other mentions of ``sentence``, resolving its pronouns."""
        doc = self.doc
        found: list[Mention] = []
        self.mentions.append(found)
        for phrase, speaks in _sources_in(doc, sentence, self.entities):
            canonical = self._canonical(phrase, sentence)
            found.append(Mention(phrase, sentence, canonical, speaks))
            if phrase.kind == "name" and canonical:
                self.known[doc.keys[phrase.end - 1]] = canonical
        found.extend(_named_in(doc, sentence, self.known, found, self.names))
        found.extend(self._titled_in(sentence, found))
        found.extend(self._introduced_in(sentence, found))
        found.extend(self._subjects_in(sentence, found))
        found.extend(self._aged_given_names(sentence, found))
        found.extend(self._given_name_opening(sentence, found))
        found.extend(self._pronoun_opening(sentence, found))
        found.sort(key=lambda mention: mention.phrase.start)
        self._hold_names(found)

    def _hold_names(self, mentions: list[Mention]) -> None:
        """Record the words of the full names among ``mentions`` in :attr:`holders`."""
        for mention in mentions:
            canonical = mention.canonical
            if mention.phrase.kind != "name" or not canonical or " " not in canonical:
                continue
            for key in set(_canonical_keys(canonical)):
                names = self.holders.setdefault(key, [])
                if canonical not in names:
                    names.append(canonical)

    def _titled_in(self, sentence: int, sources: list[Mention]) -> list[Mention]:
        """People named after an honorific or role in ``sentence`` (``डॉ. अरविंद कुजूर इसे … मानते हैं``),
        not already among its sources: candidates for a pronoun in the next sentences."""
        lex = lexicon()
        entries = self.names.between(*self.doc.sentence_tokens(sentence))
        if not entries:
            return []
        covered = _covered(sources)
        found = []
        for entry in entries:
            title = entry.roles[-1] if entry.roles else ""
            if entry.position in covered or self.doc.masked[entry.position]:
                continue
            if _named_longer(sources, entry):
                continue
            if title in lex.honorifics or lex.is_role(title) or self._follows_age(entry):
                entry = self._to_known_surname(self.names.one_word_on(self.names.completed(entry)))
                stop, canonical = self._named_before_trailing_word(entry)
                phrase = SpeakerPhrase("name", entry.position, stop, entry.position)
                found.append(Mention(phrase, sentence, canonical, False))
                covered.add(entry.position)
        return found

    def _follows_age(self, entry: _NameEntry) -> bool:
        """Whether a complete name of two words or more follows an age (``68 वर्षीय कमला देवी``)."""
        return entry.complete and len(entry.keys) > 1 and entry.position >= 2 and _is_age(self.doc, entry.position - 2)

    def _named_before_trailing_word(self, entry: _NameEntry) -> tuple[int, str]:
        """The end and key of a titled name: a name read one word too long, its last word no person word
        and the words before it the end of a full name met before (``डॉ. मीणा पेशे से`` after ``रेखा
        मीणा``), stops before that word and takes the full name."""
        keys = entry.keys
        if len(keys) > 1 and not is_person_word(entry.text.split()[-1]):
            shorter = self.names.longer_name(keys[:-1])
            if shorter and shorter.split()[0] != entry.text.split()[0]:
                return entry.stop - 1, shorter
            if _runs_past_surname(entry):
                return entry.stop - 1, shorter or _name_text(self.doc, entry.position, entry.stop - 1)
        return entry.stop, self.names.longer_name(keys) or entry.text

    def _to_known_surname(self, entry: _NameEntry) -> _NameEntry:
        """``entry``, or a longer name read at its place that ends in a known surname (``हवलदार सुरेंद्र सिंह
        बिष्ट इन दिनों …`` rather than ``सुरेंद्र सिंह``)."""
        longer = self._known_surname_at(entry)
        return longer if len(longer.keys) > len(entry.keys) else entry

    def _introduced_in(self, sentence: int, sources: list[Mention]) -> list[Mention]:
        """Full names introduced in ``sentence`` after a genitive or ``वाली`` (``की रहने वाली ज़ैनब
        ख़ातून``) when it names nobody else: candidates for a pronoun in the next sentences."""
        doc = self.doc
        first, stop = doc.sentence_tokens(sentence)
        entries = self.names.between(first + 1, stop)
        if not entries or any(mention.phrase.kind == "name" for mention in sources):
            return []
        covered = _covered(sources)
        found = []
        for entry in entries:
            position = entry.position
            if position in covered or doc.masked[position] or not entry.complete:
                continue
            if len(entry.keys) < 2 or not _is_introduced(doc, position, entry.stop):
                continue
            if _is_located(doc, position, entry.stop):
                continue
            entry = self._known_surname_at(entry)
            phrase = SpeakerPhrase("name", position, entry.stop, position)
            found.append(Mention(phrase, sentence, self.names.longer_name(entry.keys) or entry.text, False))
            covered.add(position)
        return found

    def _known_surname_at(self, entry: _NameEntry) -> _NameEntry:
        """The longest name read at ``entry``'s place that ends in a known surname (``रमेश शर्मा`` rather than
        ``रमेश शर्मा रोज सुबह``, ``सुरेंद्र पाल सिंह`` rather than ``सुरेंद्र पाल``), else ``entry``."""
        known = [
            other
            for other in self.names.between(entry.position, entry.position + 1)
            if other.complete and len(other.keys) > 1 and is_person_word(other.text.split()[-1])
        ]
        return max(known, key=lambda other: len(other.keys)) if known else entry

    def _subjects_in(self, sentence: int, sources: list[Mention]) -> list[Mention]:
        """Known people named as the unmarked subject of a sentence where nobody speaks (``72 साल के
        ओमप्रकाश शर्मा … निभा रहे हैं``): the name ends in a known surname, starts with a known given name
        or follows an introducing word (``साल की रश्मिता नायक``), and no postposition or marker follows it.
        Candidates for a pronoun in the next sentences."""
        doc = self.doc
        first, stop = doc.sentence_tokens(sentence)
        entries = self.names.between(first, stop)
        if not entries or any(mention.speaks and self._may_be_person(mention) for mention in sources):
            return []
        covered = _covered(sources)
        found = []
        for entry in entries:
            position = entry.position
            if covered & set(range(position, entry.stop)):
                continue
            if not (entry.complete and len(entry.keys) > 1):
                continue
            entry = self._unmarked_longer(entry, stop)
            if not (
                _is_known_person(doc, position, entry.stop)
                or _follows_introducer(doc, position, entry.stop)
                or _follows_participle(doc, position)
            ):
                continue
            if doc.masked[position] or entry.stop >= stop or not _is_unmarked(doc, entry.stop):
                continue
            if _qualifies_title(doc, entry.stop, stop) or (
                _names_organisation(doc, entry.stop, stop) and not _is_described(doc, position)
            ):
                continue
            phrase = SpeakerPhrase("name", position, entry.stop, position)
            canonical = self.names.longer_name(entry.keys) or self.names.one_word_on(entry).text
            found.append(Mention(phrase, sentence, canonical, False, subject=True))
            covered.update(range(position, entry.stop))
        return found

    def _aged_given_names(self, sentence: int, sources: list[Mention]) -> list[Mention]:
        """Known given names standing alone as the unmarked subject after an age (``23 साल की रूपा गया जिले के
        … आई हैं``) in a sentence where nobody speaks: candidates for a pronoun in the next sentences."""
        doc = self.doc
        first, stop = doc.sentence_tokens(sentence)
        if any(mention.speaks and self._may_be_person(mention) for mention in sources):
            return []
        covered = _covered(sources)
        return [
            Mention(SpeakerPhrase("name", index, index + 1, index), sentence, self.names.full_name(index, index + 1),
                    False, subject=True)
            for index in range(first, stop - 1)
            if index not in covered
            and not doc.masked[index]
            and is_given_name(doc.word(index))
            and _follows_introducer(doc, index, index + 1)
            and _is_unmarked(doc, index + 1)
            and not _is_name_word(doc, index + 1)
        ]

    def _unmarked_longer(self, entry: _NameEntry, stop: int) -> _NameEntry:
        """The longest name read at ``entry``'s place that ends in a known surname when it too is left unmarked
        before token ``stop`` (``सुरेंद्र पाल सिंह अब …`` rather than ``सुरेंद्र पाल``), else ``entry``."""
        longer = self._known_surname_at(entry)
        return longer if longer.stop < stop and _is_unmarked(self.doc, longer.stop) else entry

    def _given_name_opening(self, sentence: int, sources: list[Mention]) -> list[Mention]:
        """A given name opening ``sentence`` as its unmarked subject (``नितिन कंपनी में … संभालते हैं``),
        of a person introduced earlier by full name: a candidate for a pronoun in the next sentences."""
        doc = self.doc
        first, stop = doc.sentence_tokens(sentence)
        index = next((index for index in range(first, stop) if doc.is_word(index)), stop)
        if index + 1 >= stop or index in _covered(sources) or not _is_name_word(doc, index):
            return []
        if not _is_unmarked(doc, index + 1) or _is_name_candidate(doc, index + 1):
            return []
        full = self.names.introduced_name(doc.keys[index], index)
        if full is None or not (is_person_word(doc.word(index)) or is_person_word(full.split()[-1])):
            return []
        return [Mention(SpeakerPhrase("name", index, index + 1, index), sentence, full, False)]

    def _pronoun_opening(self, sentence: int, sources: list[Mention]) -> list[Mention]:
        """A subject pronoun opening ``sentence`` (``वह याद करती हैं कि …``) that no cue made a source: the
        person it stands for is the sentence's subject, who outranks others named in it for a pronoun in
        the next sentence (``उनकी दादी बिजली कड़कने पर …``)."""
        doc = self.doc
        first, stop = doc.sentence_tokens(sentence)
        index = next((index for index in range(first, stop) if doc.is_word(index)), stop)
        if index >= stop or doc.masked[index] or lexicon().pronouns.get(doc.keys[index]) != "subject":
            return []
        if index in _covered(sources):
            return []
        canonical = self._antecedent(index, sentence)
        if canonical is None:
            return []
        return [Mention(SpeakerPhrase("pronoun", index, index + 1, index), sentence, canonical, True)]

    def canonical(self, phrase: SpeakerPhrase, sentence: int) -> str | None:
        """The key of ``phrase`` in ``sentence``: entity key, full name, resolved antecedent, or the description."""
        self._read_through(sentence)
        return self._canonical(phrase, sentence)

    def _canonical(self, phrase: SpeakerPhrase, sentence: int) -> str | None:
        """:meth:`canonical` with the sentences it needs already read."""
        if phrase.entity is not None:
            return phrase.entity.canonical or phrase.entity.text
        spelt_out = self._spelt_out(phrase)
        if spelt_out:
            return spelt_out
        if phrase.kind == "name":
            full = self._longest_holding(phrase, self.names.full_name(phrase.start, phrase.end))
            return self._spelt_otherwise(phrase, full) or full
        if phrase.kind == "pronoun":
            return self._antecedent(phrase.start, sentence)
        if phrase.kind == "description":
            return self._description_canonical(phrase)
        if phrase.kind == "organisation":
            judge = self.names.sole_judge() if self.doc.keys[phrase.end - 1] in lexicon().court_nouns else None
            if judge:
                return judge
            named = (
                self._quoted_name_before(phrase)
                or self._organisation_named_before(phrase)
                or self._generic_named_before(phrase)
            )
            return named or _description_key(self.doc, phrase)
        return _description_key(self.doc, phrase)

    def _longest_holding(self, phrase: SpeakerPhrase, full: str) -> str:
        """For a one-word name, the longest full name met before that holds the word, when that name and
        ``full`` are all parts of one another (``कुसुम`` -> ``कुसुम देवी मौर्य``, not ``कुसुम देवी``;
        ``इरफ़ान`` -> ``मोहम्मद इरफ़ान अंसारी``); ``full`` when they name different people."""
        if phrase.end - phrase.start != 1:
            return full
        names = [*self.holders.get(self.doc.keys[phrase.start], ()), full]
        longest = max(names, key=lambda name: len(name.split()))
        whole = _canonical_keys(longest)
        if all(_holds(whole, _canonical_keys(name)) for name in names):
            return longest
        return full

    def _spelt_otherwise(self, phrase: SpeakerPhrase, full: str) -> str | None:
        """The full name a name met for the first time spells differently (``सर्गेई ब्रागिन`` after ``सेर्गेई
        ब्रागिन``, ``अलवारेज`` after ``होसे मैनुअल अल्वारेस``): the one person named before whose last words
        meet its words under :func:`loose_name_key`."""
        keys = _name_keys(self.doc, phrase.start, phrase.end)
        size = len(keys)
        if not keys or _canonical_keys(full) != keys:
            return None
        earlier = [entry for entry in self.names.entries if entry.position < phrase.start and len(entry.keys) >= size]
        if any(entry.keys[-size:] == keys for entry in earlier):
            return None
        found = {
            self.names.longer_name(entry.keys) or entry.text
            for entry in earlier
            if (entry.complete or entry.roles) and _loosely_equal(entry.keys[-size:], keys)
        }
        longest = max(found, key=lambda name: len(name.split()), default=None)
        if longest is None or not all(_holds(_canonical_keys(longest), _canonical_keys(name)) for name in found):
            return None
        return longest

    def _organisation_named_before(self, phrase: SpeakerPhrase) -> str | None:
        """The full name of a short organisation name (``आयोग`` or ``मंडी परिषद`` after ``राज्य निर्वाचन
        आयोग``, ``… कृषि उत्पादन मंडी परिषद``; ``उपभोक्ता आयोग`` after ``जिला उपभोक्ता विवाद निवारण आयोग``):
        the last longer organisation before it with the same head that holds its words in order, where its
        phrase ends (not ``पाकिस्तानी सेना`` in ``… सेना प्रमुख``); for a headline, the
        first such one in the body."""
        doc = self.doc
        keys = _word_keys(doc, phrase.start, phrase.end)
        positions = _key_positions(doc).get(keys[-1], [])
        if phrase.end <= doc.headline_stop:
            earlier: Iterable[int] = positions[bisect_left(positions, doc.headline_stop) :]
        else:
            earlier = reversed(positions[: bisect_left(positions, phrase.start)])
        for index in earlier:
            if index == 0 or doc.masked[index] or not doc.is_word(index - 1) or _heads_on(doc, index + 1):
                continue
            first = doc.sentence_tokens(doc.token_sentence[index])[0]
            span = noun_phrase(doc, index + 1, first)
            named = analyse(doc, *span, self.entities) if span else None
            if named is None or named.kind != "organisation":
                continue
            full = _word_keys(doc, named.start, named.end)
            if len(full) > len(keys) and full[-1] == keys[-1] and _in_order(keys, full):
                return _description_key(doc, named)
        return None

    def _quoted_name_before(self, phrase: SpeakerPhrase) -> str | None:
        """The quoted name a bare organisation noun was given before (``कंपनी`` after ``'क्विकबास्केट' नाम की
        एक डिलीवरी कंपनी``, ``एयरलाइन`` after ``निजी एयरलाइन 'स्काईलिंक एयरवेज'``), or the name in apposition
        right after it (``अहमदाबाद की कंपनी मेडिवेल लाइफसाइंसेज का``); for a headline, the first one in the
        body."""
        doc = self.doc
        if phrase.end - phrase.start != 1:
            return None
        positions = _key_positions(doc).get(doc.keys[phrase.start], [])
        if phrase.end <= doc.headline_stop:
            earlier: Iterable[int] = positions[bisect_left(positions, doc.headline_stop) :]
        else:
            earlier = reversed(positions[: bisect_left(positions, phrase.start)])
        for index in earlier:
            if doc.masked[index]:
                continue
            found = (
                _quoted_after(doc, index + 1)
                or _quoted_before(doc, _naming_word_before(doc, index))
                or _appositive_name(doc, index + 1)
            )
            if found:
                return found
        return None

    def _generic_named_before(self, phrase: SpeakerPhrase) -> str | None:
        """The organisation a bare generic noun stands for (``कंपनी`` after ``… पावर जनरेशन लिमिटेड``,
        ``ब्रोकरेज फर्म`` after ``… कैपिटल ने``, ``पार्टी`` after ``कांग्रेस ने``): the nearest name before it,
        within the antecedent window, that ends in one of the heads of its one or two generic nouns."""
        doc = self.doc
        generic = lexicon().generic_organisations
        keys = _word_keys(doc, phrase.start, phrase.end)
        if not keys or len(keys) > 2 or any(key not in generic for key in keys):
            return None
        heads = frozenset().union(*(generic[key] for key in keys))
        floor = doc.sentence_tokens(max(doc.token_sentence[phrase.start] - _ANTECEDENT_WINDOW, 0))[0]
        where = _key_positions(doc)
        earlier = [
            index
            for head in heads
            for index in where.get(head, ())
            if floor <= index < phrase.start and not doc.masked[index]
        ]
        for index in sorted(earlier, reverse=True):
            span = noun_phrase(doc, index + 1, doc.sentence_tokens(doc.token_sentence[index])[0])
            named = analyse(doc, *span, self.entities) if span else None
            if named is not None and named.kind in ("organisation", "name") and _names_fully(doc, named, generic):
                return _description_key(doc, named)
        return None

    def _spelt_out(self, phrase: SpeakerPhrase) -> str | None:
        """The full name of a one-word acronym the article defines or names in full (``सीएयू``, ``इसरो``)."""
        if phrase.kind not in ("name", "organisation") or phrase.end - phrase.start != 1:
            return None
        return self._acronym(self.doc.keys[phrase.start])

    def _acronym(self, key: str) -> str | None:
        """The full name of acronym ``key``: defined in brackets in the article (``उत्तराखंड क्रिकेट एसोसिएशन
        (सीएयू)``), else a well-known one whose full name the article gives."""
        if key in self.acronyms:
            return self.acronyms[key]
        full = lexicon().institution_acronyms.get(key)
        if full is None:
            return None
        if self._folded_text is None:
            self._folded_text = match_text(self.doc.text)
        return full if match_key(full) in self._folded_text else None

    def _description_canonical(self, phrase: SpeakerPhrase) -> str:
        """A bare title stands for a person named before: as a surname (``प्रधान``), else the person named
        with that title (in the headline: named after it, in the body); an indefinite description (``सेना के
        एक अधिकारी``) stays as written."""
        doc = self.doc
        head = _head_index(doc, phrase.start, phrase.end)
        if _is_indefinite(doc, phrase.start, head):
            return _description_key(doc, phrase)
        if _is_bare_title(doc, phrase):
            surname = self.names.longer_name((doc.keys[head],))
            if surname:
                return surname
        holder = self.names.person_with_role(phrase.start, head + 1)
        if holder is None and phrase.end <= doc.headline_stop and _is_bare_title(doc, phrase):
            holder = self.names.person_with_role(phrase.start, head + 1, ahead=True)
        return holder or _description_key(doc, phrase)

    def _unresolved_title(self, mention: Mention) -> bool:
        """A bare title no person was found for (``निर्देशक के मुताबिक``): no antecedent for a pronoun."""
        phrase = mention.phrase
        return (
            phrase.kind == "description"
            and _is_bare_title(self.doc, phrase)
            and mention.canonical == _description_key(self.doc, phrase)
        )

    def antecedent(self, token: int, sentence: int, window: int = _ANTECEDENT_WINDOW) -> str | None:
        """The person a pronoun at ``token`` stands for: the nearest sentence's speaking source, else its
        only person, within ``window`` sentences; None when that sentence names several people and none
        of them speaks."""
        self._read_through(sentence)
        return self._antecedent(token, sentence, window)

    def _antecedent(self, token: int, sentence: int, window: int = _ANTECEDENT_WINDOW) -> str | None:
        """:meth:`antecedent` with the sentences it needs already read."""
        for index in range(min(sentence, len(self.mentions) - 1), max(sentence - window, -1), -1):
            found = [
                mention
                for mention in self.mentions[index]
                if mention.canonical
                and mention.phrase.kind in ("name", "description", "pronoun")
                and mention.phrase.end <= token
                and not self._unresolved_title(mention)
                and self._may_be_person(mention)
            ]
            found = _outermost(found)
            if not found:
                continue
            speaking = self._reporting([mention for mention in found if mention.speaks]) or _opening_subject(found)
            pool = speaking or self._without_possessors(found)
            if speaking or len({match_key(mention.canonical or "") for mention in pool}) == 1:
                return pool[-1].canonical
            return None
        return None

    def _reporting(self, speaking: list[Mention]) -> list[Mention]:
        """The speaking mentions not inside the ``कि`` clause another one reports (``X ने कहा कि भारत … बाज़ार के
        हिसाब से …``: X, not the market, is the one a pronoun after it stands for)."""
        keys = self.doc.keys
        return [
            mention
            for mention in speaking
            if not any(
                other.phrase.end <= mention.phrase.start and "कि" in keys[other.phrase.end : mention.phrase.start]
                for other in speaking
            )
        ]

    def likely_person(self, token: int, sentence: int, window: int = _ANTECEDENT_WINDOW) -> str | None:
        """Who a speech with no source of its own is by: the nearest sentence's speaking source, else its
        subject (a name before ``ने`` or opening the sentence), else its one person, within ``window``
        sentences; None when that sentence leaves a choice. Unlike :meth:`antecedent` a sentence's subject
        outranks the other people it names (``X ने Y को …``)."""
        self._read_through(sentence)
        doc = self.doc
        for index in range(min(sentence, len(self.mentions) - 1), max(sentence - window, -1), -1):
            found = _outermost(
                [
                    mention
                    for mention in self.mentions[index]
                    if mention.canonical
                    and mention.phrase.kind in ("name", "description")
                    and mention.phrase.end <= token
                    and not self._unresolved_title(mention)
                    and self._may_be_person(mention)
                ]
            )
            if not found:
                continue
            subjects = [
                mention
                for mention in found
                if mention.subject or (mention.phrase.end < len(doc.keys) and doc.keys[mention.phrase.end] == "ने")
            ]
            pool = [mention for mention in found if mention.speaks] or subjects or self._without_possessors(found)
            keys = {match_key(mention.canonical or "") for mention in pool}
            return pool[-1].canonical if len(keys) == 1 else None
        return None

    def _may_be_person(self, mention: Mention) -> bool:
        """Whether a mention can stand for one person: no relative or possessive pronoun in it (``जिस``,
        ``उनके परिवार``), no organisation or place noun, no plural group (``आक्रोशित ग्रामीणों``)."""
        doc = self.doc
        lex = lexicon()
        phrase = mention.phrase
        if phrase.kind == "pronoun":
            return True
        if self._spelt_out(phrase):
            return False
        words = [index for index in range(phrase.start, phrase.end) if doc.is_word(index)]
        keys = [doc.keys[index] for index in words]
        if not keys or any(key in lex.relative_pronouns for key in keys):
            return False
        office_holder = phrase.kind == "description" and lex.is_role(keys[-1])
        organisation = [
            index
            for index in words
            if doc.keys[index] in lex.organisations
            and not (phrase.kind == "name" and _is_organisation_surname(doc, index, phrase.start))
        ]
        if not office_holder and organisation:
            return False
        if any(lex.pronouns.get(key) == "possessive" for key in keys):
            return False
        if phrase.kind == "name" and _known_full_name(mention.canonical or "", len(keys)):
            return True
        return not (keys[-1].endswith(_OBLIQUE_PLURAL) and not is_person_word(doc.word(phrase.end - 1)))

    def _without_possessors(self, mentions: list[Mention]) -> list[Mention]:
        """The mentions not followed by a genitive (``अब्दुल हमीद की भांजी रुखसाना``: the niece, not
        her uncle, is the subject), or all of them when every one is."""
        doc = self.doc
        heads = [
            mention
            for mention in mentions
            if mention.phrase.end >= len(doc.keys) or doc.keys[mention.phrase.end] not in lexicon().genitives
        ]
        if heads:
            return heads
        named = [mention for mention in mentions if not _possesses_next(mention, mentions)]
        return named or mentions


def _quoted_after(doc: Document, open_: int) -> str | None:
    """The words of a short quotation of words alone opened at token ``open_`` (``'स्काईलिंक एयरवेज'``)."""
    if open_ >= len(doc.keys) or doc.word(open_) not in _QUOTE_MARKS:
        return None
    for index in range(open_ + 1, min(open_ + _MAX_QUOTED_NAME_TOKENS, len(doc.keys))):
        if doc.word(index) in _QUOTE_MARKS:
            return doc.tokens_text(open_ + 1, index) if index > open_ + 1 else None
        if not doc.is_word(index) or doc.masked[index]:
            return None
    return None


def _quoted_before(doc: Document, close: int | None) -> str | None:
    """The words of a short quotation of words alone closed at token ``close`` (``'क्विकबास्केट'``)."""
    if close is None or close < 0 or doc.word(close) not in _QUOTE_MARKS:
        return None
    for index in range(close - 1, max(close - _MAX_QUOTED_NAME_TOKENS, -1), -1):
        if doc.word(index) in _QUOTE_MARKS:
            return doc.tokens_text(index + 1, close) if index < close - 1 else None
        if not doc.is_word(index) or doc.masked[index]:
            return None
    return None


def _appositive_name(doc: Document, start: int) -> str | None:
    """The name of two to four plain words right after an organisation noun at ``start - 1``, closed by a
    marker or postposition (``कंपनी मेडिवेल लाइफसाइंसेज का है``); not a role or organisation word."""
    lex = lexicon()
    index = start
    while index < len(doc.keys) and index - start <= _MAX_NAME_WORDS and _is_name_candidate(doc, index):
        if doc.keys[index] in lex.organisations or lex.is_role(doc.keys[index]):
            return None
        index += 1
    if not 2 <= index - start <= _MAX_NAME_WORDS or index >= len(doc.keys) or not _closes_name(doc.keys[index]):
        return None
    return doc.tokens_text(start, index)


def _naming_word_before(doc: Document, noun: int) -> int | None:
    """The token before a naming word (``नाम की``, ``नामक``) a few plain words before ``noun`` (``नाम की एक
    डिलीवरी कंपनी``), if any."""
    lex = lexicon()
    for index in range(noun - 1, max(noun - _MAX_NAMING_REACH, 0), -1):
        key = doc.keys[index]
        if key in lex.naming_words:
            return index - 1
        if key in lex.genitives and doc.keys[index - 1] in lex.naming_words:
            return index - 2
        if not doc.is_word(index) or doc.masked[index] or key in lex.np_stops:
            return None
    return None


def _in_order(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether the words of ``part`` stand in ``whole`` in the same order (others may come between)."""
    rest = iter(whole)
    return all(word in rest for word in part)


def _heads_on(doc: Document, index: int) -> bool:
    """Whether the noun phrase goes on at token ``index``: a plain word, no function word, verb or marker."""
    return index < len(doc.keys) and is_attributive_noun(doc, index) and not _closes_name(doc.keys[index])


def _word_keys(doc: Document, start: int, stop: int) -> tuple[str, ...]:
    """The keys of the words among tokens ``[start, stop)``."""
    return tuple(doc.keys[index] for index in range(start, stop) if doc.is_word(index))


def _key_positions(doc: Document) -> dict[str, list[int]]:
    """For every key of ``doc``, the tokens where it stands, in order (built once per document)."""

    def build(doc: Document) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for index, key in enumerate(doc.keys):
            found.setdefault(key, []).append(index)
        return found

    return doc.derived("key_positions", build)


def _speaks_alone(doc: Document, index: int) -> bool:
    """Whether the word at ``index`` stands alone as a speaker elsewhere in the article: after no name word
    and right before a speech verb or agent marker (``अफ़रीदी कहते हैं``, ``अफ़रीदी ने``)."""
    lex = lexicon()
    key = doc.keys[index]
    for other in _key_positions(doc).get(key, ()):
        following = other + 1
        if other == index or following >= len(doc.keys) or doc.masked[other]:
            continue
        if other > 0 and doc.is_word(other - 1) and _is_name_candidate(doc, other - 1):
            continue
        after = doc.keys[following]
        agent = after not in lex.genitives and any(marker[0] == after for marker in lex.agent_markers)
        if agent or lex.is_cue_word(after):
            return True
    return False


def _canonical_keys(name: str) -> tuple[str, ...]:
    """The match keys of the words of a name as written."""
    return tuple(match_key(word) for word in name.split())


def _loosely_equal(keys: tuple[str, ...], others: tuple[str, ...]) -> bool:
    """Whether two names' words are the same up to :func:`loose_name_key` (short words exactly)."""
    return len(keys) == len(others) and all(
        key == other or loose_name_key(key) == loose_name_key(other) is not None
        for key, other in zip(keys, others, strict=True)
    )


def _holds(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether ``part`` is a run of consecutive words of ``whole``."""
    return any(whole[start : start + len(part)] == part for start in range(len(whole) - len(part) + 1))


def _known_full_name(canonical: str, words: int) -> bool:
    """Whether a name written in ``words`` words resolved to a longer full name holding a known given name
    or surname (``ढिल्लों`` -> ``गुरदीप सिंह ढिल्लों``): a person even when it looks like an oblique plural."""
    parts = canonical.split()
    return len(parts) > words and any(is_person_word(part) for part in parts)


def _opening_subject(mentions: list[Mention]) -> list[Mention]:
    """The first of ``mentions`` (in reading order) when it is a name standing as the unmarked subject of
    its sentence (``17 साल की लक्ष्मी भील … नर्स बनना चाहती हैं।``): it outranks the people named after it
    for a pronoun in the next sentence."""
    return mentions[:1] if mentions and mentions[0].subject else []


def _names_fully(doc: Document, named: SpeakerPhrase, generic: dict[str, frozenset[str]]) -> bool:
    """Whether ``named``, ending in a head, is a full organisation name: two words or more, or one head that
    is no generic noun itself (``कांग्रेस``, not ``पार्टी``)."""
    return named.end - named.start > 1 or doc.keys[named.start] not in generic


def _named_longer(mentions: list[Mention], entry: _NameEntry) -> bool:
    """Whether a mention inside ``entry``'s words already stands for a longer name holding them (``पिता
    रमेश सिंह चौहान`` when ``चौहान`` was met: ``सिंह चौहान`` read as ``रमेश सिंह चौहान``)."""
    inside = range(entry.position + 1, entry.stop)
    return any(
        mention.phrase.first in inside
        and mention.canonical is not None
        and _in_order(_canonical_keys(entry.text), _canonical_keys(mention.canonical))
        for mention in mentions
    )


def _covered(mentions: list[Mention]) -> set[int]:
    """Token indices the mentions' phrases cover (a name found there again is the same mention)."""
    return {index for mention in mentions for index in range(mention.phrase.first, mention.phrase.end)}


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions not inside a longer one (``राणा`` within ``पूनम राणा``)."""
    return [
        mention
        for mention in mentions
        if not any(
            other is not mention
            and other.phrase.start <= mention.phrase.start
            and mention.phrase.end <= other.phrase.end
            and other.phrase.end - other.phrase.start > mention.phrase.end - mention.phrase.start
            for other in mentions
        )
    ]


def _possesses_next(mention: Mention, mentions: list[Mention]) -> bool:
    """Whether another mention follows ``mention``'s genitive closely (``नेहा की मां सुदेश देवी``: the
    mother is the subject, not Neha)."""
    end = mention.phrase.end
    return any(end < other.phrase.start <= end + _POSSESSOR_REACH for other in mentions)


def _is_introduced(doc: Document, start: int, stop: int) -> bool:
    """Whether the name over ``[start, stop)`` follows an introducing word (``की``, ``वाली``) and is closed
    by a marker, postposition, number word or emphatic particle (``वाली ज़ैनब ख़ातून की``, ``की अनीता जोसेफ़
    दो साल``, ``की रीना कुमारी भी``)."""
    lex = lexicon()
    if start == 0 or stop >= len(doc.keys) or doc.keys[start - 1] not in lex.introducers:
        return False
    key = doc.keys[stop]
    return doc.is_word(stop) and (_closes_name(key) or key in lex.numerals or key in lex.emphatic_particles)


def _follows_introducer(doc: Document, start: int, stop: int) -> bool:
    """Whether a name over ``[start, stop)`` follows an age and an introducing word (``कम उम्र की सदस्य 23 साल
    की रश्मिता नायक``), with no introducer inside it: it heads the chain of modifiers."""
    lex = lexicon()
    introducers = lex.introducers
    if start < 3 or doc.keys[start - 1] not in introducers:
        return False
    age = doc.word(start - 3)
    if not (age.isdigit() or doc.keys[start - 3] in lex.numerals):
        return False
    return not any(doc.keys[index] in introducers for index in range(start, stop))


def _follows_participle(doc: Document, start: int) -> bool:
    """Whether a name starting at ``start`` follows a participle closing a clause about it, after a verb
    (``मछली पकड़ रहे क्नुट ओल्सेन``)."""
    before = start - 1
    return (
        before > 0
        and doc.keys[before] in lexicon().participle_modifiers
        and doc.is_word(before - 1)
        and not doc.masked[before - 1]
    )


def _is_located(doc: Document, start: int, stop: int) -> bool:
    """Whether an introduced name over ``[start, stop)`` is a place: a locative postposition closes it
    (``नॉर्वे के ट्रोम्सो बंदरगाह पर``) and it holds no known given name or surname."""
    return doc.keys[stop] in lexicon().locatives and not _is_known_person(doc, start, stop)


def _is_age(doc: Document, index: int) -> bool:
    """Whether tokens ``index`` and the next are a number and a descriptor (``52 वर्षीय``)."""
    return (
        index + 1 < len(doc.keys) and doc.tokens[index].kind == "number" and doc.keys[index + 1] in lexicon().descriptors
    )


def _is_described(doc: Document, start: int) -> bool:
    """Whether a descriptor (an age: ``71 वर्षीय``) stands right before the name starting at ``start``."""
    return start > 0 and doc.keys[start - 1] in lexicon().descriptors


def _names_organisation(doc: Document, index: int, stop: int) -> bool:
    """Whether the plain words from ``index`` run on to an organisation noun before any marker: unless a
    descriptor introduces it as a person's, the name before them is part of an institution's (``संजय गांधी
    स्नातकोत्तर आयुर्विज्ञान संस्थान``), not the subject."""
    organisations = lexicon().organisations
    for word in range(index, min(index + _MAX_NAME_WORDS, stop)):
        key = doc.keys[word]
        if key in organisations:
            return True
        if not doc.is_word(word) or doc.masked[word] or _closes_name(key) or not _is_name_candidate(doc, word):
            return False
    return False


def _is_known_person(doc: Document, start: int, stop: int) -> bool:
    """Whether the name over ``[start, stop)`` starts with a known given name or ends in a known surname."""
    return is_person_word(doc.word(start)) or is_person_word(doc.word(stop - 1))


def _qualifies_title(doc: Document, index: int, stop: int) -> bool:
    """Whether a role word at ``index`` with a name after it follows the words before it, which then
    qualify the role rather than name a person (``पूर्व खान मंत्री भंवरलाल चौधरी``)."""
    return index + 1 < stop and lexicon().is_role(doc.keys[index]) and _is_name_candidate(doc, index + 1)


def _is_unmarked(doc: Document, index: int) -> bool:
    """Whether the word at ``index`` after a name leaves it unmarked (a subject): a word that is no
    genitive, agent marker, postposition, conjunction or speech verb; a demonstrative opens the next phrase
    (``क्नुट ओल्सेन इस तनाव से …``), an auxiliary ends the clause, an emphatic particle or a cue adverb is read
    past (``रामप्रीत यादव भी थे``, ``शांति देवी फिर उसी कुर्सी के पास …``)."""
    lex = lexicon()
    key = doc.keys[index]
    if (key in lex.emphatic_particles or key in lex.cue_adverbs) and index + 1 < len(doc.keys):
        return _is_unmarked(doc, index + 1)
    if not doc.is_word(index) or key in lex.genitives or key in lex.conjunctions:
        return False
    if key in lex.demonstratives or key in lex.auxiliaries:
        return True
    return not (_closes_name(key) or any(marker[0] == key for marker in lex.agent_markers))


def _closes_name(key: str) -> bool:
    """A word that may directly follow a whole name: an agent marker, genitive, speech verb or postposition."""
    lex = lexicon()
    return key in lex.genitives or key in lex.np_stops or lex.is_cue_word(key)


def _is_bare_title(doc: Document, phrase: SpeakerPhrase) -> bool:
    """Whether the phrase is only titles and roles (``मुख्यमंत्री``, ``पूर्व मंत्री``, ``निर्देशक``)."""
    lex = lexicon()
    return all(
        lex.is_role(doc.keys[index])
        or _is_role_complement(doc, index)
        or doc.keys[index] in lex.honorifics | lex.former | lex.name_suffixes
        for index in range(phrase.start, phrase.end)
        if doc.is_word(index)
    )


def _named_in(
    doc: Document, sentence: int, known: dict[str, str], sources: list[Mention], names: NameIndex
) -> list[Mention]:
    """Other mentions in ``sentence`` of people named before (by the last word of their name), not where
    the word opens another full name (``इकरा बशीर`` met, then ``पिता बशीर अहमद डार``); where it closes
    another one, that person (``दीक्षा जोशी`` met, then ``गीता जोशी की आंखें``)."""
    covered = _covered(sources)
    first, stop = doc.sentence_tokens(sentence)
    found = []
    for index in range(first, stop):
        key = doc.keys[index]
        if key not in known or index in covered or doc.masked[index] or _opens_other_name(names, index):
            continue
        other = _other_name_ending(names, index, known[key])
        if other is None:
            found.append(Mention(SpeakerPhrase("name", index, index + 1, index), sentence, known[key], False))
        elif other.position not in covered:
            phrase = SpeakerPhrase("name", other.position, other.stop, other.position)
            found.append(Mention(phrase, sentence, names.longer_name(other.keys) or other.text, False))
    return found


def _other_name_ending(names: NameIndex, index: int, canonical: str) -> _NameEntry | None:
    """A full name of two words or more, opening with a known name word, ending at ``index`` and no part of
    ``canonical`` (``गीता जोशी`` after ``दीक्षा जोशी`` was met): the shared surname is another person's there."""
    whole = _canonical_keys(canonical)
    for entry in names.between(max(index - _MAX_NAME_WORDS, 0), index):
        if not (entry.complete and entry.stop == index + 1 and len(entry.keys) > 1):
            continue
        if is_person_word(names.doc.word(entry.position)) and not _holds(whole, entry.keys):
            return entry
    return None


def _opens_other_name(names: NameIndex, index: int) -> bool:
    """Whether a full name ending in a known surname starts at ``index`` (``बशीर अहमद डार``)."""
    return any(
        entry.complete and entry.by_first_word and len(entry.keys) > 1 and is_person_word(entry.text.split()[-1])
        for entry in names.between(index, index + 1)
    )


def _description_key(doc: Document, phrase: SpeakerPhrase) -> str:
    """A description or organisation without leading honorifics, as written, and without a short name after
    an alias marker (``… परीक्षा मंडल यानी व्यापम``)."""
    start = phrase.start
    honorifics = lexicon().honorifics
    while start < phrase.end - 1 and (doc.keys[start] in honorifics or not doc.is_word(start)):
        start += 1
    stop = _before_alias(doc, start, phrase.end)
    return doc.tokens_text(_past_possessor_title(doc, start, stop), stop)


def _past_possessor_title(doc: Document, start: int, stop: int) -> int:
    """Past a role word before the name a relation is given by (``घायल शमीम अख्तर के पति`` -> ``शमीम अख्तर
    के पति``): as for a name, the key leaves the possessor's title out."""
    lex = lexicon()
    following = start + 1
    if following >= stop or not lex.is_role(doc.keys[start]) or not _is_name_word(doc, following):
        return start
    genitive = next((index for index in range(following, stop) if doc.keys[index] in lex.genitives), None)
    if genitive is None or genitive == stop - 1 or not all(_is_name_word(doc, i) for i in range(following, genitive)):
        return start
    return following


def _sources_in(doc: Document, sentence: int, entities: list[EntityLike]) -> list[tuple[SpeakerPhrase, bool]]:
    """Sources of one sentence in order: those of its cues (speaking) and other ``ने`` / ``द्वारा`` agents."""
    first, stop = doc.sentence_tokens(sentence)
    found: dict[int, tuple[SpeakerPhrase, bool]] = {}
    for cue in cues_between(doc, first, stop):
        phrase = source_of(doc, cue, first, entities)
        if phrase is not None:
            found[phrase.start] = (phrase, True)
    for phrase in _inverted_sources(doc, first, stop, entities):
        found[phrase.start] = (phrase, True)
    for phrase in _agents(doc, first, stop, entities):
        found.setdefault(phrase.start, (phrase, False))
    return [found[start] for start in sorted(found)]


def _inverted_sources(
    doc: Document, first: int, stop: int, entities: list[EntityLike]
) -> list[SpeakerPhrase]:
    """The sources of inverted attributions right after a quotation among tokens ``[first, stop)``."""
    masked = doc.masked
    found = []
    for index in range(max(first, 1), stop):
        if masked[index] or not masked[index - 1]:
            continue
        inverted = inverted_source(doc, index, entities)
        if inverted is not None and inverted[1] is not None:
            found.append(inverted[1])
    return found


def _agents(doc: Document, first: int, stop: int, entities: list[EntityLike]) -> list[SpeakerPhrase]:
    """Ergative pronouns and the phrases before agent markers (``ने``, ``द्वारा``) among tokens ``[first, stop)``
    outside quoted speech, in order."""
    lex = lexicon()
    keys, masked = doc.keys, doc.masked
    marker_ends = phrases_by_word(lex.agent_markers, -1)
    found = []
    for index in range(first, stop):
        key = keys[index]
        if masked[index] or (key not in marker_ends and key not in lex.pronouns):
            continue
        if lex.pronouns.get(key) == "ergative":
            found.append(SpeakerPhrase("pronoun", index, index + 1, index))
            continue
        marker = phrase_ending_at(keys, index, lex.agent_markers)
        span = noun_phrase(doc, index - marker + 1, first) if marker else None
        phrase = analyse(doc, *span, entities) if span else None
        if phrase is not None:
            found.append(phrase)
    return found


def _bracketed_acronyms(doc: Document, entities: list[EntityLike]) -> dict[str, str]:
    """Acronyms with their full names defined in brackets after an organisation (``उत्तराखंड क्रिकेट
    एसोसिएशन (सीएयू)``); the last definition of one wins."""
    found = {}
    for index in range(1, len(doc.tokens) - 2):
        if doc.word(index) != "(" or doc.word(index + 2) != ")" or not doc.is_word(index + 1):
            continue
        first = doc.sentence_tokens(doc.token_sentence[index])[0]
        span = noun_phrase(doc, index, first)
        phrase = analyse(doc, *span, entities) if span else None
        if phrase is not None and _may_spell_out(doc, phrase):
            found[doc.keys[index + 1]] = doc.tokens_text(phrase.start, phrase.end)
    return found


def _may_spell_out(doc: Document, phrase: SpeakerPhrase) -> bool:
    """Whether a phrase before a bracketed word may be that acronym's full name: an organisation, or a
    name of two or more words none of which is a known person word (``भारतीय कुश्ती महासंघ``)."""
    if phrase.end - phrase.start < 2:
        return False
    if phrase.kind == "organisation":
        return True
    words = range(phrase.start, phrase.end)
    return phrase.kind == "name" and not any(is_person_word(doc.word(index)) for index in words)
