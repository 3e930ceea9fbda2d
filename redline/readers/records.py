"""Record formats: JSON Lines, JSON (one object or a streamed array of them) and CSV/TSV -> Articles.

Each record is read, decoded and checked on its own: a bad one (invalid JSON, nested too deeply, a lone
surrogate escape, a missing or wrong-typed field, too long) becomes a Failure named `path:line` (`path[n]`
in a JSON array) and the next record is read.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..records import Article, Failure
from ..stages.clean import clean_text
from .common import (
    GZIP_ERRORS,
    Options,
    ReadError,
    bom_encoding,
    decode_text,
    default_max_chars,
    describe,
    finish,
    open_bytes,
    parse_date,
    read_bounded,
    read_head,
    split_gz,
    unicode_problem,
    utf8_lines,
)

FIELDS = ("id", "title", "date", "source", "url", "text", "publisher")


def name_list(rec: dict) -> str:
    keys = list(rec)[:12]
    return ", ".join(map(str, keys)) + (", ..." if len(rec) > 12 else "")


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
        problem = unicode_problem(val, label[key]) if isinstance(val, str) else None
        if problem:
            raise ValueError(problem)
    text = vals["text"]
    if not text.strip():
        raise ValueError(f"field {label['text']!r} is empty")
    limit = max_chars or default_max_chars()
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
    return finish(art)


def _record(raw: str | bytes, where: str, opts: Options) -> Article | Failure:
    """One JSON record's text -> Article, or a Failure naming `where` and the reason."""
    try:
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                return Failure(where, "read", f"invalid UTF-8 in the line at byte {exc.start}")
        rec = json.loads(raw)
        return article_from_record(rec, where=where, published=opts.published, mapping=opts.mapping,
                                   max_chars=opts.max_chars)
    except json.JSONDecodeError as exc:
        return Failure(where, "read", f"invalid JSON: {exc}")
    except ValueError as exc:
        return Failure(where, "read", str(exc))
    except Exception as exc:  # RecursionError (deep nesting) and anything else: this record only
        return Failure(where, "read", describe(exc))


def read_json(path: Path, opts: Options) -> Iterator[Article | Failure]:
    """A .json / .jsonl / .ndjson file: JSON Lines, one array streamed element by element, or one object.

    .jsonl and .ndjson are always JSON Lines; a .json file (or one sniffed as JSON) is an array when it starts
    with `[`, one object when it starts with `{` and its first line is not a whole object, else JSON Lines.
    """
    with open_bytes(path) as fh:
        head = read_head(fh)
    if not head.strip():
        raise ReadError("empty file")
    if split_gz(path)[0] in (".jsonl", ".ndjson"):  # the suffix says lines: a bad first line is one bad record
        yield from _read_json_lines(path, opts)
        return
    encoding = bom_encoding(head[:4]) or "utf-8"
    first = head.decode(encoding[:6], errors="ignore").lstrip("\ufeff \t\r\n")[:1]
    if first == "[":
        yield from _read_json_array(path, opts)
    elif first == "{" and not _first_line_is_object(path, opts):
        yield from _read_json_object(path, opts)
    else:
        yield from _read_json_lines(path, opts)


def _read_json_lines(path: Path, opts: Options) -> Iterator[Article | Failure]:
    any_line = False
    with open_bytes(path) as fh:
        for line in utf8_lines(fh, opts.max_bytes):
            where = f"{path}:{line.number}"
            if line.problem:
                yield Failure(where, "read", line.problem)
                any_line = True
                continue
            if not line.data.strip():
                continue
            any_line = True
            yield _record(line.data, where, opts)
    if not any_line:
        yield Failure(str(path), "read", "empty file")


def _first_line_is_object(path: Path, opts: Options) -> bool:
    with open_bytes(path) as fh:
        for line in utf8_lines(fh, opts.max_bytes):
            if line.data is None or not line.data.strip():
                return line.data is None
            try:
                return isinstance(json.loads(line.data), dict)
            except (ValueError, RecursionError):
                return False
    return False


def _read_json_object(path: Path, opts: Options) -> Iterator[Article | Failure]:
    """A .json file holding one (pretty-printed) object: one record, read whole up to the record limit."""
    text = decode_text(read_bounded(path, opts.max_bytes))
    yield _record(text, str(path), opts)


# Scanning a JSON array: inside a string only a quote or a backslash matters; outside, brackets and commas.
_IN_STRING = re.compile(r'["\\]')
_OUTSIDE = re.compile(r'[\[\]{}",]')


def _read_json_array(path: Path, opts: Options) -> Iterator[Article | Failure]:
    """The elements of a top-level JSON array, one at a time: memory holds one element, never the file."""
    index = 0
    for text, problem in _array_elements(_text_chunks(path), opts.max_bytes):
        if text is not None:
            yield _record(text, f"{path}[{index}]", opts)
        elif problem.startswith("element"):
            yield Failure(f"{path}[{index}]", "read", problem)
        else:  # the file is not one well-formed array: the scan ended
            yield Failure(str(path), "read", f"{problem} (after {index} element(s))")
            return
        index += 1
    if index == 0:
        raise ReadError("JSON array is empty")


