"""`warta export`: a corpus store in formats existing event-data tooling reads.

* ``gdelt-events``: GDELT 2.0 Event table, 61 tab-separated columns, no header (Event Codebook
  V2.0, 2015-02-19), one row per event.
* ``gdelt-gkg``: GDELT Global Knowledge Graph 2.1, 27 tab-separated columns, no header (GKG
  Codebook V2.1), one row per article.
* ``plover-jsonl``: one PLOVER JSON object per event (PLOVER manual, "PLOVER JSON" table).

Everything is read from the stored JSON records (``warta.record``), never re-extracted. Where
warta knows less than GDELT (no ethnic/religion codes, GeoNames ids instead of GNS feature ids,
one source per event) the column is left empty or set as documented below, never invented.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Iterable, Iterator, Optional, TextIO
from urllib.parse import urlparse

import typer

from warta.store.duck import published_day

__all__ = ["GDELT_EVENT_COLUMNS", "GKG_COLUMNS", "gdelt_event_rows", "gkg_row", "plover_events", "export"]

_ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
# GDELT 2.0 Event table, in file order (Event Codebook V2.0).
GDELT_EVENT_COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS] + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
# GDELT GKG 2.1, in file order (GKG Codebook V2.1).
GKG_COLUMNS = [
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS",
    "V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE",
    "V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
]
KNOWN_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")     # CAMEO codes whose next 3 letters name the group
DEFAULT_STATUSES = ("asserted", "claimed")


# -- lookups shipped in kb/data (built by training/build_gdelt_tables.py) ------------------
def _tsv(name: str) -> dict[str, str]:
    text = resources.files("warta.kb").joinpath("data", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {r[0]: r[1] for r in rows[1:]}


@lru_cache(maxsize=None)
def goldstein() -> dict[str, float]:
    return {k: float(v) for k, v in _tsv("cameo_goldstein.tsv").items()}


@lru_cache(maxsize=None)
def plover_root() -> dict[str, str]:
    return _tsv("plover_cameo_root.tsv")


@lru_cache(maxsize=None)
def iso3_to_fips() -> dict[str, str]:
    return _tsv("gdelt_fips_iso3.tsv")


# -- helpers --------------------------------------------------------------------------------
def _clean(value) -> str:
    """A field value with no tab/newline (they would break the row) and no 'None'."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return re.sub(r"[\t\r\n]+", " ", str(value))


