"""Who owns a store's writer: `redline serve` leaves a small file next to the store while it runs.

DuckDB lets one process open a file for writing and then refuses every other process, readers included. A
server that owns the writer writes `STORE.server.json` (its process id, host, URL and a secret, readable by
the owner only); other processes find it there and hand their writes to the server instead of failing on the
lock. The file is removed when the server stops; a file left by a killed server is recognised as stale (its
process is gone) and ignored.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Owner:
    """A running server that owns a store: its process id, base URL and the secret its private API wants."""

    pid: int
    url: str
    secret: str
    path: str


def owner_file(db: str | os.PathLike) -> Path:
    return Path(f"{os.path.abspath(db)}.server.json")


def hostname() -> str:
    """This machine's host name (as recorded with runs and server announcements)."""
    import socket  # here: a query that never asks need not load it

    return socket.gethostname()


def served_by(db: str | os.PathLike) -> Owner | None:
    """The live server that owns `db` on this host, None when there is none (or its file is stale)."""
    path = owner_file(db)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pid, host, url, secret = int(data["pid"]), data["host"], str(data["url"]), str(data["secret"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if host != hostname() or not process_alive(pid) or pid == os.getpid():
        return None
    return Owner(pid, url, secret, str(path))


def claim(db: str | os.PathLike, *, url: str, secret: str) -> Path:
    """Announce that this process serves `db` at `url` (the file is created readable by its owner only)."""
    path = owner_file(db)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"pid": os.getpid(), "host": hostname(), "url": url, "secret": secret}, fh)
    os.replace(tmp, path)
    return path


def release(db: str | os.PathLike) -> None:
    """Remove this process's announcement (only if it is still this process's)."""
    path = owner_file(db)
    try:
        if int(json.loads(path.read_text(encoding="utf-8")).get("pid", -1)) == os.getpid():
            path.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def process_alive(pid: int | None) -> bool:
    """True when a process with this id runs on this host (or may: it belongs to another user)."""
    if not pid:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
