"""Parquet output: an explicit schema mirroring :class:`~khabar.records.Article`, written in row groups."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from khabar.output.base import Writer
from khabar.records import Article

ROW_GROUP_SIZE = 1000

_STRINGS = pa.list_(pa.string())
ARTICLE_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("modified", pa.string()),
        ("authors", _STRINGS),
        ("author_bio", pa.string()),
        ("site_name", pa.string()),
        ("language", pa.string()),
        ("categories", _STRINGS),
        ("tags", _STRINGS),
        ("paragraphs", _STRINGS),
        ("text", pa.string()),
        ("boilerplate", pa.list_(pa.struct([("text", pa.string()), ("kind", pa.string())]))),
        ("error", pa.string()),
    ]
)


class ParquetWriter(Writer):
    """Buffers :data:`ROW_GROUP_SIZE` records, then writes them as one row group."""

    def __init__(self, path: str, row_group_size: int = ROW_GROUP_SIZE) -> None:
        self.count = 0
        self._rows: list[dict] = []
        self._row_group_size = row_group_size
        self._writer: pq.ParquetWriter | None = pq.ParquetWriter(path, ARTICLE_SCHEMA, compression="zstd")

    def write(self, article: Article) -> None:
        self._rows.append(article.to_dict())
        self.count += 1
        if len(self._rows) >= self._row_group_size:
            self._flush()

    def close(self) -> None:
        if self._writer is None:
            return
        self._flush()
        self._writer.close()
        self._writer = None

    def _flush(self) -> None:
        if self._rows and self._writer is not None:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=ARTICLE_SCHEMA))
            self._rows = []
