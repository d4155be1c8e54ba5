"""Indonesian time expressions, normalised against the publication date.

Reads ``doc.text``, sentence boundaries (when set) and ``doc._.published``; writes
``doc._.times`` as ``record.Time`` objects (ids t1, t2 …, in text order).

Rules, not dateparser: dateparser misses most newsroom forms ("Minggu malam", "pekan lalu",
"Kamis (6/7)") and costs milliseconds per call, so every form here is a regular expression
built from the word tables in ``warta/lang/time_*.tsv``. Values follow ``time.value`` in the
schema: ISO 8601 at the precision known (2024-10-13, 2024-06, 2022), ISO weeks (2024-W41),
durations (P24Y), times with offsets (2024-10-14T09:00+07:00). Vague expressions are kept
with ``precise=False`` (and ``value=None`` when nothing can be said).

The year of a yearless date ("pada tanggal 2 Januari", "bulan Juni") comes from tense: the
latest such date not after publication, unless the clause speaks of the future ("akan",
"dijadwalkan", "mendatang"), then the earliest not before. A weekday in brackets
("Kamis (6/7)") picks the year whose calendar agrees.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Callable, Iterable, Optional

from warta.kb.normalize import one_edit_apart
from warta.lang import table
from warta.tokenizer import doc_text

_WIB = timezone(timedelta(hours=7))

__all__ = ["TimeMatch", "find_times", "time_for_span", "make_times", "sentence_spans", "doc_text"]


@dataclass(frozen=True)
class TimeMatch:
    """One time expression: char offsets into the text, its normalised value and kind."""

    start: int
    end: int
    text: str
    value: Optional[str]
    kind: str = "date"
    precise: bool = True
    until: Optional[str] = None   # last day of a range ("6-7 Juli"), else None
    rule: str = ""                # which pattern found it (for the document-level passes)


# --------------------------------------------------------------------------- language data


def _alt(forms: Iterable[str]) -> str:
    """Regex alternation, longest first, with flexible inner spaces and apostrophes."""
    out = []
    for f in sorted(set(forms), key=len, reverse=True):
        p = re.escape(f).replace(r"\ ", r"\s+").replace(r"\-", r"\s*-\s*")
        p = p.replace("'", r"\s*['’\"]\s*").replace("’", r"\s*['’\"]\s*")   # IndoSum has "Jum"at"
        out.append(p)
    return "(?:" + "|".join(out) + ")"


def _norm(s: str) -> str:
    s = re.sub(r"\s*['’\"]\s*", "'", s)
    s = re.sub(r"\s*-\s*", "-", s)
    return re.sub(r"\s+", " ", s).lower()


class _Lang:
    """Word tables from ``lang/time_*.tsv`` and the regexes compiled from them."""

    def __init__(self) -> None:
        self.weekdays = {_norm(f): int(n) for f, n in table("time_weekdays.tsv")}
        self.months = {_norm(f): int(n) for f, n, _ in table("time_months.tsv")}
        self.full_months = {_norm(f): int(n) for f, n, a in table("time_months.tsv") if a == "0"}
        self.parts = {_norm(f): c for f, c in table("time_parts_of_day.tsv")}
        self.relative = {_norm(f): (u, int(o), p == "1") for f, u, o, p in table("time_relative.tsv")}
        self.units = {_norm(f): (u, iso, t == "1") for f, u, iso, t in table("time_units.tsv")}
        self.numbers = {_norm(f): float(v) for f, v in table("time_number_words.tsv")}
        self.zones = {f: o for f, o in table("time_timezones.tsv")}
        self.place_zones = {_norm(f): o for f, o in table("time_place_zones.tsv")}
        self.holidays = {_norm(f): k for f, k in table("time_holidays.tsv")}
        self.holiday_dates: dict[tuple[str, int], date] = {
            (k, int(y)): date.fromisoformat(d) for k, y, d in table("time_holiday_dates.tsv")}
        fixed = table("time_fixed_days.tsv")   # "Bastille Day", "Hari Kartini": one date every year
        self.holidays.update({_norm(f): f"fixed:{md}" for f, md in fixed})
        self.anaphoric = {_norm(f): (u, int(o)) for f, u, o in table("time_anaphoric.tsv")}
        quarters = table("time_quarters.tsv")
        self.quarter_units = {_norm(f): t for f, k, t in quarters if k == "unit"}
        self.quarter_ords = {f.lower(): int(t) for f, k, t in quarters if k == "ordinal"}
        cues: dict[str, set[str]] = {}
        for f, k in table("time_cues.tsv"):
            cues.setdefault(k, set()).add(_norm(f))
        self.cues = cues

        wd = _alt(f for f, _ in table("time_weekdays.tsv"))
        mon_full = _alt(f for f, _, a in table("time_months.tsv") if a == "0")
        mon_any = _alt(f for f, _, _ in table("time_months.tsv"))
        part = _alt(self.parts)
        tz = _alt(self.zones)
        digits = {"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"}
        unit_digit = _alt(w for w in self.numbers if w in digits)
        numword = (rf"(?:{unit_digit}\s+(?:puluh|belas|ratus)(?:\s+{unit_digit})?|{unit_digit}\s+setengah"
                   rf"|se(?:puluh|ratus)\s+{unit_digit}|{_alt(w for w in self.numbers if w != 'se')})")
        unit = _alt(self.units)
        self.numword_re = re.compile(numword, re.I)
        past = _alt(self.cues["past_suffix"])
        fut = _alt(self.cues["future_suffix"])
        setl = _alt(self.cues["set_lead"])
        mod = r"(?P<mod>(?:awal|akhir|pertengahan|medio)\s+)?"
        I = re.I
        # Each entry: (name, compiled regex). Case-sensitive where capitals carry the meaning
        # (weekdays, month names alone: "April" may be a person, "minggu" a week).
        self.patterns: list[tuple[str, re.Pattern]] = [
            ("wd_numeric", re.compile(
                rf"\b(?:(?P<wd>{wd})|(?P<relday>(?i:hari\s+ini|kemarin|besok)))(?:\s*,)?(?:\s+(?P<part1>{part}))?(?:\s+(?:kemarin|lalu))?\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
                rf"(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)(?:\s+(?P<part2>{part}))?(?:\s+(?P<tail>kemarin|lalu))?")),
            ("wd_date", re.compile(
                rf"\b(?P<wd>{wd})\s*,?\s*(?:(?:tanggal|tgl\.?)\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>{mon_any})\.?"
                rf"(?:\s+(?P<y>\d{{4}}))?\b")),
            ("date_range", re.compile(
                rf"\b(?:(?:tanggal|tgl\.?)\s+)?(?P<d>\d{{1,2}})\s*(?:-|–|hingga|sampai|s/d|dan)\s*(?P<d2>\d{{1,2}})\s+"
                rf"(?P<mon>{mon_full})(?:\s+(?P<y>\d{{4}}))?\b", I)),
            ("date", re.compile(
                rf"\b(?:(?:tanggal|tgl\.?)\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>{mon_any})\.?(?:\s+(?P<y>\d{{4}})|\s+(?P<rely>(?i:tahun\s+(?:lalu|ini|depan|kemarin))))?\b")),
            ("date_numeric", re.compile(
                r"(?<![\d/.\-])(?:(?:tanggal|tgl\.?)\s+)?(?P<d>\d{1,2})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*"
                r"(?P<y>\d{4})(?![\d/.\-]\d)", I)),
            ("date_typo", re.compile(
                r"\b(?P<d>\d{1,2})\s+(?P<word>[A-Z][a-z]{4,9})\b(?:\s+(?P<y>(?:19|20)\d{2})\b)?")),
            ("date_iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
            ("month_year", re.compile(
                rf"(?i:\b{mod}(?:bulan\s+)?)(?P<mon>{mon_full})\s+(?:(?P<y>\d{{4}})\b|\((?P<yb>(?:19|20)\d{{2}})\))")),
            ("month_range", re.compile(
                rf"(?i:\b{mod}(?:bulan\s+)?)(?P<mon>{mon_full})\s*(?:-|–|hingga|sampai|s/d)\s*"
                rf"(?i:{mod.replace('?P<mod>', '?:')})(?P<mon2>{mon_full})\s+(?P<y>\d{{4}})\b")),   # "November-awal Desember 2020"
            ("quarter", re.compile(   # "kuartal II 2017", "triwulan pertama tahun ini", "semester I 2017",
                # and Kompas's "triwulan II-2020" / "semester I-2020" (the year joined by a hyphen)
                rf"(?i:\b(?P<qu>{_alt(self.quarter_units)}))\s+(?P<qn>(?i:{_alt(self.quarter_ords)}))"
                rf"(?:\s*[-–]\s*(?P<yh>(?:19|20)\d{{2}})\b"
                rf"|\s+(?:(?i:tahun\s+)?(?P<y>(?:19|20)\d{{2}})\b|(?P<rely>(?i:tahun\s+(?:lalu|ini|depan|kemarin)))\b))")),
            ("season_year", re.compile(r"\b(?P<y>(?:19|20)\d{2})\s*/\s*(?P<y2>\d{2}|(?:19|20)\d{2})\b(?![/.,]\d)")),
            ("set_adj", re.compile(rf"\b(?P<adj>{_alt(self.cues['set_adj'])})\b")),
            ("count_range", re.compile(
                rf"\b(?P<n1>\d+|{numword})\s*(?:-|–|hingga|sampai)\s*(?P<n2>\d+|{numword})\s+(?P<unit>{unit})"
                rf"(?:\s+(?P<past>{past})|\s+(?P<fut>{fut}))?\b(?!-)", I)),
            ("holiday", re.compile(
                rf"\b(?P<hol>{_alt([f for f, _ in table('time_holidays.tsv')] + [f for f, _ in fixed])})"
                rf"(?:\s+(?P<y>(?:19|20)\d{{2}})|\s+(?P<rely>(?i:tahun\s+(?:lalu|ini|depan|kemarin)))"
                rf"|\s+(?P<ana>(?i:{_alt(f for f in self.anaphoric if f.startswith('tahun '))})))?\b(?!\s*-\s*\d)")),
            ("anaphoric", re.compile(   # "tahun sebelumnya", "bulan yang sama tahun lalu", "pada hari yang sama"
                rf"(?<![-\w])(?P<ana>(?i:{_alt(self.anaphoric)}))(?:\s+(?P<prev>(?i:tahun\s+(?:lalu|sebelumnya))))?\b")),
            ("vague_dur", re.compile(rf"\b{_alt(self.cues['vague_count'])}\s+(?P<unit>{unit})\b(?!-)", I)),
            ("month", re.compile(rf"(?i:\b(?P<lead>{mod}bulan\s+)?)(?P<mon>{mon_full})(?:\s+(?P<y_>\d{{4}})|\s+(?P<rely>(?i:tahun\s+(?:lalu|ini|depan|kemarin))))?\b")),
            ("decade", re.compile(
                rf"\b{mod}(?:(?:era|tahun|dekade)\s+)?(?P<dec>(?:19|20)\d)0\s*-\s*an\b", I)),
            ("set_an", re.compile(
                rf"\b(?P<num>\d+|{numword})\s+(?P<unit>tahun|bulan|minggu|pekan|hari|jam)an\b", I)),
            ("year", re.compile(
                rf"\b{mod}(?P<tahun>tahun\s+)?(?P<y>(?:19|20)\d{{2}}|(?<=tahun )1[0-8]\d{{2}})(?![\d%/,.]\d|\d|\s*%|-an)", I)),
            ("relative", re.compile(rf"\b(?P<rel>{_alt(self.relative)})(?:\s+(?P<part>{part}))?\b", I)),
            ("vague", re.compile(rf"\b(?P<vague>{_alt(self.cues['vague'])})\b", I)),
            ("vague_count", re.compile(
                rf"\b{_alt(self.cues['vague_count'])}\s+{unit}(?:\s+yang)?\s+(?:lalu|silam|terakhir|ke\s+depan|mendatang)\b", I)),
            ("count", re.compile(
                rf"\b(?:(?P<num>\d+(?:[.,]\d+)?|{numword})\s+(?P<unit>{unit})|se(?P<seunit>{unit}))"
                rf"(?:\s+(?P<past>{past})|\s+(?P<fut>{fut})|\s+(?P<anac>{_alt(self.cues['count_before'] | self.cues['count_after'])}))?\b(?!-)", I)),
            ("set", re.compile(
                rf"\b(?P<lead>{setl}|per)\s+(?:(?P<num>\d+|{numword})\s+)?(?:hari\s+(?=(?:{wd})\b))?"
                rf"(?P<unit>{unit}|{wd})(?:nya)?\b", I)),
            ("clock", re.compile(
                rf"\b(?:pukul|pkl\.?|jam)\s+(?P<h>\d{{1,2}}|{numword})(?:\s*[.:]\s*(?P<mi>\d{{2}}))?"
                rf"(?:\s*(?:-|–|hingga|sampai|s/d)\s*\d{{1,2}}(?:\s*[.:]\s*\d{{2}})?"
                rf"|\s+dan\s+\d{{1,2}}[.:]\d{{2}}(?=\s*(?:{tz})\b))?"   # "antara pukul 12.00 dan 13.00 BST": one zone, a range
                rf"(?:\s*(?P<tz>{tz})\b)?(?:\s+(?P<part>{part})(?!(?<=hari)\s+(?:{wd})\b))?"   # not the "hari" of "hari Rabu"
                rf"(?:\s*\(?\s*waktu\s+(?P<wplace>{_alt(f for f, _ in table('time_place_zones.tsv'))})\b)?", I)),
            ("clock_tz", re.compile(rf"\b(?P<h>\d{{1,2}})[.:](?P<mi>\d{{2}})\s*(?P<tz>{tz})\b")),
            ("weekday", re.compile(
                rf"\b(?P<wd>{wd})\b(?:\s+(?P<dir>(?:akhir\s+)?(?:pekan|minggu)\s+(?:ini|lalu|depan|kemarin|mendatang)"
                rf"|lalu|kemarin|depan|mendatang|ini))?(?:\s+(?P<part>{part}))?")),
        ]
        self.by_name = dict(self.patterns)
        self.triggers = self._triggers()
        import ahocorasick

        self.trigger_auto = ahocorasick.Automaton()
        for w, names in self.triggers.items():
            self.trigger_auto.add_word(w, (len(w), names))
        self.trigger_auto.make_automaton()
        self.month_ahead_re = re.compile(rf"\b{_alt(self.cues['month_ahead'])}\s+$", I)
        self.month_past_re = re.compile(rf"\s+(?:yang\s+)?{_alt(self.cues['month_past'])}\b", I)
        self.speech_re = re.compile(rf"\b{_alt(self.cues['speech'])}\b", I)
        self.month_lead_re = re.compile(rf"\b{_alt(self.cues['month_lead'])}\s+$", I)
        self.future_re = re.compile(rf"\b{_alt(self.cues['future'])}\b", I)
        self.future_verb_re = re.compile(rf"\b{_alt(self.cues['future_aux'])}\b", I)
        self.approx_re = re.compile(rf"\b{_alt(self.cues['approx'])}\s+$", I)
        self.length_before_re = re.compile(rf"\b{_alt(self.cues['length_before'])}\b[^,.;:]{{0,30}}$", I)
        self.week_ordinal_re = re.compile(rf"^\s*(?:{_alt(self.cues['week_ordinal'])})\b", I)
        self.count_lead_re = re.compile(rf"\b{_alt(self.cues['count_lead'])}\s+$", I)
        self.count_follow_re = re.compile(rf"^\s+{_alt(self.cues['count_follow'])}\b", I)
        self.month_follow_re = re.compile(rf"^\s+{_alt(self.cues['month_follow'])}\b", I)
        self.length_lead_re = re.compile(rf"\b{_alt(self.cues['length_lead'])}\s+(?:\w+\s+)?$", I)   # "bisa beli dua hari sebelumnya"
        self.weekday_name_re = re.compile(rf"\b{_alt(self.cues['weekday_name'])}\s+$", I)   # "shalat Jumat"
        self.rate_unit_re = re.compile(rf"\b{_alt(self.cues['rate_unit'])}\s+$")   # "30 kilometer per jam"
        self.law_re = re.compile(r"\b(?:nomor|no\.?)\s*[:.]?\s*\d+\s+$", I)
        self.law_year_re = re.compile(r"\b(?:nomor|no\.?)\s*[:.]?\s*\d+\s+tahun\s+$", I)
        self.law_name_re = re.compile(rf"\b(?:{_alt(f for f, k in table('time_cues.tsv') if k == 'law_lead')})\s+(?:[A-Z][\w-]*\s+){{1,4}}$")   # capitalised: a law's title
        self.weekday_join = re.compile(rf"\s*(?:,\s*)?(?:{_alt(self.cues['weekday_join'])}|,)\s*(?:hari\s+)?", I)
        # "September dan Oktober", "Juli hingga Agustus": a month next to another month is a month
        self.month_pair_after = re.compile(rf"\s*(?i:dan|atau|hingga|sampai|s/d|-|–)\s*{mon_full}\b")
        self.month_pair_before = re.compile(rf"\b{mon_full}\s*(?i:,|dan|atau|-|–)\s*$")
        self.long_months = [m for m in self.full_months if len(m) >= 5]

    def _triggers(self) -> dict[str, tuple[str, ...]]:
        """First word (lower case) -> the patterns that may start there.

        Running each pattern only where its first word occurs keeps the scan well under a
        millisecond per article; a free-running ``finditer`` of every pattern costs ~4 ms.
        """
        trig: dict[str, set[str]] = {}

        def add(words, *names):
            for w in words:
                first = re.split(r"[^\w]+", _norm(w))[0]
                trig.setdefault(first, set()).update(names)

        mods = ("awal", "akhir", "pertengahan", "medio")
        add(self.weekdays, "wd_numeric", "wd_date", "weekday")
        add(self.months, "date", "month_year", "month", "month_range")
        add(("tanggal", "tgl"), "date_range", "date", "date_numeric")
        add(mods, "month_year", "month", "year", "month_range")
        add(("bulan",), "month_year", "month", "month_range")
        add(("tahun",), "year", "decade")
        add(("era", "dekade"), "decade")
        add(("hari", "kemarin", "besok"), "wd_numeric")
        add(mods, "decade")
        add(self.relative, "relative")
        add(self.cues["vague"], "vague")
        add(self.cues["vague_count"], "vague_count", "vague_dur")
        add(self.cues["set_adj"], "set_adj")
        add(self.holidays, "holiday")
        add(self.anaphoric, "anaphoric")
        add(self.numbers, "count", "set_an", "count_range")
        add(self.cues["set_lead"] | {"per"}, "set")
        add(("pukul", "pkl", "jam"), "clock")
        add(self.quarter_units, "quarter")
        add(["se" + u for u in self.units], "count")
        return {k: tuple(sorted(v)) for k, v in trig.items()}

    def number(self, s: str) -> Optional[float]:
        s = _norm(s)
        if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
            return float(s.replace(",", "."))
        parts = s.split()
        if len(parts) == 1:
            return self.numbers.get(s)
        total, cur = 0, 0
        for p in parts:
            if p == "puluh":
                cur *= 10
            elif p == "belas":
                cur += 10
            elif p == "ratus":
                cur *= 100
            elif p in ("sepuluh", "seratus"):
                total += self.numbers[p]
            elif p in self.numbers:
                total += cur
                cur = self.numbers[p]
            else:
                return None
        return float(total + cur)


@lru_cache(maxsize=1)
def _lang() -> _Lang:
    return _Lang()


# --------------------------------------------------------------------------- calendar helpers


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift(anchor: date, unit: str, n: int) -> tuple[str, str]:
    """(value, kind) for ``n`` units from ``anchor`` at the unit's precision."""
    if unit == "day":
        return (anchor + timedelta(days=n)).isoformat(), "date"
    if unit == "week":
        return _week(anchor + timedelta(weeks=n)), "week"
    if unit == "month":
        return _add_months(anchor, n).strftime("%Y-%m"), "date"
    return str(anchor.year + n), "date"