def _text_chunks(path: Path, size: int = 1 << 16) -> Iterator[str]:
    """The decoded text of a file in chunks (UTF-8, or the UTF-16/32 of its byte-order mark)."""
    with open_bytes(path) as fh:
        head = read_head(fh)
        encoding = bom_encoding(head[:4]) or "utf-8"
        decoder = codecs.getincrementaldecoder("utf-8-sig" if encoding == "utf-8" else encoding[:6])("strict")
        data = head
        while data:
            try:
                yield decoder.decode(data)
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid {encoding.upper()} in the file ({exc.reason})") from exc
            try:
                data = fh.read(size)
            except GZIP_ERRORS as exc:
                raise ReadError(f"truncated or corrupt gzip: {exc}") from exc
        yield decoder.decode(b"", final=True)


class _ArrayScan:
    """State of the scan over one JSON array: the element being collected and where the scan is in it."""

    def __init__(self, limit: int):
        self.limit = limit
        self.depth = 0  # brackets open inside the current element
        self.in_string = False
        self.parts: list[str] = []
        self.size = 0
        self.count = 0

    def keep(self, piece: str) -> None:
        self.size += len(piece)
        if self.size > self.limit:
            self.parts.clear()
        elif piece:
            self.parts.append(piece)

    def close(self, last: bool) -> tuple[str | None, str | None] | None:
        """The element just ended by a comma (or, when `last`, the closing bracket); None for `[]`."""
        text = "".join(self.parts).strip()
        size, self.parts, self.size = self.size, [], 0
        if size > self.limit:
            out = (None, f"element is more than {self.limit:,} characters: above max_article_chars, skipped")
        elif text:
            out = (text, None)
        elif last and self.count == 0:
            return None
        else:
            out = (None, "element is empty (two commas, or a comma before the closing bracket)")
        self.count += 1
        return out


def _array_elements(chunks: Iterator[str], limit: int) -> Iterator[tuple[str | None, str | None]]:
    """(element text, None) per element of the array; (None, "element ...") for an element that is too long
    (skipped) or empty; (None, problem) ending the scan when the text is not one well-formed array."""
    scan = _ArrayScan(limit)
    buf, pos, started = "", 0, False
    for chunk in chunks:
        buf, pos = buf[pos:] + chunk, 0
        while pos < len(buf):
            if not started:
                rest = buf[pos:].lstrip()
                if not rest:
                    pos = len(buf)
                    break
                if rest[0] != "[":
                    yield None, "not a JSON array"
                    return
                pos, started = len(buf) - len(rest) + 1, True
                continue
            if scan.in_string:
                m = _IN_STRING.search(buf, pos)
                if m is None:
                    end = len(buf)
                elif m.group() == '"':
                    end, scan.in_string = m.end(), False
                elif m.end() < len(buf):
                    end = m.end() + 1  # a backslash and the character it escapes
                else:  # the escaped character is in the next chunk: keep the backslash for then
                    scan.keep(buf[pos:m.start()])
                    pos = m.start()
                    break
                scan.keep(buf[pos:end])
                pos = end
                continue
            m = _OUTSIDE.search(buf, pos)
            if m is None:
                scan.keep(buf[pos:])
                pos = len(buf)
                break
            ch = m.group()
            if ch == '"':
                scan.in_string = True
            elif ch in "[{":
                scan.depth += 1
            elif ch in "]}" and scan.depth > 0:
                scan.depth -= 1
            elif ch in ",]" and scan.depth == 0:  # a comma or the closing bracket ends the element
                scan.keep(buf[pos:m.start()])
                pos = m.end()
                out = scan.close(last=ch == "]")
                if out is not None:
                    yield out
                if ch == "]":
                    tail = buf[pos:].strip()
                    for more in chunks:
                        tail = (tail + more.strip())[:64]
                    if tail:
                        yield None, f"text after the end of the JSON array: {tail[:30]!r}"
                    return
                continue
            scan.keep(buf[pos:m.end()])
            pos = m.end()
    yield None, ("empty file" if not started else "the JSON array is not closed (truncated file?)")


def read_csv(path: Path, opts: Options) -> Iterator[Article | Failure]:
    """A .csv or .tsv file: a header row naming the fields, then one record per row, streamed."""
    suffix, _ = split_gz(path)
    delimiter = "\t" if suffix == ".tsv" else ","
    with open_bytes(path) as fh:
        head = read_head(fh)
    if not head.strip():
        raise ReadError("empty file")
    state = {"line": 0, "problem": None, "record_bytes": 0}
    skipped: list[Failure] = []  # over-long lines between records: named, and the next record is read
    record_limit = 2 * opts.max_bytes

    def text_lines() -> Iterator[str]:
        with open_bytes(path) as fh:
            for line in utf8_lines(fh, opts.max_bytes):
                state["line"] = line.number
                if line.too_long and state["record_bytes"] == 0:
                    skipped.append(Failure(f"{path}:{line.number}", "read", line.problem))
                    continue
                if line.problem:
                    state["problem"] = line.problem + "; rest of file skipped"
                    return
                state["record_bytes"] += len(line.data)
                if state["record_bytes"] > record_limit:
                    state["problem"] = (f"record is more than {record_limit:,} bytes (an unclosed quote?): "
                                        "above max_article_chars; rest of file skipped")
                    return
                try:
                    yield line.data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    state["problem"] = f"invalid UTF-8 at line {line.number}, byte {exc.start}; rest of file skipped"
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
            state["record_bytes"] = 0
            yield from skipped
            skipped.clear()
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
            except Exception as exc:  # anything unexpected fails this record only
                yield Failure(where, "read", describe(exc))
        yield from skipped
        if state["problem"]:
            yield Failure(f"{path}:{state['line']}", "read", state["problem"])
        elif rows == 0:
            yield Failure(str(path), "read", "CSV file has a header but no records")
    finally:
        csv.field_size_limit(old_limit)
