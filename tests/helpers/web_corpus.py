"""A small corpus of hand-annotated records for the web tests, and a DuckDB file that holds it.

Annotations are located in the real text by string search, so offsets are always right; each
record is validated by ``warta.record.Record`` before use. Three articles: the example article
(tests/data/zelenskyy-korea-utara.txt), a follow-up with a denial on another day, and a hostile
article whose text, title and names carry HTML/JS that must stay inert in the page.
"""
from __future__ import annotations

import json
from pathlib import Path

from warta.record import Record

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE = (DATA / "zelenskyy-korea-utara.txt").read_text(encoding="utf-8")

HOSTILE_TEXT = (
    "Warga Jakarta menulis <script>window.__pwned = 1</script> di forum, kata polisi.\n"
    "Polisi Jakarta menuduh Budi <img src=x onerror=\"window.__pwned = 2\"> menyebarkan hoaks.\n"
    "“Kami tidak akan membiarkan <b>serangan</b> ini,” kata Budi.\n"
)
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned = 3\">Judul"


class _Builder:
    def __init__(self, rid: str, text: str, published: str, title: str) -> None:
        self.rec = {"id": rid, "lang": "id", "published": published, "title": title, "text": text,
                    "sentences": [], "entities": [], "quotes": [], "events": [], "times": [],
                    "places": [], "tone": {"score": -1.5, "positive": 1, "negative": 2, "words": 40},
                    "warnings": [], "producer": {"name": "tests/web_corpus.py"}}
        start = 0
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\n")
            if body:
                self.rec["sentences"].append({"start": start, "end": start + len(body), "text": body})
            start += len(line)

    def span(self, needle: str, nth: int = 0) -> dict:
        pos = -1
        for _ in range(nth + 1):
            pos = self.rec["text"].index(needle, pos + 1)
        return {"start": pos, "end": pos + len(needle), "text": needle}

    def sentence_of(self, span: dict) -> int:
        return next(i for i, s in enumerate(self.rec["sentences"]) if s["start"] <= span["start"] < s["end"])

    def entity(self, etype, name, mentions, **kw) -> str:
        eid = f"e{len(self.rec['entities']) + 1}"
        self.rec["entities"].append({"id": eid, "type": etype, "name": name,
                                     "mentions": [self.span(*m) if isinstance(m, tuple) else self.span(m)
                                                  for m in mentions], **kw})
        return eid

    def quote(self, text, speaker, cue, kind="direct") -> str:
        qid = f"q{len(self.rec['quotes']) + 1}"
        s = self.span(text)
        self.rec["quotes"].append({"id": qid, "kind": kind, **s, "cue": self.span(*cue) if isinstance(cue, tuple) else self.span(cue),
                                   "speaker": speaker})
        return qid

    def event(self, etype, trigger, source, target, status="asserted", **kw) -> str:
        vid = f"v{len(self.rec['events']) + 1}"
        trig = self.span(*trigger) if isinstance(trigger, tuple) else self.span(trigger)
        actor = lambda eid: None if eid is None else {  # noqa: E731
            "entity": eid, "text": next(e["name"] for e in self.rec["entities"] if e["id"] == eid)}
        self.rec["events"].append({"id": vid, "type": etype, "source": actor(source), "target": actor(target),
                                   "trigger": trig, "sentence": self.sentence_of(trig), "status": status, **kw})
        return vid

    def time(self, text, value) -> str:
        tid = f"t{len(self.rec['times']) + 1}"
        self.rec["times"].append({"id": tid, **self.span(text), "value": value, "kind": "date"})
        return tid

    def place(self, text, name, lat, lon, country, feature="city") -> str:
        pid = f"p{len(self.rec['places']) + 1}"
        self.rec["places"].append({"id": pid, **self.span(text), "name": name, "lat": lat, "lon": lon,
                                   "country": country, "feature": feature})
        return pid

    def done(self) -> dict:
        return Record.model_validate(self.rec).to_dict()


