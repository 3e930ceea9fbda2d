"""Exports: PLOVER JSONL (+ quotes), GDELT 2.0 (61 columns), CSV and Parquet from a hand-built store."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.errors import UsageError
from redline.exports import FLAT_COLUMNS, GDELT_COLUMNS, export, gdelt_row
from redline.records import Article, Document, Entity, Event, Factuality, Place, Quote, Sentence, TextInfo
from redline.store import Store

RUS = Entity("Vladimir Putin", "RUS", "GOV", "Vladimir Putin", "Q7747", reason="knowledge base")
UKR = Entity("Ukraine", "UKR", None, reason="knowledge base")
NATO = Entity("NATO", "NATO", None, reason="knowledge base: IGO")
KYIV = Place("Kyiv", "UKR", admin1="Kyiv City", lat=50.45, lon=30.52, feature_type="city", precision="city",
             geonameid=703448, text="Kyiv")


def _event(aid: str, n: int, **kw) -> Event:
    base = dict(id=f"{aid}-{n}", article_id=aid, event="ASSAULT", actor=(RUS,), recipient=(UKR,), cameo="1953",
                goldstein=-10.0, quad_code=4, event_scale=-9.0, factuality=Factuality.ASSERTED,
                text="Russian forces shelled Kyiv.", text_info=TextInfo(0, 0, 28, 15, 22), event_text="shelled",
                rule="verb:shell", confidence=0.8, date=dt.date(2021, 6, 16), event_loc=KYIV)
    base.update(kw)
    return Event(**base)


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        run = s.begin_run("test", [])
        art = Article(id="a1", text="Russian forces shelled Kyiv. NATO might warn Russia.", title="Shelling",
                      published=dt.date(2021, 6, 17), url="https://news.example/a1", publisher="Example News")
        events = (_event("a1", 0),
                  _event("a1", 1, event="THREATEN", actor=(NATO,), recipient=(RUS,), cameo="138", quad_code=3,
                         goldstein=-7.0, event_scale=-6.0, factuality=Factuality.POSSIBLE, event_loc=None,
                         text="NATO might warn Russia.", date=dt.date(2021, 6, 17)))
        quote = Quote("q1", "a1", "We will answer.", True, RUS, "Putin", "said", None, 1, 0, 10,
                      date=dt.date(2021, 6, 17))
        s.write_document(Document(article=art, events=events, sentences=(Sentence(0, 0, 0, 28, "x"),),
                                  quotes=(quote,), tone=-5.5), run_id=run)
    return path


def test_gdelt_columns_are_the_61_of_gdelt_2_in_order():
    assert len(GDELT_COLUMNS) == 61
    assert len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:6] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code")
    assert GDELT_COLUMNS[15] == "Actor2Code"
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


@pytest.mark.parametrize("column, expected", [
    ("Day", "20210616"),
    ("MonthYear", "202106"),
    ("Year", 2021),
    ("Actor1Code", "RUSGOV"),
    ("Actor1Name", "VLADIMIR PUTIN"),
    ("Actor1CountryCode", "RUS"),
    ("Actor1KnownGroupCode", ""),
    ("Actor1Type1Code", "GOV"),
    ("Actor2Code", "UKR"),
    ("Actor2CountryCode", "UKR"),
    ("IsRootEvent", 1),
    ("EventCode", "1953"),
    ("EventBaseCode", "195"),
    ("EventRootCode", "19"),
    ("QuadClass", 4),
    ("GoldsteinScale", -10.0),
    ("NumMentions", 1),
    ("NumSources", 1),
    ("NumArticles", 1),
    ("AvgTone", -5.5),
    ("Actor1Geo_Type", 0),
    ("ActionGeo_Type", 4),
    ("ActionGeo_FullName", "Kyiv, Kyiv City, Ukraine"),
    ("ActionGeo_CountryCode", "UP"),
    ("ActionGeo_Lat", 50.45),
    ("ActionGeo_Long", 30.52),
    ("ActionGeo_FeatureID", 703448),
    ("SOURCEURL", "https://news.example/a1"),
])
def test_gdelt_row_maps_our_fields(db, column, expected):
    with Store(db, read_only=True) as s:
        [row] = list(s.iter_event_rows())
    values = dict(zip(GDELT_COLUMNS, gdelt_row(row), strict=True))
    assert values[column] == expected


def test_gdelt_row_puts_an_igo_in_known_group_code(db):
    with Store(db, read_only=True) as s:
        [row] = list(s.iter_event_rows(factuality="possible"))
    values = dict(zip(GDELT_COLUMNS, gdelt_row(row), strict=True))
    assert (values["Actor1Code"], values["Actor1CountryCode"], values["Actor1KnownGroupCode"]) == ("NATO", "", "NATO")
    assert values["ActionGeo_Type"] == 0 and values["ActionGeo_FullName"] == ""
    assert len(values["DATEADDED"]) == 14 and values["DATEADDED"].isdigit()


@pytest.mark.parametrize("fmt, filters, expected", [
    ("plover", {}, 1),
    ("plover", {"factuality": None}, 2),
    ("gdelt", {"factuality": None}, 2),
    ("csv", {}, 1),
    ("csv", {"actor": "NATO", "factuality": None}, 1),
    ("parquet", {"factuality": None}, 2),
    ("parquet", {"actor": "CHN"}, 0),
])
def test_export_writes_every_matching_event(db, tmp_path, fmt, filters, expected):
    out = tmp_path / f"out.{fmt}"
    with Store(db, read_only=True) as s:
        report = export(s, fmt, out, filters=filters)
    assert report.events == expected
    if fmt == "plover":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "gdelt":
        rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
        assert all(len(r) == 61 for r in rows)
    elif fmt == "csv":
        with open(out, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert all(list(r) == [c for c, _ in FLAT_COLUMNS] for r in rows)
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.column_names == [c for c, _ in FLAT_COLUMNS]
        rows = table.to_pylist()
    assert len(rows) == expected
    assert not (tmp_path / f"out.{fmt}.part").exists()


def test_export_plover_records_validate_and_quotes_go_alongside(db, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from redline.plover import event_schema

    out = tmp_path / "events.jsonl"
    with Store(db, read_only=True) as s:
        report = export(s, "plover", out, filters={"factuality": None})
    for line in out.read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), event_schema())
    assert report.quotes_path == f"{out}.quotes.jsonl"
    quotes = [json.loads(line) for line in open(report.quotes_path, encoding="utf-8")]
    assert [q["text"] for q in quotes] == ["We will answer."]


def test_export_parquet_keeps_types(db, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    with Store(db, read_only=True) as s:
        export(s, "parquet", out)
    [row] = pq.read_table(out).to_pylist()
    assert (row["date"], row["num_mentions"], row["place_lat"], row["actor_codes"]) == (
        dt.date(2021, 6, 16), 1, 50.45, "RUS")


@pytest.mark.parametrize("fmt, out, message", [
    ("xml", "e.xml", "format"),
    ("csv", "missing-dir/e.csv", "does not exist"),
    ("csv", ".", "directory"),
])
def test_export_bad_target_raises_usage_error(db, tmp_path, fmt, out, message):
    with Store(db, read_only=True) as s, pytest.raises(UsageError, match=message):
        export(s, fmt, tmp_path / out)


def test_export_cli_writes_file(db, tmp_path):
    out = tmp_path / "g.tsv"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out), "--all"])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert "wrote 2 events" in result.output


@pytest.mark.parametrize("fmt, first", [("plover", '{"id": '), ("gdelt", None), ("csv", "event_id,date,enddate")])
def test_export_cli_dash_writes_to_standard_output(db, tmp_path, monkeypatch, fmt, first):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt, "-o", "-", "--all"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == (3 if fmt == "csv" else 2)
    if first:
        assert lines[0].startswith(first)
    else:
        assert len(lines[0].split("\t")) == 61
    assert "wrote 2 events to standard output" in result.stderr
    assert not (tmp_path / "-").exists() and not list(tmp_path.glob("*.quotes.jsonl"))


def test_export_cli_parquet_to_standard_output_is_parquet(db, tmp_path, monkeypatch):
    import io

    import pyarrow.parquet as pq

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "parquet", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes[:4] == b"PAR1"
    assert pq.read_table(io.BytesIO(result.stdout_bytes)).num_rows == 1
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("fmt, name, message", [
    ("parquet", "x.jsonl", "'x.jsonl' names a plover file but --format parquet writes parquet; name it 'x.parquet'"),
    ("csv", "x.parquet", "names a parquet file"),
    ("plover", "x.tsv", "names a gdelt file"),
])
def test_export_refuses_a_file_name_of_another_format(db, tmp_path, fmt, name, message):
    with Store(db, read_only=True) as s, pytest.raises(UsageError) as err:
        export(s, fmt, tmp_path / name)
    assert message.replace("'x.", f"'{tmp_path}/x.", 1) in str(err.value)
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name, fmt", [("e.jsonl", "plover"), ("e.tsv", "gdelt"), ("e.csv", "csv"),
                                       ("e.parquet", "parquet"), ("E.CSV", "csv")])
def test_export_cli_takes_the_format_from_the_file_name(db, tmp_path, name, fmt):
    from redline.exports import format_for_path

    assert format_for_path(name) == fmt
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).exists()


def test_export_cli_without_format_or_telling_name_is_a_usage_error(db, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(tmp_path / "events.out")])
    assert result.exit_code != 0
    assert "cannot tell the format" in str(result.exception or result.output)


def test_export_gdelt_accepts_gdelts_own_csv_name(db, tmp_path):
    with Store(db, read_only=True) as s:
        report = export(s, "gdelt", tmp_path / "20210617.export.CSV")
    assert report.events == 1
