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
from khabar.extraction.rules import rule_table
from khabar.records import Boilerplate

#: Chrome kinds kept out of the body (``meta`` and ``author-bio`` hold bylines, dates and bios).
BODY_EXCLUDED = EXCLUDED_KINDS | {"meta", "author-bio"}
#: Kinds whose regions are never re-admitted, however much text they hold.
NEVER_NEUTRAL = frozenset({"comments", "comment-form", "footer", "nav"})
#: When this share of the prose lies outside every chrome region, no region needs re-admitting.
UNMARKED_ENOUGH = 0.3
PROSE_TAGS = frozenset({"p", "li", "blockquote", "pre", "dd", "td", "tr", "div", "section", "article"})
#: A table row with any of these inside is layout, not data: its cells are read one by one.
ROW_BREAKERS = "p, div, table, ul, ol, li, h1, h2, h3, h4, h5, h6, blockquote"
#: Text blocks that may hold other text blocks (a ``<p>`` or heading never does once parsed).
NESTING_TAGS = frozenset({"li", "blockquote", "td", "th", "dd", "dt", "figcaption", "address", "pre"})
DIV_TAGS = frozenset({"div", "section", "article"})
MAX_INLINE_DEPTH = 8
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
#: A container holding less story weight than this may be the wrong one (a highlights box over a
#: ``<div>``+``<br>`` story): the ``<div>`` pass is tried too and the heavier container wins.
WEAK_BODY_WEIGHT = 600
#: Story paragraphs right before the container (an intro above a live blog) join the body.
SIBLING_PARAGRAPH_WEIGHT = 80
SIBLING_REACH = 3
#: A short paragraph right under a linked headline, in the same box, is that story's teaser.
MAX_TEASER_CHARS = 250
#: Kinds of in-story headings that take the rest of their box with them.
SECTION_KINDS = frozenset({"related", "author-bio", "comments", "comment-form"})
#: A dropped line this short ("ये खबर भी पढ़ें...") is a bare lead for what follows.
BARE_LEAD_CHARS = 40
LINKED_HEADING_SHARE = 0.8
#: Longer blocks are story text: chrome lines (forms, bylines, "also read" leads) are short.
MAX_CHROME_TEXT = 200
REGION_SELECTOR = "[class], [id], nav, aside, form, footer"
#: Chrome outside the body container that is still listed in ``boilerplate`` for audit.
#: Internal region kinds reported under a public boilerplate kind.
RECORDED_AS = {"meta": "byline"}
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
    order: float = 0.0


@dataclass(slots=True)
class Body:
    """The body paragraphs, what was dropped, and where they were found."""

    paragraphs: list[str] = field(default_factory=list)
    removed: list[Boilerplate] = field(default_factory=list)
    container: LexborNode | None = None
    block_nodes: list[LexborNode] = field(default_factory=list)
    seen_regions: set[int] = field(default_factory=set)
    listing: bool = False


def _direct_segments(node: LexborNode) -> list[tuple[str, LexborNode | None]]:
    """Runs of ``node``'s own text (outside nested blocks), each with the block element it follows.

    Inline wrappers that hold blocks (``<font>`` around a whole story and a table) are walked into.
    """
    segments: list[tuple[str, LexborNode | None]] = []
    state: dict = {"parts": [], "after": None}

    def close(next_anchor: LexborNode | None) -> None:
        segments.append(("".join(state["parts"]), state["after"]))
        state["parts"], state["after"] = [], next_anchor

    def walk(parent: LexborNode, depth: int) -> None:
        for child in parent.iter(include_text=True):
            tag = child.tag
            if tag in INLINE_TAGS and tag != "-text" and depth < MAX_INLINE_DEPTH \
                    and has_descendant(child, TEXT_BLOCK_SELECTOR + ", div, table"):
                walk(child, depth + 1)
            elif tag in ("strong", "b") and _alone_on_line(child, state["parts"]):
                state["parts"].append("\n\n" + (child.text(deep=True) or "") + "\n\n")
            elif tag in INLINE_TAGS:
                state["parts"].append(child.text(deep=True) or "")
            elif tag == "br":
                state["parts"].append("\n")
            elif tag not in ("-comment", "img", "wbr"):
                close(child)

    walk(node, 0)
    close(None)
    return [(text, anchor) for text, anchor in segments if len(collapse(text)) >= MIN_PROSE_CHARS]


def _alone_on_line(child: LexborNode, parts: list[str]) -> bool:
    """A bold run that starts a line and is followed by a line break: a sub-heading in ``<br>`` text."""
    before = "".join(parts[-2:])
    if before.strip() and not before.rstrip(" \t").endswith("\n"):
        return False
    follower = child.next
    while follower is not None and follower.tag == "-text":
        text = follower.text_content or ""
        if "\n" in text and not text.split("\n", 1)[0].strip():
            return True
        if text.strip():
            return False
        follower = follower.next
    return follower is None


