"""Hindi named-entity recognition (PER/LOC/ORG), English glosses and per-article entity keys."""

from .canonical import canonical_key
from .conll import read_conll
from .gloss import english_gloss
from .model import Tagger, evaluate, main_ner
from .train import main_train_ner, train

__all__ = [
    "Tagger",
    "canonical_key",
    "english_gloss",
    "evaluate",
    "main_ner",
    "main_train_ner",
    "read_conll",
    "train",
]
