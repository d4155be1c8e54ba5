"""``warta eval times``: time-expression detection and normalisation against a gold JSONL.

Gold (``tests/data/times-gold.jsonl``, see tests/data/README.md): one article per line with
``id``, ``split`` (dev/test), ``published``, ``text`` and ``times`` = [{start, end, text, value,
kind, precise}]. Measures (pure functions below, shared by the CLI and the tests):

- detection P/R/F1 by overlap (a predicted and a gold span share a character), and exact-span F1;
- **value accuracy**: the share of gold expressions whose overlapping prediction has the same
  ``value`` (a missed expression counts as wrong), and the same among detected expressions;
- a peer for the normaliser alone: ``dateparser`` given each gold span's text (with the
  publication date as base), value accuracy on the date-kind items it can express.

``--engine pipeline`` (default) runs ``warta.load()``; ``--engine rules`` calls
``find_times`` directly (no model needed).
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import typer

from warta.eval.common import tests_data_dir, detection_prf, overlap, pfsa_text, read_gold_jsonl

DEFAULT_GOLD = tests_data_dir() / "times-gold.jsonl"


# Splits drawn from PFSA-ID (Kompas, CC BY-NC-SA 4.0): their gold (tests/data/pfsa/) stores spans and values
# only, never the article text, which is rebuilt from ../shared (so these splits need ../shared).
PFSA_SPLITS = ("test16", "test17", "test18", "test19")   # test18/test19: ninth round (Kompas, indices 1, 2 mod 3)
PFSA_GOLD_DIR = tests_data_dir() / "pfsa"


def read_pfsa_gold(items: str, split: str, check=None) -> list[dict]:
    """The PFSA-ID gold rows of one split ('all': every PFSA split), each given its article's text
    (``pfsa-<i>`` is the i-th article of ``load_pfsa(dev-40)``) and checked like the other gold."""
    return read_gold_jsonl(PFSA_GOLD_DIR / f"{items}-gold.jsonl", split, items, check,
                           text_of=lambda article: pfsa_text(article["id"]))


def load_gold(path: Path, split: str = "all") -> list[dict]:
    """Read and validate the gold file; keep one split ('dev', 'test', 'test2' … 'test15' or 'all');
    the PFSA-ID splits (test16, test17) come from tests/data/pfsa/ with their text rebuilt from ../shared."""
    if split in PFSA_SPLITS and path == DEFAULT_GOLD:
        return read_pfsa_gold("times", split)
    return read_gold_jsonl(path, split, "times")


@dataclass
class TimeScores:
    gold: int = 0
    pred: int = 0
    gold_found: int = 0
    pred_matched: int = 0
    exact: int = 0
    value_ok: int = 0
    errors: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            **detection_prf(self.pred_matched, self.pred, self.gold_found, self.gold),
            "exact_span_f1": round(2 * self.exact / (self.gold + self.pred), 4) if self.gold + self.pred else 0.0,
            "value_accuracy": round(self.value_ok / self.gold, 4) if self.gold else 0.0,
            "value_accuracy_detected": round(self.value_ok / self.gold_found, 4) if self.gold_found else 0.0,
        }


def score_article(gold: list[dict], pred: list[dict], scores: TimeScores, doc_id: str = "") -> None:
    """Add one article's counts to ``scores`` (dicts with start, end, value)."""
    scores.gold += len(gold)
    scores.pred += len(pred)
    for p in pred:
        if any(overlap(p, g) for g in gold):
            scores.pred_matched += 1
    for g in gold:
        best = max(pred, key=lambda p: overlap(p, g), default=None)
        if best is None or not overlap(best, g):
            scores.errors.append((doc_id, g["text"], g["value"], None, None))
            continue
        scores.gold_found += 1
        if (best["start"], best["end"]) == (g["start"], g["end"]):
            scores.exact += 1
        if best.get("value") == g["value"]:
            scores.value_ok += 1
        else:
            scores.errors.append((doc_id, g["text"], g["value"], best["text"], best.get("value")))
    for p in pred:
        if not any(overlap(p, g) for g in gold):
            scores.errors.append((doc_id, None, None, p["text"], p.get("value")))


