"""Readers: files, directories and globs -> Article records, or Failure records naming the input and reason.

Formats (by suffix, after an optional ``.gz``): plain text, HTML (trafilatura, offline), JSON / JSONL / CSV
with a field mapping, RSS / Atom feed files, WARC (warcio; HTML responses -> trafilatura). Everything is
streamed: a JSONL, CSV, feed or WARC file is read record by record, so memory does not grow with the corpus.
Bad input never raises: it becomes a ``Failure(input, "read", reason)`` and the run goes on.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import email.utils
import glob as globmod
import gzip
import json
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import RedlineError, UsageError
from .records import Article, Failure
from .stages.clean import clean_text

log = logging.getLogger(__name__)

FIELDS = ("id", "title", "date", "source", "url", "text", "publisher")
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
WARC_SUFFIXES = {".warc", ".arc"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
_SNIFF_BYTES = 8192
_MIN_WORDS_FOR_LANGUAGE = 25
_MIN_HTML_WORDS = 25  # below this, what trafilatura finds is navigation or a teaser, not an article

# English function words (our own list): in English news prose they make up a third or more of the words;
# in other languages written in Latin script they are rare. Cheap, offline, and good enough to refuse.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a about after against all also an and any are as at be been before being between both but by can could did
    do does during each for from had has have he her here him his how i if in into is it its itself more most
    no not of on one only or other our out over said says she should so some such than that the their them
    then there these they this those through to under up was we were what when where which while who will
    with would you
    """.split()
)
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


