"""Readers: files, directories and globs -> Article records, or Failure records naming the input and reason.

Formats (by suffix, after an optional ``.gz``): plain text, HTML (trafilatura, offline), JSON / JSONL / CSV
with a field mapping, RSS / Atom feed files, WARC (warcio; HTML responses -> trafilatura). Everything is
streamed with memory bounded per record: a JSONL, JSON array, CSV, feed or WARC file is read record by record.
Bad input never raises: it becomes a ``Failure(input, "read", reason)`` and the run goes on; so do an
unreadable directory and a broken symbolic link met while listing a directory.

One module per family: ``common`` (options, opening, decoding, bounded reads, the English check),
``records`` (JSON, JSONL, CSV), ``markup`` (text, HTML, feeds), ``warc``.
"""

from __future__ import annotations

import datetime as dt
import glob as globmod
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import UsageError
from ..records import Article, Failure
from .common import (
    Options,
    ReadError,
    default_max_chars,
    describe,
    english_ratio,
    language_problem,
    open_bytes,
    os_reason,
    parse_date,
    read_head,
    split_gz,
)
from .markup import html_fragment_text, html_to_article, read_feed, read_html, read_text
from .records import FIELDS, article_from_record, name_list, read_csv, read_json
from .warc import read_warc

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
WARC_SUFFIXES = {".warc", ".arc"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES

_READERS = {"text": read_text, "html": read_html, "json": read_json, "csv": read_csv, "feed": read_feed,
            "warc": read_warc}


def read_inputs(
    paths: Iterable[str],
    *,
    published: dt.date | None = None,
    mapping: dict[str, str] | None = None,
    max_chars: int | None = None,
) -> Iterator[Article | Failure]:
    """Files, directories and globs -> Articles, with a Failure for each input or record that cannot be read.

    published: date for inputs that carry none. mapping: our field -> the input's field name for JSON and
    CSV records, e.g. ``{"text": "body", "date": "published_at"}``. max_chars: longest article accepted
    (default: settings ``max_article_chars``).
    """
    opts = Options(published, _check_mapping(mapping), max_chars or default_max_chars())
    for item in iter_files(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from _read_file(item, opts)


def read_path(
    path: Path | str,
    *,
    published: dt.date | None = None,
    mapping: dict[str, str] | None = None,
    max_chars: int | None = None,
) -> Iterator[Article | Failure]:
    """One file -> its articles (a JSONL, CSV, feed or WARC file holds many). Arguments as in read_inputs."""
    opts = Options(published, _check_mapping(mapping), max_chars or default_max_chars())
    yield from _read_file(Path(path), opts)


def iter_files(paths: Iterable[str]) -> Iterator[Path | Failure]:
    """The article files that files, directories (recursively, hidden files skipped) and globs name, in order.

    What cannot be listed or read is a Failure naming it: a missing path, a glob matching nothing, a directory
    without article files, an unreadable subdirectory, a broken symbolic link.
    """
    for p in paths:
        p = str(p)
        path = Path(p)
        if path.is_dir():
            found = False
            for item in _walk(path):
                found = found or isinstance(item, Path)
                yield item
            if not found:
                yield Failure(str(path), "read", "directory holds no article files (" + _known_list() + ")")
        elif path.is_file():
            yield path
        elif any(c in p for c in "*?["):
            matches = [Path(m) for m in sorted(globmod.glob(p, recursive=True))]
            files = [m for m in matches if m.is_file()]
            for m in matches:
                if m.is_symlink() and not m.exists():
                    yield Failure(str(m), "read", _broken_link(m))
            if not files and not any(m.is_symlink() and not m.exists() for m in matches):
                yield Failure(p, "read", "the pattern matches no file")
            yield from files
        elif path.is_symlink():
            yield Failure(p, "read", _broken_link(path))
        elif path.exists():
            yield Failure(p, "read", "not a regular file")
        else:
            yield Failure(p, "read", "no such file or directory")


def _walk(directory: Path) -> Iterator[Path | Failure]:
    """Article files under `directory`, sorted, without following symbolic links to directories."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Failure(str(directory), "read", f"cannot list directory: {os_reason(exc)}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
            elif entry.is_symlink() and not path.exists():
                if is_article_file(path):
                    yield Failure(str(path), "read", _broken_link(path))
            elif entry.is_file() and is_article_file(path):
                yield path
        except OSError as exc:
            yield Failure(str(path), "read", os_reason(exc))


def _broken_link(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return f"broken symbolic link (its target {target} does not exist)"


def _read_file(path: Path, opts: Options) -> Iterator[Article | Failure]:
    try:
        kind = _kind(path) or _sniff(path)
        yield from _READERS[kind](path, opts)
    except ReadError as exc:
        yield Failure(str(path), "read", str(exc))
    except OSError as exc:
        yield Failure(str(path), "read", os_reason(exc))
    except (UsageError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a reader bug or a library error on strange input: this file fails, the run goes on
        log.debug("reading %s failed", path, exc_info=True)
        yield Failure(str(path), "read", f"cannot read the file: {describe(exc)}")


def _check_mapping(mapping: dict[str, str] | None) -> dict[str, str]:
    mapping = dict(mapping or {})
    unknown = [k for k in mapping if k not in FIELDS]
    if unknown:
        raise UsageError(f"field mapping: unknown field(s) {unknown}; known: {', '.join(FIELDS)}")
    bad = [k for k, v in mapping.items() if not isinstance(v, str) or not v]
    if bad:
        raise UsageError(f"field mapping: field(s) {bad} map to an empty name")
    return mapping


def _known_list() -> str:
    return "txt, html, json, jsonl, csv, rss/atom, warc, and .gz of these"


def is_article_file(path: Path) -> bool:
    """True when a directory listing should read this file (known suffix, optionally .gz; not hidden)."""
    if path.name.startswith("."):
        return False
    suffix, _ = split_gz(path)
    return suffix in KNOWN_SUFFIXES


def _kind(path: Path) -> str | None:
    suffix, _ = split_gz(path)
    for kind, group in (("html", HTML_SUFFIXES), ("json", JSON_SUFFIXES), ("csv", CSV_SUFFIXES),
                        ("feed", FEED_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if suffix in group:
            return kind
    if suffix in (".txt", ".text", ".md"):
        return "text"
    return None


def _sniff(path: Path) -> str:
    """Guess the format of a file without a known suffix from its first bytes."""
    with open_bytes(path) as fh:
        head = read_head(fh)
    s = head.lstrip().lower()
    if s.startswith(b"warc/"):
        return "warc"
    if s.startswith((b"<!doctype html", b"<html")):
        return "html"
    if s.startswith(b"<?xml") or s.startswith((b"<rss", b"<feed")):
        return "feed"
    if s.startswith((b"{", b"[")):
        return "json"
    return "text"


__all__ = ["read_inputs", "read_path", "iter_files", "is_article_file", "article_from_record", "html_to_article",
           "html_fragment_text", "parse_date", "language_problem", "english_ratio", "name_list", "FIELDS",
           "KNOWN_SUFFIXES"]
