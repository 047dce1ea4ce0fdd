"""Snippets of search results: the window of a text with the most query terms, words highlighted.

Windows start and end at word boundaries of khabar's tokenizer, which never falls inside an akshara, and
highlights cover the original characters of each matching word (found through ``term_spans``), so a
query for ``कमर`` highlights ``क़मर`` as written.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from khabar.hindi import tokenize
from khabar.hindi.normalise import match_text
from khabar.store.search.query import Query
from khabar.store.search.stemmer import VIRAMA
from khabar.store.search.terms import term_spans

ELLIPSIS = "…"
_CONTEXT_SHARE = 3
_NON_SPACE = re.compile(r"\S+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_JOINERS = "\u200c\u200d"

Hit = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Snippet:
    """Snippet ``text`` (whitespace collapsed, ``…`` where cut) and ``highlights`` as offsets into it."""

    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def marked(self, open: str = "[", close: str = "]") -> str:
        """The text with every highlight wrapped in ``open`` and ``close``."""
        pieces = []
        done = 0
        for start, end in self.highlights:
            pieces += [self.text[done:start], open, self.text[start:end], close]
            done = end
        pieces.append(self.text[done:])
        return "".join(pieces)


def snippet(text: str, query: Query, width: int = 200) -> Snippet:
    """The window of about ``width`` characters of ``text`` with the most distinct query terms.

    Ties go to the earliest window; with no match the snippet is the text's beginning. Every query word
    inside the window is highlighted.
    """
    key_of = _matcher(query)
    hits, analysed = _hits(text, query, key_of)
    start, end = _window_of(text, hits, width)
    for para_start, para_end in _paragraphs(text):
        if para_start < end and start < para_end and (para_start, para_end) not in analysed:
            hits += _paragraph_hits(text, para_start, para_end, key_of)
    return _render(text, start, end, sorted(hits))


def snippet_of_spans(text: str, spans: list[tuple[int, int]], width: int = 200) -> Snippet:
    """Like :func:`snippet`, for given ``[start, end)`` spans of ``text`` (e.g. an entity's mentions)."""
    hits = sorted((start, end, text[start:end]) for start, end in spans)
    return _render(text, *_window_of(text, hits, width), hits)


def _window_of(text: str, hits: list[Hit], width: int) -> tuple[int, int]:
    """``[start, end)`` of the snippet: the whole of a short text, the beginning when nothing matched,
    else the best window around the hits."""
    width = max(1, width)
    if len(text) <= width:
        return 0, len(text)
    if not hits:
        bounds = _WordBounds(text, 0, 2 * width)
        return 0, bounds.end_at_or_before(width, minimum=0, text=text)
    first, last = _best_hit_range(hits, width)
    bounds = _WordBounds(text, hits[first][0] - 2 * width, hits[last][1] + 2 * width)
    return _window(text, hits, width, bounds, (first, last))


def _hits(text: str, query: Query, key_of: Callable[[str], str]) -> tuple[list[Hit], set[tuple[int, int]]]:
    """The spans of words ``query`` looks for, each with the query term it matched (its key), in the
    paragraphs the snippet can come from; and the paragraphs analysed.

    A stem or prefix is a prefix of the folded word it matches, so a paragraph whose folded text holds
    no query term has no hit. The paragraphs holding the most distinct terms are analysed first, and
    the search stops at the first of them whose words match that many (terms with digits, which the
    index writes without separators, turn the shortcut off: every paragraph is analysed).
    """
    needles = tuple(dict.fromkeys((*query.terms, *query.prefixes)))
    paragraphs = list(_paragraphs(text))
    if not needles or any(ch.isdigit() for needle in needles for ch in needle):
        hits = [hit for start, end in paragraphs for hit in _paragraph_hits(text, start, end, key_of)]
        return hits, set(paragraphs)
    found = []
    for start, end in paragraphs:
        folded = match_text(text[start:end])
        present = sum(1 for needle in needles if needle in folded)
        if present:
            found.append((present, start, end))
    hits: list[Hit] = []
    analysed = set(paragraphs) - {(start, end) for _, start, end in found}  # no query term in these
    for present, start, end in sorted(found, key=lambda item: -item[0]):
        hits += _paragraph_hits(text, start, end, key_of)
        analysed.add((start, end))
        if hits and len({key for _, _, key in hits}) >= present:
            break
    return sorted(hits), analysed


def _paragraph_hits(text: str, start: int, end: int, key_of: Callable[[str], str]) -> list[Hit]:
    hits = []
    for word_start, word_end, term in term_spans(text[start:end]):
        key = key_of(term)
        if key:
            hits.append((start + word_start, start + word_end, key))
    return hits


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each blank-line separated paragraph of ``text``."""
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _matcher(query: Query) -> Callable[[str], str]:
    """A function giving the query term an indexed term matches, or ``""``."""
    wanted = frozenset(query.terms)
    prefixes = query.prefixes

    def key_of(term: str) -> str:
        if term in wanted:
            return term
        return next((prefix for prefix in prefixes if term.startswith(prefix)), "")

    return key_of


class _WordBounds:
    """Where tokens of a text start (punctuation aside) and end: the places a snippet may be cut."""

    def __init__(self, text: str, lo: int = 0, hi: int | None = None) -> None:
        """Bounds within ``text[lo:hi]``, widened to whitespace so no word is cut at the region's edges."""
        lo = max(0, lo)
        hi = len(text) if hi is None else min(len(text), hi)
        if lo > 0:
            lo = max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo)) + 1
        if hi < len(text):
            found = [i for i in (text.find(" ", hi), text.find("\n", hi)) if i >= 0]
            hi = min(found) if found else len(text)
        tokens = tokenize(text[lo:hi])
        self.starts = [lo + token.start for token in tokens if token.kind != "punct"]
        self.ends = [lo + token.end for token in tokens]

    def start_at_or_after(self, pos: int, maximum: int) -> int:
        """The first word start at or after ``pos``, at most ``maximum``."""
        k = bisect_left(self.starts, pos)
        return min(self.starts[k], maximum) if k < len(self.starts) else maximum

    def end_at_or_before(self, pos: int, minimum: int, text: str) -> int:
        """The last word end at or before ``pos``, at least ``minimum`` (else a safe cut near ``pos``)."""
        k = bisect_right(self.ends, pos) - 1
        if k >= 0 and self.ends[k] > minimum:
            return self.ends[k]
        return max(minimum, _safe_cut(text, pos))


