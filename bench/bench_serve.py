"""Load test of `warta serve`: N concurrent clients POST /api/extract for a fixed time, loopback only.

Starts `warta serve` itself on 127.0.0.1 on a free port, waits for it, runs the clients
(bounded by --seconds and --max-requests), stops the server by PID and prints one JSON line:
requests/s, latency percentiles, status counts (5xx must be zero).

    OMP_NUM_THREADS=1 python bench/bench_serve.py --clients 50 --seconds 30

The article is the example in tests/data (3.4 kB, a typical news length) unless --text is given.
Client and server share the machine, so the figure is a floor for a dedicated host.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, corpus: str | None, workers: int = 1) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from warta.cli import app; app()", "serve", "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers)]
    if corpus:
        cmd.insert(4, corpus)
    proc = subprocess.Popen(cmd, env={**os.environ, "OMP_NUM_THREADS": "1"})
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/info", timeout=2):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"warta serve exited with {proc.returncode}")
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("warta serve did not start in 180 s")


async def run_clients(url: str, payload: dict, clients: int, seconds: float, max_requests: int) -> dict:
    latencies: list[float] = []
    statuses: Counter = Counter()
    errors: Counter = Counter()
    stop_at = time.monotonic() + seconds
    sent = 0

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal sent
        while time.monotonic() < stop_at and sent < max_requests:
            sent += 1
            t0 = time.perf_counter()
            try:
                res = await http.post(url, json=payload)
                statuses[res.status_code] += 1
            except httpx.HTTPError as err:
                errors[type(err).__name__] += 1
                continue
            latencies.append(time.perf_counter() - t0)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        t0 = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        wall = time.perf_counter() - t0
    lat = sorted(latencies)

    def pct(p: float) -> float:
        return round(1000 * lat[min(len(lat) - 1, int(p * len(lat)))], 1) if lat else float("nan")

    return {
        "clients": clients, "seconds": round(wall, 1), "requests": len(lat),
        "requests_per_s": round(len(lat) / wall, 2),
        "latency_ms": {"p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99), "max": pct(1.0),
                       "mean": round(1000 * statistics.fmean(lat), 1) if lat else None},
        "status": dict(statuses), "5xx": sum(n for s, n in statuses.items() if s >= 500),
        "client_errors": dict(errors),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--max-requests", type=int, default=100_000, help="hard cap on requests sent")
    ap.add_argument("--text", type=Path, default=ROOT / "tests" / "data" / "zelenskyy-korea-utara.txt")
    ap.add_argument("--published", default="2024-10-14")
    ap.add_argument("--corpus", default=None, help="optional DuckDB corpus to serve alongside")
    ap.add_argument("--workers", type=int, default=1, help="`warta serve --workers`")
    args = ap.parse_args()

    payload = {"text": args.text.read_text(encoding="utf-8"), "published": args.published}
    port = _free_port()
    proc = start_server(port, args.corpus, args.workers)
    try:
        result = asyncio.run(run_clients(f"http://127.0.0.1:{port}/api/extract", payload,
                                         args.clients, args.seconds, args.max_requests))
    finally:
        os.kill(proc.pid, signal.SIGTERM)  # stop exactly the server this script started
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
    result.update(workers=args.workers, text_chars=len(payload["text"]), machine=f"{platform.machine()}, {os.cpu_count()} cores",
                  loadavg_after=[round(x, 2) for x in os.getloadavg()], python=platform.python_version())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