def _safe_date(y: int, m: int, d: int) -> Optional[date]:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# --------------------------------------------------------------------------- the scanner


_SENT_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"])|\n+")


class _Ctx:
    """Text, anchor and clause boundaries for one document."""

    def __init__(self, text: str, published, sentences):
        self.text = text
        if isinstance(published, datetime):
            if published.tzinfo is not None:   # an instant: take the newsroom's (Jakarta) calendar day
                published = published.astimezone(_WIB)
            published = published.date()
        self.anchor: Optional[date] = published
        if sentences is None:   # no segmenter ran: cut after . ! ? before a capital or a quote, and at newlines
            cuts = [0] + [m.end() for m in _SENT_END.finditer(text)] + [len(text)]
            sentences = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
        self.sent_starts = [s for s, _ in sentences] or [0]
        self.sentences = list(sentences) or [(0, len(text))]
        self._quotes = None

    def quotes(self) -> list[tuple[int, int]]:
        if self._quotes is None:
            self._quotes = _quotes(self.text)
            self._quote_starts = [a for a, _ in self._quotes]
        return self._quotes

    def quote_at(self, pos: int) -> Optional[tuple[int, int]]:
        """The quotation holding character ``pos``, if any."""
        quotes = self.quotes()
        k = bisect_right(self._quote_starts, pos) - 1
        return quotes[k] if k >= 0 and pos < quotes[k][1] else None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(self.sent_starts, pos) - 1)
        return self.sentences[i]

    def clause(self, start: int, end: int) -> str:
        s0, s1 = self.sentence(start)
        left = self.text[s0:start]
        cut = max(left.rfind(c) for c in ",;:\"“”")
        right = self.text[end:max(end, s1)]
        cuts = [i for i in (right.find(c) for c in ",;:\"“”") if i >= 0]
        return left[cut + 1:] + " " + self.text[start:end] + " " + right[: min(cuts) if cuts else len(right)]

    def future(self, start: int, end: int) -> bool:
        return bool(_lang().future_re.search(self.clause(start, end)))


