"""The SQLite schema of khabar's embedded store (one file; WAL so readers work while one writer ingests)."""

from __future__ import annotations

import sqlite3

from khabar.store.dedup import SIGNATURE_SCHEME
from khabar.store.search import FTS_TOKENIZE

SCHEMA_VERSION = 3

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 30000",
    "PRAGMA cache_size = -131072",  # 128 MiB: a batch's random index pages are written once per commit
    "PRAGMA temp_store = MEMORY",
)

TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- One row per `khabar ingest`: what it read and did; an interrupted run stays 'interrupted'.
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,
    specs TEXT NOT NULL,
    pages INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    empty INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);
-- One row per page read (a file, a WARC record, a JSONL line), keyed by where it came from.
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    url TEXT,
    error TEXT,
    run_id INTEGER REFERENCES runs(id),
    seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clusters (
    id INTEGER PRIMARY KEY,
    size INTEGER NOT NULL
);
-- Small columns first: search reads id, cluster, day, site, language and title of every match, and
-- SQLite must walk a row's overflow pages to reach a column stored after a large one.
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL UNIQUE REFERENCES sources(id),
    cluster_id INTEGER REFERENCES clusters(id),
    published_day TEXT,
    site TEXT,
    language TEXT,
    published TEXT,
    modified TEXT,
    title TEXT,
    url TEXT,
    content_hash TEXT NOT NULL,
    authors TEXT NOT NULL,
    author_bio TEXT,
    categories TEXT NOT NULL,
    tags TEXT NOT NULL,
    minhash BLOB NOT NULL,
    sentences TEXT NOT NULL,
    boilerplate TEXT NOT NULL,
    paragraphs TEXT,  -- JSON, or NULL when splitting text at blank lines gives them back (no second copy)
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_day ON articles(published_day);
CREATE INDEX IF NOT EXISTS articles_site ON articles(site, published_day);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster_id);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE TABLE IF NOT EXISTS article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    PRIMARY KEY (article_id, author)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_authors_author ON article_authors(author);
-- One row per real-world entity across the store: label plus a spelling-tolerant key of its name.
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    name TEXT NOT NULL,
    gloss TEXT,
    mention_count INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entities_rank ON entities(article_count DESC);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    canonical TEXT NOT NULL,
    gloss TEXT
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id, article_id);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_canonical TEXT,
    speaker_entity_id INTEGER REFERENCES entities(id),
    cue TEXT,
    channel TEXT,
    speaker_kind TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_entity ON quotes(speaker_entity_id);
-- MinHash LSH buckets: articles sharing a band key are near-duplicate candidates.
CREATE TABLE IF NOT EXISTS lsh_bands (
    band_key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lsh_bands_article ON lsh_bands(article_id);
"""


def search_table_sql() -> str:
    """The FTS5 table over index terms (rowid = article id): title, body, and English names from glosses."""
    tokenize = FTS_TOKENIZE.replace("'", "''")
    return (
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
        f"title, body, names, tokenize = '{tokenize}', detail = full)"
    )


def create(connection: sqlite3.Connection) -> None:
    """Create the schema if needed and check its version."""
    for pragma in PRAGMAS:
        connection.execute(pragma)
    with connection:
        connection.executescript(TABLES)
        connection.execute(search_table_sql())
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            connection.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) != SCHEMA_VERSION:
            raise RuntimeError(f"database schema version {row[0]}, this khabar reads version {SCHEMA_VERSION}")
        _check_meta(connection, "minhash_scheme", SIGNATURE_SCHEME)


def _check_meta(connection: sqlite3.Connection, key: str, expected: str) -> None:
    """Record ``key`` on a new database; refuse a database written with another value."""
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        connection.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (key, expected))
    elif row[0] != expected:
        raise RuntimeError(f"database was written with {key} {row[0]!r}; this khabar uses {expected!r}")
