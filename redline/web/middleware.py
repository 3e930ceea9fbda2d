"""ASGI middleware of the HTTP API: the Host check, the body limit and the answer cache.

Plain ASGI classes (no framework magic), each small enough to read at once:

- HostCheck refuses a request whose Host header is not a name the server answers to (DNS rebinding: a web
  page elsewhere must not reach a server on loopback through a name its attacker controls).
- BodyLimit refuses a body above the limit as it arrives: it never buffers a body itself, so a route that
  refuses a request before reading its body (a missing token) reads none of it.
- AnswerCache keeps the GET answers of the JSON API until the store's next commit (the server is the only
  writer, so its store's `version` says exactly when an answer may have changed), and lets identical
  requests that arrive together share one computation.
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict

_CACHED_PREFIXES = ("/events", "/articles/", "/actors", "/quotes", "/dyads", "/timeline", "/alerts", "/network",
                    "/locations", "/digest", "/stats", "/openapi.json")


async def _send_error(send, status: int, message: str) -> None:
    body = json.dumps({"ok": False, "error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class HostCheck:
    """Refuse (400) a request whose Host header names none of `allowed` (names or addresses, without port)."""

    def __init__(self, app, allowed: tuple[str, ...]):
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in allowed}

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").lower()
        name = host[1:].split("]", 1)[0] if host.startswith("[") else host.rsplit(":", 1)[0] if ":" in host else host
        if name not in self.allowed:
            return await _send_error(send, 400, f"Host header {host!r}: this server answers to "
                                                f"{', '.join(sorted(self.allowed))} (serve --allow-host NAME to add one)")
        return await self.app(scope, receive, send)


class BodyTooLarge(Exception):
    """Raised to the route reading a request body that goes over the limit."""


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413: at once when declared, else while the route reads."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await _send_error(send, 413, self.message())
        size = 0

        async def counted():
            nonlocal size
            msg = await receive()
            size += len(msg.get("body", b""))
            if size > self.limit:
                raise BodyTooLarge(self.message())
            return msg

        return await self.app(scope, counted, send)

    def message(self) -> str:
        return f"request body: larger than the limit of {self.limit} bytes (setting body_limit_bytes)"


class AnswerCache:
    """Keep GET answers (status 200, at most `max_body` bytes each; at most `entries` answers and `max_bytes`
    bytes in all, the least recently used out first) of the JSON API until `store.version` moves.

    Identical requests that arrive while one of them is being answered wait for that answer instead of
    computing it again (a crowd opening the dashboard at once costs one computation per view), as long as
    no commit happened since that computation began.
    """

    def __init__(self, app, store, *, entries: int = 16384, max_bytes: int = 256 << 20, max_body: int = 1 << 20):
        self.app = app
        self.store = store
        self.entries = entries
        self.max_bytes = max_bytes  # the bodies kept, in all (a varied crowd asks thousands of distinct answers)
        self.max_body = max_body
        self._bytes = 0
        self._cache: OrderedDict[tuple[str, bytes], tuple[int, int, list, bytes]] = OrderedDict()
        self._inflight: dict[tuple[str, bytes], tuple[int, asyncio.Future]] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(_CACHED_PREFIXES):
            return await self.app(scope, receive, send)
        key = (scope["path"], scope.get("query_string", b""))
        version = self.store.version
        hit = self._cache.get(key)
        if hit is not None and hit[0] == version:
            self._cache.move_to_end(key)
            return await _replay(send, hit[1], hit[2], hit[3])
        lead = self._inflight.get(key)
        if lead is not None and lead[0] == version:
            answer = await asyncio.shield(lead[1])
            if answer is not None:
                return await _replay(send, *answer)
            return await self.app(scope, receive, send)  # the first one failed: answer this one on its own
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._inflight[key] = (version, future)
        start: dict = {}
        chunks: list[bytes] = []

        async def keep(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        answer = None
        try:
            await self.app(scope, receive, keep)
            if start:
                answer = (start["status"], list(start.get("headers") or []), b"".join(chunks))
        finally:
            if self._inflight.get(key, (None, None))[1] is future:
                del self._inflight[key]
            future.set_result(answer)
        if answer and answer[0] == 200 and len(answer[2]) <= self.max_body and self.store.version == version:
            old = self._cache.pop(key, None)  # no commit while it ran
            self._bytes += len(answer[2]) - (len(old[3]) if old is not None else 0)
            self._cache[key] = (version, *answer)
            while len(self._cache) > self.entries or self._bytes > self.max_bytes:
                self._bytes -= len(self._cache.popitem(last=False)[1][3])


async def _replay(send, status: int, headers: list, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
