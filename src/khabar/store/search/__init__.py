"""Hindi-correct full-text search text layer for SQLite FTS5: index terms, queries and snippets."""

from khabar.store.search.query import MAX_QUERY_CHARS, Phrase, Query, QueryError, parse_query
from khabar.store.search.snippets import Snippet, snippet
from khabar.store.search.terms import FTS_TOKENIZE, Word, analyse, index_terms, term_spans

__all__ = [
    "FTS_TOKENIZE",
    "MAX_QUERY_CHARS",
    "Phrase",
    "Query",
    "QueryError",
    "Snippet",
    "Word",
    "analyse",
    "index_terms",
    "parse_query",
    "snippet",
    "term_spans",
]
