"""NER cost per article: load time of the shipped model and CPU time of its components on
IndoSum articles tokenised by warta's tokenizer (as warta runs them: fast GEMM, cached floret
vectors, batches of 16).

    OMP_NUM_THREADS=1 python bench/bench_ner.py --limit 500 [--model PATH]

Prints one JSON line; CPU time (time.process_time) is reported beside wall time because the
machine is shared.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def articles(shared: Path, limit: int) -> list[str]:
    from warta.io.indosum import read_folder

    return [a["text"] for a in read_folder(shared / "data" / "indosum", limit)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--model", type=Path, default=ROOT / "src" / "warta" / "models" / "ner")
    a = ap.parse_args()

    import spacy
    from warta.fastops import fast_vectors, load_model
    from warta.tokenizer import blank

    t0, c0 = time.perf_counter(), time.process_time()
    ner_nlp = load_model(a.model)
    load_wall, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    size = sum(p.stat().st_size for p in a.model.rglob("*") if p.is_file())

    nlp = blank()
    if ner_nlp.vocab.vectors.shape[0]:      # as warta.pipeline.load(): the tokens' vocab carries them
        nlp.vocab.vectors = fast_vectors(ner_nlp.vocab.vectors)
    for label in ner_nlp.get_pipe("ner").labels:
        nlp.vocab.strings.add(label)
    texts = articles(a.shared, a.limit)
    docs = [nlp.make_doc(t) for t in texts]
    t0, c0 = time.perf_counter(), time.process_time()
    n_ents = sum(len(d.ents) for d in ner_nlp.pipe(docs, batch_size=16))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    words = sum(len(d) for d in docs)
    print(json.dumps({
        "model": str(a.model), "model_mb": round(size / 2**20, 1),
        "load_s_wall": round(load_wall, 2), "load_s_cpu": round(load_cpu, 2),
        "articles": len(docs), "tokens": words, "entities": n_ents,
        "cpu_ms_per_article": round(1000 * cpu / len(docs), 2),
        "wall_ms_per_article": round(1000 * wall / len(docs), 2),
        "tokens_per_cpu_s": round(words / cpu), "omp_threads": os.environ.get("OMP_NUM_THREADS"),
        "load_avg_1m": round(os.getloadavg()[0], 1), "python": platform.python_version(),
        "spacy": spacy.__version__,
    }))


if __name__ == "__main__":
    main()
