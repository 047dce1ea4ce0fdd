"""The analysis step: sentences, entities with keys and glosses, and quotations for one article.

Every span is an offset pair into the article's ``text`` as users see it: the text is normalised
(:mod:`khabar.hindi`) for the work and offsets are mapped back. The step is a plain function over
records, so it runs in a loop, a process pool or on a cluster like extraction does.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from khabar.analysis.ner.canonical import canonical_keys
from khabar.analysis.ner.conll import spans as bio_spans
from khabar.analysis.ner.features import Lexicon
from khabar.analysis.ner.gloss import english_gloss
from khabar.analysis.ner.model import Tagger
from khabar.analysis.quotes import find_quotes
from khabar.extraction import extract_page
from khabar.hindi import Normalised, normalise_shared, split_sentences, tokenize_shared
from khabar.records import Article, Entity, RawPage, Span

#: Characters after a mention searched for a bracketed English gloss ("रूस (Russia)").
GLOSS_CONTEXT_CHARS = 60


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    label: str


#: Languages the entity tagger and the quotation rules are made for (``None``: not detected, tried).
ANALYSED_LANGUAGES = frozenset({"hi", None})


def analyze(article: Article, tagger: Tagger | None = None) -> Article:
    """Add ``sentences``, ``entities`` and ``quotes`` to an extracted article (in place) and return it.

    Entities and quotations are Hindi models: an article detected as another language (Marathi, Nepali,
    English) gets its sentences and empty entity and quotation lists rather than a Hindi model's guesses.
    """
    text = article.text or ""
    norm = normalise_shared(text)
    sentences = [s for s in split_sentences(norm.text) if norm.text[s.start : s.end].strip()]
    article.sentences = [Span(*norm.to_original(s.start, s.end)) for s in sentences]
    if article.language not in ANALYSED_LANGUAGES:
        article.entities, article.quotes = [], []
        return article
    mentions = _mentions(norm, sentences, tagger or Tagger.load())
    article.entities = _entities(text, mentions)
    article.quotes = find_quotes(text)
    # Speakers are read from the text alone: on three blind test sets the tagger's spans made speaker
    # attribution worse (their boundaries and group names are less reliable than the cue structure).
    # Named speakers the tagger missed then become person entities.
    speakers = _speaker_mentions(text, article.quotes, mentions)
    if speakers:
        article.entities = _entities(text, sorted(mentions + speakers, key=lambda m: m.start))
    return article


def _speaker_mentions(text: str, quotes, mentions: list[_Mention]) -> list[_Mention]:
    """People the quotations name as speakers that the tagger missed, at every place the article names them.

    A speaker read as a name (not a pronoun, description or organisation) is a person: its full name
    and its short form become PER mentions wherever they stand as whole words outside other entities.
    """
    taken = [(m.start, m.end) for m in mentions]
    found: list[_Mention] = []
    names = {name for q in quotes if q.kind == "speech" and q.speaker_kind == "name"
             for name in (q.speaker_canonical, q.speaker) if name}
    for name in sorted(names, key=len, reverse=True):
        for span in _whole_word_spans(text, name):
            if not any(a < span[1] and span[0] < b for a, b in taken):
                taken.append(span)
                found.append(_Mention(span[0], span[1], "PER"))
    return found


def _whole_word_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where ``phrase`` stands in ``text`` with no letter, digit, ``_`` or Devanagari sign on either side."""
    spans = []
    start = text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        if not (start and _is_word_char(text[start - 1])) and not (end < len(text) and _is_word_char(text[end])):
            spans.append((start, end))
        start = text.find(phrase, start + 1)
    return spans


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or "\u0900" <= char <= "\u097f"


def analyze_page(article: Article) -> Article:
    """The pipeline step after extraction: analyse articles that have text, pass the rest through."""
    if article.error is None and article.text:
        try:
            analyze(article)
        except Exception as exc:  # noqa: BLE001 - one broken article must not stop a batch
            article.error = f"analysis failed: {type(exc).__name__}: {exc}"
    else:
        article.sentences, article.entities, article.quotes = [], [], []
    return article


