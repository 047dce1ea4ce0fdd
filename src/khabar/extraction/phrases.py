"""Recognise whole lines of page chrome (comment forms, share bars, related-post headers, footers...).

The phrases live in ``rules/chrome_phrases.tsv``; this module only knows how to match them. A phrase
matches a whole short line (or the start of one), never a word inside a long story sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from khabar.extraction.dates import find_dates, is_date_line
from khabar.extraction.rules import rule_rows
from khabar.records import BOILERPLATE_KINDS

START_MAX_CHARS = 200
TOKEN_LINE_MAX_PIECES = 12
#: A line holding a "contains" phrase is chrome only when it is this short.
CONTAINS_MAX_CHARS = 320
#: Header date widgets print a short line ("Mon. Dec 23rd, 2024").
WIDGET_MAX_CHARS = 60
LEAD_SEPARATORS = ":：-–—|»›>.…"

_EDGE_CHARS = " \t*:：.!|»›>«‹<-–—•·→←✓✔☰+"
_REGEX_EDGE_CHARS = _EDGE_CHARS.replace("*", "").replace(":", "").replace("©", "")
_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_TOKEN_SEPARATORS = re.compile(r"\s*[|•·/,]\s*")
_LETTER_OR_MARK = re.compile(r"[\w\u0900-\u0963\u0971-\u097F\u200c\u200d]")


def normalize_phrase(text: str) -> str:
    """Case-folded text with runs of whitespace collapsed and chrome punctuation trimmed off the edges."""
    return _SPACE.sub(" ", text).strip(_EDGE_CHARS).casefold()


@dataclass(frozen=True, slots=True)
class _ChromeTable:
    exact: dict[str, str]
    starts: dict[str, tuple[tuple[str, str], ...]]
    regex: re.Pattern[str]
    regex_kinds: dict[str, str]
    contains: re.Pattern[str]
    contains_kinds: dict[str, str]
    lead: re.Pattern[str]


def _first_word(text: str) -> str:
    words = text.split(maxsplit=1)
    return words[0] if words else ""


@cache
def _table() -> _ChromeTable:
    exact: dict[str, str] = {}
    starts: list[tuple[str, str]] = []
    regexes: list[tuple[re.Pattern[str], str]] = []
    leads: list[str] = []
    contains: dict[str, str] = {}
    for row in rule_rows("chrome_phrases.tsv"):
        kind, how, pattern = row
        if kind not in BOILERPLATE_KINDS:
            raise ValueError(f"chrome_phrases.tsv: unknown kind {kind!r}")
        if how == "exact":
            exact.setdefault(normalize_phrase(pattern), kind)
        elif how == "start":
            starts.append((pattern.casefold(), kind))
        elif how == "regex":
            regexes.append((re.compile(pattern, re.I), kind))
        elif how == "lead":
            leads.append(re.escape(pattern))
        elif how == "contains":
            contains.setdefault(pattern.casefold(), kind)
        else:
            raise ValueError(f"chrome_phrases.tsv: unknown match type {how!r}")
    starts.sort(key=lambda item: len(item[0]), reverse=True)
    by_first_word: dict[str, list[tuple[str, str]]] = {}
    for phrase, kind in starts:
        by_first_word.setdefault(_first_word(phrase), []).append((phrase, kind))
    leads.sort(key=len, reverse=True)
    separators = re.escape(LEAD_SEPARATORS)
    lead = re.compile(rf"^\W*(?:{'|'.join(leads)})\s*[{separators}]\s*\S", re.I)
    regex = re.compile("|".join(f"(?P<r{i}>{pattern.pattern})" for i, (pattern, _) in enumerate(regexes)), re.I)
    regex_kinds = {f"r{i}": kind for i, (_, kind) in enumerate(regexes)}
    contained = re.compile("|".join(re.escape(phrase) for phrase in sorted(contains, key=len, reverse=True)))
    return _ChromeTable(exact, {k: tuple(v) for k, v in by_first_word.items()}, regex, regex_kinds,
                        contained, contains, lead)


def is_related_lead(text: str) -> bool:
    """True for an "also read" lead inside a story: ``यह भी पढ़ें: <headline>``, ``Also Read: ...``."""
    line = _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()
    return len(line) <= START_MAX_CHARS * 2 and bool(_table().lead.match(line))


_DIGIT = re.compile(r"[0-9\u0966-\u096f]")


def heading_kind(text: str) -> str | None:
    """The boilerplate kind of a short heading ("Related Posts", "लेखक के बारे में"), by exact phrase only.

    A cheap check for the many headings of a page; :func:`classify_chrome_text` does the full job.
    """
    return _table().exact.get(normalize_phrase(_INVISIBLE.sub("", text)))


def classify_chrome_text(text: str) -> str | None:
    """The boilerplate kind of a whole line or block that is page chrome, else ``None``."""
    line = _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()
    if not line:
        return None
    return (
        _table().exact.get(line.strip(_EDGE_CHARS).casefold())
        or _match_regex(line)
        or _match_contains(line)
        or _match_start(line)
        or _match_token_line(line)
        or ("related" if is_related_lead(line) else None)
        or _match_byline(line)
        or _match_widget_date(line)
    )


def _match_exact(line: str) -> str | None:
    return _table().exact.get(normalize_phrase(line))


def _match_regex(line: str) -> str | None:
    table = _table()
    stripped = line.strip(_REGEX_EDGE_CHARS)
    found = table.regex.fullmatch(line) or (stripped != line and table.regex.fullmatch(stripped))
    return table.regex_kinds[found.lastgroup] if found else None


def _match_contains(line: str) -> str | None:
    if len(line) > CONTAINS_MAX_CHARS:
        return None
    table = _table()
    found = table.contains.search(line.casefold())
    return table.contains_kinds[found.group()] if found else None


def _match_start(line: str) -> str | None:
    if len(line) > START_MAX_CHARS:
        return None
    folded = line.lstrip(_EDGE_CHARS).casefold()
    for phrase, kind in _table().starts.get(_first_word(folded), ()):
        if folded.startswith(phrase) and _ends_at_word_boundary(folded, len(phrase)):
            return kind
    return None


def _ends_at_word_boundary(text: str, position: int) -> bool:
    if position >= len(text) or not _LETTER_OR_MARK.match(text[position - 1]):
        return True
    return not _LETTER_OR_MARK.match(text[position])


def _match_token_line(line: str) -> str | None:
    """A line made only of several exact phrases of one kind, such as ``Facebook Twitter WhatsApp``."""
    pieces = [piece for piece in _TOKEN_SEPARATORS.split(line) if piece.strip(_EDGE_CHARS)]
    if len(pieces) < 2:
        pieces = line.split()
    if not 2 <= len(pieces) <= TOKEN_LINE_MAX_PIECES:
        return None
    kinds = {_match_exact(piece) for piece in pieces}
    if len(kinds) == 1:
        return kinds.pop()
    return None


def _match_byline(line: str) -> str | None:
    from khabar.extraction.bylines import looks_like_byline  # bylines imports this module

    return "byline" if looks_like_byline(line) else None


def _match_widget_date(line: str) -> str | None:
    if len(line) > WIDGET_MAX_CHARS or not _DIGIT.search(line) or not is_date_line(line):
        return None
    matches = find_dates(line)
    if matches and all(match.widget for match in matches):
        return "date-widget"
    return None
