"""Token features for the Hindi NER tagger: word forms, affixes, script, cue words, gazetteers, clusters.

Features of a word type are computed once and cached, so featurising a sentence is mostly list joins.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")

_NUKTA = "\u093c"
_MATRAS_AND_MARKS = {chr(c) for c in range(0x093E, 0x094E)} | {"\u0901", "\u0902", "\u0903", _NUKTA}
_FOLD_TABLE = str.maketrans(
    {
        "\u0901": "\u0902",  # chandrabindu -> anusvara
        "\u0948": "\u0947",  # ai matra -> e matra
        "\u094c": "\u094b",  # au matra -> o matra
        "\u0940": "\u093f",  # long i -> short i
        "\u0942": "\u0941",  # long u -> short u
        _NUKTA: None,
        "\u200c": None,
        "\u200d": None,
    }
)
MAX_GAZETTEER_WORDS = 4
#: Prefixes of the window features: the words two before and after, and the pairs (-1, 0), (0, +1), (+1, +2).
WINDOW_PREFIXES = ("-2w=", "+2w=", "-1|0=", "0|+1=", "+1|+2=")
#: Pseudo-words two and one places before a sentence's first token, and one and two after its last.
BEFORE, AFTER = ("<s2>", "<s>"), ("</s>", "</s2>")
#: Word types whose features stay cached (the cache is emptied when it reaches this size).
MAX_CACHED_WORDS = 50_000


def read_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a data file, stripped."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


def read_table(name: str) -> list[list[str]]:
    """Tab-separated rows of a data file, comments skipped."""
    return [line.split("\t") for line in read_lines(name)]


@cache
def fold(word: str) -> str:
    """A spelling-tolerant form: nukta dropped, long/short vowels and e/ai, o/au merged, chandrabindu -> anusvara."""
    return unicodedata.normalize("NFD", word).translate(_FOLD_TABLE)


@cache
def skeleton(word: str) -> str:
    """The word with every vowel sign, nasal mark, visarga and nukta removed (a consonant skeleton)."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if ch not in _MATRAS_AND_MARKS)


def shape(word: str) -> str:
    """A coarse script/shape class: Devanagari, Latin (capitalised, upper, lower), digits, punctuation, mixed."""
    kinds = []
    for ch in word:
        if "\u0900" <= ch <= "\u097f":
            kind = "D"
        elif ch.isdigit():
            kind = "9"
        elif ch.isalpha():
            kind = "A" if ch.isupper() else "a"
        else:
            kind = "."
        if not kinds or kinds[-1] != kind:
            kinds.append(kind)
    return "".join(kinds[:4])


@dataclass
class Lexicon:
    """Word lists the features consult: cue words and gazetteers (word -> tags, phrase -> tag)."""

    postpositions: frozenset[str]
    titles: frozenset[str]
    title_phrases: frozenset[tuple[str, ...]]
    org_words: frozenset[str]
    loc_cues: frozenset[str]
    letter_names: frozenset[str] = frozenset()
    gazetteer: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    clusters: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load_cues(cls) -> Lexicon:
        """The cue-word lists shipped in ``data/``, with no gazetteer or clusters yet."""
        titles = read_lines("titles.txt")
        return cls(
            postpositions=frozenset(read_lines("postpositions.txt")),
            titles=frozenset(t for t in titles if " " not in t),
            title_phrases=frozenset(tuple(t.split()) for t in titles if " " in t),
            org_words=frozenset(read_lines("org_suffixes.txt")),
            loc_cues=frozenset(read_lines("loc_cues.txt")),
            letter_names=frozenset(read_lines("acronym_letters.txt")),
        )

    def with_entries(self, entries: Iterable[tuple[str, str]], clusters: dict[str, str]) -> Lexicon:
        """A copy with gazetteer ``(phrase, tag)`` entries and word clusters added."""
        words: dict[str, set[str]] = {}
        phrases: dict[tuple[str, ...], str] = {}
        for phrase, tag in entries:
            parts = tuple(phrase.split())
            if len(parts) == 1:
                words.setdefault(fold(parts[0]), set()).add(tag)
            elif len(parts) <= MAX_GAZETTEER_WORDS:
                phrases[tuple(fold(p) for p in parts)] = tag
        return Lexicon(
            self.postpositions,
            self.titles,
            self.title_phrases,
            self.org_words,
            self.loc_cues,
            self.letter_names,
            {word: frozenset(tags) for word, tags in words.items()},
            phrases,
            clusters,
        )


