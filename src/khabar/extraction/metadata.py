"""Page metadata: what JSON-LD, ``<meta>`` tags, microdata and ``<link>`` say about a page.

This module reports evidence; it does not decide the final publication date (the HTML extractor
weighs these candidates against visible dates and page chrome). Meta names and schema.org types are
data (``rules/meta_names.txt``, ``rules/jsonld_types.txt``, ``rules/title_tails.txt``).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from khabar.extraction.dates import DateValue, parse_machine_date
from khabar.extraction.rules import rule_lines


@dataclass(slots=True)
class PageMetadata:
    """Metadata candidates for one page; dates carry where they came from in ``*_source``."""

    title: str | None = None
    site_name: str | None = None
    url: str | None = None
    published: DateValue | None = None
    modified: DateValue | None = None
    authors: list[str] = field(default_factory=list)
    author_is_org: bool = False
    author_bio: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language_hint: str | None = None
    description: str | None = None
    page_title: str | None = None
    types: list[str] = field(default_factory=list)
    published_source: str | None = None
    modified_source: str | None = None


# --- data files -------------------------------------------------------------------------------------


@cache
def _meta_names() -> dict[str, tuple[str, ...]]:
    """Field -> meta names in priority order, from ``rules/meta_names.txt``."""
    table: dict[str, list[str]] = {}
    for line in rule_lines("meta_names.txt"):
        name_field, name = line.split(None, 1)
        table.setdefault(name_field, []).append(name.lower())
    return {key: tuple(names) for key, names in table.items()}


@cache
def _type_roles() -> dict[str, str]:
    """schema.org type (lower-case) -> role (article, page, organization, site)."""
    return {
        name.lower(): role for role, name in (line.split(None, 1) for line in rule_lines("jsonld_types.txt"))
    }


@cache
def _title_tails() -> frozenset[str]:
    return frozenset(_squash(line) for line in rule_lines("title_tails.txt"))


# --- small text helpers -----------------------------------------------------------------------------


def _clean(value: Any) -> str | None:
    """A single-line, entity-decoded string, or None when ``value`` is not a non-empty string."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    text = re.sub(r"\s+", " ", html.unescape(value)).strip()
    return text or None


def _squash(text: str) -> str:
    """Case-folded letters, marks and digits only: for comparing names loosely."""
    return "".join(ch for ch in text.casefold() if unicodedata.category(ch)[0] in "LMN")


def _unique(values: Iterable[str | None]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        if value and _squash(value) and _squash(value) not in seen:
            seen.add(_squash(value))
            out.append(value)
    return out


def _looks_like_url(text: str) -> bool:
    return bool(re.match(r"(?:https?:)?//|www\.", text, re.IGNORECASE))


def _primary_language(tag: str | None) -> str | None:
    if not tag:
        return None
    m = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s*$)", tag)
    return m.group(1).lower() if m else None


# --- JSON-LD ----------------------------------------------------------------------------------------


def parse_jsonld(text: str) -> list[Any]:
    """Every JSON value in one ``ld+json`` script, tolerating the usual breakage.

    Handles HTML comments and CDATA wrappers, entity-escaped markup, raw control characters in
    strings, trailing commas, invalid ``\\'`` escapes, and several objects in one script.
    """
    text = _unwrap_script(text)
    if not text:
        return []
    repaired = re.sub(r",\s*([}\]])", r"\1", text.replace("\\'", "'"))
    for candidate in (text, repaired):
        values = _decode_all(candidate)
        if values:
            return values
    return []