class _ReadError(Exception):
    """Internal: a reason why one input (or record) cannot be read; becomes a Failure."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Options:
    published: dt.date | None
    mapping: dict[str, str]
    max_chars: int


# ---------------------------------------------------------------- public API


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
    opts = _Options(published, _check_mapping(mapping), max_chars or _default_max_chars())
    for p in paths:
        p = str(p)
        path = Path(p)
        if path.is_dir():
            files = [f for f in sorted(path.rglob("*")) if f.is_file() and is_article_file(f)]
            if not files:
                yield Failure(str(path), "read", "directory holds no article files (" + _known_list() + ")")
            for f in files:
                yield from _read_file(f, opts)
        elif path.is_file():
            yield from _read_file(path, opts)
        elif any(c in p for c in "*?["):
            matches = [Path(m) for m in sorted(globmod.glob(p, recursive=True)) if Path(m).is_file()]
            if not matches:
                yield Failure(p, "read", "the pattern matches no file")
            for f in matches:
                yield from _read_file(f, opts)
        elif path.exists():
            yield Failure(p, "read", "not a regular file")
        else:
            yield Failure(p, "read", "no such file or directory")


def read_path(
    path: Path | str,
    *,
    published: dt.date | None = None,
    mapping: dict[str, str] | None = None,
    max_chars: int | None = None,
) -> Iterator[Article | Failure]:
    """One file -> its articles (a JSONL, CSV, feed or WARC file holds many). Arguments as in read_inputs."""
    opts = _Options(published, _check_mapping(mapping), max_chars or _default_max_chars())
    yield from _read_file(Path(path), opts)


def _read_file(path: Path, opts: _Options) -> Iterator[Article | Failure]:
    try:
        kind = _kind(path) or _sniff(path)
        yield from _READERS[kind](path, opts)
    except _ReadError as exc:
        yield Failure(str(path), "read", str(exc))
    except OSError as exc:
        yield Failure(str(path), "read", _os_reason(exc))


def article_from_record(
    rec: dict,
    *,
    where: str,
    published: dt.date | None = None,
    mapping: dict[str, str] | None = None,
    max_chars: int | None = None,
) -> Article:
    """A JSON/CSV article record -> Article; ValueError names the problem.

    Fields (after `mapping`, our name -> the record's name): text (required), id, title, date, source
    (the publisher's name), url, publisher. A missing id becomes the content hash of the cleaned body.
    """
    if not isinstance(rec, dict):
        raise ValueError(f"expected a JSON object, got {type(rec).__name__}")
    mapping = mapping or {}
    vals = {}
    for key in FIELDS:
        name = mapping.get(key, key)
        if name in rec and rec[name] is not None and rec[name] != "":
            vals[key] = rec[name]
    label = {k: mapping.get(k, k) for k in FIELDS}
    if "text" not in vals:
        present = name_list(rec)
        raise ValueError(f"missing field {label['text']!r} (fields present: {present}); map it with --map text=FIELD")
    for key, val in vals.items():
        ok = isinstance(val, (str, int)) and not isinstance(val, bool) if key == "id" else isinstance(val, str)
        if not ok:
            raise ValueError(f"field {label[key]!r} has type {type(val).__name__}, expected a string")
    text = vals["text"]
    if not text.strip():
        raise ValueError(f"field {label['text']!r} is empty")
    limit = max_chars or _default_max_chars()
    if len(text) > limit:
        raise ValueError(f"article is {len(text):,} characters, above max_article_chars={limit:,}")
    date = published
    if "date" in vals:
        date = parse_date(vals["date"])
        if date is None:
            raise ValueError(f"field {label['date']!r} is not a date: {vals['date'][:40]!r}")
    art = clean_text(text, source=where, title=vals.get("title"), published=date, url=vals.get("url"),
                     publisher=vals.get("publisher") or vals.get("source"),
                     article_id=str(vals["id"]) if "id" in vals else None)
    return _finish(art)


def parse_date(value: str) -> dt.date | None:
    """ISO dates and datetimes, and RFC 822 dates (feeds, HTTP) -> date; None when unrecognised."""
    s = value.strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


def english_ratio(text: str) -> tuple[float, int]:
    """(share of words that are English function words, number of words) over the first 3,000 characters."""
    words = _WORD_RE.findall(text[:3000].lower())
    if not words:
        return 0.0, 0
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words), len(words)


def language_problem(text: str) -> str | None:
    """A reason when the text is clearly not English, else None. Short texts are given the benefit of doubt."""
    letters = [c for c in text[:3000] if c.isalpha()]
    if letters:
        latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) / len(letters)
        if latin < 0.5:
            return f"not English (only {latin:.0%} of letters are Latin script)"
    ratio, n = english_ratio(text)
    if n >= _MIN_WORDS_FOR_LANGUAGE and ratio < 0.12:
        return f"not English (English function words are {ratio:.0%} of {n} words; English prose has 30% or more)"
    return None


def name_list(rec: dict) -> str:
    keys = list(rec)[:12]
    return ", ".join(map(str, keys)) + (", ..." if len(rec) > 12 else "")


# ---------------------------------------------------------------- helpers


def _default_max_chars() -> int:
    from .settings import load_settings

    return int(load_settings()["max_article_chars"])


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


def _split_gz(path: Path) -> tuple[str, bool]:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) > 1 else ""), True
    return (suffixes[-1] if suffixes else ""), False


def is_article_file(path: Path) -> bool:
    """True when a directory listing should read this file (known suffix, optionally .gz; not hidden)."""
    if path.name.startswith("."):
        return False
    suffix, _ = _split_gz(path)
    return suffix in KNOWN_SUFFIXES


def _kind(path: Path) -> str | None:
    suffix, _ = _split_gz(path)
    for kind, group in (("html", HTML_SUFFIXES), ("json", JSON_SUFFIXES), ("csv", CSV_SUFFIXES),
                        ("feed", FEED_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if suffix in group:
            return kind
    if suffix in (".txt", ".text", ".md"):
        return "text"
    return None


def _sniff(path: Path) -> str:
    """Guess the format of a file without a known suffix from its first bytes."""
    with _open(path) as fh:
        head = _read_head(fh, path)
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


def _open(path: Path) -> IO[bytes]:
    _, gz = _split_gz(path)
    return gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115 - closed by the caller's `with`


def _read_head(fh: IO[bytes], path: Path) -> bytes:
    try:
        return fh.read(_SNIFF_BYTES)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise _ReadError(f"corrupt gzip: {exc}") from exc


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file: {exc}"
    return exc.strerror or str(exc)


def _check_bytes(data: bytes, what: str = "file") -> None:
    if not data.strip():
        raise _ReadError(f"empty {what}")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise _ReadError(f"binary {what} (NUL bytes), not text")


def _decode(data: bytes, what: str = "file") -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _ReadError(f"invalid UTF-8 in the {what} at byte {exc.start}") from exc


def _read_bounded(path: Path, max_chars: int) -> bytes:
    """Whole small file (decompressed), refusing one above max_chars without reading it all."""
    cap = max_chars * 4 + 4  # a UTF-8 character is at most 4 bytes: more bytes than this means too many chars
    with _open(path) as fh:
        try:
            data = fh.read(cap + 1)
        except (EOFError, zlib.error) as exc:
            raise _ReadError(f"truncated or corrupt gzip: {exc}") from exc
    if len(data) > cap:
        raise _ReadError(f"file holds more than {cap:,} bytes: above max_article_chars={max_chars:,}, refused")
    return data


def _finish(art: Article) -> Article:
    """Checks every article passes after cleaning: a body, and English. Sets language."""
    if not art.text.strip():
        raise ValueError("no article text left after removing boilerplate")
    problem = language_problem(art.text)
    if problem:
        raise ValueError(problem)
    return dataclasses.replace(art, language="en")


def _article(raw: str, opts: _Options, *, where: str, **meta) -> Article:
    if len(raw) > opts.max_chars:
        raise ValueError(f"article is {len(raw):,} characters, above max_article_chars={opts.max_chars:,}")
    meta.setdefault("published", opts.published)
    if meta["published"] is None:
        meta["published"] = opts.published
    return _finish(clean_text(raw, source=where, **meta))


# ---------------------------------------------------------------- formats


def _read_text(path: Path, opts: _Options) -> Iterator[Article | Failure]:
    data = _read_bounded(path, opts.max_chars)
    _check_bytes(data)
    text = _decode(data)
    try:
        yield _article(text, opts, where=str(path))
    except ValueError as exc:
        raise _ReadError(str(exc)) from exc


def html_to_article(html: str | bytes, opts: _Options | None = None, *, where: str, url: str | None = None) -> Article:
    """An HTML page -> Article through trafilatura (main text and metadata; offline). ValueError when no article."""
    try:
        import trafilatura
    except ImportError as exc:  # trafilatura 2.x needs lxml's html cleaner, a separate package since lxml 5.2
        raise RedlineError(f"reading HTML needs trafilatura and lxml_html_clean ({exc}); "
                           "fix: pip install trafilatura lxml_html_clean") from exc

    opts = opts or _Options(None, {}, _default_max_chars())
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < _MIN_HTML_WORDS:
        raise ValueError(f"HTML page has no article (main content is {len(text.split())} words; "
                         f"an article has at least {_MIN_HTML_WORDS})")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    title = (doc.title or "").strip() or None
    if title and lines and lines[0] == title:
        lines = lines[1:]  # trafilatura keeps the headline as the first line; the title field holds it
    if not lines:
        raise ValueError("HTML page has no article text beyond its title")
    date = parse_date(doc.date) if doc.date else None
    return _article("\n\n".join(lines), opts, where=where, title=title, published=date,
                    url=url or doc.url or None, publisher=(doc.sitename or None))


def _read_html(path: Path, opts: _Options) -> Iterator[Article | Failure]:
    data = _read_bounded(path, opts.max_chars)
    _check_bytes(data)
    try:
        yield html_to_article(data, opts, where=str(path))
    except ValueError as exc:
        raise _ReadError(str(exc)) from exc


def _lines(fh: IO[bytes], path: Path) -> Iterator[tuple[int, bytes | None, str | None]]:
    """(line number, bytes, problem) per line; a truncated gzip ends with a problem line."""
    n = 0
    try:
        for n, line in enumerate(fh, start=1):  # noqa: B007 - n is used after the loop
            yield n, line, None
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield n + 1, None, f"truncated or corrupt gzip after line {n}: {exc}"


def _read_json(path: Path, opts: _Options) -> Iterator[Article | Failure]:
    with _open(path) as fh:
        head = _read_head(fh, path)
        _check_bytes(head)
        first = head.lstrip()[:1]
    if first == b"[" or (first == b"{" and not _first_line_is_object(path)):
        yield from _read_json_document(path, opts)
        return
    any_line = False
    with _open(path) as fh:
        for n, line, problem in _lines(fh, path):
            where = f"{path}:{n}"
            if problem:
                yield Failure(where, "read", problem)
                break
            if not line.strip():
                continue
            any_line = True
            try:
                if len(line) > opts.max_chars * 4 + 64:
                    raise ValueError(f"record is {len(line):,} bytes, above max_article_chars={opts.max_chars:,}")
                rec = json.loads(_decode(line, "line"))
                yield article_from_record(rec, where=where, published=opts.published, mapping=opts.mapping,
                                          max_chars=opts.max_chars)
            except json.JSONDecodeError as exc:
                yield Failure(where, "read", f"invalid JSON: {exc}")
            except (ValueError, _ReadError) as exc:
                yield Failure(where, "read", str(exc))
    if not any_line:
        yield Failure(str(path), "read", "empty file")


def _first_line_is_object(path: Path) -> bool:
    with _open(path) as fh:
        try:
            line = fh.readline(1 << 24)
        except (EOFError, zlib.error):
            return True
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def _read_json_document(path: Path, opts: _Options) -> Iterator[Article | Failure]:
    """A .json file holding one object or an array of them (read whole: JSONL is the streaming format)."""
    limit = max(opts.max_chars * 4, 256 << 20)
    with _open(path) as fh:
        try:
            data = fh.read(limit + 1)
        except (EOFError, zlib.error) as exc:
            raise _ReadError(f"truncated or corrupt gzip: {exc}") from exc
    if len(data) > limit:
        raise _ReadError(f"JSON document above {limit >> 20} MB; use JSONL (one article per line) to stream it")
    try:
        doc = json.loads(_decode(data))
    except json.JSONDecodeError as exc:
        raise _ReadError(f"invalid JSON: {exc}") from exc
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        raise _ReadError("JSON array is empty")
    for n, rec in enumerate(records):
        where = f"{path}[{n}]"
        try:
            yield article_from_record(rec, where=where, published=opts.published, mapping=opts.mapping,
                                      max_chars=opts.max_chars)
        except ValueError as exc:
            yield Failure(where, "read", str(exc))


def _read_csv(path: Path, opts: _Options) -> Iterator[Article | Failure]:
    suffix, _ = _split_gz(path)
    delimiter = "\t" if suffix == ".tsv" else ","
    with _open(path) as fh:
        head = _read_head(fh, path)
        _check_bytes(head)
    state = {"line": 0, "problem": None}

    def text_lines() -> Iterator[str]:
        with _open(path) as fh:
            for n, line, problem in _lines(fh, path):
                state["line"] = n
                if problem:
                    state["problem"] = problem
                    return
                try:
                    yield line.decode("utf-8")
                except UnicodeDecodeError as exc:
                    state["problem"] = f"invalid UTF-8 at line {n}, byte {exc.start}; rest of file skipped"
                    return

    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, opts.max_chars + 1))
    try:
        reader = csv.DictReader(text_lines(), delimiter=delimiter)
        rows = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield Failure(f"{path}:{state['line']}", "read", f"bad CSV record: {exc}; rest of file skipped")
                break
            rows += 1
            where = f"{path}:{state['line']}"
            if None in row:
                yield Failure(where, "read", "record has more fields than the header")
                continue
            try:
                yield article_from_record(row, where=where, published=opts.published, mapping=opts.mapping,
                                          max_chars=opts.max_chars)
            except ValueError as exc:
                yield Failure(where, "read", str(exc))
        if state["problem"]:
            yield Failure(f"{path}:{state['line']}", "read", state["problem"])
        elif rows == 0:
            yield Failure(str(path), "read", "CSV file has a header but no records")
    finally:
        csv.field_size_limit(old_limit)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def html_fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (feed item content), one paragraph per block element."""
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several parser errors on broken markup; strip tags instead
        return re.sub(r"<[^>]+>", " ", fragment)
    for el in root.iter("script", "style"):
        el.drop_tree()
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n\n" + (el.tail or "")
    return root.text_content()


def _feed_item(el, path: Path, n: int, opts: _Options) -> Article:
    fields: dict[str, str] = {}
    for child in el:
        name = _local(child.tag)
        if name == "link" and child.get("href"):
            if child.get("rel", "alternate") == "alternate":
                fields.setdefault("link", child.get("href"))
            continue
        text = "".join(child.itertext()).strip()
        if text:
            fields.setdefault(name, text)
    body = fields.get("encoded") or fields.get("content") or fields.get("description") or fields.get("summary")
    where = f"{path}#item{n}"
    if not body:
        raise ValueError("feed item has no content or description")
    text = html_fragment_text(body)
    date_raw = fields.get("pubdate") or fields.get("published") or fields.get("updated") or fields.get("date")
    date = parse_date(date_raw) if date_raw else None
    url = fields.get("link") or fields.get("guid") or None
    return _article(text, opts, where=where, title=fields.get("title"),
                    published=date, url=url)


def _read_feed(path: Path, opts: _Options) -> Iterator[Article | Failure]:
    import xml.etree.ElementTree as ET

    with _open(path) as fh:
        head = _read_head(fh, path)
        _check_bytes(head)
    n = 0
    depth = 0
    try:
        with _open(path) as fh:
            for event, el in ET.iterparse(fh, events=("start", "end")):
                if event == "start":
                    depth += 1
                    if depth == 1 and _local(el.tag) not in ("rss", "feed", "rdf"):
                        raise _ReadError(f"XML root <{_local(el.tag)}> is not an RSS or Atom feed")
                    continue
                depth -= 1
                if _local(el.tag) not in ("item", "entry"):
                    continue
                n += 1
                try:
                    yield _feed_item(el, path, n, opts)
                except ValueError as exc:
                    yield Failure(f"{path}#item{n}", "read", str(exc))
                el.clear()  # keep memory flat on large feeds
    except ET.ParseError as exc:
        yield Failure(str(path), "read", f"malformed XML after item {n}: {exc}")
        return
    except (EOFError, zlib.error) as exc:
        yield Failure(str(path), "read", f"truncated or corrupt gzip after item {n}: {exc}")
        return
    if n == 0:
        yield Failure(str(path), "read", "feed has no items")


# WARC: a corrupt record stops warcio's iterator; we resynchronise at the next record start and go on.
_WARC_MARK = b"WARC/1."
_GZIP_MARK = b"\x1f\x8b\x08"


def _read_warc(path: Path, opts: _Options) -> Iterator[Article | Failure]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as raw:
        head = raw.read(_SNIFF_BYTES)
        if not head.strip():
            raise _ReadError("empty file")
        mark = _GZIP_MARK if head.startswith(b"\x1f\x8b") else _WARC_MARK
        offset = 0
        n = 0
        while True:
            raw.seek(offset)
            it = ArchiveIterator(raw, check_digests=False)
            last = offset
            try:
                for record in it:
                    n += 1
                    payload = _warc_payload(record, opts)  # read before asking the offset (warcio's rule)
                    last = it.get_record_offset()
                    if payload is not None:
                        yield _warc_item(payload, f"{path}#record{n}@{last}", opts)
                break
            except Exception as exc:  # warcio raises many types on corrupt input; each becomes a Failure
                n += 1
                yield Failure(f"{path}#record{n}", "read", f"corrupt WARC record after byte {last}: "
                              f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}")
                nxt = _find(raw, mark, last + 1)
                if nxt is None:
                    break
                offset = nxt
    if n == 0:
        raise _ReadError("WARC file holds no records")


def _find(fh: IO[bytes], mark: bytes, start: int) -> int | None:
    """Offset of the next `mark` at or after `start`, scanning in chunks."""
    fh.seek(start)
    pos = start
    tail = b""
    while True:
        chunk = fh.read(1 << 20)
        if not chunk:
            return None
        buf = tail + chunk
        i = buf.find(mark)
        if i >= 0:
            return pos - len(tail) + i
        tail = buf[-(len(mark) - 1):]
        pos += len(chunk)


def _warc_payload(record, opts: _Options) -> tuple[str | None, str, bytes] | None:
    """(url, content type, body) of a WARC response/resource record with HTML; None for other records."""
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
        if status and not status.startswith("2"):
            return None
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return None
    return url, ctype, record.content_stream().read(opts.max_chars * 4 + 5)


def _warc_item(payload: tuple[str | None, str, bytes], where: str, opts: _Options) -> Article | Failure:
    url, ctype, data = payload
    name = f"{where} {url}" if url else where
    if len(data) > opts.max_chars * 4 + 4:
        return Failure(name, "read", f"HTML payload above max_article_chars={opts.max_chars:,}, refused")
    if not data.strip():
        return Failure(name, "read", "empty HTML payload")
    m = re.search(r"charset=([\w.-]+)", ctype)
    encoding = m.group(1) if m else "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "utf-8"
    try:
        return html_to_article(data.decode(encoding, errors="replace"), opts, where=where, url=url)
    except ValueError as exc:
        return Failure(name, "read", str(exc))


_READERS = {
    "text": _read_text,
    "html": _read_html,
    "json": _read_json,
    "csv": _read_csv,
    "feed": _read_feed,
    "warc": _read_warc,
}

__all__ = ["read_inputs", "read_path", "is_article_file", "article_from_record", "html_to_article", "html_fragment_text",
           "parse_date", "language_problem", "english_ratio"]