class Featuriser:
    """Turns a token list into one feature-string list per token, caching per word type."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._centre: dict[str, list[str]] = {}
        self._context: dict[tuple[str, int], list[str]] = {}
        self._phrase_starts = {phrase[0] for phrase in lexicon.phrases}
        self._titles_by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lexicon.title_phrases:
            self._titles_by_first.setdefault(phrase[0], []).append(phrase)

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """Feature lists for every token of a sentence."""
        context = self.context
        return [
            [*self.centre(word), *context(left, -1), *context(right, 1), *extras]
            for word, left, right, extras in self.layout(tokens)
        ]

    def layout(self, tokens: list[str]) -> list[tuple[str, str, str, list[str]]]:
        """Per token: the word, its neighbours (``<s>``/``</s>`` at the edges), and its features that
        depend on the sentence rather than on one word (window words and pairs, title and phrase marks).

        A token's features are ``centre(word) + context(left, -1) + context(right, 1) + extras``.
        """
        n = len(tokens)
        padded = [*BEFORE, *tokens, *AFTER]
        bigrams = [padded[k] + "|" + padded[k + 1] for k in range(n + 3)]
        marks: dict[int, list[str]] = {}
        for index, mark in self.marks(tokens):
            marks.setdefault(index, []).append(mark)
        before2, after2, left_pair, right_pair, far_pair = WINDOW_PREFIXES
        rows = []
        for i in range(n):
            j = i + 2
            extras = [
                before2 + padded[j - 2],
                after2 + padded[j + 2],
                left_pair + bigrams[j - 1],
                right_pair + bigrams[j],
                far_pair + bigrams[j + 1],
            ]
            if i == 0:
                extras.append("first")
            extras += marks.get(i, ())
            rows.append((tokens[i], padded[j - 1], padded[j + 1], extras))
        return rows

    def marks(self, tokens: list[str]) -> list[tuple[int, str]]:
        """``(index, feature)`` for the few tokens marked by their sentence: ``title-before`` right after
        a multi-word title, then ``gp=B-X``/``gp=I-X`` inside a multi-word gazetteer phrase."""
        found = [(index, "title-before") for index in sorted(self._title_positions(tokens))]
        found += [(index, tag) for index, tag in enumerate(self._phrase_tags(tokens)) if tag]
        return found

    def centre(self, word: str) -> list[str]:
        """Features of a word in the position being tagged (cached)."""
        cached = self._centre.get(word)
        if cached is None:
            if len(self._centre) >= MAX_CACHED_WORDS:
                self._centre.clear()  # a long crawl meets words without end: keep memory flat
            cached = self._centre[word] = self._centre_features(word)
        return cached

    def context(self, word: str, offset: int) -> list[str]:
        """Features of a neighbouring word at ``offset`` (cached)."""
        key = (word, offset)
        cached = self._context.get(key)
        if cached is None:
            if len(self._context) >= 2 * MAX_CACHED_WORDS:
                self._context.clear()
            cached = self._context[key] = self._context_features(word, offset)
        return cached

    def _centre_features(self, word: str) -> list[str]:
        lex = self.lexicon
        folded = fold(word)
        features = ["bias", "w=" + word, "f=" + folded, "k=" + skeleton(word), "sh=" + shape(word)]
        features += [f"p{k}=" + folded[:k] for k in range(1, 5) if len(folded) >= k]
        features += [f"s{k}=" + folded[-k:] for k in range(1, 5) if len(folded) >= k]
        features.append("len=" + str(min(len(word), 10)))
        if self.is_acronym(word):
            features.append("acronym")
        features += ["g=" + tag for tag in sorted(lex.gazetteer.get(folded, ()))]
        features += self._cue_flags(word, "")
        features += self._cluster_features(word, "c")
        return features

    def _context_features(self, word: str, offset: int) -> list[str]:
        lex = self.lexicon
        sign = f"{offset:+d}"
        folded = fold(word)
        features = [sign + "w=" + word, sign + "s2=" + folded[-2:], sign + "sh=" + shape(word)]
        features += [sign + "g=" + tag for tag in sorted(lex.gazetteer.get(folded, ()))]
        features += self._cue_flags(word, sign)
        features += self._cluster_features(word, sign + "c")
        return features

    def is_acronym(self, word: str) -> bool:
        """True for a word spelt out of English letter names (``ईबीआरडी``), two letters or more."""
        names = self.lexicon.letter_names
        reachable = [0]
        ends = {0}
        for start in reachable:
            for size in (1, 2, 3, 4, 5, 6):
                end = start + size
                if end <= len(word) and end not in ends and word[start:end] in names:
                    ends.add(end)
                    reachable.append(end)
        return len(word) in ends and len(word) > 2 and len(reachable) > 2

    def _cue_flags(self, word: str, sign: str) -> list[str]:
        lex = self.lexicon
        flags = []
        if word in lex.postpositions:
            flags.append(sign + "postp")
        if word in lex.titles or word.rstrip(".") in lex.titles:
            flags.append(sign + "title")
        if word in lex.org_words:
            flags.append(sign + "orgword")
        if word in lex.loc_cues:
            flags.append(sign + "loccue")
        return flags

    def _cluster_features(self, word: str, name: str) -> list[str]:
        """Bit-path prefixes of the word's cluster; ``rare`` for a word too rare to have one."""
        path = self.lexicon.clusters.get(word)
        if path is None:
            return [name + "rare"] if self.lexicon.clusters and shape(word) == "D" else []
        return [f"{name}{k}=" + path[:k] for k in (4, 8, 12, 16) if len(path) >= k]

    def _title_positions(self, tokens: list[str]) -> set[int]:
        """Indices of tokens right after a multi-word title such as ``विदेश मंत्री``."""
        found = set()
        for i, token in enumerate(tokens):
            for phrase in self._titles_by_first.get(token, ()):
                end = i + len(phrase)
                if end < len(tokens) and tuple(tokens[i:end]) == phrase:
                    found.add(end)
        return found

    def _phrase_tags(self, tokens: list[str]) -> list[str]:
        """``gp=B-X``/``gp=I-X`` marks where a multi-word gazetteer phrase covers the sentence."""
        marks = [""] * len(tokens)
        if not self._phrase_starts:
            return marks
        folded = [fold(t) for t in tokens]
        for i, word in enumerate(folded):
            if word not in self._phrase_starts:
                continue
            for size in range(min(MAX_GAZETTEER_WORDS, len(folded) - i), 1, -1):
                tag = self.lexicon.phrases.get(tuple(folded[i : i + size]))
                if tag:
                    marks[i] = "gp=B-" + tag
                    for k in range(i + 1, i + size):
                        marks[k] = "gp=I-" + tag
                    break
        return marks
