"""The one small interface between khabar's pipeline and any store/search backend, and its records.

Extraction and analysis produce :class:`khabar.records.Article`; a backend keeps them and answers the
questions below. SQLite (:mod:`khabar.store.sqlite`) is the embedded default; a server-grade backend
(PostgreSQL, OpenSearch) implements the same methods and nothing else in khabar changes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from khabar.records import Article

#: Most results one search page may ask for.
MAX_PAGE_SIZE = 100
#: Matches a search ranks at most: a query matching more ranks its newest this many (news search
#: favours recent stories, and ranking every match of a very common word would cost time per match).
RANK_WINDOW = 1000


@dataclass(slots=True)
class SearchFilters:
    """Narrowing a search: ISO dates (inclusive, by day), site, author, entity id or name, language."""

    date_from: str | None = None
    date_to: str | None = None
    site: str | None = None
    author: str | None = None
    entity: str | None = None
    language: str | None = None


@dataclass(slots=True)
class SearchHit:
    """One search result: the best-ranked article of its duplicate cluster, and how many others it has."""

    id: int
    source: str
    url: str | None
    title: str | None
    published: str | None
    site: str | None
    snippet: str
    highlights: list[tuple[int, int]]
    cluster: int
    similar: int
    score: float

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "site": self.site,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "cluster": self.cluster,
            "similar": self.similar,
            "score": round(self.score, 4),
        }


@dataclass(slots=True)
class SearchPage:
    """A page of results: ``total`` counts clusters (one result each), not articles.

    ``total_is_lower_bound`` is set when the query matched more articles than a backend ranks (the
    SQLite store ranks the newest :data:`RANK_WINDOW` matches): ``total`` then counts those only.
    """

    query: str
    hits: list[SearchHit]
    total: int
    offset: int
    limit: int
    total_is_lower_bound: bool = False


@dataclass(slots=True)
class EntityRow:
    """An entity across the whole store: its name, label, gloss, spelling variants and counts."""

    id: int
    name: str
    label: str
    gloss: str | None
    mentions: int
    articles: int
    variants: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "gloss": self.gloss,
            "mentions": self.mentions,
            "articles": self.articles,
            "variants": self.variants,
        }


@dataclass(slots=True)
class QuoteRow:
    """A stored quotation with the article it stands in."""

    id: int
    article_id: int
    source: str
    title: str | None
    published: str | None
    text: str
    speaker: str | None
    speaker_canonical: str | None
    speaker_entity: int | None
    cue: str | None
    channel: str | None
    speaker_kind: str | None
    start: int
    end: int

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(slots=True)
class ClusterRow:
    """A group of duplicate articles: its id and its members' ids and sources."""

    id: int
    members: list[tuple[int, str]]

    def to_dict(self) -> dict:
        return {
            "cluster": self.id,
            "size": len(self.members),
            "members": [{"id": i, "source": s} for i, s in self.members],
        }


@dataclass(slots=True)
class SiteRow:
    """A site in the store: its name, how many articles, and the first and last publication day."""

    name: str
    articles: int
    first: str | None
    last: str | None

    def to_dict(self) -> dict:
        return {"name": self.name, "articles": self.articles, "first": self.first, "last": self.last}


@dataclass(slots=True)
class PutResult:
    """What storing one article did: ``added``, ``updated`` or ``unchanged``; its id and cluster."""

    status: str
    id: int
    cluster: int


class Store(ABC):
    """Where articles live and how they are found. Writers call :meth:`put`; readers call the rest."""

    @abstractmethod
    def page_fingerprint(self, source: str) -> str | None:
        """The fingerprint stored for ``source`` (to skip unchanged pages before extracting them)."""

    @abstractmethod
    def put(self, article: Article, fingerprint: str, run_id: int | None = None) -> PutResult:
        """Add or update the article of one page (idempotent for the same source and fingerprint)."""

    @abstractmethod
    def commit(self) -> None:
        """Make every :meth:`put` so far durable, all or nothing."""

    @abstractmethod
    def rollback(self) -> None:
        """Drop every :meth:`put` since the last :meth:`commit`."""

    @abstractmethod
    def start_run(self, specs: list[str]) -> int:
        """Record the start of an ingest run over ``specs``; return its id."""

    @abstractmethod
    def update_run(self, run_id: int, counters: dict[str, int]) -> None:
        """Set a run's counters; they are committed with the next :meth:`commit`."""

    @abstractmethod
    def finish_run(self, run_id: int, status: str = "done") -> None:
        """Close a run with its final status (``done`` or ``interrupted``)."""

    @abstractmethod
    def search(self, query: str, filters: SearchFilters | None = None, limit: int = 10,
               offset: int = 0) -> SearchPage:
        """Articles matching ``query`` (empty: newest first), one per duplicate cluster, best first."""

    @abstractmethod
    def article(self, article_id: int) -> Article | None:
        """The stored record, analysis included."""

    @abstractmethod
    def article_meta(self, article_id: int) -> dict | None:
        """What the record itself does not carry: ``id``, ``source``, ``cluster_id`` and cluster ``size``."""

    @abstractmethod
    def article_entity_ids(self, article_id: int) -> dict[tuple[str, str], int]:
        """Store-wide entity ids of an article's entities, by ``(label, canonical name in the article)``."""

    @abstractmethod
    def quote_speaker_ids(self, article_id: int) -> dict[int, int]:
        """Entity ids of the resolved speakers of an article's quotations, by the quotation's ``start``."""

    @abstractmethod
    def entities(self, limit: int = 50, label: str | None = None, name: str | None = None) -> list[EntityRow]:
        """Entities by number of articles that mention them."""

    @abstractmethod
    def entity(self, entity_id: int) -> EntityRow | None:
        """One entity with its variants and counts."""

    @abstractmethod
    def entity_timeline(self, entity_id: int) -> list[tuple[str, int]]:
        """``(day, articles)`` pairs: on each publication day, how many articles mention the entity."""

    @abstractmethod
    def co_mentioned(self, entity_id: int, limit: int = 20) -> list[tuple[EntityRow, int]]:
        """Entities mentioned in the same articles, with the number of articles they share."""

    @abstractmethod
    def sites(self) -> list[SiteRow]:
        """Sites with article counts and date ranges, largest first."""

    @abstractmethod
    def site_timeline(self, site: str | None = None) -> list[tuple[str, str, int]]:
        """``(site, day, articles)`` triples: articles per publication day per site (one site or all)."""

    @abstractmethod
    def cluster_members(self, cluster_id: int) -> list[tuple[int, str, str | None]]:
        """``(article id, source, title)`` of every member of a duplicate cluster."""

    @abstractmethod
    def quotes(self, speaker: str | None = None, words: str | None = None, limit: int = 50,
               offset: int = 0) -> list[QuoteRow]:
        """Spoken quotations, newest first; ``speaker`` matches the speaker phrase or its entity's names."""

    @abstractmethod
    def clusters(self, min_size: int = 2) -> list[ClusterRow]:
        """Duplicate clusters with at least ``min_size`` members, largest first."""

    @abstractmethod
    def stats(self) -> dict[str, int]:
        """Counts: sources, articles, entities, mentions, quotes, clusters (of two or more), runs."""

    @abstractmethod
    def close(self) -> None:
        """Release the backend's resources."""
