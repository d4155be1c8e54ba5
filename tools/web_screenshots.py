"""Refresh docs/screenshot-read.png and docs/screenshot-explore.png from a running corpus.

Starts `warta serve CORPUS` on a free loopback port, opens the Read view of one article with one
event selected and the Explore view after a search, in Debian's headless Chromium, then stops the
server by PID. How the corpus in the README screenshots was made:

    head -300 ../shared/data/indosum/dev.01.jsonl > /tmp/indosum300.jsonl
    warta batch /tmp/indosum300.jsonl --out /tmp/corpus.duckdb
    warta batch /tmp/example.jsonl --out /tmp/corpus.duckdb   # the example article, id zelenskyy-korea-utara
    python tools/web_screenshots.py /tmp/corpus.duckdb --article zelenskyy-korea-utara --event v2 --search Korea
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--article", required=True)
    ap.add_argument("--event", default="v1")
    ap.add_argument("--search", default="")
    args = ap.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", "from warta.cli import app; app()", "serve", args.corpus,
                             "--port", str(port)], env={**os.environ, "OMP_NUM_THREADS": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/api/info", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1300})
            page.goto(f"{base}/#/article/{args.article}?event={args.event}")
            page.wait_for_selector("#event-detail:not([hidden])")
            page.hover(f"#list-events li[data-event='{args.event}']")
            page.screenshot(path=str(DOCS / "screenshot-read.png"))
            page.goto(f"{base}/#/explore")
            page.wait_for_selector("#map .place")
            if args.search:
                page.fill("#search-q", args.search)
                page.click("#search-form button")
            page.wait_for_timeout(1500)
            page.screenshot(path=str(DOCS / "screenshot-explore.png"), full_page=True)
            browser.close()
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
