"""Scraped text is untrusted: hostile titles, bodies, authors, URLs and entity names must render as text,
and every response carries the security headers."""

from __future__ import annotations

import http.client
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from khabar.records import Article, Boilerplate, Entity, Quotation, Span
from khabar.runners.ingest import run_ingest
from khabar.store import open_store
from khabar.web import create_app
from khabar.web.server import background_server

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
BOLD = "<b onmouseover=alert(3)>रमेश</b>"

HOSTILE_PAGE = """<!doctype html><html lang="hi"><head><meta charset="utf-8">
<title>&lt;script&gt;alert(1)&lt;/script&gt; नगर निगम की बैठक में हंगामा</title>
<link rel="canonical" href="javascript:alert(document.cookie)">
<meta property="og:site_name" content="&lt;img src=x onerror=alert(2)&gt; समाचार">
<meta property="article:published_time" content="2024-04-01T09:30:00+05:30">
<meta name="author" content="&lt;b onmouseover=alert(3)&gt;रमेश&lt;/b&gt;">
</head><body><main><article><h1>&lt;script&gt;alert(1)&lt;/script&gt; नगर निगम की बैठक में हंगामा</h1>
<p class="byline">लेखक: &lt;b onmouseover=alert(3)&gt;रमेश&lt;/b&gt;</p>
<div class="entry-content">
<p>नगर निगम की बैठक में मंगलवार को जमकर हंगामा हुआ और पार्षदों ने &quot;&gt;&lt;img src=x onerror=alert(1)&gt;
लिखे पोस्टर लहराए। महापौर सुनीता शर्मा ने बैठक बीच में ही रोक दी।</p>
<p>सुनीता शर्मा ने संवाददाताओं से कहा, “&lt;script&gt;alert(4)&lt;/script&gt; जैसी हरकतें लोकतंत्र के लिए
ठीक नहीं हैं।” विपक्ष ने इस पर कड़ी आपत्ति जताई और सदन से बाहर चला गया।</p>
<p>शहर के लोगों ने बताया कि सड़कों की मरम्मत और सफ़ाई जैसे मुद्दे फिर से अधूरे रह गए हैं।</p>
</div></article>
<aside class="related"><h3>यह भी पढ़ें</h3><a href="javascript:alert(5)">&lt;svg onload=alert(5)&gt;</a></aside>
</main></body></html>"""

#: Every tag the app's own templates use; anything else in a page came from data.
OWN_TAGS = {
    "html", "head", "meta", "title", "link", "script", "body", "header", "nav", "main", "footer", "a", "span",
    "form", "label", "input", "button", "details", "summary", "div", "select", "option", "section", "p", "strong",
    "ol", "ul", "li", "time", "mark", "h1", "h2", "dl", "dt", "dd", "article", "q", "aside", "table", "thead",
    "tbody", "tr", "th", "td", "blockquote", "svg", "line", "rect", "text",
}


