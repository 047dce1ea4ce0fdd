"""khabar: clean, structured records from raw Hindi news pages."""

from khabar.extraction import extract
from khabar.records import Article, Boilerplate, RawPage

__all__ = ["Article", "Boilerplate", "RawPage", "extract", "__version__"]
__version__ = "0.1.0"
