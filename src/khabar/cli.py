"""The ``khabar`` command line: parsing and dispatch only; each subcommand is a pair of small functions.

To add a subcommand, write ``_configure_NAME(parser)`` and ``_run_NAME(args) -> int`` and add a
:class:`Command` to :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2

_EXTRACT_DESCRIPTION = """\
Turn raw news pages into clean, structured article records (title, dates, authors, paragraphs,
and the boilerplate that was removed).

SOURCES can be HTML files, folders (read recursively, hidden files skipped), globs such as
'pages/**/*.html', WARC or WARC.gz archives (every HTML response record), JSON Lines files (one
object per line with an "html" or "text" field and an optional "url"; .jsonl.gz too), plain-text
page dumps (.txt), or '-' for standard input.

A page that cannot be read or extracted never stops the run: it becomes a record with "error" set.
A summary goes to stderr at the end. Exit status: 0 when every page was extracted (pages with no
article text count as extracted, and are counted), 1 when any page failed, 2 for usage errors."""

_EXTRACT_EPILOG = """\
examples:
  khabar extract pages/                            every page under a folder, JSON Lines to stdout
  khabar extract 'crawl/**/*.html' -o out.jsonl    a glob (quote it), written to a file
  khabar extract crawl.warc.gz -o news.parquet     the HTML responses of a WARC, as Parquet
  khabar extract pages.jsonl --jobs 4 -o out.json  JSONL input, 4 processes, one JSON array
  cat story.html | khabar extract -                a page on standard input
  khabar extract dump.txt --format md              a plain-text dump, as Markdown"""

_EVAL_DESCRIPTION = """\
Score extractors against a gold corpus (a folder with pages/*.html and gold/*.json), field by
field: title, dates, authors, body text, boilerplate and comment leaks."""

_EVAL_EPILOG = """\
examples:
  khabar eval ../shared/corpus
  khabar eval ../shared/corpus --systems khabar,trafilatura --json"""


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, help texts, argument set-up and handler."""

    name: str
    summary: str
    description: str
    epilog: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def _configure_pipeline(parser: argparse.ArgumentParser) -> None:
    """Options shared by the commands that read sources and write records."""
    from khabar.output import FORMATS

    parser.add_argument("sources", nargs="+", metavar="SOURCES", help="files, folders, globs, or - for stdin")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--format", choices=FORMATS, help="output format (default: from the -o extension, else jsonl)"
    )
    parser.add_argument(
        "-j", "--jobs", type=_job_count, default=1, metavar="N", help="worker processes (0: one per CPU)"
    )
    parser.add_argument("--no-progress", action="store_true", help="never show the progress bar")


def _configure_extract(parser: argparse.ArgumentParser) -> None:
    _configure_pipeline(parser)
    parser.add_argument(
        "--analyze", action="store_true", help="also add sentences, entities and quotations (as khabar analyze)"
    )


def _run_pipeline(args: argparse.Namespace, command: str, run) -> int:
    """Open the writer, run ``run(sources, writer, jobs=, progress=)``, print the summary, return the status."""
    from khabar.output import open_writer

    try:
        writer = open_writer(args.output, args.format)
    except (ValueError, OSError) as exc:
        return _usage_error(command, exc)
    with writer:
        stats = run(args.sources, writer, jobs=args.jobs, progress=False if args.no_progress else None)
    print(stats.summary(), file=sys.stderr)
    return EXIT_OK if stats.ok else EXIT_FAILURES


def _run_extract(args: argparse.Namespace) -> int:
    from khabar.runners import run_extract

    return _run_pipeline(args, "extract", partial(run_extract, analyze=args.analyze))


_ANALYZE_DESCRIPTION = """Add Hindi analysis to articles: sentences, named entities (PER/LOC/ORG) with one
canonical name per entity and an English gloss, and direct quotations with speaker, cue verb and channel.
Every span is a pair of character offsets into the record's "text".

SOURCES are JSON Lines written by 'khabar extract' (records with "paragraphs"), or pages in any form
'khabar extract' reads, which are extracted first."""
_ANALYZE_EPILOG = """examples:
  khabar extract pages/ -o articles.jsonl && khabar analyze articles.jsonl -o analysed.jsonl
  khabar analyze crawl.warc.gz -o analysed.parquet          pages straight in, extracted first
  khabar extract pages/ --analyze                            the same in one pass"""


def _run_analyze(args: argparse.Namespace) -> int:
    from khabar.runners import run_analyze

    return _run_pipeline(args, "analyze", run_analyze)


def _configure_eval(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", metavar="CORPUS_DIR", help="folder with pages/, gold/ (and dumps/)")
    parser.add_argument(
        "--systems", metavar="LIST", help="comma-separated: khabar,trafilatura,resiliparse (default: all)"
    )
    parser.add_argument("--dumps", action="store_true", help="extract from the plain-text dumps/ instead")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def _run_eval(args: argparse.Namespace) -> int:
    try:
        from khabar.evaluation.run import main_eval
    except ImportError as exc:
        print(f"khabar eval: evaluation is not available ({exc})", file=sys.stderr)
        return EXIT_FAILURES
    return main_eval(args) or EXIT_OK


_NER_DESCRIPTION = """Tag a token-per-line file with PER/LOC/ORG in BIO, sentence for sentence and token for token.

FILE has one token per line (any further tab-separated columns, such as gold tags, are ignored) and a
blank line between sentences, so any labelled Hindi NER file can be tagged and scored."""
_NER_EPILOG = """examples:
  khabar ner ../shared/data/il-ner/hindi-dev.txt --format conll > predicted.conll
  printf 'इमरान\nखान\nने\nकहा\n' | khabar ner - --format conll"""
_TRAIN_NER_DESCRIPTION = """Train the Hindi NER model (a CRF over word, character, gazetteer and cluster features)
from token-per-line BIO files, write it with a JSON card (data, licence, attribution, dev scores)."""
_TRAIN_NER_EPILOG = """example:
  khabar train-ner --train ../shared/data/il-ner/hindi-train.txt --dev ../shared/data/il-ner/hindi-dev.txt \\
      --licence CC-BY-4.0 --attribution "IL-NER (IIIT Hyderabad, CDAC Noida, IIIT Bhubaneswar)" -o ner-hi"""


def _configure_ner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="token-per-line file, or - for stdin")
    parser.add_argument("--format", choices=["conll"], default="conll", help="output format (default: conll)")
    parser.add_argument("--model", metavar="PATH", help="model to use instead of the shipped one")


def _run_ner(args: argparse.Namespace) -> int:
    from khabar.analysis.ner.model import main_ner

    return main_ner(args)


def _configure_train_ner(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--train", required=True, metavar="FILE", help="training data, token<TAB>tag lines")
    parser.add_argument("--dev", metavar="FILE", help="development data to score the model on")
    parser.add_argument("-o", "--output", metavar="MODEL", help="model path prefix (default: the shipped model)")
    parser.add_argument("--clusters", metavar="FILE", help="word clusters (default: the shipped ones)")
    parser.add_argument("--licence", help="licence of the trained model, recorded in its card")
    parser.add_argument("--attribution", help="attribution of the training data, recorded in its card")


def _run_train_ner(args: argparse.Namespace) -> int:
    from khabar.analysis.ner.train import main_train_ner

    return main_train_ner(args)



_INGEST_DESCRIPTION = """\
Extract, analyse and store pages in one embedded SQLite database (sources, articles, entities,
mentions, quotations, duplicate clusters, runs), ready for 'khabar search' and 'khabar serve'.

SOURCES are anything 'khabar extract' reads, or JSONL written by 'khabar extract'. Running the same
sources again adds nothing (each page is fingerprinted and unchanged pages are skipped before they
are extracted); a page whose content changed updates its record. Pages are committed in batches, so a
run that is killed can simply be run again: nothing is lost and nothing is stored twice. Other
processes can read the database while it is being written."""
_INGEST_EPILOG = """\
examples:
  khabar ingest samples/pages --db news.db
  khabar ingest crawl.warc.gz more-pages/ --db news.db --jobs 2
  khabar stats --db news.db"""

_SEARCH_DESCRIPTION = """\
Full-text search that is right for Hindi: words keep their vowel signs, virama and nukta; nukta and
chandrabindu spellings match (कमर finds क़मर); inflections meet (लड़का, लड़के, लड़कों); results are ranked
by BM25, one per duplicate cluster with "N similar". A Latin-script name (Lavrov, Imran Khan) also
finds Devanagari articles through the English glosses of their entities.

Query syntax: words (all must match), "a phrase", prefix*, OR between words, -word to exclude."""
_SEARCH_EPILOG = """\
examples:
  khabar search 'पाकिस्तान सेना' --db news.db
  khabar search Lavrov --db news.db --json
  khabar search '"विदेश मंत्री"' --from 2022-01-01 --to 2022-12-31 --site 'News Today'
  khabar search इमरान --entity 'Imran Khan' --limit 20 --offset 20"""


def _configure_db(parser: argparse.ArgumentParser, json_help: str = "one JSON object a line") -> None:
    from khabar.store import DEFAULT_DB

    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"the database (default: {DEFAULT_DB})")
    parser.add_argument("--json", action="store_true", help=json_help)


def _configure_ingest(parser: argparse.ArgumentParser) -> None:
    from khabar.store import DEFAULT_DB

    parser.add_argument("sources", nargs="+", metavar="SOURCES", help="files, folders, globs, WARCs, JSONL")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"the database (default: {DEFAULT_DB})")
    parser.add_argument(
        "-j", "--jobs", type=_job_count, default=1, metavar="N", help="worker processes (0: one per CPU)"
    )
    parser.add_argument("--batch", type=int, default=1000, metavar="N",
                        help="pages per transaction (default 1000, as khabar.runners.ingest.BATCH_SIZE; larger "
                             "batches write each index page less often)")
    parser.add_argument("--no-progress", action="store_true", help="never show the progress bar")


def _run_ingest(args: argparse.Namespace) -> int:
    from khabar.runners.ingest import run_ingest
    from khabar.store import open_store

    try:
        store = open_store(args.db)
    except (OSError, RuntimeError) as exc:
        return _usage_error("ingest", exc)
    try:
        stats = run_ingest(args.sources, store, jobs=args.jobs, batch_size=max(1, args.batch),
                           progress=False if args.no_progress else None)
    finally:
        store.close()
    print(stats.summary(), file=sys.stderr)
    return EXIT_OK if stats.ok else EXIT_FAILURES


def _open_for_reading(args: argparse.Namespace, command: str):
    from khabar.store import open_store

    try:
        return open_store(args.db, readonly=True)
    except (OSError, RuntimeError) as exc:
        _usage_error(command, exc)
        return None


def _configure_search(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help="words, \"phrases\", prefix*, OR, -word")
    _configure_db(parser, "one JSON object a line per result (source, url, title, published, snippet, cluster, similar)")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before (YYYY-MM-DD)")
    parser.add_argument("--site", help="only this site name")
    parser.add_argument("--author", help="only articles by this author")
    parser.add_argument("--entity", help="only articles that mention this entity (name, English name or id)")
    parser.add_argument("--language", help="only this language code (hi, mr, ne, en)")
    parser.add_argument("--limit", type=int, default=10, help="results per page (default 10, at most 100)")
    parser.add_argument("--offset", type=int, default=0, help="skip this many results (for the next page)")


def _run_search(args: argparse.Namespace) -> int:
    from khabar.store import SearchFilters
    from khabar.store.report import search_text, write_json_lines
    from khabar.store.search import QueryError

    store = _open_for_reading(args, "search")
    if store is None:
        return EXIT_USAGE
    filters = SearchFilters(args.date_from, args.date_to, args.site, args.author, args.entity, args.language)
    try:
        page = store.search(args.query, filters, limit=args.limit, offset=args.offset)
    except QueryError as exc:
        return _usage_error("search", exc)
    finally:
        store.close()
    if args.json:
        write_json_lines((hit.to_dict() for hit in page.hits), sys.stdout)
    else:
        print(search_text(page))
    return EXIT_OK


def _configure_entities(parser: argparse.ArgumentParser) -> None:
    _configure_db(parser)
    parser.add_argument("--label", choices=("PER", "LOC", "ORG"), help="only people, places or organisations")
    parser.add_argument("--name", help="only the entity with this name, spelling variant or English name")
    parser.add_argument("--limit", type=int, default=30, help="how many (default 30)")


def _run_entities(args: argparse.Namespace) -> int:
    from khabar.store.report import entities_text, write_json_lines

    store = _open_for_reading(args, "entities")
    if store is None:
        return EXIT_USAGE
    try:
        rows = store.entities(limit=args.limit, label=args.label, name=args.name)
    finally:
        store.close()
    if args.json:
        write_json_lines((r.to_dict() for r in rows), sys.stdout)
    else:
        print(entities_text(rows))
    return EXIT_OK


def _configure_quotes(parser: argparse.ArgumentParser) -> None:
    _configure_db(parser)
    parser.add_argument("--speaker", help="speaker name, any spelling variant, English name or entity id")
    parser.add_argument("--words", help="only quotations containing these words")
    parser.add_argument("--limit", type=int, default=50, help="how many (default 50)")


def _run_quotes(args: argparse.Namespace) -> int:
    from khabar.store.report import quotes_text, write_json_lines

    store = _open_for_reading(args, "quotes")
    if store is None:
        return EXIT_USAGE
    try:
        rows = store.quotes(speaker=args.speaker, words=args.words, limit=args.limit)
    finally:
        store.close()
    if args.json:
        write_json_lines((r.to_dict() for r in rows), sys.stdout)
    else:
        print(quotes_text(rows))
    return EXIT_OK


def _configure_duplicates(parser: argparse.ArgumentParser) -> None:
    _configure_db(parser)
    parser.add_argument("--min-size", type=int, default=2, help="smallest cluster shown (default 2)")


def _run_duplicates(args: argparse.Namespace) -> int:
    from khabar.store.report import clusters_text, write_json_lines

    store = _open_for_reading(args, "duplicates")
    if store is None:
        return EXIT_USAGE
    try:
        rows = store.clusters(min_size=max(1, args.min_size))
    finally:
        store.close()
    if args.json:
        write_json_lines((r.to_dict() for r in rows), sys.stdout)
    else:
        print(clusters_text(rows))
    return EXIT_OK


def _run_stats(args: argparse.Namespace) -> int:
    from khabar.store.report import stats_text, write_json_lines

    store = _open_for_reading(args, "stats")
    if store is None:
        return EXIT_USAGE
    try:
        stats = store.stats()
    finally:
        store.close()
    if args.json:
        write_json_lines([stats], sys.stdout)
    else:
        print(stats_text(stats))
    return EXIT_OK


_SERVE_DESCRIPTION = """\
Serve a web UI and JSON API over a database: search with filters and highlighted snippets, articles
with their entities and quotations marked, entity pages with mentions over time, quotations and
sources. Every page has a JSON twin (append .json to the path, or send Accept: application/json); the
API is described at /openapi.json. The database is opened read-only."""
_SERVE_EPILOG = """\
examples:
  khabar serve --db news.db                      http://127.0.0.1:8000/
  khabar serve --db news.db --port 8080
  curl 'http://127.0.0.1:8000/search.json?q=Lavrov'"""


def _configure_serve(parser: argparse.ArgumentParser) -> None:
    from khabar.store import DEFAULT_DB

    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"the database (default: {DEFAULT_DB})")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument("--workers", type=_job_count, default=1, metavar="N",
                        help="server processes (default 1; 0: one per CPU)")
    parser.add_argument("--access-log", action="store_true", help="log every request to stderr")


def _run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from khabar.web import create_app
    except ImportError as exc:
        print(f"khabar serve: the web packages are not installed ({exc})", file=sys.stderr)
        return EXIT_FAILURES
    try:
        app = create_app(args.db)
    except (OSError, RuntimeError) as exc:
        return _usage_error("serve", exc)
    options = {"host": args.host, "port": args.port, "log_level": "info", "server_header": False,
               "access_log": args.access_log}
    if args.workers > 1:
        from khabar.web.app import DB_ENVIRONMENT

        os.environ[DB_ENVIRONMENT] = str(args.db)
        uvicorn.run("khabar.web.app:app_from_environment", factory=True, workers=args.workers, **options)
    else:
        uvicorn.run(app, **options)
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    Command(
        "extract",
        "extract articles from pages, folders, WARCs, JSONL or stdin",
        _EXTRACT_DESCRIPTION,
        _EXTRACT_EPILOG,
        _configure_extract,
        _run_extract,
    ),
    Command(
        "eval",
        "score extractors against a gold corpus",
        _EVAL_DESCRIPTION,
        _EVAL_EPILOG,
        _configure_eval,
        _run_eval,
    ),
    Command("analyze", "add sentences, entities and quotations to extracted articles", _ANALYZE_DESCRIPTION,
            _ANALYZE_EPILOG, _configure_pipeline, _run_analyze),
    Command("ner", "tag a token-per-line file with PER/LOC/ORG", _NER_DESCRIPTION, _NER_EPILOG,
            _configure_ner, _run_ner),
    Command("train-ner", "train the Hindi NER model from labelled files", _TRAIN_NER_DESCRIPTION,
            _TRAIN_NER_EPILOG, _configure_train_ner, _run_train_ner),
    Command("ingest", "extract, analyse and store pages in a database", _INGEST_DESCRIPTION, _INGEST_EPILOG,
            _configure_ingest, _run_ingest),
    Command("search", "search a database (Hindi-correct; English names too)", _SEARCH_DESCRIPTION,
            _SEARCH_EPILOG, _configure_search, _run_search),
    Command("entities", "top entities in a database, with counts and English names",
            "People, places and organisations in the database, most-mentioned first.", "",
            _configure_entities, _run_entities),
    Command("quotes", "quotations in a database, by speaker or words",
            "Direct quotations with speaker, cue verb and channel, newest first.",
            "examples:\n  khabar quotes --speaker लावरोव --db news.db\n  khabar quotes --speaker Lavrov --json",
            _configure_quotes, _run_quotes),
    Command("duplicates", "duplicate clusters in a database", "Groups of exact and near-duplicate articles "
            "(MinHash LSH over word shingles; see docs/dedup.md) with their members' sources.", "",
            _configure_duplicates, _run_duplicates),
    Command("stats", "counts of what a database holds", "Counts of sources, articles, entities, mentions, "
            "quotations, duplicate clusters and ingest runs.", "", _configure_db, _run_stats),
    Command("serve", "serve a web UI and JSON API over a database", _SERVE_DESCRIPTION, _SERVE_EPILOG,
            _configure_serve, _run_serve),
)


def build_parser() -> argparse.ArgumentParser:
    """The ``khabar`` parser with one subparser per entry of :data:`COMMANDS`."""
    from khabar import __version__

    parser = argparse.ArgumentParser(
        prog="khabar", description="Clean, structured records from raw Hindi news pages."
    )
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        sub = subparsers.add_parser(
            command.name,
            help=command.summary,
            description=command.description,
            epilog=command.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.configure(sub)
        sub.set_defaults(handler=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``khabar``; returns the exit status (0 ok, 1 some pages failed, 2 usage error)."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (e.g. `| head`): stop quietly
        return EXIT_OK


def _job_count(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return jobs or os.cpu_count() or 1


def _usage_error(command: str, exc: BaseException) -> int:
    print(f"khabar {command}: error: {exc}", file=sys.stderr)
    return EXIT_USAGE


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
