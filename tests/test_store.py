"""The DuckDB corpus store and the `warta query` questions, on hand-annotated records."""
from __future__ import annotations

import json

import duckdb
import pytest

from tests.helpers.corpus_records import corpus_store, record_a1, record_a2
from warta.record import Record
from warta.store import Store
from warta.store.schema import build_layout


@pytest.fixture()
def store(tmp_path):
    s = corpus_store(tmp_path / "c.duckdb")
    yield s
    s.close()


def test_tables_follow_the_record_model():
    articles, items = build_layout()
    list_fields = {n for n, f in Record.model_fields.items() if str(f.annotation).startswith("list[") and n != "warnings"}
    assert {t.name for t in items} == list_fields
    ent = next(t for t in items if t.name == "entities")
    assert [c.name for c in ent.children] == ["mentions"]
    assert "entity_id" in ent.children[0].columns
    events = next(t for t in items if t.name == "events")
    assert {"source_entity", "target_country", "trigger_start", "trigger_text", "claimed_by"} <= set(events.columns)
    assert {"tone_score", "record", "published_date", "content_hash"} <= set(articles.columns)


def test_rows_are_joinable_by_article_id(store):
    counts = store.counts()
    assert counts["articles"] == 2 and counts["errors"] == 1
    assert counts["entities"] == 7 and counts["quotes"] == 2 and counts["events"] == 4
    assert counts["mentions"] == sum(len(e.mentions) for r in (record_a1(), record_a2()) for e in r.entities)
    # every mention's text is the article text at its offsets
    bad = store.con.execute("""
        SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE substr(a.text, m.start + 1, m."end" - m.start) <> m.text""").fetchone()[0]
    assert bad == 0
    speaker = store.con.execute("""
        SELECT e.name FROM quotes q JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker
        WHERE q.article_id = 'a1'""").fetchone()[0]
    assert speaker == "Vladimir Putin"
    day = store.con.execute("SELECT published_date FROM articles WHERE id = 'a2'").fetchone()[0]
    assert day.isoformat() == "2024-10-15"      # the day as written, not shifted to UTC


def test_full_record_round_trips(store):
    assert store.get("a1") == record_a1()
    assert json.loads(store.con.execute("SELECT record FROM articles WHERE id='a2'").fetchone()[0]) == \
        json.loads(record_a2().to_json())


def test_known_ids_cover_articles_and_errors(store):
    assert store.known_ids() == {"a1", "a2", "bad-1"}


def test_a_chunk_is_all_or_nothing(store):
    new = record_a2().model_copy(update={"id": "a3"})
    with pytest.raises(duckdb.Error):
        store.write_chunk([(new, None), (record_a1(), None)])     # a1 exists: the whole chunk fails
    assert "a3" not in store.known_ids()
    assert store.con.execute("SELECT count(*) FROM entities WHERE article_id = 'a3'").fetchone()[0] == 0


def test_store_gains_columns_when_the_model_grows(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute('CREATE TABLE quotes (article_id VARCHAR, id VARCHAR, kind VARCHAR, start BIGINT, "end" BIGINT, text VARCHAR)')
    con.close()
    with Store(path) as s:
        s.write_chunk([(record_a1(), None)])
        assert s.con.execute("SELECT speaker FROM quotes").fetchone()[0] == "e3"


def test_parquet_and_jsonl_exports(store, tmp_path):
    counts = store.export_parquet(tmp_path / "pq")
    assert counts["articles"] == 2 and counts["events"] == 4
    got = duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'pq' / 'mentions.parquet'}'").fetchone()[0]
    assert got == counts["mentions"]
    assert store.export_jsonl(tmp_path / "r.jsonl") == 2
    lines = (tmp_path / "r.jsonl").read_text().splitlines()
    assert [Record.from_dict(json.loads(x)).id for x in lines] == ["a1", "a2"]


# -- warta query ---------------------------------------------------------------------------
from warta.query import run_query  # noqa: E402


@pytest.fixture()
def db(store):
    path = store.path
    store.close()
    return path


