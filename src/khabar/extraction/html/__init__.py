"""HTML extraction: from markup to an :class:`~khabar.records.Article`.

Steps, each in its own module: parse (:mod:`.dom`), read metadata (:mod:`khabar.extraction.metadata`),
mark chrome regions (:mod:`.chrome`), find the headline (:mod:`.title`), the body (:mod:`.content`),
the people and taxonomy (:mod:`.people`) and the dates (:mod:`.published`).
"""

from __future__ import annotations

import re

from khabar.extraction import dates
from khabar.extraction.html.chrome import ChromeMap
from khabar.extraction.html.content import find_body, listing_body
from khabar.extraction.html.dom import INVISIBLE_TAGS, parse_html, text_of
from khabar.extraction.html.people import (
    authors_from_markup,
    authors_near_title,
    bio_from_markup,
    site_name_from_markup,
    site_name_from_title,
    terms_from_markup,
)
from khabar.extraction.html.published import choose_dates
from khabar.extraction.html.title import find_title
from khabar.extraction.html.vicinity import locate
from khabar.extraction.language import detect_language
from khabar.extraction.metadata import read_metadata, strip_site_suffix
from khabar.extraction.phrases import classify_chrome_text, heading_kind
from khabar.records import Article, Boilerplate

__all__ = ["extract_html", "classify_block_text"]

#: JSON-LD types of pages that are media with a caption rather than a story.
MEDIA_TYPES = frozenset({"VideoObject", "ImageGallery", "MediaGallery", "AudioObject", "PodcastEpisode"})
MEDIA_MAX_STORY_CHARS = 400
#: A line that is only a date (with its label and time) is never longer than this.
MAX_DATE_LINE_CHARS = 100
_DIGIT = re.compile(r"[0-9\u0966-\u096f]")


def classify_block_text(text: str, tag: str = "p") -> str | None:
    """The boilerplate kind of a block of text inside the story's container, or None for story text.

    Chrome phrases, "also read" leads, bylines and widget dates come from
    :func:`~khabar.extraction.phrases.classify_chrome_text`; a line that is only a date is the byline's.
    """
    kind = classify_chrome_text(text)
    if kind is None and len(text) <= MAX_DATE_LINE_CHARS and _DIGIT.search(text) and dates.is_date_line(text):
        kind = "byline" if dates.date_label(text) else "other"
    return kind


def _language(text: str, hint: str | None) -> str | None:
    """Language of the text, else the page's declared language."""
    found = detect_language(text) if text else None
    if found is None and hint:
        found = hint.split("-")[0].lower() or None
    return found


def _media_page(tree, meta, paragraphs: list[str]) -> bool:
    """A video or photo-gallery page whose only text is a short description is not a story."""
    og_type = tree.css_first('meta[property="og:type"]')
    kind = (og_type.attributes.get("content") or "") if og_type is not None else ""
    media = kind.startswith(("video", "music")) or any(t in MEDIA_TYPES for t in meta.types)
    return media and sum(len(p) for p in paragraphs) < MEDIA_MAX_STORY_CHARS


def _no_article(tree, meta, url: str | None, site_name: str | None, listing: bool) -> Article:
    """The record of a page that holds no single story (a listing, a form, an empty shell)."""
    page_text = text_of(tree.body) if tree.body is not None else ""
    note = "listing of stories" if listing else "no story text"
    return Article(url=meta.url or url, site_name=site_name, language=_language(page_text[:5000], meta.language_hint),
                   boilerplate=[Boilerplate(text=note, kind="other")])


def extract_html(html: str, url: str | None = None) -> Article:
    """Extract one HTML page."""
    tree = parse_html(html)
    meta = read_metadata(tree, url)
    tree.strip_tags(INVISIBLE_TAGS)
    chrome = ChromeMap()
    chrome.mark_sections(tree, heading_kind)
    site_name = meta.site_name or site_name_from_markup(tree) or site_name_from_title(meta.page_title)
    hint = strip_site_suffix(meta.title or meta.page_title or "", site_name) or None
    body = find_body(tree, chrome, classify_block_text, hint)
    index_page = listing_body(tree)
    if not body.paragraphs or index_page or _media_page(tree, meta, body.paragraphs):
        return _no_article(tree, meta, url, site_name, body.listing or index_page)
    title, title_node = find_title(tree, chrome, meta, site_name)
    if title and body.paragraphs[0] == title:
        body.paragraphs.pop(0)
    removed = list(body.removed)

    near = locate(tree, title_node)
    body_ids = {n.mem_id for n in body.block_nodes}
    authors, byline_texts = authors_from_markup(tree, chrome, site_name)
    if not authors:
        authors, byline_texts = authors_near_title(near.after, chrome, site_name, body_ids)
    if meta.authors and not (meta.author_is_org and authors):
        authors = list(meta.authors)
    removed.extend(Boilerplate(text=t, kind="byline") for t in byline_texts
                   if not any(t in b.text for b in removed))
    author_bio = meta.author_bio or bio_from_markup(tree, chrome, authors)
    if author_bio and not any(b.kind == "author-bio" and author_bio in b.text for b in removed):
        removed.append(Boilerplate(text=author_bio, kind="author-bio"))

    chosen = choose_dates(tree, chrome, meta, near, body.block_nodes, meta.url or url)
    removed = chosen.removed + removed
    categories = meta.categories or terms_from_markup(tree, chrome, "category")
    tags = meta.tags or terms_from_markup(tree, chrome, "tag", exclude=set(categories))
    text = "\n\n".join(body.paragraphs)
    language = _language(text, meta.language_hint)
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
