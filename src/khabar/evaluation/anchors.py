"""The systems an evaluation compares: khabar itself and two anchor extractors.

Anchors (trafilatura, resiliparse) are imported lazily; :func:`load_system` raises
:class:`SystemUnavailable` when one is not installed, so a caller can skip it with a note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

METADATA_FIELDS = ("title", "published", "authors", "author_bio")


class SystemUnavailable(RuntimeError):
    """The extractor behind a system name cannot be imported here."""


@dataclass(slots=True)
class Prediction:
    """What one system returned for one page, in the fields the evaluation scores."""

    text: str = ""
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    author_bio: str | None = None
    error: str | None = None


@dataclass(slots=True)
class System:
    """A named extractor: ``run(data, url, kind)`` with ``kind`` either ``"html"`` or ``"text"``."""

    name: str
    run: Callable[[bytes | str, str | None, str], Prediction]
    provides: tuple[str, ...] = METADATA_FIELDS
    takes_dumps: bool = False


def _khabar() -> System:
    from khabar.extraction import extract

    def run(data: bytes | str, url: str | None, kind: str) -> Prediction:
        article = extract(data, url=url)
        return Prediction(
            text=article.text or "\n\n".join(article.paragraphs),
            title=article.title,
            published=article.published,
            authors=list(article.authors),
            author_bio=article.author_bio,
            error=article.error,
        )

    return System("khabar", run, takes_dumps=True)


def _trafilatura() -> System:
    try:
        from trafilatura import bare_extraction
    except ImportError as exc:
        raise SystemUnavailable(f"trafilatura is not installed ({exc})") from exc

    def run(data: bytes | str, url: str | None, kind: str) -> Prediction:
        doc = bare_extraction(data, url=url, with_metadata=True)
        if doc is None:
            return Prediction(error="no extraction")
        fields = doc if isinstance(doc, dict) else doc.as_dict()
        authors = [a.strip() for a in (fields.get("author") or "").split(";") if a.strip()]
        return Prediction(
            text=fields.get("text") or "",
            title=fields.get("title"),
            published=fields.get("date"),
            authors=authors,
        )

    return System("trafilatura", run, provides=("title", "published", "authors"))


def _resiliparse() -> System:
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding
        from resiliparse.parse.html import HTMLTree
    except ImportError as exc:
        raise SystemUnavailable(f"resiliparse is not installed ({exc})") from exc

    def run(data: bytes | str, url: str | None, kind: str) -> Prediction:
        html = bytes_to_str(data, detect_encoding(data)) if isinstance(data, bytes) else data
        return Prediction(text=extract_plain_text(HTMLTree.parse(html), main_content=True))

    return System("resiliparse", run, provides=())


_FACTORIES: dict[str, Callable[[], System]] = {
    "khabar": _khabar,
    "trafilatura": _trafilatura,
    "resiliparse": _resiliparse,
}
SYSTEM_NAMES = tuple(_FACTORIES)


def load_system(name: str) -> System:
    """The system called ``name``; raises ``KeyError`` for an unknown name and
    :class:`SystemUnavailable` when its package is missing."""
    if name not in _FACTORIES:
        raise KeyError(f"unknown system {name!r}; choose from {', '.join(SYSTEM_NAMES)}")
    return _FACTORIES[name]()
