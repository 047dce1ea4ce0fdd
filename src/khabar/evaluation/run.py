"""``khabar eval``: score khabar and anchor extractors against a gold corpus."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from khabar.evaluation import metrics
from khabar.evaluation.anchors import Prediction, System, SystemUnavailable, load_system
from khabar.evaluation.corpus import EvalCase, load_cases
from khabar.evaluation.report import EvalReport, Failure, PageResult, render_failures, render_table

BODY_F1_PASS = 0.99
DEFAULT_SYSTEMS = "khabar,trafilatura,resiliparse"


def _run_system(system: System, case: EvalCase) -> Prediction:
    try:
        return system.run(case.data, case.url, case.kind)
    except Exception as exc:  # noqa: BLE001 - an anchor crashing on one page is a result, not a stop
        return Prediction(error=f"{type(exc).__name__}: {exc}")


def _lines(text: str) -> list[str]:
    return [line for line in (metrics.normalise_space(x) for x in text.splitlines()) if line]


def _body_failure(prediction: Prediction, scored: list[str], overlap: metrics.Overlap) -> Failure:
    gold_flat = metrics.normalise_space(" ".join(scored))
    predicted_flat = metrics.normalise_space(prediction.text)
    missing = [line for line in scored if metrics.normalise_space(line) not in predicted_flat]
    extra = [line for line in _lines(prediction.text) if line not in gold_flat]
    summary = f"F1 {overlap.f1:.3f} (P {overlap.precision:.3f}, R {overlap.recall:.3f})"
    return Failure("body", {"first missing line": missing[0] if missing else None},
                   {"score": summary, "first extra line": extra[0] if extra else None})


def score_page(case: EvalCase, prediction: Prediction, provides: tuple[str, ...]) -> PageResult:
    """Score one prediction against its gold record."""
    gold = case.gold
    scored, ignored = metrics.gold_body_lines(gold.get("body") or [], gold.get("body_boilerplate"))
    overlap = metrics.body_overlap(prediction.text, scored, ignored)
    result = PageResult(case.id, overlap, error=prediction.error)
    if overlap.f1 < BODY_F1_PASS:
        result.failures.append(_body_failure(prediction, scored, overlap))
    checks = {
        "title": (metrics.same_text, gold.get("title"), prediction.title),
        "published": (metrics.same_day, gold.get("published"), prediction.published),
        "authors": (metrics.same_authors, gold.get("authors") or [], prediction.authors),
        "author_bio": (metrics.same_text, gold.get("author_bio"), prediction.author_bio),
    }
    for name, (same, expected, got) in checks.items():
        if name not in provides:
            continue
        ok = same(got, expected)
        setattr(result, _CHECK_ATTR[name], ok)
        if not ok:
            result.failures.append(Failure(name, expected, got))
    if "published" in provides:
        result.chrome_date_error = metrics.is_chrome_date_error(
            prediction.published, gold.get("published"), gold.get("chrome_dates_iso") or [])
    _score_leaks(result, prediction.text, gold.get("comments") or [])
    if prediction.error:
        result.failures.append(Failure("error", None, prediction.error))
    return result


_CHECK_ATTR = {"title": "title_ok", "published": "published_ok", "authors": "authors_ok", "author_bio": "bio_ok"}


def _score_leaks(result: PageResult, body: str, comments: list[str]) -> None:
    leaked = metrics.leaked_comments(body, comments)
    forms = metrics.leaked_form_phrases(body)
    result.comment_leak, result.form_leak = bool(leaked), bool(forms)
    if leaked:
        result.failures.append(Failure("comment leakage", "no reader comment in body", leaked))
    if forms:
        result.failures.append(Failure("form leakage", "no comment-form text in body", forms))


def evaluate(corpus_dir: str | Path, system: str | System, dumps: bool = False) -> EvalReport:
    """Run one system over a corpus and score every page that has gold.

    Raises :class:`SystemUnavailable` when the system's package is missing and ``ValueError``
    when dumps are asked of a system that reads only HTML.
    """
    system = load_system(system) if isinstance(system, str) else system
    if dumps and not system.takes_dumps:
        raise ValueError(f"{system.name} extracts HTML only; it does not take text dumps")
    cases = load_cases(corpus_dir, dumps=dumps)
    report = EvalReport(system.name, str(corpus_dir), "dumps" if dumps else "pages")
    for case in cases:
        started = time.perf_counter()
        prediction = _run_system(system, case)
        report.seconds += time.perf_counter() - started
        report.pages.append(score_page(case, prediction, system.provides))
    return report


def _evaluate_all(args: argparse.Namespace) -> tuple[list[EvalReport], list[str]]:
    reports, notes = [], []
    for name in [n.strip() for n in (args.systems or DEFAULT_SYSTEMS).split(",") if n.strip()]:
        try:
            reports.append(evaluate(args.corpus, name, dumps=bool(args.dumps)))
        except (SystemUnavailable, ValueError, KeyError) as exc:
            notes.append(f"skipped {name}: {exc}")
    return reports, notes


def main_eval(args: argparse.Namespace) -> int:
    """Entry point of ``khabar eval``; returns the process exit code."""
    try:
        reports, notes = _evaluate_all(args)
    except FileNotFoundError as exc:
        print(f"khabar eval: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"corpus": str(args.corpus), "mode": "dumps" if args.dumps else "pages",
                          "systems": {r.system: r.to_dict() for r in reports}, "notes": notes},
                         ensure_ascii=False, indent=2, default=str))
        return 0 if reports else 1
    for note in notes:
        print(f"note: {note}")
    if not reports:
        print("khabar eval: no system could be evaluated", file=sys.stderr)
        return 1
    print(f"corpus: {args.corpus} ({reports[0].mode}, {reports[0].summary()['pages']} pages with gold)\n")
    print(render_table(reports))
    for report in reports:
        if report.system == "khabar":
            print()
            print(render_failures(report))
    return 0
