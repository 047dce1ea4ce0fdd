"""Blind held-out acceptance for the Hindi quotation finder.

Articles and gold live in ``tests/quotes_blind/`` (see its README). The gold was written by hand before
``find_quotes`` was ever run on these articles. Run this file directly for the full per-article report.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest

from khabar.analysis.quotes import Quote, find_quotes

BLIND = Path(__file__).resolve().parent / "quotes_blind"
TARGETS = {"speech_precision": 0.95, "speech_recall": 0.9, "speaker_accuracy": 0.9}
MIN_ARTICLES = 15
MIN_GOLD_QUOTES = 110
GOLD_KEYS = frozenset({"text", "kind", "speaker", "speaker_canonical", "cue", "channel"})
KINDS = frozenset({"speech", "term"})
PRONOUNS = frozenset({"उन्होंने", "उनका", "उनकी", "उनके", "वह", "वो", "वे", "उसने", "इन्होंने"})
TRAILING_STOPS = "।.,॥| "
INVISIBLES = re.compile("[\u200b\u200c\u200d\ufeff]")
NUKTA = "\u093c"


@dataclass
class Article:
    """One blind article with its hand-written gold quotations."""

    name: str
    text: str
    gold: list[dict]


@dataclass
class ArticleResult:
    """Gold and predicted quotations of one article, aligned by their quoted words."""

    article: Article
    pairs: list[tuple[dict, Quote]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    spurious: list[Quote] = field(default_factory=list)
    predicted: list[Quote] = field(default_factory=list)


def load_articles(folder: Path = BLIND) -> list[Article]:
    """Every article under ``folder/articles/`` with the gold of the same name."""
    articles = []
    for path in sorted((folder / "articles").glob("*.txt")):
        gold_path = folder / "gold" / f"{path.stem}.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else []
        articles.append(Article(path.stem, path.read_text(encoding="utf-8"), gold))
    return articles


def normalise_quote(text: str) -> str:
    """Quoted words compared loosely: NFC, collapsed whitespace, no trailing danda/full stop/comma."""
    text = INVISIBLES.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split()).rstrip(TRAILING_STOPS)


def fold_name(name: str) -> str:
    """A name without nukta, invisible joiners or spaces, for comparing spellings of one name."""
    decomposed = unicodedata.normalize("NFD", INVISIBLES.sub("", name))
    return "".join(decomposed.replace(NUKTA, "").split())


def fold_description(text: str) -> str:
    """A descriptive speaker ('एक बीजेपी नेता') folded like a name, without its leading 'एक'."""
    words = text.split()
    if len(words) > 1 and words[0] == "एक":
        words = words[1:]
    return fold_name(" ".join(words))


def align(article: Article, predicted: list[Quote]) -> ArticleResult:
    """Pair each gold quote, in order, with the first unused prediction quoting the same words."""
    result = ArticleResult(article, predicted=predicted)
    unused = list(predicted)
    for gold in article.gold:
        wanted = normalise_quote(gold["text"])
        match = next((quote for quote in unused if normalise_quote(quote.text) == wanted), None)
        if match is None:
            result.missed.append(gold)
        else:
            unused.remove(match)
            result.pairs.append((gold, match))
    result.spurious = unused
    return result


def speaker_correct(gold: dict, quote: Quote) -> bool:
    """Whether the predicted speaker is the gold one (by canonical name, or surface form for descriptions)."""
    expected = gold["speaker_canonical"]
    if expected is None:
        return quote.speaker is None and quote.speaker_canonical is None
    if quote.speaker_canonical and fold_name(quote.speaker_canonical) == fold_name(expected):
        return True
    if not gold.get("canonical_is_description"):
        return False
    wanted = {fold_description(expected)}
    if gold["speaker"] and gold["speaker"] not in PRONOUNS:
        wanted.add(fold_description(gold["speaker"]))
    got = {fold_description(value) for value in (quote.speaker_canonical, quote.speaker) if value}
    return bool(wanted & got)


def is_attributed_speech(quote: Quote) -> bool:
    return quote.kind == "speech" and bool(quote.speaker or quote.speaker_canonical)


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


class BlindScore:
    """Speech and term precision/recall, speaker accuracy and the per-article failures."""

    def __init__(self, results: list[ArticleResult]) -> None:
        self.results = results

    def _pairs(self, gold_kind: str, predicted_kind: str) -> list[tuple[dict, Quote]]:
        return [
            (gold, quote)
            for result in self.results
            for gold, quote in result.pairs
            if gold["kind"] == gold_kind and quote.kind == predicted_kind
        ]

    def _gold_count(self, kind: str) -> int:
        return sum(gold["kind"] == kind for result in self.results for gold in result.article.gold)

    def _predicted_count(self, kind: str) -> int:
        return sum(quote.kind == kind for result in self.results for quote in result.predicted)

    @cached_property
    def summary(self) -> dict[str, float]:
        speech_hits = self._pairs("speech", "speech")
        term_hits = self._pairs("term", "term")
        return {
            "speech_precision": ratio(len(speech_hits), self._predicted_count("speech")),
            "speech_recall": ratio(len(speech_hits), self._gold_count("speech")),
            "speaker_accuracy": ratio(sum(speaker_correct(g, q) for g, q in speech_hits), len(speech_hits)),
            "term_precision": ratio(len(term_hits), self._predicted_count("term")),
            "term_recall": ratio(len(term_hits), self._gold_count("term")),
        }

    @cached_property
    def terms_as_attributed_speech(self) -> list[tuple[dict, Quote]]:
        return [(gold, quote) for gold, quote in self._pairs("term", "speech") if is_attributed_speech(quote)]

    def failures(self) -> dict[str, list[str]]:
        """Per article, one line for each missed, spurious, wrongly-kinded or wrongly-attributed quote."""
        report = {}
        for result in self.results:
            lines = article_failures(result)
            if lines:
                report[result.article.name] = lines
        return report

    def render(self) -> str:
        lines = [f"{name}: {value:.3f}" for name, value in self.summary.items()]
        lines.append(f"terms reported as attributed speech: {len(self.terms_as_attributed_speech)}")
        for name, failures in self.failures().items():
            lines.append(f"\n[{name}]")
            lines.extend(f"  {line}" for line in failures)
        return "\n".join(lines)


def clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe_prediction(quote: Quote) -> str:
    return f"{quote.kind}, speaker={quote.speaker!r}, canonical={quote.speaker_canonical!r}"


def article_failures(result: ArticleResult) -> list[str]:
    lines = []
    for gold in result.missed:
        lines.append(f"MISSED {gold['kind']} «{clip(gold['text'])}» (speaker {gold['speaker_canonical']!r})")
    for gold, quote in result.pairs:
        if gold["kind"] != quote.kind:
            lines.append(
                f"KIND «{clip(gold['text'])}»: expected {gold['kind']}, got {describe_prediction(quote)}"
            )
        elif gold["kind"] == "speech" and not speaker_correct(gold, quote):
            lines.append(
                f"SPEAKER «{clip(gold['text'])}»: expected {gold['speaker_canonical']!r} "
                f"(as written {gold['speaker']!r}), got surface={quote.speaker!r} "
                f"canonical={quote.speaker_canonical!r}"
            )
    for quote in result.spurious:
        lines.append(f"SPURIOUS «{clip(quote.text)}» ({describe_prediction(quote)})")
    return lines


def score_blind_set() -> BlindScore:
    return BlindScore([align(article, find_quotes(article.text)) for article in load_articles()])


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_articles()


@pytest.fixture(scope="module")
def score() -> BlindScore:
    return score_blind_set()


def test_gold_is_well_formed(articles: list[Article]) -> None:
    assert len(articles) >= MIN_ARTICLES
    assert sum(len(article.gold) for article in articles) >= MIN_GOLD_QUOTES
    for article in articles:
        assert article.gold, f"{article.name}: no gold"
        cursor = 0
        for gold in article.gold:
            assert gold.keys() >= GOLD_KEYS, f"{article.name}: {gold}"
            assert gold["kind"] in KINDS, f"{article.name}: {gold}"
            assert (gold["speaker_canonical"] is None) == (gold["kind"] == "term"), f"{article.name}: {gold}"
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


def test_scorer_matches_loosely_but_not_wrongly() -> None:
    assert normalise_quote(" हम  तैयार हैं। ") == normalise_quote("हम तैयार हैं")
    assert normalise_quote("हम तैयार हैं") != normalise_quote("हम तैयार")
    assert fold_name("ग़ुलाम  रसूल") == fold_name("गुलाम रसूल")
    assert fold_description("एक बीजेपी नेता") == fold_description("बीजेपी नेता")


if __name__ == "__main__":
    print(score_blind_set().render())
