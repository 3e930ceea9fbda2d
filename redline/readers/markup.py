"""Text and markup formats: plain text, HTML pages (trafilatura, offline) and RSS/Atom feeds -> Articles.

Feeds are parsed incrementally and each finished item is dropped from the tree, so memory holds one item; an
item larger than the record limit is skipped to its end tag (a Failure naming `path#itemN`) and parsing
resumes after it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from ..errors import RedlineError
from ..records import Article, Failure
from .common import (
    GZIP_ERRORS,
    Options,
    ReadError,
    bom_encoding,
    decode_text,
    default_max_chars,
    describe,
    make_article,
    open_bytes,
    parse_date,
    read_bounded,
    read_head,
)

MIN_HTML_WORDS = 25  # below this, what trafilatura finds is navigation or a teaser, not an article
_CHUNK = 1 << 16
_ITEM_START = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s>/]")
_ITEM_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")


def _whole_file(path: Path, opts: Options, to_article) -> Iterator[Article]:
    """A file that holds one article: read (bounded), decoded, then `to_article(text)`; ValueError -> ReadError."""
    text = decode_text(read_bounded(path, opts.max_bytes))
    try:
        yield to_article(text)
    except ValueError as exc:
        raise ReadError(str(exc)) from exc


def read_text(path: Path, opts: Options) -> Iterator[Article | Failure]:
    yield from _whole_file(path, opts, lambda text: make_article(text, opts, where=str(path)))


def html_to_article(html: str | bytes, opts: Options | None = None, *, where: str, url: str | None = None) -> Article:
    """An HTML page -> Article through trafilatura (main text and metadata; offline). ValueError when no article."""
    try:
        import trafilatura
    except ImportError as exc:  # trafilatura 2.x needs lxml's html cleaner, a separate package since lxml 5.2
        raise RedlineError(f"reading HTML needs trafilatura and lxml_html_clean ({exc}); "
                           "fix: pip install trafilatura lxml_html_clean") from exc

    opts = opts or Options(None, {}, default_max_chars())
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_HTML_WORDS:
        raise ValueError(f"HTML page has no article (main content is {len(text.split())} words; "
                         f"an article has at least {MIN_HTML_WORDS})")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    title = (doc.title or "").strip() or None
    if title and lines and lines[0] == title:
        lines = lines[1:]  # trafilatura keeps the headline as the first line; the title field holds it
    if not lines:
        raise ValueError("HTML page has no article text beyond its title")
    date = parse_date(doc.date) if doc.date else None
    return make_article("\n\n".join(lines), opts, where=where, title=title, published=date,
                        url=url or doc.url or None, publisher=(doc.sitename or None))


def read_html(path: Path, opts: Options) -> Iterator[Article | Failure]:
    yield from _whole_file(path, opts, lambda text: html_to_article(text, opts, where=str(path)))


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


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _feed_item(el, where: str, opts: Options) -> Article:
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
    if not body:
        raise ValueError("feed item has no content or description")
    text = html_fragment_text(body)
    date_raw = fields.get("pubdate") or fields.get("published") or fields.get("updated") or fields.get("date")
    date = parse_date(date_raw) if date_raw else None
    url = fields.get("link") or fields.get("guid") or None
    return make_article(text, opts, where=where, title=fields.get("title"), published=date, url=url)


class _FeedParser:
    """An incremental feed parser that hands out finished items and forgets them (bounded memory)."""

    def __init__(self):
        self.parser = ET.XMLPullParser(events=("start", "end"))
        self.stack: list = []
        self.item_depth: int | None = None  # depth of the open item, if any
        self.item_began = 0  # bytes fed when the open item began

    def feed(self, data: bytes, fed: int) -> Iterator:
        """Feed bytes; yield each finished <item>/<entry> element. `fed`: bytes fed before this call."""
        self.parser.feed(data)
        for event, el in self.parser.read_events():
            if event == "start":
                if not self.stack and _local(el.tag) not in ("rss", "feed", "rdf"):
                    raise ReadError(f"XML root <{_local(el.tag)}> is not an RSS or Atom feed")
                self.stack.append(el)
                if self.item_depth is None and _local(el.tag) in ("item", "entry"):
                    self.item_depth, self.item_began = len(self.stack), fed
                continue
            self.stack.pop()
            inside_item = self.item_depth is not None and len(self.stack) >= self.item_depth
            if self.item_depth is not None and len(self.stack) + 1 == self.item_depth:
                self.item_depth = None
                yield el
                inside_item = False
            if not inside_item and self.stack:
                self.stack[-1].remove(el)  # finished: keep memory flat on large feeds

    def close(self) -> None:
        self.parser.close()


def read_feed(path: Path, opts: Options) -> Iterator[Article | Failure]:
    """An RSS or Atom file: one article per <item>/<entry>, parsed incrementally."""
    with open_bytes(path) as fh:
        head = read_head(fh)
    if not head.strip():
        raise ReadError("empty file")
    if bom_encoding(head[:4]) in (None, "utf-8") and b"\x00" in head:
        raise ReadError("binary file (NUL bytes), not text")
    n = 0
    prefix: bytes | None = None  # the raw bytes before the first item: they rebuild the root after a skip
    seen = b""
    fed = 0
    parser = _FeedParser()

    def emit(elements) -> Iterator[Article | Failure]:
        nonlocal n
        for el in elements:
            n += 1
            yield _item_or_failure(el, f"{path}#item{n}", opts)

    try:
        with open_bytes(path) as fh:
            while True:
                data = fh.read(_CHUNK)
                if prefix is None and len(seen) <= opts.max_bytes:
                    seen += data
                    m = _ITEM_START.search(seen)
                    if m:
                        prefix, seen = seen[:m.start()], b""
                if not data:
                    parser.close()
                    break
                yield from emit(parser.feed(data, fed))
                fed += len(data)
                if parser.item_depth is None or fed - parser.item_began <= opts.max_bytes:
                    continue
                n += 1
                yield Failure(f"{path}#item{n}", "read", f"item is more than {opts.max_bytes:,} bytes: "
                                                          "above max_article_chars, skipped")
                rest = _skip_item(fh, data[-64:])
                if rest is None:
                    yield Failure(str(path), "read", f"the feed ends inside item {n} (truncated file?)")
                    return
                if prefix is None:
                    yield Failure(str(path), "read", f"the feed header is above max_article_chars: items after "
                                                     f"item {n} skipped")
                    return
                parser = _FeedParser()  # resume after the skipped item, under the same root
                list(parser.feed(prefix, 0))
                yield from emit(parser.feed(rest, fed))
                fed += len(rest)
    except ET.ParseError as exc:
        yield Failure(str(path), "read", f"malformed XML after item {n}: {exc}")
        return
    except GZIP_ERRORS as exc:
        yield Failure(str(path), "read", f"truncated or corrupt gzip after item {n}: {exc}")
        return
    if n == 0:
        yield Failure(str(path), "read", "feed has no items")


def _item_or_failure(el, where: str, opts: Options) -> Article | Failure:
    try:
        return _feed_item(el, where, opts)
    except ValueError as exc:
        return Failure(where, "read", str(exc))
    except Exception as exc:  # anything unexpected fails this item only
        return Failure(where, "read", describe(exc))


def _skip_item(fh, tail: bytes) -> bytes | None:
    """Read on to the end tag of the open item; the bytes after it, or None when the file ends first."""
    buf = tail
    while True:
        m = _ITEM_END.search(buf)
        if m:
            return buf[m.end():]
        data = fh.read(_CHUNK)
        if not data:
            return None
        buf = buf[-64:] + data
