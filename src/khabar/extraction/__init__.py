"""Extraction: one raw page (HTML or a plain-text dump) in, one :class:`~khabar.records.Article` out."""

from __future__ import annotations

import re

from khabar.records import Article, RawPage

_HTML_SNIFF = re.compile(r"<(?:!doctype|html|head|body|p|div|article|meta|title)\b[^<>]*>", re.I)


def looks_like_html(content: str) -> bool:
    """True when the first few kilobytes of ``content`` contain HTML markup."""
    return bool(_HTML_SNIFF.search(content[:4096]))


def extract(html_or_text: str | bytes, url: str | None = None, *, source: str | None = None) -> Article:
    """Extract one page given as HTML or as a plain-text dump; the kind is sniffed."""
    if isinstance(html_or_text, bytes):
        from khabar.sources.encoding import decode_bytes

        html_or_text = decode_bytes(html_or_text).text
    kind = "html" if looks_like_html(html_or_text) else "text"
    return extract_page(RawPage(source=source, content=html_or_text, kind=kind, url=url))


def extract_page(page: RawPage) -> Article:
    """The extraction pipeline step: never raises, a failure becomes a record with ``error`` set."""
    if page.error is not None or page.content is None:
        return Article.failed(page.source, page.error or "no content", url=page.url)
    try:
        if page.kind == "text":
            from khabar.extraction.plaintext import extract_text

            article = extract_text(page.content, url=page.url)
        else:
            from khabar.extraction.html import extract_html

            article = extract_html(page.content, url=page.url)
    except RecursionError:
        return Article.failed(page.source, "page nesting too deep to extract", url=page.url)
    except Exception as exc:  # noqa: BLE001 - one broken page must not stop a batch
        return Article.failed(page.source, f"extraction failed: {type(exc).__name__}: {exc}", url=page.url)
    article.source = page.source
    if article.url is None:
        article.url = page.url
    return article
