"""HTML extraction: from markup to an :class:`~khabar.records.Article`.

Steps, each in its own module: parse (:mod:`.dom`), read metadata (:mod:`khabar.extraction.metadata`),
mark chrome regions (:mod:`.chrome`), find the headline (:mod:`.title`), the body (:mod:`.content`),
the people and taxonomy (:mod:`.people`) and the dates (:mod:`.published`).
"""

from __future__ import annotations

from khabar.extraction import dates
from khabar.extraction.bylines import looks_like_byline
from khabar.extraction.html.chrome import ChromeMap
from khabar.extraction.html.content import find_body
from khabar.extraction.html.dom import INVISIBLE_TAGS, parse_html
from khabar.extraction.html.people import (
    authors_from_markup,
    bio_from_markup,
    site_name_from_markup,
    terms_from_markup,
)
from khabar.extraction.html.published import choose_dates
from khabar.extraction.html.title import find_title
from khabar.extraction.language import detect_language
from khabar.extraction.metadata import read_metadata
from khabar.extraction.phrases import classify_chrome_text, is_related_lead
from khabar.records import Article, Boilerplate

__all__ = ["extract_html", "classify_block_text"]


def classify_block_text(text: str, tag: str = "p") -> str | None:
    """The boilerplate kind of a block of text inside the story's container, or None for story text."""
    kind = classify_chrome_text(text)
    if kind is not None:
        return kind
    if is_related_lead(text):
        return "related"
    if looks_like_byline(text):
        return "byline"
    if dates.is_date_line(text):
        return "byline" if dates.date_label(text) else "other"
    return None


def extract_html(html: str, url: str | None = None) -> Article:
    """Extract one HTML page."""
    tree = parse_html(html)
    meta = read_metadata(tree, url)
    tree.strip_tags(INVISIBLE_TAGS)
    chrome = ChromeMap()
    site_name = meta.site_name or site_name_from_markup(tree)
    title, title_node = find_title(tree, chrome, meta, site_name)
    body = find_body(tree, chrome, classify_block_text, title)
    removed = list(body.removed)

    authors, byline_texts = authors_from_markup(tree, chrome, site_name)
    if meta.authors:
        authors = list(meta.authors)
    removed.extend(Boilerplate(text=t, kind="byline") for t in byline_texts
                   if not any(t in b.text for b in removed))
    author_bio = meta.author_bio or bio_from_markup(tree, chrome, authors)
    if author_bio and not any(b.kind == "author-bio" and author_bio in b.text for b in removed):
        removed.append(Boilerplate(text=author_bio, kind="author-bio"))

    chosen = choose_dates(tree, chrome, meta, title_node, body.block_nodes, meta.url or url)
    removed = chosen.removed + removed
    categories = meta.categories or terms_from_markup(tree, chrome, "category")
    tags = meta.tags or terms_from_markup(tree, chrome, "tag", exclude=set(categories))
    text = "\n\n".join(body.paragraphs)
    language = detect_language(text) if text else None
    if language is None and meta.language_hint:
        language = meta.language_hint.split("-")[0].lower() or None
    return Article(
        url=meta.url or url,
        title=title,
        published=chosen.published.iso() if chosen.published else None,
        modified=chosen.modified.iso() if chosen.modified else None,
        authors=authors,
        author_bio=author_bio,
        site_name=site_name,
        language=language,
        categories=categories,
        tags=tags,
        paragraphs=body.paragraphs,
        text=text,
        boilerplate=removed,
    )
