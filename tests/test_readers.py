"""Readers: every format, the field mapping, streaming, and every kind of bad input becoming a Failure."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from redline.errors import UsageError
from redline.readers import article_from_record, language_problem, parse_date, read_inputs
from redline.records import Article, Failure

# Written for these tests: plain English news prose with enough function words to pass the language check.
BODY = (
    "The foreign minister of Poland met his counterpart from Lithuania in Vilnius on Tuesday to discuss the "
    "security of the border and the supply of gas for the coming winter. Both ministers said that they would "
    "ask the European Union for more money to protect the region, according to a statement that was released "
    "after the meeting."
)
BODY2 = (
    "Farmers in the north of the country blocked several roads with tractors on Monday to protest against a "
    "plan by the government to cut subsidies. The police said that the protest was peaceful and that no one "
    "had been arrested, but traffic was slow for most of the day."
)
FRENCH = (
    "Le ministre des affaires étrangères de la Pologne a rencontré son homologue lituanien à Vilnius mardi "
    "pour discuter de la sécurité de la frontière et de l'approvisionnement en gaz pour l'hiver prochain. "
    "Les deux ministres ont déclaré qu'ils demanderaient plus d'argent à l'Union européenne."
)
RUSSIAN = "Министр иностранных дел Польши встретился со своим литовским коллегой в Вильнюсе во вторник."


def _html(title: str, body: str, date: str = "2024-03-05") -> str:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (f"<html><head><title>{title}</title><meta property='article:published_time' content='{date}'>"
            f"<meta property='og:site_name' content='Example Daily'></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>Contact us</footer></body></html>")


def _warc(pages: list[tuple[str, str]], *, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://example.org/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG...."), http_headers=img))
    return buf.getvalue()


def _read(*paths, **kw) -> tuple[list[Article], list[Failure]]:
    items = list(read_inputs([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)]


# ------------------------------------------------------------------ formats


@pytest.mark.parametrize(
    ("name", "content", "expected_titles", "expected_dates"),
    [
        ("a.txt", BODY, [None], [None]),
        ("a.md", BODY, [None], [None]),
        ("a.html", _html("Ministers meet", BODY), ["Ministers meet"], [dt.date(2024, 3, 5)]),
        ("a.jsonl", "\n".join(json.dumps({"id": f"r{i}", "title": f"T{i}", "date": "2024-01-0" + str(i + 1),
                                          "text": t}) for i, t in enumerate([BODY, BODY2])),
         ["T0", "T1"], [dt.date(2024, 1, 1), dt.date(2024, 1, 2)]),
        ("a.json", json.dumps([{"id": "j1", "title": "J", "date": "2024-02-01T10:00:00Z", "text": BODY}]),
         ["J"], [dt.date(2024, 2, 1)]),
        ("one.json", json.dumps({"id": "j1", "text": BODY}), [None], [None]),
        ("a.csv", "id,title,date,text\nc1,C,2024-04-01,\"" + BODY + "\"\n", ["C"], [dt.date(2024, 4, 1)]),
        ("a.tsv", "id\ttitle\ttext\nt1\tTab\t" + BODY + "\n", ["Tab"], [None]),
        ("feed.rss", f"""<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
            <item><title>R1</title><link>http://example.org/1</link>
            <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
            <item><title>R2</title><link>http://example.org/2</link><description>{BODY2}</description></item>
            </channel></rss>""", ["R1", "R2"], [dt.date(2024, 3, 5), None]),
        ("feed.atom", f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
            <entry><title>A1</title><link href="http://example.org/a"/><published>2024-03-06T00:00:00Z</published>
            <content type="html">{BODY}</content></entry></feed>""", ["A1"], [dt.date(2024, 3, 6)]),
    ],
)
def test_read_inputs_formats_give_articles(tmp_path, name, content, expected_titles, expected_dates):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    arts, fails = _read(path)
    assert fails == []
    assert [a.title for a in arts] == expected_titles
    assert [a.published for a in arts] == expected_dates
    assert all(a.language == "en" and a.text for a in arts)


