"""Headline pull-quotes: a quotation in the headline line whose words a body quotation repeats.

A pull-quote is speech said by the speaker of the body quotation it repeats (``"हमने 20 रन कम बनाए", …``
and later ``X ने कहा, "हमने 20 रन कम बनाए. …"``): it shares a run of at least three words with a speech
quotation of the body (the one sharing the longest run, the first of those), and no body term has its words. Its speaker as written may follow it in the
headline after a speech verb (``"…", सेमीफाइनल हार के बाद बोले दिल्ली के कप्तान कुणाल राठी``).
"""

from __future__ import annotations

from .cues import Cue, cues_between
from .document import Document
from .find import QuoteSpan
from .phrases import EntityLike, SpeakerPhrase, analyse, noun_phrase

_MIN_SHARED_RUN = 3
_SEPARATORS = frozenset(",:;-–—")

Words = tuple[str, ...]


def quote_words(doc: Document, span: QuoteSpan) -> Words:
    """The match keys of the quotation's words, punctuation left out."""
    first, stop = doc.first_token_at(span.start), doc.first_token_at(span.end)
    return tuple(doc.keys[index] for index in range(first, stop) if doc.is_word(index))


def in_headline(doc: Document, span: QuoteSpan) -> bool:
    """Whether the quotation opens in the headline line."""
    return doc.first_token_at(span.open_pos) < doc.headline_stop


def pull_quote_sources(doc: Document, spans: list[QuoteSpan], kinds: list[str | None]) -> dict[int, int]:
    """For each headline quotation a body speech quotation repeats, the index of that body quotation."""
    body = [index for index, span in enumerate(spans) if not in_headline(doc, span)]
    body_terms = {quote_words(doc, spans[index]) for index in body if kinds[index] == "term"}
    found = {}
    for index, span in enumerate(spans):
        words = quote_words(doc, span)
        if not in_headline(doc, span) or len(words) < _MIN_SHARED_RUN or words in body_terms:
            continue
        shared = {
            other: _shared_run(words, quote_words(doc, spans[other])) for other in body if kinds[other] == "speech"
        }
        best = max(shared.values(), default=0)
        if best >= _MIN_SHARED_RUN:
            found[index] = next(other for other, run in shared.items() if run == best)
    return found


def _shared_run(words: Words, other: Words) -> int:
    """The length of the longest run of words the two sequences share."""
    longest = 0
    previous = [0] * (len(other) + 1)
    for word in words:
        current = [0] * (len(other) + 1)
        for position, candidate in enumerate(other, 1):
            if word == candidate:
                current[position] = previous[position - 1] + 1
                longest = max(longest, current[position])
        previous = current
    return longest


def headline_source(
    doc: Document, span: QuoteSpan, entities: list[EntityLike]
) -> tuple[Cue, SpeakerPhrase] | None:
    """The speech verb after a headline quotation and the speaker it names, to the line's end or the
    next punctuation (``"…", … बोले नेता प्रतिपक्ष``)."""
    if not span.closed:
        return None
    first, stop = doc.first_token_at(span.outer_end), doc.headline_stop
    cues = cues_between(doc, first, stop)
    if not cues:
        return None
    cue = cues[-1]
    end = next((index for index in range(cue.end, stop) if not doc.is_word(index) or doc.masked[index]), stop)
    found = noun_phrase(doc, end, cue.end)
    return (cue, analyse(doc, *found, entities)) if found else None


def headline_named_before(
    doc: Document, span: QuoteSpan, entities: list[EntityLike]
) -> tuple[Cue, SpeakerPhrase] | None:
    """A headline speech verb, then the speaker, then the quotation (``… बोलीं सरिता- "…"``)."""
    open_token = doc.first_token_at(span.open_pos)
    end = open_token
    while end > 0 and not doc.is_word(end - 1) and doc.word(end - 1) in _SEPARATORS:
        end -= 1
    if end == open_token or end == 0:
        return None
    floor = doc.sentence_tokens(doc.sentence_of(span.open_pos))[0]
    found = noun_phrase(doc, end, floor)
    if found is None:
        return None
    cues = cues_between(doc, floor, found[0])
    if not cues or cues[-1].end != found[0]:
        return None
    return cues[-1], analyse(doc, *found, entities)