_YEAR_HEADING = re.compile(r"\s*(?:[Tt]ahun\s+)?((?:1[5-9]|20)\d\d)\s*:\s")


def _pick_year(ctx: _Ctx, start: int, end: int, month: int, day: Optional[int],
               weekday: Optional[int] = None) -> Optional[date]:
    """Year for a yearless date: weekday agreement first, then tense around the anchor."""
    a = ctx.anchor
    s0 = ctx.sentence(start)[0]
    head = _YEAR_HEADING.match(ctx.text, s0, start)
    if head:   # a timeline's entry, "Tahun 2004: 26 Desember, …": the heading's year
        return _safe_date(int(head.group(1)), month, day or 1)
    if a is None:
        return None
    cands = [c for y in (a.year - 1, a.year, a.year + 1)
             if (c := _safe_date(y, month, day or 1)) is not None]
    if weekday is not None and day is not None:
        # a weekday picks the year only near the anchor: "Kamis (22/12)" a year off is a typo'd weekday
        agree = [c for c in cands if c.isoweekday() == weekday and abs((c - a).days) <= 45]
        if agree:
            return min(agree, key=lambda c: abs((c - a).days))
    ahead = [c for c in cands if (c >= a if day else (c.year, c.month) >= (a.year, a.month))]
    if day and ctx.future(start, end) and not re.search(r"(?:-|–|hingga|sampai|s/d)\s*$", ctx.text[max(0, start - 12):start]):
        # a story re-told a few days late still says "akan … 25 Oktober mendatang": not next year's
        # (not the end of a range, "18 Agustus - 2 September mendatang", which follows its start)
        ahead = [c for c in cands if c >= a - timedelta(days=10)]
    slack = timedelta(days=7) if day else timedelta(0)
    ok = [c for c in cands if (c <= a + slack if day else (c.year, c.month) <= (a.year, a.month))]
    past = max(ok) if ok else None
    if _lang().month_past_re.match(ctx.text[end:end + 20]):
        return past   # "Maret lalu", "bulan Juni sebelumnya" (before any future cue of the clause)
    if ctx.future(start, end) or (day is None and _lang().month_ahead_re.search(ctx.text[max(0, start - 12):start])):
        if (day is None and past is not None and ahead and _months(past, a) <= 2 and _months(a, min(ahead)) >= 10
                and not _lang().month_follow_re.match(ctx.text[end:end + 20])):
            # a month of the last two spoken of in the future ("bulan Juli akan mengikuti pola …
            # bulan Juni", said in September of the figures to come): that month, not next year's
            return past
        return min(ahead) if ahead else None   # "akan …", "sebelum September" (said in July)
    if past is not None and ahead and (a - past).days > 240 and (min(ahead) - a).days <= 45:
        return min(ahead)   # news gives the year of a date that far back: a yearless one is the coming one
    return past


