"""Who a source phrase stands for: one canonical key per person or organisation, and the person a
pronoun refers to.

Surface versus key: the speaker's surface form is the name as written without the titles before
it (``डॉ. कविता रमन`` -> ``कविता रमन``, ``मोदी जी`` keeps ``जी``); its canonical key is the first
fuller name in the article that ends with it (``कुरैशी`` -> ``शाह महमूद कुरैशी``), with honorifics
and name suffixes dropped, or the entity's canonical key when entities are given. Pronouns take the
speaking source, else the subject, of the nearest sentence before them that names a person.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from khabar.hindi import match_key
from khabar.hindi.normalise import match_text

from .cues import cues_between, lexicon, phrases_by_word
from .document import Document
from .name_index import (
    NameIndex,
    _closes_name,
    _is_age,
    _is_organisation_surname,
    _key_positions,
    _name_keys,
    _name_text,
    _NameEntry,
    _runs_past_surname,
)
from .names import is_given_name, is_person_word, loose_name_key
from .phrases import (
    _MAX_NAME_WORDS,
    EntityLike,
    SpeakerPhrase,
    _before_alias,
    _head_index,
    _is_indefinite,
    _is_role_complement,
    analyse,
    inverted_source,
    is_attributive_noun,
    noun_phrase,
    phrase_ending_at,
    source_of,
)
from .places import is_place
from .token_facts import _is_everyday, _is_name_candidate, _is_name_word

_ANTECEDENT_WINDOW = 4


_POSSESSOR_REACH = 4


_OBLIQUE_PLURAL = "ों"


_QUOTE_MARKS = frozenset("'\"‘’“”")


_MAX_QUOTED_NAME_TOKENS = 6


_MAX_NAMING_REACH = 5


_MAX_DESCRIPTION_WORDS = 5


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
        found.extend(self._description_opening(sentence, found))
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
            if other.complete and len(other.keys) > 1 and other.ends_in_surname
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
            and self._aged_one_word(index)
            and _is_unmarked(doc, index + 1)
            and not _is_name_word(doc, index + 1)
        ]

    def _aged_one_word(self, index: int) -> bool:
        """Whether the word at ``index`` is a one-word name after an age: a known given name after ``23 साल
        की``, ``23 वर्षीय`` or a participle (``दरभंगा से आए बबलू``), or another name word after an age in years (``67 वर्षीय रामखिलावन दो कंबल …``;
        not ``तीन किलोवाट का सिस्टम``). The caller checks that no name word follows it."""
        doc = self.doc
        if is_given_name(doc.word(index)):
            return (
                _follows_introducer(doc, index, index + 1)
                or (index >= 2 and _is_age(doc, index - 2))
                or _follows_participle(doc, index)
            )
        if not _is_name_word(doc, index) or is_person_word(doc.word(index)):
            return False
        aged = _follows_introducer(doc, index, index + 1) and doc.keys[index - 2] in lexicon().age_units
        return aged or (index >= 2 and _is_age(doc, index - 2))

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
        phrase = SpeakerPhrase("name", index, index + 1, index)
        full = self.names.introduced_name(doc.keys[index], index)
        if full is None and self._introduced_alone(index):
            return [Mention(phrase, sentence, doc.word(index), False, subject=True)]
        if full is None or not (is_person_word(doc.word(index)) or is_person_word(full.split()[-1])):
            return []
        return [Mention(phrase, sentence, full, False)]

    def _introduced_alone(self, index: int) -> bool:
        """Whether the word at ``index`` was introduced earlier in the body as a one-word name after an age
        or other introducing word (``26 साल के साहिल …``, then ``साहिल … करते हैं``)."""
        doc = self.doc
        key = doc.keys[index]
        return any(
            doc.keys[other] == key and not doc.masked[other] and _follows_introducer(doc, other, other + 1)
            for other in range(doc.headline_stop, index)
        )

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

    def _description_opening(self, sentence: int, sources: list[Mention]) -> list[Mention]:
        """A kinship or role description opening ``sentence`` as its unmarked subject, its role after a
        genitive (``साहिल के बड़े भाई इस मामले पर …``, ``दोनों बहनों की मां घर में बैठी थीं``): a candidate
        for a subjectless cue in the next sentences when nobody else is named after it."""
        doc = self.doc
        lex = lexicon()
        first, stop = doc.sentence_tokens(sentence)
        opening = next((index for index in range(first, stop) if doc.is_word(index)), stop)
        if opening >= stop or doc.masked[opening] or any(mention.speaks for mention in sources):
            return []
        for role in range(opening + 2, min(opening + _MAX_DESCRIPTION_WORDS, stop - 1)):
            if not doc.is_word(role) or doc.masked[role]:
                return []
            if not lex.is_role(doc.keys[role]):
                continue
            if role in _covered(sources) or not _is_unmarked(doc, role + 1) or _is_name_candidate(doc, role + 1):
                return []
            if not any(doc.keys[index] in lex.genitives for index in range(opening + 1, role)):
                return []
            if any(mention.phrase.start > role for mention in sources):
                return []
            phrase = SpeakerPhrase("description", opening, role + 1, opening)
            return [Mention(phrase, sentence, _description_key(doc, phrase), False, subject=True)]
        return []

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
        positions = self._kindred_positions(doc.keys[phrase.start])
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
                or _plain_name_before(doc, _naming_word_before(doc, index))
                or _appositive_name(doc, index + 1, business=doc.keys[index] in lexicon().business_nouns)
            )
            if found:
                return found
        return None

    def _kindred_positions(self, key: str) -> list[int]:
        """Where noun ``key`` stands in the article; for a business noun (``कंपनी``), where any business
        noun stands (``स्टार्टअप``, ``बिल्डर``), in reading order."""
        where = _key_positions(self.doc)
        if key not in lexicon().business_nouns:
            return where.get(key, [])
        return sorted(index for noun in lexicon().business_nouns for index in where.get(noun, ()))

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
        """A bare title no person was found for (``निर्देशक के मुताबिक``): no antecedent for a pronoun. An
        officer named by post alone as the agent of a verb (``कलेक्टर ने बताया,``, ``उपायुक्त ने … मुलाकात
        की``) is one: a pronoun after it takes the post."""
        phrase = mention.phrase
        return (
            phrase.kind == "description"
            and _is_bare_title(self.doc, phrase)
            and mention.canonical == _description_key(self.doc, phrase)
            and not _marks_agent(self.doc, phrase.end)
        )

    def antecedent(self, token: int, sentence: int, window: int = _ANTECEDENT_WINDOW) -> str | None:
        """The person a pronoun at ``token`` stands for: the nearest sentence's speaking source, else its
        only person, within ``window`` sentences; None when that sentence names several people and none
        of them speaks."""
        self._read_through(sentence)
        return self._antecedent(token, sentence, window)

    def _antecedent(self, token: int, sentence: int, window: int = _ANTECEDENT_WINDOW) -> str | None:
        """:meth:`antecedent` with the sentences it needs already read."""
        for found in self._people_before(token, sentence, window, ("name", "description", "pronoun")):
            speaking = self._reporting([mention for mention in found if mention.speaks]) or _opening_subject(found)
            pool = speaking or self._without_possessors(found)
            if speaking or len({match_key(mention.canonical or "") for mention in pool}) == 1:
                return pool[-1].canonical
            return None
        return None

    def _people_before(
        self, token: int, sentence: int, window: int, kinds: tuple[str, ...]
    ) -> Iterator[list[Mention]]:
        """For each sentence from ``sentence`` back over ``window`` sentences (already read), nearest first,
        the outermost resolved mentions of ``kinds`` before ``token`` that may stand for one person; sentences
        with none are skipped."""
        for index in range(min(sentence, len(self.mentions) - 1), max(sentence - window, -1), -1):
            found = _outermost(
                [
                    mention
                    for mention in self.mentions[index]
                    if mention.canonical
                    and mention.phrase.kind in kinds
                    and mention.phrase.end <= token
                    and not self._unresolved_title(mention)
                    and self._may_be_person(mention)
                ]
            )
            if found:
                yield found

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
        for found in self._people_before(token, sentence, window, ("name", "description")):
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


def _plain_name_before(doc: Document, last: int | None) -> str | None:
    """The unquoted name of one to four plain words ending at token ``last``, before a naming word
    (``ग्रीनव्हील मोबिलिटी नाम की कंपनी``); no person's name, organisation or role word."""
    if last is None or last < 1:
        return None
    lex = lexicon()
    index = last
    while index >= 0 and last - index < _MAX_NAME_WORDS and _is_name_candidate(doc, index):
        if doc.keys[index] in lex.organisations or lex.is_role(doc.keys[index]) or is_person_word(doc.word(index)):
            return None
        index -= 1
    if index == last or (index >= 0 and _is_name_candidate(doc, index)):
        return None
    return doc.tokens_text(index + 1, last + 1)


