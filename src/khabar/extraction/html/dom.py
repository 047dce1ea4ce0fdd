"""Parsing and small DOM helpers over selectolax's Lexbor tree."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

#: Elements whose content is never visible article text.
INVISIBLE_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
                  "button", "select", "input", "textarea", "option", "link", "meta"]
#: Elements that hold one paragraph-like piece of text.
TEXT_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt",
                   "figcaption", "tr", "td", "th", "address")
TEXT_BLOCK_SELECTOR = ", ".join(TEXT_BLOCK_TAGS)
#: Cap on ancestor walks, so pathological nesting stays linear.
MAX_ANCESTORS = 400

_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*\n\s*")


def parse_html(html: str) -> LexborHTMLParser:
    """Parse markup into a tree, with ``<br>`` turned into newlines so words never glue together."""
    tree = LexborHTMLParser(html)
    for br in tree.css("br"):
        br.replace_with("\n")
    return tree


def collapse(text: str) -> str:
    """Whitespace (any Unicode space, line breaks included) collapsed to single spaces and trimmed."""
    return " ".join(text.split())


def split_paragraphs(text: str) -> list[str]:
    """Split a block's raw text at blank lines (``<br><br>``), each piece collapsed."""
    return [p for p in (collapse(part) for part in _PARAGRAPH_BREAK.split(text)) if p]


def raw_text(node: LexborNode) -> str:
    """All text under ``node`` as it stands, newlines from ``<br>`` kept."""
    return node.text(deep=True) or ""


def text_of(node: LexborNode) -> str:
    """All text under ``node``, whitespace collapsed."""
    return collapse(raw_text(node))


def link_text_length(node: LexborNode) -> int:
    """Characters of text inside links under ``node``."""
    return sum(len(collapse(a.text(deep=True) or "")) for a in node.css("a"))


def ancestors(node: LexborNode, stop: LexborNode | None = None):
    """Yield the element ancestors of ``node``, innermost first, up to (not including) ``stop``."""
    stop_id = stop.mem_id if stop is not None else None
    current = node.parent
    for _ in range(MAX_ANCESTORS):
        if current is None or current.mem_id == stop_id or current.tag in ("html", "#document", "-document"):
            return
        yield current
        current = current.parent


def has_descendant(node: LexborNode, selector: str) -> bool:
    """True when an element below ``node`` (not ``node`` itself) matches ``selector``."""
    return any(found.mem_id != node.mem_id for found in node.css(selector))
