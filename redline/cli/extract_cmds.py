"""`redline extract` and `redline demo`."""

from __future__ import annotations

import sys

import click

from .. import api
from ..pipeline import Context, Pipeline
from ..plover import event_dict
from ..readers import read_inputs
from ..records import Failure, Factuality
from .options import db_option, settings
from .output import emit, format_option, lexicon_option, parse_date, table_row, veto_option, veto_settings  # noqa: F401 - re-exported
from .progress import progress_bar

TABLE_COLUMNS = ("date", "event", "mode", "actor", "recipient", "cameo", "factuality", "event_text", "text")
EXTRACT_COLUMNS = ("article",) + TABLE_COLUMNS


@click.command("extract")
@click.argument("files", nargs=-1, required=True)
@format_option(default="jsonl", choices=("jsonl", "json", "table"))
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs whose metadata gives none (text "
              "files, records without a date); it is used over a dateline in the text, with a note.")
@click.option("--all", "show_all", is_flag=True, help="Show every event with its factuality, not only asserted ones.")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False),
              help="A user actor file layered over the built-in knowledge base (user entries win).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Only events coded at least this confident (probability the triple is right).")
@lexicon_option
@veto_option
def extract_cmd(files, fmt, published, show_all, actors_file, min_confidence, lexicon_file, no_veto):
    """Code events from article files (txt, html, json, jsonl, csv, rss/atom, warc, .gz) and print them.

    The table names each event's article (its title, else the file it came from); jsonl and json carry
    article_id. A progress bar runs on stderr when it is a terminal.

    \b
    Examples:
      redline extract article.txt --format table
      redline extract corpus/*.txt --all --format jsonl > events.jsonl
      redline extract article.txt --lexicon my_lexicon.txt --actors my_actors.csv
    """
    pub = parse_date(published)
    pipeline = (Pipeline(Context(settings=veto_settings(no_veto), actors_file=actors_file, lexicon_file=lexicon_file))
                if actors_file or lexicon_file or no_veto else api.default_pipeline())
    failed = 0
    rows = []
    bar = progress_bar("extract")
    done = 0
    try:
        for item in read_inputs(files, published=pub):
            out = item if isinstance(item, Failure) else next(iter(pipeline.run([item])))
            if isinstance(out, Failure):  # unreadable, or failed in the pipeline: named, and the others go on
                stage = "" if out.stage == "read" else f"{out.stage}: "
                click.echo(f"error: {out.input}: {stage}{out.reason}", err=True)
                failed += 1
                continue
            label = item.title or item.source or item.id
            for ev in out.events:
                if (show_all or ev.factuality == Factuality.ASSERTED) and (
                        min_confidence is None or ev.confidence >= min_confidence):
                    rows.append({**event_dict(ev), "article": label})
            done += 1
            if bar:
                bar.update(done)
    finally:
        if bar:
            bar.stop()
    if fmt == "table":
        emit([table_row(r) for r in rows], "table", columns=EXTRACT_COLUMNS)
    else:
        emit([{k: v for k, v in r.items() if k != "article"} for r in rows], fmt)
    if failed:
        click.echo(f"{failed} input(s) failed", err=True)
        sys.exit(1)


@click.command("demo")
@db_option(help_text="Store to code the samples into (re-running adds nothing: ids are content hashes).")
@click.option("--limit", type=click.IntRange(min=1), default=40, show_default=True, help="Events to print.")
def demo_cmd(db, limit):
    """Code the bundled sample articles into the embedded store and print what was found.

    Example: redline demo && redline events --event ASSAULT
    """
    from ..ingest import ingest
    from ..samples import sample_paths
    from ..store import Store

    db = settings(db=db)["db"]
    paths = [str(p) for p in sample_paths()]
    report = ingest(paths, db=db, command="demo", pipeline=api.default_pipeline(),
                    on_failure=lambda f: click.echo(f"error: {f.input}: {f.reason}", err=True))
    with Store(db, read_only=True) as store:
        total = store.count_events(factuality="asserted")
        rows = store.events(factuality="asserted", limit=limit)
        every = store.count_events(factuality=None)
    emit([table_row(r) for r in rows], "table", columns=TABLE_COLUMNS,
         title=f"redline demo: {len(paths)} sample articles -> {db}")
    click.echo(f"{report.coded} article(s) coded now, {report.already_stored} already stored, "
               f"{report.failed} failed; the store holds {total} asserted event(s) ({every} of every factuality).")
    click.echo(f"Next: redline events --db {db} --actor RUS --format table   |   redline serve --db {db}")
    if report.failed:
        sys.exit(1)


def register(group) -> None:
    group.add_command(extract_cmd)
    group.add_command(demo_cmd)
