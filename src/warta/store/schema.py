"""Table layout of the corpus store, derived from ``warta.record`` so the two cannot drift.

Each list of record objects (entities, quotes, events, times, places, sentences) becomes one
table keyed by ``(article_id, id)``; nested objects are flattened with their field name as a
prefix (``Quote.cue`` -> ``cue_start``, ``cue_end``, ``cue_text``; ``Event.source`` ->
``source_entity``, ``source_country`` …); a list of spans inside an object becomes a child
table (``Entity.mentions`` -> ``mentions`` with ``entity_id``). A field the lead adds to the
record model appears as a new column the next time a store is opened.
"""
from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, get_args, get_origin

from pydantic import BaseModel

from ..record import Record

# DuckDB type per Python annotation; anything else is stored as JSON.
_SCALARS = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", dict: "JSON"}

# Columns the batch adds to ``articles`` beside the record's own fields.
ARTICLE_EXTRA = {
    "source": "VARCHAR",          # outlet or collection named by the input row
    "origin": "VARCHAR",          # input file:line
    "content_hash": "VARCHAR",    # SHA-1 of the text
    "published_date": "DATE",     # day of `published`, for per-day questions
    "record": "JSON",             # the full record, exactly as `warta extract` prints it
    "stored_at": "TIMESTAMP",
}
ERRORS_COLUMNS = {"id": "VARCHAR", "error": "VARCHAR", "source": "VARCHAR", "stored_at": "TIMESTAMP"}


def _strip_optional(tp):
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _strip_optional(args[0])
    return tp


def _is_model(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _sql_type(tp) -> str:
    tp = _strip_optional(tp)
    if get_origin(tp) is Literal:
        return "VARCHAR"
    if get_origin(tp) is list and _strip_optional(get_args(tp)[0]) is str:
        return "VARCHAR[]"
    if get_origin(tp) is dict:
        return "JSON"
    return _SCALARS.get(tp, "JSON")


@dataclass
class Table:
    """One table: its columns (name -> SQL type) and how to pull rows out of a record dict."""

    name: str
    columns: dict[str, str]
    path: tuple[str, ...]                 # record keys leading to the list of items
    parent_key: Optional[str] = None      # e.g. entity_id for mentions
    flat: dict[str, tuple[str, ...]] = field(default_factory=dict)   # column -> key path in the item
    children: list["Table"] = field(default_factory=list)


def _flatten_model(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> tuple[dict, dict, list]:
    """Columns, key paths and child list-fields for one model."""
    columns: dict[str, str] = {}
    flat: dict[str, tuple[str, ...]] = {}
    child_lists: list[tuple[str, type[BaseModel]]] = []
    for name, info in model.model_fields.items():
        tp = _strip_optional(info.annotation)
        if _is_model(tp):
            sub_cols, sub_flat, _ = _flatten_model(tp, prefix + (name,))
            columns.update(sub_cols)
            flat.update(sub_flat)
        elif get_origin(tp) is list and _is_model(_strip_optional(get_args(tp)[0])):
            child_lists.append((name, _strip_optional(get_args(tp)[0])))
        else:
            col = "_".join(prefix + (name,))
            columns[col] = _sql_type(tp)
            flat[col] = prefix + (name,)
    return columns, flat, child_lists


def _item_table(name: str, model: type[BaseModel], path: tuple[str, ...], parent_key: Optional[str]) -> Table:
    columns, flat, child_lists = _flatten_model(model)
    head = {"article_id": "VARCHAR"}
    if parent_key:
        head[parent_key] = "VARCHAR"
    if "id" not in columns:
        head["seq"] = "BIGINT"          # position in the record's list (events.sentence -> sentences.seq)
    table = Table(name=name, columns={**head, **columns}, path=path, parent_key=parent_key, flat=flat)
    singular = name[:-3] + "y" if name.endswith("ies") else name.rstrip("s")
    for child_name, child_model in child_lists:
        table.children.append(_item_table(child_name, child_model, (child_name,), f"{singular}_id"))
    return table


def build_layout() -> tuple[Table, list[Table]]:
    """(articles table, item tables in a stable order), read off ``Record``'s fields."""
    columns, flat, child_lists = _flatten_model(Record)
    articles = Table(name="articles", columns={**columns, **ARTICLE_EXTRA}, path=(), flat=flat)
    items = [_item_table(name, model, (name,), None) for name, model in child_lists]
    return articles, items


def all_tables(items: list[Table]) -> list[Table]:
    out = []
    for t in items:
        out.append(t)
        out.extend(all_tables(t.children))
    return out


def _get(obj: Any, path: tuple[str, ...]):
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def item_rows(table: Table, article_id: str, container: dict, out: dict[str, list[dict]],
              parent_id: Optional[str] = None) -> None:
    """Append the rows of ``table`` (and its child tables) found in ``container``."""
    for seq, item in enumerate(_get(container, table.path) or []):
        row = {"article_id": article_id}
        if table.parent_key:
            row[table.parent_key] = parent_id
        if "seq" in table.columns:
            row["seq"] = seq
        for col, path in table.flat.items():
            row[col] = _get(item, path)
        out.setdefault(table.name, []).append(row)
        for child in table.children:
            item_rows(child, article_id, item, out, parent_id=item.get("id"))