def _weight(node: LexborNode, tag: str, text: str, zone) -> float:
    """Story weight of a block: its length, discounted by the share of it that is link text."""
    if tag not in PROSE_TAGS or len(text) < MIN_PROSE_CHARS:
        return 0.0
    weight = float(len(text))
    if tag not in DIV_TAGS and not any(kind in BODY_EXCLUDED for kind, _ in zone):
        density = min(1.0, link_text_length(node) / len(text))
        weight *= (1.0 - density) ** 2
    return weight


def _blocks(root: LexborNode, chrome: ChromeMap, with_divs: bool) -> list[Block]:
    """The page's text blocks in reading order; with ``with_divs``, ``<div>`` text outside paragraphs too."""
    selector = TEXT_BLOCK_SELECTOR + (", div, section, article" if with_divs else "")
    blocks = []
    nodes = root.css(selector)
    order = {node.mem_id: position for position, node in enumerate(nodes)} if with_divs else {}
    data_rows: set[int] = set()
    for position, node in enumerate(nodes):
        tag = node.tag
        zone = chrome.zone(node)
        if not with_divs and any(kind in BODY_EXCLUDED for kind, _ in zone):
            blocks.append(_chrome_block(node, tag, zone, position))
            continue
        if tag == "tr":
            if has_descendant(node, ROW_BREAKERS):
                continue
            data_rows.add(node.mem_id)
            pieces = [(" ".join(raw_text(cell) for cell in node.css("td, th")), None)]
        elif tag in ("td", "th") and node.parent is not None and node.parent.mem_id in data_rows:
            continue
        elif tag in DIV_TAGS or (tag in NESTING_TAGS and has_descendant(node, TEXT_BLOCK_SELECTOR)):
            pieces = _direct_segments(node)
        else:
            pieces = [(raw_text(node), None)]
        for rank, (raw, anchor) in enumerate(pieces):
            text = collapse(raw)
            if not text:
                continue
            key = position + rank * 1e-3 if anchor is None else _after_key(anchor, order, position + rank * 1e-3)
            blocks.append(Block(node, raw, text, tag, _weight(node, tag, text, zone), zone, key))
    if with_divs:
        blocks.sort(key=lambda b: b.order)
    return blocks


def _chrome_block(node: LexborNode, tag: str, zone, position: int) -> Block:
    """A block inside a chrome region: never story text, so only its size is measured (for wrappers
    whose chrome-looking class hides the story, see :func:`_neutral_regions`)."""
    raw = raw_text(node)
    weight = float(len(raw.strip())) if tag in PROSE_TAGS and len(raw) >= MIN_PROSE_CHARS else 0.0
    return Block(node, raw, "", tag, weight, zone, float(position))


def _after_key(anchor: LexborNode, order: dict[int, int], fallback: float) -> float:
    """A sort key just after ``anchor`` and every block inside it."""
    inner = [order[n.mem_id] for n in anchor.css("*") if n.mem_id in order]
    return max(inner) + 0.5 if inner else fallback


def _neutral_regions(blocks: list[Block]) -> set[int]:
    """Chrome regions that hold most of the page's prose: wrappers with misleading class names.

    Prose inside regions that can never hold the story (comments, forms, navigation, footers) and list
    items (menus) are left out of the count, so a mega-menu cannot outweigh the story.
    """
    blocks = [b for b in blocks if b.tag != "li" and not any(k in NEVER_NEUTRAL for k, _ in b.zone)]
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


def _container(blocks: list[Block], neutral: set[int]) -> tuple[LexborNode | None, float]:
    """The deepest element holding ``CONTAINER_SHARE`` of the page's story weight, and that weight."""
    good = [b for b in blocks if b.weight > 0 and _excluded(b, neutral) is None]
    total = sum(b.weight for b in good)
    if not total:
        return None, 0.0
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
        return None, 0.0
    best = max(candidates, key=depth.__getitem__)
    return nodes[best], held[best]


def _needs_div_text(blocks: list[Block], container: LexborNode) -> bool:
    """True when much of the container's text sits outside paragraph elements (``<div>``+``<br>`` sites)."""
    inside_ids = {n.mem_id for n in container.css(TEXT_BLOCK_SELECTOR)}
    covered = sum(len(b.text) or len(b.raw.strip()) for b in blocks if b.node.mem_id in inside_ids)
    total = len(collapse(raw_text(container)))
    return total - covered > max(200, 0.25 * total)


def find_body(tree: LexborHTMLParser, chrome: ChromeMap, classify_text, title: str | None) -> Body:
    """The body of the page. ``classify_text(text, tag)`` names the boilerplate kind of a text, or None."""
    root = tree.body or tree.root
    if root is None:
        return Body()
    blocks = _blocks(root, chrome, with_divs=False)
    neutral = _neutral_regions(blocks)
    container, held = _container(blocks, neutral)
    if container is None or held < WEAK_BODY_WEIGHT or _needs_div_text(blocks, container):
        div_blocks = _blocks(root, chrome, with_divs=True)
        div_neutral = _neutral_regions(div_blocks)
        div_container, div_held = _container(div_blocks, div_neutral)
        if div_container is not None and div_held > held:
            blocks, neutral, container = div_blocks, div_neutral, div_container
    if container is None:
        return Body()
    chrome.neutralise(neutral)
    for block in blocks:
        if not block.text and block.raw.strip() and _excluded(block, neutral) is None:
            block.text = collapse(block.raw)
    if is_listing(container, blocks, neutral):
        return Body(container=container, listing=True)
    body = _collect(blocks, container, neutral, classify_text, title)
    _record_unseen_regions(body, container, chrome, neutral)
    return body


