"""`redline review`, `redline reviews` (list, export, suggest, queue) and `redline recode`: skins over
redline.reviews and redline.recode."""

from __future__ import annotations

import datetime as dt
import getpass
import sys

import click

from ..errors import UsageError
from ..store import Store
from .options import db_option, settings
from .output import emit, format_option, lexicon_option

REVIEW_COLUMNS = ("reviewed", "reviewer", "verdict", "event_id", "event", "actor", "recipient", "date", "changed",
                  "note")


def _reviewer(name: str | None) -> str:
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError) as exc:
        raise UsageError("cannot tell your login name; pass --reviewer NAME") from exc


def _day(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--{name}: {value!r} is not a date in YYYY-MM-DD form") from exc


def _parties(ps: list[dict]) -> str:
    return ",".join(f"{p['code'] or ''}{':' + p['sector'] if p['sector'] else ''}" for p in ps) or "-"


def review_row(r: dict) -> dict:
    """A review as one flat table row."""
    return {**r, "event": r["event"] + (f"/{r['mode']}" if r["mode"] else ""), "actor": _parties(r["actor"]),
            "recipient": _parties(r["recipient"]), "changed": ",".join(r["changed"]) or "-"}


@click.command("review")
@click.argument("event_id")
@db_option()
@click.option("--confirm", is_flag=True, help="The event is coded right.")
@click.option("--reject", is_flag=True, help="The event is wrong (no such event in the text).")
@click.option("--set", "assignments", multiple=True, metavar="FIELD=VALUE",
              help="Correct a field: event, mode, actor, recipient, date, place, factuality (repeatable).")
@click.option("--reviewer", help="Your name (default: your login name).")
@click.option("--note", help="Free text kept with the review.")
@format_option(default="table", choices=("table", "json", "jsonl"))
def review_cmd(event_id, db, confirm, reject, assignments, reviewer, note, fmt):
    """Confirm, reject or correct one stored event; analysis then counts the reviewed values.

    When `redline serve` owns the store, the review is handed to it.

    \b
    Examples:
      redline review 3f2a9c0d1e4b5a6f --confirm
      redline review 3f2a9c0d1e4b5a6f --reject --note "a football match"
      redline review 3f2a9c0d1e4b5a6f --set event=ACCUSE --set mode=allege --set actor=RUS:GOV
    """
    from ..reviews import parse_assignments, review_in_store

    chosen = [x for x, on in (("--confirm", confirm), ("--reject", reject), ("--set", bool(assignments))) if on]
    if len(chosen) != 1:
        raise UsageError("give exactly one of --confirm, --reject or --set FIELD=VALUE"
                         + (f" (got {', '.join(chosen)})" if chosen else ""))
    changes = parse_assignments(assignments)
    verdict = "confirmed" if confirm else "rejected" if reject else "corrected"
    r = review_in_store(settings(db=db)["db"], event_id, verdict=verdict, changes=changes,
                        reviewer=_reviewer(reviewer), note=note)
    emit([review_row(r)] if fmt == "table" else [r], fmt, columns=REVIEW_COLUMNS)


@click.group("reviews", invoke_without_command=True)
@db_option()
@click.option("--reviewer", help="Only this reviewer's reviews.")
@click.option("--verdict", type=click.Choice(["confirmed", "rejected", "corrected"]), help="Only this verdict.")
@click.option("--since", help="Reviewed on or after this day, YYYY-MM-DD.")
@click.option("--until", help="Reviewed on or before this day, YYYY-MM-DD.")
@click.option("--event", "event_id", help="Only the reviews of this event.")
@click.option("--orphans", is_flag=True, help="Only reviews whose event no longer exists (after a recode).")
@click.option("--history", is_flag=True, help="Also reviews a later review of the same event superseded.")
@click.option("--counts", is_flag=True, help="Counts by reviewer and verdict instead of the list.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="Most reviews to list.")
@format_option(default="table", choices=("table", "jsonl", "json", "csv"))
@click.pass_context
def reviews_group(ctx, db, reviewer, verdict, since, until, event_id, orphans, history, counts, limit, fmt):
    """List reviews (newest first), count them, or use them: export, suggest, queue.

    \b
    Examples:
      redline reviews --reviewer ana --verdict corrected
      redline reviews --counts
      redline reviews export -o gold.jsonl
      redline reviews suggest -o suggested
      redline reviews queue --limit 20
    """
    if ctx.invoked_subcommand is not None:
        return
    filters = dict(reviewer=reviewer, verdict=verdict, since=_day(since, "since"), until=_day(until, "until"),
                   orphaned=True if orphans else None, history=history)
    with Store(settings(db=db)["db"], read_only=True) as store:
        if counts:
            c = store.count_reviews(**filters)
            rows = [{"reviewer": who, **{v: n.get(v, 0) for v in ("confirmed", "rejected", "corrected")},
                     "total": sum(n.values())} for who, n in c["by"].items()]
            rows.append({"reviewer": "(all)", **c["verdicts"], "total": c["total"]})
            emit(rows, fmt, columns=("reviewer", "confirmed", "rejected", "corrected", "total"))
            return
        rows = store.reviews(event_id=event_id, limit=limit or None, **filters)
    emit([review_row(r) for r in rows] if fmt in ("table", "csv") else rows, fmt,
         columns=REVIEW_COLUMNS + (("orphaned",) if orphans else ()))


@reviews_group.command("export")
@db_option()
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False), help="Gold file to write.")
@click.option("--format", "fmt", type=click.Choice(["realnews", "redline"]), default="realnews", show_default=True,
              help="realnews: sentences in their articles (+ OUT.articles.jsonl); redline: sentences alone.")
