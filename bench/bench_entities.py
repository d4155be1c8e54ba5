"""KB load time and the cost of warta_entities inside the full pipeline, over IndoSum.

    OMP_NUM_THREADS=1 python bench/bench_entities.py --shared ../shared [--limit 1000]

Measures (1) KB load in a fresh interpreter: msgpack read + Aho-Corasick build (and srsly's
import, which spaCy pays anyway); (2) end-to-end articles/s with ``nlp.pipe`` over deduplicated
IndoSum articles through ``warta.pipeline.load()``; (3) time per stage, to show the share of
warta_entities. Not a timed test: results go to docs/benchmarks.md by hand, with the command.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

LOAD_SNIPPET = """
import time
t0 = time.perf_counter()
import srsly
t1 = time.perf_counter()
from warta.kb.store import KB
kb = KB.load()
t2 = time.perf_counter()
kb.automaton()
t3 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {len(kb.entities)} {len(kb.aliases)}")
"""


def kb_load(runs: int = 3) -> dict:
    best = None
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1"}).stdout.split()
        imp, read, auto = map(float, out[:3])
        if best is None or read + auto < best["read_s"] + best["automaton_s"]:
            best = {"srsly_import_s": imp, "read_s": read, "automaton_s": auto,
                    "entities": int(out[3]), "aliases": int(out[4])}
    best["kb_file_mb"] = round((ROOT / "src/warta/kb/data/kb.msgpack").stat().st_size / 1e6, 2)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_extract import indosum_articles  # the foundation's article reader

    from warta.pipeline import load, prepare_doc

    result = {"kb_load": kb_load()}
    articles = indosum_articles(args.shared, args.limit)
    nlp = load()
    list(nlp.pipe(prepare_doc(nlp, a["text"], published=a["published"]) for a in articles[:20]))  # warm up
    spent = {name: 0.0 for name in nlp.pipe_names}   # per-stage wall time: stages are called in turn
    cpu = {name: 0.0 for name in nlp.pipe_names}     # and CPU time (stable on a shared machine)
    t0 = time.perf_counter()
    n_ents = n_mentions = 0
    tok_s = 0.0
    for a in articles:
        t = time.perf_counter()
        doc = prepare_doc(nlp, a["text"], published=a["published"])
        tok_s += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t, c = time.perf_counter(), time.process_time()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t
            cpu[name] += time.process_time() - c
        n_ents += len(doc._.entities or [])
        n_mentions += sum(len(e.mentions) for e in doc._.entities or [])
    total = time.perf_counter() - t0
    result["articles"] = len(articles)
    result["one_by_one_articles_per_s"] = round(len(articles) / total, 1)
    result["stage_ms_per_article"] = {"tokenizer": round(1000 * tok_s / len(articles), 2),
                                      **{k: round(1000 * v / len(articles), 2) for k, v in spent.items()}}
    result["stage_cpu_ms_per_article"] = {k: round(1000 * v / len(articles), 2) for k, v in cpu.items()}
    result["load_average"] = open("/proc/loadavg").read().split()[:3]
    result["entities_per_article"] = round(n_ents / len(articles), 1)
    result["mentions_per_article"] = round(n_mentions / len(articles), 1)
    t0, c0 = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe((prepare_doc(nlp, a["text"], published=a["published"]) for a in articles), batch_size=32):
        pass
    result["pipe_articles_per_s"] = round(len(articles) / (time.perf_counter() - t0), 1)
    result["pipe_articles_per_cpu_s"] = round(len(articles) / (time.process_time() - c0), 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
