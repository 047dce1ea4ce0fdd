"""The local runner: pages from sources, through extraction, into a writer, in a loop or a process pool.

Like a datatrove pipeline, a run is a reader (:func:`khabar.sources.iter_pages`), a step applied
to every page (:func:`khabar.extraction.extract_page`, which never raises) and a writer. The step is
the same function whether it runs in this process or in ``jobs`` worker processes; the pool keeps
the input order and has a bounded number of pages in flight, so memory stays flat on huge inputs.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from khabar.extraction import extract_page
from khabar.output import Writer
from khabar.records import Article, RawPage
from khabar.runners.stats import RunStats
from khabar.sources import iter_pages

CHUNK_SIZE = 8
# Pages read ahead of the writer, per worker: enough to keep every worker busy, small enough to stay flat.
IN_FLIGHT_PER_JOB = 4 * CHUNK_SIZE

T = TypeVar("T")


def run_extract(specs: list[str], writer: Writer, jobs: int = 1, progress: bool | None = None,
                analyze: bool = False) -> RunStats:
    """Extract every page of ``specs`` into ``writer``; ``progress=None`` shows a bar when stderr is a TTY.

    With ``analyze``, each article also gets its sentences, entities and quotations.
    """
    step: Callable[[RawPage], Article] = extract_page
    if analyze:
        from khabar.analysis.pipeline import extract_and_analyze

        step = extract_and_analyze
    stats = RunStats()
    return _run(iter_pages(specs, stats), step, writer, jobs, progress, stats)


def run_analyze(specs: list[str], writer: Writer, jobs: int = 1, progress: bool | None = None) -> RunStats:
    """Analyse extracted records (JSONL from ``khabar extract``) or pages (extracted first) into ``writer``."""
    from khabar.analysis.pipeline import extract_and_analyze
    from khabar.sources.extracted import iter_items

    stats = RunStats()
    return _run(iter_items(specs, stats), extract_and_analyze, writer, jobs, progress, stats)


def _run(items: Iterable, step: Callable, writer: Writer, jobs: int, progress: bool | None,
         stats: RunStats) -> RunStats:
    with progress_bar(progress) as bar:
        for article in apply_step(step, items, jobs):
            writer.write(article)
            stats.count(article)
            bar.update(1)
    return stats


def apply_step(step: Callable[[RawPage | Article], Article], pages: Iterable, jobs: int) -> Iterator[Article]:
    if jobs <= 1:
        yield from map(step, pages)
        return
    throttle = _Throttle(jobs * IN_FLIGHT_PER_JOB)
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        try:
            for article in pool.imap(step, throttle.feed(pages), chunksize=CHUNK_SIZE):
                throttle.done()
                yield article
        finally:
            throttle.stop()  # before the pool's exit joins the feeder thread


class _Throttle:
    """Lets at most ``limit`` items be read ahead of the consumer.

    ``Pool.imap`` reads its input from a feeder thread as fast as it can; without a bound, a large
    WARC would be read into the task queue ahead of the workers.
    """

    def __init__(self, limit: int) -> None:
        self._slots = threading.Semaphore(limit)
        self._stopped = False

    def feed(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            self._slots.acquire()
            if self._stopped:
                return
            yield item

    def done(self) -> None:
        self._slots.release()

    def stop(self) -> None:
        """Unblock the feeder for good (the consumer stopped, perhaps early)."""
        self._stopped = True
        self._slots.release()


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def progress_bar(progress: bool | None):
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" pages", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
