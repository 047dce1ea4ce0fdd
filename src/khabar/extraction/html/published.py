"""Choose the publication and modification dates of a page, never from its chrome.

Evidence in order of trust: JSON-LD and meta tags (read by :mod:`khabar.extraction.metadata`),
``<time datetime>`` and microdata in the article's own regions, a visible date in the byline/meta
region or right by the headline, and last a date in the URL. A date inside comments, related
stories, sidebars, navigation, footers or a header widget is never used; widget dates are reported
as ``date-widget`` boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from khabar.extraction import dates
from khabar.extraction.html.chrome import EXCLUDED_KINDS, ChromeMap
from khabar.extraction.html.dom import ancestors, collapse, raw_text
from khabar.extraction.metadata import PageMetadata
from khabar.records import Boilerplate

#: Elements that may carry a visible date by their class or id.
DATEISH_SELECTOR = ('time, [itemprop="datePublished"], [itemprop="dateModified"], [class*="date"], '
                    '[class*="time"], [class*="posted"], [class*="publish"], [class*="updated"], '
                    '[class*="byline"], [class*="meta"], [id*="date"]')
MODIFIED_WORDS = re.compile(r"updated|modified|अपडेट|संशोधित", re.I)
PUBLISHED_WORDS = re.compile(r"published|publish|posted|प्रकाशित", re.I)
MAX_DATE_TEXT = 160
#: How many elements after the headline still count as "by the headline".
NEAR_TITLE_STEPS = 40


@dataclass(slots=True)
class DateChoice:
    """The chosen dates and the widget dates seen on the way."""

    published: dates.DateValue | None = None
    modified: dates.DateValue | None = None
    removed: list[Boilerplate] = field(default_factory=list)


@dataclass(slots=True)
class _Candidate:
    value: dates.DateValue
    role: str  # "published" | "modified" | "either"


def _role_from_words(text: str) -> str:
    if MODIFIED_WORDS.search(text):
        return "modified"
    if PUBLISHED_WORDS.search(text):
        return "published"
    return "either"


def _node_words(node: LexborNode) -> str:
    attrs = node.attributes
    return " ".join(filter(None, (attrs.get("class"), attrs.get("id"), attrs.get("itemprop"))))


def _machine_candidates(tree: LexborHTMLParser, chrome: ChromeMap) -> list[_Candidate]:
    found = []
    for node in tree.css('time[datetime], [itemprop="datePublished"], [itemprop="dateModified"]'):
        if chrome.excluded(node) is not None:
            continue
        value = node.attributes.get("datetime") or node.attributes.get("content")
        parsed = dates.parse_machine_date(value) if value else None
        if parsed is None:
            continue
        words = _node_words(node) + " " + (node.attributes.get("itemprop") or "")
        role = _role_from_words(words)
        if role == "modified" and PUBLISHED_WORDS.search(words):
            role = "published"
        found.append(_Candidate(parsed, role))
    return found


def _near_title_ids(title_node: LexborNode | None) -> set[int]:
    """Elements that follow the headline closely (its later siblings and those of its ancestors)."""
    ids: set[int] = set()
    if title_node is None:
        return ids
    steps = 0
    for level in [title_node, *list(ancestors(title_node))[:3]]:
        sibling = level.next
        while sibling is not None and steps < NEAR_TITLE_STEPS:
            if sibling.tag != "-text":
                ids.add(sibling.mem_id)
                ids.update(n.mem_id for n in sibling.css("*"))
                steps += 1
            sibling = sibling.next
    return ids


def _in_body(node: LexborNode, body_ids: set[int]) -> bool:
    return node.mem_id in body_ids or any(a.mem_id in body_ids for a in ancestors(node))


def _visible_candidates(tree, chrome, title_node, body_ids, choice) -> list[_Candidate]:
    near = _near_title_ids(title_node)
    found = []
    seen_widget_text: set[str] = set()
    for node in tree.css(DATEISH_SELECTOR):
        text = collapse(raw_text(node))
        if not text or len(text) > MAX_DATE_TEXT or not any(ch.isdigit() for ch in text):
            continue
        matches = dates.find_dates(text)
        if not matches:
            continue
        zone = chrome.zone(node)
        kinds = {k for k, _ in zone}
        by_article = "meta" in kinds or node.mem_id in near
        widget = any(m.widget for m in matches) and not by_article
        if widget or ("nav" in kinds and dates.is_date_line(text)):
            if text not in seen_widget_text:
                seen_widget_text.add(text)
                choice.removed.append(Boilerplate(text=text, kind="date-widget"))
            continue
        if kinds & EXCLUDED_KINDS or _in_body(node, body_ids):
            continue
        if not by_article:
            continue
        label = dates.date_label(text) or _role_from_words(_node_words(node) + " " + text)
        role = label if label in ("published", "modified") else "either"
        found.extend(_Candidate(m.value, role) for m in matches)
    return found


def _pick(candidates: list[_Candidate], role: str) -> dates.DateValue | None:
    for cand in candidates:
        if cand.role == role:
            return cand.value
    if role == "published":
        for cand in candidates:
            if cand.role == "either":
                return cand.value
    return None


def choose_dates(tree: LexborHTMLParser, chrome: ChromeMap, meta: PageMetadata, title_node: LexborNode | None,
                 body_nodes: list[LexborNode], url: str | None) -> DateChoice:
    """Publication and modification dates of the page, from the most trusted evidence available."""
    choice = DateChoice()
    body_ids = {n.mem_id for n in body_nodes}
    visible = _visible_candidates(tree, chrome, title_node, body_ids, choice)
    machine = _machine_candidates(tree, chrome)
    choice.published = meta.published or _pick(machine, "published") or _pick(visible, "published")
    if choice.published is None:
        choice.published = dates.date_from_url(url) if url else None
    modified = meta.modified or _pick(machine, "modified") or _pick(visible, "modified")
    if modified is not None and (choice.published is None or modified.iso() != choice.published.iso()):
        choice.modified = modified
    return choice
