"""Build tests/data/link-gold.jsonl from the pre-annotated entities and the hand decisions.

preannotated.json: warta_entities output (2026-11-27, no NER in the pipeline) for the example
article and the first 36 coref-gold articles: one mention span per linked entity. decisions.tsv:
for each kept item, the expected country, actor (CAMEO code on the article's date) and Wikidata id
as judged by reading the article ("." = not judged, "-" = expected empty). Run from the repo root.
"""
import json

TYPE_FIX = {16: "ORG", 98: "ORG"}   # the Federal Reserve, typed PER by the pre-annotating run
rows = json.load(open("training/linking/preannotated.json", encoding="utf-8"))
dec = {}
for line in open("training/linking/decisions.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    k, country, actor, qid = line.rstrip("\n").split("\t")
    dec[int(k)] = {"country": country, "actor": actor, "wikidata": qid}
n = 0
with open("tests/data/link-gold.jsonl", "w", encoding="utf-8") as out:
    for r in rows:
        links = []
        for item in r["links"]:
            d = dec.get(item["k"])
            if d is None:
                continue
            gold = {"start": item["start"], "end": item["end"], "text": item["text"],
                    "type": TYPE_FIX.get(item["k"], item["type"])}
            for field, value in d.items():
                if value != ".":
                    gold[field] = None if value == "-" else value
            links.append(gold)
        n += len(links)
        out.write(json.dumps({"id": r["id"], "published": r["published"], "text": r["text"], "links": links},
                             ensure_ascii=False) + "\n")
print(n, "spans")
