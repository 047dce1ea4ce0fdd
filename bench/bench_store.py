"""Store and search on one core: ingest rate, query latency, database size, and plain FTS5 alongside.

Generates ``--pages`` varied pages (``make_corpus.py``), ingests them with ``run_ingest`` (extract,
analyse, store; one job, pinned to CPU 0), times the extract-only and extract+analyse steps on the first
``--split-pages`` of the same pages, then runs a fixed mix of queries through ``store.search`` and the
same Hindi queries through an FTS5 table with the default ``unicode61`` tokenizer built in the same run
over the same articles' raw title and text, and counts the wrong hits and misses of both.
Writes ``bench/out/store.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from bench_extract import peak_rss_kib  # noqa: E402
from make_corpus import load_corpus_vocab, people, write_corpus  # noqa: E402

from khabar.analysis.pipeline import extract_and_analyze  # noqa: E402
from khabar.extraction import extract_page  # noqa: E402
from khabar.runners.ingest import run_ingest  # noqa: E402
from khabar.sources import iter_pages  # noqa: E402
from khabar.store import SearchFilters, open_store  # noqa: E402
from khabar.store.crossscript import with_name_keys  # noqa: E402
from khabar.store.search import index_terms, parse_query  # noqa: E402

OUT = REPO / "bench" / "out" / "store.json"
TARGETS = {"ingest_pages_per_second": 100.0, "query_p50_ms": 10.0, "query_p99_ms": 50.0}
#: Document-frequency bands (share of articles) of single-word queries.
BANDS = (("very-common", 0.25, 1.01), ("common", 0.03, 0.25), ("mid", 0.003, 0.03), ("rare", 0.0, 0.003))
CHECKED_TYPES = ("word", "pitfall", "and", "phrase", "prefix", "latin")
BASELINE_TYPES = CHECKED_TYPES
DEVANAGARI_WORD = re.compile("[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")
NUKTA, CHANDRABINDU, ANUSVARA = "\u093c", "\u0901", "\u0902"


@dataclass
class BenchQuery:
    """One query of the mix: its type, text, filters, and the word groups that decide a right hit."""

    kind: str
    text: str
    filters: SearchFilters | None = None
    baseline: str | None = None
    words: list[str] = field(default_factory=list)
    phrase: bool = False
    prefix: bool = False

    @property
    def family(self) -> str:
        """The query type without its band or filter (``word:rare`` -> ``word``)."""
        return self.kind.split(":")[0]

    def label(self) -> str:
        shown = self.text or "(empty)"
        if self.filters:
            shown += " " + json.dumps({k: v for k, v in _filters_dict(self.filters).items() if v}, ensure_ascii=False)
        return shown


def _filters_dict(filters: SearchFilters) -> dict:
    return {name: getattr(filters, name) for name in filters.__slots__}


# -- what counts as a right hit ------------------------------------------------------------------------

def fold(word: str) -> str:
    """A Devanagari word without nukta and with chandrabindu as anusvara (spelling variants meet)."""
    decomposed = unicodedata.normalize("NFD", word).replace(NUKTA, "").replace(CHANDRABINDU, ANUSVARA)
    return unicodedata.normalize("NFC", decomposed)


def inflection_rules(vocab: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """``(word ending, endings of its inflected forms)`` from the ``[inflection]`` section; ``+`` is a consonant."""
    rules = []
    for line in vocab["inflection"]:
        ending, forms = line.split("|")
        rules.append((ending, forms.split()))
    return rules


def accepted_forms(word: str, rules: list[tuple[str, list[str]]]) -> frozenset[str]:
    """The folded word and its regular inflections: the forms a right hit must hold one of."""
    base = fold(word)
    forms = {base}
    for ending, replacements in rules:
        if ending == "+" and "\u0915" <= base[-1] <= "\u0939":
            forms.update(base + r for r in replacements)
        elif ending != "+" and base.endswith(ending):
            forms.update(base[: -len(ending)] + r for r in replacements)
    return frozenset(fold(form) for form in forms)


def document_words(text: str) -> set[str]:
    """The folded whole Devanagari words of a text (runs of letters and signs; danda and digits end them)."""
    return {fold(word) for word in DEVANAGARI_WORD.findall(unicodedata.normalize("NFC", text))}


class Truth:
    """Which articles hold each checked query's words, found by scanning every article's title and text."""

    def __init__(self, queries: list[BenchQuery], rules: list[tuple[str, list[str]]], latin: dict[str, list[str]]) -> None:
        self.rules = rules
        self.latin = latin
        self.queries = [q for q in queries if q.family in CHECKED_TYPES]
        self.postings: dict[str, set[int]] = defaultdict(set)
        self._matchers = self._word_matchers()
        self._cache: dict[str, tuple[str, ...]] = {}

    def _word_matchers(self) -> dict[str, Callable[[str], bool]]:
        """Key -> test of one folded document word; a key per query word (or prefix, or Latin name)."""
        matchers: dict[str, Callable[[str], bool]] = {}
        for query in self.queries:
            for word in query.words:
                if query.kind == "latin":
                    forms = frozenset(fold(w) for w in self.latin.get(word.lower(), []))
                    matchers[f"latin:{word}"] = forms.__contains__
                elif query.prefix:
                    matchers[f"prefix:{word}"] = _starts_with(fold(word))
                else:
                    matchers[f"word:{word}"] = accepted_forms(word, self.rules).__contains__
        return matchers

    def scan(self, articles: Iterable[tuple[int, str]]) -> None:
        for article_id, text in articles:
            for word in document_words(text):
                keys = self._cache.get(word)
                if keys is None:
                    keys = self._cache[word] = tuple(k for k, test in self._matchers.items() if test(word))
                for key in keys:
                    self.postings[key].add(article_id)

    def key(self, query: BenchQuery, word: str) -> str:
        if query.kind == "latin":
            return f"latin:{word}"
        return f"prefix:{word}" if query.prefix else f"word:{word}"

    def candidates(self, query: BenchQuery) -> set[int]:
        """Articles holding every word of the query (in any accepted form); phrases are checked later."""
        sets = [self.postings.get(self.key(query, word), set()) for word in query.words]
        return set.intersection(*sets) if sets else set()

    def phrase_pattern(self, query: BenchQuery) -> re.Pattern[str]:
        parts = ["(?:" + "|".join(map(re.escape, sorted(accepted_forms(w, self.rules)))) + ")" for w in query.words]
        return re.compile(r"(?<![\u0900-\u097f])" + r"\s+".join(parts) + r"(?![\u0900-\u097f])")


def _starts_with(prefix: str) -> Callable[[str], bool]:
    return lambda word: word.startswith(prefix)


# -- corpus and timing of the pipeline steps -----------------------------------------------------------

def measure_split(corpus: Path, count: int) -> dict:
    """Pages/s of extraction alone, then of extraction and analysis, over the corpus's first ``count`` pages."""
    pages = []
    for page in iter_pages([str(corpus)]):
        pages.append(page)
        if len(pages) >= count:
            break
    extract_and_analyze(pages[0])
    started = time.perf_counter()
    for page in pages:
        extract_page(page)
    extract_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for page in pages:
        extract_and_analyze(page)
    both_seconds = time.perf_counter() - started
    return {"pages": len(pages), "extract_pages_per_second": len(pages) / extract_seconds,
            "extract_analyse_pages_per_second": len(pages) / both_seconds}


