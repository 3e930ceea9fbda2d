"""Settings: one table drives defaults, the config file and the docs."""

from pathlib import Path

import pytest

from redline.errors import UsageError
from redline.settings import SETTINGS, load_settings

DOC = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"


def test_every_setting_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"| `{s.name}` | `{s.env}` |" not in text]
    assert not missing, f"undocumented settings: {missing}"


def test_environment_wins_over_config_file_and_flags_win_over_environment(tmp_path, monkeypatch):
    cfg = tmp_path / "redline.toml"
    cfg.write_text('db = "file.duckdb"\nworkers = 3\nnear_duplicate_threshold = 0.9\n', encoding="utf-8")
    monkeypatch.setenv("REDLINE_CONFIG", str(cfg))
    monkeypatch.setenv("REDLINE_DB", "env.duckdb")
    monkeypatch.setenv("REDLINE_WORKERS", "4")
    monkeypatch.setenv("REDLINE_NEAR_DUPLICATE_THRESHOLD", "0.7")
    values = load_settings()
    assert (values["db"], values["workers"], values["near_duplicate_threshold"]) == ("env.duckdb", 4, 0.7)
    assert load_settings(overrides={"db": "flag.duckdb", "workers": None})["db"] == "flag.duckdb"
    assert load_settings(overrides={"workers": None})["workers"] == 4  # an unset flag leaves the lower layers
    monkeypatch.setenv("REDLINE_DB", "")
    assert load_settings()["db"] == "file.duckdb"  # an empty variable is unset


def test_bad_environment_value_names_the_variable(monkeypatch):
    monkeypatch.setenv("REDLINE_WORKERS", "two")
    with pytest.raises(UsageError, match="environment REDLINE_WORKERS='two': expected int"):
        load_settings()


def test_config_file_overrides_defaults_and_flags_override_file(tmp_path, monkeypatch):
    cfg = tmp_path / "redline.toml"
    cfg.write_text('workers = 3\ndb = "x.duckdb"\n', encoding="utf-8")
    monkeypatch.setenv("REDLINE_CONFIG", str(cfg))
    values = load_settings(overrides={"workers": 5, "db": None})
    assert values["workers"] == 5
    assert values["db"] == "x.duckdb"
    assert values["batch_size"] == 16


@pytest.mark.parametrize(
    "content, message",
    [("nonsense = 1\n", "unknown setting 'nonsense'"), ("workers = [\n", "cannot read")],
)
def test_bad_config_file_names_file_and_problem(tmp_path, monkeypatch, content, message):
    cfg = tmp_path / "bad.toml"
    cfg.write_text(content, encoding="utf-8")
    monkeypatch.setenv("REDLINE_CONFIG", str(cfg))
    with pytest.raises(UsageError, match=message) as err:
        load_settings()
    assert str(cfg) in str(err.value)
