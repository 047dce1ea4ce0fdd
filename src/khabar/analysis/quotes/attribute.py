"""Direct quotations of an article with their kind, speaker, cue and channel (see ``find_quotes``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from khabar.hindi import match_key
from khabar.records import Quotation

from .cues import Cue, channel_between, cue_at, cues_between, lexicon
from .document import Document
from .find import QuoteSpan, find_quote_spans
from .headline import headline_named_before, headline_source, in_headline, pull_quote_sources
from .names import is_person_word
from .phrases import (
    CONJUNCTIVE_ENDING,
    SUBJECTLESS_WINDOW,
    EntityLike,
    SpeakerPhrase,
    inverted_source,
    is_attributive_noun,
    only_adverbs,
    phrase_ending_at,
    source_of,
)
from .speakers import Speakers

QuoteKindName = Literal["speech", "term"]
_MAX_TERM_WORDS = 4
_MAX_VERBLESS_TERM_WORDS = 6
_MAX_TRAILING_ATTRIBUTION_WORDS = 14
_SENTENCE_PUNCTUATION = frozenset("।॥?!")
_SEPARATORS = frozenset(",:;-–—")
_CLAUSE_END_AFTER = frozenset(",:;-–—।॥?!.")
_NAMING_KINDS = frozenset({"name", "organisation", "group"})
_OBLIQUE_PLURAL = "ों"
_MAX_REPORTED_SENTENCES = 2
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A named entity over ``[start, end)`` of the article text, as the NER step produces it."""

    start: int
    end: int
    label: str
    text: str
    canonical: str | None = None


#: A quotation is the pipeline's record type: its words over ``[start, end)`` of the article text (marks
#: excluded), and for speech the speaker as written, its canonical key, the cue and channel.
Quote = Quotation


def find_quotes(text: str, entities: list[EntityLike] | None = None) -> list[Quote]:
    """The quotations of ``text`` (an article, paragraphs joined by blank lines), in order.

    ``entities`` (any objects with ``start end label text canonical``, offsets into ``text``) refine
    speaker spans and keys when given; without them the speaker is read from the text alone.
    """
    doc = Document.build(text)
    spans = find_quote_spans(doc.text)
    kinds: list[QuoteKindName | None] = [_kind(doc, span) for span in spans]
    pull_quotes = pull_quote_sources(doc, spans, kinds)
    for index in pull_quotes:
        kinds[index] = "speech"
    if "speech" not in kinds:  # terms only: no speaker to look for
        return [
            _bare_quote(doc, span, kind) for span, kind in zip(spans, kinds, strict=True) if kind is not None
        ]
    for span, kind in zip(spans, kinds, strict=True):
        if kind == "speech":
            doc.mask(span.open_pos, span.outer_end)
    speakers = Speakers.build(doc, _normalised_entities(doc, entities or []))
    found: dict[int, Quote] = {}
    previous: tuple[QuoteSpan, Quote] | None = None
    for index, (span, kind) in enumerate(zip(spans, kinds, strict=True)):
        if kind is None:
            continue
        quote = _bare_quote(doc, span, kind)
        if kind == "speech" and in_headline(doc, span):
            quote = _attributed(doc, span, quote, speakers, None)
        elif kind == "speech":
            quote = _attributed(doc, span, quote, speakers, previous)
            previous = (span, quote)
        found[index] = quote
    for index, quote in found.items():
        unresolved = quote.kind == "speech" and quote.speaker_canonical is None and index not in pull_quotes
        guessable = quote.speaker is not None or _ends_sentence(doc, spans[index])
        if unresolved and guessable and not _term_sized(doc, spans[index]):
            _guess_speaker(doc, spans[index], quote, speakers)
    body_speakers = {
        quote.speaker_canonical
        for index, quote in found.items()
        if quote.kind == "speech" and not in_headline(doc, spans[index])
    }
    for index, repeated in pull_quotes.items():
        found[index] = _said_by_repeated(found[index], found[repeated], body_speakers)
    return [found[index] for index in sorted(found)]


