"""khabar: clean, structured records from raw Hindi news pages."""

from khabar.extraction import extract
from khabar.records import Article, Boilerplate, Entity, Quotation, RawPage, Span

__all__ = ["Article", "Boilerplate", "Entity", "Quotation", "RawPage", "Span", "analyze", "extract", "__version__"]


def analyze(article: Article) -> Article:
    """Add sentences, entities (with canonical names and English glosses) and quotations to ``article``."""
    from khabar.analysis.pipeline import analyze as run

    return run(article)
__version__ = "0.1.0"
