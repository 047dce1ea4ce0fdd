"""The pages: each handler reads the store through its interface and hands one dict to :func:`render`,
which answers with HTML or with the same dict as JSON."""

from __future__ import annotations

import functools
import math
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import Response

from khabar.records import Article
from khabar.store import SearchFilters, Store
from khabar.store.interface import MAX_PAGE_SIZE, EntityRow, SearchHit
from khabar.store.search import QueryError
from khabar.web.app import render
from khabar.web.charts import parse_day, stacked_chart, timeline_chart
from khabar.web.markup import Mention, Speech, article_paragraphs, safe_url, snippet_pieces

MAX_PAGE = 1000
MAX_QUERY_CHARS = 500
MAX_FIELD_CHARS = 200
MAX_ID = 2**63 - 1
LABELS = ("PER", "LOC", "ORG")
UNKNOWN_SITE = "(अज्ञात · unknown)"

PageNumber = Query(1, ge=1, le=MAX_PAGE, description=f"result page, 1 to {MAX_PAGE}")
PageSize = Query(10, ge=1, le=MAX_PAGE_SIZE, description=f"results per page, at most {MAX_PAGE_SIZE}")


def _store(request: Request) -> Store:
    return request.app.state.stores.get()


def _text(value: str | None) -> str | None:
    """A filter value as given, or ``None`` when empty."""
    value = (value or "").strip()
    return value or None


def _day(value: str | None, name: str) -> str | None:
    value = _text(value)
    if value is not None and parse_day(value) is None:
        raise HTTPException(400, f"{name}: expected a date as YYYY-MM-DD")
    return value


def _found(value, what: str):
    if value is None:
        raise HTTPException(404, f"{what} not found")
    return value


def _check_id(value: int, what: str) -> int:
    if not 0 < value <= MAX_ID:
        raise HTTPException(404, f"{what} not found")
    return value


def article_path(article_id: int) -> str:
    return f"/articles/{article_id}"


def entity_path(entity_id: int) -> str:
    return f"/entities/{entity_id}"


def _member(article_id: int, source: str, title: str | None) -> dict:
    return {"id": article_id, "path": article_path(article_id), "source": source, "title": title}


def _hit_data(store: Store, hit: SearchHit) -> dict:
    data = hit.to_dict()
    data["path"] = article_path(hit.id)
    data["link"] = safe_url(hit.url)
    data["members"] = (
        [_member(*m) for m in store.cluster_members(hit.cluster) if m[0] != hit.id] if hit.similar else []
    )
    return data


def _entity_data(row: EntityRow) -> dict:
    return {**row.to_dict(), "path": entity_path(row.id)}


def search_page(
    request: Request,
    q: str = Query("", max_length=MAX_QUERY_CHARS, description="words, \"a phrase\", prefix*, OR, -word"),
    date_from: str | None = Query(None, alias="from", description="published on or after (YYYY-MM-DD)"),
    date_to: str | None = Query(None, alias="to", description="published on or before (YYYY-MM-DD)"),
    site: str | None = Query(None, max_length=MAX_FIELD_CHARS, description="site name"),
    author: str | None = Query(None, max_length=MAX_FIELD_CHARS, description="author name"),
    entity: str | None = Query(None, max_length=MAX_FIELD_CHARS, description="entity id, name or English name"),
    lang: str | None = Query(None, max_length=8, description="language code (hi, mr, ne, en)"),
    page: int = PageNumber,
    size: int = PageSize,
) -> Response:
    """Search articles (one result per duplicate cluster); with no query, the newest articles."""
    store = _store(request)
    filters = SearchFilters(_day(date_from, "from"), _day(date_to, "to"), _text(site), _text(author),
                            _text(entity), _text(lang))
    try:
        key = ("search", q, filters.date_from, filters.date_to, filters.site, filters.author, filters.entity,
               filters.language, size, page)

        def compute() -> tuple:
            found = store.search(q, filters, limit=size, offset=(page - 1) * size)
            return found, [_hit_data(store, hit) for hit in found.hits]

        result, results = request.app.state.results.get(key, compute)
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from None
    params = {"q": q, "from": filters.date_from, "to": filters.date_to, "site": filters.site,
              "author": filters.author, "entity": filters.entity, "lang": filters.language, "size": size}
    data = {
        "query": q,
        "filters": {k: v for k, v in params.items() if k not in ("q", "size")},
        "total": result.total,
        "total_is_lower_bound": result.total_is_lower_bound,
        "page": page,
        "size": size,
        "pages": max(1, min(MAX_PAGE, math.ceil(result.total / size))),
        "results": results,
    }
    extra = {
        "params": params,
        "snippets": {hit.id: snippet_pieces(hit.snippet, hit.highlights) for hit in result.hits},
        "site_names": request.app.state.site_names.get(lambda: [row.name for row in store.sites() if row.name]),
    }
    return render(request, "search.html", data, extra)


