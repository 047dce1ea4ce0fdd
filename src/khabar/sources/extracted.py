"""Extracted records as a source: JSON Lines written by ``khabar extract``, read back for analysis.

A JSONL file whose first record has ``paragraphs`` is a file of extracted articles; anything else
(pages, folders, WARCs, page JSONL) is read as pages by :func:`khabar.sources.iter_pages`.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from khabar.records import Article, RawPage
from khabar.sources import iter_pages
from khabar.sources.warc import SkipCounter

RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


def _open_text(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.name.endswith(".gz") else path.open(encoding="utf-8")


def holds_extracted_records(spec: str) -> bool:
    """True when ``spec`` is a JSONL file whose first record is an extracted article."""
    path = Path(spec)
    if not path.name.endswith(RECORD_SUFFIXES) or not path.is_file():
        return False
    try:
        with _open_text(path) as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and "paragraphs" in record
    except (OSError, ValueError, EOFError):
        return False
    return False


def iter_extracted(path: str) -> Iterator[Article]:
    """The articles of a JSONL file of extracted records; a broken line becomes a record with ``error``."""
    with _open_text(Path(path)) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            source = f"{path}#{number}"
            try:
                record = json.loads(line)
                yield Article.from_dict(record)
            except (ValueError, TypeError) as exc:
                yield Article.failed(source, f"bad extracted record: {exc}")


def iter_items(specs: list[str], stats: SkipCounter | None = None) -> Iterator[Article | RawPage]:
    """Extracted articles from record files, pages from everything else, in the order given."""
    for spec in specs:
        if holds_extracted_records(spec):
            yield from iter_extracted(spec)
        else:
            yield from iter_pages([spec], stats)
