"""Extraction from plain-text dumps (a main-content extractor's text of a page, paragraphs split by blank lines).

The steps: split the dump into blocks; describe each block (page chrome, byline, date line, prose or
a short neutral line); mark comment threads; take the longest run of prose blocks as the body; then
read the blocks before it (title, byline, dates, masthead) and after it (byline, bio, comments, forms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khabar.extraction.bylines import (
    is_editor_credit,
    is_name,
    looks_like_bio,
    looks_like_credit_line,
    parse_byline,
)
from khabar.extraction.dates import date_label, find_dates, is_date_line, is_relative_time
from khabar.extraction.language import detect_language
from khabar.extraction.phrases import classify_chrome_text, is_related_lead
from khabar.records import Article, Boilerplate

MIN_PROSE_WORDS = 4
LONG_LINE_CHARS = 150
MIN_TITLE_WORDS = 6
MAX_TITLE_WORDS = 30
MAX_BARE_NAME_WORDS = 4
MAX_BRIDGED_CHROME_WORDS = 3
VISIBLE_TIME_OFFSET_MINUTES = 330  # a visible clock time without a zone on a Hindi news page is IST

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_SPACE = re.compile(r"\s+")
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[-*•●▪◦])\s+")
_LETTER = re.compile(r"[^\W\d_]|[\u0900-\u0963\u0971-\u097F]")
_TERMINALS = ("।", ".", "?", "!", "॥", "”", '"', "’", "'", "»", ")", "…")
_TITLE_BREAKERS = ("।", ".")
_STICKY_KINDS = frozenset({"comment-form", "comments", "related", "footer"})


@dataclass(slots=True)
class Block:
    """One paragraph-like block of a dump and what it looks like."""

    index: int
    text: str
    chrome: str | None = None
    names: list[str] = field(default_factory=list)
    is_date: bool = False
    is_prose: bool = False
    in_comments: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_neutral(self) -> bool:
        """A short line that is neither chrome, a date nor prose: a sub-heading, list item, name or title."""
        return not (self.chrome or self.is_date or self.is_prose) and bool(_LETTER.search(self.text))


@dataclass(slots=True)
class _Findings:
    """What the head and tail of a dump tell about the article."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    author_bio: str | None = None
    dates: dict[str, str] = field(default_factory=dict)
    boilerplate: list[Boilerplate] = field(default_factory=list)

    def drop(self, block: Block, kind: str) -> None:
        self.boilerplate.append(Boilerplate(text=block.text, kind=kind))

    editors: list[str] = field(default_factory=list)

    def add_authors(self, names: list[str], editor: bool = False) -> None:
        """Record credited names; editors count as authors only when no writer is credited."""
        target = self.editors if editor else self.authors
        target.extend(name for name in names if name not in target)

    def credited(self) -> list[str]:
        return self.authors or self.editors


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _line_stands_alone(line: str) -> bool:
    return bool(_LIST_ITEM.match(line) or classify_chrome_text(line) or is_date_line(line))


def split_blocks(text: str) -> list[str]:
    """Whitespace-collapsed blocks of a dump; lines of a block that are chrome, dates or list items stand alone."""
    blocks: list[str] = []
    for chunk in _BLANK_LINE.split(text.replace("\r\n", "\n")):
        lines = [_collapse(line) for line in chunk.split("\n") if line.strip()]
        if len(lines) > 1 and any(_line_stands_alone(line) for line in lines):
            blocks.extend(lines)
        elif lines:
            blocks.append(" ".join(lines))
    return blocks


def _is_prose(text: str) -> bool:
    if len(text) >= LONG_LINE_CHARS:
        return True
    return len(text.split()) >= MIN_PROSE_WORDS and text.endswith(_TERMINALS)


