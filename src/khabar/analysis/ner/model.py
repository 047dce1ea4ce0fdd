"""The Hindi NER tagger (a CRF over :mod:`.features`), its scoring, and the ``khabar ner`` command."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from functools import lru_cache
from itertools import islice
from pathlib import Path

from .conll import iter_conll, read_conll, repair_bio, score_sentences, spans
from .decode import BATCH_SENTENCES, ChainModel
from .features import Featuriser
from .train import DEFAULT_MODEL, build_lexicon, read_clusters, read_entries, sidecar


class Tagger:
    """Tags tokenised Hindi sentences with BIO over PER/LOC/ORG."""

    def __init__(self, model_path: str | Path) -> None:
        import pycrfsuite

        self.path = Path(model_path)
        if not self.path.exists():
            raise FileNotFoundError(f"no NER model at {self.path}")
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(self.path))
        names = read_entries(sidecar(self.path, ".names.tsv"))
        clusters = read_clusters(sidecar(self.path, ".clusters.tsv"))
        self.featuriser = Featuriser(build_lexicon(names, clusters))
        info = self._crf.info()
        self.chain = ChainModel(self.featuriser, self._crf.labels(), info.state_features, info.transitions)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Tagger:
        """The tagger for ``path``, or the model shipped with khabar; loaded once per path."""
        return _load(str(Path(path or DEFAULT_MODEL).resolve()))

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        """One BIO tag per token."""
        return self.tag_sentences([tokens])[0]

    def tag_with_crfsuite(self, tokens: list[str]) -> list[str]:
        """The same model's tags from CRFsuite's own tagger: the reference the decoder matches (slower)."""
        return repair_bio(self._crf.tag(self.featuriser.sentence(tokens))) if tokens else []

    def tag_sentences(self, sentences: list[list[str]], document: bool = False) -> list[list[str]]:
        """BIO tags for each sentence; with ``document=True`` the sentences are one article, and a
        word tagged as a one-word name (or a person's last name) somewhere is tagged so everywhere."""
        tagged = [repair_bio(tags) for tags in self.chain.tag_sentences(sentences)]
        return _consistent(sentences, tagged, self.featuriser.lexicon.postpositions) if document else tagged


def _consistent(sentences: list[list[str]], tagged: list[list[str]], stop: frozenset[str]) -> list[list[str]]:
    """Give an untagged lone word the label it carries elsewhere in the document as a whole name."""
    votes: dict[str, Counter[str]] = {}
    for tokens, tags in zip(sentences, tagged, strict=True):
        for start, end, label in spans(tags):
            if end - start == 1 or label == "PER":
                votes.setdefault(tokens[end - 1], Counter())[label] += 1
    result = []
    for tokens, tags in zip(sentences, tagged, strict=True):
        tags = list(tags)
        for i, word in enumerate(tokens):
            alone = (i == 0 or tags[i - 1] == "O") and (i + 1 == len(tags) or tags[i + 1] == "O")
            if tags[i] == "O" and alone and word in votes and len(word) > 1 and word not in stop:
                tags[i] = "B-" + votes[word].most_common(1)[0][0]
        result.append(tags)
    return result


@lru_cache(maxsize=4)
def _load(path: str) -> Tagger:
    return Tagger(path)


def evaluate(gold_path: str | Path, tagger: Tagger | None = None) -> dict[str, dict[str, float]]:
    """Per-type and micro precision/recall/F1 (exact span and type, conlleval rules) on a labelled file."""
    tagger = tagger or Tagger.load()
    sentences = [s for s in read_conll(gold_path) if s.tags is not None]
    predicted = tagger.tag_sentences([s.tokens for s in sentences])
    return score_sentences([s.tags for s in sentences], predicted).report()


def main_ner(args: argparse.Namespace) -> int:
    """``khabar ner FILE --format conll``: print ``token<TAB>TAG`` per token, blank line between sentences."""
    tagger = Tagger.load(getattr(args, "model", None))
    source = args.file
    handle = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
    out = sys.stdout
    sentences = iter_conll(handle)
    try:
        while batch := [sentence.tokens for sentence in islice(sentences, BATCH_SENTENCES)]:
            for tokens, tags in zip(batch, tagger.tag_sentences(batch), strict=True):
                out.write("".join(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags, strict=True)))
                out.write("\n")
    finally:
        if handle is not sys.stdin:
            handle.close()
    return 0
