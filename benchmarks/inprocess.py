"""The HTTP API answered in process, for the benchmarks that time an answer's CPU (http_cpu.py, answer_cpu.py):
the app's routes run inline (no worker thread, so the process's CPU time is the answer's, DuckDB's threads
included) and a getter that drives the ASGI app with one GET at a time on its own event loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


def inline_routes() -> None:
    """Run FastAPI's sync routes and dependencies in the calling thread (call before the app answers)."""
    import fastapi.dependencies.utils
    import fastapi.routing

    async def inline(func, *args, **kwargs):
        return func(*args, **kwargs)

    fastapi.routing.run_in_threadpool = inline
    fastapi.dependencies.utils.run_in_threadpool = inline


def getter(app) -> Callable[[str, str], tuple[int, bytes]]:
    """get(path, query string) -> (status, body) of `app`'s answer, driven in this thread."""
    loop = asyncio.new_event_loop()

    def get(path: str, query: str = "") -> tuple[int, bytes]:
        scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "root_path": "",
                 "query_string": query.encode(), "headers": [(b"host", b"127.0.0.1")], "http_version": "1.1",
                 "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "app": app}
        status, body = [0], []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            else:
                body.append(message.get("body", b""))

        loop.run_until_complete(app(scope, receive, send))
        return status[0], b"".join(body)

    return get
