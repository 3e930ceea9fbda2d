"""The HTTP API and dashboard: thin FastAPI routes over the Store and redline.analysis.

One pinned envelope for every JSON answer: ``{"ok": true, "data": ..., "meta": {...}}`` on success and
``{"ok": false, "error": "...", "status": 4xx}`` on failure. The store is opened read-only unless an API
token is configured (then POST /ingest and POST /events/{id}/review are enabled, checked with a constant-time
compare; the review routes live in review_routes.py). Everything the
dashboard needs is served from the package: no CDN, no network.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import analysis
from ..errors import InputError, RedlineError, StoreError, UsageError
from ..settings import load_settings
from ..store import Store
from . import review_routes

log = logging.getLogger(__name__)

STATIC = Path(str(resources.files("redline").joinpath("web/static")))
API_VERSION = "1"


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return str(value)


def envelope(data: Any, **meta: Any) -> Response:
    """The success envelope. Encoded with json.dumps directly: jsonable_encoder costs more than the query."""
    body = json.dumps({"ok": True, "data": data, "meta": meta}, ensure_ascii=False, default=_json_default)
    return Response(body, media_type="application/json")


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


class BodyLimit:
    """ASGI middleware: refuse request bodies over `limit` bytes with 413 (declared or streamed)."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(scope, receive, send)
        chunks, size, more = [], 0, True
        while more:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body = msg.get("body", b"")
            size += len(body)
            if size > self.limit:
                return await self._refuse(scope, receive, send)
            chunks.append(body)
            more = msg.get("more_body", False)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send):
        resp = error_response(413, f"request body: larger than the limit of {self.limit} bytes "
                                   "(setting body_limit_bytes)")
        await resp(scope, receive, send)


