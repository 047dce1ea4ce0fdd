"""Hierarchical word clusters from unlabelled text (a training-time tool; needs numpy).

Each word gets a bit path like Brown clusters: words are described by the frequent words seen
right before and after them (PPMI-weighted, reduced by SVD), then split in two again and again by
2-means; the path records the side taken at each split, so path prefixes are coarser clusters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .conll import read_conll

CONTEXT_WORDS = 600
DIMENSIONS = 80
DEPTH = 16
MIN_CLUSTER = 4


def context_counts(sentences: Iterable[list[str]], contexts: dict[str, int], vocab: dict[str, int]):
    """A (word x 4*contexts) count matrix: which frequent words sit at -2, -1, +1, +2 from each word."""
    import numpy as np

    width = len(contexts)
    matrix = np.zeros((len(vocab), 4 * width), dtype=np.float32)
    for tokens in sentences:
        padded = ["<s>", "<s>", *tokens, "</s>", "</s>"]
        for i, word in enumerate(tokens):
            row = vocab.get(word)
            if row is None:
                continue
            for slot, offset in enumerate((0, 1, 3, 4)):
                column = contexts.get(padded[i + offset])
                if column is not None:
                    matrix[row, slot * width + column] += 1
    return matrix


def embed(matrix):
    """PPMI weighting, then a truncated SVD, rows scaled to unit length."""
    import numpy as np

    total = matrix.sum()
    rows = matrix.sum(axis=1, keepdims=True) + 1e-9
    cols = matrix.sum(axis=0, keepdims=True) + 1e-9
    with np.errstate(divide="ignore"):
        pmi = np.log(matrix * total / (rows * cols**0.75 * (total**0.25)))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0).astype(np.float32)
    u, s, _ = np.linalg.svd(ppmi, full_matrices=False)
    vectors = u[:, :DIMENSIONS] * np.sqrt(s[:DIMENSIONS])
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)


def bisect(vectors, indices, rng):
    """Split points in two with a few rounds of spherical 2-means."""
    import numpy as np

    points = vectors[indices]
    centres = points[rng.choice(len(points), 2, replace=False)]
    side = np.zeros(len(points), dtype=bool)
    for _ in range(8):
        side = points @ centres[1] > points @ centres[0]
        if side.all() or not side.any():
            break
        centres = np.stack([points[~side].mean(axis=0), points[side].mean(axis=0)])
    return indices[~side], indices[side]


def bit_paths(vectors) -> list[str]:
    """A bit path per row from recursive bisection down to :data:`DEPTH` levels."""
    import numpy as np

    rng = np.random.default_rng(7)
    paths = [""] * len(vectors)
    pending = [(np.arange(len(vectors)), "")]
    while pending:
        indices, path = pending.pop()
        if len(path) >= DEPTH or len(indices) < MIN_CLUSTER:
            continue
        left, right = bisect(vectors, indices, rng)
        if not len(left) or not len(right):
            continue
        for part, bit in ((left, "0"), (right, "1")):
            for index in part:
                paths[index] = path + bit
            pending.append((part, path + bit))
    return paths


def build_clusters(paths: Iterable[str | Path], min_count: int = 2, max_words: int = 40000) -> dict[str, str]:
    """Word -> bit path for the words of token-per-line files (labels, if any, are ignored)."""
    sentences = [s.tokens for path in paths for s in read_conll(path)]
    counts = Counter(t for tokens in sentences for t in tokens)
    frequent = [w for w, c in counts.most_common(max_words) if c >= min_count]
    vocab = {w: i for i, w in enumerate(frequent)}
    contexts = {w: i for i, (w, _) in enumerate(counts.most_common(CONTEXT_WORDS))}
    contexts.setdefault("<s>", len(contexts))
    contexts.setdefault("</s>", len(contexts))
    vectors = embed(context_counts(sentences, contexts, vocab))
    return dict(zip(frequent, bit_paths(vectors), strict=True))


def write_clusters(paths: Iterable[str | Path], out_path: str | Path, comment: str) -> int:
    """Build clusters from token-per-line files and write ``word<TAB>path`` rows; returns the word count."""
    clusters = build_clusters(paths)
    with open(out_path, "w", encoding="utf-8") as handle:
        handle.write("".join(f"# {line}\n" for line in comment.splitlines()))
        handle.writelines(f"{word}\t{path}\n" for word, path in sorted(clusters.items()))
    return len(clusters)
