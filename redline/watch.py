"""Watch: ingest what is new in a directory at a fixed cadence (GDELT's is 15 minutes), safely restartable.

Each cycle lists the article files in the directory and takes those that are new or changed and complete:
a file is complete when its size and modification time are the same at two polls `settle` seconds apart
(a file renamed into the directory whole is complete at once; hidden and unknown-suffix files such as
`x.jsonl.part` are never listed, so writing under such a name and renaming is the safe way to deliver).
The files taken are handed to ``redline.ingest.ingest`` with ``replace=True``: the store remembers each
file's size and time, so after a restart an unchanged file is skipped without being read, and a file whose
content changed after it was stored replaces the articles of its earlier version instead of adding a
second article (a writer that paused longer than `settle` costs a recoding, never a double count).
"""

from __future__ import annotations

import logging
import os
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
    """What the watcher knows, in memory: path -> (size, mtime in ns).

    seen: as handed to ingest; polled: as last observed (a file observed unchanged since the last poll is
    complete without waiting again).
    """

    seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    polled: dict[str, tuple[int, int]] = field(default_factory=dict)
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


def _stats(files: list[Path]) -> dict[str, tuple[int, int]]:
    out = {}
    for f in files:
        try:
            st = f.stat()
        except OSError:  # removed between listing and stat
            continue
        out[str(f)] = (st.st_size, st.st_mtime_ns)
    return out


def pending_files(directory: str | Path, state: WatchState, *, settle: float = SETTLE_SECONDS,
                  sleep: Callable[[float], object] = time.sleep) -> tuple[list[Path], list[Path]]:
    """(new or changed files that are complete, new or changed files still being written).

    A file is complete when its size and modification time are the same at two polls: the previous cycle's
    and this one, or this one and a second poll `settle` seconds later (only made when some file needs it).
    settle <= 0 takes every new or changed file at once. sleep: how to wait between the polls.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise UsageError(f"watch: {directory} is not a directory")
    now = {p: st for p, st in _stats(_article_files(directory)).items() if state.seen.get(p) != st}
    unsure = [p for p, st in now.items() if state.polled.get(p) != st] if settle > 0 else []
    state.polled = {**{p: st for p, st in state.polled.items() if p in now}, **now}
    if unsure and settle > 0:
        sleep(settle)
        again = _stats([Path(p) for p in unsure])
        state.polled.update(again)
        unsure = [p for p in unsure if again.get(p) != now[p]]
    ready = [Path(p) for p in now if p not in unsure]
    return ready, [Path(p) for p in unsure]


def watch_once(directory: str | Path, state: WatchState | None = None, *, db: str = "redline.duckdb",
               settle: float = SETTLE_SECONDS, run: Callable | None = None,
               sleep: Callable[[float], object] = time.sleep, **ingest_options) -> Cycle:
    """Run one cycle: ingest the new or changed complete files of `directory`; remember them in `state`.

    run: the ingest function (default ``redline.ingest.ingest``; the server passes its own). ingest_options:
    passed to it (workers, engine, scheduler, actors_file, lexicon_file, mapping, settings, pipeline, on_failure,
    progress).
    """
    from .ingest import ingest

    state = state if state is not None else WatchState()
    state.cycles += 1
    ready, settling = pending_files(directory, state, settle=settle, sleep=sleep)
    if not ready:
        return Cycle(state.cycles, (), tuple(map(str, settling)), None)
    stats = {str(p): state.polled[str(p)] for p in ready}
    report = (run or ingest)(list(stats), db=db, command=f"redline watch {directory} (cycle {state.cycles})",
                             replace=True, **ingest_options)
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
    sleep: Callable[[float], object] = time.sleep,
    run: Callable | None = None,
    stop: Callable[[], bool] | None = None,
    **ingest_options,
) -> WatchState:
    """Ingest new files of `directory` every `every` (e.g. "15m") until interrupted; return the state.

    once: one cycle, then return. on_cycle(cycle): called after each cycle. max_cycles: stop after that many
    (tests). run: the ingest function (see watch_once). stop(): checked after each cycle and wait; True ends
    the watch. A store error in a cycle (e.g. the store is locked by another writer) is logged and retried at
    the next cycle when watching; with `once` it is raised.
    """
    interval = parse_interval(every)
    if not Path(directory).is_dir():
        raise UsageError(f"watch: {directory} is not a directory")
    if ingest_options.get("lexicon_file"):  # a setting, so the kept pipeline below is built with it
        ingest_options["settings"] = {**(ingest_options.get("settings") or {}),
                                      "lexicon": os.path.abspath(ingest_options.pop("lexicon_file"))}
    if run is None and ingest_options.get("pipeline") is None and ingest_options.get("workers", 1) == 1 \
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
            cycle = watch_once(directory, state, db=db, settle=settle, run=run, sleep=sleep, **ingest_options)
        except RedlineError as exc:
            if once or isinstance(exc, UsageError):
                raise
            log.error("watch cycle %d failed, retrying at the next cycle: %s", state.cycles, exc)
            cycle = Cycle(state.cycles, (), (), None, error=str(exc))
        if on_cycle:
            on_cycle(cycle)
        if once or (max_cycles is not None and state.cycles >= max_cycles) or (stop is not None and stop()):
            return state
        sleep(max(0.0, interval - (time.monotonic() - started)))
        if stop is not None and stop():
            return state
