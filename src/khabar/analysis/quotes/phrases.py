"""The source phrase of a cue: its words and its kind.

A source is read back from its marker (``ने``, ``द्वारा``, ``की ओर से``, an attribution's genitive)
or, for cues without one (``X कहते हैं``), from the cue itself, until a stop word (data/np_stops.txt),
punctuation or quoted speech. The phrase is then one of:

- ``pronoun`` (``उन्होंने``, ``वह``, ``उनका``): resolved to the last person named before it;
- ``organisation`` / ``description``: it ends in an organisation or role noun and is kept whole
  (``पाकिस्तानी सेना``, ``पूजा की माँ``, ``एक बीजेपी नेता``);
- ``group``: two sources joined by a conjunction (``राम और श्याम``);
- ``name``: the words after the last honorific, role, organisation noun or genitive
  (``विदेश मंत्री लावरोव`` -> ``लावरोव``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, Protocol

from .cues import Cue, Phrase, cue_at, lexicon, phrase_at, phrases_by_word
from .document import Document
from .names import is_person_word
from .places import is_place, place_cues
from .token_facts import _facts, _is_everyday, _is_name_candidate, _is_name_word

SpeakerKind = Literal["name", "description", "organisation", "pronoun", "group"]


_MAX_PHRASE_WORDS = 10


_MAX_INVERTED_SOURCE_WORDS = 16


_MAX_NAME_WORDS = 4


#: A speech verb with no subject at all (``फिर हंसकर बोलीं,``, ``जवाब आया,``) reaches further back, to the
#: person the interview is about: the sentences between often name no one (``करीब 18 हजार सब्सक्राइबर हैं.``).
SUBJECTLESS_WINDOW = 8


_SENTENCE_END = frozenset("।॥?!")


_MAX_BRACKET_TOKENS = 14


_MAX_RELATIVE_CLAUSE_TOKENS = 30


CONJUNCTIVE_ENDING = "कर"


_MAX_PARTICIPLE_CLAUSE = 6
#: The most words a participle's complement runs over between a named subject and the participle.
_MAX_MARKED_CLAUSE = 8


_MAX_ADDRESSEE_WORDS = 3


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
        after = analyse(doc, alias + 1, stop, entities)
        if named.kind == "description" and after.kind == "name":
            return after
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
    if _is_everyday(doc.keys[head]):
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
    सहकारी संघ``); an everyday adverb is no part of it (``रामअवध यादव खुद सेना से``)."""
    lex = lexicon()
    start = first
    for index in range(first, head - 1):
        title = _is_title(doc, index) and not _qualifying_role(doc, start, index)
        after_role = doc.keys[index] in lex.conjunctions and index > first and lex.is_role(doc.keys[index - 1])
        if doc.keys[index] in lex.genitives or title or after_role:
            start = index + 1
    start = max(start, _past_adverbs(doc, start, head))
    dropped_before = lex.ministry_qualifiers.get(doc.keys[start], frozenset())
    return start + 1 if doc.keys[head] in dropped_before and start + 1 < head else start


def _past_adverbs(doc: Document, start: int, head: int) -> int:
    """Just past the last everyday adverb among tokens ``[start, head)`` (``खुद``), else ``start``."""
    adverbs = lexicon().everyday_adverbs
    return next((index + 1 for index in range(head - 1, start - 1, -1) if doc.keys[index] in adverbs), start)


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
    if is_person_word(doc.word(given)):
        return True
    compound = (doc.keys[given], doc.keys[index]) in _role_tails()
    return not compound and given - 1 >= floor and is_title_word(doc, given - 1)


@cache
def _role_tails() -> frozenset[tuple[str, str]]:
    """The last two words of the roles abbreviations stand for (``चिकित्सा अधिकारी`` of ``मुख्य चिकित्सा
    अधिकारी``): after a title they continue the role (``प्रमुख चिकित्सा अधिकारी``), they name nobody."""
    return frozenset(full[-2:] for full in lexicon().role_abbreviations.values() if len(full) > 1)


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
    width = _area_width(doc, index, stop)
    if width and index + width < stop and _is_name_candidate(doc, index + width):
        return width
    return 1 if _is_place_before_name(doc, title, index) else 0


