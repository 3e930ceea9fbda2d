"""`redline watch` and `redline bench`: thin skins over redline.watch and redline.bench."""

from __future__ import annotations

import json
import sys
import time

import click

from ..errors import UsageError
from .options import db_option, settings
from .output import emit, lexicon_option, run_options
from .progress import progress_bar

BENCH_ROWS = (
    ("articles", "articles benchmarked"), ("words", "words"), ("events", "events coded"),
    ("workers", "workers"), ("engine", "engine"), ("seconds", "pipeline seconds (load excluded)"),
    ("articles_per_s", "articles/s"), ("words_per_s", "words/s"), ("events_per_s", "events/s"),
    ("spacy_words_per_s", "bare spaCy words/s"), ("ratio", "pipeline / bare spaCy (wall)"),
    ("cpu_ratio", "pipeline / bare spaCy (CPU time)"), ("outside_spacy_share", "time outside spaCy"),
    ("peak_rss_mb", "peak RSS, all processes (MB)"), ("peak_rss_per_worker_mb", "peak RSS, largest process (MB)"),
    ("load_s", "model load / worker start (s)"), ("load_average", "load average at start"),
)


@click.command("bench")
@click.argument("corpus", nargs=-1)
@click.option("--limit", type=click.IntRange(min=1), help="Benchmark at most this many articles.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: setting workers, 1].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the pipeline runs (dask: a local cluster, timed against the local pool in turns).")
@click.option("--no-baseline", is_flag=True, help="Skip the bare spaCy run.")
@click.option("--json", "as_json", is_flag=True, help="Print every measurement as one JSON object.")
@lexicon_option
@click.option("--reviews", type=click.IntRange(min=1), default=None,
              help="Instead of the pipeline: time /events over --events synthetic events with and without this "
                   "many reviews (no corpus).")
@click.option("--events", type=click.IntRange(min=1000), default=100_000, show_default=True,
              help="With --reviews: events in the synthetic store.")
@click.option("--workdir", type=click.Path(file_okay=False), default=None,
              help="With --reviews: keep (and reuse) the two stores here (default: a temporary directory).")
def bench_cmd(corpus, limit, workers, engine, no_baseline, as_json, lexicon_file, reviews, events, workdir):
    """Measure the pipeline (articles/s, words/s, events/s, peak RSS) against bare spaCy on the same texts,
    or (--reviews) what reviews add to the HTTP API's /events.

    \b
    Examples:
      redline bench ../shared/corpora/allsides-intl/articles.jsonl --limit 500 --json
      redline bench corpus/ --limit 500 --workers 2
      redline bench --reviews 10000 --events 100000 --json
    """
    from ..bench import bench

    if reviews:
        if corpus:
            raise UsageError("bench --reviews builds its own store: give no corpus")
        _bench_reviews(reviews, events, workdir, as_json)
        return
    if not corpus:
        raise UsageError("bench: give a corpus (files, directories or globs), or --reviews N")

    workers = settings(workers=workers)["workers"]
    bar = progress_bar("bench", limit)
    try:
        result = bench(list(corpus), limit=limit, workers=workers, engine=engine, baseline=not no_baseline,
                       tick=bar.update if bar else None, settings={"lexicon": lexicon_file} if lexicon_file else None)
    finally:
        if bar:
            bar.stop()
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    rows = [{"measure": label, "value": result[key]} for key, label in BENCH_ROWS if key in result]
    for name, share in (result.get("stage_share") or {}).items():
        rows.append({"measure": f"stage share: {name}", "value": f"{share:.1%}"})
    emit(rows, "table", columns=("measure", "value"), title="redline bench")


def _bench_reviews(reviews: int, events: int, workdir: str | None, as_json: bool) -> None:
    import tempfile

    from ..web.bench_reviews import bench_reviews

    with tempfile.TemporaryDirectory() as tmp:
        result = bench_reviews(events=events, reviews=reviews, workdir=workdir or tmp)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"{result['events']} events, {result['reviews']} reviews; load average {result['load_average_start']} "
               f"-> {result['load_average_end']}", err=True)
    emit(result["requests"], "table", columns=("request", "plain_median_ms", "reviewed_median_ms", "added_ms",
                                               "plain_cpu_ms", "reviewed_cpu_ms", "added_cpu_ms"),
         title="what reviews add to the HTTP API")


@click.command("watch")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--every", default="15m", show_default=True, help="Cadence: 30s, 15m, 1h, ...")
@db_option
@click.option("--once", is_flag=True, help="Run one cycle and exit (for cron or systemd timers).")
@click.option("--settle", type=click.FloatRange(min=0), default=5.0, show_default=True,
              help="Seconds between the two polls that show a file is complete (0: take files at once).")
@run_options
def watch_cmd(directory, every, db, once, settle, workers, engine, scheduler, actors_file, lexicon_file, mapping):
    """Ingest what is new in DIRECTORY every --every; restart any time (stored articles are skipped).

    A file is taken once complete (same size and time at two polls); a file that changes after it was stored
    replaces its earlier version. When `redline serve` owns the store, each cycle is handed to the server.

    \b
    Examples:
      redline watch incoming/ --every 15m --db news.duckdb
      redline watch incoming/ --once --db news.duckdb     # from cron
    """
    from ..watch import parse_interval, watch

    values = settings(db=db, workers=workers)
    db, workers = values["db"], values["workers"]
    try:
        parse_interval(every)
    except UsageError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc
    failed = []

    def on_failure(f) -> None:
        click.echo(f"error: {f.input}: {f.reason}", err=True)

    def on_cycle(cycle) -> None:
        stamp = time.strftime("%H:%M:%S")
        if cycle.error:
            click.echo(f"{stamp} cycle {cycle.number}: error: {cycle.error} (retrying next cycle)", err=True)
            return
        waiting = f", {len(cycle.settling)} still being written" if cycle.settling else ""
        replaced = f", replaced {cycle.report.replaced}" if cycle.report is not None and cycle.report.replaced else ""
        if cycle.report is not None and cycle.report.unchanged_files:
            replaced += f", unchanged {cycle.report.unchanged_files} (ingested before)"
        if cycle.report is None:
            click.echo(f"{stamp} cycle {cycle.number}: nothing new{waiting}")
            return
        r = cycle.report
        failed.append(r.failed)
        click.echo(f"{stamp} cycle {cycle.number}: {len(cycle.files)} new or changed file(s): read {r.read}, "
                   f"coded {r.coded}, duplicate {r.duplicate}, already stored {r.already_stored}, "
                   f"failed {r.failed}, events {r.events}{replaced}{waiting}")

    try:
        watch(directory, every=every, db=db, once=once, settle=settle, on_cycle=on_cycle, workers=workers,
              engine=engine, scheduler=scheduler, actors_file=actors_file, lexicon_file=lexicon_file, mapping=mapping,
              on_failure=on_failure)
    except KeyboardInterrupt:
        click.echo("watch stopped", err=True)
        return
    if once and any(failed):
        click.echo(f"{sum(failed)} input(s) failed (see `redline runs --failures --db {db}`)", err=True)
        sys.exit(1)


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(bench_cmd)
    group.add_command(watch_cmd)