def _months(a: date, b: date) -> int:
    """Whole calendar months from a's month to b's."""
    return (b.year - a.year) * 12 + b.month - a.month


def _holiday_date(key: str, year: int) -> Optional[date]:
    """The day of a named holiday in ``year``: from the per-year table, or a fixed "fixed:MM-DD" day."""
    if key.startswith("fixed:"):
        return _safe_date(year, int(key[6:8]), int(key[9:11]))
    return _lang().holiday_dates.get((key, year))


def _holiday(ctx: _Ctx, start: int, end: int, key: str, year: Optional[str]):
    """"Lebaran", "Natal 2016", "Tahun Baru Imlek": the holiday's day in the year written, else the
    occurrence nearest publication (news speaks of the last or the coming one), the coming one
    when the clause speaks of the future, the last one before "lalu"."""
    L = _lang()
    if re.search(r"(?:^|\s)(?:di|ke|dari|kota)\s+$", ctx.text[max(0, start - 8):start], re.I) and \
            ctx.text[end:end + 1] == ",":
        return None   # "ke Natal, Brasil": the city
    if year:
        # "malam tahun baru 2018" is the eve of 2018: 31 December 2017
        d = _holiday_date(key, int(year) - (1 if key == "malam_tahun_baru" else 0))
        return (d.isoformat(), "date", True) if d else None
    a = ctx.anchor
    if a is None:
        return (None, "date", False)
    cands = [d for y in (a.year - 1, a.year, a.year + 1) if (d := _holiday_date(key, y))]
    if not cands:
        return (None, "date", False)
    if re.match(r"\s+(?:yang\s+)?(?:lalu|kemarin|silam)\b", ctx.text[end:end + 20]):
        pick = [d for d in cands if d <= a]
        d = max(pick) if pick else None
    elif ctx.future(start, end) or re.match(r"\s+(?:mendatang|nanti|depan)\b", ctx.text[end:end + 20]):
        pick = [d for d in cands if d >= a]
        d = min(pick) if pick else None
    else:
        d = min(cands, key=lambda c: abs((c - a).days))
    return (d.isoformat(), "date", True) if d else None


def _typo_month(word: str) -> Optional[int]:
    """The month a capitalised word misspells by one letter ("Febriari", "Agutus"), else None."""
    w = word.lower()
    L = _lang()
    if w in L.months:
        return None
    for m in L.long_months:
        if abs(len(m) - len(w)) <= 1 and one_edit_apart(w, m):
            return L.full_months[m]
    return None


def _weekday_date(ctx: _Ctx, start: int, end: int, wd: int, direction: Optional[str]) -> Optional[date]:
    a = ctx.anchor
    if a is None:
        return None
    back = (a.isoweekday() - wd) % 7
    fwd = (wd - a.isoweekday()) % 7
    if direction in ("lalu", "kemarin"):
        return a - timedelta(days=back or 7)
    if direction in ("depan", "mendatang"):
        return a + timedelta(days=fwd or 7)
    if direction == "ini" or ctx.future(start, end):
        return a + timedelta(days=fwd)
    return a - timedelta(days=back)


