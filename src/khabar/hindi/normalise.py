"""Normalisation of Hindi text with an offset map back to the original, plus matching folds.

``normalise`` applies the rules listed in ``docs/normalisation.md``: NFC per combining sequence,
removal of invisible characters, Unicode spaces to a plain space, pipes used as a danda to ``।``/``॥``,
and two apostrophes used as a double quote to one mark. Every change is recorded as an edit, so a
span found in the normalised text maps back to the same visible characters of the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal

INVISIBLE = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
NUKTA = "\u093c"
CHANDRABINDU = "\u0901"
ANUSVARA = "\u0902"

_DEVANAGARI = "\u0900-\u0963\u0966-\u097f"
_DANDA_NEIGHBOUR = re.compile(f"[{_DEVANAGARI}]")
_AFTER_DANDA = re.compile(f"[\\r\\n\\u2028\\u2029{_DEVANAGARI}\"'“”‘’(]")
_SKIPPED_AROUND_PIPE = frozenset(" \t" + INVISIBLE + SPACES)
_QUOTE_DIGRAPHS = {"'": '"', "‘": "“", "’": "”"}
_FAST_RULES = (
    f"(?P<drop>[{INVISIBLE}]+)"
    f"|(?P<space>[{SPACES}])"
    "|(?P<line>\u2028)|(?P<para>\u2029)"
    f"|(?P<quote>'[{INVISIBLE}]*'|‘[{INVISIBLE}]*‘|’[{INVISIBLE}]*’)"
    f"|(?P<danda>[।|｜](?:[{INVISIBLE}]*[।|｜])?)"
)
_FIXED_REPLACEMENTS = {"drop": "", "space": " ", "line": "\n", "para": "\n\n"}
_FAST = re.compile(_FAST_RULES)
_INVISIBLE_RUN = re.compile(f"[{INVISIBLE}]+")

_NUKTA_FORMS = {"\u0929": "\u0928", "\u0931": "\u0930", "\u0934": "\u0933"} | {
    chr(0x0958 + i): base for i, base in enumerate("कखगजडढफय")
}
_DROP_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE))
_FOLD_NUKTA = str.maketrans({NUKTA: None, **_NUKTA_FORMS})
_FOLD_CHANDRABINDU = str.maketrans({CHANDRABINDU: ANUSVARA})
_DIGIT_BASES = (0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0660, 0x06F0)
_ASCII_DIGITS = str.maketrans({chr(base + i): str(i) for base in _DIGIT_BASES for i in range(10)})
_MATCH_FOLD = str.maketrans(
    {
        **{ch: None for ch in INVISIBLE},
        NUKTA: None,
        **_NUKTA_FORMS,
        CHANDRABINDU: ANUSVARA,
        **{chr(base + i): str(i) for base in _DIGIT_BASES for i in range(10)},
    }
)


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text and the map between its offsets and those of the original text.

    The map is run-length: segment ``k`` starts at ``_norm_starts[k]`` in ``text`` and at
    ``_orig_starts[k]`` in ``original``; a linear segment is copied (or replaced one character for
    one), any other segment is a unit (an NFC group, a digraph, or deleted characters).
    """

    text: str
    original: str
    _norm_starts: tuple[int, ...] = field(repr=False)
    _orig_starts: tuple[int, ...] = field(repr=False)
    _linear: tuple[bool, ...] = field(repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that the normalised span ``[start, end)`` came from."""
        _check_span(start, end, len(self.text))
        first = self._original_start(start)
        return (first, first) if start == end else (first, self._original_end(end))

    def to_normalised(self, start: int, end: int) -> tuple[int, int]:
        """The span of the normalised text that the original span ``[start, end)`` became."""
        _check_span(start, end, len(self.original))
        first = self._normalised_start(start)
        return (first, first) if start == end else (first, max(first, self._normalised_end(end)))

    def _original_start(self, pos: int) -> int:
        if pos >= len(self.text):
            return len(self.original)
        k = bisect_right(self._norm_starts, pos) - 1
        return self._orig_starts[k] + (pos - self._norm_starts[k] if self._linear[k] else 0)

    def _original_end(self, pos: int) -> int:
        k = bisect_right(self._norm_starts, pos - 1) - 1
        if self._linear[k]:
            return self._orig_starts[k] + pos - self._norm_starts[k]
        return self._orig_starts[k + 1] if k + 1 < len(self._orig_starts) else len(self.original)

    def _normalised_start(self, pos: int) -> int:
        if pos >= len(self.original):
            return len(self.text)
        k = bisect_right(self._orig_starts, pos) - 1
        return self._norm_starts[k] + (pos - self._orig_starts[k] if self._linear[k] else 0)

    def _normalised_end(self, pos: int) -> int:
        k = bisect_right(self._orig_starts, pos - 1) - 1
        if self._linear[k]:
            return self._norm_starts[k] + pos - self._orig_starts[k]
        return self._norm_starts[k + 1] if k + 1 < len(self._norm_starts) else len(self.text)


def _check_span(start: int, end: int, length: int) -> None:
    if not 0 <= start <= end <= length:
        raise ValueError(f"span ({start}, {end}) outside 0..{length}")


def normalise(text: str) -> Normalised:
    """Normalise ``text`` (rules in ``docs/normalisation.md``), keeping a map to its offsets."""
    if not unicodedata.is_normalized("NFC", text):
        return _apply(text, _edits(_full_pattern(), text))
    edits = _edits(_FAST, text)
    if not edits:
        return Normalised(text, text, (0,), (0,), (True,))
    result = _apply(text, edits)
    if unicodedata.is_normalized("NFC", result.text):
        return result
    return _apply(text, _edits(_full_pattern(), text))


def _edits(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    """``(start, end, replacement)`` for every change the rules make, in text order."""
    edits = []
    for match in pattern.finditer(text):
        edits.extend(_rule_edits(match, text))
    return edits


def _rule_edits(match: re.Match[str], text: str) -> list[tuple[int, int, str]]:
    """The edits one rule match makes (none when its context says to keep it)."""
    rule = match.lastgroup
    start, end = match.span()
    if rule == "nfc":
        return _nfc_edits(match)
    if rule == "quote":
        return [(start, end, _QUOTE_DIGRAPHS[match.group()[0]])]
    if rule == "danda":
        replacement = _danda(text, start, end)
        return _invisible_edits(match) if replacement is None else [(start, end, replacement)]
    return [(start, end, _FIXED_REPLACEMENTS[str(rule)])]


def _nfc_edits(match: re.Match[str]) -> list[tuple[int, int, str]]:
    """The edit for a combining sequence NFC changes; if only invisibles go, one deletion per run."""
    sequence = match.group()
    visible = sequence.translate(_DROP_INVISIBLE)
    composed = unicodedata.normalize("NFC", visible)
    if composed != visible:
        return [(match.start(), match.end(), composed)]
    return _invisible_edits(match)


def _invisible_edits(match: re.Match[str]) -> list[tuple[int, int, str]]:
    """Deletions of the invisible characters inside a match that is otherwise kept."""
    offset = match.start()
    return [(offset + run.start(), offset + run.end(), "") for run in _INVISIBLE_RUN.finditer(match.group())]


def _danda(text: str, start: int, end: int) -> str | None:
    """``।`` or ``॥`` for one or two dandas or pipes at ``text[start:end]``, ``None`` to leave them."""
    marks = text[start:end].translate(_DROP_INVISIBLE)
    if "|" not in marks and "｜" not in marks:
        return "॥" if len(marks) == 2 else None
    if not _pipe_is_danda(text, start, end):
        return None
    return "।" if len(marks) == 1 else "॥"


def _pipe_is_danda(text: str, start: int, end: int) -> bool:
    """Whether pipes at ``text[start:end]`` stand for a danda: Devanagari before, line end or Hindi after."""
    before = start - 1
    while before >= 0 and text[before] in _SKIPPED_AROUND_PIPE:
        before -= 1
    if before < 0 or not _DANDA_NEIGHBOUR.match(text, before):
        return False
    after = end
    while after < len(text) and text[after] in _SKIPPED_AROUND_PIPE:
        after += 1
    return after == len(text) or bool(_AFTER_DANDA.match(text, after))


def _apply(text: str, edits: list[tuple[int, int, str]]) -> Normalised:
    pieces: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    linear: list[bool] = []

    def add(orig_start: int, piece: str, is_linear: bool) -> None:
        if not (is_linear and linear and linear[-1]):
            norm_starts.append(norm_pos)
            orig_starts.append(orig_start)
            linear.append(is_linear)
        pieces.append(piece)

    norm_pos = copied_to = 0
    for start, end, replacement in edits:
        if start > copied_to:
            add(copied_to, text[copied_to:start], True)
            norm_pos += start - copied_to
        add(start, replacement, len(replacement) == end - start)
        norm_pos += len(replacement)
        copied_to = end
    if copied_to < len(text):
        add(copied_to, text[copied_to:], True)
    return Normalised("".join(pieces), text, tuple(norm_starts), tuple(orig_starts), tuple(linear))


@cache
def _full_pattern() -> re.Pattern[str]:
    """The rules plus NFC of every combining sequence that NFC could change (built on first use)."""
    marks, starters_changed = _nfc_classes()
    not_a_starter = re.escape(INVISIBLE + SPACES + "\u2028\u2029|｜'‘’।")
    mark = f"[{INVISIBLE}]*[{marks}]"
    sequence = f"(?P<nfc>[^{marks}{not_a_starter}]?(?:{mark})+|[{starters_changed}](?:{mark})*)"
    return re.compile(f"{_FAST_RULES}|{sequence}")


def _nfc_classes() -> tuple[str, str]:
    """Regex classes: characters that NFC may join to what precedes them, and starters NFC replaces."""
    marks: list[int] = list(range(0x1161, 0x1176)) + list(range(0x11A8, 0x11C3))
    changed: list[int] = []
    for cp in range(0x2FA20):
        if 0xD800 <= cp < 0xE000:
            continue
        char = chr(cp)
        if unicodedata.combining(char):
            marks.append(cp)
        elif not unicodedata.is_normalized("NFC", char):
            changed.append(cp)
        decomposition = unicodedata.decomposition(char).split()
        if (
            len(decomposition) == 2
            and "<" not in decomposition[0]
            and unicodedata.normalize("NFC", char) == char
        ):
            marks.append(int(decomposition[1], 16))
    changed_set = set(changed)
    return _char_class(sorted(set(marks) - changed_set)), _char_class(changed)


def _char_class(code_points: list[int]) -> str:
    """A regex character-class body for sorted code points, as ranges."""
    parts = []
    start = prev = code_points[0]
    for cp in [*code_points[1:], -1]:
        if cp == prev + 1:
            prev = cp
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = cp
    return "".join(parts)


def fold_nukta(text: str) -> str:
    """Drop the nukta, precomposed or combining, for matching: ``क़मर`` → ``कमर``."""
    return text.translate(_FOLD_NUKTA)


def fold_chandrabindu(text: str) -> str:
    """Chandrabindu as anusvara for matching: ``हूँ`` → ``हूं``."""
    return text.translate(_FOLD_CHANDRABINDU)


def ascii_digits(text: str) -> str:
    """Devanagari (and other Indic or Arabic-Indic) digits as ASCII digits; same length as ``text``."""
    return text.translate(_ASCII_DIGITS)


@lru_cache(maxsize=4)
def normalise_shared(text: str) -> Normalised:
    """:func:`normalise`, computed once for the steps that all read one article (treat it as read-only)."""
    return normalise(text)


def match_text(text: str) -> str:
    """``text`` folded for matching as :func:`match_key` folds a word (not cached: for long texts)."""
    return unicodedata.normalize("NFC", text).translate(_MATCH_FOLD).casefold()


@lru_cache(maxsize=1 << 16)
def match_key(token: str) -> str:
    """A key for matching a word across spellings: NFC, invisibles, nukta, chandrabindu, digits, case folded."""
    return match_text(token)


QuoteKind = Literal["double", "single"]
QuoteRole = Literal["open", "close", "ambiguous"]


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """A quotation mark at ``pos``; ``char`` is the mark as written (``''`` is one double mark)."""

    pos: int
    char: str
    kind: QuoteKind
    role: QuoteRole

    @property
    def end(self) -> int:
        """Offset just past the mark."""
        return self.pos + len(self.char)


_DOUBLE_MARKS = frozenset({'"', "“", "”", "„", "‟", "«", "»", "″", "''", "‘‘", "’’"})
_SINGLE_MARKS = frozenset({"'", "‘", "’", "‚", "‛", "‹", "›", "′"})
_OPENING_GLYPHS = frozenset({"“", "„", "‟", "‘", "‚", "‛", "«", "‹", "‘‘"})
_CLOSING_GLYPHS = frozenset({"”", "’", "»", "›", "’’"})
_QUOTE_CHARS = "".join(sorted(mark for mark in _DOUBLE_MARKS | _SINGLE_MARKS if len(mark) == 1))
_QUOTE_MARK = re.compile(f"''|‘‘|’’|[{re.escape(_QUOTE_CHARS)}]")
_LEADS = frozenset(":,;-–—")
_OPENERS = frozenset("([{<")
_MAX_ADJACENT_QUOTES = 4
_PRIMES = frozenset({"′", "″"})


def quote_marks(text: str) -> list[QuoteMark]:
    """Quotation marks in ``text`` with open/close roles decided by context, then by glyph.

    Space (or start, an opening bracket, a dash, ``:`` or ``,``) before and a letter after opens;
    a letter or punctuation before and space, punctuation or the end after closes. Only when the
    context cannot tell does the glyph decide (``“`` opens, ``”`` closes, ``"`` stays ambiguous), so a
    ``”`` used as an opening mark is still read as one. Apostrophes (a single mark between letters) and
    primes after digits are not quotation marks.
    """
    marks = []
    for match in _QUOTE_MARK.finditer(text):
        char = match.group()
        before = _context(text, match.start() - 1, -1)
        after = _context(text, match.end(), 1)
        kind: QuoteKind = "double" if char in _DOUBLE_MARKS else "single"
        if kind == "single" and before == after == "letter":
            continue
        if char in _PRIMES and match.start() and text[match.start() - 1].isdigit():
            continue
        marks.append(QuoteMark(match.start(), char, kind, _role(char, before, after)))
    return marks


def _context(text: str, pos: int, step: int) -> str:
    """What stands next to a quote mark, looking past other quote marks: space, letter, lead, open or punct."""
    for _ in range(_MAX_ADJACENT_QUOTES):
        if not (0 <= pos < len(text) and text[pos] in _QUOTE_CHARS):
            break
        pos += step
    if not 0 <= pos < len(text) or text[pos].isspace():
        return "space"
    char = text[pos]
    if char in _LEADS:
        return "lead"
    if char in _OPENERS:
        return "open"
    category = unicodedata.category(char)
    if category[0] in "LMNS":
        return "letter"
    return "open" if category == "Ps" else "punct"


def _role(char: str, before: str, after: str) -> QuoteRole:
    if before in ("space", "open", "lead") and after in ("letter", "open"):
        return "open"
    if before in ("letter", "punct") and after in ("space", "punct", "lead"):
        return "close"
    if char in _OPENING_GLYPHS:
        return "open"
    if char in _CLOSING_GLYPHS:
        return "close"
    return "ambiguous"