def create_app(db: str | Path, *, settings: dict | None = None, token: str | None = None,
               pipeline=None) -> FastAPI:
    """The FastAPI app over the store at `db`.

    settings: overrides of redline settings (page_size_max, body_limit_bytes, api_token); token: the API token
    (wins over the setting). pipeline: the Pipeline POST /ingest uses (default: the process-wide one).
    """
    values = load_settings(overrides=settings or {})
    token = token or values["api_token"]
    page_max = int(values["page_size_max"])
    store = Store(db, read_only=not token)
    app = FastAPI(title="redline", version=API_VERSION, docs_url=None, redoc_url=None,
                  description="Political events coded in PLOVER from news articles, with their evidence.",
                  dependencies=[Depends(_reject_unknown_parameters)])
    app.state.store = store
    app.state.page_max = page_max
    app.state.token = token
    app.state.pipeline = pipeline
    app.add_middleware(BodyLimit, limit=int(values["body_limit_bytes"]))
    _install_errors(app)
    app.router.add_event_handler("shutdown", store.close)

    def page(limit: int | None, default: int) -> int:
        """The page size: the endpoint's default capped by page_size_max; a larger explicit one is an error."""
        if limit is None:
            return min(default, page_max)
        if limit > page_max:
            raise UsageError(f"limit: at most {page_max} rows per page (setting page_size_max), got {limit}")
        return limit

    @app.get("/events", summary="Events with filters, newest first, paginated")
    def events(actor: str | None = Query(None, description="Actor code, e.g. RUS"),
               recipient: str | None = Query(None, description="Recipient code, e.g. UKR"),
               event: str | None = Query(None, description="PLOVER event type, e.g. ASSAULT"),
               since: dt.date | None = None,
               until: dt.date | None = None,
               factuality: str = Query("asserted", description="asserted, negated, hypothetical, possible, "
                                                                  "future or all"),
               article: str | None = Query(None, description="Only events mentioned in this article"),
               min_confidence: float | None = Query(None, ge=0.0, le=1.0,
                                                    description="Only events coded at least this confident"),
               include_rejected: bool = Query(False, description="Also events an analyst rejected"),
               reviewed_only: bool = Query(False, description="Only events an analyst confirmed or corrected"),
               limit: int | None = Query(None, ge=1, description="Page size (default 50)"),
               offset: int = Query(0, ge=0, description="Rows to skip")):
        limit = page(limit, 50)
        fact = None if factuality == "all" else factuality
        actor, recipient = analysis.check_code(actor, "actor"), analysis.check_code(recipient, "recipient")
        filters = dict(actor=actor, recipient=recipient, event=event, since=since, until=until, factuality=fact,
                       article_id=article, min_confidence=min_confidence, include_rejected=include_rejected,
                       reviewed_only=reviewed_only)
        rows = store.events(**filters, limit=limit, offset=offset)
        total = store.count_events(**filters)
        for r in rows:
            r["highlights"] = analysis.highlights(r)
        nxt = offset + limit if offset + limit < total else None
        return envelope(rows, total=total, limit=limit, offset=offset, next_offset=nxt)

    @app.get("/events/{event_id}", summary="One event with every mention's evidence sentence and article")
    def one_event(event_id: str):
        ev = store.event(event_id)
        if ev is None:
            raise HTTPException(404, f"event {event_id!r}: not found")
        ev["highlights"] = analysis.highlights(ev)
        for m in ev.get("mentions") or []:
            m["highlights"] = analysis.highlights(m)
        ev["article"] = next((m["article"] for m in ev.get("mentions") or []
                              if m["article"]["id"] == ev.get("article_id")), None)
        return envelope(ev)

    @app.get("/articles/{article_id}", summary="One article with its text, places, quotes and events")
    def one_article(article_id: str):
        art = store.article(article_id)
        if art is None:
            raise HTTPException(404, f"article {article_id!r}: not found")
        return envelope(art)

    @app.get("/actors", summary="Actor codes by how many events carry them")
    def actors(limit: int | None = Query(None, ge=1, description="Page size (default 100)")):
        limit = page(limit, 100)
        return envelope(store.actors(limit=limit), limit=limit)

    @app.get("/quotes", summary="Quotes with their speakers")
    def quotes(speaker: str | None = Query(None, description="Speaker code or part of a name"),
               since: dt.date | None = None, until: dt.date | None = None,
               contains: str | None = Query(None, description="Text the quote contains"),
               limit: int | None = Query(None, ge=1, description="Page size (default 50)")):
        limit = page(limit, 50)
        return envelope(store.quotes(speaker=speaker, since=since, until=until, contains=contains, limit=limit),
                        limit=limit)

    @app.get("/dyads", summary="Most active actor -> recipient pairs")
    def dyads(since: dt.date | None = None, until: dt.date | None = None, factuality: str = "asserted",
              limit: int | None = Query(None, ge=1, description="Page size (default 20)"),
              include_rejected: bool = False, reviewed_only: bool = False):
        limit = page(limit, 20)
        return envelope(analysis.dyads(store, since=since, until=until, factuality=factuality, limit=limit,
                                       include_rejected=include_rejected, reviewed_only=reviewed_only),
                        limit=limit)

    @app.get("/timeline", summary="Events per period for a dyad: quad classes, mean Goldstein and PLOVER score")
    def timeline(actor: str | None = None, recipient: str | None = None,
                 by: str = Query("month", description="day, week, month or year"),
                 since: dt.date | None = None, until: dt.date | None = None, factuality: str = "asserted",
                 both: bool = Query(False, description="Count both directions of the dyad"),
                 include_rejected: bool = False, reviewed_only: bool = False):
        rows = analysis.timeline(store, actor=actor, recipient=recipient, by=by, since=since, until=until,
                                 factuality=factuality, both_directions=both, include_rejected=include_rejected,
                                 reviewed_only=reviewed_only)
        return envelope(rows, actor=actor, recipient=recipient, by=by, both=both)

    @app.get("/alerts", summary="Escalation alerts and red-line warnings, with evidence events")
    def alerts(since: dt.date | None = None, until: dt.date | None = None, factuality: str = "asserted",
               by: str = "month", baseline: int = Query(6, ge=1), min_events: int = Query(3, ge=1),
               min_rise: float = Query(0.2, ge=0, le=1), z: float = Query(2.0, ge=0),
               include_rejected: bool = False, reviewed_only: bool = False):
        opts = analysis.AlertOptions(by=by, baseline=baseline, min_events=min_events, min_rise=min_rise, z=z)
        return envelope(analysis.alerts(store, since=since, until=until, factuality=factuality, options=opts,
                                        include_rejected=include_rejected, reviewed_only=reviewed_only),
                        method=dict(by=by, baseline=baseline, min_events=min_events, min_rise=min_rise, z=z))

    @app.get("/network", summary="Actor network: nodes and directed dyad edges")
    def network(since: dt.date | None = None, until: dt.date | None = None, factuality: str = "asserted",
                limit: int | None = Query(None, ge=1, description="Page size (default 60)"),
                include_rejected: bool = False, reviewed_only: bool = False):
        limit = page(limit, 60)
        return envelope(analysis.network(store, since=since, until=until, factuality=factuality, limit=limit,
                                         include_rejected=include_rejected, reviewed_only=reviewed_only))

    @app.get("/locations", summary="Event places with coordinates and counts")
    def locations(actor: str | None = None, recipient: str | None = None, since: dt.date | None = None,
                  until: dt.date | None = None, factuality: str = "asserted",
                  limit: int | None = Query(None, ge=1, description="Page size (default 500)"),
                  include_rejected: bool = False, reviewed_only: bool = False):
        limit = page(limit, 500)
        return envelope(analysis.locations(store, actor=actor, recipient=recipient, since=since, until=until,
                                           factuality=factuality, limit=limit, include_rejected=include_rejected,
                                           reviewed_only=reviewed_only))

    @app.get("/digest", summary="The daily brief as Markdown, HTML or JSON (the envelope)")
    def digest(date: dt.date, days: int = Query(1, ge=1, le=31), format: str = "md",  # noqa: A002
               include_rejected: bool = False, reviewed_only: bool = False):
        if format not in ("md", "html", "json"):
            raise UsageError(f"format: {format!r} is not one of md, html, json")
        d = analysis.digest(store, date=date, days=days, base_url="", include_rejected=include_rejected,
                            reviewed_only=reviewed_only)
        if format == "json":
            return envelope(d)
        text = analysis.render_digest(d, format)
        return HTMLResponse(text) if format == "html" else PlainTextResponse(text, media_type="text/markdown")

    @app.get("/stats", summary="Store size and date range")
    def stats():
        return envelope(analysis.summary(store), read_only=store.read_only, ingest=bool(token),
                        review=bool(token) and not store.read_only, page_size_max=page_max)

    @app.post("/ingest", summary="Code and store one article (only when an API token is configured)")
    async def ingest(request: Request):
        review_routes.check_token(request, token, "ingest")
        body = await request.body()
        fields = _ingest_fields(body, request.headers.get("content-type", ""))
        from starlette.concurrency import run_in_threadpool

        return envelope(await run_in_threadpool(_ingest_one, store, fields, app.state.pipeline))

    review_routes.install(app, store, token=token, envelope=envelope, page=page)

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(STATIC / "docs.html")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _reject_unknown_parameters(request: Request) -> None:
    """A misspelt query parameter is an error, never silently ignored."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = {p.alias for p in dependant.query_params}
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise HTTPException(400, f"query parameter {unknown[0]!r}: unknown here "
                                f"(known: {', '.join(sorted(known)) or 'none'})")


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0]
        loc = [str(x) for x in first.get("loc", ())]
        where = {"query": "query parameter", "path": "path parameter", "body": "request body"}.get(
            loc[0] if loc else "", "parameter")
        name = loc[1] if len(loc) > 1 else ""
        got = first.get("input")
        got_text = f" (got {got!r})" if isinstance(got, str | int | float) else ""
        return error_response(400, f"{where} {name!r}: {first.get('msg', 'invalid')}{got_text}".replace(" ''", ""))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"{request.url.path}: no such endpoint"
        elif exc.status_code == 405 and message == "Method Not Allowed":
            message = f"{request.method} {request.url.path}: method not allowed"
        return error_response(exc.status_code, message)

    @app.exception_handler(UsageError)
    async def usage(request: Request, exc: UsageError):
        return error_response(400, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError):
        return error_response(400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return error_response(503, str(exc))

    @app.exception_handler(RedlineError)
    async def redline_error(request: Request, exc: RedlineError):
        return error_response(500, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, f"internal error: {type(exc).__name__}")


def _ingest_fields(body: bytes, content_type: str) -> dict[str, Any]:
    """The article fields of a POST /ingest body: JSON {text, title, published, url, id, source} or raw text."""
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"request body: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    if "json" in content_type:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise HTTPException(400, f"request body: not JSON ({exc.msg} at line {exc.lineno})") from exc
        if not isinstance(data, dict):
            raise HTTPException(400, "request body: a JSON object with a 'text' field is expected")
        known = {"text", "title", "published", "date", "url", "id", "source", "publisher"}
        extra = sorted(set(data) - known)
        if extra:
            raise HTTPException(400, f"request body: unknown field {extra[0]!r} (known: {', '.join(sorted(known))})")
        fields = dict(data)
    else:
        fields = {"text": raw}
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise HTTPException(400, "request body field 'text': the article text is missing or empty")
    published = fields.pop("date", None) or fields.get("published")
    if published is not None:
        try:
            fields["published"] = dt.date.fromisoformat(str(published)[:10])
        except ValueError as exc:
            raise HTTPException(400, f"request body field 'published': {published!r} is not a YYYY-MM-DD date") from exc
    return fields


def _ingest_one(store: Store, fields: dict[str, Any], pipeline) -> dict[str, Any]:
    from ..api import default_pipeline
    from ..stages.clean import clean_text

    article = clean_text(fields["text"], published=fields.get("published"), source=fields.get("source") or "http",
                         title=fields.get("title"), url=fields.get("url"), publisher=fields.get("publisher"),
                         article_id=fields.get("id"))
    doc = (pipeline or default_pipeline()).run_one(article)
    run_id = store.begin_run("http ingest", [article.source or "http"])
    try:
        written = store.write_document(doc, run_id=run_id)
    except RedlineError:
        store.finish_run(run_id, counts={"read": 1, "failed": 1}, status="error")
        raise
    store.finish_run(run_id, counts={"read": 1, "coded": int(written), "events": len(doc.events)}, status="ok")
    return {"article_id": article.id, "stored": written, "events": len(doc.events),
            "reason": "" if written else "already stored"}
