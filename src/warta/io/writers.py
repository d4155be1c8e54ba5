"""Writers for records: JSON Lines (one record per line) and Parquet (one JSON record per row
plus the article columns), both fed from ``warta.record.Record`` dicts so every output carries
the same field names."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Union

__all__ = ["write_jsonl", "write_parquet"]


def write_jsonl(records: Iterable[Union[dict, str]], path: Union[str, Path]) -> int:
    """Write records (dicts or JSON strings) one per line; returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(rec if isinstance(rec, str) else json.dumps(rec, ensure_ascii=False))
            fh.write("\n")
            n += 1
    return n


def write_parquet(records: Iterable[Union[dict, str]], path: Union[str, Path]) -> int:
    """Write records as Parquet: id, published, title, url, lang and the full JSON record."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols: dict[str, list] = {k: [] for k in ("id", "published", "title", "url", "lang", "record")}
    for rec in records:
        d = json.loads(rec) if isinstance(rec, str) else rec
        for k in ("id", "published", "title", "url", "lang"):
            cols[k].append(d.get(k))
        cols["record"].append(rec if isinstance(rec, str) else json.dumps(rec, ensure_ascii=False))
    table = pa.table({k: pa.array(v, type=pa.string()) for k, v in cols.items()})
    pq.write_table(table, path)
    return table.num_rows
