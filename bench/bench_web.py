"""Load on ``khabar serve``: concurrent clients on 127.0.0.1 against search and article pages.

Builds (once, cached under ``bench/out/``) a database of ``--articles`` generated pages
(``make_corpus.py``, ingested with ``run_ingest``), starts ``khabar serve`` on it in a separate process,
and runs ``--clients`` concurrent keep-alive clients (asyncio, one connection each) for ``--seconds``
against a mix of search queries (Hindi words of every frequency band, English names, filters, page 2)
and article pages (random ids), half in HTML, half in JSON. Reports requests/s, errors and
p50/p95/p99/max latency per route kind, to stdout and ``bench/out/web.json``.

    .venv/bin/python bench/bench_web.py                     # 10,000 articles, 50 clients, 30 s
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "bench" / "out"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from make_corpus import load_corpus_vocab, people, write_corpus  # noqa: E402

from khabar.runners.ingest import run_ingest  # noqa: E402
from khabar.store import open_store  # noqa: E402

TARGETS = {"errors": 0, "p99_ms": 200.0}
#: Share of requests that ask for an article page; the rest are searches.
ARTICLE_SHARE = 0.4
#: Share of requests that ask for the JSON twin instead of the HTML page.
JSON_SHARE = 0.5
#: Document-frequency bands (share of articles) the Hindi single-word queries are drawn from.
BANDS = (("very-common", 0.25, 1.01), ("common", 0.03, 0.25), ("mid", 0.003, 0.03), ("rare", 0.0, 0.003))
WORDS_PER_BAND = 12
#: Sections of the generator's vocabulary that single-word queries are drawn from.
VOCAB_SECTIONS = ("topic", "rare", "place", "subject", "object", "verb")
DEVANAGARI_WORD = re.compile("[\u0900-\u0963\u0971-\u097f]+")
STARTUP_SECONDS = 60.0
REQUEST_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class Target:
    """One request of the mix: its route kind (for the report) and its path."""

    kind: str
    path: str


# -- the database --------------------------------------------------------------------------------------

def database_path(articles: int, seed: int) -> Path:
    return OUT_DIR / f"web-{articles}-s{seed}.db"


def build_database(db: Path, articles: int, seed: int, jobs: int) -> dict:
    """Generate ``articles`` pages and ingest them into ``db`` (written under a temporary name, then renamed,
    so an interrupted build is never taken for a finished one)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    corpus = db.with_suffix(".warc.gz")
    partial = db.with_name(db.name + ".building")
    for path in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        path.unlink(missing_ok=True)
    started = time.perf_counter()
    written = write_corpus(corpus, articles, seed)
    store = open_store(partial)
    try:
        run_ingest([str(corpus)], store, jobs=jobs, progress=False)
        stats = store.stats()
    finally:
        store.close()
    with sqlite3.connect(partial) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(db)
    corpus.unlink()
    return {**written, "store": stats, "seconds": round(time.perf_counter() - started, 1)}


def ensure_database(articles: int, seed: int, jobs: int, db: Path | None = None) -> tuple[Path, dict | None]:
    """The cached database for ``articles`` pages, built first when absent (returns the build figures)."""
    db = db or database_path(articles, seed)
    if db.exists():
        return db, None
    print(f"building {db.name}: {articles} pages ...", flush=True)
    built = build_database(db, articles, seed, jobs)
    print(f"built in {built['seconds']:.0f} s: {built['store']}", flush=True)
    return db, built


# -- the request mix -----------------------------------------------------------------------------------

def article_ids(db: Path) -> list[int]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM articles")]


def hindi_words_by_band(store, vocab: dict[str, list[str]], rng: random.Random) -> dict[str, list[str]]:
    """Single Hindi words from the generator's vocabulary, grouped by the share of articles that have them."""
    total = max(1, store.stats()["articles"])
    words = sorted({w for key in VOCAB_SECTIONS for line in vocab.get(key, []) for w in DEVANAGARI_WORD.findall(line)
                    if len(w) > 1})
    rng.shuffle(words)
    bands: dict[str, list[str]] = defaultdict(list)
    for word in words[:400]:
        share = store.search(word, limit=1).total / total
        band = next((name for name, low, high in BANDS if low <= share < high), None)
        if band and share > 0 and len(bands[band]) < WORDS_PER_BAND:
            bands[band].append(word)
    return dict(bands)


