"""Sources: every input kind, WARC/JSONL containers, stdin, and the encoding rules."""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections import Counter
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

from khabar.sources import iter_pages
from khabar.sources.encoding import decode_bytes
from khabar.sources.sniff import sniff_format

HINDI = "भारत और रूस के विदेश मंत्रियों ने आज नई दिल्ली में मुलाकात की।"
SEED_DUMP = Path("/work/shared/examples/seed-page-dump.txt")


class Skips(Counter):
    def skip(self, reason: str) -> None:
        self[reason] += 1


def html_page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


def warc_record(
    uri: str, payload: bytes, content_type: str, *, status: str = "200 OK", extra: str = ""
) -> bytes:
    record = WarcRecord()
    record.init_headers(WarcRecordType.response)
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = "application/http; msgtype=response"
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra}\r\n".encode() + payload
    record.set_bytes_content(http)
    out = io.BytesIO()
    record.write(out)
    return out.getvalue()


def request_record(uri: str) -> bytes:
    record = WarcRecord()
    record.init_headers(WarcRecordType.request)
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = "application/http; msgtype=request"
    record.set_bytes_content(b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n")
    out = io.BytesIO()
    record.write(out)
    return out.getvalue()


def sample_warc_records() -> list[bytes]:
    """A request, a UTF-8 page, an image, a UTF-8 page mislabelled latin-1, a 404, a chunked gzip page."""
    chunked = gzip.compress(html_page("संकुचित पृष्ठ").encode())
    chunked_body = f"{len(chunked):x}\r\n".encode() + chunked + b"\r\n0\r\n\r\n"
    return [
        request_record("https://news.example/a"),
        warc_record("https://news.example/a", html_page(HINDI).encode(), "text/html; charset=utf-8"),
        warc_record("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        warc_record("https://news.example/b", html_page(HINDI).encode(), "text/html; charset=iso-8859-1"),
        warc_record("https://news.example/gone", b"<html>gone</html>", "text/html", status="404 Not Found"),
        warc_record(
            "https://news.example/c",
            chunked_body,
            "text/html",
            extra="Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
        ),
    ]


def check_sample_warc(pages, skips: Counter, path: str) -> None:
    assert [p.source for p in pages] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert [p.url for p in pages] == [
        "https://news.example/a",
        "https://news.example/b",
        "https://news.example/c",
    ]
    assert all(p.error is None and p.kind == "html" for p in pages)
    assert HINDI in pages[0].content and HINDI in pages[1].content  # the wrong charset label is overruled
    assert "संकुचित पृष्ठ" in pages[2].content
    assert skips == {"request record": 1, "not HTML (image/png)": 1, "HTTP status 404": 1}


def test_html_file_keeps_path_as_given(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(html_page(HINDI), encoding="utf-8")
    [raw] = iter_pages([str(page)])
    assert (raw.source, raw.kind, raw.error, raw.url) == (str(page), "html", None, None)
    assert HINDI in raw.content


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b.html", "a.htm", "sub/c.xhtml", ".hidden.html", ".git/x.html", "sub/.d.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html_page("x"), encoding="utf-8")
    sources = [p.source for p in iter_pages([str(tmp_path)])]
    assert sources == [str(tmp_path / "a.htm"), str(tmp_path / "b.html"), str(tmp_path / "sub" / "c.xhtml")]


def test_glob_spec(tmp_path: Path) -> None:
    for name in ["x/1.html", "x/y/2.html", "x/3.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html_page("x"), encoding="utf-8")
    pages = list(iter_pages([f"{tmp_path}/**/*.html"]))
    assert [p.source for p in pages] == [str(tmp_path / "x/1.html"), str(tmp_path / "x/y/2.html")]
    [nothing] = iter_pages([f"{tmp_path}/**/*.nope"])
    assert nothing.error == "no files match this pattern"


def test_text_dump_is_one_text_page(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(f"Mon. Dec 23rd, 2024\n\n    {HINDI}\n", encoding="utf-8")
    [raw] = iter_pages([str(dump)])
    assert (raw.kind, raw.error) == ("text", None)
    assert HINDI in raw.content


def test_seed_dump_reads_as_text() -> None:
    if not SEED_DUMP.exists():
        pytest.skip("shared seed dump not available")
    [raw] = iter_pages([str(SEED_DUMP)])
    assert raw.kind == "text" and raw.error is None and "लावरोव" in raw.content


def test_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(html_page(HINDI), encoding="utf-8")
    (tmp_path / "notes").write_text(HINDI, encoding="utf-8")
    (tmp_path / "records").write_text(json.dumps({"text": HINDI}) + "\n", encoding="utf-8")
    kinds = {p.source.rsplit("/", 1)[-1]: p.kind for p in iter_pages([str(tmp_path)])}
    assert kinds == {"notes": "text", "page": "html", "records#1": "text"}


def test_jsonl_lines_become_pages_and_bad_lines_become_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps({"html": html_page(HINDI), "url": "https://news.example/1"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"text": HINDI}, ensure_ascii=False),
        json.dumps([1, 2]),
        json.dumps({"title": "no content", "url": "https://news.example/5"}),
        json.dumps({"html": 42}),
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pages = list(iter_pages([str(path)]))
    by_line = {p.source.rsplit("#", 1)[1]: p for p in pages}
    assert list(by_line) == ["1", "3", "4", "5", "6", "7"]
    assert (by_line["1"].kind, by_line["1"].url, by_line["1"].error) == (
        "html",
        "https://news.example/1",
        None,
    )
    assert (by_line["4"].kind, by_line["4"].content) == ("text", HINDI)
    assert by_line["3"].error.startswith("bad JSONL line: invalid JSON")
    assert by_line["5"].error == "bad JSONL line: not a JSON object"
    assert by_line["6"].error == "bad JSONL line: no 'html' or 'text' field"
    assert by_line["6"].url == "https://news.example/5"
    assert by_line["7"].error == "bad JSONL line: 'html' is not a string"


def test_jsonl_lone_surrogate_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "ab\\ud800cd"}\n', encoding="utf-8")
    [raw] = iter_pages([str(path)])
    assert raw.content == "ab\ufffdcd"


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl.gz"
    rows = [json.dumps({"text": f"{HINDI} {i}"}, ensure_ascii=False) for i in range(50)]
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode()))
    pages = list(iter_pages([str(path)]))
    assert len(pages) == 50 and all(p.error is None for p in pages)
    assert pages[-1].source == f"{path}#50"


def test_truncated_jsonl_gz_yields_readable_lines_then_one_error(tmp_path: Path) -> None:
    rows = [
        json.dumps({"text": f"{HINDI} {i} " + "x" * (i * 37 % 300)}, ensure_ascii=False) for i in range(3000)
    ]
    data = gzip.compress(("\n".join(rows) + "\n").encode())
    cut = data[: len(data) // 2]
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(cut)
    complete_lines = zlib.decompressobj(31).decompress(cut).count(b"\n")
    pages = list(iter_pages([str(path)]))
    assert 0 < complete_lines < 3000
    assert len(pages) == complete_lines + 1
    assert all(p.error is None for p in pages[:-1])
    assert pages[-1].error.startswith("truncated gzip")
    assert pages[-1].source == f"{path}#{complete_lines + 1}"


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_yields_html_responses_only(tmp_path: Path, compress: bool) -> None:
    records = sample_warc_records()
    if compress:
        path = tmp_path / "crawl.warc.gz"
        path.write_bytes(b"".join(gzip.compress(r) for r in records))
    else:
        path = tmp_path / "crawl.warc"
        path.write_bytes(b"".join(records))
    skips = Skips()
    pages = list(iter_pages([str(path)], stats=skips))
    check_sample_warc(pages, skips, str(path))


def test_warc_is_recognised_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "archive.bin"
    path.write_bytes(b"".join(gzip.compress(r) for r in sample_warc_records()))
    skips = Skips()
    check_sample_warc(list(iter_pages([str(path)], stats=skips)), skips, str(path))


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_yields_complete_records_then_one_error(tmp_path: Path, compress: bool) -> None:
    records = sample_warc_records()[:4]
    last = gzip.compress(records[-1]) if compress else records[-1]
    whole = b"".join(gzip.compress(r) if compress else r for r in records[:-1])
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(whole + last[: len(last) // 2])
    pages = list(iter_pages([str(path)], stats=Skips()))
    assert [p.error for p in pages[:-1]] == [None]
    assert pages[0].url == "https://news.example/a"
    assert pages[-1].error.startswith("truncated WARC record")
    assert pages[-1].source == f"{path}#2"


def test_garbage_after_warc_magic_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.1\r\nthis is not a header\r\n\r\n" + b"x" * 200)
    pages = list(iter_pages([str(path)], stats=Skips()))
    assert len(pages) == 1 and pages[0].error.startswith("malformed WARC")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (html_page(HINDI).encode(), "html"),
        (f"{HINDI}\n\n{HINDI}\n".encode(), "text"),
        (gzip.compress(html_page(HINDI).encode()), "html"),
    ],
    ids=["html", "text", "gzip-html"],
)
def test_stdin_single_page_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, kind: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [raw] = iter_pages(["-"])
    assert (raw.source, raw.kind, raw.error) == ("-", kind, None)
    assert HINDI in raw.content


def test_stdin_jsonl_and_warc(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(json.dumps({"text": HINDI, "url": f"u{i}"}) + "\n" for i in range(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rows.encode())))
    assert [(p.source, p.url) for p in iter_pages(["-"])] == [("-#1", "u0"), ("-#2", "u1"), ("-#3", "u2")]
    warc = b"".join(gzip.compress(r) for r in sample_warc_records())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(warc)))
    skips = Skips()
    check_sample_warc(list(iter_pages(["-"], stats=skips)), skips, "-")


