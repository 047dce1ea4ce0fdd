"""The web UI in real headless Chromium: Hindi and English search, article, entity and its chart, sources,
quotes, the page's own script under the CSP, and a corpus of hostile pages in which nothing may execute.

Every page is screenshotted (full page) into ``test-artifacts/screenshots/``. Skipped when Debian's
Chromium (``/usr/bin/chromium``) or the ``playwright`` package is missing; browsers are never downloaded.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import urlopen

import pytest

from khabar.records import Article, Quotation, Span
from khabar.runners.ingest import run_ingest
from khabar.store import open_store
from khabar.web import create_app
from khabar.web.server import background_server
from store_pages import BOYS, HEART, LAVROV, LENTILS, MOON, write

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
HOSTILE = Path(__file__).parent / "hostile"

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (Debian package 'chromium')", allow_module_level=True)

LAVROV_DELHI = [
    "रूस के विदेश मंत्री सर्गेई लावरोव (Sergei Lavrov) गुरुवार को नई दिल्ली पहुंचे और विदेश मंत्री से मिले। "
    "दोनों नेताओं ने व्यापार और ऊर्जा पर बातचीत की।",
    "लावरोव ने कहा, “भारत और रूस की दोस्ती समय की हर कसौटी पर खरी उतरी है।” बैठक के बाद साझा बयान जारी किया गया।",
]

#: Runs in every page before its own scripts: records CSP violations (page scripts cannot remove it).
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""

#: Every element attribute that would run or load something, and every foreign active element.
ACTIVE_MARKUP = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (["iframe", "object", "embed", "img", "style", "math", "frame", "base", "form"].includes(tag)
        && !(tag === "form" && el.getAttribute("action")?.startsWith("/"))) found.push("<" + tag + ">");
    if (tag === "script" && el.getAttribute("src") !== "/static/khabar.js") found.push("<script>");
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase(), value = attr.value.trim().toLowerCase();
      if (name.startsWith("on") || name === "style" || name === "srcdoc") found.push(tag + "[" + name + "]");
      if (["href", "src", "action", "formaction", "xlink:href"].includes(name)
          && /^(javascript|data|vbscript):/.test(value.replace(/[\\s\\x00-\\x1f]/g, ""))) found.push(tag + "[" + name + "]");
    }
  }
  return found;
}"""

#: Whether a Devanagari letter is drawn with a real glyph (tofu draws like an unassigned code point).
DEVANAGARI_GLYPHS = """() => {
  const draw = (text) => {
    const canvas = document.createElement("canvas"); canvas.width = 64; canvas.height = 48;
    const ctx = canvas.getContext("2d"); ctx.font = "32px " + getComputedStyle(document.body).fontFamily;
    ctx.fillText(text, 4, 36);
    return Array.from(ctx.getImageData(0, 0, 64, 48).data).join(",");
  };
  const missing = draw("\\u0dff");
  return ["\\u0915", "\\u0916\\u093c", "\\u0932\\u093e"].every((text) => draw(text) !== missing);
}"""


# -- databases and servers -------------------------------------------------------------------------------

def ingest(pages: list[Path], db: Path) -> None:
    store = open_store(db)
    try:
        run_ingest([str(path) for path in pages], store, progress=False)
    finally:
        store.close()


def build_news_db(folder: Path) -> Path:
    pages = folder / "pages"
    write(pages, "lavrov.html", "लावरोव पाकिस्तान पहुंचे, आतंकवाद पर मदद का वादा", LAVROV, date="2024-03-05")
    write(pages, "lavrov-copy.html", "लावरोव पाकिस्तान पहुंचे, आतंकवाद पर मदद का वादा", LAVROV, site="गीता टाइम्स",
          date="2024-03-05", author="सीमा राव", template="gita")
    write(pages, "lavrov-delhi.html", "लावरोव दिल्ली में, दोस्ती को बताया हर कसौटी पर खरा", LAVROV_DELHI,
          site="गीता टाइम्स", date="2024-06-20", author="सीमा राव", template="gita")
    write(pages, "heart.html", "रोज़ टहलने से दिल की बीमारी का ख़तरा घटता है", HEART, site="गीता टाइम्स",
          date="2023-07-10", template="gita")
    write(pages, "lentils.html", "दाल के दाम फिर बढ़े, रसोई का बजट बिगड़ा", LENTILS, date="2022-01-15")
    write(pages, "moon.html", "क़मर नाले पर पुल टूटा, बच्चों को लंबा चक्कर", MOON, date="2024-08-01")
    write(pages, "boys.html", "स्थानीय लड़कों ने फ़ुटबॉल फ़ाइनल जीता", BOYS, date="2024-09-20")
    db = folder / "news.db"
    ingest([pages], db)
    return db


