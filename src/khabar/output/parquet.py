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


_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32())])
_ENTITY = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("label", pa.string()), ("text", pa.string()),
                     ("canonical", pa.string()), ("gloss", pa.string())])
_QUOTATION = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("kind", pa.string()),
                        ("speaker", pa.string()), ("speaker_start", pa.int32()), ("speaker_end", pa.int32()),
                        ("speaker_canonical", pa.string()), ("cue", pa.string()), ("channel", pa.string()),
                        ("speaker_kind", pa.string())])
#: The schema of analysed records: the article's columns plus sentences, entities and quotes.
ANALYSED_SCHEMA = pa.schema(
    [*ARTICLE_SCHEMA, ("sentences", pa.list_(_SPAN)), ("entities", pa.list_(_ENTITY)),
     ("quotes", pa.list_(_QUOTATION))]
)


class ParquetWriter(Writer):
    """Buffers :data:`ROW_GROUP_SIZE` records, then writes them as one row group."""

    def __init__(self, path: str, row_group_size: int = ROW_GROUP_SIZE) -> None:
        self.count = 0
        self._rows: list[dict] = []
        self._row_group_size = row_group_size
        self._path = path
        self._schema: pa.Schema | None = None
        self._writer: pq.ParquetWriter | None = None
        self._closed = False

    def write(self, article: Article) -> None:
        if self._schema is None:
            self._schema = ANALYSED_SCHEMA if article.analysed else ARTICLE_SCHEMA
        self._rows.append(article.to_dict())
        self.count += 1
        if len(self._rows) >= self._row_group_size:
            self._flush()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._flush()
        if self._writer is None:
            self._writer = pq.ParquetWriter(self._path, self._schema or ARTICLE_SCHEMA, compression="zstd")
        self._writer.close()

    def _flush(self) -> None:
        if not self._rows:
            return
        schema = self._schema or ARTICLE_SCHEMA
        if self._writer is None:
            self._writer = pq.ParquetWriter(self._path, schema, compression="zstd")
        self._writer.write_table(pa.Table.from_pylist(self._rows, schema=schema))
        self._rows = []
