"""Per-page results, per-system aggregates, and their rendering as a table or JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

from khabar.evaluation.metrics import Overlap, harmonic_mean


@dataclass(slots=True)
class Failure:
    """One field of one page that did not match gold."""

    field: str
    expected: object
    got: object

    def to_dict(self) -> dict:
        return {"field": self.field, "expected": self.expected, "got": self.got}


@dataclass(slots=True)
class PageResult:
    """How one system did on one page; a check is ``None`` when the system does not return that field."""

    id: str
    overlap: Overlap
    title_ok: bool | None = None
    published_ok: bool | None = None
    chrome_date_error: bool = False
    authors_ok: bool | None = None
    bio_ok: bool | None = None
    comment_leak: bool = False
    form_leak: bool = False
    error: str | None = None
    failures: list[Failure] = field(default_factory=list)


# (key in the summary, label in the table, kind) in table order; kind tells how to format it.
METRIC_ROWS = (
    ("pages", "pages", "int"),
    ("body_precision", "body precision (micro)", "ratio"),
    ("body_recall", "body recall (micro)", "ratio"),
    ("body_f1", "body F1 (micro)", "ratio"),
    ("body_f1_macro", "body F1 (macro)", "ratio"),
    ("title_accuracy", "title accuracy", "ratio"),
    ("published_accuracy", "published accuracy", "ratio"),
    ("chrome_date_errors", "chrome-date errors (worst)", "int"),
    ("authors_accuracy", "authors accuracy", "ratio"),
    ("bio_accuracy", "bio accuracy", "ratio"),
    ("comment_leakage", "pages leaking comments", "int"),
    ("form_leakage", "pages leaking comment form", "int"),
    ("errors", "pages with an error", "int"),
    ("pages_per_second", "pages/s (indicative)", "rate"),
)


@dataclass(slots=True)
class EvalReport:
    """All page results of one system on one corpus."""

    system: str
    corpus: str
    mode: str
    pages: list[PageResult] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict:
        """Aggregate metrics, keyed as in :data:`METRIC_ROWS`, plus macro precision and recall."""
        overlaps = [p.overlap for p in self.pages]
        matched = sum(o.matched for o in overlaps)
        predicted = sum(o.predicted for o in overlaps)
        gold = sum(o.gold for o in overlaps)
        precision = matched / predicted if predicted else 0.0
        recall = matched / gold if gold else 0.0
        return {
            "pages": len(self.pages),
            "body_precision": precision,
            "body_recall": recall,
            "body_f1": harmonic_mean(precision, recall),
            "body_precision_macro": _mean(o.precision for o in overlaps),
            "body_recall_macro": _mean(o.recall for o in overlaps),
            "body_f1_macro": _mean(o.f1 for o in overlaps),
            "title_accuracy": self._accuracy("title_ok"),
            "published_accuracy": self._accuracy("published_ok"),
            "chrome_date_errors": sum(p.chrome_date_error for p in self.pages),
            "authors_accuracy": self._accuracy("authors_ok"),
            "bio_accuracy": self._accuracy("bio_ok"),
            "comment_leakage": sum(p.comment_leak for p in self.pages),
            "form_leakage": sum(p.form_leak for p in self.pages),
            "errors": sum(p.error is not None for p in self.pages),
            "pages_per_second": len(self.pages) / self.seconds if self.seconds else None,
        }

    def _accuracy(self, check: str) -> float | None:
        values = [getattr(p, check) for p in self.pages if getattr(p, check) is not None]
        return sum(values) / len(values) if values else None

    def to_dict(self, with_failures: bool = True) -> dict:
        """JSON-ready summary, with the per-page failures when asked."""
        data = {"system": self.system, "corpus": self.corpus, "mode": self.mode, "summary": self.summary()}
        if with_failures:
            data["failures"] = {p.id: [f.to_dict() for f in p.failures] for p in self.pages if p.failures}
            data["chrome_date_error_pages"] = [p.id for p in self.pages if p.chrome_date_error]
        return data


def _mean(values) -> float:
    values = list(values)
    return mean(values) if values else 0.0


def _format(value: object, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "ratio":
        return f"{value:.3f}"
    if kind == "rate":
        return f"{value:.1f}"
    return str(value)


def render_table(reports: list[EvalReport]) -> str:
    """Metrics as rows, systems as columns, in plain aligned text."""
    summaries = [r.summary() for r in reports]
    header = ["metric", *(r.system for r in reports)]
    rows = [[label, *(_format(s[key], kind) for s in summaries)] for key, label, kind in METRIC_ROWS]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                       enumerate(zip(row, widths, strict=True))) for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _shorten(value: object, limit: int = 160) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_failures(report: EvalReport) -> str:
    """Per-page failures of one system: which field, what gold expects, what came back."""
    failed = [p for p in report.pages if p.failures]
    if not failed:
        return f"{report.system}: every page matches gold."
    lines = [f"{report.system}: {len(failed)} of {len(report.pages)} pages differ from gold"]
    for page in failed:
        flag = "  [CHROME DATE returned as published]" if page.chrome_date_error else ""
        lines.append(f"- {page.id}{flag}")
        for failure in page.failures:
            lines.append(f"    {failure.field}: expected {_shorten(failure.expected)}")
            lines.append(f"    {' ' * len(failure.field)}       got {_shorten(failure.got)}")
    return "\n".join(lines)
