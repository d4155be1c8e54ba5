"""Times and places gold from PFSA-ID dev-40 (Kompas 2020-2022, Indonesian-written): the eighth round's sets.

PFSA-ID (``../shared/data/pfsa-id-quotes/dev-40.txt``) is **CC BY-NC-SA 4.0**: nothing of its text is
copied into the repository beyond the annotated spans themselves. An article is ``pfsa-<i>``, its index in
``warta.eval.quotes.load_pfsa(dev-40)``; this helper reads only indices i = 0 (mod 3).

    python tools/gold/pfsa.py select          # draw test16 / test17 (seed 16016), with nominal dates
    python tools/gold/pfsa.py show test16     # the texts to annotate (nothing from warta)
    python tools/gold/pfsa.py select 9        # ninth round: test18 / test19 (seed 18019) from indices 1, 2 (mod 3)
    (annotate by hand in tools/gold/pfsa/pfsa-gold-<split>.txt, before warta has been run on them)
    python tools/gold/times_places.py build   # -> tests/data/pfsa/{times,places}-gold.jsonl (no article text)

Nominal ``published`` date (the articles carry none), fixed before warta ran on any of them: the latest
"(d/m/yyyy)" date the article writes (Kompas dates its own news "Senin (14/3/2022)"); the articles
without one get the date written by hand in ``NOMINAL`` with the reason.

Annotation format: that of ``tools/gold/ntrex.py`` (``=== pfsa-<i>`` then ``T``/``P`` lines).
"""
from __future__ import annotations

import random
import re
import sys
from datetime import date
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCE = ROOT.parent / "shared/data/pfsa-id-quotes/dev-40.txt"
ANNOT = HERE / "pfsa"
SEED = 16016                  # one shuffle: the first 12 eligible -> test16, the next 10 -> test17
SPLITS = {"test16": 12, "test17": 10}
MAX_CHARS = 4000              # ordinary length: readable and annotatable in full
KOMPAS_DATE = re.compile(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)")
TIME_CUE = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Januari|Februari|Maret|April|Mei|Juni|"
                      r"Juli|Agustus|September|Oktober|November|Desember|pukul|kemarin|besok|\d{4}|"
                      r"malam ini|pagi ini|minggu lalu|pekan lalu|bulan lalu|tahun lalu)\b")
# ninth round: the indices = 1 or 2 (mod 3), read before only for events, minus the 44 articles of the
# events splits test7-test10 (training/events/articles-test7..10.jsonl), so the two issues' gold stays apart
SEED9 = 18019                 # one shuffle: the first 10 eligible -> test18, the next 10 -> test19
SPLITS9 = {"test18": 10, "test19": 10}
EVENTS_SPLITS = [ROOT / f"training/events/articles-test{k}.jsonl" for k in (7, 8, 9, 10)]
NOMINAL: dict[str, str] = {}  # article id -> date set by hand where the rule gives none (none needed so far)


@lru_cache(maxsize=1)
def articles() -> list[str]:
    """The texts of dev-40 in file order (index = the id's number)."""
    sys.path.insert(0, str(ROOT / "src"))
    from warta.eval.quotes import load_pfsa

    return [a.text for a in load_pfsa(SOURCE)]


def published(doc_id: str, text: str) -> str | None:
    """The latest "(d/m/yyyy)" date of the text (or the hand-set one)."""
    if doc_id in NOMINAL:
        return NOMINAL[doc_id]
    days = []
    for d, m, y in KOMPAS_DATE.findall(text):
        try:
            days.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue
    return max(days).isoformat() if days else None


def article(doc_id: str) -> tuple[str, str | None]:
    text = articles()[int(doc_id.split("-")[1])]
    return text, published(doc_id, text)


def _draw(keep, seed: int, splits: dict[str, int]) -> dict[str, list[str]]:
    """Split -> ids: the articles ``keep(i)`` accepts, of at most MAX_CHARS, with two or more time cues
    and a nominal date, shuffled once with ``seed`` and cut in ``splits``' order and sizes."""
    pool = []
    for i, text in enumerate(articles()):
        if not keep(i) or len(text) > MAX_CHARS or len(TIME_CUE.findall(text)) < 2:
            continue
        if published(f"pfsa-{i}", text) is None:
            continue
        pool.append(f"pfsa-{i}")
    random.Random(seed).shuffle(pool)
    out, k = {}, 0
    for split, n in splits.items():
        out[split] = pool[k: k + n]
        k += n
    return out


def select() -> dict[str, list[str]]:
    """Split -> ids of the eighth round: indices = 0 (mod 3)."""
    return _draw(lambda i: i % 3 == 0, SEED, SPLITS)


def events_ids() -> set[str]:
    import json

    return {json.loads(line)["id"] for p in EVENTS_SPLITS for line in open(p, encoding="utf-8") if line.strip()}


def select9() -> dict[str, list[str]]:
    """Split -> ids for the ninth round: indices = 1 or 2 (mod 3) outside the events splits, same filter."""
    skip = events_ids()
    return _draw(lambda i: i % 3 != 0 and f"pfsa-{i}" not in skip, SEED9, SPLITS9)


def all_splits() -> dict[str, list[str]]:
    return {**select(), **select9()}


def share9() -> list[str]:
    """The ninth round's breadth share: indices = 1 or 2 (mod 3), dated, outside the events splits and test18/19."""
    skip = events_ids() | {i for ids in select9().values() for i in ids}
    return [f"pfsa-{i}" for i, t in enumerate(articles())
            if i % 3 and f"pfsa-{i}" not in skip and published(f"pfsa-{i}", t)]


def held_out_ids() -> set[str]:
    return {i for ids in all_splits().values() for i in ids}


def show(split: str) -> None:
    for doc_id in all_splits()[split]:
        text, pub = article(doc_id)
        print(f"=== {doc_id}  published {pub}  ({len(text)} chars)")
        print(text)
        print()


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "select":
        for split, ids in (select9() if sys.argv[2:] == ["9"] else select()).items():
            print(split, " ".join(f"{i}:{article(i)[1]}" for i in ids))
    elif cmd == "show":
        show(sys.argv[2])
