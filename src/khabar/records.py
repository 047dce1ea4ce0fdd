"""Typed records that flow between khabar's stages.

A source yields :class:`RawPage`; extraction turns each into an :class:`Article`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

BOILERPLATE_KINDS = (
    "date-widget",
    "byline",
    "author-bio",
    "comment-form",
    "comments",
    "related",
    "share",
    "nav",
    "footer",
    "other",
)


@dataclass(slots=True)
class Boilerplate:
    """One piece of page chrome that extraction removed, kept so a user can audit it."""

    text: str
    kind: str


@dataclass(slots=True)
class RawPage:
    """A page as read from a source, before extraction.

    ``kind`` is ``"html"`` for markup and ``"text"`` for a plain-text dump; ``error`` is set
    (and ``content`` is ``None``) when the page could not be read or decoded.
    """

    source: str
    content: str | None
    kind: str = "html"
    url: str | None = None
    error: str | None = None


@dataclass(slots=True)
class Article:
    """The structured record extraction produces for one page."""

    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    author_bio: str | None = None
    site_name: str | None = None
    language: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    text: str = ""
    boilerplate: list[Boilerplate] = field(default_factory=list)
    error: str | None = None

    def __post_init__(self) -> None:
        if not self.text and self.paragraphs:
            self.text = "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict:
        """The record as plain JSON-ready data, with fields in their documented order."""
        return asdict(self)

    @classmethod
    def failed(cls, source: str | None, error: str, url: str | None = None) -> Article:
        """A record for a page that could not be extracted."""
        return cls(source=source, url=url, error=error)
