"""Watch: ingest what is new in a directory at a fixed cadence (GDELT's is 15 minutes), safely restartable.

Each cycle lists the article files in the directory and hands those that are new or changed (by size and
modification time) to ``redline.ingest.ingest``. That size+mtime state lives only in the running process:
after a restart the first cycle reads every file again, and the store skips articles it already holds by
their content hash, so a restart costs reading time, never a duplicate. Files modified in the last
`settle` seconds are left for the next cycle, so a file still being written is not ingested half-way.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RedlineError, UsageError
from .readers import is_article_file

log = logging.getLogger(__name__)

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
SETTLE_SECONDS = 5.0


def parse_interval(text: str | float | int) -> float:
    """'15m', '30s', '1h', '1d' or a number of seconds -> seconds (> 0). UsageError otherwise."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        seconds = float(text)
    else:
        m = _INTERVAL_RE.match(str(text))
        if not m:
            raise UsageError(f"interval {text!r}: use a number with a unit s, m, h or d (e.g. 15m)")
        seconds = float(m.group(1)) * _UNITS[m.group(2).lower()]
    if seconds <= 0:
        raise UsageError(f"interval {text!r} must be more than zero")
    return seconds


@dataclass(slots=True)
class WatchState:
    """What the watcher has already handed to ingest: path -> (size, mtime in ns). In memory only."""

    seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    cycles: int = 0


@dataclass(frozen=True, slots=True)
class Cycle:
    """One watch cycle: the files ingested (new or changed), those left to settle, and the ingest report."""

    number: int
    files: tuple[str, ...]
    settling: tuple[str, ...]
    report: object | None  # redline.ingest.RunReport, None when nothing was new
    error: str | None = None


def _article_files(directory: Path) -> list[Path]:
    return [f for f in sorted(directory.rglob("*")) if f.is_file() and is_article_file(f)]


def pending_files(directory: str | Path, state: WatchState, *, settle: float = SETTLE_SECONDS,
                  now: float | None = None) -> tuple[list[Path], list[Path]]:
    """(files that are new or changed since `state`, files changed too recently to read yet)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise UsageError(f"watch: {directory} is not a directory")
    now = time.time() if now is None else now
    ready: list[Path] = []
    settling: list[Path] = []
    for f in _article_files(directory):
        try:
            st = f.stat()
        except OSError:  # removed between listing and stat
            continue
        if state.seen.get(str(f)) == (st.st_size, st.st_mtime_ns):
            continue
        (settling if now - st.st_mtime < settle else ready).append(f)
    return ready, settling


def watch_once(directory: str | Path, state: WatchState | None = None, *, db: str = "redline.duckdb",
               settle: float = SETTLE_SECONDS, **ingest_options) -> Cycle:
    """Run one cycle: ingest the new or changed files of `directory` and remember them in `state`.

    ingest_options: passed to ``redline.ingest.ingest`` (workers, engine, scheduler, actors_file, lexicon_file, mapping,
    settings, pipeline, on_failure, progress).
    """
    from .ingest import ingest

    state = state if state is not None else WatchState()
    state.cycles += 1
    ready, settling = pending_files(directory, state, settle=settle)
    if not ready:
        return Cycle(state.cycles, (), tuple(map(str, settling)), None)
    stats = {}
    for f in ready:
        try:
            st = f.stat()
            stats[str(f)] = (st.st_size, st.st_mtime_ns)
        except OSError:
            continue
    report = ingest(list(stats), db=db, command=f"redline watch {directory} (cycle {state.cycles})",
                    **ingest_options)
    state.seen.update(stats)  # only once ingest returned: an interrupted cycle is redone in full
    return Cycle(state.cycles, tuple(stats), tuple(map(str, settling)), report)


def watch(
    directory: str | Path,
    *,
    every: str | float = "15m",
    db: str = "redline.duckdb",
    once: bool = False,
    settle: float = SETTLE_SECONDS,
    on_cycle: Callable[[Cycle], None] | None = None,
    max_cycles: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
    **ingest_options,
) -> WatchState:
    """Ingest new files of `directory` every `every` (e.g. "15m") until interrupted; return the state.

    once: one cycle, then return. on_cycle(cycle): called after each cycle. max_cycles: stop after that many
    (tests). A store error in a cycle (e.g. the store is locked by another writer) is logged and retried at
    the next cycle when watching; with `once` it is raised.
    """
    interval = parse_interval(every)
    if not Path(directory).is_dir():
        raise UsageError(f"watch: {directory} is not a directory")
    if ingest_options.get("lexicon_file"):  # a setting, so the kept pipeline below is built with it
        ingest_options["settings"] = {**(ingest_options.get("settings") or {}),
                                      "lexicon": str(ingest_options.pop("lexicon_file"))}
    if ingest_options.get("pipeline") is None and ingest_options.get("workers", 1) == 1 \
            and ingest_options.get("engine", "local") == "local":
        from .engines.worker import PipelineSpec, pipeline_for
        from .settings import load_settings

        # keep the model loaded across cycles instead of reloading it every 15 minutes
        spec = PipelineSpec(load_settings(overrides=ingest_options.get("settings") or {}),
                            ingest_options.get("actors_file"))
        ingest_options["pipeline"] = pipeline_for(spec)
    state = WatchState()
    while True:
        started = time.monotonic()
        try:
            cycle = watch_once(directory, state, db=db, settle=settle, **ingest_options)
        except RedlineError as exc:
            if once or isinstance(exc, UsageError):
                raise
            log.error("watch cycle %d failed, retrying at the next cycle: %s", state.cycles, exc)
            cycle = Cycle(state.cycles, (), (), None, error=str(exc))
        if on_cycle:
            on_cycle(cycle)
        if once or (max_cycles is not None and state.cycles >= max_cycles):
            return state
        sleep(max(0.0, interval - (time.monotonic() - started)))
