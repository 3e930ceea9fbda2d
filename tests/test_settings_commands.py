"""One settings path for every command: a flag wins over REDLINE_<NAME>, which wins over the REDLINE_CONFIG file,
which wins over the default. Each command is run three times against three stores (or three setting values) and
must answer from the layer that should win."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.records import Entity, Quote
from redline.stages.quotes import quote_id
from redline.store import Store
from redline.web.sample import make_document, write_documents

DAY = dt.date(2014, 3, 5)
# layer -> (actor code, recipient code) of the one red-line warning its store holds
MARKERS = {"config": ("FRA", "DEU"), "env": ("POL", "BLR"), "flag": ("CHN", "TUR")}
LAYERS = ("config", "env", "flag")


def _store(path: Path, layer: str) -> str:
    actor, recipient = MARKERS[layer]
    sentence = f"{actor} warned {recipient} that the move would cross a red line."
    doc = make_document(f"{layer}-a1", DAY, [(DAY, "THREATEN", actor, recipient, sentence, "warned")],
                        title=f"{layer} article", publisher=f"{layer} outlet")
    quote = Quote(id=quote_id(doc.article.id, 0, len(sentence), False), article_id=doc.article.id,
                  text=f"the {layer} quote", direct=False, speaker=Entity(actor, actor, "GOV"), speaker_text=actor,
                  verb="said", medium=None, sentence=0, start=0, end=len(sentence), date=DAY)
    write_documents(path, [dataclasses.replace(doc, quotes=(quote,))])
    return str(path)


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("layers")
    return {layer: _store(base / f"{layer}.duckdb", layer) for layer in LAYERS}


@pytest.fixture(scope="module")
def event_ids(stores) -> dict[str, str]:
    out = {}
    for layer, path in stores.items():
        with Store(path, read_only=True) as s:
            (ev,) = s.events(limit=None)
            out[layer] = ev["id"]
    return out


def _layers(tmp_path: Path, upto: str, values: dict[str, str], name: str = "db") -> tuple[dict, list[str]]:
    """Environment and extra flags that set `name` on every layer up to `upto` (config, env, flag)."""
    cfg = tmp_path / "redline.toml"
    value = values["config"]
    cfg.write_text(f"{name} = {json.dumps(value) if isinstance(value, str) else value}\n", encoding="utf-8")
    env = {"REDLINE_CONFIG": str(cfg), f"REDLINE_{name.upper()}": None}
    flags: list[str] = []
    if upto in ("env", "flag"):
        env[f"REDLINE_{name.upper()}"] = str(values["env"])
    if upto == "flag":
        flags = [f"--{name.replace('_', '-')}", str(values["flag"])]
    return env, flags


def _invoke(args: list[str], env: dict):
    result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
    return result


# (command args before the db flag, how to tell which store answered from the output)
READ_COMMANDS = {
    "events": (["events", "--format", "jsonl"], lambda out, code: json.loads(out)["actor"][0]["code"] == code[0]),
    "runs": (["runs", "--format", "json"], None),
    "quotes": (["quotes", "--format", "jsonl"], None),
    "dyads": (["dyads", "--format", "json"],
              lambda out, code: [(r["actor"], r["recipient"]) for r in json.loads(out)] == [code]),
    "alerts": (["alerts", "--format", "json"],
               lambda out, code: [(a["actor"], a["recipient"]) for a in json.loads(out)] == [code]),
    "digest": (["digest", "--date", DAY.isoformat()], lambda out, code: f"{code[0]} -> {code[1]}" in out),
}


@pytest.mark.parametrize("upto", LAYERS)
@pytest.mark.parametrize("command", sorted(READ_COMMANDS))
def test_read_command_uses_the_winning_db_layer(stores, tmp_path, command, upto):
    args, check = READ_COMMANDS[command]
    env, flags = _layers(tmp_path, upto, stores)
    result = _invoke(args + flags, env)
    assert result.exit_code == 0, result.output
    if command == "runs":
        assert stores[upto] in result.output and not any(stores[o] in result.output for o in LAYERS if o != upto)
    elif command == "quotes":
        assert f"the {upto} quote" in result.output
        assert not any(f"the {o} quote" in result.output for o in LAYERS if o != upto)
    else:
        assert check(result.output.strip() if command != "events" else result.output.splitlines()[0],
                     MARKERS[upto]), result.output


@pytest.mark.parametrize("upto", LAYERS)
def test_event_command_uses_the_winning_db_layer(stores, event_ids, tmp_path, upto):
    env, flags = _layers(tmp_path, upto, stores)
    result = _invoke(["event", event_ids[upto], "--format", "json"] + flags, env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["actor"][0]["code"] == MARKERS[upto][0]


@pytest.mark.parametrize("upto", LAYERS)
def test_timeline_uses_the_winning_db_layer(stores, tmp_path, upto):
    env, flags = _layers(tmp_path, upto, stores)
    actor, recipient = MARKERS[upto]
    result = _invoke(["timeline", "--actor", actor, "--recipient", recipient, "--format", "json"] + flags, env)
    assert result.exit_code == 0, result.output
    assert [(r["label"], r["events"]) for r in json.loads(result.output)] == [("2014-03", 1)]


@pytest.mark.parametrize("upto", LAYERS)
def test_export_uses_the_winning_db_layer(stores, tmp_path, upto):
    env, flags = _layers(tmp_path, upto, stores)
    out = tmp_path / "events.jsonl"
    result = _invoke(["export", "--format", "plover", "-o", str(out)] + flags, env)
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["actor"][0]["code"] == MARKERS[upto][0]


@pytest.mark.parametrize("upto", LAYERS)
def test_serve_uses_the_winning_db_and_token_layers(stores, tmp_path, monkeypatch, upto):
    """The token's flag is --token-file (a token on the command line would show in ps)."""
    import redline.web.serve as web_serve
    from redline.web.app import create_app

    served = {}
    monkeypatch.setattr(web_serve, "serve", lambda db, **kw: served.update(db=db, **kw))
    env, flags = _layers(tmp_path, upto, stores)
    tokens = {layer: f"token-{layer}" for layer in LAYERS}
    env["REDLINE_API_TOKEN"] = tokens["env"] if upto in ("env", "flag") else None
    if upto == "flag":
        token_file = tmp_path / "token"
        token_file.write_text(tokens["flag"] + "\n", encoding="utf-8")
        flags += ["--token-file", str(token_file)]
    cfg = Path(env["REDLINE_CONFIG"])
    cfg.write_text(cfg.read_text(encoding="utf-8") + f'api_token = "{tokens["config"]}"\n', encoding="utf-8")
    result = _invoke(["serve", "--read-only"] + flags, env)
    assert result.exit_code == 0, result.output
    assert served["db"] == stores[upto]
    monkeypatch.setenv("REDLINE_CONFIG", str(cfg))  # what the server process sees when it builds its app
    if env["REDLINE_API_TOKEN"]:
        monkeypatch.setenv("REDLINE_API_TOKEN", env["REDLINE_API_TOKEN"])
    else:
        monkeypatch.delenv("REDLINE_API_TOKEN", raising=False)
    app = create_app(served["db"], token=served["token"], read_only=True)
    try:
        assert app.state.token == tokens[upto]
    finally:
        app.state.store.close()


