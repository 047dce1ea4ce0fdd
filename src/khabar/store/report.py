"""Plain-text and JSON Lines renderings of store answers, for the ``khabar`` store commands."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from khabar.store.interface import ClusterRow, EntityRow, QuoteRow, SearchPage
from khabar.store.search.snippets import Snippet


def write_json_lines(rows: Iterable[dict], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def search_text(page: SearchPage, marks: tuple[str, str] = ("[", "]")) -> str:
    """Numbered results with title, date, site, source, "N similar" and a highlighted snippet."""
    if not page.hits:
        return f"no results for {page.query!r}"
    more = "+" if page.total_is_lower_bound else ""
    lines = [f"{page.total}{more} result(s) for {page.query!r}" + (f", from {page.offset + 1}" if page.offset else "")]
    for number, hit in enumerate(page.hits, start=page.offset + 1):
        similar = f"  (+{hit.similar} similar)" if hit.similar else ""
        lines.append(f"\n{number}. {hit.title or '(untitled)'}{similar}")
        lines.append(f"   {hit.published or 'undated'} · {hit.site or '-'} · {hit.url or hit.source}")
        lines.append("   " + Snippet(hit.snippet, hit.highlights).marked(*marks))
    return "\n".join(lines)


def entities_text(rows: list[EntityRow]) -> str:
    if not rows:
        return "no entities"
    width = max(len(r.name) for r in rows)
    lines = [f"{'articles':>8} {'mentions':>8}  label  name"]
    for r in rows:
        gloss = f" ({r.gloss})" if r.gloss else ""
        lines.append(f"{r.articles:>8} {r.mentions:>8}  {r.label:<5}  {r.name:<{width}}{gloss}")
    return "\n".join(lines)


def quotes_text(rows: list[QuoteRow]) -> str:
    if not rows:
        return "no quotations"
    lines = []
    for q in rows:
        who = q.speaker_canonical or q.speaker or "(speaker unknown)"
        how = ", ".join(x for x in (q.cue, q.channel) if x)
        lines.append(f"{who}{f' [{how}]' if how else ''}: “{q.text}”")
        lines.append(f"    {q.published or 'undated'} · {q.title or ''} · {q.source}")
    return "\n".join(lines)


def clusters_text(rows: list[ClusterRow]) -> str:
    if not rows:
        return "no duplicate clusters"
    lines = []
    for c in rows:
        lines.append(f"cluster {c.id} ({len(c.members)} articles)")
        lines += [f"    {article_id:>6}  {source}" for article_id, source in c.members]
    return "\n".join(lines)


def stats_text(stats: dict[str, int]) -> str:
    width = max(len(k) for k in stats)
    return "\n".join(f"{key:<{width}}  {value}" for key, value in stats.items())
