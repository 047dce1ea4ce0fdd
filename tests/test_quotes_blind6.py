"""Sixth blind held-out acceptance for the Hindi quotation finder.

Articles and gold live in ``tests/quotes_blind6/`` (see its README): new sites, topics, people and
sentence shapes, gold written by hand before ``find_quotes`` was ever run on them. The scoring rules
and targets are those of the first blind set, imported from ``test_quotes_blind``. Run this file
directly for the full per-article report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.analysis.quotes import find_quotes
from test_quotes_blind import (
    GOLD_KEYS,
    KINDS,
    TARGETS,
    Article,
    BlindScore,
    align,
    describe_prediction,
    fold_description,
)

BLIND6 = Path(__file__).resolve().parent / "quotes_blind6"
MIN_ARTICLES = 10
MIN_GOLD_QUOTES = 60
MIN_SPEECH_QUOTES = 50


def load_articles() -> list[Article]:
    """Every article under ``quotes_blind6/articles/`` with the gold of the same name."""
    articles = []
    for path in sorted((BLIND6 / "articles").glob("*.txt")):
        gold_path = BLIND6 / "gold" / f"{path.stem}.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else []
        articles.append(Article(path.stem, path.read_text(encoding="utf-8"), gold))
    return articles


def score_blind_set() -> BlindScore:
    return BlindScore([align(article, find_quotes(article.text)) for article in load_articles()])


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_articles()


@pytest.fixture(scope="module")
def score() -> BlindScore:
    return score_blind_set()


def assert_gold_entry(name: str, gold: dict) -> None:
    assert gold.keys() >= GOLD_KEYS, f"{name}: {gold}"
    assert gold["kind"] in KINDS, f"{name}: {gold}"
    assert (gold["speaker_canonical"] is None) == (gold["kind"] == "term"), f"{name}: {gold}"
    if gold.get("canonical_is_description"):
        assert fold_description(gold["speaker_canonical"]), f"{name}: empty description {gold}"


def test_gold_is_well_formed(articles: list[Article]) -> None:
    assert len(articles) >= MIN_ARTICLES
    every_gold = [gold for article in articles for gold in article.gold]
    assert len(every_gold) >= MIN_GOLD_QUOTES
    assert sum(gold["kind"] == "speech" for gold in every_gold) >= MIN_SPEECH_QUOTES
    for article in articles:
        assert article.gold, f"{article.name}: no gold"
        cursor = 0
        for gold in article.gold:
            assert_gold_entry(article.name, gold)
            found = article.text.find(gold["text"], cursor)
            assert found >= 0, f"{article.name}: gold text not in order in the article: {gold['text']}"
            cursor = found + len(gold["text"])


def test_speech_precision(score: BlindScore) -> None:
    value = score.summary["speech_precision"]
    assert value >= TARGETS["speech_precision"], f"speech precision {value:.3f}\n{score.render()}"


def test_speech_recall(score: BlindScore) -> None:
    value = score.summary["speech_recall"]
    assert value >= TARGETS["speech_recall"], f"speech recall {value:.3f}\n{score.render()}"


def test_speaker_accuracy(score: BlindScore) -> None:
    value = score.summary["speaker_accuracy"]
    assert value >= TARGETS["speaker_accuracy"], f"speaker accuracy {value:.3f}\n{score.render()}"


def test_no_term_reported_as_attributed_speech(score: BlindScore) -> None:
    wrong = [
        f"«{gold['text']}» -> {describe_prediction(quote)}"
        for gold, quote in score.terms_as_attributed_speech
    ]
    assert not wrong, "\n".join(wrong)


if __name__ == "__main__":
    print(score_blind_set().render())
