"""`redline quotes`: who said what, from the store. A thin skin over redline.quotes_api."""

from __future__ import annotations

import click

from ..quotes_api import quote_row, quotes_from_store
from .options import db_option, settings
from .output import emit, format_option

TABLE_COLUMNS = ("date", "speaker_code", "speaker", "verb", "direct", "text", "medium", "tone", "outlet", "article")
CSV_COLUMNS = TABLE_COLUMNS + ("reason", "id")


@click.command("quotes")
@db_option
@click.option("--speaker", help="Actor code (RUS) or part of the speaker's name (Peskov).")
@click.option("--since", help="First quote date, YYYY-MM-DD.")
@click.option("--until", help="Last quote date, YYYY-MM-DD.")
@click.option("--contains", help="Text the quote must contain (case-insensitive).")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="Most quotes to show.")
@format_option(default="table", choices=("table", "jsonl", "json", "csv"))
def quotes_cmd(db, speaker, since, until, contains, limit, fmt):
    """Quotes and statements with their speakers, outlet and date, newest first.

    A quoted fragment of a reported statement is shown inside that statement (direct: partly), not twice.

    Example: redline quotes --db news.duckdb --speaker Peskov --since 2021-06-01 --contains "red line"
    """
    rows = quotes_from_store(settings(db=db)["db"], speaker=speaker, since=since, until=until, contains=contains, limit=limit)
    if fmt == "table":
        emit([quote_row(r) for r in rows], fmt, columns=TABLE_COLUMNS, title=f"{len(rows)} quote(s)")
    elif fmt == "csv":
        emit([quote_row(r) for r in rows], fmt, columns=CSV_COLUMNS)
    else:
        emit(rows, fmt)


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(quotes_cmd)
