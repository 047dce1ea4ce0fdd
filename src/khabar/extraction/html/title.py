"""The headline as shown: the page's main heading, not ``<title>`` with its site suffix."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from khabar.extraction.html.chrome import EXCLUDED_KINDS, ChromeMap
from khabar.extraction.html.dom import text_of
from khabar.extraction.html.selectors import selectors_for
from khabar.extraction.metadata import PageMetadata, strip_site_suffix

#: Headline candidates: the page's main headings, and the other headings a theme marks as the title.
TITLE_CANDIDATES = "h1, h2, h3.entry-title, h3.post-title, h3[itemprop], h4.entry-title"
MIN_TITLE_CHARS = 4
MAX_TITLE_CHARS = 400


_NOT_KEY = re.compile(r"[^\w\u0900-\u097f]+|_")


def _key(text: str) -> str:
    """Text reduced to letters, digits and Devanagari signs, for comparing headlines."""
    return _NOT_KEY.sub("", text.casefold())


def _score(text: str, node: LexborNode, hints: list[str], site_name: str | None, marked: bool) -> float:
    key = _key(text)
    score = 0.0
    if site_name and key == _key(site_name):
        return -10.0
    for hint in hints:
        hint_key = _key(hint)
        if not hint_key:
            continue
        if key == hint_key:
            score += 4
            break
        if len(key) > 10 and (key in hint_key or hint_key in key):
            score += 2
            break
    if marked:
        score += 2
    if node.tag == "h1":
        score += 1
    return score


def find_title(tree: LexborHTMLParser, chrome: ChromeMap, meta: PageMetadata,
               site_name: str | None) -> tuple[str | None, LexborNode | None]:
    """The headline text and its element (``None`` when only metadata gives a title)."""
    title_selector = ", ".join(selectors_for("title"))
    stripped_page_title = strip_site_suffix(meta.page_title, site_name) if meta.page_title else None
    hints = [h for h in (meta.title, stripped_page_title, meta.page_title) if h]
    best: tuple[float, str, LexborNode] | None = None
    for node in tree.css(TITLE_CANDIDATES):
        text = text_of(node)
        if not MIN_TITLE_CHARS <= len(text) <= MAX_TITLE_CHARS:
            continue
        if node.tag != "h1" and not hints:
            continue
        if any(kind in EXCLUDED_KINDS for kind, _ in chrome.zone(node)):
            continue
        score = _score(text, node, hints, site_name, node.css_matches(title_selector))
        if node.tag != "h1" and score < 4:
            continue
        if best is None or score > best[0]:
            best = (score, text, node)
    if best is not None and best[0] > 0:
        return best[1], best[2]
    fallback = strip_site_suffix(meta.title, site_name) if meta.title else stripped_page_title
    if fallback:
        return fallback, None
    return (best[1], best[2]) if best is not None else (None, None)