def _cluster_of(store: Store, article_id: int) -> tuple[int | None, list[dict]]:
    """The article's duplicate cluster and its other members (an empty list for a single article)."""
    row = store.article_meta(article_id) or {}
    cluster = row.get("cluster_id")
    members = store.cluster_members(cluster) if cluster is not None and row.get("size", 1) > 1 else []
    return cluster, [_member(*m) for m in members if m[0] != article_id]


def _mentions(store: Store, article_id: int, article: Article) -> dict[tuple[str, str], Mention]:
    ids = store.article_entity_ids(article_id)
    index: dict[tuple[str, str], Mention] = {}
    for entity in article.entities or []:
        key = (entity.label, entity.canonical)
        if key not in index:
            found = ids.get(key)
            index[key] = Mention(entity_path(found) if found else None, entity.label, entity.canonical, entity.gloss)
    return index


def _speeches(store: Store, article_id: int, article: Article) -> dict[int, Speech]:
    speakers = store.quote_speaker_ids(article_id)
    speeches = {}
    for i, quote in enumerate(article.quotes or []):
        found = speakers.get(quote.start)
        path = entity_path(found) if found else None
        speaker = quote.speaker_canonical or quote.speaker
        speeches[i] = Speech(i, quote.kind, speaker, path, quote.cue, quote.speaker_kind == "context")
    return speeches


def article_page(request: Request, article_id: int) -> Response:
    """One article: clean text with entities and quotations marked, metadata, boilerplate, duplicates."""
    store = _store(request)
    article = _found(store.article(_check_id(article_id, "article")), "article")
    cluster, members = _cluster_of(store, article_id)
    mentions = _mentions(store, article_id, article)
    entities = [{"label": m.label, "name": m.canonical, "gloss": m.gloss, "path": m.path} for m in mentions.values()]
    data = {
        "id": article_id,
        "path": article_path(article_id),
        "article": article.to_dict(),
        "entities": entities,
        "cluster": {"id": cluster, "members": members},
    }
    extra = {
        "paragraphs": article_paragraphs(article, mentions, _speeches(store, article_id, article)),
        "link": safe_url(article.url),
        "source_link": safe_url(article.source),
    }
    return render(request, "article.html", data, extra)


def entities_page(
    request: Request,
    label: str | None = Query(None, description="PER, LOC or ORG"),
    name: str | None = Query(None, max_length=MAX_FIELD_CHARS, description="a name, spelling variant or English name"),
    size: int = Query(50, ge=1, le=MAX_PAGE_SIZE, description=f"how many, at most {MAX_PAGE_SIZE}"),
) -> Response:
    """The most-mentioned entities (people, places, organisations)."""
    label = (_text(label) or "").upper() or None
    if label is not None and label not in LABELS:
        raise HTTPException(400, "label: expected PER, LOC or ORG")
    rows = _store(request).entities(limit=size, label=label, name=_text(name))
    data = {"label": label, "name": _text(name), "entities": [_entity_data(row) for row in rows]}
    return render(request, "entities.html", data, {"labels": LABELS, "size": size})


def entity_page(request: Request, entity_id: int) -> Response:
    """One entity: names, English gloss, mentions over time, co-mentioned entities, quotations, articles."""
    store = _store(request)
    row = _found(store.entity(_check_id(entity_id, "entity")), "entity")
    timeline = store.entity_timeline(entity_id)
    seen: set[str] = set()
    quotes = []
    for q in store.quotes(speaker=str(entity_id), limit=100):
        if q.speaker_entity == entity_id and q.text not in seen:  # a syndicated copy repeats the same quote
            seen.add(q.text)
            quotes.append(q)
    quotes = quotes[:50]
    articles = store.search("", SearchFilters(entity=str(entity_id)), limit=20)
    data = {
        "entity": _entity_data(row),
        "timeline": [{"day": day, "articles": n} for day, n in timeline],
        "co_mentioned": [{**_entity_data(other), "shared": n} for other, n in store.co_mentioned(entity_id)],
        "quotes": [{**q.to_dict(), "path": article_path(q.article_id)} for q in quotes],
        "articles": [{**h.to_dict(), "path": article_path(h.id)} for h in articles.hits],
    }
    return render(request, "entity.html", data, {"chart": timeline_chart(timeline)})