def file_bytes(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def measure_ingest(corpus: Path, db: Path) -> dict:
    """One ``run_ingest`` over the corpus into a new database: rate, peak RSS and size on disk."""
    store = open_store(db)
    started = time.perf_counter()
    stats = run_ingest([str(corpus)], store, jobs=1, progress=False)
    seconds = time.perf_counter() - started
    counts = store.stats()
    store.close()
    sizes = {"db_bytes": file_bytes(db), "wal_bytes": file_bytes(Path(f"{db}-wal"))}
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = file_bytes(db) + file_bytes(Path(f"{db}-wal"))
    return {
        "pages": stats.pages.read, "seconds": seconds, "pages_per_second": stats.pages.read / seconds,
        "peak_rss_mib": peak_rss_kib() / 1024, **sizes, "db_bytes_after_checkpoint": total,
        "bytes_per_article": total / max(1, counts["articles"]), "store": counts,
    }


# -- the plain FTS5 table ------------------------------------------------------------------------------

def build_baseline(db: Path, baseline: Path) -> dict:
    """A plain FTS5 table (default ``unicode61``) over every stored article's raw title and text."""
    started = time.perf_counter()
    connection = sqlite3.connect(baseline)
    connection.execute("CREATE VIRTUAL TABLE plain USING fts5(title, body)")
    connection.execute("ATTACH DATABASE ? AS khabar", (str(db),))
    with connection:
        connection.execute("INSERT INTO plain(rowid, title, body) SELECT id, coalesce(title, ''), text FROM khabar.articles")
    connection.execute("DETACH DATABASE khabar")
    connection.close()
    return {"tokenizer": "unicode61 (FTS5 default)", "seconds": time.perf_counter() - started,
            "db_bytes": file_bytes(baseline)}


def baseline_expression(query: BenchQuery) -> str:
    """The query as a naive user would give it to FTS5: each raw word quoted, a phrase quoted whole."""
    quoted = ['"' + w.replace('"', '""') + '"' for w in query.words]
    if query.phrase:
        return '"' + " ".join(query.words) + '"'
    if query.prefix:
        return quoted[0] + "*"
    return " ".join(quoted)


# -- the query mix -------------------------------------------------------------------------------------

def vocabulary_words(vocab: dict[str, list[str]]) -> list[str]:
    """Distinct Devanagari words of the generator's vocabulary that are not stop words."""
    sections = ("place", "subject", "object", "topic", "rare", "org")
    words = {w for s in sections for line in vocab[s] for w in DEVANAGARI_WORD.findall(line)}
    return sorted(w for w in words if len(index_terms(w)) == 1)


def document_frequencies(db: Path, words: list[str]) -> dict[str, int]:
    """Articles whose index holds each word's term (from FTS5's own vocabulary table)."""
    connection = sqlite3.connect(db)
    connection.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, 'search_index', 'row')")
    frequency = {}
    for word in words:
        row = connection.execute("SELECT doc FROM temp.terms WHERE term = ?", (index_terms(word)[0],)).fetchone()
        frequency[word] = row[0] if row else 0
    connection.close()
    return frequency


