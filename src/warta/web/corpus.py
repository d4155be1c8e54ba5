"""The corpus as the web views need it: an in-memory SQLite index built from full records.

Why a second index next to the DuckDB store: the Explore view needs full-text search (SQLite
FTS5 is built into Python; DuckDB's ``fts`` extension downloads at install time) and cheap
aggregations keyed across articles (an entity is ``e3`` in one record and ``e7`` in another).
The index reads only the full JSON record of each article through ``warta.store.Store``, so it
does not depend on the store's normalised tables; ``iter_store_records`` is the single place
that touches DuckDB.

Nothing here ever builds a filesystem path from request data: the only path is the corpus
file given on the command line.
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Optional

__all__ = ["Corpus", "iter_store_records", "entity_key"]

_SCHEMA = """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, title TEXT, published TEXT, url TEXT,
    lang TEXT, n_entities INT, n_quotes INT, n_events INT, tone REAL, record TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE entities (
    art INT, eid TEXT, key TEXT, name TEXT, type TEXT, wikidata TEXT, country TEXT, n_mentions INT);
CREATE TABLE events (
    art INT, vid TEXT, type TEXT, status TEXT, mode TEXT, day TEXT, trigger TEXT,
    src_key TEXT, src_name TEXT, tgt_key TEXT, tgt_name TEXT,
    place_name TEXT, place_country TEXT, lat REAL, lon REAL);
CREATE TABLE quotes (
    art INT, qid TEXT, kind TEXT, text TEXT, speaker_key TEXT, speaker_name TEXT);
