"""Moving the write-ahead log into the database file on a thread of its own.

In WAL mode SQLite copies committed pages from the log into the database (a checkpoint) and syncs the
file; done by the writer, right after a commit, that wait for the disk holds up the next batch. The
store instead turns the automatic checkpoint off for its writing connection and asks this thread to
checkpoint after each commit: the copy and sync then overlap with the next batch's extraction and
analysis. A checkpoint on another connection is an ordinary SQLite operation, so crash safety is that
of WAL mode itself; a passive checkpoint never blocks the writer or readers.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)


class Checkpointer:
    """A daemon thread that checkpoints one database whenever :meth:`request` is called."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._wanted = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None

    def request(self) -> None:
        """Ask for a checkpoint soon (requests made while one runs are served by one more)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="khabar-checkpoint", daemon=True)
            self._thread.start()
        self._wanted.set()

    def close(self) -> None:
        """Finish the pending checkpoint, if any, and stop the thread."""
        if self._thread is None:
            return
        self._stopping = True
        self._wanted.set()
        self._thread.join()
        self._thread = None

    def _run(self) -> None:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA busy_timeout = 30000")
            while True:
                self._wanted.wait()
                self._wanted.clear()
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error as exc:  # a failed checkpoint loses nothing: the log keeps the pages
                    log.warning("checkpoint of %s failed: %s", self.path, exc)
                if self._stopping:
                    return
        finally:
            connection.close()
