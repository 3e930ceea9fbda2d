"""A live store: `redline serve` owns the store's only writer, and ingests from elsewhere are handed to it.

DuckDB allows one process to open a store file for writing and then refuses every other process, readers
included. So the server keeps the store open for writing for its whole life and does all writing itself:

- its own watcher (`redline serve --watch DIR`) runs in a thread of the server;
- `redline ingest` / `redline watch` (and `redline.ingest.ingest`) against a served store find the server
  through the file it leaves next to the store (redline.store.owner) and hand their run to it over loopback
  HTTP, authenticated by a secret only the store's owner can read; the server runs it and streams progress,
  failures and the final report back, and the caller prints them as if it had run the ingest itself;
- one ingest runs at a time (a lock), the pipeline runs in worker processes (the server's threads keep the
  interpreter for the HTTP API), and every batch is one transaction: readers see each batch when it commits.
"""

from __future__ import annotations

import datetime as dt

import json
import logging
import os
import secrets
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import RedlineError, StoreError, UsageError
from .ingest import RunReport, ingest
from .records import Failure
from .store import Store
from .store.owner import Owner, served_by

log = logging.getLogger(__name__)

INGEST_PATH = "/_live/ingest"
SECRET_HEADER = "x-redline-secret"
_REQUEST_FIELDS = {"paths", "workers", "engine", "scheduler", "actors_file", "mapping", "settings", "command",
                   "write_batch", "replace", "published"}


def server_for(db: str | os.PathLike) -> Owner | None:
    """The running server that owns `db` on this host, None when there is none."""
    return served_by(db)


class LiveStore:
    """The server side: a writable store, one ingest at a time, the server's worker pool and watcher.

    store: the Store the server opened for writing. workers, engine, scheduler, actors_file, mapping, settings:
    how the server's own ingests (its watcher, POST /ingest) run the pipeline.
    """

    def __init__(self, store: Store, *, workers: int = 1, engine: str = "local", scheduler: str | None = None,
                 actors_file: str | None = None, mapping: dict[str, str] | None = None,
                 settings: dict | None = None):
        self.store = store
        self.secret = secrets.token_urlsafe(32)
        self.options = {"workers": workers, "engine": engine, "scheduler": scheduler, "actors_file": actors_file,
                        "mapping": mapping, "settings": settings or {}}
        self.jobs = threading.Lock()  # one ingest at a time: the watcher, handed-in runs, POST /ingest
        self._closing = threading.Event()
        self._pool = None
        self._threads: list[threading.Thread] = []

    # -- running ingests -----------------------------------------------------------------------------------

    def ingest(self, paths: list[str], *, stop: Callable[[], bool] | None = None, **options: Any) -> RunReport:
        """Run `redline.ingest.ingest` on the served store, after any ingest already running.

        options: as for ingest (db, store, pipeline and pool are the server's own and are ignored).
        """
        for own in ("db", "store", "pipeline", "pool", "processes"):
            options.pop(own, None)
        merged = {**self.options, **{k: v for k, v in options.items() if v is not None}}

        def stopped() -> bool:
            return self._closing.is_set() or (stop is not None and stop())

        with self.jobs:
            if stopped():
                raise KeyboardInterrupt("the server is stopping")
            pool = self._shared_pool(merged)
            return ingest(paths, store=self.store, stop=stopped, pool=pool, processes=True, **merged)

    def _shared_pool(self, options: dict):
        """The server's worker pool when the run needs the server's own pipeline, else None (a run of its own)."""
        if options["engine"] != "local" or any(options[k] != self.options[k] for k in
                                                ("workers", "actors_file", "settings")):
            return None
        if self._pool is None:
            from .engines.local import ProcessPool
            from .engines.worker import PipelineSpec
            from .settings import load_settings

            spec = PipelineSpec(load_settings(overrides=self.options["settings"]), self.options["actors_file"])
            self._pool = ProcessPool(spec, self.options["workers"])
        return self._pool

    def handle(self, request: Any, emit: Callable[[dict], None], stop: Callable[[], bool]) -> None:
        """Run one handed-in ingest: `request` is the JSON the client sent; events go to emit()."""
        job = check_request(request)
        paths = job.pop("paths")
        report = self.ingest(paths, stop=stop, on_failure=lambda f: emit({"type": "failure", "input": f.input,
                                                                          "stage": f.stage, "reason": f.reason}),
                             progress=lambda done, total: emit({"type": "progress", "done": done, "total": total}),
                             **job)
        emit({"type": "report", "report": _report_dict(report)})

    # -- the watcher -----------------------------------------------------------------------------------------

    def start_watch(self, directory: str | Path, *, every: str | float, settle: float | None = None,
                    on_cycle: Callable | None = None) -> None:
        """Watch `directory` in a thread of the server, every `every`, until the server stops."""
        from .watch import SETTLE_SECONDS, watch

        def loop() -> None:
            try:
                watch(directory, every=every, run=self.ingest, settle=SETTLE_SECONDS if settle is None else settle,
                      on_cycle=on_cycle, stop=self._closing.is_set, sleep=self._closing.wait)
            except KeyboardInterrupt:
                pass
            except Exception:  # the watcher must not die silently: say why, the API goes on serving
                log.exception("watch %s stopped", directory)

        thread = threading.Thread(target=loop, name=f"redline-watch {directory}", daemon=True)
        thread.start()
        self._threads.append(thread)

    def close(self, timeout: float = 60.0) -> None:
        """Stop the watcher and running ingests (they end as interrupted), then the worker pool."""
        self._closing.set()
        for thread in self._threads:
            thread.join(timeout)
        with self.jobs:
            if self._pool is not None:
                self._pool.close()
                self._pool = None


