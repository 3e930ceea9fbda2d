"""`redline ingest`, `redline events`, `redline event`, `redline export`, `redline runs`: skins over the store API."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..errors import UsageError
from ..store import Store
from .options import db_option, settings
from .output import emit, format_option, parse_date, review_scope_options, run_options, table_row
from .progress import progress_bar

if TYPE_CHECKING:
    from ..records import Failure

EXPORT_FORMATS = ("plover", "gdelt", "csv", "parquet")  # exports.FORMATS (tests/test_cli_startup.py checks)

EVENT_COLUMNS = ("id", "date", "event", "mode", "actor", "recipient", "cameo", "factuality", "num_mentions",
                 "num_articles", "text")
RUN_COLUMNS = ("id", "status", "started", "finished", "read", "coded", "duplicate", "already_stored", "failed",
               "events", "inputs")


def event_filter_options(fn):
    """The filters shared by `events` and `export` (same names as Store.events keywords)."""
    opts = [
        click.option("--actor", help="Country or IGO code any actor must carry (e.g. RUS)."),
        click.option("--recipient", help="Country or IGO code any recipient must carry (e.g. UKR)."),
        click.option("--event", "event_type", help="PLOVER event type (e.g. ASSAULT)."),
        click.option("--since", help="First event date, YYYY-MM-DD."),
        click.option("--until", help="Last event date, YYYY-MM-DD."),
        click.option("--all", "show_all", is_flag=True,
                     help="Every factuality (negated, hypothetical, ...), not only asserted events."),
        click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
                     help="Only events coded at least this confident (probability the triple is right)."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return review_scope_options(fn)


def _check_codes(store, actor: str | None, recipient: str | None) -> None:
    """A name given where a code is expected (--actor RUSSIA) is a usage error that names the code."""
    if not (actor or recipient):
        return
    from .. import analysis  # here: a query without codes need not load the analysis (and record classes)

    analysis.suggest_code(store, actor, "--actor")
    analysis.suggest_code(store, recipient, "--recipient")


def _filters(actor, recipient, event_type, since, until, show_all, min_confidence=None, include_rejected=False,
             reviewed_only=False) -> dict:
    return {"actor": actor, "recipient": recipient, "event": event_type, "since": since, "until": until,
            "factuality": None if show_all else "asserted", "min_confidence": min_confidence,
            "include_rejected": include_rejected, "reviewed_only": reviewed_only}


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--replace", is_flag=True,
              help="A file ingested before is skipped when unchanged; when it changed, its new version replaces "
                   "the articles read from the old one.")
@click.option("--write-batch", type=click.IntRange(min=1), default=16, show_default=True,
              help="Coded articles written per store transaction (a reader sees each batch when it commits).")
@run_options
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs whose metadata gives none (text "
              "files, records without a date); it is used over a dateline in the text, with a note.")
def ingest_cmd(inputs, db, replace, write_batch, workers, engine, scheduler, actors_file, lexicon_file, mapping,
               published):
    """Read, code and store articles (files, directories, globs); already stored articles are skipped.

    When `redline serve` owns the store, the run is handed to the server and reported here.

    \b
    Examples:
      redline ingest articles/ --db news.duckdb --workers 2
      redline ingest statement.txt --published 2021-06-17
    """
    values = settings(db=db, workers=workers)
    db, workers = values["db"], values["workers"]
    pub = parse_date(published, "--published")

    def on_failure(f: Failure) -> None:
        click.echo(f"error: {f.input}: {f.reason}", err=True)

    from ..ingest import ingest

    bar = progress_bar("ingest")
    try:
        report = ingest(inputs, db=db, workers=workers, engine=engine, scheduler=scheduler, actors_file=actors_file,
                        lexicon_file=lexicon_file, mapping=mapping, published=pub,
                        progress=bar.update if bar else None, on_failure=on_failure,
                        command="redline ingest " + " ".join(inputs), replace=replace, write_batch=write_batch)
    finally:
        if bar:
            bar.stop()
    replaced = f", replaced {report.replaced}" if report.replaced else ""
    click.echo(f"run {report.run_id} into {db}: read {report.read}, coded {report.coded}, "
               f"duplicate {report.duplicate}, already stored {report.already_stored}, failed {report.failed}, "
               f"events {report.events}{replaced}")
    if report.failed:
        click.echo(f"{report.failed} input(s) failed (see `redline runs --failures --db {db}`)", err=True)
        sys.exit(1)


@click.command("events")
@db_option
@event_filter_options
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="Most events to show.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many events first.")
@format_option(default="table", choices=("table", "jsonl", "json", "csv"))
def events_cmd(db, actor, recipient, event_type, since, until, show_all, min_confidence, include_rejected,
               reviewed_only, limit, offset, fmt):
    """Query stored events (one per real-world event, newest first).

    The csv format has the columns of `redline export --format csv` (whole sentences, lists joined with ";").

    Example: redline events --actor RUS --recipient UKR --since 2021-01-01 --format jsonl
    """
    filters = _filters(actor, recipient, event_type, since, until, show_all, min_confidence, include_rejected,
                       reviewed_only)
    with Store(settings(db=db)["db"], read_only=True) as store:
        _check_codes(store, actor, recipient)
        if fmt == "csv":  # the rows `export --format csv` writes, in this command's order and page
            from ..exports import FLAT_COLUMNS, flat_row

            emit([flat_row(r) for r in store.iter_event_rows(**filters, newest_first=True, limit=limit,
                                                              offset=offset)],
                 fmt, columns=[c for c, _ in FLAT_COLUMNS])
            return
        rows = store.events(**filters, limit=limit, offset=offset)
    if fmt == "table":
        emit([table_row(r) for r in rows], fmt, columns=EVENT_COLUMNS)
    else:
        emit(rows, fmt)


@click.command("event")
@click.argument("event_id")
@db_option
@format_option(default="table", choices=("table", "json", "jsonl"))
def event_cmd(event_id, db, fmt):
    """Show one stored event with every mention's evidence sentence and article (its provenance).

    Example: redline event 3f2a9c0d1e4b5a6f --db news.duckdb --format json
    """
    db = settings(db=db)["db"]
    with Store(db, read_only=True) as store:
        ev = store.event(event_id)
    if ev is None:
        raise UsageError(f"no event {event_id!r} in {db} (ids are listed by `redline events`)")
    if fmt != "table":
        emit([ev], fmt)
        return
    click.echo(f"{ev['id']}  {table_row(ev)['date'] or 'undated'}  {ev['event'][0]}  {table_row(ev)['actor']} -> "
               f"{table_row(ev)['recipient']}  ({ev['factuality']}; {ev['num_mentions']} mentions, "
               f"{ev['num_articles']} articles, {ev['num_sources']} sources)")
    if ev.get("reviewed"):
        r, m = ev["review"], ev["machine"]
        click.echo(f"{r['verdict']} by {r['reviewer']} on {r['reviewed']}"
                   + (f" (changed: {', '.join(r['changed'])}; machine: {m['event'][0]} {_codes(m['actor'])} -> "
                      f"{_codes(m['recipient'])}, {m['date'] or 'undated'})" if r["changed"] else "")
                   + (f": {r['note']}" if r["note"] else ""))
    rows = [{"published": m["article"]["published"], "article": m["article"]["title"] or m["article_id"],
             "url": m["article"]["url"], "rule": m["rule"], "evidence": m["text"]} for m in ev["mentions"]]
    rows += [{"published": c["published"], "article": (c["title"] or c["id"]) + f" ({c['dup_kind']} copy)",
              "url": c["url"], "rule": "", "evidence": ""} for c in ev["copies"]]
    emit(rows, "table", columns=("published", "article", "url", "rule", "evidence"))


def _codes(entities: list[dict]) -> str:
    return ",".join(e.get("code") or "?" for e in entities) or "-"


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)),
              help="plover (JSONL + <out>.quotes.jsonl), gdelt (61-column TSV), csv or parquet "
                   "[default: from the file name: .jsonl, .tsv, .csv, .parquet].")
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="File to write; - writes to standard output.")
@event_filter_options
def export_cmd(db, fmt, out, actor, recipient, event_type, since, until, show_all, min_confidence, include_rejected,
               reviewed_only):
    """Export stored events to a file (or to standard output with -o -).

    \b
    Examples:
      redline export --format gdelt -o events.tsv --since 2021-06-01
      redline export -o events.parquet --actor RUS
      redline export --format csv -o - | head
    """
    from ..exports import export, format_for_path

    fmt = fmt or format_for_path(out)
    with Store(settings(db=db)["db"], read_only=True) as store:
        _check_codes(store, actor, recipient)
        report = export(store, fmt, out, filters=_filters(actor, recipient, event_type, since, until, show_all,
                                                            min_confidence, include_rejected, reviewed_only))
    msg = f"wrote {report.events} events to {'standard output' if out == '-' else report.path}"
    if report.quotes_path:
        msg += f" and {report.quotes} quotes to {report.quotes_path}"
    click.echo(msg, err=True)


@click.command("runs")
@db_option
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True, help="Most runs to show.")
@click.option("--failures", "show_failures", is_flag=True, help="List the failed inputs (of --run, else of all runs).")
@click.option("--run", "run_id", help="Only this run's failures (with --failures).")
@format_option(default="table", choices=("table", "jsonl", "json", "csv"))
def runs_cmd(db, limit, show_failures, run_id, fmt):
    """List ingest runs with their counts and status, or their failed inputs.

    Example: redline runs --db news.duckdb --failures --format jsonl
    """
    with Store(settings(db=db)["db"], read_only=True) as store:
        if show_failures:
            emit(store.failures(run_id, limit=limit or None), fmt,
                 columns=("run_id", "input", "stage", "reason"))
            return
        rows = store.runs(limit=limit)
    if fmt in ("table", "csv"):
        flat = [{**r, **{k: r["counts"].get(k) for k in ("read", "coded", "duplicate", "already_stored",
                                                          "events")}, "failed": r["failures"]} for r in rows]
        emit(flat, fmt, columns=RUN_COLUMNS)
    else:
        emit(rows, fmt)


@click.command("compact")
@db_option
def compact_cmd(db):
    """Rewrite the store into a fresh file, giving back blocks freed by migrations and removed articles.

    Example: redline compact --db news.duckdb
    """
    from ..store.maintenance import compact

    done = compact(settings(db=db)["db"])
    click.echo(f"{done.path}: {done.bytes_before / 1e6:,.1f} MB -> {done.bytes_after / 1e6:,.1f} MB")


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    for cmd in (ingest_cmd, events_cmd, event_cmd, export_cmd, runs_cmd, compact_cmd):
        group.add_command(cmd)
