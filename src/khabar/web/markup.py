"""Scraped text cut into plain pieces for the templates: snippets with highlights, article paragraphs with
entity mentions and quotations. Nothing here builds markup: the templates do, escaping every piece."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from khabar.records import Article, Entity, Quotation

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SAFE_SCHEMES = ("http", "https")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL (fit to become a link), else ``None``."""
    if not url or any(ch in url for ch in "\r\n\t\0"):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return url.strip()


@dataclass(slots=True)
class Piece:
    """A run of text, marked (a search highlight) or not."""

    text: str
    marked: bool = False


def snippet_pieces(snippet: str, highlights: list[tuple[int, int]]) -> list[Piece]:
    """The snippet cut at its highlight spans (clamped, overlaps merged)."""
    pieces: list[Piece] = []
    cursor = 0
    for start, end in sorted((max(0, a), min(len(snippet), b)) for a, b in highlights):
        start = max(start, cursor)
        if end <= start:
            continue
        if start > cursor:
            pieces.append(Piece(snippet[cursor:start]))
        if pieces and pieces[-1].marked and start == cursor:
            pieces[-1].text += snippet[start:end]
        else:
            pieces.append(Piece(snippet[start:end], marked=True))
        cursor = end
    if cursor < len(snippet) or not pieces:
        pieces.append(Piece(snippet[cursor:]))
    return pieces


@dataclass(slots=True)
class Mention:
    """An entity mention as shown: the entity's page (``None`` when unknown), label, names."""

    path: str | None
    label: str
    canonical: str
    gloss: str | None


@dataclass(slots=True)
class Speech:
    """A quotation as shown: its speaker (and the speaker's page), cue and kind; ``inferred`` when the
    text states no source and the speaker was read from the sentences before (``speaker_kind`` "context")."""

    index: int
    kind: str
    speaker: str | None
    speaker_path: str | None
    cue: str | None
    inferred: bool = False


@dataclass(slots=True)
class Run:
    """Consecutive text inside the same quotation (or none), as pieces each with its mention (or none)."""

    speech: Speech | None
    parts: list[tuple[str, Mention | None]] = field(default_factory=list)
    closes: bool = False


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of an article's text (paragraphs are split at blank lines)."""
    spans, cursor = [], 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        spans.append((cursor, gap.start()))
        cursor = gap.end()
    spans.append((cursor, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _cover(spans: list[tuple[int, int, object]], length: int) -> list[object | None]:
    """For every character, the first span that covers it (spans earlier in the list win)."""
    owner: list[object | None] = [None] * length
    for start, end, item in spans:
        for i in range(max(0, start), min(length, end)):
            if owner[i] is None:
                owner[i] = item
    return owner


def article_paragraphs(article: Article, mention_of: dict[tuple[str, str], Mention],
                       speech_of: dict[int, Speech]) -> list[list[Run]]:
    """The article's paragraphs as runs: quotations (by index into ``article.quotes``) holding mentions."""
    text = article.text
    entities: list[Entity] = article.entities or []
    quotes: list[Quotation] = article.quotes or []
    mentions = _cover([(e.start, e.end, mention_of.get((e.label, e.canonical))) for e in entities], len(text))
    speeches = _cover([(*_with_marks(text, q.start, q.end), speech_of.get(i)) for i, q in enumerate(quotes)],
                      len(text))
    paragraphs = []
    for start, end in paragraph_spans(text):
        runs: list[Run] = []
        cursor = start
        while cursor < end:
            stop = cursor + 1
            while stop < end and mentions[stop] is mentions[cursor] and speeches[stop] is speeches[cursor]:
                stop += 1
            speech, mention = speeches[cursor], mentions[cursor]
            if not runs or runs[-1].speech is not speech:
                runs.append(Run(speech))
            runs[-1].parts.append((text[cursor:stop], mention))
            cursor = stop
        paragraphs.append(runs)
    _mark_closing_runs(paragraphs)
    return paragraphs


def _mark_closing_runs(paragraphs: list[list[Run]]) -> None:
    """Flag the last run of each quotation (where its speaker is shown)."""
    last: dict[int, Run] = {}
    for runs in paragraphs:
        for run in runs:
            if run.speech is not None:
                last[id(run.speech)] = run
    for run in last.values():
        run.closes = True


_QUOTE_MARKS = "\"'“”‘’«»„"


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A quotation's span widened over the quote marks right around it, so its speaker label follows the
    closing mark instead of standing inside the quotation."""
    while start > 0 and text[start - 1] in _QUOTE_MARKS:
        start -= 1
    while end < len(text) and text[end] in _QUOTE_MARKS:
        end += 1
    return start, end

