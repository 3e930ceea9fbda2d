"""`redline serve` as a function: bind, open the store (waiting while another process writes it), announce the
server as the store's owner, run its watcher, serve until stopped, then withdraw the announcement.
"""

from __future__ import annotations

import gc
import logging
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import StoreError, UsageError
from ..store import owner
from .app import LOOPBACK_HOSTS, create_app

log = logging.getLogger(__name__)

TOKEN_ENV = "REDLINE_API_TOKEN"
_WILDCARDS = ("0.0.0.0", "::", "")


def read_token(token_file: str | None) -> str | None:
    """The API token from `token_file` (its first line) or the environment variable REDLINE_API_TOKEN.

    Never from the command line: a command line is visible to every user of the machine (ps, /proc).
    """
    if token_file:
        try:
            text = Path(token_file).read_text(encoding="utf-8").strip().splitlines()
        except OSError as exc:
            raise UsageError(f"--token-file {token_file}: cannot read it: {exc.strerror or exc}") from exc
        if not text or not text[0].strip():
            raise UsageError(f"--token-file {token_file}: the file is empty")
        return text[0].strip()
    return os.environ.get(TOKEN_ENV) or None


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0 picks a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"serve: cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None, read_only: bool = False,
          watch_dir: str | None = None, every: str = "15m", settle: float | None = None,
          allow_hosts: tuple[str, ...] = (), live_options: dict | None = None, pipeline=None,
          say: Callable[[str], None] = log.warning, on_cycle: Callable | None = None) -> None:
    """Serve the store at `db` on host:port until interrupted (SIGINT / SIGTERM end it cleanly).

    token: enables POST /ingest. read_only: serve without owning the writer (no ingest, no watch). watch_dir,
    every, settle: run `redline watch` in the server. allow_hosts: more names the Host header may carry.
    live_options: how the server's own ingests run the pipeline (workers, engine, actors_file, mapping,
    settings). pipeline: the in-process Pipeline POST /ingest codes with (default: the standard one).
    say(message): where to report what the server does (the CLI prints it).
    """
    import uvicorn

    if read_only and watch_dir:
        raise UsageError("serve: --watch needs a writable store; drop --read-only")
    sock = bind(host, port)
    port = sock.getsockname()[1]
    url_host = "127.0.0.1" if host in _WILDCARDS or host == "localhost" else \
        ("[::1]" if host == "::1" else (f"[{host}]" if ":" in host else host))
    allowed = tuple(dict.fromkeys((*LOOPBACK_HOSTS, *(() if host in _WILDCARDS else (host,)), *allow_hosts)))
    app = _open(db, say, token=token, read_only=read_only, live_options=live_options, allowed_hosts=allowed,
                pipeline=pipeline)
    url = f"http://{url_host}:{port}"
    try:
        if not read_only:
            owner.claim(db, url=url, secret=app.state.live.secret)
            if watch_dir:
                app.state.live.start_watch(watch_dir, every=every, settle=settle, on_cycle=on_cycle)
        say(f"redline: serving {db} on http://{host or '0.0.0.0'}:{port}/ (API docs at /docs)"
            + ("" if read_only else "; ingest and watch on this store are handed to this server")
            + (f"; watching {watch_dir} every {every}" if watch_dir else ""))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=30))
        settle_heap()
        try:
            server.run(sockets=[sock])
        except KeyboardInterrupt:  # uvicorn stopped cleanly and passes the signal on
            pass
        say("redline: server stopped")
    finally:
        if not read_only:
            owner.release(db)
        sock.close()


def settle_heap() -> None:
    """Put what start-up allocated (modules, the knowledge base, the app) out of the garbage collector's reach.

    A served process keeps hundreds of thousands of long-lived objects; Python's full collection walks them all,
    40-44 ms at a time, about once in fifty answers (measured at 10M events, benchmarks/README.md, session 27),
    which made the slow tail of `/events`. Frozen, they are never walked again; what requests allocate is
    collected as before.
    """
    gc.collect()
    gc.freeze()


def _open(db: str, say: Callable[[str], None], **options):
    """create_app, waiting while another process (an ingest not handed to a server) holds the writer lock."""
    waiting = False
    while True:
        try:
            return create_app(db, **options)
        except StoreError as exc:
            if "locked by another process" not in str(exc):
                raise
            if not waiting:
                say(f"redline: {exc}; serving starts when it is free (Ctrl-C to give up)")
                waiting = True
            time.sleep(2)
