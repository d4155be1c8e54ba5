"""Write ``src/warta/lang/time_holiday_dates.tsv``: the date of each named Indonesian holiday, 2010-2035.

    pip install holidays && python tools/time_holidays.py

Dates come from the ``holidays`` package (Open World Holidays Framework, MIT; its Indonesian
calendar follows the government's national-holiday decrees, and estimates Islamic and lunar
dates for years without a decree), Easter from ``dateutil.easter``. Run at build time only: warta
reads the table, it does not import ``holidays``.
"""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/warta/lang/time_holiday_dates.tsv"
KEYS = {"Eid al-Fitr": "idul_fitri", "Eid al-Adha": "idul_adha", "Christmas Day": "natal",
        "New Year's Day": "tahun_baru", "Lunar New Year": "imlek", "Day of Silence": "nyepi",
        "Vesak Day": "waisak", "Good Friday": "jumat_agung", "Independence Day": "hut_ri",
        "International Labor Day": "hari_buruh", "Pancasila Day": "pancasila",
        "Islamic New Year": "tahun_baru_islam", "Prophet's Birthday": "maulid",
        "Isra' and Mi'raj": "isra_miraj", "Ascension Day": "kenaikan"}


def main() -> None:
    import holidays
    from dateutil.easter import easter

    rows = set()
    for year in range(2010, 2036):
        for d, name in holidays.country_holidays("ID", years=year, language="en_US").items():
            for part in name.split("; "):
                part = part.replace(" (estimated)", "").strip()
                if part in KEYS and d.year == year:
                    rows.add((KEYS[part], year, d.isoformat()))
        rows.add(("paskah", year, easter(year).isoformat()))
        rows.add(("malam_tahun_baru", year, f"{year}-12-31"))   # New Year's Eve, the night of 31 December
        rows.add(("jumat_agung", year, (easter(year) - timedelta(days=2)).isoformat()))
    # a holiday falls once a year; keep the first day when a source lists it twice
    first = {}
    for key, year, d in sorted(rows):
        first.setdefault((key, year), d)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(f"# Date of each named holiday per year, written by tools/time_holidays.py from the `holidays` package\n"
                 f"# {holidays.__version__} (Indonesian national-holiday calendar; Islamic and lunar dates of undecreed\n"
                 "# years are its estimates) and dateutil's Easter. key = a name in time_holidays.tsv.\n"
                 "# key\tyear\tdate\n")
        for (key, year), d in sorted(first.items()):
            fh.write(f"{key}\t{year}\t{d}\n")
    print(f"{len(first)} rows -> {OUT}")


if __name__ == "__main__":
    main()
