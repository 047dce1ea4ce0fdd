"""Writing to the SQLite store: ingest runs, articles with their mentions, quotations, index terms,
MinHash bands and duplicate clusters, one transaction per batch (see :mod:`khabar.store.sqlite_store`)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import UTC, datetime

from khabar.analysis.ner.canonical import spelling_key
from khabar.records import Article, Entity, Quotation
from khabar.store import dedup
from khabar.store.checkpoint import Checkpointer
from khabar.store.crossscript import name_terms
from khabar.store.interface import PutResult
from khabar.store.search import index_terms
from khabar.store.search.terms import text_words


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(published: str | None) -> str | None:
    return published[:10] if published and len(published) >= 10 else None


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def entity_key(label: str, name: str) -> str:
    """The store-wide key of an entity: its label and a spelling-tolerant form of its canonical name."""
    return f"{label}:{spelling_key(name)}"


class SQLiteWrites:
    """The writing part of :class:`khabar.store.sqlite_store.SQLiteStore` (needs ``self.db``)."""

    db: sqlite3.Connection
    _in_transaction: bool
    _checkpointer: Checkpointer | None

    def _begin(self) -> None:
        if not self._in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self._in_transaction = True

    def commit(self) -> None:
        if self._in_transaction:
            self.db.execute("COMMIT")
            self._in_transaction = False
            if self._checkpointer is not None:
                self._checkpointer.after_commit()

    def rollback(self) -> None:
        """Drop every :meth:`put` since the last commit."""
        if self._in_transaction:
            self.db.execute("ROLLBACK")
            self._in_transaction = False

    def page_fingerprint(self, source: str) -> str | None:
        row = self.db.execute(
            "SELECT fingerprint FROM sources WHERE source = ? AND error IS NULL", (source,)
        ).fetchone()
        return row[0] if row else None

    def start_run(self, specs: list[str]) -> int:
        """Record the start of an ingest run; runs left 'running' by a killed process become 'interrupted'."""
        self._begin()
        self.db.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        cursor = self.db.execute(
            "INSERT INTO runs(started, status, specs) VALUES (?, 'running', ?)",
            (_now(), json.dumps(specs, ensure_ascii=False)),
        )
        self.commit()
        return int(cursor.lastrowid)

    def update_run(self, run_id: int, counters: dict[str, int]) -> None:
        """Set a run's counters (pages, added, updated, unchanged, empty, failed) in the open transaction."""
        self._begin()
        self.db.execute(
            """UPDATE runs SET pages = :pages, added = :added, updated = :updated, unchanged = :unchanged,
                   empty = :empty, failed = :failed WHERE id = :id""",
            {**counters, "id": run_id},
        )

    def finish_run(self, run_id: int, status: str = "done") -> None:
        self._begin()
        self.db.execute("UPDATE runs SET finished = ?, status = ? WHERE id = ?", (_now(), status, run_id))
        self.commit()

    def put(self, article: Article, fingerprint: str, run_id: int | None = None) -> PutResult:
        source = article.source or article.url or ""
        if not source:
            raise ValueError("an article needs a source or url to be stored")
        self._begin()
        row = self.db.execute("SELECT id, fingerprint FROM sources WHERE source = ?", (source,)).fetchone()
        if row is not None and row["fingerprint"] == fingerprint:
            stored = self.db.execute("SELECT id, cluster_id FROM articles WHERE source_id = ?", (row["id"],)).fetchone()
            return PutResult("unchanged", stored[0] if stored else 0, stored[1] if stored else 0)
        values = (fingerprint, article.url, article.error, run_id, _now())
        old_id = None
        if row is None:
            cursor = self.db.execute(
                "INSERT INTO sources(fingerprint, url, error, run_id, seen, source) VALUES (?, ?, ?, ?, ?, ?)",
                (*values, source),
            )
            source_id, status = int(cursor.lastrowid), "added"
        else:
            source_id, status = row["id"], "updated"
            self.db.execute(
                "UPDATE sources SET fingerprint = ?, url = ?, error = ?, run_id = ?, seen = ? WHERE id = ?",
                (*values, source_id),
            )
            old = self.db.execute("SELECT id FROM articles WHERE source_id = ?", (source_id,)).fetchone()
            if old is not None:
                old_id = old[0]
                self._remove_article(old_id)
        if article.error is not None or not article.text.strip():
            return PutResult(status, 0, 0)
        body_terms, words = text_words(article.text)
        mark = dedup.fingerprint_of_words(words)
        bands = dedup.band_keys(mark.signature)
        cluster = self._choose_cluster(mark, bands)
        article_id = self._insert_article(article, source_id, old_id, mark, body_terms, cluster)
        self.db.executemany(
            "INSERT OR IGNORE INTO lsh_bands(band_key, article_id) VALUES (?, ?)", [(key, article_id) for key in bands]
        )
        return PutResult(status, article_id, cluster)

    def _insert_article(self, article: Article, source_id: int, article_id: int | None,
                        mark: dedup.Fingerprint, body_terms: list[str], cluster: int) -> int:
        cursor = self.db.execute(
            """INSERT INTO articles(id, source_id, url, title, published, published_day, modified, site,
                   language, authors, author_bio, categories, tags, paragraphs, text, boilerplate, sentences,
                   content_hash, minhash, cluster_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article_id,
                source_id,
                article.url,
                article.title,
                article.published,
                _day(article.published),
                article.modified,
                article.site_name,
                article.language,
                _json(article.authors),
                article.author_bio,
                _json(article.categories),
                _json(article.tags),
                None if article.text.split("\n\n") == article.paragraphs else _json(article.paragraphs),
                article.text,
                _json([[b.text, b.kind] for b in article.boilerplate]),
                _json([[s.start, s.end] for s in article.sentences or []]),
                mark.content_hash,
                dedup.signature_to_bytes(mark.signature),
                cluster,
            ),
        )
        article_id = int(cursor.lastrowid)
        self.db.executemany(
            "INSERT OR IGNORE INTO article_authors(article_id, author) VALUES (?, ?)",
            [(article_id, author) for author in article.authors],
        )
        entity_ids = self._insert_entities(article_id, article.entities or [])
        self._insert_quotes(article_id, article.quotes or [], entity_ids)
        glosses = sorted({e.gloss for e in article.entities or [] if e.gloss})
        self.db.execute(
            "INSERT INTO search_index(rowid, title, body, names) VALUES (?, ?, ?, ?)",
            (
                article_id,
                " ".join(index_terms(article.title or "")),
                " ".join(body_terms),
                " ".join(name_terms(glosses)),
            ),
        )
        return article_id

    def _insert_entities(self, article_id: int, entities: list[Entity]) -> dict[str, int]:
        """Store the article's mentions; return entity ids by the article's canonical names."""
        ids: dict[str, int] = {}
        per_entity: Counter[int] = Counter()
        rows = []
        for entity in entities:
            key = entity_key(entity.label, entity.canonical)
            entity_id = ids.get(key)
            if entity_id is None:
                entity_id = self.db.execute(
                    """INSERT INTO entities(key, label, name, gloss) VALUES (?, ?, ?, ?)
                       ON CONFLICT(key) DO UPDATE SET gloss = coalesce(entities.gloss, excluded.gloss)
                       RETURNING id""",
                    (key, entity.label, entity.canonical, entity.gloss),
                ).fetchone()[0]
                ids[key] = entity_id
                ids.setdefault(entity.canonical, entity_id)
            per_entity[entity_id] += 1
            rows.append((article_id, entity_id, entity.start, entity.end, entity.text, entity.canonical, entity.gloss))
        self.db.executemany(
            'INSERT INTO mentions(article_id, entity_id, start, "end", text, canonical, gloss) VALUES (?, ?, ?, ?, ?, ?, ?)',
            rows,
        )
        self.db.executemany(
            "UPDATE entities SET mention_count = mention_count + ?, article_count = article_count + 1 WHERE id = ?",
            [(n, entity_id) for entity_id, n in per_entity.items()],
        )
        return ids

    def _insert_quotes(self, article_id: int, quotes: list[Quotation], entity_ids: dict[str, int]) -> None:
        rows = []
        for quote in quotes:
            speaker_entity = None
            if quote.speaker_canonical:
                speaker_entity = entity_ids.get(quote.speaker_canonical) or self._entity_by_name(quote.speaker_canonical)
            rows.append((
                article_id, quote.start, quote.end, quote.text, quote.kind, quote.speaker, quote.speaker_start,
                quote.speaker_end, quote.speaker_canonical, speaker_entity, quote.cue, quote.channel,
                quote.speaker_kind,
            ))
        self.db.executemany(
            """INSERT INTO quotes(article_id, start, "end", text, kind, speaker, speaker_start, speaker_end,
                   speaker_canonical, speaker_entity_id, cue, channel, speaker_kind)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )

    def _entity_by_name(self, name: str) -> int | None:
        for label in ("PER", "ORG", "LOC"):
            row = self.db.execute("SELECT id FROM entities WHERE key = ?", (entity_key(label, name),)).fetchone()
            if row:
                return row[0]
        return None

    def _remove_article(self, article_id: int) -> None:
        """Take an article out of every table (before it is stored again in its changed form)."""
        self.db.execute(
            """UPDATE entities SET mention_count = mention_count - m.n, article_count = article_count - 1
               FROM (SELECT entity_id, count(*) AS n FROM mentions WHERE article_id = ? GROUP BY entity_id) AS m
               WHERE entities.id = m.entity_id""",
            (article_id,),
        )
        cluster = self.db.execute("SELECT cluster_id FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        for table in ("mentions", "quotes", "article_authors", "lsh_bands"):
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM search_index WHERE rowid = ?", (article_id,))
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.db.execute("UPDATE clusters SET size = size - 1 WHERE id = ?", (cluster,))
        self.db.execute("DELETE FROM clusters WHERE id = ? AND size <= 0", (cluster,))

    def _choose_cluster(self, mark: dedup.Fingerprint, bands: list[int]) -> int:
        """The cluster of a new article's confirmed near-duplicates (clusters it bridges are merged into
        the oldest), or a new one; its size already counts the article about to be stored."""
        # Articles sharing MIN_SHARED_BANDS band keys or more: counted from the band index alone, so
        # the many one-band coincidences of a large store never read an article row.
        keys = ",".join("?" * len(bands)) or "NULL"
        shared = [
            r[0]
            for r in self.db.execute(
                f"""SELECT article_id FROM lsh_bands WHERE band_key IN ({keys})
                    GROUP BY article_id HAVING count(*) >= ?""",
                (*bands, dedup.MIN_SHARED_BANDS),
            )
        ]
        marks = ",".join("?" * len(shared)) or "NULL"
        candidates = self.db.execute(
            f"""SELECT a.id, a.minhash, a.content_hash, a.cluster_id FROM articles a WHERE a.id IN ({marks})
                UNION
                SELECT a.id, a.minhash, a.content_hash, a.cluster_id FROM articles a WHERE a.content_hash = ?""",
            (*shared, mark.content_hash),
        ).fetchall()
        signature = mark.signature
        clusters = sorted({
            c["cluster_id"]
            for c in candidates
            if c["content_hash"] == mark.content_hash
            or dedup.similarity(signature, dedup.signature_from_bytes(c["minhash"])) >= dedup.NEAR_DUPLICATE_THRESHOLD
        })
        if not clusters:
            return int(self.db.execute("INSERT INTO clusters(size) VALUES (1)").lastrowid)
        cluster, merged = clusters[0], clusters[1:]
        if merged:
            marks = ",".join("?" * len(merged))
            self.db.execute(f"UPDATE articles SET cluster_id = ? WHERE cluster_id IN ({marks})", (cluster, *merged))
            self.db.execute(f"DELETE FROM clusters WHERE id IN ({marks})", merged)
        self.db.execute(
            "UPDATE clusters SET size = (SELECT count(*) FROM articles WHERE cluster_id = ?) + 1 WHERE id = ?",
            (cluster, cluster),
        )
        return cluster
