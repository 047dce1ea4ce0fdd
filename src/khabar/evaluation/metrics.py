"""Scoring functions: body tokens, field equality, chrome dates and leakage checks."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources

# ``\w`` in Python's ``re`` does not match Devanagari vowel signs, virama, nukta, anusvara or
# candrabindu (Unicode categories Mc/Mn), so the class names the Devanagari block explicitly,
# leaving out the danda (U+0964, U+0965) and the abbreviation sign (U+0970), which are punctuation.
# ZWJ/ZWNJ stay inside a word because they shape conjuncts.
_TOKEN = re.compile(r"[\w\u0900-\u0963\u0966-\u096f\u0971-\u097f\u200c\u200d]+")
_SPACE = re.compile(r"\s+")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalise_space(text: str | None) -> str:
    """NFC text with runs of whitespace collapsed to one space and the ends stripped."""
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def tokenize(text: str) -> list[str]:
    """Word tokens split on whitespace and punctuation only; Devanagari words stay whole."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text).casefold())


@dataclass(slots=True)
class Overlap:
    """Bag-of-token overlap between a predicted and a gold body."""

    matched: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted, empty=1.0 if self.gold == 0 else 0.0)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold, empty=1.0)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)


def _ratio(part: int, whole: int, empty: float) -> float:
    return part / whole if whole else empty


def harmonic_mean(precision: float, recall: float) -> float:
    """F1 of a precision and a recall; 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def gold_body_lines(body: list[str], boilerplate: list[int] | None) -> tuple[list[str], list[str]]:
    """Split gold body lines into (scored lines, promo/credit lines that are not scored)."""
    skipped = set(boilerplate or [])
    scored = [line for i, line in enumerate(body) if i not in skipped]
    ignored = [line for i, line in enumerate(body) if i in skipped]
    return scored, ignored


def body_overlap(predicted: str, gold_lines: list[str], ignored_lines: list[str] = ()) -> Overlap:
    """Token overlap of a predicted body with gold lines; ignored lines present in the prediction
    are taken out of it, so they are neither rewarded nor punished."""
    pred = Counter(tokenize(predicted))
    flat_prediction = normalise_space(predicted)
    for line in ignored_lines:
        if normalise_space(line) in flat_prediction:
            pred -= Counter(tokenize(line))
    gold = Counter(tokenize("\n".join(gold_lines)))
    return Overlap(sum((pred & gold).values()), sum(pred.values()), sum(gold.values()))


def same_text(predicted: str | None, gold: str | None) -> bool:
    """Exact equality after whitespace normalisation; a null gold requires an empty prediction."""
    return normalise_space(predicted) == normalise_space(gold)


def same_authors(predicted: list[str] | None, gold: list[str] | None) -> bool:
    """Author lists equal as sets of whitespace-normalised names."""
    return {normalise_space(a) for a in predicted or []} == {normalise_space(a) for a in gold or []}


def calendar_day(value: str | None, like: str | None = None) -> date | None:
    """The calendar day of an ISO date or timestamp; a timestamp with an offset is first moved
    to the offset of ``like`` (the gold timestamp) when that has one."""
    if not value or not _ISO_DAY.match(value.strip()):
        return None
    value = value.strip()
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return date.fromisoformat(value[:10])
    target = _offset_of(like)
    if stamp.tzinfo is not None and target is not None:
        stamp = stamp.astimezone(target)
    return stamp.date()


def _offset_of(value: str | None):
    if not value or len(value) <= 10:
        return None
    try:
        return datetime.fromisoformat(value.strip()).tzinfo
    except ValueError:
        return None


def same_day(predicted: str | None, gold: str | None) -> bool:
    """Same calendar date as the gold publication date; a null gold requires a null prediction."""
    if not gold:
        return not predicted
    return calendar_day(predicted, like=gold) == calendar_day(gold)


def is_chrome_date_error(predicted: str | None, gold: str | None, chrome_days: list[str]) -> bool:
    """True when the predicted date is one of the page's chrome dates and not the gold date."""
    day = calendar_day(predicted, like=gold)
    if day is None or day == calendar_day(gold):
        return False
    return day.isoformat() in {d[:10] for d in chrome_days}


def leaked_comments(body: str, comments: list[str]) -> list[str]:
    """Gold reader comments whose text appears in the body."""
    flat = normalise_space(body)
    return [c for c in comments if normalise_space(c) and normalise_space(c) in flat]


@cache
def form_phrases() -> tuple[str, ...]:
    """Comment-form phrases, loaded once from ``form_phrases.txt``."""
    text = resources.files(__package__).joinpath("form_phrases.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(normalise_space(line).casefold() for line in lines if line and not line.startswith("#"))


def leaked_form_phrases(body: str) -> list[str]:
    """Comment-form phrases that appear in the body."""
    flat = normalise_space(body).casefold()
    return [phrase for phrase in form_phrases() if phrase in flat]
