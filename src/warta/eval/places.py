"""``warta eval places``: place mentions and their geocoding against a gold JSONL.

Gold (``tests/data/places-gold.jsonl``, see tests/data/README.md): one article per line with
``id``, ``split``, ``published``, ``text`` and ``places`` = [{start, end, text, name, lat, lon,
country, feature, geonames}]. Measures (pure functions, shared by the CLI and the tests):

- detection P/R/F1 by overlap;
- **within-50-km accuracy**: the share of gold mentions whose overlapping prediction lies within
  50 km of the gold point (a missed mention counts as wrong), and the same among detected ones;
- country accuracy among detected mentions (same ISO3).

``--engine pipeline`` (default) runs ``warta.load()`` (NER spans help and veto);
``--engine rules`` calls ``find_places`` on the text alone.
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

import typer

from warta.eval.common import tests_data_dir, detection_prf, overlap, read_gold_jsonl
from warta.eval.times import PFSA_SPLITS, read_pfsa_gold

DEFAULT_GOLD = tests_data_dir() / "places-gold.jsonl"
RADIUS_KM = 50.0


def km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def load_gold(path: Path, split: str = "all") -> list[dict]:
    """Read and validate the gold file; keep one split ('dev', 'test', 'test2' … 'test13' or 'all')."""
    def has_point(_article, place):
        if place.get("lat") is None or place.get("lon") is None:
            return f"{place['text']!r} has no coordinates"
        return None

    if split in PFSA_SPLITS and path == DEFAULT_GOLD:   # PFSA-ID: text rebuilt from ../shared
        return read_pfsa_gold("places", split, has_point)
    return read_gold_jsonl(path, split, "places", has_point)


@dataclass
class PlaceScores:
    gold: int = 0
    pred: int = 0
    gold_found: int = 0
    pred_matched: int = 0
    within: int = 0
    country_ok: int = 0
    errors: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            **detection_prf(self.pred_matched, self.pred, self.gold_found, self.gold),
            "within_50km_accuracy": round(self.within / self.gold, 4) if self.gold else 0.0,
            "within_50km_accuracy_detected": round(self.within / self.gold_found, 4) if self.gold_found else 0.0,
            "country_accuracy_detected": round(self.country_ok / self.gold_found, 4) if self.gold_found else 0.0,
        }


def score_article(gold: list[dict], pred: list[dict], scores: PlaceScores, doc_id: str = "") -> None:
    scores.gold += len(gold)
    scores.pred += len(pred)
    for p in pred:
        if any(overlap(p, g) for g in gold):
            scores.pred_matched += 1
        else:
            scores.errors.append((doc_id, None, None, p["text"], p.get("name")))
    for g in gold:
        best = max(pred, key=lambda p: overlap(p, g), default=None)
        if best is None or not overlap(best, g):
            scores.errors.append((doc_id, g["text"], g["name"], None, None))
            continue
        scores.gold_found += 1
        scores.country_ok += best.get("country") == g.get("country")
        if best.get("lat") is not None and km(best["lat"], best["lon"], g["lat"], g["lon"]) <= RADIUS_KM:
            scores.within += 1
        else:
            scores.errors.append((doc_id, g["text"], g["name"], best["text"], best.get("name")))


def predict(rows: list[dict], engine: str = "pipeline") -> list[list[dict]]:
    if engine == "rules":
        from warta.components.places import find_places

        out = []
        for a in rows:
            out.append([{"start": p.start, "end": p.end, "text": p.text, "name": p.row.name, "lat": p.row.lat,
                         "lon": p.row.lon, "country": p.row.country} for p in find_places(a["text"])])
        return out
    import warta
    from warta.pipeline import prepare_doc

    nlp = warta.load()
    docs = nlp.pipe(prepare_doc(nlp, a["text"], published=a.get("published")) for a in rows)
    return [[p.model_dump() for p in (d._.places or [])] for d in docs]


def evaluate(path: Path = DEFAULT_GOLD, split: str = "all", engine: str = "pipeline") -> tuple[dict, PlaceScores]:
    rows = load_gold(path, split)
    t0 = time.perf_counter()
    preds = predict(rows, engine)
    elapsed = time.perf_counter() - t0
    scores = PlaceScores()
    for a, p in zip(rows, preds):
        score_article(a["places"], p, scores, a["id"])
    return ({"gold_file": str(path), "split": split, "engine": engine, "articles": len(rows),
             **scores.as_dict(), "seconds": round(elapsed, 2)}, scores)


def eval_places_cli(
    gold: Path = typer.Option(DEFAULT_GOLD, help="gold JSONL (places-gold.jsonl format)"),
    split: str = typer.Option("all", help="dev, test, test2, test3 (held out until 1997611), test4 (held out at f047197), test5 (held out at d9ccf3a), test6 (held out at 77160fb), test7 (at c29b284), test8 (at 23af5f7), test9 (at 63a5832), test10 (at 5207eca), test11 (at 60b0ff9), test12 (NTREX-128, translated news, held out at c28e48c), test13 (NTREX, held out at the final code of the sixth round), test14/test15 (NTREX, seventh round), test16-test19 (PFSA-ID Kompas, CC BY-NC-SA, measurement only; need ../shared; test18 at e928960, test19 at the end of the ninth round) or all (without the PFSA splits)"),
    engine: str = typer.Option("pipeline", help="pipeline (warta.load()) or rules (find_places only)"),
    errors: bool = typer.Option(False, "--errors", help="print every miss, far guess and false alarm"),
) -> None:
    """Score place mentions: detection P/R/F1 and within-50-km accuracy."""
    out, scores = evaluate(gold, split, engine)
    if errors:
        for doc, gt, gn, pt, pn in scores.errors:
            typer.echo(f"{doc[:40]:40}  gold={gt!r}:{gn}  pred={pt!r}:{pn}")
    typer.echo(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    typer.run(eval_places_cli)
