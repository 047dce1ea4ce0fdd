"""Real news pages carry hundreds of kilobytes of scripts, styles, icons and mega-menus around the story:
none of it may change what is extracted."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar import extract
from khabar.evaluation.weight import add_page_weight

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "tests" / "heldout").glob("pages/*.html")) + sorted((ROOT / "samples").glob("pages/*.html"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_weight_changes_nothing(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    heavy = add_page_weight(html)
    assert len(heavy) > len(html) + 200_000
    plain, padded = extract(html), extract(heavy)
    assert padded.paragraphs == plain.paragraphs
    assert (padded.title, padded.published, padded.authors, padded.author_bio) == (
        plain.title, plain.published, plain.authors, plain.author_bio)