def test_events_between_either_direction(db):
    cols, rows = run_query(db, "events-between", a="Rusia", b="ukraina", limit=100)
    got = [(str(r[cols.index("day")]), r[cols.index("source")], r[cols.index("type")], r[cols.index("status")]) for r in rows]
    assert got == [("2024-10-14", "Rusia", "ASSAULT", "denied"), ("2024-10-14", "Ukraina", "ACCUSE", "asserted"),
                   ("2024-10-14", "Rusia", "ASSAULT", "claimed"), ("2024-10-15", "Rusia", "CONSULT", "planned")]
    # Wikidata ids and ISO3 codes match too
    assert len(run_query(db, "events-between", a="Q159", b="UKR", limit=100)[1]) == 4
    assert run_query(db, "events-between", a="Rusia", b="Jerman", limit=100)[1] == []


def test_who_quotes_whom(db):
    cols, rows = run_query(db, "who-quotes", speaker=None, limit=10)
    assert sorted((r[0], r[1], r[2]) for r in rows) == [("Vladimir Putin", "Rusia", 1), ("Vladimir Putin", "Ukraina", 1)]


def test_top_speakers_groups_across_articles(db):
    cols, rows = run_query(db, "top-speakers", limit=10)
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [("Vladimir Putin", "Q7747", 2, 2)]


def test_events_per_day(db):
    cols, rows = run_query(db, "events-per-day", type=None, limit=100)
    assert [(str(r[0]), r[1], r[2]) for r in rows] == [
        ("2024-10-14", "ACCUSE", 1), ("2024-10-14", "ASSAULT", 2), ("2024-10-15", "CONSULT", 1)]
    assert len(run_query(db, "events-per-day", type="assault", limit=100)[1]) == 1


def test_claims_and_denials_about_an_actor(db):
    cols, rows = run_query(db, "claims-denials", a="rusia", limit=100)
    got = sorted((r[cols.index("status")], r[cols.index("claimed_by")], r[cols.index("type")]) for r in rows)
    assert got == [("claimed", "Ukraina", "ASSAULT"), ("denied", "Rusia", "ASSAULT")]


def test_query_cli_prints_csv(db):
    from typer.testing import CliRunner

    from warta.cli import app

    res = CliRunner().invoke(app, ["query", "top-speakers", "--db", db, "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0] == "speaker,wikidata,role,quotes,articles"
    assert res.output.splitlines()[1].startswith("Vladimir Putin,Q7747,")
    res = CliRunner().invoke(app, ["query", "top-speakers", "--db", "missing.duckdb"])
    assert res.exit_code == 2


def test_record_writers(tmp_path):
    import pyarrow.parquet as pq

    from warta.io import write_jsonl, write_parquet

    recs = [json.loads(record_a1().to_json()), record_a2().to_json()]
    assert write_parquet(recs, tmp_path / "r.parquet") == 2
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.column("id").to_pylist() == ["a1", "a2"]
    assert Record.from_dict(json.loads(table.column("record")[1].as_py())) == record_a2()
    assert write_jsonl(recs, tmp_path / "r.jsonl") == 2
    assert json.loads((tmp_path / "r.jsonl").read_text().splitlines()[0]) == recs[0]


def test_tone_of_an_actor_per_period(tmp_path):
    """Mean tone of the articles that mention an actor: a2 is stored with a lower tone than a1."""
    from tests.helpers.corpus_records import record_a1, record_a2
    from warta.record import ErrorRecord, Tone
    from warta.store import Store

    s = Store(tmp_path / "t.duckdb")
    s.write_chunk([(record_a1().model_copy(update={"tone": Tone(score=-2.0, positive=1.0, negative=3.0, words=100)}), {}),
                   (record_a2().model_copy(update={"tone": Tone(score=1.0, positive=2.0, negative=1.0, words=50)}), {})],
                  [ErrorRecord(id="bad-1", error="x", source="t")])
    path = s.path
    s.close()
    cols, rows = run_query(path, "tone-of", a="Rusia", period="day", limit=10)
    got = [(str(r[0]), r[1], r[2]) for r in rows]
    assert got == [("2024-10-14", 1, -2.0), ("2024-10-15", 1, 1.0)]
    cols, rows = run_query(path, "tone-of", a="RUS", period="month", limit=10)
    assert [(str(r[0]), r[1], r[2]) for r in rows] == [("2024-10-01", 2, -0.5)]
    assert run_query(path, "tone-of", a="Jerman", period="week", limit=10)[1] == []
