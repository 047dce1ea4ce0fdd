"""Exact and near-duplicate detection: a content hash and MinHash LSH over word shingles.

``content_hash`` groups texts whose words are the same up to spelling noise (nukta, chandrabindu,
invisible characters, digits, Latin case): spacing and punctuation (quote, dash and danda variants) do
not count. Words are those of the search index (``khabar.store.search.terms.text_words``), so the store
reads an article's words once for both. ``signature`` is a MinHash of the
text's word ``SHINGLE_WORDS``-grams; ``band_keys`` cut it into ``BANDS`` bands of ``ROWS`` rows for an
index table, and a candidate pair found there is a near-duplicate when ``similarity`` (the estimated
Jaccard similarity of the shingle sets) is at least ``NEAR_DUPLICATE_THRESHOLD``. Everything is
stable across processes and machines: no salted ``hash()``, shingle keys combine their words'
CRC-32s (scrambled), the permutations and band keys come from BLAKE2b of fixed labels and values. The
choice of parameters is explained in ``docs/dedup.md``.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from khabar.store.search.terms import text_words

SHINGLE_WORDS = 5
BANDS = 40
ROWS = 3
NUM_PERM = BANDS * ROWS
NEAR_DUPLICATE_THRESHOLD = 0.5
#: Band keys two articles must share before the store compares their signatures. One shared band is
#: usually coincidence in a large store (hundreds of such pairs per article at 100,000 articles); two or
#: more keep 0.968 of pairs at Jaccard 0.5 and 0.9993 at 0.6 (docs/dedup.md).
MIN_SHARED_BANDS = 2
#: Changes whenever a parameter or hash above changes: stored signatures and band keys of another
#: scheme must be recomputed, never compared.
SIGNATURE_SCHEME = f"minhash-w{SHINGLE_WORDS}-p{NUM_PERM}-b{BANDS}x{ROWS}-wordmix-v3"

Signature = npt.NDArray[np.uint32]

_EMPTY = np.uint32(0xFFFFFFFF)
_BAND_BITS = 56
_BAND_HASH_MASK = (1 << _BAND_BITS) - 1
#: Joins words for the content hash: a character no word contains.
_WORD_JOINER = "\x1f"
#: Odd multiplier combining the CRC-32s of a shingle's words (from BLAKE2b of a fixed label).
_WORD_MIX = np.uint64(int.from_bytes(hashlib.blake2b(b"khabar-shingle-mix", digest_size=8).digest(), "little") | 1)
#: Words whose CRC-32 stays cached.
MAX_CACHED_WORD_KEYS = 1 << 18
_WORD_KEYS: dict[str, int] = {}


def _permutation_parameters() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Multipliers (odd) and offsets of the ``NUM_PERM`` hash permutations, from fixed BLAKE2b labels."""

    def word(label: str) -> int:
        return int.from_bytes(hashlib.blake2b(label.encode(), digest_size=8).digest(), "little")

    multipliers = [word(f"khabar-minhash-a-{i}") | 1 for i in range(NUM_PERM)]
    offsets = [word(f"khabar-minhash-b-{i}") for i in range(NUM_PERM)]
    return np.array(multipliers, dtype=np.uint64)[:, None], np.array(offsets, dtype=np.uint64)[:, None]


_MULTIPLIERS, _OFFSETS = _permutation_parameters()


def shingle_words(text: str) -> list[str]:
    """The words and numbers of ``text`` in order, folded as the search index folds them (nukta,
    chandrabindu, invisible characters, digits, case); punctuation and symbols dropped."""
    return text_words(text)[1]


def content_hash(text: str) -> str:
    """Hex BLAKE2b digest (128 bits) of the text's folded words: equal for exact duplicates."""
    return hash_of_words(shingle_words(text))


