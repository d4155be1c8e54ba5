"""Throughput of warta with the syntax model and the events stage, over IndoSum, one process.

    OMP_NUM_THREADS=1 python bench/bench_events.py --shared ../shared [--limit N] [--no-syntax]

Reports articles/s for ``nlp.pipe`` (batch 32) over the full pipeline (``warta.load()`` plus the
shipped tagger/parser sourced after the sentence stage, as ``warta.components.events.add_syntax``
does), the time of the parser and of ``warta_events`` per article, and peak RSS.
"""
from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import indosum_articles  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--no-syntax", action="store_true")
    args = ap.parse_args()

    from warta.components.events import add_syntax
    from warta.pipeline import load, prepare_doc

    arts = indosum_articles(args.shared, args.limit)
    nlp = load()
    added = [] if args.no_syntax else add_syntax(nlp)
    docs = [prepare_doc(nlp, a["text"], published=a["published"]) for a in arts[:5]]
    list(nlp.pipe(docs))  # warm up
    stage_time = {name: 0.0 for name in nlp.pipe_names}

    t0 = time.perf_counter()
    n_events = 0
    docs = (prepare_doc(nlp, a["text"], published=a["published"]) for a in arts)
    for doc in nlp.pipe(docs, batch_size=32):
        n_events += len(doc._.events or [])
    wall = time.perf_counter() - t0
    # per-stage times in a second, unbatched pass over the first 200 articles
    sample = arts[:200]
    for a in sample:
        doc = prepare_doc(nlp, a["text"], published=a["published"])
        for name, proc in nlp.pipeline:
            t1 = time.perf_counter()
            doc = proc(doc)
            stage_time[name] += time.perf_counter() - t1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}")
    print(f"pipeline: {nlp.pipe_names} (syntax added: {added})")
    print(f"articles={len(arts)} events={n_events} nlp.pipe: {len(arts) / wall:.1f} articles/s "
          f"({wall:.1f} s), peak RSS {rss:.0f} MiB")
    for name in nlp.pipe_names:
        print(f"  {name:16s} {1000 * stage_time[name] / len(sample):7.2f} ms/article")


if __name__ == "__main__":
    main()
