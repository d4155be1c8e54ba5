"""IndoSum articles (kata-ai/indosum jsonl) back to running text.

IndoSum ships each article as paragraphs -> sentences -> tokens, with punctuation and quote
marks as tokens. We rebuild the text a reader would have seen: sentences joined by one space,
paragraphs separated by a blank line, no space before closing punctuation or after an opening
bracket or quote. The id starts with the Unix time the aggregator saw the article, which is
the best publication date the corpus offers.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from itertools import islice
from typing import Iterator, Optional

# Tokens glued to the token before them / to the token after them.
_NO_SPACE_BEFORE = {",", ".", "!", "?", ";", ":", ")", "]", "}", "%", "”", "’", "...", "…", "/"}
_NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "/"}
_STRAIGHT_QUOTES = {'"', "'"}
_ID_TIMESTAMP = re.compile(r"^(\d{9,11})-")


def detokenize(sentences: list[list[str]]) -> str:
    """Join one paragraph's tokens; straight quotes alternate between opening and closing."""
    out: list[str] = []
    glue_next = False
    quote_open = False
    for sentence in sentences:
        for tok in sentence:
            if tok in _STRAIGHT_QUOTES:
                if quote_open:      # closing quote: attach to the left
                    out.append(tok)
                    glue_next = False
                else:               # opening quote: attach to the right
                    if out:
                        out.append(" ")
                    out.append(tok)
                    glue_next = True
                quote_open = not quote_open
                continue
            if out and not glue_next and tok not in _NO_SPACE_BEFORE:
                out.append(" ")
            out.append(tok)
            glue_next = tok in _NO_SPACE_AFTER
    return "".join(out)


def article_text(paragraphs: list[list[list[str]]]) -> str:
    """Paragraphs separated by a blank line, the way news text is usually stored."""
    return "\n\n".join(p for p in (detokenize(par) for par in paragraphs) if p)


def published_from_id(article_id: str) -> Optional[str]:
    """'1490674536-mustahil-…' -> '2017-03-28T04:15:36+00:00' (UTC); None when there is no prefix."""
    m = _ID_TIMESTAMP.match(article_id or "")
    if not m:
        return None
    return datetime.fromtimestamp(int(m.group(1)), tz=timezone.utc).isoformat()


def is_indosum(row: dict) -> bool:
    return "paragraphs" in row and "text" not in row and isinstance(row.get("paragraphs"), list)


def to_article_fields(row: dict) -> dict:
    """IndoSum row -> the generic input fields (text, id, title, published, url, source)."""
    art_id = str(row.get("id") or "")
    return {
        "id": art_id or None,
        "text": article_text(row["paragraphs"]),
        "title": None,
        "published": published_from_id(art_id),
        "url": row.get("source_url"),
        "source": row.get("source"),
    }


def distinct_rows(folder) -> Iterator[dict]:
    """Raw IndoSum rows (id, paragraphs of token lists, …) of a folder's ``dev.*.jsonl``, each id
    once: the folds overlap, and the first file (in name order) that has an id wins."""
    import json
    from pathlib import Path

    seen: set[str] = set()
    for path in sorted(Path(folder).glob("dev.*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] not in seen:
                    seen.add(row["id"])
                    yield row


def read_folder(folder, limit: Optional[int] = None) -> list[dict]:
    """Distinct articles of an IndoSum folder (see ``distinct_rows``) as generic input fields
    (see ``to_article_fields``); at most ``limit`` of them."""
    rows = distinct_rows(folder)
    return [to_article_fields(row) for row in (islice(rows, limit) if limit else rows)]
