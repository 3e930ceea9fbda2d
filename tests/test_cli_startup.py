"""CLI start-up: commands are loaded lazily, a store query loads no pipeline (issue 16, item 6)."""

from __future__ import annotations

import importlib
import importlib.util
import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import redline
from redline.cli import COMMANDS, cli

HEAVY = ("spacy", "datasketch", "scipy", "pyarrow", "redline.records", "redline.api", "redline.ingest",
         "redline.stages", "redline.coding")


def test_commands_table_matches_what_modules_register():
    registered = {}
    for module in sorted(set(COMMANDS.values())):
        group = click.Group()
        importlib.import_module(f"redline.cli.{module}").register(group)
        for name in group.commands:
            registered[name] = module
    assert registered == COMMANDS


def test_help_lists_every_command():
    out = CliRunner().invoke(cli, ["--help"]).output
    for name in COMMANDS:
        assert name in out


def test_constants_copied_for_lazy_modules_match_their_source():
    from redline.cli.store_cmds import EXPORT_FORMATS
    from redline.exports import FORMATS
    from redline.records import Factuality
    from redline.store.queries import FACTUALITIES

    assert EXPORT_FORMATS == FORMATS
    assert FACTUALITIES == tuple(f.value for f in Factuality)


def test_package_attributes_still_resolve():
    from redline.records import Event
    from redline.stages.clean import content_id
    from redline.hashing import content_id as hashed

    assert redline.Event is Event
    assert callable(redline.extract) and callable(redline.extract_document)
    assert redline.Store.__name__ == "Store"
    assert content_id is hashed


def test_events_command_loads_no_pipeline():
    code = ("import sys, json; from redline.cli import cli; cli.get_command(None, 'events'); "
            f"print(json.dumps([m for m in {list(HEAVY)!r} if any(k == m or k.startswith(m + '.') "
            "for k in sys.modules)]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []


def test_events_command_runs_on_the_engine_alone(tmp_path):
    """`redline events` imports DuckDB's engine module, not the duckdb package's Python layer (~80 ms), where the
    installed DuckDB has one; a write in such a process (Arrow tables registered) still works."""
    if importlib.util.find_spec("_duckdb") is None:
        pytest.skip("DuckDB before 1.4: the engine is inside the package, the store imports the package")
    db = tmp_path / "s.duckdb"
    code = ("import sys\n"
            "from redline.cli import cli\n"
            "cli.get_command(None, 'events')\n"
            "assert 'duckdb' not in sys.modules, 'events loaded the duckdb package'\n"
            "from redline.store import Store\n"
            "from redline.store.bulk import insert_rows\n"
            f"with Store({str(db)!r}) as s:\n"
            "    with s._write() as con:\n"
            "        con.execute('CREATE TABLE t (a INTEGER, b VARCHAR)')\n"
            "        insert_rows(con, 't', [(i, str(i)) for i in range(200)])\n"
            "    print(s.con.execute('SELECT count(*), sum(a) FROM t').fetchone())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["(200,", "19900)"]
