"""Times and places gold from NTREX-128 (translated news), lines 1-1000: the sixth round's held-out sets.

NTREX-128 newstest2019 (Indonesian; ``../shared/data/id-raw-text/ntrex128_newstest2019_ind.txt``,
CC BY-SA 4.0) is the WMT19 English news test set of late September / early October 2018, translated
into Indonesian by professional translators, one sentence per line, without document boundaries.
This round's helper reads lines 1-1000 only (1001-1997 belong to the events helper).

    python tools/gold/ntrex.py select            # draw test12 / test13 from ntrex-docs.tsv (seed 12012)
    python tools/gold/ntrex.py show test12       # the texts to annotate (nothing from warta)
    (annotate by hand in tools/gold/ntrex-gold-<split>.txt, before warta has been run on them)
    python tools/gold/times_places.py build      # IndoSum drafts + corrections + these NTREX files

``tools/gold/ntrex-docs.tsv`` holds the segmentation: doc id (``ntrex-<first line>``), first and
last line (1-based, inclusive), the nominal published date and a one-line topic. An article's text
is its lines joined by a blank line (each translated sentence a paragraph, the way the IndoSum
texts separate paragraphs), the first line being the headline.

Hand-annotation format (``ntrex-gold-<split>.txt``), one item a line, in reading order; ``#`` starts
a comment; a repeated ``text`` takes the next whole-word occurrence after the last one used::

    === ntrex-44
    T <text> | <value or -> | <kind> [| vague] [| nth=<n>]
    P <text> | <name> | <lat>,<lon> | <ISO3 or -> | <feature> [| gn=<geonames id>] [| nth=<n>]

(``nth=<n>``: the n-th whole-word occurrence, 0-based, when an earlier one is not annotated; a line
``-P <text>`` or ``-T <text>`` passes over the next occurrence without annotating it.)
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCE = ROOT.parent / "shared/data/id-raw-text/ntrex128_newstest2019_ind.txt"
DOCS = HERE / "ntrex-docs.tsv"
LAST_LINE = 1000            # this helper's range: lines 1-1000
SEED = 12012                # one shuffle: the first 12 eligible docs -> test12, the next 10 -> test13
SPLITS = {"test12": 12, "test13": 10}
# seventh round: lines 1001-1997, minus the events helper's held-out test6 documents (left unread)
SEED7 = 14015               # one shuffle: the first 12 eligible docs -> test14, the next 10 -> test15
SPLITS7 = {"test14": 12, "test15": 10}
MAX_CHARS7 = 3000           # lines 1001-1997 hold fewer short dated documents: 2,600 left only 17 for 22 places
EVENTS_TEST6 = ROOT / "training/events/ntrex-docs.tsv"
MAX_CHARS = 2600            # short enough to read and annotate in full, like the IndoSum splits' 1,800
# a document is drawn only if it visibly holds times (two of these cues) and is complete in the range
TIME_CUE = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Januari|Februari|Maret|April|Mei|Juni|"
                      r"Juli|Agustus|September|Oktober|November|Desember|pukul|kemarin|besok|\d{4}|"
                      r"malam ini|pagi ini|minggu lalu|bulan lalu|tahun lalu)\b")


def source_lines() -> list[str]:
    """The NTREX sentences, 1-based: ``lines[n - 1]`` is line n (CRLF stripped)."""
    return SOURCE.read_text(encoding="utf-8").splitlines()


def docs() -> list[dict]:
    out = []
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc_id, first, last, published, topic = line.split("\t")
        out.append({"id": doc_id, "first": int(first), "last": int(last), "published": published, "topic": topic})
    return out


def article_text(doc: dict, lines: list[str] | None = None) -> str:
    lines = lines or source_lines()
    return "\n\n".join(lines[doc["first"] - 1: doc["last"]])


def events_test6_lines() -> set[int]:
    """Lines of the events helper's held-out NTREX documents (test6): never read for times/places."""
    out = set()
    for line in EVENTS_TEST6.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) > 2 and f[0].isdigit():
            out |= set(range(int(f[0]), int(f[1]) + 1))
    return out


def select(round_: int = 6) -> dict[str, list[str]]:
    """Split -> doc ids, drawn with the round's seed among complete documents of at most MAX_CHARS
    with time cues (round 6: lines 1-1000; round 7: documents starting after line 1000)."""
    lines = source_lines()
    pool = []
    test6 = events_test6_lines() if round_ == 7 else set()
    for d in docs():
        text = article_text(d, lines)
        if round_ == 6 and d["last"] >= LAST_LINE:
            continue
        if round_ == 7 and (d["first"] <= LAST_LINE or test6 & set(range(d["first"], d["last"] + 1))):
            continue
        if len(text) > (MAX_CHARS if round_ == 6 else MAX_CHARS7) or len(TIME_CUE.findall(text)) < 2:
            continue
        pool.append(d["id"])
    random.Random(SEED if round_ == 6 else SEED7).shuffle(pool)
    out, k = {}, 0
    for split, n in (SPLITS if round_ == 6 else SPLITS7).items():
        out[split] = pool[k: k + n]
        k += n
    return out


