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
