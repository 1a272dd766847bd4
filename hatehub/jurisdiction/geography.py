"""Which police force area a place is in (pure: no Django, so benches and scripts can use it).

The hub is told about places in four shapes: coordinates, a full postcode, a postcode district
("outcode") or a town name. This module answers all of them from two reference files read where
the deployment keeps them (never copied into the repository):

* the 45 police force areas (GeoJSON, WGS84): 43 England & Wales areas from ONS (generalised),
  Police Scotland and PSNI from a coarser UK topology;
* the postcode districts with their centroids (doogal CSV).

Why the answers carry a method and alternatives rather than a bare force: the boundaries are
generalised, so a point within about a kilometre of a boundary may really be next door, and a
point just off the coast (Isles of Scilly pier, Lindisfarne causeway, an estuary) falls outside
every polygon. A district answer comes from a single centroid and cannot see where the district's
postcodes actually are. Officers must be able to see how sure the answer is.

Distances: every distance is measured in kilometres on a spherical transverse Mercator
projection on the British National Grid's central meridian (2°W), implemented here because
pyproj is not installed. It is conformal, so nearest-point searches are correct in every
direction (plain degrees would stretch east-west distances by about 1/cos(latitude), i.e. 1.6-2x
in the UK), and across the UK its scale error is under 0.3% (plus under 0.5% from using a sphere):
tens of metres at the 10 km coast tolerance, far inside the generalisation error of the data.
Containment, by contrast, is tested in longitude/latitude, the coordinates the polygons are
defined in.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
import shapely
from shapely import STRtree

ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
    "Contains OS data © Crown copyright and database right. Contains Royal Mail data © Royal Mail "
    "copyright and database right. Contains National Statistics data © Crown copyright and "
    "database right."
)

FORCE_AREAS_FILE = "police_force_areas_UK_45_merged.geojson"
POSTCODE_DISTRICTS_FILE = "doogal_postcode_districts.csv"

# Off the coast but this close to a force area: that force is responsible (islands the
# generalised polygons dropped, piers, causeways, estuaries). 10 km reaches every inhabited
# island the generalisation lost, yet stops well short of the Isle of Man (about 30 km from
# Scotland) and the Channel Islands, which are not in any of the 45 areas.
COAST_TOLERANCE_KM = 10.0
# Another force this close to the point is listed as an alternative: the boundaries are
# generalised, and ONS says positions within about 1 km of one need care.
BOUNDARY_KM = 1.0
# A district whose centroid is this close to another force's boundary is reported as straddling
# it (see PostcodeDistricts). Larger than BOUNDARY_KM because a district is an area, not a point.
STRADDLE_KM = 2.0

POLYGON, NEAREST, DISTRICT, NONE = "polygon", "nearest", "district", "none"
OUTSIDE_UK_NOTE = "outside UK police force areas"

# Royal Mail format rules (BS 7666): outward code A9, A99, AA9, AA99, A9A or AA9A with letters
# restricted by position; inward code 9AA without C, I, K, M, O, V. GIR 0AA is the one exception.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
POSTCODE_RE = re.compile(rf"^(?:(?P<outward>{_OUTWARD}) ?(?P<inward>{_INWARD})|GIR ?0AA)$")
OUTWARD_RE = re.compile(rf"^{_OUTWARD}$")
_LATLON_RE = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*[,\s]\s*([+-]?\d+(?:\.\d+)?)\s*$")

# Rough boxes round the Crown Dependencies, only to explain a "none" answer for coordinates.
_CROWN_DEPENDENCIES = {
    "Isle of Man": (54.0, -4.9, 54.45, -4.25),
    "Jersey": (49.15, -2.3, 49.3, -1.95),
    "Guernsey": (49.4, -2.75, 49.75, -2.15),  # with Alderney, Sark and Herm
}
_CROWN_PREFIXES = {"GY": "Guernsey", "JE": "Jersey", "IM": "Isle of Man"}

_EARTH_RADIUS_KM = 6371.0088
_CENTRAL_MERIDIAN = math.radians(-2.0)
_ORIGIN_LAT = math.radians(49.0)


class GeographyError(ValueError):
    """A place we cannot answer for; the message is meant for the person who asked."""


class InvalidQuery(GeographyError):
    """The text is not a postcode, district, town name or coordinates we accept."""


class UnknownPlace(GeographyError):
    """Well formed, but not in the reference data (e.g. a postcode district that does not exist)."""


_ONS_FIELD = re.compile(r"^PFA\d{2}(CD|NM)$", re.IGNORECASE)


def _ons_properties(props: dict) -> dict:
    """ONS Open Geography boundary files name their fields by year (PFA23CD, PFA23NM); read
    them as our pfa_code and pfa_name, so the official download loads as it comes."""
    if props.get("pfa_code"):
        return props
    found = dict(props)
    for key, value in props.items():
        match = _ONS_FIELD.match(key)
        if match:
            found["pfa_code" if match.group(1).upper() == "CD" else "pfa_name"] = value
    return found


def project_km(lon: Any, lat: Any) -> tuple[np.ndarray, np.ndarray]:
    """Longitude/latitude (degrees) to kilometres on a spherical transverse Mercator on 2°W.

    Used instead of pyproj/EPSG:27700 (not installed): conformal, so distances are right in all
    directions, and within 0.3% of true scale across the UK (see the module docstring).
    """
    lam = np.radians(np.asarray(lon, dtype=float)) - _CENTRAL_MERIDIAN
    phi = np.radians(np.asarray(lat, dtype=float))
    b = np.clip(np.cos(phi) * np.sin(lam), -0.999999, 0.999999)
    x = _EARTH_RADIUS_KM * np.arctanh(b)
    y = _EARTH_RADIUS_KM * (np.arctan2(np.tan(phi), np.cos(lam)) - _ORIGIN_LAT)
    return x, y


def _project_coords(coords: np.ndarray) -> np.ndarray:
    x, y = project_km(coords[:, 0], coords[:, 1])
    return np.column_stack([x, y])


def _check_lat_lon(lat: float, lon: float) -> tuple[float, float]:
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError) as error:
        raise InvalidQuery(f"Coordinates must be numbers, not {lat!r}, {lon!r}.") from error
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise InvalidQuery("Coordinates must be finite numbers.")
    if not -90 <= lat <= 90:
        raise InvalidQuery(f"Latitude {lat} is outside -90..90 (did you swap lat and lon?).")
    if not -180 <= lon <= 180:
        raise InvalidQuery(f"Longitude {lon} is outside -180..180.")
    return lat, lon


def _crown_dependency_at(lat: float, lon: float) -> str | None:
    for name, (south, west, north, east) in _CROWN_DEPENDENCIES.items():
        if south <= lat <= north and west <= lon <= east:
            return name
    return None


@dataclass(frozen=True)
class ForceArea:
    pfa_code: str
    pfa_name: str
    force_name: str
    source: str = ""


@dataclass(frozen=True)
class ForceRef:
    """Another force that may be responsible; distance_km from the point (0 if inside too)."""

    pfa_code: str
    force_name: str
    distance_km: float | None = None


@dataclass(frozen=True)
class Location:
    """Where one point falls. pfa_code is None when method is "none"; distance_km is 0 inside a
    polygon, else the distance to the nearest force area (None if too far to measure sensibly)."""

    pfa_code: str | None
    force_name: str | None
    method: str
    distance_km: float | None
    alternatives: tuple[ForceRef, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class BulkLocation:
    """locate_many's answer as arrays (one entry per input point), for speed: area_index is an
    index into ForceAreas.areas or -1, method codes are 0 none, 1 polygon, 2 nearest."""

    areas: tuple[ForceArea, ...]
    area_index: np.ndarray
    method_code: np.ndarray
    distance_km: np.ndarray

    METHODS = (NONE, POLYGON, NEAREST)

    @property
    def pfa_codes(self) -> np.ndarray:
        codes = np.array([a.pfa_code for a in self.areas] + [None], dtype=object)
        return codes[self.area_index]

    @property
    def methods(self) -> np.ndarray:
        return np.array(self.METHODS, dtype=object)[self.method_code]

    def __len__(self) -> int:
        return int(self.area_index.size)


_PURE_FAR, _PURE_NEAR, _MIXED = -1, -2, -3


class ForceAreas:
    """The 45 force areas, indexed for point lookups one at a time or a million at once.

    Why the polygons are cut up: Police Scotland is one multipolygon of ~13,000 vertices whose
    bounding box covers half the North Sea, so an STRtree over the 45 whole areas sends every
    sea point to a full point-in-polygon test against it. The parts are clipped to a
    `tile_deg` grid, so each indexed piece is small with a tight box. On top of that a
    `cell_deg` raster records, for each cell, "wholly inside one force", "far from every force"
    or "near/mixed"; bulk lookups answer the first two with array indexing and send only the
    rest through the STRtree (prepared geometries, vectorised predicate query).
    """

    def __init__(
        self,
        areas: Sequence[ForceArea],
        geometries: Sequence[Any],
        *,
        coast_tolerance_km: float = COAST_TOLERANCE_KM,
        boundary_km: float = BOUNDARY_KM,
        tile_deg: float = 0.25,
        cell_deg: float = 0.05,
    ) -> None:
        if len(areas) != len(geometries) or not areas:
            raise GeographyError("Force areas and geometries must be non-empty and match.")
        self.areas = tuple(areas)
        self.coast_tolerance_km = float(coast_tolerance_km)
        self.boundary_km = float(boundary_km)
        self._by_code = {a.pfa_code: i for i, a in enumerate(self.areas)}
        geoms = np.array([shapely.make_valid(g) if not g.is_valid else g for g in geometries])
        self.geometries = geoms  # whole areas, lon/lat, for callers and the naive benchmark
        # Grid lines are origin + m * cell_deg for integer m, so tiles and raster cells align
        # exactly (a cell never straddles a tile edge).
        self._cell = float(cell_deg)
        per_tile = max(1, round(tile_deg / cell_deg))
        minx, miny, maxx, maxy = shapely.total_bounds(geoms)
        # A degree of longitude is >= 48 km up to 64°N, so this many degrees covers the tolerance.
        self._tolerance_deg = self.coast_tolerance_km / 48.0
        margin = self._tolerance_deg + 2 * self._cell  # off this grid = beyond the tolerance
        self._x0 = math.floor(minx - margin)
        self._y0 = math.floor(miny - margin)
        self._nx = int(math.ceil((maxx + margin - self._x0) / self._cell))
        self._ny = int(math.ceil((maxy + margin - self._y0) / self._cell))
        pieces, owner = self._tile(geoms, per_tile)
        self._pieces_ll = pieces
        self._owner = owner
        shapely.prepare(self._pieces_ll)
        self._tree_ll = STRtree(self._pieces_ll)
        self._pieces_km = shapely.transform(pieces, _project_coords)
        shapely.prepare(self._pieces_km)
        self._tree_km = STRtree(self._pieces_km)
        self._grid = self._classify_cells()

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_geojson(cls, path_or_file: str | Path | IO, **options: Any) -> ForceAreas:
        """Read the force-area GeoJSON (a path or an open file); options go to __init__."""
        if hasattr(path_or_file, "read"):
            data = json.load(path_or_file)  # type: ignore[arg-type]
            origin = getattr(path_or_file, "name", "the force-area file")
        else:
            path = Path(path_or_file)
            if not path.is_file():
                raise GeographyError(f"No force-area file at {path}.")
            with path.open(encoding="utf-8") as handle:
                data = json.load(handle)
            origin = str(path)
        areas, geometries = [], []
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise GeographyError(f"{origin}: not a GeoJSON FeatureCollection.")
        for number, feature in enumerate(data.get("features") or [], start=1):
            props = _ons_properties(feature.get("properties") or {})
            code = (props.get("pfa_code") or "").strip()
            if not code or not feature.get("geometry"):
                raise GeographyError(f"{origin}: feature {number} has no pfa_code or geometry.")
            geometry = shapely.from_geojson(json.dumps(feature["geometry"]))
            if geometry.geom_type not in {"Polygon", "MultiPolygon"}:
                raise GeographyError(f"{origin}: {code} is a {geometry.geom_type}, not an area.")
            name = (props.get("force_name") or props.get("pfa_name") or code).strip()
            areas.append(
                ForceArea(
                    code, (props.get("pfa_name") or name).strip(), name, props.get("source", "")
                )
            )
            geometries.append(geometry)
        if not areas:
            raise GeographyError(f"{origin}: no force areas.")
        if len({a.pfa_code for a in areas}) != len(areas):
            raise GeographyError(f"{origin}: a pfa_code appears twice.")
        return cls(areas, geometries, **options)

    def _line(self, m: int, origin: float) -> float:
        return origin + m * self._cell

    def _tile(self, geoms: np.ndarray, per_tile: int) -> tuple[np.ndarray, np.ndarray]:
        pieces, owner = [], []
        for index, geometry in enumerate(geoms):
            for part in shapely.get_parts(geometry):
                x0, y0, x1, y1 = part.bounds
                mx0 = int(math.floor((x0 - self._x0) / self._cell / per_tile)) * per_tile
                my0 = int(math.floor((y0 - self._y0) / self._cell / per_tile)) * per_tile
                for mx in range(mx0, int(math.ceil((x1 - self._x0) / self._cell)), per_tile):
                    for my in range(my0, int(math.ceil((y1 - self._y0) / self._cell)), per_tile):
                        box = (
                            self._line(mx, self._x0),
                            self._line(my, self._y0),
                            self._line(mx + per_tile, self._x0),
                            self._line(my + per_tile, self._y0),
                        )
                        clipped = shapely.clip_by_rect(part, *box)
                        for piece in shapely.get_parts(clipped):
                            if piece.geom_type == "Polygon" and piece.area > 0:
                                pieces.append(piece)
                                owner.append(index)
        return np.array(pieces, dtype=object), np.array(owner, dtype=np.int32)

    def _classify_cells(self) -> np.ndarray:
        """Per raster cell: the force index if the cell lies wholly inside that one force and
        touches no other; _PURE_FAR if no force is within the coast tolerance; _PURE_NEAR if it
        touches no force but one is within tolerance; else _MIXED."""
        mx, my = np.meshgrid(np.arange(self._nx), np.arange(self._ny))
        xs0 = self._x0 + mx.ravel() * self._cell
        ys0 = self._y0 + my.ravel() * self._cell
        xs1 = self._x0 + (mx.ravel() + 1) * self._cell
        ys1 = self._y0 + (my.ravel() + 1) * self._cell
        boxes = shapely.box(xs0, ys0, xs1, ys1)
        grid = np.full(boxes.size, _MIXED, dtype=np.int32)
        cell_idx, piece_idx = self._tree_ll.query(boxes, predicate="intersects")
        owners = self._owner[piece_idx]
        touched = np.zeros(boxes.size, dtype=bool)
        touched[cell_idx] = True
        first = np.full(boxes.size, -1, dtype=np.int32)
        first[cell_idx[::-1]] = owners[::-1]
        uniform = np.ones(boxes.size, dtype=bool)
        uniform[cell_idx[owners != first[cell_idx]]] = False
        within_cell, _ = self._tree_ll.query(boxes, predicate="within")
        covered = np.zeros(boxes.size, dtype=bool)
        covered[within_cell] = True
        pure = touched & uniform & covered
        grid[pure] = first[pure]
        # Untouched cells: is any force within the tolerance? A box grown by the tolerance on
        # each side is a superset of "within the tolerance", so a cell may be marked near when
        # it is not; harmless, as the nearest search itself applies the exact distance.
        untouched = np.flatnonzero(~touched)
        t = self._tolerance_deg
        grown = shapely.box(
            xs0[untouched] - t, ys0[untouched] - t, xs1[untouched] + t, ys1[untouched] + t
        )
        near_cell = np.unique(self._tree_ll.query(grown, predicate="intersects")[0])
        grid[untouched] = _PURE_FAR
        grid[untouched[near_cell]] = _PURE_NEAR
        return grid.reshape(self._ny, self._nx)

    # -- lookups ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.areas)

    def area(self, pfa_code: str) -> ForceArea:
        return self.areas[self._by_code[pfa_code]]

    def _ref(self, index: int, distance: float | None) -> ForceRef:
        area = self.areas[index]
        return ForceRef(area.pfa_code, area.force_name, distance)

    def _owner_distances(self, x: float, y: float, reach_km: float) -> dict[int, float]:
        point = shapely.Point(x, y)
        candidates = self._tree_km.query(point, predicate="dwithin", distance=reach_km)
        best: dict[int, float] = {}
        if candidates.size:
            distances = shapely.distance(point, self._pieces_km[candidates])
            for owner, distance in zip(self._owner[candidates], distances, strict=True):
                owner = int(owner)
                best[owner] = min(float(distance), best.get(owner, math.inf))
        return best

    def locate(self, lat: float, lon: float, *, boundary_km: float | None = None) -> Location:
        """The force area containing (lat, lon), else the nearest within coast_tolerance_km,
        else none; alternatives are other forces within boundary_km (default self.boundary_km)
        of the point (inside) or no more than boundary_km further than the nearest (outside)."""
        lat, lon = _check_lat_lon(lat, lon)
        boundary = self.boundary_km if boundary_km is None else float(boundary_km)
        inside = {
            int(self._owner[i])
            for i in self._tree_ll.query(shapely.Point(lon, lat), predicate="intersects")
        }
        px, py = project_km(lon, lat)
        x, y = float(px), float(py)
        reach = max(self.coast_tolerance_km, boundary) + boundary
        distances = self._owner_distances(x, y, reach)
        if inside:
            primary = min(inside)  # overlaps (Scotland's coarser edge) go to the file's first
            others = {o: (0.0 if o in inside else d) for o, d in distances.items()}
            for o in inside:
                others[o] = 0.0
            others.pop(primary, None)
            alternatives = sorted(
                (self._ref(o, round(d, 3)) for o, d in others.items() if d <= boundary),
                key=lambda r: (r.distance_km, r.pfa_code),
            )
            area = self.areas[primary]
            return Location(area.pfa_code, area.force_name, POLYGON, 0.0, tuple(alternatives))
        if distances:
            primary, nearest = min(distances.items(), key=lambda item: (item[1], item[0]))
            if nearest <= self.coast_tolerance_km:
                alternatives = sorted(
                    (
                        self._ref(o, round(d, 3))
                        for o, d in distances.items()
                        if o != primary and d <= nearest + boundary
                    ),
                    key=lambda r: (r.distance_km, r.pfa_code),
                )
                area = self.areas[primary]
                return Location(
                    area.pfa_code,
                    area.force_name,
                    NEAREST,
                    round(nearest, 3),
                    tuple(alternatives),
                    note=f"outside the generalised boundary; nearest force area {nearest:.1f} km",
                )
        crown = _crown_dependency_at(lat, lon)
        note = OUTSIDE_UK_NOTE
        if crown:
            note = f"{crown} is a Crown Dependency, {OUTSIDE_UK_NOTE}"
        return Location(None, None, NONE, self._far_distance(x, y), (), note)

    def _far_distance(self, x: float, y: float) -> float | None:
        if not (math.isfinite(x) and math.isfinite(y)) or max(abs(x), abs(y)) > 3000:
            return None  # the projection is not meant for the far side of the world
        (_, piece), distance = self._tree_km.query_nearest(
            [shapely.Point(x, y)], return_distance=True, all_matches=False
        )
        return round(float(distance[0]), 3) if piece.size else None

    def locate_many(self, lats: Iterable[float], lons: Iterable[float]) -> BulkLocation:
        """locate() for arrays of points, vectorised; no alternatives or notes (use locate()
        for the details of any one point). Invalid coordinates come back as none."""
        lat = np.asarray(lats, dtype=float).ravel()
        lon = np.asarray(lons, dtype=float).ravel()
        if lat.shape != lon.shape:
            raise GeographyError("lats and lons must have the same length.")
        n = lat.size
        index = np.full(n, -1, dtype=np.int32)
        method = np.zeros(n, dtype=np.uint8)
        distance = np.full(n, np.nan)
        with np.errstate(invalid="ignore"):
            valid = (np.abs(lat) <= 90) & (np.abs(lon) <= 180)  # False for NaN
            cx = np.floor((np.where(valid, lon, -1e9) - self._x0) / self._cell)
            cy = np.floor((np.where(valid, lat, -1e9) - self._y0) / self._cell)
        on_grid = valid & (cx >= 0) & (cx < self._nx) & (cy >= 0) & (cy < self._ny)
        cls = np.full(n, _PURE_FAR, dtype=np.int32)  # off the grid = beyond the tolerance
        cls[on_grid] = self._grid[cy[on_grid].astype(np.intp), cx[on_grid].astype(np.intp)]

        pure = cls >= 0
        index[pure] = cls[pure]
        method[pure] = 1
        distance[pure] = 0.0

        mixed = np.flatnonzero(cls == _MIXED)
        missed = mixed[:0]
        if mixed.size:
            points = shapely.points(lon[mixed], lat[mixed])
            hit_point, hit_piece = self._tree_ll.query(points, predicate="intersects")
            best = np.full(mixed.size, np.iinfo(np.int32).max, dtype=np.int32)
            np.minimum.at(best, hit_point, self._owner[hit_piece])  # overlaps: file order
            hit = best != np.iinfo(np.int32).max
            index[mixed[hit]] = best[hit]
            method[mixed[hit]] = 1
            distance[mixed[hit]] = 0.0
            missed = mixed[~hit]

        near = np.concatenate([np.flatnonzero(cls == _PURE_NEAR), missed])
        if near.size:
            # A prepared "dwithin" query first (cheap), exact distances only for the pairs it
            # finds: about 3x faster than query_nearest, which measures every candidate.
            x, y = project_km(lon[near], lat[near])
            points = shapely.points(x, y)
            which, piece = self._tree_km.query(
                points, predicate="dwithin", distance=self.coast_tolerance_km
            )
            if which.size:
                found = shapely.distance(points[which], self._pieces_km[piece])
                owner = self._owner[piece]
                order = np.lexsort((owner, found, which))  # per point: nearest, then file order
                which, owner, found = which[order], owner[order], found[order]
                first = np.ones(which.size, dtype=bool)
                first[1:] = which[1:] != which[:-1]
                chosen = near[which[first]]
                index[chosen] = owner[first]
                method[chosen] = 2
                distance[chosen] = found[first]
        return BulkLocation(self.areas, index, method, distance)


# -- postcode districts ---------------------------------------------------------------------


@dataclass(frozen=True)
class District:
    code: str
    lat: float | None
    lon: float | None
    areas: tuple[str, ...]  # the "Town/Area" list
    post_town: str
    region: str
    country: str  # "UK region" column: England regions, Wales, Scotland, Northern Ireland
    active_postcodes: int | None
    population: int | None

    @property
    def terminated(self) -> bool:
        """No live postcodes left: old mail still carries it, so it resolves, but flagged."""
        return self.active_postcodes == 0

    @property
    def crown_dependency(self) -> str | None:
        return _CROWN_PREFIXES.get(re.sub(r"\d.*", "", self.code))


@dataclass(frozen=True)
class DistrictMatch:
    district: District
    location: Location | None  # None for Crown Dependencies and districts with no centroid
    straddles: bool
    note: str


@dataclass(frozen=True)
class Resolution:
    """The answer for one query. method is polygon / nearest (from coordinates), district (from
    a postcode, district or town's district centroids) or none. `force` is left for services to
    attach the database row; this module never sets it."""

    query: str
    pfa_code: str | None
    force_name: str | None
    method: str
    distance_km: float | None
    alternatives: tuple[ForceRef, ...] = ()
    note: str = ""
    districts: tuple[str, ...] = ()
    force: Any = field(default=None, compare=False)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "query": self.query,
            "pfa_code": self.pfa_code,
            "force_name": self.force_name,
            "method": self.method,
            "distance_km": self.distance_km,
            "alternatives": [
                {"pfa_code": a.pfa_code, "force_name": a.force_name} for a in self.alternatives
            ],
        }
        if self.districts:
            data["districts"] = list(self.districts)
        if self.note:
            data["note"] = self.note
        return data


def _number(text: str) -> int | None:
    text = (text or "").strip().replace(",", "")
    return int(text) if text.isdigit() else None


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def normalise_place_name(text: str) -> str:
    """Case, spacing, hyphens and apostrophes do not matter in town names."""
    text = re.sub(r"[-'’.]", " ", text.casefold())
    return " ".join(text.split())


def compact_postcode(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


class PostcodeDistricts:
    """Postcode districts with centroids, for postcode, district and town lookups.

    Straddling heuristic: a centroid cannot show where a district's postcodes are, so a district
    is reported as straddling when its centroid lies within STRADDLE_KM (2 km) of another force's
    boundary (inside: the other force is within 2 km; off the coast: it is no more than 2 km
    further than the nearest). Both forces are then listed. It misses large rural districts
    whose centroid is far from a boundary they do cross, and can flag a district that merely
    comes close; the answer says "district" so nobody mistakes it for a precise location.
    """

    def __init__(self, districts: Iterable[District], areas: ForceAreas) -> None:
        self.areas = areas
        self._districts = {d.code: d for d in districts}
        self._towns: dict[str, list[str]] = {}
        for district in self._districts.values():
            names = {normalise_place_name(n) for n in (*district.areas, district.post_town)}
            for name in names - {""}:
                self._towns.setdefault(name, []).append(district.code)
        self._matches: dict[str, DistrictMatch] = {}

    @classmethod
    def from_csv(cls, path: str | Path, areas: ForceAreas) -> PostcodeDistricts:
        path = Path(path)
        if not path.is_file():
            raise GeographyError(f"No postcode district file at {path}.")
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            needed = {"Postcode", "Latitude", "Longitude"}
            if not needed <= set(reader.fieldnames or []):
                raise GeographyError(f"{path}: expected columns {', '.join(sorted(needed))}.")
            districts = [
                District(
                    code=compact_postcode(row["Postcode"]),
                    lat=_float(row["Latitude"]),
                    lon=_float(row["Longitude"]),
                    areas=tuple(
                        a.strip() for a in (row.get("Town/Area") or "").split(",") if a.strip()
                    ),
                    post_town=(row.get("Post Town") or "").strip(),
                    region=(row.get("Region") or "").strip(),
                    country=(row.get("UK region") or "").strip(),
                    active_postcodes=_number(row.get("Active postcodes", "")),
                    population=_number(row.get("Population", "")),
                )
                for row in reader
                if (row.get("Postcode") or "").strip()
            ]
        if not districts:
            raise GeographyError(f"{path}: no postcode districts.")
        return cls(districts, areas)

    def __len__(self) -> int:
        return len(self._districts)

    def __contains__(self, code: str) -> bool:
        return compact_postcode(code) in self._districts

    def get(self, code: str) -> District | None:
        return self._districts.get(compact_postcode(code))

    def match(self, code: str) -> DistrictMatch:
        """The force for one district, from its centroid (cached: districts do not move)."""
        code = compact_postcode(code)
        if code in self._matches:
            return self._matches[code]
        district = self._districts.get(code)
        if district is None:
            raise UnknownPlace(f"There is no postcode district {code} in the reference data.")
        notes = []
        if district.terminated:
            notes.append(f"{code} is a terminated district (no active postcodes)")
        location, straddles = None, False
        if district.crown_dependency:
            notes.insert(
                0,
                f"{code} is in {district.crown_dependency}, a Crown Dependency: {OUTSIDE_UK_NOTE}",
            )
        elif district.lat is None or district.lon is None:
            notes.append(f"{code} has no location in the reference data (non-geographic)")
        else:
            location = self.areas.locate(district.lat, district.lon, boundary_km=STRADDLE_KM)
            straddles = location.method != NONE and bool(location.alternatives)
            if straddles:
                others = ", ".join(a.force_name for a in location.alternatives)
                notes.append(
                    f"{code} may straddle {location.force_name} and {others} (centroid within "
                    f"{STRADDLE_KM:g} km of the boundary)"
                )
        matched = DistrictMatch(district, location, straddles, "; ".join(notes))
        self._matches[code] = matched
        return matched

    def town(self, name: str) -> list[DistrictMatch]:
        """Every district with this post town or area name; live districts only when the town
        has any (terminated ones were folded into them)."""
        codes = self._towns.get(normalise_place_name(name), [])
        matches = [self.match(code) for code in codes]
        live = [m for m in matches if not m.district.terminated]
        return sorted(live or matches, key=lambda m: _district_sort_key(m.district.code))

    def sub_districts(self, code: str) -> list[DistrictMatch]:
        """For "EC1" or "W1", which only exist as EC1A.., W1A..: the lettered sub-districts."""
        code = compact_postcode(code)
        pattern = re.compile(rf"^{re.escape(code)}[A-Z]$")
        return [self.match(c) for c in sorted(self._districts) if pattern.match(c)]


def _district_sort_key(code: str) -> tuple[str, int, str]:
    found = re.match(r"^([A-Z]+)(\d+)(.*)$", code)
    if not found:
        return (code, 0, "")
    return (found.group(1), int(found.group(2)), found.group(3))


# -- one answer for any query ---------------------------------------------------------------


def _from_location(query: str, location: Location) -> Resolution:
    return Resolution(
        query=query,
        pfa_code=location.pfa_code,
        force_name=location.force_name,
        method=location.method,
        distance_km=location.distance_km,
        alternatives=location.alternatives,
        note=location.note,
    )


def _from_districts(query: str, matches: list[DistrictMatch], areas: ForceAreas) -> Resolution:
    codes = tuple(m.district.code for m in matches)
    located = [m for m in matches if m.location is not None and m.location.pfa_code]
    notes = [m.note for m in matches if m.note]
    if not located:
        return Resolution(query, None, None, NONE, None, (), "; ".join(notes), codes)
    if len(matches) == 1:
        location = located[0].location
        assert location is not None  # noqa: S101 (narrowing for type checkers)
        return Resolution(
            query,
            location.pfa_code,
            location.force_name,
            DISTRICT,
            location.distance_km,
            location.alternatives,
            "; ".join(notes),
            codes,
        )
    counts = Counter(m.location.pfa_code for m in located if m.location and m.location.pfa_code)
    order = {a.pfa_code: i for i, a in enumerate(areas.areas)}
    primary = min(counts, key=lambda code: (-counts[code], order.get(code, 0)))
    others: dict[str, ForceRef] = {}
    for m in located:
        loc = m.location
        assert loc is not None  # noqa: S101 (narrowing for type checkers)
        if loc.pfa_code != primary and loc.pfa_code and loc.force_name:
            others.setdefault(loc.pfa_code, ForceRef(loc.pfa_code, loc.force_name))
        for alt in loc.alternatives:
            if alt.pfa_code != primary:
                others.setdefault(alt.pfa_code, ForceRef(alt.pfa_code, alt.force_name))
    summary = f"{len(matches)} postcode districts"
    if len(counts) > 1:
        spread = ", ".join(f"{areas.area(code).force_name} {n}" for code, n in counts.most_common())
        summary += f" in {len(counts)} force areas ({spread})"
    # Per-district notes would swamp a town answer: list the exceptions by kind instead.
    kinds = {
        f"may straddle a force boundary (centroid within {STRADDLE_KM:g} km)": [
            m.district.code for m in matches if m.straddles
        ],
        "terminated": [m.district.code for m in matches if m.district.terminated],
        "no location (non-geographic)": [
            m.district.code
            for m in matches
            if m.location is None and not m.district.crown_dependency
        ],
        OUTSIDE_UK_NOTE: [m.district.code for m in matches if m.district.crown_dependency],
    }
    exceptions = [f"{kind}: {', '.join(codes)}" for kind, codes in kinds.items() if codes]
    return Resolution(
        query,
        primary,
        areas.area(primary).force_name,
        DISTRICT,
        None,
        tuple(sorted(others.values(), key=lambda r: order.get(r.pfa_code, 0))),
        "; ".join([summary, *exceptions]),
        codes,
    )


def resolve(
    query: str | tuple[float, float],
    areas: ForceAreas,
    districts: PostcodeDistricts | None = None,
) -> Resolution:
    """Answer a (lat, lon) tuple, "lat,lon" text, a full postcode, a district or a town name.

    Text with a digit that is not coordinates must be a valid postcode or district (so "LS1 4A"
    is refused, not looked up as a town); text without digits is a town or area name.
    """
    if isinstance(query, tuple):
        lat, lon = query
        return _from_location(f"{lat},{lon}", areas.locate(lat, lon))
    if not isinstance(query, str) or not query.strip():
        raise InvalidQuery("Give a postcode, a postcode district, a town name or 'lat,lon'.")
    text = " ".join(query.split())
    found = _LATLON_RE.match(text)
    if found:
        return _from_location(text, areas.locate(float(found.group(1)), float(found.group(2))))
    if districts is None:
        raise GeographyError("Postcode and town lookups need the postcode district file.")
    compact = compact_postcode(text)
    postcode = POSTCODE_RE.match(compact)
    if postcode:
        outward = postcode.group("outward") or "GIR"
        if outward not in districts:
            raise UnknownPlace(f"{text.upper()}: no postcode district {outward} in the data.")
        tidy = f"{outward} {postcode.group('inward')}" if postcode.group("inward") else "GIR 0AA"
        return _from_districts(tidy, [districts.match(outward)], areas)
    if OUTWARD_RE.match(compact) or compact in districts:
        if compact in districts:
            return _from_districts(compact, [districts.match(compact)], areas)
        subs = districts.sub_districts(compact)
        if subs:
            return _from_districts(compact, subs, areas)
        raise UnknownPlace(f"There is no postcode district {compact} in the reference data.")
    if any(ch.isdigit() for ch in text):
        raise InvalidQuery(
            f"{text!r} is not a valid UK postcode (e.g. 'LS1 4AP') or postcode district "
            "(e.g. 'LS1'), nor 'lat,lon' coordinates."
        )
    matches = districts.town(text)
    if not matches:
        raise UnknownPlace(f"No postcode district has a town or area called {text!r}.")
    return _from_districts(text, matches, areas)


def summarise_reference_files(directory: str | Path) -> str:
    """A one-line health check of the geography files, cheap enough for every data load (no
    index is built): counts, or which file is missing or malformed."""
    directory = Path(directory)
    parts = []
    geojson = directory / FORCE_AREAS_FILE
    try:
        with geojson.open(encoding="utf-8") as handle:
            features = json.load(handle).get("features") or []
        codes = {(f.get("properties") or {}).get("pfa_code") for f in features} - {None, ""}
        parts.append(f"{len(codes)} force areas")
    except FileNotFoundError:
        parts.append(f"{geojson.name} missing")
    except (OSError, ValueError, AttributeError) as error:
        parts.append(f"{geojson.name} unreadable ({error.__class__.__name__})")
    csv_path = directory / POSTCODE_DISTRICTS_FILE
    try:
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if "Postcode" not in (reader.fieldnames or []):
                raise ValueError("no Postcode column")
            parts.append(f"{sum(1 for _ in reader):,} postcode districts")
    except FileNotFoundError:
        parts.append(f"{csv_path.name} missing")
    except (OSError, ValueError) as error:
        parts.append(f"{csv_path.name} unreadable ({error})")
    return ", ".join(parts)
