"""`redline dyads`, `timeline`, `alerts`, `digest` and `serve`: skins over redline.analysis and redline.web."""

from __future__ import annotations

import datetime as dt

import click

from .. import analysis
from ..errors import UsageError
from .options import db_option, settings
from .output import emit, format_option, review_scope_options, run_options


class _Date(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date in YYYY-MM-DD form", param, ctx)


DATE = _Date()


def _window_options(fn):
    fn = click.option("--undated", is_flag=True,
                      help="Count background events the text gives no date on their article's date.")(fn)
    fn = click.option("--factuality", default="asserted", show_default=True,
                      help="Comma list of asserted, negated, hypothetical, possible, future; or all.")(fn)
    fn = click.option("--until", type=DATE, help="Last event date (YYYY-MM-DD).")(fn)
    fn = click.option("--since", type=DATE, help="First event date (YYYY-MM-DD).")(fn)
    return review_scope_options(fn)


def _open(db: str | None):
    from ..store import Store

    return Store(settings(db=db)["db"], read_only=True)


@click.command("dyads")
@db_option
@_window_options
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="How many pairs.")
@format_option()
def dyads_cmd(db, since, until, factuality, undated, include_rejected, reviewed_only, limit, fmt):
    """Most active actor -> recipient pairs, with mean Goldstein and PLOVER score.

    Example: redline dyads --db news.duckdb --since 2014-01-01 --limit 10
    """
    with _open(db) as store:
        rows = analysis.dyads(store, since=since, until=until, factuality=factuality, limit=limit, undated=undated,
                              include_rejected=include_rejected, reviewed_only=reviewed_only)
    emit(rows, fmt, columns=("actor", "recipient", "events", "articles", "mentions", "goldstein", "plover_score",
                             "conflict_share", "first", "last"), title="Dyads")


@click.command("timeline")
@db_option
@click.option("--actor", help="Actor code, e.g. RUS.")
@click.option("--recipient", help="Recipient code, e.g. UKR.")
@click.option("--by", type=click.Choice(analysis.PERIODS), default="month", show_default=True, help="Period.")
@click.option("--both", is_flag=True, help="Count both directions of the dyad (recipient -> actor too).")
@_window_options
@format_option()
def timeline_cmd(db, actor, recipient, by, both, since, until, factuality, undated, include_rejected, reviewed_only,
                 fmt):
    """Events per period for a dyad: counts per quad class, mean PLOVER score and Goldstein.

    Example: redline timeline --actor RUS --recipient UKR --by month
    """
    with _open(db) as store:
        args = dict(actor=actor, recipient=recipient, by=by, since=since, until=until, factuality=factuality,
                    both_directions=both, undated=undated, include_rejected=include_rejected,
                    reviewed_only=reviewed_only)
        rows = analysis.timeline(store, **args)
        note = analysis.left_out_note(analysis.timeline_left_out(store, **args), by)
        hints = [h for h in (analysis.code_hint(store, actor, "actor"),
                             analysis.code_hint(store, recipient, "recipient")) if h] if not rows else []
    if note:
        click.echo(note, err=True)
    if fmt in ("table", "csv"):
        rows = [{**r, "period": r["label"]} for r in rows]
    emit(rows, fmt, columns=("period", "events", "verbal_coop", "material_coop", "verbal_conflict",
                             "material_conflict", "conflict_share", "plover_score", "goldstein"),
         title=f"{actor or '*'} -> {recipient or '*'} by {by}")
    for hint in hints:
        click.echo(hint, err=True)
    if not rows and not hints:
        click.echo("no dated events match (background events the text gives no date count only with --undated; "
                   "`redline ingest --published` "
                   "dates text files without a dateline)", err=True)


def _sentences_option(ctx, param, value: str) -> int | None:
    """--evidence: `all` -> None (every sentence), else a number of sentences."""
    if value.strip().lower() == "all":
        return None
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise click.BadParameter(f"{value!r} is neither a number of sentences nor `all`")
    return n


