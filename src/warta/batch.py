"""`warta batch`: a corpus into the DuckDB store, on every core, resumable and lossless.

Flow: the main process reads the inputs (``warta.io``), drops ids the store already holds (by
id, or by content hash for rows without one), cuts the rest into chunks and hands them to
worker processes. Each worker loads the model once and runs ``nlp.pipe`` over a chunk, turning
every Doc into a record with the same ``record_from_doc`` that ``warta extract`` uses. The main
process alone writes: each finished chunk (its records and its error records) is committed in
one DuckDB transaction, so a ``kill -9`` at any moment loses at most uncommitted chunks, which
the next run redoes. A bad row becomes an error record (id, reason); nothing stops the batch.
"""
from __future__ import annotations

import importlib
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Callable, Iterable, Iterator, Optional

import typer

from .io import InputArticle, InputError, count_inputs, read_inputs

__all__ = ["run_batch", "BatchSummary", "pipeline_extractor", "batch_cli"]

DEFAULT_EXTRACTOR = "warta.batch:pipeline_extractor"
Process = Callable[[list[dict]], list[tuple[str, Optional[str], Optional[str]]]]


# ---------------------------------------------------------------------------------------
# Worker side: the model is loaded once per process, chunks go through nlp.pipe.
# ---------------------------------------------------------------------------------------
def pipeline_extractor() -> Process:
    """The real extractor: the model loaded once, chunks through ``warta.api.extract_articles``
    (the same checks, ``nlp.pipe`` and ``record_from_doc`` as ``warta extract``)."""
    from .api import extract_articles
    from .pipeline import shared_pipeline
    from .record import ErrorRecord as _Err

    nlp = shared_pipeline()     # once per process, shared with warta.extract in the same process

    def run(items: list[dict]) -> list[tuple[str, Optional[str], Optional[str]]]:
        out = []
        for it, res in zip(items, extract_articles(items, nlp=nlp, batch_size=max(len(items), 1))):
            if isinstance(res, _Err):
                out.append((it["id"], None, res.error))
            else:
                out.append((it["id"], res.to_json(), None))
        return out

    def process(items: list[dict]) -> list[tuple[str, Optional[str], Optional[str]]]:
        try:
            return run(items)
        except Exception:       # one bad article must not cost its neighbours: redo one by one
            out = []
            for it in items:
                try:
                    out.extend(run([it]))
                except Exception as exc:
                    out.append((it["id"], None, f"{type(exc).__name__}: {str(exc)[:300]}"))
            return out

    return process


def _resolve(spec: str) -> Callable[[], Process]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


_WORKER_PROCESS: Optional[Process] = None


def _init_worker(spec: str) -> None:
    global _WORKER_PROCESS
    import signal

    from .fastops import single_threaded_blas

    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the main process's to handle
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    single_threaded_blas()      # one process per core: BLAS threads would only fight each other
    _WORKER_PROCESS = _resolve(spec)()


def _work(items: list[dict]):
    return _WORKER_PROCESS(items)


# ---------------------------------------------------------------------------------------
# Main side: read, skip, dispatch, commit.
# ---------------------------------------------------------------------------------------
@dataclass
class BatchSummary:
    ok: int = 0
    skipped: int = 0
    errors: int = 0
    seconds: float = 0.0
    out: str = ""
    exported: dict = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (f"ok={self.ok} skipped={self.skipped} errors={self.errors} "
                f"in {self.seconds:.1f}s ({self.rate:.1f} articles/s) -> {self.out}")


def _chunks(items: Iterable[InputArticle], size: int) -> Iterator[list[InputArticle]]:
    chunk: list[InputArticle] = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _payload(chunk: list[InputArticle]) -> list[dict]:
    return [{"id": a.id, "text": a.text, "title": a.title, "published": a.published, "url": a.url}
            for a in chunk]