def word_queries(frequency: dict[str, int], articles: int, rng: random.Random, per_band: int) -> list[BenchQuery]:
    queries = []
    for name, low, high in BANDS:
        band = sorted(w for w, n in frequency.items() if n > 0 and low <= n / articles < high)
        for word in rng.sample(band, min(per_band, len(band))):
            queries.append(BenchQuery(f"word:{name}", word, words=[word]))
    return queries


def build_queries(db: Path, vocab: dict[str, list[str]], seed: int) -> list[BenchQuery]:
    """The fixed mix: single words by frequency, pitfalls, AND, phrases, prefixes, Latin names, filters."""
    rng = random.Random(seed)
    words = vocabulary_words(vocab)
    store = open_store(db, readonly=True)
    articles = store.stats()["articles"]
    frequency = document_frequencies(db, words)
    queries = word_queries(frequency, articles, rng, per_band=20)
    queries += [BenchQuery("pitfall", w, words=[w]) for w in vocab["pitfall_query"]]
    common = sorted(w for w, n in frequency.items() if n / max(1, articles) >= 0.003)
    for _ in range(40):
        a, b = rng.sample(common, 2)
        queries.append(BenchQuery("and", f"{a} {b}", words=[a, b]))
    phrases = sorted({line for s in ("subject", "object", "org") for line in vocab[s] if " " in line and "-" not in line})
    for line in rng.sample(phrases, min(30, len(phrases))):
        queries.append(BenchQuery("phrase", f'"{line}"', words=line.split(), phrase=True))
    for word in rng.sample([w for w in words if len(w) >= 5], 20):
        stem = word[:4].rstrip("\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c\u094d\u0902")
        queries.append(BenchQuery("prefix", f"{stem}*", words=[stem], prefix=True))
    queries += latin_queries(vocab, rng)
    queries += filtered_queries(store, rng, common)
    store.close()
    for query in queries:
        if query.family in BASELINE_TYPES:
            query.baseline = baseline_expression(query)
    return queries


def latin_names(vocab: dict[str, list[str]]) -> dict[str, list[str]]:
    """Lower-cased English name word -> the Devanagari words it stands for (aligned by position)."""
    names: dict[str, list[str]] = defaultdict(list)
    for person in people(vocab):
        hindi, english = person.name.split(), person.gloss.split()
        if len(hindi) == len(english):
            for h, e in zip(hindi, english, strict=True):
                names[e.lower()].append(h)
    return names


