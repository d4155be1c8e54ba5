"""Build the NTREX held-out events set (issue 10, split ``test6``) from ``ntrex-docs.tsv``.

NTREX-128 newstest2019 (``../shared/data/id-raw-text/ntrex128_newstest2019_ind.txt``, CC BY-SA 4.0)
is English news of late September / early October 2018 professionally translated into Indonesian,
one sentence per line, without document boundaries. The events helper may use lines 1001-1997 only;
``ntrex-docs.tsv`` records each chosen document's line range (1-based, inclusive, cut by reading:
a topic change starts a new document) and the nominal ``published`` date given from its content.
A document's text is its headline line, a blank line, then the body lines joined by spaces (one
paragraph), so warta's segmenter sees ordinary news text. Writes ``articles-test6.jsonl`` and, for
blind annotation, ``sentences-test6.txt`` (warta's sentences only, no events).

    python training/events/ntrex_docs.py
"""
import csv
import json
from pathlib import Path

from warta.pipeline import load, prepare_doc

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1].parent / "shared/data/id-raw-text/ntrex128_newstest2019_ind.txt"
FIRST, LAST = 1001, 1997


def documents() -> list[dict]:
    lines = SRC.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    rows = []
    with open(HERE / "ntrex-docs.tsv", encoding="utf-8") as fh:
        for r in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"):
            a, b = int(r["first_line"]), int(r["last_line"])
            if not FIRST <= a <= b <= LAST:
                raise ValueError(f"line range {a}-{b} outside this helper's {FIRST}-{LAST}")
            body = [l.strip() for l in lines[a - 1:b]]
            text = body[0] + "\n\n" + " ".join(body[1:])
            rows.append({"id": f"ntrex-{a}", "split": "test6", "published": r["published"], "text": text,
                         "lines": f"{a}-{b}"})
    return rows


def main():
    rows = documents()
    nlp = load()
    with open(HERE / "sentences-test6.txt", "w", encoding="utf-8") as out, \
            open(HERE / "articles-test6.jsonl", "w", encoding="utf-8") as arts:
        for r in rows:
            doc = nlp(prepare_doc(nlp, r["text"], published=r["published"]))
            out.write(f"### {r['id']} test6\n")
            for i, s in enumerate(doc.sents):
                out.write(f"[{i}] {s.text.strip()}\n")
            out.write("\n")
            arts.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "documents")


if __name__ == "__main__":
    main()