def _handle(name: str, m: re.Match, ctx: _Ctx) -> Optional[tuple]:
    """(value, kind, precise[, until]) for one regex match, or None to drop it."""
    L = _lang()
    g = m.groupdict()
    text, s, e = ctx.text, m.start(), m.end()
    if name in ("wd_numeric", "date_numeric", "date_iso", "wd_date", "date", "date_range", "date_typo"):
        d = int(g["d"])
        if name == "date_typo":   # "9 Febriari", "17 Agutus": one letter off a month name
            mon = _typo_month(g["word"])
            if mon is None:
                return None
        else:
            mon = L.months[_norm(g["mon"])] if g.get("mon") else int(g["m"])
        wd = L.weekdays.get(_norm(g["wd"])) if g.get("wd") else None
        y = g.get("y")
        if g.get("rely") and ctx.anchor is not None:
            y = str(ctx.anchor.year + L.relative[_norm(g["rely"])][1])
        if y:
            yi = int(y) + (2000 if len(y) == 2 else 0)
            dt = _safe_date(yi, mon, d)
            if dt is not None and wd is not None and dt.isoweekday() != wd and ctx.anchor is not None:
                # "Minggu (31/12/2018)" written on 1 January 2018: the weekday and the publication
                # date agree on the year before; a year typed at the turn of the year is common
                fix = [c for c in (_safe_date(yi - 1, mon, d), _safe_date(yi + 1, mon, d))
                       if c is not None and c.isoweekday() == wd and abs((c - ctx.anchor).days) <= 45]
                if fix:
                    dt = fix[0]
        else:
            dt = _pick_year(ctx, s, e, mon, d, wd)
            if dt is None and ctx.anchor is None:
                return (None, "date", False)
        if dt is None or not 1 <= mon <= 12:
            return None
        if name == "date_range":
            d2 = _safe_date(dt.year, dt.month, int(g["d2"]))
            if d2 is None or d2 < dt:
                return None
            return (dt.isoformat(), "date", True, d2.isoformat())
        return (dt.isoformat(), "date", True)
    if name == "month_year":   # "Februari 2022", "Januari (2017)"
        return (f"{int(g['y'] or g['yb']):04d}-{L.full_months[_norm(g['mon'])]:02d}", "date", not g.get("mod"))
    if name == "month_range":   # "Januari - Juni 2017": the year is shared; the value is the first month
        m1, m2, y = L.full_months[_norm(g["mon"])], L.full_months[_norm(g["mon2"])], int(g["y"])
        y1 = y if m1 <= m2 else y - 1
        return (f"{y1:04d}-{m1:02d}", "date", not g.get("mod"), f"{y:04d}-{m2:02d}")
    if name == "season_year":   # "musim 2008/09": a season of two calendar years, valued by the first
        y1, y2 = int(g["y"]), int(g["y2"])
        if (y2 if y2 >= 100 else y1 // 100 * 100 + y2) != y1 + 1:
            return None
        if re.search(r"(?:\d[.,/]?|[-/#])\s*$", text[max(0, s - 3):s]):
            return None
        return (str(y1), "date", True, str(y1 + 1))
    if name == "set_adj":
        unit, iso, is_time = L.units[_norm(g["adj"])[:-2]]
        return (f"P{'T' if is_time else ''}1{iso}", "set", True)
    if name == "vague_dur":
        return (None, "duration", False)
    if name == "holiday":
        key = L.holidays[_norm(g["hol"])]
        if g.get("ana"):   # "Lebaran tahun sebelumnya": dated after the pass, from the year named before it
            return (None, "date", False)
        if g.get("rely"):   # "lebaran tahun ini"
            if ctx.anchor is None:
                return (None, "date", False)
            y = ctx.anchor.year + L.relative[_norm(g["rely"])][1]
            return _holiday(ctx, s, e, key, str(y + (1 if key == "malam_tahun_baru" else 0)))
        return _holiday(ctx, s, e, key, g.get("y"))
    if name == "anaphoric":
        if re.search(rf"(?:\d|\b(?:{'|'.join(map(re.escape, L.numbers))}))\s+$", text[max(0, s - 12):s], re.I):
            return None   # "tiga tahun sebelumnya": a count of years, read by the count pattern
        return (None, "date", False)   # dated by _anaphoric from the time named before it
    if name == "count_range":   # "10 - 15 hari", "satu sampai dua tahun": a span of lengths, kept without a value
        n1, n2 = L.number(g["n1"]), L.number(g["n2"])
        if n1 is None or n2 is None or n2 <= n1:
            return None
        return (None, "date" if g.get("past") or g.get("fut") else "duration", False)
    if name == "month":
        lead = g.get("lead")
        if (not lead and not g.get("rely") and not L.month_lead_re.search(text[max(0, s - 20):s])
                and not L.month_follow_re.match(text[e:e + 16]) and not L.month_pair_after.match(text, e)
                and not L.month_pair_before.search(text[max(0, s - 16):s])):
            return None   # "April" alone may be a name; needs "bulan"/"pada"/"sejak" … before it
        if not m.group("mon")[0].isupper():
            return None
        mon = L.full_months[_norm(g["mon"])]
        if g.get("rely") and ctx.anchor is not None:
            return (f"{ctx.anchor.year + L.relative[_norm(g['rely'])][1]:04d}-{mon:02d}", "date", not g.get("mod"))
        if ctx.anchor is not None and re.match(r"\s+ini\b", text[e:e + 6]):
            return (f"{ctx.anchor.year:04d}-{mon:02d}", "date", not g.get("mod"))   # "Oktober ini": this year's
        dt = _pick_year(ctx, s, e, mon, None)
        if dt is None:
            return (None, "date", False)
        return (f"{dt.year:04d}-{mon:02d}", "date", not g.get("mod"))
    if name == "year":
        if (L.law_re.search(text[max(0, s - 16):s]) and g.get("tahun")) or L.law_year_re.search(text[max(0, s - 24):s]):
            return None   # "Nomor 7 Tahun 2017": part of a law's name
        if not g.get("tahun") and L.law_name_re.search(text[max(0, s - 60):s]):
            return None   # "UU KPK 2002", "Keputusan Pemerintah Wales 2017"
        before = text[max(0, s - 4):s]
        if re.search(r"(?:Rp\.?|\d[.,]?|[-/#])\s*$", before, re.I) and not re.search(
                r"\b[A-Z][A-Za-z]+\s+\d\s+$", text[max(0, s - 20):s]):
            return None   # but "Liga 1 2017", "Formula 1 2018": a numbered name, then the year
        if not g.get("tahun") and not g.get("mod") and (
                L.count_lead_re.search(text[max(0, s - 12):s]) or L.count_follow_re.match(text[e:e + 14])):
            return None   # "Ada 2016 orang": a count
        return (g["y"], "date", not g.get("mod"))
    if name == "relative":
        if re.search(r"\d\s+$", text[max(0, s - 4):s]):
            return None   # "pemain 25 tahun ini": an age, the count pattern takes "25 tahun"
        unit, off, precise = L.relative[_norm(g["rel"])]
        if ctx.anchor is None:
            return (None, "week" if unit == "week" else "date", False)
        v, k = _shift(ctx.anchor, unit, off)
        return (v, k, precise)
    if name in ("vague", "vague_count"):
        return (None, "date", False)
    if name == "decade":
        return (g["dec"], "date", False)
    if name == "set_an":
        n = L.number(g["num"])
        unit, iso, is_time = L.units[_norm(g["unit"])]
        return (f"P{'T' if is_time else ''}{_num(n)}{iso}", "set", True) if n else None
    if name == "count":
        if g.get("seunit"):
            n, ukey = 1.0, g["seunit"]
        else:
            n, ukey = L.number(g["num"]), g["unit"]
        if n is None:
            return None
        unit, iso, is_time = L.units[_norm(ukey)]
        if re.match(r"\s+\d{4}\b", text[e:e + 6]) or L.law_re.search(text[max(0, s - 16):s]):
            return None   # "7 Tahun 2017" in "Nomor 7 Tahun 2017"
        precise = not L.approx_re.search(text[max(0, s - 16):s])
        if (g.get("fut") and _norm(g["fut"]) == "lagi" and unit != "-"
                and L.length_before_re.search(text[max(0, s - 40):s])):
            g = {**g, "fut": None}   # "bertahan dua tahun lagi": two more years, a length
        if g.get("fut") and unit == "month" and not float(n).is_integer() and ctx.anchor is not None:
            d = ctx.anchor + timedelta(days=round(n * 30))   # "satu setengah bulan lagi"
            return (d.strftime("%Y-%m"), "date", False)
        if (g.get("past") or g.get("fut")) and unit != "-" and float(n).is_integer():
            if ctx.anchor is None:
                return (None, "week" if unit == "week" else "date", False)
            sign = -1 if g.get("past") else 1
            v, k = _shift(ctx.anchor, unit, sign * int(n))
            return (v, k, precise)
        if (g.get("past") or g.get("fut")) and unit == "year" and ctx.anchor is not None:
            months = round(n * 12) * (-1 if g.get("past") else 1)   # "2,5 tahun lagi": to the month, imprecise
            return (_add_months(ctx.anchor, months).strftime("%Y-%m"), "date", False)
        if g.get("past") or g.get("fut"):
            return None
        if iso[0].isdigit():
            factor = int(iso[:-1])
            return (f"P{_num(n * factor)}{iso[-1]}", "duration", precise)
        return (f"P{'T' if is_time else ''}{_num(n)}{iso}", "duration", precise)
    if name == "set":
        if re.match(r"\s+yang\b", text[e:e + 6]):
            return None   # "setiap menit yang saya habiskan": each of them, not a recurrence
        u = _norm(g["unit"])
        if u in L.weekdays and (u not in L.units or g["unit"][0].isupper()):
            if g["lead"].lower() == "per":
                return None
            return ("P1W", "set", True)
        if g["lead"].lower() == "per" and L.rate_unit_re.search(text[max(0, s - 12):s]):
            return None   # "kecepatan 30 kilometer per jam": a rate
        unit, iso, is_time = L.units[u]
        n = L.number(g["num"]) if g.get("num") else 1
        if n is None:
            return None
        if iso[0].isdigit():
            return (f"P{_num(n * int(iso[:-1]))}{iso[-1]}", "set", True)
        return (f"P{'T' if is_time else ''}{_num(n)}{iso}", "set", True)
    if name == "quarter":
        unit, n = L.quarter_units[_norm(g["qu"])], L.quarter_ords[g["qn"].lower()]
        if unit == "H" and n > 2:
            return None
        if g.get("y") or g.get("yh"):
            y = int(g.get("y") or g["yh"])
        elif ctx.anchor is not None:
            y = ctx.anchor.year + L.relative[_norm(g["rely"])][1]
        else:
            return (None, "date", False)
        return (f"{y:04d}-{unit}{n}", "date", True)
    if name in ("clock", "clock_tz"):
        hn = L.number(g["h"])
        if hn is None or not float(hn).is_integer():
            return None
        h, mi = int(hn), int(g.get("mi") or 0)
        part = L.parts.get(_norm(g["part"])) if g.get("part") else None
        if part in ("AF", "EV", "NI") and h < 12 and not (part == "NI" and h < 4):
            h += 12
        elif part == "MI" and h < 6:
            h += 12   # "pukul 2 siang" is 14:00 ("pukul 11 siang" stays 11:00)
        if h > 24 or mi > 59:
            return None
        if name == "clock" and m.group(0).lower().startswith("jam") and not (g.get("mi") or g.get("tz") or part):
            return None   # "jam 3" without minutes, zone or part of day is too often a count
        off = L.zones.get(g["tz"].upper()) if g.get("tz") else ""
        if not off and g.get("wplace"):
            off = L.place_zones.get(_norm(g["wplace"]), "")   # "pukul 10 waktu Seoul"
        return (f"T{h:02d}:{mi:02d}{off}", "time", True)   # date is prefixed later, from the clause
    if name == "weekday":
        wd = L.weekdays[_norm(g["wd"])]
        if not g.get("dir") and L.weekday_name_re.search(text[max(0, s - 12):s]):
            return None   # "sehabis shalat Jumat": the Friday prayer
        if wd == 7 and _norm(g["wd"]) == "minggu" and L.week_ordinal_re.match(text[e:e + 12]):
            return None   # "Minggu kedua": a week
        direction = re.sub(r"\s+", " ", (g.get("dir") or "").lower()) or None
        if direction and ("pekan" in direction or "minggu" in direction):
            if ctx.anchor is None:
                return (None, "date", False)
            off = L.relative[_norm(direction.replace("akhir ", ""))][1]
            monday = ctx.anchor - timedelta(days=ctx.anchor.isoweekday() - 1) + timedelta(weeks=off)
            return ((monday + timedelta(days=wd - 1)).isoformat(), "date", True)
        dt = _weekday_date(ctx, s, e, wd, direction)
        if dt is None:
            return (None, "date", False)
        return (dt.isoformat(), "date", True)
    return None


_PRIORITY = {"quarter": 2, "anaphoric": 3, "date_typo": 3, "holiday": 2, "count_range": 3, "month_range": 2, "season_year": 4, "set_adj": 3, "vague_dur": 3, "vague_count": 2, "decade": 1, "set_an": 3, "wd_numeric": 0, "wd_date": 0, "date_range": 1, "date_numeric": 1, "date_iso": 1, "date": 2,
             "clock": 2, "clock_tz": 2, "month_year": 3, "relative": 3, "vague": 2, "set": 3, "count": 4,
             "year": 5, "month": 5, "weekday": 6}


_DIGIT = re.compile(r"(?<![\w.,])\d+")
_DIGIT_PATTERNS = {1: ("date_range", "date", "date_numeric", "count", "clock_tz", "set_an", "count_range", "date_typo"),
                   2: ("date_range", "date", "date_numeric", "count", "clock_tz", "set_an", "count_range", "date_typo"),
                   4: ("date_iso", "year", "count", "decade", "season_year")}


def find_times(text: str, published=None, sentences: Optional[list[tuple[int, int]]] = None) -> list[TimeMatch]:
    """All time expressions in ``text``, non-overlapping, in text order.

    ``published`` (date/datetime/None) anchors relative expressions; ``sentences`` are
    (start, end) char spans used to find the clause of each expression (tense cues).
    """
    L = _lang()
    ctx = _Ctx(text, published, sentences)
    cands = []
    starts: list[tuple[int, tuple[str, ...]]] = [
        (m.start(), _DIGIT_PATTERNS.get(len(m.group()), ("count",))) for m in _DIGIT.finditer(text)]
    n = len(text)
    low = text.lower()
    if len(low) != n:   # a few characters lower-case to two ("İ"): keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for end, (size, names) in L.trigger_auto.iter(low):
        pos = end - size + 1
        if (pos and text[pos - 1].isalnum()) or (end + 1 < n and text[end + 1].isalnum()):
            continue
        starts.append((pos, names))
    for pos, names in starts:
        for name in names:
            m = L.by_name[name].match(text, pos)
            if m and m.end() > m.start():
                cands.append((m.start(), m.end(), _PRIORITY[name], name, m))
    # Longest span first; on ties the more specific pattern.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = bytearray(len(text))   # occupied characters: linear even on a 10 MB text
    found: list[tuple[TimeMatch, re.Match]] = []
    for s, e, _, name, m in cands:
        if any(taken[s:e]):
            continue
        res = _handle(name, m, ctx)
        if res is None:
            continue
        s2, e2 = s, e
        while e2 > s2 and text[e2 - 1].isspace():
            e2 -= 1
        taken[s2:e2] = b"\x01" * (e2 - s2)
        found.append((TimeMatch(s2, e2, text[s2:e2], res[0], res[1], res[2],
                                res[3] if len(res) > 3 else None, name), m))
    found.sort(key=lambda x: x[0].start)
    found = _speech_time(found, ctx)
    found = _speech_carry(found, ctx)
    found = _anaphoric(found, ctx)
    out = _compound_durations([t for t, _ in found], text)
    out = _same_day_again(out)
    out = _apposition(out, text)
    out = _coordinated_weekly(out, text)
    return _anchor_clocks(out, ctx)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ABSOLUTE = {"wd_numeric", "wd_date", "date", "date_numeric", "date_iso", "date_range"}
_RELATIVE = {"relative", "weekday", "count"}
_QUOTE = re.compile(r"[“”\"][^“”\"]{1,1500}[“”\"]")   # any pairing: sources mix “ ” and "
_INWORD_QUOTE = re.compile(r"(?<=[A-Za-z])\"(?=[a-z])")   # "Jum"at": an apostrophe, not a quotation mark


def _quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, pairing marks in order."""
    if '"' in text:
        text = _INWORD_QUOTE.sub("'", text)
    return [(q.start(), q.end()) for q in _QUOTE.finditer(text)]


def _speech_time(found, ctx: _Ctx):
    """Inside a quotation, "kemarin" counts from the day the words were said when the sentence
    dates them outside the quotes ("… kemarin," kata X, Rabu (17/5)), not from publication."""
    if not ctx.quotes():
        return found
    t_starts = [t.start for t, _ in found]
    out = []
    for t, m in found:
        q = ctx.quote_at(t.start)
        q = q if q and t.end <= q[1] else None
        if q and t.rule in _RELATIVE and t.value:
            # the words' day is in the attribution: the sentence of the time, or, for a quote of
            # several sentences, the one its closing mark ends ('"Sudah padam jam 12.00. Sekarang
            # …," kata X, Selasa (14/11)'); a bare weekday counts after a speech verb ('kata Febri, Senin')
            s0, s1 = ctx.sentence(t.start)
            s1 = max(s1, ctx.sentence(q[1] - 1)[1])
            near = found[bisect_right(t_starts, s0 - 1):bisect_right(t_starts, s1 - 1)]
            said = [x for x, _ in near if x.value and _DAY.fullmatch(x.value) and s0 <= x.start < s1
                    and not (q[0] <= x.start < q[1])
                    and (x.rule in _ABSOLUTE or x.rule == "weekday" and x.start > q[1]
                         and _lang().speech_re.search(ctx.text[q[1]:x.start]))]
            if said:
                sub = _Ctx.__new__(_Ctx)
                sub.__dict__.update(ctx.__dict__)
                sub.anchor = date.fromisoformat(said[0].value)
                res = _handle(t.rule, m, sub)
                if res is not None:
                    t = TimeMatch(t.start, t.end, t.text, res[0], res[1], res[2], t.until, t.rule)
        out.append((t, m))
    return out


_DAY_RELATIVE = {"relative"}


def _speech_carry(found, ctx: _Ctx):
    """A statement's "hari ini" / "besok" counts from the day it was said. When a quotation or a
    sentence with a speech verb has no date of its own, the day is the one given for the last
    dated statement before it ("…," ujar X di Surabaya, Minggu (4/2) malam. … "Malam ini akan
    kami bahas"), provided that day lies in the week before publication (the article reports it).
    Before any dated statement, the day of the story's dated event stands in for it: words said
    after "menjamu Arema FC …, Senin (3/7/2017) malam" were said that night ("buat malam ini"),
    and an event the text still announces ("akan bentrok … Sabtu (22/7)") was written about the
    day before it."""
    a = ctx.anchor
    if a is None:
        return found
    L = _lang()
    def in_quote(pos):
        return ctx.quote_at(pos) is not None

    said_day, said_sent, firm, out = None, None, False, []
    for t, m in found:
        s0, s1 = ctx.sentence(t.start)
        speech = None
        if (t.rule in _ABSOLUTE or t.rule == "weekday") and t.value and _DAY.fullmatch(t.value) \
                and not t.until and not in_quote(t.start):
            speech = bool(L.speech_re.search(ctx.text[s0:s1]))
        if speech is not None and (t.rule != "weekday" or speech):   # "kata X, Senin": a bare weekday dates a statement
            d = date.fromisoformat(t.value)
            if 0 <= (a - d).days <= 7 and (speech or not firm) and (speech or d != a):
                if not speech and d < a and L.future_verb_re.search(ctx.text[s0:t.start]):
                    d -= timedelta(days=1)   # "akan bentrok … Sabtu (22/7)" in a text dated 23/7: written the day before
                if not (firm and speech and said_sent == (s0, s1) and said_day > d):   # one statement, several days: it is said on the last
                    said_day, said_sent, firm = d, (s0, s1), speech
        elif (said_day is not None and t.rule in _DAY_RELATIVE and t.value and (s0, s1) != said_sent
              and L.relative[_norm(m.group("rel"))][0] == "day"
              and (in_quote(t.start) or L.speech_re.search(ctx.text[s0:s1]))
              and not any(x.rule in _ABSOLUTE and ctx.sentence(x.start) == (s0, s1) for x, _ in found)):
            sub = _Ctx.__new__(_Ctx)
            sub.__dict__.update(ctx.__dict__)
            sub.anchor = said_day
            res = _handle(t.rule, m, sub)
            if res is not None:
                t = TimeMatch(t.start, t.end, t.text, res[0], res[1], res[2], t.until, t.rule)
        out.append((t, m))
    return out


_PRECISION = {"year": re.compile(r"\d{4}"), "month": re.compile(r"\d{4}-\d{2}"), "day": _DAY}


def _count_anaphoric(t: TimeMatch, g: dict, last: list, ctx: _Ctx, text: str) -> TimeMatch:
    """"tiga hari sebelumnya", "empat hari kemudian", "10 tahun sebelumnya": N units from the last date the
    text named at that precision (a length when it named none, or after "setidaknya", "selama" …)."""
    L = _lang()
    cut = t.end - len(g["anac"])
    while cut > t.start and text[cut - 1].isspace():
        cut -= 1
    length = TimeMatch(t.start, cut, text[t.start:cut], t.value, t.kind, t.precise, t.until, t.rule)   # "N unit" alone
    if g.get("seunit") or L.length_lead_re.search(text[max(0, t.start - 24):t.start]):
        return length
    n = L.number(g["num"])
    unit = L.units[_norm(g["unit"])][0]
    if n is None or not float(n).is_integer() or unit == "-":
        return length
    need = "day" if unit in ("day", "week") else unit
    prev = next((x.value for x in reversed(last) if x.kind == "date" and x.value and x.rule != "count"
                 and _PRECISION[need].match(x.value) and (need != "month" or _PRECISION["month"].fullmatch(x.value)
                                                         or _DAY.fullmatch(x.value))), None)
    if prev is None:
        return length
    mo = re.match(r"\d{4}-(\d{2})(?!\d)", prev)
    d = date.fromisoformat(prev[:10]) if _DAY.fullmatch(prev[:10]) else date(int(prev[:4]), int(mo.group(1)) if mo else 1, 1)
    sign = -1 if _norm(g["anac"]) in L.cues["count_before"] else 1
    v, k = _shift(d, unit, sign * int(n))
    return TimeMatch(t.start, t.end, t.text, v, k, True, t.until, t.rule)


def _anaphoric(found, ctx: _Ctx):
    """"tahun sebelumnya", "pada tahun yang sama", "Lebaran tahun sebelumnya", "bulan yang sama tahun
    lalu": counted from the last date before it that the text gives to that precision (the story's
    year, not publication's); with none, from publication, marked imprecise."""
    L = _lang()
    out, last = [], []
    for t, m in found:
        g = m.groupdict()
        if t.rule == "count" and g.get("anac"):
            t = _count_anaphoric(t, g, last, ctx, m.string)
        if t.value is None and g.get("ana") and t.rule in ("anaphoric", "holiday"):
            unit, off = L.anaphoric[_norm(g["ana"])]
            q = ctx.quote_at(t.start)
            s0 = ctx.sentence(t.start)[0]
            # inside a quotation, a date of its own sentence outside the quotes dates the speaking, not
            # what is spoken of ("Presiden mengatakan pada hari Sabtu bahwa “… pada hari itu”")
            speech = {id(x) for x in last if q and x.start >= s0 and not (q[0] <= x.start < q[1])}
            dated = [x.value for x in reversed(last) if id(x) not in speech and x.kind == "date" and x.value and _PRECISION[unit].match(x.value)
                     and x.rule != "anaphoric" and not (x.rule == "holiday" and "tahun" in x.text.lower())]
            # a month counts from the last month named as such ("Juni 2017 … Selasa … bulan sebelumnya" is
            # May), a year from the last date of any precision ("Hingga Desember 2016 … tahun sebelumnya")
            prev = next((v for v in dated if unit != "month" or _PRECISION[unit].fullmatch(v)), dated[0] if dated else None)
            precise = prev is not None
            if prev is None and ctx.anchor is not None:
                prev = ctx.anchor.isoformat()
            if prev is not None:
                mo = re.match(r"\d{4}-(\d{2})(?!\d)", prev)   # a quarter or half ("2017-Q2") counts as its year
                d = date.fromisoformat(prev[:10]) if _DAY.fullmatch(prev[:10]) else date(int(prev[:4]), int(mo.group(1)) if mo else 1, 1)
                if unit == "year":
                    v = f"{d.year + off:04d}"
                elif unit == "month":
                    d = _add_months(d.replace(day=1), off - (12 if g.get("prev") else 0))
                    v = d.strftime("%Y-%m")
                else:
                    d = d + timedelta(days=off)
                    if g.get("prev"):
                        d = _safe_date(d.year - 1, d.month, d.day) or d
                    v = d.isoformat()
                if t.rule == "holiday":
                    hd = _holiday_date(L.holidays[_norm(g["hol"])], int(v[:4]))
                    v = hd.isoformat() if hd else None
                if v is not None:
                    t = TimeMatch(t.start, t.end, t.text, v, "date", precise, t.until, t.rule)
        out.append((t, m))
        last.append(t)
    return out


_DUR = re.compile(r"P(?:(?P<Y>[\d.]+)Y)?(?:(?P<Mo>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?(?:(?P<D>[\d.]+)D)?"
                  r"(?:T(?:(?P<H>[\d.]+)H)?(?:(?P<Mi>[\d.]+)M)?(?:(?P<S>[\d.]+)S)?)?")
_DUR_ORDER = ("Y", "Mo", "W", "D", "H", "Mi", "S")


def _compound_durations(times: list[TimeMatch], text: str) -> list[TimeMatch]:
    """"1 menit 32,431 detik", "2 tahun 3 bulan": adjacent counts, larger unit first, are one duration."""
    out: list[TimeMatch] = []
    for t in times:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == t.kind == "duration" and prev.value and t.value
                and re.fullmatch(r"\s+(?:dan\s+)?", text[prev.end:t.start])):
            a, b = _DUR.fullmatch(prev.value), _DUR.fullmatch(t.value)
            if a and b:
                pa = [k for k in _DUR_ORDER if a.group(k)]
                pb = [k for k in _DUR_ORDER if b.group(k)]
                if pa and pb and _DUR_ORDER.index(pa[-1]) < _DUR_ORDER.index(pb[0]):
                    parts = {k: a.group(k) or b.group(k) for k in _DUR_ORDER}
                    date_part = "".join(f"{parts[k]}{k[0]}" for k in ("Y", "Mo", "W", "D") if parts[k])
                    time_part = "".join(f"{parts[k]}{k[0]}" for k in ("H", "Mi", "S") if parts[k])
                    value = "P" + date_part + ("T" + time_part if time_part else "")
                    out[-1] = TimeMatch(prev.start, t.end, text[prev.start:t.end], value, "duration",
                                        prev.precise and t.precise, None, prev.rule)
                    continue
        out.append(t)
    return out


def _same_day_again(times: list[TimeMatch]) -> list[TimeMatch]:
    """A yearless "3 November" repeated later in the article is the same day as the first one; so
    is a named day falling on it ("pada 14 Juli [2016], bersamaan dengan … Bastille Day")."""
    seen: dict[str, str] = {}
    out = []
    for t in times:
        if t.rule in ("date", "holiday") and t.value and _DAY.fullmatch(t.value) and not re.search(r"\d{4}|tahun", t.text, re.I):
            md = t.value[5:]
            if md in seen and seen[md] != t.value:
                t = TimeMatch(t.start, t.end, t.text, seen[md], t.kind, t.precise, t.until, t.rule)
            seen.setdefault(md, t.value)
        elif t.value and _DAY.fullmatch(t.value):
            seen.setdefault(t.value[5:], t.value)
        out.append(t)
    return out


def _apposition(times: list[TimeMatch], text: str) -> list[TimeMatch]:
    """"tanggal 5 Maret, Senin," : a bare weekday right after a date of that weekday is that date;
    "tahun depan, tepatnya Februari": a bare month right after a year is in that year."""
    out = list(times)
    for i in range(1, len(out)):
        t, prev = out[i], out[i - 1]
        if (t.rule == "weekday" and prev.value and _DAY.fullmatch(prev.value)
                and re.fullmatch(r"\s*[,(]?\s*", text[prev.end:t.start])
                and date.fromisoformat(prev.value).isoweekday() == _lang().weekdays.get(_norm(t.text.split()[0]))):
            out[i] = TimeMatch(t.start, t.end, t.text, prev.value, t.kind, t.precise, t.until, t.rule)
        elif (prev.rule == "relative" and prev.kind == "date" and prev.value and _DAY.fullmatch(prev.value)
              and t.rule in ("wd_numeric", "wd_date") and t.value and _DAY.fullmatch(t.value)
              and re.fullmatch(r"\s*,\s*", text[prev.end:t.start])
              and abs((date.fromisoformat(t.value) - date.fromisoformat(prev.value)).days) <= 3):
            # "pada hari ini, Rabu (11/10)": the relative word names the dated day beside it
            out[i - 1] = TimeMatch(prev.start, prev.end, prev.text, t.value, prev.kind, prev.precise, prev.until, prev.rule)
        elif (t.rule == "month" and t.value and prev.value and re.fullmatch(r"\d{4}", prev.value)
              and re.fullmatch(r"\s*,?\s*(?:(?:tepatnya|yakni|yaitu|pada)\s+)?(?:bulan\s+)?", text[prev.end:t.start], re.I)):
            # "tahun depan, tepatnya Februari": the month of the year just named
            out[i] = TimeMatch(t.start, t.end, t.text, prev.value + t.value[4:], t.kind, t.precise, t.until, t.rule)
    return out


def _coordinated_weekly(times: list[TimeMatch], text: str) -> list[TimeMatch]:
    """"setiap Senin, Rabu dan Sabtu": weekdays joined to a weekly set recur too (P1W), not dates."""
    join = _lang().weekday_join
    out: list[TimeMatch] = []
    for t in times:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "set" and prev.value == "P1W" and t.rule == "weekday"
                and join.fullmatch(text[prev.end:t.start])):
            t = TimeMatch(t.start, t.end, t.text, "P1W", "set", True, None, "set")
        out.append(t)
    return out


