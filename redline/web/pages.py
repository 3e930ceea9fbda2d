"""The dashboard's pages and assets, served from memory on the event loop.

The package's static files (about 170 KB) are read once when the app is built. Serving them from disk
(Starlette's FileResponse / StaticFiles) costs one worker-thread hop per stat, open, read and close, and
those hops queue behind every answer being computed: under 200 clients the dashboard's own page took
0.8-2.3 s (median) to arrive while cached JSON answers took 45 ms, and 17-21 s when most answers had to be
computed (benchmarks/README.md). From memory a page costs no thread at all. Each file carries an ETag (a hash of its bytes), so a browser that has it gets a 304.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from starlette.responses import JSONResponse, Response

_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".html": "text/html; charset=utf-8", ".json": "application/json", ".md": "text/markdown; charset=utf-8"}


@dataclass(frozen=True, slots=True)
class Asset:
    """One static file: its bytes, content type and ETag."""

    body: bytes
    media_type: str
    etag: str


def load_assets(root: Path) -> dict[str, Asset]:
    """Every file under `root`, keyed by its path relative to root with '/' separators."""
    assets = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        body = path.read_bytes()
        media = _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        assets[path.relative_to(root).as_posix()] = Asset(body, media, '"' + hashlib.sha256(body).hexdigest()[:20] + '"')
    return assets


def asset_response(asset: Asset | None, if_none_match: str, *, name: str) -> Response:
    """The asset, a 304 when the client's If-None-Match names its ETag, or the API's 404 envelope naming it."""
    if asset is None:
        return JSONResponse({"ok": False, "error": f"/static/{name}: no such file", "status": 404}, status_code=404)
    headers = {"etag": asset.etag, "cache-control": "no-cache"}  # revalidate: a new redline may change the file
    if if_none_match and asset.etag in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(asset.body, media_type=asset.media_type, headers=headers)


class StaticAssets:
    """An ASGI app serving `assets` (mounted at /static): GET and HEAD, from memory, no worker thread."""

    def __init__(self, assets: dict[str, Asset]):
        self.assets = assets

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return
        if scope["method"] not in ("GET", "HEAD"):
            response = JSONResponse({"ok": False, "error": f"{scope['method']} {scope['path']}: method not allowed",
                                     "status": 405}, status_code=405, headers={"allow": "GET, HEAD"})
        else:
            root, path = scope.get("root_path", ""), scope["path"]  # a mount's root_path ends in /static
            name = (path[len(root):] if path.startswith(root) else path).lstrip("/")
            etags = dict(scope.get("headers") or []).get(b"if-none-match", b"").decode("latin-1")
            response = asset_response(self.assets.get(name), etags, name=name)
        await response(scope, receive, send)
