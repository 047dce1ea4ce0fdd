"""The web load benchmark: its HTTP client and report, and a short smoke run against ``khabar serve``."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import bench_web  # noqa: E402


def test_percentiles_and_summary() -> None:
    values = [float(v) for v in range(1, 101)]
    assert bench_web.percentile(values, 0.5) == 50 and bench_web.percentile(values, 0.99) == 99
    assert bench_web.percentile([], 0.99) == 0.0
    samples = [("article html", 10.0), ("article json", 30.0), ("search-rare html", 300.0)]
    report = bench_web.summarise(samples, [{"kind": "article html", "path": "/x", "error": "HTTP 500"}], 2.0)
    assert report["requests"] == 3 and report["requests_per_second"] == 1.5 and report["errors"] == 1
    assert report["by_route"]["article"]["n"] == 2 and report["by_route"]["search"]["max_ms"] == 300.0
    assert report["verdict"] == {"no_errors": False, "p99_met": False}


def test_response_reader_handles_length_and_chunks() -> None:
    async def read(raw: bytes) -> tuple[int, bool, bytes]:
        reader = asyncio.StreamReader()
        reader.feed_data(raw)
        reader.feed_eof()
        status, keep = await bench_web.read_response(reader)
        return status, keep, await reader.read()

    sized = b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhelloNEXT"
    assert asyncio.run(read(sized)) == (200, True, b"NEXT")
    chunked = b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nNEXT"
    assert asyncio.run(read(chunked)) == (404, True, b"NEXT")
    closing = b"HTTP/1.1 200 OK\r\nConnection: close\r\ncontent-length: 2\r\n\r\nok"
    assert asyncio.run(read(closing))[:2] == (200, False)


def test_smoke_run_against_khabar_serve(tmp_path: Path) -> None:
    out = tmp_path / "web.json"
    args = bench_web.parse_args(["--articles", "40", "--clients", "4", "--seconds", "1.5", "--warmup", "0.3",
                                 "--workers", "1", "--jobs", "1", "--db", str(tmp_path / "small.db"),
                                 "--out", str(out)])
    bench_web.main_with(args)
    report = json.loads(out.read_text(encoding="utf-8"))
    load = report["load"]
    assert report["database"]["articles"] == 40 and report["database"]["build"]["pages"] == 40
    assert load["errors"] == 0, load["error_examples"]
    assert load["requests"] > 10 and set(load["by_route"]) == {"article", "search"}
    assert {kind.split()[1] for kind in load["by_kind"]} == {"html", "json"}
    assert any(kind.startswith("search-english") for kind in load["by_kind"])