def test_magic_bytes_beat_the_extension() -> None:
    assert sniff_format("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00") == "binary"
    assert sniff_format("doc.txt", b"%PDF-1.7\n") == "binary"
    assert sniff_format("x.html", b"WARC/1.1\r\n") == "warc"
    assert sniff_format("x.txt", "\ufeff".encode("utf-16-le") + "<p>a</p>".encode("utf-16-le")) == "text"


# --- encoding -------------------------------------------------------------------------------------

WESTERN = "“Café” déjà vu — naïve façade, résumé. " * 20


def test_bom_wins() -> None:
    decoded = decode_bytes("\ufeff".encode("utf-16-le") + HINDI.encode("utf-16-le"))
    assert (decoded.text, decoded.confidence_source) == (HINDI, "bom")
    assert decode_bytes(b"\xef\xbb\xbf" + HINDI.encode()).text == HINDI


@pytest.mark.parametrize(
    ("meta", "header"),
    [
        ('<meta charset="iso-8859-1">', None),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', None),
        ("", "text/html; charset=ISO-8859-1"),
        ('<meta charset="windows-1252">', "text/html; charset=latin1"),
    ],
)
def test_utf8_hindi_with_a_western_label_comes_out_as_hindi(meta: str, header: str | None) -> None:
    decoded = decode_bytes(html_page(HINDI, head=meta).encode(), header)
    assert HINDI in decoded.text
    assert (decoded.encoding, decoded.confidence_source) == ("utf-8", "utf-8-check")


