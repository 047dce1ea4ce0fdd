"""The extraction rules as data: word lists and tables, one file each, with comments saying where the
entries come from. This module only reads them (once per process)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def rule_lines(name: str) -> tuple[str, ...]:
    """The entries of ``rules/<name>``: one per line, blank lines and ``#`` comment lines skipped."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    entries = (line.strip() for line in text.splitlines())
    return tuple(line for line in entries if line and not line.startswith("#"))


def rule_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of ``rules/<name>``, each field stripped."""
    return tuple(tuple(field.strip() for field in line.split("\t")) for line in rule_lines(name))


@cache
def rule_table(name: str) -> dict[str, tuple[str, ...]]:
    """A two-column ``key<TAB>value`` file as ``key -> values`` (in file order)."""
    table: dict[str, list[str]] = {}
    for key, value in rule_rows(name):
        table.setdefault(key, []).append(value)
    return {key: tuple(values) for key, values in table.items()}
