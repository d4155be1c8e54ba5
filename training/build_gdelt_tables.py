"""Build the small lookup tables `warta export` needs from ../shared/data/eventcoding.

Writes into src/warta/kb/data/:
  cameo_goldstein.tsv     CAMEO code -> Goldstein scale (py-gdelt lookups, MIT)
  plover_cameo_root.tsv   PLOVER event type -> CAMEO root code (PLOVER CAMEO2PLOVER-2021, CC BY-SA 4.0)
  gdelt_fips_iso3.tsv     ISO 3166-1 alpha-3 -> FIPS 10-4 country code (py-gdelt, MIT)

Run: python training/build_gdelt_tables.py [path/to/shared/data/eventcoding]
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "eventcoding"
OUT = ROOT / "src" / "warta" / "kb" / "data"

gold = json.loads((SRC / "cameo" / "cameo_goldstein.json").read_text())
with open(OUT / "cameo_goldstein.tsv", "w") as fh:
    fh.write("# CAMEO event code -> Goldstein scale. Source: RBozydar/py-gdelt src/py_gdelt/lookups/data/"
             "cameo_goldstein.json (commit 6d1becc, MIT). Built by training/build_gdelt_tables.py\n")
    fh.write("code\tgoldstein\n")
    for code in sorted(gold):
        fh.write(f"{code}\t{gold[code]['value']}\n")

# First CAMEO root listed for each PLOVER type. ACCUSE lists 09 (Investigate) before 11
# (Disapprove); 11 is the root whose meaning is accusation, so it wins.
roots: dict[str, str] = {"ACCUSE": "11"}
for line in (SRC / "plover" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
    m = re.match(r"^(\d\d):\s*([A-Z]+)", line)
    if m:
        roots.setdefault(m.group(2), m.group(1))
with open(OUT / "plover_cameo_root.tsv", "w") as fh:
    fh.write("# PLOVER event type -> CAMEO root code, for GDELT export when an event has no CAMEO code.\n"
             "# Source: openeventdata/PLOVER CAMEO2PLOVER-2021.txt (commit 5e0c24f, CC BY-SA 4.0); first root "
             "listed per type, ACCUSE -> 11. Built by training/build_gdelt_tables.py\n")
    fh.write("plover\tcameo_root\n")
    for t in sorted(roots):
        fh.write(f"{t}\t{roots[t]}\n")

fips = json.loads((SRC / "gdelt" / "gdelt_fips_countries.json").read_text())
with open(OUT / "gdelt_fips_iso3.tsv", "w") as fh:
    fh.write("# ISO 3166-1 alpha-3 -> FIPS 10-4 country code (GDELT Geo_CountryCode). Source: RBozydar/py-gdelt "
             "gdelt_fips_countries.json (commit 6d1becc, MIT). Built by training/build_gdelt_tables.py\n")
    fh.write("iso3\tfips\n")
    seen = set()
    for code, info in sorted(fips.items()):
        iso3 = info.get("iso3")
        if iso3 and iso3 not in seen:
            seen.add(iso3)
            fh.write(f"{iso3}\t{code}\n")
print("written to", OUT)
