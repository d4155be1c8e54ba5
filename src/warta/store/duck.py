"""The corpus store: one embedded DuckDB file, normalised tables joinable by article id.

Tables: ``articles`` (one row per article: the record's scalar fields, input metadata and the
full JSON record), ``entities``, ``mentions``, ``quotes``, ``events``, ``times``, ``places``,
``sentences`` (``article_id`` + the record objects' fields, see ``schema.py``) and ``errors``
(inputs that could not be processed: id, reason). ``write_chunk`` stores a chunk of articles
and errors in one transaction, so a process killed at any moment leaves whole chunks only, and
a re-run that skips ``known_ids()`` stores every input exactly once.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..record import ErrorRecord, Record
from . import schema

__all__ = ["Store", "RecordMeta"]



def _arrow_type(sql: str):
    import pyarrow as pa

    return {
        "VARCHAR": pa.string(), "JSON": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
        "VARCHAR[]": pa.list_(pa.string()),
    }[sql]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def published_day(value: Optional[str]) -> Optional[date]:
    """The calendar day of an ISO date/datetime string, as written (no time-zone shift)."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class RecordMeta(dict):
    """Input metadata stored beside a record: source, origin, content_hash."""


class Store:
    """A DuckDB corpus file. Open one writer at a time (DuckDB locks the file)."""

    def __init__(self, path: Union[str, Path], read_only: bool = False, threads: Optional[int] = None):
        import duckdb

        self.path = str(path)
        config = {"threads": threads} if threads else {}
        self.con = duckdb.connect(self.path, read_only=read_only, config=config)
        self.articles, self.items = schema.build_layout()
        self.tables = schema.all_tables(self.items)
        if not read_only:
            self._create()

    # -- schema -------------------------------------------------------------------------
    def _create(self) -> None:
        con = self.con
        defs = [(self.articles, "PRIMARY KEY (id)")] + [(t, None) for t in self.tables]
        for table, extra in defs:
            cols = ", ".join(f"{_q(c)} {t}" for c, t in table.columns.items())
            con.execute(f"CREATE TABLE IF NOT EXISTS {_q(table.name)} ({cols}{', ' + extra if extra else ''})")
            have = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table.name]).fetchall()}
            for c, t in table.columns.items():
                if c not in have:       # the record model gained a field since this store was made
                    con.execute(f"ALTER TABLE {_q(table.name)} ADD COLUMN {_q(c)} {t}")
        cols = ", ".join(f"{_q(c)} {t}" for c, t in schema.ERRORS_COLUMNS.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS errors ({cols}, PRIMARY KEY (id))")

    # -- reading ------------------------------------------------------------------------
    def known_ids(self) -> set[str]:
        """Ids already stored, as articles or as errors: a resumed batch skips them."""
        rows = self.con.execute("SELECT id FROM articles UNION ALL SELECT id FROM errors").fetchall()
        return {r[0] for r in rows}

    def counts(self) -> dict[str, int]:
        names = ["articles"] + [t.name for t in self.tables] + ["errors"]
        return {n: self.con.execute(f"SELECT count(*) FROM {_q(n)}").fetchone()[0] for n in names}

    def iter_records(self, order: bool = True) -> Iterator[str]:
        """The stored JSON records, ordered by id for reproducible exports."""
        cur = self.con.execute("SELECT record FROM articles" + (" ORDER BY id" if order else ""))
        while True:
            rows = cur.fetchmany(1000)
            if not rows:
                return
            for (rec,) in rows:
                yield rec

    def get(self, article_id: str) -> Optional[Record]:
        row = self.con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        return Record.from_dict(json.loads(row[0])) if row else None

    # -- writing ------------------------------------------------------------------------
    def rows_for(self, record: Union[Record, dict, str], meta: Optional[dict] = None) -> dict[str, list[dict]]:
        """Record -> rows per table (``articles`` included)."""
        if isinstance(record, Record):
            rec_json = record.to_json()
            rec = json.loads(rec_json)
        elif isinstance(record, str):
            rec_json, rec = record, json.loads(record)
        else:
            rec, rec_json = record, json.dumps(record, ensure_ascii=False)
        meta = meta or {}
        art = {col: schema._get(rec, path) for col, path in self.articles.flat.items()}
        for col, val in art.items():
            if self.articles.columns[col] == "JSON" and val is not None:
                art[col] = json.dumps(val, ensure_ascii=False)
        art.update(
            source=meta.get("source"), origin=meta.get("origin"), content_hash=meta.get("content_hash"),
            published_date=published_day(rec.get("published")), record=rec_json,
        )
        out: dict[str, list[dict]] = {"articles": [art]}
        for table in self.items:
            schema.item_rows(table, rec["id"], rec, out)
        return out

    def write_chunk(self, records: Iterable[tuple[Union[Record, dict, str], Optional[dict]]],
                    errors: Iterable[ErrorRecord] = ()) -> tuple[int, int]:
        """Store records and errors in ONE transaction; returns (records, errors) written."""
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        rows: dict[str, list[dict]] = {}
        n_rec = 0
        for record, meta in records:
            for name, rs in self.rows_for(record, meta).items():
                rows.setdefault(name, []).extend(rs)
            n_rec += 1
        for r in rows.get("articles", []):
            r["stored_at"] = now
        err_rows = [{"id": e.id, "error": e.error, "source": e.source, "stored_at": now} for e in errors]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table in [self.articles] + self.tables:
                if rows.get(table.name):
                    self._insert(table.name, table.columns, rows[table.name])
            if err_rows:
                self._insert("errors", schema.ERRORS_COLUMNS, err_rows)
            con.execute("COMMIT")
        except BaseException as exc:
            try:
                con.execute("ROLLBACK")
            except Exception:       # already aborted (e.g. interrupted): nothing was committed
                pass
            if "interrupt" in f"{type(exc).__name__} {exc}".lower():   # Ctrl-C inside a DuckDB statement
                raise KeyboardInterrupt from exc
            raise
        return n_rec, len(err_rows)

    def _insert(self, name: str, columns: dict[str, str], rows: list[dict]) -> None:
        import pyarrow as pa

        arrays = {c: pa.array([r.get(c) for r in rows], type=_arrow_type(t)) for c, t in columns.items()}
        tbl = pa.table(arrays)
        self.con.register("_warta_chunk", tbl)
        try:
            self.con.execute(f"INSERT INTO {_q(name)} BY NAME SELECT * FROM _warta_chunk")
        finally:
            try:
                self.con.unregister("_warta_chunk")
            except Exception:       # an aborted transaction refuses it; the view dies with the chunk
                pass

    # -- exports of the whole store -----------------------------------------------------
    def export_jsonl(self, path: Union[str, Path]) -> int:
        from ..io.writers import write_jsonl

        return write_jsonl(self.iter_records(), path)

    def export_parquet(self, folder: Union[str, Path]) -> dict[str, int]:
        """One Parquet file per table (articles.parquet, entities.parquet, …, errors.parquet)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        out = {}
        for name in ["articles"] + [t.name for t in self.tables] + ["errors"]:
            target = folder / f"{name}.parquet"
            order = " ORDER BY id" if name in ("articles", "errors") else ""
            self.con.execute(f"COPY (SELECT * FROM {_q(name)}{order}) TO '{target.as_posix()}' (FORMAT parquet)")
            out[name] = self.con.execute(f"SELECT count(*) FROM {_q(name)}").fetchone()[0]
        return out

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
