"""Throughput and memory of `warta extract` over IndoSum, one process.

    python bench/bench_extract.py --shared ../shared [--limit N] [--out docs/benchmarks-extract.md]

Measures (1) `warta.extract` called once per article, (2) `extract_articles` (nlp.pipe in
groups of 32, nlp.pipe batches of 16), and (3) the time each pipeline stage takes, plus peak RSS of the process.
Articles: IndoSum dev folds, deduplicated by id, raw text rebuilt from tokens.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def indosum_articles(shared: Path, limit: int | None):
    from warta.io.indosum import read_folder

    return [{k: a[k] for k in ("id", "text", "published")} for a in read_folder(shared / "data" / "indosum", limit)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--exclude", default="", help="comma-separated stages to leave out, e.g. ner,warta_events")
    args = ap.parse_args()

    from warta.api import extract_articles
    from warta.pipeline import prepare_doc, shared_pipeline
    from warta.record import Article

    articles = indosum_articles(args.shared, args.limit)
    chars = sum(len(a["text"]) for a in articles)
    exclude = tuple(x for x in args.exclude.split(",") if x)
    t0 = time.perf_counter()
    nlp = shared_pipeline(exclude)
    load_s = time.perf_counter() - t0
    next(extract_articles([Article(**articles[0])], nlp=nlp))  # warm caches

    t0 = time.perf_counter()
    for a in articles:
        next(extract_articles([Article(**a)], nlp=nlp))
    single_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    n = sum(1 for _ in extract_articles((Article(**a) for a in articles), nlp=nlp))
    pipe_s = time.perf_counter() - t0
    assert n == len(articles)

    stage_s = {name: 0.0 for name in nlp.pipe_names}
    sample = articles[: min(len(articles), 500)]
    docs = [prepare_doc(nlp, a["text"], published=a["published"]) for a in sample]
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = [proc(d) for d in docs]
        stage_s[name] += time.perf_counter() - t0

    lines = [
        f"Machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}; "
        f"command `python bench/bench_extract.py --shared ../shared{f' --limit {args.limit}' if args.limit else ''}{f' --exclude {args.exclude}' if args.exclude else ''}`; {time.strftime('%Y-%m-%d')}.",
        "",
        f"- articles: {len(articles)} (IndoSum dev folds, distinct ids), {chars / len(articles):.0f} characters on average",
        f"- pipeline load: {load_s:.2f} s; stages: {', '.join(nlp.pipe_names)}",
        f"- one article at a time (`warta.extract` path): **{len(articles) / single_s:.1f} articles/s**",
        f"- `extract_articles` (groups of 32, nlp.pipe batches of 16): **{len(articles) / pipe_s:.1f} articles/s**",
        f"- peak RSS: **{peak_rss_mb():.0f} MB**",
        "",
        f"Time per stage, ms per article (first {len(sample)} articles):",
        "",
        "| stage | ms/article |",
        "|---|---|",
    ] + [f"| {name} | {1000 * s / len(sample):.2f} |" for name, s in stage_s.items()]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
