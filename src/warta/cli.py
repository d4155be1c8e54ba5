"""The ``warta`` command line. Sub-commands import their modules lazily so ``--help`` is fast.

Each command is a thin function here that imports the module doing the work inside its body.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from warta import __version__

app = typer.Typer(help="warta: offline Indonesian news understanding (entities, quotes, events, times, places, tone).",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
eval_app = typer.Typer(help="Score warta against gold data.", no_args_is_help=True)
train_app = typer.Typer(help="Train the models shipped in the package (documented, reproducible).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".md"}


def _version(value: bool):
    if value:
        typer.echo(f"warta {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")):
    """warta reads Indonesian news and says who did what to whom, who said what, when and where."""


def _expand(paths: List[str]) -> list[str]:
    out = []
    for p in paths:
        if p == "-":
            out.append(p)
        elif Path(p).is_dir():
            out.extend(sorted(str(f) for f in Path(p).rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES))
        else:
            out.append(p)
    return out


def _error(message: str) -> None:
    typer.echo(f"warta: error: {message}", err=True)


MIN_EVENT_CONFIDENCE_HELP = ("Leave out events whose learned confidence is below this, 0-1 (default: the threshold "
                              "shipped with the model, see docs/accuracy.md; 0 keeps every event).")


def set_min_event_confidence(value: Optional[float]) -> bool:
    """Pass ``--min-event-confidence`` to the events stage of this process and of batch workers."""
    import os

    from warta.components.events import MIN_CONFIDENCE_ENV

    if value is None:
        return True
    if not 0.0 <= value <= 1.0:
        _error(f"--min-event-confidence must be between 0 and 1, not {value}")
        return False
    os.environ[MIN_CONFIDENCE_ENV] = repr(value)
    return True


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Article files (UTF-8 text or HTML), folders of them, or - for stdin."),
    published: Optional[str] = typer.Option(None, "--published", "-p", help="Publication date (ISO 8601), the anchor for relative dates."),
    title: Optional[str] = typer.Option(None, "--title", help="Article title."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="json (one record, indented) or jsonl (one record per line). Default: json for one input, jsonl for several."),
    min_event_confidence: Optional[float] = typer.Option(None, "--min-event-confidence", help=MIN_EVENT_CONFIDENCE_HELP),
):
    """Extract one record per article and print it as JSON to stdout."""
    from warta.api import extract_articles
    from warta.pipeline import parse_published
    from warta.record import Article, ErrorRecord
    from warta.textprep import InputError, decode

    if fmt not in (None, "json", "jsonl"):
        _error(f"--format must be json or jsonl, not {fmt!r}")
        raise typer.Exit(2)
    if not set_min_event_confidence(min_event_confidence):
        raise typer.Exit(2)
    try:
        parse_published(published)
    except ValueError as err:
        _error(str(err))
        raise typer.Exit(2)
    files = _expand(paths)
    if not files:
        _error("no input files found")
        raise typer.Exit(2)
    fmt = fmt or ("json" if len(files) == 1 else "jsonl")
    failures = 0

    def articles():
        nonlocal failures
        for f in files:
            try:
                data = sys.stdin.buffer.read() if f == "-" else Path(f).read_bytes()
                text = decode(data, "stdin" if f == "-" else f)
            except (OSError, InputError) as err:
                failures += 1
                _error(str(err) if isinstance(err, InputError) else f"{f}: {err.strerror or err}")
                continue
            ident = None if f == "-" else Path(f).stem
            yield Article(text=text, id=ident, title=title, published=published)

    for result in extract_articles(articles(), batch_size=8):
        if isinstance(result, ErrorRecord):
            failures += 1
            _error(f"{result.id}: {result.error}")
            continue
        typer.echo(result.to_json(indent=2 if fmt == "json" else None))
    if failures:
        raise typer.Exit(1)


@eval_app.command("sentences")
def eval_sentences(
    shared: Path = typer.Option(Path("../shared"), help="The shared data folder."),
    out: Optional[Path] = typer.Option(None, help="Write the markdown table here too."),
):
    """Sentence-boundary F1 on the UD Indonesian treebanks, warta vs spaCy's sentencizer."""
    from warta.eval.sentences import main as run

    run(shared, out)


# Every other command lives in the module that does its work (each light to import).
from warta.batch import batch_cli  # noqa: E402
from warta.eval.coref import eval_coref_cli  # noqa: E402
from warta.eval.events import eval_events_cli  # noqa: E402
from warta.eval.tone import eval_tone_cli  # noqa: E402
from warta.eval.ner import eval_ner_cli  # noqa: E402
from warta.eval.parser import eval_parser_cli  # noqa: E402
from warta.eval.places import eval_places_cli  # noqa: E402
from warta.eval.quotes import eval_quotes_cli  # noqa: E402
from warta.eval.times import eval_times_cli  # noqa: E402
from warta.export import export_cli  # noqa: E402
from warta.kb.build import build_cli as kb_build_cli  # noqa: E402
from warta.query import query_app  # noqa: E402
from warta.spark import spark_cli  # noqa: E402
from warta.train_ner import train_ner_cli  # noqa: E402
from warta.train_parser import train_parser_cli  # noqa: E402
from warta.web.serve import serve  # noqa: E402

kb_app = typer.Typer(help="The offline knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
app.add_typer(query_app, name="query")

app.command("batch")(batch_cli)          # corpora into DuckDB (batch.py)
app.command("export")(export_cli)        # GDELT / PLOVER files (export.py)
app.command("spark")(spark_cli)          # a corpus through Spark (spark.py)
app.command("serve")(serve)              # HTTP API and web page (web/serve.py)
kb_app.command("build")(kb_build_cli)    # kb/data/kb.msgpack (kb/build.py)
train_app.command("ner")(train_ner_cli)
train_app.command("parser")(train_parser_cli)
eval_app.command("ner")(eval_ner_cli)
eval_app.command("parser")(eval_parser_cli)
eval_app.command("coref")(eval_coref_cli)
eval_app.command("quotes")(eval_quotes_cli)
eval_app.command("times")(eval_times_cli)
eval_app.command("places")(eval_places_cli)
eval_app.command("events")(eval_events_cli)
eval_app.command("tone")(eval_tone_cli)

if __name__ == "__main__":
    app()
