"""One output formatter shared by every command: table, json, jsonl, csv."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

import click

from ..precision import date_text

FORMATS = ("table", "jsonl", "json", "csv")


def format_option(default: str = "table", choices: Sequence[str] = FORMATS):
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="Output format.")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ";".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def shown(v: Any) -> str:
    """A table cell: as _cell, with floats rounded for reading (csv and json keep every digit).

    Three decimals below 1 (shares, F1), two up to 100 (scores, seconds), one above (rates, megabytes).
    """
    if isinstance(v, float) and not isinstance(v, bool):
        if v != v or v in (float("inf"), float("-inf")):
            return str(v)
        digits = 3 if abs(v) < 1 else 2 if abs(v) < 100 else 1
        return f"{v:.{digits}f}"
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ", timespec="seconds")
    if isinstance(v, (list, tuple)):
        return ";".join(shown(x) for x in v)
    return _cell(v)


def emit(rows: Iterable[dict], fmt: str, *, columns: Sequence[str] | None = None, title: str | None = None) -> int:
    """Write rows in the chosen format to stdout; return how many were written.

    columns: which keys the table and csv formats show (json/jsonl always carry every key).
    """
    rows = list(rows)
    out = click.get_text_stream("stdout")
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, default=str, indent=2) + "\n")
    elif fmt == "csv":
        cols = list(columns or (rows[0].keys() if rows else []))
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in cols])
        out.write(buf.getvalue())
    else:
        from .table import render

        cols = list(columns or (rows[0].keys() if rows else []))
        out.write(render(cols, [[shown(r.get(c)) for c in cols] for r in rows], title=title))
    return len(rows)


def parse_mapping(value: str | None) -> dict[str, str] | None:
    """'text=body,date=published_at' -> {'text': 'body', 'date': 'published_at'}."""
    if not value:
        return None
    out = {}
    for part in value.split(","):
        if "=" not in part:
            raise click.BadParameter(f"{part!r} is not FIELD=NAME (e.g. text=body)", param_hint="--map")
        ours, theirs = (x.strip() for x in part.split("=", 1))
        out[ours] = theirs
    return out


def _check_lexicon(ctx, param, value):
    """Read the user lexicon now, so a malformed line stops the command before anything runs (exit 2)."""
    if not value:
        return None
    from ..errors import KnowledgeError
    from ..knowledge.lexicon import load_lexicon

    try:
        load_lexicon(value)
    except KnowledgeError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return value


def lexicon_option(fn):
    """--lexicon FILE: a user lexicon layered over the built-in one (every command that codes takes it)."""
    return click.option("--lexicon", "lexicon_file", type=click.Path(exists=True, dir_okay=False),
                        callback=_check_lexicon,
                        help="A user lexicon file layered over the built-in lexicon (user entries win; e.g. one "
                             "written by `redline lexicon import-petrarch`).")(fn)


def veto_option(fn):
    """--no-veto: keep the events the learnt veto would drop (the setting `veto` off for this command)."""
    return click.option("--no-veto", "no_veto", is_flag=True,
                        help="Keep asserted events the learnt veto scores as probably not acts (setting veto; "
                             "docs/coding.md).")(fn)


def veto_settings(no_veto: bool) -> dict | None:
    """Pipeline setting overrides for --no-veto (None when the flag is not given)."""
    return {"veto": False} if no_veto else None


def run_options(fn):
    """The options every command that runs the pipeline over inputs shares (ingest, watch)."""
    opts = [
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Worker processes for the pipeline [default: setting workers, 1]."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where the pipeline runs."),
        click.option("--scheduler", help="dask scheduler address (default: a local cluster)."),
        click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False),
                     help="A user actor file layered over the built-in knowledge base."),
        lexicon_option,
        click.option("--map", "mapping", callback=lambda ctx, param, value: parse_mapping(value),
                     help="Field mapping for JSON/CSV records, e.g. text=body,date=published_at."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def review_scope_options(fn):
    """--include-rejected and --reviewed-only: which reviewed events a command sees (docs/reviews.md)."""
    fn = click.option("--reviewed-only", is_flag=True,
                      help="Only events an analyst confirmed or corrected.")(fn)
    fn = click.option("--include-rejected", is_flag=True,
                      help="Also events an analyst rejected (left out by default).")(fn)
    return fn


def _short(ent_list) -> str:
    return ", ".join(f"{e['code'] or '?'}{'-' + e['sector'] if e['sector'] else ''}" for e in ent_list)


def table_row(d: dict) -> dict:
    text = d["text"] if len(d["text"]) <= 90 else d["text"][:87] + "..."
    return {**d, "date": date_text(d.get("date"), d.get("date_precision")), "event": d["event"][0],
            "mode": ",".join(d["mode"]), "actor": _short(d["actor"]), "recipient": _short(d["recipient"]), "text": text}


def parse_date(value: str | None, name: str = "--published") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=name) from exc
