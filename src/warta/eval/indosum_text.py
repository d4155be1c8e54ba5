"""Rebuild IndoSum articles (tokenised JSONL, CC BY-SA 4.0) as raw text for gold making and scoring.

IndoSum keeps only tokens, so the text is the tokens joined by single spaces, sentences by a
space and paragraphs by a newline. The publication date is the id's Unix-timestamp prefix
(``1490674536-…``), read as a date in Jakarta time (UTC+7), the papers' own zone.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

WIB = timezone(timedelta(hours=7))


def published_from_id(article_id: str) -> date:
    return datetime.fromtimestamp(int(article_id.split("-", 1)[0]), WIB).date()


def article_text(paragraphs) -> tuple[str, list[tuple[int, int]]]:
    """(text, sentence spans) from IndoSum's paragraphs -> sentences -> tokens."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for pi, para in enumerate(paragraphs):
        if pi:
            parts.append("\n")
            pos += 1
        for si, sent in enumerate(para):
            if si:
                parts.append(" ")
                pos += 1
            s = " ".join(sent)
            spans.append((pos, pos + len(s)))
            parts.append(s)
            pos += len(s)
    return "".join(parts), spans


def iter_indosum(folder: Path) -> Iterator[dict]:
    """Distinct articles (by id) of the IndoSum dev folds in ``folder``: id, text, sentences, published."""
    seen = set()
    for f in sorted(Path(folder).glob("dev.*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                a = json.loads(line)
                if a["id"] in seen:
                    continue
                seen.add(a["id"])
                text, sents = article_text(a["paragraphs"])
                yield {"id": a["id"], "text": text, "sentences": sents, "published": published_from_id(a["id"]),
                       "category": a.get("category"), "source": a.get("source")}
