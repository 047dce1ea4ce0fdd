"""Body paragraphs come out in reading order, split as the page shows them (token F1 cannot see this)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar import extract

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT / "samples", ROOT / "tests" / "heldout", ROOT.parent / "shared" / "corpus"]


def _cases():
    for folder in SETS:
        for gold_path in sorted((folder / "gold").glob("*.json")):
            page = folder / "pages" / f"{gold_path.stem}.html"
            if page.exists():
                yield pytest.param(page, gold_path, id=f"{folder.name}/{gold_path.stem}")


CASES = list(_cases())


def _norm(lines: list[str]) -> list[str]:
    return [" ".join(line.split()) for line in lines]


@pytest.mark.skipif(not CASES, reason="no pages with gold found")
@pytest.mark.parametrize(("page", "gold_path"), CASES)
def test_paragraphs_in_order(page: Path, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    promo = {gold["body"][i] for i in gold.get("body_boilerplate") or []}
    expected = [line for line in gold["body"] if line not in promo]
    got = [line for line in extract(page.read_bytes()).paragraphs if line not in promo]
    assert _norm(got) == _norm(expected)
