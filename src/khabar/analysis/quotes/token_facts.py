"""Word facts the speaker rules share, read once per document: which words are initials, titles and
name words, which given names a word stands before, and which word pairs a hyphen joins into names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .cues import lexicon
from .document import Document
from .names import is_given_name, is_person_word


@lru_cache(maxsize=1 << 16)
def _is_title_key(key: str) -> bool:
    """An honorific, organisation noun, administrative unit, role or descriptor, by the word alone."""
    lex = lexicon()
    return (key in lex.honorifics or key in lex.organisations or key in lex.jurisdictions or lex.is_role(key)
            or key in lex.descriptors)


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


def _is_name_candidate(doc: Document, index: int) -> bool:
    """A Devanagari word that may be part of a name: no function word, verb, pronoun, title or role."""
    return not doc.masked[index] and _facts(doc).name_shape[index]


@lru_cache(maxsize=1 << 16)
def _may_be_name_key(key: str) -> bool:
    """Whether a word, by itself, may be part of a name (no function word, verb, pronoun, cue or everyday
    word: ``घर``, ``बात``)."""
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
        lex.gloss_markers,
    )
    if key in lex.headline_verbs or _is_everyday(key):
        return False
    if key in lex.relational_nouns:
        return False
    if key in lex.pronouns or key in lex.relative_pronouns or any(key in words for words in closed_classes):
        return False
    return not (lex.is_cue_word(key) or lex.is_attribution_word(key) or key.endswith(lex.clause_suffixes))


def _is_everyday(key: str) -> bool:
    """Whether a word, or every part of a hyphenated word, is an everyday word (``घर``, ``थोड़ी-बहुत``)."""
    words = lexicon().common_words
    return all(part in words for part in key.split("-"))


def _is_name_word(doc: Document, index: int) -> bool:
    """A name candidate that is not a verb: the word after it is no auxiliary (``नसरीन संभालती हैं``) and
    no participle's ``हुए`` (``रामकली हंसते हुए बोलीं``)."""
    return not doc.masked[index] and _facts(doc).name_word_shape[index]
