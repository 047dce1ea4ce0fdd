"""Store and search: articles, entities, quotations and duplicate clusters behind one small interface.

``open_store(path)`` gives the embedded SQLite backend; anything implementing
:class:`khabar.store.interface.Store` can take its place.
"""

from __future__ import annotations

from pathlib import Path

from khabar.store.interface import SearchFilters, Store

DEFAULT_DB = "khabar.db"


def open_store(path: str | Path = DEFAULT_DB, readonly: bool = False) -> Store:
    """The store at ``path`` (an SQLite file, created when writing and absent)."""
    from khabar.store.sqlite_store import SQLiteStore

    return SQLiteStore(path, readonly=readonly)


__all__ = ["DEFAULT_DB", "SearchFilters", "Store", "open_store"]
