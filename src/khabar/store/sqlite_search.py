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
        if expression:
            rows, capped = self._ranked_window(expression, where, params)
        else:
            rows, capped = self._newest(where, params, offset + limit)
        order, best = _collapse(rows)
        if expression or not capped:
            total = len(order)
        elif where == "1":
            total, capped = self.db.execute("SELECT count(*) FROM clusters").fetchone()[0], False
        else:
            total, capped = self._clusters_among(where, params)
        page = order[offset : offset + limit]
        sizes = self._cluster_sizes(page)
        hits = [self._hit({"id": best[c]["id"], "score": best[c]["score"], "cluster_id": c,
                           "size": sizes.get(c, 1)}, parsed) for c in page]
        return SearchPage(query=query, hits=hits, total=min(total, RANK_WINDOW) if capped else total,
                          offset=offset, limit=limit, total_is_lower_bound=capped)

    def _ranked_window(self, expression: str, where: str, params: list) -> tuple[list[sqlite3.Row], bool]:
        """The newest ``RANK_WINDOW`` matches (after filters) with their BM25 scores, best first, and
        whether more matched. FTS5 walks the matches newest first and stops there, so a very common
        word costs no more than the window."""
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        rows = self.db.execute(
            f"""SELECT a.id, a.cluster_id, a.title IS NULL AS untitled, bm25(search_index, {weights}) AS score
                FROM search_index JOIN articles a ON a.id = search_index.rowid
                WHERE search_index MATCH ? AND {where} ORDER BY search_index.rowid DESC LIMIT ?""",
            (expression, *params, RANK_WINDOW + 1),
        ).fetchall()
        capped = len(rows) > RANK_WINDOW
        return sorted(rows[:RANK_WINDOW], key=lambda row: (row["score"], row["id"])), capped

    def _newest(self, where: str, params: list, wanted: int) -> tuple[list[sqlite3.Row], bool]:
        """Enough of the newest articles (after filters) for ``wanted`` clusters, and whether more exist."""
        fetch = wanted * 3 + 20
        while True:
            rows = self.db.execute(
                f"""SELECT a.id, a.cluster_id, a.title IS NULL AS untitled, 0.0 AS score FROM articles a
                    WHERE {where} ORDER BY a.published_day DESC, a.published DESC, a.id DESC LIMIT ?""",
                (*params, fetch),
            ).fetchall()
            if len(rows) < fetch:
                return rows, False
            if len(_collapse(rows)[0]) >= wanted:
                return rows, True
            fetch *= 4

    def _clusters_among(self, where: str, params: list) -> tuple[int, bool]:
        """Distinct clusters among the first ``RANK_WINDOW`` filtered articles, and whether more exist."""
        rows = self.db.execute(f"SELECT a.cluster_id FROM articles a WHERE {where} LIMIT ?",
                               (*params, RANK_WINDOW + 1)).fetchall()
        return len({row[0] for row in rows[:RANK_WINDOW]}), len(rows) > RANK_WINDOW

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


def _collapse(rows: list[sqlite3.Row]) -> tuple[list[int], dict[int, sqlite3.Row]]:
    """Clusters in the order of their first ranked row, each with its best-ranked member that has a title."""
    order: list[int] = []
    best: dict[int, sqlite3.Row] = {}
    for row in rows:
        cluster = row["cluster_id"]
        if cluster not in best:
            order.append(cluster)
            best[cluster] = row
        elif best[cluster]["untitled"] and not row["untitled"]:
            best[cluster] = row
    return order, best

