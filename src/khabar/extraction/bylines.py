"""Author names from bylines and author boxes, and a test for author-bio text.

A byline is cleaned in steps: URLs, emails, handles, dates and times become separators; the text
is cut into segments at strong separators (``|``, ``•``, spaced dashes); each segment loses its
label ("By", "लेखक:"), its clutter ("Updated ...", "Edited by ..."), its trailing suffix
("द्वारा"), and is split into names at commas and joiners ("और", "and"). Roles, datelines,
agencies and the site name are dropped; what is left must look like names, or nothing is returned.
All word lists are data files under ``rules/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from khabar.extraction.phrases import classify_chrome_text
from khabar.extraction.rules import rule_lines, rule_rows

MAX_NAME_WORDS = 4
MAX_LATIN_NAME_WORDS = 5
MAX_BYLINE_WORDS = 16
MAX_BYLINE_CHARS = 160
MAX_BIO_CHARS = 700
MAX_BIO_WORDS = 90
MIN_BIO_CHARS = 12
MAX_BIO_SENTENCES = 4
MAX_PLAIN_BIO_SENTENCE_WORDS = 12

_DEVANAGARI = "\u0900-\u0963\u0971-\u097f\ua8e0-\ua8ff"
_JOINERS = "\u200c\u200d"
_WORD_CHAR = rf"[\w{_DEVANAGARI}{_JOINERS}]"
_NOT_BEFORE = rf"(?<!{_WORD_CHAR})"
_NOT_AFTER = rf"(?!{_WORD_CHAR})"
_LABEL_SEPARATOR = r"\s*[:：\-–—]\s*"

_SPACE = re.compile(r"\s+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s*(?:IST|GMT|UTC))?")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_STRONG_SEPARATORS = re.compile(r"\s*(?:\||•|·|\n|\s[-–—]+\s|^[-–—]+\s|\s[-–—]+$)\s*")
_WEAK_SEPARATORS = re.compile(r"\s*[,;/،]\s*")
_CREDIT_SEPARATORS = re.compile(r"[,|•·]")
_EDGE = " \t:：-–—,;|•·.\"“”'‘’"
_SENTENCE_MARKS = re.compile(r"[।॥?!]")
_LATIN_WORD = re.compile(r"(?:[A-Z][a-z]?\.|[A-Z][A-Za-z'’\-]*\.?)")
_DEVANAGARI_WORD = re.compile(rf"(?:[\u0904-\u0939\u0958-\u0961\u0972-\u097F][{_DEVANAGARI}{_JOINERS}]*\.?)+")
_TERMINAL = ("।", ".", "?", "!", "॥", "”", '"', "’")


@dataclass(frozen=True, slots=True)
class _BylineRules:
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    cutoff: re.Pattern[str]
    connector: re.Pattern[str]
    joiner: re.Pattern[str]
    particles: frozenset[str]
    roles: re.Pattern[str]
    agencies: frozenset[str]
    datelines: frozenset[str]
    stopwords: frozenset[str]
    bio_markers: re.Pattern[str]
    labels: frozenset[str]


def _alternation(entries: list[str]) -> str:
    return "|".join(re.escape(entry) for entry in sorted(entries, key=len, reverse=True))


def _prefix_pattern(entries: tuple[str, ...]) -> re.Pattern[str]:
    needs_separator = [entry[:-1] for entry in entries if entry.endswith(":")]
    loose = [entry for entry in entries if not entry.endswith(":")]
    strict = rf"(?:{_alternation(needs_separator)}){_LABEL_SEPARATOR}"
    optional = rf"(?:{_alternation(loose)})(?:{_LABEL_SEPARATOR}|\s+)"
    return re.compile(rf"^\W*(?:{strict}|{optional})", re.I)


def _suffix_pattern(entries: list[str]) -> re.Pattern[str]:
    worded = [entry for entry in entries if _WORD_CHAR_RE.match(entry)]
    glued = [entry for entry in entries if not _WORD_CHAR_RE.match(entry)]
    return re.compile(rf"(?:\s+(?:{_alternation(worded)})|(?:{_alternation(glued)})){_NOT_AFTER}\W*$", re.I)


_WORD_CHAR_RE = re.compile(_WORD_CHAR)


def _words_pattern(entries: list[str]) -> re.Pattern[str]:
    return re.compile(rf"{_NOT_BEFORE}(?:{_alternation(entries)}){_NOT_AFTER}", re.I)


@cache
def _rules() -> _BylineRules:
    clutter: dict[str, list[str]] = {}
    for kind, text in rule_rows("byline_clutter.tsv"):
        clutter.setdefault(kind, []).append(text)
    return _BylineRules(
        prefix=_prefix_pattern(rule_lines("byline_prefixes.txt")),
        suffix=_suffix_pattern(clutter["suffix"]),
        cutoff=re.compile(
            rf"{_NOT_BEFORE}(?:{_alternation(clutter['cutoff'])})(?:{_NOT_AFTER}|(?<=:))", re.I
        ),
        connector=re.compile(rf"\s+(?:{_alternation(clutter['connector'])})\W*$", re.I),
        joiner=re.compile(rf"\s+(?:{_alternation(clutter['joiner'])})\s+", re.I),
        particles=frozenset(entry.casefold() for entry in clutter["particle"]),
        roles=_words_pattern(list(rule_lines("author_roles.txt"))),
        agencies=frozenset(entry.casefold() for entry in rule_lines("news_agencies.txt")),
        datelines=frozenset(entry.casefold() for entry in rule_lines("datelines.txt")),
        stopwords=frozenset(entry.casefold() for entry in rule_lines("name_stopwords.txt")),
        bio_markers=re.compile(
            rf"{_NOT_BEFORE}(?:{_alternation(list(rule_lines('bio_markers.txt')))})", re.I
        ),
        labels=frozenset(entry.rstrip(":,").casefold() for entry in rule_lines("byline_prefixes.txt")),
    )


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _blank_out_clutter(text: str) -> str:
    """Replace URLs, emails, handles, dates and times by a strong separator."""
    from khabar.extraction.dates import find_dates

    for match in sorted(find_dates(text), key=lambda m: m.start, reverse=True):
        text = f"{text[: match.start]} | {text[match.end :]}"
    for pattern in (_URL, _EMAIL, _HANDLE, _TIME, _BRACKETED):
        text = pattern.sub(" | ", text)
    return text


def strip_byline_prefix(text: str) -> tuple[str, bool]:
    """The text without a leading byline label, and whether there was one."""
    match = _rules().prefix.match(text)
    if match is None:
        return text, False
    return text[match.end() :], True


def _clean_segment(segment: str, first: bool) -> str:
    """One strong-separator segment without its label, its clutter and its suffix.

    A later segment that opens with a clutter label ("| Edited by ...") is dropped whole, even when
    that label could also open a byline.
    """
    rules = _rules()
    segment = segment.strip(_EDGE)
    rest, had_prefix = strip_byline_prefix(segment)
    if rules.cutoff.match(segment) and (not first or not had_prefix):
        return ""
    cut = rules.cutoff.search(rest)
    if cut is not None:
        rest = rest[: cut.start()]
    rest = rules.suffix.sub("", rest.strip(_EDGE))
    rest = rules.connector.sub("", rest)
    return rest.strip(_EDGE)


def _split_names(segment: str) -> list[str]:
    parts = []
    for piece in _WEAK_SEPARATORS.split(segment):
        parts.extend(_rules().joiner.split(piece))
    return [part.strip(_EDGE) for part in parts if part.strip(_EDGE)]


def _strip_roles(piece: str) -> str:
    """The piece without job titles at its start or end ("वरिष्ठ संवाददाता प्रिया शर्मा")."""
    roles = _rules().roles
    while True:
        match = roles.match(piece)
        if match is not None and match.end() > 0:
            piece = piece[match.end() :].strip(_EDGE)
            continue
        trailing = [m for m in roles.finditer(piece) if m.end() == len(piece) and m.start() > 0]
        if trailing:
            piece = piece[: trailing[0].start()].strip(_EDGE)
            continue
        return piece


def _is_latin_name_word(word: str) -> bool:
    return bool(_LATIN_WORD.fullmatch(word)) or word.casefold() in _rules().particles


def is_name(text: str) -> bool:
    """True when ``text`` reads like one person's (or one desk's) name: a few capitalised words."""
    words = text.split()
    if not words or _SENTENCE_MARKS.search(text) or any(ch.isdigit() for ch in text):
        return False
    rules = _rules()
    if any(word.casefold() in rules.stopwords for word in words):
        return False
    if all(_DEVANAGARI_WORD.fullmatch(word) for word in words):
        return len(words) <= MAX_NAME_WORDS
    if all(_is_latin_name_word(word) for word in words):
        return len(words) <= MAX_LATIN_NAME_WORDS and _is_latin_name_word(words[0]) and words[0][0].isupper()
    return False


def _candidate_pieces(text: str) -> list[str]:
    """Name-sized pieces of a byline, with labels, dates and separators removed."""
    segments = [seg for seg in _STRONG_SEPARATORS.split(_blank_out_clutter(text)) if seg.strip(_EDGE)]
    pieces: list[str] = []
    for position, segment in enumerate(segments):
        cleaned = _clean_segment(segment, first=position == 0)
        pieces.extend(_split_names(cleaned))
    rules = _rules()
    pieces = [piece for piece in pieces if piece.strip(_EDGE).casefold() not in rules.labels]
    cleaned = (piece if piece.casefold() in rules.agencies else _strip_roles(piece) for piece in pieces)
    return [piece for piece in cleaned if piece]


def _drop_places_and_site(pieces: list[str], site_name: str | None) -> list[str]:
    rules = _rules()
    site = _collapse(site_name).casefold() if site_name else None
    return [p for p in pieces if p.casefold() not in rules.datelines and p.casefold() != site]


def parse_byline(text: str, site_name: str | None = None) -> list[str]:
    """Author names in a byline or an author-box heading; ``[]`` when the text is not one."""
    text = _collapse(text)
    if not text or len(text) > MAX_BYLINE_CHARS * 2 or _SENTENCE_MARKS.search(text):
        return []
    pieces = _drop_places_and_site(_candidate_pieces(text), site_name)
    if not pieces:
        return []
    agencies = _rules().agencies
    if all(piece.casefold() in agencies for piece in pieces):
        return _unique(pieces)
    names = [piece for piece in pieces if piece.casefold() not in agencies]
    if not all(is_name(name) for name in names):
        return []
    return _unique(names)


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return result


def has_byline_label(line: str) -> bool:
    """True when the line opens with a byline label ("By", "लेखक:") or closes with one ("द्वारा")."""
    line = _collapse(line)
    return strip_byline_prefix(line)[1] or bool(_rules().suffix.search(line))


def looks_like_byline(line: str) -> bool:
    """A short line with a byline label whose rest parses as names: ``By आदित्य सिंह``, not ``By the way``."""
    line = _collapse(line)
    if not line or len(line) > MAX_BYLINE_CHARS or len(line.split()) > MAX_BYLINE_WORDS:
        return False
    return has_byline_label(line) and bool(parse_byline(line))


def looks_like_credit_line(line: str) -> bool:
    """A label-less byline that carries a role or a dateline: ``प्रिया शर्मा, नई दिल्ली``."""
    line = _collapse(line)
    if not line or len(line) > MAX_BYLINE_CHARS or not parse_byline(line):
        return False
    rules = _rules()
    parts = (part.strip(_EDGE).casefold() for part in _CREDIT_SEPARATORS.split(line))
    return bool(rules.roles.search(line)) or any(part in rules.datelines for part in parts)


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"[।!?]|(?<=\.)\s", text) if part.strip(_EDGE)]


def looks_like_bio(text: str) -> bool:
    """True for a short author-bio-like paragraph (to be used only right after a byline or in an author box)."""
    text = _collapse(text)
    if not MIN_BIO_CHARS <= len(text) <= MAX_BIO_CHARS or len(text.split()) > MAX_BIO_WORDS:
        return False
    if classify_chrome_text(text) is not None or looks_like_byline(text):
        return False
    sentences = _sentences(text)
    if not sentences or len(sentences) > MAX_BIO_SENTENCES:
        return False
    if _rules().bio_markers.search(text):
        return True
    short = all(len(sentence.split()) <= MAX_PLAIN_BIO_SENTENCE_WORDS for sentence in sentences)
    return short and text.endswith(_TERMINAL)


@cache
def _editor_labels() -> re.Pattern[str]:
    labels = sorted((entry.rstrip(":") for entry in rule_lines("editor_labels.txt")), key=len, reverse=True)
    return re.compile(rf"^\W*(?:{_alternation(labels)})(?:{_LABEL_SEPARATOR}|\s+)", re.I)


def is_editor_credit(line: str) -> bool:
    """True for a credit line that names an editor, not the writer: ``Edited by: Rahul Mehra``."""
    return bool(_editor_labels().match(_collapse(line)))
