"""Settings: one table drives defaults, the config file and the docs."""

from pathlib import Path

import pytest

from redline.errors import UsageError
from redline.settings import SETTINGS, load_settings

DOC = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"


def test_every_setting_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text]
    assert not missing, f"undocumented settings: {missing}"


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