def search_targets(db: Path, rng: random.Random) -> list[Target]:
    """Search requests: Hindi words by frequency band, two-word queries, English names, filters, page 2."""
    vocab = load_corpus_vocab()
    store = open_store(db, readonly=True)
    try:
        bands = hindi_words_by_band(store, vocab, rng)
        sites = [row.name for row in store.sites() if row.name][:6]
        entities = [str(row.id) for row in store.entities(limit=30)]
    finally:
        store.close()
    common = bands.get("very-common", []) + bands.get("common", [])
    glosses = [person.gloss for person in people(vocab)]
    targets = [Target(f"search-{band}", search_path(q=word)) for band, words in bands.items() for word in words]
    targets += [Target("search-two-words", search_path(q=f"{a} {b}")) for a, b in zip(common, reversed(common), strict=True)]
    targets += [Target("search-english", search_path(q=name)) for name in rng.sample(glosses, min(12, len(glosses)))]
    targets += [Target("search-filtered", search_path(q=rng.choice(common) if common else "", site=site))
                for site in sites]
    targets += [Target("search-filtered", search_path(entity=entity)) for entity in entities[:6]]
    targets += [Target("search-filtered", search_path(q=word, **{"from": "2000-01-01", "to": "2100-01-01"}))
                for word in common[:4]]
    targets += [Target("search-page-2", search_path(q=word, page=2)) for word in common[:8]]
    targets.append(Target("search-latest", search_path()))
    return targets


def search_path(**params) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")}, quote_via=quote)
    return f"/search?{query}" if query else "/search"


class Mix:
    """Draws the next request: an article page (random id) or a search, as HTML or as JSON."""

    def __init__(self, searches: list[Target], ids: list[int], seed: int, article_share: float = ARTICLE_SHARE) -> None:
        self.searches = searches
        self.ids = ids
        self.rng = random.Random(seed)
        self.article_share = article_share

    def next(self) -> tuple[Target, bool]:
        if self.rng.random() < self.article_share:
            target = Target("article", f"/articles/{self.rng.choice(self.ids)}")
        else:
            target = self.rng.choice(self.searches)
        return target, self.rng.random() < JSON_SHARE


# -- the server ----------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_command(db: Path, port: int, workers: int) -> list[str]:
    """``khabar serve`` for ``db`` (with ``--workers`` only when the CLI offers it)."""
    command = [sys.executable, "-m", "khabar", "serve", "--db", str(db), "--port", str(port)]
    if workers > 1 and "--workers" in cli_help():
        command += ["--workers", str(workers)]
    return command


def cli_help() -> str:
    result = subprocess.run([sys.executable, "-m", "khabar", "serve", "--help"], capture_output=True, text=True,
                            check=False)
    return result.stdout


