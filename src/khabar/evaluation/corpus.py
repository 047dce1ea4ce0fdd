"""Read an evaluation corpus: ``pages/*.html`` (or ``dumps/*.txt``), ``jsonl/*.jsonl`` and ``gold/*.json``.

Inputs are paired with gold by id (the file stem, or a JSONL record's ``id``); an input without
gold is not scored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# (record field, page kind), as khabar.sources.jsonl reads them.
JSONL_CONTENT_FIELDS = (("html", "html"), ("text", "text"))


@dataclass(slots=True)
class EvalCase:
    """One input page with its gold record."""

    id: str
    data: bytes | str
    kind: str
    url: str | None
    gold: dict


def load_gold(corpus_dir: Path) -> dict[str, dict]:
    """Gold records keyed by id."""
    gold = {}
    for path in sorted((corpus_dir / "gold").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        gold[record.get("id") or path.stem] = record
    return gold


def _page_inputs(corpus_dir: Path) -> Iterator[tuple[str, bytes | str, str, str | None]]:
    for path in sorted((corpus_dir / "pages").glob("*.html")):
        yield path.stem, path.read_bytes(), "html", None
    for path in sorted((corpus_dir / "jsonl").glob("*.jsonl")):
        yield from _jsonl_inputs(path)


def _jsonl_inputs(path: Path) -> Iterator[tuple[str, str, str, str | None]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            content, kind = next(((record[f], k) for f, k in JSONL_CONTENT_FIELDS if record.get(f)), ("", "html"))
            yield str(record.get("id") or f"{path.stem}-{number}"), content, kind, record.get("url")


def _dump_inputs(corpus_dir: Path) -> Iterator[tuple[str, str, str, None]]:
    for path in sorted((corpus_dir / "dumps").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8"), "text", None


def load_cases(corpus_dir: str | Path, dumps: bool = False) -> list[EvalCase]:
    """All inputs of the corpus that have gold: pages and JSONL records, or the text dumps."""
    corpus_dir = Path(corpus_dir)
    if not (corpus_dir / "gold").is_dir():
        raise FileNotFoundError(f"{corpus_dir} has no gold/ folder")
    gold = load_gold(corpus_dir)
    inputs = _dump_inputs(corpus_dir) if dumps else _page_inputs(corpus_dir)
    return [EvalCase(id_, data, kind, url, gold[id_]) for id_, data, kind, url in inputs if id_ in gold]
