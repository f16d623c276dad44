"""Make src/relata/api/static/world.json, the dashboard's base map, from Natural Earth's
1:110m admin-0 countries (public domain) as a shapefile: `naturalearth_lowres.shp`, which
geopandas wheels before 1.0 ship (`pip download --no-deps geopandas==0.14.4`, unzip).

    python scripts/world_outlines.py path/to/naturalearth_lowres.shp

The outlines are written as two arrays, longitudes and latitudes, each ring ended by a null
(how plotly draws many lines as one trace), rounded to 0.1° (the map is a small panel).
Run by hand, once: nothing is downloaded when relata runs.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "relata" / "api" / "static" / "world.json"


def rings(shp: bytes):
    at = 100  # past the file header
    while at < len(shp):
        _, length = struct.unpack(">ii", shp[at:at + 8])
        content = shp[at + 8:at + 8 + 2 * length]
        at += 8 + 2 * length
        (shape,) = struct.unpack("<i", content[:4])
        if shape != 5:  # a polygon; null shapes have none
            continue
        parts, points = struct.unpack("<ii", content[36:44])
        starts = struct.unpack(f"<{parts}i", content[44:44 + 4 * parts])
        base = 44 + 4 * parts
        xy = struct.unpack(f"<{2 * points}d", content[base:base + 16 * points])
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < parts else points
            yield [(xy[2 * k], xy[2 * k + 1]) for k in range(start, end)]


def main(path: str) -> None:
    lon: list[float | None] = []
    lat: list[float | None] = []
    for ring in rings(Path(path).read_bytes()):
        last = None
        for x, y in ring:
            point = (round(x, 1), round(y, 1))
            if point != last:
                lon.append(point[0])
                lat.append(point[1])
                last = point
        lon.append(None)
        lat.append(None)
    OUT.write_text(json.dumps({"source": "Natural Earth 1:110m admin-0 countries, public domain",
                               "lon": lon, "lat": lat}, separators=(",", ":")))
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(lon)} points")


if __name__ == "__main__":
    main(sys.argv[1])
