"""`warta serve` API, in process (FastAPI TestClient): extraction, corpus queries and safety."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from tests.helpers import web_corpus  # noqa: E402
from warta.record import Record  # noqa: E402
from warta.web import create_app  # noqa: E402
from warta.web.app import MAX_BODY  # noqa: E402

EXAMPLE = web_corpus.EXAMPLE


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    return web_corpus.write_duckdb(tmp_path_factory.mktemp("web") / "corpus.duckdb")


@pytest.fixture(scope="module")
def client(corpus_file) -> TestClient:
    with TestClient(create_app(corpus_file, preload=False)) as c:
        yield c


# -- extraction -------------------------------------------------------------------------------
def test_extract_returns_the_same_record_as_the_python_api(client):
    import warta

    res = client.post("/api/extract", json={"text": EXAMPLE, "published": "2024-10-14", "title": "Contoh"})
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("application/json")
    rec = Record.model_validate(res.json())
    assert rec.text == EXAMPLE and rec.title == "Contoh" and rec.published == "2024-10-14"
    direct = warta.extract(EXAMPLE, published="2024-10-14", title="Contoh").to_dict()
    got = res.json()
    for field in ("entities", "quotes", "events", "times", "places", "sentences"):
        assert got[field] == direct[field], field
    names = {e.name for e in rec.entities}
    assert {"Korea Utara", "Rusia"} <= names, names
    for e in rec.entities:  # offsets point into the text as posted
        for m in e.mentions:
            assert m.text is None or EXAMPLE[m.start:m.end] == m.text


def test_extract_rejects_bad_input_with_422_not_500(client):
    assert client.post("/api/extract", json={"text": EXAMPLE, "published": "kemarin"}).status_code == 422
    assert client.post("/api/extract", json={"published": "2024-10-14"}).status_code == 422
    assert client.post("/api/extract", content=b"not json", headers={"content-type": "application/json"}).status_code == 422


def test_extract_empty_text_gives_valid_empty_record(client):
    res = client.post("/api/extract", json={"text": "   "})
    assert res.status_code == 200
    rec = Record.model_validate(res.json())
    assert rec.entities == [] and rec.warnings


def test_body_over_two_megabytes_is_refused_with_413(client):
    big = json.dumps({"text": "a" * (MAX_BODY + 10)})
    res = client.post("/api/extract", content=big, headers={"content-type": "application/json"})
    assert res.status_code == 413


def test_streamed_body_without_length_is_capped_too(client):
    def chunks():
        for _ in range(3):
            yield b"x" * (MAX_BODY // 2)

    res = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert res.status_code == 413


# -- corpus -----------------------------------------------------------------------------------
def test_info_counts_the_stored_corpus(client):
    info = client.get("/api/info").json()
    assert info["articles"] == 3 and info["events"] == 5 and info["name"] == "corpus.duckdb"


def test_articles_list_and_full_text_search(client):
    listed = client.get("/api/articles").json()
    assert listed["total"] == 3
    assert [a["id"] for a in listed["items"]][0] == "hostile-1"  # newest first
    hits = client.get("/api/articles", params={"q": "tentara"}).json()
    assert {a["id"] for a in hits["items"]} == {"zelenskyy-2024-10-14", "peskov-2024-10-15"}
    assert "\x02tentara\x03" in hits["items"][0]["snippet"]
    assert client.get("/api/articles", params={"q": "peskov"}).json()["total"] == 1
    assert client.get("/api/articles", params={"q": "Pesk*"}).json()["total"] == 1
    # FTS5 syntax in user input is quoted, never an error
    assert client.get("/api/articles", params={"q": '"NEAR( OR AND *'}).status_code == 200


def test_article_by_id_is_the_stored_record(client):
    res = client.get("/api/articles/zelenskyy-2024-10-14")
    assert res.status_code == 200
    assert res.json() == web_corpus.example_record()
    assert client.get("/api/articles/nope").status_code == 404


def test_events_filters(client):
    def ids(**params):
        items = client.get("/api/events", params=params).json()["items"]
        return sorted((e["article"], e["id"]) for e in items)

    assert ids(type="ACCUSE") == [("hostile-1", "v1"), ("zelenskyy-2024-10-14", "v1")]
    assert ids(type="ACCUSE,REJECT") == ids(type=["ACCUSE", "REJECT"])
    assert ids(status="denied") == [("peskov-2024-10-15", "v1")]
    assert ids(actor="Q3881") == [("zelenskyy-2024-10-14", "v1")]          # by entity key
    assert ids(actor="korea utara") == [("peskov-2024-10-15", "v1"), ("zelenskyy-2024-10-14", "v1"),
                                        ("zelenskyy-2024-10-14", "v2")]     # by name part, either side
    assert ids(since="2024-10-14", until="2024-10-15") == [("peskov-2024-10-15", "v1"), ("zelenskyy-2024-10-14", "v2")]
    assert ids(until="2024-01") == [("zelenskyy-2024-10-14", "v3")]
    assert ids(actor="Rusia", type="REJECT", status="denied") == [("peskov-2024-10-15", "v1")]
    assert client.get("/api/events", params={"since": "2024-13-99x"}).status_code == 422
    ev = client.get("/api/events", params={"type": "ASSAULT"}).json()["items"][0]
    assert (ev["source"], ev["target"], ev["place"], ev["lat"]) == ("Rusia", "Ukraina", "Kharkiv", 49.98)


def test_entities_are_merged_across_articles(client):
    ents = {e["key"]: e for e in client.get("/api/entities").json()}
    assert ents["Q159"]["articles"] == 2 and ents["Q159"]["mentions"] == 4
    per = client.get("/api/entities", params={"type": "PER"}).json()
    assert {e["type"] for e in per} == {"PER"} and "Dmitry Peskov" in {e["name"] for e in per}
    assert [e["key"] for e in client.get("/api/entities", params={"q": "Pesk"}).json()] == ["Q4156669"]


def test_quotes_by_speaker(client):
    res = client.get("/api/quotes", params={"speaker": "Zelenskyy"}).json()
    assert res["total"] == 1 and res["items"][0]["text"].startswith("“Kami melihat")
    assert client.get("/api/quotes", params={"speaker": "Q4156669"}).json()["items"][0]["speaker"] == "Dmitry Peskov"
    assert client.get("/api/quotes", params={"speaker": "nobody"}).json()["total"] == 0


def test_network_timeline_and_places(client):
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"], e["kind"]) for e in net["edges"]}
    assert ("Q3881", "Q423", "event") in edges          # Zelenskyy accuses North Korea
    assert ("Q3881", "Q159", "quote") in edges          # ... and talks about Russia in his quote
    assert {n["key"] for n in net["nodes"]} >= {"Q3881", "Q423", "Q159"}
    tl = client.get("/api/timeline", params={"precision": "month"}).json()
    assert {(b["date"], b["type"], b["status"]): b["count"] for b in tl["buckets"]}[("2024-10", "ACCUSE", "asserted")] == 2
    assert client.get("/api/timeline", params={"precision": "week; DROP"}).status_code == 422
    places = {p["name"]: p for p in client.get("/api/places").json()}
    assert set(places) == {"Kharkiv", "Moskwa"} and places["Moskwa"]["types"] == "REJECT"


def test_app_without_corpus_serves_empty_views():
    with TestClient(create_app(None, preload=False)) as c:
        assert c.get("/api/info").json()["articles"] == 0
        assert c.get("/api/events").json() == {"total": 0, "items": []}
        assert c.get("/api/articles/x").status_code == 404


# -- safety -----------------------------------------------------------------------------------
EVIL_IDS = ["../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/pyproject.toml",
            "/etc/passwd", "..\\..\\pyproject.toml", "corpus.duckdb", "__init__.py"]


def test_path_parameters_never_reach_the_filesystem(client):
    opened: list[str] = []
    recording = {"on": False}

    def hook(event, args):
        if recording["on"] and event == "open" and args and isinstance(args[0], (str, bytes, Path)):
            opened.append(str(args[0]))

    sys.addaudithook(hook)  # audit hooks cannot be removed; this one only records while "on"
    recording["on"] = True
    try:
        for evil in EVIL_IDS:
            res = client.get("/api/articles/" + evil)
            assert res.status_code == 404, evil
            assert "root:" not in res.text and "[project]" not in res.text
        for evil in ["../app.py", "%2e%2e/app.py", "..%2Fcorpus.py", "/etc/passwd"]:
            res = client.get("/static/" + evil)
            assert res.status_code == 404, evil
    finally:
        recording["on"] = False
    assert not [p for p in opened if "passwd" in p or "pyproject" in p or p.endswith(".py")], opened


def test_hostile_text_stays_inert_json(client):
    rec = client.get("/api/articles/hostile-1")
    assert rec.headers["content-type"].startswith("application/json")
    body = rec.json()
    assert "<script>window.__pwned = 1</script>" in body["text"]  # kept verbatim, as data
    assert body["title"] == web_corpus.HOSTILE_TITLE
    ev = client.get("/api/events", params={"article": "hostile-1"}).json()["items"][0]
    assert ev["target"].startswith("Budi <img")
    res = client.post("/api/extract", json={"text": web_corpus.HOSTILE_TEXT})
    assert res.status_code == 200 and res.headers["content-type"].startswith("application/json")
    assert res.json()["text"] == web_corpus.HOSTILE_TEXT


def test_page_is_self_contained_and_locked_down(client):
    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    static = Path(__file__).resolve().parents[1] / "src" / "warta" / "web" / "static"
    for name in ("index.html", "docs.html", "app.js", "docs.js", "app.css"):
        text = (static / name).read_text(encoding="utf-8")
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text
        foreign = [u for u in __import__("re").findall(r"https?://[^\s\"')]+", text)
                   if not u.startswith("http://www.w3.org/2000/svg")]
        assert foreign == [], (name, foreign)
    for asset in ("/static/app.js", "/static/app.css", "/static/world-110m.geojson", "/docs"):
        assert client.get(asset).status_code == 200, asset
    world = client.get("/static/world-110m.geojson").json()
    assert len(world["features"]) > 150 and any(f["properties"]["iso_a3"] == "IDN" for f in world["features"])


def test_loopback_server_refuses_foreign_host_names(corpus_file):
    from warta.web.app import LOOPBACK_HOSTS

    with TestClient(create_app(corpus_file, preload=False, allowed_hosts=LOOPBACK_HOSTS),
                    base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/info").status_code == 200
        assert c.get("/api/info", headers={"host": "localhost:8000"}).status_code == 200
        rebound = c.get("/api/articles/zelenskyy-2024-10-14", headers={"host": "evil.example:8000"})
        assert rebound.status_code == 400 and "Korea" not in rebound.text


def test_openapi_served_and_swagger_cdn_page_off(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/extract", "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/entities",
            "/api/quotes"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "swagger" not in docs.lower() and "cdn" not in docs.lower()
    assert client.get("/redoc").status_code == 404


def test_serve_command_reports_an_unreadable_corpus_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app

    bogus = tmp_path / "not-a-corpus.duckdb"
    bogus.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", str(bogus), "--port", "0"])
    assert result.exit_code == 1
    assert "cannot read corpus" in result.output and "Traceback" not in result.output
    assert CliRunner().invoke(app, ["serve", str(tmp_path / "missing.duckdb")]).exit_code != 0
