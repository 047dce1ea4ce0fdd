"""``khabar ingest``: pages through extraction and analysis into a store, resumable after any crash.

Each page gets a fingerprint (a hash of what was read). A page whose source is already stored with the
same fingerprint is skipped before extraction, so running the same sources twice adds nothing and a
run killed half-way redoes only the pages of its last, uncommitted batch. Writes are committed every
``batch_size`` pages in one transaction each, so the database is always in a committed state.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from khabar.analysis.pipeline import extract_and_analyze
from khabar.records import Article, RawPage
from khabar.runners.local import apply_step, progress_bar
from khabar.runners.stats import RunStats
from khabar.sources.extracted import iter_items
from khabar.store.interface import Store

BATCH_SIZE = 1000
#: Longest time between commits, so a slow crawl does not hold many pages in one transaction.
BATCH_SECONDS = 10.0


@dataclass
class IngestStats:
    """What an ingest run did: pages read (and how extraction went), and what the store made of them."""

    run_id: int
    pages: RunStats = field(default_factory=RunStats)
    outcomes: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return self.pages.ok

    def counters(self) -> dict[str, int]:
        """The run's counters as the store keeps them (pages handled in this run, and their outcomes)."""
        return {
            "pages": self.pages.read + self.outcomes["unchanged"],
            "added": self.outcomes["added"],
            "updated": self.outcomes["updated"],
            "unchanged": self.outcomes["unchanged"],
            "empty": self.pages.empty,
            "failed": self.pages.failures,
        }

    def summary(self) -> str:
        lines = [self.pages.summary()]
        width = max(len(s) for s in ("added", "updated", "unchanged"))
        for outcome in ("added", "updated", "unchanged"):
            lines.append(f"{outcome:<{width}}  {self.outcomes[outcome]}")
        return "\n".join(lines)


def fingerprint(item: RawPage | Article) -> str:
    """A hash of what was read for one page (its content and URL, or the record given)."""
    digest = hashlib.blake2b(digest_size=16)
    if isinstance(item, RawPage):
        for part in (item.kind, item.url or "", item.content if item.content is not None else f"!{item.error}"):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
    else:
        digest.update(json.dumps(item.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def source_key(item: RawPage | Article) -> str:
    return item.source or item.url or ""


def ingest_step(item: tuple[RawPage | Article, str]) -> tuple[Article, str]:
    """The worker step: extract and analyse one page; its fingerprint travels with it."""
    page, mark = item
    article = extract_and_analyze(page)
    if article.source is None:
        article.source = source_key(page)
    return article, mark


def run_ingest(specs: list[str], store: Store, jobs: int = 1, progress: bool | None = None,
               batch_size: int = BATCH_SIZE) -> IngestStats:
    """Extract, analyse and store every page of ``specs``; unchanged pages are skipped before extraction."""
    run_id = store.start_run(specs)
    stats = IngestStats(run_id)

    def pending() -> Iterator[tuple[RawPage | Article, str]]:
        for item in iter_items(specs, stats.pages):
            mark = fingerprint(item)
            if store.page_fingerprint(source_key(item)) == mark:
                stats.outcomes["unchanged"] += 1
                continue
            yield item, mark

    def checkpoint() -> None:
        store.update_run(run_id, stats.counters())
        store.commit()

    in_batch, last_commit = 0, time.monotonic()
    try:
        with progress_bar(progress) as bar:
            for article, mark in apply_step(ingest_step, pending(), jobs):
                result = store.put(article, mark, run_id)
                stats.pages.count(article)
                stats.outcomes[result.status] += 1
                in_batch += 1
                if in_batch >= batch_size or time.monotonic() - last_commit > BATCH_SECONDS:
                    checkpoint()
                    in_batch, last_commit = 0, time.monotonic()
                bar.update(1)
        checkpoint()
    except BaseException:
        store.rollback()
        store.update_run(run_id, stats.counters())
        store.finish_run(run_id, "interrupted")
        raise
    store.finish_run(run_id, "done")
    return stats