@click.command("alerts")
@db_option
@click.option("--since", type=DATE, help="First period to report (YYYY-MM-DD); the baseline may reach back further.")
@click.option("--until", type=DATE, help="Last event date (YYYY-MM-DD).")
@click.option("--factuality", default=None,
              help="Comma list of asserted, negated, hypothetical, possible, future; or all [default: asserted].")
@click.option("--undated", is_flag=True,
              help="Count background events the text gives no date on their article's date.")
@review_scope_options
@click.option("--by", type=click.Choice(analysis.PERIODS), default="month", show_default=True, help="Period.")
@click.option("--baseline", type=click.IntRange(min=1), default=6, show_default=True,
              help="Earlier periods that form a dyad's own baseline.")
@click.option("--min-baseline", type=click.IntRange(min=1), default=analysis.AlertOptions().min_baseline,
              show_default=True, help="Events the baseline periods need before a rise over them counts.")
@click.option("--min-events", type=click.IntRange(min=1), default=3, show_default=True,
              help="Events a period needs before its share is tested.")
@click.option("--min-escalation", type=click.IntRange(min=1), default=analysis.AlertOptions().min_escalation,
              show_default=True, help="THREATEN/MOBILIZE/ASSAULT/COERCE events a period needs to alert.")
@click.option("--min-rise", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="Smallest rise of the escalation share over the baseline.")
@click.option("--z", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="Smallest standardised rise (binomial z).")
@click.option("--no-red-lines", is_flag=True, help="Leave out the red-line warnings.")
@click.option("--evidence", default=str(analysis.ALERT_SENTENCES), show_default=True, callback=_sentences_option,
              help="Evidence sentences each alert carries: the first N by date, or `all`.")
@format_option()
def alerts_cmd(db, since, until, factuality, undated, include_rejected, reviewed_only, by, baseline, min_baseline,
               min_events, min_escalation, min_rise, z, no_red_lines, evidence, fmt):
    """Escalation alerts (THREATEN/MOBILIZE/ASSAULT/COERCE share above a dyad's baseline) and red-line
    warnings (who drew the line, at whom), each with its summary and evidence sentences.

    \b
    Examples:
      redline alerts --since 2014-01-01 --by month
      redline alerts --min-baseline 10 --format json
      redline alerts --evidence all --format json   # every evidence sentence of every alert
    """
    opts = analysis.AlertOptions(by=by, baseline=baseline, min_baseline=min_baseline, min_events=min_events,
                                 min_escalation=min_escalation, min_rise=min_rise, z=z)
    with _open(db) as store:
        rows = analysis.alerts(store, since=since, until=until, factuality=factuality, options=opts,
                               red_lines=not no_red_lines, undated=undated, include_rejected=include_rejected,
                               reviewed_only=reviewed_only, sentences=evidence)
    if fmt in ("table", "csv"):
        emit([alert_row(a) for a in rows], fmt, columns=ALERT_COLUMNS, title="Alerts")
    else:
        emit(rows, fmt)


ALERT_COLUMNS = ("kind", "period", "actor", "recipient", "score", "summary", "evidence")


def alert_row(a: dict) -> dict:
    """An alert as a table row: the evidence column quotes the sentences it carries and counts the others."""
    shown = a.get("sentences") or []
    lines = [f"{s['id']} ({s['date']}, {s['event']}): {s['text']}" for s in shown]
    more = a.get("sentence_count", len(shown)) - len(shown)
    if more > 0:
        lines.append(f"... and {more} more (--evidence all lists every one)")
    return {"kind": "red line" if a["kind"] == "red_line" else a["kind"], "period": a["period"],
            "actor": a["actor"], "recipient": a["recipient"] or "-", "score": a["score"], "summary": a["summary"],
            "evidence": "\n".join(lines)}


@click.command("digest")
@db_option
@click.option("--date", "day", type=DATE, required=True, help="Last day of the brief (YYYY-MM-DD).")
@click.option("--days", type=click.IntRange(1, 31), default=1, show_default=True, help="Days the brief covers.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Items per section.")
@click.option("--factuality", default="asserted", show_default=True, help="As for `redline dyads`.")
@review_scope_options
@click.option("--base-url", default="http://127.0.0.1:8000", show_default=True,
              help="Where `redline serve` runs: links point at its dashboard.")
