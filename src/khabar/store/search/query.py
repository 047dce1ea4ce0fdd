"""Search queries as users type them, turned into safe FTS5 MATCH expressions.

Syntax: bare words (all must match), ``"quoted phrases"`` (words next to each other), ``word*`` (words
that begin so), ``a OR b`` (either; binds tighter than the implicit AND, so ``x a OR b`` is ``x AND (a
OR b)``) and a leading ``-`` for words or phrases that must not occur. Every word goes through the same
pipeline as ``index_terms``; in the expression every term is double-quoted, so nothing a user types can
act as FTS5 syntax. A prefix word is folded but not stemmed; because the index holds stems, a prefix
also matches its own stem as a whole term (``मोदी*`` finds ``मोदी``, indexed as ``मोद``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from khabar.hindi import normalise
from khabar.store.search.stemmer import stem
from khabar.store.search.terms import Word, analyse

MAX_QUERY_CHARS = 500
_QUOTES = '"“”„'
_CHUNK = re.compile(
    f"(?P<neg>-)?(?:[{_QUOTES}](?P<phrase>[^{_QUOTES}]*)(?:[{_QUOTES}]|$)(?P<star>\\*)?"
    f"|(?P<word>[^\\s{_QUOTES}]+))"
)
_OR = "OR"


class QueryError(ValueError):
    """A query that cannot be searched (too long)."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """Terms that must stand next to each other, in order (one term for a plain word).

    With ``prefix`` the last term matches any term it begins; ``stem``, when set, is the stem of a
    one-word prefix, matched as a whole term as well.
    """

    terms: tuple[str, ...]
    prefix: bool = False
    stem: str = ""

    def expression(self) -> str:
        """This phrase as an FTS5 expression, every term double-quoted."""
        quoted = [_quote(term) for term in self.terms]
        if self.prefix:
            quoted[-1] += "*"
        body = " + ".join(quoted)
        return f"({body} OR {_quote(self.stem)})" if self.stem else body


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: all ``groups`` must match (any phrase of a group will do), no ``excluded`` may.

    ``latin_words`` are the positive Latin-script whole words, folded and lower-cased but not stemmed,
    for matching against glosses and romanisations kept outside the FTS index.
    """

    groups: tuple[tuple[Phrase, ...], ...] = ()
    excluded: tuple[Phrase, ...] = ()
    latin_words: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether there is nothing to search for (no positive term)."""
        return not self.groups

    @property
    def terms(self) -> tuple[str, ...]:
        """All positive terms, each once: phrase terms, prefixes and the stems of prefixes."""
        found = []
        for group in self.groups:
            for phrase in group:
                found.extend(phrase.terms)
                if phrase.stem:
                    found.append(phrase.stem)
        return tuple(dict.fromkeys(found))

    @property
    def prefixes(self) -> tuple[str, ...]:
        """The positive terms that match any term they begin."""
        found = (phrase.terms[-1] for group in self.groups for phrase in group if phrase.prefix)
        return tuple(dict.fromkeys(found))

    def matches(self, term: str) -> bool:
        """Whether an indexed ``term`` is one the query looks for (for highlighting)."""
        return term in self.terms or term.startswith(self.prefixes)

    def fts_expression(self) -> str:
        """The FTS5 MATCH expression; ``""`` when the query has no positive term."""
        if not self.groups:
            return ""
        positive = " AND ".join(_group_expression(group) for group in self.groups)
        if not self.excluded:
            return positive
        return f"({positive})" + "".join(f" NOT {phrase.expression()}" for phrase in self.excluded)


class _Chunk(NamedTuple):
    """One piece of the query as typed: a word or a quoted phrase, or the ``OR`` operator."""

    text: str
    negated: bool = False
    prefix: bool = False
    is_or: bool = False


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _group_expression(group: tuple[Phrase, ...]) -> str:
    if len(group) == 1:
        return group[0].expression()
    return "(" + " OR ".join(phrase.expression() for phrase in group) + ")"


def parse_query(q: str) -> Query:
    """Parse a user's query; stop words are dropped unless the query has nothing else.

    Raises ``QueryError`` when ``q`` is longer than ``MAX_QUERY_CHARS`` characters.
    """
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(q)} characters long; at most {MAX_QUERY_CHARS} are allowed")
    chunks = _chunks(normalise(q).text)
    query = _build(chunks, keep_stop_words=False)
    if query.is_empty:
        with_stop_words = _build(chunks, keep_stop_words=True)
        if not with_stop_words.is_empty:
            return with_stop_words
    return query


def _chunks(text: str) -> list[_Chunk]:
    """The words, phrases and ``OR`` operators of a normalised query, in order."""
    chunks = []
    for match in _CHUNK.finditer(text):
        negated = match.group("neg") is not None
        word = match.group("word")
        if word is None:
            chunks.append(_Chunk(match.group("phrase"), negated, match.group("star") is not None))
        elif word == _OR and not negated:
            chunks.append(_Chunk(word, is_or=True))
        else:
            stripped = word.rstrip("*")
            chunks.append(_Chunk(stripped, negated, len(stripped) < len(word)))
    return chunks


def _build(chunks: list[_Chunk], keep_stop_words: bool) -> Query:
    """Group the chunks' phrases: ``OR`` joins a phrase to the group before it."""
    groups: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    latin: list[str] = []
    pending_or = False
    for chunk in chunks:
        if chunk.is_or:
            pending_or = bool(groups)
            continue
        words = analyse(chunk.text)[1]
        phrase = _phrase(words, chunk.prefix, keep_stop_words)
        if phrase is None:
            continue
        if chunk.negated:
            excluded.append(phrase)
        else:
            latin.extend(_latin_words(words, chunk.prefix, keep_stop_words))
            if pending_or:
                groups[-1].append(phrase)
            else:
                groups.append([phrase])
        pending_or = False
    return Query(tuple(tuple(group) for group in groups), tuple(excluded), tuple(dict.fromkeys(latin)))


def _phrase(words: list[Word], prefix: bool, keep_stop_words: bool) -> Phrase | None:
    """The phrase of a chunk's words; with ``prefix`` its last word, folded but unstemmed, is a prefix."""
    last = words[-1] if prefix and words else None
    whole = words[:-1] if last else words
    terms = [word.term for word in whole if keep_stop_words or not word.stop]
    if last is None:
        return Phrase(tuple(terms)) if terms else None
    prefix_stem = stem(last.folded) if not terms else ""
    return Phrase((*terms, last.folded), prefix=True, stem=prefix_stem if prefix_stem != last.folded else "")


def _latin_words(words: list[Word], prefix: bool, keep_stop_words: bool) -> list[str]:
    """The folded Latin whole words of a chunk (a prefix word is not whole)."""
    whole = words[:-1] if prefix else words
    return [word.folded for word in whole if word.latin and (keep_stop_words or not word.stop)]
