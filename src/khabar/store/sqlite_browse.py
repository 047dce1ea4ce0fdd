"""Reading records back from the SQLite store: articles, entities and their timelines, quotations,
sites, clusters and counts."""

from __future__ import annotations

import json
import sqlite3

from khabar.records import Article, Boilerplate, Entity, Quotation, Span
from khabar.store.interface import ClusterRow, EntityRow, QuoteRow, SiteRow

#: Articles (the newest) whose other entities are counted for an entity's co-mentions: enough for the
#: picture, and bounded for entities that half the store mentions.
CO_MENTION_ARTICLES = 1000


class SQLiteBrowse:
    """The browsing part of :class:`khabar.store.sqlite_store.SQLiteStore` (needs ``self.db``)."""

    db: sqlite3.Connection

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
            paragraphs=row["text"].split("\n\n") if row["paragraphs"] is None else json.loads(row["paragraphs"]),
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
               FROM (SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?
                     ORDER BY article_id DESC LIMIT ?) AS mine
               JOIN mentions o ON o.article_id = mine.article_id AND o.entity_id != ?
               JOIN entities e ON e.id = o.entity_id
               GROUP BY e.id ORDER BY shared DESC, e.article_count DESC, e.id LIMIT ?""",
            (entity_id, CO_MENTION_ARTICLES, entity_id, max(1, min(int(limit), 200))),
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
        # CROSS JOIN keeps SQLite walking articles newest day first (their index), so a page of the
        # newest quotations stops early instead of sorting every quotation in the store.
        sql = f"""SELECT q.*, s.source, a.title, a.published, a.cluster_id FROM articles a
                  CROSS JOIN quotes q ON q.article_id = a.id CROSS JOIN sources s ON s.id = a.source_id
                  WHERE {' AND '.join(clauses)}
                  ORDER BY a.published_day DESC, a.published DESC, a.id DESC, q.start LIMIT ? OFFSET ?"""
        wanted, fetch = max(0, int(offset)) + limit, (max(0, int(offset)) + limit) * 2 + 20
        while True:
            rows = self.db.execute(sql, (*params, fetch, 0)).fetchall()
            seen: set[tuple[int, str]] = set()
            unique = []
            for row in rows:  # a syndicated copy repeats its story's quotations: show each once
                if (row["cluster_id"], row["text"]) not in seen:
                    seen.add((row["cluster_id"], row["text"]))
                    unique.append(row)
            if len(unique) >= wanted or len(rows) < fetch:
                break
            fetch *= 4
        return [
            QuoteRow(r["id"], r["article_id"], r["source"], r["title"], r["published"], r["text"], r["speaker"],
                     r["speaker_canonical"], r["speaker_entity_id"], r["cue"], r["channel"], r["speaker_kind"],
                     r["start"], r["end"])
            for r in unique[max(0, int(offset)) : wanted]
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

