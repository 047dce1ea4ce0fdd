"""Training the NER tagger from several token-per-line files, with either crfsuite algorithm."""

from __future__ import annotations

import argparse
import json
import os

import pytest

from khabar.analysis.ner.model import Tagger
from khabar.analysis.ner.train import main_train_ner, train

PEOPLE = ["राम", "श्याम", "गीता", "सीता", "मोहन", "सोहन"]
PLACES = ["दिल्ली", "पटना", "जयपुर", "भोपाल", "लखनऊ", "इंदौर"]


def write_split(path, people: list[str], places: list[str]) -> None:
    """Sentences ``X ने Y में भाषण दिया ।`` with X a person and Y a place."""
    lines = []
    for person, place in zip(people, places, strict=True):
        for token, tag in [(person, "B-NEP"), ("ने", "O"), (place, "B-NEL"), ("में", "O"), ("भाषण", "O"),
                           ("दिया", "O"), ("।", "O")]:
            lines.append(f"{token}\t{tag}\n")
        lines.append("\n")
    path.write_text("".join(lines) * 3, encoding="utf-8")


@pytest.fixture()
def splits(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    write_split(first, PEOPLE[:3], PLACES[:3])
    write_split(second, PEOPLE[3:], PLACES[3:])
    return first, second


@pytest.mark.parametrize("algorithm", ["lbfgs", "ap"])
def test_training_on_two_files_learns_both_and_writes_a_card(tmp_path, splits, algorithm):
    model = tmp_path / "tiny.crfsuite"
    params = {"max_iterations": 30} if algorithm == "ap" else None
    card = train(list(splits), model, dev_path=splits[1], clusters_path="", params=params, algorithm=algorithm,
                 notes={"purpose": "test"})
    assert card["train"] == "a.txt, b.txt" and card["sentences"] == 18
    assert card["algorithm"] == algorithm and card["purpose"] == "test"
    assert card["dev"]["micro"]["f1"] > 0.9
    tags = Tagger(model).tag_tokens(["सोहन", "ने", "जयपुर", "में", "भाषण", "दिया", "।"])
    assert tags[:3] == ["B-PER", "O", "B-LOC"]
    assert json.loads((tmp_path / "tiny.json").read_text(encoding="utf-8"))["algorithm"] == algorithm


def test_command_joins_training_files_with_the_path_separator(tmp_path, splits, capsys):
    args = argparse.Namespace(train=os.pathsep.join(map(str, splits)), output=str(tmp_path / "m.crfsuite"),
                              dev=None, clusters="", licence="CC-BY-4.0", attribution=None)
    assert main_train_ner(args) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["train"] == "a.txt, b.txt" and card["licence"] == "CC-BY-4.0"
