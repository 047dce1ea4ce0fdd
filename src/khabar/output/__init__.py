"""Writers: serialise extracted records as JSONL, JSON, Parquet, plain text or Markdown."""
