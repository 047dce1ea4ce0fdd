"""Index terms for FTS5 (``khabar.store.search.terms``), checked against a real in-memory SQLite FTS5."""

from __future__ import annotations

import sqlite3
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from khabar.store.search import FTS_TOKENIZE, index_terms, term_spans
from khabar.store.search.stemmer import data_lines, hindi_suffixes, stem_english, stem_hindi
from khabar.store.search.terms import stop_words

DUMPS = Path("/work/shared/corpus/dumps")
PARAGRAPH = (
    "नई दिल्ली, 12 मार्च (भाषा)। पाकिस्तान के विदेश मंत्री शाह महमूद क़ुरैशी ने बुधवार को कहा कि "
    "जम्मू-कश्मीर पर बातचीत जारी रहेगी। Sergei Lavrov's visit, on 15.03.2024, covered ₹1,00,000 crore "
    "deals; रूसी प्रतिनिधिमंडल ने २०२४ के समझौतों पर हस्ताक्षर किए। डॉ॰ सिंह ने कहा: “हम यहाँ हैं।”"
)


def fts_table(tokenize: str = FTS_TOKENIZE) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(f'CREATE VIRTUAL TABLE doc USING fts5(body, tokenize="{tokenize}")')
    db.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(doc, 'instance')")
    return db


def fts_tokens(db: sqlite3.Connection, body: str) -> list[str]:
    """The tokens FTS5 makes of ``body``, in order."""
    db.execute("DELETE FROM doc")
    db.execute("INSERT INTO doc(rowid, body) VALUES (1, ?)", (body,))
    return [term for (term,) in db.execute("SELECT term FROM vocab ORDER BY offset")]


def test_fts_tokenize_keeps_a_devanagari_word_as_one_token():
    assert fts_tokens(fts_table(), "पाकिस्तान दिल दाल") == ["पाकिस्तान", "दिल", "दाल"]


def test_default_unicode61_splits_at_vowel_signs_and_confuses_dil_with_dal():
    db = fts_table("unicode61")
    assert fts_tokens(db, "पाकिस्तान") != ["पाकिस्तान"]
    db.execute("DELETE FROM doc")
    db.execute("INSERT INTO doc(rowid, body) VALUES (7, 'दाल')")
    assert db.execute("SELECT rowid FROM doc WHERE doc MATCH ?", ('"दिल"',)).fetchall() == [(7,)]


def test_our_tokenizer_keeps_dil_and_dal_apart():
    db = fts_table()
    db.execute("INSERT INTO doc(rowid, body) VALUES (7, 'दाल')")
    assert db.execute("SELECT rowid FROM doc WHERE doc MATCH ?", ('"दिल"',)).fetchall() == []


def test_every_devanagari_letter_and_sign_stays_inside_a_token():
    signs = [
        chr(cp)
        for cp in range(0x0900, 0x0980)
        if unicodedata.category(chr(cp))[0] in "LMN" and not "\u0966" <= chr(cp) <= "\u096f"
    ]
    body = " ".join(f"क{sign}क" for sign in signs)
    assert fts_tokens(fts_table(), body) == body.split()


@pytest.mark.parametrize(
    "text",
    [
        PARAGRAPH,
        "ক্ষমা বাংলা और اردو زبان, ਪੰਜਾਬੀ ਭਾਸ਼ਾ – naïve café's x\u0303 12.5% O'Brien G20 ½",
    ],
)
def test_fts5_keeps_every_index_term_as_one_token(text):
    terms = index_terms(text)
    assert terms and fts_tokens(fts_table(), " ".join(terms)) == terms


def test_corpus_index_terms_pass_through_fts5_unchanged():
    if not DUMPS.is_dir():
        pytest.skip("development corpus not available")
    db = fts_table()
    for path in sorted(DUMPS.glob("*.txt")):
        terms = index_terms(path.read_text(encoding="utf-8"))
        assert fts_tokens(db, " ".join(terms)) == terms, path.name


def test_inflections_of_a_noun_meet_at_one_stem():
    assert len(set(index_terms("लड़का लड़के लड़कों"))) == 1
    assert len(set(index_terms("लड़कियाँ लड़कियां लड़कियों लड़की"))) == 1
    assert len(set(index_terms("बातें बातों बात"))) == 1
    assert len(set(index_terms("नेता नेताओं"))) == 1


