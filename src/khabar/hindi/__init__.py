"""Hindi text basics: normalisation with offsets back to the original, sentences and tokens."""

from khabar.hindi.normalise import (
    Normalised,
    QuoteMark,
    ascii_digits,
    fold_chandrabindu,
    fold_nukta,
    match_key,
    normalise,
    normalise_shared,
    quote_marks,
)
from khabar.hindi.sentences import Span, split_sentences
from khabar.hindi.tokens import Token, tokenize, tokenize_shared, words

__all__ = [
    "Normalised",
    "QuoteMark",
    "Span",
    "Token",
    "ascii_digits",
    "fold_chandrabindu",
    "fold_nukta",
    "match_key",
    "normalise",
    "normalise_shared",
    "quote_marks",
    "split_sentences",
    "tokenize",
    "tokenize_shared",
    "words",
]
