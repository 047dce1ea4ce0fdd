"""Blind held-out acceptance for the Hindi quotation finder: sets 2 and up.

Each ``tests/quotes_blindN/`` (see its README) holds articles and gold written by hand, by someone who
had not seen the finder, before it was ever run on them: new sites, topics, people and sentence
shapes. Scoring rules and targets are those of the first blind set (``test_quotes_blind``). Run this file
with a set's folder name (``python tests/test_quotes_blind_sets.py quotes_blind4``) for its full report.
"""

from __future__ import annotations

import sys
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
    load_articles,
)

HERE = Path(__file__).resolve().parent
SETS = sorted((p for p in HERE.glob("quotes_blind[0-9]*") if p.is_dir()), key=lambda p: int(p.name[12:]))
MIN_ARTICLES = 8
MIN_GOLD_QUOTES = 50
MIN_SPEECH_QUOTES = 40


def score_set(folder: Path) -> BlindScore:
    return BlindScore([align(article, find_quotes(article.text)) for article in load_articles(folder)])


@pytest.fixture(scope="module", params=SETS, ids=[p.name for p in SETS])
def blind_set(request) -> tuple[list[Article], BlindScore]:
    return load_articles(request.param), score_set(request.param)


def assert_gold_entry(name: str, gold: dict) -> None:
    assert gold.keys() >= GOLD_KEYS, f"{name}: {gold}"
    assert gold["kind"] in KINDS, f"{name}: {gold}"
    assert (gold["speaker_canonical"] is None) == (gold["kind"] == "term"), f"{name}: {gold}"
    if gold.get("canonical_is_description"):
        assert fold_description(gold["speaker_canonical"]), f"{name}: empty description {gold}"


def test_gold_is_well_formed(blind_set) -> None:
    articles, _ = blind_set
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


@pytest.mark.parametrize("metric", ["speech_precision", "speech_recall", "speaker_accuracy"])
def test_targets(blind_set, metric: str) -> None:
    _, score = blind_set
    value = score.summary[metric]
    assert value >= TARGETS[metric], f"{metric} {value:.3f}\n{score.render()}"


def test_no_term_reported_as_attributed_speech(blind_set) -> None:
    _, score = blind_set
    wrong = [f"«{gold['text']}» -> {describe_prediction(quote)}" for gold, quote in score.terms_as_attributed_speech]
    assert not wrong, "\n".join(wrong)


if __name__ == "__main__":
    for folder in SETS:
        if len(sys.argv) < 2 or folder.name in sys.argv[1:]:
            print(f"== {folder.name}")
            print(score_set(folder).render())
