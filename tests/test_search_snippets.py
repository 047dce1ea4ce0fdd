"""Result snippets (``khabar.store.search.snippets``): best window, word-boundary cuts, highlights."""

from __future__ import annotations

import unicodedata

from khabar.store.search import Snippet, parse_query, snippet
from khabar.store.search.snippets import ELLIPSIS

FILLER = "मौसम विभाग ने आज कई जिलों में बारिश की चेतावनी जारी की है। "
VIRAMA = "\u094d"


def highlighted(result: Snippet) -> list[str]:
    return [result.text[start:end] for start, end in result.highlights]


def assert_cut_between_aksharas(result: Snippet) -> None:
    body = result.text.strip(ELLIPSIS)
    assert not unicodedata.category(body[0]).startswith("M")
    assert not body.endswith(VIRAMA)


def test_short_text_is_returned_whole_with_highlights():
    result = snippet("पाकिस्तान के विदेश मंत्री ने कहा", parse_query("पाकिस्तानी मंत्री"))
    assert result.text == "पाकिस्तान के विदेश मंत्री ने कहा"
    assert highlighted(result) == ["पाकिस्तान", "मंत्री"]
    assert result.marked() == "[पाकिस्तान] के विदेश [मंत्री] ने कहा"
    assert result.marked("<b>", "</b>").startswith("<b>पाकिस्तान</b> के")


def test_window_with_most_distinct_terms_wins_over_an_earlier_single_term():
    text = "भारत " + FILLER * 6 + "भारत और रूस के बीच समझौता हुआ। " + FILLER * 6
    result = snippet(text, parse_query("भारत रूस"), width=120)
    assert highlighted(result) == ["भारत", "रूस"]
    assert result.text.startswith(ELLIPSIS) and result.text.endswith(ELLIPSIS)
    assert len(result.text) <= 120 + 2


def test_earliest_window_wins_a_tie():
    text = FILLER * 3 + "पहली बार रूस। " + FILLER * 6 + "दूसरी बार रूस। " + FILLER * 3
    result = snippet(text, parse_query("रूस"), width=100)
    assert "पहली" in result.text and "दूसरी" not in result.text


def test_cuts_fall_on_word_boundaries_never_inside_an_akshara():
    text = FILLER * 5 + "क्षत्रिय सम्मेलन में प्रधानमंत्री पहुंचे। " + FILLER * 5
    result = snippet(text, parse_query("सम्मेलन"), width=90)
    body = result.text.strip(ELLIPSIS)
    assert " ".join(text.split()).find(body) >= 0
    for word in body.split():
        assert word in text.split() or word.rstrip("।") in text.split()
    assert_cut_between_aksharas(result)


def test_text_without_spaces_is_cut_between_aksharas():
    text = "क्षत्रिय" * 60
    result = snippet(text, parse_query("कुछ"), width=50)
    assert result.text.endswith(ELLIPSIS)
    assert_cut_between_aksharas(result)
    assert len(result.text) <= 51


def test_no_match_gives_the_beginning():
    text = FILLER * 10
    result = snippet(text, parse_query("क्रिकेट"), width=80)
    assert text.startswith(result.text.removesuffix(ELLIPSIS))
    assert result.text.endswith(ELLIPSIS) and result.highlights == []


def test_highlight_covers_the_original_spelling():
    text = "पत्रकार \u0958मर अली और लेखक क\u093cमर जावेद"
    result = snippet(text, parse_query("कमर"))
    assert highlighted(result) == ["\u0958मर", "क\u093cमर"]


def test_inflected_words_are_highlighted_through_their_stem():
    result = snippet("गांव के लड़के और एक लड़का", parse_query("लड़कों"))
    assert highlighted(result) == ["लड़के", "लड़का"]


def test_prefix_terms_highlight_words_that_start_with_them():
    result = snippet("पाकिस्तान और पाकिस्तानी सेना, पाक अधिकृत कश्मीर", parse_query("पाकिस्ता*"))
    assert highlighted(result) == ["पाकिस्तान", "पाकिस्तानी"]


def test_whitespace_is_collapsed_and_offsets_still_fit():
    text = "पहली पंक्ति\n\n   दूसरी\tपंक्ति में रूस"
    result = snippet(text, parse_query("रूस पंक्ति"))
    assert result.text == "पहली पंक्ति दूसरी पंक्ति में रूस"
    assert highlighted(result) == ["पंक्ति", "पंक्ति", "रूस"]


def test_empty_query_and_empty_text():
    assert snippet("", parse_query("रूस")) == Snippet("", [])
    assert snippet("छोटा पाठ", parse_query("")).text == "छोटा पाठ"
