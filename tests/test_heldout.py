"""Held-out acceptance: khabar on Hindi news pages in the markup of site families it was not built on.

The pages and their hand-written gold live in ``tests/heldout/`` (see its README); the thresholds are
the issue's targets for unseen layouts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.evaluation.report import EvalReport, render_failures
from khabar.evaluation.run import evaluate

HELDOUT = Path(__file__).resolve().parent / "heldout"
MIN_PAGES = 16
TARGETS = {
    "body_f1": 0.99,
    "title_accuracy": 0.98,
    "published_accuracy": 0.98,
    "authors_accuracy": 0.95,
    "bio_accuracy": 0.9,
}
ZERO_COUNTS = ("chrome_date_errors", "comment_leakage", "form_leakage", "errors")


@pytest.fixture(scope="module")
def report() -> EvalReport:
    """khabar scored once over the held-out set."""
    return evaluate(HELDOUT, "khabar")


@pytest.fixture(scope="module")
def summary(report: EvalReport) -> dict:
    return report.summary()


def test_every_page_has_gold(report: EvalReport) -> None:
    pages = {path.stem for path in HELDOUT.glob("pages/*.html")}
    golds = {path.stem for path in HELDOUT.glob("gold/*.json")}
    assert pages == golds
    assert len(report.pages) == len(pages) >= MIN_PAGES


def test_set_includes_pages_without_an_article(report: EvalReport) -> None:
    negatives = [page.id for page in report.pages if page.overlap.gold == 0]
    assert len(negatives) >= 2


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_meets_target(metric: str, summary: dict, report: EvalReport) -> None:
    assert summary[metric] >= TARGETS[metric], render_failures(report)


@pytest.mark.parametrize("count", ZERO_COUNTS)
def test_no_bad_outcome(count: str, summary: dict, report: EvalReport) -> None:
    assert summary[count] == 0, render_failures(report)