def extract_and_analyze(item: RawPage | Article) -> Article:
    """The step of ``khabar analyze`` and ``khabar extract --analyze``: extract pages, then analyse."""
    article = extract_page(item) if isinstance(item, RawPage) else item
    return analyze_page(article)


def _mentions(norm: Normalised, sentences, tagger: Tagger) -> list[_Mention]:
    """Entity mentions from the tagger, as offsets into the normalised text."""
    tokens = [t for t in tokenize_shared(norm.text) if t.kind != "symbol"]
    starts = [t.start for t in tokens]
    token_spans = []
    for sentence in sentences:
        first, stop = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        token_spans.append([(t.start, t.end, t.kind == "punct") for t in tokens[first:stop] if t.end <= sentence.end])
    words = [[norm.text[a:b] for a, b, _ in spans] for spans in token_spans]
    tagged = tagger.tag_sentences(words, document=True) if words else []
    lexicon = tagger.featuriser.lexicon
    mentions: list[_Mention] = []
    for spans, tags in zip(token_spans, tagged, strict=True):
        tags = ["O" if punct else tag for (_, _, punct), tag in zip(spans, tags, strict=True)]
        for first, stop, label in bio_spans(tags):
            if label == "PER":
                first += _leading_titles([norm.text[a:b] for a, b, _ in spans[first:stop]], lexicon)
            mentions.append(_Mention(spans[first][0], spans[stop - 1][1], label))
    return [_Mention(*norm.to_original(m.start, m.end), m.label) for m in mentions]


def _leading_titles(words: list[str], lexicon: Lexicon) -> int:
    """How many words at the start of a person mention are titles (``प्रधानमंत्री इमरान खान``,
    ``विदेश मंत्री लावरोव``, ``श्री मोदी``); the name itself, at least its last word, is kept."""
    count = 0
    while count < len(words) - 1:
        phrase = next(
            (
                len(title)
                for title in lexicon.title_phrases
                if count + len(title) < len(words) and tuple(words[count : count + len(title)]) == title
            ),
            0,
        )
        if phrase:
            count += phrase
        elif words[count].rstrip(".") in lexicon.titles or words[count] in lexicon.titles:
            count += 1
        else:
            break
    return count


def _entities(text: str, mentions: list[_Mention]) -> list[Entity]:
    """Entities with one canonical name per real-world entity (its longest mention) and one English gloss."""
    surfaces = [text[m.start : m.end] for m in mentions]
    keys = canonical_keys(surfaces)
    glosses = _gloss_per_key(text, mentions, surfaces, keys)
    names: dict[str, str] = {}
    for surface, key in zip(surfaces, keys, strict=True):
        if len(surface) > len(names.get(key, "")):
            names[key] = surface
    return [
        Entity(m.start, m.end, m.label, surface, names[key], glosses.get(key))
        for m, surface, key in zip(mentions, surfaces, keys, strict=True)
    ]


def _gloss_per_key(text: str, mentions, surfaces, keys) -> dict[str, str | None]:
    """A bracketed gloss from any mention of the entity wins; else the longest mention's gazetteer/romanised name."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        groups[key].append(index)
    glosses: dict[str, str | None] = {}
    for key, members in groups.items():
        for index in members:
            context = text[mentions[index].end : mentions[index].end + GLOSS_CONTEXT_CHARS]
            bracketed = _bracketed(context)
            if bracketed:
                glosses[key] = english_gloss(surfaces[index], mentions[index].label, context)
                break
        else:
            longest = max(members, key=lambda i: len(surfaces[i]))
            glosses[key] = english_gloss(surfaces[longest], mentions[longest].label)
    return glosses


def _bracketed(context: str) -> bool:
    stripped = context.lstrip()
    return stripped.startswith("(") and any("a" <= ch.lower() <= "z" for ch in stripped[:40])
