"""The SQLite store end to end: ingest pages, search them right for Hindi, dedupe, update, filter."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from khabar.cli import main
from khabar.runners.ingest import run_ingest
from khabar.store import SearchFilters, open_store
from khabar.store.search import QueryError
from store_pages import BOYS, HEART, LAVROV, LENTILS, MOON, write

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    write(folder, "lavrov.html", "लावरोव पाकिस्तान पहुंचे, आतंक के ख़िलाफ़ मदद का वादा", LAVROV,
          site="समाचार सेतु", date="2021-04-07", author="रमेश कुमार")
    write(folder, "lavrov-copy.html", "लावरोव पाकिस्तान पहुंचे, आतंक के ख़िलाफ़ मदद का वादा", LAVROV,
          site="देश दर्पण", date="2021-04-07", author="सीमा राय", template="gita")
    write(folder, "heart.html", "रोज़ टहलने से दिल रहेगा सेहतमंद", HEART, site="समाचार सेतु", date="2023-01-10")
    write(folder, "lentils.html", "मंडी में महंगी हुई अरहर", LENTILS, site="देश दर्पण", date="2023-06-02",
          template="gita")
    write(folder, "moon.html", "बारिश से पहाड़ी नाला उफान पर", MOON, site="समाचार सेतु", date="2024-08-15")
    write(folder, "boys.html", "फ़ुटबॉल फ़ाइनल में स्थानीय टीम की जीत", BOYS, site="देश दर्पण", date="2024-09-01")
    return folder


@pytest.fixture()
def db(tmp_path: Path, pages: Path):
    path = tmp_path / "news.db"
    store = open_store(path)
    stats = run_ingest([str(pages)], store, progress=False)
    assert stats.outcomes["added"] == 6
    yield store
    store.close()


def _titles(page) -> list[str]:
    return [hit.title for hit in page.hits]


def test_ingest_stores_every_table(db) -> None:
    stats = db.stats()
    assert stats["sources"] == 6 and stats["articles"] == 6
    assert stats["entities"] > 0 and stats["mentions"] > 0 and stats["quotes"] >= 1
    assert stats["clusters"] == 1 and stats["duplicates"] == 1 and stats["runs"] == 1


def test_same_pages_twice_add_nothing(db, pages: Path) -> None:
    before = db.stats()
    again = run_ingest([str(pages)], db, progress=False)
    assert again.outcomes["unchanged"] == 6 and again.outcomes["added"] == 0
    after = db.stats()
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}


def test_changed_page_updates_its_record_and_keeps_its_id(db, pages: Path) -> None:
    old = db.search("अरहर").hits[0]
    write(pages, "lentils.html", "मंडी में सस्ती हुई मूंग", [p.replace("अरहर", "मूंग") for p in LENTILS],
          site="देश दर्पण", date="2023-06-03", template="gita")
    result = run_ingest([str(pages)], db, progress=False)
    assert result.outcomes["updated"] == 1 and result.outcomes["unchanged"] == 5
    assert db.search("अरहर").hits == []
    new = db.search("मूंग").hits[0]
    assert new.id == old.id and new.title == "मंडी में सस्ती हुई मूंग" and new.published.startswith("2023-06-03")
    assert db.stats()["articles"] == 6


def test_dil_does_not_find_dal(db) -> None:
    assert _titles(db.search("दिल")) == ["रोज़ टहलने से दिल रहेगा सेहतमंद"]
    assert _titles(db.search("दाल")) == ["मंडी में महंगी हुई अरहर"]


def test_pakistan_and_pakistani_are_words(db) -> None:
    assert db.search("पाकिस्तान").total == 1
    assert db.search("पाकिस्तानी").total == 1
    assert db.search("पाकि*").total == 1


def test_nukta_spellings_match(db) -> None:
    plain = db.search("कमर")
    assert _titles(plain) == ["बारिश से पहाड़ी नाला उफान पर"]
    assert "क़मर" in plain.hits[0].snippet
    assert _titles(db.search("क\u093cमर")) == _titles(plain)


def test_inflections_meet(db) -> None:
    for form in ("लड़का", "लड़के", "लड़कों"):
        assert _titles(db.search(form)) == ["फ़ुटबॉल फ़ाइनल में स्थानीय टीम की जीत"], form


def test_latin_name_finds_devanagari_article(db) -> None:
    page = db.search("Lavrov")
    assert page.total == 1 and "लावरोव" in page.hits[0].snippet and page.hits[0].highlights
    assert db.search("Lavroff").total == 1  # another romanisation of the same name
    assert db.search("Lavrov", SearchFilters(site="समाचार सेतु")).total == 1
    assert db.search("Lavender").total == 0


def test_one_result_per_cluster_with_similar_count(db) -> None:
    page = db.search("लावरोव")
    assert page.total == 1 and page.hits[0].similar == 1
    clusters = db.clusters()
    assert len(clusters) == 1 and sorted(Path(s).name for _, s in clusters[0].members) == [
        "lavrov-copy.html",
        "lavrov.html",
    ]


def test_phrase_and_exclusion(db) -> None:
    assert db.search('"दाल के दाम"').total == 1
    assert db.search('"दाम दाल"').total == 0
    assert db.search("बताया -दाल").total >= 1
    assert "मंडी में महंगी हुई अरहर" not in _titles(db.search("बताया -दाल"))


def test_filters(db) -> None:
    assert _titles(db.search("", SearchFilters(site="समाचार सेतु"), limit=20)) == [
        "बारिश से पहाड़ी नाला उफान पर",
        "रोज़ टहलने से दिल रहेगा सेहतमंद",
        "लावरोव पाकिस्तान पहुंचे, आतंक के ख़िलाफ़ मदद का वादा",
    ]
    assert _titles(db.search("", SearchFilters(date_from="2024-01-01", date_to="2024-08-31"))) == [
        "बारिश से पहाड़ी नाला उफान पर"
    ]
    assert db.search("बताया", SearchFilters(author="सीमा राय")).total == 1
    assert db.search("", SearchFilters(entity="Pakistan")).total == 1
    assert db.search("", SearchFilters(entity="पाकिस्तान")).total == 1
    assert db.search("दिल", SearchFilters(site="देश दर्पण")).total == 0


def test_entities_quotes_and_article_round_trip(db) -> None:
    names = {row.name: row for row in db.entities(limit=50)}
    assert "पाकिस्तान" in names and names["पाकिस्तान"].gloss == "Pakistan"
    assert names["पाकिस्तान"].articles == 2
    quotes = db.quotes(speaker="Lavrov")
    assert len(quotes) == 1 and "मदद करेंगे" in quotes[0].text  # once, though two copies of the story carry it
    assert db.quotes(speaker="लावरोव")[0].speaker_entity == quotes[0].speaker_entity
    hit = db.search("दिल").hits[0]
    article = db.article(hit.id)
    assert article.title == hit.title and article.sentences and article.text.count("दिल") >= 1
    for entity in article.entities:
        assert article.text[entity.start : entity.end] == entity.text
    assert db.article(10_000) is None


@pytest.mark.parametrize(
    "query",
    ['"', '" OR *', "NEAR(a b)", "a:b", "^x", "-", "*", "()", "'; DROP TABLE articles; --", "AND OR NOT", "दिल\"\""],
)
def test_hostile_queries_never_raise(db, query: str) -> None:
    db.search(query)
    assert db.stats()["articles"] == 6


def test_too_long_query_is_a_clear_error(db) -> None:
    with pytest.raises(QueryError):
        db.search("दिल " * 200)


def test_readers_work_while_a_writer_holds_a_transaction(db, tmp_path: Path, pages: Path) -> None:
    db._begin()
    db.put(db.article(1), "changed-fingerprint")
    reader = open_store(tmp_path / "news.db", readonly=True)
    try:
        assert reader.stats()["articles"] == 6
        assert reader.search("दिल").total == 1
    finally:
        reader.close()
        db.rollback()


def test_cli_commands_print_json_lines(db, tmp_path: Path, capsys) -> None:
    path = str(tmp_path / "news.db")
    db.close()
    assert main(["search", "Lavrov", "--db", path, "--json"]) == 0
    hit = json.loads(capsys.readouterr().out.splitlines()[0])
    assert {"source", "url", "title", "published", "snippet", "cluster", "similar"} <= hit.keys()
    for command in ("entities", "quotes", "duplicates", "stats"):
        assert main([command, "--db", path, "--json"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines and all(isinstance(json.loads(line), dict) for line in lines)
    assert main(["search", "दिल", "--db", path]) == 0
    assert "[दिल]" in capsys.readouterr().out


def test_missing_database_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["stats", "--db", str(tmp_path / "absent.db")]) == 2
    assert "no database" in capsys.readouterr().err


def test_schema_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(RuntimeError, match="schema version"):
        open_store(path)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="development corpus (../shared/corpus) not present")
def test_development_corpus_themes_cluster_by_article(tmp_path: Path) -> None:
    """The same article rendered by different themes lands in one cluster; different articles never share one."""
    store = open_store(tmp_path / "corpus.db")
    try:
        run_ingest([str(CORPUS / "pages")], store, progress=False)
        clusters = {c.id: {Path(s).stem for _, s in c.members} for c in store.clusters(min_size=1)}
    finally:
        store.close()
    by_story: dict[str, set[int]] = {}
    for cluster, members in clusters.items():
        for name in members:
            story = name.split("-")[2]  # magdev-m1-NN and wp-dev-NN-tXX: NN is the article
            by_story.setdefault(story, set()).add(cluster)
    assert len(by_story) == 7
    assert all(len(c) == 1 for c in by_story.values()), by_story
    assert len({next(iter(c)) for c in by_story.values()}) == 7


def test_very_common_words_rank_the_newest_matches_only(db, monkeypatch) -> None:
    import khabar.store.sqlite_search as sqlite_search

    everything = db.search("बताया OR कहा", limit=20)
    assert everything.total >= 4 and not everything.total_is_lower_bound
    monkeypatch.setattr(sqlite_search, "RANK_WINDOW", 2)
    capped = db.search("बताया OR कहा", limit=20)
    assert capped.total_is_lower_bound and capped.total <= 2
    newest = sorted((hit.id for hit in everything.hits), reverse=True)[:2]
    assert {hit.id for hit in capped.hits} <= set(newest)


def test_committed_batches_reach_the_database_file(tmp_path: Path, pages: Path) -> None:
    """The log is checkpointed on its own thread: after close, the .db file alone holds every article."""
    path = tmp_path / "ck.db"
    store = open_store(path)
    run_ingest([str(pages)], store, progress=False, batch_size=2)
    store.close()
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes())
    count = sqlite3.connect(copy).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert count == len(list(pages.iterdir()))


@pytest.mark.parametrize(
    "paragraphs",
    [["पहला अनुच्छेद।", "दूसरा अनुच्छेद।"], ["पंक्ति एक\n", "पंक्ति दो"], ["शीर्ष", "", "अंत"]],
)
def test_paragraphs_come_back_exactly(tmp_path: Path, paragraphs: list[str]) -> None:
    """Paragraphs that splitting the text gives back are not stored twice; others are kept as given."""
    from khabar.records import Article

    store = open_store(tmp_path / "p.db")
    text = "\n\n".join(paragraphs)
    result = store.put(Article(source="a.html", title="शीर्षक", paragraphs=paragraphs, text=text), "f1")
    store.commit()
    assert store.article(result.id).paragraphs == paragraphs
    stored = store.db.execute("SELECT paragraphs FROM articles").fetchone()[0]
    assert (stored is None) == (text.split("\n\n") == paragraphs)
    store.close()


def test_the_write_ahead_log_stays_bounded(tmp_path: Path, pages: Path, monkeypatch) -> None:
    """Past its size limit the log is copied before the next batch begins, which then starts it afresh:
    twenty batches in a row leave a log no larger than about one batch."""
    from khabar.analysis.pipeline import extract_and_analyze
    from khabar.sources import iter_pages
    from khabar.store import checkpoint

    monkeypatch.setattr(checkpoint, "WAL_RESTART_BYTES", 1)
    articles = [extract_and_analyze(page) for page in iter_pages([str(pages)])]
    path = tmp_path / "bounded.db"
    store = open_store(path)
    sizes = []
    for batch in range(20):
        for number, article in enumerate(articles):
            article.source = f"copy-{batch}-{number}"
            store.put(article, f"mark-{batch}-{number}")
        store.commit()
        sizes.append(path.with_name(path.name + "-wal").stat().st_size)
    store.close()
    assert max(sizes) <= 2 * sizes[1]
