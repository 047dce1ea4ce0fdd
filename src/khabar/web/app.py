"""The khabar web app: HTML pages and their JSON twins over a read-only store, with strict safety headers.

``create_app(db_path)`` builds the ASGI app; ``khabar serve`` runs it with uvicorn. Every page has a JSON
twin from the same handler: ask with ``Accept: application/json`` or append ``.json`` to the path.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from khabar import __version__
from khabar.store import Store, open_store
from khabar.web.cache import CACHE_ENTRIES, ResultCache

log = logging.getLogger("khabar.web")

HERE = Path(__file__).parent
TEMPLATES, STATIC = HERE / "templates", HERE / "static"
JSON_SUFFIX = ".json"
#: How long the site list of the search form is reused before it is read again.
SITE_NAMES_SECONDS = 60.0

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

ERROR_TITLES = {
    400: "गलत अनुरोध · Bad request",
    404: "पृष्ठ नहीं मिला · Not found",
    405: "यह तरीका मान्य नहीं · Method not allowed",
    500: "सर्वर त्रुटि · Server error",
}


class StorePool:
    """One read-only store per worker thread (sqlite3 connections are not shared between threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.path, readonly=True)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close_all(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()


class Cached:
    """A value recomputed at most every ``seconds`` (for lists every search page shows, such as site names)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._value: object = None
        self._at = float("-inf")

    def get(self, compute):
        with self._lock:
            if time.monotonic() - self._at > self.seconds:
                self._value, self._at = compute(), time.monotonic()
            return self._value


def template_environment() -> jinja2.Environment:
    """Jinja2 with autoescaping for every template (HTML and SVG alike) and strict undefined names."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(version=__version__, query_url=query_url)
    return env


def query_url(path: str, params: dict, **changes) -> str:
    """``path`` with ``params`` (updated by ``changes``) as its query string, empty values left out."""
    merged = {**params, **changes}
    pairs = [(k, v) for k, v in merged.items() if v not in (None, "")]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def _accept_weights(accept: str) -> Iterator[tuple[str, float, int]]:
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        weight = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    weight = float(param[2:])
                except ValueError:
                    weight = 0.0
        yield media.lower(), weight, position


def wants_json(request: Request) -> bool:
    """Whether the client asked for JSON: a ``.json`` path, or ``Accept`` preferring JSON over HTML."""
    if request.url.path.endswith(JSON_SUFFIX):
        return True
    best: dict[str, tuple[float, int]] = {}
    for media, weight, position in _accept_weights(request.headers.get("accept", "")):
        if media in ("application/json", "text/html") and media not in best:
            best[media] = (weight, -position)
    json_rank, html_rank = best.get("application/json"), best.get("text/html")
    return json_rank is not None and json_rank[0] > 0 and (html_rank is None or json_rank > html_rank)


def html_path(request: Request) -> str:
    """The page's path without a ``.json`` suffix."""
    path = request.url.path
    if path in ("/.json", "/index.json"):
        return "/"
    return path[: -len(JSON_SUFFIX)] if path.endswith(JSON_SUFFIX) else path


def json_twin_url(request: Request) -> str:
    """The URL of the page's JSON twin (the path with ``.json`` before the query string)."""
    path = html_path(request)
    twin = "/index.json" if path == "/" else path + JSON_SUFFIX
    return f"{twin}?{request.url.query}" if request.url.query else twin


def render(request: Request, template: str, data: dict, extra: dict | None = None, status: int = 200) -> Response:
    """The page as JSON (``data``) or as HTML (``template`` with ``data`` and the HTML-only ``extra``)."""
    if wants_json(request):
        return JSONResponse(data, status_code=status)
    env: jinja2.Environment = request.app.state.templates
    context = {**data, **(extra or {}), "page_path": html_path(request), "json_url": json_twin_url(request)}
    return HTMLResponse(env.get_template(template).render(context), status_code=status)


def error_response(request: Request, status: int, message: str, env: jinja2.Environment) -> Response:
    """A clean error page (or JSON object) that never shows a traceback."""
    title = ERROR_TITLES.get(status, "त्रुटि · Error")
    if wants_json(request):
        return JSONResponse({"error": {"status": status, "title": title, "message": message}}, status_code=status)
    page = env.get_template("error.html").render(
        status=status, title=title, message=message, page_path="", json_url=""
    )
    return HTMLResponse(page, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


class SafetyMiddleware:
    """Security headers on every response, and a clean 500 page for any error a handler lets escape."""

    def __init__(self, app: ASGIApp, env: jinja2.Environment) -> None:
        self.app = app
        self.env = env

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_safely(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                headers.add_vary_header("Accept")
            await send(message)

        try:
            await self.app(scope, receive, send_safely)
        except Exception:
            log.exception("error serving %s", scope.get("path"))
            if started:
                raise
            response = error_response(Request(scope), 500, "Something went wrong on the server.", self.env)
            await response(scope, receive, send_safely)


def _install_error_handlers(app: FastAPI, env: jinja2.Environment) -> None:
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else ERROR_TITLES.get(exc.status_code, "Error")
        return error_response(request, exc.status_code, message, env)

    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 400, _validation_message(exc), env)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)


def create_app(db_path: str | Path) -> FastAPI:
    """The web app over the database at ``db_path`` (opened read-only; it must exist)."""
    from khabar.web.routes import register_routes

    path = Path(db_path)
    open_store(path, readonly=True).close()
    stores = StorePool(path)
    env = template_environment()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        stores.close_all()

    app = FastAPI(
        title="khabar",
        version=__version__,
        description="Search and browse Hindi news articles, entities, quotations and sources. Every HTML "
        "page has a JSON twin: send `Accept: application/json` or append `.json` to the path.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.templates = env
    app.state.site_names = Cached(SITE_NAMES_SECONDS)
    app.state.results = ResultCache(path, entries=int(os.environ.get(CACHE_ENVIRONMENT, CACHE_ENTRIES)))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    register_routes(app)
    _install_error_handlers(app, env)
    app.add_middleware(SafetyMiddleware, env=env)
    return app


#: Environment variable setting how many search results each server process keeps (0: none).
CACHE_ENVIRONMENT = "KHABAR_CACHE_ENTRIES"

#: Environment variable through which ``khabar serve --workers N`` tells each worker process its database.
DB_ENVIRONMENT = "KHABAR_DB"


def app_from_environment() -> FastAPI:
    """The app for the database named by ``$KHABAR_DB`` (the factory uvicorn's worker processes call)."""
    return create_app(os.environ[DB_ENVIRONMENT])
