"""Draw the PFSA-ID blind events sets of issue 11 (``test7``, ``test8``) with a recorded seed.

PFSA-ID dev-40 (Kompas 2020-2022, ``../shared/data/pfsa-id-quotes/dev-40.txt``) is **CC BY-NC-SA**:
nothing of its text is written into the repository. ``articles-<split>.jsonl`` (committed) holds only
the article id (``pfsa-<index>`` in ``load_pfsa`` order), its nominal ``published`` date and the
selection facts; the sentences for blind annotation go to ``/tmp/warta-pfsa/sentences-<split>.txt``
(outside the repository). The eval rebuilds the text from ../shared (``warta.eval.events.pfsa_text``).

Selection (deterministic): the events helper's articles (index = 1 mod 3) that
* report political, legal, security or international news: at least ``MIN_HITS`` occurrences of the
  words in ``TOPIC`` (politics & law, police, courts, elections, regional government, foreign states)
  and at least twice as many such hits as mentions of Covid / pandemic / economy words in ``OFF_TOPIC``;
* are at most ``MAX_CHARS`` characters (so ~22 articles can be read sentence by sentence in a session);
* carry a Kompas "(d/m/yyyy)" date (the nominal ``published`` date: the **latest** such date in the
  article, the day of its own news; time of day unknown).
The eligible ids are shuffled with ``random.Random(SEED)``; the first 12 are test7, the next 10 test8.

Issue 12 drew its blind sets the same way from the lead's share (index = 2 mod 3, never read for events),
seed 12: the first 12 of the shuffle are test9, the rest (up to 10) test10.

    python training/events/pfsa_draw.py            # issue 11: writes articles-test7/8.jsonl + /tmp sentences
    python training/events/pfsa_draw.py --issue 12 # issue 12: articles-test9/10.jsonl + /tmp sentences
"""
import argparse
import json
import random
import re
from datetime import date
from pathlib import Path

from warta.eval.events import pfsa_articles

HERE = Path(__file__).resolve().parent
OUT = Path("/tmp/warta-pfsa")
SEED = 11
MAX_CHARS = 9000
MIN_HITS = 10
SIZES = (("test7", 12), ("test8", 10))
# issue -> (residue mod 3, seed, (split, size) ...)
DRAWS = {11: (1, 11, SIZES), 12: (2, 12, (("test9", 12), ("test10", 10)))}
TOPIC = re.compile(r"\b(polisi|polri|polda|polres|kepolisian|kpk|korupsi|tersangka|terdakwa|ditangkap|"
                   r"ditahan|penangkapan|penahanan|pengadilan|hakim|jaksa|kejaksaan|vonis|dakwaan|"
                   r"pidana|hukum|dpr|dprd|mpr|partai|pilkada|pemilu|kpu|bawaslu|presiden|menteri|"
                   r"gubernur|bupati|wali kota|tni|militer|demo|unjuk rasa|mahkamah|undang-undang|"
                   r"buron|teroris|terorisme|kpu|ombudsman|komnas ham|amerika serikat|china|tiongkok|"
                   r"malaysia|australia|papua|kkb)\b", re.I)
OFF_TOPIC = re.compile(r"\b(covid(-19)?|pandemi|virus|vaksin|vaksinasi|ekonomi|pertumbuhan|investasi|"
                       r"bank|harga|rupiah|ekspor|impor|usaha)\b", re.I)
DATE = re.compile(r"\((?:[^()]*?\s)?(\d{1,2})/(\d{1,2})/(\d{4})\)")


def published(text: str):
    ds = []
    for d, m, y in DATE.findall(text):
        try:
            ds.append(date(int(y), int(m), int(d)))
        except ValueError:
            pass
    return max(ds).isoformat() if ds else None


def eligible(arts, residue: int = 1) -> list[dict]:
    out = []
    for i, a in enumerate(arts):
        if i % 3 != residue:
            continue
        t = a.text
        hits, off = len(TOPIC.findall(t)), len(OFF_TOPIC.findall(t))
        pub = published(t)
        if len(t) <= MAX_CHARS and hits >= MIN_HITS and hits >= 2 * off and pub:
            out.append({"id": f"pfsa-{i}", "index": i, "published": pub, "chars": len(t),
                        "topic_hits": hits, "off_topic_hits": off})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--issue", type=int, default=11, choices=sorted(DRAWS))
    residue, seed, sizes = DRAWS[ap.parse_args().issue]
    arts = pfsa_articles()
    pool = eligible(arts, residue)
    random.Random(seed).shuffle(pool)
    from warta.pipeline import load, prepare_doc
    nlp = load()
    OUT.mkdir(exist_ok=True)
    k = 0
    for split, n in sizes:
        rows = pool[k:k + n]
        k += n
        with open(HERE / f"articles-{split}.jsonl", "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({**r, "split": split, "source": "pfsa-id dev-40"}) + "\n")
        with open(OUT / f"sentences-{split}.txt", "w", encoding="utf-8") as out:
            for r in rows:
                doc = nlp(prepare_doc(nlp, arts[r["index"]].text, published=r["published"]))
                out.write(f"### {r['id']} {split} published={r['published']}\n")
                for j, s in enumerate(doc.sents):
                    out.write(f"[{j}] {s.text.strip()}\n")
                out.write("\n")
        print(split, [r["id"] for r in rows])
    print("eligible", len(pool))


if __name__ == "__main__":
    main()
