"""The web result cache: repeated requests reuse a result until the database changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from khabar.web.cache import ResultCache


def test_results_are_reused_until_a_writer_commits(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE t (x)")
    cache = ResultCache(db)
    calls = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get("q", compute) == 1
    assert cache.get("q", compute) == 1 and cache.hits == 1
    assert cache.get("other", compute) == 2
    with sqlite3.connect(db) as connection:
        connection.execute("INSERT INTO t VALUES (1)")
    assert cache.get("q", compute) == 3


def test_oldest_entries_are_dropped(tmp_path: Path) -> None:
    db = tmp_path / "y.db"
    sqlite3.connect(db).close()
    cache = ResultCache(db, entries=2)
    for key in ("a", "b", "c"):
        cache.get(key, lambda key=key: key)
    computed = []
    cache.get("a", lambda: computed.append("a") or "a")
    assert computed == ["a"]


def test_entries_expire(tmp_path: Path) -> None:
    db = tmp_path / "z.db"
    sqlite3.connect(db).close()
    cache = ResultCache(db, seconds=0.0)
    values = iter([1, 2])
    assert cache.get("k", lambda: next(values)) == 1
    assert cache.get("k", lambda: next(values)) == 2
