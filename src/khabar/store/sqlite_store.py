"""The embedded default backend: one SQLite file with FTS5 over Hindi-correct index terms.

Writes (:mod:`.sqlite_writes`) go through :meth:`SQLiteStore.put` inside one open transaction that
:meth:`commit` ends, so a batch of pages lands all or nothing: a run killed half-way leaves the last
committed state, and the next run redoes only what was lost. The database runs in WAL mode: readers
never block the writer, and the log is checkpointed on a thread of its own (:mod:`.checkpoint`). Search is in :mod:`.sqlite_search`, the other reads in :mod:`.sqlite_browse`.
Every statement takes its values as parameters; the only SQL assembled at run time joins fixed
fragments chosen by which filters are set.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from khabar.store import schema
from khabar.store.checkpoint import Checkpointer
from khabar.store.interface import Store
from khabar.store.sqlite_browse import SQLiteBrowse
from khabar.store.sqlite_search import SQLiteSearch
from khabar.store.sqlite_writes import SQLiteWrites, entity_key

__all__ = ["SQLiteStore", "entity_key"]


class SQLiteStore(SQLiteWrites, SQLiteSearch, SQLiteBrowse, Store):
    """khabar's store in one SQLite file (created on first use)."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self._checkpointer: Checkpointer | None = None
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"no database at {self.path} (run `khabar ingest` first)")
            uri = f"file:{self.path.resolve()}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA busy_timeout = 30000")
        else:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            schema.create(self.db)
            self.db.execute("PRAGMA wal_autocheckpoint = 0")
            self._checkpointer = Checkpointer(self.path)
        self.db.row_factory = sqlite3.Row
        self._in_transaction = False

    def close(self) -> None:
        self.rollback()
        if self._checkpointer is not None:
            self._checkpointer.close()
        self.db.close()