def hostile_article() -> Article:
    """An analysed record whose every field is an attack (stored through the Store interface)."""
    text = f"अमित ने कहा, “{SCRIPT} सब ठीक है।” फिर {IMG} हुआ।"
    quote_start, quote_end = text.index("“") + 1, text.index("”")
    return Article(
        source="https://evil.example/page", url="javascript:alert(document.domain)", title=IMG,
        published="2024-04-02", authors=[BOLD], author_bio=SCRIPT, site_name="<svg onload=alert(6)>",
        language="hi", categories=[SCRIPT], tags=[IMG], paragraphs=[text], text=text,
        boilerplate=[Boilerplate("<iframe src=javascript:alert(7)>", "share")],
        sentences=[Span(0, len(text))],
        entities=[Entity(0, 4, "PER", "अमित", f"अमित{SCRIPT}", gloss=IMG)],
        quotes=[Quotation(text[quote_start:quote_end], quote_start, quote_end, "speech", speaker=BOLD,
                          speaker_start=0, speaker_end=4, speaker_canonical=f"अमित{SCRIPT}", cue="कहा")],
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "pages").mkdir()
    (folder / "pages" / "hostile.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    store = open_store(folder / "hostile.db")
    try:
        run_ingest([str(folder / "pages")], store, progress=False)
        store.put(hostile_article(), "hostile-record")
        store.commit()
        stored = store.article(1)
        assert stored is not None and SCRIPT in stored.title and IMG in stored.text and BOLD in stored.authors
    finally:
        store.close()
    with background_server(create_app(folder / "hostile.db")) as url:
        yield url


def fetch(base: str, path: str, accept: str = "text/html") -> tuple[int, dict, str]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", path, headers={"Accept": accept})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
    finally:
        conn.close()


class TagAudit(HTMLParser):
    """Collects what would run or load in a browser: tags, event handlers, links, inline scripts/styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in OWN_TAGS:
            self.problems.append(f"foreign tag <{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or name == "style" or name == "srcdoc":
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction") and not value.startswith(
                ("/", "#", "http://", "https://")
            ):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "script":
            if dict(attrs).get("src") != "/static/khabar.js":
                self.problems.append("script not from /static")
            self.in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.problems.append("inline script")


def audit(body: str) -> list[str]:
    parser = TagAudit()
    parser.feed(body)
    parser.close()
    return parser.problems


def assert_safe_headers(headers: dict) -> None:
    csp = headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                      "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def pages_to_check(server: str) -> list[str]:
    code, _, body = fetch(server, "/search.json?size=100", "application/json")
    articles = [hit["path"] for hit in json.loads(body)["results"]]
    code, _, body = fetch(server, "/entities.json?size=100", "application/json")
    entities = [row["path"] for row in json.loads(body)["entities"]]
    assert len(articles) == 2 and entities
    reflected = quote(SCRIPT + IMG, safe="")
    return [
        "/", "/entities", "/quotes", "/sources", *articles, *entities,
        f"/search?q={reflected}", f"/search?q={quote('हंगामा')}&author={reflected}&site={reflected}&entity={reflected}",
        f"/quotes?speaker={reflected}&words={reflected}", f"/entities?name={reflected}",
        f"/articles/{reflected}", f"/nowhere/{reflected}", f"/search?from={reflected}",
    ]


def test_hostile_data_renders_as_text(server: str) -> None:
    seen = ""
    for path in pages_to_check(server):
        code, headers, body = fetch(server, path)
        assert code in (200, 400, 404), path
        assert headers["content-type"].startswith("text/html")
        assert_safe_headers(headers)
        assert audit(body) == [], path
        seen += body
    for escaped in ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                    "&lt;b onmouseover=alert(3)&gt;", "&lt;svg onload=alert(6)&gt;", "&lt;iframe"):
        assert escaped in seen, escaped


def test_javascript_url_is_text_not_a_link(server: str) -> None:
    code, _, body = fetch(server, "/search.json?q=" + quote("अमित"), "application/json")
    path = json.loads(body)["results"][0]["path"]
    code, _, body = fetch(server, path)
    assert code == 200
    assert '<span class="url-text">javascript:alert(document.domain)</span>' in body
    assert 'href="javascript' not in body.lower()
    assert 'href="https://evil.example/page" class="external" rel="noopener noreferrer nofollow"' in body


def test_json_is_served_as_json(server: str) -> None:
    for path in ("/search.json?q=" + quote("हंगामा"), "/quotes.json", "/entities.json", "/sources.json"):
        code, headers, body = fetch(server, path)
        assert code == 200 and headers["content-type"].startswith("application/json")
        assert_safe_headers(headers)
        json.loads(body)
    code, _, body = fetch(server, "/search.json?q=" + quote("हंगामा"))
    assert SCRIPT in json.loads(body)["results"][0]["title"]


def test_headers_on_static_errors_and_openapi(server: str) -> None:
    for path in ("/static/khabar.css", "/static/missing.css", "/openapi.json", "/articles/1?page=x"):
        _, headers, _ = fetch(server, path)
        assert_safe_headers(headers)


def test_no_inline_styles_or_scripts_in_templates() -> None:
    templates = Path(__file__).resolve().parents[1] / "src" / "khabar" / "web" / "templates"
    for template in templates.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "<style" not in text and " style=" not in text
        assert "<script>" not in text and " on" + "click=" not in text, template.name
