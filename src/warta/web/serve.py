"""The `warta serve` command: start uvicorn on the app for one corpus.

The corpus is indexed once at start-up (a snapshot): restart the server to see articles that a
later `warta batch` added.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

_CORPUS_ENV = "WARTA_SERVE_CORPUS"
_HOST_ENV = "WARTA_SERVE_HOST"


def serve(
    corpus: Optional[Path] = typer.Argument(None, help="DuckDB corpus built by `warta batch` (optional)",
                                            exists=True, dir_okay=False, readable=True),
    host: str = typer.Option("127.0.0.1", help="Interface to bind; loopback unless you mean to share it"),
    port: int = typer.Option(8000, min=0, max=65535, help="TCP port"),
    workers: int = typer.Option(1, min=1, max=64, help="Server processes; each loads the model and the corpus"),
) -> None:
    """Serve the API and the Read / Explore page for a corpus (http://HOST:PORT/)."""
    import uvicorn

    os.environ[_HOST_ENV] = host
    if workers > 1:  # uvicorn starts the processes itself and needs a factory it can import
        os.environ[_CORPUS_ENV] = str(corpus) if corpus else ""
        typer.echo(f"warta serve: {workers} workers; http://{host}:{port}/", err=True)
        uvicorn.run("warta.web.serve:app_factory", factory=True, workers=workers, host=host, port=port,
                    log_level="warning", access_log=False)
        return

    try:
        app = app_factory(corpus)
    except Exception as err:  # not a DuckDB file, locked by a running batch, …: one line, no traceback
        typer.echo(f"warta serve: cannot read corpus {corpus}: {str(err).splitlines()[0]}", err=True)
        raise typer.Exit(1) from None
    info = app.state.corpus.info()
    typer.echo(f"warta serve: {info['articles']} articles, {info['events']} events; http://{host}:{port}/",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def app_factory(corpus: Optional[Path] = None):
    """The app for one server process (with ``--workers N`` the corpus comes from the parent)."""
    from warta.web.app import LOOPBACK_HOSTS, create_app

    host = os.environ.get(_HOST_ENV, "127.0.0.1")
    # On loopback only loopback names are accepted in Host (DNS-rebinding guard); a wider bind
    # is the user's explicit choice and accepts any name.
    hosts = LOOPBACK_HOSTS if host in LOOPBACK_HOSTS or host.startswith("127.") else None
    return create_app(corpus or os.environ.get(_CORPUS_ENV) or None, allowed_hosts=hosts)


def main() -> None:  # `python -m warta.web` works before the CLI wiring exists
    typer.run(serve)
