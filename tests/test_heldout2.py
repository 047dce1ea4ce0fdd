"""Second held-out acceptance set: khabar on Hindi news pages and dumps in layouts it was not built on.

The pages, dumps and hand-written gold live in ``tests/heldout2/`` (see its README); the gold was
written blind to the extractor's rules. Thresholds are the issue's targets for unseen layouts; the
paragraph-order test checks what token F1 cannot: the body split and ordered as the page shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import khabar
from khabar.evaluation import metrics
from khabar.evaluation.corpus import EvalCase, load_cases
from khabar.evaluation.report import EvalReport, render_failures
from khabar.evaluation.run import evaluate

HELDOUT2 = Path(__file__).resolve().parent / "heldout2"
MIN_PAGES = 18
MIN_DUMPS = 4
PAGE_TARGETS = {
    "body_f1": 0.99,
    "title_accuracy": 0.98,
    "published_accuracy": 0.98,
    "authors_accuracy": 0.95,
    "bio_accuracy": 0.9,
}
PAGE_ZERO_COUNTS = ("chrome_date_errors", "comment_leakage", "form_leakage", "errors")
DUMP_BODY_F1_MIN = 0.95
DUMP_AUTHORS_MIN = 0.9
PAGE_CASES = load_cases(HELDOUT2)
DUMP_CASES = load_cases(HELDOUT2, dumps=True)


@pytest.fixture(scope="module")
def page_report() -> EvalReport:
    """khabar scored once over the held-out pages."""
    return evaluate(HELDOUT2, "khabar")


@pytest.fixture(scope="module")
def dump_report() -> EvalReport:
    """khabar scored once over the held-out plain-text dumps."""
    return evaluate(HELDOUT2, "khabar", dumps=True)


def _collapse(lines: list[str]) -> list[str]:
    return [" ".join(line.split()) for line in lines]


def _expected_paragraphs(gold: dict) -> tuple[list[str], set[str]]:
    """Gold body without its boilerplate lines, and the boilerplate lines themselves (both collapsed)."""
    ignored = set(_collapse([gold["body"][i] for i in gold.get("body_boilerplate") or []]))
    return [line for line in _collapse(gold["body"]) if line not in ignored], ignored


def _names_author(case: EvalCase) -> bool:
    text = " ".join(str(case.data).split())
    return all(" ".join(name.split()) in text for name in case.gold["authors"])


def test_every_input_has_gold() -> None:
    pages = {path.stem for path in HELDOUT2.glob("pages/*.html")}
    dumps = {path.stem for path in HELDOUT2.glob("dumps/*.txt")}
    golds = {path.stem for path in HELDOUT2.glob("gold/*.json")}
    assert not pages & dumps
    assert pages | dumps == golds
    assert len(pages) >= MIN_PAGES and len(dumps) >= MIN_DUMPS


def test_cases_load(page_report: EvalReport, dump_report: EvalReport) -> None:
    assert len(page_report.pages) == len(PAGE_CASES) >= MIN_PAGES
    assert len(dump_report.pages) == len(DUMP_CASES) >= MIN_DUMPS


def test_set_includes_a_page_without_an_article(page_report: EvalReport) -> None:
    assert any(page.overlap.gold == 0 for page in page_report.pages)


@pytest.mark.parametrize("metric", sorted(PAGE_TARGETS))
def test_pages_meet_target(metric: str, page_report: EvalReport) -> None:
    assert page_report.summary()[metric] >= PAGE_TARGETS[metric], render_failures(page_report)


@pytest.mark.parametrize("count", PAGE_ZERO_COUNTS)
def test_pages_have_no_bad_outcome(count: str, page_report: EvalReport) -> None:
    assert page_report.summary()[count] == 0, render_failures(page_report)


def test_dumps_body_f1(dump_report: EvalReport) -> None:
    assert dump_report.summary()["body_f1"] >= DUMP_BODY_F1_MIN, render_failures(dump_report)


def test_dumps_have_no_chrome_date(dump_report: EvalReport) -> None:
    assert dump_report.summary()["chrome_date_errors"] == 0, render_failures(dump_report)


def test_dumps_authors_where_the_text_names_them() -> None:
    cases = [case for case in DUMP_CASES if _names_author(case)]
    assert cases
    hits = [metrics.same_authors(khabar.extract(case.data, url=case.url).authors, case.gold["authors"])
            for case in cases]
    assert sum(hits) / len(hits) >= DUMP_AUTHORS_MIN, [c.id for c, ok in zip(cases, hits, strict=True) if not ok]


@pytest.mark.parametrize("case", PAGE_CASES, ids=[case.id for case in PAGE_CASES])
def test_page_paragraphs_in_order(case: EvalCase) -> None:
    expected, ignored = _expected_paragraphs(case.gold)
    paragraphs = khabar.extract(case.data, url=case.url).paragraphs
    got = [line for line in _collapse(paragraphs) if line not in ignored]
    assert got == expected
