"""Acceptance suite: khabar on every bundled sample (pages, JSONL records, text dumps) against its gold."""

from __future__ import annotations

from pathlib import Path

import pytest

import khabar
from khabar.evaluation import metrics
from khabar.evaluation.corpus import EvalCase, load_cases

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CASES = load_cases(SAMPLES) + load_cases(SAMPLES, dumps=True)
BODY_F1_MIN = 0.99


@pytest.fixture(scope="module")
def extracted() -> dict[str, khabar.Article]:
    """Each sample extracted once, keyed by its id."""
    return {case.id: khabar.extract(case.data, url=case.url) for case in CASES}


def _case_ids(cases: list[EvalCase]) -> list[str]:
    return [case.id for case in cases]


def test_every_sample_has_gold() -> None:
    inputs = [*SAMPLES.glob("pages/*.html"), *SAMPLES.glob("dumps/*.txt")]
    assert len(CASES) >= len(inputs) + 2
    assert {p.stem for p in inputs} <= {case.id for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_no_error(case: EvalCase, extracted: dict) -> None:
    assert extracted[case.id].error is None


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_title(case: EvalCase, extracted: dict) -> None:
    got = extracted[case.id].title
    assert metrics.same_text(got, case.gold["title"]), f"title: expected {case.gold['title']!r}, got {got!r}"


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_published_date(case: EvalCase, extracted: dict) -> None:
    got, gold = extracted[case.id].published, case.gold["published"]
    chrome = metrics.is_chrome_date_error(got, gold, case.gold["chrome_dates_iso"])
    assert not chrome, f"published: returned the chrome date {got!r}, expected {gold!r}"
    assert metrics.same_day(got, gold), f"published: expected {gold!r}, got {got!r}"


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_authors(case: EvalCase, extracted: dict) -> None:
    got = extracted[case.id].authors
    assert metrics.same_authors(got, case.gold["authors"]), f"authors: expected {case.gold['authors']}, got {got}"


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_author_bio(case: EvalCase, extracted: dict) -> None:
    got = extracted[case.id].author_bio
    gold = case.gold["author_bio"]
    assert metrics.same_text(got, gold), f"author_bio: expected {gold!r}, got {got!r}"


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_body_tokens(case: EvalCase, extracted: dict) -> None:
    scored, ignored = metrics.gold_body_lines(case.gold["body"], case.gold["body_boilerplate"])
    overlap = metrics.body_overlap(extracted[case.id].text, scored, ignored)
    assert overlap.f1 >= BODY_F1_MIN, (
        f"body: F1 {overlap.f1:.3f} (precision {overlap.precision:.3f}, recall {overlap.recall:.3f})")


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_no_comment_or_form_leak(case: EvalCase, extracted: dict) -> None:
    body = extracted[case.id].text
    assert metrics.leaked_comments(body, case.gold["comments"]) == []
    assert metrics.leaked_form_phrases(body) == []


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_language(case: EvalCase, extracted: dict) -> None:
    got = extracted[case.id].language
    assert got == case.gold["language"], f"language: expected {case.gold['language']!r}, got {got!r}"