def _appositive_name(doc: Document, start: int, business: bool = False) -> str | None:
    """The name of two to four plain words right after an organisation noun at ``start - 1``, closed by a
    marker or postposition (``कंपनी मेडिवेल लाइफसाइंसेज का है``); not a role or organisation word, nor a place
    before ``में`` (``पार्टी दक्षिण भारत में``: where it works). After a
    business noun, one word will do (``स्टार्टअप पेवाला ने``), but no person's name (``बिल्डर राकेश शर्मा``)."""
    lex = lexicon()
    index = start
    while index < len(doc.keys) and index - start <= _MAX_NAME_WORDS and _is_name_candidate(doc, index):
        if doc.keys[index] in lex.organisations or lex.is_role(doc.keys[index]):
            return None
        index += 1
    fewest = 1 if business else 2
    if not fewest <= index - start <= _MAX_NAME_WORDS or index >= len(doc.keys) or not _closes_name(doc.keys[index]):
        return None
    if business and any(is_person_word(doc.keys[word]) for word in range(start, index)):
        return None
    if doc.keys[index] in lex.locatives and is_place(doc, index - 1):
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
    (``क्नुट ओल्सेन इस तनाव से …``) and so does an everyday word (``दीपिका अगले साल …``), an auxiliary or an
    intransitive verb ends the clause (``हमें रोहित पांडे मिले``), an emphatic particle or a cue adverb is
    read past (``रामप्रीत यादव भी थे``, ``शांति देवी फिर उसी कुर्सी के पास …``)."""
    lex = lexicon()
    key = doc.keys[index]
    if (key in lex.emphatic_particles or key in lex.cue_adverbs) and index + 1 < len(doc.keys):
        return _is_unmarked(doc, index + 1)
    if not doc.is_word(index) or key in lex.genitives or key in lex.conjunctions:
        return False
    if key in lex.demonstratives or key in lex.auxiliaries or _is_everyday(key):
        return True
    if key in lex.intransitive_verbs:
        return True
    return not (_closes_name(key) or any(marker[0] == key for marker in lex.agent_markers))


def _marks_agent(doc: Document, index: int) -> bool:
    """Whether an agent marker (``ने``) stands at token ``index``, right after a phrase."""
    return index < len(doc.keys) and phrase_ending_at(doc.keys, index, lexicon().agent_markers) == 1


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
    एसोसिएशन (सीएयू)``), without a conjunction joining it to the one before (``पुलिस और सीमा सुरक्षा बल
    (बीएसएफ)``); the last definition of one wins."""
    found = {}
    for index in range(1, len(doc.tokens) - 2):
        if doc.word(index) != "(" or doc.word(index + 2) != ")" or not doc.is_word(index + 1):
            continue
        first = doc.sentence_tokens(doc.token_sentence[index])[0]
        span = noun_phrase(doc, index, first)
        phrase = analyse(doc, *span, entities) if span else None
        if phrase is not None and _may_spell_out(doc, phrase):
            start = phrase.start
            while start < phrase.end - 1 and doc.keys[start] in lexicon().conjunctions:
                start += 1
            found[doc.keys[index + 1]] = doc.tokens_text(start, phrase.end)
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
