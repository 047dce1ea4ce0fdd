"""The web app over a store built from pages written here: every route in HTML and JSON, over real HTTP."""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from khabar.cli import build_parser, main
from khabar.runners.ingest import run_ingest
from khabar.store import open_store
from khabar.web import create_app
from khabar.web.charts import stacked_chart, timeline_chart
from khabar.web.markup import Mention, Speech, article_paragraphs, safe_url, snippet_pieces
from khabar.web.server import background_server
from store_pages import BOYS, HEART, LAVROV, LENTILS, MOON, write

JSON = {"Accept": "application/json"}
STORIES = 5  # duplicate clusters: the two Lavrov pages are one


def build_db(folder: Path) -> Path:
    pages = folder / "pages"
    write(pages, "lavrov.html", "लावरोव पाकिस्तान पहुंचे, आतंकवाद पर मदद का वादा", LAVROV, site="समाचार सेतु",
          date="2024-03-05", author="रमेश कुमार")
    write(pages, "lavrov-copy.html", "लावरोव पाकिस्तान पहुंचे, आतंकवाद पर मदद का वादा", LAVROV, site="गीता टाइम्स",
          date="2024-03-05", author="सीमा राव", template="gita")
    write(pages, "heart.html", "रोज़ टहलने से दिल की बीमारी का ख़तरा घटता है", HEART, site="गीता टाइम्स",
          date="2023-07-10", author="सीमा राव", template="gita")
    write(pages, "lentils.html", "दाल के दाम फिर बढ़े, रसोई का बजट बिगड़ा", LENTILS, date="2022-01-15")
    write(pages, "moon.html", "क़मर नाले पर पुल टूटा, बच्चों को लंबा चक्कर", MOON, date="2024-08-01")
    write(pages, "boys.html", "स्थानीय लड़कों ने फ़ुटबॉल फ़ाइनल जीता", BOYS, date="2024-09-20")
    return ingest(pages, folder / "web.db")


def ingest(pages: Path, db: Path) -> Path:
    """Ingest the folder of pages into a new store at ``db``."""
    store = open_store(db)
    try:
        run_ingest([str(pages)], store, progress=False)
    finally:
        store.close()
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def server(db: Path):
    with background_server(create_app(db)) as url:
        yield url


