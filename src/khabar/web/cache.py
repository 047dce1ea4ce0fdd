"""Recent search results kept per server process, dropped as soon as the database changes.

Popular queries repeat; a search costs milliseconds of SQL and snippet work while a cached one costs
a dictionary lookup. The database's *generation* (size and modification time of the file and its WAL)
changes with every commit an ingest makes, so a cached answer is never older than the data.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Results kept per process, and the longest time one is reused even when nothing changed.
CACHE_ENTRIES = 1024
CACHE_SECONDS = 300.0


class ResultCache:
    """A small thread-safe LRU of computed results, keyed by request and database generation."""

    def __init__(self, db_path: str | Path, entries: int = CACHE_ENTRIES, seconds: float = CACHE_SECONDS) -> None:
        self.paths = (Path(db_path), Path(f"{db_path}-wal"))
        self.entries = entries
        self.seconds = seconds
        self.hits = self.misses = 0
        self._lock = threading.Lock()
        self._items: OrderedDict[Hashable, tuple[tuple, float, object]] = OrderedDict()

    def generation(self) -> tuple:
        """What changes whenever a writer commits: size and mtime of the database and its WAL."""
        marks = []
        for path in self.paths:
            try:
                stat = os.stat(path)
                marks.append((stat.st_size, stat.st_mtime_ns))
            except FileNotFoundError:
                marks.append(None)
        return tuple(marks)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached result for ``key`` if still current, else ``compute()`` (and keep it)."""
        generation, now = self.generation(), time.monotonic()
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] == generation and now - found[1] < self.seconds:
                self._items.move_to_end(key)
                self.hits += 1
                return found[2]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self.misses += 1
            self._items[key] = (generation, now, value)
            self._items.move_to_end(key)
            while len(self._items) > self.entries:
                self._items.popitem(last=False)
        return value
