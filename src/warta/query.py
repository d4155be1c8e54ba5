"""`warta query …`: the questions analysts ask of a corpus store, as plain DuckDB SQL.

Every command runs one of the SQL texts below (also printed by ``--sql`` and shown in the
README), so users can paste them into ``duckdb corpus.duckdb`` and adapt them. People and
organisations are matched across articles by Wikidata id when the linker found one, else by
lower-cased name. An actor argument matches an entity's name (case-insensitive), its Wikidata
id, its ISO3 country or its CAMEO actor code.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

__all__ = ["QUERIES", "run_query", "query_app"]

# Events with their actors' names and a day (the event's own date when resolved, else the
# article's publication day).
_EVENTS = """
WITH ev AS (
  SELECT e.*, coalesce(TRY_CAST(left(e.date, 10) AS DATE), a.published_date) AS day,
         coalesce(se.name, e.source_text) AS source_name, se.wikidata AS source_wikidata,
         coalesce(se.country, e.source_country) AS source_iso3, coalesce(se.actor, e.source_code) AS source_actor,
         coalesce(te.name, e.target_text) AS target_name, te.wikidata AS target_wikidata,
         coalesce(te.country, e.target_country) AS target_iso3, coalesce(te.actor, e.target_code) AS target_actor
  FROM events e
  JOIN articles a ON a.id = e.article_id
  LEFT JOIN entities se ON se.article_id = e.article_id AND se.id = e.source_entity
  LEFT JOIN entities te ON te.article_id = e.article_id AND te.id = e.target_entity
)"""


def _match(side: str, param: str) -> str:
    return (f"(lower({side}_name) = lower(${param}) OR {side}_wikidata = ${param} "
            f"OR {side}_iso3 = upper(${param}) OR {side}_actor = upper(${param}))")


QUERIES: dict[str, str] = {
    # Events between two actors over time, either direction.
    "events-between": _EVENTS + f"""
SELECT day, source_name AS source, type, mode, target_name AS target, status, trigger_text AS trigger,
       article_id
FROM ev
WHERE ({_match('source', 'a')} AND {_match('target', 'b')})
   OR ({_match('source', 'b')} AND {_match('target', 'a')})
ORDER BY day, article_id, id
LIMIT $limit""",
    # Who quotes whom: the speaker of a quote and the entities named inside the quote.
    "who-quotes": """
SELECT mode(sp.name) AS speaker, mode(me.name) AS about,
       count(DISTINCT (q.article_id, q.id)) AS quotes, count(DISTINCT q.article_id) AS articles
FROM quotes q
JOIN entities sp ON sp.article_id = q.article_id AND sp.id = q.speaker
JOIN mentions m ON m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end"
JOIN entities me ON me.article_id = m.article_id AND me.id = m.entity_id AND me.id <> q.speaker
WHERE $speaker IS NULL OR lower(sp.name) = lower($speaker) OR sp.wikidata = $speaker
GROUP BY coalesce(sp.wikidata, lower(sp.name)), coalesce(me.wikidata, lower(me.name))
ORDER BY quotes DESC, speaker, about
LIMIT $limit""",
    # Most quoted people.
    "top-speakers": """
SELECT mode(e.name) AS speaker, any_value(e.wikidata) AS wikidata, mode(e.role) AS role,
       count(*) AS quotes, count(DISTINCT q.article_id) AS articles
FROM quotes q
JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker
WHERE e.type = 'PER'
GROUP BY coalesce(e.wikidata, lower(e.name))
ORDER BY quotes DESC, speaker
LIMIT $limit""",
    # Events per type per day.
    "events-per-day": _EVENTS + """
SELECT day, type, count(*) AS events, count(DISTINCT article_id) AS articles
FROM ev
WHERE $type IS NULL OR type = upper($type)
GROUP BY day, type
ORDER BY day, type
LIMIT $limit""",
    # Claims vs denials about an actor: events involving it whose status is claimed or denied,
    # with who made the claim.
    "claims-denials": _EVENTS + f"""
SELECT ev.day, ev.status, cb.name AS claimed_by, ev.source_name AS source, ev.type,
       ev.target_name AS target, ev.trigger_text AS trigger, ev.article_id
FROM ev
LEFT JOIN entities cb ON cb.article_id = ev.article_id AND cb.id = ev.claimed_by
WHERE ev.status IN ('claimed', 'denied') AND ({_match('source', 'a')} OR {_match('target', 'a')})
ORDER BY ev.day, ev.status, ev.article_id
LIMIT $limit""",
    # Media monitoring: the tone of the articles that mention an actor, per day / week / month.
    "tone-of": """