def example_record() -> dict:
    b = _Builder("zelenskyy-2024-10-14", EXAMPLE, "2024-10-14", "Zelenskyy: Korea Utara kirim tentara")
    zel = b.entity("PER", "Volodymyr Zelenskyy", ["Volodymyr Zelenskyy", ("Zelenskyy", 1), ("Zelensky", 2)],
                   wikidata="Q3881", country="UKR", role="Presiden Ukraina")
    prk = b.entity("LOC", "Korea Utara", ["Korea Utara", ("Korea Utara", 1)], wikidata="Q423", country="PRK")
    rus = b.entity("LOC", "Rusia", ["Rusia", ("Rusia", 1), ("Rusia", 2)], wikidata="Q159", country="RUS")
    ukr = b.entity("LOC", "Ukraina", ["Ukraina", ("Ukraina", 2)], wikidata="Q212", country="UKR")
    b.entity("LOC", "Korea Selatan", ["Korea Selatan"], wikidata="Q884", country="KOR")
    b.entity("PER", "Kim Yong-hyun", ["Kim Yong-hyun"], country="KOR")
    b.quote("“Kami melihat peningkatan aliansi antara Rusia dan rezim seperti Korea Utara,”", zel, ("kata", 0))
    b.time("Minggu malam", "2024-10-13")
    kharkiv = b.place("Kharkiv", "Kharkiv", 49.98, 36.25, "UKR")
    b.place("Florida", "Florida", 28.5, -81.4, "USA", feature="admin")
    b.event("ACCUSE", "menuduh", zel, prk, date="2024-10-13", cameo="112")
    b.event("AID", ("mengirimkan", 0), prk, rus, status="claimed", claimed_by=zel, mode="military")
    b.event("ASSAULT", "menghantam", rus, ukr, date="2024-01-02", place=kharkiv)
    return b.done()


def followup_record() -> dict:
    text = ("Rusia membantah laporan bahwa Korea Utara mengirim tentara ke Ukraina, kata juru bicara Kremlin "
            "Dmitry Peskov di Moskow pada Selasa.\n“Ini berita palsu,” ujar Peskov.\n")
    b = _Builder("peskov-2024-10-15", text, "2024-10-15", "Kremlin membantah")
    rus = b.entity("LOC", "Rusia", ["Rusia"], wikidata="Q159", country="RUS")
    prk = b.entity("LOC", "Korea Utara", ["Korea Utara"], wikidata="Q423", country="PRK")
    b.entity("LOC", "Ukraina", ["Ukraina"], wikidata="Q212", country="UKR")
    pes = b.entity("PER", "Dmitry Peskov", ["Dmitry Peskov", "Peskov"], wikidata="Q4156669", country="RUS")
    moscow = b.place("Moskow", "Moskwa", 55.75, 37.62, "RUS")
    b.time("Selasa", "2024-10-15")
    b.quote("“Ini berita palsu,”", pes, "ujar")
    b.event("REJECT", "membantah", rus, prk, status="denied", date="2024-10-15", place=moscow)
    return b.done()


def hostile_record() -> dict:
    b = _Builder("hostile-1", HOSTILE_TEXT, "2024-10-16", HOSTILE_TITLE)
    pol = b.entity("ORG", "Polisi <i>Jakarta</i>", ["Polisi Jakarta"])
    budi = b.entity("PER", "Budi <img src=x onerror=\"window.__pwned = 4\">", [("Budi", 0), ("Budi", 1)])
    b.entity("LOC", "Jakarta", [("Jakarta", 0)])
    b.quote("“Kami tidak akan membiarkan <b>serangan</b> ini,”", budi, ("kata", 1))
    b.event("ACCUSE", "menuduh", pol, budi, date="2024-10-16")
    return b.done()


def records() -> list[dict]:
    return [example_record(), followup_record(), hostile_record()]


def write_duckdb(path: Path, recs: list[dict] | None = None) -> Path:
    """Store records with the batch store itself, as `warta batch` would."""
    from warta.store import Store

    with Store(path) as store:
        store.write_chunk([(r, {"source": "tests/web_corpus.py"}) for r in (recs or records())])
    return path
