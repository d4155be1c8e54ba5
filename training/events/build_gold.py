"""Turn the hand-checked ``gold.txt`` into ``tests/data/events-gold.jsonl`` (record-shaped events).

Trigger offsets are found by searching the trigger text in the article's sentence (warta's
segmentation), falling back to the whole text; unmatched triggers are reported and fail the build.

    python training/events/build_gold.py                     # gold.txt -> events-gold.jsonl (dev/test)
    python training/events/build_gold.py --gold gold-test2.txt --articles articles-test2.jsonl \
        --out tests/data/events-gold-test2.jsonl             # the held-out set of issue 7
    python training/events/build_gold.py --gold gold-test7.txt --articles articles-test7.jsonl \
        --out tests/data/pfsa-events/events-gold-test7.jsonl # PFSA-ID (issue 11): no text stored

PFSA-ID articles (``source`` "pfsa-id ...", CC BY-NC-SA) carry no text in ``articles-<split>.jsonl``:
it is rebuilt from ../shared (``warta.eval.events.pfsa_text``) and left out of the gold file, which
keeps only ids, offsets and the annotated spans.
"""
import argparse
import json
import re
import sys
from pathlib import Path

from warta.eval.events import pfsa_text
from warta.pipeline import load, prepare_doc

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LINE = re.compile(r"^E (\d+) (\w+) (.+?) > (.+?) \| (.+?) \| (\w+)(?: \| (.+))?$")


def actor(s: str):
    s = s.strip()
    if s == "-":
        return None
    m = re.match(r"^(.*)\(([A-Z]{3})?\)$", s)
    if not m:
        raise ValueError(f"bad actor {s!r}")
    return {"text": m.group(1).strip(), "country": m.group(2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="gold.txt", help="hand-written events, relative to training/events")
    ap.add_argument("--articles", default="articles.jsonl", help="article texts, relative to training/events")
    ap.add_argument("--out", default=str(ROOT / "tests" / "data" / "events-gold.jsonl"))
    args = ap.parse_args()
    articles = {json.loads(l)["id"]: json.loads(l) for l in open(HERE / args.articles)}
    blocks, cur = [], None
    for line in open(HERE / args.gold, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("### "):
            _, aid, split = line.split()
            cur = {"id": aid, "split": split, "events": []}
            blocks.append(cur)
        elif line.startswith("E "):
            m = LINE.match(line)
            if not m:
                raise ValueError(f"bad line {line!r}")
            sent, typ, src, tgt, trig, status, claimer = m.groups()
            cur["events"].append({"sentence": int(sent), "type": typ, "source": actor(src), "target": actor(tgt),
                                  "trigger_text": trig.strip(), "status": status,
                                  "claimed_by_text": claimer.strip() if claimer else None})
    nlp = load()
    bad = 0
    out = []
    for b in blocks:
        art = articles[b["id"]]
        pfsa = str(art.get("source", "")).startswith("pfsa")
        if pfsa:
            art = {**art, "text": pfsa_text(art["id"])}
        doc = nlp(prepare_doc(nlp, art["text"], published=art["published"]))
        sents = list(doc.sents)
        events = []
        for k, e in enumerate(b["events"], 1):
            s = sents[e["sentence"]] if e["sentence"] < len(sents) else None
            t = e.pop("trigger_text")
            start = -1
            if s is not None:
                i = s.text.find(t)
                if i < 0:
                    i = s.text.lower().find(t.lower())
                start = s.start_char + i if i >= 0 else -1
            if start < 0:
                start = art["text"].find(t)
            if start < 0:
                print("trigger not found:", b["id"], e["sentence"], t, file=sys.stderr)
                bad += 1
                continue
            e["trigger"] = {"start": start, "end": start + len(t), "text": art["text"][start:start + len(t)]}
            e = {"id": f"v{k}", **e}
            events.append(e)
        row = {"id": b["id"], "split": b["split"], "published": art["published"], "text": art["text"],
               "events": events}
        if pfsa:   # licence: no article text, only the spans above
            del row["text"]
            row["source"] = art["source"]
        out.append(row)
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), "articles", sum(len(r["events"]) for r in out), "events;",
          {s: sum(1 for r in out if r["split"] == s) for s in sorted({r["split"] for r in out})}, "bad", bad)
    return bad


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
