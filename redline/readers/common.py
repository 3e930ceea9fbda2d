"""What every reader shares: options, the internal read error, opening (gzip, byte-order marks), bounded reads,
the English check and the step from raw text to a checked Article.

Memory is bounded per record for every format, compressed or not: whole-file readers stop after
`4 x max_article_chars` bytes, line readers never hold a line longer than that (a longer one is skipped to its
end in chunks and named), so a small gzip file that expands to gigabytes costs at most one record's bytes.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import email.utils
import gzip
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..records import Article
from ..stages.clean import clean_text

SNIFF_BYTES = 8192
MIN_WORDS_FOR_LANGUAGE = 25
# What a damaged gzip stream raises while being read (a truncated one ends in EOFError).
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)

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

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """Internal: a reason why one input (or record) cannot be read; becomes a Failure."""


@dataclasses.dataclass(frozen=True, slots=True)
class Options:
    """How the readers run: a default date, the field mapping, the longest article accepted."""

    published: dt.date | None
    mapping: dict[str, str]
    max_chars: int

    @property
    def max_bytes(self) -> int:
        """Most bytes one record may take: a UTF-8 character is at most 4 bytes, plus room for the markup."""
        return self.max_chars * 4 + 4096


def default_max_chars() -> int:
    from ..settings import load_settings

    return int(load_settings()["max_article_chars"])


def split_gz(path: Path) -> tuple[str, bool]:
    """(the format suffix, whether the file is gzip-compressed) of `path`."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) > 1 else ""), True
    return (suffixes[-1] if suffixes else ""), False