def _area_width(doc: Document, index: int, stop: int) -> int:
    """How many words from ``index`` are areas of charge, one after another (``उपायुक्त श्रम रोजगार``)."""
    areas = lexicon().office_areas
    width = 0
    while index + width < stop and areas.get(doc.keys[index + width], 0):
        width += areas[doc.keys[index + width]]
    return width


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
    while stop > floor and (doc.keys[stop - 1] in lex.cue_adverbs or _is_doubled(doc.keys[stop - 1])):
        stop -= 1
    width = _participle_width(doc, stop, floor)
    if width:
        stop -= width
        while stop > floor and doc.keys[stop - 1] in lex.cue_adverbs:
            stop -= 1
        stop = _before_participle_object(doc, stop, floor)
    return _before_object(doc, _before_conjunctive_participle(doc, _before_channel(doc, stop, floor), floor), floor)


def _is_doubled(key: str) -> bool:
    """A word written twice with a hyphen: an adverb before the verb (``जाते-जाते बोले``, ``धीरे-धीरे कहा``)."""
    first, hyphen, second = key.partition("-")
    return bool(hyphen) and first == second != ""


def _participle_width(doc: Document, stop: int, floor: int) -> int:
    """How many words before ``stop`` close an adverbial participle: two for a verb and its closer
    (``रोते हुए``), one for a participle of holding (``गिलास थामे``); else 0."""
    lex = lexicon()
    if stop - 2 >= floor and doc.keys[stop - 1] in lex.adverbial_participles and doc.is_word(stop - 2):
        return 2
    return 1 if stop - 2 >= floor and doc.keys[stop - 1] in lex.held_participles else 0


def _before_object(doc: Document, stop: int, floor: int) -> int:
    """Where the subject ends before the speech verb's object of everyday words (``पिता सिर्फ गोंडी बोलते हैं``,
    ``वे सच कहते हैं``): past those words, unless they name people or an organisation (``लोग कहते हैं``) or a
    genitive joins them to the words before (``फौजियों का जिला कहा जाता है``)."""
    index = stop
    while index > floor and _is_everyday_object(doc, index - 1):
        index -= 1
    subject = index - 1
    if index == stop or subject < floor or not doc.is_word(subject) or doc.keys[subject] in lexicon().genitives:
        return stop
    return index


def _is_everyday_object(doc: Document, index: int) -> bool:
    """Whether the word at ``index`` is an everyday word that may be a verb's object, not its subject."""
    lex = lexicon()
    key = doc.keys[index]
    if doc.masked[index] or key in lex.people_nouns or key in lex.organisations:
        return False
    return _is_everyday(key)


def _before_participle_object(doc: Document, stop: int, floor: int) -> int:
    """Where the subject ends before the object of an adverbial participle (``सुमित्रा कमरे का ताला
    लगाते हुए``): after the clause's first word when that is a subject pronoun or a person named before,
    and a genitive or postposition marks the words after it as the participle's complement."""
    lex = lexicon()
    named = _name_before_marked_clause(doc, stop, floor)
    if named is not None:
        return named
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


def _name_before_marked_clause(doc: Document, stop: int, floor: int) -> int | None:
    """Where a named subject ends before a participle's complement marked by a genitive or postposition
    (``मां बुधनी देवी | बेटे के पैरों की मालिश करते हुए``): after the nearest known name word, when plain
    words with such a marker follow it; None when the marker joins the name to them (``राम के पिता``)."""
    lex = lexicon()
    marked = False
    for index in range(stop - 1, max(floor, stop - 1 - _MAX_MARKED_CLAUSE) - 1, -1):
        if doc.masked[index] or not doc.is_word(index):
            return None
        if is_person_word(doc.word(index)):
            after = doc.keys[index + 1]
            return index + 1 if marked and index + 1 < stop and after not in lex.genitives else None
        if doc.keys[index] in lex.pronouns or lex.is_cue_word(doc.keys[index]):
            return None
        marked = marked or doc.keys[index] in lex.genitives or _is_postposition(doc.keys[index])
    return None


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