def latin_queries(vocab: dict[str, list[str]], rng: random.Random) -> list[BenchQuery]:
    surnames = sorted({p.gloss.split()[-1] for p in people(vocab) if len(p.name.split()) == len(p.gloss.split())})
    return [BenchQuery("latin", name, words=[name]) for name in rng.sample(surnames, min(20, len(surnames)))]


def filtered_queries(store, rng: random.Random, common: list[str]) -> list[BenchQuery]:
    """Words narrowed by site, by a year, by an entity, and browsing (no words) newest first."""
    sites = [s.name for s in store.sites() if s.name]
    entities = [e.gloss or e.name for e in store.entities(limit=40)]
    queries = []
    for _ in range(10):
        word = rng.choice(common)
        queries.append(BenchQuery("filter:site", word, SearchFilters(site=rng.choice(sites))))
        year = rng.randint(2019, 2024)
        queries.append(BenchQuery("filter:date", word, SearchFilters(date_from=f"{year}-01-01", date_to=f"{year}-12-31")))
        queries.append(BenchQuery("filter:entity", word, SearchFilters(entity=rng.choice(entities))))
    for i in range(10):
        queries.append(BenchQuery("browse", "", SearchFilters(site=rng.choice(sites)) if i % 2 else None))
    return queries


# -- timing and accuracy -------------------------------------------------------------------------------

def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def summary(samples: list[float]) -> dict:
    return {"n": len(samples), "p50_ms": percentile(samples, 0.50), "p95_ms": percentile(samples, 0.95),
            "p99_ms": percentile(samples, 0.99), "max_ms": max(samples)}


def time_calls(run: Callable[[BenchQuery], object], queries: list[BenchQuery], rounds: int) -> dict[int, list[float]]:
    """Milliseconds per call, for every query in every round, after one untimed warm-up round."""
    for query in queries:
        run(query)
    times: dict[int, list[float]] = defaultdict(list)
    for _ in range(rounds):
        for index, query in enumerate(queries):
            started = time.perf_counter()
            run(query)
            times[index].append((time.perf_counter() - started) * 1000)
    return times


def latency_report(queries: list[BenchQuery], times: dict[int, list[float]]) -> dict:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for index, samples in times.items():
        by_kind[queries[index].kind].extend(samples)
    everything = [t for samples in times.values() for t in samples]
    slowest = sorted(times, key=lambda i: -max(times[i]))[:5]
    return {"overall": summary(everything), "by_type": {k: summary(v) for k, v in sorted(by_kind.items())},
            "slowest": [{"query": queries[i].label(), "type": queries[i].kind, **summary(times[i])} for i in slowest]}


def all_matches(connection: sqlite3.Connection, table: str, expression: str) -> set[int]:
    rows = connection.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (expression,))
    return {row[0] for row in rows}


def top_matches(connection: sqlite3.Connection, expression: str) -> list[int]:
    rows = connection.execute("SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 10", (expression,))
    return [row[0] for row in rows]


def right_articles(query: BenchQuery, truth: Truth, connection: sqlite3.Connection) -> set[int]:
    """Articles that hold the query (every word in an accepted form; a phrase's words in a row)."""
    found = truth.candidates(query)
    if not query.phrase or not found:
        return found
    pattern = truth.phrase_pattern(query)
    marks = ",".join("?" * len(found))
    rows = connection.execute(f"SELECT id, coalesce(title, '') || '\n' || text FROM articles WHERE id IN ({marks})",
                              tuple(found))
    return {article_id for article_id, text in rows if pattern.search(fold(unicodedata.normalize("NFC", text)))}


def accuracy(queries: list[BenchQuery], db: Path, baseline: Path, rules, latin) -> dict:
    """Wrong hits and misses of khabar's index and of plain FTS5, per checked query and per type."""
    truth = Truth(queries, rules, latin)
    khabar = sqlite3.connect(db)
    truth.scan(khabar.execute("SELECT id, coalesce(title, '') || '\n' || text FROM articles"))
    plain = sqlite3.connect(baseline)
    store = open_store(db, readonly=True)
    rows = []
    for query in truth.queries:
        right = right_articles(query, truth, khabar)
        mine = all_matches(khabar, "search_index", with_name_keys(parse_query(query.text)).fts_expression())
        page = [hit.id for hit in store.search(query.text, limit=10).hits]
        row = {"query": query.text, "type": query.kind, "family": query.family, "right": len(right),
               "khabar": _errors(mine, page, right)}
        if query.baseline:
            row["unicode61"] = _errors(all_matches(plain, "plain", query.baseline), top_matches(plain, query.baseline), right)
        rows.append(row)
    store.close()
    return {"by_type": _accuracy_by_type(rows), "queries": rows}


