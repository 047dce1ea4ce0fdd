"""Latin sound keys: romanisations of one name meet, different names stay apart."""

from __future__ import annotations

import pytest

from khabar.store.crossscript import consonant_key, name_terms, with_name_keys
from khabar.store.search import parse_query


@pytest.mark.parametrize(
    ("a", "b"),
    [("Qureshi", "Kureshi"), ("Qureshi", "Kuraishi"), ("Lavrov", "Lavroff"), ("Imran", "Imraan"),
     ("Khan", "Kaan"), ("Chaudhary", "Choudhary"), ("Chouhan", "Chauhan"), ("Sharma", "Sharmaa"),
     ("Sitharaman", "Sitarman"), ("Verma", "Varma"), ("Guterres", "Guteres"), ("Bajwa", "Bajva")],
)
def test_variants_share_a_key(a: str, b: str) -> None:
    assert consonant_key(a) == consonant_key(b) is not None


@pytest.mark.parametrize(("a", "b"), [("Lavrov", "Lavender"), ("Modi", "Mehta"), ("Modi", "Mahmood"), ("Putin", "Patna"), ("Kumar", "Qamar"),
                                       ("Chouhan", "Khan")])
def test_different_names_differ(a: str, b: str) -> None:
    assert consonant_key(a) != consonant_key(b)


def test_short_and_non_latin_words_have_no_key() -> None:
    assert consonant_key("Ali") is None
    assert consonant_key("लावरोव") is None


def test_name_terms_put_words_before_keys() -> None:
    assert name_terms(["Imran Khan"]) == ["imran", "khan", "qimrn", "qkn"]


def test_query_words_also_match_keys() -> None:
    expression = with_name_keys(parse_query("Kureshi पाकिस्तान")).fts_expression()
    assert '"qkursi"' in expression and '"kureshi"' in expression
    assert with_name_keys(parse_query("पाकिस्तान")) == parse_query("पाकिस्तान")
