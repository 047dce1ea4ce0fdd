"""Full-text search in the SQLite store: FTS5 over index terms, BM25 over at most the newest
``RANK_WINDOW`` matches, one hit per duplicate cluster, snippets, filters."""

from __future__ import annotations

import sqlite3

from khabar.store.crossscript import consonant_key, latin_words, with_name_keys
from khabar.store.interface import (
    MAX_PAGE_SIZE,
    RANK_WINDOW,
    SearchFilters,
    SearchHit,
    SearchPage,
)
from khabar.store.search import Query, parse_query, snippet
from khabar.store.search.snippets import snippet_of_spans
from khabar.store.sqlite_writes import entity_key

#: bm25 column weights: a word in the title counts most, then an entity's English name, then the body.
BM25_WEIGHTS = (4.0, 1.0, 2.0)
SNIPPET_CHARS = 220


class SQLiteSearch:
    """The search part of :class:`khabar.store.sqlite_store.SQLiteStore` (needs ``self.db``)."""

    db: sqlite3.Connection

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
