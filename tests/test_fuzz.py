"""Fuzz: every reader and the HTTP API driven by random and mutated inputs built from the corpora.

A seeded generator (no extra dependency): the same seed gives the same cases, and a failing case prints its
seed and number so it can be replayed alone. Checks, case by case:

- readers + ingest: no exception; every good record comes out as an Article and is stored; every bad record
  is a Failure that names the file; a randomly damaged file gives only Articles and named Failures;
- HTTP API: no 5xx, strict JSON in the pinned envelope, and every article a 200 from POST /ingest stored.

The suite runs a few hundred cases; `REDLINE_FUZZ_CASES=10000 pytest tests/test_fuzz.py` runs more (the
count is shared between readers and API), `REDLINE_FUZZ_SEED=N` another sequence. Texts come from the
bundled sample articles and, when ../shared is present, from its corpora.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import html
import io
import json
import os
import random
import urllib.parse
from pathlib import Path

import pytest

from redline.ingest import ingest
from redline.pipeline import Context, Pipeline, stage
from redline.readers import read_inputs
from redline.records import Article, Document, Failure
from redline.store import Store

CASES = int(os.environ.get("REDLINE_FUZZ_CASES", "300"))
SEED = int(os.environ.get("REDLINE_FUZZ_SEED", "20261205"))
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
SMALL = 20_000  # max_article_chars of the cases that test the size limits cheaply


# -- the corpus of good texts ----------------------------------------------------------------------------

def _corpus() -> list[str]:
    from redline.readers import article_from_record
    from redline.samples import sample_paths

    texts = [p.read_text(encoding="utf-8") for p in sample_paths()]
    for name in ("ru-ua", "allsides-intl"):
        path = SHARED / name / "articles.jsonl"
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh):
                    if n >= 150:
                        break
                    texts.append(json.loads(line)["text"])
    good = []
    for t in texts:
        try:
            article_from_record({"text": t}, where="corpus")
        except ValueError:
            continue  # a corpus text the readers refuse on its own is no "good record"
        good.append(t)
    return good


CORPUS = _corpus()


def _pseudo_language(rng: random.Random, words: int = 60) -> str:
    """Text in no language: syllables only, so the English check must refuse it."""
    syl = ["ka", "lo", "mi", "ten", "su", "ra", "vo", "dze", "pla", "nu", "osh", "ri"]
    return " ".join("".join(rng.choice(syl) for _ in range(rng.randint(2, 4))) for _ in range(words)) + "."


# -- records: good and bad, per format ---------------------------------------------------------------------

@dataclasses.dataclass
class Case:
    name: str
    data: bytes
    good: list[str]  # markers: each must be in the text of one Article
    bad: int  # records that must each give one Failure
    max_chars: int
    chaos: bool = False


def _good_text(rng: random.Random, marker: str, max_chars: int) -> str:
    texts = [t for t in CORPUS if len(t) < max_chars // 2] or CORPUS[:1]
    text = rng.choice(texts).strip()
    return f"{text}\n\nThe archive note {marker} was filed with this report."


def _html_page(title: str, text: str) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (f"<html><head><title>{html.escape(title)}</title></head><body><nav>Home | World</nav><article>"
            f"<h1>{html.escape(title)}</h1>{paras}</article><footer>Contact</footer></body></html>")


def _json_record(rng: random.Random, kind: str, marker: str, max_chars: int) -> str:
    text = _good_text(rng, marker, max_chars)
    if kind == "good":
        rec = {"id": marker, "text": text}
        if rng.random() < 0.5:
            rec["title"] = f"Title {marker}"
        if rng.random() < 0.5:
            rec["date"] = rng.choice(["2021-06-17", "2014-03-01T10:00:00Z", "Tue, 05 Mar 2024 10:00:00 GMT"])
        return json.dumps(rec, ensure_ascii=rng.random() < 0.5)
    if kind == "surrogate":
        rec = json.dumps({"id": marker, "text": text})
        at = rec.index('"text": "') + 9  # at the start of the string: never inside another escape
        rng.randint(0, 50)  # (drawn as before, so the cases of a seed stay the same)
        return rec[:at] + rng.choice(["\\ud800", "\\udfff", "\\udbff"]) + rec[at:]
    if kind == "deep":
        d = rng.choice([1200, 5000, 50_000])
        return "[" * d + "]" * d if rng.random() < 0.5 else '{"text": ' + "[" * d + "]" * d + "}"
    if kind == "syntax":
        return rng.choice(['{"text" "no colon"}', '{"text": tru}', '{"text": "x",,}', '{"a": 1 "b": 2}'])
    if kind == "wrong_type":
        return json.dumps(rng.choice([{"text": 42}, {"text": text, "title": 5}, {"text": text, "id": True},
                                      {"text": ["a"]}, {"text": text, "date": 20210617}]))
    if kind == "missing":
        return json.dumps({"id": marker, "body": text})
    if kind == "empty":
        return json.dumps({"id": marker, "text": rng.choice(["", "   ", "\n\n"])})
    if kind == "bad_date":
        return json.dumps({"id": marker, "text": text, "date": rng.choice(["someday", "2021-13-45", "yesterday"])})
    if kind == "foreign":
        return json.dumps({"id": marker, "text": _pseudo_language(rng)})
    if kind == "boilerplate":
        return json.dumps({"id": marker, "text": "Copyright 2021 Example Wire. All rights reserved."})
    if kind == "too_long":
        return json.dumps({"id": marker, "text": "word " * (max_chars // 5 + 10)})
    if kind == "not_object":
        return rng.choice(['"a string"', "42", "null", "[1, 2]", "true"])
    raise AssertionError(kind)


_JSON_BAD = ["surrogate", "deep", "syntax", "wrong_type", "missing", "empty", "bad_date", "foreign", "boilerplate",
             "not_object"]


def _jsonl_case(rng, n, max_chars, name) -> Case:
    lines, good, bad = [], [], 0
    for i in range(rng.randint(1, 6)):
        marker = f"fz{n}r{i}"
        kinds = _JSON_BAD + (["too_long"] if max_chars == SMALL else []) + ["bad_utf8", "huge_line"] * (max_chars == SMALL)
        kind = "good" if rng.random() < 0.6 else rng.choice(kinds)
        if kind == "bad_utf8":
            lines.append(json.dumps({"text": "abc"}).encode()[:10] + b"\xff\xfe" + b'"}')
        elif kind == "huge_line":
            lines.append(b'{"text": "' + b"a" * (max_chars * 4 + 10_000) + b'"}')
        else:
            lines.append(_json_record(rng, kind, marker, max_chars).encode("utf-8", "surrogatepass"))
        if kind == "good":
            good.append(marker)
        else:
            bad += 1
        if rng.random() < 0.2:
            lines.append(b"")  # a blank line is no record
    sep = b"\r\n" if rng.random() < 0.2 else b"\n"
    return Case(name, sep.join(lines) + sep, good, bad, max_chars)


def _json_array_case(rng, n, max_chars, name) -> Case:
    elements, good, bad = [], [], 0
    kinds = [k for k in _JSON_BAD if k != "syntax"] + (["too_long"] if max_chars == SMALL else [])
    for i in range(rng.randint(1, 6)):
        marker = f"fz{n}r{i}"
        kind = "good" if rng.random() < 0.6 else rng.choice(kinds)
        elements.append(_json_record(rng, kind, marker, max_chars))
        if kind == "good":
            good.append(marker)
        else:
            bad += 1
    joiner = rng.choice([",", ",\n", " , "])
    return Case(name, ("[" + joiner.join(elements) + "]").encode("utf-8", "surrogatepass"), good, bad, max_chars)


def _csv_case(rng, n, max_chars, name, delimiter) -> Case:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(["id", "title", "text"])
    good, bad = [], 0
    for i in range(rng.randint(1, 6)):
        marker = f"fz{n}r{i}"
        kind = "good" if rng.random() < 0.6 else rng.choice(["empty", "foreign", "fields", "boilerplate"]
                                                             + ["too_long"] * (max_chars == SMALL))
        if kind == "good":
            w.writerow([marker, f"Title {marker}", _good_text(rng, marker, max_chars)])
            good.append(marker)
            continue
        bad += 1
        if kind == "empty":
            w.writerow([marker, "t", ""])
        elif kind == "foreign":
            w.writerow([marker, "t", _pseudo_language(rng)])
        elif kind == "fields":
            w.writerow([marker, "t", "Some text here.", "one field too many"])
        elif kind == "boilerplate":
            w.writerow([marker, "t", "Copyright 2021 Example Wire. All rights reserved."])
        else:
            w.writerow([marker, "t", "word " * (max_chars // 5 + 10)])
    return Case(name, buf.getvalue().encode("utf-8"), good, bad, max_chars)


def _feed_case(rng, n, max_chars, name, atom: bool) -> Case:
    items, good, bad = [], [], 0
    for i in range(rng.randint(1, 6)):
        marker = f"fz{n}r{i}"
        kind = "good" if rng.random() < 0.6 else rng.choice(["nobody", "foreign", "empty"]
                                                             + ["too_long", "huge"] * (max_chars == SMALL))
        body = {"good": lambda m=marker: _good_text(rng, m, max_chars), "foreign": lambda: _pseudo_language(rng),
                "too_long": lambda: "word " * (max_chars // 5 + 10), "huge": lambda: "a" * (max_chars * 4 + 8192),
                "empty": lambda: "", "nobody": lambda: None}[kind]()
        content = "" if body is None else html.escape("".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
                                                      or "<p></p>")
        if atom:
            tag = "" if body is None else f'<content type="html">{content}</content>'
            items.append(f"<entry><title>T {marker}</title><id>{marker}</id>{tag}</entry>")
        else:
            tag = "" if body is None else f"<description>{content}</description>"
            items.append(f"<item><title>T {marker}</title><guid>{marker}</guid>{tag}</item>")
        if kind == "good":
            good.append(marker)
        else:
            bad += 1
    if atom:
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{"".join(items)}</feed>'
    else:
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{"".join(items)}</channel></rss>'
    return Case(name, doc.encode("utf-8"), good, bad, max_chars)


def _warc_case(rng, n, max_chars, name, gz: bool) -> Case:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    good, bad = [], 0
    for i in range(rng.randint(1, 5)):
        marker = f"fz{n}r{i}"
        kind = "good" if rng.random() < 0.6 else rng.choice(["nav", "foreign", "image", "404"])
        if kind == "image":
            headers, payload = [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n" + os.urandom(50)
        elif kind == "404":
            headers, payload = [("Content-Type", "text/html")], b"<html><body>Not found</body></html>"
        else:
            page = {"good": lambda m=marker: _html_page(f"T {m}", _good_text(rng, m, max_chars)),
                    "nav": lambda: "<html><body><nav>Home | About | Contact</nav></body></html>",
                    "foreign": lambda: _html_page("T", _pseudo_language(rng, 80))}[kind]()
            headers, payload = [("Content-Type", "text/html; charset=utf-8")], page.encode()
        status = "404 Not Found" if kind == "404" else "200 OK"
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"http://example.org/{marker}", "response",
                                                      payload=io.BytesIO(payload), http_headers=http))
        if kind == "good":
            good.append(marker)
        elif kind in ("nav", "foreign"):
            bad += 1  # images and 404 pages are no articles: neither read nor failed
    return Case(name, buf.getvalue(), good, bad, max_chars)


def _single_case(rng, n, max_chars, name, as_html: bool) -> Case:
    marker = f"fz{n}r0"
    kinds = ["empty", "binary", "bad_utf8", "foreign"] + (["boilerplate"] if not as_html else ["nav"]) \
        + ["too_long"] * (max_chars == SMALL)
    kind = "good" if rng.random() < 0.6 else rng.choice(kinds)
    if kind == "good":
        text = _good_text(rng, marker, max_chars)
        raw = _html_page(f"T {marker}", text) if as_html else text
        encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-32"])
        if rng.random() < 0.2:
            raw = raw.replace("\n", "\r\n")
        return Case(name, raw.encode(encoding), [marker], 0, max_chars)
    data = {"empty": b"", "binary": b"\x00\x01\x02PNG" * 30, "bad_utf8": b"Caf\xe9 society news " * 10,
            "foreign": (_html_page("T", _pseudo_language(rng, 80)) if as_html else _pseudo_language(rng)).encode(),
            "boilerplate": b"Copyright 2021 Example Wire. All rights reserved.\n",
            "nav": b"<html><body><nav>Home | About | Contact</nav></body></html>",
            "too_long": ("word " * (max_chars + 10)).encode()}[kind]
    return Case(name, data, [], 1, max_chars)


FORMATS = ["txt", "html", "jsonl", "json", "csv", "tsv", "rss", "atom", "warc", "warc.gz"]


def make_case(rng: random.Random, n: int) -> Case:
    fmt = rng.choice(FORMATS)
    max_chars = SMALL if rng.random() < 0.3 else 1_000_000
    gz = fmt != "warc.gz" and fmt != "warc" and rng.random() < 0.25
    name = f"case{n}.{fmt}" + (".gz" if gz else "")
    case = {
        "txt": lambda: _single_case(rng, n, max_chars, name, False),
        "html": lambda: _single_case(rng, n, max_chars, name, True),
        "jsonl": lambda: _jsonl_case(rng, n, max_chars, name),
        "json": lambda: _json_array_case(rng, n, max_chars, name),
        "csv": lambda: _csv_case(rng, n, max_chars, name, ","),
        "tsv": lambda: _csv_case(rng, n, max_chars, name, "\t"),
        "rss": lambda: _feed_case(rng, n, max_chars, name, False),
        "atom": lambda: _feed_case(rng, n, max_chars, name, True),
        "warc": lambda: _warc_case(rng, n, max_chars, name, False),
        "warc.gz": lambda: _warc_case(rng, n, max_chars, name, True),
    }[fmt]()
    if rng.random() < 0.2:
        case = dataclasses.replace(case, data=_mutate(rng, case.data), chaos=True)
    if gz:
        case = dataclasses.replace(case, data=gzip.compress(case.data, compresslevel=1))
        if rng.random() < 0.1:
            case = dataclasses.replace(case, data=case.data[: rng.randint(10, len(case.data))], chaos=True)
    return case


def _mutate(rng: random.Random, data: bytes) -> bytes:
    """Damage bytes the way disks, networks and crawlers do: flips, cuts, inserts, repeats, swaps."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["flip", "cut", "insert", "repeat", "delete", "nul"])
        if not b:
            b = bytearray(os.urandom(rng.randint(1, 64)))
        at = rng.randrange(len(b))
        if op == "flip":
            for _ in range(rng.randint(1, 8)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif op == "cut":
            del b[at:]
        elif op == "insert":
            b[at:at] = rng.choice([os.urandom(rng.randint(1, 40)), "\ud800".encode("utf-8", "surrogatepass"),
                                   b"[" * 3000, "ü€🙂".encode(), b"\xff\xfe", b"</item>", b"WARC/1.0\r\n"])
        elif op == "repeat":
            b[at:at] = b[at: at + rng.randint(1, 400)] * rng.randint(2, 5)
        elif op == "delete":
            del b[at: at + rng.randint(1, 200)]
        else:
            b[at:at] = b"\x00" * rng.randint(1, 10)
    return bytes(b)


# -- the stand-in pipeline: one event per article, so the store writes events too ---------------------------

@stage("fuzz-coding", provides=("sentences", "events"))
def code_one_event(doc: Document, ctx: Context) -> Document:
    from redline.web.sample import with_one_event

    return with_one_event(doc, day=doc.article.published, kind="CONSULT")


@pytest.fixture()
def fuzz_store(tmp_path):
    """One store per block of cases: it grows with the block, never with the whole run."""
    with Store(tmp_path / "fuzz.duckdb") as store:
        yield store


@pytest.mark.parametrize("block", range(max(1, CASES // 2 // 50)))
def test_fuzz_readers_and_ingest(block, tmp_path, fuzz_store):
    """50 generated files per block: read, then ingested into the block's store."""
    pipe = Pipeline(Context(), stages=[code_one_event.stage])
    for n in range(block * 50, block * 50 + 50):
        rng = random.Random(SEED * 1_000_003 + n)
        case = make_case(rng, n)
        path = tmp_path / case.name
        path.write_bytes(case.data)
        where = f"fuzz case {n} (seed {SEED}): {case.name}, chaos={case.chaos}"
        items = list(read_inputs([str(path)], max_chars=case.max_chars))
        arts = [i for i in items if isinstance(i, Article)]
        fails = [i for i in items if isinstance(i, Failure)]
        assert all(isinstance(i, Article | Failure) for i in items), where
        for f in fails:
            assert f.input.startswith(str(path)) and f.stage == "read" and f.reason.strip(), (where, f)
        if not case.chaos:
            found = {m for m in case.good for a in arts if m in a.text}
            assert found == set(case.good), (where, sorted(set(case.good) - found), fails)
            assert len(arts) == len(case.good), (where, [a.id for a in arts])
            assert len(fails) == case.bad, (where, [(f.input, f.reason) for f in fails])
        report = ingest([str(path)], store=fuzz_store, pipeline=pipe, settings={"max_article_chars": case.max_chars})
        assert report.failed == len(fails), (where, report.failures)
        missing = [a.id for a in arts if not fuzz_store.has_article(a.id)]
        assert missing == [], (where, missing)
        path.unlink()


# -- the HTTP API ------------------------------------------------------------------------------------------

_NASTY = ["", " ", "-1", "0", "1", "2147483648", str(2**63), str(2**63 - 1), str(2**64), "1e309", "-1e309", "inf",
          "-inf", "nan", "NaN", "1.5", "true", "null", "[]", "{}", "0001-01-01", "9999-12-31", "2014-02-30",
          "2014-13-01", "10000-01-01", "2014-1-1", "'; DROP TABLE events; --", "%", "_", "\\", "é", "🙂", "a" * 3000,
          "../../etc/passwd", "<script>alert(1)</script>", "RUS,UKR", "all", "asserted,negated", "\ud800x",
          "\x00", "１２"]
_TYPICAL = {
    "actor": ["RUS", "ukr", "USA", "NATO", "XXX"], "recipient": ["UKR", "RUS", "usa"],
    "event": ["ASSAULT", "consult", "SANCTION", "PROTEST", "FIGHT"],
    "since": ["2014-01-01", "2014-03-01", "2013-06-01"], "until": ["2014-12-31", "2014-03-05", "2015-01-01"],
    "factuality": ["asserted", "all", "possible", "negated,asserted"], "limit": ["1", "3", "50", "500", "501"],
    "offset": ["0", "2", "1000"], "speaker": ["Putin", "RUS", "Lavrov"], "contains": ["red line", "gas"],
    "by": ["day", "week", "month", "year", "decade"], "both": ["true", "false", "1", "maybe"],
    "baseline": ["1", "6", "100", "1000000"], "min_events": ["1", "3", "99999999"],
    "min_rise": ["0", "0.2", "1", "1.5"], "z": ["0", "2", "2.5", "100"], "date": ["2014-03-06", "2014-01-10"],
    "days": ["1", "7", "31", "32"], "format": ["md", "html", "json", "pdf"], "article": ["b1", "b2", "zz"],
}
ENDPOINTS = {
    "/events": ["actor", "recipient", "event", "since", "until", "factuality", "article", "limit", "offset"],
    "/events/{id}": [], "/articles/{id}": [], "/actors": ["limit"],
    "/quotes": ["speaker", "since", "until", "contains", "limit"],
    "/dyads": ["since", "until", "factuality", "limit"],
    "/timeline": ["actor", "recipient", "by", "since", "until", "factuality", "both"],
    "/alerts": ["since", "until", "factuality", "by", "baseline", "min_events", "min_rise", "z"],
    "/network": ["since", "until", "factuality", "limit"],
    "/locations": ["actor", "recipient", "since", "until", "factuality", "limit"],
    "/digest": ["date", "days", "format"], "/stats": [], "/": [],
}


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    import datetime as dt

    from fastapi.testclient import TestClient

    from redline.web.app import create_app
    from redline.web.sample import documents, make_document, write_documents

    d = dt.date
    path = tmp_path_factory.mktemp("fuzzapi") / "api.duckdb"
    docs = [make_document("b1", d(2014, 1, 10), [
                (d(2014, 1, 5), "CONSULT", "RUS", "UKR", "Russia met Ukraine in Moscow.", "met"),
                (d(2014, 1, 8), "SANCTION", "USA", "RUS", "The United States sanctioned Russia.", "sanctioned")]),
            make_document("b2", d(2014, 3, 6), [
                (d(2014, 3, 2), "ASSAULT", "RUS", "UKR", "Russia shelled Ukraine near Kyiv.", "shelled", "asserted",
                 ("Kyiv", "UKR", 50.45, 30.52)),
                (d(2014, 3, 4), "ACCUSE", "UKR", "RUS", "Ukraine said Russia had crossed a red line.", "said")]),
            *documents(30, events_per_article=6)]
    write_documents(path, docs)

    class Stand:
        def run(self, articles):
            return [code_one_event(Document(article=a), None) for a in articles]

    app = create_app(path, token="fuzz-token", settings={"body_limit_bytes": 200_000}, pipeline=Stand())
    with TestClient(app, base_url="http://127.0.0.1") as client:
        store = app.state.store
        ids = {"event": [r["id"] for r in store.sql("SELECT id FROM events LIMIT 40")],
               "article": [r["id"] for r in store.sql("SELECT id FROM articles LIMIT 40")]}
        yield client, ids


def _value(rng: random.Random, name: str) -> str:
    if rng.random() < 0.7 and name in _TYPICAL:
        return rng.choice(_TYPICAL[name])
    return rng.choice(_NASTY) if rng.random() < 0.8 else "".join(chr(rng.randint(32, 0x2FF)) for _ in range(8))


def _get_case(rng: random.Random, ids: dict) -> str:
    route = rng.choice(list(ENDPOINTS))
    path = route
    if "{id}" in route:
        kind = "event" if route.startswith("/events") else "article"
        raw = rng.choice(ids[kind]) if rng.random() < 0.5 else _value(rng, "id")
        path = route.replace("{id}", urllib.parse.quote(raw, safe="", errors="surrogatepass"))
    params = [(n, _value(rng, n)) for n in ENDPOINTS[route] if rng.random() < 0.5]
    if rng.random() < 0.1 and params:
        params.append((params[0][0], _value(rng, params[0][0])))  # repeated
    if rng.random() < 0.1:
        params.append((rng.choice(["actr", "lmit", "x", "", "a" * 300]), "1"))  # unknown
    if route == "/digest" and rng.random() < 0.8 and not any(n == "date" for n, _ in params):
        params.append(("date", _value(rng, "date")))
    query = urllib.parse.urlencode(params, errors="surrogatepass") if params else ""
    return path + ("?" + query if query else "")


def _ingest_case(rng: random.Random) -> tuple[bytes, dict]:
    headers = {"Authorization": rng.choice(["Bearer fuzz-token"] * 8 + ["Bearer nope", "fuzz-token", ""])}
    text = rng.choice(CORPUS)[: rng.randint(50, 6000)]
    if rng.random() < 0.4:
        text = _mutate(rng, text.encode()).decode("utf-8", "replace")
    roll = rng.random()
    if roll < 0.5:
        body: dict = {"text": text}
        for name in rng.sample(["title", "published", "date", "url", "id", "source", "publisher", "junk"],
                               rng.randint(0, 4)):
            body[name] = rng.choice([text[:30], 42, 1.5, True, None, [1], {"a": 1}, "2021-06-17", "yesterday", "",
                                     "x" * 3000, "\ud800"])
        data = json.dumps(body).encode("utf-8", "surrogatepass")
        headers["Content-Type"] = "application/json"
    elif roll < 0.6:
        data = ("[" * rng.choice([100, 3000, 60_000])).encode()
        headers["Content-Type"] = "application/json"
    elif roll < 0.9:
        data = text.encode("utf-8", "surrogatepass")
        headers["Content-Type"] = rng.choice(["text/plain", "", "application/octet-stream"])
    else:
        data = os.urandom(rng.randint(0, 3000)) if rng.random() < 0.7 else b"x" * 250_000
        headers["Content-Type"] = rng.choice(["application/json", "text/plain"])
    return data, headers


def _check_envelope(resp, where: str) -> dict | None:
    assert resp.status_code < 500, (where, resp.status_code, resp.text[:500])
    if "json" not in resp.headers.get("content-type", ""):
        return None
    body = json.loads(resp.text, parse_constant=lambda c: pytest.fail(f"{where}: non-JSON constant {c}"))
    if resp.status_code == 200:
        assert body["ok"] is True and "data" in body and "meta" in body, where
    else:
        assert body["ok"] is False and isinstance(body["error"], str) and body["status"] == resp.status_code, where
    return body


@pytest.mark.parametrize("block", range(max(1, CASES // 2 // 50)))
def test_fuzz_http_api(block, api):
    client, ids = api
    for n in range(block * 50, block * 50 + 50):
        rng = random.Random(SEED * 7_000_003 + n)
        if rng.random() < 0.75:
            url = _get_case(rng, ids)
            _check_envelope(client.get(url), f"fuzz API case {n} (seed {SEED}): GET {url[:300]}")
            continue
        data, headers = _ingest_case(rng)
        where = f"fuzz API case {n} (seed {SEED}): POST /ingest {data[:120]!r} {headers}"
        body = _check_envelope(client.post("/ingest", content=data, headers=headers), where)
        if body and body["ok"]:
            art = client.get("/articles/" + urllib.parse.quote(body["data"]["article_id"], safe=""))
            assert art.status_code == 200, (where, art.text[:300])
