"""The Hindi NER tagger (a CRF over :mod:`.features`), its scoring, and the ``khabar ner`` command."""

from __future__ import annotations

import argparse
import sys
from functools import lru_cache
from pathlib import Path

from .conll import iter_conll, read_conll, repair_bio, score_sentences
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

    @classmethod
    def load(cls, path: str | Path | None = None) -> Tagger:
        """The tagger for ``path``, or the model shipped with khabar; loaded once per path."""
        return _load(str(Path(path or DEFAULT_MODEL).resolve()))

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        """One BIO tag per token."""
        if not tokens:
            return []
        return repair_bio(self._crf.tag(self.featuriser.sentence(tokens)))

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags for each sentence."""
        return [self.tag_tokens(tokens) for tokens in sentences]


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
    try:
        for sentence in iter_conll(handle):
            tags = tagger.tag_tokens(sentence.tokens)
            out.write("".join(f"{token}\t{tag}\n" for token, tag in zip(sentence.tokens, tags, strict=True)))
            out.write("\n")
    finally:
        if handle is not sys.stdin:
            handle.close()
    return 0
