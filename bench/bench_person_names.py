"""Cost of the person-name rules (warta.components.person_names) inside warta_gazetteer.

    OMP_NUM_THREADS=1 python bench/bench_person_names.py --shared ../shared [--limit 300] [--reps 9]

Runs the pipeline up to the NER over deduplicated IndoSum articles once, then times the
gazetteer stage without the rules (``GazetteerRuler._match``) and with them (the component),
alternating on fresh copies of the same Docs, and prints min and median ms per article.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--reps", type=int, default=9)
    a = ap.parse_args()

    from warta.eval.ner import _LATER
    from warta.io.indosum import read_folder
    from warta.pipeline import load

    texts = [art["text"] for art in read_folder(a.shared / "data" / "indosum", a.limit)]
    upto_ner = load(exclude=("warta_gazetteer",) + _LATER)
    gaz = load(exclude=_LATER).get_pipe("warta_gazetteer")
    docs = list(upto_ner.pipe(texts))
    gaz(docs[0].copy())  # load the name list once
    res: dict[str, list[float]] = {"gazetteer without names": [], "gazetteer with names": []}
    for _ in range(a.reps):
        for name, fn in zip(res, (gaz._match, gaz)):
            copies = [d.copy() for d in docs]
            t0 = time.perf_counter()
            for d in copies:
                fn(d)
            res[name].append(1000 * (time.perf_counter() - t0) / len(copies))
    print(f"{len(docs)} IndoSum articles, {a.reps} alternating repetitions")
    for name, v in res.items():
        v.sort()
        print(f"{name}: min {v[0]:.3f}, median {v[len(v) // 2]:.3f} ms/article")


if __name__ == "__main__":
    main()
