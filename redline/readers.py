"""Readers: files, directories and globs -> Article records (or Failure records naming the input and reason).

TEMPORARY minimal version (txt, json, jsonl); the readers owner deepens it (html, csv, feeds, warc, gzip).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import Article, Failure
from .stages.clean import clean_text

JSON_FIELDS = {"id": str, "title": (str, type(None)), "date": (str, type(None)), "source": (str, type(None)),
               "url": (str, type(None)), "text": str}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


def _decode(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"invalid UTF-8 at byte {exc.start}") from exc


def article_from_record(rec: dict, *, where: str, published: dt.date | None = None) -> Article:
    """A JSON article record (id, title, date, source, url, text) -> Article; ValueError names the problem."""
    if not isinstance(rec, dict):
        raise ValueError(f"expected a JSON object, got {type(rec).__name__}")
    for key, typ in JSON_FIELDS.items():
        if key in ("id", "text") and key not in rec:
            raise ValueError(f"missing field {key!r}")
        if key in rec and not isinstance(rec[key], typ):
            raise ValueError(f"field {key!r} has type {type(rec[key]).__name__}")
    if not rec["text"].strip():
        raise ValueError("field 'text' is empty")
    date = published
    if rec.get("date"):
        try:
            date = dt.date.fromisoformat(rec["date"][:10])
        except ValueError as exc:
            raise ValueError(f"field 'date' is not YYYY-MM-DD: {rec['date']!r}") from exc
    return clean_text(rec["text"], source=where, title=rec.get("title"), published=date, url=rec.get("url"),
                      publisher=rec.get("source"), article_id=str(rec["id"]))


def _read_json(path: Path, text: str, published) -> Iterator[Article | Failure]:
    if path.suffix == ".json" and text.lstrip().startswith(("[", "{")) and "\n{" not in text.strip()[1:]:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Failure(str(path), "read", f"invalid JSON: {exc}")
            return
        records = data if isinstance(data, list) else [data]
        for n, rec in enumerate(records):
            try:
                yield article_from_record(rec, where=f"{path}[{n}]", published=published)
            except ValueError as exc:
                yield Failure(f"{path}[{n}]", "read", str(exc))
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            yield article_from_record(rec, where=f"{path}:{n}", published=published)
        except (json.JSONDecodeError, ValueError) as exc:
            yield Failure(f"{path}:{n}", "read", f"invalid JSON: {exc}" if isinstance(exc, json.JSONDecodeError) else str(exc))


def read_path(path: Path, *, published: dt.date | None = None) -> Iterator[Article | Failure]:
    """One file -> its articles (a JSONL file holds many)."""
    try:
        text = _decode(path)
    except (OSError, ValueError) as exc:
        yield Failure(str(path), "read", str(exc) if isinstance(exc, ValueError) else exc.strerror or str(exc))
        return
    if path.suffix.lower() in JSON_SUFFIXES:
        yield from _read_json(path, text, published)
    else:
        yield clean_text(text, source=str(path), published=published)


def read_inputs(paths: Iterable[str], *, published: dt.date | None = None) -> Iterator[Article | Failure]:
    """Files, directories and globs -> Articles, with a Failure for each input that cannot be read."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
            files = [f for f in files if f.suffix.lower() in TEXT_SUFFIXES | JSON_SUFFIXES]
            if not files:
                yield Failure(str(path), "read", "directory holds no articles (.txt, .json, .jsonl)")
            for f in files:
                yield from read_path(f, published=published)
        elif path.exists():
            yield from read_path(path, published=published)
        else:
            matches = sorted(Path().glob(p)) if any(c in p for c in "*?[") else []
            if not matches:
                yield Failure(str(path), "read", "no such file or directory")
            for f in matches:
                yield from read_path(f, published=published)