def _errors(found: set[int], page: list[int], right: set[int]) -> dict:
    return {"hits": len(found), "wrong": len(found - right), "misses": len(right - found),
            "wrong_in_top10": sum(1 for i in page if i not in right), "top10": len(page)}


def _accuracy_by_type(rows: list[dict]) -> dict:
    totals: dict[str, dict] = {}
    for row in rows:
        kind = row["family"]
        entry = totals.setdefault(kind, {"queries": 0, "right": 0})
        entry["queries"] += 1
        entry["right"] += row["right"]
        for system in ("khabar", "unicode61"):
            if system in row:
                sums = entry.setdefault(system, defaultdict(int))
                for name, value in row[system].items():
                    sums[name] += value
                sums["queries_with_wrong_hits"] += row[system]["wrong"] > 0
    return totals


def query_plan(store, query: BenchQuery) -> list[str]:
    """EXPLAIN QUERY PLAN of the statements ``store.search`` runs for one query."""
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    store.search(query.text, query.filters, limit=10)
    store.db.set_trace_callback(None)
    plan = []
    for sql in statements[:1]:
        plan += [row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}")]
    return plan


# -- the run -------------------------------------------------------------------------------------------

def pin_to_cpu(cpu: int | None) -> bool:
    """Run this process on CPU ``cpu`` only, where the platform allows it (``None``: leave it be)."""
    if cpu is None or not hasattr(os, "sched_setaffinity"):
        return False
    os.sched_setaffinity(0, {cpu})
    return True


def run_bench(args: argparse.Namespace, work: Path) -> dict:
    pinned = pin_to_cpu(args.cpu)
    corpus, db, baseline = work / "corpus.warc.gz", work / "khabar.db", work / "plain.db"
    if getattr(args, "reuse", False):
        previous = json.loads(args.out.read_text(encoding="utf-8"))
        generated, ingest = previous["corpus"], previous["ingest"]
        print(f"reusing {db} and the corpus and ingest figures of {args.out}", flush=True)
    else:
        started = time.perf_counter()
        written = write_corpus(corpus, args.pages, args.seed)
        generated = {**written, "bytes": file_bytes(corpus), "seconds": time.perf_counter() - started}
        print(f"corpus: {written['pages']} pages ({written['republished']} republished) in {generated['seconds']:.0f} s",
              flush=True)
        split = measure_split(corpus, min(args.split_pages, args.pages))
        ingest = measure_ingest(corpus, db)
        ingest["split"] = split | _time_shares(split, ingest["pages_per_second"])
        print(f"ingest: {ingest['pages_per_second']:.1f} pages/s", flush=True)
    plain = build_baseline(db, baseline)
    vocab = load_corpus_vocab()
    queries = build_queries(db, vocab, args.seed)
    store = open_store(db, readonly=True)
    times = time_calls(lambda q: store.search(q.text, q.filters, limit=10), queries, args.rounds)
    latency = latency_report(queries, times)
    checked = [q for q in queries if q.baseline]
    connection = sqlite3.connect(baseline)
    plain["latency"] = latency_report(checked, time_calls(lambda q: top_matches(connection, q.baseline), checked, args.rounds))
    connection.close()
    latency["plans"] = slow_plans(store, queries, times)
    store.close()
    return {
        "pages_requested": args.pages, "pinned_to_one_core": pinned, "cpu": args.cpu, "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version, "machine": platform.machine(), "targets": TARGETS,
        "corpus": generated, "ingest": ingest, "queries": {"count": len(queries), "rounds": args.rounds, **latency},
        "unicode61": plain,
        "accuracy": accuracy(queries, db, baseline, inflection_rules(vocab), latin_names(vocab)),
        "verdict": _verdict(ingest, latency),
    }


def _time_shares(split: dict, ingest_rate: float) -> dict:
    """Milliseconds per page spent extracting, analysing and storing (storing: ingest minus the rest)."""
    extract = 1000 / split["extract_pages_per_second"]
    both = 1000 / split["extract_analyse_pages_per_second"]
    return {"ms_per_page": {"extract": extract, "analyse": both - extract, "store_and_read": 1000 / ingest_rate - both}}