@click.option("--reviewer", help="Only sentences reviewed by this reviewer alone.")
@click.option("--reserved", type=click.Path(exists=True, dir_okay=False),
              help="A list of article ids (one a line) never to export, e.g. ../shared/reserved-articles.txt.")
def export_cmd(db, out, fmt, reviewer, reserved):
    """Write the reviews as a gold file `redline eval` reads (prints the eval command).

    Only sentences all of whose events are reviewed are written; the others are listed on stderr.

    Example: redline reviews export -o gold.jsonl && redline eval gold.jsonl --format realnews --corpus gold.jsonl.articles.jsonl
    """
    from ..evaluate.corpus import read_reserved
    from ..reviews.gold import export_gold

    with Store(settings(db=db)["db"], read_only=True) as store:
        rep = export_gold(store, out, fmt=fmt, reviewer=reviewer, reserved=read_reserved(reserved) if reserved else None)
    for x in rep.left_out:
        click.echo(f"left out: {x['article']} sentence {x['sentence']}: {x['reason']}", err=True)
    click.echo(f"wrote {rep.sentences} sentences ({rep.events} events, {rep.reviews} reviews, {rep.articles} articles) "
               f"to {rep.path}" + (f" and the articles to {rep.corpus_path}" if rep.corpus_path else ""), err=True)
    click.echo(rep.eval_command)


@reviews_group.command("suggest")
@db_option()
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="Prefix of the files: PREFIX.actors.csv and PREFIX.lexicon.txt.")
@click.option("--min", "min_count", type=click.IntRange(min=2), default=3, show_default=True,
              help="Events a correction or rejection must repeat in.")
def suggest_cmd(db, out, min_count):
    """Suggest actor-file rows and lexicon entries from repeated corrections (written, never applied).

    \b
    Example:
      redline reviews suggest -o suggested
      redline ingest new/ --actors suggested.actors.csv --lexicon suggested.lexicon.txt
    """
    from ..api import default_pipeline
    from ..reviews.suggest import pipeline_parser, suggest

    with Store(settings(db=db)["db"], read_only=True) as store:
        rep = suggest(store, out=out, min_count=min_count, parse=pipeline_parser(default_pipeline()))
    rows = [{"kind": s.kind, "key": s.key, "events": len(s.events), "note": s.note} for s in rep.suggestions]
    rows += [{"kind": "not suggested", "key": x["key"], "events": len(x["events"]), "note": x["reason"]}
             for x in rep.skipped]
    emit(rows, "table", columns=("kind", "key", "events", "note"))
    for path in (rep.actors_path, rep.lexicon_path):
        if path:
            click.echo(f"wrote {path}: read it, then load it with --{'actors' if path.endswith('.csv') else 'lexicon'}",
                       err=True)
    if not rep.suggestions:
        click.echo(f"no correction or rejection repeats in {min_count} events yet: nothing written", err=True)


@reviews_group.command("queue")
@db_option()
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most events to list.")
@click.option("--since", help="First event date, YYYY-MM-DD.")
@click.option("--until", help="Last event date, YYYY-MM-DD.")
@format_option(default="table", choices=("table", "jsonl", "json", "csv"))
def queue_cmd(db, limit, since, until, fmt):
    """Unreviewed events, most urgent first: evidence of open alerts, then the least confident.

    Example: redline reviews queue --limit 20
    """
    from ..reviews.queue import review_queue

    with Store(settings(db=db)["db"], read_only=True) as store:
        rows = review_queue(store, limit=limit, since=_day(since, "since"), until=_day(until, "until"))
    if fmt in ("table", "csv"):
        rows = [{**r, "why": r["why"].get("alert") or f"confidence {r['why']['confidence']}",
                 "actor": ",".join(c or "?" for c in r["actor_codes"] or []),
                 "recipient": ",".join(c or "?" for c in r["recipient_codes"] or [])} for r in rows]
    emit(rows, fmt, columns=("id", "date", "event", "actor", "recipient", "confidence", "why", "text"))


@click.command("recode")
@db_option()
@click.option("--article", "article_ids", multiple=True, help="Only this stored article (repeatable; default all).")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False),
              help="A user actor file layered over the built-in knowledge base.")
@lexicon_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: setting workers, 1].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the pipeline runs.")
def recode_cmd(db, article_ids, actors_file, lexicon_file, workers, engine):
    """Code stored articles again and replace their coding; reviews stay with their events.

    Reviews whose event no longer exists afterwards are listed (and kept: `redline reviews --orphans`).

    \b
    Examples:
      redline recode --actors suggested.actors.csv
      redline recode --article 3f2a9c0d1e4b5a6f --lexicon suggested.lexicon.txt
    """
    from ..recode import recode

    def on_failure(f):
        click.echo(f"error: {f.input}: {f.reason}", err=True)

    values = settings(db=db, workers=workers)
    rep = recode(values["db"], article_ids=list(article_ids) or None, actors_file=actors_file,
                 lexicon_file=lexicon_file, workers=values["workers"], engine=engine, on_failure=on_failure)
    click.echo(f"run {rep.run_id}: re-coded {rep.recoded} of {rep.articles} articles ({rep.events} event mentions), "
               f"failed {rep.failed}; reviews: {rep.reviews} attached before, {rep.moved} moved to a re-coded "
               f"event, {len(rep.orphaned)} orphaned")
    for r in rep.orphaned:
        click.echo(f"orphaned review {r['id']} ({r['verdict']} by {r['reviewer']}): its event "
                   f"{r['machine'].get('id')} is gone: \"{(r['machine'].get('text') or '')[:120]}\"", err=True)
    if rep.failed:
        sys.exit(1)


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    for cmd in (review_cmd, reviews_group, recode_cmd):
        group.add_command(cmd)

