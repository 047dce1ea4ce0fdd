"""Bad input never stops a batch: each kind becomes one record with a clear error, and is counted."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

import khabar.sources as sources
from khabar.extraction import extract_page
from khabar.sources import errors, iter_pages

KHABAR = Path(sys.executable).with_name("khabar")
HINDI = "राज्य सरकार ने किसानों के लिए नई योजना की घोषणा की है जिससे लाखों परिवारों को लाभ मिलेगा।"
ARTICLE = f"<html><head><title>योजना</title></head><body><article><h1>योजना</h1><p>{HINDI}</p><p>{HINDI}</p></article></body></html>"


def warc_response(uri: str, html: bytes) -> bytes:
    record = WarcRecord()
    record.init_headers(WarcRecordType.response)
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = "application/http; msgtype=response"
    record.set_bytes_content(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html)
    out = io.BytesIO()
    record.write(out)
    return gzip.compress(out.getvalue())


def make_bad_batch(folder: Path) -> dict[str, str | None]:
    """Write one file per kind of bad input; return expected error reason per source (None: no error)."""
    folder.mkdir()
    (folder / "01-image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "02-doc.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (folder / "03-empty.html").write_bytes(b"")
    (folder / "04-invalid-utf8.html").write_bytes(
        ARTICLE.encode()[:-40] + b"\xff\xfe\xc3" + b"</p></body></html>"
    )
    (folder / "05-deep.html").write_text("<div>" * 10_000 + HINDI + "</div>" * 10_000, encoding="utf-8")
    (folder / "06-no-article.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav></body></html>",
        encoding="utf-8",
    )
    lines = gzip.compress(
        "".join(json.dumps({"html": ARTICLE, "url": f"u{i}"}) + "\n" for i in range(400)).encode()
    )
    (folder / "07-cut.jsonl.gz").write_bytes(lines[: len(lines) // 2])
    warc = warc_response("https://news.example/ok", ARTICLE.encode())
    cut_record = warc_response("https://news.example/cut", ARTICLE.encode() * 20)
    (folder / "08-cut.warc.gz").write_bytes(warc + cut_record[: len(cut_record) // 2])
    (folder / "09-bad.jsonl").write_text('{"html": "<p>x</p>"}\n{oops\n', encoding="utf-8")
    return {
        "01-image.html": "binary",
        "02-doc.pdf": "binary",
        "03-empty.html": "empty file",
        "04-invalid-utf8.html": None,
        "08-cut.warc.gz#1": None,
        "08-cut.warc.gz#2": "truncated WARC record",
        "09-bad.jsonl#2": "bad JSONL line",
    }


def test_one_batch_of_bad_inputs_keeps_going(tmp_path: Path) -> None:
    expected = make_bad_batch(tmp_path / "batch")
    out = tmp_path / "out.jsonl"
    if not KHABAR.exists():
        pytest.skip("the khabar console script is not installed in this environment")
    missing = str(tmp_path / "missing.html")
    result = subprocess.run(
        [str(KHABAR), "extract", str(tmp_path / "batch"), missing, "-o", str(out)],
        capture_output=True,
        timeout=300,
    )
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_name = {r["source"].rsplit("/", 1)[-1]: r for r in records}
    assert result.returncode == 1
    for name, reason in expected.items():
        if reason is None:
            assert not by_name[name]["error"] or by_name[name]["error"].startswith("extraction failed"), name
        else:
            assert (
                by_name[name]["error"].startswith(reason)
                or reason == "binary"
                and "(binary)" in by_name[name]["error"]
            )
    assert by_name["missing.html"]["error"] == "file not found"
    assert {"05-deep.html", "06-no-article.html"} <= set(by_name)
    cut_jsonl = [r for r in records if "07-cut.jsonl.gz#" in r["source"]]
    assert 0 < len(cut_jsonl) < 401 and cut_jsonl[-1]["error"].startswith("truncated gzip")
    assert all(r["error"] is None or r["error"].startswith("extraction failed") for r in cut_jsonl[:-1])
    summary = result.stderr.decode()
    assert _count(summary, "pages read") == len(records)
    assert _count(summary, "binary") == 2 and _count(summary, "empty file") == 1
    assert _count(summary, "truncated gzip") == 1 and _count(summary, "truncated WARC record") == 1
    assert _count(summary, "file not found") == 1 and _count(summary, "bad JSONL line") == 1


def _count(summary: str, label: str) -> int:
    for line in summary.splitlines():
        head, _, number = line.strip().rpartition(" ")
        if head.strip() == label:
            return int(number)
    raise AssertionError(f"{label!r} not in summary:\n{summary}")


def test_no_article_page_is_extracted_but_empty() -> None:
    pytest.importorskip("khabar.extraction.html")
    [page] = iter_pages_from_text(
        "<html><body><nav><a href='/'>Home</a></nav><footer>© 2024</footer></body></html>"
    )
    article = extract_page(page)
    assert article.error is None and article.paragraphs == []


def test_deep_nesting_is_a_record_not_a_crash() -> None:
    pytest.importorskip("khabar.extraction.html")
    [page] = iter_pages_from_text("<div>" * 10_000 + f"<p>{HINDI}</p>" + "</div>" * 10_000)
    article = extract_page(page)
    assert article.source == page.source
    assert article.error is None or article.error == "page nesting too deep to extract"


def iter_pages_from_text(html: str) -> list:
    return [sources.RawPage(source="mem.html", content=html, kind="html")]


def test_fifty_megabyte_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    filler = f"<p>{HINDI}</p>\n".encode()
    path.write_bytes(b"<html><body>" + filler * (50 * 2**20 // len(filler)) + b"</body></html>")
    [page] = iter_pages([str(path)])
    assert page.error is None and len(page.content) > 15_000_000


def test_oversized_inputs_become_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(errors, "MAX_PAGE_BYTES", 1000)
    (tmp_path / "big.html").write_text("<p>" + "x" * 2000 + "</p>", encoding="utf-8")
    (tmp_path / "big.html.gz").write_bytes(gzip.compress(("<p>" + "x" * 2000 + "</p>").encode()))
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"text": "y" * 3000}) + "\n" + json.dumps({"text": "small"}) + "\n", encoding="utf-8"
    )
    (tmp_path / "big.warc.gz").write_bytes(warc_response("https://news.example/big", b"<p>" + b"z" * 2000))
    pages = {p.source.rsplit("/", 1)[-1]: p for p in iter_pages([str(tmp_path)])}
    for name in ("big.html", "big.html.gz", "lines.jsonl#1", "big.warc.gz#1"):
        assert pages[name].error.startswith("page too large"), name
    assert pages["lines.jsonl#2"].content == "small"


def test_unreadable_file_is_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.html"
    path.write_text("<p>x</p>", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sources, "open", refuse, raising=False)
    [page] = iter_pages([str(path)])
    assert page.error == "unreadable: Permission denied" and page.source == str(path)


def test_empty_folder_and_whitespace_file(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    pages = list(iter_pages([str(tmp_path / "empty"), str(tmp_path / "blank.txt")]))
    assert [p.error for p in pages] == ["no files in folder", "empty file"]


def test_corrupt_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"not deflate data at all" * 10)
    [page] = iter_pages([str(path)])
    assert page.error.startswith("corrupt gzip")


def test_error_pages_pass_through_extraction_unchanged() -> None:
    article = extract_page(sources.RawPage(source="x.png", content=None, error=errors.BINARY))
    assert (article.source, article.error) == ("x.png", errors.BINARY)