def slow_plans(store, queries: list[BenchQuery], times: dict[int, list[float]]) -> dict:
    """Query plans of the slowest query of every type whose p99 is above the target."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for index in times:
        by_kind[queries[index].kind].append(index)
    plans = {}
    for kind, indices in by_kind.items():
        if percentile([t for i in indices for t in times[i]], 0.99) > TARGETS["query_p99_ms"]:
            query = queries[max(indices, key=lambda i: max(times[i]))]
            plans[kind] = {"query": query.label(), "plan": query_plan(store, query)}
    return plans


def _verdict(ingest: dict, latency: dict) -> dict:
    overall = latency["overall"]
    return {"ingest_rate_met": ingest["pages_per_second"] >= TARGETS["ingest_pages_per_second"],
            "query_p50_met": overall["p50_ms"] <= TARGETS["query_p50_ms"],
            "query_p99_met": overall["p99_ms"] <= TARGETS["query_p99_ms"]}


def print_report(report: dict) -> None:
    ingest, split = report["ingest"], report["ingest"]["split"]
    print(f"\npages {ingest['pages']}, articles {ingest['store']['articles']}, clusters {ingest['store']['clusters']}")
    print(f"ingest {ingest['pages_per_second']:.1f} pages/s (target {TARGETS['ingest_pages_per_second']:.0f}); "
          f"extract only {split['extract_pages_per_second']:.0f}/s, extract+analyse "
          f"{split['extract_analyse_pages_per_second']:.1f}/s on {split['pages']} pages")
    shares = split["ms_per_page"]
    print("ms per page: " + ", ".join(f"{k} {v:.1f}" for k, v in shares.items()))
    print(f"peak RSS {ingest['peak_rss_mib']:.0f} MiB; database {ingest['db_bytes_after_checkpoint'] / 2**20:.1f} MiB "
          f"({ingest['bytes_per_article'] / 1024:.1f} KiB/article); plain FTS5 {report['unicode61']['db_bytes'] / 2**20:.1f} MiB")
    print(f"\n{'type':16s} {'n':>5s} {'p50':>7s} {'p95':>7s} {'p99':>7s} {'max':>7s}   unicode61 p50/p99")
    base = report["unicode61"]["latency"]["by_type"]
    rows = {**report["queries"]["by_type"], "overall": report["queries"]["overall"]}
    for kind, s in rows.items():
        other = base.get(kind) or (report["unicode61"]["latency"]["overall"] if kind == "overall" else None)
        extra = f"   {other['p50_ms']:.2f} / {other['p99_ms']:.2f}" if other else ""
        print(f"{kind:16s} {s['n']:5d} {s['p50_ms']:7.2f} {s['p95_ms']:7.2f} {s['p99_ms']:7.2f} {s['max_ms']:7.2f}{extra}")
    print(f"\n{'type':10s} {'queries':>7s}  {'khabar wrong/miss/top10-wrong':>30s}  {'unicode61 wrong/miss/top10-wrong':>33s}")
    for kind, entry in report["accuracy"]["by_type"].items():
        cells = [f"{e['wrong']}/{e['misses']}/{e['wrong_in_top10']}" if (e := entry.get(s)) else "-" for s in ("khabar", "unicode61")]
        print(f"{kind:10s} {entry['queries']:7d}  {cells[0]:>30s}  {cells[1]:>33s}")
    print(f"\nverdict: {report['verdict']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds over the query mix")
    parser.add_argument("--split-pages", type=int, default=1000, help="pages timed for the extract/analyse split")
    parser.add_argument("--work", type=Path, help="folder for the corpus and databases (default: a temporary one)")
    parser.add_argument("--cpu", type=int, default=0, help="the one CPU to run on")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--reuse", action="store_true",
                        help="keep --work's corpus and database and the ingest figures in --out; rerun the queries")
    args = parser.parse_args()
    if args.reuse and not (args.work and (args.work / "khabar.db").exists() and args.out.exists()):
        parser.error("--reuse needs --work holding khabar.db and an earlier report at --out")
    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        for name in ("plain.db",) if args.reuse else ("khabar.db", "khabar.db-wal", "khabar.db-shm", "plain.db"):
            (work / name).unlink(missing_ok=True)
        report = run_bench(args, work)
    print_report(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