class _Progress:
    """A rich bar (articles/s, ETA) on a terminal; plain periodic lines in logs and tests."""

    def __init__(self, total: Optional[int], enabled: bool):
        from rich.console import Console

        self.console = Console(stderr=True)
        self.enabled = enabled
        self.tty = enabled and self.console.is_terminal
        self.start = time.monotonic()
        self.last_line = 0.0
        self.bar = None
        if self.tty:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.bar = Progress(TextColumn("[bold]warta batch"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
                                TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[counts]}"),
                                console=self.console, transient=False)
            self.task = self.bar.add_task("batch", total=total, rate=0.0, counts="")
            self.bar.start()

    def update(self, done: int, s: BatchSummary, committed: bool = False) -> None:
        if not self.enabled:
            return
        elapsed = max(time.monotonic() - self.start, 1e-9)
        counts = f"ok {s.ok} · skipped {s.skipped} · errors {s.errors}"
        if self.bar is not None:
            self.bar.update(self.task, completed=done, rate=s.ok / elapsed, counts=counts)
        elif committed and (time.monotonic() - self.last_line >= 2.0 or self.last_line == 0.0):
            self.last_line = time.monotonic()
            print(f"warta batch: committed {counts} ({s.ok / elapsed:.1f} articles/s)", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def run_batch(inputs: list, out: str | Path, *, parquet: Optional[str | Path] = None,
              jsonl: Optional[str | Path] = None, workers: Optional[int] = None, chunk_size: int = 32,
              progress: bool = True, extractor: str = DEFAULT_EXTRACTOR,
              published: Optional[str] = None) -> BatchSummary:
    """Process ``inputs`` into the store at ``out``; see the module docstring for the guarantees.

    ``workers=0`` runs the extractor in this process (no pool); the default is one worker per core.
    ``published`` is the date given to articles whose input has none (e.g. a folder of .txt files).
    """
    from .record import ErrorRecord
    from .store import Store

    if workers is None:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    summary = BatchSummary(out=str(out))
    started = time.monotonic()
    total = count_inputs(inputs) if progress else None
    store = Store(out, threads=1)
    known = store.known_ids()
    bar = _Progress(total, progress)
    seen = 0
    pending_errors: list = []

    def articles() -> Iterator[InputArticle]:
        nonlocal seen
        for item in read_inputs(inputs):
            if _INTERRUPTED:
                raise KeyboardInterrupt
            seen += 1
            if item.id in known:
                summary.skipped += 1
                continue
            known.add(item.id)
            if isinstance(item, InputError):
                pending_errors.append(ErrorRecord(id=item.id, error=item.error, source=item.origin))
                continue
            if item.published is None:
                item.published = published
            yield item

    def commit(chunk: list[InputArticle], results) -> None:
        by_id = {a.id: a for a in chunk}
        recs, errs = [], pending_errors[:]
        for art_id, rec_json, err in results:
            art = by_id[art_id]
            if rec_json is not None:
                recs.append((rec_json, {"source": art.source, "origin": art.origin,
                                        "content_hash": art.content_hash}))
            else:
                errs.append(ErrorRecord(id=art_id, error=err or "unknown error", source=art.origin))
        n_ok, n_err = store.write_chunk(recs, errs)
        pending_errors.clear()
        summary.ok += n_ok
        summary.errors += n_err
        bar.update(seen, summary, committed=True)
        if _INTERRUPTED:            # Ctrl-C arrived while working: stop after this commit
            raise KeyboardInterrupt

    restore = _defer_interrupts()
    try:
        if workers == 0:
            process = _resolve(extractor)()
            for chunk in _chunks(articles(), chunk_size):
                commit(chunk, _safe(process, chunk))
        else:
            _run_pool(articles(), commit, workers, chunk_size, extractor)
        if pending_errors:          # errors after the last chunk (or an input of errors only)
            commit([], [])
        bar.update(seen, summary, committed=True)
    finally:
        restore()
        bar.close()
    summary.seconds = time.monotonic() - started
    if jsonl:
        summary.exported["jsonl"] = store.export_jsonl(jsonl)
    if parquet:
        summary.exported["parquet"] = store.export_parquet(parquet)
    store.close()
    return summary


_INTERRUPTED = False


def _defer_interrupts() -> Callable[[], None]:
    """Ctrl-C / SIGTERM set a flag instead of raising, so no DuckDB statement is ever cut short;
    the batch stops after the next commit. A second Ctrl-C raises at once (commits stay whole)."""
    import signal
    import threading

    global _INTERRUPTED
    _INTERRUPTED = False
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handler(signum, frame):
        global _INTERRUPTED
        if _INTERRUPTED and signum == signal.SIGINT:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        _INTERRUPTED = True

    for sig in previous:
        signal.signal(sig, handler)

    def restore() -> None:
        for sig, h in previous.items():
            signal.signal(sig, h)

    return restore


def _safe(process: Process, chunk: list[InputArticle]):
    try:
        return process(_payload(chunk))
    except Exception as exc:
        return [(a.id, None, f"{type(exc).__name__}: {str(exc)[:300]}") for a in chunk]


def _run_pool(articles: Iterator[InputArticle], commit, workers: int, chunk_size: int, extractor: str) -> None:
    """Keep 2 chunks per worker in flight; commit each as it finishes (any order).

    If a worker process dies (a crash in native code, the OOM killer), every chunk it was
    part of is retried article by article in a fresh pool, so only the article that kills a
    worker on its own becomes an error record.
    """
    import multiprocessing as mp
    from collections import deque

    ctx = mp.get_context("spawn")       # a fresh interpreter per worker: no forked model state

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(extractor,))

    pool = new_pool()
    inflight: dict[Future, list[InputArticle]] = {}
    retry: deque[list[InputArticle]] = deque()
    isolated: set[Future] = set()       # submitted alone, so a dead worker is this article's doing
    source = _chunks(articles, chunk_size)

    def drain(block_until: int) -> None:
        nonlocal pool
        while len(inflight) > block_until:
            done, _ = wait(list(inflight), timeout=0.5, return_when=FIRST_COMPLETED)
            if not done:
                if _INTERRUPTED:
                    raise KeyboardInterrupt
                continue
            broken = False
            for fut in done:
                chunk = inflight.pop(fut)
                try:
                    results = fut.result()
                except BrokenProcessPool as exc:
                    broken = True
                    if fut not in isolated:         # not alone in the pool: retry each article alone
                        retry.extend([a] for a in chunk)
                        continue
                    results = [(chunk[0].id, None, f"worker process died on this article: {exc}")]
                except Exception as exc:
                    results = [(a.id, None, f"{type(exc).__name__}: {str(exc)[:300]}") for a in chunk]
                commit(chunk, results)
            if broken:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()

    try:
        while True:
            if retry:                   # after a worker died: one article at a time, alone
                drain(0)
                if retry:
                    chunk = retry.popleft()
                    fut = pool.submit(_work, _payload(chunk))
                    isolated.add(fut)
                    inflight[fut] = chunk
                    drain(0)
                continue
            drain(2 * workers - 1)
            chunk = next(source, None)
            if chunk is None:
                if not inflight:
                    break
                drain(0)            # may queue retries
                continue
            inflight[pool.submit(_work, _payload(chunk))] = chunk
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------
def batch_cli(
    inputs: Annotated[list[Path], typer.Argument(help="JSONL / IndoSum jsonl / Parquet / CSV files, .txt files, or folders of them")],
    out: Annotated[Path, typer.Option("--out", "-o", help="DuckDB file to create or resume")] = Path("corpus.duckdb"),
    parquet: Annotated[Optional[Path], typer.Option(help="also write every table as Parquet into this folder")] = None,
    jsonl: Annotated[Optional[Path], typer.Option(help="also write every stored record to this JSONL file")] = None,
    workers: Annotated[Optional[int], typer.Option(help="worker processes (default: one per core; 0 = in this process)")] = None,
    chunk_size: Annotated[int, typer.Option(help="articles per nlp.pipe batch and per DuckDB transaction")] = 32,
    published: Annotated[Optional[str], typer.Option(help="publication date for inputs that carry none (ISO 8601)")] = None,
    progress: Annotated[bool, typer.Option(help="show the progress bar")] = True,
    extractor: Annotated[str, typer.Option(hidden=True, help="module:factory returning the chunk processor")] = DEFAULT_EXTRACTOR,
    min_event_confidence: Annotated[Optional[float], typer.Option(help="leave out events whose learned confidence is below this, 0-1 (default: the shipped threshold; 0 keeps every event)")] = None,
) -> None:
    """Extract a corpus into a DuckDB store; re-run to resume (stored articles are skipped)."""
    from .cli import set_min_event_confidence

    if not set_min_event_confidence(min_event_confidence):
        raise typer.Exit(2)
    for p in inputs:
        if str(p) != "-" and not p.exists():
            typer.echo(f"warta batch: {p}: no such file or folder", err=True)
            raise typer.Exit(2)
    try:
        summary = run_batch([str(p) for p in inputs], out, parquet=parquet, jsonl=jsonl, workers=workers,
                            chunk_size=chunk_size, progress=progress, extractor=extractor, published=published)
    except KeyboardInterrupt:
        typer.echo(f"warta batch: interrupted; committed chunks are kept in {out}: run the same command to resume",
                   err=True)
        raise typer.Exit(130)
    typer.echo(summary.line())


if __name__ == "__main__":
    typer.run(batch_cli)
