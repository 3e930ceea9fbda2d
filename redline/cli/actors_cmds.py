"""`redline actor` (resolve one mention) and `redline actors ...` (import PETRARCH dictionaries, check a file)."""

from __future__ import annotations

import datetime as dt
import logging

import click

from ..errors import UsageError
from .output import emit, format_option

log = logging.getLogger(__name__)

ACTOR_COLUMNS = ("text", "code", "sector", "identifier_text", "identifier_id", "office", "reason")


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date {value!r}: expected YYYY-MM-DD") from None


@click.command("actor")
@click.argument("text", nargs=-1, required=True)
@click.option("--date", "date", metavar="YYYY-MM-DD", help="Resolve offices as of this date (default: today).")
@click.option("--actors", "actors_file", type=click.Path(dir_okay=False), help="User actor file (CSV) layered over "
              "the built-in knowledge base.")
@format_option(default="table", choices=("table", "json", "jsonl", "csv"))
def actor_command(text: tuple[str, ...], date: str | None, actors_file: str | None, fmt: str) -> None:
    """Resolve one actor mention to a country/organisation code, sector, person and office, with the reason.

    \b
    Examples:
      redline actor "Russian President Vladimir Putin"
      redline actor "Obama" --date 2019-05-01 --format json
      redline actor "Kremlin spokesman Dmitry Peskov" --actors my_actors.csv
    """
    from ..knowledge.actors import resolve_actor

    mention = " ".join(text)
    entity = resolve_actor(mention, date=_date(date), actors_file=actors_file)
    row = {"text": mention, "code": entity.code, "sector": entity.sector, "identifier_text": entity.identifier_text,
           "identifier_id": entity.identifier_id, "office": entity.office, "reason": entity.reason,
           "entry": entity.entry}
    emit([row], fmt, columns=ACTOR_COLUMNS)


@click.group("actors")
def actors_group() -> None:
    """Manage actor knowledge: import PETRARCH dictionaries, check a user actor file."""


@actors_group.command("import-petrarch")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="Where to write the redline actor file (CSV).")
@click.option("--kind", type=click.Choice(["auto", "actors", "agents"]), default="auto", show_default=True,
              help="Dictionary kind; auto detects agent dictionaries by their [~CODE] codes.")
@click.option("--strict", is_flag=True, help="Stop at the first malformed line instead of skipping it.")
@click.option("--keep-known", is_flag=True,
              help="Also import names the built-in knowledge base already has (the imported entry then wins).")
def import_petrarch_command(file: str, output: str, kind: str, strict: bool, keep_known: bool) -> None:
    """Convert a PETRARCH2 actor or agent dictionary into a redline actor file.

    Malformed lines (a 7-digit date, a phrase with no code) are skipped and listed. Names the built-in knowledge
    base already has are left out (counted; --keep-known imports them too), since an imported entry wins over
    the built-in one.

    \b
    Examples:
      redline actors import-petrarch Phoenix.Countries.actors.txt -o countries.csv
      redline actors import-petrarch Phoenix.agents.txt -o agents.csv --strict
      redline extract article.txt --actors countries.csv
    Exit code 1 when lines were skipped (they are listed), 0 when everything converted.
    """
    from ..knowledge.actor_petrarch import import_petrarch
    from ..knowledge.actors import Knowledge

    known = None if keep_known else Knowledge.build(places=lambda: None)
    report = import_petrarch(file, output, kind=kind, strict=strict, known=known)
    click.echo(f"{file}: {len(report.rows)} {report.kind} rows written to {output}", err=True)
    if report.known:
        click.echo(f"{len(report.known)} name(s) left out: the built-in knowledge base has them "
                   "(--keep-known imports them; -v lists them)", err=True)
        for line in report.known:
            log.info("left out %s", line)
    for problem in report.skipped:
        click.echo(f"skipped {problem}", err=True)
    if report.skipped:
        click.echo(f"{len(report.skipped)} line(s) skipped", err=True)
        raise SystemExit(1)


@actors_group.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@format_option(default="table", choices=("table", "json", "jsonl", "csv"))
def check_command(file: str, fmt: str) -> None:
    """Validate a user actor file and list where it overrides the built-in knowledge base.

    \b
    Example:
      redline actors check my_actors.csv
    """
    from ..knowledge.actors import Knowledge

    kb = Knowledge.build(actors_file=file)
    emit([{"conflict": c} for c in kb.conflicts], fmt, columns=("conflict",))
    click.echo(f"{file}: valid; {len(kb.conflicts)} override(s) of built-in entries", err=True)


def register(group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(actor_command)
    group.add_command(actors_group)