@pytest.mark.parametrize("suffix", ["txt", "jsonl", "html"])
def test_read_inputs_gzip_matches_plain(tmp_path, suffix):
    content = {"txt": BODY, "jsonl": json.dumps({"id": "g1", "text": BODY}), "html": _html("T", BODY)}[suffix]
    plain = tmp_path / f"a.{suffix}"
    plain.write_text(content, encoding="utf-8")
    packed = tmp_path / f"b.{suffix}.gz"
    packed.write_bytes(gzip.compress(content.encode()))
    (a,), _ = _read(plain)
    (b,), _ = _read(packed)
    assert (a.id, a.text, a.title) == (b.id, b.text, b.title)


@pytest.mark.parametrize("gz", [False, True])
def test_read_inputs_warc_html_responses_become_articles(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(_warc([("http://example.org/a", _html("First", BODY)),
                            ("http://example.org/b", _html("Second", BODY2))], gz=gz))
    arts, fails = _read(path)
    assert fails == []
    assert [(a.title, a.url) for a in arts] == [("First", "http://example.org/a"), ("Second", "http://example.org/b")]
    assert all(a.source.startswith(str(path) + "#record") for a in arts)


def test_read_inputs_html_metadata_and_body(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(_html("Ministers meet", BODY), encoding="utf-8")
    (art,), _ = _read(path)
    assert art.publisher == "Example Daily"
    assert "Home | World" not in art.text
    assert not art.text.startswith("Ministers meet")  # the headline is the title, not the first paragraph
    assert "\n\n" in art.text  # paragraphs stay paragraphs


def test_read_inputs_directory_and_glob(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "sub" / "b.txt").write_text(BODY2)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(BODY)
    arts, fails = _read(tmp_path)
    assert (len(arts), fails) == (2, [])
    arts, fails = _read(tmp_path / "*.txt")
    assert (len(arts), fails) == (1, [])


@pytest.mark.parametrize(
    ("mapping", "record", "expected"),
    [
        ({"text": "body", "date": "published_at"}, {"body": BODY, "published_at": "2024-05-01"},
         (None, dt.date(2024, 5, 1))),
        ({"text": "content", "title": "headline", "id": "uid"}, {"content": BODY, "headline": "H", "uid": 7},
         ("H", None)),
        (None, {"text": BODY, "date": "Tue, 05 Mar 2024 10:00:00 GMT"}, (None, dt.date(2024, 3, 5))),
    ],
)
def test_article_from_record_mapping(mapping, record, expected):
    art = article_from_record(record, where="x:1", mapping=mapping)
    assert (art.title, art.published) == expected


def test_article_from_record_id_defaults_to_content_hash():
    a = article_from_record({"text": BODY}, where="x:1")
    b = article_from_record({"text": "  " + BODY + "\n"}, where="x:2")
    assert a.id == b.id and len(a.id) == 16


def test_read_inputs_mapping_applies_to_csv(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("story,when\n\"" + BODY + "\",2024-06-01\n", encoding="utf-8")
    (art,), _ = _read(path, mapping={"text": "story", "date": "when"})
    assert art.published == dt.date(2024, 6, 1)


def test_read_inputs_unknown_mapping_field_is_usage_error(tmp_path):
    with pytest.raises(UsageError, match="unknown field"):
        list(read_inputs([str(tmp_path)], mapping={"body": "text"}))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-03-05", dt.date(2024, 3, 5)), ("2024-03-05T23:59:00+02:00", dt.date(2024, 3, 5)),
     ("Tue, 05 Mar 2024 10:00:00 GMT", dt.date(2024, 3, 5)), ("last Tuesday", None), ("", None)],
)
def test_parse_date_forms(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "refused"),
    [(BODY, False), (BODY2, False), (FRENCH, True), (RUSSIAN, True), ("Short note.", False)],
)
def test_language_problem_refuses_non_english(text, refused):
    assert (language_problem(text) is not None) == refused


