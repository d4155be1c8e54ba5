"""Speed of the warta_times and warta_places stages (budget: both together <= 2 ms per article).

    OMP_NUM_THREADS=1 python bench/times_places.py [--shared ../shared] [--limit 1000]

Two measures over the distinct IndoSum articles (../shared/data/indosum, CC BY-SA 4.0; falls
back to tests/data/indosum-sample.jsonl without ../shared):
1. inside ``warta.load()``: each pipeline component timed on the same docs, in order, so the
   times/places figures include the spaCy wrappers and record building. Wall and CPU time
   (``time.process_time``) are both given: on a shared machine the CPU time is the fairer one;
2. the pure functions ``find_times`` / ``find_places`` on raw text, and dateparser's
   ``search_dates`` on the same texts as a reference (first 200 articles only: it is slow).
Prints one JSON object; the numbers in docs/benchmarks.md come from this script.
"""
from __future__ import annotations

import argparse
import json
import platform
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def articles(shared: Path, limit: int) -> list[dict]:
    from warta.io.indosum import read_folder

    out = [{"text": a["text"], "published": a["published"]} for a in read_folder(shared / "data/indosum", limit)]
    if not out:
        for line in open(ROOT / "tests/data/indosum-sample.jsonl", encoding="utf-8"):
            a = json.loads(line)
            out.append({"text": a["text"], "published": a.get("published")})
    return out[:limit]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args()
    arts = articles(args.shared, args.limit)
    chars = sum(len(a["text"]) for a in arts)

    import warta
    from warta.components.places import find_places, gazetteer
    from warta.components.times import find_times
    from warta.pipeline import parse_published, prepare_doc

    t0 = time.perf_counter()
    nlp = warta.load()
    load_s = time.perf_counter() - t0
    per_stage: dict[str, float] = defaultdict(float)
    per_stage_cpu: dict[str, float] = defaultdict(float)
    for a in arts:
        doc = prepare_doc(nlp, a["text"], published=a["published"])
        for name, proc in nlp.pipeline:
            t, c = time.perf_counter(), time.process_time()
            doc = proc(doc)
            per_stage[name] += time.perf_counter() - t
            per_stage_cpu[name] += time.process_time() - c
    n = len(arts)
    stages_ms = {k: round(v / n * 1000, 3) for k, v in per_stage.items()}
    stages_cpu_ms = {k: round(v / n * 1000, 3) for k, v in per_stage_cpu.items()}

    gazetteer()
    pubs = [parse_published(a["published"]) for a in arts]
    t = time.process_time()
    for a, p in zip(arts, pubs):
        find_times(a["text"], p)
    ft = (time.process_time() - t) / n * 1000
    t = time.process_time()
    for a in arts:
        find_places(a["text"])
    fp = (time.process_time() - t) / n * 1000

    ref = {}
    try:
        from dateparser.search import search_dates

        k = min(200, n)
        t = time.perf_counter()
        for a in arts[:k]:
            search_dates(a["text"], languages=["id"])
        ref = {"dateparser_search_dates_ms_per_article": round((time.perf_counter() - t) / k * 1000, 2),
               "dateparser_articles": k}
    except ImportError:  # pragma: no cover
        pass

    print(json.dumps({
        "articles": n, "mean_chars": round(chars / n), "pipeline_load_s": round(load_s, 2),
        "stage_wall_ms_per_article": stages_ms,
        "stage_cpu_ms_per_article": stages_cpu_ms,
        "times_plus_places_in_pipeline_wall_ms": round(stages_ms.get("warta_times", 0) + stages_ms.get("warta_places", 0), 3),
        "times_plus_places_in_pipeline_cpu_ms": round(
            stages_cpu_ms.get("warta_times", 0) + stages_cpu_ms.get("warta_places", 0), 3),
        "find_times_cpu_ms_per_article": round(ft, 3), "find_places_cpu_ms_per_article": round(fp, 3),
        "load_average_1min": round(__import__("os").getloadavg()[0], 2),
        **ref,
        "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
    }, indent=2))


if __name__ == "__main__":
    main()
