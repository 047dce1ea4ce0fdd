"""Find the story's body in a page: score text blocks, pick the container, drop the chrome inside it.

The idea: paragraphs of prose with few links carry weight; regions that are chrome (comments,
related posts, sidebars...) carry none. The container is the deepest element holding most of the
weight. Inside it, every block is kept unless a chrome region, a text rule (comment-form phrases,
"also read" leads, bylines, date lines) or link density says otherwise; each drop is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from khabar.extraction.html.chrome import EXCLUDED_KINDS, ChromeMap
from khabar.extraction.html.dom import (
    TEXT_BLOCK_SELECTOR,
    ancestors,
    collapse,
    has_descendant,
    link_text_length,
    raw_text,
    split_paragraphs,
)
from khabar.records import Boilerplate

#: Chrome kinds kept out of the body (``meta`` and ``author-bio`` hold bylines, dates and bios).
BODY_EXCLUDED = EXCLUDED_KINDS | {"meta", "author-bio"}
#: Kinds whose regions are never re-admitted, however much text they hold.
NEVER_NEUTRAL = frozenset({"comments", "comment-form", "footer", "nav"})
#: When this share of the prose lies outside every chrome region, no region needs re-admitting.
UNMARKED_ENOUGH = 0.3
PROSE_TAGS = frozenset({"p", "li", "blockquote", "pre", "dd", "td", "div", "section", "article"})
#: Text blocks that may hold other text blocks (a ``<p>`` or heading never does once parsed).
NESTING_TAGS = frozenset({"li", "blockquote", "td", "th", "dd", "dt", "figcaption", "address", "pre"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
MIN_PROSE_CHARS = 20
#: Share of all prose weight the body container must hold.
CONTAINER_SHARE = 0.7
#: A chrome region holding this share of the page's prose is taken to be a mislabelled wrapper.
NEUTRAL_SHARE = 0.5
MAX_BOILERPLATE_CHARS = 2000
LINK_BLOCK_MAX_CHARS = 300
#: A container with this many linked headlines is a listing of other stories, not one story.
MIN_TEASERS = 3
#: A short paragraph right under a linked headline, in the same box, is that story's teaser.
MAX_TEASER_CHARS = 250
LINKED_HEADING_SHARE = 0.8
#: Longer blocks are story text: chrome lines (forms, bylines, "also read" leads) are short.
MAX_CHROME_TEXT = 200
REGION_SELECTOR = "[class], [id], nav, aside, form, footer"
#: Chrome outside the body container that is still listed in ``boilerplate`` for audit.
REPORTED_OUTSIDE = frozenset({"comments", "comment-form", "related", "share", "author-bio"})
LINK_BLOCK_SHARE = 0.6
INLINE_TAGS = frozenset({"a", "b", "i", "em", "strong", "span", "small", "sup", "sub", "u", "mark", "abbr",
                         "cite", "q", "time", "font", "code", "s", "del", "ins", "label", "bdi", "bdo", "-text"})


@dataclass(slots=True)
class Block:
    """One paragraph-like element of the page."""

    node: LexborNode
    raw: str
    text: str
    tag: str
    weight: float
    zone: tuple[tuple[str, LexborNode], ...]


@dataclass(slots=True)
class Body:
    """The body paragraphs, what was dropped, and where they were found."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[Boilerplate] = field(default_factory=list)
    container: LexborNode | None = None
    block_nodes: list[LexborNode] = field(default_factory=list)
    seen_regions: set[int] = field(default_factory=set)
    listing: bool = False


def _direct_text(node: LexborNode) -> str:
    """Text of ``node`` that is not inside a nested block-level element."""
    parts = []
    for child in node.iter(include_text=True):
        if child.tag in INLINE_TAGS:
            parts.append(child.text(deep=True) or "")
        elif child.tag == "br":
            parts.append("\n")
    return "".join(parts)