def _stamp(value) -> str:
    """YYYYMMDDHHMMSS from an ISO string or datetime; '' when unknown."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            d = published_day(value)
            return d.strftime("%Y%m%d000000") if d else ""
    if isinstance(value, datetime):
        return value.strftime("%Y%m%d%H%M%S")
    if isinstance(value, date):
        return value.strftime("%Y%m%d000000")
    return ""


def global_event_id(article_id: str, event_id: str) -> int:
    """A stable positive 60-bit integer per (article, event): re-exports keep the same ids."""
    return int(hashlib.sha1(f"{article_id}/{event_id}".encode()).hexdigest()[:15], 16)


def quad_class(root: str) -> str:
    try:
        r = int(root)
    except (TypeError, ValueError):
        return ""
    return "1" if r <= 5 else "2" if r <= 8 else "3" if r <= 13 else "4"


def cameo_code(event: dict) -> str:
    code = (event.get("cameo") or "").strip()
    return code or plover_root().get(event.get("type") or "", "")


def _geo_type(place: dict) -> int:
    feature, usa = place.get("feature"), place.get("country") == "USA"
    if feature == "country":
        return 1
    if feature == "admin":
        return 2 if usa else 5
    return 3 if usa else 4


def _geo(place: Optional[dict]) -> list[str]:
    if not place:
        return [""] * len(_GEO_FIELDS)
    fips = iso3_to_fips().get(place.get("country") or "", "")
    gtype = _geo_type(place)
    feature_id = place.get("geonames")
    if gtype == 1:
        feature_id = fips
    return [str(gtype), _clean(place.get("name") or place.get("text")), fips, fips if gtype == 1 else "", "",
            _clean(place.get("lat")), _clean(place.get("lon")), _clean(feature_id)]


def _actor(actor: Optional[dict], entities: dict) -> list[str]:
    if not actor:
        return [""] * len(_ACTOR_FIELDS)
    ent = entities.get(actor.get("entity")) or {}
    code = (actor.get("code") or ent.get("actor") or "").upper()
    country = actor.get("country") or ent.get("country") or ""
    name = ent.get("name") or actor.get("text") or ""
    known = code[3:6] if code[:3] in KNOWN_GROUP_PREFIXES else ""
    types: list[str] = []
    if actor.get("sector"):
        types.append(actor["sector"].upper())
    if code and not known:
        rest = code[3:] if country and code.startswith(country) else ""
        types += [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] not in types]
    types = (types + ["", "", ""])[:3]
    return [code, name.upper(), country, known, "", "", "", *types]


def _first_paragraph_end(text: str) -> int:
    cut = text.find("\n\n")
    return len(text) if cut == -1 else cut


# -- GDELT events ---------------------------------------------------------------------------
def gdelt_event_rows(record: dict, date_added=None, statuses: Iterable[str] = DEFAULT_STATUSES) -> Iterator[list[str]]:
    """The GDELT 2.0 Event rows (61 fields each) for one record."""
    entities = {e["id"]: e for e in record.get("entities") or []}
    places = {p["id"]: p for p in record.get("places") or []}
    by_entity = {p["entity"]: p for p in record.get("places") or [] if p.get("entity")}
    sentences = record.get("sentences") or []
    lead_end = _first_paragraph_end(record.get("text") or "")
    tone = (record.get("tone") or {}).get("score")
    statuses = set(statuses)
    for ev in record.get("events") or []:
        if statuses and ev.get("status", "asserted") not in statuses:
            continue
        day = published_day(ev.get("date")) or published_day(record.get("published"))
        code = cameo_code(ev)
        root = code[:2]
        gold = goldstein()
        score = gold.get(code, gold.get(code[:3], gold.get(root)))
        sent = ev.get("sentence")
        is_root = 1 if (isinstance(sent, int) and sent < len(sentences) and sentences[sent]["start"] < lead_end) \
            or sent == 0 else 0
        src, tgt = ev.get("source"), ev.get("target")
        row = [
            str(global_event_id(record["id"], ev["id"])),
            day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
            day.strftime("%Y") if day else "",
            f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",
            *_actor(src, entities), *_actor(tgt, entities),
            str(is_root), code, code[:3] if len(code) >= 3 else code, root, quad_class(root),
            _clean(score), "1", "1", "1", _clean(tone),
            *_geo(by_entity.get((src or {}).get("entity"))), *_geo(by_entity.get((tgt or {}).get("entity"))),
            *_geo(places.get(ev.get("place"))),
            _stamp(date_added), _clean(record.get("url") or record["id"]),
        ]
        yield [_clean(v) for v in row]


# -- GDELT GKG ------------------------------------------------------------------------------
def _block(value) -> str:
    """A value inside a delimited GKG block: no field or block separators."""
    return re.sub(r"[\t\r\n;#,|]+", " ", _clean(value)).strip()


def _time_block(t: dict) -> Optional[str]:
    value = t.get("value") or ""
    m = re.match(r"^(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m or t.get("kind") not in (None, "date"):
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    year_n = 0 if year == "XXXX" else int(year)
    res = 4 if year_n == 0 and month and day else 3 if day else 2 if month else 1
    return f"{res}#{int(month or 0)}#{int(day or 0)}#{year_n}#{t['start']}"


def gkg_row(record: dict, seq: int, date_added=None, source: Optional[str] = None) -> list[str]:
    """The GKG 2.1 row (27 fields) for one record."""
    url = record.get("url")
    entities = record.get("entities") or []
    places = record.get("places") or []

    def loc_v1(p: dict) -> str:
        g = _geo(p)
        return "#".join([g[0], _block(g[1]), g[2], g[3], g[5], g[6], g[7]])

    def loc_v2(p: dict) -> str:
        g = _geo(p)
        return "#".join([g[0], _block(g[1]), g[2], g[3], g[4], g[5], g[6], g[7], str(p["start"])])

    def names(kind: str) -> tuple[str, str]:
        ents = [e for e in entities if e.get("type") == kind]
        v1 = ";".join(dict.fromkeys(_block(e["name"]) for e in ents))
        v2 = ";".join(f"{_block(e['name'])},{m['start']}" for e in ents for m in e.get("mentions") or [])
        return v1, v2

    persons, persons2 = names("PER")
    orgs, orgs2 = names("ORG")
    tone = record.get("tone") or {}
    pos, neg = tone.get("positive") or 0.0, tone.get("negative") or 0.0
    tone_field = ",".join(_clean(v) for v in (tone.get("score") or 0.0, pos, neg, round(pos + neg, 3), 0.0, 0.0,
                                               tone.get("words") or 0))
    dates = ";".join(b for b in (_time_block(t) for t in record.get("times") or []) if b)
    quotes = "#".join(
        f"{q['start']}|{q['end'] - q['start']}|{_block((q.get('cue') or {}).get('text'))}|{_block(q.get('text'))}"
        for q in record.get("quotes") or [])
    all_names = ";".join(f"{_block(e['name'])},{m['start']}" for e in entities for m in e.get("mentions") or []
                         if e.get("type") in ("PER", "ORG", "MISC", "LOC"))
    title = record.get("title")
    extras = ""
    if title:
        from xml.sax.saxutils import escape

        extras = f"<PAGE_TITLE>{escape(_clean(title))}</PAGE_TITLE>"
    stamp = _stamp(date_added) or _stamp(record.get("published")) or "0"
    common = (urlparse(url).netloc if url else "") or source or ""
    row = [
        f"{stamp}-{seq}", _stamp(record.get("published")) or "0", "1" if url else "2", common,
        url or record["id"], "", "", "", "", ";".join(dict.fromkeys(loc_v1(p) for p in places)),
        ";".join(loc_v2(p) for p in places), persons, persons2, orgs, orgs2, tone_field, dates,
        f"wc:{tone.get('words') or 0}", "", "", "", "", quotes, all_names, "", "", extras,
    ]
    return [_clean(v) for v in row]


# -- PLOVER ---------------------------------------------------------------------------------
def _plover_actor(actor: Optional[dict], entities: dict) -> list[dict]:
    if not actor:
        return []
    ent = entities.get(actor.get("entity")) or {}
    code = actor.get("country") or ent.get("country") or (actor.get("code") or ent.get("actor") or "")[:3] or None
    out = {"code": code, "sector": actor.get("sector"), "entity_text": actor.get("text") or ent.get("name"),
           "identifier_id": ent.get("wikidata"), "identifier_text": ent.get("name"), "office": ent.get("role")}
    return [{k: v for k, v in out.items() if v}]


def plover_events(record: dict, coded=None, source: Optional[str] = None,
                  statuses: Iterable[str] = ()) -> Iterator[dict]:
    """PLOVER JSON objects for one record (all statuses unless ``statuses`` is given)."""
    from . import __version__

    entities = {e["id"]: e for e in record.get("entities") or []}
    places = {p["id"]: p for p in record.get("places") or []}
    sentences = record.get("sentences") or []
    statuses = set(statuses)
    for ev in record.get("events") or []:
        if statuses and ev.get("status", "asserted") not in statuses:
            continue
        day = published_day(ev.get("date")) or published_day(record.get("published"))
        code = cameo_code(ev)
        place = places.get(ev.get("place"))
        sent = ev.get("sentence")
        span = sentences[sent] if isinstance(sent, int) and 0 <= sent < len(sentences) else None
        obj = {
            "id": f"{record['id']}-{ev['id']}",
            "date": day.isoformat() if day else None,
            "actor": _plover_actor(ev.get("source"), entities),
            "recipient": _plover_actor(ev.get("target"), entities),
            "event": [ev["type"]],
            "mode": [ev["mode"]] if ev.get("mode") else [],
            "context": [],
            "event_text": [(ev.get("trigger") or {}).get("text")],
            "quad_code": int(quad_class(code[:2])) if quad_class(code[:2]) else None,
            "event_loc": None if not place else {
                k: v for k, v in {
                    "extracted_place": place.get("text"), "resolved_place": place.get("name"),
                    "geonameid": place.get("geonames"), "lat": place.get("lat"), "lon": place.get("lon"),
                    "country_code": place.get("country"),
                    "resolution": {"country": 1, "admin": 2, "city": 4}.get(place.get("feature")),
                }.items() if v is not None},
            "text_info": {"sequence": sent, **({"start": span["start"], "end": span["end"]} if span else {})},
            "cite_info": {k: v for k, v in {
                "url": record.get("url"), "title": record.get("title"), "language": record.get("lang"),
                "publication": source, "citation": record["id"], "coder": f"warta {__version__}",
                "codebook": "PLOVER 2.0 draft"}.items() if v},
            "coder": f"warta {__version__}",
            "coded_date": published_day(str(coded)).isoformat() if coded and published_day(str(coded)) else None,
            # warta's own fields (PLOVER allows named extras): how sure the text is that it happened.
            "status": ev.get("status", "asserted"),
            "cameo": code or None,
        }
        claimed = entities.get(ev.get("claimed_by"))
        if claimed:
            obj["claimed_by"] = claimed.get("name")
        yield obj


# -- driver ---------------------------------------------------------------------------------
FORMATS = ("gdelt-events", "gdelt-gkg", "plover-jsonl")


def export(db: str | Path, fmt: str, out: TextIO, statuses: Optional[Iterable[str]] = None,
           header: bool = False) -> int:
    """Write the whole store in ``fmt`` to ``out``; returns the number of rows/objects."""
    import duckdb

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if statuses is None:
        statuses = DEFAULT_STATUSES if fmt == "gdelt-events" else ()
    con = duckdb.connect(str(db), read_only=True)
    n = 0
    try:
        if header and fmt != "plover-jsonl":
            out.write("\t".join(GDELT_EVENT_COLUMNS if fmt == "gdelt-events" else GKG_COLUMNS) + "\n")
        cur = con.execute("SELECT record, stored_at, source FROM articles ORDER BY id")
        while rows := cur.fetchmany(500):
            for rec_json, stored_at, source in rows:
                rec = json.loads(rec_json)
                if fmt == "gdelt-events":
                    for row in gdelt_event_rows(rec, stored_at, statuses):
                        out.write("\t".join(row) + "\n")
                        n += 1
                elif fmt == "gdelt-gkg":
                    n += 1
                    out.write("\t".join(gkg_row(rec, n, stored_at, source)) + "\n")
                else:
                    for obj in plover_events(rec, stored_at, source, statuses):
                        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
                        n += 1
    finally:
        con.close()
    return n


def export_cli(
    fmt: Annotated[str, typer.Option("--format", "-f", help="gdelt-events | gdelt-gkg | plover-jsonl")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB store made by `warta batch`")] = Path("corpus.duckdb"),
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="output file (default: stdout)")] = None,
    status: Annotated[Optional[str], typer.Option(
        help="comma-separated event statuses to export (default: asserted,claimed for GDELT, all for PLOVER)")] = None,
    header: Annotated[bool, typer.Option(help="first line = column names (GDELT files have none)")] = False,
) -> None:
    """Export a corpus store as GDELT 2.0 events, GDELT GKG 2.1 or PLOVER JSONL."""
    if fmt not in FORMATS:
        typer.echo(f"warta export: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    if not db.exists():
        typer.echo(f"warta export: {db}: no such store", err=True)
        raise typer.Exit(2)
    statuses = [s.strip() for s in status.split(",") if s.strip()] if status else None
    if out:
        with open(out, "w", encoding="utf-8", newline="\n") as fh:
            n = export(db, fmt, fh, statuses, header)
    else:
        n = export(db, fmt, sys.stdout, statuses, header)
    typer.echo(f"warta export: {n} {'rows' if fmt != 'plover-jsonl' else 'events'} ({fmt})", err=True)


if __name__ == "__main__":
    typer.run(export_cli)
