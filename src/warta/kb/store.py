"""Run-time access to the offline KB (``kb/data/kb.msgpack``, built by ``python -m warta.kb.build``).

Everything is a hash lookup or one Aho-Corasick pass, so linking costs microseconds per mention.
``KB.load()`` is cached: the file is read once per process (≈0.1 s).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

import srsly

from warta.kb.normalize import alias_key

KB_FILE = Path(__file__).resolve().parent / "data" / "kb.msgpack"


@dataclass(frozen=True)
class RoleAt:
    """What an entity was on a date: CAMEO actor code and the title as Indonesian papers write it."""

    actor: Optional[str]
    role: Optional[str]
    current: bool          # False when the role had ended before the date (actor becomes XXXELI)


def _as_date(value) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10]


def _lo(d: Optional[str]) -> str:
    if not d:
        return "0000-00-00"
    return d if len(d) >= 10 else (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10]


def _hi(d: Optional[str]) -> str:
    if not d:
        return "9999-99-99"
    return d if len(d) >= 10 else (d + "-12-31")[:10] if len(d) == 4 else (d + "-31")[:10]


class KB:
    def __init__(self, payload: dict):
        self.entities: list[dict] = payload["entities"]
        self.aliases: dict[str, list[int]] = payload["aliases"]
        self.offices: dict[str, list] = payload.get("offices", {})
        self.countries: dict[str, str] = payload.get("countries", {})
        self._scan = payload.get("scan", {})
        self._automaton = None
        self.by_qid = {e["wikidata"]: i for i, e in enumerate(self.entities) if e.get("wikidata")}

    @classmethod
    def load(cls, path: Path | str = KB_FILE) -> "KB":
        return _load(str(path))

    # -- lookups ------------------------------------------------------------------------
    def lookup(self, name: str, type_: Optional[str] = None) -> list[int]:
        """Entity indices whose name or alias normalises like ``name`` (optionally of one type)."""
        ids = self.aliases.get(alias_key(name), [])
        if type_:
            ids = [i for i in ids if self.entities[i]["type"] == type_]
        return ids

    def get(self, idx: int) -> dict:
        return self.entities[idx]

    def by_wikidata(self, qid: str) -> Optional[int]:
        return self.by_qid.get(qid)

    def role_at(self, idx: int, when=None) -> RoleAt:
        """Actor code and role of entity ``idx`` on ``when`` (date/ISO string; None = latest known).

        A role covering the date wins; if all roles ended before it the person is a former office
        holder: actor ``<country>ELI`` and role ``mantan <title>`` (Biden in 2026 -> USAELI).
        """
        ent = self.entities[idx]
        roles = ent.get("roles") or []
        if not roles:
            return RoleAt(ent.get("actor"), None, True)
        day = _as_date(when)
        dated = [r for r in roles if r[0] or r[1]]
        undated = [r for r in roles if not (r[0] or r[1])]
        if day is None:
            best = max(dated, key=lambda r: _lo(r[0])) if dated else undated[0]
            return RoleAt(best[2], best[3], not best[1])
        covering = [r for r in dated if _lo(r[0]) <= day <= _hi(r[1])]
        if covering:
            best = max(covering, key=lambda r: (bool(r[3]), _lo(r[0])))  # titled, most recent start
            return RoleAt(best[2], best[3], True)
        past = [r for r in dated if _hi(r[1]) < day]
        if past:
            last = max(past, key=lambda r: _hi(r[1]))
            country = ent.get("country") or (last[2] or "")[:3]
            role = f"mantan {last[3]}" if last[3] else None
            return RoleAt(f"{country}ELI" if country and not country.startswith("IGO") else last[2], role, False)
        if undated:
            return RoleAt(undated[0][2], undated[0][3], True)
        return RoleAt(f"{ent['country']}ELI" if ent.get("country") else None, None, False)

    def holder(self, title: str, when=None) -> Optional[int]:
        """Who held the office ``title`` ("Presiden Ukraina") on ``when``; None if unknown or several."""
        rows = self.offices.get(alias_key(title))
        if not rows:
            return None
        day = _as_date(when)
        if day is None:
            open_rows = [r for r in rows if not r[1]]
            ids = {r[2] for r in open_rows}
        else:
            ids = {r[2] for r in rows if _lo(r[0]) <= day <= _hi(r[1])}
        return next(iter(ids)) if len(ids) == 1 else None

    # -- scanning running text ----------------------------------------------------------
    def automaton(self):
        if self._automaton is None:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for surface, (rule, idx) in self._scan.items():
                key = surface.lower()
                prev = auto.get(key, None)
                entry = (surface, rule, idx)
                auto.add_word(key, (prev or ()) + (entry,))
            auto.make_automaton()
            self._automaton = auto
        return self._automaton

    def scan(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(start_char, end_char, entity index) for KB names in ``text``, longest match, word-bounded.

        Acronyms must match case exactly (AS, PBB); other names need a capitalised first letter.
        """
        lower = text.lower()
        n = len(text)
        found = []
        for end_i, entries in self.automaton().iter(lower):
            for surface, rule, idx in entries:
                start = end_i - len(surface) + 1
                end = end_i + 1
                if start > 0 and (text[start - 1].isalnum()):
                    continue
                if end < n and (text[end].isalnum() or (text[end] == "-" and end + 1 < n and text[end + 1].isalnum())):
                    continue
                piece = text[start:end]
                if rule == "exact" and piece != surface:
                    continue
                if rule == "cap" and not piece[:1].isupper():
                    continue
                found.append((start, end, idx))
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        last_end = -1
        for start, end, idx in found:
            if start >= last_end:
                yield start, end, idx
                last_end = end


@lru_cache(maxsize=2)
def _load(path: str) -> KB:
    return KB(srsly.read_msgpack(path))
