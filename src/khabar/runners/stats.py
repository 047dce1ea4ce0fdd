"""Counts of what a run did, and the small table printed at its end."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from khabar.records import Article
from khabar.sources.errors import error_reason


@dataclass
class RunStats:
    """Pages read, extracted (no error), empty (extracted, no paragraphs), failed and skipped by reason."""

    read: int = 0
    extracted: int = 0
    empty: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        """Count a source record that was not a page (e.g. a WARC request record)."""
        self.skipped[reason] += 1

    def count(self, article: Article) -> None:
        """Count one record that came out of the pipeline."""
        self.read += 1
        if article.error is not None:
            self.failed[error_reason(article.error)] += 1
        else:
            self.extracted += 1
            if not article.paragraphs:
                self.empty += 1

    @property
    def failures(self) -> int:
        return sum(self.failed.values())

    @property
    def ok(self) -> bool:
        """True when no page failed (empty articles are not failures)."""
        return self.failures == 0

    def summary(self) -> str:
        """An aligned table of the counts, for stderr."""
        rows: list[tuple[str, int]] = [
            ("pages read", self.read),
            ("extracted", self.extracted),
            ("  of which empty (no article text)", self.empty),
            ("failed", self.failures),
        ]
        rows += [(f"  {reason}", n) for reason, n in sorted(self.failed.items(), key=_by_count)]
        if self.skipped:
            rows.append(("skipped records", sum(self.skipped.values())))
            rows += [(f"  {reason}", n) for reason, n in sorted(self.skipped.items(), key=_by_count)]
        label_width = max(len(label) for label, _ in rows)
        number_width = max(len(str(n)) for _, n in rows)
        return "\n".join(f"{label:<{label_width}}  {n:>{number_width}}" for label, n in rows)


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
