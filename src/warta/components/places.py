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
from warta.kb.normalize import one_edit_apart
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
        self.locatives = {w for w, target in ctx.get("cue", {}).items() if target == "locative"}
        self.lower_words = set(ctx.get("lower_word", {}))
        self.epithet_before = set(ctx.get("epithet_before", {}))
        self.org_before = set(ctx.get("org_before", {}))
        self.org_after = set(ctx.get("org_after", {}))
        self.org_before_re = re.compile(r"(?:^|\s)(?:" + "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(self.org_before, key=len, reverse=True))
            + r"|Pers[a-z]{2,})\s+$")
        self.not_place = set(ctx.get("not_place", {}))
        self.list_words = (",", "-") + tuple(ctx.get("list_join", {}))   # "Laos, Nyanmar dan Malysia"
        seps = "|".join(map(re.escape, self.list_words))
        self.list_sep_before = re.compile(rf"\s*(?:{seps})\s*$")
        self.list_sep_after = re.compile(rf"\s*(?:{seps})\s*")
        langs = sorted(ctx.get("language_before", {}), key=len, reverse=True)
        # "bahasa Jepang", and a dialect named after a place: "bahasa Inggris Yorkshire"
        self.language_re = re.compile(r"(?:^|\W)(?i:" + "|".join(map(re.escape, langs)) + r")\s+(?:[A-Z][a-z]+\s+)?$") if langs else None
        self.compass = set(ctx.get("compass", {}))
        self.hamlet_cues = set(ctx.get("hamlet_cue", {}))    # "Dusun Widoro": a unit below a village
        titles = sorted(ctx.get("district_title", {}), key=len, reverse=True)
        self.district_re = re.compile(r"\b(?:" + "|".join(map(re.escape, titles))
                                      + r")\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)") if titles else None
        vt = sorted(ctx.get("village_title", {}), key=len, reverse=True)   # "Lurah Grogol Selatan"
        self.village_re = re.compile(r"\b(?:" + "|".join(map(re.escape, vt))
                                     + r")\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)") if vt else None
        intro = sorted(ctx.get("list_intro", {}), key=len, reverse=True)   # "keempat kecamatan itu ialah Leles, …"
        units = sorted((w for w, t in ctx.get("locality_cue", {}).items() if w.islower() and {"village", "district"} & set(t.split())),
                       key=len, reverse=True)
        self.list_intro_re = re.compile(r"\b(?P<cue>" + "|".join(map(re.escape, units)) + r")(?:\s+(?:itu|tersebut|ini))?\s+(?:"
                                        + "|".join(map(re.escape, intro)) + r")\s+$", re.I) if intro and units else None
        self.clubs = set(ctx.get("club", {}))
        fac = sorted(ctx.get("facility", {}), key=len, reverse=True)
        self.facility_words = set(fac)
        self.after_facility_re = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in fac)
                                            + r")\s[^,.;\n]{1,40},\s*$") if fac else None
        def words_re(kind):
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ctx.get(kind, {}), key=len, reverse=True))
        self.route_re = re.compile(r"(?:^|\s)(?:" + words_re("route_before") + r")\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*-\s*)?$") \
            if ctx.get("route_before") else None
        self.org_lead_re = re.compile(r"(?:^|\s)(?:" + words_re("org_lead") + r")(?:\s+[A-Z][\w.]*){1,2}\s+$") \
            if ctx.get("org_lead") else None
        self.org_of_place = set(ctx.get("org_of_place", {})) | {w.split()[-1] for w in ctx.get("title_before", {})}
        self.sports_cues = set(ctx.get("sports_cue", {}))
        self.title_before_re = re.compile(r"(?:^|\s)(?:" + "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ctx.get("title_before", {}), key=len, reverse=True))
            + r")\s+$")
        for name in self.not_place:
            self.auto.add_word(name, name)
        self.auto.make_automaton()
        self.locality_cue = {w: set(t.split()) for w, t in ctx.get("locality_cue", {}).items()}
        self.locality_cue_re = re.compile(r"(?:^|(?<=\s))(?P<cue>" + "|".join(
            re.escape(w) for w in sorted(self.locality_cue, key=len, reverse=True)) + r")\s+$")
        self.media = set(ctx.get("media", {}))
        self.quote_before_re = re.compile(r"(?:^|\s)(?:" + words_re("quote_before") + r")\s+$") \
            if ctx.get("quote_before") else None
        self.derby = set(ctx.get("derby", {}))
        fw = words_re("feature_word")
        self.feature_re = re.compile(r"\b(?i:" + fw + r")\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?=\s*,\s*$)") \
            if fw else None   # searched in the few characters before each known place (speed)
        self.feature_name_re = re.compile(r"(?<![\w-])(?P<fw>(?i:" + fw + r"))\s+(?P<x>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?)") \
            if fw else None   # "Kali Krukut", "Candi Borobudur": a feature named after a district or village
        self.club_verb_re = re.compile(r"(?:^|\s)(?:" + words_re("club_verb") + r")\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*(?:,|dan|serta)\s*){0,4}(?:[A-Z][\w.]*\s+){0,2}$"
                                       r"|bergabung\s+(?:ke|dengan)\s+(?:[A-Z][\w.]*\s+){1,3}dari\s+$") \
            if ctx.get("club_verb") else None
        self.explicit = {a for a, *_ in table("places_aliases.tsv")}
        self.name_lead = set(ctx.get("name_lead", {}))
        self.feature_words = set(ctx.get("feature_word", {}))
        self.feature_auto = ahocorasick.Automaton()
        for w in self.feature_words:
            for form in {w, w.lower(), w.upper()}:
                self.feature_auto.add_word(form + " ", len(form) + 1)
        self.feature_auto.make_automaton()
        self._typo = None
        self.time_words = {f for f, *_ in table("time_weekdays.tsv")} | {f for f, *_ in table("time_months.tsv")}

    def typo_index(self) -> dict[str, list[str]]:
        """Single-word names of countries, provinces and regencies (6+ letters) by themselves and by
        each one-letter deletion, lower case: the candidates for a misspelt name."""
        if self._typo is None:
            idx: dict[str, list[str]] = {}
            for a, cands in self.alias.items():
                if " " in a or len(a) < 6 or not a[0].isupper() or any(w for _, w in cands):
                    continue
                if not any(self.rows[i].key[:2] in ("C:", "P:", "R:") or self.rows[i].population >= 1_000_000
                           for i, _ in cands):
                    continue
                low = a.lower()
                for k in {low, *(low[:i] + low[i + 1:] for i in range(len(low)))}:
                    idx.setdefault(k, []).append(a)
            self._typo = idx
        return self._typo

    def one_edit_aliases(self, low: str) -> set[str]:
        """Aliases one letter away from the lower-cased word ``low`` (a typo of them)."""
        index = self.typo_index()
        found = set(index.get(low, ()))
        for i in range(len(low)):
            found.update(index.get(low[:i] + low[i + 1:], ()))
        return {x for x in found if one_edit_apart(low, x.lower())}

    def sports_text(self, text: str) -> bool:
        """Three sports words (``sports_cue`` rows) in the first 3,000 characters: a sports article,
        where a bare city name is usually the club."""
        return sum(1 for w in re.findall(r"\w+", text[:3000]) if w in self.sports_cues) >= 3

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


