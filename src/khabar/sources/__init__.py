"""Sources: turn paths, globs, WARC/JSONL/text files and stdin into :class:`~khabar.records.RawPage`s."""