def describe_block(index: int, text: str) -> Block:
    """A block with its chrome kind, byline names, date-line flag and prose flag."""
    chrome = classify_chrome_text(text) or ("byline" if looks_like_credit_line(text) else None)
    block = Block(index=index, text=text, chrome=chrome)
    if block.chrome == "byline":
        block.names = parse_byline(text)
    block.is_date = block.chrome in (None, "date-widget") and (is_date_line(text) or is_relative_time(text))
    block.is_prose = block.chrome is None and not block.is_date and _is_prose(text)
    return block


def _mark_comment_threads(blocks: list[Block]) -> None:
    """Flag a comments header that follows some prose, and the blocks of its thread, as comments."""
    seen_prose = False
    in_thread = False
    for block in blocks:
        if block.chrome == "comments" and seen_prose:
            in_thread = True
        elif block.chrome not in (None, "comments", "date-widget", "share"):
            in_thread = False
        block.in_comments = in_thread
        seen_prose = seen_prose or block.is_prose


def _bridges(block: Block) -> bool:
    """A block that may sit inside the body without ending it: a sub-heading, an ad label, an also-read lead."""
    if block.in_comments:
        return False
    if block.is_neutral:
        return True
    if block.chrome == "related":
        return is_related_lead(block.text)
    return block.chrome == "other" and block.words <= MAX_BRIDGED_CHROME_WORDS


def body_span(blocks: list[Block]) -> tuple[int, int] | None:
    """``(start, end)`` of the run of prose blocks with the most prose text, ``end`` exclusive."""
    best: tuple[int, int, int] | None = None
    start = last = None
    score = 0
    for block in [*blocks, None]:
        if block is not None and block.is_prose and not block.in_comments:
            start = block.index if start is None else start
            last, score = block.index, score + len(block.text)
            continue
        if block is not None and start is not None and _bridges(block):
            continue
        if start is not None and (best is None or score > best[0]):
            best = (score, start, last + 1)
        start = last = None
        score = 0
    if best is None:
        return _fallback_span(blocks)
    return best[1], best[2]


def _fallback_span(blocks: list[Block]) -> tuple[int, int] | None:
    """Without prose, the longest neutral block is the body."""
    candidates = [block for block in blocks if block.is_neutral and not block.in_comments]
    if not candidates:
        return None
    longest = max(candidates, key=lambda block: len(block.text))
    return longest.index, longest.index + 1


def _is_headline(block: Block) -> bool:
    return (
        block.is_neutral
        and MIN_TITLE_WORDS <= block.words <= MAX_TITLE_WORDS
        and not block.text.endswith(_TITLE_BREAKERS)
        and "।" not in block.text
    )


def _find_title(head: list[Block]) -> Block | None:
    """The headline right above the body, looking past byline and date lines."""
    for block in reversed(head):
        if block.chrome in ("byline", "date-widget", "share") or block.is_date:
            continue
        return block if _is_headline(block) else None
    return None


def _note_dates(block: Block, findings: _Findings) -> None:
    """Record the non-widget dates of a labelled or byline-adjacent line as published / modified."""
    matches = find_dates(block.text)
    bounds = [0, *(match.end for match in matches)]
    for position, match in enumerate(matches):
        if match.widget:
            continue
        following = matches[position + 1].start if position + 1 < len(matches) else len(block.text)
        kind = date_label(block.text[bounds[position] : following]) or "published"
        findings.dates.setdefault(kind, match.value.with_default_offset(VISIBLE_TIME_OFFSET_MINUTES).iso())


def _is_byline(blocks: list[Block], index: int) -> bool:
    return 0 <= index < len(blocks) and blocks[index].chrome == "byline"


def _read_date_line(blocks: list[Block], block: Block, findings: _Findings, unused_kind: str) -> None:
    """Use a labelled or byline-adjacent date line; any other date line is dropped as ``unused_kind``."""
    near_byline = _is_byline(blocks, block.index - 1) or _is_byline(blocks, block.index + 1)
    usable = block.index > 0 and not block.in_comments and block.chrome != "date-widget"
    if usable and (near_byline or date_label(block.text)):
        _note_dates(block, findings)
        findings.drop(block, "byline")
    else:
        findings.drop(block, "date-widget" if block.index == 0 or block.chrome else unused_kind)


