"""Quotation finding scored on hand-written articles (tests/quotes/) and the seed page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.analysis.quotes import Quote, find_quotes
from khabar.hindi import match_key

FIXTURES = Path(__file__).parent / "quotes"
SEED = Path("/work/shared/examples/seed-page-dump.txt")


def _same(left: str | None, right: str | None) -> bool:
    return match_key((left or "").strip()) == match_key((right or "").strip())


def _matching_gold(quote: Quote, gold: list[dict]) -> dict | None:
    return next((entry for entry in gold if _same(entry["text"], quote.text)), None)


def _is_correct(quote: Quote, entry: dict | None) -> bool:
    """Same words, same kind and, for speech, the same canonical speaker."""
    if entry is None or entry["kind"] != quote.kind:
        return False
    return quote.kind == "term" or _same(entry.get("speaker_canonical"), quote.speaker_canonical)


def _articles() -> list[tuple[str, list[dict]]]:
    return [
        (path.read_text(encoding="utf-8"), json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
        for path in sorted(FIXTURES.glob("*.txt"))
    ]


def _scores() -> dict[str, float]:
    predicted = gold_total = correct = cue_right = speech = 0
    for text, gold in _articles():
        quotes = find_quotes(text)
        predicted += len(quotes)
        gold_total += len(gold)
        for quote in quotes:
            entry = _matching_gold(quote, gold)
            correct += _is_correct(quote, entry)
            if entry is not None and quote.kind == entry["kind"] == "speech":
                speech += 1
                cue_right += (quote.cue, quote.channel) == (entry["cue"], entry["channel"])
    return {
        "precision": correct / predicted,
        "recall": correct / gold_total,
        "cue_channel": cue_right / speech,
        "articles": len(_articles()),
    }


def test_fixture_articles_cover_at_least_twelve_articles() -> None:
    assert len(_articles()) >= 12


def test_precision_and_recall_on_hand_written_articles() -> None:
    scores = _scores()
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.9, scores


def test_cue_and_channel_as_written_on_hand_written_articles() -> None:
    assert _scores()["cue_channel"] >= 0.9


def test_offsets_point_at_the_quoted_words_and_the_speaker() -> None:
    for text, _ in _articles():
        for quote in find_quotes(text):
            assert text[quote.start : quote.end] == quote.text
            if quote.speaker is not None:
                assert text[quote.speaker_start : quote.speaker_end] == quote.speaker


def _seed_body() -> str:
    if not SEED.exists():
        pytest.skip("seed page dump not available")
    paragraphs = [part.strip() for part in SEED.read_text(encoding="utf-8").split("\n\n") if part.strip()]
    return "\n\n".join(paragraphs[1:8])


def test_seed_acceptance_five_spoken_quotations_with_their_speakers() -> None:
    body = _seed_body()
    speech = [quote for quote in find_quotes(body) if quote.kind == "speech"]
    speakers = [(quote.text[:12], quote.speaker, quote.speaker_canonical) for quote in speech]
    assert [(s[1], s[2]) for s in speakers] == [
        ("कुरैशी", "शाह महमूद कुरैशी"),
        ("कुरैशी", "शाह महमूद कुरैशी"),
        ("पाकिस्तानी सेना", "पाकिस्तानी सेना"),
        ("उन्होंने", "क़मर जावेद बाजवा"),
        ("उन्होंने", "सेर्गेई लावरोव"),
    ], speakers
    assert [(quote.cue, quote.channel) for quote in speech] == [
        ("लिखा", "ट्विटर"),
        ("कहा", "प्रेस वार्ता सम्मेलन"),
        ("बोला गया", "बयान"),
        ("कहा", None),
        ("कहा", None),
    ]


def test_seed_terms_are_not_speech() -> None:
    quotes = {quote.text: quote for quote in find_quotes(_seed_body())}
    assert quotes["पाकिस्तान स्ट्रीम"].kind == "term"
    special = quotes["विशेष सैन्य उपकरण"]
    assert special.kind == "term" or special.speaker_canonical == "सेर्गेई लावरोव"
