"""Build warta's offline knowledge base ``kb/data/kb.msgpack`` (people, organisations, places, dated roles).

The gazetteer ruler's ``gazetteer.jsonl`` is built separately (``warta.kb.build_gazetteer``);
this builder also reads that builder's tables (``kb/data/igos.tsv``, ``country_aliases.tsv``) so
both agree.

Run once after editing a source file (the outputs are committed, so users never run it):

    python -m warta.kb.build [--shared ../shared/data]

Inputs, in order of precedence (a later source never overrides an earlier one's QID or dates):
1. hand-written Indonesian data in ``kb/data/sources/`` (leaders 2014-2026 with dated roles,
   international organisations and Indonesian institutions with Indonesian names, country aliases);
2. ``../shared/data/id-officeholders`` and ``../shared/data/world-leaders`` (Wikidata, CC0): QIDs
   and dated offices; rows are filtered as described in ``kb/data/sources/README.md``;
3. ``../shared/data/country-names-id`` (CLDR, Unicode licence): Indonesian country names;
4. ``../shared/data/eventcoding/actors`` Phoenix dictionaries (MIT) and CountryInfo (CC BY-SA 3.0):
   English-spelled leaders with dated CAMEO codes up to 2014, capitals, IGO codes.

Without ``--shared`` only the hand-written data is used (a smaller but working KB).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Optional

import srsly

from warta.kb.normalize import alias_key, is_acronym

DATA = Path(__file__).resolve().parent / "data"
SOURCES = DATA / "sources"
DEFAULT_SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"

# English office labels (Wikidata) -> Indonesian title, used to write `role` for imported rows.
SECTOR_PEOPLE = {"ELI", "GOV", "MIL", "LEG", "JUD", "COP", "OPP", "PTY", "SPY", "REB", "BUS", "MED", "EDU", "REL", "HLH", "LAB", "AGR", "ENV", "HRI", "DEV"}
ENGLISH_TITLE_WORDS = {"PRESIDENT", "MINISTER", "PRIME", "MR", "MR.", "MRS", "SENATOR", "GENERAL", "KING", "QUEEN",
                       "PRINCE", "SECRETARY", "SECRETARY-GENERAL", "AMBASSADOR", "PRESIDENT-ELECT", "CHANCELLOR",
                       "FOREIGN", "DEFENSE", "DEFENCE", "US", "U.S.", "AMERICAN", "RUSSIAN", "FORMER", "LEADER", "DR", "DR."}


def _rows(path: Path, delimiter="\t"):
    """Rows of a comment-headed TSV/CSV (``#`` lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.reader(lines, delimiter=delimiter))


class Builder:
    def __init__(self):
        self.entities: list[dict] = []
        self.by_key: dict[str, int] = {}        # qid or synthetic key -> index
        self.aliases: dict[str, dict[int, None]] = {}   # ordered sets: the build is deterministic
        self.scan: dict[str, tuple[str, int]] = {}   # surface form -> (case rule, index) for the text scanner
        self.country_names: dict[str, str] = {}  # iso3 -> Indonesian name
        self.country_qids: dict[str, str] = {}
        self.name_qids: dict[str, str] = {}      # alias_key(person name) -> QID from Wikidata tables

    # -- entity helpers -----------------------------------------------------------------
    def add(self, key: str, name: str, type_: str, *, wikidata=None, country=None, actor=None,
            source="warta", aliases=(), scan=True, gaz=True) -> int:
        idx = self.by_key.get(key)
        if idx is None:
            idx = len(self.entities)
            self.by_key[key] = idx
            self.entities.append({"name": name, "type": type_, "wikidata": wikidata or None, "country": country or None,
                                  "actor": actor or None, "roles": [], "source": source, "gaz": gaz})
        else:
            ent = self.entities[idx]
            for field, value in (("wikidata", wikidata), ("country", country), ("actor", actor)):
                if value and not ent[field]:
                    ent[field] = value
        for alias in (name, *aliases):
            self.alias(alias, idx, scan=scan)
        return idx

    def alias(self, alias: str, idx: int, scan=True):
        alias = alias.strip()
        if not alias:
            return
        key = alias_key(alias)
        if not key:
            return
        self.aliases.setdefault(key, {})[idx] = None
        if scan and alias not in self.scan:
            self.scan[alias] = ("exact" if is_acronym(alias) else "cap", idx)

    # -- sources ------------------------------------------------------------------------
    def countries(self, shared: Path | None):
        rows = []
        if shared:
            with open(shared / "country-names-id" / "countries_id_en.csv", encoding="utf-8") as fh:
                rows = [r for r in csv.DictReader(fh) if r["alpha3"] and r["kind"] == "country_or_territory"]
            for path in (shared / "world-leaders" / "wikidata_heads_2021-2026.csv",):
                with open(path, encoding="utf-8") as fh:
                    for r in csv.DictReader(fh):
                        self.country_qids.setdefault(r["country"], r["countryid"])
            with open(shared / "world-leaders" / "foreign_ministers_wikidata_2023-01.csv", encoding="utf-8") as fh:
                for r in csv.DictReader(fh):
                    self.country_qids.setdefault(r["countryLabel"], r["country"])
        english_alt = {"Türkiye": "Turkey", "United States": "United States of America", "China": "People's Republic of China",
                       "Timor-Leste": "East Timor", "Myanmar (Burma)": "Myanmar", "Czechia": "Czech Republic",
                       "Côte d’Ivoire": "Ivory Coast", "Congo - Kinshasa": "Democratic Republic of the Congo",
                       "Congo - Brazzaville": "Republic of the Congo", "Palestinian Territories": "State of Palestine"}
        for r in rows:
            iso3, name = r["alpha3"], re.sub(r"\s*\(.*\)$", "", r["name_id"])   # "Myanmar (Burma)" -> "Myanmar"
            qid = self.country_qids.get(r["name_en"]) or self.country_qids.get(english_alt.get(r["name_en"], ""))
            alts = [a.split(":", 1)[1] for a in r["name_id_alt"].split("|") if ":" in a] + [r["name_id"]]
            self.country_names[iso3] = name
            self.add(f"country:{iso3}", name, "LOC", wikidata=qid, country=iso3, actor=iso3, source="cldr", aliases=alts)
        try:  # pycountry's Indonesian translations add official long forms (Federasi Rusia …)
            import gettext

            import pycountry
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
            for c in pycountry.countries:
                iso3 = c.alpha_3
                for label in dict.fromkeys((c.name, getattr(c, "official_name", c.name))):
                    name_id = tr.gettext(label)
                    if name_id != label or iso3 not in self.country_names:
                        self.country_names.setdefault(iso3, name_id)
                        self.add(f"country:{iso3}", self.country_names[iso3], "LOC", country=iso3, actor=iso3,
                                 source="pycountry", aliases=[name_id])
        except Exception as exc:  # pragma: no cover - pycountry is a dependency
            print(f"pycountry skipped: {exc}", file=sys.stderr)
        for alias, iso3 in [r[:2] for r in _rows(DATA / "country_aliases.tsv")] + _rows(SOURCES / "country_aliases_id.tsv"):
            name = self.country_names.get(iso3, alias)
            self.add(f"country:{iso3}", name, "LOC", country=iso3, actor=iso3, source="warta", aliases=[alias])

    def organisations(self):
        for name, aliases, qid, actor, name_en in (r + [""] * (5 - len(r)) for r in _rows(DATA / "igos.tsv")):
            self.add(qid or f"org:{alias_key(name)}", name, "ORG", wikidata=qid, actor=actor, source="warta",
                     aliases=[a for a in aliases.split("|") if a] + ([name_en] if name_en else []))
        for fname, default_country in (("igos_id.tsv", None), ("institutions_id.tsv", "IDN")):
            for name, aliases, qid, actor, type_, name_en, _check in _rows(SOURCES / fname):
                alias_list = [a for a in aliases.split("|") if a]
                # a national body listed among the international ones (Federal Reserve: USAGOVBUS)
                country = default_country or (actor[:3] if actor[:3] in self.country_names else None)
                self.add(qid or f"org:{alias_key(name)}", name, type_, wikidata=qid, country=country, actor=actor,
                         source="warta", aliases=alias_list + ([name_en] if name_en and name_en != name else []))

    def wikidata_people(self, shared: Path):
        """Index Wikidata person QIDs by name (for hand rows without a QID) and import reviewed rows."""
        imported = []
        with open(shared / "id-officeholders" / "id_officeholders_wikidata.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                self.name_qids.setdefault(alias_key(r["person"]), r["personID"])
                imported.append(("IDN", r["person"], r["personID"], r["position"], r["start"], r["end"], "id-officeholders"))
        with open(shared / "world-leaders" / "wikidata_heads_2021-2026.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                label = r["officeholderLabel"]
                if re.fullmatch(r"Q\d+", label):
                    continue           # label missing: only usable through a hand row (see README)
                self.name_qids.setdefault(alias_key(label), r["officeholder"])
                iso3 = self._iso3_for_qid(r["countryid"])
                # Unreviewed Wikidata: keep only plausible rows (start 2000-2025; 2026 rows unverifiable here).
                if iso3 and r["start_year"].isdigit() and 2000 <= int(r["start_year"]) <= 2025:
                    imported.append((iso3, label, r["officeholder"], r["positionLabel"], r["start_year"], r["end_year"], "world-leaders"))
        with open(shared / "world-leaders" / "foreign_ministers_wikidata_2023-01.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r["person"] and r["name"]:
                    self.name_qids.setdefault(alias_key(r["name"]), r["person"])
        with open(shared / "world-leaders" / "igo_officeholders_wikidata.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                self.name_qids.setdefault(alias_key(r["person"]), r["personID"])
        return imported

    def _iso3_for_qid(self, qid: str):
        for key, idx in self.by_key.items():
            if key.startswith("country:") and self.entities[idx]["wikidata"] == qid:
                return key.split(":", 1)[1]
        return None

    def hand_leaders(self):
        for name, aliases, qid, country, actor, role, start, end, _note in _rows(SOURCES / "leaders_hand.csv", ","):
            if name == "name":
                continue
            qid = qid or self.name_qids.get(alias_key(name))
            alias_list = [a for a in aliases.split("|") if a]
            idx = self.add(qid or f"per:{alias_key(name)}", name, "PER", wikidata=qid, country=country, actor=None,
                           source="warta", aliases=alias_list)
            self.entities[idx]["roles"].append([start or None, end or None, actor, role])

    def imported_offices(self, imported, positions: list[tuple[re.Pattern, str, str]]):
        for iso3, person, qid, position, start, end, src in imported:
            idx = self.by_key.get(qid)
            if idx is not None and self.entities[idx]["source"] == "warta":
                continue           # hand rows are reviewed and dated to the day: they win
            role, sector = self._translate_position(position, iso3, positions)
            if src == "id-officeholders" and not end and sector == "GOV" and "Governor" not in position:
                end = "2024-10-20"   # the Jokowi cabinet ended then; the snapshot is from July 2022
            idx = self.add(qid, person, "PER", wikidata=qid, country=iso3, source=src, scan=True)
            self.entities[idx]["roles"].append([start or None, end or None, f"{iso3}{sector}", role])

    def _translate_position(self, position: str, iso3: str, positions):
        for pattern, title, sector in positions:
            m = pattern.search(position)
            if m:
                text = title.format(x=(m.groupdict().get("x") or "").strip()).strip()
                if iso3 != "IDN" or text in ("Presiden", "Wakil Presiden"):
                    text = f"{text} {self.country_names.get(iso3, '')}".strip()
                return text, sector
        return position, "GOV"

    def phoenix(self, shared: Path):
        """English-spelled leaders with dated CAMEO codes (to 2014) and IGO persons."""
        actors = shared / "eventcoding" / "actors"
        for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
            for entry in _parse_phoenix(actors / fname):
                names, codes = entry
                if not codes:
                    continue
                # CountryInfo people carry dated codes; undated sector codes are organisations
                # ("U.S. Federal Reserve [USAGOVBUS]"), which the hand tables cover better
                is_person = any(d for _, d in codes)
                main = _title(names[0])
                if not is_person or len(main.split()) < 2:
                    continue
                aliases = [_title(n) for n in names[1:] if not (set(n.split("_")) & ENGLISH_TITLE_WORDS)]
                ends = [d[1] for _, d in codes if d]
                country3 = next((c[:3] for c, _ in codes if c[:3] in self.country_names), None)
                if country3 != "IDN" and ends and all(e and e < "2000" for e in ends):
                    continue                      # left office before 2000: rarely in today's news
                qid = self.name_qids.get(alias_key(main))
                key = qid or f"per:{alias_key(main)}"
                known = self._known_person(main, aliases, country3)
                if known is not None:
                    key = next(k for k, v in self.by_key.items() if v == known)
                if key in self.by_key and self.entities[self.by_key[key]]["source"] != "phoenix":
                    idx = self.by_key[key]        # reviewed data wins; still learn the spelling variants
                    for a in aliases:
                        self.alias(a, idx, scan=len(a.split()) >= 2)
                    continue
                if all(code.startswith("IMG") for code, _ in codes):
                    # Phoenix lists a few armed groups among people ("The Islamic State" [IMGMUSISI]): their
                    # names are spellings of the group the hand tables hold with that code, if they do
                    group = next((i for i, e in enumerate(self.entities)
                                  if e["type"] == "ORG" and e["actor"] in {c for c, _ in codes}), None)
                    if group is not None:
                        for a in (main, *aliases):
                            self.alias(a, group, scan=len(a.split()) >= 2)
                        continue
                idx = self.add(key, main, "PER", wikidata=qid, source="phoenix", scan=True)
                for a in aliases:
                    self.alias(a, idx, scan=len(a.split()) >= 2)
                ent = self.entities[idx]
                for code, dates in codes:
                    start, end = dates or (None, None)
                    ent["roles"].append([start, end, code, None])
                if not ent["country"]:
                    ent["country"] = next((c[:3] for c, _ in codes if c[:3] in self.country_names), None)

    def _known_person(self, main, aliases, country3):
        """A person already in the KB from reviewed data under one of these names, same country."""
        for name in (main, *aliases):
            for idx in self.aliases.get(alias_key(name), ()):
                ent = self.entities[idx]
                if ent["type"] == "PER" and ent["source"] != "phoenix" and len(name.split()) >= 2 \
                        and (not country3 or ent["country"] in (None, country3)):
                    return idx
        return None

    def capitals(self, shared: Path):
        for name, iso3, alias in _rows(SOURCES / "capitals_id.tsv"):
            self.add(f"city:{alias_key(name)}", name, "LOC", country=iso3, actor=iso3, source="warta", aliases=[alias])
        text = (shared / "eventcoding" / "actors" / "CountryInfo.120116.txt").read_bytes().replace(b"\x00", b"").decode("utf-8", "replace")
        for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
            code = re.search(r"<CountryCode>\s*(\w+)", block)
            cap = re.search(r"<Capital>(.*?)</Capital>", block, re.S)
            if not code or not cap:
                continue
            iso3 = code.group(1)
            names = [_title(n.strip()) for n in cap.group(1).splitlines() if any(ch.isalpha() for ch in n)]
            if not names or iso3 not in self.country_names:
                continue
            known = next((i for n in names for i in self.aliases.get(alias_key(n), ())
                          if self.entities[i]["type"] == "LOC" and self.entities[i]["country"] == iso3
                          and self.entities[i]["source"] == "warta" and not self.by_key_of(i).startswith("country:")), None)
            if known is not None:
                for n in names:
                    self.alias(n, known)
                continue
            self.add(f"city:{alias_key(names[0])}", names[0], "LOC", country=iso3, actor=iso3, source="countryinfo",
                     aliases=names[1:])

    def by_key_of(self, idx: int) -> str:
        return next(k for k, v in self.by_key.items() if v == idx)

    # -- output -------------------------------------------------------------------------
    def offices(self) -> dict[str, list]:
        """(normalised role title) -> [[start, end, entity index], …] for "Presiden Ukraina" -> holder."""
        out: dict[str, list] = {}
        for idx, ent in enumerate(self.entities):
            for start, end, _actor, role in ent["roles"]:
                if role:
                    out.setdefault(alias_key(role), []).append([start, end, idx])
        return out

    def write(self, out_dir: Path):
        # a surface form is ambiguous if it maps to several entities: not scanned, only looked up
        scan = {}
        for surface, (rule, idx) in self.scan.items():
            ids = self.aliases.get(alias_key(surface), {})
            if len(ids) == 1:
                scan[surface] = [rule, idx]
        payload = {
            "version": 1,            # no build date: the same sources give the same file
            "entities": [{k: v for k, v in e.items() if k != "gaz"} for e in self.entities],
            "aliases": {k: sorted(v) for k, v in self.aliases.items()},
            "scan": scan,
            "offices": self.offices(),
            "countries": self.country_names,
        }
        srsly.write_msgpack(out_dir / "kb.msgpack", payload)
        return payload


def _parse_phoenix(path: Path):
    """Yield (names, [(code, (start, end) | None)]) from a TABARI/PETRARCH actor file."""
    names: list[str] = []
    codes: list = []
    text = path.read_text(encoding="utf-8", errors="replace")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not raw[0].isspace() and not line.startswith("+"):
            if names:
                yield names, codes
            head = line.split("[", 1)[0].strip()
            names, codes = [head.rstrip("_").strip()], []
        elif line.startswith("+"):
            names.append(line[1:].split("[", 1)[0].strip().rstrip("_"))
        for code, dates in re.findall(r"\[([A-Z]{3,}|---)\s*([<>]?\s*\d{6,8}(?:-\d{6,8})?)?\s*\]", line):
            if code != "---":
                codes.append((code, _phoenix_dates(dates) if dates else None))
    if names:
        yield names, codes


def _phoenix_date(s: str):
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        s = (f"19{s[:2]}" if yy >= 30 else f"20{s[:2]}") + s[2:]
    if len(s) != 8:
        return None
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"


def _phoenix_dates(s: str):
    s = s.replace(" ", "")
    if s.startswith(">"):
        return (_phoenix_date(s[1:]), None)
    if s.startswith("<"):
        return (None, _phoenix_date(s[1:]))
    if "-" in s:
        a, b = s.split("-", 1)
        return (_phoenix_date(a), _phoenix_date(b))
    return None


def _title(name: str) -> str:
    words = name.replace("_", " ").split()
    return " ".join(w if (len(w) <= 3 and w.endswith(".")) else w.capitalize() if w.isupper() else w for w in words)


def load_positions():
    out = []
    for pattern, title, sector in _rows(SOURCES / "positions_id.tsv"):
        out.append((re.compile(pattern, re.I), title, sector))
    return out


def build(shared: Path | None, out_dir: Path = DATA) -> dict:
    b = Builder()
    b.countries(shared)
    b.organisations()
    imported = b.wikidata_people(shared) if shared else []
    b.hand_leaders()
    if shared:
        b.imported_offices(imported, load_positions())
        b.phoenix(shared)
        b.capitals(shared)
    return b.write(out_dir)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="path to ../shared/data")
    ap.add_argument("--out", type=Path, default=DATA)
    ap.add_argument("--no-shared", action="store_true", help="build from the hand-written sources only")
    args = ap.parse_args(argv)
    shared = None if args.no_shared or not args.shared.exists() else args.shared
    payload = build(shared, args.out)
    size = (args.out / "kb.msgpack").stat().st_size
    print(f"kb.msgpack: {len(payload['entities'])} entities, {len(payload['aliases'])} aliases, "
          f"{len(payload['scan'])} scan forms, {size / 1e6:.1f} MB; shared={'yes' if shared else 'no'}")


if __name__ == "__main__":
    main()


def build_cli(shared: Optional[Path] = None, no_shared: bool = False):
    """Rebuild kb/data/kb.msgpack from kb/data/sources (+ ../shared/data when present)."""
    argv = ["--no-shared"] if no_shared else []
    if shared:
        argv += ["--shared", str(shared)]
    main(argv)