def _undated_input(folder: Path) -> Path:
    """A directory with one file that cannot be read (empty): ingest records the failure in the store it opens."""
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / "empty.txt"
    f.write_text("", encoding="utf-8")
    old = f.stat().st_mtime - 3600
    os.utime(f, (old, old))  # watch takes only files that stopped changing
    return folder


@pytest.mark.parametrize("command", ["ingest", "watch"])
@pytest.mark.parametrize("upto", LAYERS)
def test_writing_commands_create_the_winning_db(tmp_path, command, upto):
    paths = {layer: str(tmp_path / f"{layer}-new.duckdb") for layer in LAYERS}
    env, flags = _layers(tmp_path, upto, paths)
    inbox = _undated_input(tmp_path / "inbox")
    args = ["ingest", str(inbox)] if command == "ingest" else ["watch", str(inbox), "--once"]
    result = _invoke(args + flags, env)
    assert result.exit_code == 1, result.output  # the empty file failed, and says so
    assert Path(paths[upto]).exists()
    assert not any(Path(paths[o]).exists() for o in LAYERS if o != upto)
    with Store(paths[upto], read_only=True) as s:
        assert s.failures()[0]["input"].endswith("empty.txt")


def test_ingest_without_any_setting_uses_the_default_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inbox = _undated_input(tmp_path / "inbox")
    result = _invoke(["ingest", str(inbox)], {"REDLINE_CONFIG": None, "REDLINE_DB": None})
    assert result.exit_code == 1
    assert (tmp_path / "redline.duckdb").exists()
    assert "into redline.duckdb" in result.output