def _guess_speaker(doc: Document, span: QuoteSpan, quote: Quote, speakers: Speakers) -> None:
    """A speech quotation whose pronoun has several people before it, or that has no cue and ends its
    sentence, is given the likeliest person of the sentences before it: ``speaker_kind`` ``"context"``
    says the text does not state it. (Words after a quotation with no cue, ``… के नारे लगाए``, make it
    a chant or a sign, not anyone's speech.)"""
    token = doc.first_token_at(span.open_pos)
    guess = speakers.likely_person(token, doc.token_sentence[token], SUBJECTLESS_WINDOW)
    if guess is not None:
        quote.speaker_canonical = guess
        quote.speaker_kind = "context"


def _term_sized(doc: Document, span: QuoteSpan) -> bool:
    """Whether the quotation is short enough to be a name or label: a few words, no verb, no sentence end
    (``'गरिमा गृह'``); with no stated speaker it is given none by guess."""
    first, stop = doc.first_token_at(span.start), doc.first_token_at(span.end)
    words = [index for index in range(first, stop) if doc.is_word(index)]
    if len(words) > _MAX_TERM_WORDS or any(doc.word(index) in _SENTENCE_PUNCTUATION for index in range(first, stop)):
        return False
    return not _has_verb(doc, words)


def _ends_sentence(doc: Document, span: QuoteSpan) -> bool:
    """Whether no word follows the quotation in its sentence."""
    first = doc.first_token_at(span.outer_end)
    stop = doc.sentence_tokens(doc.sentence_of(max(span.outer_end - 1, span.open_pos)))[1]
    return not any(doc.is_word(index) and not doc.masked[index] for index in range(first, stop))


def _said_by_repeated(quote: Quote, repeated: Quote, body_speakers: set[str | None]) -> Quote:
    """A headline pull-quote with the canonical speaker of the body quotation it repeats, unless the
    headline names its speaker itself (a person or an organisation, not a title or pronoun, nor one
    generic word the article never names more fully: ``लोग बोले-``, ``कोर्ट ने कहा-``; nor a plural group
    resolved to nothing fuller: ``भाषा शिक्षकों ने … बोले-``; nor a court, which speaks through its judges:
    ``सुप्रीम कोर्ट ने पूछा``)."""
    named = (
        quote.speaker_canonical
        and quote.speaker_kind in _NAMING_KINDS
        and (quote.speaker_kind == "organisation" or quote.speaker_canonical in body_speakers)
        and not _generic(quote)
        and not _plural_group(quote)
        and not _court(quote)
    )
    if repeated.speaker_canonical is None or named:
        return quote
    return replace(quote, speaker_canonical=repeated.speaker_canonical)


def _generic(quote: Quote) -> bool:
    """Whether the speaker is one word written as it stands in the headline, resolved to nothing fuller."""
    return quote.speaker is not None and " " not in quote.speaker.strip() and quote.speaker == quote.speaker_canonical


def _court(quote: Quote) -> bool:
    """Whether the speaker as written ends in a court noun (``सुप्रीम कोर्ट``, ``अदालत``)."""
    words = (quote.speaker or "").split()
    return bool(words) and match_key(words[-1]) in lexicon().court_nouns


def _plural_group(quote: Quote) -> bool:
    """Whether the speaker is written as it stands and ends in an oblique plural noun (``भाषा शिक्षकों``)."""
    speaker = quote.speaker
    return speaker is not None and speaker == quote.speaker_canonical and speaker.endswith(_OBLIQUE_PLURAL)


def _normalised_entities(doc: Document, entities: list[EntityLike]) -> list[EntityLike]:
    spans = []
    for entity in entities:
        start, end = doc.normalised.to_normalised(entity.start, entity.end)
        spans.append(EntitySpan(start, end, entity.label, entity.text, entity.canonical))
    return spans


def _bare_quote(doc: Document, span: QuoteSpan, kind: QuoteKindName) -> Quote:
    start, end = doc.original_span(span.start, span.end)
    return Quote(doc.normalised.original[start:end], start, end, kind)


