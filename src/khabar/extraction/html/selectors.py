"""CSS selectors for metadata fields shown in markup (``rules/html_selectors.tsv``)."""

from __future__ import annotations

from khabar.extraction.rules import rule_table


def selectors_for(field: str) -> tuple[str, ...]:
    """Selectors for one field, strongest first (empty when the table has none)."""
    return rule_table("html_selectors.tsv").get(field, ())
