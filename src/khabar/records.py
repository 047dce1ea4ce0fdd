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
class Span:
    """A stretch ``[start, end)`` of an article's ``text`` (a sentence)."""

    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """A named entity mention: offsets into ``text``, PER/LOC/ORG, the entity's canonical name in the
    article (the same for all its variants), and its English name."""

    start: int
    end: int
    label: str
    text: str
    canonical: str
    gloss: str | None = None


@dataclass(slots=True)
class Quotation:
    """A direct quotation (``kind`` "speech") or a quoted term (``kind`` "term"), offsets into ``text``.

    ``speaker_kind`` says what the speaker phrase is: "name", "organisation", "description" (``एक किसान``),
    "pronoun" (resolved in ``speaker_canonical``) or "group"; "context" when the text states no source
    the quotation's cue resolves (none, or a pronoun with several people before it) and
    ``speaker_canonical`` is the subject of the sentences before it: a reading, not a statement.
    """

    text: str
    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_canonical: str | None = None
    cue: str | None = None
    channel: str | None = None
    speaker_kind: str | None = None


#: Fields that analysis adds; a record without analysis leaves them out.
ANALYSIS_FIELDS = ("sentences", "entities", "quotes")


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
    sentences: list[Span] | None = None
    entities: list[Entity] | None = None
    quotes: list[Quotation] | None = None

    def __post_init__(self) -> None:
        if not self.text and self.paragraphs:
            self.text = "\n\n".join(self.paragraphs)

    @property
    def analysed(self) -> bool:
        return self.sentences is not None

    def to_dict(self) -> dict:
        """The record as plain JSON-ready data, fields in their documented order (analysis only when run)."""
        data = asdict(self)
        if not self.analysed:
            for name in ANALYSIS_FIELDS:
                data.pop(name)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        """An article back from its JSON record (as ``khabar extract`` writes it)."""
        known = {name: data.get(name) for name in cls.__dataclass_fields__ if name not in ANALYSIS_FIELDS}
        known["authors"] = list(known.get("authors") or [])
        known["categories"] = list(known.get("categories") or [])
        known["tags"] = list(known.get("tags") or [])
        known["paragraphs"] = list(known.get("paragraphs") or [])
        known["text"] = known.get("text") or ""
        known["boilerplate"] = [Boilerplate(**item) for item in known.get("boilerplate") or []]
        return cls(**known)

    @classmethod
    def failed(cls, source: str | None, error: str, url: str | None = None) -> Article:
        """A record for a page that could not be extracted."""
        return cls(source=source, url=url, error=error)