def test_windows_1252_page_labelled_utf8_is_detected() -> None:
    data = html_page(WESTERN, head='<meta charset="utf-8">').encode("cp1252")
    decoded = decode_bytes(data)
    assert "“Café” déjà vu — naïve façade" in decoded.text
    assert decoded.confidence_source == "detected"


def test_a_correct_legacy_label_is_honoured_and_header_beats_meta() -> None:
    russian = "Министр иностранных дел России прибыл в Исламабад. " * 5
    data = html_page(russian, head='<meta charset="iso-8859-1">').encode("cp1251")
    decoded = decode_bytes(data, "text/html; charset=windows-1251")
    assert russian in decoded.text and decoded.confidence_source == "http-header"
    labelled = decode_bytes(html_page(WESTERN, head='<meta charset="windows-1252">').encode("cp1252"))
    assert WESTERN in labelled.text and labelled.confidence_source == "meta"


def test_invalid_bytes_are_replaced_not_fatal() -> None:
    data = HINDI.encode() + b"\xff\xfe\x80" + HINDI.encode() + HINDI.encode()[:-1]  # stray bytes, cut char
    decoded = decode_bytes(data, "text/html; charset=utf-8")
    assert decoded.text.startswith(HINDI) and "\ufffd" in decoded.text
    assert decoded.encoding == "utf-8"


def test_unknown_label_is_ignored() -> None:
    decoded = decode_bytes(html_page(HINDI, head='<meta charset="no-such-charset">').encode())
    assert HINDI in decoded.text and decoded.confidence_source == "utf-8-check"


def test_ascii_and_empty_input() -> None:
    assert decode_bytes(b"<p>plain</p>").text == "<p>plain</p>"
    assert decode_bytes(b"").text == ""
