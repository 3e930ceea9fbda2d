"""WARC (and ARC) files: HTTP 2xx HTML responses -> trafilatura -> Articles.

A corrupt record stops warcio's iterator; we resynchronise at the next record start and go on. A record
whose payload is shorter than its Content-Length (a truncated file) is a Failure, never half an article.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..records import Article, Failure
from .common import SNIFF_BYTES, Options, ReadError, describe
from .markup import html_to_article

_WARC_MARK = b"WARC/1."
_GZIP_MARK = b"\x1f\x8b\x08"


def read_warc(path: Path, opts: Options) -> Iterator[Article | Failure]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as raw:
        head = raw.read(SNIFF_BYTES)
        if not head.strip():
            raise ReadError("empty file")
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
                    payload = _payload(record, opts)  # read before asking the offset (warcio's rule)
                    last = it.get_record_offset()
                    if payload is not None:
                        yield _item(payload, f"{path}#record{n}@{last}", opts)
                end = it.get_record_offset() + it.get_record_length() if n else 0
                if _has_more(raw, end):  # warcio stops quietly where a record's header is cut off
                    yield Failure(f"{path}#record{n + 1}", "read", f"the file ends inside a record that starts "
                                  f"after byte {end:,} (truncated file?)")
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
        raise ReadError("WARC file holds no records")


def _has_more(fh: IO[bytes], end: int) -> bool:
    """True when something other than blank lines follows byte `end` of the file."""
    fh.seek(end)
    while True:
        chunk = fh.read(1 << 16)
        if not chunk:
            return False
        if chunk.strip():
            return True


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


def _payload(record, opts: Options) -> tuple[str | None, str, bytes, int] | None:
    """(url, content type, body, bytes missing) of a WARC response/resource record with HTML, or of any
    response/resource record that is cut short; None for other records.

    bytes missing: how far the record falls short of its Content-Length (0 for a complete record). A cut record
    is reported whatever its type: when its headers are cut too, nobody can tell it was not an article.
    """
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    status = ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    wanted = "html" in ctype and (not status or status.startswith("2"))
    body = record.content_stream().read(opts.max_bytes + 1) if wanted else b""
    missing = 0
    if len(body) <= opts.max_bytes:
        stream = record.raw_stream
        while stream.read(1 << 16):  # what warcio would skip anyway, read here to see whether it is all there
            pass
        missing = getattr(stream, "limit", 0) or 0  # LimitReader: bytes still expected
    if missing:
        return url, ctype, b"", missing
    return (url, ctype, body, 0) if wanted else None


def _item(payload: tuple[str | None, str, bytes, int], where: str, opts: Options) -> Article | Failure:
    url, ctype, data, missing = payload
    name = f"{where} {url}" if url else where
    if missing:
        return Failure(name, "read", f"truncated WARC record: {missing:,} bytes of its Content-Length are missing "
                                     "(the file ends inside the record)")
    if len(data) > opts.max_bytes:
        return Failure(name, "read", "HTML payload above max_article_chars, refused")
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
    except Exception as exc:  # anything unexpected fails this record only
        return Failure(name, "read", describe(exc))
