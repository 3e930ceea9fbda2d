"""The `redline` command: a thin skin over the Python API. Each command group lives in its own module."""

from __future__ import annotations

import importlib
import logging
import signal
import sys

import click

from ..errors import RedlineError, UsageError

# Which module registers each command. A command's module (and what it imports: spaCy, pyarrow, the web
# stack) is imported only when that command runs, so `redline events` starts without loading the pipeline.
# tests/test_cli_startup.py checks this table against what the modules register.
COMMANDS = {
    "extract": "extract_cmds", "demo": "extract_cmds",
    "ingest": "store_cmds", "events": "store_cmds", "event": "store_cmds", "export": "store_cmds",
    "runs": "store_cmds", "compact": "store_cmds",
    "explain": "coding_cmds",
    "actor": "actors_cmds", "actors": "actors_cmds",
    "eval": "eval_cmds",
    "gold": "gold_cmds",
    "lexicon": "lexicon_cmds",
    "bench": "ops_cmds", "watch": "ops_cmds",
    "dyads": "analysis_cmds", "timeline": "analysis_cmds", "alerts": "analysis_cmds", "digest": "analysis_cmds",
    "serve": "analysis_cmds",
    "dates": "dates_cmds",
    "quotes": "quotes_cmds",
    "review": "review_cmds", "reviews": "review_cmds", "recode": "review_cmds",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module the first time the command is looked up."""

    def list_commands(self, ctx) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx, name):
        if name not in self.commands and name in COMMANDS:
            importlib.import_module(f"{__name__}.{COMMANDS[name]}").register(self)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
@click.version_option(package_name="redline")
def cli(verbose: int) -> None:
    """redline: who did what to whom, when and where, from news articles (PLOVER + CAMEO)."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


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
