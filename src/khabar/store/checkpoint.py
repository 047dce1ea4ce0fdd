"""Moving the write-ahead log into the database file on a thread of its own.

In WAL mode SQLite copies committed pages from the log into the database (a checkpoint) and syncs the
file; done by the writer right after a commit, that wait for the disk holds up the next batch. The
store instead turns the automatic checkpoint off for its writing connection and asks this thread to
checkpoint after each commit, so the copy and sync overlap with the next batch's extraction and
analysis. A checkpoint on another connection is an ordinary SQLite operation, so crash safety is that
of WAL mode itself; a passive checkpoint never blocks the writer or readers.

SQLite starts the log afresh only when a write transaction begins after every committed page has been
copied, and a busy writer begins its next batch before the thread is done. So once the log file
passes :data:`WAL_RESTART_BYTES`, the writer waits for one checkpoint after its commit (copying about
one batch, the thread having copied the rest): the log stays bounded and the wait is rare.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

#: Size of the log file past which a commit waits for the log to be copied, so the next batch restarts it.
WAL_RESTART_BYTES = 512 * 2**20


class Checkpointer:
    """A daemon thread that checkpoints one database whenever :meth:`request` is called."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wal = path.with_name(path.name + "-wal")
        self._changed = threading.Condition()
        self._requested = 0
        self._done = 0
        self._stopping = False
        self._thread: threading.Thread | None = None

    def request(self) -> int:
        """Ask for a checkpoint soon; returns the request's number (requests made while one runs are
        served together by the next one)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="khabar-checkpoint", daemon=True)
            self._thread.start()
        with self._changed:
            self._requested += 1
            self._changed.notify_all()
            return self._requested

    def after_commit(self) -> None:
        """Checkpoint in the background; wait for it when the log has grown past :data:`WAL_RESTART_BYTES`."""
        number = self.request()
        try:
            large = self.wal.stat().st_size > WAL_RESTART_BYTES
        except OSError:
            large = False
        if large:
            self.wait(number)

    def wait(self, number: int) -> None:
        """Block until request ``number`` has been served."""
        with self._changed:
            self._changed.wait_for(lambda: self._done >= number or self._thread is None)

    def close(self) -> None:
        """Serve the pending requests, if any, and stop the thread."""
        if self._thread is None:
            return
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        self._thread.join()
        self._thread = None

    def _run(self) -> None:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA busy_timeout = 30000")
            while True:
                with self._changed:
                    self._changed.wait_for(lambda: self._requested > self._done or self._stopping)
                    serving = self._requested
                    if serving == self._done and self._stopping:
                        return
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error as exc:  # a failed checkpoint loses nothing: the log keeps the pages
                    log.warning("checkpoint of %s failed: %s", self.path, exc)
                with self._changed:
                    self._done = serving
                    self._changed.notify_all()
        finally:
            connection.close()
