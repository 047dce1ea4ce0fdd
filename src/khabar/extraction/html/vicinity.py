"""Where the headline sits: the elements right after it (byline, dates) and those before it (masthead)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from khabar.extraction.html.dom import ancestors

#: How many sibling elements after the headline (at each level up) still count as "by the headline".
NEAR_TITLE_STEPS = 40
#: At most this many elements after the headline are looked at.
NEAR_TITLE_NODES = 50
#: How many ancestor levels of the headline are searched for following siblings.
NEAR_TITLE_LEVELS = 3
#: How many elements before the headline are looked at for a masthead date widget.
BEFORE_TITLE_LIMIT = 120


@dataclass(slots=True)
class Vicinity:
    """Elements that follow the headline closely, and those that precede it."""

    after: list[LexborNode] = field(default_factory=list)
    after_ids: set[int] = field(default_factory=set)
    before: list[LexborNode] = field(default_factory=list)


def _following(title_node: LexborNode) -> list[LexborNode]:
    found: list[LexborNode] = []
    steps = 0
    for level in [title_node, *list(ancestors(title_node))[:NEAR_TITLE_LEVELS]]:
        sibling = level.next
        while sibling is not None and steps < NEAR_TITLE_STEPS:
            if sibling.tag != "-text":
                found.extend(islice(sibling.traverse(), NEAR_TITLE_NODES - len(found)))
                steps += 1
                if len(found) >= NEAR_TITLE_NODES:
                    return found
            sibling = sibling.next
    return found


def _preceding(tree: LexborHTMLParser, title_node: LexborNode | None) -> list[LexborNode]:
    root = tree.body
    if root is None:
        return []
    stop = title_node.mem_id if title_node is not None else None
    found = []
    for node in root.traverse():
        if node.mem_id == stop or len(found) >= BEFORE_TITLE_LIMIT:
            break
        found.append(node)
    return found


def locate(tree: LexborHTMLParser, title_node: LexborNode | None) -> Vicinity:
    """The headline's surroundings (empty ``after`` when the headline is not on the page)."""
    after = _following(title_node) if title_node is not None else []
    return Vicinity(after=after, after_ids={n.mem_id for n in after}, before=_preceding(tree, title_node))