def open_bytes(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when it ends in .gz (closed by the caller's `with`)."""
    _, gz = split_gz(path)
    return gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115 - closed by the caller


def read_head(fh: IO[bytes]) -> bytes:
    try:
        return fh.read(SNIFF_BYTES)
    except GZIP_ERRORS as exc:
        raise ReadError(f"corrupt gzip: {exc}") from exc


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `head` announces, else None."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def os_reason(exc: OSError) -> str:
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file: {exc}"
    return exc.strerror or str(exc)


def decode_text(data: bytes, what: str = "file") -> str:
    """Bytes of a whole article -> text: UTF-8, or the UTF-16/32 a byte-order mark announces. ReadError else."""
    encoding = bom_encoding(data[:4])
    if not data.strip(b" \t\r\n\x00" if encoding and encoding != "utf-8" else b" \t\r\n"):
        raise ReadError(f"empty {what}")
    if encoding is None and b"\x00" in data[:SNIFF_BYTES]:
        raise ReadError(f"binary {what} (NUL bytes), not text")
    if encoding is None or encoding == "utf-8":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReadError(f"invalid UTF-8 in the {what} at byte {exc.start}") from exc
    else:
        try:
            text = data.decode(encoding)[1:]  # drop the mark itself
        except UnicodeDecodeError as exc:
            raise ReadError(f"invalid {encoding.upper()} in the {what} at byte {exc.start} "
                            "(the byte-order mark announced it)") from exc
        if "\x00" in text:
            raise ReadError(f"binary {what} (NUL characters after decoding {encoding.upper()}), not text")
    if not text.strip():
        raise ReadError(f"empty {what}")
    return text


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """A whole one-article file (decompressed), refusing one above `max_bytes` without reading it all."""
    with open_bytes(path) as fh:
        try:
            data = fh.read(max_bytes + 1)
        except GZIP_ERRORS as exc:
            raise ReadError(f"truncated or corrupt gzip: {exc}") from exc
    if len(data) > max_bytes:
        raise ReadError(f"file holds more than {max_bytes:,} bytes: above max_article_chars, refused")
    return data


@dataclasses.dataclass(frozen=True, slots=True)
class Line:
    """One line of a line-based file: its number, its UTF-8 bytes (None when skipped) and a problem, if any."""

    number: int
    data: bytes | None
    problem: str | None = None
    too_long: bool = False  # only this line was skipped; the next one can be read


def utf8_lines(fh: IO[bytes], max_bytes: int) -> Iterator[Line]:
    """The lines of a byte stream as UTF-8 bytes, each at most `max_bytes` long.

    A file with a UTF-16/32 byte-order mark is transcoded (a UTF-8 mark is dropped). A longer line is read to
    its end in chunks and thrown away (a Line with a problem), so memory stays bounded even for a gzip bomb.
    A damaged gzip stream or undecodable text ends the lines with a problem line.
    """
    encoding = bom_encoding(fh.peek(4)[:4]) if hasattr(fh, "peek") else None
    if encoding is None or encoding == "utf-8":
        def utf8(chunk: bytes, n: int) -> bytes:
            return chunk[3:] if n == 1 and chunk.startswith(codecs.BOM_UTF8) else chunk

        yield from _bounded_lines(fh.readline, max_bytes, utf8, b"\n")
        return
    # utf-16 / utf-32 without an explicit byte order read the mark and drop it
    text = io.TextIOWrapper(fh, encoding=encoding[:6], errors="strict", newline="")
    try:
        yield from _bounded_lines(text.readline, max_bytes, lambda chunk, n: chunk.encode("utf-8"), "\n")
    finally:
        text.detach()


def _bounded_lines(readline, limit: int, encode, newline) -> Iterator[Line]:
    n = 0
    try:
        while True:
            chunk = readline(limit + 1)
            if not chunk:
                return
            n += 1
            if len(chunk) > limit and not chunk.endswith(newline):
                skipped = len(chunk)
                while chunk and not chunk.endswith(newline):
                    chunk = readline(1 << 20)
                    skipped += len(chunk)
                yield Line(n, None, f"record is more than {limit:,} bytes ({skipped:,} up to the end of its line): "
                                    "above max_article_chars, skipped", too_long=True)
                continue
            yield Line(n, encode(chunk, n))
    except UnicodeDecodeError as exc:
        yield Line(n + 1, None, f"invalid text after line {n} ({exc.encoding}: {exc.reason}); rest of the file "
                                "skipped")
    except GZIP_ERRORS as exc:
        yield Line(n + 1, None, f"truncated or corrupt gzip after line {n}: {exc}")


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
    if n >= MIN_WORDS_FOR_LANGUAGE and ratio < 0.12:
        return f"not English (English function words are {ratio:.0%} of {n} words; English prose has 30% or more)"
    return None


def parse_date(value: str) -> dt.date | None:
    """ISO dates and datetimes, and RFC 822 dates (feeds, HTTP) -> date; None when unrecognised."""
    s = value.strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def unicode_problem(value: str, label: str) -> str | None:
    """A reason when `value` holds a lone surrogate (a JSON escape like \\ud800 that is no character)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (f"field {label!r} holds an invalid character: a lone surrogate (\\u{ord(value[exc.start]):04x}) "
                f"at character {exc.start}; fix the escape in the record")
    return None


def finish(art: Article) -> Article:
    """Checks every article passes after cleaning: a body, and English. Sets language."""
    if not art.text.strip():
        raise ValueError("no article text left after removing boilerplate")
    problem = language_problem(art.text)
    if problem:
        raise ValueError(problem)
    return dataclasses.replace(art, language="en")


def make_article(raw: str, opts: Options, *, where: str, **meta) -> Article:
    """Raw article text -> cleaned, checked Article; ValueError names the problem."""
    if len(raw) > opts.max_chars:
        raise ValueError(f"article is {len(raw):,} characters, above max_article_chars={opts.max_chars:,}")
    if meta.get("published") is None:
        meta["published"] = opts.published
    return finish(clean_text(raw, source=where, **meta))


def describe(exc: BaseException) -> str:
    """A one-line reason for an unexpected error while reading one record."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read (more than Python's recursion limit)"
    if isinstance(exc, MemoryError):
        return "too large to hold in memory"
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