MARKUP_SPEAKER = '<b onmouseover="window.__pwned=1">अमित<script>alert(1)</script></b>'


def speaker_with_markup() -> Article:
    """An analysed record whose quotation speaker is markup (the extractor never yields one, a JSONL may)."""
    text = "अमित ने कहा, “हमारा मोहल्ला साफ़ रहेगा।” उन्होंने सफ़ाई कर्मचारियों का धन्यवाद किया।"
    start, end = text.index("“") + 1, text.index("”")
    return Article(source="hostile-record", title="मोहल्ले की सफ़ाई पर बयान", published="2024-04-02", language="hi",
                   paragraphs=[text], text=text, sentences=[Span(0, len(text))],
                   quotes=[Quotation(text[start:end], start, end, "speech", speaker=MARKUP_SPEAKER,
                                     speaker_start=0, speaker_end=4, speaker_canonical=MARKUP_SPEAKER, cue="कहा")])


def build_hostile_db(folder: Path) -> Path:
    db = folder / "hostile.db"
    ingest(sorted(HOSTILE.glob("*.html")), db)
    store = open_store(db)
    try:
        store.put(speaker_with_markup(), "hostile-record")
        store.commit()
    finally:
        store.close()
    return db


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    with background_server(create_app(build_news_db(tmp_path_factory.mktemp("browser")))) as url:
        yield url


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    with background_server(create_app(build_hostile_db(tmp_path_factory.mktemp("hostile")))) as url:
        yield url


# -- the browser -----------------------------------------------------------------------------------------

class Watch:
    """What a page did that it should not: console errors, uncaught errors, dialogs, failed loads.

    With ``error_pages_expected``, a 4xx answer to the page itself (and Chromium's console line about it)
    is not a problem; a 4xx for anything the page loads still is.
    """

    def __init__(self, page) -> None:
        self.problems: list[str] = []
        self.error_pages_expected = False
        self.error_pages: set[str] = set()
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("dialog", self._dialog)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _console(self, message) -> None:
        if message.type not in ("error", "warning"):
            return
        if message.location.get("url") in self.error_pages and message.text.startswith("Failed to load resource"):
            return
        self.problems.append(f"console {message.type}: {message.text}")

    def _failed(self, request) -> None:
        if "ERR_ABORTED" not in (request.failure or ""):  # aborted: the test navigated on before it loaded
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status < 400:
            return
        if self.error_pages_expected and response.request.resource_type == "document" and response.status < 500:
            self.error_pages.add(response.url)
            return
        self.problems.append(f"HTTP {response.status}: {response.url}")

    def _dialog(self, dialog) -> None:
        self.problems.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 800}, locale="hi-IN")
    context.add_init_script(WATCH_CSP)
    tab = context.new_page()
    tab.watch = Watch(tab)
    yield tab
    context.close()