def _kind(doc: Document, span: QuoteSpan) -> QuoteKindName | None:
    """``speech`` for a clause, ``term`` for a short quoted name; None for a quotation with no words."""
    first, stop = doc.first_token_at(span.start), doc.first_token_at(span.end)
    words = [index for index in range(first, stop) if doc.is_word(index)]
    if not words:
        return None
    if (
        _follows_slogan_cue(doc, span)
        or _names_campaign(doc, span)
        or _titles_work(doc, span, len(words))
        or _written_on_thing(doc, span)
    ):
        return "term"
    if any(doc.word(index) in _SENTENCE_PUNCTUATION for index in range(first, stop)):
        return "speech"
    if any(_full_stop_between_sentences(doc, index) for index in range(words[0] + 1, words[-1])):
        return "speech"
    if len(words) > _MAX_VERBLESS_TERM_WORDS or (len(words) > _MAX_TERM_WORDS and _has_verb(doc, words)):
        return "speech"
    if lexicon().is_clause_final(doc.keys[words[-1]]):
        return "speech"
    if _glossed(doc, span) or _inscribed(doc, span):
        return "term"
    return "speech" if _directly_attributed(doc, span) else "term"


def _inscribed(doc: Document, span: QuoteSpan) -> bool:
    """Whether a writing verb after a locative, with no subject, introduces the quotation (``जिस पर लिखा है
    'गरिमा गृह'``): the words are written on a thing, a sign or a label."""
    cue = _leading_cue(doc, span)
    if cue is None or cue.attribution or cue.start == 0:
        return False
    lex = lexicon()
    if doc.keys[cue.start] not in lex.inscription_verbs or doc.keys[cue.start - 1] not in lex.locatives:
        return False
    return source_of(doc, cue, _sentence_first_token(doc, span.open_pos), []) is None


def _glossed(doc: Document, span: QuoteSpan) -> bool:
    """Whether a gloss marker follows the closed quotation past a comma (``'मावा नाटे मावा राज', यानी …``):
    the quoted words are a phrase being explained or translated, not speech."""
    if not span.closed:
        return False
    index = doc.first_token_at(span.outer_end)
    while index < len(doc.tokens) and not doc.is_word(index) and doc.word(index) in _SEPARATORS:
        index += 1
    return index < len(doc.tokens) and doc.keys[index] in lexicon().gloss_markers


def _full_stop_between_sentences(doc: Document, index: int) -> bool:
    """A ``.`` at ``index`` that ends a sentence inside a quotation (``वर्ल्ड चैंपियन. और कुछ नहीं.``): after
    a word of three letters or more that is no honorific (not ``डॉ.``, not an initial), before a space."""
    if doc.word(index) != "." or not doc.is_word(index - 1) or doc.tokens[index - 1].end != doc.tokens[index].start:
        return False
    before = doc.keys[index - 1]
    spaced = doc.tokens[index].end < doc.tokens[index + 1].start
    return spaced and len(doc.word(index - 1)) > 2 and before not in lexicon().honorifics


def _follows_slogan_cue(doc: Document, span: QuoteSpan) -> bool:
    """Whether a slogan verb (``नारा लगवाया-``) stands right before the quotation, past separators."""
    index = doc.first_token_at(span.open_pos) - 1
    while index >= 0 and not doc.is_word(index) and doc.word(index) in _SEPARATORS:
        index -= 1
    return index >= 0 and phrase_ending_at(doc.keys, index, lexicon().slogan_cues) > 0


def _names_campaign(doc: Document, span: QuoteSpan) -> bool:
    """Whether a campaign or slogan noun follows the closed quotation (``'…' अभियान``): it names it."""
    if not span.closed:
        return False
    after = doc.first_token_at(span.outer_end)
    return after < len(doc.tokens) and doc.keys[after] in lexicon().campaign_nouns


