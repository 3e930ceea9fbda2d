"""The one output formatter: tables round floats for reading and show text as written; csv/json keep digits."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from redline.cli.output import emit, shown


@pytest.mark.parametrize("value, text", [
    (0.80123456, "0.801"), (-0.4567, "-0.457"), (12.3456, "12.35"), (-9.75, "-9.75"), (2431.456, "2431.5"),
    (1.0, "1.00"), (3, "3"), (None, ""), ("0.12345", "0.12345"), (float("nan"), "nan"),
    (dt.datetime(2026, 12, 5, 13, 57, 4, 39370), "2026-12-05 13:57:04"), ([0.12345, 1.5], "0.123;1.50"),
])
def test_shown_rounds_floats_for_tables(value, text):
    assert shown(value) == text


def _capture(fmt, rows, columns):
    import click

    @click.command()
    def cmd():
        emit(rows, fmt, columns=columns)

    return CliRunner().invoke(cmd, [], env={"COLUMNS": "200"}).output


def test_table_rounds_but_csv_and_json_keep_every_digit():
    rows = [{"ratio": 0.87312345, "text": "Peskov said [sic] it was a [bold]red line[/bold]."}]
    table = _capture("table", rows, ("ratio", "text"))
    assert "0.873" in table and "0.8731" not in table
    assert "[sic]" in table and "[bold]red line[/bold]" in table  # text is never read as markup
    assert "0.87312345" in _capture("csv", rows, ("ratio", "text"))
    assert json.loads(_capture("json", rows, None))[0]["ratio"] == 0.87312345