def _safe_cut(text: str, pos: int) -> int:
    """``pos`` moved back so the cut falls between aksharas (not before a mark, not after a virama)."""
    cut = pos
    while 0 < cut < len(text) and _joins_previous(text, cut):
        cut -= 1
    return cut or pos


def _joins_previous(text: str, pos: int) -> bool:
    char = text[pos]
    return (
        unicodedata.category(char).startswith("M") or char in _JOINERS or text[pos - 1] in VIRAMA + _JOINERS
    )


def _window(text: str, hits: list[Hit], width: int, bounds: _WordBounds,
            best: tuple[int, int]) -> tuple[int, int]:
    """``[start, end)`` of the window around hits ``best`` (first and last index), cut at word bounds."""
    first, last = best
    hits_start, hits_end = hits[first][0], hits[last][1]
    slack = max(0, width - (hits_end - hits_start))
    start = max(0, hits_start - slack // _CONTEXT_SHARE)
    end = min(len(text), start + max(width, hits_end - start))
    start = max(0, min(start, end - width))
    start = 0 if start == 0 else bounds.start_at_or_after(start, hits_start)
    end = len(text) if end == len(text) else bounds.end_at_or_before(end, hits_end, text)
    return start, end


def _best_hit_range(hits: list[Hit], width: int) -> tuple[int, int]:
    """Indices of the first and last hit of the earliest window of ``width`` with most distinct keys."""
    counts: Counter[str] = Counter()
    best = (0, 0, 0)
    j = 0
    for i, (start, _, _) in enumerate(hits):
        while j < len(hits) and (j == i or hits[j][1] - start <= width):
            counts[hits[j][2]] += 1
            j += 1
        if len(counts) > best[0]:
            best = (len(counts), i, j - 1)
        counts[hits[i][2]] -= 1
        if not counts[hits[i][2]]:
            del counts[hits[i][2]]
    return best[1], best[2]


def _render(text: str, start: int, end: int, hits: list[Hit]) -> Snippet:
    """The snippet of ``text[start:end]``: whitespace runs as one space, ``…`` where text was cut."""
    pieces = [ELLIPSIS] if text[:start].strip() else []
    out_len = len(pieces[0]) if pieces else 0
    run_starts: list[int] = []
    out_starts: list[int] = []
    for match in _NON_SPACE.finditer(text, start, end):
        if run_starts:
            pieces.append(" ")
            out_len += 1
        run_starts.append(match.start())
        out_starts.append(out_len)
        pieces.append(match.group())
        out_len += len(match.group())
    if text[end:].strip():
        pieces.append(ELLIPSIS)

    def out_pos(pos: int) -> int:
        k = bisect_right(run_starts, pos) - 1
        return out_starts[k] + pos - run_starts[k]

    highlights = [(out_pos(s), out_pos(e - 1) + 1) for s, e, _ in hits if start <= s and e <= end]
    return Snippet("".join(pieces), highlights)
