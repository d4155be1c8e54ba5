"""Offline geocoding of place mentions.

Reads ``doc.text``, sentence boundaries (when set), ``doc.ents`` (LOC/GPE spans widen what is
accepted; PER spans veto) and ``doc._.entities`` (to link a place to the entity with the same
mention); writes ``doc._.places`` as ``record.Place`` objects (ids p1, p2 …, in text order).

The gazetteer is ``kb/data/places.tsv`` (built by ``python -m warta.kb.build_places``): countries,
US states, Indonesian provinces, regencies, cities and districts, foreign cities, regions, with
Indonesian names and exonyms. Names are found with one Aho-Corasick pass (case-sensitive, whole
words). A name with several referents is resolved by its prefix ("Kota", "Kabupaten"), the
countries named elsewhere in the article, the kind of place and the population.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import ahocorasick

from warta.kb import KB_DATA
from warta.lang import table

__all__ = ["PlaceMatch", "Gazetteer", "find_places", "place_for_span", "make_places", "gazetteer"]

PLACE_LABELS = {"LOC", "GPE"}
VETO_LABELS = {"PER", "PERSON"}   # not ORG: "Kongres AS", "Timnas Indonesia", "Polda Sulut" name places


@dataclass(frozen=True)
class GazRow:
    key: str
    name: str
    feature: str
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonames: Optional[int]
    population: int


@dataclass(frozen=True)
class PlaceMatch:
    """One geocoded mention: char offsets into the text and the chosen gazetteer row."""

    start: int
    end: int
    text: str
    row: GazRow


class Gazetteer:
    """The place table and an automaton over all its aliases."""

    def __init__(self, path=None):
        path = path or KB_DATA / "places.tsv"
        self.rows: list[GazRow] = []
        self.alias: dict[str, list[tuple[int, bool]]] = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or line.startswith("key\t"):
                    continue
                key, name, feat, cc, lat, lon, gid, pop, aliases = line.rstrip("\n").split("\t")
                i = len(self.rows)
                self.rows.append(GazRow(key, name, feat, cc or None, float(lat) if lat else None,
                                        float(lon) if lon else None, int(gid) if gid else None, int(pop or 0)))
                for a in aliases.split("|"):
                    weak = 2 if a.startswith("~~") else 1 if a.startswith("~") else 0
                    a = a.lstrip("~")
                    if a:
                        self.alias.setdefault(a, []).append((i, weak))
        self.auto = ahocorasick.Automaton()
        for a in self.alias:
            self.auto.add_word(a, a)
            up = a.upper()
            if up != a and len(a) >= 4 and not all(w for _, w in self.alias[a]):
                self.auto.add_word(up, a)   # datelines: "JAKARTA, KOMPAS.com"
        ctx: dict[str, dict[str, str]] = {}
        for word, kind, *target in table("places_context.tsv"):
            ctx.setdefault(kind, {})[word] = target[0] if target else ""
        self.prefix = ctx.get("prefix", {})
        self.cues = set(ctx.get("cue", {}))
        self.org_before = set(ctx.get("org_before", {}))
        self.org_after = set(ctx.get("org_after", {}))
        self.org_before_re = re.compile(r"(?:^|\s)(?:" + "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(self.org_before, key=len, reverse=True))
            + r"|Pers[a-z]{2,})\s+$")
        self.not_place = set(ctx.get("not_place", {}))
        self.compass = set(ctx.get("compass", {}))
        titles = sorted(ctx.get("district_title", {}), key=len, reverse=True)
        self.district_re = re.compile(r"\b(?:" + "|".join(map(re.escape, titles))
                                      + r")\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)") if titles else None
        self.clubs = set(ctx.get("club", {}))
        self.sports_cues = set(ctx.get("sports_cue", {}))
        self.title_before_re = re.compile(r"(?:^|\s)(?:" + "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ctx.get("title_before", {}), key=len, reverse=True))
            + r")\s+$")
        for name in self.not_place:
            self.auto.add_word(name, name)
        self.auto.make_automaton()
        self.explicit = {a for a, *_ in table("places_aliases.tsv")}
        self.time_words = {f for f, *_ in table("time_weekdays.tsv")} | {f for f, *_ in table("time_months.tsv")}

    def lookup(self, name: str) -> list[tuple[int, bool]]:
        return self.alias.get(name) or self.alias.get(name.title()) or []


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


_FEATURE_SCORE = {"C": 50, "P": 45, "R": 40, "G": 40, "X": 35, "S": 30, "D": 10}


def _score(row: GazRow, alias: str, context: set[str], g: Gazetteer) -> float:
    kind = row.key[0]
    s = _FEATURE_SCORE.get(kind, 0)
    if kind == "R" and row.feature == "admin":
        s = 38
    if kind == "G" and row.country != "IDN":
        s = 20 + 2 * math.log10(row.population + 1)
    first = alias.split()[0] if " " in alias else ""
    if first in g.prefix and g.prefix[first] == row.feature:
        s += 100
    if row.country and row.country in context and row.feature != "country":
        s += 30
    if row.country == "IDN":
        s += 5
    return s


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"(\S+)\s*$", text[max(0, pos - 40):pos])
    return m.group(1) if m else ""


def find_places(text: str, ents: Optional[list[tuple[int, int, str]]] = None,
                sentences: Optional[list[tuple[int, int]]] = None,
                gaz: Optional[Gazetteer] = None) -> list[PlaceMatch]:
    """Geocoded place mentions in ``text``, non-overlapping, in text order.

    ``ents`` are (start, end, label) entity spans from NER, if any; ``sentences`` (start, end)
    spans tell a sentence-initial capital from a name.
    """
    g = gaz or gazetteer()
    ents = ents or []
    sent_starts = {s for s, _ in sentences} if sentences else None
    hits = []
    for end, alias in g.auto.iter(text):
        start = end - len(alias) + 1
        if start > 0 and (text[start - 1].isalnum()):
            continue
        if end + 1 < len(text) and text[end + 1].isalnum():
            continue
        hits.append((start, end + 1, alias))
    # NER place spans the automaton did not see (e.g. "kota Bandung" lower-case prefix, all caps)
    seen = {(h[0], h[1]) for h in hits}
    for s, e, lab in ents:
        if lab in PLACE_LABELS:
            span = text[s:e]
            if g.lookup(span) and (s, e) not in seen:
                hits.append((s, e, span if span in g.alias else span.title()))
    # "Kapolsek Ciledug": a bare district name after a district office
    if g.district_re is not None:
        for m in g.district_re.finditer(text):
            for k in (2, 1):
                words = m.group(1).split()[:k]
                name = " ".join(words)
                if len(words) == k and f"Kecamatan {name}" in g.alias:
                    s0 = m.start(1)
                    hits.append((s0, s0 + len(name), f"Kecamatan {name}"))
                    break
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    chosen: list[tuple[int, int, str]] = []
    taken = bytearray(len(text))   # occupied characters: linear even on a 10 MB text
    ents = _EntIndex(ents)
    for s, e, alias in hits:
        if any(taken[s:e]):
            continue
        if alias not in g.not_place and not _accept(text, s, e, alias, ents, sent_starts, g):
            continue   # a rejected name does not block the shorter ones inside it
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, alias))   # a not_place name is kept here only to block the names inside it
    chosen = sorted(c for c in chosen if c[2] not in g.not_place)
    # Countries named unambiguously give context for the rest.
    context = set()
    for s, e, alias in chosen:
        cands = g.lookup(alias)
        if len(cands) == 1 and g.rows[cands[0][0]].country:
            context.add(g.rows[cands[0][0]].country)
    chosen = [c for c in chosen if _foreign_ok(text, *c, ents, context, g)]
    if g.clubs and sum(1 for w in re.findall(r"\w+", text[:3000]) if w in g.sports_cues) >= 3:
        chosen = [c for c in chosen if not _club(text, *c, g)]
    # Unambiguous Indonesian places anchor the ambiguous ones ("Kecamatan Ciledug, Kota Tangerang").
    anchors = []
    for s, e, alias in chosen:
        cands = g.lookup(alias)
        r = g.rows[cands[0][0]]
        if len(cands) == 1 and r.country == "IDN" and r.feature != "country" and r.lat is not None:
            anchors.append((r.lat, r.lon))
    out = []
    for s, e, alias in chosen:
        cands = g.lookup(alias)
        best = max(cands, key=lambda c: _score(g.rows[c[0]], alias, context, g)
                   + (_near(g.rows[c[0]], anchors) if len(cands) > 1 else 0))
        out.append(PlaceMatch(s, e, text[s:e], g.rows[best[0]]))
    return out


def _near(row: GazRow, anchors, km: float = 150.0) -> float:
    """+25 when the candidate lies within ``km`` of a place named unambiguously in the article."""
    if row.lat is None or not anchors:
        return 0.0
    for la, lo in anchors:
        if abs(row.lat - la) < km / 111 and abs(row.lon - lo) < km / 111 / max(0.2, math.cos(math.radians(la))):
            return 25.0
    return 0.0


def _club(text, s, e, alias, g: Gazetteer) -> bool:
    """In a sports article, "Napoli mengakhiri musim" is the club; "ke Turin" or "di Madrid" the city."""
    if alias not in g.clubs:
        return False
    prev = _word_before(text, s)
    return not (prev.lower() in g.cues or prev in g.cues)


_CAP_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_CAP_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")


def _not_inside_name(text, s, e, alias, g: Gazetteer, sent_starts) -> bool:
    """False when a one-word city name is part of a longer proper name ("Vladimir Putin")."""
    if " " in alias or "-" in alias:
        return True
    cands = g.lookup(alias)
    if any(g.rows[i].key[0] in "CPX" for i, _ in cands):
        return True
    if g.title_before_re.search(text[max(0, s - 20):s]):
        return True   # "Bupati Poso Darmin": the office names the place
    m = _CAP_AFTER.match(text, e)
    if (m and m.group(1) not in g.alias and m.group(1) not in g.time_words and m.group(1) not in g.prefix
            and m.group(1) not in g.compass):
        return False
    if alias in g.explicit or all(g.rows[i].country == "IDN" for i, _ in cands):
        return True
    m = _CAP_BEFORE.search(text[max(0, s - 30):s])
    if m and m.group(1) not in g.prefix and m.group(1) not in g.cues:
        ws = m.start(1) + max(0, s - 30)
        at_start = ws == 0 or (sent_starts is not None and ws in sent_starts) or text[:ws].rstrip()[-1:] in ".!?\"“”"
        if not at_start:
            return False
    return True


class _EntIndex(list):
    """NER spans sorted by start, with a containment lookup by bisection (spaCy ents do not overlap)."""

    def __init__(self, ents):
        super().__init__(sorted(ents or []))
        self.starts = [x[0] for x in self]

    def containing(self, s: int, e: int) -> list[str]:
        i = bisect_right(self.starts, s) - 1
        return [self[i][2]] if i >= 0 and e <= self[i][1] else []


def _foreign_ok(text, s, e, alias, ents, context, g: Gazetteer) -> bool:
    """A one-word foreign city that is no capital, no exonym and under a million people is often a
    surname ("Miyazaki", "Valencia"): keep it only with a place cue, a LOC entity or its country
    named in the article."""
    if " " in alias or alias in g.explicit:
        return True
    cands = [g.rows[i] for i, _ in g.lookup(alias)]
    if any(r.key[0] != "G" or r.country == "IDN" or r.population >= 1_000_000 for r in cands):
        return True
    if any(r.country in context for r in cands):
        return True
    if any(lab in PLACE_LABELS for lab in ents.containing(s, e)):
        return True
    prev = _word_before(text, s)
    return prev in g.cues or prev.lower() in g.cues


def _accept(text, s, e, alias, ents, sent_starts, g: Gazetteer) -> bool:
    cands0 = g.lookup(alias)
    strong = " " in alias or any(g.rows[i].key[0] in "CPSX" for i, _ in cands0)
    for lab in ents.containing(s, e):
        if lab in VETO_LABELS and not strong:
            return False   # a person ("Bima Arya"); countries, provinces, states and regions are kept ("Florida" tagged PER)
    if g.org_before_re.search(text[max(0, s - 30):s]):
        return False
    if not _not_inside_name(text, s, e, alias, g, sent_starts):
        return False
    m = re.match(r"\s+([A-Z][A-Za-z]*)", text[e:e + 20])
    if m and m.group(1) in g.org_after:
        return False
    cands = g.lookup(alias)
    if cands and all(w for _, w in cands):
        if any(lab in PLACE_LABELS for lab in ents.containing(s, e)):
            return True
        prev = _word_before(text, s)
        if prev in g.cues or prev.lower() in g.cues:
            return True
        if s == 0 and re.match(r"\s*[,(]", text[e:e + 3]):
            return True   # dateline: "Serang, Banten (ANTARA News)"
        if any(w == 2 for _, w in cands):
            return False   # strictly weak: "Anda", "Natal", "Jordan" need a cue
        nxt = _CAP_AFTER.match(text, e)
        if nxt and nxt.group(1) in g.alias:
            return False   # "Negara Israel": a common noun before a place name
        at_start = (sent_starts is not None and s in sent_starts) or not prev or prev[-1] in ".!?\"“”"
        return bool(prev) and not at_start and prev[0].islower() and prev.isalpha()
    return True


# --------------------------------------------------------------------------- API for events


def place_for_span(doc, start_char: int, end_char: int):
    """Best ``record.Place`` for a clause: a place after "di" inside it first, then the nearest
    inside it, then the nearest in its sentence. None when there is none."""
    places = list(getattr(doc._, "places", None) or [])
    if not places:
        return None
    inside = [p for p in places if p.start >= start_char and p.end <= end_char]
    if not inside:
        s0, s1 = start_char, end_char
        from warta.components.times import sentence_spans

        for a, b in sentence_spans(doc) or []:
            if a <= start_char < b:
                s0, s1 = a, max(b, end_char)
                break
        inside = [p for p in places if p.start >= s0 and p.end <= s1]
    if not inside:
        return None
    from warta.components.times import doc_text

    mid = (start_char + end_char) / 2
    text = doc_text(doc)
    return min(inside, key=lambda p: (0 if _word_before(text, p.start).lower() == "di" else 1,
                                      abs((p.start + p.end) / 2 - mid)))


# --------------------------------------------------------------------------- spaCy component


def _mention_index(entities) -> tuple[dict, list]:
    """(exact (start, end) -> entity id, [(start, end, id) of LOC mentions]) from doc._.entities."""
    exact, loc = {}, []
    for ent in entities or []:
        for m in getattr(ent, "mentions", []) or []:
            exact.setdefault((m.start, m.end), ent.id)
            if getattr(ent, "type", None) == "LOC":
                loc.append((m.start, m.end, ent.id))
    return exact, loc


def _entity_for(index, s: int, e: int) -> Optional[str]:
    """The entity whose mention is this very span, else a LOC entity whose mention contains it."""
    exact, loc = index
    if (s, e) in exact:
        return exact[(s, e)]
    return next((i for ms, me, i in loc if ms <= s and e <= me), None)


class PlacesComponent:
    """Thin wrapper: runs ``find_places`` on the doc and writes ``doc._.places``."""

    def __init__(self, nlp, name: str = "warta_places"):
        self.name = name
        self.gaz = gazetteer()

    def __call__(self, doc):
        from warta.record import Place

        from warta.components.times import doc_text, sentence_spans

        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        mentions = _mention_index(getattr(doc._, "entities", None))
        places = []
        text = doc_text(doc)   # Doc.text joins every token on each access: shared, cached
        for i, p in enumerate(find_places(text, ents, sentence_spans(doc), self.gaz), 1):
            r = p.row
            places.append(Place.model_construct(id=f"p{i}", start=p.start, end=p.end, text=p.text, name=r.name,
                                geonames=r.geonames, lat=r.lat, lon=r.lon, country=r.country,
                                feature=r.feature, entity=_entity_for(mentions, p.start, p.end)))
        doc._.places = places
        return doc


def make_places(nlp, name: str):
    return PlacesComponent(nlp, name)


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    for ext in ("places", "entities"):
        if not Doc.has_extension(ext):
            Doc.set_extension(ext, default=None)
    if "warta_places" not in Language.factories:
        Language.factory("warta_places", assigns=["doc._.places"])(make_places)


_register()
