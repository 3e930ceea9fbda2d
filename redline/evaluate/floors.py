"""Pinned floors (redline/gold/floors.toml): which gold file they belong to, and which metrics miss them."""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources
from pathlib import Path

from ..errors import InputError, UsageError

def metric_value(report: dict, name: str) -> float | None:
    """A flat metric name -> its value in a report: "triple_f1" -> report["triple"]["f1"]; a dotted name walks
    nested blocks: "per_label.KILL.f1" -> report["per_label"]["KILL"]["f1"]."""
    if name in report and not isinstance(report[name], dict):
        return report[name]
    if "." in name:
        value = report
        for key in name.split("."):
            if not isinstance(value, dict) or key not in value:
                raise UsageError(f"unknown metric {name!r} in floors")
            value = value[key]
        return value
    for block in ("event_type", "triple"):
        prefix = block + "_"
        if name.startswith(prefix) and name[len(prefix):] in report.get(block, {}):
            return report[block][name[len(prefix):]]
    raise UsageError(f"unknown metric {name!r} in floors")


def check_floors(report: dict, floors: dict[str, float], ceilings: dict[str, float] | None = None) -> list[str]:
    """Every metric below its floor or above its ceiling, as readable lines (empty when all pass).

    A metric the run could not measure (None) fails its floor: a floor exists because it was measured.
    """
    failures = []
    for name, floor in sorted(floors.items()):
        value = metric_value(report, name)
        if value is None or value < floor:
            failures.append(f"{name} = {value} is below its floor {floor}")
    for name, ceiling in sorted((ceilings or {}).items()):
        value = metric_value(report, name)
        if value is None or value > ceiling:
            failures.append(f"{name} = {value} is above its ceiling {ceiling}")
    return failures


def load_floors() -> dict[str, dict]:
    """The pinned floors (redline/gold/floors.toml): gold name -> {path, format, sha256, floors, ceilings}."""
    text = resources.files("redline.gold").joinpath("floors.toml").read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"redline/gold/floors.toml: {exc}") from exc


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def floors_for(path: str | Path, *, split: str | None = None) -> tuple[str, dict] | None:
    """(name, spec) of the pinned floors whose sha256 matches this gold file (and split, for a file pinned by
    split: no split given means its "dev" half), or None."""
    digest = file_sha256(path)
    for name, spec in load_floors().items():
        if spec.get("sha256") == digest and spec.get("split", split or "dev") == (split or "dev"):
            return name, spec
    return None