_HYPHEN_NAME = re.compile(r"-[A-Z][a-z]+\s+[A-Z][a-z]+")


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
        if text.startswith("-", end + 1) and _HYPHEN_NAME.match(text, end + 1) \
                and not any(g.rows[i].key[0] in "CPSX" for i, _ in g.lookup(alias)):
            continue   # "Ann-Laure Decadt": a hyphenated first name before a surname, not "Ann"
        hits.append((start, end + 1, alias))
    # NER place spans the automaton did not see (e.g. "kota Bandung" lower-case prefix, all caps)
    seen = {(h[0], h[1]) for h in hits}
    for s, e, lab in ents:
        if lab in PLACE_LABELS:
            span = text[s:e]
            cands = g.lookup(span)
            if span.islower() and (span in g.lower_words or any(weak for _, weak in cands)
                                   or _word_before(text, s).lower() in g.epithet_before):
                continue   # "gelandang serang", "di medan perang", "asam jawa": the NER's lower-case word;
                # "burung pelanduk kalimantan", "orangutan sumatera": a species' epithet
            if cands and (s, e) not in seen:
                hits.append((s, e, span if span in g.alias else span.title()))
    # "Malang Raya", "Bandung Raya": a city's metropolitan area, at the city's point (not "Jalan Bogor Raya")
    for s, e, alias in list(hits):
        if text.startswith(" Raya", e) and not (e + 5 < len(text) and text[e + 5].isalnum()) \
                and any(g.rows[i].country == "IDN" and g.rows[i].key[:2] in ("R:", "G:") for i, _ in g.lookup(alias)) \
                and _word_before(text, s) not in g.name_lead:
            hits.append((s, e + 5, alias))
    # "Kapolsek Ciledug": a bare district name after a district office
    if g.district_re is not None:
        for m in g.district_re.finditer(text):
            for k in (2, 1):
                words = m.group(1).split()[:k]
                name = " ".join(words)
                if len(words) != k:
                    continue
                # "Polsek Tambun" covers Kecamatan Tambun Selatan / Utara: the first such district
                key = next((c for c in (f"Kecamatan {name}", *(f"Kecamatan {name} {w}" for w in sorted(g.compass)))
                            if c in g.alias), None)
                if key is not None:
                    s0 = m.start(1)
                    hits.append((s0, s0 + len(name), key))
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
    surnames = _surnames(text, ents)
    if surnames:   # "Peter Bone … Bone mengatakan": the person again, not Kabupaten Bone
        chosen = [c for c in chosen if text[c[0]:c[1]] not in surnames or _word_before(text, c[0]).lower() in g.cues
                  or any(g.rows[i].key[0] in "CPSX" for i, _ in g.lookup(c[2]))]   # not a country, province, state
    chosen = _listed_persons(text, hits, chosen, taken, ents, g)
    chosen = _typos(text, chosen, taken, ents, g)
    chosen = _dateline_typo(text, chosen, taken, g)
    # Countries named unambiguously give context for the rest.
    context = set()
    for s, e, alias in chosen:
        cands = g.lookup(alias)
        if len(cands) == 1 and g.rows[cands[0][0]].country:
            context.add(g.rows[cands[0][0]].country)
    chosen = [c for c in chosen if _foreign_ok(text, *c, ents, context, g)]
    if g.clubs and g.sports_text(text):
        chosen = [c for c in chosen if not _club(text, *c, g) and not _club_by_verb(text, *c, g)]
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
    if any(m.row.country == "IDN" for m in out):
        out = _local_places(text, out, ents, sent_starts, g)
        out = _features(text, out, g)
        out = _named_features(text, out, ents, g)
        out = _repeated_local(text, out, ents, g)
    if any(m.row.country not in (None, "IDN") for m in out):
        out = _small_places(text, out, ents)
    return out


_LIST_SEP = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+|atau\s+)?|\s+(?:dan|serta|atau)\s+)")


def _listed_persons(text, hits, chosen, taken, ents, g: Gazetteer):
    """An Indonesian regency or city the NER read as a person but listed between places: "kampanye di
    Manado, Tomohon, Bolaang Mongondow Utara", "yakni Merauke, Asmat, dan Yalimo" — joined by a comma or
    "dan" to a place on one side and followed by a comma, "dan" or the sentence's end (so "di Bogor, Bima
    menegaskan" keeps the mayor)."""
    if not chosen:
        return chosen
    spans = {(c[0], c[1]) for c in chosen}
    starts = {c[0] for c in chosen}
    ends = {c[1] for c in chosen}
    add = []
    for s, e, alias in hits:
        if (s, e) in spans or any(taken[s:e]) or not any(lab in VETO_LABELS for lab in ents.containing(s, e)):
            continue
        if not any(g.rows[i].country == "IDN" and g.rows[i].key[:2] in ("R:", "G:") for i, _ in g.lookup(alias)):
            continue
        after = _LIST_SEP.match(text, e)
        goes_on = after is not None or re.match(r"\s*[.;]", text[e:e + 2])
        before = re.search(r"(?:,\s*(?:dan\s+|serta\s+|atau\s+)?|\s+(?:dan|serta|atau)\s+)$", text[max(0, s - 12):s])
        prev_place = before is not None and (s - len(before.group(0))) in ends
        next_place = after is not None and after.end() in starts
        if goes_on and (prev_place or next_place):
            add.append((s, e, alias))
            taken[s:e] = b"\x01" * (e - s)
    return sorted(chosen + add) if add else chosen