@pytest.mark.parametrize("upto", LAYERS)
def test_demo_uses_the_winning_db_layer(tmp_path, upto):
    paths = {layer: str(tmp_path / f"{layer}-demo.duckdb") for layer in LAYERS}
    env, flags = _layers(tmp_path, upto, paths)
    result = _invoke(["demo", "--limit", "1"] + flags, env)
    assert result.exit_code == 0, result.output
    assert f"-> {paths[upto]}" in result.output
    assert [Path(paths[o]).exists() for o in LAYERS] == [o == upto for o in LAYERS]


@pytest.mark.parametrize("command", ["ingest", "watch", "bench"])
@pytest.mark.parametrize("upto", LAYERS)
def test_workers_setting_reaches_the_runner(tmp_path, monkeypatch, command, upto):
    seen = {}

    def fake(*args, **kwargs):
        seen.update(kwargs)
        raise SystemExit(0)

    target = {"ingest": "redline.cli.store_cmds.ingest", "watch": "redline.watch.watch", "bench": "redline.bench.bench"}
    monkeypatch.setattr(target[command], fake)
    env, flags = _layers(tmp_path, upto, {"config": 3, "env": 4, "flag": 5}, name="workers")
    inbox = _undated_input(tmp_path / "inbox")
    args = {"ingest": ["ingest", str(inbox)], "watch": ["watch", str(inbox), "--once"],
            "bench": ["bench", str(inbox)]}[command]
    _invoke(args + flags, env)
    assert seen["workers"] == {"config": 3, "env": 4, "flag": 5}[upto]


@pytest.mark.parametrize("command", ["explain", "extract"])
@pytest.mark.parametrize("upto", ["config", "env"])
def test_pipeline_settings_reach_the_coder(tmp_path, command, upto):
    """max_sentence_tokens has no flag: the environment wins over the config file, which wins over the default."""
    env, _ = _layers(tmp_path, upto, {"config": 2, "env": 3}, name="max_sentence_tokens")
    text = "Russia attacked Ukraine near Donetsk on Monday."
    if command == "explain":
        result = _invoke(["explain", text, "--no-parse"], env)
        assert f"max_sentence_tokens={ {'config': 2, 'env': 3}[upto] }" in result.output
    else:
        src = tmp_path / "a.txt"
        src.write_text(text + "\n", encoding="utf-8")
        result = _invoke(["extract", str(src), "--published", "2021-06-17"], env)
        assert result.exit_code == 0 and result.output.strip() == ""  # every sentence was too long to code
    plain = _invoke(["explain", text, "--no-parse"], {"REDLINE_CONFIG": None, "REDLINE_MAX_SENTENCE_TOKENS": None})
    assert "ASSAULT" in plain.output  # and without the setting the sentence is coded
