"""Tagging with a trained linear-chain CRF: emission scores summed per word type, Viterbi over a document.

CRFsuite's own tagger looks up every feature string of every token (about forty a token). Here the
weights of a word's own features and of its features as a neighbour are summed once per word type and
kept as one row of a matrix; a token's score is then the sum of about ten rows (its word, its two
neighbours, its window words and pairs, its title and phrase marks), taken for all tokens of a document
in one array operation, and Viterbi runs over all the document's sentences at once. The tags are those
CRFsuite gives for the same model (the tests compare them on whole files).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import numpy as np

from .features import AFTER, BEFORE, MAX_CACHED_WORDS, WINDOW_PREFIXES, Featuriser

#: Word pairs whose weight rows stay cached (emptied, with the word types, when it reaches this size).
MAX_CACHED_PAIRS = 400_000
#: Columns of a word type's row ids, and of a word pair's.
_CENTRE, _LEFT, _RIGHT, _BEFORE2, _AFTER2 = range(5)
_LEFT_PAIR, _RIGHT_PAIR, _FAR_PAIR = range(3)
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
        self._attribute_rows = {attribute: row for row, attribute in enumerate(vectors, start=1)}
        self._fixed_rows = len(vectors) + 1
        self._rows = np.zeros((max(_INITIAL_ROWS, 2 * self._fixed_rows), len(labels)))
        self._rows[1 : self._fixed_rows] = np.array(list(vectors.values())).reshape(-1, len(labels))
        self._used = self._fixed_rows
        self._types: dict[str, int] = {}
        self._type_rows = np.zeros((_INITIAL_ROWS, 5), dtype=np.int64)
        self._pairs: dict[tuple[str, str], int] = {}
        self._pair_rows = np.zeros((_INITIAL_ROWS, 3), dtype=np.int64)

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
        """State scores, shape (sentences, longest sentence, labels); scores past a sentence's end are
        meaningless (the decoder ignores them)."""
        if len(self._types) >= MAX_CACHED_WORDS or len(self._pairs) >= MAX_CACHED_PAIRS:
            self._forget_words()  # keep memory flat over a long crawl (never within one call)
        longest = int(lengths.max())
        width = longest + len(BEFORE) + len(AFTER)
        known_type, known_pair = self._types.get, self._pairs.get
        words: list[int | None] = []
        pairs: list[int | None] = []
        marks: list[tuple[int, int, int]] = []
        for s, tokens in enumerate(sentences):
            padded = [*BEFORE, *tokens, *AFTER] + [AFTER[-1]] * (longest - len(tokens))
            types = [known_type(word) for word in padded]
            if None in types:
                types = [self._type_id(word) for word in padded]
            words += types
            joined = [known_pair(pair) for pair in itertools.pairwise(padded)]
            if None in joined:
                joined = [self._pair_id(*pair) for pair in itertools.pairwise(padded)]
            pairs += joined
            marks += [(s, index, self._attribute_rows.get(mark, 0)) for index, mark in self.featuriser.marks(tokens)]
        types = self._type_rows[np.array(words, dtype=np.int64).reshape(len(sentences), width)]
        pair_rows = self._pair_rows[np.array(pairs, dtype=np.int64).reshape(len(sentences), width - 1)]
        at = slice(2, longest + 2)
        ids = np.stack(
            [
                types[:, at, _CENTRE],
                types[:, 1 : longest + 1, _LEFT],
                types[:, 3 : longest + 3, _RIGHT],
                types[:, :longest, _BEFORE2],
                types[:, 4 : longest + 4, _AFTER2],
                pair_rows[:, 1 : longest + 1, _LEFT_PAIR],
                pair_rows[:, at, _RIGHT_PAIR],
                pair_rows[:, 3 : longest + 3, _FAR_PAIR],
            ],
            axis=2,
        )
        scores = self._rows[ids].sum(axis=2)
        scores[:, 0] += self._rows[self._attribute_rows.get("first", 0)]
        for s, index, row in marks:
            scores[s, index] += self._rows[row]
        return scores

    def _type_id(self, word: str) -> int:
        """The id of a word type, whose row ids (as the token, as left and right neighbour, two before
        and two after) are in ``_type_rows``."""
        found = self._types.get(word)
        if found is not None:
            return found
        attribute_rows = self._attribute_rows
        before2, after2 = WINDOW_PREFIXES[0], WINDOW_PREFIXES[1]
        featuriser = self.featuriser
        rows = (
            self._summed_row(featuriser.centre(word)),
            self._summed_row(featuriser.context(word, -1)),
            self._summed_row(featuriser.context(word, 1)),
            attribute_rows.get(before2 + word, 0),
            attribute_rows.get(after2 + word, 0),
        )
        self._type_rows = _with_row(self._type_rows, len(self._types), rows)
        found = self._types[word] = len(self._types)
        return found

    def _pair_id(self, left: str, right: str) -> int:
        """The id of a word pair, whose row ids as the pairs (-1, 0), (0, +1) and (+1, +2) are in ``_pair_rows``."""
        key = (left, right)
        found = self._pairs.get(key)
        if found is not None:
            return found
        pair = left + "|" + right
        rows = tuple(self._attribute_rows.get(prefix + pair, 0) for prefix in WINDOW_PREFIXES[2:])
        self._pair_rows = _with_row(self._pair_rows, len(self._pairs), rows)
        found = self._pairs[key] = len(self._pairs)
        return found

    def _forget_words(self) -> None:
        self._types.clear()
        self._pairs.clear()
        self._used = self._fixed_rows

    def _summed_row(self, features: list[str]) -> int:
        """A new row holding the summed weights of ``features`` (those the model knows)."""
        known = [row for row in map(self._attribute_rows.get, features) if row is not None]
        if self._used == len(self._rows):
            self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
        row = self._used
        self._rows[row] = self._rows[known].sum(axis=0)
        self._used += 1
        return row


def _with_row(table: np.ndarray, index: int, values: tuple[int, ...]) -> np.ndarray:
    """``table`` with row ``index`` set, doubled in size first when full."""
    if index == len(table):
        table = np.concatenate([table, np.zeros_like(table)])
    table[index] = values
    return table


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best label index paths for a batch of sentences (``scores``: sentences × positions × labels).

    Sentences are taken shortest first, so at each position only the sentences still running are
    computed; a finished sentence points back to the same label, so reading its path back from the last
    position gives the best path over its own tokens (positions past its end repeat its last label).
    """
    order = np.argsort(lengths, kind="stable")
    scores, lengths = scores[order], lengths[order]
    count, longest, width = scores.shape
    best = scores[:, 0].copy()
    back = np.broadcast_to(np.arange(width), (count, longest, width)).copy()
    live = 0
    for t in range(1, longest):
        while lengths[live] <= t:
            live += 1
        candidates = best[live:, :, None] + transitions + scores[live:, t, None, :]
        back[live:, t] = candidates.argmax(axis=1)
        best[live:] = candidates.max(axis=1)
    paths = np.empty((count, longest), dtype=np.int64)
    paths[:, -1] = best.argmax(axis=1)
    rows = np.arange(count)
    for t in range(longest - 1, 0, -1):
        paths[:, t - 1] = back[rows, t, paths[:, t]]
    unsorted = np.empty_like(paths)
    unsorted[order] = paths
    return unsorted