def _written_on_thing(doc: Document, span: QuoteSpan) -> bool:
    """Whether a writing participle and the thing it qualifies follow the closed quotation (``'…' लिखे बैनर
    लगा रखे थे``): the words are written on a banner or placard, not said by anyone."""
    if not span.closed:
        return False
    verb = doc.first_token_at(span.outer_end)
    thing = verb + 1
    if thing >= len(doc.tokens) or doc.keys[verb] not in lexicon().inscription_verbs or is_person_word(doc.word(verb)):
        return False
    after = thing + 1
    agent = after < len(doc.tokens) and phrase_ending_at(doc.keys, after, lexicon().agent_markers) > 0
    return is_attributive_noun(doc, thing) and not agent


def _titles_work(doc: Document, span: QuoteSpan, words: int) -> bool:
    """Whether a noun of a titled work follows a closed quotation of a few words (``'…!' फिल्म``): its title."""
    if not span.closed or words > _MAX_TERM_WORDS:
        return False
    after = doc.first_token_at(span.outer_end)
    return after < len(doc.tokens) and doc.keys[after] in lexicon().work_nouns


def _has_verb(doc: Document, words: list[int]) -> bool:
    """Whether any of the quoted words is a verb or auxiliary (a clause, not a slogan or title)."""
    lex = lexicon()
    return any(lex.is_clause_final(doc.keys[index]) or doc.keys[index] in lex.auxiliaries for index in words)


def _directly_attributed(doc: Document, span: QuoteSpan) -> bool:
    """A cue right before (``कहा, "…"``, ``कहा कि "…"``) with the clause ending after, or ``"…", X ने कहा``."""
    open_token = doc.first_token_at(span.open_pos)
    cue = _leading_cue(doc, span)
    if cue is not None and _clause_ends_after(doc, span):
        between = [doc.keys[index] for index in range(cue.end, open_token) if doc.is_word(index)]
        if between in ([], ["कि"]):
            return True
    after = doc.first_token_at(span.outer_end)
    return _trailing_cue(doc, span) is not None and after < len(doc.tokens) and doc.word(after) in _SEPARATORS


def _clause_ends_after(doc: Document, span: QuoteSpan) -> bool:
    """Whether punctuation, a line break or the text end follows the quotation."""
    rest = doc.text[span.outer_end :].lstrip(" \t")
    return not rest or rest[0] == "\n" or rest[0] in _CLAUSE_END_AFTER


def _sentence_first_token(doc: Document, pos: int) -> int:
    return doc.sentence_tokens(doc.sentence_of(pos))[0]


def _leading_cue(doc: Document, span: QuoteSpan) -> Cue | None:
    """The last cue before the quotation in its sentence, when it introduces it: only separators, or a
    ``कि`` clause, between them (an attribution such as ``X के मुताबिक`` may be followed by anything)."""
    open_token = doc.first_token_at(span.open_pos)
    cues = cues_between(doc, _sentence_first_token(doc, span.open_pos), open_token)
    if not cues:
        return None
    cue = cues[-1]
    words = [index for index in range(cue.end, open_token) if doc.is_word(index) or doc.masked[index]]
    if cue.attribution or not words or doc.keys[words[0]] == "कि":
        return cue
    return None


def _trailing_cue(doc: Document, span: QuoteSpan) -> tuple[Cue, int] | None:
    """The cue of a short attribution after the quotation (``"…", उन्होंने कहा।``), with the token where
    that attribution starts; it may be the rest of the sentence or a bare next sentence."""
    if not span.closed:
        return None
    first = doc.first_token_at(span.outer_end)
    sentence = doc.sentence_of(span.outer_end - 1)
    stop = doc.sentence_tokens(sentence)[1]
    if not any(doc.is_word(index) for index in range(first, stop)):
        following = sentence + 1
        if following >= len(doc.sentences) or _BLANK_LINE.search(
            doc.text, span.outer_end, doc.sentences[following].start
        ):
            return None
        first, stop = doc.sentence_tokens(following)
    stop = next((index for index in range(first, stop) if doc.masked[index]), stop)
    words = [index for index in range(first, stop) if doc.is_word(index)]
    if not words or len(words) > _MAX_TRAILING_ATTRIBUTION_WORDS:
        return None
    cues = cues_between(doc, first, stop)
    if not cues or any(doc.is_word(index) for index in range(cues[-1].end, stop)):
        return None
    return cues[-1], first


