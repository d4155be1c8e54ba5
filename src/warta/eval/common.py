"""Scoring pieces shared by the span-level evaluations (times, places, …), so they cannot drift."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional


def tests_data_dir() -> Path:
    """The repository's ``tests/data`` (the gold sets live there, not in the wheel): next to the
    source tree when warta runs from a checkout, else ``./tests/data`` of the current directory
    (a clone with warta installed from the wheel)."""
    beside_source = Path(__file__).resolve().parents[3] / "tests" / "data"
    return beside_source if beside_source.is_dir() else Path.cwd() / "tests" / "data"


def pfsa_source() -> Path:
    """PFSA-ID dev-40 in ../shared, beside the checkout (or beside the current directory)."""
    rel = Path("shared/data/pfsa-id-quotes/dev-40.txt")
    beside = Path(__file__).resolve().parents[3].parent / rel
    return beside if beside.exists() else Path.cwd().parent / rel


@lru_cache(maxsize=1)
def pfsa_articles() -> list:
    """PFSA-ID dev-40 articles in file order (``pfsa-<i>`` is the i-th), read once from ../shared.
    The corpus is CC BY-NC-SA, so the gold built from it stores offsets and spans only and the text
    comes from here."""
    from warta.eval.quotes import load_pfsa

    src = pfsa_source()
    if not src.exists():
        raise FileNotFoundError(f"PFSA-ID text not found at {src} (needs ../shared; CC BY-NC-SA, not shipped)")
    return load_pfsa(src)


def pfsa_text(article_id: str) -> str:
    """The running text of ``pfsa-<i>`` (the ``.text`` of ``load_pfsa``'s i-th article)."""
    return pfsa_articles()[int(article_id.split("-", 1)[1])].text


def overlap(a: dict, b: dict) -> int:
    """Characters shared by two spans given as dicts with ``start``/``end``."""
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def read_gold_jsonl(path: Path, split: str, items: str,
                    check: Optional[Callable[[dict, dict], Optional[str]]] = None,
                    text_of: Optional[Callable[[dict], str]] = None) -> list[dict]:
    """Articles of a gold JSONL file in one split ('dev', 'test', … or 'all').

    Every item of ``article[items]`` must have ``text == article["text"][start:end]``;
    ``check(article, item)`` may return a further problem. Problems raise ValueError with the line.
    ``text_of(article)`` supplies the text of gold that keeps none (PFSA-ID: :func:`pfsa_text`).
    """
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            article = json.loads(line)
            if text_of is not None:
                article["text"] = text_of(article)
            for key in ("id", "split", "text", items):
                if key not in article:
                    raise ValueError(f"{path}:{n}: missing {key!r}")
            for item in article[items]:
                if article["text"][item["start"]:item["end"]] != item["text"]:
                    raise ValueError(f"{path}:{n}: offsets of {item['text']!r} do not match the text")
                problem = check(article, item) if check else None
                if problem:
                    raise ValueError(f"{path}:{n}: {problem}")
            if split == "all" or article["split"] == split:
                rows.append(article)
    return rows


def detection_prf(pred_matched: int, pred: int, gold_found: int, gold: int) -> dict:
    """Overlap-based detection precision, recall and F1, rounded for reports."""
    p = pred_matched / pred if pred else 0.0
    r = gold_found / gold if gold else 0.0
    return {"gold": gold, "pred": pred, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
