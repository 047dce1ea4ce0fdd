"""Query parsing (``khabar.store.search.query``), run against a real in-memory SQLite FTS5 index."""

from __future__ import annotations

import random
import re
import sqlite3

import pytest

from khabar.store.search import FTS_TOKENIZE, MAX_QUERY_CHARS, QueryError, index_terms, parse_query

DOCS = {
    1: "दाल की कीमतें बढ़ीं, सरकार ने भंडार खोले।",
    2: "दिल की बीमारी पर नया शोध प्रकाशित हुआ।",
    3: "पाकिस्तान के विदेश मंत्री ने बयान दिया।",
    4: "पाकिस्तानी टीम ने एशिया कप जीता।",
    5: "पत्रकार \u0958मर अली ने रिपोर्ट भेजी।",
    6: "लेखक क\u093cमर जावेद की किताब छपी।",
    7: "गांव का एक लड़का पहली बार विदेश गया।",
    8: "भारत के प्रधानमंत्री ने रूस के राष्ट्रपति से बात की।",
    9: "प्रधानमंत्री ने कहा कि भारत और रूस मित्र हैं।",
    10: "वर्ष २०२४ के चुनाव नतीजे घोषित हुए।",
    11: "Sergei Lavrov met Imran Khan in Moscow.",
    12: "मोदी ने रैली को संबोधित किया।",
}


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute(f'CREATE VIRTUAL TABLE doc USING fts5(body, tokenize="{FTS_TOKENIZE}")')
    connection.executemany(
        "INSERT INTO doc(rowid, body) VALUES (?, ?)",
        [(rowid, " ".join(index_terms(text))) for rowid, text in DOCS.items()],
    )
    return connection


def search(db: sqlite3.Connection, q: str) -> set[int]:
    expression = parse_query(q).fts_expression()
    if not expression:
        return set()
    return {rowid for (rowid,) in db.execute("SELECT rowid FROM doc WHERE doc MATCH ?", (expression,))}


def test_dil_does_not_find_dal(db):
    assert search(db, "दिल") == {2}
    assert search(db, "दाल") == {1}


def test_pakistan_and_pakistani_are_each_found_as_words(db):
    assert search(db, "पाकिस्तान") == {3, 4}
    assert search(db, "पाकिस्तानी") == {3, 4}


@pytest.mark.parametrize("q", ["कमर", "\u0958मर", "क\u093cमर"])
def test_qamar_is_found_in_both_nukta_encodings(db, q):
    assert search(db, q) == {5, 6}


def test_an_inflected_query_finds_the_direct_form(db):
    assert search(db, "लड़कों") == {7}
    assert search(db, "लड़के") == {7}


def test_phrase_matches_only_adjacent_words(db):
    assert search(db, "भारत प्रधानमंत्री") == {8, 9}
    assert search(db, '"भारत के प्रधानमंत्री"') == {8}
    assert search(db, '"प्रधानमंत्री भारत"') == set()


def test_prefix_search(db):
    assert search(db, "पाकि*") == {3, 4}
    assert search(db, "मोदी*") == {12}
    assert search(db, "Lav*") == {11}


def test_leading_minus_excludes(db):
    assert search(db, "पाकिस्तान -टीम") == {3}
    assert search(db, 'प्रधानमंत्री -"भारत के प्रधानमंत्री"') == {9}
    assert search(db, "प्रधानमंत्री -भारत") == set()


def test_or_joins_alternatives_and_binds_tighter_than_and(db):
    assert search(db, "दिल OR दाल") == {1, 2}
    assert search(db, "की दिल OR दाल") == {1, 2}
    assert search(db, "बीमारी दिल OR दाल") == {2}
    assert parse_query("x b OR c").fts_expression() == '"x" AND ("b" OR "c")'
    assert parse_query("रूस भारत OR चीन").fts_expression() == '"रूस" AND ("भारत" OR "चीन")'


def test_devanagari_digits_find_ascii_digits_and_back(db):
    assert search(db, "२०२४") == {10}
    assert search(db, "2024") == {10}


def test_latin_words_are_case_folded(db):
    assert search(db, "LAVROV imran") == {11}


HOSTILE = [
    '" OR * NEAR( ) : ^ -',
    '"unbalanced phrase',
    "body : दिल",
    "NEAR(दिल दाल, 2)",
    "दिल AND OR NOT दाल",
    "'; DROP TABLE doc; --",
    '""""',
    "*",
    "-",
    "- - -",
    "OR",
    "( ) { } [ ]",
    "^दिल",
    'दिल"*"',
    "\x00 \\ %",
    'col:"a" + b*',
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_raise_an_sqlite_error(db, q):
    search(db, q)
    assert db.execute("SELECT count(*) FROM doc").fetchone() == (len(DOCS),)


def test_random_queries_never_raise_an_sqlite_error(db):
    alphabet = list('"*-:^()+ ORNEADTदिलाकमऱ\u0958२०४ ') + ["OR", "NOT", "NEAR", "AND"]
    rng = random.Random(4)
    for _ in range(400):
        q = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 25)))
        search(db, q)


def test_every_term_in_the_expression_is_double_quoted():
    expression = parse_query('दिल OR "भारत रूस" -पाक* NEAR AND col:x').fts_expression()
    unquoted = re.sub(r'"(?:[^"]|"")*"\*?', " ", expression).replace("(", " ").replace(")", " ")
    assert set(unquoted.split()) == {"AND", "OR", "NOT", "+"}


def test_query_attributes():
    query = parse_query('Imran Khan "भारत के प्रधानमंत्री" पाकि* -Lavrov')
    assert query.terms == ("imran", "khan", "भारत", "प्रधानमंत्र", "पाकि", "पाक")
    assert query.prefixes == ("पाकि",)
    assert query.latin_words == ("imran", "khan")
    assert not query.is_empty


@pytest.mark.parametrize("q", ["", "   ", "-भारत", "। , ?", "OR"])
def test_queries_without_a_positive_term_are_empty(q):
    query = parse_query(q)
    assert query.is_empty and query.fts_expression() == "" and query.terms == ()


def test_stop_words_are_dropped_but_kept_when_alone():
    assert parse_query("भारत का रूस").terms == ("भारत", "रूस")
    assert parse_query("का और").terms == ("का", "और")
    assert parse_query("of the").latin_words == ("of", "the")
    assert parse_query("The Who").latin_words == ("who",)


def test_too_long_query_raises_query_error():
    parse_query("क" * MAX_QUERY_CHARS)
    with pytest.raises(QueryError, match=str(MAX_QUERY_CHARS)):
        parse_query("क" * (MAX_QUERY_CHARS + 1))
    assert issubclass(QueryError, ValueError)
