"""Training the Hindi NER tagger: gazetteers harvested from the training data, word clusters, a CRF."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from .conll import Sentence, read_conll, spans
from .features import DATA_DIR, MAX_GAZETTEER_WORDS, Featuriser, Lexicon, fold, read_table

DEFAULT_MODEL = DATA_DIR / "ner-hi.crfsuite"
FOLDS = 5
MIN_ENTITY_SHARE = 0.5
CLUSTERS_COMMENT = (
    "Word clusters (word<TAB>bit path) from khabar.analysis.ner.clusters.build_clusters over the\n"
    "token text of IL-NER Hindi train and dev (CC-BY-4.0, IIIT Hyderabad, CDAC Noida, IIIT Bhubaneswar)."
)
CRF_ALGORITHM = "lbfgs"
CRF_PARAMS = {"c1": 0.15, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def sidecar(model_path: str | Path, suffix: str) -> Path:
    """A file that travels with a model: ``ner-hi.crfsuite`` -> ``ner-hi.names.tsv`` and so on."""
    path = Path(model_path)
    return path.with_name(path.stem + suffix)


def static_entries() -> list[tuple[str, str]]:
    """Gazetteer entries from the shipped lists: CLDR names, Indian and nearby places, given names
    (``png``) and surnames (``pns``).

    The organisation list is left out: as a feature it lowered ORG F1 on IL-NER dev (0.550 -> 0.520),
    whose organisation spans follow conventions of their own; it serves English glosses only.
    """
    entries = [(row[0], row[2]) for row in read_table("cldr_names.tsv") if len(row) >= 3]
    entries += [(row[0], "inp") for row in read_table("indian_places.tsv")]
    entries += [(row[0], "pn" + row[1][0]) for row in read_table("person_names.tsv")]
    return entries


def harvest_names(sentences: Iterable[Sentence]) -> list[tuple[str, str]]:
    """Words seen inside PER/LOC/ORG spans (first names, surnames, place and organisation words).

    A word is kept only when most of its occurrences are inside spans of that kind, so common words
    that happen to sit in a name (``के``, ``नगर``) stay out.
    """
    total: Counter[str] = Counter()
    inside: Counter[tuple[str, str]] = Counter()
    phrases: set[tuple[str, str]] = set()
    for sentence in sentences:
        total.update(fold(t) for t in sentence.tokens)
        for start, end, label in spans(sentence.tags or []):
            words = [fold(t) for t in sentence.tokens[start:end]]
            for word in words:
                inside[(word, label.lower())] += 1
            if 1 < len(words) <= MAX_GAZETTEER_WORDS:
                phrases.add((" ".join(words), label))
            if label == "PER":
                inside[(words[0], "perF")] += 1
                if len(words) > 1:
                    inside[(words[-1], "perL")] += 1
    words = {(word, tag) for (word, tag), count in inside.items() if count >= MIN_ENTITY_SHARE * total[word]}
    return sorted(words | phrases)


def read_entries(path: Path) -> list[tuple[str, str]]:
    """``phrase<TAB>tag`` rows of a lexicon sidecar."""
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]
    return [(row[0], row[1]) for row in rows if len(row) >= 2]


def read_clusters(path: Path) -> dict[str, str]:
    """``word<TAB>bit-path`` rows of a cluster sidecar."""
    return dict(read_entries(path))


def build_lexicon(entries: list[tuple[str, str]], clusters: dict[str, str]) -> Lexicon:
    """The cue lists plus static gazetteers plus the given entries and clusters."""
    return Lexicon.load_cues().with_entries([*static_entries(), *entries], clusters)


def jackknife_features(sentences: list[Sentence], clusters: dict[str, str]) -> list[list[list[str]]]:
    """Features for training sentences, each fold's names harvested from the other folds only.

    Without this the model would learn that every training name is in the gazetteer and lean on it.
    """
    order = list(range(len(sentences)))
    random.Random(13).shuffle(order)
    fold_of = {index: k % FOLDS for k, index in enumerate(order)}
    featurised: list[list[list[str]]] = [[] for _ in sentences]
    for k in range(FOLDS):
        others = [s for i, s in enumerate(sentences) if fold_of[i] != k]
        featuriser = Featuriser(build_lexicon(harvest_names(others), clusters))
        for i, sentence in enumerate(sentences):
            if fold_of[i] == k:
                featurised[i] = featuriser.sentence(sentence.tokens)
    return featurised


def write_entries(path: Path, rows: Iterable[tuple[str, str]], comment: str) -> None:
    """Write ``a<TAB>b`` rows under a ``#`` comment header."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("".join(f"# {line}\n" for line in comment.splitlines()))
        handle.writelines(f"{a}\t{b}\n" for a, b in rows)


