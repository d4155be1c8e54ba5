"""Static subword vectors for the NER, trained here on raw Indonesian text (issue 3, idea "floret").

    OMP_NUM_THREADS=1 python training/ner/vectors.py [--shared ../shared] [--dim 100] [--bucket 50000]

1. corpus: lower-cased, warta-tokenised text, one paragraph per line, from
   ``id-raw-text`` (IndoNLI premises, TyDi QA/IDK-MRC Wikipedia paragraphs, NTREX news test),
   every IndoSum article in ``../shared/data/indosum`` and the UD GSD (legacy full train) and CSUI
   train sentences — no NER gold file and no UD dev/test sentence;
2. floret skipgram vectors (subword n-grams hashed into ``--bucket`` rows, so unseen words still get
   a vector) in ``training/ner/vectors/vectors.floret``;
3. ``spacy init vectors id … --mode floret --attr LOWER`` into ``training/ner/vectors/spacy``,
   the folder a NER config names in ``[initialize] vectors``;
4. a plain word table from those vectors (``training/ner/vectors/spacy-table``, see
   :func:`table_vectors`): the same information for known words at a fraction of the run-time cost.
The text is unlabelled; NER sentences that also occur in it (Wikipedia/news prose) carry no labels.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "training" / "ner" / "vectors"


def _conllu_sentences(path: Path):
    words: list[str] = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            if words:
                yield " ".join(words)
            words = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                words.append(cols[1])


def raw_paragraphs(shared: Path):
    """Every raw paragraph, as written (tokenised later by warta's tokenizer)."""
    data = shared / "data"
    raw = data / "id-raw-text"
    for name in ("idkmrc_tydiqa_wikipedia_paragraphs.txt", "ntrex128_newstest2019_ind.txt"):
        yield from (line.strip() for line in open(raw / name, encoding="utf-8") if line.strip())
    with open(raw / "indonli_premises.tsv", encoding="utf-8") as f:
        yield from (row["text"] for row in csv.DictReader(f, delimiter="\t"))
    sys.path.insert(0, str(ROOT / "src"))
    from warta.io.indosum import read_folder

    for art in read_folder(data / "indosum"):
        yield from (p for p in art["text"].split("\n") if p.strip())
    ud = [data / "ud-indonesian-gsd" / "legacy-v2.0", data / "ud-indonesian-csui"]
    for folder in ud:
        for path in sorted(folder.glob("*train*.conllu")):
            yield from _conllu_sentences(path)


def build_corpus(shared: Path, path: Path) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from warta.tokenizer import blank

    nlp = blank()
    n_lines = n_tokens = 0
    with open(path, "w", encoding="utf-8") as out:
        for para in raw_paragraphs(shared):
            toks = [t.lower_ for t in nlp.make_doc(para) if not t.is_space]
            if toks:
                out.write(" ".join(toks) + "\n")
                n_lines += 1
                n_tokens += len(toks)
    return {"lines": n_lines, "tokens": n_tokens}


def table_vectors(min_count: int = 3, out: Path = OUT / "spacy-table") -> dict:
    """A plain word -> vector table (spaCy "default" mode) from the floret vectors.

    floret composes each token's vector from hashed subwords at run time, which cost ~2.4 ms per
    article in the NER; a table lookup costs almost nothing. The table keeps every corpus word seen
    ``min_count`` times plus every word of the NER training parts, each with its floret vector;
    other words get no static vector (the NER's hash embeddings of prefix, suffix and shape still
    see them).
    """
    from collections import Counter

    import numpy
    import spacy
    from spacy.vectors import Vectors

    sys.path.insert(0, str(ROOT / "src"))
    from warta.eval.ner import DATASETS, load_split

    counts = Counter(w for line in open(OUT / "corpus.txt", encoding="utf-8") for w in line.split())
    words = {w for w, c in counts.items() if c >= min_count}
    n_corpus = len(words)
    for name in DATASETS:
        for s in load_split(name, "train"):
            words.update(w.lower() for w in s.words)
    words = sorted(words)
    floret_nlp = spacy.load(OUT / "spacy")
    strings = floret_nlp.vocab.strings
    keys = [strings.add(w) for w in words]
    data = numpy.vstack([floret_nlp.vocab.vectors.get_batch(keys[i:i + 4096])
                         for i in range(0, len(keys), 4096)]).astype("float32")
    nlp = spacy.blank("id")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=[nlp.vocab.strings.add(w) for w in words],
                                attr="LOWER", name="warta_id_table")
    nlp.to_disk(out)
    return {"table_words": len(words), "from_corpus": n_corpus, "dim": int(data.shape[1])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--bucket", type=int, default=50000)
    ap.add_argument("--epoch", type=int, default=10)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--table-only", action="store_true", help="only rebuild the word table from the floret vectors")
    a = ap.parse_args()
    if a.table_only:
        print(json.dumps(table_vectors(), indent=1))
        return
    import floret

    OUT.mkdir(parents=True, exist_ok=True)
    corpus = OUT / "corpus.txt"
    t0 = time.time()
    stats = build_corpus(a.shared, corpus)
    stats["corpus_s"] = round(time.time() - t0, 1)
    t0 = time.time()
    model = floret.train_unsupervised(str(corpus), model="skipgram", mode="floret", dim=a.dim,
                                      bucket=a.bucket, minn=3, maxn=5, hashCount=2, minCount=3,
                                      epoch=a.epoch, thread=a.threads, verbose=0)
    stats["train_s"] = round(time.time() - t0, 1)
    model.save_floret_vectors(str(OUT / "vectors.floret"))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "id", str(OUT / "vectors.floret"),
                    str(OUT / "spacy"), "--mode", "floret", "--attr", "LOWER"], check=True)
    stats.update({"dim": a.dim, "bucket": a.bucket, "epoch": a.epoch, "words_in_vocab": len(model.words)})
    stats.update(table_vectors())
    (OUT / "stats.json").write_text(json.dumps(stats, indent=2))
    print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
