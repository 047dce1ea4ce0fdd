"""Which regions of a page are chrome (comments, share bars, related posts, sidebars...).

The class/id vocabulary lives in ``rules/chrome_markers.tsv``; element names (``nav``, ``aside``,
``form``, a site-level ``footer``) are decided here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborNode

from khabar.extraction.html.dom import MAX_ANCESTORS, ancestors
from khabar.extraction.rules import rule_rows

#: When one element carries words of several kinds, the first kind in this order wins.
KIND_PRIORITY = ("comment-form", "comments", "related", "share", "author-bio", "meta", "nav", "footer", "other")
#: Kinds whose regions never hold the story or its publication date ("meta" and "author-bio" are
#: outside the body too, but are where bylines, bios and dates legitimately live).
EXCLUDED_KINDS = frozenset({"comment-form", "comments", "related", "share", "nav", "footer", "other"})


_PART_SPLIT = re.compile(r"[-_]+")
#: ARIA landmark roles that mark chrome.
ROLE_KINDS = {"navigation": "nav", "banner": "nav", "contentinfo": "footer", "complementary": "other"}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[tuple[str, re.Pattern]]]:
    """Per scope ("word", "part"), the kinds and their compiled patterns, in priority order."""
    table: dict[tuple[str, str], list[str]] = {}
    for kind, scope, pattern in rule_rows("chrome_markers.tsv"):
        table.setdefault((scope, kind), []).append(pattern)
    return {
        scope: [(kind, re.compile("|".join(table[scope, kind]))) for kind in KIND_PRIORITY if (scope, kind) in table]
        for scope in ("word", "part")
    }


@lru_cache(maxsize=65536)
def word_kind(word: str) -> str | None:
    """The chrome kind a single class/id word signals, if any: whole-word rules, then its parts."""
    patterns = _patterns()
    kinds = {kind for kind, pattern in patterns["word"] if pattern.fullmatch(word)}
    parts = [p for p in _PART_SPLIT.split(word) if p]
    if len(parts) > 1 or not kinds:
        kinds.update(kind for kind, pattern in patterns["part"] if any(pattern.fullmatch(p) for p in parts))
    return next((k for k in KIND_PRIORITY if k in kinds), None)


def _tag_kind(node: LexborNode) -> str | None:
    tag = node.tag
    if tag == "nav":
        return "nav"
    if tag == "aside":
        return "other"
    if tag == "form":
        return "comment-form" if node.css_first("textarea") is not None else "other"
    if tag == "footer":
        inside_article = any(a.tag == "article" for a in ancestors(node))
        return "meta" if inside_article else "footer"
    return None


#: Headings that can open a chrome box, and the kinds of box they open.
SECTION_HEADING_SELECTOR = "h2, h3, h4, h5, h6"
SECTION_KINDS = frozenset({"related", "author-bio", "comments", "comment-form", "share"})
MAX_SECTION_HEADING_CHARS = 60
MAX_SECTION_BOX_CHARS = 2500
_TAG_KINDS = {"nav": "nav", "aside": "other"}
_SKIPPED_TAGS = frozenset({"html", "body", "main", "#document", "-text"})


@lru_cache(maxsize=16384)
def _attribute_kind(cls: str, ident: str, role: str, hidden: bool) -> str | None:
    """The kind named by an element's class, id, ARIA role and hidden state (cached: themes repeat them)."""
    words = cls.lower().split()
    if ident:
        words.append(ident.lower())
    kinds = {k for k in map(word_kind, words) if k}
    if hidden:
        kinds.add("other")
    role_kind = ROLE_KINDS.get(role.lower())
    if role_kind:
        kinds.add(role_kind)
    return next((k for k in KIND_PRIORITY if k in kinds), None)


def element_kind(node: LexborNode) -> str | None:
    """The chrome kind of one element from its own name, class and id (not its ancestors)."""
    tag = node.tag
    if tag in _SKIPPED_TAGS:
        return None
    attrs = node.attributes
    if attrs:
        kind = _attribute_kind(attrs.get("class") or "", attrs.get("id") or "", attrs.get("role") or "",
                               "hidden" in attrs or attrs.get("aria-hidden") == "true")
        if kind:
            return kind
    if tag in _TAG_KINDS:
        return _TAG_KINDS[tag]
    if tag == "form" or tag == "footer":
        return _tag_kind(node)
    return None


class ChromeMap:
    """Memoised chrome kinds for the elements of one page.

    ``zone(node)`` lists the chrome regions holding ``node`` (itself included), innermost first; each
    element's zone is computed once from its parent's, so walking a page stays linear.
    """

    def __init__(self, neutral: set[int] | None = None) -> None:
        self._own: dict[int, str | None] = {}
        self._zones: dict[int, tuple[tuple[str, LexborNode], ...]] = {}
        self.neutral = neutral or set()

    def neutralise(self, ids: set[int]) -> None:
        """Treat these regions as unmarked from now on (wrappers that turned out to hold the story)."""
        if ids - self.neutral:
            self.neutral |= ids
            for key in ids:
                self._own[key] = None
            self._zones.clear()

    def mark_sections(self, tree, heading_kind) -> None:
        """Mark the box under a chrome heading ("और भी पढ़ें", "About the author") with the heading's kind.

        ``heading_kind(text)`` names the kind of a heading's text. Only small boxes are marked, so a
        heading placed straight inside the story's container never takes the story with it.
        """
        for heading in tree.css(SECTION_HEADING_SELECTOR):
            text = heading.text(deep=True) or ""
            if len(text) > MAX_SECTION_HEADING_CHARS:
                continue
            kind = heading_kind(" ".join(text.split()))
            box = heading.parent
            if kind not in SECTION_KINDS or box is None or box.tag in _SKIPPED_TAGS:
                continue
            if len(box.text(deep=True) or "") <= MAX_SECTION_BOX_CHARS and self.own_kind(box) is None:
                self._own[box.mem_id] = kind
        self._zones.clear()

    def own_kind(self, node: LexborNode) -> str | None:
        key = node.mem_id
        if key not in self._own:
            self._own[key] = None if key in self.neutral else element_kind(node)
        return self._own[key]

    def zone(self, node: LexborNode) -> tuple[tuple[str, LexborNode], ...]:
        """Chrome kinds on ``node`` and its ancestors, innermost first."""
        zones = self._zones
        pending = []
        current = node
        inherited: tuple[tuple[str, LexborNode], ...] = ()
        for _ in range(MAX_ANCESTORS):
            if current is None or current.tag in ("html", "#document", "-document"):
                break
            known = zones.get(current.mem_id)
            if known is not None:
                inherited = known
                break
            pending.append(current)
            current = current.parent
        for element in reversed(pending):
            kind = self.own_kind(element)
            inherited = ((kind, element), *inherited) if kind else inherited
            zones[element.mem_id] = inherited
        return inherited

    def excluded(self, node: LexborNode) -> tuple[str, LexborNode] | None:
        """The outermost excluding chrome region that holds ``node``, if any."""
        hits = [(k, n) for k, n in self.zone(node) if k in EXCLUDED_KINDS]
        return hits[-1] if hits else None