def train(
    train_path: str | Path | Sequence[str | Path],
    out_path: str | Path = DEFAULT_MODEL,
    dev_path: str | Path | None = None,
    clusters_path: str | Path | None = None,
    params: dict | None = None,
    licence: str | None = None,
    attribution: str | None = None,
    algorithm: str = CRF_ALGORITHM,
    notes: dict | None = None,
) -> dict:
    """Train a CRF tagger on token-per-line files; write the model, its name list, clusters and card.

    ``algorithm`` is a crfsuite training algorithm (``ap`` averaged perceptron, ``lbfgs``, ``pa``...).
    ``clusters_path`` defaults to the clusters shipped with khabar's model ("" for none). The card
    (``MODEL.json``) records the data, licence, attribution, ``notes`` and, with ``dev_path``, the dev scores.
    """
    import pycrfsuite

    started = time.time()
    out_path = Path(out_path)
    train_paths = [Path(train_path)] if isinstance(train_path, str | Path) else [Path(p) for p in train_path]
    if clusters_path is None:
        clusters_path = sidecar(DEFAULT_MODEL, ".clusters.tsv")
    clusters = read_clusters(Path(clusters_path)) if clusters_path else {}
    sentences = [s for path in train_paths for s in read_conll(path) if s.tags is not None]
    settings = {**CRF_PARAMS, **(params or {})} if algorithm == CRF_ALGORITHM else dict(params or {})
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for sentence, features in zip(sentences, jackknife_features(sentences, clusters), strict=True):
        trainer.append(features, sentence.tags)
    trainer.set_params(settings)
    trainer.train(str(out_path))
    names = ", ".join(path.name for path in train_paths)
    write_entries(
        sidecar(out_path, ".names.tsv"),
        harvest_names(sentences),
        f"Words and phrases harvested from the entity spans of {names} (folded word<TAB>tag).",
    )
    write_entries(sidecar(out_path, ".clusters.tsv"), sorted(clusters.items()), CLUSTERS_COMMENT)
    card = {
        "model": out_path.name,
        "task": "Hindi named entities, BIO over PER/LOC/ORG (CRF, python-crfsuite)",
        "train": names,
        "sentences": len(sentences),
        "tokens": sum(len(s.tokens) for s in sentences),
        "licence": licence,
        "attribution": attribution,
        "algorithm": algorithm,
        "params": settings,
        "seconds": round(time.time() - started, 1),
        **(notes or {}),
    }
    if dev_path:
        from .model import Tagger, evaluate

        card["dev"] = {"file": Path(dev_path).name, **evaluate(dev_path, Tagger(out_path))}
    with open(sidecar(out_path, ".json"), "w", encoding="utf-8") as handle:
        json.dump(card, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return card


def main_train_ner(args: argparse.Namespace) -> int:
    """``khabar train-ner --train FILE[:FILE...] [--dev FILE] [-o MODEL]``: train, write the model, print its card.

    Several training files are joined with the platform's path separator (``:`` on POSIX).
    """
    card = train(
        args.train.split(os.pathsep),
        getattr(args, "output", None) or DEFAULT_MODEL,
        getattr(args, "dev", None),
        getattr(args, "clusters", None),
        licence=getattr(args, "licence", None),
        attribution=getattr(args, "attribution", None),
    )
    json.dump(card, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cldr_rows() -> list[tuple[str, str, str]]:
    """``(Hindi, English, kind)`` for CLDR's territories, languages and time-zone cities (needs Babel)."""
    from babel import Locale

    hindi, english = Locale("hi"), Locale("en")
    rows: set[tuple[str, str, str]] = set()
    for code, name in hindi.territories.items():
        if code in english.territories and not code.isdigit() and "(" not in name:
            rows.add((name, english.territories[code], "cty"))
    for code, name in hindi.languages.items():
        if code in english.languages and "(" not in name:
            rows.add((name, english.languages[code], "lang"))
    for zone, names in hindi.time_zones.items():
        city = names.get("city")
        english_city = english.time_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace(
            "_", " "
        )
        if city:
            rows.add((city, english_city, "city"))
    return sorted(rows)


def write_cldr_names(path: str | Path = DATA_DIR / "cldr_names.tsv") -> int:
    """Regenerate ``data/cldr_names.tsv`` from Babel's copy of CLDR; returns the row count."""
    rows = cldr_rows()
    header = (
        "Hindi and English names of countries/regions (cty), languages (lang) and cities (city),\n"
        "from the Unicode CLDR data shipped with Babel (Unicode licence; (c) Unicode, Inc.).\n"
        "Regenerate with khabar.analysis.ner.train.write_cldr_names(). Columns: Hindi, English, kind."
    )
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("".join(f"# {line}\n" for line in header.splitlines()))
        handle.writelines(f"{hi}\t{en}\t{kind}\n" for hi, en, kind in rows)
    return len(rows)