def shoot(page, name: str) -> None:
    """A full-page screenshot (Playwright leaves ``style=""`` on inputs: check markup before shooting)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def assert_clean(page) -> None:
    """Nothing went wrong on the page: no errors, dialogs, failed loads or CSP violations."""
    assert page.watch.problems == [], page.url
    assert page.evaluate("window.__csp") == [], page.url


def visit(page, url: str, name: str):
    response = page.goto(url, wait_until="load")
    assert response is not None
    shoot(page, name)
    return response


# -- the news site ---------------------------------------------------------------------------------------

def test_hindi_search_highlights_and_renders_devanagari(page, news: str) -> None:
    page.goto(news + "/", wait_until="load")
    page.fill("#q", "दाल")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    results = page.locator(".result")
    assert results.count() >= 1
    assert results.first.locator("a.title").inner_text().startswith("दाल के दाम")
    assert "दाल" in results.first.locator(".snippet mark").first.inner_text()
    assert page.input_value("#q") == "दाल"
    assert page.evaluate(DEVANAGARI_GLYPHS), "Devanagari draws as tofu: install Debian fonts-noto-core"
    shoot(page, "01-search-hindi")
    assert_clean(page)


def test_english_name_then_article_then_entity_chart(page, news: str) -> None:
    page.goto(news + "/", wait_until="load")
    page.fill("#q", "Lavrov")
    page.click(".search-form button[type=submit]")
    page.wait_for_url(re.compile(r"q=Lavrov"))
    assert page.locator(".result").count() == 2, "two stories, one of them published twice"
    assert all("लावरोव" in title for title in page.locator(".result a.title").all_inner_texts())
    republished = page.locator(".result", has=page.locator(".similar"))
    assert republished.count() == 1
    shoot(page, "02-search-english")

    republished.locator("a.title").click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    assert page.locator("a.entity").count() >= 1
    assert "आतंकवाद" in page.locator("q.quote").first.inner_text()
    assert page.locator("#cluster li").count() >= 1 and page.locator("#boilerplate").count() == 1
    shoot(page, "03-article")

    page.locator("a.entity[title*='Lavrov']").first.click()
    page.wait_for_url(re.compile(r"/entities/\d+$"))
    assert "लावरोव" in page.inner_text("#entity-name")
    bars = page.locator("#timeline svg rect.bar")
    assert bars.count() == 2, "two dates mention Lavrov"
    assert all(float(bars.nth(i).get_attribute("height")) > 0 for i in range(bars.count()))
    assert page.locator("#timeline svg").bounding_box()["width"] > 200
    shoot(page, "04-entity")
    assert_clean(page)


def test_sources_chart_and_quotes(page, news: str) -> None:
    visit(page, news + "/sources", "05-sources")
    assert page.locator("#site-chart svg rect.bar").count() >= 2
    assert "गीता टाइम्स" in page.inner_text("table.sites")
    visit(page, news + "/quotes", "06-quotes")
    quotes = page.locator(".quote-item blockquote.quote")
    assert quotes.count() >= 2
    assert any("आतंकवाद" in text for text in quotes.all_inner_texts())
    visit(page, news + "/entities", "07-entities")
    assert page.locator("tr.entity-row a.entity-name").count() >= 3
    assert_clean(page)


def test_pager_and_own_script_run_under_the_csp(page, news: str) -> None:
    visit(page, news + "/search?size=2", "08-latest-page-1")
    first_page = page.locator(".result a.title").all_inner_texts()
    page.click(".pager a[rel=next]")
    page.wait_for_url(re.compile(r"page=2"))
    assert page.locator(".result").count() == 2
    assert set(page.locator(".result a.title").all_inner_texts()).isdisjoint(first_page)
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q", "khabar.js: '/' focuses the search box"
    page.locator(".filters summary").click()
    page.select_option("#site", "गीता टाइम्स")
    page.wait_for_url(re.compile(r"site="))
    assert {t for t in page.locator(".result .meta .site").all_inner_texts()} == {"गीता टाइम्स"}
    assert_clean(page)


def test_probes_catch_a_payload_that_runs(page) -> None:
    """The checks used on hostile pages do see script that runs and markup that would."""
    page.set_content('<p>x</p><img src="data:," onerror="window.__pwned = 1; document.title = \'PWNED\'; alert(1)">')
    page.wait_for_function("window.__pwned === 1")
    assert page.title() == "PWNED"
    assert any(p.startswith("dialog alert") for p in page.watch.problems)
    assert "img[onerror]" in page.evaluate(ACTIVE_MARKUP)


# -- the hostile corpus ----------------------------------------------------------------------------------

class TitleText(HTMLParser):
    """The text of the document's ``<title>`` as the server sent it (not the titles inside SVG charts)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside, self.done, self.text = False, False, ""

    def handle_starttag(self, tag: str, attrs) -> None:
        self.inside = tag == "title" and not self.done

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.inside:
            self.inside, self.done = False, True

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text += data


