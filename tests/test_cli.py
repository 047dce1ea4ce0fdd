"""The `khabar` command and the local runner it drives (real subprocess runs for the CLI)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from khabar.cli import COMMANDS, build_parser
from khabar.output import open_writer
from khabar.records import Article
from khabar.runners import RunStats, run_extract
from khabar.runners.local import _Throttle

KHABAR = Path(sys.executable).with_name("khabar")
HINDI = "मौसम विभाग ने आज दिल्ली में भारी बारिश की चेतावनी जारी की है और लोगों से घरों में रहने को कहा है।"


def khabar(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    if not KHABAR.exists():
        pytest.skip("the khabar console script is not installed in this environment")
    return subprocess.run([str(KHABAR), *args], input=stdin, capture_output=True, cwd=cwd, timeout=120)


def text_pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{i:03d}.txt"
        path.write_text(f"शीर्षक {i}\n\n{HINDI} {i}\n\n{HINDI}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_help_teaches_with_examples() -> None:
    result = khabar("extract", "--help")
    out = result.stdout.decode()
    assert result.returncode == 0
    for example in ("khabar extract pages/", ".warc.gz", ".jsonl", "khabar extract -", ".parquet"):
        assert example in out
    assert "Exit status" in out


def test_every_subcommand_is_registered_from_the_table() -> None:
    parser = build_parser()
    minimal = {"train-ner": ["--train", "x"], "entities": [], "duplicates": [], "stats": [], "quotes": [], "serve": []}
    for command in COMMANDS:
        args = parser.parse_args([command.name, *minimal.get(command.name, ["x"])])
        assert args.handler is command.run
    assert {c.name for c in COMMANDS} >= {"extract", "eval", "ner", "train-ner", "ingest", "search", "entities",
                                          "quotes", "duplicates", "stats"}


@pytest.mark.parametrize(
    "argv",
    [
        ["extract"],
        ["extract", "x.html", "--format", "yaml"],
        ["extract", "x", "--jobs", "-1"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    assert khabar(*argv).returncode == 2


def test_parquet_to_stdout_and_unknown_extension_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HINDI, encoding="utf-8")
    result = khabar("extract", str(tmp_path / "a.txt"), "--format", "parquet")
    assert result.returncode == 2 and b"parquet output needs a file" in result.stderr
    assert khabar("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.weird")).returncode == 2


def test_extract_folder_to_parquet(tmp_path: Path) -> None:
    text_pages(tmp_path / "in", 3)
    out = tmp_path / "out.parquet"
    result = khabar("extract", str(tmp_path / "in"), "-o", str(out))
    table = pq.read_table(out).to_pylist()
    assert [r["source"] for r in table] == [str(tmp_path / "in" / f"{i:03d}.txt") for i in range(3)]
    assert b"pages read" in result.stderr
    assert result.stdout == b""
    assert result.returncode == (0 if all(r["error"] is None for r in table) else 1)


def test_stdin_to_stdout_jsonl() -> None:
    result = khabar("extract", "-", "--no-progress", stdin=f"शीर्षक\n\n{HINDI}\n".encode())
    [line] = result.stdout.decode("utf-8").splitlines()
    record = json.loads(line)
    assert record["source"] == "-"
    assert b"pages read" in result.stderr and b"\r" not in result.stderr  # no bar when not a TTY


def test_all_pages_extracted_exits_0(tmp_path: Path) -> None:
    pytest.importorskip("khabar.extraction.plaintext")
    text_pages(tmp_path / "in", 2)
    result = khabar("extract", str(tmp_path / "in"), "-o", str(tmp_path / "out.json"))
    records = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    if any(r["error"] and "No module named" in r["error"] for r in records):
        pytest.skip("text extraction not complete yet")
    assert result.returncode == 0, result.stderr.decode()
    assert all(r["error"] is None for r in records)


def test_eval_subcommand_dispatches(tmp_path: Path) -> None:
    result = khabar("eval", "--help")
    assert result.returncode == 0 and b"CORPUS_DIR" in result.stdout
    missing = khabar("eval", str(tmp_path / "no-corpus"))
    assert missing.returncode != 0


# --- runner ---------------------------------------------------------------------------------------


def test_pool_preserves_order_and_matches_the_loop(tmp_path: Path) -> None:
    text_pages(tmp_path / "in", 40)
    outputs = {}
    for jobs in (1, 2):
        path = tmp_path / f"out{jobs}.jsonl"
        with open_writer(str(path), None) as writer:
            stats = run_extract([str(tmp_path / "in")], writer, jobs=jobs, progress=False)
        assert stats.read == 40
        outputs[jobs] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in outputs[2]] == [str(tmp_path / "in" / f"{i:03d}.txt") for i in range(40)]
    assert outputs[1] == outputs[2]


def test_throttle_bounds_read_ahead() -> None:
    throttle = _Throttle(3)
    pulled: list[int] = []
    feeder = threading.Thread(target=lambda: pulled.extend(throttle.feed(range(10))), daemon=True)
    feeder.start()
    feeder.join(timeout=0.3)
    assert pulled == [0, 1, 2] and feeder.is_alive()
    throttle.done()
    feeder.join(timeout=0.3)
    assert pulled == [0, 1, 2, 3]
    throttle.stop()
    feeder.join(timeout=2)
    assert not feeder.is_alive()


def test_run_stats_counts_and_summary() -> None:
    stats = RunStats()
    stats.count(Article(source="a", paragraphs=["p"]))
    stats.count(Article(source="b"))
    stats.count(Article.failed("c", "empty file"))
    stats.count(Article.failed("d", "truncated gzip (file ends before the end of the compressed data)"))
    stats.count(Article.failed("e", "not a text or HTML page (binary)"))
    stats.count(Article.failed("f", "not a text or HTML page (binary)"))
    stats.skip("request record")
    assert (stats.read, stats.extracted, stats.empty, stats.failures, stats.ok) == (6, 2, 1, 4, False)
    assert stats.failed == {"empty file": 1, "truncated gzip": 1, "binary": 2}
    lines = stats.summary().splitlines()
    assert len({len(line) for line in lines}) == 1  # aligned
    assert lines[0].split() == ["pages", "read", "6"]
    assert any(line.split() == ["binary", "2"] for line in lines)
    assert any(line.split() == ["request", "record", "1"] for line in lines)
    assert RunStats().ok


def test_warc_gz_through_a_real_pipe() -> None:
    from test_sources import sample_warc_records  # tests/ is on sys.path under pytest

    warc = b"".join(gzip.compress(r) for r in sample_warc_records())
    result = khabar("extract", "-", "--format", "jsonl", stdin=warc)
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [r["source"] for r in records] == ["-#1", "-#2", "-#3"]
    assert [r["url"] for r in records] == [
        "https://news.example/a",
        "https://news.example/b",
        "https://news.example/c",
    ]
    assert b"HTTP status 404" in result.stderr
