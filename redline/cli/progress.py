"""One progress bar for every command that works through many articles: on stderr, only on a terminal."""

from __future__ import annotations

import sys
import time


class Bar:
    """A rich progress bar on stderr with articles/s and ETA."""

    def __init__(self, label: str, total: int | None):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._start = time.monotonic()
        self._progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(),
                                  TextColumn("{task.fields[rate]} articles/s"), TimeRemainingColumn(),
                                  console=Console(file=sys.stderr), transient=True)
        self._task = self._progress.add_task(label, total=total, rate="-")
        self._progress.start()

    def update(self, done: int, total: int | None = None) -> None:
        rate = done / max(time.monotonic() - self._start, 1e-6)
        fields = {"total": total} if total is not None else {}
        self._progress.update(self._task, completed=done, rate=f"{rate:.1f}", **fields)

    def stop(self) -> None:
        self._progress.stop()


def progress_bar(label: str, total: int | None = None) -> Bar | None:
    """A Bar when stderr is a terminal (a pipe or a log file gets no bar), else None."""
    return Bar(label, total) if sys.stderr.isatty() else None
