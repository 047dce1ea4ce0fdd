"""The NumPy CRF decoder gives CRFsuite's tags: per-word weight sums, batched Viterbi over sentences."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from khabar.analysis.ner.conll import read_conll
from khabar.analysis.ner.decode import BATCH_SENTENCES, viterbi
from khabar.analysis.ner.train import DEFAULT_MODEL

IL_NER_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "il-ner" / "hindi-dev.txt"
TEXTS = [
    "रूस के विदेश मंत्री सर्गेई लावरोव ने पाकिस्तान के विदेश मंत्री शाह महमूद कुरैशी से मुलाकात की ।",
    "भारतीय रिज़र्व बैंक ( RBI ) ने मुंबई में कहा कि महंगाई 4.5 % रहेगी ।",
    "नमस्ते",
    "प्रधानमंत्री नरेंद्र मोदी , गृह मंत्री अमित शाह और कांग्रेस नेता राहुल गांधी दिल्ली पहुंचे",
    "उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ ने लखनऊ विश्वविद्यालय के छात्रों से बात की ।",
]
SENTENCES = [text.split(" ") for text in TEXTS]


@pytest.fixture(scope="module")
def tagger():
    if not DEFAULT_MODEL.exists():
        pytest.skip("the NER model is not built (khabar train-ner)")
    from khabar.analysis.ner.model import Tagger

    return Tagger.load()


def crfsuite_tags(tagger, sentences: list[list[str]]) -> list[list[str]]:
    return [tagger.tag_with_crfsuite(tokens) for tokens in sentences]


def test_same_tags_as_crfsuite_on_written_sentences(tagger) -> None:
    sentences = [*SENTENCES, [], SENTENCES[0][:1]]
    assert tagger.tag_sentences(sentences) == crfsuite_tags(tagger, sentences)
    assert any(tag != "O" for tags in tagger.tag_sentences(sentences) for tag in tags)


def test_same_tags_as_crfsuite_on_il_ner_dev(tagger) -> None:
    if not IL_NER_DEV.exists():
        pytest.skip("../shared/data/il-ner is not present")
    sentences = [s.tokens for s in read_conll(IL_NER_DEV)]
    assert len(sentences) > BATCH_SENTENCES  # several batches of mixed lengths
    assert tagger.tag_sentences(sentences) == crfsuite_tags(tagger, sentences)


def test_one_sentence_is_tagged_the_same_alone_and_in_a_document(tagger) -> None:
    alone = [tagger.tag_tokens(tokens) for tokens in SENTENCES]
    assert tagger.tag_sentences(SENTENCES) == alone


def brute_force(scores: np.ndarray, transitions: np.ndarray) -> list[int]:
    labels = range(scores.shape[1])

    def total(path: tuple[int, ...]) -> float:
        return sum(scores[t, k] for t, k in enumerate(path)) + sum(
            transitions[a, b] for a, b in itertools.pairwise(path)
        )

    return list(max(itertools.product(labels, repeat=len(scores)), key=total))


def test_batched_viterbi_finds_the_best_path_of_every_sentence_length() -> None:
    rng = np.random.default_rng(7)
    transitions = rng.normal(size=(3, 3))
    lengths = np.array([1, 4, 2, 5, 3])
    scores = rng.normal(size=(len(lengths), lengths.max(), 3))
    for s, n in enumerate(lengths):
        scores[s, n:] = 0.0
    paths = viterbi(scores, lengths, transitions)
    for s, n in enumerate(lengths):
        assert paths[s, :n].tolist() == brute_force(scores[s, :n], transitions)