def hash_of_words(words: list[str]) -> str:
    """The content hash of a text given its :func:`shingle_words`."""
    return hashlib.blake2b(_WORD_JOINER.join(words).encode("utf-8"), digest_size=16).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The ``size``-word shingles of the text, each as its words joined by one space.

    A text of fewer than ``size`` words (but at least one) is one shingle; a text without words has none.
    """
    return _shingles_of_words(shingle_words(text), size)


def _shingles_of_words(tokens: list[str], size: int) -> set[str]:
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _word_keys(words: list[str]) -> npt.NDArray[np.uint64]:
    """The CRC-32 of each word (cached per word; the cache is emptied when it grows large)."""
    cache = _WORD_KEYS
    if len(cache) >= MAX_CACHED_WORD_KEYS:
        cache.clear()
    keys = []
    for word in words:
        key = cache.get(word)
        if key is None:
            key = cache[word] = zlib.crc32(word.encode("utf-8"))
        keys.append(key)
    return np.array(keys, dtype=np.uint64)


def _window_keys(word_keys: npt.NDArray[np.uint64], size: int) -> npt.NDArray[np.uint64]:
    """A 32-bit key (kept as uint64) per run of ``size`` consecutive words, one for the whole text when
    it is shorter: the words' CRC-32s combined as a polynomial mod 2**64, scrambled by the SplitMix64
    finaliser."""
    if word_keys.size == 0:
        return word_keys
    width = min(size, word_keys.size)
    count = word_keys.size - width + 1
    keys = word_keys[:count].copy()
    for offset in range(1, width):
        keys *= _WORD_MIX
        keys += word_keys[offset : offset + count]
    keys ^= keys >> np.uint64(30)
    keys *= np.uint64(0xBF58476D1CE4E5B9)
    keys ^= keys >> np.uint64(27)
    keys *= np.uint64(0x94D049BB133111EB)
    keys ^= keys >> np.uint64(31)
    return keys >> np.uint64(32)


def _shingle_keys(shingle_set: Iterable[str]) -> npt.NDArray[np.uint64]:
    """The key of each shingle (its words joined by one space), as :func:`_window_keys` gives it."""
    keys = []
    for shingle in shingle_set:
        words = shingle.split(" ")
        keys.append(_window_keys(_word_keys(words), len(words)))
    return np.concatenate(keys) if keys else np.empty(0, dtype=np.uint64)


def signature_of_shingles(shingle_set: Iterable[str]) -> Signature:
    """The MinHash of a shingle set (see :func:`signature_of_keys`)."""
    return signature_of_keys(_shingle_keys(shingle_set))


def signature_of_keys(keys: npt.NDArray[np.uint64]) -> Signature:
    """The MinHash of a set of shingle keys: per permutation ``i`` the minimum of
    ``(a_i*x + b_i) mod 2**64 >> 32`` (repeated keys change nothing).

    Multiply-add-shift on 32-bit keys is a strongly universal family (Dietzfelbinger 1996).
    """
    if keys.size == 0:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    hashed = np.multiply(_MULTIPLIERS, keys[None, :])
    hashed += _OFFSETS
    return (hashed.min(axis=1) >> np.uint64(32)).astype(np.uint32)


def signature(text: str) -> Signature:
    """The MinHash signature (``NUM_PERM`` uint32 values) of the text's ``SHINGLE_WORDS``-word shingles."""
    return fingerprint(text).signature


class Fingerprint(NamedTuple):
    """What the store keeps of a text for deduplication."""

    content_hash: str
    signature: Signature


def fingerprint(text: str) -> Fingerprint:
    """``content_hash(text)`` and ``signature(text)``, reading the text's words once."""
    return fingerprint_of_words(shingle_words(text))


def fingerprint_of_words(words: list[str]) -> Fingerprint:
    """The fingerprint of a text given its :func:`shingle_words` (the store has them from indexing)."""
    return Fingerprint(hash_of_words(words), signature_of_keys(_window_keys(_word_keys(words), SHINGLE_WORDS)))


def is_empty(sig: Signature) -> bool:
    """True for the signature of a text without words: it is never a near-duplicate of anything."""
    return bool((sig == _EMPTY).all())


def signature_to_bytes(sig: Signature) -> bytes:
    """The signature as ``4 * NUM_PERM`` little-endian bytes, for an SQLite BLOB."""
    return np.asarray(sig, dtype="<u4").tobytes()


