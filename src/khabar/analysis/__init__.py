"""Text analysis on extracted articles: named entities, glosses and entity keys."""