def fetch(base: str, path: str, headers: dict | None = None) -> tuple[int, dict, str]:
    """GET ``path`` (sent as given, no normalisation) and return status, headers and body."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read().decode("utf-8")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


def get_json(base: str, path: str, status: int = 200):
    code, headers, body = fetch(base, path, JSON)
    assert code == status, body
    assert headers["content-type"].startswith("application/json")
    return json.loads(body)


def get_html(base: str, path: str, status: int = 200) -> str:
    code, headers, body = fetch(base, path)
    assert code == status, body
    assert headers["content-type"].startswith("text/html")
    return body


def q(text: str) -> str:
    return quote(text, safe="")


def first_hit(server: str, query: str) -> dict:
    results = get_json(server, f"/search?q={q(query)}")["results"]
    assert results, query
    return results[0]


def test_every_route_in_html_and_json(server: str) -> None:
    article = first_hit(server, "लावरोव")
    entity = get_json(server, "/entities")["entities"][0]
    routes = ["/", "/?q=" + q("दाल"), "/search?q=" + q("दाल"), article["path"], "/entities", entity["path"],
              "/quotes", "/sources"]
    for route in routes:
        html = get_html(server, route)
        assert '<html lang="hi">' in html and "खोज · <span lang=\"en\">Search" in html
        assert isinstance(get_json(server, route), dict)


def test_openapi_describes_the_routes(server: str) -> None:
    paths = get_json(server, "/openapi.json")["paths"]
    for path in ("/", "/search", "/search.json", "/articles/{article_id}", "/articles/{article_id}.json",
                 "/entities", "/entities/{entity_id}", "/quotes", "/sources"):
        assert path in paths, path


def test_hindi_search_finds_and_highlights(server: str) -> None:
    hit = first_hit(server, "दाल")
    assert hit["title"].startswith("दाल के दाम") and hit["path"] == f"/articles/{hit['id']}"
    for key in ("source", "url", "title", "published", "snippet", "cluster", "similar"):
        assert key in hit
    html = get_html(server, "/search?q=" + q("दाल"))
    assert '<li class="result"' in html and f'<a class="title" href="{hit["path"]}">' in html
    assert "<mark>दाल</mark>" in html
    assert '<input id="q" name="q" type="search" value="दाल"' in html


def test_english_name_finds_devanagari_article(server: str) -> None:
    hit = first_hit(server, "Lavrov")
    assert "लावरोव" in hit["title"]


def test_duplicates_show_as_similar_with_member_links(server: str) -> None:
    hit = first_hit(server, "Lavrov")
    assert hit["similar"] == 1 and len(hit["members"]) == 1
    member = hit["members"][0]["path"]
    html = get_html(server, "/search?q=Lavrov")
    assert '<details class="similar">' in html and f'href="{member}"' in html
    article = get_json(server, hit["path"])
    assert [m["path"] for m in article["cluster"]["members"]] == [member]
    assert 'id="cluster"' in get_html(server, hit["path"])


def test_json_suffix_twin_equals_accept_twin(server: str) -> None:
    article = first_hit(server, "Lavrov")["path"]
    pairs = [("/search.json?q=Lavrov", "/search?q=Lavrov"), (article + ".json", article),
             ("/entities.json?label=PER", "/entities?label=PER"), ("/quotes.json", "/quotes"),
             ("/sources.json", "/sources"), ("/index.json?q=" + q("दाल"), "/?q=" + q("दाल"))]
    for suffixed, plain in pairs:
        code, _, body = fetch(server, suffixed)
        assert code == 200
        assert json.loads(body) == get_json(server, plain)


def test_html_is_preferred_for_browsers(server: str) -> None:
    code, headers, _ = fetch(server, "/sources", {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert code == 200 and headers["content-type"].startswith("text/html")
    assert "Accept" in headers["vary"]


def test_pagination(server: str) -> None:
    first = get_json(server, "/search?size=2")
    assert first["total"] == STORIES and first["pages"] == 3 and len(first["results"]) == 2
    pages = [first] + [get_json(server, f"/search?size=2&page={n}") for n in (2, 3)]
    ids = [h["id"] for page in pages for h in page["results"]]
    assert len(ids) == len(set(ids)) == STORIES
    days = [h["published"] for h in pages[0]["results"] + pages[1]["results"]]
    assert days == sorted(days, reverse=True)
    html = get_html(server, "/search?size=2&page=2")
    assert 'rel="prev"' in html and 'rel="next"' in html and "page=3" in html and "size=2" in html
    assert get_json(server, "/search?size=2&page=9")["results"] == []


def test_filters(server: str) -> None:
    by_site = get_json(server, "/search?site=" + q("गीता टाइम्स"))
    assert by_site["total"] >= 1 and {h["site"] for h in by_site["results"]} == {"गीता टाइम्स"}
    in_range = get_json(server, "/search?from=2024-03-01&to=2024-08-31")
    assert sorted(h["published"][:10] for h in in_range["results"]) == ["2024-03-05", "2024-08-01"]
    by_author = get_json(server, "/search?author=" + q("सीमा राव"))
    assert by_author["total"] >= 1
    assert all(h["site"] == "गीता टाइम्स" for h in by_author["results"])
    by_entity = get_json(server, "/search?entity=Lavrov")
    assert by_entity["total"] == 1 and "लावरोव" in by_entity["results"][0]["title"]
    html = get_html(server, "/search?q=" + q("पुल") + "&entity=" + q("Lavrov"))
    assert "कुछ नहीं मिला" in html


def test_article_page_marks_entities_and_quotes(server: str) -> None:
    hit = first_hit(server, "Lavrov")
    data = get_json(server, hit["path"])
    assert data["article"]["title"] == hit["title"] and data["article"]["entities"]
    html = get_html(server, hit["path"])
    assert '<a class="entity per" href="/entities/' in html
    assert '<q class="quote"' in html and '<span class="speaker">' in html
    assert "हम आतंकवाद के ख़िलाफ़ लड़ाई में" in html
    assert '<details class="boilerplate"' in html
    lavrov = next(e for e in data["entities"] if e["gloss"] and "Lavrov" in e["gloss"])
    assert f'href="{lavrov["path"]}"' in html


def test_entity_page_has_chart_co_mentions_and_quotes(server: str) -> None:
    lavrov = get_json(server, "/entities?name=Lavrov")["entities"][0]
    data = get_json(server, lavrov["path"])
    assert data["entity"]["gloss"] and "Lavrov" in data["entity"]["gloss"]
    assert data["timeline"] == [{"day": "2024-03-05", "articles": 2}]
    assert data["co_mentioned"] and all(o["path"].startswith("/entities/") for o in data["co_mentioned"])
    assert data["quotes"] and "आतंकवाद" in data["quotes"][0]["text"]
    html = get_html(server, lavrov["path"])
    assert '<div id="timeline" class="chart-box"><svg' in html and "<rect class=\"bar\"" in html
    assert '<blockquote class="quote">' in html


def test_entities_filter_by_label(server: str) -> None:
    people = get_json(server, "/entities?label=PER&size=5")["entities"]
    assert people and len(people) <= 5 and {e["label"] for e in people} == {"PER"}
    assert get_json(server, "/entities?label=XYZ", status=400)["error"]["status"] == 400


def test_quotes_by_speaker_and_words(server: str) -> None:
    everything = get_json(server, "/quotes")
    assert everything["quotes"]
    by_speaker = get_json(server, "/quotes?speaker=Lavrov")["quotes"]
    assert by_speaker and all("आतंकवाद" in row["text"] for row in by_speaker)
    assert by_speaker[0]["path"].startswith("/articles/")
    by_words = get_json(server, "/quotes?words=" + q("व्यायाम"))["quotes"]
    assert all("व्यायाम" in row["text"] for row in by_words)
    paged = get_json(server, "/quotes?size=1")
    assert len(paged["quotes"]) == 1 and paged["has_next"] == (len(everything["quotes"]) > 1)
    assert 'class="quote"' in get_html(server, "/quotes")


def test_sources_page_counts_sites_and_draws_chart(server: str) -> None:
    data = get_json(server, "/sources")
    sites = {row["name"]: row for row in data["sites"]}
    assert sites["गीता टाइम्स"]["articles"] == 2 and sites["गीता टाइम्स"]["first"] == "2023-07-10"
    assert sum(row["articles"] for row in data["timeline"]) == data["stats"]["articles"]
    html = get_html(server, "/sources")
    assert '<div id="site-chart" class="chart-box"><svg' in html and "गीता टाइम्स" in html


def test_not_found_in_both_forms(server: str) -> None:
    for path in ("/articles/99999", "/articles/abc", "/articles/0", "/articles/-1", "/entities/99999999999999999999999",
                 "/entities/x1", "/nowhere"):
        html = get_html(server, path, status=404)
        assert "404" in html and "Traceback" not in html and "पृष्ठ नहीं मिला" in html
        assert get_json(server, path, status=404)["error"]["status"] == 404
    assert fetch(server, "/articles/abc.json")[0] == 404


def test_bad_requests_in_both_forms(server: str) -> None:
    for path in ("/search?q=" + q("क" * 501), "/search?page=0", "/search?page=1001", "/search?page=x",
                 "/search?size=101", "/search?from=yesterday", "/quotes?size=500"):
        html = get_html(server, path, status=400)
        assert "400" in html and "Traceback" not in html
        assert get_json(server, path, status=400)["error"]["status"] == 400


def test_server_errors_are_clean(db: Path) -> None:
    app = create_app(db)

    class Broken:
        def get(self):
            raise RuntimeError("secret internals")

    app.state.stores = Broken()
    with background_server(app) as url:
        code, headers, body = fetch(url, "/sources")
        assert code == 500 and "secret internals" not in body and "Traceback" not in body
        assert "default-src 'self'" in headers["content-security-policy"]
        code, _, body = fetch(url, "/sources.json")
        assert code == 500 and json.loads(body)["error"]["status"] == 500


def test_static_files_and_no_traversal(server: str) -> None:
    code, headers, body = fetch(server, "/static/khabar.css")
    assert code == 200 and "Noto Sans Devanagari" in body and headers["content-type"].startswith("text/css")
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2f%2e%2e/cli.py"):
        code, _, body = fetch(server, path)
        assert code == 404 and "import" not in body


def test_cli_serve_is_registered_and_checks_the_database(tmp_path: Path, capsys) -> None:
    args = build_parser().parse_args(["serve", "--db", "x.db", "--port", "8123"])
    assert args.port == 8123 and args.host == "127.0.0.1"
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    assert "no database" in capsys.readouterr().err


def test_snippet_pieces_clamp_and_merge() -> None:
    pieces = snippet_pieces("abcdefgh", [(2, 4), (3, 6), (7, 99), (-5, 1)])
    assert [(p.text, p.marked) for p in pieces] == [("a", True), ("b", False), ("cdef", True), ("g", False),
                                                     ("h", True)]
    assert [(p.text, p.marked) for p in snippet_pieces("", [])] == [("", False)]


def test_safe_url_allows_only_http() -> None:
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.com", "/local",
                "http:///nohost", "https://x.com/\nline", None, ""):
        assert safe_url(bad) is None, bad


def test_article_paragraphs_nest_mentions_in_quotes() -> None:
    from khabar.records import Article, Entity, Quotation

    text = "राम ने कहा, “सीता घर गई।”\n\nदूसरा अनुच्छेद।"
    sita = text.index("सीता")
    quote_start, quote_end = text.index("“") + 1, text.index("”")
    article = Article(text=text, entities=[Entity(0, 3, "PER", "राम", "राम"), Entity(sita, sita + 4, "PER", "सीता", "सीता")],
                      quotes=[Quotation(text[quote_start:quote_end], quote_start, quote_end, "speech", speaker="राम")])
    mentions = {("PER", "राम"): Mention("/entities/1", "PER", "राम", None),
                ("PER", "सीता"): Mention(None, "PER", "सीता", None)}
    paragraphs = article_paragraphs(article, mentions, {0: Speech(0, "speech", "राम", "/entities/1", "कहा")})
    assert len(paragraphs) == 2
    first = paragraphs[0]
    assert first[0].speech is None and first[0].parts[0] == ("राम", mentions[("PER", "राम")])
    quoted = next(run for run in first if run.speech)
    # the run covers the quote marks too, so the speaker label stands after the closing mark
    assert quoted.closes and "".join(t for t, _ in quoted.parts) == "“सीता घर गई।”"
    assert quoted.parts[1] == ("सीता", mentions[("PER", "सीता")])
    assert "".join(t for run in paragraphs[1] for t, _ in run.parts) == "दूसरा अनुच्छेद।"


def test_charts_stay_readable_from_one_point_to_a_thousand() -> None:
    one = timeline_chart([("2024-01-05", 3)])
    assert len(one.bars) == 1 and one.bars[0].width <= 40 and [t.text for t in one.x_labels] == ["2024-01-05"]
    days = [(f"{2020 + i // 365}-{(i % 365) // 31 + 1:02d}-{(i % 31) + 1:02d}", 1) for i in range(1000)]
    many = timeline_chart(days)
    assert many.unit in ("month", "year") and 1 <= len(many.bars) <= 200 and len(many.x_labels) <= 6
    weeks = timeline_chart([("2024-01-01", 1), ("2024-06-30", 2)])
    assert weeks.unit == "week" and len(weeks.bars) == 2
    assert timeline_chart([("not a day", 4)]).empty


def test_stacked_chart_groups_small_sites() -> None:
    series = {f"site {i}": [("2024-01-01", i + 1)] for i in range(10)}
    chart = stacked_chart(series)
    names = [name for name, _ in chart.legend]
    assert len(names) == 8 and names[-1].endswith("others") and "site 9" in names
    assert sum(1 for b in chart.bars) == 8


def test_a_speaker_read_from_context_is_marked_as_such(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    body = [
        "गांव के 19 साल के जॉन बोस्को ने पढ़ाई छोड़ दी और नाव पर काम करने लगे।",
        "“पढ़ाई का ख़र्च कौन देता? पापा अकेले थे, तो मैं भी नाव पर आ गया।”",
    ]
    write(pages, "boat.html", "पढ़ाई छोड़कर नाव पर लौटे मछुआरों के बेटे", body, date="2024-10-02")
    db = ingest(pages, tmp_path / "boat.db")
    with background_server(create_app(db)) as url:
        quotes = get_json(url, "/quotes")["quotes"]
        assert [(q["speaker"], q["speaker_canonical"], q["speaker_kind"]) for q in quotes] == [
            (None, "जॉन बोस्को", "context")
        ]
        assert "from context" in get_html(url, "/quotes")
        assert "from context" in get_html(url, quotes[0]["path"])