CREATE TABLE quote_mentions (art INT, qid TEXT, speaker_key TEXT, mentioned_key TEXT);
CREATE INDEX ev_type ON events(type);
CREATE INDEX ev_day ON events(day);
CREATE INDEX ent_key ON entities(key);
"""


def entity_key(entity: dict) -> str:
    """Cross-article identity of an entity: its Wikidata id, else type and folded name."""
    if entity.get("wikidata"):
        return str(entity["wikidata"])
    return f"{entity.get('type', 'MISC')}:{str(entity.get('name', '')).casefold()}"


def iter_store_records(path: str | Path) -> Iterator[dict]:
    """Yield every full record of a `warta batch` DuckDB corpus, opened read-only.

    Reads through ``warta.store.Store`` (the ``articles.record`` JSON column), so the store's
    layout stays the batch module's business.
    """
    from warta.store import Store

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"corpus not found: {path}")
    with Store(path, read_only=True) as store:
        for rec in store.iter_records(order=False):
            if rec is not None:
                yield json.loads(rec) if isinstance(rec, (str, bytes)) else rec


def _fts_query(q: str) -> Optional[str]:
    """Turn free user text into a safe FTS5 query: every word quoted, ANDed; ``word*`` = prefix."""
    terms = []
    for word in re.findall(r"[\w*\-']+", q):
        prefix = word.endswith("*")
        word = word.strip("*")
        if not word:
            continue
        term = '"' + word.replace('"', '""') + '"'
        terms.append(term + "*" if prefix else term)
    return " ".join(terms) or None


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Corpus:
    """Read-only view over many records, safe to share between request threads."""

    def __init__(self, records: Iterable[dict] = (), name: str = "") -> None:
        self.name = name
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()
        self.skipped = 0
        for rec in records:
            self.add(rec)
        self._db.commit()

    @classmethod
    def from_store(cls, path: str | Path) -> "Corpus":
        return cls(iter_store_records(path), name=Path(path).name)

    # -- building -------------------------------------------------------------------------
    def add(self, rec: dict) -> None:
        """Index one record; records without id or text (e.g. error rows) are counted, not fatal."""
        if not isinstance(rec, dict) or not rec.get("id") or not isinstance(rec.get("text"), str):
            self.skipped += 1
            return
        db = self._db
        with self._lock:
            if db.execute("SELECT 1 FROM articles WHERE id=?", (rec["id"],)).fetchone():
                self.skipped += 1
                return
            entities = rec.get("entities") or []
            quotes = rec.get("quotes") or []
            events = rec.get("events") or []
            published = rec.get("published")
            cur = db.execute(
                "INSERT INTO articles(id,title,published,url,lang,n_entities,n_quotes,n_events,tone,record)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (rec["id"], rec.get("title"), published, rec.get("url"), rec.get("lang"),
                 len(entities), len(quotes), len(events), (rec.get("tone") or {}).get("score"),
                 json.dumps(rec, ensure_ascii=False)),
            )
            art = cur.lastrowid
            db.execute("INSERT INTO articles_fts(rowid,title,text) VALUES (?,?,?)",
                       (art, rec.get("title") or "", rec["text"]))
            ents = {e.get("id"): e for e in entities if isinstance(e, dict)}
            keys = {eid: entity_key(e) for eid, e in ents.items()}
            db.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)",
                [(art, eid, keys[eid], e.get("name"), e.get("type"), e.get("wikidata"), e.get("country"),
                  len(e.get("mentions") or [])) for eid, e in ents.items()],
            )
            places = {p.get("id"): p for p in rec.get("places") or [] if isinstance(p, dict)}
            rows = []
            for ev in events:
                src_key, src_name = self._actor(ev.get("source"), ents, keys)
                tgt_key, tgt_name = self._actor(ev.get("target"), ents, keys)
                place = places.get(ev.get("place")) or {}
                day = ev.get("date") or (published[:10] if isinstance(published, str) else None)
                rows.append((art, ev.get("id"), ev.get("type"), ev.get("status"), ev.get("mode"), day,
                             (ev.get("trigger") or {}).get("text"), src_key, src_name, tgt_key, tgt_name,
                             place.get("name"), place.get("country"), place.get("lat"), place.get("lon")))
            db.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            qrows, mrows = [], []
            for q in quotes:
                spk = q.get("speaker")
                spk_key = keys.get(spk)
                qrows.append((art, q.get("id"), q.get("kind"), q.get("text"), spk_key,
                              (ents.get(spk) or {}).get("name")))
                if spk_key:  # who is talked about inside this quote
                    qs, qe = q.get("start", 0), q.get("end", 0)
                    seen = set()
                    for eid, e in ents.items():
                        if keys[eid] == spk_key or keys[eid] in seen:
                            continue
                        if any(qs <= m.get("start", -1) and m.get("end", 1 << 30) <= qe
                               for m in e.get("mentions") or []):
                            seen.add(keys[eid])
                            mrows.append((art, q.get("id"), spk_key, keys[eid]))
            db.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?)", qrows)
            db.executemany("INSERT INTO quote_mentions VALUES (?,?,?,?)", mrows)

    @staticmethod
    def _actor(actor, ents, keys) -> tuple[Optional[str], Optional[str]]:
        if not isinstance(actor, dict):
            return None, None
        eid = actor.get("entity")
        if eid in ents:
            return keys[eid], ents[eid].get("name") or actor.get("text")
        text = (actor.get("text") or "").strip()
        if not text and not actor.get("code"):
            return None, None
        return ("code:" + actor["code"]) if actor.get("code") else "text:" + text.casefold(), text or actor.get("code")

    # -- reading --------------------------------------------------------------------------
    def _all(self, sql: str, params=()) -> list[dict]:
        with self._lock:
            return [dict(r) for r in self._db.execute(sql, params).fetchall()]

    def info(self) -> dict:
        (n,) = self._db.execute("SELECT count(*) FROM articles").fetchone()
        (nev,) = self._db.execute("SELECT count(*) FROM events").fetchone()
        return {"name": self.name, "articles": n, "events": nev, "skipped": self.skipped}

    def article_json(self, article_id: str) -> Optional[str]:
        rows = self._all("SELECT record FROM articles WHERE id=?", (article_id,))
        return rows[0]["record"] if rows else None

    def article(self, article_id: str) -> Optional[dict]:
        rec = self.article_json(article_id)
        return json.loads(rec) if rec else None

    def articles(self, q: str | None = None, limit: int = 50, offset: int = 0) -> dict:
        cols = "a.id, a.title, a.published, a.url, a.n_entities, a.n_quotes, a.n_events, a.tone"
        if q:
            match = _fts_query(q)
            if not match:
                return {"total": 0, "items": []}
            # \x02 / \x03 mark hits in the snippet; the page turns them into <mark> nodes as text.
            items = self._all(
                f"SELECT {cols}, snippet(articles_fts, 1, char(2), char(3), '…', 24) AS snippet "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?", (match, limit, offset))
            total = self._all("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?", (match,))
        else:
            items = self._all(f"SELECT {cols} FROM articles a ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
                              (limit, offset))
            total = self._all("SELECT count(*) AS n FROM articles")
        return {"total": total[0]["n"], "items": items}

    def events(self, actor=None, type=None, status=None, since=None, until=None, article=None,
               limit: int = 200, offset: int = 0) -> dict:
        where, params = [], []
        if actor:
            where.append("(e.src_key = ? OR e.tgt_key = ? OR e.src_name LIKE ? ESCAPE '\\' "
                         "OR e.tgt_name LIKE ? ESCAPE '\\')")
            params += [actor, actor, _like(actor), _like(actor)]
        for column, values in (("e.type", type), ("e.status", status)):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                params += list(values)
        if since:
            where.append("e.day >= ?")
            params.append(since)
        if until:
            where.append("substr(e.day, 1, ?) <= ?")
            params += [len(until), until]
        if article:
            where.append("a.id = ?")
            params.append(article)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        base = f"FROM events e JOIN articles a ON a.rowid = e.art {clause}"
        items = self._all(
            "SELECT a.id AS article, a.title, a.published, e.vid AS id, e.type, e.status, e.mode, e.day AS date,"
            " e.trigger, e.src_key AS source_key, e.src_name AS source, e.tgt_key AS target_key,"
            " e.tgt_name AS target, e.place_name AS place, e.place_country, e.lat, e.lon "
            f"{base} ORDER BY e.day DESC NULLS LAST, a.id, e.vid LIMIT ? OFFSET ?", (*params, limit, offset))
        total = self._all(f"SELECT count(*) AS n {base}", params)[0]["n"]
        return {"total": total, "items": items}

    def entities(self, q=None, type=None, limit: int = 100) -> list[dict]:
        where, params = [], []
        if q:
            where.append("name LIKE ? ESCAPE '\\'")
            params.append(_like(q))
        if type:
            where.append(f"type IN ({','.join('?' * len(type))})")
            params += list(type)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = self._all(
            "SELECT key, type, max(wikidata) AS wikidata, max(country) AS country,"
            " count(DISTINCT art) AS articles, sum(n_mentions) AS mentions, group_concat(name, char(31)) AS names "
            f"FROM entities {clause} GROUP BY key ORDER BY articles DESC, mentions DESC LIMIT ?", (*params, limit))
        for row in rows:  # the most frequent spelling names the entity
            names = Counter((row.pop("names") or "").split("\x1f"))
            row["name"] = names.most_common(1)[0][0] if names else row["key"]
        return rows

    def quotes(self, speaker=None, q=None, article=None, limit: int = 100) -> dict:
        where, params = [], []
        if speaker:
            where.append("(q.speaker_key = ? OR q.speaker_name LIKE ? ESCAPE '\\')")
            params += [speaker, _like(speaker)]
        if q:
            where.append("q.text LIKE ? ESCAPE '\\'")
            params.append(_like(q))
        if article:
            where.append("a.id = ?")
            params.append(article)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        base = f"FROM quotes q JOIN articles a ON a.rowid = q.art {clause}"
        items = self._all(
            "SELECT a.id AS article, a.title, a.published, q.qid AS id, q.kind, q.text,"
            f" q.speaker_key, q.speaker_name AS speaker {base} ORDER BY a.published DESC, a.id, q.qid LIMIT ?",
            (*params, limit))
        total = self._all(f"SELECT count(*) AS n {base}", params)[0]["n"]
        return {"total": total, "items": items}

    def network(self, limit: int = 40) -> dict:
        """Actors as nodes; edges for events (source acts on target) and quotes (speaker talks about)."""
        edges = self._all(
            "SELECT src_key AS source, tgt_key AS target, 'event' AS kind, count(*) AS count,"
            " group_concat(DISTINCT type) AS types FROM events"
            " WHERE src_key IS NOT NULL AND tgt_key IS NOT NULL AND src_key != tgt_key GROUP BY 1, 2"
            " UNION ALL SELECT speaker_key, mentioned_key, 'quote', count(*), NULL FROM quote_mentions GROUP BY 1, 2")
        degree: Counter = Counter()
        for e in edges:
            degree[e["source"]] += e["count"]
            degree[e["target"]] += e["count"]
        keep = {k for k, _ in degree.most_common(limit)}
        edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
        names = self._names(keep)
        nodes = [{"key": k, "name": names.get(k, (k, None))[0], "type": names.get(k, (k, None))[1],
                  "degree": degree[k]} for k in sorted(keep, key=lambda k: -degree[k])]
        return {"nodes": nodes, "edges": edges}

    def _names(self, keys: set[str]) -> dict[str, tuple[str, Optional[str]]]:
        """Most frequent (name, type) per key, from entities first, else from event actor text."""
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        counts: dict[str, Counter] = {}
        for row in self._all(f"SELECT key, name, type FROM entities WHERE key IN ({marks})", tuple(keys)):
            counts.setdefault(row["key"], Counter())[(row["name"], row["type"])] += 1
        missing = tuple(k for k in keys if k not in counts)
        if missing:
            marks = ",".join("?" * len(missing))
            for row in self._all(
                    f"SELECT src_key AS key, src_name AS name FROM events WHERE src_key IN ({marks}) UNION ALL "
                    f"SELECT tgt_key, tgt_name FROM events WHERE tgt_key IN ({marks})", (*missing, *missing)):
                counts.setdefault(row["key"], Counter())[(row["name"], None)] += 1
        return {key: c.most_common(1)[0][0] for key, c in counts.items()}

    def timeline(self, precision: str = "day") -> dict:
        """Event counts per date bucket, type and status; events without a date that precise are counted apart."""
        width = {"year": 4, "month": 7, "day": 10}[precision]
        buckets = self._all(
            "SELECT substr(day, 1, ?) AS date, type, status, count(*) AS count FROM events"
            " WHERE length(day) >= ? GROUP BY 1, 2, 3 ORDER BY 1", (width, width))
        (undated,) = self._db.execute("SELECT count(*) FROM events WHERE day IS NULL OR length(day) < ?",
                                      (width,)).fetchone()
        return {"precision": precision, "buckets": buckets, "undated": undated}

    def places(self) -> list[dict]:
        return self._all(
            "SELECT place_name AS name, place_country AS country, round(lat, 3) AS lat, round(lon, 3) AS lon,"
            " count(*) AS events, group_concat(DISTINCT type) AS types FROM events"
            " WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY events DESC")