def _unwrap_script(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^(?:<!--|(?://\s*)?<!\[CDATA\[)\s*|\s*(?:-->|(?://\s*)?\]\]>)$", "", text).strip()
    if text.startswith(("{&quot;", "[&quot;", "&lt;", "{ &quot;")) or ("&quot;" in text and '"' not in text):
        text = html.unescape(text)
    return text


def _decode_all(text: str) -> list[Any]:
    decoder = json.JSONDecoder(strict=False)
    values, pos = [], 0
    while True:
        while pos < len(text) and (text[pos].isspace() or text[pos] in ",;"):
            pos += 1
        if pos >= len(text):
            return values
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            return values
        values.append(value)


def _type_names(node: dict) -> list[str]:
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return [re.sub(r"^(?:https?://schema\.org/|schema:)", "", n.strip()) for n in names if isinstance(n, str)]


def _walk_nodes(value: Any) -> Iterator[dict]:
    """Typed nodes in a JSON-LD value: top level, ``@graph``, lists, ``mainEntity``."""
    if isinstance(value, list):
        for item in value:
            yield from _walk_nodes(item)
    elif isinstance(value, dict):
        if "@type" in value:
            yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(value.get(key), dict | list):
                yield from _walk_nodes(value[key])


@dataclass(slots=True)
class _JsonLd:
    nodes: list[dict]
    by_id: dict[str, dict]

    @classmethod
    def from_tree(cls, tree: LexborHTMLParser) -> _JsonLd:
        nodes: list[dict] = []
        for script in tree.css("script"):
            if "ld+json" in (script.attributes.get("type") or "").lower():
                for value in parse_jsonld(script.text(deep=True)):
                    nodes.extend(_walk_nodes(value))
        by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
        return cls(nodes, by_id)

    def resolve(self, value: Any) -> Any:
        """The full node for an ``{"@id": ...}`` reference, else ``value`` itself."""
        if isinstance(value, dict) and isinstance(value.get("@id"), str) and "name" not in value:
            return self.by_id.get(value["@id"], value)
        return value

    def with_role(self, role: str) -> list[dict]:
        roles = _type_roles()
        return [n for n in self.nodes if any(roles.get(t.lower()) == role for t in _type_names(n))]

    def type_names(self) -> list[str]:
        return _unique(t for n in self.nodes for t in _type_names(n))

    def main_article(self, page_urls: list[str]) -> dict | None:
        """The article node for this page: one naming the page's URL, else the first with a date."""
        articles = self.with_role("article")
        wanted = {_url_key(u) for u in page_urls if u}
        for node in articles:
            if wanted & {_url_key(u) for u in self._node_urls(node)}:
                return node
        dated = [n for n in articles if n.get("datePublished") or n.get("headline")]
        return (dated or articles or [None])[0]

    def _node_urls(self, node: dict) -> list[str]:
        entity = node.get("mainEntityOfPage")
        values = [node.get("url"), node.get("@id"), entity.get("@id") if isinstance(entity, dict) else entity]
        return [v for v in values if isinstance(v, str)]


def _url_key(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")).lower()


# --- <meta> and microdata ---------------------------------------------------------------------------


def _meta_table(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """Meta name (lower-case) -> its contents in page order, from name/property/http-equiv."""
    table: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if content is None or not content.strip():
            continue
        for key in ("property", "name", "http-equiv"):
            for name in (attrs.get(key) or "").lower().split():
                table.setdefault(name, []).append(html.unescape(content).strip())
    return table


def _meta_first(table: dict[str, list[str]], field_name: str) -> str | None:
    for name in _meta_names().get(field_name, ()):
        for value in table.get(name, ()):
            if value:
                return value
    return None


def _meta_all(table: dict[str, list[str]], field_name: str) -> list[str]:
    return [value for name in _meta_names().get(field_name, ()) for value in table.get(name, ())]


def _meta_date(table: dict[str, list[str]], field_name: str) -> DateValue | None:
    for name in _meta_names().get(field_name, ()):
        for value in table.get(name, ()):
            parsed = parse_machine_date(value)
            if parsed is not None:
                return parsed
    return None


def _in_comment_scope(node: LexborNode) -> bool:
    """True when the nearest microdata item around ``node`` is a comment or review."""
    parent = node.parent
    while parent is not None:
        attrs = parent.attributes
        if "itemscope" in attrs:
            return bool(re.search(r"Comment|Review|Answer", attrs.get("itemtype") or ""))
        parent = parent.parent
    return False


def _itemprop_date(tree: LexborHTMLParser, prop: str) -> DateValue | None:
    for node in tree.css(f'[itemprop~="{prop}"]'):
        if _in_comment_scope(node):
            continue
        attrs = node.attributes
        raw = attrs.get("content") or attrs.get("datetime") or node.text(deep=True)
        parsed = parse_machine_date(raw or "")
        if parsed is not None:
            return parsed
    return None


# --- fields -----------------------------------------------------------------------------------------


def _authors_from_jsonld(ld: _JsonLd, article: dict | None) -> tuple[list[str], bool, str | None]:
    """Names, whether they are all organisations, and the first person's bio."""
    if article is None:
        return [], False, None
    raw = article.get("author") or article.get("creator")
    entries = raw if isinstance(raw, list) else [raw]
    names, orgs, bio = [], [], None
    roles = _type_roles()
    for entry in entries:
        node = ld.resolve(entry)
        name = _clean(node)
        if not name or _looks_like_url(name):
            continue
        is_org = isinstance(node, dict) and any(
            roles.get(t.lower()) == "organization" for t in _type_names(node)
        )
        names.append(name)
        orgs.append(is_org)
        if bio is None and isinstance(node, dict) and not is_org:
            bio = _clean(node.get("description"))
    return names, bool(names) and all(orgs), bio


def _authors_from_meta(table: dict[str, list[str]]) -> list[str]:
    names = []
    for value in _meta_all(table, "author"):
        if not _looks_like_url(value) and not value.startswith("@"):
            names.append(re.sub(r"\s+", " ", value).strip())
    return _unique(names)


def _site_name(
    tree: LexborHTMLParser, table: dict[str, list[str]], ld: _JsonLd, article: dict | None
) -> str | None:
    og = _clean(table.get("og:site_name"))
    if og:
        return og
    publisher = ld.resolve(article.get("publisher")) if article else None
    candidates = [publisher] + ld.with_role("site") + ld.with_role("organization")
    for node in candidates:
        name = _clean(node) if isinstance(node, dict | str) else None
        if name:
            return name
    return _meta_first(table, "site_name") or _feed_site_name(tree)


def _feed_site_name(tree: LexborHTMLParser) -> str | None:
    """The site name in a feed link title (WordPress prints ``Site » Feed`` on every page)."""
    for link in tree.css("link[rel][title]"):
        attrs = link.attributes
        if "alternate" in (attrs.get("rel") or "").lower() and re.search(
            r"rss|atom", attrs.get("type") or ""
        ):
            parts = re.split(r"\s+[»›]\s+", _clean(attrs.get("title")) or "")
            if len(parts) >= 2 and parts[0]:
                return parts[0]
    return None


def _canonical_url(tree: LexborHTMLParser, table: dict[str, list[str]], url: str | None) -> str | None:
    base_node = tree.css_first("base[href]")
    base = urljoin(url or "", base_node.attributes.get("href") or "") if base_node else url
    og_url = _meta_first(table, "url")
    for link in tree.css("link[rel][href]"):
        if "canonical" in (link.attributes.get("rel") or "").lower().split():
            resolved = _absolute(link.attributes.get("href") or "", base or og_url)
            if resolved:
                return resolved
    if og_url:
        return _absolute(og_url, base) or url
    return url


def _absolute(href: str, base: str | None) -> str | None:
    href = href.strip()
    if not href:
        return None
    joined = urljoin(base, href) if base else href
    return joined if urlsplit(joined).scheme in ("http", "https") else None


def _split_terms(values: Iterable[Any], split_commas: bool = True) -> list[str]:
    out: list[str] = []
    for value in values:
        if isinstance(value, list):
            out.extend(_split_terms(value, split_commas=False))
            continue
        text = _clean(value)
        if text:
            parts = re.split(r"\s*[,،]\s*", text) if split_commas else [text]
            out.extend(p.strip() for p in parts if p.strip())
    return out


def _categories(table: dict[str, list[str]], article: dict | None) -> list[str]:
    from_ld = _split_terms([article.get("articleSection")]) if article else []
    return _unique(from_ld + _split_terms(_meta_all(table, "section"), split_commas=False))


def _tags(table: dict[str, list[str]], article: dict | None) -> list[str]:
    from_ld = _split_terms([article.get("keywords")]) if article else []
    tags = _unique(from_ld + _split_terms(_meta_all(table, "tag")))
    return tags or _unique(_split_terms(_meta_all(table, "keywords")))


def _page_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    return _clean(node.text(deep=True)) if node else None


def _language_hint(tree: LexborHTMLParser, table: dict[str, list[str]], article: dict | None) -> str | None:
    html_node = tree.css_first("html")
    candidates = [html_node.attributes.get("lang") if html_node else None]
    candidates += _meta_all(table, "locale")
    candidates.append(_clean(article.get("inLanguage")) if article else None)
    return next((code for code in map(_primary_language, candidates) if code), None)


def _dates(
    tree: LexborHTMLParser, table: dict[str, list[str]], ld: _JsonLd, article: dict | None, key: str
) -> tuple[DateValue | None, str | None]:
    """The date for ``key`` (``published``/``modified``) and its source, most trusted first."""
    ld_key = "datePublished" if key == "published" else "dateModified"
    pages = ld.with_role("page")
    candidates = (
        ("jsonld", lambda: _ld_date(article, ld_key)),
        ("meta", lambda: _meta_date(table, key)),
        ("itemprop", lambda: _itemprop_date(tree, ld_key)),
        ("jsonld-page", lambda: next((d for d in (_ld_date(p, ld_key) for p in pages) if d), None)),
    )
    for source, read in candidates:
        value = read()
        if value is not None:
            return value, source
    return None, None


def _ld_date(node: dict | None, key: str) -> DateValue | None:
    if not node:
        return None
    raw = node.get(key)
    if raw is None and key == "datePublished":
        raw = node.get("dateCreated")
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        raw = str(int(raw))
    text = _clean(raw)
    return parse_machine_date(text) if text else None


def read_metadata(tree: LexborHTMLParser, url: str | None = None) -> PageMetadata:
    """Everything the page's machine-readable metadata says about it."""
    table = _meta_table(tree)
    ld = _JsonLd.from_tree(tree)
    canonical = _canonical_url(tree, table, url)
    article = ld.main_article([u for u in (canonical, url) if u])
    published, published_source = _dates(tree, table, ld, article, "published")
    modified, modified_source = _dates(tree, table, ld, article, "modified")
    site_name = _site_name(tree, table, ld, article)
    authors, author_is_org, bio = _authors_from_jsonld(ld, article)
    if not authors:
        authors = _authors_from_meta(table)
    if site_name and len(authors) == 1 and _squash(authors[0]) == _squash(site_name):
        author_is_org = True
    page_title = _page_title(tree)
    title_candidates = [_clean(article.get("headline") or article.get("name")) if article else None]
    title_candidates += [_meta_first(table, "title"), page_title]
    title = next((strip_site_suffix(t, site_name) for t in title_candidates if t), None)
    description = _meta_first(table, "description") or (
        _clean(article.get("description")) if article else None
    )
    return PageMetadata(
        title=title,
        site_name=site_name,
        url=canonical,
        published=published,
        modified=modified,
        authors=authors,
        author_is_org=author_is_org,
        author_bio=bio,
        categories=_categories(table, article),
        tags=_tags(table, article),
        language_hint=_language_hint(tree, table, article),
        description=description,
        page_title=page_title,
        types=ld.type_names(),
        published_source=published_source,
        modified_source=modified_source,
    )


# --- titles -----------------------------------------------------------------------------------------

_TITLE_SEPARATOR = re.compile(r"\s*(?:\|\||\|)\s*|\s+(?:::|[-–—:·•»«/~])\s+")
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|in|net|org|co|news|info|live|tv|co\.in)$", re.I)


def _is_site_tail(tail: str, site_name: str | None) -> bool:
    """True when a title segment is the site's name, its domain, or a generic tail like "Hindi News"."""
    squashed = _squash(tail)
    if not squashed:
        return False
    if squashed in _title_tails() or _DOMAIN.match(tail.strip()):
        return True
    if not site_name:
        return False
    site = _squash(site_name)
    site_bare = _squash(re.sub(r"\.(?:com|in|net|org|co\.in|news)$", "", site_name.strip(), flags=re.I))
    if squashed in (site, site_bare) or _squash(re.sub(r"\.\w+$", "", tail.strip())) == site_bare:
        return True
    for name in (site, site_bare):
        if name and squashed.startswith(name) and squashed[len(name) :] in _title_tails():
            return True
    return False


def strip_site_suffix(title: str, site_name: str | None) -> str:
    """``title`` without trailing (or leading) segments that name the site or are generic tails."""
    title = re.sub(r"\s+", " ", title).strip()
    while True:
        separators = list(_TITLE_SEPARATOR.finditer(title))
        if not separators:
            break
        last = separators[-1]
        head, tail = title[: last.start()].strip(), title[last.end() :]
        if not head or not _is_site_tail(tail, site_name):
            break
        title = head
    first = _TITLE_SEPARATOR.search(title)
    if first and site_name and _squash(title[: first.start()]) == _squash(site_name):
        rest = title[first.end() :].strip()
        if rest:
            title = rest
    return title
