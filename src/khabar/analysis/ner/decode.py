"""Tagging with a trained linear-chain CRF: emission scores summed per word type, Viterbi over a document.

CRFsuite's own tagger looks up every feature string of every token (about forty a token). Here the
weights of a word's own features and of its features as a neighbour are summed once per word type and
kept as one row of a matrix; a token's score is then the sum of about ten rows (its word, its two
neighbours, its window words and pairs, its title and phrase marks), taken for all tokens of a document
in one array operation, and Viterbi runs over all the document's sentences at once. The tags are those
CRFsuite gives for the same model (the tests compare them on whole files).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .features import MAX_CACHED_WORDS, Featuriser

#: Row ids per token: word, left and right neighbour, five window features, title, first, phrase marks.
ROW_WIDTH = 11
_INITIAL_ROWS = 4096
#: Sentences decoded together (sorted by length, so little padding).
BATCH_SENTENCES = 256


class ChainModel:
    """A linear-chain CRF's weights (state features, transitions) and the featuriser that feeds it."""

    def __init__(
        self,
        featuriser: Featuriser,
        labels: list[str],
        state_features: Mapping[tuple[str, str], float],
        transitions: Mapping[tuple[str, str], float],
    ) -> None:
        self.featuriser = featuriser
        self.labels = list(labels)
        index = {label: i for i, label in enumerate(self.labels)}
        self.transitions = np.zeros((len(labels), len(labels)))
        for (before, after), weight in transitions.items():
            self.transitions[index[before], index[after]] = weight
        vectors: dict[str, np.ndarray] = {}
        for (attribute, label), weight in state_features.items():
            vectors.setdefault(attribute, np.zeros(len(labels)))[index[label]] += weight
        self._attribute_vectors = vectors
        self._attribute_rows = {attribute: row for row, attribute in enumerate(vectors, start=1)}
        self._fixed_rows = len(vectors) + 1
        self._rows = np.zeros((max(_INITIAL_ROWS, 2 * self._fixed_rows), len(labels)))
        self._rows[1 : self._fixed_rows] = np.array(list(vectors.values())).reshape(-1, len(labels))
        self._used = self._fixed_rows
        self._word_rows: dict[tuple[str, int], int] = {}

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """The best label sequence for each tokenised sentence (in batches of similar length)."""
        tagged: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, tokens in enumerate(sentences) if tokens), key=lambda i: len(sentences[i]))
        for first in range(0, len(order), BATCH_SENTENCES):
            batch = order[first : first + BATCH_SENTENCES]
            for i, tags in zip(batch, self._tag_batch([sentences[i] for i in batch]), strict=True):
                tagged[i] = tags
        return tagged

    def _tag_batch(self, sentences: list[list[str]]) -> list[list[str]]:
        lengths = np.array([len(tokens) for tokens in sentences], dtype=np.int64)
        paths = viterbi(self.emissions(sentences, lengths), lengths, self.transitions)
        labels = self.labels
        return [[labels[k] for k in path[:n]] for path, n in zip(paths.tolist(), lengths.tolist(), strict=True)]

    def emissions(self, sentences: list[list[str]], lengths: np.ndarray) -> np.ndarray:
        """State scores, shape (sentences, longest sentence, labels); padding positions score zero."""
        if len(self._word_rows) >= 3 * MAX_CACHED_WORDS:
            self._word_rows.clear()  # keep memory flat over a long crawl (never within one call)
            self._used = self._fixed_rows
        ids = np.zeros((len(sentences), int(lengths.max()), ROW_WIDTH), dtype=np.int64)
        for s, tokens in enumerate(sentences):
            if tokens:
                rows = self._sentence_rows(tokens)
                ids[s, : len(tokens)] = np.array(rows, dtype=np.int64).reshape(len(tokens), ROW_WIDTH)
        return self._rows[ids].sum(axis=2)

    def _sentence_rows(self, tokens: list[str]) -> list[int]:
        word_row, attribute_rows = self._word_row, self._attribute_rows
        flat: list[int] = []
        for word, left, right, extras in self.featuriser.layout(tokens):
            flat += (word_row(word, 0), word_row(left, -1), word_row(right, 1))
            flat += [attribute_rows.get(feature, 0) for feature in extras]
            flat += [0] * (ROW_WIDTH - 3 - len(extras))
        return flat

    def _word_row(self, word: str, offset: int) -> int:
        """The row holding the summed weights of ``word``'s features at ``offset`` (0: the token itself)."""
        key = (word, offset)
        row = self._word_rows.get(key)
        if row is not None:
            return row
        features = self.featuriser.centre(word) if offset == 0 else self.featuriser.context(word, offset)
        vectors = self._attribute_vectors
        total = np.zeros(len(self.labels))
        for feature in features:
            vector = vectors.get(feature)
            if vector is not None:
                total += vector
        if self._used == len(self._rows):
            self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
        row = self._used
        self._rows[row] = total
        self._used += 1
        self._word_rows[key] = row
        return row


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best label index paths for a batch of sentences (``scores``: sentences × positions × labels).

    Positions past a sentence's length leave its scores unchanged and point back to the same label, so
    reading the path back from the last position gives the best path over the sentence's own tokens.
    """
    count, longest, width = scores.shape
    best = scores[:, 0].copy()
    back = np.empty((count, longest, width), dtype=np.int64)
    back[:, 0] = np.arange(width)
    same = np.arange(width)
    for t in range(1, longest):
        candidates = best[:, :, None] + transitions[None] + scores[:, t, None, :]
        choice = candidates.argmax(axis=1)
        live = (lengths > t)[:, None]
        best = np.where(live, np.take_along_axis(candidates, choice[:, None, :], axis=1)[:, 0], best)
        back[:, t] = np.where(live, choice, same)
    paths = np.empty((count, longest), dtype=np.int64)
    paths[:, -1] = best.argmax(axis=1)
    for t in range(longest - 1, 0, -1):
        paths[:, t - 1] = np.take_along_axis(back[:, t], paths[:, t, None], axis=1)[:, 0]
    return paths