WITH hits AS (
  SELECT DISTINCT a.id, a.published_date, a.tone_score
  FROM articles a JOIN entities e ON e.article_id = a.id
  WHERE lower(e.name) = lower($a) OR e.wikidata = $a OR e.country = upper($a) OR e.actor = upper($a)
)
SELECT date_trunc($period, published_date)::DATE AS period, count(*) AS articles,
       round(avg(tone_score), 3) AS mean_tone, round(min(tone_score), 3) AS lowest,
       round(max(tone_score), 3) AS highest
FROM hits
WHERE tone_score IS NOT NULL
GROUP BY 1
ORDER BY 1
LIMIT $limit""",
}


def run_query(db: str | Path, name: str, **params) -> tuple[list[str], list[tuple]]:
    """Run one named query on a store; returns (column names, rows)."""
    import duckdb

    sql = QUERIES[name]
    con = duckdb.connect(str(db), read_only=True)
    try:
        used = {k: v for k, v in params.items() if f"${k}" in sql}
        cur = con.execute(sql, used)
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()


def _print(columns: list[str], rows: list[tuple], fmt: str, title: str) -> None:
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    elif fmt == "json":
        for r in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, r)), ensure_ascii=False, default=str) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for c in columns:
            table.add_column(c)
        for r in rows:
            table.add_row(*["" if v is None else str(v) for v in r])
        Console().print(table)


query_app = typer.Typer(help="Ask a corpus store (made by `warta batch`) the usual questions.",
                        no_args_is_help=True)

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB store made by `warta batch`")]
FmtOpt = Annotated[str, typer.Option("--format", "-f", help="table | csv | json")]
LimitOpt = Annotated[int, typer.Option(help="at most this many rows")]
SqlOpt = Annotated[bool, typer.Option("--sql", help="print the SQL instead of running it")]


def _go(name: str, db: Path, fmt: str, sql: bool, title: str, **params) -> None:
    if sql:
        typer.echo(QUERIES[name].strip())
        return
    if not db.exists():
        typer.echo(f"warta query: {db}: no such store (make one with `warta batch … --out {db}`)", err=True)
        raise typer.Exit(2)
    cols, rows = run_query(db, name, **params)
    _print(cols, rows, fmt, title)


@query_app.command("events-between")
def events_between(a: str, b: str, db: DbOpt = Path("corpus.duckdb"), fmt: FmtOpt = "table",
                   limit: LimitOpt = 1000, sql: SqlOpt = False) -> None:
    """Events between actors A and B (either direction), by day."""
    _go("events-between", db, fmt, sql, f"events between {a} and {b}", a=a, b=b, limit=limit)


@query_app.command("who-quotes")
def who_quotes(speaker: Annotated[Optional[str], typer.Argument(help="only this speaker")] = None,
               db: DbOpt = Path("corpus.duckdb"), fmt: FmtOpt = "table", limit: LimitOpt = 50,
               sql: SqlOpt = False) -> None:
    """Who quotes whom: speakers and the entities named in their quotes."""
    _go("who-quotes", db, fmt, sql, "who quotes whom", speaker=speaker, limit=limit)


@query_app.command("top-speakers")
def top_speakers(db: DbOpt = Path("corpus.duckdb"), fmt: FmtOpt = "table", limit: LimitOpt = 20,
                 sql: SqlOpt = False) -> None:
    """The most quoted people."""
    _go("top-speakers", db, fmt, sql, "most quoted people", limit=limit)


@query_app.command("events-per-day")
def events_per_day(type: Annotated[Optional[str], typer.Option("--type", help="only this PLOVER type")] = None,
                   db: DbOpt = Path("corpus.duckdb"), fmt: FmtOpt = "table", limit: LimitOpt = 10000,
                   sql: SqlOpt = False) -> None:
    """Events per PLOVER type per day."""
    _go("events-per-day", db, fmt, sql, "events per day", type=type, limit=limit)


@query_app.command("claims-denials")
def claims_denials(actor: str, db: DbOpt = Path("corpus.duckdb"), fmt: FmtOpt = "table",
                   limit: LimitOpt = 1000, sql: SqlOpt = False) -> None:
    """Claimed vs denied events involving ACTOR, and who claimed them."""
    _go("claims-denials", db, fmt, sql, f"claims and denials about {actor}", a=actor, limit=limit)


@query_app.command("tone-of")
def tone_of(actor: str,
            period: Annotated[str, typer.Option(help="day | week | month")] = "week",
            db: DbOpt = Path("corpus.duckdb"), fmt: FmtOpt = "table", limit: LimitOpt = 1000,
            sql: SqlOpt = False) -> None:
    """Mean article tone of the articles that mention ACTOR, per day, week or month."""
    if period not in ("day", "week", "month"):
        typer.echo(f"warta query tone-of: --period must be day, week or month, not {period!r}", err=True)
        raise typer.Exit(2)
    _go("tone-of", db, fmt, sql, f"tone of articles mentioning {actor} per {period}", a=actor, period=period,
        limit=limit)


if __name__ == "__main__":
    query_app()
