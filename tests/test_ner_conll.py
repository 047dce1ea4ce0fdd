"""Reading token-per-line NER files and conlleval-style span scoring."""

from __future__ import annotations

from khabar.analysis.ner.conll import (
    iter_conll,
    normalise_tag,
    read_conll,
    repair_bio,
    score_sentences,
    spans,
)


def test_tags_from_both_datasets_map_to_three_types():
    assert normalise_tag("B-NEP") == "B-PER"
    assert normalise_tag("I-NEL") == "I-LOC"
    assert normalise_tag("B-NEO") == "B-ORG"
    assert normalise_tag("B-PERSON") == "B-PER"
    assert normalise_tag("I-ORGANIZATION") == "I-ORG"
    assert normalise_tag("B-LOC") == "B-LOC"
    for other in ("B-NETI", "I-NEN", "B-NEAR", "B-NED", "B-NEU", "O", "-", ""):
        assert normalise_tag(other) == "O"


def test_prefixless_entity_tag_starts_an_entity():
    assert normalise_tag("-NEL") == "B-LOC"


def test_reader_handles_blank_runs_extra_columns_and_missing_tags(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text(
        "\n\nइमरान\tB-NEP\textra\nखान\tI-NEP\n\n\n\nरूस\t-\n-DOCSTART-\tO\nगया\tO\n\nबिना\nटैग\n",
        encoding="utf-8",
    )
    sentences = read_conll(path)
    assert [s.tokens for s in sentences] == [["इमरान", "खान"], ["रूस", "गया"], ["बिना", "टैग"]]
    assert sentences[0].tags == ["B-PER", "I-PER"]
    assert sentences[1].tags == ["O", "O"]
    assert sentences[2].tags is None


def test_space_separated_columns_and_crlf():
    sentences = list(iter_conll(["दिल्ली B-LOCATION\r\n", "में O\r\n", "\r\n"]))
    assert sentences[0].tokens == ["दिल्ली", "में"]
    assert sentences[0].tags == ["B-LOC", "O"]


def test_stray_inside_tag_is_repaired_to_a_beginning():
    assert repair_bio(["O", "I-PER", "I-PER", "I-LOC"]) == ["O", "B-PER", "I-PER", "B-LOC"]


def test_spans_follow_conlleval():
    assert spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    ]
    assert spans(["I-PER", "I-PER"]) == [(0, 2, "PER")]


def test_scores_need_exact_span_and_type():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    guess = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "O"]]
    report = score_sentences(gold, guess).report()
    assert report["LOC"]["precision"] == 0.5 and report["LOC"]["recall"] == 1.0
    assert report["PER"]["f1"] == 0.0
    assert report["micro"]["precision"] == 1 / 3
    assert report["micro"]["recall"] == 1 / 3
    assert report["micro"]["support"] == 3