# --------------------------------------------------------------------------- misspelt names


# a capitalised word of 6+ letters that does not go on into a longer name ("Kampung Melayu", "Gorong - gorong")
_CAP_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]{5,}(?![\w-])(?![ \t]+[A-Z])(?!\s*-)")


def _surnames(text: str, ents) -> set[str]:
    """Last words of the persons the NER reads whole ("Peter Bone", "Lewis Hamilton"): alone later on,
    such a word names the person, whatever place shares it."""
    from warta.components.person_names import name_tables

    given = name_tables()[0]
    out = set()
    for s, e, lab in ents:
        if lab in VETO_LABELS:
            words = text[s:e].split()
            # two or three words opening with a given name ("Peter", "Lewis"): a name read whole
            if 2 <= len(words) <= 3 and words[0].lower() in given and words[-1][:1].isupper() \
                    and words[-1][1:].islower() and len(words[-1]) >= 3:
                out.add(words[-1])
    return out


def _typos(text, chosen, taken, ents, g: Gazetteer):
    """A country, province or regency name one letter off ("Malysia", "Nyanmar", "Sinegal") after
    a place cue ("di", "ke", "asal") where the NER reads a place, or next to another country in a
    list of countries ("Laos, Nyanmar, Malysia, Nepal"): news copy keeps such typos, the reader
    still means the place. Only articles with a list of countries or an unplaced LOC span are scanned."""
    ends = {c[1]: c for c in chosen}
    starts = {c[0]: c for c in chosen}
    cands_pos = []   # (start, end, by_cue)
    for es, ee, lab in ents:   # the cue route: an NER place span of one capitalised word
        if lab in PLACE_LABELS and not any(taken[es:ee]):
            m = _CAP_WORD.fullmatch(text, es, ee) if ee - es >= 6 else None
            if m:
                prev = _word_before(text, es)
                if prev in g.cues or prev.lower() in g.cues:
                    cands_pos.append((es, ee, True))
    countries = sum(1 for c in chosen if any(g.rows[i].feature == "country" for i, _ in g.lookup(c[2])))
    if countries >= 2:   # the list route
        for m in _CAP_WORD.finditer(text):
            s, e = m.span()
            if taken[s] or not (text[max(0, s - 7):s].rstrip().endswith(g.list_words)
                                or text[e:e + 7].lstrip().startswith(g.list_words)):
                continue
            sep_l = g.list_sep_before.search(text[max(0, s - 8):s])
            sep_r = g.list_sep_after.match(text[e:e + 8])
            neighbours = [n for n in (ends.get(s - len(sep_l.group())) if sep_l else None,
                                      starts.get(e + sep_r.end()) if sep_r else None) if n is not None]
            if any(any(g.rows[i].feature == "country" for i, _ in g.lookup(n[2])) for n in neighbours):
                cands_pos.append((s, e, False))
    if not cands_pos:
        return chosen
    extra = []
    for s, e, by_cue in cands_pos:
        w = text[s:e]
        if w in g.alias or w in g.time_words or any(x[0] == s for x in extra):
            continue
        if any(lab in VETO_LABELS for lab in ents.containing(s, e)) or _squash(w) in _localities().exact \
                or w in _small_cities():
            continue   # a person; a real village ("Tangkerang") or town
        found = g.one_edit_aliases(w.lower())
        if len(found) != 1:
            continue
        alias = found.pop()
        if by_cue or any(g.rows[i].feature == "country" for i, _ in g.lookup(alias)):
            extra.append((s, e, alias))
    return sorted(chosen + extra) if extra else chosen


_DATELINE = re.compile(r"\s*([A-Za-z]{5,})\s*(?:\(|,)[^\n]{0,40}?\s[-–—]")


def _dateline_typo(text, chosen, taken, g: Gazetteer):
    """A misspelt dateline city: "Jakart (ANTARA News) -", "AKARTA (Pos Kota) –" is the city one
    letter off (a country, province, regency or a city of a million), when no other name is that close."""
    m = _DATELINE.match(text)
    if not m or any(taken[m.start(1):m.end(1)]):
        return chosen
    w = m.group(1)
    low = w.lower()
    if w.isupper() and w.title() in g.alias and any(wk == 1 for _, wk in g.alias[w.title()]):
        # "MALANG, KOMPAS —": a city whose name is also an ordinary word ("malang") has no upper-case
        # alias in the automaton; in the dateline it is the city
        return sorted(chosen + [(m.start(1), m.end(1), w.title())])
    if w in g.alias or w.title() in g.alias or low.title() in g.time_words:
        return chosen
    found = g.one_edit_aliases(low)
    if len(found) != 1:
        return chosen
    return sorted(chosen + [(m.start(1), m.end(1), found.pop())])


# --------------------------------------------------------------------------- districts and villages


def _squash(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())


