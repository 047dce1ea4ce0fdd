"""Crash safety: kill -9 an ingest at random points, run it again, and get what one clean run gets."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store_pages import BOYS, HEART, LAVROV, LENTILS, MOON, write

STORIES = [LAVROV, HEART, LENTILS, MOON, BOYS]
PLACES = ["लखनऊ", "पटना", "भोपाल", "जयपुर", "देहरादून", "रांची", "शिमला", "इंदौर"]
PEOPLE = ["अनिल वर्मा", "सुनीता शर्मा", "राजेश यादव", "मीना कुमारी", "विकास सिंह", "फ़ातिमा ख़ान"]
VERBS = ["उद्घाटन किया", "दौरा किया", "बैठक की", "घोषणा की", "समीक्षा की"]


def _corpus(folder: Path, count: int, seed: int = 7) -> None:
    """``count`` varied pages: each story template gets its own place, person, date and extra sentences;
    every fifth page is a copy of an earlier one on the other template (a duplicate cluster)."""
    rng = random.Random(seed)
    for i in range(count):
        if i % 5 == 4:
            source = folder / f"page-{i - 3:03d}.html"
            text = source.read_text(encoding="utf-8")
            (folder / f"page-{i:03d}.html").write_text(text.replace("समाचार सेतु", "देश दर्पण"), encoding="utf-8")
            continue
        place, person, verb = rng.choice(PLACES), rng.choice(PEOPLE), rng.choice(VERBS)
        extra = [
            f"{place} में {person} ने {rng.randint(2, 40)} नई योजनाओं का {verb}। "
            f"उन्होंने कहा, “{place} के लोगों को इसका फ़ायदा {rng.randint(1, 12)} महीने में मिलेगा।”"
            for _ in range(rng.randint(1, 3))
        ]
        paragraphs = [*rng.choice(STORIES), *extra]
        write(folder, f"page-{i:03d}.html", f"{place}: {person} ने {verb} ({i})", paragraphs,
              date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")


def _ingest(pages: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "khabar", "ingest", str(pages), "--db", str(db), "--batch", "3",
               "--no-progress"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _snapshot(db: Path) -> dict:
    """Everything a user can see, keyed by content and sources rather than by row ids."""
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = sorted(c.execute(
            "SELECT s.source, a.title, a.published, a.content_hash, a.text FROM articles a JOIN sources s ON s.id = a.source_id"
        ).fetchall())
        entities = sorted(c.execute(
            "SELECT key, label, mention_count, article_count FROM entities WHERE article_count > 0"
        ).fetchall())
        counted = sorted(c.execute(
            "SELECT e.key, count(*), count(DISTINCT m.article_id) FROM mentions m JOIN entities e ON e.id = m.entity_id GROUP BY e.key"
        ).fetchall())
        quotes = sorted(c.execute(
            "SELECT s.source, q.start, q.text, q.speaker FROM quotes q JOIN articles a ON a.id = q.article_id "
            "JOIN sources s ON s.id = a.source_id"
        ).fetchall(), key=repr)
        members: dict[int, set[str]] = {}
        for cluster, source in c.execute("SELECT a.cluster_id, s.source FROM articles a JOIN sources s ON s.id = a.source_id"):
            members.setdefault(cluster, set()).add(source)
        sizes = dict(c.execute("SELECT id, size FROM clusters").fetchall())
        assert all(sizes[cluster] == len(sources) for cluster, sources in members.items())
        assert set(sizes) == set(members)
        index = c.execute("SELECT count(*) FROM search_index").fetchone()[0]
        bands = c.execute("SELECT count(DISTINCT article_id) FROM lsh_bands").fetchone()[0]
        sources = c.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert index == len(articles) == bands == sources
    assert [(k, m, a) for k, _, m, a in entities] == counted
    return {
        "articles": articles,
        "entities": entities,
        "quotes": quotes,
        "clusters": sorted(sorted(s) for s in members.values()),
    }


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    _corpus(pages, 120)
    clean_db = tmp_path / "clean.db"
    clean = _ingest(pages, clean_db)
    assert clean.wait(timeout=300) == 0, clean.stderr.read().decode()
    expected = _snapshot(clean_db)
    assert len(expected["articles"]) == 120 and len(expected["clusters"]) < 120

    rng = random.Random(11)
    crashed_db = tmp_path / "crashed.db"
    kills = 0
    for _ in range(4):
        process = _ingest(pages, crashed_db)
        target = _articles(crashed_db) + rng.randint(2, 25)
        deadline = time.monotonic() + 120
        while process.poll() is None and _articles(crashed_db) < target and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.random() * 0.2)  # land anywhere inside a batch, not only right after a commit
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            kills += 1
    assert kills >= 2, "the ingest finished before it could be killed; make the corpus larger"
    final = _ingest(pages, crashed_db)
    assert final.wait(timeout=300) == 0, final.stderr.read().decode()
    assert _snapshot(crashed_db) == expected
    with sqlite3.connect(crashed_db) as c:
        statuses = [row[0] for row in c.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses[-1] == "done" and statuses.count("interrupted") >= kills - 1