def check_request(request: Any) -> dict:
    """A handed-in ingest request, checked: UsageError names the first bad field."""
    if not isinstance(request, dict):
        raise UsageError("live ingest: a JSON object is expected")
    unknown = sorted(set(request) - _REQUEST_FIELDS)
    if unknown:
        raise UsageError(f"live ingest: unknown field {unknown[0]!r}")
    paths = request.get("paths")
    if not isinstance(paths, list) or not paths or not all(isinstance(p, str) and p for p in paths):
        raise UsageError("live ingest: 'paths' must be a non-empty list of paths")
    job: dict[str, Any] = {"paths": paths}
    for name in ("workers", "write_batch"):
        if request.get(name) is not None:
            value = request[name]
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 1024:
                raise UsageError(f"live ingest: {name!r} must be a positive integer")
            job[name] = value
    for name in ("engine", "scheduler", "actors_file", "command"):
        if request.get(name) is not None:
            if not isinstance(request[name], str):
                raise UsageError(f"live ingest: {name!r} must be a string")
            job[name] = request[name]
    for name in ("mapping", "settings"):
        if request.get(name) is not None:
            if not isinstance(request[name], dict):
                raise UsageError(f"live ingest: {name!r} must be an object")
            job[name] = request[name]
    if request.get("replace") is not None:
        job["replace"] = bool(request["replace"])
    if request.get("published") is not None:
        try:
            job["published"] = dt.date.fromisoformat(str(request["published"]))
        except ValueError:
            raise UsageError("live ingest: 'published' must be a YYYY-MM-DD date") from None
    return job


def _report_dict(report: RunReport) -> dict:
    return {"run_id": report.run_id, "status": report.status, "read": report.read, "new": report.new,
            "already_stored": report.already_stored, "duplicate": report.duplicate, "coded": report.coded,
            "failed": report.failed, "events": report.events, "stages": report.stages, "replaced": report.replaced,
            "failures": [[f.input, f.stage, f.reason] for f in report.failures]}


# -- the client side: hand a run to the server -------------------------------------------------------------


def remote_ingest(owner: Owner, paths: list[str], *, workers: int = 1, engine: str = "local",
                  scheduler: str | None = None, actors_file: str | None = None,
                  mapping: dict[str, str] | None = None, progress=None, on_failure=None,
                  settings: dict | None = None, command: str | None = None, pipeline=None, write_batch: int = 16,
                  replace: bool = False, published: dt.date | None = None) -> RunReport:
    """Hand an ingest to the server that owns the store; return its report (arguments as redline.ingest)."""
    if pipeline is not None:
        from .engines.worker import PipelineSpec

        if PipelineSpec.of(pipeline).stages is not None:
            raise UsageError(f"the store is served by `redline serve` (pid {owner.pid}), which runs the standard "
                             "pipeline: a pipeline with other stages cannot be handed to it")
    body = {"paths": [os.path.abspath(p) for p in paths],
            "workers": workers, "engine": engine, "scheduler": scheduler,
            "actors_file": os.path.abspath(actors_file) if actors_file else None, "mapping": mapping,
            "settings": settings or None, "command": command, "write_batch": write_batch, "replace": replace,
            "published": published.isoformat() if published else None}
    req = urllib.request.Request(owner.url + INGEST_PATH, data=json.dumps(body).encode(), method="POST",
                                 headers={"content-type": "application/json", SECRET_HEADER: owner.secret})
    log.info("store is served by pid %d at %s: handing the ingest to it", owner.pid, owner.url)
    report: dict | None = None
    try:
        with urllib.request.urlopen(req, timeout=None) as resp:  # noqa: S310 - our own server, loopback
            for line in resp:
                event = json.loads(line)
                kind = event.get("type")
                if kind == "progress" and progress is not None:
                    progress(event["done"], event["total"])
                elif kind == "failure" and on_failure is not None:
                    on_failure(Failure(event["input"], event["stage"], event["reason"]))
                elif kind == "report":
                    report = event["report"]
                elif kind == "error":
                    _raise_remote(event)
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:500].decode("utf-8", "replace")
        raise StoreError(f"the server that owns the store (pid {owner.pid}, {owner.url}) refused the ingest: "
                         f"HTTP {exc.code} {detail}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise StoreError(f"the store is served by pid {owner.pid} at {owner.url}, which does not answer ({exc}); "
                         "stop that server or wait for it") from exc
    if report is None:
        raise StoreError(f"the server that owns the store (pid {owner.pid}) ended the ingest without a report")
    failures = tuple(Failure(*f) for f in report.pop("failures"))
    return RunReport(failures=failures, **report)


def _raise_remote(event: dict) -> None:
    kind, message = event.get("kind"), event.get("message", "")
    if kind == "interrupted":
        raise KeyboardInterrupt(message)
    if kind == "UsageError":
        raise UsageError(message)
    if kind in ("StoreError", "StoreWriteError"):
        raise StoreError(message)
    raise RedlineError(message)
