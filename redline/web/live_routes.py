"""The private route through which `redline ingest` / `redline watch` hand a run to the server (redline.live).

POST /_live/ingest takes the run as JSON and streams NDJSON events back (progress, failure, then report or
error). Only for the store's owner: the request must come from this host and carry the secret the server
wrote into the owner file next to the store (readable by the owner only). A client that goes away stops the
run (it ends as interrupted, like Ctrl-C on a local ingest).
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import threading

from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse
from starlette.exceptions import HTTPException

from ..errors import RedlineError
from ..live import INGEST_PATH, SECRET_HEADER

log = logging.getLogger(__name__)


def _local(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def owner_only(request: Request, app: FastAPI, path: str):
    """The app's live store when the request comes from the store's owner on this host (404 / 403 otherwise)."""
    live = app.state.live
    if live is None:
        raise HTTPException(404, f"{path}: the store is served read-only")
    secret = request.headers.get(SECRET_HEADER, "")
    if not _local(request.client.host if request.client else None) or \
            not hmac.compare_digest(secret.encode(), live.secret.encode()):
        raise HTTPException(403, f"{path}: only for the store's owner on this host")
    return live


def live_routes(app: FastAPI) -> None:
    """Add POST /_live/ingest to `app` (answers 404 when the app serves its store read-only)."""

    @app.post(INGEST_PATH, include_in_schema=False)
    async def live_ingest(request: Request):
        live = owner_only(request, app, INGEST_PATH)
        body = await request.body()
        try:
            job = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise HTTPException(400, f"request body: not JSON ({exc})") from exc
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()
        stop = threading.Event()

        def emit(event: dict | None) -> None:
            loop.call_soon_threadsafe(queue.put_nowait, event)

        def work() -> None:
            try:
                live.handle(job, emit, stop.is_set)
            except KeyboardInterrupt as exc:
                emit({"type": "error", "kind": "interrupted", "message": str(exc) or "interrupted"})
            except RedlineError as exc:
                emit({"type": "error", "kind": type(exc).__name__, "message": str(exc)})
            except Exception as exc:  # a bug must reach the client as a message, and the server goes on
                log.exception("live ingest failed")
                emit({"type": "error", "kind": "internal", "message": f"internal error: {type(exc).__name__}: {exc}"})
            finally:
                emit(None)

        threading.Thread(target=work, name="redline-live-ingest", daemon=True).start()

        async def events():
            try:
                while True:
                    event = await queue.get()
                    if event is None:
                        return
                    yield json.dumps(event) + "\n"
            finally:
                stop.set()  # finished, or the client went away: then the run stops at its next article

        return StreamingResponse(events(), media_type="application/x-ndjson")
