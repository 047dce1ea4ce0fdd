"""Evaluation metrics on hand-made cases, and `khabar eval` on the bundled samples."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from khabar.evaluation import metrics
from khabar.evaluation.anchors import Prediction, System
from khabar.evaluation.corpus import EvalCase, load_cases
from khabar.evaluation.report import METRIC_ROWS, render_table
from khabar.evaluation.run import evaluate, main_eval, score_page

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_tokeniser_keeps_devanagari_words_whole() -> None:
    text = "पाकिस्तान (Pakistan) के प्रधानमंत्री ने क़मर से कहा, “ख़ुश हूँ।” ज़िंदगी॥ २०२४"
    assert metrics.tokenize(text) == [
        "पाकिस्तान", "pakistan", "के", "प्रधानमंत्री", "ने", "क़मर", "से", "कहा", "ख़ुश", "हूँ", "ज़िंदगी", "२०२४"]


def test_tokeniser_splits_on_danda_and_abbreviation_sign() -> None:
    assert metrics.tokenize("डॉ॰ शर्मा आए।गए") == ["डॉ", "शर्मा", "आए", "गए"]


def test_identical_bodies_score_one() -> None:
    lines = ["पहला अनुच्छेद यहाँ है।", "दूसरा अनुच्छेद, कुछ और शब्द।"]
    overlap = metrics.body_overlap("\n\n".join(lines), lines)
    assert (overlap.precision, overlap.recall, overlap.f1) == (1.0, 1.0, 1.0)


def test_bag_overlap_counts_repeats() -> None:
    overlap = metrics.body_overlap("राम राम राम श्याम", ["राम श्याम"])
    assert (overlap.matched, overlap.predicted, overlap.gold) == (2, 4, 2)
    assert overlap.precision == 0.5
    assert overlap.recall == 1.0
    assert overlap.f1 == pytest.approx(2 / 3)


def test_ignored_promo_line_neither_rewards_nor_punishes() -> None:
    body = ["ख़बर का पहला वाक्य।", "यह भी पढ़ें: कोई और ख़बर", "ख़बर का दूसरा वाक्य।"]
    scored, ignored = metrics.gold_body_lines(body, [1])
    with_promo = metrics.body_overlap("\n".join(body), scored, ignored)
    without_promo = metrics.body_overlap(f"{body[0]}\n{body[2]}", scored, ignored)
    assert with_promo.f1 == without_promo.f1 == 1.0


def test_empty_gold_body_punishes_any_text() -> None:
    assert metrics.body_overlap("", []).f1 == 1.0
    assert metrics.body_overlap("सूची पृष्ठ का कुछ पाठ", []).f1 == 0.0


def test_same_day_compares_calendar_dates_in_gold_offset() -> None:
    gold = "2023-02-11T01:45:00+05:30"
    assert metrics.same_day("2023-02-10T20:15:00Z", gold)
    assert metrics.same_day("2023-02-11", gold)
    assert not metrics.same_day("2023-02-10", gold)
    assert not metrics.same_day(None, gold)
    assert metrics.same_day(None, None)
    assert not metrics.same_day("2023-02-11", None)


def test_chrome_date_error_detection() -> None:
    chrome = ["2026-11-29", "2021-04-09"]
    gold = "2021-04-08T10:12:00+05:30"
    assert metrics.is_chrome_date_error("2026-11-29T00:00:00+05:30", gold, chrome)
    assert metrics.is_chrome_date_error("2021-04-09", gold, chrome)
    assert not metrics.is_chrome_date_error("2021-04-08", gold, chrome)
    assert not metrics.is_chrome_date_error("2020-01-01", gold, chrome)
    assert not metrics.is_chrome_date_error(None, gold, chrome)


def test_comment_and_form_leakage_detection() -> None:
    comments = ["बहुत अच्छी रिपोर्ट,  धन्यवाद।"]
    leaky = "ख़बर का वाक्य।\nबहुत अच्छी रिपोर्ट, धन्यवाद।\nप्रतिक्रिया दें"
    assert metrics.leaked_comments(leaky, comments) == comments
    assert metrics.leaked_form_phrases(leaky) == ["प्रतिक्रिया दें"]
    assert metrics.leaked_form_phrases("Your  email address will NOT be published.") == [
        "your email address will not be published"]
    assert metrics.leaked_comments("ख़बर का वाक्य।", comments) == []
    assert metrics.leaked_form_phrases("ख़बर का वाक्य।") == []


def test_authors_compare_as_sets_and_text_ignores_spacing() -> None:
    assert metrics.same_authors(["कविता राठौड़", "सुरेश  बिश्नोई"], ["सुरेश बिश्नोई", "कविता राठौड़"])
    assert not metrics.same_authors(["कविता राठौड"], ["कविता राठौड़"])
    assert metrics.same_text(" शीर्षक\n यहाँ ", "शीर्षक यहाँ")
    assert metrics.same_text(None, None)
    assert not metrics.same_text("", "शीर्षक")


def test_score_page_lists_failed_fields() -> None:
    gold = {"title": "शीर्षक", "published": "2024-05-16T07:45:00+05:30", "authors": ["नेहा"],
            "author_bio": None, "body": ["पहला वाक्य।"], "body_boilerplate": [],
            "comments": ["एक टिप्पणी"], "chrome_dates_iso": ["2024-11-14"]}
    case = EvalCase("x", "", "html", None, gold)
    prediction = Prediction(text="पहला वाक्य।\nएक टिप्पणी", title="शीर्षक", published="2024-11-14",
                            authors=["नेहा"])
    result = score_page(case, prediction, ("title", "published", "authors", "author_bio"))
    assert result.title_ok and result.authors_ok and result.bio_ok
    assert result.published_ok is False and result.chrome_date_error and result.comment_leak
    assert {f.field for f in result.failures} == {"body", "published", "comment leakage"}


def test_evaluate_samples_report_shape() -> None:
    report = evaluate(SAMPLES, "khabar")
    summary = report.summary()
    assert summary["pages"] == len(load_cases(SAMPLES)) > 0
    assert {key for key, _, _ in METRIC_ROWS} <= set(summary)
    assert 0.0 <= summary["body_f1"] <= 1.0
    assert json.loads(json.dumps(report.to_dict(), default=str))["system"] == "khabar"
    assert render_table([report]).splitlines()[0].split() == ["metric", "khabar"]


def test_evaluate_dumps_only_for_systems_that_take_them() -> None:
    report = evaluate(SAMPLES, "khabar", dumps=True)
    assert report.mode == "dumps" and report.summary()["pages"] == len(list(SAMPLES.glob("dumps/*.txt")))
    html_only = System("html-only", lambda data, url, kind: Prediction())
    with pytest.raises(ValueError):
        evaluate(SAMPLES, html_only, dumps=True)


def test_main_eval_json_skips_unknown_system(capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(corpus=str(SAMPLES), systems="khabar,nosuch", json=True, dumps=False)
    assert main_eval(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["systems"]) == {"khabar"}
    assert any("nosuch" in note for note in out["notes"])
