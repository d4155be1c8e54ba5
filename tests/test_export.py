"""`warta export`: GDELT 2.0 events, GDELT GKG 2.1 and PLOVER JSONL from a corpus store."""
from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from tests.helpers.corpus_records import A1_TEXT, A2_TEXT, corpus_store
from warta.cli import app
from warta.export import GDELT_EVENT_COLUMNS, GKG_COLUMNS, export, global_event_id


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "c.duckdb"
    corpus_store(path).close()
    return str(path)


def _rows(db, fmt, **kw):
    buf = io.StringIO()
    n = export(db, fmt, buf, **kw)
    lines = buf.getvalue().splitlines()
    assert len(lines) == n
    return lines


def test_layouts_match_the_codebooks():
    assert len(GDELT_EVENT_COLUMNS) == 61 and len(set(GDELT_EVENT_COLUMNS)) == 61
    assert GDELT_EVENT_COLUMNS[:5] == ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    assert GDELT_EVENT_COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert GDELT_EVENT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]
    assert len(GKG_COLUMNS) == 27 and GKG_COLUMNS[15] == "V1.5TONE" and GKG_COLUMNS[22] == "V2.1QUOTATIONS"


def test_gdelt_events_rows(db):
    lines = _rows(db, "gdelt-events")
    rows = [dict(zip(GDELT_EVENT_COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    # default statuses: asserted and claimed (the denied and the planned event are left out)
    assert sorted(r["EventCode"] for r in rows) == ["112", "18"]
    accuse = next(r for r in rows if r["EventCode"] == "112")
    assert (accuse["EventBaseCode"], accuse["EventRootCode"], accuse["QuadClass"], accuse["GoldsteinScale"]) == \
        ("112", "11", "3", "-4")
    assert (accuse["Actor1Name"], accuse["Actor1CountryCode"], accuse["Actor2CountryCode"]) == ("UKRAINA", "UKR", "RUS")
    assert (accuse["Day"], accuse["MonthYear"], accuse["Year"], accuse["FractionDate"]) == \
        ("20241014", "202410", "2024", "2024.8603")   # 2024 + (10*30 + 14)/365
    assert accuse["IsRootEvent"] == "0"         # its sentence is in the second paragraph
    # Kyiv: GDELT's FIPS code for Ukraine is UP; world city = type 4
    assert (accuse["ActionGeo_Type"], accuse["ActionGeo_FullName"], accuse["ActionGeo_CountryCode"],
            accuse["ActionGeo_Lat"], accuse["ActionGeo_Long"], accuse["ActionGeo_FeatureID"]) == \
        ("4", "Kyiv", "UP", "50.45", "30.52", "703448")
    assert accuse["SOURCEURL"] == "https://example.org/berita/a1"
    assert accuse["GlobalEventID"] == str(global_event_id("a1", "v2"))
    assert len(accuse["DATEADDED"]) == 14 and accuse["DATEADDED"].isdigit()
    # no CAMEO code on the claimed ASSAULT: the PLOVER type's CAMEO root, material conflict
    assault = next(r for r in rows if r["EventCode"] == "18")
    assert (assault["QuadClass"], assault["GoldsteinScale"], assault["Actor1Type1Code"]) == ("4", "-8", "MIL")
    # every status on request
    assert len(_rows(db, "gdelt-events", statuses=["asserted", "claimed", "denied", "planned"])) == 4


def test_gdelt_gkg_rows(db):
    lines = _rows(db, "gdelt-gkg")
    rows = [dict(zip(GKG_COLUMNS, line.split("\t"))) for line in lines]
    assert len(rows) == 2 and all(len(line.split("\t")) == 27 for line in lines)
    a1, a2 = rows
    assert a1["V2.1DATE"] == "20241014000000" and a2["V2.1DATE"] == "20241015083000"
    assert (a1["V2SOURCECOLLECTIONIDENTIFIER"], a1["V2SOURCECOMMONNAME"], a1["V2DOCUMENTIDENTIFIER"]) == \
        ("1", "example.org", "https://example.org/berita/a1")
    assert (a2["V2SOURCECOLLECTIONIDENTIFIER"], a2["V2DOCUMENTIDENTIFIER"]) == ("2", "a2")
    assert a1["V1PERSONS"] == "Vladimir Putin"
    for block in a2["V2ENHANCEDPERSONS"].split(";"):
        name, offset = block.rsplit(",", 1)
        assert A2_TEXT[int(offset):].startswith(("Vladimir Putin", "Putin"))
    assert a1["V1LOCATIONS"] == "4#Kyiv#UP##50.45#30.52#703448"
    assert a1["V2ENHANCEDLOCATIONS"] == f"4#Kyiv#UP###50.45#30.52#703448#{A1_TEXT.index('Kyiv')}"
    assert len(a1["V1.5TONE"].split(",")) == 7
    assert a1["V2.1ENHANCEDDATES"] == f"3#10#14#2024#{A1_TEXT.index('Senin')}"
    offset, length, verb, quote = a1["V2.1QUOTATIONS"].split("|")
    assert (verb, A1_TEXT[int(offset):int(offset) + int(length)]) == \
        ("kata", '"Kami tidak pernah menyerang warga sipil,"')
    assert a1["V2EXTRASXML"] == "<PAGE_TITLE>Rusia membantah serangan</PAGE_TITLE>"


def test_plover_jsonl(db):
    objs = [json.loads(x) for x in _rows(db, "plover-jsonl")]
    assert len(objs) == 4
    denied = next(o for o in objs if o["id"] == "a1-v1")
    assert denied["event"] == ["ASSAULT"] and denied["date"] == "2024-10-14"
    assert denied["actor"][0]["code"] == "RUS" and denied["recipient"][0]["identifier_id"] == "Q212"
    assert denied["status"] == "denied" and denied["claimed_by"] == "Rusia"
    accuse = next(o for o in objs if o["id"] == "a1-v2")
    assert accuse["event_loc"]["geonameid"] == 703448 and accuse["quad_code"] == 3
    assert accuse["text_info"]["sequence"] == 2
    assert accuse["event_text"] == ["menuduh"] and accuse["cite_info"]["language"] == "id"


def test_export_cli_writes_file(db, tmp_path):
    out = tmp_path / "events.csv"
    res = CliRunner().invoke(app, ["export", "--format", "gdelt-events", "--db", db, "--out", str(out), "--header"])
    assert res.exit_code == 0, res.output
    lines = out.read_text().splitlines()
    assert lines[0].split("\t") == GDELT_EVENT_COLUMNS and len(lines) == 3
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--db", db])
    assert res.exit_code == 2