def _blocks(root: LexborNode, chrome: ChromeMap, with_divs: bool) -> list[Block]:
    selector = TEXT_BLOCK_SELECTOR + (", div, section, article" if with_divs else "")
    blocks = []
    for node in root.css(selector):
        tag = node.tag
        if tag in ("div", "section", "article"):
            raw = _direct_text(node)
            if len(collapse(raw)) < MIN_PROSE_CHARS:
                continue
        elif tag in NESTING_TAGS and has_descendant(node, TEXT_BLOCK_SELECTOR):
            continue
        else:
            raw = raw_text(node)
        text = collapse(raw)
        if not text:
            continue
        zone = chrome.zone(node)
        weight = 0.0
        if tag in PROSE_TAGS and len(text) >= MIN_PROSE_CHARS:
            weight = float(len(text))
            if tag not in ("div", "section") and not any(kind in BODY_EXCLUDED for kind, _ in zone):
                density = min(1.0, link_text_length(node) / len(text))
                weight *= (1.0 - density) ** 2
        blocks.append(Block(node, raw, text, tag, weight, zone))
    return blocks


def _neutral_regions(blocks: list[Block]) -> set[int]:
    """Chrome regions that hold most of the page's prose: wrappers with misleading class names."""
    total = sum(b.weight for b in blocks)
    unmarked = sum(b.weight for b in blocks if not any(k in BODY_EXCLUDED for k, _ in b.zone))
    if unmarked >= UNMARKED_ENOUGH * total:
        return set()
    held: dict[int, float] = {}
    kinds: dict[int, str] = {}
    for block in blocks:
        for kind, region in block.zone:
            held[region.mem_id] = held.get(region.mem_id, 0.0) + block.weight
            kinds[region.mem_id] = kind
    return {rid for rid, w in held.items() if total and w >= NEUTRAL_SHARE * total and kinds[rid] not in NEVER_NEUTRAL}


def _excluded(block: Block, neutral: set[int]) -> tuple[str, LexborNode] | None:
    hits = [(k, n) for k, n in block.zone if k in BODY_EXCLUDED and n.mem_id not in neutral]
    return hits[-1] if hits else None


def _container(blocks: list[Block], neutral: set[int]) -> LexborNode | None:
    good = [b for b in blocks if b.weight > 0 and _excluded(b, neutral) is None]
    total = sum(b.weight for b in good)
    if not total:
        return None
    held: dict[int, float] = {}
    depth: dict[int, int] = {}
    nodes: dict[int, LexborNode] = {}
    for block in good:
        chain = list(ancestors(block.node))
        for level, anc in enumerate(chain):
            held[anc.mem_id] = held.get(anc.mem_id, 0.0) + block.weight
            depth[anc.mem_id] = len(chain) - level
            nodes[anc.mem_id] = anc
    candidates = [rid for rid, w in held.items() if w >= CONTAINER_SHARE * total]
    if not candidates:
        return None
    return nodes[max(candidates, key=depth.__getitem__)]


def _needs_div_text(blocks: list[Block], container: LexborNode) -> bool:
    """True when much of the container's text sits outside paragraph elements (``<div>``+``<br>`` sites)."""
    inside_ids = {n.mem_id for n in container.css(TEXT_BLOCK_SELECTOR)}
    covered = sum(len(b.text) for b in blocks if b.node.mem_id in inside_ids)
    total = len(collapse(raw_text(container)))
    return total - covered > max(200, 0.25 * total)


def find_body(tree: LexborHTMLParser, chrome: ChromeMap, classify_text, title: str | None) -> Body:
    """The body of the page. ``classify_text(text, tag)`` names the boilerplate kind of a text, or None."""
    root = tree.body or tree.root
    if root is None:
        return Body()
    blocks = _blocks(root, chrome, with_divs=False)
    neutral = _neutral_regions(blocks)
    container = _container(blocks, neutral)
    if container is None or _needs_div_text(blocks, container):
        blocks = _blocks(root, chrome, with_divs=True)
        neutral = _neutral_regions(blocks)
        container = _container(blocks, neutral) or container
    if container is None:
        return Body()
    if is_listing(container, blocks, neutral):
        return Body(container=container, listing=True)
    body = _collect(blocks, container, neutral, classify_text, title)
    _record_unseen_regions(body, container, chrome, neutral)
    return body


