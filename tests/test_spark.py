"""warta on Arrow batches and on Spark local[2]: the same records as `warta extract`."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from warta.spark import OUTPUT_COLUMNS, extract_batch

DATA = Path(__file__).resolve().parent / "data"


def _sample(n: int) -> list[dict]:
    with open(DATA / "indosum-sample.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh)]


def _extract(row: dict) -> dict:
    import warta

    return json.loads(warta.extract(row["text"], published=row.get("published"), id=row["id"],
                                    url=row.get("url"), title=row.get("title")).to_json())


def test_extract_batch_without_an_engine():
    rows = _sample(3)
    batch = pa.RecordBatch.from_pylist(
        [{"id": r["id"], "text": r["text"], "published": r["published"], "url": r["url"]} for r in rows]
        + [{"id": "kosong", "text": None, "published": None, "url": None}])
    out = extract_batch(batch)
    assert out.schema.names == list(OUTPUT_COLUMNS)
    got = out.to_pylist()
    assert [g["id"] for g in got] == [r["id"] for r in rows] + ["kosong"]
    assert got[3]["record"] is None and "no 'text'" in got[3]["error"]
    assert json.loads(got[1]["record"]) == _extract(rows[1])
    assert got[1]["published"] == rows[1]["published"] and got[1]["error"] is None


def _java_ok() -> bool:
    return shutil.which("java") is not None


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark")
    if not _java_ok():
        pytest.skip("no Java runtime (Spark needs Java 17)")
    from warta.spark import spark_session

    session = spark_session("local[2]")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.spark
def test_extract_df_gives_the_records_of_warta_extract(spark):
    from warta.spark import extract_df

    rows = _sample(8)
    df = spark.createDataFrame([{k: r[k] for k in ("id", "text", "published", "url")} for r in rows]).repartition(2)
    got = {r["id"]: r.asDict() for r in extract_df(df).collect()}
    assert set(got) == {r["id"] for r in rows}
    assert all(g["error"] is None for g in got.values())
    for r in rows[:3]:
        assert json.loads(got[r["id"]]["record"]) == _extract(r)


@pytest.mark.spark
def test_warta_spark_on_an_indosum_file(spark, tmp_path):
    from warta.spark import run_spark

    src = tmp_path / "in.jsonl"
    raw = (DATA / "indosum-raw-sample.jsonl").read_text(encoding="utf-8")
    src.write_text(raw + raw, encoding="utf-8")         # duplicates: one record per id
    ok, errors = run_spark(spark, str(src), str(tmp_path / "out"), partitions=2)
    assert (ok, errors) == (2, 0)
    out = spark.read.parquet(str(tmp_path / "out")).collect()
    rec = json.loads(next(r for r in out if r["id"].startswith("1518676200"))["record"])
    assert rec["published"] == "2018-02-15T06:30:00+00:00"
    assert "\n\n" in rec["text"] and rec["entities"]
    assert rec["url"].startswith("http")         # IndoSum's source_url