def quotes_page(
    request: Request,
    speaker: str | None = Query(None, max_length=MAX_FIELD_CHARS, description="speaker name, variant, English name or id"),
    words: str | None = Query(None, max_length=MAX_FIELD_CHARS, description="words the quotation contains"),
    page: int = PageNumber,
    size: int = Query(20, ge=1, le=MAX_PAGE_SIZE, description=f"quotations per page, at most {MAX_PAGE_SIZE}"),
) -> Response:
    """Spoken quotations, newest first, by speaker and words."""
    speaker, words = _text(speaker), _text(words)
    rows = _store(request).quotes(speaker=speaker, words=words, limit=size + 1, offset=(page - 1) * size)
    data = {
        "speaker": speaker,
        "words": words,
        "page": page,
        "size": size,
        "has_next": len(rows) > size and page < MAX_PAGE,
        "quotes": [
            {**q.to_dict(), "path": article_path(q.article_id),
             "speaker_path": entity_path(q.speaker_entity) if q.speaker_entity else None}
            for q in rows[:size]
        ],
    }
    return render(request, "quotes.html", data, {"params": {"speaker": speaker, "words": words, "size": size}})


def sources_page(request: Request) -> Response:
    """Sites with article counts and date ranges, and articles per day per site."""
    store = _store(request)
    sites = store.sites()
    timeline = store.site_timeline()
    series: dict[str, list[tuple[str, int]]] = {}
    for site, day, n in timeline:
        series.setdefault(site or UNKNOWN_SITE, []).append((day, n))
    data = {
        "sites": [row.to_dict() for row in sites],
        "timeline": [{"site": site, "day": day, "articles": n} for site, day, n in timeline],
        "stats": store.stats(),
    }
    return render(request, "sources.html", data, {"chart": stacked_chart(series), "unknown_site": UNKNOWN_SITE})


HTML_OR_JSON = {200: {"content": {"text/html": {}, "application/json": {}},
                      "description": "the page as HTML, or its data as JSON"}}
ROUTES: tuple[tuple[str, Callable, str], ...] = (
    ("/", search_page, "home"),
    ("/search", search_page, "search"),
    ("/articles/{article_id:int}", article_page, "article"),
    ("/entities", entities_page, "entities"),
    ("/entities/{entity_id:int}", entity_page, "entity"),
    ("/quotes", quotes_page, "quotes"),
    ("/sources", sources_page, "sources"),
)


def on_event_loop(handler: Callable[..., Response]) -> Callable[..., Awaitable[Response]]:
    """The handler run on the server's event loop instead of a thread pool.

    Each request costs a few milliseconds of CPU in Python; in threads they would contend for the GIL
    and be switched between at random, which stretches the slowest responses under load. On the loop a
    worker answers requests in arrival order, and its one read-only SQLite connection is never shared.
    """

    @functools.wraps(handler)
    async def run(*args, **kwargs) -> Response:
        return handler(*args, **kwargs)

    return run


def register_routes(app: FastAPI) -> None:
    """Each page at its path and, from the same handler, its JSON twin at the path plus ``.json``."""
    for path, plain_handler, name in ROUTES:
        handler = on_event_loop(plain_handler)
        twin = "/index.json" if path == "/" else path + ".json"
        app.add_api_route(twin, handler, methods=["GET"], name=f"{name}-json", responses=HTML_OR_JSON,
                          summary=f"{handler.__doc__.splitlines()[0]} (JSON)")
        app.add_api_route(path, handler, methods=["GET"], name=name, responses=HTML_OR_JSON,
                          summary=handler.__doc__.splitlines()[0])
    app.add_api_route("/.json", on_event_loop(search_page), methods=["GET"], include_in_schema=False)
