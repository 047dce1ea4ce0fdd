"""Authors, the author's bio, site name, categories and tags as the page's markup shows them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from khabar.extraction.bylines import is_editor_credit, looks_like_bio, looks_like_byline, parse_byline
from khabar.extraction.html.chrome import EXCLUDED_KINDS, ChromeMap
from khabar.extraction.html.dom import collapse, has_descendant, link_text_length, text_of
from khabar.extraction.html.selectors import selectors_for
from khabar.extraction.phrases import heading_kind
from khabar.records import Boilerplate

MAX_BYLINE_CHARS = 200
MAX_BIO_CHARS = 1200
MAX_TERM_CHARS = 60
BIO_HEADING_SELECTOR = "h2, h3, h4, h5, h6, strong"
MAX_BIO_HEADING_CHARS = 40
#: Elements whose class or id may mark an author box (the chrome markers decide which really do).
BIO_REGION_SELECTOR = '[class*="bio"], [class*="about"], [class*="author"], [id*="bio"], [id*="author"]'


@dataclass(slots=True)
class People:
    """Who wrote the story, as found in markup."""

    authors: list[str] = field(default_factory=list)
    author_bio: str | None = None
    removed: list[Boilerplate] = field(default_factory=list)


def _allowed(node: LexborNode, chrome: ChromeMap) -> bool:
    return not any(kind in EXCLUDED_KINDS for kind, _ in chrome.zone(node))


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def authors_from_markup(tree: LexborHTMLParser, chrome: ChromeMap,
                        site_name: str | None) -> tuple[list[str], list[str]]:
    """Author names from the strongest byline selector that yields any, and the byline texts read."""
    for selector in selectors_for("author"):
        names: list[str] = []
        editors: list[str] = []
        texts: list[str] = []
        seen_nodes: set[int] = set()
        for node in tree.css(selector):
            if node.mem_id in seen_nodes or not _allowed(node, chrome):
                continue
            seen_nodes.update(n.mem_id for n in node.css("*"))
            text = text_of(node)
            found = parse_byline(text, site_name) if text and len(text) <= MAX_BYLINE_CHARS else []
            if found:
                (editors if is_editor_credit(text) else names).extend(found)
                texts.append(text)
        if names or editors:
            return _dedupe(names or editors), _dedupe(texts)
    return [], []


def authors_near_title(nodes: list[LexborNode], chrome: ChromeMap, site_name: str | None,
                       body_ids: set[int]) -> tuple[list[str], list[str]]:
    """Author names from a labelled byline (``द्वारा प्रिया शर्मा``, ``By Priya Sharma``) by the headline."""
    for node in nodes:
        if node.mem_id in body_ids or not _allowed(node, chrome):
            continue
        text = text_of(node)
        if text and len(text) <= MAX_BYLINE_CHARS and looks_like_byline(text):
            names = parse_byline(text, site_name)
            if names:
                return names, [text]
    return [], []


def _bio_regions(tree: LexborHTMLParser, chrome: ChromeMap) -> list[LexborNode]:
    regions = []
    for node in tree.css(BIO_REGION_SELECTOR):
        if chrome.own_kind(node) == "author-bio" and not any(
            kind in EXCLUDED_KINDS - {"other"} for kind, _ in chrome.zone(node)
        ):
            regions.append(node)
    return regions


def _boxes_under_bio_headings(tree: LexborHTMLParser, chrome: ChromeMap) -> list[LexborNode]:
    """Boxes opened by an "About the author" / "लेखक के बारे में" heading, whatever their class."""
    boxes = []
    for heading in tree.css(BIO_HEADING_SELECTOR):
        text = text_of(heading)
        if len(text) <= MAX_BIO_HEADING_CHARS and heading_kind(text) == "author-bio" \
                and heading.parent is not None and _allowed(heading, chrome):
            boxes.append(heading.parent)
    return boxes


def bio_from_markup(tree: LexborHTMLParser, chrome: ChromeMap, authors: list[str]) -> str | None:
    """The author's bio from an author box, without the name, links or byline."""
    for selector in selectors_for("bio"):
        for node in tree.css(selector):
            text = text_of(node)
            if _is_bio_text(node, text, authors):
                return text
    for region in _bio_regions(tree, chrome) + _boxes_under_bio_headings(tree, chrome):
        for node in region.css("p, div"):
            if has_descendant(node, "p, div"):
                continue
            text = text_of(node)
            if _is_bio_text(node, text, authors) and looks_like_bio(text):
                return text
    return None


def _is_bio_text(node: LexborNode, text: str, authors: list[str]) -> bool:
    if not text or len(text) > MAX_BIO_CHARS or text in authors:
        return False
    return not looks_like_byline(text) and link_text_length(node) <= 0.5 * len(text)


def site_name_from_markup(tree: LexborHTMLParser) -> str | None:
    """The site's name from its branding element."""
    for selector in selectors_for("site-name"):
        node = tree.css_first(selector)
        if node is not None:
            text = text_of(node)
            if 1 < len(text) <= 80:
                return text
    return None


_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»)\s+")
MAX_SITE_WORDS = 5


def site_name_from_title(page_title: str | None) -> str | None:
    """The site's name as the last part of ``<title>`` ("Headline | Site"), when it looks like a name."""
    if not page_title:
        return None
    parts = _TITLE_SEPARATOR.split(page_title.strip())
    if len(parts) < 2:
        return None
    tail = parts[-1].strip()
    if not tail or len(tail.split()) > MAX_SITE_WORDS or any(ch.isdigit() for ch in tail):
        return None
    return tail


def terms_from_markup(tree: LexborHTMLParser, chrome: ChromeMap, field_name: str,
                      exclude: set[str] | None = None) -> list[str]:
    """Category or tag names from taxonomy links, outside navigation and sidebars."""
    exclude = exclude or set()
    for selector in selectors_for(field_name):
        terms = []
        for node in tree.css(selector):
            if not _allowed(node, chrome):
                continue
            text = collapse(node.text(deep=True) or "")
            if text and len(text) <= MAX_TERM_CHARS and text not in exclude and text not in terms:
                terms.append(text)
        if terms:
            return terms
    return []
