"""Expand source specs (files, folders, globs) into the files to read, in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator

from khabar.sources import errors

_GLOB_CHARS = frozenset("*?[")


def expand_spec(spec: str) -> Iterator[tuple[str, str | None]]:
    """``(path, None)`` for each file ``spec`` names, or ``(spec, message)`` when it names none.

    A folder is walked recursively in sorted order, skipping hidden files and folders; a glob
    (``pages/**/*.html``) is expanded with ``**`` meaning any depth; a path is used exactly as given.
    """
    if os.path.isdir(spec):
        yield from _folder_or_error(spec)
    elif os.path.lexists(spec):
        yield spec, None
    elif _GLOB_CHARS & set(spec):
        yield from _glob_or_error(spec)
    else:
        yield spec, errors.FILE_NOT_FOUND


def walk_folder(folder: str) -> Iterator[str]:
    """Every non-hidden file under ``folder``, sorted by name within each folder, files first."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _folder_or_error(folder: str) -> Iterator[tuple[str, str | None]]:
    found = False
    for path in walk_folder(folder):
        found = True
        yield path, None
    if not found:
        yield folder, errors.NO_FILES


def _glob_or_error(pattern: str) -> Iterator[tuple[str, str | None]]:
    matches = sorted(glob.iglob(pattern, recursive=True))
    if not matches:
        yield pattern, errors.NO_MATCH
    for match in matches:
        if os.path.isdir(match):
            yield from _folder_or_error(match)
        else:
            yield match, None
