"""Build warta's news-domain corrections to the InSet tone lexicon (``src/warta/lang/tone/``).

    python training/tone/build_review.py [--shared ../shared]

InSet was built from tweets: read over news it scores function words and topic words ("yang" −5,
"dari" −3, "tim" −4, "berita" −4, "presiden" +3, "jumat" +2) and gets some plain words backwards
("gempa" +4, "bagus" net −2, "membaik" −3). Over the 3,463 IndoSum articles, 44 % of its hits
are closed-class words. This script writes two files the tone stage reads:

* ``inset_closed_class.txt`` — InSet entries whose majority part of speech in UD Indonesian GSD
  (legacy train) + CSUI train is closed-class (ADP, PRON, DET, SCONJ, CCONJ, PART, NUM, PROPN,
  X) or ADV: never scored;
* ``news_review.tsv`` — the 2,000 open-class InSet entries most frequent in IndoSum (about 97 %
  of its open-class hits there), each with warta's reviewed weight (−2…+2; 0 = neutral in news),
  read from ``review_decisions.txt`` (ranks 1–1,000) and ``review_decisions2.txt`` (1,001–2,000),
  plus the news words of ``supplement.txt``.

The review was done by reading the word list, not article labels.
"""
from __future__ import annotations

import argparse
import glob
import json
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OUT = ROOT / "src/warta/lang/tone"
CLOSED = {"ADP", "PRON", "DET", "SCONJ", "CCONJ", "PART", "NUM", "PROPN", "X", "ADV"}
REVIEWED = 2000        # first review: ranks 1-1,000; second review: 1,001-2,000
MAX_PHRASE = 4


def _inset() -> dict[str, float]:
    from warta.lang import weighted_lexicon
    lex = weighted_lexicon("tone/negative.tsv")
    for w, v in weighted_lexicon("tone/positive.tsv").items():
        lex[w] = lex.get(w, 0.0) + v
    return lex


def _decisions(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pol, words = line.split(":", 1)
        for w in words.split():
            out[w.replace("_", " ")] = int(pol)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    data = Path(args.shared) / "data"
    upos: dict[str, Counter] = defaultdict(Counter)
    for f in [data / "ud-indonesian-gsd/legacy-v2.0/id-ud-train.conllu", data / "ud-indonesian-csui/id_csui-ud-train.conllu"]:
        for line in open(f, encoding="utf-8"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                upos[cols[1].lower()][cols[3]] += 1
    lex = _inset()
    hits: Counter = Counter()
    seen: set[str] = set()
    for f in sorted(glob.glob(str(data / "indosum/dev.*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            art = json.loads(line)
            if art["id"] in seen:
                continue
            seen.add(art["id"])
            words = [w.lower() for p in art["paragraphs"] for s in p for w in s if w.isalpha()]
            i = 0
            while i < len(words):
                for size in range(min(MAX_PHRASE, len(words) - i), 0, -1):
                    phrase = " ".join(words[i:i + size])
                    if lex.get(phrase):
                        hits[phrase] += 1
                        i += size
                        break
                else:
                    i += 1
    closed = sorted(w for w in lex if " " not in w and upos.get(w) and upos[w].most_common(1)[0][0] in CLOSED)
    closed_set = set(closed)
    reviewed = [w for w, _ in hits.most_common() if w not in closed_set][:REVIEWED]
    decided = {**_decisions(HERE / "review_decisions.txt"), **_decisions(HERE / "review_decisions2.txt")}
    unknown = sorted(set(decided) - set(reviewed))
    if unknown:
        raise SystemExit(f"decisions for words outside the reviewed list: {unknown}")
    supplement = _decisions(HERE / "supplement.txt")
    head = "# Source: training/tone/build_review.py (warta), from InSet (fajri91/InSet) and UD Indonesian GSD/CSUI POS.\n"
    (OUT / "inset_closed_class.txt").write_text(
        head + "# InSet entries that are closed-class or adverbs in UD Indonesian: never scored by the tone stage.\n"
        + "\n".join(closed) + "\n", encoding="utf-8")
    rows = [(w, decided.get(w) or supplement.get(w, 0), "review") for w in reviewed]   # a supplement word keeps its sign
    rows += [(w, v, "supplement") for w, v in supplement.items() if w not in set(reviewed)]
    (OUT / "news_review.tsv").write_text(
        head + "# The 2,000 open-class InSet entries most frequent in IndoSum with warta's reviewed weight"
        " (0 = neutral in news), then news words written for warta (supplement). Licence: CC BY-SA 4.0.\n"
        "word\tweight\torigin\n" + "".join(f"{w}\t{v}\t{o}\n" for w, v, o in rows), encoding="utf-8")
    print(f"closed-class {len(closed)}, reviewed {len(reviewed)} ({sum(1 for r in rows if r[1] and r[2] == 'review')} non-zero), "
          f"supplement {len(rows) - len(reviewed)}")


if __name__ == "__main__":
    main()
