"""The article's names: every run of words that reads as a person's name, with its titles and roles,
so that a short form (``कुरैशी``, ``डॉ. कादियान``) finds the full name it stands for."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .cues import lexicon
from .document import Document
from .names import is_given_name, is_person_word
from .phrases import (
    _MAX_NAME_WORDS,
    EntityLike,
    _area_before_name,
    _before_alias,
    _bracket_closing,
    _bracket_opening,
    _ends_sentence,
    _is_abbreviation_dot,
    _is_initial,
    _is_surname,
    _is_title,
    is_attributive_noun,
)
from .places import is_place
from .token_facts import _facts, _is_name_candidate, _is_name_word, _is_title_key


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

    @property
    def ends_in_surname(self) -> bool:
        """Whether the name ends in a known surname, or in any family name after a known given name and a
        word that stands inside names (``गोपाल सिंह राणावत``)."""
        words = self.text.split()
        if is_person_word(words[-1]):
            return True
        return len(self.keys) == 3 and self.keys[1] in lexicon().inner_surnames and is_given_name(words[0])


def _name_keys(doc: Document, start: int, end: int) -> tuple[str, ...]:
    """Keys of the words of a name, without name suffixes (``जी``) and dots."""
    suffixes = lexicon().name_suffixes
    end = _before_alias(doc, start, end)
    return tuple(doc.keys[i] for i in range(start, end) if doc.is_word(i) and doc.keys[i] not in suffixes)


def _within_name_length(doc: Document, start: int, stop: int) -> bool:
    """Whether tokens ``[start, stop)`` hold fewer than ``_MAX_NAME_WORDS`` name words (counted only when
    there are that many tokens)."""
    return stop - start < _MAX_NAME_WORDS or len(_name_keys(doc, start, stop)) < _MAX_NAME_WORDS


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


def _possessor_met_before(doc: Document, index: int) -> bool:
    """Whether the known given name at ``index``, after a surname and before a genitive, is another person
    the article named before, opening a name or alone (``अजय यादव … शिवपूजन सिंह अजय के पड़ोसी हैं``): the
    possessor of what follows, not a third word of the name before it."""
    following = index + 1
    if index < 1 or following >= len(doc.keys) or doc.keys[following] not in lexicon().genitives:
        return False
    if not is_given_name(doc.word(index)) or not is_person_word(doc.word(index - 1)):
        return False
    return any(
        other < index and not doc.masked[other] and not (other > 0 and _is_name_candidate(doc, other - 1))
        for other in _key_positions(doc).get(doc.keys[index], ())
    )


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
    """Whether the word at ``index`` is a place, no known name word, with a genitive, locative or ablative
    after it (``बहन रिंकी गोपालगंज के एक कॉलेज में``, ``मुन्नी देवी जहानाबाद से आई हैं``): where the person
    is or comes from, not their surname."""
    following = index + 1
    if following >= len(doc.keys) or is_person_word(doc.word(index)) or not is_place(doc, index):
        return False
    lex = lexicon()
    return any(doc.keys[following] in words for words in (lex.genitives, lex.locatives, lex.ablatives))


def _opens_run(doc: Document, index: int) -> bool:
    """Whether a three-word name may start at token ``index``: after punctuation or an introducing word."""
    return index == 0 or (
        index > 0 and (not doc.is_word(index - 1) or doc.keys[index - 1] in lexicon().introducers)
    )


def _after_inner_surname(doc: Document, before: int) -> bool:
    """Whether a known given name at ``before`` is followed by a word that stands inside names (``गोपाल
    सिंह राणावत``): the word after that is the family name, known or not."""
    return (
        before >= 0
        and doc.keys[before + 1] in lexicon().inner_surnames
        and is_given_name(doc.word(before))
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
            inner = _after_inner_surname(doc, before)
            closed = _closes_run(doc, index + 1) or (known and is_given_name(doc.word(before))) or inner
            if (_opens_run(doc, before) or inner) and _is_name_candidate(doc, before) and closed:
                if _owns_thing(doc, index) or _possessor_met_before(doc, index):
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
            return key not in lex.honorifics and not lex.is_role(key) and _is_name_candidate(doc, index)
        if key in lex.honorifics:
            following = index + 1
            return following >= len(doc.keys) or not _is_name_candidate(doc, following)
        if _is_middle_name(doc, index):
            return True
        if lex.is_role(key):
            return _is_surname(doc, index, title) and not _titles_next_name(doc, index)
        if index - start >= 2 and (_owns_thing(doc, index) or _possessor_met_before(doc, index)):
            return False
        if _ends_before_name(doc, index):
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
            and other.ends_in_surname
        ]
        return max(longer, key=lambda other: len(other.keys)) if longer else entry

    def person_with_role(self, start: int, stop: int, ahead: bool = False) -> str | None:
        """The person last named before token ``start`` with the role words ending ``[start, stop)``
        (``मुख्यमंत्री`` -> ``मोहन यादव``), or with ``ahead`` the first named after it (a headline's title);
        a former holder (``पूर्व मुख्यमंत्री``) only for a former role; not one named inside quoted speech."""
        keys = self.doc.keys
        lex = lexicon()
        roles = lex.expand_role(tuple(keys[max(stop - 2, start) : stop]))[-2:]
        former = any(key in lex.former for key in keys[start:stop])
        matching = [
            (entry, lex.expand_role(entry.roles)[-2:])
            for entry in self.entries
            if entry.roles
            and not self.doc.masked[entry.position]
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
    """Whether a name of three words or more reads one word past a known surname (``इशिता राठौर शादी के``,
    ``रामबहोर पटेल जमीन के``): its last word, no person word, is the thing the genitive after it belongs to.
    The name opens with a given name or an unknown word, not with a surname."""
    words = entry.text.split()
    if len(entry.keys) < 3 or len(words) < 3 or is_person_word(words[-1]):
        return False
    opening = is_given_name(words[0]) or not is_person_word(words[0])
    return opening and is_person_word(words[-2]) and not is_given_name(words[-2])


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
    known = [entry for entry in entries if entry.ends_in_surname]
    return max(known or entries, key=lambda entry: len(entry.keys))


def _name_text(doc: Document, start: int, stop: int) -> str:
    """The original text of a name, without trailing name suffixes."""
    suffixes = lexicon().name_suffixes
    stop = _before_alias(doc, start, stop)
    while stop - 1 > start and (doc.keys[stop - 1] in suffixes or not doc.is_word(stop - 1)):
        stop -= 1
    return doc.tokens_text(start, stop)


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


def _is_age(doc: Document, index: int) -> bool:
    """Whether tokens ``index`` and the next are a number and a descriptor (``52 वर्षीय``)."""
    return (
        index + 1 < len(doc.keys) and doc.tokens[index].kind == "number" and doc.keys[index + 1] in lexicon().descriptors
    )


def _closes_name(key: str) -> bool:
    """A word that may directly follow a whole name: an agent marker, genitive, speech verb or postposition."""
    lex = lexicon()
    return key in lex.genitives or key in lex.np_stops or lex.is_cue_word(key)