def is_listing(container: LexborNode, blocks: list[Block], neutral: set[int]) -> bool:
    """True for index pages: most prose sits in teaser boxes (a linked headline over a short summary)."""
    teaser_boxes = set()
    for heading in container.css("h2, h3, h4, h5"):
        text = collapse(heading.text(deep=True) or "")
        if text and heading.parent is not None and link_text_length(heading) >= LINKED_HEADING_SHARE * len(text):
            teaser_boxes.add(heading.parent.mem_id)
    if len(teaser_boxes) < MIN_TEASERS:
        return False
    inside = {n.mem_id for n in container.css(TEXT_BLOCK_SELECTOR)}
    teaser = story = 0.0
    for block in blocks:
        if block.weight and block.node.mem_id in inside and _excluded(block, neutral) is None:
            boxes = {anc.mem_id for anc in list(ancestors(block.node, container))[:2]}
            if boxes & teaser_boxes:
                teaser += block.weight
            else:
                story += block.weight
    return teaser >= story


def _record_unseen_regions(body: Body, container: LexborNode, chrome: ChromeMap, neutral: set[int]) -> None:
    """List chrome regions inside the container that held no text block (share bars, link rows)."""
    for node in container.css(REGION_SELECTOR):
        kind = chrome.own_kind(node)
        if kind not in BODY_EXCLUDED or node.mem_id in neutral or node.mem_id in body.seen_regions:
            continue
        if any(anc.mem_id in body.seen_regions for anc in ancestors(node, container)):
            continue
        body.seen_regions.add(node.mem_id)
        _record(body, collapse(raw_text(node)), kind)


def _collect(blocks, container, neutral, classify_text, title) -> Body:
    body = Body(container=container)
    seen_regions = body.seen_regions
    inside_ids = {n.mem_id for n in container.css(TEXT_BLOCK_SELECTOR + ", div, section, article")}
    title_key = collapse(title or "")
    teaser_parent: int | None = None
    for block in blocks:
        inside = block.node.mem_id in inside_ids
        hit = _excluded(block, neutral)
        if not inside and (hit is None or hit[0] not in REPORTED_OUTSIDE):
            continue
        if hit is not None:
            kind, region = hit
            if region.mem_id not in seen_regions:
                seen_regions.add(region.mem_id)
                _record(body, collapse(raw_text(region)), kind)
            continue
        if block.tag in HEADING_TAGS and block.text == title_key:
            continue
        if block.tag == "figcaption":
            _record(body, block.text, "other")
            continue
        kind = _block_kind(block, classify_text, teaser_parent)
        teaser_parent = None
        if kind is not None:
            if kind == "related" and block.tag in HEADING_TAGS and block.node.parent is not None:
                teaser_parent = block.node.parent.mem_id
            _record(body, block.text, kind)
            continue
        body.paragraphs.extend(split_paragraphs(block.raw))
        body.block_nodes.append(block.node)
    return body


def _block_kind(block: Block, classify_text, teaser_parent: int | None) -> str | None:
    """Why a block inside the container is not story text, or None when it is."""
    if len(block.text) <= MAX_CHROME_TEXT:
        kind = classify_text(block.text, block.tag)
        if kind is not None:
            return kind
    kind = _link_list_kind(block)
    if kind is not None:
        return kind
    parent = block.node.parent
    if teaser_parent is not None and parent is not None and parent.mem_id == teaser_parent \
            and len(block.text) <= MAX_TEASER_CHARS:
        return "related"
    return None


def _link_list_kind(block: Block) -> str | None:
    """Short blocks made mostly of links inside the story are teasers for other stories."""
    if len(block.text) < LINK_BLOCK_MAX_CHARS and link_text_length(block.node) >= LINK_BLOCK_SHARE * len(block.text):
        return "related"
    return None


def _record(body: Body, text: str, kind: str) -> None:
    if text:
        body.removed.append(Boilerplate(text=text[:MAX_BOILERPLATE_CHARS], kind=kind))