def _attributed(
    doc: Document, span: QuoteSpan, quote: Quote, speakers: Speakers, previous: tuple[QuoteSpan, Quote] | None
) -> Quote:
    """``quote`` with speaker, cue and channel from its cue, or carried over from the quotation before."""
    if span.continues and previous is not None:
        return _carried_over(quote, previous[1])
    found = _cue_and_source(doc, span, speakers)
    if found is None:
        if not _stands_alone(doc, span):
            return quote
        reporter = _reported_before(doc, span, speakers)
        if reporter is not None:
            return _said_by(doc, quote, reporter, speakers)
        if previous is not None and _follows(doc, previous[0], span):
            return _carried_over(quote, previous[1])
        return quote
    cue, source, channel_from = found
    channel = channel_between(doc, channel_from, cue.end)
    quote.cue = doc.tokens_text(cue.start, cue.end)
    quote.channel = doc.tokens_text(*channel) if channel else None
    if source is not None:
        _said_by(doc, quote, source, speakers)
    elif not cue.attribution and _opens_sentence(doc, cue):
        # "… प्लेटफॉर्म पर बैठी थीं। बोलीं, "…"": a cue with no subject of its own speaks for the person
        # the sentences before it are about, as a pronoun would.
        quote.speaker_canonical = speakers.antecedent(cue.start, doc.token_sentence[cue.start], SUBJECTLESS_WINDOW)
        quote.speaker_kind = "pronoun" if quote.speaker_canonical else None
    return quote


def _said_by(doc: Document, quote: Quote, source: SpeakerPhrase, speakers: Speakers) -> Quote:
    """``quote`` with its speaker as written, canonical key and kind from ``source``."""
    speaker_start = doc.tokens[source.start].start
    speaker_end = doc.tokens[source.end - 1].end
    quote.speaker_start, quote.speaker_end = doc.original_span(speaker_start, speaker_end)
    quote.speaker = doc.normalised.original[quote.speaker_start : quote.speaker_end]
    quote.speaker_canonical = speakers.canonical(source, doc.token_sentence[source.start])
    quote.speaker_kind = source.kind
    return quote


def _reported_before(doc: Document, span: QuoteSpan, speakers: Speakers) -> SpeakerPhrase | None:
    """The named source of the indirect speech in the sentence right before a quotation with no cue of
    its own, in the same paragraph (``सुकांति बताती हैं कि … थे। "…"``): the quotation goes on in her
    words. Pronoun sources are left to the carry-over from the quotation before."""
    sentence = doc.sentence_of(span.open_pos) - 1
    if sentence < 0 or _BLANK_LINE.search(doc.text, doc.sentences[sentence].end, span.open_pos):
        return None
    first, stop = doc.sentence_tokens(sentence)
    if any(doc.masked[index] for index in range(first, stop)):
        return None
    for cue in cues_between(doc, first, stop):
        if cue.attribution or cue.end >= stop or doc.keys[cue.end] != "कि":
            continue
        source = source_of(doc, cue, first, speakers.entities)
        return source if source is not None and source.kind != "pronoun" else None
    return None


def _opens_sentence(doc: Document, cue: Cue) -> bool:
    """Whether no word but adverbs and a ``-कर`` participle stands before ``cue`` in its sentence (the verb
    opens it: ``बोलीं, "…"``, ``फिर हंसकर बोलीं, "…"``)."""
    first = _sentence_first_token(doc, doc.tokens[cue.start].start)
    stop = cue.start
    if stop > first and doc.keys[stop - 1].endswith(CONJUNCTIVE_ENDING):
        stop -= 1
    return cue.start > 0 and (only_adverbs(doc, first, stop) or _oblique_before(doc, first, stop))


