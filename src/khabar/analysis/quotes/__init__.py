"""Direct quotations in Hindi news text: spans, speech versus term, speaker, cue and channel."""

from .attribute import EntitySpan, Quote, find_quotes
from .find import QuoteSpan, find_quote_spans

__all__ = ["EntitySpan", "Quote", "QuoteSpan", "find_quote_spans", "find_quotes"]
