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
from khabar.extraction.html.vicinity import Vicinity
from khabar.extraction.metadata import PageMetadata
from khabar.records import Boilerplate

#: Elements that may carry a visible date by their class or id.
DATEISH_SELECTOR = ('time, [itemprop="datePublished"], [itemprop="dateModified"], [class*="date"], '
                    '[class*="time"], [class*="posted"], [class*="publish"], [class*="updated"], '
                    '[class*="byline"], [class*="meta"], [id*="date"]')
MODIFIED_WORDS = re.compile(r"updated|modified|अपडेट|संशोधित", re.I)
PUBLISHED_WORDS = re.compile(r"published|publish|posted|प्रकाशित", re.I)
MAX_DATE_TEXT = 160
MAX_WIDGET_TEXT = 60
#: A metadata date this many days before the date shown by the headline is not believed.
PLACEHOLDER_GAP_DAYS = 30


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


_DIGIT = re.compile(r"[0-9\u0966-\u096f]")


def _direct_text(node: LexborNode) -> str:
    """The element's own text when it contains a digit (every date does), else ""."""
    text = node.text(deep=False)
    return collapse(text) if text and _DIGIT.search(text) else ""


def _label_for(node: LexborNode, text: str, matches: list[dates.DateMatch]) -> str:
    """published / modified / either, from the date's own text, its element's names or its parent's text."""
    label = dates.date_label(text, matches)
    if label is None and node.parent is not None:
        context = raw_text(node.parent)
        label = dates.date_label(collapse(context)) if len(context) <= 2 * MAX_DATE_TEXT else None
    if label in ("published", "modified"):
        return label
    return _role_from_words(_node_words(node))


def _machine_candidates(tree: LexborHTMLParser, chrome: ChromeMap, near: Vicinity,
                        body_ids: set[int]) -> list[_Candidate]:
    """``<time datetime>`` and microdata dates in the article's own regions."""
    found = []
    for node in tree.css('time[datetime], [itemprop="datePublished"], [itemprop="dateModified"]'):
        value = node.attributes.get("datetime") or node.attributes.get("content") or node.attributes.get("title")
        parsed = dates.parse_machine_date(value) if value else None
        if parsed is None or chrome.excluded(node) is not None or _in_body(node, body_ids):
            continue
        words = _node_words(node)
        trusted = "meta" in {k for k, _ in chrome.zone(node)} or node.mem_id in near.after_ids
        if not trusted and not PUBLISHED_WORDS.search(words) and not MODIFIED_WORDS.search(words):
            continue
        role = "published" if PUBLISHED_WORDS.search(words) else _role_from_words(words)
        found.append(_Candidate(parsed, role))
    return found


def _in_body(node: LexborNode, body_ids: set[int]) -> bool:
    return node.mem_id in body_ids or any(a.mem_id in body_ids for a in ancestors(node))


def _widget_dates(chrome: ChromeMap, near: Vicinity, choice: DateChoice) -> None:
    """Dates printed in the masthead (before the headline) or in navigation: the site's date widget."""
    seen: set[str] = set()
    for node in near.before:
        text = _direct_text(node)
        if not text or len(text) > MAX_WIDGET_TEXT or text in seen:
            continue
        matches = dates.find_dates(text)
        if matches and (any(m.widget for m in matches) or dates.is_date_line(text)):
            seen.add(text)
            choice.removed.append(Boilerplate(text=text, kind="date-widget"))


def _visible_candidates(tree, chrome: ChromeMap, near: Vicinity, body_ids: set[int]) -> list[_Candidate]:
    """Visible dates in the byline/meta regions or right after the headline."""
    nodes = [n for n in tree.css(DATEISH_SELECTOR) if n.mem_id not in near.after_ids] + near.after
    found = []
    for node in nodes:
        text = _direct_text(node)
        if not text or len(text) > MAX_DATE_TEXT:
            continue
        kinds = {k for k, _ in chrome.zone(node)}
        if kinds & EXCLUDED_KINDS or ("meta" not in kinds and node.mem_id not in near.after_ids):
            continue
        if _in_body(node, body_ids):
            continue
        matches = dates.find_dates(text)
        if not matches:
            continue
        role = _label_for(node, text, matches)
        found.extend(_Candidate(m.value, role) for m in matches)
    return found


def _placeholder_overruled(declared: dates.DateValue, shown: dates.DateValue) -> bool:
    """A metadata date at midnight, long before the date the article itself shows, is a template's
    placeholder (the site's launch day) and loses to the shown date."""
    at_midnight = not declared.hour and not declared.minute and not declared.second
    gap = shown.to_datetime().replace(tzinfo=None) - declared.to_datetime().replace(tzinfo=None)
    return at_midnight and gap.days > PLACEHOLDER_GAP_DAYS


def _pick(candidates: list[_Candidate], role: str) -> dates.DateValue | None:
    for cand in candidates:
        if cand.role == role:
            return cand.value
    if role == "published":
        for cand in candidates:
            if cand.role == "either":
                return cand.value
    return None


def choose_dates(tree: LexborHTMLParser, chrome: ChromeMap, meta: PageMetadata, near: Vicinity,
                 body_nodes: list[LexborNode], url: str | None) -> DateChoice:
    """Publication and modification dates of the page, from the most trusted evidence available."""
    choice = DateChoice()
    body_ids = {n.mem_id for n in body_nodes}
    _widget_dates(chrome, near, choice)
    machine = _machine_candidates(tree, chrome, near, body_ids)
    visible = _visible_candidates(tree, chrome, near, body_ids)
    on_page = _pick(machine, "published") or _pick(visible, "published")
    choice.published = meta.published or on_page
    if meta.published and on_page and _placeholder_overruled(meta.published, on_page):
        choice.published = on_page
    modified = meta.modified or _pick(machine, "modified") or _pick(visible, "modified")
    if choice.published is None and modified is not None and meta.modified is None:
        choice.published = modified
    if choice.published is None:
        choice.published = dates.date_from_url(url) if url else None
    if modified is not None and (choice.published is None or modified.iso() != choice.published.iso()):
        choice.modified = modified
    return choice
