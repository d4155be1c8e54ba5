"""Pre-annotate pronoun mentions in IndoSum articles with warta_entities, for hand correction.

Writes one JSON line per article: text, published, and for every pronoun candidate the system's
antecedent (the nearest earlier name/title mention of the entity it joined). The file is then
corrected by hand item by item (see tests/data/README.md) into tests/data/coref-gold.jsonl.
Run: python training/coref/preannotate.py OUT.jsonl [N_MENTIONS] [dev.04.jsonl,…]
(the held-out set: python training/coref/preannotate.py training/coref/heldout-preannotated.jsonl 110 dev.04.jsonl)
"""
import json
import sys
from pathlib import Path

from warta.components.entities import analyse, lexicon, pronoun_mentions, _sentence_index
from warta.io.indosum import to_article_fields
from warta.pipeline import load, prepare_doc

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "indosum"


def main(out_path: str, want: int = 320, files=("dev.02.jsonl", "dev.03.jsonl")):
    nlp = load()
    seen = set()
    total = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for fname in files:
            for line in open(SHARED / fname, encoding="utf-8"):
                row = json.loads(line)
                if row["id"] in seen or row["category"] != "tajuk utama":
                    continue
                seen.add(row["id"])
                if len(seen) % 3:            # every third headline article, for spread
                    continue
                f = to_article_fields(row)
                doc = nlp(prepare_doc(nlp, f["text"], published=f["published"], doc_id=f["id"]))
                sent_of = _sentence_index(doc)
                cands = pronoun_mentions(doc, sent_of, set())
                if not cands:
                    continue
                items = []
                for m in cands:
                    ent = next((e for e in doc._.entities if any(s.start == m.start_char and s.end == m.end_char for s in e.mentions)), None)
                    ante = None
                    if ent is not None:
                        prev = [s for s in ent.mentions if s.end <= m.start_char and s.text.lower() not in lexicon().pronouns
                                and not s.text.lower().endswith("nya")]
                        if prev:
                            a = prev[-1]
                            ante = {"start": a.start, "end": a.end, "text": a.text}
                    items.append({"start": m.start_char, "end": m.end_char, "text": m.text, "class": m.pron[0],
                                  "antecedent": ante})
                out.write(json.dumps({"id": f["id"], "published": f["published"], "text": f["text"],
                                      "mentions": items}, ensure_ascii=False) + "\n")
                total += len(items)
                if total >= want:
                    print(f"{len(seen)} articles scanned, {total} mentions")
                    return


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 320,
         tuple(sys.argv[3].split(",")) if len(sys.argv) > 3 else ("dev.02.jsonl", "dev.03.jsonl"))
