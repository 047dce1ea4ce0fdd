"""Loads ``rules/html_selectors.tsv``: CSS selectors for metadata fields shown in markup."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def field_selectors() -> dict[str, list[str]]:
    """Selectors per field, strongest first."""
    table: dict[str, list[str]] = {}
    text = resources.files("khabar.extraction").joinpath("rules/html_selectors.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            field, selector = line.split("\t", 1)
            table.setdefault(field, []).append(selector.strip())
    return table


def selectors_for(field: str) -> list[str]:
    """Selectors for one field (empty when the table has none)."""
    return field_selectors().get(field, [])
