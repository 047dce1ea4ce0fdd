"""The embedded default backend: one SQLite file with FTS5 over Hindi-correct index terms.

Writes go through :meth:`SQLiteStore.put` inside one open transaction that :meth:`commit` ends, so a
batch of pages lands all or nothing: a run killed half-way leaves the last committed state, and the
next run redoes only what was lost. The database runs in WAL mode: readers never block the writer.
Every statement takes its values as parameters; the only SQL assembled at run time joins fixed
fragments chosen by which filters are set.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from khabar.analysis.ner.canonical import spelling_key
from khabar.records import Article, Boilerplate, Entity, Quotation, Span
from khabar.store import dedup, schema
from khabar.store.crossscript import consonant_key, latin_words, name_terms, with_name_keys
from khabar.store.interface import (
    MAX_PAGE_SIZE,
    RANK_WINDOW,
    ClusterRow,
    EntityRow,
    PutResult,
    QuoteRow,
    SearchFilters,
    SearchHit,
    SearchPage,
    SiteRow,
    Store,
)
from khabar.store.search import Query, index_terms, parse_query, snippet
from khabar.store.search.snippets import snippet_of_spans

#: bm25 column weights: a word in the title counts most, then an entity's English name, then the body.
BM25_WEIGHTS = (4.0, 1.0, 2.0)
SNIPPET_CHARS = 220


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(published: str | None) -> str | None:
    return published[:10] if published and len(published) >= 10 else None


def entity_key(label: str, name: str) -> str:
    """The store-wide key of an entity: its label and a spelling-tolerant form of its canonical name."""
    return f"{label}:{spelling_key(name)}"


class SQLiteStore(Store):
    """khabar's store in one SQLite file (created on first use)."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"no database at {self.path} (run `khabar ingest` first)")
            uri = f"file:{self.path.resolve()}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA busy_timeout = 30000")
        else:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            schema.create(self.db)
        self.db.row_factory = sqlite3.Row
        self._in_transaction = False

    # -- writing -----------------------------------------------------------------------------------

    def _begin(self) -> None:
        if not self._in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self._in_transaction = True

    def commit(self) -> None:
        if self._in_transaction:
            self.db.execute("COMMIT")
            self._in_transaction = False

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
        article_id = self._insert_article(article, source_id, old_id)
        cluster = self._assign_cluster(article_id, article.text)
        return PutResult(status, article_id, cluster)

    def _insert_article(self, article: Article, source_id: int, article_id: int | None) -> int:
        mark = dedup.fingerprint(article.text)
        cursor = self.db.execute(
            """INSERT INTO articles(id, source_id, url, title, published, published_day, modified, site,
                   language, authors, author_bio, categories, tags, paragraphs, text, boilerplate, sentences,
                   content_hash, minhash, cluster_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)""",
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
                _json(article.paragraphs),
                article.text,
                _json([[b.text, b.kind] for b in article.boilerplate]),
                _json([[s.start, s.end] for s in article.sentences or []]),
                mark.content_hash,
                dedup.signature_to_bytes(mark.signature),
            ),
        )
        article_id = int(cursor.lastrowid)
        self.db.executemany(
            "INSERT OR IGNORE INTO article_authors(article_id, author) VALUES (?, ?)",
            [(article_id, author) for author in article.authors],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO lsh_bands(band_key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in dedup.band_keys(mark.signature)],
        )
        entity_ids = self._insert_entities(article_id, article.entities or [])
        self._insert_quotes(article_id, article.quotes or [], article.entities or [], entity_ids)
        glosses = sorted({e.gloss for e in article.entities or [] if e.gloss})
        self.db.execute(
            "INSERT INTO search_index(rowid, title, body, names) VALUES (?, ?, ?, ?)",
            (
                article_id,
                " ".join(index_terms(article.title or "")),
                " ".join(index_terms(article.text)),
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

    def _insert_quotes(self, article_id: int, quotes: list[Quotation], entities: list[Entity],
                       entity_ids: dict[str, int]) -> None:
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

    def _assign_cluster(self, article_id: int, text: str) -> int:
        """Put the article into the cluster of its confirmed near-duplicates (merging clusters it bridges)."""
        row = self.db.execute("SELECT minhash, content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        signature = dedup.signature_from_bytes(row["minhash"])
        candidates = self.db.execute(
            """SELECT DISTINCT a.id, a.minhash, a.content_hash, a.cluster_id
               FROM lsh_bands b JOIN lsh_bands o ON o.band_key = b.band_key AND o.article_id != b.article_id
               JOIN articles a ON a.id = o.article_id
               WHERE b.article_id = ?
               UNION
               SELECT a.id, a.minhash, a.content_hash, a.cluster_id FROM articles a
               WHERE a.content_hash = ? AND a.id != ?""",
            (article_id, row["content_hash"], article_id),
        ).fetchall()
        clusters = sorted({
            c["cluster_id"]
            for c in candidates
            if c["content_hash"] == row["content_hash"]
            or dedup.similarity(signature, dedup.signature_from_bytes(c["minhash"])) >= dedup.NEAR_DUPLICATE_THRESHOLD
        })
        if not clusters:
            cluster = int(self.db.execute("INSERT INTO clusters(size) VALUES (1)").lastrowid)
        else:
            cluster, merged = clusters[0], clusters[1:]
            if merged:
                marks = ",".join("?" * len(merged))
                self.db.execute(f"UPDATE articles SET cluster_id = ? WHERE cluster_id IN ({marks})", (cluster, *merged))
                self.db.execute(f"DELETE FROM clusters WHERE id IN ({marks})", merged)
            self.db.execute(
                "UPDATE clusters SET size = (SELECT count(*) FROM articles WHERE cluster_id = ?) + 1 WHERE id = ?",
                (cluster, cluster),
            )
        self.db.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", (cluster, article_id))
        return cluster

    # -- reading -----------------------------------------------------------------------------------

    def search(self, query: str, filters: SearchFilters | None = None, limit: int = 10,
               offset: int = 0) -> SearchPage:
        limit = max(1, min(int(limit), MAX_PAGE_SIZE))
        offset = max(0, int(offset))
        parsed = parse_query(query or "")
        where, params = self._filter_sql(filters or SearchFilters())
        expression = with_name_keys(parsed).fts_expression()
        capped = False
        if expression:
            weights = ", ".join(str(w) for w in BM25_WEIGHTS)
            source = "search_index JOIN articles a ON a.id = search_index.rowid"
            where = f"search_index MATCH ? AND {where}"
            params = [expression, *params]
            edge = self.db.execute(
                f"SELECT search_index.rowid FROM {source} WHERE {where} ORDER BY search_index.rowid DESC "
                "LIMIT 1 OFFSET ?",
                (*params, RANK_WINDOW - 1),
            ).fetchone()
            if edge is not None and self._more_before(source, where, params, edge[0]):
                where += " AND search_index.rowid >= ?"
                params.append(edge[0])
                capped = True
            ranked = (f"SELECT a.id, a.cluster_id, a.title IS NULL AS untitled, bm25(search_index, {weights}) AS score "
                      f"FROM {source} WHERE {where} ORDER BY score, a.id LIMIT ?")
        else:
            source = "articles a"
            ranked = (f"SELECT a.id, a.cluster_id, a.title IS NULL AS untitled, 0.0 AS score FROM {source} "
                      f"WHERE {where} ORDER BY a.published_day DESC, a.published DESC, a.id DESC LIMIT ?")
        chosen, total = self._best_per_cluster(ranked, params, offset + limit)
        chosen = chosen[offset:]
        if total is None:
            sql = f"SELECT count(DISTINCT a.cluster_id) FROM {source} WHERE {where}"
            total = self.db.execute(sql, params).fetchone()[0]
        hits = [self._hit(row, parsed) for row in chosen]
        return SearchPage(query=query, hits=hits, total=total, offset=offset, limit=limit,
                          total_is_lower_bound=capped)

    def _more_before(self, source: str, where: str, params: list, edge: int) -> bool:
        """Whether any match lies below rowid ``edge`` (the query matched more than the ranking window)."""
        sql = f"SELECT 1 FROM {source} WHERE {where} AND search_index.rowid < ? LIMIT 1"
        return self.db.execute(sql, (*params, edge)).fetchone() is not None

    def _best_per_cluster(self, ranked_sql: str, params: list, wanted: int) -> tuple[list[dict], int | None]:
        """The first ``wanted`` clusters in ranked order, each by its best-ranked member with a title, and
        the number of matching clusters when every match was read (else None).

        Ranked rows are fetched a few at a time past what is needed, so a common word does not cost a
        pass over every duplicate of every match.
        """
        fetch = wanted * 3 + 20
        while True:
            rows = self.db.execute(ranked_sql, (*params, fetch)).fetchall()
            order: list[int] = []
            best: dict[int, sqlite3.Row] = {}
            for row in rows:
                cluster = row["cluster_id"]
                if cluster not in best:
                    order.append(cluster)
                    best[cluster] = row
                elif best[cluster]["untitled"] and not row["untitled"]:
                    best[cluster] = row
            if len(order) >= wanted or len(rows) < fetch:
                break
            fetch *= 4
        sizes = self._cluster_sizes(order[:wanted])
        chosen = [{"id": best[c]["id"], "score": best[c]["score"], "cluster_id": c, "size": sizes.get(c, 1)}
                  for c in order[:wanted]]
        return chosen, (len(order) if len(rows) < fetch else None)

    def _cluster_sizes(self, clusters: list[int]) -> dict[int, int]:
        if not clusters:
            return {}
        marks = ",".join("?" * len(clusters))
        return dict(self.db.execute(f"SELECT id, size FROM clusters WHERE id IN ({marks})", clusters).fetchall())

    def _hit(self, row: dict, query: Query) -> SearchHit:
        article = self.db.execute(
            """SELECT a.title, a.published, a.site, a.url, a.text, s.source
               FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?""",
            (row["id"],),
        ).fetchone()
        if query.is_empty:
            text = article["text"][:SNIPPET_CHARS]
            cut = text.rfind(" ") if len(article["text"]) > SNIPPET_CHARS else len(text)
            piece, highlights = (text[:cut] + ("…" if cut < len(article["text"]) else "")), []
        else:
            found = snippet(article["text"], query, SNIPPET_CHARS)
            if not found.highlights and query.latin_words:
                spans = self._named_spans(row["id"], query.latin_words)
                if spans:
                    found = snippet_of_spans(article["text"], spans, SNIPPET_CHARS)
            piece, highlights = found.text, list(found.highlights)
        return SearchHit(
            id=row["id"],
            source=article["source"],
            url=article["url"],
            title=article["title"],
            published=article["published"],
            site=article["site"],
            snippet=piece,
            highlights=highlights,
            cluster=row["cluster_id"],
            similar=row["size"] - 1,
            score=-float(row["score"]),
        )

    def _named_spans(self, article_id: int, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """Mentions in the article of entities whose English name has one of ``words`` (cross-script hits)."""
        wanted = {consonant_key(w) or w for w in words}
        spans = []
        for row in self.db.execute('SELECT start, "end", gloss FROM mentions WHERE article_id = ? AND gloss IS NOT NULL',
                                   (article_id,)):
            if wanted & {consonant_key(w) or w for w in latin_words(row["gloss"])}:
                spans.append((row["start"], row["end"]))
        return spans

    def _filter_sql(self, filters: SearchFilters) -> tuple[str, list]:
        clauses, params = ["1"], []
        if filters.date_from:
            clauses.append("a.published_day >= ?")
            params.append(filters.date_from[:10])
        if filters.date_to:
            clauses.append("a.published_day <= ?")
            params.append(filters.date_to[:10])
        if filters.site:
            clauses.append("a.site = ?")
            params.append(filters.site)
        if filters.language:
            clauses.append("a.language = ?")
            params.append(filters.language)
        if filters.author:
            clauses.append("EXISTS (SELECT 1 FROM article_authors w WHERE w.article_id = a.id AND w.author = ?)")
            params.append(filters.author)
        if filters.entity:
            ids = self.entity_ids(filters.entity) or [-1]
            marks = ",".join("?" * len(ids))
            clauses.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN ({marks}))")
            params.extend(ids)
        return " AND ".join(clauses), params

    def entity_ids(self, name_or_id: str) -> list[int]:
        """Entities an entity filter means: an id, a Devanagari name (any spelling variant) or an English gloss."""
        value = str(name_or_id).strip()
        if value.isdigit():
            return [int(value)]
        keys = [entity_key(label, value) for label in ("PER", "LOC", "ORG")]
        rows = self.db.execute(
            """SELECT id FROM entities WHERE key IN (?, ?, ?)
               OR instr(' ' || lower(gloss) || ' ', ' ' || lower(?) || ' ') > 0""",
            (*keys, value),
        ).fetchall()
        return [r[0] for r in rows]

    def article(self, article_id: int) -> Article | None:
        row = self.db.execute(
            "SELECT a.*, s.source FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        entities = [
            Entity(m["start"], m["end"], m["label"], m["text"], m["canonical"], m["gloss"])
            for m in self.db.execute(
                """SELECT m.start, m."end", m.text, m.canonical, m.gloss, e.label FROM mentions m
                   JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start""",
                (article_id,),
            )
        ]
        quotes = [
            Quotation(q["text"], q["start"], q["end"], q["kind"], q["speaker"], q["speaker_start"], q["speaker_end"],
                      q["speaker_canonical"], q["cue"], q["channel"], q["speaker_kind"])
            for q in self.db.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start", (article_id,))
        ]
        return Article(
            source=row["source"],
            url=row["url"],
            title=row["title"],
            published=row["published"],
            modified=row["modified"],
            authors=json.loads(row["authors"]),
            author_bio=row["author_bio"],
            site_name=row["site"],
            language=row["language"],
            categories=json.loads(row["categories"]),
            tags=json.loads(row["tags"]),
            paragraphs=json.loads(row["paragraphs"]),
            text=row["text"],
            boilerplate=[Boilerplate(text, kind) for text, kind in json.loads(row["boilerplate"])],
            sentences=[Span(a, b) for a, b in json.loads(row["sentences"])],
            entities=entities,
            quotes=quotes,
        )

    def article_meta(self, article_id: int) -> dict | None:
        """An article's id, source, cluster and cluster size (what the record itself does not carry)."""
        row = self.db.execute(
            """SELECT a.id, s.source, a.cluster_id, c.size FROM articles a JOIN sources s ON s.id = a.source_id
               JOIN clusters c ON c.id = a.cluster_id WHERE a.id = ?""",
            (article_id,),
        ).fetchone()
        return dict(row) if row else None

    def article_entity_ids(self, article_id: int) -> dict[tuple[str, str], int]:
        rows = self.db.execute(
            """SELECT DISTINCT e.label, m.canonical, m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id
               WHERE m.article_id = ?""",
            (article_id,),
        ).fetchall()
        return {(r["label"], r["canonical"]): r["entity_id"] for r in rows}

    def quote_speaker_ids(self, article_id: int) -> dict[int, int]:
        rows = self.db.execute(
            "SELECT start, speaker_entity_id FROM quotes WHERE article_id = ? AND speaker_entity_id IS NOT NULL",
            (article_id,),
        ).fetchall()
        return {r["start"]: r["speaker_entity_id"] for r in rows}

    def entities(self, limit: int = 50, label: str | None = None, name: str | None = None) -> list[EntityRow]:
        limit = max(1, min(int(limit), 10_000))
        clauses, params = ["article_count > 0"], []
        if label:
            clauses.append("label = ?")
            params.append(label.upper())
        if name:
            ids = self.entity_ids(name) or [-1]
            clauses.append(f"id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        rows = self.db.execute(
            f"""SELECT id, name, label, gloss, mention_count, article_count FROM entities
                WHERE {' AND '.join(clauses)} ORDER BY article_count DESC, mention_count DESC, id LIMIT ?""",
            (*params, limit),
        ).fetchall()
        return [
            EntityRow(r["id"], r["name"], r["label"], r["gloss"], r["mention_count"], r["article_count"],
                      self._variants(r["id"]))
            for r in rows
        ]

    def entity(self, entity_id: int) -> EntityRow | None:
        row = self.db.execute(
            "SELECT id, name, label, gloss, mention_count, article_count FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            return None
        return EntityRow(row["id"], row["name"], row["label"], row["gloss"], row["mention_count"],
                         row["article_count"], self._variants(row["id"]))

    def entity_timeline(self, entity_id: int) -> list[tuple[str, int]]:
        rows = self.db.execute(
            """SELECT a.published_day AS day, count(DISTINCT a.id) AS n FROM mentions m
               JOIN articles a ON a.id = m.article_id
               WHERE m.entity_id = ? AND a.published_day IS NOT NULL GROUP BY a.published_day ORDER BY day""",
            (entity_id,),
        ).fetchall()
        return [(r["day"], r["n"]) for r in rows]

    def co_mentioned(self, entity_id: int, limit: int = 20) -> list[tuple[EntityRow, int]]:
        rows = self.db.execute(
            """SELECT e.id, e.name, e.label, e.gloss, e.mention_count, e.article_count,
                      count(DISTINCT o.article_id) AS shared
               FROM (SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?) AS mine
               JOIN mentions o ON o.article_id = mine.article_id AND o.entity_id != ?
               JOIN entities e ON e.id = o.entity_id
               GROUP BY e.id ORDER BY shared DESC, e.article_count DESC, e.id LIMIT ?""",
            (entity_id, entity_id, max(1, min(int(limit), 200))),
        ).fetchall()
        return [
            (EntityRow(r["id"], r["name"], r["label"], r["gloss"], r["mention_count"], r["article_count"]), r["shared"])
            for r in rows
        ]

    def sites(self) -> list[SiteRow]:
        rows = self.db.execute(
            """SELECT coalesce(site, '') AS name, count(*) AS n, min(published_day) AS first,
                      max(published_day) AS last FROM articles GROUP BY coalesce(site, '') ORDER BY n DESC, name"""
        ).fetchall()
        return [SiteRow(r["name"], r["n"], r["first"], r["last"]) for r in rows]

    def site_timeline(self, site: str | None = None) -> list[tuple[str, str, int]]:
        clause, params = ("WHERE coalesce(site, '') = ?", (site,)) if site is not None else ("", ())
        rows = self.db.execute(
            f"""SELECT coalesce(site, '') AS site, published_day AS day, count(*) AS n FROM articles {clause}
                GROUP BY coalesce(site, ''), published_day HAVING day IS NOT NULL ORDER BY site, day""",
            params,
        ).fetchall()
        return [(r["site"], r["day"], r["n"]) for r in rows]

    def cluster_members(self, cluster_id: int) -> list[tuple[int, str, str | None]]:
        rows = self.db.execute(
            """SELECT a.id, s.source, a.title FROM articles a JOIN sources s ON s.id = a.source_id
               WHERE a.cluster_id = ? ORDER BY a.id""",
            (cluster_id,),
        ).fetchall()
        return [(r["id"], r["source"], r["title"]) for r in rows]

    def _variants(self, entity_id: int, limit: int = 12) -> list[str]:
        rows = self.db.execute(
            """SELECT text FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY count(*) DESC, text LIMIT ?""",
            (entity_id, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def quotes(self, speaker: str | None = None, words: str | None = None, limit: int = 50,
               offset: int = 0) -> list[QuoteRow]:
        limit = max(1, min(int(limit), 1000))
        clauses, params = ["q.kind = 'speech'"], []
        if speaker:
            ids = self.entity_ids(speaker)
            marks = ",".join("?" * len(ids)) if ids else "NULL"
            clauses.append(
                f"(q.speaker = ? OR q.speaker_canonical = ? OR instr(q.speaker, ?) > 0 OR q.speaker_entity_id IN ({marks}))"
            )
            params.extend([speaker, speaker, speaker, *ids])
        if words:
            clauses.append("instr(q.text, ?) > 0")
            params.append(words)
        rows = self.db.execute(
            f"""SELECT q.*, s.source, a.title, a.published FROM quotes q JOIN articles a ON a.id = q.article_id
                JOIN sources s ON s.id = a.source_id WHERE {' AND '.join(clauses)}
                ORDER BY a.published DESC, q.article_id, q.start LIMIT ? OFFSET ?""",
            (*params, limit, max(0, int(offset))),
        ).fetchall()
        return [
            QuoteRow(r["id"], r["article_id"], r["source"], r["title"], r["published"], r["text"], r["speaker"],
                     r["speaker_canonical"], r["speaker_entity_id"], r["cue"], r["channel"], r["speaker_kind"],
                     r["start"], r["end"])
            for r in rows
        ]

    def clusters(self, min_size: int = 2) -> list[ClusterRow]:
        rows = self.db.execute(
            """SELECT c.id, a.id AS article_id, s.source FROM clusters c
               JOIN articles a ON a.cluster_id = c.id JOIN sources s ON s.id = a.source_id
               WHERE c.size >= ? ORDER BY c.size DESC, c.id, a.id""",
            (min_size,),
        ).fetchall()
        groups: dict[int, list[tuple[int, str]]] = {}
        for row in rows:
            groups.setdefault(row["id"], []).append((row["article_id"], row["source"]))
        return [ClusterRow(cluster, members) for cluster, members in groups.items()]

    def stats(self) -> dict[str, int]:
        one = self.db.execute
        return {
            "sources": one("SELECT count(*) FROM sources").fetchone()[0],
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "entities": one("SELECT count(*) FROM entities WHERE article_count > 0").fetchone()[0],
            "mentions": one("SELECT count(*) FROM mentions").fetchone()[0],
            "quotes": one("SELECT count(*) FROM quotes WHERE kind = 'speech'").fetchone()[0],
            "terms": one("SELECT count(*) FROM quotes WHERE kind = 'term'").fetchone()[0],
            "clusters": one("SELECT count(*) FROM clusters WHERE size > 1").fetchone()[0],
            "duplicates": one("SELECT coalesce(sum(size - 1), 0) FROM clusters WHERE size > 1").fetchone()[0],
            "failed_sources": one("SELECT count(*) FROM sources WHERE error IS NOT NULL").fetchone()[0],
            "runs": one("SELECT count(*) FROM runs").fetchone()[0],
        }

    def close(self) -> None:
        self.rollback()
        self.db.close()


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)
