"""Writers: every format round-trips, streams, and is chosen from the -o extension."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from khabar.output import infer_format, open_writer
from khabar.output.formats import TEXT_SEPARATOR
from khabar.output.parquet import ARTICLE_SCHEMA
from khabar.records import ANALYSIS_FIELDS, Article, Boilerplate

FIELDS = [f.name for f in dataclasses.fields(Article) if f.name not in ANALYSIS_FIELDS]


def sample_articles() -> list[Article]:
    return [
        Article(
            source="pages/a.html",
            url="https://news.example/a",
            title="रूस ने पाकिस्तान को सैन्य उपकरण देने का वादा किया",
            published="2021-04-08T10:00:00+05:30",
            authors=["सुमित कुमार"],
            site_name="समाचार",
            language="hi",
            categories=["दुनिया"],
            tags=["रूस", "पाकिस्तान"],
            paragraphs=["पहला अनुच्छेद।", "# यह शीर्षक नहीं है", "1. यह सूची नहीं है"],
            boilerplate=[Boilerplate("Mon. Dec 23rd, 2024", "date-widget"), Boilerplate("Share", "share")],
        ),
        Article(source="pages/empty.html", title="No article"),
        Article.failed("pages/broken.png", "not a text or HTML page (binary)"),
    ]


def write_all(path: Path | None, fmt: str | None, articles: list[Article]) -> None:
    with open_writer(str(path) if path else None, fmt) as writer:
        for article in articles:
            writer.write(article)


def test_jsonl_round_trip_keeps_field_order_and_hindi(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    articles = sample_articles()
    write_all(path, None, articles)
    raw = path.read_text(encoding="utf-8")
    assert "रूस" in raw and "\\u" not in raw  # ensure_ascii=False
    records = [json.loads(line) for line in raw.splitlines()]
    assert records == [a.to_dict() for a in articles]
    assert all(list(r) == FIELDS for r in records)


def test_json_is_one_array(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    articles = sample_articles()
    write_all(path, None, articles)
    assert json.loads(path.read_text(encoding="utf-8")) == [a.to_dict() for a in articles]
    empty = tmp_path / "empty.json"
    write_all(empty, "json", [])
    assert json.loads(empty.read_text(encoding="utf-8")) == []


def test_parquet_round_trip_in_row_groups(tmp_path: Path) -> None:
    from khabar.output.parquet import ParquetWriter

    path = tmp_path / "out.parquet"
    articles = sample_articles() * 5
    with ParquetWriter(str(path), row_group_size=4) as writer:
        for article in articles:
            writer.write(article)
    table = pq.read_table(path)
    assert table.schema.names == FIELDS
    assert table.schema.equals(ARTICLE_SCHEMA)
    assert str(table.schema.field("boilerplate").type) == "list<element: struct<text: string, kind: string>>"
    assert table.to_pylist() == [a.to_dict() for a in articles]
    assert pq.ParquetFile(path).num_row_groups == 4  # 15 records in groups of 4


def test_parquet_chosen_from_extension(tmp_path: Path) -> None:
    path = tmp_path / "out.parquet"
    write_all(path, None, sample_articles())
    assert pq.read_table(path).num_rows == 3


def test_txt_has_title_text_and_separators(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    articles = sample_articles()
    write_all(path, None, articles)
    blocks = path.read_text(encoding="utf-8").split(f"\n{TEXT_SEPARATOR}\n\n")
    assert len(blocks) == 3
    title, _, text = blocks[0].partition("\n\n")
    assert title == articles[0].title
    assert text.rstrip("\n") == articles[0].text
    assert "not a text or HTML page (binary)" in blocks[2]


def test_markdown_has_heading_metadata_and_escaped_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "out.md"
    articles = sample_articles()
    write_all(path, None, articles)
    first = path.read_text(encoding="utf-8").split("\n---\n")[0]
    lines = first.splitlines()
    assert lines[0] == f"# {articles[0].title}"
    assert "- **Published:** 2021-04-08T10:00:00+05:30" in lines
    assert "- **Tags:** रूस, पाकिस्तान" in lines
    assert "\\# यह शीर्षक नहीं है" in lines and "\\1. यह सूची नहीं है" in lines
    assert "पहला अनुच्छेद।" in lines


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        (None, "jsonl"),
        ("-", "jsonl"),
        ("a.JSONL", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.json", "json"),
        ("a.parquet", "parquet"),
        ("a.txt", "txt"),
        ("a.md", "md"),
        ("a.out", None),
    ],
)
def test_format_inference(path: str | None, fmt: str | None) -> None:
    assert infer_format(path) == fmt


def test_bad_format_requests_raise(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot tell the output format"):
        open_writer(str(tmp_path / "out.xyz"))
    with pytest.raises(ValueError, match="parquet output needs a file"):
        open_writer(None, "parquet")
    with pytest.raises(ValueError, match="unknown output format"):
        open_writer(str(tmp_path / "out.x"), "yaml")


def test_stdout_writer_emits_utf8_and_leaves_stdout_open() -> None:
    code = (
        "import sys\n"
        "from khabar.output import open_writer\n"
        "from khabar.records import Article\n"
        "with open_writer(None, 'jsonl') as w:\n"
        "    w.write(Article(source='s', title='समाचार'))\n"
        "print('after')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, env={"LC_ALL": "C"}
    )
    first, after = result.stdout.decode("utf-8").splitlines()
    assert json.loads(first)["title"] == "समाचार" and after == "after"
