"""The `redline` command: a thin skin over the Python API. Each command group lives in its own module."""

from __future__ import annotations

import logging
import signal
import sys

import click

from ..errors import RedlineError, UsageError
from . import (
    actors_cmds,
    analysis_cmds,
    coding_cmds,
    dates_cmds,
    eval_cmds,
    extract_cmds,
    gold_cmds,
    lexicon_cmds,
    ops_cmds,
    quotes_cmds,
    review_cmds,
    store_cmds,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
@click.version_option(package_name="redline")
def cli(verbose: int) -> None:
    """redline: who did what to whom, when and where, from news articles (PLOVER + CAMEO)."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


for _module in (extract_cmds, store_cmds, coding_cmds, actors_cmds, eval_cmds, gold_cmds, lexicon_cmds, ops_cmds,
                analysis_cmds, quotes_cmds, dates_cmds, review_cmds):
    _module.register(cli)


def _terminate(signum, frame) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> None:
    """Entry point: RedlineError -> one clear line on stderr; exit 2 for usage errors, 1 otherwise.

    SIGTERM ends a command like Ctrl-C: a run in progress is recorded as interrupted and its workers stop.
    """
    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli.main(standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("interrupted: what was written before stays in the store; run the same command again to resume",
                   err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UsageError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except RedlineError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(0)
    else:
        sys.exit(0)