@click.option("--undated", is_flag=True,
              help="Count background events the text gives no date on their article's date.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
def digest_cmd(db, day, days, top, factuality, include_rejected, reviewed_only, base_url, undated, fmt):
    """A daily brief: top dyads, new escalations and key quotes, every line linked to its evidence.

    Example: redline digest --date 2014-03-01 --days 7 --format html > brief.html
    """
    with _open(db) as store:
        d = analysis.digest(store, date=day, days=days, top=top, factuality=factuality, base_url=base_url,
                            undated=undated, include_rejected=include_rejected, reviewed_only=reviewed_only)
    click.echo(analysis.render_digest(d, fmt))


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@click.option("--token-file", type=click.Path(dir_okay=False),
              help="File whose first line is the API token that enables POST /ingest (or set REDLINE_API_TOKEN, "
                   "or api_token in the config).")
@click.option("--token", "token_value", hidden=True, help="Refused: a token on the command line is visible in ps.")
@click.option("--read-only", is_flag=True,
              help="Do not own the store's writer: no ingest, no watch (other read-only readers may open it).")
@click.option("--watch", "watch_dir", type=click.Path(file_okay=False, exists=True),
              help="Watch this directory in the server (as `redline watch`), writing while the API serves.")
@click.option("--every", default="15m", show_default=True, help="Cadence of --watch: 30s, 15m, 1h, ...")
@click.option("--settle", type=click.FloatRange(min=0), default=5.0, show_default=True,
              help="Seconds between the two polls that show a watched file is complete.")
@click.option("--allow-host", "allow_hosts", multiple=True,
              help="Another name the Host header may carry (the server answers loopback names and --host).")
@run_options
def serve_cmd(db, host, port, token_file, token_value, read_only, watch_dir, every, settle, allow_hosts, workers,
              engine, scheduler, actors_file, lexicon_file, mapping):
    """Serve the HTTP API and the dashboard, owning the store: ingest and watch elsewhere hand their work to it.

    \b
    Examples:
      redline serve --db news.duckdb --port 8000          # then open http://127.0.0.1:8000/
      redline serve --db news.duckdb --watch inbox/ --every 30s
      REDLINE_API_TOKEN=... redline serve --db news.duckdb   # enables POST /ingest
    """
    from ..watch import parse_interval
    from ..web.serve import read_token, serve

    if token_value is not None:
        raise click.BadParameter("a token on the command line is visible to every user in ps; put it in a file "
                                 "(--token-file) or in REDLINE_API_TOKEN", param_hint="--token")
    try:
        parse_interval(every)
    except UsageError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc

    values = settings(db=db, workers=workers)

    def on_cycle(cycle) -> None:
        if cycle.error:
            click.echo(f"watch cycle {cycle.number}: error: {cycle.error}", err=True)
        elif cycle.report is not None:
            r = cycle.report
            click.echo(f"watch cycle {cycle.number}: {len(cycle.files)} file(s): read {r.read}, coded {r.coded}, "
                       f"replaced {r.replaced}, failed {r.failed}, events {r.events}", err=True)

    pipeline, lexicon = None, {}
    if lexicon_file:  # the server's own ingests and POST /ingest code with it
        import os

        from ..pipeline import Context, Pipeline

        lexicon = {"lexicon": os.path.abspath(lexicon_file)}
        pipeline = Pipeline(Context(lexicon_file=lexicon_file))
    serve(values["db"], host=host, port=port, token=read_token(token_file), read_only=read_only,
          watch_dir=watch_dir, every=every, settle=settle, allow_hosts=allow_hosts,
          live_options={"workers": values["workers"], "engine": engine, "scheduler": scheduler,
                        "actors_file": actors_file, "mapping": mapping, "settings": lexicon},
          pipeline=pipeline,
          say=lambda m: click.echo(m, err=True), on_cycle=on_cycle)


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    for cmd in (dyads_cmd, timeline_cmd, alerts_cmd, digest_cmd, serve_cmd):
        group.add_command(cmd)
