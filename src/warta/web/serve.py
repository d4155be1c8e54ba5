"""The `warta serve` command: start uvicorn on the app for one corpus."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def serve(
    corpus: Optional[Path] = typer.Argument(None, help="DuckDB corpus built by `warta batch` (optional)",
                                            exists=True, dir_okay=False, readable=True),
    host: str = typer.Option("127.0.0.1", help="Interface to bind; loopback unless you mean to share it"),
    port: int = typer.Option(8000, min=0, max=65535, help="TCP port"),
) -> None:
    """Serve the API and the Read / Explore page for a corpus (http://HOST:PORT/)."""
    import uvicorn

    from warta.web.app import create_app

    app = create_app(corpus)
    info = app.state.corpus.info()
    typer.echo(f"warta serve: {info['articles']} articles, {info['events']} events; http://{host}:{port}/",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def main() -> None:  # `python -m warta.web` works before the CLI wiring exists
    typer.run(serve)
