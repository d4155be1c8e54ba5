"""Build ``src/warta/web/static/world-110m.geojson``, the offline outline the Explore map draws.

Run once by a developer, not at run time: the map must never fetch tiles or outlines.
Source: Natural Earth 1:110m admin-0 countries (public domain), as shipped inside the
geopandas 0.14.4 wheel on PyPI (``geopandas/datasets/naturalearth_lowres``; geopandas is
BSD-3-Clause; the data itself is public domain). Reproduce with:

    pip download --no-deps geopandas==0.14.4 -d /tmp/gp && unzip -q /tmp/gp/*.whl -d /tmp/gp
    pip install pyshp
    python tools/build_world_outline.py /tmp/gp/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Coordinates are rounded to 2 decimals (about 1 km), which is far finer than 1:110m needs.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import shapefile  # pyshp

OUT = Path(__file__).resolve().parents[1] / "src" / "warta" / "web" / "static" / "world-110m.geojson"


def _round(ring):
    out = []
    for x, y in ring:
        point = [round(x, 2), round(y, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def main(shp: str) -> None:
    reader = shapefile.Reader(shp)
    features = []
    for shape_rec in reader.iterShapeRecords():
        rec = shape_rec.record.as_dict()
        geom = shape_rec.shape.__geo_interface__
        if geom["type"] == "Polygon":
            coords = [_round(r) for r in geom["coordinates"]]
        else:
            coords = [[_round(r) for r in poly] for poly in geom["coordinates"]]
        iso = rec["iso_a3"] if rec["iso_a3"] != "-99" else None
        features.append({
            "type": "Feature",
            "properties": {"name": rec["name"], "iso_a3": iso},
            "geometry": {"type": geom["type"], "coordinates": coords},
        })
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4 naturalearth_lowres",
        "features": features,
    }
    OUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} countries -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