def listing_body(tree: LexborHTMLParser) -> bool:
    """True when the ``<body>`` classes say this is an index page (an archive, search or home page)."""
    body = tree.body
    words = set((body.attributes.get("class") or "").lower().split()) if body is not None else set()
    types = rule_table("page_types.tsv")
    story = any(word in types["story"] or word.startswith("postid-") for word in words)
    return not story and bool(words & set(types["listing"]))


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


def _inside_ids(container: LexborNode, blocks: list[Block], neutral: set[int]) -> set[int]:
    """Elements that belong to the story: the container's, plus story paragraphs right beside it."""
    ids = {n.mem_id for n in container.css(TEXT_BLOCK_SELECTOR + ", div, section, article")}
    long_good = {b.node.mem_id for b in blocks
                 if b.weight >= SIBLING_PARAGRAPH_WEIGHT and _excluded(b, neutral) is None}
    sibling = container.prev
    reached = 0
    while sibling is not None and reached < SIBLING_REACH:
        inner = {n.mem_id for n in sibling.css(TEXT_BLOCK_SELECTOR)} if sibling.tag != "-text" else set()
        if inner:
            if not inner <= long_good:
                break
            ids |= inner
            reached += 1
        sibling = sibling.prev
    return ids


@dataclass(slots=True)
class _Section:
    """A chrome heading inside the story ("लेखक के बारे में", "Related") and the box it opens."""

    kind: str
    box: int
    whole_box: bool


def _opened_section(block: Block, kind: str, container: LexborNode) -> _Section | None:
    """The section a dropped heading or bare lead opens, so what follows in its box goes with it."""
    parent = block.node.parent
    if kind not in SECTION_KINDS or parent is None:
        return None
    if block.tag in HEADING_TAGS or len(block.text) <= BARE_LEAD_CHARS:
        return _Section(kind, parent.mem_id, whole_box=parent.mem_id != container.mem_id)
    return None


def _in_section(block: Block, section: _Section | None, container: LexborNode) -> str | None:
    if section is None:
        return None
    boxes = {anc.mem_id for anc in list(ancestors(block.node, container))[:2]}
    if section.box not in boxes:
        return None
    if section.whole_box or (section.kind == "related" and len(block.text) <= MAX_TEASER_CHARS):
        return section.kind
    return None


def _collect(blocks, container, neutral, classify_text, title) -> Body:
    body = Body(container=container)
    seen_regions = body.seen_regions
    inside_ids = _inside_ids(container, blocks, neutral)
    title_key = collapse(title or "")
    section: _Section | None = None
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
        kind = "other" if block.tag == "figcaption" else _in_section(block, section, container)
        if kind is None:
            kind = _block_kind(block, classify_text)
            section = _opened_section(block, kind, container) if kind else None
        if kind is not None:
            _record(body, block.text, kind)
            continue
        section = None
        _add_paragraphs(body, block, classify_text)
    return body


def _add_paragraphs(body: Body, block: Block, classify_text) -> None:
    """Add a block's paragraphs; in a ``<br><br>``-separated block each line is judged on its own."""
    paragraphs = split_paragraphs(block.raw)
    if len(paragraphs) > 1:
        kept = []
        for paragraph in paragraphs:
            kind = classify_text(paragraph, block.tag) if len(paragraph) <= MAX_CHROME_TEXT else None
            if kind is None:
                kept.append(paragraph)
            else:
                _record(body, paragraph, kind)
        paragraphs = kept
    if paragraphs:
        body.paragraphs.extend(paragraphs)
        body.block_nodes.append(block.node)


def _block_kind(block: Block, classify_text) -> str | None:
    """Why a block inside the container is not story text, or None when it is."""
    if len(block.text) <= MAX_CHROME_TEXT:
        kind = classify_text(block.text, block.tag)
        if kind is not None:
            return kind
    return _link_list_kind(block)


def _link_list_kind(block: Block) -> str | None:
    """Short blocks made mostly of links inside the story are teasers for other stories."""
    if block.text and len(block.text) < LINK_BLOCK_MAX_CHARS and link_text_length(block.node) >= LINK_BLOCK_SHARE * len(block.text):
        return "related"
    return None


def _record(body: Body, text: str, kind: str) -> None:
    kind = RECORDED_AS.get(kind, kind)
    if text:
        body.removed.append(Boilerplate(text=text[:MAX_BOILERPLATE_CHARS], kind=kind))
