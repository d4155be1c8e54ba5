"""Corpus readers and `warta batch`: every input format, bad rows, resume, and a real kill -9."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import jsonschema

from tests.helpers.check_record import SCHEMA, problems
from warta.io import InputArticle, InputError, read_inputs
from warta.io.indosum import article_text, published_from_id

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SAMPLE = DATA / "indosum-sample.jsonl"


def _sample(n: int) -> list[dict]:
    with open(SAMPLE, encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh)]


# -- readers --------------------------------------------------------------------------------
def test_indosum_rows_become_running_text():
    rows = [json.loads(line) for line in open(DATA / "indosum-raw-sample.jsonl", encoding="utf-8")]
    items = list(read_inputs([DATA / "indosum-raw-sample.jsonl"]))
    assert [i.id for i in items] == [r["id"] for r in rows]
    art = items[1]
    assert isinstance(art, InputArticle)
    assert art.published == published_from_id(rows[1]["id"]) == "2018-02-15T06:30:00+00:00"   # 1518676200 s after 1970-01-01 UTC
    assert art.url == rows[1]["source_url"] and art.source == rows[1]["source"]
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) == len([p for p in rows[1]["paragraphs"] if p])
    # every token is in the text, in order; punctuation is attached, not floating
    pos = 0
    for tok in (t for p in rows[1]["paragraphs"] for s in p for t in s):
        pos = art.text.index(tok, pos) + len(tok)
    assert " ," not in art.text and " ." not in art.text and "( " not in art.text


def test_straight_quotes_open_and_close():
    text = article_text([[["\"", "Kami", "siap", ",", "\"", "kata", "Budi", "(", "27", "/", "3", ")", "."]]])
    assert text == '"Kami siap," kata Budi (27/3).'


def test_jsonl_bad_rows_become_errors(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "x1", "text": "Jokowi tiba di Bandung."}\n'
                 '{"id": "x2", "text": 42}\n'
                 '{not json}\n'
                 '{"id": "x3", "title": "tanpa teks"}\n'
                 '\n'
                 '{"text": "Teks tanpa id."}\n', encoding="utf-8")
    items = list(read_inputs([f]))
    assert [type(i).__name__ for i in items] == ["InputArticle", "InputError", "InputError", "InputError", "InputArticle"]
    assert items[1].id == "x2" and "not a string" in items[1].error
    assert items[2].id == f"{f}:3" and "invalid JSON" in items[2].error
    assert items[3].id == "x3" and "no 'text'" in items[3].error
    from warta.pipeline import content_id

    assert items[4].id == content_id("Teks tanpa id.")        # the id `warta extract` would give it


def test_csv_parquet_and_txt_folder(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _sample(3)
    with open(tmp_path / "a.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "text", "published", "url"], extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    pq.write_table(pa.Table.from_pylist([{k: r[k] for k in ("id", "text", "published")} for r in rows]),
                   tmp_path / "b.parquet")
    txt = tmp_path / "txt" / "2024"
    txt.mkdir(parents=True)
    (txt / "satu.txt").write_text(rows[0]["text"], encoding="utf-8")
    (txt / "rusak.txt").write_bytes(b"\xff\xfe bukan utf-8 \xc3")
    from_csv = list(read_inputs([tmp_path / "a.csv"]))
    from_pq = list(read_inputs([tmp_path / "b.parquet"]))
    assert [(a.id, a.text, a.published) for a in from_csv] == [(r["id"], r["text"], r["published"]) for r in rows]
    assert [(a.id, a.text) for a in from_pq] == [(r["id"], r["text"]) for r in rows]
    from_txt = list(read_inputs([tmp_path / "txt"]))
    assert isinstance(from_txt[0], InputError) and from_txt[0].id == "2024/rusak"
    assert isinstance(from_txt[1], InputArticle) and from_txt[1].id == "2024/satu"
    assert from_txt[1].text == rows[0]["text"]
    # a folder mixing formats is read whole, in sorted order
    assert len(list(read_inputs([tmp_path]))) == 3 + 3 + 2


# -- warta batch (the real pipeline, real worker processes) ----------------------------------
def _env() -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def _batch_cmd(*args) -> list[str]:
    return [sys.executable, "-m", "warta.cli", "batch", *map(str, args)]


def _con(path):
    return duckdb.connect(str(path), read_only=True)


def test_batch_stores_records_errors_and_resumes(tmp_path):
    rows = _sample(6)
    good = tmp_path / "good.jsonl"
    good.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "no-text"}\n{broken\n' + json.dumps(rows[0]) + "\n" + '{"id": "num", "text": 7}\n',
                   encoding="utf-8")
    out = tmp_path / "c.duckdb"
    cmd = _batch_cmd(good, bad, "--out", out, "--workers", "2", "--chunk-size", "2",
                     "--jsonl", tmp_path / "all.jsonl", "--parquet", tmp_path / "pq")
    res = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=600)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("ok=6 skipped=1 errors=3 ")     # rows[0] twice: stored once
    con = _con(out)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    errors = dict(con.execute("SELECT id, error FROM errors").fetchall())
    assert set(errors) == {"no-text", f"{bad}:2", "num"} and "not a string" in errors["num"]
    # the stored record is exactly what `warta extract` gives for the same article
    import warta

    r = rows[3]
    want = json.loads(warta.extract(r["text"], published=r["published"], id=r["id"], url=r["url"]).to_json())
    got = json.loads(con.execute("SELECT record FROM articles WHERE id = ?", [r["id"]]).fetchone()[0])
    assert got == want
    validator = jsonschema.Draft202012Validator(json.load(open(SCHEMA)))
    for (rec,) in con.execute("SELECT record FROM articles").fetchall():
        assert problems(json.loads(rec), validator) == []
    n_ent = con.execute("SELECT count(*) FROM entities").fetchone()[0]
    assert n_ent == sum(len(json.loads(x)["entities"]) for (x,) in con.execute("SELECT record FROM articles").fetchall())
    con.close()
    assert len((tmp_path / "all.jsonl").read_text().splitlines()) == 6
    assert (tmp_path / "pq" / "entities.parquet").exists()
    # resume: everything is known now
    res = subprocess.run(_batch_cmd(good, bad, "--out", out, "--workers", "1"), capture_output=True, text=True,
                         env=_env(), timeout=600)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("ok=0 skipped=10 errors=0 ")


def test_sigkill_mid_batch_then_resume_stores_each_article_once(tmp_path):
    rows = _sample(60)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    dup = tmp_path / "dup.jsonl"         # the same articles again, plus one without id and one bad row
    dup.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:5])
                   + json.dumps({"text": rows[7]["text"] + " Tambahan."}) + "\n{oops\n", encoding="utf-8")
    out = tmp_path / "c.duckdb"
    cmd = _batch_cmd(src, dup, "--out", out, "--workers", "2", "--chunk-size", "2")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:          # wait until a chunk with articles is committed
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
            if "committed ok" in line and not line.startswith("warta batch: committed ok 0 "):
                break
        os.killpg(proc.pid, signal.SIGKILL)          # the batch and its workers, mid-run
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    con = _con(out)
    stored_after_kill = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 0 < stored_after_kill < 61, "the kill should land mid-batch"

    res = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=600)
    assert res.returncode == 0, res.stderr
    con = _con(out)
    ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
    assert len(ids) == len(set(ids)) == 61                       # 60 + the one without id
    assert set(ids) >= {r["id"] for r in rows}
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 1
    for table, key in (("entities", "article_id, id"), ("quotes", "article_id, id"), ("sentences", "article_id, seq")):
        dupes = con.execute(f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]
        assert dupes == 0, table
    total_entities = sum(len(json.loads(x)["entities"]) for (x,) in con.execute("SELECT record FROM articles").fetchall())
    assert con.execute("SELECT count(*) FROM entities").fetchone()[0] == total_entities
    con.close()


def test_a_dying_worker_costs_only_its_article(tmp_path):
    from tests.helpers.crashing_extractor import CRASH_MARK

    rows = _sample(7)
    rows.insert(3, {"id": "racun", "text": f"Artikel ini membunuh proses pekerja {CRASH_MARK}."})
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "c.duckdb"
    env = _env()
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env["PYTHONPATH"]])
    res = subprocess.run(_batch_cmd(src, "--out", out, "--workers", "2", "--chunk-size", "3",
                                    "--extractor", "tests.helpers.crashing_extractor:crashing_extractor"),
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("ok=7 skipped=0 errors=1 ")
    con = _con(out)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 7
    (err_id, reason), = con.execute("SELECT id, error FROM errors").fetchall()
    assert err_id == "racun" and "worker process died" in reason
    con.close()


def test_txt_folder_in_process_with_a_default_date(tmp_path):
    from warta.batch import run_batch

    folder = tmp_path / "berita"
    folder.mkdir()
    (folder / "zelenskyy.txt").write_text((DATA / "zelenskyy-korea-utara.txt").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    (folder / "kosong.txt").write_text("   \n", encoding="utf-8")
    summary = run_batch([folder], tmp_path / "c.duckdb", workers=0, progress=False, published="2024-10-14")
    assert (summary.ok, summary.errors, summary.skipped) == (2, 0, 0)
    con = _con(tmp_path / "c.duckdb")
    rows = dict(con.execute("SELECT id, published FROM articles").fetchall())
    assert rows == {"zelenskyy": "2024-10-14", "kosong": "2024-10-14"}
    warnings = con.execute("SELECT warnings FROM articles WHERE id = 'kosong'").fetchone()[0]
    assert any("empty" in w for w in warnings)
    # the example's speakers, through the store's normalised tables
    speakers = {r[0] for r in con.execute(
        "SELECT e.name FROM quotes q JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker").fetchall()}
    assert "Volodymyr Zelenskyy" in speakers
    con.close()


def test_batch_workers_apply_min_event_confidence(tmp_path):
    """The bound reaches the worker processes: with 0 the store holds at least as many events as with
    the shipped threshold, and none below 0.7 when 0.7 is asked."""
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _sample(4)), encoding="utf-8")
    counts = {}
    for bound in ("0", "0.7"):
        out = tmp_path / f"c{bound}.duckdb"
        res = subprocess.run(_batch_cmd(src, "--out", out, "--workers", "2", "--no-progress",
                                        "--min-event-confidence", bound),
                             capture_output=True, text=True, env=_env(), timeout=600)
        assert res.returncode == 0, res.stderr
        with _con(out) as con:
            counts[bound] = con.execute("select count(*) from events").fetchall()[0][0]
            low = con.execute("select count(*) from events where confidence < 0.7").fetchall()[0][0]
        if bound == "0.7":
            assert low == 0
    assert counts["0"] > counts["0.7"]