def _anchor_clocks(times: list[TimeMatch], ctx: _Ctx) -> list[TimeMatch]:
    """Give "pukul 09.00 WIB" the day of the nearest dated expression in its sentence, else of the
    last one before it in the article (news narrates one day), else the anchor."""
    out = []
    days = [x for x in times if x.kind == "date" and x.value and _DAY.fullmatch(x.value)]
    d_starts = [x.start for x in days]
    weekly = [x.start for x in times if x.kind == "set" and x.value in ("P1D", "P1W")]
    for t in times:
        if t.kind == "time" and t.value and t.value.startswith("T"):
            s0, s1 = ctx.sentence(t.start)
            q = ctx.quote_at(t.start)
            if q is not None:       # a quote of several sentences is dated where it closes (its attribution)
                s1 = max(s1, ctx.sentence(q[1] - 1)[1])
            if any(s0 <= w < s1 for w in weekly):
                out.append(t)             # "setiap Sabtu pukul 08.00": a recurring time, no single day
                continue
            same = days[bisect_right(d_starts, s0 - 1):bisect_right(d_starts, s1 - 1)]
            k = bisect_right(d_starts, t.start - 1)
            if same:
                day = min(same, key=lambda x: abs(x.start - t.start)).value
            elif k:
                day = days[k - 1].value
            else:
                day = ctx.anchor.isoformat() if ctx.anchor else None
            if day:
                t = TimeMatch(t.start, t.end, t.text, day + t.value, t.kind, t.precise, t.until, t.rule)
        out.append(t)
    return out


