"""Cost of the quotes stage alone, per article (budget: ≤ 1 ms on average).

    OMP_NUM_THREADS=1 python bench/bench_quotes.py --shared ../shared [--limit 1000] [--repeat 3]

The articles (IndoSum dev folds, raw text rebuilt from tokens; without ../shared the 60-article
sample in tests/data) go through warta's pipeline once with ``warta_quotes`` disabled; then only
the ``warta_quotes`` component runs over the finished Docs, ``--repeat`` times, each call timed
on its own. Reports CPU time per article (process time over each pass: what the stage costs, less sensitive
to other jobs on a shared machine), wall-clock mean/median/p95/max per call, the best of the
repeats per article, and the quotes found.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def articles(shared: Path | None, limit: int | None) -> list[str]:
    if shared and (shared / "data" / "indosum").exists():
        from warta.io.indosum import read_folder

        return [a["text"] for a in read_folder(shared / "data" / "indosum", limit)]
    rows = [json.loads(x) for x in (ROOT / "tests" / "data" / "indosum-sample.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r["text"] for r in rows][:limit] if limit else [r["text"] for r in rows]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import warta

    nlp = warta.load()
    texts = articles(args.shared, args.limit)
    quotes_stage = nlp.get_pipe("warta_quotes")
    with nlp.select_pipes(disable=["warta_quotes"]):
        docs = list(nlp.pipe(texts, batch_size=32))
    times, best, n_quotes, cpu = [], [float("inf")] * len(docs), 0, []
    for r in range(args.repeat):
        c0 = time.process_time()
        for k, doc in enumerate(docs):
            t0 = time.perf_counter()
            quotes_stage(doc)
            ms = (time.perf_counter() - t0) * 1000
            times.append(ms)
            best[k] = min(best[k], ms)
            if r == 0:
                n_quotes += len(doc._.quotes or [])
        cpu.append((time.process_time() - c0) * 1000 / len(docs))
    times_sorted = sorted(times)
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{platform.system()}")
    print(f"articles: {len(texts)} (mean {chars:.0f} chars), repeats: {args.repeat}, quotes found: {n_quotes}")
    print(f"warta_quotes CPU ms/article (process time, per pass): best {min(cpu):.3f}, "
          f"mean {statistics.fmean(cpu):.3f}")
    print(f"warta_quotes wall ms/article: mean {statistics.fmean(times):.3f}, median {statistics.median(times):.3f}, "
          f"p95 {times_sorted[int(0.95 * len(times_sorted)) - 1]:.3f}, max {times_sorted[-1]:.3f}")
    # the machine is shared: the best of the repeats per article is the cost without contention
    print(f"best-of-{args.repeat} per article, ms: mean {statistics.fmean(best):.3f}, "
          f"median {statistics.median(best):.3f}, max {max(best):.3f}")
    print(f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