def _read_byline(block: Block, findings: _Findings) -> None:
    findings.add_authors(block.names, editor=is_editor_credit(block.text))
    _note_dates(block, findings)
    findings.drop(block, "byline")


def _read_head(blocks: list[Block], head: list[Block], findings: _Findings) -> None:
    """Title, byline and dates from the blocks above the body; the rest is masthead chrome."""
    title = _find_title(head)
    for block in head:
        if block is title:
            findings.title = block.text
        elif block.chrome == "byline":
            _read_byline(block, findings)
        elif block.is_date:
            _read_date_line(blocks, block, findings, "date-widget")
        else:
            findings.drop(block, block.chrome or "nav")


def _bare_author(blocks: list[Block], block: Block) -> list[str]:
    """Names on a label-less line right after the body (a theme's author line), else ``[]``."""
    if block.chrome or block.is_prose or block.words > MAX_BARE_NAME_WORDS:
        return []
    following = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
    if following is not None and (following.is_prose or following.is_neutral):
        return []
    names = parse_byline(block.text)
    return names if len(names) == 1 and is_name(names[0]) and len(names[0].split()) >= 2 else []


def _read_tail(blocks: list[Block], tail: list[Block], findings: _Findings, has_byline: bool) -> None:
    """Byline, bio and dates from the blocks after the body; everything else becomes boilerplate."""
    sticky: str | None = None
    after_byline = False
    in_bio_box = False
    for position, block in enumerate(tail):
        bare = _bare_author(blocks, block) if position == 0 and not has_byline else []
        if block.in_comments:
            findings.drop(block, "comments")
        elif in_bio_box and findings.author_bio is None and not block.chrome and looks_like_bio(block.text):
            findings.author_bio = block.text
            findings.drop(block, "author-bio")
        elif in_bio_box and block.is_neutral and block.words <= MAX_BARE_NAME_WORDS:
            findings.drop(block, "author-bio")
        elif block.chrome == "byline" or bare:
            block.names = block.names or bare
            _read_byline(block, findings)
        elif after_byline and findings.author_bio is None and looks_like_bio(block.text):
            findings.author_bio = block.text
            findings.drop(block, "author-bio")
        elif block.is_date:
            _read_date_line(blocks, block, findings, sticky or "other")
        else:
            kind = block.chrome or sticky or "other"
            sticky = kind if kind in _STICKY_KINDS else sticky
            findings.drop(block, kind)
        after_byline = block.chrome == "byline" or bool(bare)
        in_bio_box = block.chrome == "author-bio" or (in_bio_box and findings.author_bio is None and block.is_neutral)


def _body_paragraphs(body: list[Block], findings: _Findings) -> list[str]:
    paragraphs = []
    for block in body:
        if block.chrome:
            findings.drop(block, block.chrome)
        else:
            paragraphs.append(block.text)
    return paragraphs


def extract_text(text: str, url: str | None = None) -> Article:
    """An :class:`Article` from a plain-text dump of a page."""
    blocks = [describe_block(index, block) for index, block in enumerate(split_blocks(text))]
    _mark_comment_threads(blocks)
    span = body_span(blocks)
    findings = _Findings()
    if span is None:
        for block in blocks:
            findings.drop(block, block.chrome or "other")
        return Article(url=url, boilerplate=findings.boilerplate)
    start, end = span
    has_byline = any(block.chrome == "byline" and block.names for block in blocks)
    _read_head(blocks, blocks[:start], findings)
    paragraphs = _body_paragraphs(blocks[start:end], findings)
    _read_tail(blocks, blocks[end:], findings, has_byline)
    return Article(
        url=url,
        title=findings.title,
        published=findings.dates.get("published"),
        modified=findings.dates.get("modified"),
        authors=findings.credited(),
        author_bio=findings.author_bio,
        language=detect_language(" ".join(paragraphs)) if paragraphs else None,
        paragraphs=paragraphs,
        boilerplate=findings.boilerplate,
    )
