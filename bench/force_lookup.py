"""Force-area lookup speed: bulk `ForceAreas.locate_many` against a naive loop.

    .venv/bin/python bench/force_lookup.py [--points 1000000] [--naive-points 20000] [--seed 1]
        [--reference-dir ../shared/reference]

N points are drawn uniformly in the UK bounding box (fixed seed; about 60% fall at sea, as a
bounding box of the UK does). The bulk path is timed on all N. The naive path - for each point,
`polygon.contains(point)` over all 45 whole force areas until one matches - is timed on a
SUBSAMPLE (the first --naive-points points) and its rate EXTRAPOLATED; it would take minutes on
a million. The naive loop knows nothing of the coast tolerance, so the correctness cross-check
compares "inside which polygon" only: bulk points answered "polygon" against the naive match.
Both are measured in this run on this machine; CPU time is shown beside wall time because
other processes can slow the wall clock. Target: 200,000 points/s bulk. Always exits 0.
"""

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hatehub.jurisdiction.geography import FORCE_AREAS_FILE, ForceAreas  # noqa: E402

TARGET_POINTS_PER_SECOND = 200_000
UK_BOX = (-8.7, 49.8, 1.8, 60.9)  # lon/lat: Scilly and Fermanagh to Lowestoft and Unst


def _timed(function, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def naive(geometries, lats, lons) -> np.ndarray:
    """The obvious loop: every point against every area in file order, first match wins."""
    found = np.full(lats.size, -1, dtype=np.int32)
    for i, (lat, lon) in enumerate(zip(lats, lons, strict=True)):
        point = shapely.Point(lon, lat)
        for index, polygon in enumerate(geometries):
            if polygon.contains(point):
                found[i] = index
                break
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--naive-points", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    default_dir = os.environ.get("HUB_REFERENCE_DIR", ROOT.parent / "shared" / "reference")
    parser.add_argument("--reference-dir", type=Path, default=Path(default_dir))
    args = parser.parse_args(argv)

    path = args.reference_dir / FORCE_AREAS_FILE
    areas, load_wall, _ = _timed(ForceAreas.from_geojson, path)
    print(f"Loaded {len(areas)} force areas from {path} and built the index in {load_wall:.2f} s")

    rng = np.random.default_rng(args.seed)
    lons = rng.uniform(UK_BOX[0], UK_BOX[2], args.points)
    lats = rng.uniform(UK_BOX[1], UK_BOX[3], args.points)
    print(f"{args.points:,} random points in the UK bounding box (seed {args.seed})")

    areas.locate_many(lats[:1000], lons[:1000])  # warm up (lazy prepared-geometry indexes)
    bulk, bulk_wall, bulk_cpu = _timed(areas.locate_many, lats, lons)
    bulk_rate = args.points / bulk_wall
    counts = {m: int((bulk.methods == m).sum()) for m in ("polygon", "nearest", "none")}
    print(
        f"Bulk locate_many: {bulk_wall:.2f} s wall ({bulk_cpu:.2f} s CPU) = "
        f"{bulk_rate:,.0f} points/s  [polygon {counts['polygon']:,}, "
        f"nearest {counts['nearest']:,}, none {counts['none']:,}]"
    )

    sample = min(args.naive_points, args.points)
    found, naive_wall, naive_cpu = _timed(naive, areas.geometries, lats[:sample], lons[:sample])
    naive_rate = sample / naive_wall
    print(
        f"Naive loop on a SUBSAMPLE of {sample:,} points: {naive_wall:.2f} s wall "
        f"({naive_cpu:.2f} s CPU) = {naive_rate:,.0f} points/s; extrapolated to "
        f"{args.points:,} points: {args.points / naive_rate:,.0f} s (an extrapolation, "
        "not a measurement)"
    )
    print(f"Ratio bulk/naive: {bulk_rate / naive_rate:,.0f}x")

    inside = np.where(bulk.method_code[:sample] == 1, bulk.area_index[:sample], -1)
    disagree = np.flatnonzero(inside != found)
    verdict = "AGREE" if disagree.size == 0 else f"DISAGREE on {disagree.size:,} points"
    print(f"Cross-check on the {sample:,}-point subsample (inside which polygon): {verdict}")
    for i in disagree[:5]:
        print(f"  point {lats[i]:.6f},{lons[i]:.6f}: bulk {inside[i]}, naive {found[i]}")

    status = "PASS" if bulk_rate >= TARGET_POINTS_PER_SECOND else "MISS"
    print(f"{status}: bulk {bulk_rate:,.0f} points/s vs target {TARGET_POINTS_PER_SECOND:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