class _Localities:
    """Every Indonesian district and village (``kb/data/localities.tsv.gz``), by squashed name
    ("Kampungdalem" = "Kampung Dalem"), plus by the name without a compass word ("Sudimara" finds
    Sudimara Barat/Timur/Jaya… when no village is called just that)."""

    def __init__(self, path=None):
        import gzip

        self.exact: dict[str, list[tuple[str, str, float, float]]] = {}
        self.base: dict[str, list[tuple[str, str, float, float]]] = {}
        compass = ("Barat", "Timur", "Utara", "Selatan", "Tengah", "Baru", "Jaya", "Lama", "Ilir", "Ulu",
                   "Hilir", "Hulu", "Pinang", "Dalam", "Luar", "Kidul", "Lor", "Wetan", "Kulon")
        with gzip.open(path or KB_DATA / "localities.tsv.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or line.startswith("code\t"):
                    continue
                code, name, lat, lon = line.rstrip("\n").split("\t")
                row = (code, name, float(lat), float(lon))
                self.exact.setdefault(_squash(name), []).append(row)
                words = name.split()
                if len(words) > 1 and (words[-1] in compass or re.fullmatch(r"[IVX]+|\d+", words[-1])):
                    # "Ie Tarek I" / "Ie Tarek II": "Gampong Ie Tarek" finds them
                    self.base.setdefault(_squash(" ".join(words[:-1])), []).append(row)


@lru_cache(maxsize=1)
def _localities() -> _Localities:
    return _Localities()


@lru_cache(maxsize=1)
def _small_cities() -> dict[str, list[GazRow]]:
    """Foreign towns of 15,000-99,999 people, and US/British ones of 1,000-14,999, by name
    (``kb/data/places_small.tsv.gz``)."""
    import gzip

    out: dict[str, list[GazRow]] = {}
    with gzip.open(KB_DATA / "places_small.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            name, cc, adm, lat, lon, gid, pop = line.rstrip("\n").split("\t")
            out.setdefault(name, []).append(GazRow(f"G:{gid}", name, "city", cc or None, float(lat), float(lon),
                                                   int(gid), int(pop)))
            if cc == "USA":
                out.setdefault(f"{name}|US-{adm}", []).append(out[name][-1])
    return out


_BEFORE_COMMA = re.compile(r"(?:^|[\s(])((?:[A-Z][\w'’.]*)(?:[ -][A-Z][\w'’.]*){0,2}),\s*"
                           r"(?:(?:bagian\s+)?(?:utara|selatan|barat|timur|tengah)(?:\s+(?:laut|daya))?\s+)?$")


def _small_places(text, out: list[PlaceMatch], ents) -> list[PlaceMatch]:
    """A town the gazetteer lacks, placed by the text itself in its country or US state:
    "Flint, Michigan", "Takistan, Iran"."""
    small = _small_cities()
    taken = {(m.start, m.end) for m in out}
    starts = {m.start for m in out}
    extra = []
    for m in out:
        r = m.row
        if r.country in (None, "IDN") or r.feature not in ("country", "admin"):
            continue
        b = _BEFORE_COMMA.search(text, max(0, m.start - 40), m.start)
        if not b or b.start(1) in starts:
            continue
        name = b.group(1)
        if any(lab in VETO_LABELS for lab in ents.containing(b.start(1), b.end(1))):
            continue
        key = f"{name}|{r.key[2:]}" if r.key.startswith("S:US-") else name
        rows = [x for x in small.get(key, ()) if x.country == r.country]
        if rows and (b.start(1), b.end(1)) not in taken:
            extra.append(PlaceMatch(b.start(1), b.end(1), name, max(rows, key=lambda x: x.population)))
            starts.add(b.start(1))
    extra += _small_from_context(text, out + extra, ents, small)
    return sorted(out + extra, key=lambda x: x.start) if extra else out


# towns under this size are looked up only right before their state or county ("Wasilla, Alaska"):
# read from the article's context alone they met names and campuses ("dari Cromwell", "di Harvard")
_TOWN_POP = 15000
_LEAD_FEATURE = re.compile(r"(?:Pantai|Kota|Teluk|Pulau|Danau)\s+")
_SMALL_SUFFIX = (" Beach", " City")


def _small_from_context(text, out: list[PlaceMatch], ents, small) -> list[PlaceMatch]:
    """A name the NER reads as a place and no table knows, that is a small town of a country or
    US state the article names elsewhere: "Pantai New Smyrna … Volusia County, Florida" (New Smyrna
    Beach, FL), "di dekat Sarmada, Suriah". The "X Beach / X City" variants count as X."""
    countries = {m.row.country for m in out if m.row.feature == "country" and m.row.country}
    states = {m.row.key[2:] for m in out if m.row.key.startswith("S:US-")}
    if not countries and not states:
        return []
    taken = bytearray(len(text))
    for m in out:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    cands, placed = [], set()
    for s, e, lab in ents:
        if lab not in PLACE_LABELS or any(taken[s:e]):
            continue
        lead = _LEAD_FEATURE.match(text, s, e)
        s0 = lead.end() if lead else s
        name = text[s0:e]
        if not name[:1].isupper():
            continue
        bare = next((name[: -len(x)] for x in _SMALL_SUFFIX if name.endswith(x)), name)
        rows = []
        for key in (name, bare, *(bare + x for x in _SMALL_SUFFIX)):
            rows += [r for st in states for r in small.get(f"{key}|{st}", ()) if r.population >= _TOWN_POP]
            rows += [r for r in small.get(key, ())
                     if r.country in countries and r.country != "USA" and r.population >= _TOWN_POP]
        if rows:
            row = max(rows, key=lambda x: x.population)
            cands.append((s0, e, name, row))
            prev = _word_before(text, s)
            if lead or prev in gazetteer().cues or prev.lower() in gazetteer().cues:
                placed.add(row.key)   # once a cue shows the town is meant, its other mentions are it too
    return [PlaceMatch(s0, e, name, row) for s0, e, name, row in cands if row.key in placed]


def _km(lat1, lon1, lat2, lon2) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _radius(row: GazRow) -> float:
    """How far a unit inside ``row`` may lie from ``row``'s point: a province is wide, a district small."""
    if row.key.startswith("P:"):
        return 250.0
    if row.key.startswith(("D:", "V:")):
        return 12.0
    return 45.0


_NAME = re.compile(r"[A-Z][a-z]+(?:(?:[ ]|-)[A-Z][a-z]+){0,2}")
_UNIT_WORD = re.compile(r"(?:Kecamatan|Kabupaten|Kota|Provinsi|Kelurahan|Desa|Kab\.|Kec\.)\s+")
_ADDRESS_GAP = re.compile(r"\s*(?:No\.?\s*\d+\s*[A-Z]?\s*)?(?:RT\.?\s*\d+\s*/\s*(?:RW\.?\s*)?\d+\s*)?,?\s*")
# "ke Larat di Kabupaten Kepulauan Tanimbar", "ke Saumlaki, ibu kota Kabupaten Kepulauan Tanimbar": the next
# part of an address after "di" (before a unit word) or after "ibu kota"
_ADDRESS_DI = re.compile(r"\s+di\s+(?=(?:Kecamatan|Kabupaten|Kota|Provinsi|Kab\.|Kec\.)\s)|,\s*ibu\s?kota\s+")


def _code(row: GazRow) -> Optional[str]:
    """The Kemendagri code of a province, regency, district or village row ("P:62", "R:6202", "D:620217")."""
    return row.key[2:] if row.key[:2] in ("P:", "R:", "D:", "V:") and row.key[2:].isdigit() else None


def _local_row(name: str, kinds: set, near: list[tuple]) -> Optional[GazRow]:
    """The district or village called ``name`` nearest one of ``near`` (lat, lon, radius km[, code]):
    within the radius, or inside the unit whose Kemendagri code is given."""
    L = _localities()
    key = _squash(name)
    for table_ in (L.exact, L.base):
        best, best_d = None, None
        for code, nm, la, lo in table_.get(key, ()):
            kind = "district" if len(code) == 6 else "village"
            if kinds and kind not in kinds:
                continue
            for a_la, a_lo, r, *code_of in near:
                d = _km(la, lo, a_la, a_lo)
                # inside the next part by its Kemendagri code, however far from its point (wide districts)
                inside = bool(code_of and code_of[0] and code.startswith(code_of[0]))
                if (d <= r or inside) and (best_d is None or d < best_d):
                    best, best_d = (code, nm, la, lo), d
        if best:
            code, nm, la, lo = best
            if len(code) == 6:
                return GazRow(f"D:{code}", f"Kecamatan {nm}", "admin", "IDN", la, lo, None, 0)
            return GazRow(f"V:{code}", nm, "other", "IDN", la, lo, None, 0)
    return None


def _local_places(text, out: list[PlaceMatch], ents, sent_starts, g: Gazetteer) -> list[PlaceMatch]:
    """Districts and villages the gazetteer does not name: in an address ("Krukut, Tamansari,
    Jakarta Barat": each part lies inside the next), after "Desa/Kelurahan/Kecamatan" or, within
    50 km of an Indonesian place the article names, after "warga/di"; and a known name that an
    address puts elsewhere ("Hotel JS Luwansa, Kuningan, Jakarta" is Jakarta's Kuningan, not the
    regency)."""
    by_start = {m.start: m for m in out}
    idn = [(m.row.lat, m.row.lon, 50.0) for m in out if m.row.country == "IDN" and m.row.feature != "country"
           and m.row.lat is not None]
    taken = bytearray(len(text))
    for m in out:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    parts, pos = [], 0
    for m in out:   # the known places blanked out, so a capitalised run stops at them
        if m.start >= pos:
            parts += [text[pos:m.start], "#" * (m.end - m.start)]
            pos = m.end
    masked = "".join(parts) + text[pos:]
    names = sorted([(x.start(), x.end()) for x in _NAME.finditer(masked)] + [(m.start, m.end) for m in out])
    found: dict[int, PlaceMatch] = {}
    # a list after a unit word names units of that kind: "Kecamatan Adimulyo, Karanganyar, Ambal, dan Mirit",
    # "Desa Sempor, Wonorejo, Meles …" (left to right, each name inheriting the cue of the one before it)
    listed: dict[int, str] = {}
    prev_end, prev_cue, prev_intro, intro = None, None, False, set()   # intro: a list opened by "kecamatan itu ialah"
    for s, e in names:
        w0 = text[s:e].split()[0]
        own = w0 if w0 in g.locality_cue and "span" in g.locality_cue[w0] and w0[0].isupper() else None
        if own is None and prev_cue and prev_end is not None and _LIST_SEP.fullmatch(text[prev_end:s]):
            listed[s] = prev_cue
            own = prev_cue
            if prev_intro:
                intro.add(s)
        elif own is None and g.list_intro_re is not None and (im := g.list_intro_re.search(text[max(0, s - 40):s])):
            own = listed[s] = im.group("cue").lower()   # "Keempat kecamatan itu ialah Leles, Agrabinta, …"
            intro.add(s)
        prev_intro = s in intro
        prev_end, prev_cue = e, own
    for s, e in reversed(names):   # right to left: the next part of an address is resolved first
        cue_m = g.locality_cue_re.search(text[max(0, s - 12):s])
        cue = cue_m.group("cue") if cue_m else listed.get(s)
        words = text[s:e].split()
        s_run = None
        k = next((k for k in range(1, len(words) - 1) if words[k] in g.locality_cue and words[k][0].isupper()), None)
        if k is not None:   # "Bhabinkamtibmas Kelurahan Kambajawa": the cue stands inside the capitalised run
            s = s + len(" ".join(words[:k])) + 1
            words = words[k:]
        if words[0] in g.locality_cue and len(words) > 1:
            cue = words[0]   # "Kelurahan Dukuh": the cue is part of the capitalised run
            s_run, s = s, s + len(words[0]) + 1
        name = text[s:e]
        if cue is None and by_start.get(s) is None and re.search(r"(?:^|\s)[A-Z][A-Za-z]*\.?[ ]$", text[max(0, s - 20):s]):
            continue   # "Markas Besar TNI Cilangkap": the end of a longer name
        if name in g.time_words or name in g.not_place or name in g.facility_words:
            continue   # "Pasar Senen": the market word is no village
        per = any(lab in VETO_LABELS for lab in ents.containing(s, e))
        # the next part of the address, if any
        gap = _ADDRESS_DI.match(text, e) or _ADDRESS_GAP.match(text, e)
        nxt = gap.end() if gap.end() > e else None
        pm = _UNIT_WORD.match(text, nxt) if nxt is not None else None
        if nxt is not None and "," not in text[e:nxt] and not pm or (gap.re is _ADDRESS_DI and not pm and by_start.get(nxt) is None):
            nxt = None   # "Cigugur Kabupaten Kuningan" needs no comma; a bare name does
        nxt_m = (found.get(nxt) or by_start.get(nxt)) if nxt is not None else None
        if nxt_m is None and pm:
            nxt_m = found.get(pm.end()) or by_start.get(pm.end()) or by_start.get(nxt)
        near = [(nxt_m.row.lat, nxt_m.row.lon, _radius(nxt_m.row), _code(nxt_m.row))] if nxt_m and nxt_m.row.lat is not None \
            and nxt_m.row.country == "IDN" else []
        if near and s in intro and nxt in intro:
            near = []   # "Leles, Agrabinta, Cijati": a list of units of one kind, not an address
        if per and not near and s not in intro:   # (a name in such a list is the unit: "kecamatan itu ialah Leles, …")
            continue   # a person, unless an address puts the name inside the next place ("warga Sudimara, Kecamatan Ciledug")
        known = by_start.get(s)
        if known is not None:
            # an address that puts a known name elsewhere: the local unit of that name wins
            # ... unless both are neighbouring towns of one rank, as in a list ("di Padang, Pariaman,
            # Painan", 55 km apart); a same-named unit far away is moved ("Kuningan, Jakarta Selatan")
            far = near[0][2] if near else 0.0
            if (known.row.key[:2] in ("R:", "G:") and nxt_m is not None and nxt_m.row.key[:2] in ("R:", "G:")):
                far = max(far, 100.0)
            if (near and known.end == e and known.row.feature != "country"
                    and _km(known.row.lat, known.row.lon, near[0][0], near[0][1]) > far):
                row = _local_row(name, set(), near)
                if row is not None:
                    found[s] = PlaceMatch(s, e, name, row)
                    continue
            found.setdefault(s, known)
            continue
        if any(taken[s:e]):
            continue
        if not near and cue is None:
            # a two-word name between commas ("Gereja Oikumene, Samarinda Seberang, Minggu sore")
            if not (len(words) > 1 and re.search(r",\s*$", text[max(0, s - 3):s]) and re.match(r"\s*[,.]", text[e:e + 2])):
                continue
            near = [(la, lo, 30.0) for la, lo, _ in idn]
        kinds = g.locality_cue.get(cue, set()) - {"span", "any"} if cue else set()
        if not near:
            near = idn
        row = _local_row(name, kinds, near)
        if row is None and s_run is not None:   # "Kampung Melayu" is the village's own name
            row = _local_row(text[s_run:e], kinds, near)
            if row is not None:
                s, cue = s_run, None
        if (row is None and cue in g.hamlet_cues and nxt_m is not None and nxt_m.row.key[:2] in ("V:", "D:")
                and s_run is not None):
            # "Dusun Widoro, Desa Bangunharjo, …": a hamlet no table lists lies in the village the address
            # names next; it takes that village's point
            row = GazRow(f"H:{name}", name, "other", "IDN", nxt_m.row.lat, nxt_m.row.lon, None, 0)
        if row is None:
            continue
        start = s - len(cue) - 1 if cue and "span" in g.locality_cue.get(cue, ()) and text[s - len(cue) - 1:s - 1] == cue else s
        found[s] = PlaceMatch(start, e, text[start:e], row)
        taken[start:e] = b"\x01" * (e - start)
    if g.village_re is not None and idn:
        # "Lurah Grogol Selatan Asep Subahan": the village a village head leads, looked up among the villages
        # near the article's places (two words first), over a shorter known name inside it ("Grogol")
        for m in g.village_re.finditer(text):
            words = m.group(1).split()
            for k in (2, 1)[2 - len(words):]:
                name = " ".join(words[:k])
                s0 = m.start(1)
                row = _local_row(name, {"village"}, idn)
                if row is not None:
                    found[s0] = PlaceMatch(s0, s0 + len(name), name, row)
                    break
    new = {m.start: m for m in out}
    for s, m in found.items():
        new[m.start] = m
    return sorted(new.values(), key=lambda m: m.start)


def _features(text, out: list[PlaceMatch], g: Gazetteer) -> list[PlaceMatch]:
    """A feature the tables lack, placed by the text in a known Indonesian place right after it:
    "di Tanjakan Emen, Subang" keeps the slope at Subang's point (feature 'other')."""
    if g.feature_re is None:
        return out
    taken = bytearray(len(text))
    for m in out:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    extra = []
    for nxt in out:
        if nxt.row.country != "IDN" or nxt.row.feature == "country" or nxt.row.key.startswith("P:"):
            continue   # a regency, city, district or village: close enough to stand for the feature
        w0 = max(0, nxt.start - 70)
        if "," not in text[w0:nxt.start]:
            continue
        f = g.feature_re.search(text, w0, nxt.start)
        if f is None or any(taken[f.start():f.end()]):
            continue
        prev = _word_before(text, f.start())
        if not (prev in g.cues or prev.lower() in g.cues):
            continue   # "Mandalika, Tanjung Kelayang, Labuan Bajo": a list, not an address
        r = nxt.row
        extra.append(PlaceMatch(f.start(), f.end(), f.group(), GazRow(f"F:{r.key}", f.group(), "other", r.country,
                                                                     r.lat, r.lon, None, 0)))
    return sorted(out + extra, key=lambda m: m.start) if extra else out


def _named_features(text, out: list[PlaceMatch], ents, g: Gazetteer) -> list[PlaceMatch]:
    """A feature named after a district or village that lies in a place the article names: "Kali
    Krukut" (Krukut, Jakarta Barat, in an article on DKI Jakarta), "Candi Borobudur" (Kecamatan
    Borobudur, Kabupaten Magelang), "Hutan Batang Toru". Kept at that unit's point, feature 'other'.
    Features the tables name themselves ("Danau Toba") are found before this."""
    if g.feature_name_re is None:
        return out
    # regencies, cities, districts and villages the article names (a province is too wide to vouch
    # for a village name: "Kawah Putih" is no village "Putih" somewhere in Jawa Barat)
    near = [(m.row.lat, m.row.lon, _radius(m.row), _code(m.row)) for m in out
            if m.row.country == "IDN" and m.row.feature != "country" and m.row.lat is not None
            and not m.row.key.startswith("P:")]
    if not near:
        return out
    taken = bytearray(len(text))
    for m in out:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    # the feature words found by one Aho-Corasick pass, the pattern tried only there (a case-insensitive
    # pattern run over the whole text cost ~0.1 ms per article)
    matches = [m for m in (g.feature_name_re.match(text, end - n + 1) for end, n in g.feature_auto.iter(text)) if m]
    extra = []
    for f in matches:
        s, e = f.span()
        if f.group("fw") == "kali" or any(taken[s:e]) or _word_before(text, s) in g.name_lead:
            continue   # "dua kali Persib": a count; "Pasar Inpres Jembatan Besi": a facility's name
        if any(lab in VETO_LABELS for lab in ents.containing(s, e)) or g.org_before_re.search(text[max(0, s - 30):s]):
            continue   # a person; "PT Bukit Asam", "Festival Danau Poso"
        nxt = re.match(r"\s+([A-Z][A-Za-z]*)", text[e:e + 20])
        if nxt and nxt.group(1) in g.org_after:
            continue
        words = f.group("x").split()
        row, x_end = None, e
        for k in range(len(words), 0, -1):   # "Hutan Batang Toru": the two-word district first
            name = " ".join(words[:k])
            if len(name) < 4 or name in g.time_words or name in g.not_place or name in g.feature_words:
                continue
            row = _local_row(name, set(), near)
            if row is not None:
                x_end = f.start("x") + len(name)
                break
        if row is None:
            continue
        span = text[s:x_end]
        extra.append(PlaceMatch(s, x_end, span, GazRow(f"F:{row.key}", span, "other", "IDN", row.lat, row.lon, None, 0)))
        taken[s:x_end] = b"\x01" * (x_end - s)
    return sorted(out + extra, key=lambda m: m.start) if extra else out


def _repeated_local(text, out: list[PlaceMatch], ents, g: Gazetteer) -> list[PlaceMatch]:
    """A district, village or feature placed once by its address keeps that place when the article
    names it again bare ("Kemang, Jakarta Selatan" … "di kawasan Kemang itu"), if the NER reads the
    repeat as a place or a place cue stands before it. Only names found through an address or a
    feature rule: the gazetteer's own names are resolved on their own."""
    local = {}
    for m in out:
        if (m.row.key[:2] in ("D:", "V:", "F:") and m.text[:1].isupper() and len(m.text) >= 4
                and m.text not in g.feature_words):
            local.setdefault(m.text, m.row)
    if not local:
        return out
    taken = bytearray(len(text))
    for m in out:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    extra = []
    for name, row in local.items():
        for r in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            s, e = r.span()
            if any(taken[s:e]):
                continue
            prev = _word_before(text, s)
            ent = ents.span(s, e)
            if prev in g.name_lead or not ((ent is not None and ent[0] == s and ent[2] in PLACE_LABELS)
                                           or prev in g.cues or prev.lower() in g.cues):
                continue   # "Stasiun Gambir", "Jalur Nagreg": a facility's or a road's name
            extra.append(PlaceMatch(s, e, name, row))
            taken[s:e] = b"\x01" * (e - s)
    return sorted(out + extra, key=lambda m: m.start) if extra else out


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
    if s == 0 and re.match(r"\s*[,(]", text[len(alias):len(alias) + 3]):
        return False   # dateline: "WOLFSBURG, JUARA.net -"
    prev = _word_before(text, s)
    if g.after_facility_re is not None and g.after_facility_re.search(text[max(0, s - 60):s]):
        return False   # "di Stadion Millennium, Cardiff": the venue's city
    return not (prev.lower() in g.cues or prev in g.cues or prev in g.derby)   # "laga derby Madrid": the city


def _club_by_verb(text, s, e, alias, g: Gazetteer) -> bool:
    """In a sports article, a foreign city (no country or region) right after "membela", "memperkuat",
    "didatangkan dari" … or in a list after one, is a club: "membela Paderborn, MSV Duisburg, dan Hoffenheim"."""
    if g.club_verb_re is None:
        return False
    rows = [g.rows[i] for i, _ in g.lookup(alias)]
    if not rows or any(r.feature != "city" or r.country in (None, "IDN") for r in rows):
        return False
    return bool(g.club_verb_re.search(text[max(0, s - 80):s]))


_CAP_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_COMMA_NEXT = re.compile(r"\s*,\s*([A-Z][\w]*(?:[ ][A-Z][\w]*)?)")
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
    after = _COMMA_NEXT.match(text, e)
    if after and any(g.rows[j].feature == "country" and g.rows[j].country == g.rows[i].country
                     for j, _ in g.lookup(after.group(1)) for i, _ in cands):
        return True   # "ISM Academy Perugia, Italia": the city, placed in its country, closes the name
    m = _CAP_BEFORE.search(text[max(0, s - 30):s])
    if m and m.group(1) not in g.prefix and m.group(1) not in g.cues and not _title_case_headline(text, s):
        ws = m.start(1) + max(0, s - 30)
        at_start = ws == 0 or (sent_starts is not None and ws in sent_starts) or text[:ws].rstrip()[-1:] in ".!?\"“”"
        if not at_start:
            return False
    return True


def _title_case_headline(text: str, s: int) -> bool:
    """Is ``s`` in a first line written in Title Case ("… Pindah Diam-Diam ke Kemah Tenda di Perbatasan
    Texas")? There a capital before a name says nothing about a longer name."""
    nl = text.find("\n")
    if nl != -1 and s > nl:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", text[: nl if nl != -1 else len(text)]) if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


class _EntIndex(list):
    """NER spans sorted by start, with a containment lookup by bisection (spaCy ents do not overlap)."""

    def __init__(self, ents):
        super().__init__(sorted(ents or []))
        self.starts = [x[0] for x in self]

    def containing(self, s: int, e: int) -> list[str]:
        i = bisect_right(self.starts, s) - 1
        return [self[i][2]] if i >= 0 and e <= self[i][1] else []

    def span(self, s: int, e: int):
        """The (start, end, label) entity containing [s, e), or None."""
        i = bisect_right(self.starts, s) - 1
        return self[i] if i >= 0 and e <= self[i][1] else None


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
    if g.after_facility_re is not None and g.after_facility_re.search(text[max(0, s - 60):s]):
        return True   # "di Stadion Millennium, Cardiff"
    return prev in g.cues or prev.lower() in g.cues


_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
_ONE_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+(?!\s+[A-Z])\b")


def _accept(text, s, e, alias, ents, sent_starts, g: Gazetteer) -> bool:
    cands0 = g.lookup(alias)
    strong = " " in alias or any(g.rows[i].key[0] in "CPSX" for i, _ in cands0)
    for lab in ents.containing(s, e):
        if lab in VETO_LABELS and not strong and not (g.title_before_re.search(text[max(0, s - 20):s])
                                                      and any(g.rows[i].country == "IDN" for i, _ in cands0)):
            return False   # a person ("Bima Arya"); countries, provinces, states and regions are kept ("Florida" tagged PER)
            # … but not after a regional office: "Kapolres Yahukimo" tagged PER is the regency
    per = ents.span(s, e)
    if (per is not None and per[2] in VETO_LABELS and per[0] == s and per[1] > e and text[e:e + 1] == " "
            and cands0 and all(g.rows[i].key.startswith("C:") for i, _ in cands0)):
        return False   # the first name of a person the NER reads whole: "Chad Hammel mengatakan"
    if g.org_before_re.search(text[max(0, s - 30):s]):
        return False
    if g.language_re is not None and g.language_re.search(text[max(0, s - 30):s]):
        return False   # "bahasa Jepang", "berbahasa Inggris": a language
    before = text[max(0, s - 50):s]
    if g.route_re is not None and g.route_re.search(before):
        return False   # "Tol Jakarta - Cikampek", "ruas tol Cikampek"
    if g.org_lead_re is not None and g.org_lead_re.search(before):
        return False   # "Festival Danau Tektonik Poso", "Piala Super Eropa"
    if alias in g.media and g.quote_before_re is not None and g.quote_before_re.search(before):
        return False   # "dikutip dari AS": the Spanish daily
    if alias in g.derby:
        nxt = _CAP_AFTER.match(text, e)
        if nxt and nxt.group(1) in g.alias:
            return False   # "Derby London": the match, then its city
    acro = re.match(r"\s*\(([A-Z][A-Za-z]{1,}(?:\s[A-Z][A-Za-z]+)?)\)", text[e:e + 16])
    if acro and acro.group(1) not in g.alias:   # "Korea Utara (Korut)": the place's own short name
        m = re.search(r"([A-Z][a-z]+)\s+$", before)
        if m and m.group(1) not in g.org_of_place and m.group(1) not in g.alias and not g.prefix.get(m.group(1)):
            return False   # "Gabungan Industri Kendaraan Bermotor Indonesia (Gaikindo)": a body's name
    org = ents.span(s, e)
    if org is not None and org[2] == "ORG" and org[0] < s and org[1] == e:
        prev = text[org[0]:s].split()[-1]
        regional = cands0 and ((" " in alias and all(g.rows[i].key[:2] in ("P:", "R:", "D:") for i, _ in cands0))
                               or all(g.rows[i].key[:2] == "S:" for i, _ in cands0))   # "Mahkamah Agung Pennsylvania"
        if prev[:1].isupper() and prev not in g.org_of_place and prev not in g.alias and not regional:
            return False   # "Ippudo Indonesia", "Toyota Indonesia": a firm's local arm, not the country
            # (a province or regency closing an office's name is its seat: "KPU Jawa Barat", "PN Jakarta Selatan")
    if not _not_inside_name(text, s, e, alias, g, sent_starts):
        return False
    if re.fullmatch(r"[A-Z]{2,3}", text[s:e]):
        # "penumpangnya adalah AS, TSB, APA, SUC": a list of people's initials, not the country
        caps = re.findall(r"\b([A-Z]{2,4})\s*(?=,)", text[max(0, s - 12):s]) + \
            re.findall(r",\s*(?:dan\s+)?([A-Z]{2,4})\b", text[e:e + 22])
        n = len([c for c in caps if c not in g.alias])
        if n >= 3 or (n and re.search(r"(?i)\binisial", text[max(0, s - 100):s])):
            return False   # ("AS, PBB, dan NATO" stays: two acronyms are not yet a list of initials)
    if _INITIALS.fullmatch(alias) and _ONE_NAME_AFTER.match(text, e):
        prev = _word_before(text, s)
        if not (prev and (prev in g.cues or prev.lower() in g.cues or prev[0].islower())):
            return False   # "(Panselnas) A.S. Pudjoharsoyo": a person's initials, not "A.S." the country
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
        nxt = _CAP_AFTER.match(text, e)
        if (g.title_before_re.search(text[max(0, s - 45):s]) and any(g.rows[i].country == "IDN" for i, _ in cands)
                and not (nxt and (nxt.group(1) in g.alias or g.prefix.get(nxt.group(1))))):
            return True   # a regional office names its seat: "Pengadilan Negeri Malang", "Kantor Imigrasi Malang"
            # (not "Polres Metro Jakarta Barat", "Kapolres Metro Kota Bekasi": a metropolitan police names the place after it)
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
        _localities()   # ~0.4 s: at load time, not in the first article
        _small_cities()

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
        from warta.components.entities import locate_from_places
        locate_from_places(getattr(doc._, "entities", None), places)
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
