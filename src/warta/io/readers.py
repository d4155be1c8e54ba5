"""Corpus readers: every input format becomes a stream of ``InputArticle`` or ``InputError``.

Formats: JSON Lines (``text`` plus optional ``id``, ``title``, ``published``, ``url``,
``source``), IndoSum jsonl (rows with ``paragraphs`` instead of ``text``), ``.json`` (an array
of such objects, or one object), Parquet, CSV (header row) and ``.txt`` files (one article per
file, id = path relative to the folder given, without ``.txt``). A folder is walked in sorted
order and every file of those kinds in it is read. ``-`` reads JSON Lines from stdin.

A row that cannot become an article (bad JSON, no text, text not a string, bad UTF-8) is
yielded as ``InputError`` so a batch can store it and go on: nothing is dropped silently.
Articles without an id get one from the SHA-1 of their text, so re-runs recognise them.
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from . import indosum

__all__ = ["InputArticle", "InputError", "read_inputs", "content_hash", "count_inputs", "SUFFIXES"]

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = JSONL_SUFFIXES | {".json", ".parquet", ".csv", ".txt"}
_FIELDS = ("id", "title", "published", "url", "source")


@dataclass
class InputArticle:
    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    origin: Optional[str] = None        # file:line, for error messages and provenance
    content_hash: str = ""


@dataclass
class InputError:
    id: str
    error: str
    origin: Optional[str] = None


Item = Union[InputArticle, InputError]


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def content_id(text: str) -> str:
    """The id `warta extract` gives an article without one (``warta.pipeline.content_id``)."""
    return content_hash(text)[:16]


def _opt_str(value) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, float) and value != value:     # NaN from CSV/Parquet via pandas
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def from_row(row, origin: str) -> Item:
    """One mapping (JSON object, Parquet or CSV row) -> article or error."""
    if not isinstance(row, dict):
        return InputError(id=origin, error=f"row is a JSON {type(row).__name__}, not an object", origin=origin)
    if indosum.is_indosum(row):
        try:
            row = indosum.to_article_fields(row)
        except (TypeError, ValueError, AttributeError) as exc:
            return InputError(id=_opt_str(row.get("id")) or origin, error=f"bad IndoSum paragraphs: {exc}", origin=origin)
    given_id = _opt_str(row.get("id"))
    text = row.get("text")
    if text is None:
        return InputError(id=given_id or origin, error="no 'text' field", origin=origin)
    if not isinstance(text, str):
        return InputError(id=given_id or origin, error=f"'text' is a {type(text).__name__}, not a string", origin=origin)
    digest = content_hash(text)
    return InputArticle(
        id=given_id or content_id(text),
        text=text,
        title=_opt_str(row.get("title")),
        published=_opt_str(row.get("published")),
        url=_opt_str(row.get("url")),
        source=_opt_str(row.get("source")),
        origin=origin,
        content_hash=digest,
    )


def _read_jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[Item]:
    for lineno, raw in enumerate(lines, 1):
        origin = f"{name}:{lineno}"
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            yield InputError(id=origin, error=f"invalid JSON: {str(exc)[:120]}", origin=origin)
            continue
        yield from_row(row, origin)


def read_jsonl(path: Path) -> Iterator[Item]:
    with open(path, "rb") as fh:
        yield from _read_jsonl_lines(fh, str(path))


def read_json(path: Path) -> Iterator[Item]:
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError) as exc:
        yield InputError(id=str(path), error=f"invalid JSON: {str(exc)[:120]}", origin=str(path))
        return
    rows = data if isinstance(data, list) else [data]
    for i, row in enumerate(rows):
        yield from_row(row, f"{path}:{i + 1}")


def read_parquet(path: Path) -> Iterator[Item]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    n = 0
    for batch in pf.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            n += 1
            yield from_row(row, f"{path}:{n}")


def read_csv(path: Path) -> Iterator[Item]:
    csv.field_size_limit(sys.maxsize)
    with open(path, newline="", encoding="utf-8", errors="strict") as fh:
        reader = csv.DictReader(fh)
        try:
            for i, row in enumerate(reader, 1):
                yield from_row({k: v for k, v in row.items() if k is not None}, f"{path}:{i + 1}")
        except UnicodeDecodeError as exc:
            origin = f"{path}:{reader.line_num + 1}"
            yield InputError(id=origin, error=f"invalid UTF-8: {exc.reason}", origin=origin)


def read_txt(path: Path, root: Optional[Path] = None) -> Iterator[Item]:
    rel = path.relative_to(root) if root else Path(path.name)
    art_id = rel.with_suffix("").as_posix()
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        yield InputError(id=art_id, error=f"invalid UTF-8 at byte {exc.start}", origin=str(path))
        return
    yield InputArticle(id=art_id, text=text, origin=str(path), content_hash=content_hash(text))


def _read_file(path: Path, root: Optional[Path] = None) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path)
    elif suffix == ".json":
        yield from read_json(path)
    elif suffix == ".parquet":
        yield from read_parquet(path)
    elif suffix == ".csv":
        yield from read_csv(path)
    elif suffix == ".txt":
        yield from read_txt(path, root)
    else:
        raise ValueError(f"{path}: unknown input format (expected one of {sorted(SUFFIXES)})")


def iter_files(paths: Iterable[Union[str, Path]]) -> Iterator[tuple[Path, Optional[Path]]]:
    """(file, folder it was found in) for every input file, folders walked in sorted order."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f, p
        elif p.exists():
            yield p, None
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")


def read_inputs(paths: Iterable[Union[str, Path]]) -> Iterator[Item]:
    """Every article (or error) from the given files and folders, in a stable order."""
    for p in paths:
        if str(p) == "-":
            yield from _read_jsonl_lines(sys.stdin.buffer, "<stdin>")
            continue
        for f, root in iter_files([p]):
            yield from _read_file(f, root)


def count_inputs(paths: Iterable[Union[str, Path]]) -> Optional[int]:
    """Cheap count of items for a progress bar's ETA (None when unknown, e.g. stdin)."""
    total = 0
    for p in paths:
        if str(p) == "-":
            return None
        for f, _ in iter_files([p]):
            suffix = f.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(f).metadata.num_rows
            elif suffix == ".txt":
                total += 1
            else:
                total += sum(1 for _ in _read_file(f))
    return total