def wait_until_up(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"khabar serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/sources.json", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("khabar serve did not answer in time")


# -- the load ------------------------------------------------------------------------------------------

async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one HTTP/1.1 response; returns its status and whether the connection stays open."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        await read_chunks(reader)
    else:
        await reader.read()
        return status, False
    return status, headers.get("connection", "").lower() != "close"


async def read_chunks(reader: asyncio.StreamReader) -> None:
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        await reader.readexactly(size + 2)
        if size == 0:
            return


def request_bytes(path: str, as_json: bool) -> bytes:
    accept = "application/json" if as_json else "text/html,application/xhtml+xml,*/*;q=0.8"
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: {accept}\r\nConnection: keep-alive\r\n\r\n".encode()


async def client(port: int, mix: Mix, stop_at: float, samples: list, errors: list) -> None:
    """One client: a keep-alive connection, a request at a time, until ``stop_at`` (reconnects on error)."""
    connection = None
    while time.perf_counter() < stop_at:
        target, as_json = mix.next()
        kind = f"{target.kind} {'json' if as_json else 'html'}"
        started = time.perf_counter()
        try:
            if connection is None:
                connection = await asyncio.open_connection("127.0.0.1", port)
            reader, writer = connection
            writer.write(request_bytes(target.path, as_json))
            status, keep = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
            errors.append({"kind": kind, "path": target.path, "error": repr(exc)})
            connection = await close(connection)
            continue
        samples.append((kind, (time.perf_counter() - started) * 1000))
        if status != 200:
            errors.append({"kind": kind, "path": target.path, "error": f"HTTP {status}"})
        if not keep:
            connection = await close(connection)
    await close(connection)


async def close(connection) -> None:
    if connection is not None:
        connection[1].close()
        with contextlib.suppress(OSError):
            await connection[1].wait_closed()


async def run_load(port: int, mix: Mix, clients: int, seconds: float) -> tuple[list, list, float]:
    samples: list[tuple[str, float]] = []
    errors: list[dict] = []
    started = time.perf_counter()
    stop_at = started + seconds
    await asyncio.gather(*(client(port, mix, stop_at, samples, errors) for _ in range(clients)))
    return samples, errors, time.perf_counter() - started


# -- the report ----------------------------------------------------------------------------------------

def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else 0.0


def latency(values: list[float]) -> dict:
    return {"n": len(values), "p50_ms": round(percentile(values, 0.50), 2), "p95_ms": round(percentile(values, 0.95), 2),
            "p99_ms": round(percentile(values, 0.99), 2), "max_ms": round(max(values, default=0.0), 2)}


def route_family(kind: str) -> str:
    return "article" if kind.startswith("article") else "search"


def summarise(samples: list[tuple[str, float]], errors: list[dict], elapsed: float) -> dict:
    by_kind: dict[str, list[float]] = defaultdict(list)
    by_family: dict[str, list[float]] = defaultdict(list)
    for kind, ms in samples:
        by_kind[kind].append(ms)
        by_family[route_family(kind)].append(ms)
    overall = latency([ms for _, ms in samples])
    return {
        "requests": len(samples), "seconds": round(elapsed, 2), "requests_per_second": round(len(samples) / elapsed, 1),
        "errors": len(errors), "error_examples": errors[:10], "overall": overall,
        "by_route": {family: latency(values) for family, values in sorted(by_family.items())},
        "by_kind": {kind: latency(values) for kind, values in sorted(by_kind.items())},
        "verdict": {"no_errors": not errors, "p99_met": overall["p99_ms"] <= TARGETS["p99_ms"]},
    }


def print_report(report: dict) -> None:
    load = report["load"]
    print(f"\n{report['database']['articles']} articles; {report['clients']} clients for {load['seconds']:.0f} s; "
          f"server: {' '.join(report['server'][2:4])} workers={report['workers_used']}")
    print(f"{load['requests']} requests, {load['requests_per_second']:.0f}/s, {load['errors']} errors")
    print(f"\n{'kind':28s} {'n':>6s} {'p50':>8s} {'p95':>8s} {'p99':>8s} {'max':>8s}")
    rows = {**load["by_kind"], **{f"all {k}": v for k, v in load["by_route"].items()}, "overall": load["overall"]}
    for kind, s in rows.items():
        print(f"{kind:28s} {s['n']:6d} {s['p50_ms']:8.1f} {s['p95_ms']:8.1f} {s['p99_ms']:8.1f} {s['max_ms']:8.1f}")
    print(f"\nverdict: {load['verdict']} (target p99 <= {TARGETS['p99_ms']:.0f} ms, no errors)")


def run_bench(args: argparse.Namespace) -> dict:
    db, built = ensure_database(args.articles, args.seed, args.jobs, args.db)
    rng = random.Random(args.seed)
    searches = search_targets(db, rng)
    ids = article_ids(db)
    port = free_port()
    command = serve_command(db, port, args.workers)
    with open(args.out.with_name(args.out.stem + "-server.log"), "wb") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
        try:
            wait_until_up(f"http://127.0.0.1:{port}", server)
            warm = Mix(searches, ids, args.seed + 1, args.article_share)
            asyncio.run(run_load(port, warm, min(args.clients, 8), args.warmup))
            mix = Mix(searches, ids, args.seed, args.article_share)
            samples, errors, elapsed = asyncio.run(run_load(port, mix, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(10)
    return {
        "python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "machine": platform.machine(),
        "cpus": os.cpu_count(), "targets": TARGETS, "clients": args.clients, "server": command,
        "workers_used": int(command[command.index("--workers") + 1]) if "--workers" in command else 1,
        "database": {"path": str(db.relative_to(REPO) if db.is_relative_to(REPO) else db), "articles": len(ids),
                     "bytes": db.stat().st_size, "build": built},
        "mix": {"article_share": args.article_share, "json_share": JSON_SHARE, "search_targets": len(searches),
                "search_kinds": sorted({t.kind for t in searches})},
        "load": summarise(samples, errors, elapsed),
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="pages generated into the database")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--article-share", type=float, default=ARTICLE_SHARE, help="share of article-page requests")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of light load before measuring")
    parser.add_argument("--workers", type=int, default=2, help="server processes, if 'khabar serve' has --workers")
    parser.add_argument("--jobs", type=int, default=2, help="ingest jobs when building the database")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--db", type=Path, help="use this database instead of the cached generated one")
    parser.add_argument("--out", type=Path, default=OUT_DIR / "web.json")
    return parser.parse_args(argv)


def main_with(args: argparse.Namespace) -> dict:
    """Run the benchmark, print the report and write it to ``args.out``."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    report = run_bench(args)
    print_report(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return report


def main(argv: list[str] | None = None) -> int:
    report = main_with(parse_args(argv))
    return 0 if all(report["load"]["verdict"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
