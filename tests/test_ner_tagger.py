"""The shipped Hindi NER tagger, its features, scoring and the ``khabar ner`` CoNLL round trip."""

from __future__ import annotations

import argparse
import io
import sys

import pytest

from khabar.analysis.ner.conll import iter_conll, spans
from khabar.analysis.ner.features import Featuriser, Lexicon, fold, skeleton
from khabar.analysis.ner.train import DEFAULT_MODEL, harvest_names

SEED = [
    "रूस के विदेश मंत्री सर्गेई लावरोव ने पाकिस्तान के विदेश मंत्री शाह महमूद कुरैशी से मुलाकात की ।",
    "लावरोव ने कहा कि रूस और पाकिस्तान के बीच सहयोग बढ़ेगा ।",
    "कुरैशी ने इस्लामाबाद में पत्रकारों से कहा कि पाकिस्तान रूस के साथ संबंध मजबूत करेगा ।",
]


@pytest.fixture(scope="module")
def tagger():
    if not DEFAULT_MODEL.exists():
        pytest.skip("the NER model is not built (khabar train-ner)")
    from khabar.analysis.ner.model import Tagger

    return Tagger.load()


def entities(tagger, sentence: str) -> set[tuple[str, str]]:
    tokens = sentence.split()
    return {(" ".join(tokens[a:b]), label) for a, b, label in spans(tagger.tag_tokens(tokens))}


def test_folding_merges_spelling_variants():
    assert fold("क़ुरैशी") == fold("कुरेशी")
    assert fold("गाँधी") == fold("गांधि")
    assert skeleton("लावरोव") == skeleton("लवरव")


def test_acronyms_in_devanagari_are_spotted():
    featuriser = Featuriser(Lexicon.load_cues())
    assert featuriser.is_acronym("ईबीआरडी")
    assert featuriser.is_acronym("बीजेपी")
    assert not featuriser.is_acronym("भारत")
    assert not featuriser.is_acronym("के")


def test_features_mark_titles_postpositions_and_gazetteer_phrases():
    lexicon = Lexicon.load_cues().with_entries([("संयुक्त अरब अमीरात", "cty"), ("रूस", "cty")], {})
    rows = Featuriser(lexicon).sentence(["विदेश", "मंत्री", "लावरोव", "ने", "संयुक्त", "अरब", "अमीरात", "और", "रूस"])
    assert "title-before" in rows[2]
    assert "+1postp" in rows[2]
    assert "gp=B-cty" in rows[4] and "gp=I-cty" in rows[6]
    assert "g=cty" in rows[8]


def test_harvest_keeps_names_but_not_common_words():
    sentences = list(
        iter_conll(
            [f"{w}\t{t}\n" for w, t in [("इमरान", "B-NEP"), ("खान", "I-NEP"), ("के", "O"), ("घर", "O")]]
            + ["\n", "राम\tB-NEP\n", "के\tI-NEP\n", "घर\tO\n", "के\tO\n", "पास\tO\n", "\n"]
        )
    )
    harvested = set(harvest_names(sentences))
    assert (fold("इमरान"), "perF") in harvested
    assert (fold("खान"), "perL") in harvested
    assert (fold("इमरान") + " " + fold("खान"), "PER") in harvested
    assert not any(word == "के" for word, _ in harvested)


def test_tags_are_valid_bio_with_three_types(tagger):
    for sentence in SEED:
        tags = tagger.tag_tokens(sentence.split())
        assert len(tags) == len(sentence.split())
        previous = "O"
        for tag in tags:
            assert tag == "O" or tag[:2] in ("B-", "I-") and tag[2:] in ("PER", "LOC", "ORG")
            if tag.startswith("I-"):
                assert previous[2:] == tag[2:]
            previous = tag
    assert tagger.tag_tokens([]) == []


def test_tagger_finds_the_seed_names(tagger):
    first = entities(tagger, SEED[0])
    assert ("रूस", "LOC") in first
    assert ("पाकिस्तान", "LOC") in first
    assert ("सर्गेई लावरोव", "PER") in first
    third = entities(tagger, SEED[2])
    assert ("इस्लामाबाद", "LOC") in third and ("पाकिस्तान", "LOC") in third
    fourth = entities(tagger, "प्रधानमंत्री इमरान खान और सेना प्रमुख क़मर जावेद बाजवा ने बैठक की ।")
    assert {("इमरान खान", "PER"), ("क़मर जावेद बाजवा", "PER")} <= fourth


def test_document_mode_carries_a_name_to_its_short_mentions(tagger):
    sentences = [s.split() for s in SEED[:2]]
    alone = tagger.tag_sentences(sentences)
    together = tagger.tag_sentences(sentences, document=True)
    assert together[1][0] == "B-PER"
    assert together[0] == alone[0]


def test_document_consistency_labels_lone_repeats_only():
    from khabar.analysis.ner.model import _consistent

    sentences = [["सर्गेई", "लावरोव", "ने"], ["लावरोव", "ने"], ["रूस", "के", "लावरोव"], ["ने", "के"]]
    tagged = [["B-PER", "I-PER", "O"], ["O", "O"], ["B-LOC", "O", "O"], ["O", "O"]]
    fixed = _consistent(sentences, tagged, frozenset({"ने", "के"}))
    assert fixed == [["B-PER", "I-PER", "O"], ["B-PER", "O"], ["B-LOC", "O", "B-PER"], ["O", "O"]]


def test_ner_command_round_trips_token_for_token(tagger, tmp_path, monkeypatch):
    from khabar.analysis.ner.model import evaluate, main_ner

    gold = tmp_path / "gold.conll"
    lines = []
    for sentence in SEED:
        lines += [f"{token}\tO\textra\n" for token in sentence.split()] + ["\n"]
    gold.write_text("".join(lines), encoding="utf-8")
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert main_ner(argparse.Namespace(file=str(gold), format="conll", model=None)) == 0
    produced = list(iter_conll(out.getvalue().splitlines(keepends=True)))
    assert [s.tokens for s in produced] == [s.split() for s in SEED]
    assert all(s.tags is not None for s in produced)
    assert out.getvalue().endswith("\n\n")
    tagged = tmp_path / "tagged.conll"
    tagged.write_text(out.getvalue(), encoding="utf-8")
    assert evaluate(tagged, tagger)["micro"]["f1"] == 1.0
    assert evaluate(gold, tagger)["micro"]["precision"] == 0.0