def _oblique_before(doc: Document, first: int, stop: int) -> bool:
    """Whether the words before token ``stop``, past adverbs, end in a locative postposition after a plain
    word (``धीमी आवाज में बोले,``, ``बहुत पूछने पर बस इतना बोलीं,``): a phrase of manner or occasion, no
    subject, stands before the verb."""
    lex = lexicon()
    index = stop - 1
    while index >= first and doc.keys[index] in lex.cue_adverbs:
        index -= 1
    return index - 1 >= first and doc.keys[index] in lex.locatives and doc.is_word(index - 1)


def _cue_and_source(
    doc: Document, span: QuoteSpan, speakers: Speakers
) -> tuple[Cue, SpeakerPhrase | None, int] | None:
    """The cue of a speech quotation, its source phrase, and where to look for the channel from."""
    sentence_first = _sentence_first_token(doc, span.open_pos)
    after = doc.first_token_at(span.outer_end)
    inverted = (
        inverted_source(doc, after, speakers.entities) if span.closed and after < len(doc.tokens) else None
    )
    if inverted is not None:
        return inverted[0], inverted[1], after
    cue = _leading_cue(doc, span)
    if cue is not None:
        source = source_of(doc, cue, sentence_first, speakers.entities)
        return cue, source, source.first if source else sentence_first
    trailing = _trailing_cue(doc, span)
    if trailing is None:
        return _headline_cue_and_source(doc, span, speakers)
    cue, first = trailing
    source = source_of(doc, cue, first, speakers.entities)
    if source is None and doc.word(first) not in _SEPARATORS:
        cue_before = replace(cue, start=doc.first_token_at(span.open_pos))
        source = source_of(doc, cue_before, sentence_first, speakers.entities)
    return cue, source, first


def _headline_cue_and_source(
    doc: Document, span: QuoteSpan, speakers: Speakers
) -> tuple[Cue, SpeakerPhrase | None, int] | None:
    """For a headline quotation, the speech verb after it and the speaker that verb names."""
    if not in_headline(doc, span):
        return None
    found = headline_source(doc, span, speakers.entities) or headline_named_before(
        doc, span, speakers.entities
    )
    return (found[0], found[1], found[0].start) if found else None


def _stands_alone(doc: Document, span: QuoteSpan) -> bool:
    """Whether the quotation's sentences hold no words outside quoted speech."""
    first = _sentence_first_token(doc, span.open_pos)
    stop = doc.sentence_tokens(doc.sentence_of(max(span.outer_end - 1, span.open_pos)))[1]
    return all(doc.masked[index] or not doc.is_word(index) for index in range(first, stop))


def _follows(doc: Document, before: QuoteSpan, span: QuoteSpan) -> bool:
    """Whether ``span`` opens the sentence right after the one where ``before`` ends, or after no more
    than a few sentences of the same speaker's indirect speech (``वह बताते हैं कि …``)."""
    following = doc.sentence_of(max(before.outer_end - 1, before.open_pos)) + 1
    between = range(following, doc.sentence_of(span.open_pos))
    return len(between) <= _MAX_REPORTED_SENTENCES and all(_reports_speech(doc, index) for index in between)


def _reports_speech(doc: Document, sentence: int) -> bool:
    """Whether the sentence opens with a subject pronoun and a speech verb introducing a ``कि`` clause."""
    first, stop = doc.sentence_tokens(sentence)
    words = [index for index in range(first, stop) if doc.is_word(index)]
    if len(words) < 3 or lexicon().pronouns.get(doc.keys[words[0]]) != "subject":
        return False
    cue = cue_at(doc, words[1], stop)
    return cue is not None and "कि" in doc.keys[cue.end : stop]


def _carried_over(quote: Quote, previous: Quote) -> Quote:
    return replace(
        quote,
        speaker=previous.speaker,
        speaker_start=previous.speaker_start,
        speaker_end=previous.speaker_end,
        speaker_canonical=previous.speaker_canonical,
        cue=previous.cue,
        channel=previous.channel,
        speaker_kind=previous.speaker_kind,
    )
