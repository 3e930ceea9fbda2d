"""`redline dates`: the date invariants over a corpus (docs/dates-and-places.md)."""

from __future__ import annotations

import json
import sys

import click

from ..engines import run_documents
from ..evaluate.date_checks import SLACK_DAYS, check_dates
from ..readers import read_inputs


@click.command("dates")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--skip", "skip_file", type=click.Path(exists=True, dir_okay=False),
              help="File of article ids (one a line, '#' comments) to leave out, e.g. reserved articles.")
@click.option("--json", "as_json", is_flag=True, help="The whole report as JSON.")
def dates_cmd(inputs, workers, skip_file, as_json):
    """Check the dates of every event in a corpus: no asserted event later than its article, and why
    reference dates moved off their datelines. Exit 1 when an asserted event is dated in the future.

    Example: redline dates ../shared/corpora/ru-ua/articles.jsonl --workers 2
    """
    skip = frozenset()
    if skip_file:
        with open(skip_file, encoding="utf-8") as fh:
            skip = frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))
    report = check_dates(run_documents(read_inputs(inputs), workers=workers), skip=skip)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, default=str, indent=1))
    else:
        click.echo(f"{report['articles']} articles, {report['events']} events ({report['asserted']} asserted, "
                   f"{report['negated']} negated); dated from the text {report['dated_from_text']}, "
                   f"undated {report['undated']}; precision {report['precision']}")
        click.echo(f"asserted events dated more than {SLACK_DAYS} day after their article: "
                   f"{report['asserted_late']} (negated: {report['negated_late']})")
        for e in report["late"]:
            click.echo(f"  {e['article']} {e['factuality']} {e['event']} {e['trigger']!r} {e['date']} > "
                       f"{e['reference']}: {e['reason']}")
        click.echo(f"reference date moved off the dateline: {report['reference_moved']} article(s)")
        for m in report["moved"]:
            click.echo(f"  {m['article']} {m['dateline']} -> {m['reference']}: {m['reason']}")
        for f in report["failures"]:
            click.echo(f"failed: {f['input']}: {f['stage']}: {f['reason']}", err=True)
    if report["asserted_late"] or report["failures"]:
        sys.exit(1)


def register(cli: click.Group) -> None:
    cli.add_command(dates_cmd)
