"""Tests for khabar.extraction.metadata: JSON-LD (clean and broken), OpenGraph, microdata, titles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from khabar.extraction.metadata import parse_jsonld, read_metadata, strip_site_suffix

CORPUS = Path("/work/shared/corpus")


def page(head: str, body: str = "<p>कुछ पाठ</p>", lang: str = "hi") -> LexborHTMLParser:
    return LexborHTMLParser(
        f'<!doctype html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>'
    )


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


YOAST_GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@type": "NewsArticle",
            "@id": "https://khabar.example/2021/04/08/lavrov/#article",
            "isPartOf": {"@id": "https://khabar.example/2021/04/08/lavrov/"},
            "author": {"@id": "https://khabar.example/#/schema/person/1"},
            "headline": "पाकिस्तान पहुंचे लावरोव",
            "datePublished": "2021-04-08T04:42:00+00:00",
            "dateModified": "2021-04-09T06:00:00+00:00",
            "mainEntityOfPage": {"@id": "https://khabar.example/2021/04/08/lavrov/"},
            "publisher": {"@id": "https://khabar.example/#organization"},
            "keywords": ["रूस", "पाकिस्तान"],
            "articleSection": ["अंतरराष्ट्रीय"],
            "inLanguage": "hi-IN",
        },
        {
            "@type": "WebPage",
            "@id": "https://khabar.example/2021/04/08/lavrov/",
            "url": "https://khabar.example/2021/04/08/lavrov/",
            "datePublished": "2020-01-01T00:00:00+00:00",
        },
        {"@type": "Organization", "@id": "https://khabar.example/#organization", "name": "खबर संसार"},
        {
            "@type": "Person",
            "@id": "https://khabar.example/#/schema/person/1",
            "name": "आदित्य सिंह",
            "description": "दिल्ली विश्वविद्यालय से इतिहास का छात्र।",
        },
    ],
}


def test_jsonld_graph_with_references():
    meta = read_metadata(page(ld(YOAST_GRAPH) + "<title>पाकिस्तान पहुंचे लावरोव - खबर संसार</title>"))
    assert meta.published.iso() == "2021-04-08T04:42:00+00:00"
    assert meta.published_source == "jsonld"
    assert meta.modified.date_key() == "2021-04-09"
    assert meta.authors == ["आदित्य सिंह"]
    assert not meta.author_is_org
    assert meta.author_bio == "दिल्ली विश्वविद्यालय से इतिहास का छात्र।"
    assert meta.site_name == "खबर संसार"
    assert meta.title == "पाकिस्तान पहुंचे लावरोव"
    assert meta.page_title == "पाकिस्तान पहुंचे लावरोव - खबर संसार"
    assert meta.tags == ["रूस", "पाकिस्तान"]
    assert meta.categories == ["अंतरराष्ट्रीय"]
    assert meta.types == ["NewsArticle", "WebPage", "Organization", "Person"]


def test_jsonld_article_in_main_entity_and_list():
    data = [
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []},
        {
            "@type": "WebPage",
            "mainEntity": {
                "@type": ["ReportageNewsArticle"],
                "headline": "शीर्षक",
                "datePublished": "2023-11-14T09:40:00+05:30",
                "author": [{"@type": "Person", "name": "रीना शर्मा"}, {"@type": "Person", "name": "Amit Rao"}],
            },
        },
    ]
    meta = read_metadata(page(ld(data)))
    assert meta.published.iso() == "2023-11-14T09:40:00+05:30"
    assert meta.authors == ["रीना शर्मा", "Amit Rao"]
    assert meta.title == "शीर्षक"
    assert "ReportageNewsArticle" in meta.types


def test_webpage_dates_are_a_last_resort():
    data = {"@type": "WebPage", "datePublished": "2021-04-08T10:12:00+05:30", "name": "x"}
    og = '<meta property="article:published_time" content="2021-04-07T08:00:00+05:30">'
    assert read_metadata(page(ld(data) + og)).published_source == "meta"
    meta = read_metadata(page(ld(data)))
    assert meta.published.iso() == "2021-04-08T10:12:00+05:30"
    assert meta.published_source == "jsonld-page"


def test_article_matching_page_url_wins_over_related_articles():
    related = {
        "@type": "NewsArticle",
        "headline": "दूसरी खबर",
        "datePublished": "2024-02-21T18:05:00+05:30",
        "url": "https://khabar.example/other/",
    }
    own = {
        "@type": "NewsArticle",
        "headline": "यह खबर",
        "datePublished": "2021-04-08T10:12:00+05:30",
        "mainEntityOfPage": "https://khabar.example/this/",
    }
    tree = page(ld([related, own]) + '<link rel="canonical" href="https://khabar.example/this/">')
    meta = read_metadata(tree)
    assert meta.title == "यह खबर"
    assert meta.published.date_key() == "2021-04-08"


BROKEN_JSONLD = [
    # trailing commas
    '{"@type": "NewsArticle", "headline": "शीर्षक", "datePublished": "2021-04-08T10:12:00+05:30",}',
    # raw newline (control character) inside a string
    '{"@type": "NewsArticle", "headline": "पहली पंक्ति\nदूसरी", "datePublished": "2021-04-08T10:12:00+05:30"}',
    # HTML comment wrapper and CDATA
    '<!--\n{"@type": "NewsArticle", "datePublished": "2021-04-08T10:12:00+05:30"}\n-->',
    '//<![CDATA[\n{"@type": "NewsArticle", "datePublished": "2021-04-08T10:12:00+05:30"}\n//]]>',
    # several objects in one script
    '{"@type": "BreadcrumbList"}\n{"@type": "NewsArticle", "datePublished": "2021-04-08T10:12:00+05:30"}',
    # entity-escaped content
    "{&quot;@type&quot;: &quot;NewsArticle&quot;, &quot;datePublished&quot;: &quot;2021-04-08T10:12:00+05:30&quot;}",
    # invalid \' escape and a trailing comma in a list
    '{"@type": ["NewsArticle",], "headline": "It\\\'s", "datePublished": "2021-04-08T10:12:00+05:30"}',
]


@pytest.mark.parametrize("script", BROKEN_JSONLD)
def test_broken_jsonld_is_read(script):
    tree = page(f'<script type="application/ld+json">{script}</script>')
    meta = read_metadata(tree)
    assert meta.published is not None and meta.published.iso() == "2021-04-08T10:12:00+05:30"
    assert meta.published_source == "jsonld"


def test_hopeless_jsonld_yields_nothing():
    assert parse_jsonld("{not json at all") == []
    meta = read_metadata(page('<script type="application/ld+json">{not json</script>'))
    assert meta.published is None and meta.types == []


def test_open_graph_only_page():
    head = """
    <title>दिल्ली में बारिश का अलर्ट | समाचार दर्पण</title>
    <meta property="og:site_name" content="समाचार दर्पण">
    <meta property="og:title" content="दिल्ली में बारिश का अलर्ट - समाचार दर्पण">
    <meta property="og:url" content="https://darpan.example/2025/06/26/rain/">
    <meta property="og:locale" content="hi_IN">
    <meta property="og:description" content="अगले 48 घंटे भारी बारिश">
    <meta property="article:published_time" content="2025-06-26T07:55:00+05:30">
    <meta property="article:modified_time" content="2025-06-26T09:00:00+05:30">
    <meta property="article:author" content="https://www.facebook.com/darpan">
    <meta name="author" content="सुनील कुमार">
    <meta property="article:section" content="मौसम">
    <meta property="article:tag" content="बारिश">
    <meta property="article:tag" content="दिल्ली">
    <meta name="keywords" content="spam, words">
    """
    meta = read_metadata(page(head, lang="en-US"))
    assert meta.title == "दिल्ली में बारिश का अलर्ट"
    assert meta.site_name == "समाचार दर्पण"
    assert meta.url == "https://darpan.example/2025/06/26/rain/"
    assert meta.published.iso() == "2025-06-26T07:55:00+05:30" and meta.published_source == "meta"
    assert meta.modified.iso() == "2025-06-26T09:00:00+05:30"
    assert meta.authors == ["सुनील कुमार"]
    assert meta.categories == ["मौसम"]
    assert meta.tags == ["बारिश", "दिल्ली"]
    assert meta.description == "अगले 48 घंटे भारी बारिश"
    assert meta.language_hint == "en"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("publish-date", "2021-04-08"),
        ("pubdate", "20210408"),
        ("DC.date.issued", "2021-04-08"),
        ("sailthru.date", "Thu, 08 Apr 2021 10:12:00 +0530"),
        ("parsely-pub-date", "2021-04-08T04:42:00Z"),
    ],
)
def test_other_date_meta_names(name, value):
    meta = read_metadata(page(f'<meta name="{name}" content="{value}">'))
    assert meta.published is not None and meta.published.date_key() == "2021-04-08"


def test_itemprop_dates_skip_comments():
    body = """
    <article itemscope itemtype="https://schema.org/NewsArticle">
      <time itemprop="datePublished" datetime="2021-04-08T10:12:00+05:30">8 अप्रैल 2021</time>
      <span itemprop="dateModified" content="2021-04-09">9 अप्रैल</span>
    </article>
    """
    comment = """
    <div itemscope itemtype="https://schema.org/Comment">
      <time itemprop="datePublished" datetime="2024-07-31T10:20:00+05:30">July 31, 2024</time>
    </div>
    """
    meta = read_metadata(page("", comment + body))
    assert meta.published.iso() == "2021-04-08T10:12:00+05:30" and meta.published_source == "itemprop"
    assert meta.modified.iso() == "2021-04-09"
    only_comment = read_metadata(page("", comment))
    assert only_comment.published is None


def test_organization_author():
    data = {
        "@type": "NewsArticle",
        "headline": "x",
        "author": {"@type": "NewsMediaOrganization", "name": "डेस्क"},
    }
    meta = read_metadata(page(ld(data)))
    assert meta.authors == ["डेस्क"] and meta.author_is_org


def test_author_equal_to_site_name_is_an_organization():
    head = '<meta property="og:site_name" content="खबर संसार"><meta name="author" content="खबर संसार">'
    meta = read_metadata(page(head))
    assert meta.authors == ["खबर संसार"] and meta.author_is_org


def test_string_and_url_authors():
    data = {"@type": "Article", "author": ["रीना शर्मा", "https://khabar.example/author/reena/"]}
    meta = read_metadata(page(ld(data)))
    assert meta.authors == ["रीना शर्मा"]
    assert not meta.author_is_org


def test_parsely_author_fallback():
    meta = read_metadata(page('<meta name="parsely-author" content="Amit Rao">'))
    assert meta.authors == ["Amit Rao"]


def test_relative_canonical_is_resolved():
    tree = page('<link rel="canonical" href="/2021/04/08/lavrov/">')
    meta = read_metadata(tree, url="https://khabar.example/?p=16")
    assert meta.url == "https://khabar.example/2021/04/08/lavrov/"


def test_relative_canonical_against_og_url_and_base():
    head = '<meta property="og:url" content="https://a.example/x/"><link rel="canonical" href="../y/">'
    assert read_metadata(page(head)).url == "https://a.example/y/"
    head = '<base href="https://b.example/news/"><link rel="canonical" href="story/">'
    assert read_metadata(page(head), url="https://other.example/").url == "https://b.example/news/story/"


def test_url_falls_back_to_given_url():
    assert read_metadata(page(""), url="https://khabar.example/a/").url == "https://khabar.example/a/"
    assert read_metadata(page("")).url is None


def test_site_name_from_wordpress_feed_link():
    head = '<link rel="alternate" type="application/rss+xml" title="समाचार दर्पण &raquo; Feed" href="/feed/">'
    head += "<title>गठबंधन की बैठक &#8211; समाचार दर्पण</title>"
    meta = read_metadata(page(head))
    assert meta.site_name == "समाचार दर्पण"
    assert meta.title == "गठबंधन की बैठक"


def test_site_name_from_publisher_and_keywords_string():
    data = {
        "@type": "BlogPosting",
        "publisher": {"@type": "Organization", "name": "Hindi Khabar"},
        "keywords": "राजनीति, चुनाव,लखनऊ",
        "articleSection": "राज्य",
    }
    meta = read_metadata(page(ld(data)))
    assert meta.site_name == "Hindi Khabar"
    assert meta.tags == ["राजनीति", "चुनाव", "लखनऊ"]
    assert meta.categories == ["राज्य"]


def test_meta_keywords_only_when_nothing_better():
    meta = read_metadata(page('<meta name="keywords" content="रूस, पाकिस्तान">'))
    assert meta.tags == ["रूस", "पाकिस्तान"]


def test_language_hint_sources():
    assert read_metadata(page("", lang="hi-IN")).language_hint == "hi"
    tree = LexborHTMLParser('<html><head><meta http-equiv="content-language" content="mr"></head></html>')
    assert read_metadata(tree).language_hint == "mr"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("पाकिस्तान पहुंचे लावरोव - खबर संसार", "खबर संसार", "पाकिस्तान पहुंचे लावरोव"),
        ("पाकिस्तान पहुंचे लावरोव | खबर संसार", "खबर संसार", "पाकिस्तान पहुंचे लावरोव"),
        ("पाकिस्तान पहुंचे लावरोव – खबर संसार", "खबर संसार", "पाकिस्तान पहुंचे लावरोव"),
        ("पाकिस्तान पहुंचे लावरोव :: खबर संसार", "खबर संसार", "पाकिस्तान पहुंचे लावरोव"),
        ("पाकिस्तान पहुंचे लावरोव - Hindi News", None, "पाकिस्तान पहुंचे लावरोव"),
        ("बारिश का अलर्ट - Hindi News - अमर समाचार", "अमर समाचार", "बारिश का अलर्ट"),
        ("बारिश का अलर्ट | हिंदी न्यूज़ | Amar Samachar", "amar samachar", "बारिश का अलर्ट"),
        ("बारिश का अलर्ट - AmarSamachar.com", None, "बारिश का अलर्ट"),
        ("बारिश का अलर्ट - Amar Samachar", "amarsamachar.com", "बारिश का अलर्ट"),
        ("खबर संसार | पाकिस्तान पहुंचे लावरोव", "खबर संसार", "पाकिस्तान पहुंचे लावरोव"),
        ("भारत - पाकिस्तान मैच आज", "खबर संसार", "भारत - पाकिस्तान मैच आज"),
        ("मोदी: विकास ही लक्ष्य", "खबर संसार", "मोदी: विकास ही लक्ष्य"),
        ("खबर संसार", "खबर संसार", "खबर संसार"),
        ("  शीर्षक   यहाँ  ", None, "शीर्षक यहाँ"),
    ],
)
def test_strip_site_suffix(title, site, expected):
    assert strip_site_suffix(title, site) == expected


def test_corpus_pages_read_without_errors():
    pages = sorted((CORPUS / "pages").glob("*.html")) if CORPUS.is_dir() else []
    if not pages:
        pytest.skip("development corpus not available")
    for path in pages:
        gold = json.loads((CORPUS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        meta = read_metadata(LexborHTMLParser(path.read_text(encoding="utf-8")))
        if meta.site_name:
            assert meta.site_name == gold["site_name"]
            assert meta.title == gold["title"]
        chrome = set(gold.get("chrome_dates_iso") or [])
        if meta.published is not None:
            assert meta.published.date_key() not in chrome


def test_jsonld_epoch_number_dates():
    data = {"@type": "NewsArticle", "datePublished": 1617856920, "dateModified": 1617943320000}
    meta = read_metadata(page(ld(data)))
    assert meta.published.iso() == "2021-04-08T04:42:00+00:00"
    assert meta.modified.iso() == "2021-04-09T04:42:00+00:00"


def test_jsonld_implausible_epoch_is_ignored():
    meta = read_metadata(page(ld({"@type": "NewsArticle", "datePublished": 0})))
    assert meta.published is None
