"""Benchmark `warta batch` and `warta spark` end to end (not a test).

Measures, each as one real command run in a subprocess, timed from start to exit (model
loading, JVM start and DuckDB commits included):
  1. `warta batch` over every IndoSum article (all dev folds; 3,463 distinct ids) with 2
     workers: articles/s, peak RSS of the whole process tree, DuckDB size on disk;
  2. the same input with `warta spark` on local[2]: articles/s and the ratio to (1);
  3. `warta batch` with 1 and with 2 workers on the first N distinct articles: scaling.

Run from the repository root, with nothing else heavy running:
    OMP_NUM_THREADS=1 python bench/bench_batch.py --indosum ../shared/data/indosum
    OMP_NUM_THREADS=1 python bench/bench_batch.py --indosum ../shared/data/indosum --limit 200   # quick look
Prints a markdown table for docs/benchmarks.md. Needs psutil for the RSS of the process tree.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"ok=(\d+) (?:skipped=(\d+) )?errors=(\d+) in ([\d.]+)s")


def _tree(proc, cpu_seen: dict) -> int:
    """RSS of the process tree now; records each process's CPU seconds so far in ``cpu_seen``."""
    import psutil

    try:
        p = psutil.Process(proc.pid)
        procs = [p] + p.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
            t = q.cpu_times()
            cpu_seen[q.pid] = t.user + t.system
        except psutil.Error:
            pass
    return total


def run(cmd: list[str]) -> dict:
    """Run one command; wall time, peak RSS of its process tree (sampled every 0.2 s), summary."""
    env = dict(os.environ, OMP_NUM_THREADS="1")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    peak, cpu_seen = 0, {}
    while proc.poll() is None:
        peak = max(peak, _tree(proc, cpu_seen))
        time.sleep(0.2)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)     # the command and every process it waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cpu = max(cpu, sum(cpu_seen.values()))      # a JVM the command does not wait for is only sampled
    out = proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{out}")
    m = SUMMARY.search(out)
    ok = int(m.group(1)) if m else 0
    return {"ok": ok, "errors": int(m.group(3)) if m else 0, "wall": wall, "rate": ok / wall, "peak_rss": peak,
            "cpu": cpu,
            "line": out.strip().splitlines()[-1]}


def distinct_articles(indosum: Path, limit: int | None, dest: Path) -> int:
    """The first `limit` distinct IndoSum articles as generic JSONL (text, id, published, url, source)."""
    sys.path.insert(0, str(ROOT / "src"))
    from warta.io import InputArticle, read_inputs

    seen, n = set(), 0
    with open(dest, "w", encoding="utf-8") as fh:
        for a in read_inputs([indosum]):
            if not isinstance(a, InputArticle) or a.id in seen:
                continue
            seen.add(a.id)
            fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published, "url": a.url,
                                 "source": a.source}, ensure_ascii=False) + "\n")
            n += 1
            if limit and n >= limit:
                break
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--indosum", type=Path, default=ROOT.parent / "shared" / "data" / "indosum")
    ap.add_argument("--limit", type=int, default=None, help="only the first N distinct articles for (1) and (2)")
    ap.add_argument("--scaling", type=int, default=600, help="articles for the 1-vs-2-workers runs")
    ap.add_argument("--no-spark", action="store_true")
    ap.add_argument("--keep", type=Path, default=None, help="copy the full-run DuckDB store here")
    args = ap.parse_args()
    py = sys.executable
    load_before = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    results = []
    try:
        corpus = tmp / "corpus.jsonl"
        n = distinct_articles(args.indosum, args.limit, corpus)
        source = str(args.indosum) if not args.limit else str(corpus)

        db = tmp / "all.duckdb"
        r = run([py, "-m", "warta.cli", "batch", source, "--out", str(db), "--workers", "2", "--no-progress"])
        r["db_mb"] = db.stat().st_size / 2**20
        if args.keep:
            shutil.copy(db, args.keep)
        results.append(("warta batch, 2 workers", n, r))
        batch_rate = r["rate"]

        if not args.no_spark:
            r = run([py, "-m", "warta.cli", "spark", source, str(tmp / "spark-out"), "--master", "local[2]"])
            r["vs_batch"] = r["rate"] / batch_rate
            results.append(("warta spark, local[2]", n, r))

        sub = tmp / "sub.jsonl"
        m = distinct_articles(args.indosum, args.scaling, sub)
        for workers in (1, 2):
            r = run([py, "-m", "warta.cli", "batch", str(sub), "--out", str(tmp / f"w{workers}.duckdb"),
                     "--workers", str(workers), "--no-progress"])
            results.append((f"warta batch, {workers} worker{'s' if workers > 1 else ''}", m, r))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"\nMachine: {platform.machine()}, {os.cpu_count()} CPUs visible, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}; load average at start: {load_before:.1f}\n")
    print("| run | articles | wall s | articles/s (wall) | CPU s | articles per CPU-s | peak RSS (tree) | DuckDB | note |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, count, r in results:
        note = f"{r['vs_batch']:.2f}x batch" if "vs_batch" in r else ""
        db = f"{r['db_mb']:.1f} MiB" if "db_mb" in r else ""
        print(f"| {name} | {r['ok']} of {count} | {r['wall']:.1f} | {r['rate']:.1f} | {r['cpu']:.1f} | "
              f"{r['ok'] / r['cpu']:.1f} | {r['peak_rss'] / 2**20:.0f} MiB | {db} | {note} |")
    w1 = next(r for name, _, r in results if name.endswith("1 worker"))
    w2 = next(r for name, _, r in results[-2:] if name.endswith("2 workers"))
    print(f"\nScaling 1 -> 2 workers: {w2['rate'] / w1['rate']:.2f}x (wall); load average at end: "
          f"{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
