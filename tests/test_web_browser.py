"""`warta serve` end to end in real headless Chromium (Debian's), driven by Python Playwright.

The test starts `warta serve` itself on 127.0.0.1 on a free port, against a DuckDB corpus
written by the batch store, and stops it by PID. (The screenshots in docs/ come from
tools/web_screenshots.py on a batch-built corpus.)
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import web_corpus

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    pytest.skip("needs Debian chromium (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_command(corpus: Path, port: int) -> list[str]:
    """`warta serve` through the CLI (the module form only while the CLI lacks the command)."""
    args = [str(corpus), "--host", "127.0.0.1", "--port", str(port)]
    from warta.cli import app

    names = {c.name or (c.callback.__name__ if c.callback else None) for c in app.registered_commands}
    if "serve" in names:
        return [sys.executable, "-c", "from warta.cli import app; app()", "serve", *args]
    return [sys.executable, "-m", "warta.web", *args]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    corpus = web_corpus.write_duckdb(tmp_path_factory.mktemp("serve") / "corpus.duckdb")
    port = _free_port()
    log = open(tmp_path_factory.mktemp("log") / "serve.log", "w+")
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.Popen(_serve_command(corpus, port), stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # the pipeline warms up before the port opens
    while True:
        try:
            with urllib.request.urlopen(base + "/api/info", timeout=2) as res:
                if res.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            proc.kill()
            pytest.fail(f"warta serve did not start (exit {proc.poll()}):\n{log.read()[-3000:]}")
        time.sleep(0.3)
    yield base
    os.kill(proc.pid, signal.SIGTERM)  # stop exactly the process this test started
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    log.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    ctx.close()


def _doc_text(page) -> str:
    """The article text as shown, without the speaker badges the page adds before quotes."""
    return page.evaluate("""() => { const d = document.getElementById('doc').cloneNode(true);
        d.querySelectorAll('.quote-badge').forEach((b) => b.remove()); return d.textContent; }""")


def _assert_inert(page):
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("main img").count() == 0
    assert page.locator("main script").count() == 0
    assert page.locator("main b, main i").count() == 0


def test_paste_example_shows_entities_quotes_and_events(server, page):
    page.goto(server + "/#/read")
    page.fill("#in-text", web_corpus.EXAMPLE)
    page.fill("#in-published", "2024-10-14")
    with page.expect_response(lambda r: r.url.endswith("/api/extract")) as info:
        page.click("#btn-extract")
    record = info.value.json()
    page.wait_for_selector("#doc .ent")
    assert _doc_text(page) == web_corpus.EXAMPLE  # the text is shown unchanged
    shown = {page.locator(f"#doc .ent-{t}").nth(i).text_content()
             for t in ("LOC", "PER", "ORG", "MISC") for i in range(page.locator(f"#doc .ent-{t}").count())}
    assert {"Korea Utara", "Rusia", "Ukraina"} <= shown, shown
    # every quote of the record is marked in the text, and labelled with its speaker
    assert page.locator("#doc .quote-badge").count() == len(record["quotes"])
    assert page.locator("#list-quotes li").count() == len(record["quotes"])
    names = {e["id"]: e["name"] for e in record["entities"]}
    for badge, quote in zip(page.locator("#doc .quote-badge").all(), record["quotes"]):
        assert badge.text_content() == names.get(quote["speaker"], "unknown speaker")
    if record["quotes"]:
        assert page.locator("#doc .q").first.is_visible()
    assert page.locator("#list-events li").count() == len(record["events"])
    assert page.locator("#list-entities li").count() == len(record["entities"])
    assert page.errors == []


def test_open_an_event_highlights_trigger_source_and_target(server, page):
    page.goto(server + "/#/article/zelenskyy-2024-10-14")
    page.wait_for_selector("#list-events li")
    assert page.locator("#doc-title").text_content() == "Zelenskyy: Korea Utara kirim tentara"
    badge = page.locator("#doc .quote-badge")
    assert badge.count() == 1 and badge.text_content() == "Volodymyr Zelenskyy"
    assert page.locator("#doc .q").first.text_content().startswith("“Kami melihat")
    page.hover("#list-events li[data-event='v2']")
    expect(page.locator("#doc .hl")).to_have_text(["mengirimkan"])
    page.click("#list-events li[data-event='v1']")
    detail = page.locator("#event-detail")
    expect(detail).to_be_visible()
    text = detail.text_content()
    assert "ACCUSE" in text and "Volodymyr Zelenskyy" in text and "Korea Utara" in text and "2024-10-13" in text
    page.mouse.move(5, 5)  # leave the list: the opened event stays highlighted
    expect(page.locator("#doc .hl")).to_have_text(["menuduh"])
    expect(page.locator("#doc .hl-src")).to_have_text(["Volodymyr Zelenskyy"])
    expect(page.locator("#doc .hl-tgt")).to_have_text(["Korea Utara"])
    assert page.locator("#list-times li").first.text_content().startswith("Minggu malam")
    expect(page.locator("#doc .tm")).to_have_text(["Minggu malam"])
    expect(page.locator("#doc .tm")).to_have_attribute("title", "time: 2024-10-13")
    expect(page.locator("#doc .pl", has_text="Kharkiv")).to_have_attribute("title", "place: Kharkiv (UKR)")
    assert "Kharkiv" in page.locator("#list-places").text_content()
    # a permalink can open an event directly
    page.goto(server + "/#/article/peskov-2024-10-15?event=v1")  # same document: waits on the new content
    expect(page.locator("#doc-title")).to_have_text("Kremlin membantah")
    expect(page.locator("#event-detail")).to_contain_text("REJECT")
    expect(page.locator("#event-detail")).to_contain_text("denied")
    assert page.errors == []


def test_hostile_text_is_shown_as_text(server, page):
    page.goto(server + "/#/article/hostile-1")
    page.wait_for_selector("#list-events li")
    assert page.locator("#doc-title").text_content() == web_corpus.HOSTILE_TITLE
    assert _doc_text(page) == web_corpus.HOSTILE_TEXT
    assert "<script>window.__pwned = 1</script>" in page.locator("#doc").inner_text()
    assert 'Budi <img src=x onerror="window.__pwned = 4">' in page.locator("#list-entities").text_content()
    page.click("#list-events li[data-event='v1']")
    _assert_inert(page)
    # pasted hostile text goes through extraction and stays inert too
    page.goto(server + "/#/read")
    expect(page.locator("#extract-form")).to_be_visible()
    page.fill("#in-text", web_corpus.HOSTILE_TEXT)
    page.click("#btn-extract")
    page.wait_for_function("() => document.getElementById('extract-status').textContent.startsWith('Done')")
    assert _doc_text(page) == web_corpus.HOSTILE_TEXT
    _assert_inert(page)
    # and the Explore view, which lists the hostile names in search, network, events and quotes
    page.goto(server + "/#/explore")
    page.wait_for_selector("#events-body tr")
    page.wait_for_selector("#network .node")
    assert "Budi <img" in page.locator("#events-body").text_content()
    assert "<img src=x" in page.locator("#search-results").text_content()
    _assert_inert(page)
    assert page.errors == []


def test_explore_search_network_timeline_map_and_filters(server, page):
    page.goto(server + "/#/explore")
    page.wait_for_selector("#events-body tr")
    assert page.locator("#events-body tr").count() == 5
    page.fill("#search-q", "tentara")
    page.click("#search-form button")
    page.wait_for_function("() => document.getElementById('search-count').textContent.startsWith('2 matching')")
    assert page.locator("#search-results li").count() == 2
    assert set(page.locator("#search-results mark").all_text_contents()) == {"tentara"}
    page.wait_for_selector("#map .place")
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map .place").count() == 2
    assert page.locator("#network .node").count() >= 5
    assert page.locator("#network line.event").count() >= 3 and page.locator("#network line.quote").count() >= 1
    assert page.locator("#timeline rect").count() == 5
    # a real time axis: January and mid-October 2024 sit at opposite ends, the empty days between them drawn
    xs = [float(r.get_attribute("x")) for r in page.locator("#timeline rect").all()]
    assert max(xs) - min(xs) > 900
    page.select_option("#tl-precision", "month")
    # by month: 2024-01 holds ASSAULT; 2024-10 holds ACCUSE, AID, REJECT (one bar segment per type)
    page.wait_for_function("() => document.querySelectorAll('#timeline rect').length === 4")
    page.select_option("#ev-type", "REJECT")
    page.click("#events-form button")
    page.wait_for_function("() => document.querySelectorAll('#events-body tr').length === 1")
    assert "Kremlin membantah" in page.locator("#events-body").text_content()
    page.locator("#events-body a").click()
    page.wait_for_selector("#event-detail:not([hidden])")
    assert page.url.endswith("#/article/peskov-2024-10-15?event=v1")
    page.goto(server + "/docs")
    page.wait_for_selector("#endpoints section")
    assert "POST /api/extract" in page.locator("#endpoints").text_content()
    assert page.errors == []