def signature_from_bytes(blob: bytes) -> Signature:
    """A signature back from ``signature_to_bytes``; ``ValueError`` when the length is not a signature's."""
    if len(blob) != 4 * NUM_PERM:
        raise ValueError(f"a signature is {4 * NUM_PERM} bytes, got {len(blob)}")
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def band_keys(sig: Signature) -> list[int]:
    """One key per LSH band: band index in bits 56-62, a 56-bit BLAKE2b of the band's rows below.

    Keys fit SQLite's signed INTEGER. Two signatures share a key only in the same band, and then
    (but for a 2**-56 chance) only when that band's ``ROWS`` values are equal. An empty signature has none.
    """
    if is_empty(sig):
        return []
    rows = np.asarray(sig, dtype="<u4").reshape(BANDS, ROWS)
    keys = []
    for band, values in enumerate(rows):
        digest = hashlib.blake2b(values.tobytes(), digest_size=7).digest()
        keys.append((band << _BAND_BITS) | (int.from_bytes(digest, "little") & _BAND_HASH_MASK))
    return keys


def similarity(sig_a: Signature, sig_b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets: the share of equal values (0.0 if one is empty)."""
    if is_empty(sig_a) or is_empty(sig_b):
        return 0.0
    return float(np.count_nonzero(np.asarray(sig_a) == np.asarray(sig_b))) / NUM_PERM


def is_near_duplicate(sig_a: Signature, sig_b: Signature) -> bool:
    """Whether a candidate pair is confirmed: estimated similarity at least ``NEAR_DUPLICATE_THRESHOLD``."""
    return similarity(sig_a, sig_b) >= NEAR_DUPLICATE_THRESHOLD


def near_duplicates(sig: Signature, candidates: Iterable[tuple[int, Signature]]) -> list[int]:
    """The ids of the candidates (from shared band keys) that are confirmed near-duplicates of ``sig``."""
    return [item_id for item_id, other in candidates if is_near_duplicate(sig, other)]


class _Clusters:
    """Union-find over ids whose root is always the smallest id of its set."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.parent = {item_id: item_id for item_id in ids}

    def find(self, item_id: int) -> int:
        parent = self.parent
        while parent[item_id] != item_id:
            parent[item_id] = parent[parent[item_id]]
            item_id = parent[item_id]
        return item_id

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def cluster(items: Iterable[tuple[int, Signature]]) -> dict[int, int]:
    """Article id -> cluster id (the smallest id in the cluster), joining every confirmed candidate pair.

    Identical signatures join directly; the others meet in LSH buckets and join when ``is_near_duplicate``.
    """
    signatures: dict[int, Signature] = dict(items)
    clusters = _Clusters(signatures)
    representatives = _join_identical(signatures, clusters)
    buckets: defaultdict[int, list[int]] = defaultdict(list)
    for item_id in representatives:
        for key in band_keys(signatures[item_id]):
            buckets[key].append(item_id)
    for members in buckets.values():
        _join_bucket(members, signatures, clusters)
    return {item_id: clusters.find(item_id) for item_id in signatures}


def _join_identical(signatures: dict[int, Signature], clusters: _Clusters) -> list[int]:
    """Join ids with byte-identical non-empty signatures; one representative id per distinct signature."""
    first_with: dict[bytes, int] = {}
    for item_id, sig in signatures.items():
        if is_empty(sig):
            continue
        blob = signature_to_bytes(sig)
        if blob in first_with:
            clusters.union(first_with[blob], item_id)
        else:
            first_with[blob] = item_id
    return list(first_with.values())


def _join_bucket(members: list[int], signatures: dict[int, Signature], clusters: _Clusters) -> None:
    """Compare the ids of one bucket pairwise, skipping pairs already in one cluster."""
    for i, item_id in enumerate(members):
        for other in members[:i]:
            if clusters.find(item_id) != clusters.find(other) and is_near_duplicate(
                signatures[item_id], signatures[other]
            ):
                clusters.union(item_id, other)
