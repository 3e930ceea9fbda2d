"""`redline quotes` and quotes_from_store over a store written from hand-built documents."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.errors import UsageError
from redline.quotes_api import quote_row, quotes_from_store
from redline.records import Article, Document, Entity, Quote
from redline.stages.quotes import quote_id
from redline.store import Store

PESKOV = Entity(entity_text="Peskov", code="RUS", sector="GOV", identifier_text="Dmitry Peskov")
BLINKEN = Entity(entity_text="Blinken", code="USA", sector="GOV", identifier_text="Antony Blinken")


def _doc(aid: str, text: str, day: dt.date, quotes: list[tuple[str, Entity | None]]) -> Document:
    out = []
    for fragment, speaker in quotes:
        start = text.index(fragment)
        end = start + len(fragment)
        out.append(Quote(id=quote_id(aid, start, end, True), article_id=aid, text=fragment, direct=True,
                         speaker=speaker, speaker_text=speaker.entity_text if speaker else None, verb="said",
                         medium=None, sentence=0, start=start, end=end, date=day,
                         reason="" if speaker else "no speech verb or attribution near the quote"))
    art = Article(id=aid, text=text, title=f"title {aid}", published=day)
    return Document(article=art, reference_date=day, quotes=tuple(out))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("quotes") / "q.duckdb"
    docs = [
        _doc("a1", "'This is a red line,' Peskov said.", dt.date(2021, 6, 17), [("This is a red line", PESKOV)]),
        _doc("a2", "'We stand with Kyiv,' Blinken said. 'Enough.'", dt.date(2022, 3, 1),
             [("We stand with Kyiv", BLINKEN), ("Enough.", None)]),
    ]
    with Store(path) as store:
        run = store.begin_run("test", [])
        for d in docs:
            store.write_document(d, run_id=run)
        store.finish_run(run, counts={}, status="ok")
    return str(path)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"This is a red line", "We stand with Kyiv", "Enough."}),
        ({"speaker": "RUS"}, {"This is a red line"}),
        ({"speaker": "peskov"}, {"This is a red line"}),
        ({"speaker": "Antony"}, {"We stand with Kyiv"}),
        ({"since": "2022-01-01"}, {"We stand with Kyiv", "Enough."}),
        ({"until": "2021-12-31"}, {"This is a red line"}),
        ({"contains": "RED LINE"}, {"This is a red line"}),
        ({"speaker": "CHN"}, set()),
    ],
)
def test_quotes_from_store_filters(db, filters, expected):
    assert {r["text"] for r in quotes_from_store(db, **filters)} == expected


@pytest.mark.parametrize(
    ("filters", "message"),
    [({"since": "2021-13-01"}, "since"), ({"since": "2022-01-01", "until": "2021-01-01"}, "after")],
)
def test_quotes_from_store_bad_filters_raise_usage_error(db, filters, message):
    with pytest.raises(UsageError, match=message):
        quotes_from_store(db, **filters)


def test_quote_row_flattens_speaker(db):
    rows = {r["text"]: quote_row(r) for r in quotes_from_store(db)}
    assert (rows["This is a red line"]["speaker_code"], rows["This is a red line"]["speaker"]) == ("RUS", "Dmitry Peskov")
    assert rows["Enough."]["speaker"] is None and rows["Enough."]["reason"]


@pytest.mark.parametrize(
    ("args", "texts"),
    [
        (["--speaker", "Peskov"], ["This is a red line"]),
        (["--contains", "kyiv"], ["We stand with Kyiv"]),
        (["--limit", "1"], ["We stand with Kyiv"]),  # newest first
    ],
)
def test_quotes_command_jsonl(db, args, texts):
    result = CliRunner().invoke(cli, ["quotes", "--db", db, "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in rows] == texts
    assert all("speaker" in r and "article_title" in r for r in rows)


def test_quotes_command_csv_has_header_and_rows(db):
    result = CliRunner().invoke(cli, ["quotes", "--db", db, "--format", "csv"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("date,speaker_code,speaker,verb,direct,text")
    assert len(lines) == 4


def test_quotes_command_help_has_example():
    result = CliRunner().invoke(cli, ["quotes", "--help"])
    assert result.exit_code == 0 and "Example: redline quotes" in result.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--since", "yesterday"], 2, "not a date"),
        (["--db", "/nonexistent/dir/none.duckdb"], 1, "no such file"),
    ],
)
def test_quotes_command_errors_exit_codes(db, args, code, message, monkeypatch, capsys):
    from redline.cli import main

    argv = ["redline", "quotes", *(["--db", db] if "--db" not in args else []), *args]
    monkeypatch.setattr("sys.argv", argv)
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == code
    assert message in capsys.readouterr().err


def test_a_quoted_fragment_of_a_statement_is_shown_once_inside_it(tmp_path):
    text = "Peskov said the plan 'raises our concerns.' 'We are watching,' Peskov said."
    aid, day = "f1", dt.date(2021, 6, 17)

    def quote(fragment, direct):
        start = text.index(fragment)
        return Quote(id=quote_id(aid, start, start + len(fragment), direct), article_id=aid, text=fragment,
                     direct=direct, speaker=PESKOV, speaker_text="Peskov", verb="said", medium=None, sentence=0,
                     start=start, end=start + len(fragment), date=None)

    quotes = (quote("the plan 'raises our concerns.'", False), quote("raises our concerns.", True),
              quote("We are watching", True))
    path = tmp_path / "f.duckdb"
    with Store(path) as store:
        run = store.begin_run("test", [])
        store.write_document(Document(article=Article(id=aid, text=text, title="Kremlin", published=day,
                                                      publisher="Radio Free Europe/Radio Liberty"),
                                      reference_date=day, quotes=quotes), run_id=run)
    rows = quotes_from_store(str(path))
    assert [(r["text"], r["direct"], r.get("fragments")) for r in sorted(rows, key=lambda r: r["start"])] == [
        ("the plan 'raises our concerns.'", "partly", ["raises our concerns."]), ("We are watching", True, None)]
    result = CliRunner().invoke(cli, ["quotes", "--db", str(path), "--format", "csv"])
    lines = list(csv.DictReader(io.StringIO(result.output)))
    assert len(lines) == 2
    assert {r["outlet"] for r in lines} == {"Radio Free Europe/Radio Liberty"}
    assert {r["date"] for r in lines} == {"2021-06-17"}  # the article's date where the quote has none


def test_digest_shows_a_statement_and_its_quoted_fragment_once(tmp_path):
    from redline import analysis

    text = "Peskov said the plan 'raises our concerns.'"
    aid, day = "d1", dt.date(2021, 6, 17)
    spans = [("the plan 'raises our concerns.'", False), ("raises our concerns.", True)]
    quotes = tuple(Quote(id=quote_id(aid, text.index(f), text.index(f) + len(f), d), article_id=aid, text=f,
                         direct=d, speaker=PESKOV, speaker_text="Peskov", verb="said", medium=None, sentence=0,
                         start=text.index(f), end=text.index(f) + len(f), date=day) for f, d in spans)
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        run = store.begin_run("test", [])
        store.write_document(Document(article=Article(id=aid, text=text, published=day), reference_date=day,
                                      quotes=quotes), run_id=run)
    with Store(path, read_only=True) as store:
        md = analysis.render_digest(analysis.digest(store, date=day), "md")
    lines = [ln for ln in md.splitlines() if "concerns" in ln]
    assert len(lines) == 1 and "the plan 'raises our concerns.'" in lines[0]