def predict(rows: list[dict], engine: str = "pipeline") -> list[list[dict]]:
    """Predicted times per article as dicts."""
    if engine == "rules":
        from warta.components.times import find_times
        from warta.pipeline import parse_published

        return [[{"start": t.start, "end": t.end, "text": t.text, "value": t.value, "kind": t.kind}
                 for t in find_times(a["text"], parse_published(a.get("published")))] for a in rows]
    import warta
    from warta.pipeline import prepare_doc

    nlp = warta.load()
    docs = nlp.pipe(prepare_doc(nlp, a["text"], published=a.get("published")) for a in rows)
    return [[t.model_dump() for t in (d._.times or [])] for d in docs]


def dateparser_peer(rows: Iterable[dict]) -> dict:
    """dateparser on each gold date span's text, based on the publication date: how far a
    general parser gets with the normalisation alone (spans given)."""
    try:
        import dateparser
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover
        return {"skipped": "dateparser not installed"}
    from datetime import datetime

    ddp = DateDataParser(languages=["id"], settings={"PREFER_DATES_FROM": "past"})
    n = ok = 0
    t0 = time.perf_counter()
    for a in rows:
        base = datetime.fromisoformat(a["published"]) if a.get("published") else None
        for g in a["times"]:
            if g["kind"] != "date" or not g["value"]:
                continue
            n += 1
            ddp._settings.RELATIVE_BASE = base   # noqa: SLF001 (per-article base date)
            try:
                data = ddp.get_date_data(g["text"])
            except Exception:  # noqa: BLE001
                continue
            if data and data.date_obj:
                d, period = data.date_obj, data.period
                v = {"year": f"{d:%Y}", "month": f"{d:%Y-%m}"}.get(period, f"{d:%Y-%m-%d}")
                ok += v == g["value"]
    ms = (time.perf_counter() - t0) * 1000
    return {"dateparser_version": dateparser.__version__, "date_items": n,
            "value_accuracy": round(ok / n, 4) if n else 0.0, "ms_per_expression": round(ms / max(n, 1), 3)}


def evaluate(path: Path = DEFAULT_GOLD, split: str = "all", engine: str = "pipeline",
             peer: bool = True) -> tuple[dict, TimeScores]:
    rows = load_gold(path, split)
    t0 = time.perf_counter()
    preds = predict(rows, engine)
    elapsed = time.perf_counter() - t0
    scores = TimeScores()
    for a, p in zip(rows, preds):
        score_article(a["times"], p, scores, a["id"])
    out = {"gold_file": str(path), "split": split, "engine": engine, "articles": len(rows),
           **scores.as_dict(), "seconds": round(elapsed, 2)}
    if peer:
        out["peer_dateparser_on_gold_spans"] = dateparser_peer(rows)
    return out, scores


def eval_times_cli(
    gold: Path = typer.Option(DEFAULT_GOLD, help="gold JSONL (times-gold.jsonl format)"),
    split: str = typer.Option("all", help="dev, test, test2, test3 (held out until 1997611), test4 (held out at f047197), test5 (held out at d9ccf3a), test6 (held out at 77160fb), test7 (at c29b284), test8 (at 23af5f7), test9 (at 63a5832), test10 (at 5207eca), test11 (at 60b0ff9), test12 (NTREX-128, translated news, held out at c28e48c), test13 (NTREX, held out at the final code of the sixth round), test14/test15 (NTREX, seventh round), test16-test19 (PFSA-ID Kompas, CC BY-NC-SA, measurement only; need ../shared; test18 at e928960, test19 at the end of the ninth round) or all (without the PFSA splits)"),
    engine: str = typer.Option("pipeline", help="pipeline (warta.load()) or rules (find_times only)"),
    errors: bool = typer.Option(False, "--errors", help="print every miss, wrong value and false alarm"),
    peer: bool = typer.Option(True, help="also score dateparser on the gold spans"),
) -> None:
    """Score time expressions: detection P/R/F1 and value accuracy."""
    out, scores = evaluate(gold, split, engine, peer)
    if errors:
        for doc, gt, gv, pt, pv in scores.errors:
            typer.echo(f"{doc[:40]:40}  gold={gt!r}:{gv}  pred={pt!r}:{pv}")
    typer.echo(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    typer.run(eval_times_cli)
