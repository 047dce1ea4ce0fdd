"""Reading token-per-line NER files and scoring BIO tags the conlleval way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("PER", "LOC", "ORG")

_TYPE_MAP = {
    "NEP": "PER",
    "NEL": "LOC",
    "NEO": "ORG",
    "PER": "PER",
    "PERSON": "PER",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
}


@dataclass(slots=True)
class Sentence:
    """One sentence: its tokens and, when the file had them, BIO tags over PER/LOC/ORG."""

    tokens: list[str]
    tags: list[str] | None = None


def normalise_tag(raw: str) -> str:
    """Map a source tag (IL-NER NEP/NEL/NEO, HiNER PERSON/..., plain PER/...) to BIO over PER/LOC/ORG.

    A bare ``-`` is noise and becomes ``O``; ``-NEL`` (a prefix-less entity tag) counts as a beginning.
    """
    raw = raw.strip()
    prefix, _, kind = raw.partition("-")
    if not kind:
        return "O"
    label = _TYPE_MAP.get(kind.upper())
    if label is None:
        return "O"
    prefix = prefix.upper()
    if prefix in ("B", "I"):
        return f"{prefix}-{label}"
    if prefix == "":
        return f"B-{label}"
    return "O"


def iter_conll(lines: Iterable[str]) -> Iterator[Sentence]:
    """Sentences from token-per-line text: blank lines separate sentences; columns are tab or space split."""
    tokens: list[str] = []
    tags: list[str | None] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            if tokens:
                yield _sentence(tokens, tags)
                tokens, tags = [], []
            continue
        if line.startswith("-DOCSTART-"):
            continue
        columns = line.split("\t") if "\t" in line else line.split()
        tokens.append(columns[0].strip())
        tags.append(normalise_tag(columns[1]) if len(columns) > 1 else None)
    if tokens:
        yield _sentence(tokens, tags)


def _sentence(tokens: list[str], tags: list[str | None]) -> Sentence:
    if any(tag is None for tag in tags):
        return Sentence(tokens)
    return Sentence(tokens, repair_bio([tag for tag in tags if tag is not None]))


def read_conll(path: str | Path) -> list[Sentence]:
    """All sentences of a token-per-line NER file (UTF-8), tags mapped by :func:`normalise_tag`."""
    with open(path, encoding="utf-8") as handle:
        return list(iter_conll(handle))


def repair_bio(tags: list[str]) -> list[str]:
    """Turn an ``I-X`` that does not continue an ``X`` into ``B-X`` so every sequence is valid BIO."""
    fixed: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` (end exclusive) of a BIO sequence, conlleval-style."""
    found: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label and start >= 0
        if start >= 0 and not continues:
            found.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return found


@dataclass
class Score:
    """Span counts per label and the precision/recall/F1 they give."""

    true_pos: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)

    def add(self, gold_tags: list[str], predicted_tags: list[str]) -> None:
        """Count one sentence."""
        gold = set(spans(gold_tags))
        guess = set(spans(predicted_tags))
        self.gold.update(label for *_, label in gold)
        self.predicted.update(label for *_, label in guess)
        self.true_pos.update(label for *_, label in gold & guess)

    def prf(self, label: str | None = None) -> dict[str, float]:
        """Precision, recall and F1 for one label, or micro-averaged over all when ``label`` is None."""
        if label is None:
            tp, pred, gold = (sum(c.values()) for c in (self.true_pos, self.predicted, self.gold))
        else:
            tp, pred, gold = self.true_pos[label], self.predicted[label], self.gold[label]
        precision = tp / pred if pred else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "support": gold}

    def report(self) -> dict[str, dict[str, float]]:
        """Per-label and micro scores as plain data."""
        table = {label: self.prf(label) for label in LABELS}
        table["micro"] = self.prf()
        return table


def score_sentences(gold: list[list[str]], predicted: list[list[str]]) -> Score:
    """Span scores of predicted BIO sequences against gold ones."""
    score = Score()
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        score.add(gold_tags, predicted_tags)
    return score