def test_pakistan_and_pakistani_share_a_term():
    assert index_terms("पाकिस्तान") == index_terms("पाकिस्तानी") == ["पाकिस्तान"]


@pytest.mark.parametrize(("one", "other"), [("दिल", "दाल"), ("मिल", "मील"), ("बस", "बास"), ("सेना", "सोना")])
def test_words_differing_inside_are_never_conflated(one, other):
    assert index_terms(one) != index_terms(other)


@pytest.mark.parametrize("word", ["दिल", "दाल", "दो", "नाम", "खान", "भारत", "जाकर", "शंकर"])
def test_short_or_uninflected_words_keep_their_form(word):
    assert index_terms(word) == [word]


def test_stem_keeps_two_letters_and_never_ends_in_a_virama():
    assert stem_hindi("पत्नी") == "पत्न"
    assert stem_hindi("मां") == "मां"
    assert stem_hindi("टक्कर") == "टक्कर"


def test_consonant_initial_endings_are_not_suffixes():
    assert index_terms("सेना") == ["सेन"]
    assert index_terms("करना करने") == ["करन", "करन"]
    assert index_terms("चलता चलते चलती चलतीं") == ["चलत"] * 4


def test_nukta_is_folded_in_both_encodings():
    precomposed, combining = "\u0958मर", "क\u093cमर"
    assert index_terms(precomposed) == index_terms(combining) == index_terms("कमर") == ["कमर"]


def test_chandrabindu_invisibles_and_digits_are_folded():
    assert index_terms("हँसी") == index_terms("हंसी")
    assert index_terms("पाकि\u200dस्तान\u200b") == ["पाकिस्तान"]
    assert index_terms("वर्ष २०२४ में") == index_terms("वर्ष 2024 में") == ["वर्ष", "2024"]


def test_stop_words_are_dropped_in_hindi_and_english():
    assert index_terms("भारत और पाकिस्तान के बीच बातचीत हो रही है") == ["भारत", "पाकिस्तान", "बीच", "बातचीत"]
    assert index_terms("The talks of the ministers") == ["talk", "minister"]


def test_content_words_that_look_like_function_words_are_kept():
    assert index_terms("कर") == ["कर"]
    assert index_terms("US WHO May") == ["us", "who", "may"]


def test_latin_words_are_lower_cased_and_lightly_stripped():
    assert index_terms("Imran Khan's Reports") == ["imran", "khan", "report"]
    assert index_terms("policies news bus Québec COVID-19 G20") == [
        "policy",
        "news",
        "bus",
        "quebec",
        "covid",
        "19",
        "g20",
    ]
    assert stem_english("class") == "class"


def test_punctuation_and_symbols_make_no_terms():
    assert index_terms("। ॥ , . ! ? “ ” ₹ % — … 🙂") == []


def test_compounds_and_numbers_split_where_fts5_would():
    assert index_terms("जम्मू-कश्मीर") == ["जम्म", "कश्मीर"]
    assert index_terms("1,00,000 और 12.5") == ["100000", "12", "5"]
    assert index_terms("डॉ॰ डॉ.") == ["डॉ", "डॉ"]


def test_term_spans_point_at_the_original_characters():
    text = "  क़मर\u200d ने जम्मू-कश्मीर में Khan's २०२४ यात्रा की"
    spans = term_spans(text)
    assert [(text[start:end], term) for start, end, term in spans] == [
        ("क़मर", "कमर"),
        ("जम्मू", "जम्म"),
        ("कश्मीर", "कश्मीर"),
        ("Khan", "khan"),
        ("२०२४", "2024"),
        ("यात्रा", "यात्र"),
    ]
    assert [term for _, _, term in spans] == index_terms(text)


def test_term_spans_of_a_decomposed_nukta_cover_the_whole_letter():
    text = "अब क\u093cमर"
    [(start, end, term)] = term_spans(text)
    assert (text[start:end], term) == ("क\u093cमर", "कमर")


def test_data_files_have_a_source_header_and_entries():
    for name in ("stopwords.txt", "suffixes.txt"):
        first = resources.files("khabar.store.search").joinpath("data", name).read_text(encoding="utf-8")
        assert first.startswith("#"), name
        assert data_lines(name)
    assert {"का", "है", "the"} <= stop_words()
    suffixes = hindi_suffixes()
    assert list(suffixes) == sorted(suffixes, key=len, reverse=True)
