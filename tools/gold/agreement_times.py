"""Agreement of two annotators on time values: a second, independent annotation (the lead engineer,
from the article text only, without reading the gold items) of the 8 shortest test5 articles, scored
against `tests/data/times-gold.jsonl` like `warta eval times` scores warta (a gold item agrees when
an overlapping second-annotator item has the same value).

    python tools/gold/agreement_times.py
"""
import json
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "times-gold.jsonl"

# (article id prefix, expression as written, occurrence index, value)
MINE = [
    ("1508231043", "Senin (16/10)", 0, "2017-10-16"),
    ("1508231043", "pukul 19:30 malam", 0, "2017-10-16T19:30"),
    ("1491374288", "2012 - 2014", 0, "2012/2014"),
    ("1491374288", "kemarin", 0, "2017-04-04"),
    ("1491374288", "hari ini", 0, "2017-04-05"),
    ("1492927815", "pekan depan", 0, "2017-W17"),
    ("1492927815", "akhir April", 0, "2017-04"),
    ("1492927815", "tahun lalu", 0, "2016"),
    ("1492927815", "5 Mei 2017", 0, "2017-05-05"),
    ("1494396000", "Senin (8/5) malam", 0, "2017-05-08"),
    ("1494396000", "pukul 23.00 WIB", 0, "2017-05-08T23:00+07:00"),
    ("1494396000", "lima tahun", 0, "P5Y"),
    ("1500748200", "Sabtu (22/7)", 0, "2017-07-22"),
    ("1500748200", "pukul 18.40 WIB", 0, "2017-07-22T18:40+07:00"),
    ("1500748200", "besok", 0, "2017-07-22"),
    ("1500748200", "Hari ini", 0, "2017-07-21"),
    ("1500748200", "Jum\"at (21/7)", 0, "2017-07-21"),
    ("1500748200", "Hari ini", 1, "2017-07-21"),
    ("1500748200", "besok", 1, "2017-07-22"),
    ("1493746500", "empat tahun", 0, "P4Y"),
    ("1493746500", "Selasa (2/5) malam", 0, "2017-05-02"),
    ("1493746500", "empat tahun", 1, "P4Y"),
    ("1486708213", "Kamis (9/2)", 0, "2017-02-09"),
    ("1486708213", "pukul 07.45 WITA", 0, "2017-02-09T07:45+08:00"),
    ("1486708213", "Kamis (9/2)", 1, "2017-02-09"),
    ("1486708213", "2017", 0, "2017"),
]
ARTICLES = sorted({a for a, *_ in MINE} | {"1493152250"})   # the vibrator article: no time expression


rows = {r["id"][:10]: r for r in map(json.loads, open(GOLD, encoding="utf-8")) if r["split"] == "test5"}
spans = []
for aid, expr, occ, val in MINE:
    t = rows[aid]["text"]; pos = -1
    for _ in range(occ + 1):
        pos = t.index(expr, pos + 1)
    spans.append((aid, pos, pos + len(expr), expr, val))
gold = [(a, it["start"], it["end"], it["text"], it["value"]) for a in ARTICLES for it in rows[a]["times"]]
def ov(x, y): return x[0] == y[0] and x[1] < y[2] and y[1] < x[2]
found = sum(any(ov(g, m) for m in spans) for g in gold)
agree = sum(any(ov(g, m) and m[4] == g[4] for m in spans) for g in gold)
mine_in_gold = sum(any(ov(g, m) for g in gold) for m in spans)
print(f"gold items {len(gold)}; second annotator's items {len(spans)}")
print(f"gold items the second annotator also marked: {found}; with the same value: {agree} -> value agreement {agree/len(gold):.3f}")
print(f"second annotator's items in the gold: {mine_in_gold}/{len(spans)}")
for g in gold:
    m = [m for m in spans if ov(g, m)]
    if not m or m[0][4] != g[4]:
        print("  DIFF gold", g[3], g[4], "| second", m[0][3] if m else None, m[0][4] if m else None)
for m in spans:
    if not any(ov(g, m) for g in gold):
        print("  EXTRA second", m[3], m[4])