# ------------------------------------------------------------------ bad input


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, a word the failure reason must contain)."""
    p = tmp_path
    (p / "empty.txt").write_text("")
    (p / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 20)
    (p / "latin1.txt").write_bytes(BODY.encode("latin-1") + "é".encode("latin-1"))
    (p / "french.txt").write_text(FRENCH)
    (p / "nav.html").write_text("<html><body><nav>Home | About | Contact</nav></body></html>")
    (p / "fields.jsonl").write_text(json.dumps({"id": "x", "title": 5, "text": BODY}) + "\n")
    (p / "notext.jsonl").write_text(json.dumps({"id": "x", "body": BODY}) + "\n")
    (p / "badjson.jsonl").write_text("{not json\n")
    (p / "baddate.jsonl").write_text(json.dumps({"text": BODY, "date": "someday"}) + "\n")
    (p / "array.json").write_text(json.dumps([{"text": BODY}, "just a string"]))
    (p / "feed.xml").write_text("<?xml version='1.0'?><html><body/></html>")
    (p / "itemless.rss").write_text("<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>")
    (p / "broken.rss").write_text(f"<?xml version='1.0'?><rss><channel><item><description>{BODY}</description>"
                                  "</item><item><title>cut")
    (p / "header.csv").write_text("id,title,text\n")
    (p / "bad.gz").write_bytes(b"this is not gzip at all")
    return {
        "empty": (p / "empty.txt", "empty"),
        "binary": (p / "binary.txt", "binary"),
        "utf8": (p / "latin1.txt", "UTF-8"),
        "english": (p / "french.txt", "not English"),
        "html": (p / "nav.html", "no article"),
        "type": (p / "fields.jsonl", "type int"),
        "missing": (p / "notext.jsonl", "missing field"),
        "json": (p / "badjson.jsonl", "invalid JSON"),
        "date": (p / "baddate.jsonl", "not a date"),
        "array": (p / "array.json", "expected a JSON object"),
        "feed": (p / "feed.xml", "not an RSS or Atom"),
        "itemless": (p / "itemless.rss", "no items"),
        "broken": (p / "broken.rss", "malformed XML"),
        "csv": (p / "header.csv", "no records"),
        "gzip": (p / "bad.gz", "gzip"),
        "missing_file": (p / "nope.txt", "no such file"),
    }


@pytest.mark.parametrize(
    "case",
    ["empty", "binary", "utf8", "english", "html", "type", "missing", "json", "date", "array", "feed",
     "itemless", "broken", "csv", "gzip", "missing_file"],
)
def test_read_inputs_bad_input_becomes_failure(tmp_path, case):
    path, word = _bad_inputs(tmp_path)[case]
    items = list(read_inputs([str(path)]))
    fails = [i for i in items if isinstance(i, Failure)]
    assert fails, f"no failure for {case}"
    assert any(word.lower() in f.reason.lower() for f in fails), [f.reason for f in fails]
    assert all(f.stage == "read" and f.input.startswith(str(path)) for f in fails)


def test_read_inputs_bad_line_does_not_stop_the_file(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join([json.dumps({"text": BODY}).encode(), b"\xff\xfe{", b"{oops",
                                 json.dumps({"text": BODY2}).encode()]))
    arts, fails = _read(path)
    assert len(arts) == 2
    assert [f.input for f in fails] == [f"{path}:2", f"{path}:3"]


def test_read_inputs_empty_directory_is_failure(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    arts, fails = _read(tmp_path)
    assert arts == [] and "no article files" in fails[0].reason


def test_read_inputs_truncated_gzip_keeps_articles_before_the_break(tmp_path):
    lines = "".join(json.dumps({"id": f"a{i}", "text": f"{BODY} Item number {i}."}) + "\n" for i in range(400))
    packed = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    arts, fails = _read(path)
    assert 0 < len(arts) < 400
    assert [a.id for a in arts] == [f"a{i}" for i in range(len(arts))]
    assert len(fails) == 1 and "truncated" in fails[0].reason


def test_read_inputs_corrupt_warc_record_skipped_and_rest_read(tmp_path):
    raw = _warc([("http://example.org/a", _html("First", BODY)), ("http://example.org/b", _html("Second", BODY2)),
                 ("http://example.org/c", _html("Third", BODY))], gz=False)
    second = raw.find(b"WARC/1.", 10)
    path = tmp_path / "bad.warc"
    path.write_bytes(raw[:second] + b"GARBAGE" + raw[second + 7:])
    arts, fails = _read(path)
    assert [a.title for a in arts] == ["First", "Third"]
    assert len(fails) == 1 and "corrupt WARC record" in fails[0].reason


def test_read_inputs_oversized_article_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("w") as fh:
        for _ in range(2000):
            fh.write(BODY * 20 + "\n")
    arts, fails = _read(path, max_chars=100_000)
    assert arts == [] and "max_article_chars" in fails[0].reason


def test_read_inputs_oversized_record_refused_in_jsonl(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": BODY * 50}) + "\n" + json.dumps({"text": BODY}) + "\n")
    arts, fails = _read(path, max_chars=5_000)
    assert len(arts) == 1 and "max_article_chars" in fails[0].reason


def test_read_inputs_is_lazy(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"text": f"{BODY} Number {i}."}) + "\n" for i in range(50)))
    it = read_inputs([str(path)])
    first = next(it)
    assert isinstance(first, Article) and first.source == f"{path}:1"


@pytest.mark.parametrize("name", ["big.jsonl", "big.jsonl.gz", "big.csv"])
def test_read_inputs_memory_does_not_grow_with_file_size(tmp_path, name):
    import tracemalloc

    path = tmp_path / name
    if name.endswith(".csv"):
        rows = "".join(f'a{i},"{BODY} Number {i}."\n' for i in range(1500))
        data = ("id,text\n" + rows).encode()
    else:
        data = "".join(json.dumps({"id": f"a{i}", "text": f"{BODY} Number {i}."}) + "\n" for i in range(1500)).encode()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    it = read_inputs([str(path)])
    next(it)  # imports and first-use caches happen before measuring
    tracemalloc.start()
    count = 1 + sum(1 for _ in it)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 1500
    assert peak < len(data) / 10, f"peak {peak} bytes while reading {len(data)} bytes"


# ------------------------------------------------------------------ faults: one bad record never stops a file


def _gzip_stream(path: Path, parts: list) -> None:
    """Write a gzip file from parts: bytes, or (byte, count) repeated without holding them in memory."""
    import zlib

    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as fh:
        for part in parts:
            if isinstance(part, tuple):
                chunk = part[0] * (1 << 20)
                for _ in range(part[1] >> 20):
                    fh.write(co.compress(chunk))
            else:
                fh.write(co.compress(part))
        fh.write(co.flush())


@pytest.mark.parametrize(
    ("bad_line", "word"),
    [
        ('{"id": "s", "text": "A lone \\ud800 surrogate. ' + BODY + '"}', "lone surrogate"),
        ('{"id": "s", "title": "Bad \\udfff title", "text": "' + BODY + '"}', "lone surrogate"),
        ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
        ('{"text": ' + "[" * 5_000 + "]" * 5_000 + "}", "nested too deeply"),
    ],
)
def test_read_inputs_poisoned_jsonl_record_fails_alone(tmp_path, bad_line, word):
    path = tmp_path / "poisoned.jsonl"
    path.write_text("\n".join([json.dumps({"id": "g1", "text": BODY}), bad_line,
                               json.dumps({"id": "g2", "text": BODY2})]) + "\n", encoding="utf-8")
    arts, fails = _read(path)
    assert [a.id for a in arts] == ["g1", "g2"]
    assert [f.input for f in fails] == [f"{path}:2"]
    assert word in fails[0].reason


def test_read_inputs_json_array_is_streamed_and_fails_per_element(tmp_path):
    path = tmp_path / "many.json"
    elements = [json.dumps({"id": "g1", "text": BODY}), '{"id": "s", "text": "x \\ud800 y"}', "[" * 100_000 + "]" * 100_000,
                '"just a string"', json.dumps({"id": "g2", "text": BODY2, "note": "a ] and a , in a \" string"})]
    path.write_text("[\n" + ",\n".join(elements) + "\n]\n", encoding="utf-8")
    arts, fails = _read(path)
    assert [a.id for a in arts] == ["g1", "g2"]
    assert [f.input for f in fails] == [f"{path}[1]", f"{path}[2]", f"{path}[3]"]


@pytest.mark.parametrize(
    ("content", "word"),
    [("[" + json.dumps({"text": BODY}) + ', {"text": "cut', "not closed"),
     ("[" + json.dumps({"text": BODY}) + "] trailing", "after the end"),
     ("[" + json.dumps({"text": BODY}) + ",,]", "empty")],
)
def test_read_inputs_damaged_json_array_keeps_good_elements(tmp_path, content, word):
    path = tmp_path / "damaged.json"
    path.write_text(content, encoding="utf-8")
    arts, fails = _read(path)
    assert len(arts) == 1
    assert fails and word in fails[0].reason


@pytest.mark.parametrize("name", ["bomb.jsonl.gz", "bomb.csv.gz", "bomb.rss.gz"])
def test_read_inputs_gzip_bomb_costs_one_record_of_memory(tmp_path, name):
    import tracemalloc

    path = tmp_path / name
    bomb = (b"a", 200 << 20)  # 200 MB of one byte: ~200 KB compressed
    if name.endswith(".jsonl.gz"):
        parts = [json.dumps({"id": "g1", "text": BODY}).encode() + b"\n", b'{"text": "', bomb, b'"}\n',
                 json.dumps({"id": "g2", "text": BODY2}).encode() + b"\n"]
    elif name.endswith(".csv.gz"):
        parts = [b"id,text\n", f'g1,"{BODY}"\n'.encode(), b'big,"', bomb, b'"\n', f'g2,"{BODY2}"\n'.encode()]
    else:
        parts = [b"<?xml version='1.0'?><rss><channel><title>t</title>",
                 f"<item><guid>g1</guid><description>{BODY}</description></item>".encode(),
                 b"<item><description>", bomb, b"</description></item>",
                 f"<item><guid>g2</guid><description>{BODY2}</description></item>".encode(), b"</channel></rss>"]
    _gzip_stream(path, parts)
    assert path.stat().st_size < 2 << 20
    tracemalloc.start()
    arts, fails = _read(path, max_chars=100_000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(arts) == 2 and len(fails) == 1, fails
    assert "above max_article_chars" in fails[0].reason
    assert peak < 20 << 20, f"peak {peak >> 20} MB for a 200 MB record"


@pytest.mark.parametrize("gz", [False, True])
def test_read_inputs_truncated_last_warc_record_is_a_failure(tmp_path, gz):
    raw = _warc([("http://example.org/a", _html("First", BODY)), ("http://example.org/b", _html("Second", BODY2))],
                gz=gz)
    start = raw.rfind(b"WARC/1.") if not gz else raw.rfind(b"\x1f\x8b\x08")  # the image record: drop it
    second = raw.rfind(b"WARC/1.", 0, start) if not gz else raw.rfind(b"\x1f\x8b\x08", 0, start)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(raw[: second + (start - second) // 2])  # the second page, cut in the middle
    arts, fails = _read(path)
    assert [a.title for a in arts] == ["First"]
    assert len(fails) == 1 and "trunc" in fails[0].reason, fails


def test_read_inputs_names_broken_symlinks_and_unreadable_directories(tmp_path, monkeypatch):
    import os

    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(BODY2)
    real_scandir = os.scandir

    def scandir(path="."):  # root reads any directory, so the refusal is simulated
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    arts, fails = _read(tmp_path)
    assert len(arts) == 1
    reasons = {Path(f.input).name: f.reason for f in fails}
    assert "broken symbolic link" in reasons["gone.txt"]
    assert "Permission denied" in reasons["locked"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
@pytest.mark.parametrize("name", ["a.txt", "a.jsonl", "a.csv", "a.json"])
def test_read_inputs_text_with_a_byte_order_mark(tmp_path, encoding, name):
    content = {"a.txt": BODY, "a.jsonl": json.dumps({"id": "u1", "text": BODY}, ensure_ascii=False) + "\n",
               "a.csv": f'id,text\nu1,"{BODY}"\n', "a.json": json.dumps([{"id": "u1", "text": BODY}])}[name]
    data = content.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / name
    path.write_bytes(data)
    arts, fails = _read(path)
    assert fails == []
    assert [a.text for a in arts] == [" ".join(BODY.split())]