def served_title(url: str) -> str:
    try:
        with urlopen(url, timeout=10) as response:
            body = response.read()
    except HTTPError as error:
        body = error.read()
    parser = TitleText()
    parser.feed(body.decode("utf-8"))
    return " ".join(parser.text.split())


def get_json(url: str):
    with urlopen(url + ("&" if "?" in url else "?") + "size=100", timeout=10) as response:
        return json.loads(response.read())


def hostile_urls(base: str) -> list[str]:
    """Every page type that shows the hostile data: lists, each article, each entity, reflected queries."""
    articles = [hit["path"] for hit in get_json(base + "/search.json")["results"]]
    entities = [row["path"] for row in get_json(base + "/entities.json")["entities"]]
    assert len(articles) == len(list(HOSTILE.glob("*.html"))) + 1 and entities
    reflected = quote('"><script>window.__pwned=1</script><img src=x onerror=alert(1)>{{7*7}}\u202e', safe="")
    return [
        base + "/", base + "/sources", base + "/entities", base + "/quotes",
        *(base + path for path in articles), *(base + path for path in entities),
        base + "/search?q=" + quote("सड़क"), base + "/search?q=" + quote("हंगामा"),
        base + f"/search?q={reflected}&site={reflected}&author={reflected}&entity={reflected}",
        base + f"/quotes?speaker={reflected}&words={reflected}", base + f"/entities?name={reflected}",
        base + f"/nowhere/{reflected}", base + f"/search?from={reflected}",
    ]


def test_hostile_pages_execute_nothing(page, hostile: str) -> None:
    page.watch.error_pages_expected = True
    for number, url in enumerate(hostile_urls(hostile)):
        expected_title = served_title(url)
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status in (200, 400, 404), url
        page.wait_for_timeout(50)
        assert page.evaluate(ACTIVE_MARKUP) == [], url
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.title() != "PWNED", url
        assert page.title() == expected_title, url
        shoot(page, f"hostile-{number:02d}")
        assert_clean(page)


def test_hostile_text_is_shown_as_text(page, hostile: str) -> None:
    hits = get_json(hostile + "/search.json")["results"]
    by_title = {hit["title"]: hit["path"] for hit in hits}
    injected = next(path for title, path in by_title.items() if title.startswith("{{7*7}}"))
    page.goto(hostile + injected, wait_until="load")
    assert page.inner_text("#title").startswith("{{7*7}} ${7*7} {% raw %}")
    assert "{{ config }}" in page.inner_text(".metadata")
    scripted = next(path for title, path in by_title.items() if title.startswith("<script>"))
    page.goto(hostile + scripted, wait_until="load")
    assert page.inner_text("#title").startswith("<script>window.__pwned=1</script>")
    assert "<script>window.__pwned=1</script>" in page.inner_text(".authors")
    page.goto(hostile + "/quotes?speaker=" + quote("अमित"), wait_until="load")
    assert MARKUP_SPEAKER in page.inner_text(".quote-list")
    assert_clean(page)


def test_huge_title_wraps_inside_the_page(page, hostile: str) -> None:
    hits = get_json(hostile + "/search.json")["results"]
    huge = next(hit for hit in hits if len(hit["title"] or "") > 5000)
    for url in (hostile + huge["path"], hostile + "/search?q=" + quote("पेड़")):
        page.goto(url, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"], f"{url}: the page is {width} px wide"
    assert_clean(page)


def test_bidi_overrides_stay_in_their_box(page, hostile: str) -> None:
    hits = get_json(hostile + "/search.json")["results"]
    rtl = next(hit for hit in hits if "\u202e" in (hit["title"] or ""))
    page.goto(hostile + "/search?q=" + quote("नहर"), wait_until="load")
    result = page.locator(f"#result-{rtl['id']}")
    site, day = result.locator(".meta .site").bounding_box(), result.locator(".meta time").bounding_box()
    assert site["x"] < day["x"], "an override in the site name must not reverse the rest of the line"
    shoot(page, "hostile-rtl-search")
    page.goto(hostile + rtl["path"], wait_until="load")
    nav = [page.locator(".main-nav a").nth(i).bounding_box()["x"] for i in range(4)]
    assert nav == sorted(nav)
    assert_clean(page)