# --------------------------------------------------------------------------- API for events


def time_for_span(doc, start_char: int, end_char: int):
    """Best ``record.Time`` for a clause: the nearest dated expression inside it, else in its sentence.

    Durations and sets do not date an event, so they are skipped. Returns None when there is none.
    """
    times = [t for t in (getattr(doc._, "times", None) or []) if t.kind in ("date", "week", "time") and t.value]
    if not times:
        return None
    inside = [t for t in times if t.start >= start_char and t.end <= end_char]
    if not inside:
        s0, s1 = start_char, end_char
        for a, b in _sentence_spans(doc) or []:
            if a <= start_char < b:
                s0, s1 = a, max(b, end_char)
                break
        inside = [t for t in times if t.start >= s0 and t.end <= s1]
    if not inside:
        return None
    mid = (start_char + end_char) / 2
    return min(inside, key=lambda t: (0 if t.precise else 1, abs((t.start + t.end) / 2 - mid)))


# --------------------------------------------------------------------------- spaCy component


def _sentence_spans(doc) -> Optional[list[tuple[int, int]]]:
    """Char spans of the doc's sentences, or None when no stage set boundaries.

    Read from the SENT_START array: ``doc.has_annotation``/``doc.sents`` walk every token in
    Python and cost more than this whole stage.
    """
    key = ("warta", "sentences", len(doc))
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached or None
    if not len(doc):
        return None
    arr = doc.to_array("SENT_START")
    idx = (arr == 1).nonzero()[0].tolist()
    spans: list[tuple[int, int]] = []
    if idx:
        if idx[0] != 0:
            idx.insert(0, 0)
        last = doc[-1]
        chars = [doc[i].idx for i in idx] + [last.idx + len(last.text_with_ws)]   # not len(doc.text): it rebuilds the string
        spans = [(a, b) for a, b in zip(chars, chars[1:]) if b > a]
        doc.user_data[key] = spans   # shared with warta_places; only set once the segmenter has run
    return spans or None


sentence_spans = _sentence_spans


class TimesComponent:
    """Thin wrapper: runs ``find_times`` on the doc and writes ``doc._.times``."""

    def __init__(self, nlp, name: str = "warta_times"):
        self.name = name
        _lang()   # compile the tables once, at build time

    def __call__(self, doc):
        from warta.record import Time

        found = find_times(doc_text(doc), getattr(doc._, "published", None), _sentence_spans(doc))
        times = []
        for i, t in enumerate(found, 1):
            extra = {"until": t.until} if t.until else {}
            # model_construct: the fields are built here from typed matches, validation would only cost time
            times.append(Time.model_construct(id=f"t{i}", start=t.start, end=t.end, text=t.text, value=t.value,
                                              kind=t.kind, precise=t.precise, **extra))
        doc._.times = times
        return doc


def make_times(nlp, name: str):
    return TimesComponent(nlp, name)


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    for ext in ("published", "times"):
        if not Doc.has_extension(ext):
            Doc.set_extension(ext, default=None)
    if "warta_times" not in Language.factories:
        Language.factory("warta_times", assigns=["doc._.times"])(make_times)


_register()