def _occurrence(text: str, needle: str, after: int) -> tuple[int, int]:
    """The first whole-word occurrence of ``needle`` starting at or after ``after``."""
    pat = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    m = pat.search(text, after)
    if not m:
        raise ValueError(f"{needle!r} not found after {after}")
    return m.start(), m.end()


def gold_rows(split: str) -> tuple[list[dict], list[dict]]:
    """(times rows, places rows) of one NTREX split, in the form of tests/data/*-gold.jsonl."""
    path = HERE / f"ntrex-gold-{split}.txt"
    if not path.exists():
        return [], []
    by_id = {d["id"]: d for d in docs()}
    lines = source_lines()
    return parse_annotations(path, split, lambda i: (article_text(by_id[i], lines), by_id[i]["published"]))


def parse_annotations(path: Path, split: str, get_article) -> tuple[list[dict], list[dict]]:
    """Hand annotations (format above) -> (times rows, places rows); ``get_article(id)`` gives
    (text, published). Shared by the NTREX and the PFSA-ID splits (tools/gold/pfsa.py)."""
    trows, prows, cur = [], [], None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split(" #")[0].rstrip() if not raw.startswith("#") else ""
        if not line.strip():
            continue
        if line.startswith("=== "):
            doc_id = line[4:].split()[0]
            text, pub = get_article(doc_id)
            cur = {"id": doc_id, "split": split, "published": pub, "text": text,
                   "times": [], "places": [], "_used": {}, "_taken": {"T": [], "P": []}}
            trows.append(cur)
            continue
        skip = line.startswith("-")   # "-P <text>": pass over the next occurrence, not annotated (ninth round)
        if skip:
            line = line[1:]
        tag, rest = line[0], line[2:]
        fields = [f.strip() for f in rest.split("|")]
        needle = fields[0]
        key = (tag, needle)
        nth = next((int(f[4:]) for f in fields[1:] if f.startswith("nth=")), None)
        try:
            if nth is not None:   # the nth whole-word occurrence (0-based), for one a reader skipped
                s = e = 0
                for _ in range(nth + 1):
                    s, e = _occurrence(cur["text"], needle, e)
            else:   # the next one after the last used, not inside an item already annotated
                s, e = _occurrence(cur["text"], needle, cur["_used"].get(key, 0))
                while any(s < t1 and t0 < e for t0, t1 in cur["_taken"][tag]):
                    s, e = _occurrence(cur["text"], needle, e)
        except ValueError as exc:
            raise SystemExit(f"{path}:{n}: {exc}") from None
        cur["_used"][key] = e
        if skip:
            continue
        cur["_taken"][tag].append((s, e))
        if tag == "T":
            value = None if fields[1] == "-" else fields[1]
            vague = "vague" in fields[3:]
            cur["times"].append({"start": s, "end": e, "text": needle, "value": value, "kind": fields[2],
                                 "precise": not vague})
        elif tag == "P":
            lat, lon = (float(x) for x in fields[2].split(","))
            gn = next((int(f[3:]) for f in fields[5:] if f.startswith("gn=")), None)
            cur["places"].append({"start": s, "end": e, "text": needle, "name": fields[1], "lat": lat, "lon": lon,
                                  "country": None if fields[3] == "-" else fields[3], "feature": fields[4],
                                  "geonames": gn})
        else:
            raise SystemExit(f"{path}:{n}: unknown tag {tag!r}")
    out_t, out_p = [], []
    for r in trows:
        r.pop("_used"), r.pop("_taken")
        for kind, out in (("times", out_t), ("places", out_p)):
            items = sorted(r[kind], key=lambda x: x["start"])
            out.append({"id": r["id"], "split": split, "published": r["published"], "text": r["text"], kind: items})
    return out_t, out_p


def show(split: str) -> None:
    by_id = {d["id"]: d for d in docs()}
    lines = source_lines()
    for doc_id in {**select(), **select(7)}[split]:
        d = by_id[doc_id]
        print(f"=== {doc_id}  lines {d['first']}-{d['last']}  published {d['published']}  {d['topic']}")
        print(article_text(d, lines))
        print()


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "select":
        for split, ids in {**select(), **select(7)}.items():
            print(split, " ".join(ids))
    elif cmd == "show":
        show(sys.argv[2])
