"""`warta` command line: output, several inputs, stdin, and every kind of bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.check_record import problems

WARTA = [sys.executable, "-m", "warta.cli"]


def run(args, stdin: bytes | None = None, timeout=300):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(WARTA + args, input=stdin, capture_output=True, timeout=timeout, env=env)


def test_version_and_help():
    out = run(["--version"])
    assert out.returncode == 0 and out.stdout.decode().startswith("warta ")
    for args in (["--help"], ["extract", "--help"], ["eval", "--help"]):
        res = run(args)
        assert res.returncode == 0, res.stderr
        assert b"Usage" in res.stdout


def test_extract_one_file_prints_one_valid_record(data_dir):
    res = run(["extract", str(data_dir / "zelenskyy-korea-utara.txt"), "--published", "2024-10-14"])
    assert res.returncode == 0, res.stderr.decode()
    record = json.loads(res.stdout)
    assert record["id"] == "zelenskyy-korea-utara"
    assert problems(record, None) == []
    assert {"UKR", "RUS", "PRK", "KOR", "USA", "DEU"} <= {e.get("country") for e in record["entities"]}


def test_stdin_and_jsonl(data_dir):
    text = (data_dir / "zelenskyy-korea-utara.txt").read_bytes()
    res = run(["extract", "-", "--format", "jsonl"], stdin=text)
    assert res.returncode == 0
    lines = res.stdout.decode().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"] == text.decode()


def test_folder_gives_jsonl_and_bad_file_does_not_stop_the_rest(tmp_path, indosum_articles):
    for a in indosum_articles[:3]:
        (tmp_path / f"{a['id'][:20]}.txt").write_text(a["text"], encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"Presiden \xff\xfe mengatakan")
    res = run(["extract", str(tmp_path)])
    assert res.returncode == 1
    records = [json.loads(l) for l in res.stdout.decode().splitlines()]
    assert len(records) == 3
    err = res.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "broken.txt" in err[0] and "UTF-8" in err[0]
    assert "Traceback" not in res.stderr.decode()


@pytest.mark.parametrize("payload,needle", [
    (b"\x00\x01\x02binary\x00data", "binary"),
    (b"caf\xe9 au lait", "UTF-8"),
])
def test_bad_bytes_give_one_line_error(payload, needle):
    res = run(["extract", "-"], stdin=payload)
    assert res.returncode != 0
    err = res.stderr.decode()
    assert needle in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("payload", [b"", b"   \n\t  \n"])
def test_empty_text_gives_valid_empty_record(payload):
    res = run(["extract", "-"], stdin=payload)
    assert res.returncode == 0, res.stderr
    record = json.loads(res.stdout)
    assert problems(record, None) == []
    assert record["entities"] == [] and record["sentences"] == []
    assert any("empty" in w for w in record["warnings"])


def test_missing_file_and_bad_date():
    res = run(["extract", "/nonexistent/file.txt"])
    assert res.returncode != 0 and "Traceback" not in res.stderr.decode()
    assert "file.txt" in res.stderr.decode()
    res = run(["extract", "-", "--published", "kemarin"], stdin=b"Presiden datang.")
    assert res.returncode == 2 and "ISO 8601" in res.stderr.decode()


def test_html_input_is_reduced_to_text():
    html = ("<html><head><title>Berita</title><script>alert(1)</script></head><body><nav>Menu</nav>"
            "<article><p>Presiden Joko Widodo bertemu Perdana Menteri Jepang di Tokyo pada Senin.</p>"
            "<p>Kedua pemimpin membahas kerja sama ekonomi antara Indonesia dan Jepang.</p></article></body></html>")
    res = run(["extract", "-"], stdin=html.encode())
    assert res.returncode == 0, res.stderr
    record = json.loads(res.stdout)
    assert "<p>" not in record["text"] and "Jepang" in record["text"] and "alert" not in record["text"]
    assert any("HTML" in w for w in record["warnings"])
    assert problems(record, None) == []


@pytest.mark.slow
def test_ten_megabyte_text_completes(tmp_path, indosum_articles):
    """A 10 MB text is processed in chunks (bounded memory) and still gives a valid record."""
    base = "\n\n".join(a["text"] for a in indosum_articles)
    text = (base + "\n\n") * (10_000_000 // len(base) + 1)
    path = tmp_path / "big.txt"
    path.write_text(text[:10_000_000], encoding="utf-8")
    res = run(["extract", str(path), "--format", "jsonl"], timeout=1800)
    assert res.returncode == 0, res.stderr.decode()[-500:]
    record = json.loads(res.stdout)
    assert len(record["text"]) == 10_000_000
    assert problems(record, None) == []
    assert any("chunks" in w for w in record["warnings"])


def test_extract_without_a_publication_date_says_why_times_have_no_value(tmp_path, data_dir):
    """The example article has "Minggu malam", "minggu ini", "pekan lalu": without --published they
    cannot be placed, and the record says so instead of guessing; with it, no such warning."""
    from warta.api import extract

    text = (data_dir / "zelenskyy-korea-utara.txt").read_text(encoding="utf-8")
    record = extract(text)
    assert any(w.startswith("time.no_published:") for w in record.warnings)
    assert any(t.value is None for t in record.times)
    dated = extract(text, published="2024-10-14")
    assert not any(w.startswith("time.no_published:") for w in dated.warnings)
    assert all(t.value is not None for t in dated.times if t.text.lower() in ("minggu malam", "minggu ini"))


def test_min_event_confidence_filters_events_and_rejects_bad_values(data_dir):
    """--min-event-confidence 0 keeps every event (more than the shipped threshold keeps), 0.7 keeps only
    the likelier ones, and every kept event is at or above the bound."""
    article = str(data_dir / "zelenskyy-korea-utara.txt")
    counts = {}
    for bound in (None, "0", "0.7"):
        args = ["extract", article, "--published", "2024-10-14"] + (["--min-event-confidence", bound] if bound else [])
        res = run(args)
        assert res.returncode == 0, res.stderr.decode()
        events = json.loads(res.stdout)["events"]
        counts[bound] = len(events)
        if bound:
            assert all(e["confidence"] >= float(bound) for e in events)
    assert counts["0"] > counts[None] > counts["0.7"] > 0
    bad = run(["extract", article, "--min-event-confidence", "2"])
    assert bad.returncode == 2 and b"between 0 and 1" in bad.stderr
