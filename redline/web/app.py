"""The HTTP API and dashboard: thin FastAPI routes over the Store and redline.analysis.

One pinned envelope for every JSON answer: ``{"ok": true, "data": ..., "meta": {...}}`` on success and
``{"ok": false, "error": "...", "status": 4xx}`` on failure; the JSON is strict (no NaN or Infinity). By default
the server owns the store's only writer (a live store, see redline.live): its watcher and ingests handed to
it write while the API reads, each batch visible when it commits. POST /ingest and POST /events/{id}/review
(review_routes.py) also need an API token (checked with a constant-time compare). Everything the dashboard
needs is served from the package: no CDN, no network.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .. import analysis
from ..errors import InputError, RedlineError, StoreError, UsageError
from ..live import LiveStore
from ..precision import date_text
from ..quotes_api import fold_fragments
from ..records import Article, Failure
from ..settings import load_settings
from ..store import Store
from . import listing, review_routes
from .live_routes import live_routes
from .middleware import AnswerCache, BodyLimit, BodyTooLarge, HostCheck
from .pages import StaticAssets, asset_response, load_assets

log = logging.getLogger(__name__)

STATIC = Path(str(resources.files("redline").joinpath("web/static")))
API_VERSION = "1"


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return str(value)


def _finite(value: Any) -> Any:
    """The same data with every NaN or infinite float replaced by None (strict JSON has no such numbers)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def dumps(payload: Any) -> str:
    """Strict JSON: a non-finite float becomes null rather than the non-JSON `NaN` / `Infinity`."""
    try:
        return json.dumps(payload, ensure_ascii=False, default=_json_default, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(payload), ensure_ascii=False, default=_json_default, allow_nan=False)


def envelope(data: Any, **meta: Any) -> Response:
    """The success envelope. Encoded with json.dumps directly: jsonable_encoder costs more than the query."""
    return Response(dumps({"ok": True, "data": data, "meta": meta}), media_type="application/json")


def _decorate_event(r: dict) -> None:
    """What /events adds to each event: the spans to highlight in its sentence and its date as text."""
    r["highlights"] = analysis.highlights(r)
    r["date_text"] = date_text(r.get("date"), r.get("date_precision"))


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
MAX_OFFSET = 2**63 - 1  # the largest row offset the store takes
DYADS_KEPT = 60  # the dyads ranked per version for /dyads and /network (the network view's default)


def create_app(db: str | Path, *, settings: dict | None = None, token: str | None = None, pipeline=None,
               read_only: bool = False, live_options: dict | None = None,
               allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS, cache: bool = True) -> FastAPI:
    """The FastAPI app over the store at `db`.

    settings: overrides of redline settings (page_size_max, body_limit_bytes, api_token); token: the API token
    (wins over the setting) that enables POST /ingest. pipeline: the Pipeline POST /ingest uses (default: the
    process-wide one). read_only: open the store read-only (no ingest of any kind); otherwise the app owns its
    writer (a live store, redline.live), with live_options (workers, engine, actors_file, mapping, settings)
    for the runs it does itself. allowed_hosts: the names the Host header may carry. cache: keep GET answers
    until the next commit.
    """
    values = load_settings(overrides=settings or {})
    token = token or values["api_token"]
    page_max = int(values["page_size_max"])
    store = Store(db, read_only=read_only)
    app = FastAPI(title="redline", version=API_VERSION, docs_url=None, redoc_url=None,
                  description="Political events coded in PLOVER from news articles, with their evidence.",
                  dependencies=[Depends(_reject_unknown_parameters)])
    app.state.store = store
    app.state.page_max = page_max
    app.state.token = token
    app.state.pipeline = pipeline
    app.state.live = None if read_only else LiveStore(store, **(live_options or {}))
    app.state.ingest_lock = threading.Lock()
    if cache:
        app.add_middleware(AnswerCache, store=store)
    app.add_middleware(BodyLimit, limit=int(values["body_limit_bytes"]))
    app.add_middleware(HostCheck, allowed=tuple(allowed_hosts))
    _install_errors(app)

    def startup() -> None:
        import anyio.to_thread

        # Answers being computed hold the interpreter in their threads: forty at once (anyio's default) starve
        # the event loop that serves cached answers, while one or two per core let one slow answer (a digest)
        # hold up every other. Measured with 200 clients on 2 cores (benchmarks/README.md): 4 per core.
        anyio.to_thread.current_default_thread_limiter().total_tokens = max(4, min(16, 4 * (os.cpu_count() or 2)))

    def shutdown() -> None:
        if app.state.live is not None:
            app.state.live.close()
        store.close()

    app.router.add_event_handler("startup", startup)
    app.router.add_event_handler("shutdown", shutdown)

    def page(limit: int | None, default: int) -> int:
        """The page size: the endpoint's default capped by page_size_max; a larger explicit one is an error."""
        if limit is None:
            return min(default, page_max)
        if limit > page_max:
            raise UsageError(f"limit: at most {page_max} rows per page (setting page_size_max), got {limit}")
        return limit

    def ranked_dyads(*, limit: int, **options: Any) -> list[dict]:
        """analysis.dyads(store, limit=limit, **options), shared by /dyads and /network: one ranking of at least
        DYADS_KEPT is kept per version, and a shorter ranking is its prefix (ties are broken by the codes)."""
        key = tuple(sorted(options.items()))
        version = store.version
        kept = store.memo.get("dyads", key, version,
                              lambda: (max(limit, DYADS_KEPT), analysis.dyads(store, limit=max(limit, DYADS_KEPT),
                                                                              **options)))
        if kept[0] < limit and len(kept[1]) >= kept[0]:  # a ranking shorter than asked is whole
            kept = (limit, analysis.dyads(store, limit=limit, **options))
            store.memo.put_many("dyads", {key: kept}, version)
        return [dict(r) for r in kept[1][:limit]]

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
               offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip")):
        limit = page(limit, 50)
        fact = None if factuality == "all" else factuality
        actor, recipient = analysis.check_code(actor, "actor"), analysis.check_code(recipient, "recipient")
        filters = dict(actor=actor, recipient=recipient, event=event, factuality=fact, article_id=article,
                       min_confidence=min_confidence, include_rejected=include_rejected, reviewed_only=reviewed_only)
        rows, total = listing.events_page(store, since=since, until=until, limit=limit, offset=offset,
                                          decorate=_decorate_event, **filters)
        nxt = offset + limit if offset + limit < total else None
        return envelope(rows, total=total, limit=limit, offset=offset, next_offset=nxt)

    @app.get("/events/{event_id}", summary="One event with every mention's evidence sentence and article")
    def one_event(event_id: str):
        ev = store.event(event_id)
        if ev is None:
            raise HTTPException(404, f"event {event_id!r}: not found")
        ev["highlights"] = analysis.highlights(ev)
        ev["date_text"] = date_text(ev.get("date"), ev.get("date_precision"))
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
        return envelope(fold_fragments(store.quotes(speaker=speaker, since=since, until=until, contains=contains,
                                                    limit=limit)),
                        limit=limit)

    @app.get("/dyads", summary="Most active actor -> recipient pairs")
    def dyads(since: dt.date | None = None, until: dt.date | None = None, factuality: str = "asserted",
              limit: int | None = Query(None, ge=1, description="Page size (default 20)"),
              undated: bool = Query(False, description="Count undated background events on their article's date"),
              include_rejected: bool = False, reviewed_only: bool = False):
        limit = page(limit, 20)
        return envelope(ranked_dyads(since=since, until=until, factuality=factuality, limit=limit, undated=undated,
                                     include_rejected=include_rejected, reviewed_only=reviewed_only), limit=limit)

    @app.get("/timeline", summary="Events per period for a dyad: quad classes, mean Goldstein and PLOVER score")
    def timeline(actor: str | None = None, recipient: str | None = None,
                 by: str = Query("month", description="day, week, month or year"),
                 since: dt.date | None = None, until: dt.date | None = None, factuality: str = "asserted",
                 both: bool = Query(False, description="Count both directions of the dyad"),
                 undated: bool = Query(False, description="Count undated background events on their article's date"),
                 include_rejected: bool = False, reviewed_only: bool = False):
        args = dict(actor=actor, recipient=recipient, by=by, since=since, until=until, factuality=factuality,
                    both_directions=both, undated=undated, include_rejected=include_rejected,
                    reviewed_only=reviewed_only)
        rows = analysis.timeline(store, **args)
        left = analysis.timeline_left_out(store, **args)
        return envelope(rows, actor=actor, recipient=recipient, by=by, both=both, left_out=left,
                        left_out_note=analysis.left_out_note(left, by))

    @app.get("/alerts", summary="Escalation alerts and red-line warnings, with evidence events (the first "
                                f"{analysis.ALERT_SENTENCES} sentences of each unless evidence=all)")
    def alerts(since: dt.date | None = None, until: dt.date | None = None, factuality: str | None = None,
               by: str = "month", baseline: int = Query(6, ge=1),
               min_baseline: int = Query(analysis.AlertOptions().min_baseline, ge=1),
               min_events: int = Query(3, ge=1),
               min_escalation: int = Query(analysis.AlertOptions().min_escalation, ge=1),
               min_rise: float = Query(0.2, ge=0, le=1, allow_inf_nan=False),
               z: float = Query(2.0, ge=0, allow_inf_nan=False),
               undated: bool = Query(False, description="Count undated background events on their article's date"),
               include_rejected: bool = False, reviewed_only: bool = False,
               evidence: str = Query(str(analysis.ALERT_SENTENCES), pattern=r"^(all|[0-9]{1,9})$",
                                     description="Evidence sentences each alert carries: the first N by date, or "
                                                 "`all` (`sentence_count` says how many it has)")):
        opts = analysis.AlertOptions(by=by, baseline=baseline, min_baseline=min_baseline, min_events=min_events,
                                     min_escalation=min_escalation, min_rise=min_rise, z=z)
        return envelope(analysis.alerts(store, since=since, until=until, factuality=factuality, options=opts,
                                        undated=undated, include_rejected=include_rejected,
                                        reviewed_only=reviewed_only,
                                        sentences=None if evidence == "all" else int(evidence)),
                        method=dict(by=by, baseline=baseline, min_baseline=min_baseline, min_events=min_events,
                                    min_escalation=min_escalation, min_rise=min_rise, z=z))

    @app.get("/network", summary="Actor network: nodes and directed dyad edges")
    def network(since: dt.date | None = None, until: dt.date | None = None, factuality: str = "asserted",
                limit: int | None = Query(None, ge=1, description="Page size (default 60)"),
                include_rejected: bool = False, reviewed_only: bool = False):
        limit = page(limit, 60)
        return envelope(analysis.network_of(ranked_dyads(since=since, until=until, factuality=factuality,
                                                         limit=limit, undated=False,
                                                         include_rejected=include_rejected,
                                                         reviewed_only=reviewed_only)))

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
        # kept per version: the Markdown and the JSON of one day lay out the same digest
        d = store.memo.get("digest", (date, days, include_rejected, reviewed_only), store.version,
                           lambda: analysis.digest(store, date=date, days=days, base_url="",
                                                   include_rejected=include_rejected, reviewed_only=reviewed_only))
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
        if store.read_only:
            raise HTTPException(403, "ingest: the store is served read-only (serve --read-only)")
        body = await request.body()  # only now: an unauthenticated body is never read
        article = _ingest_article(body, request.headers.get("content-type", ""), page_max)
        return envelope(await run_in_threadpool(_ingest_one, app, article))

    live_routes(app)

    review_routes.install(app, store, token=token, envelope=envelope, page=page)

    assets = load_assets(STATIC)  # served from memory on the event loop: no worker thread (pages.py)

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request):
        return asset_response(assets["docs.html"], request.headers.get("if-none-match", ""), name="docs.html")

    @app.get("/", include_in_schema=False)
    async def index(request: Request):
        return asset_response(assets["index.html"], request.headers.get("if-none-match", ""), name="index.html")

    app.mount("/static", StaticAssets(assets), name="static")
    return app


async def _reject_unknown_parameters(request: Request) -> None:
    """A misspelt query parameter is an error, never silently ignored; so is one given twice.

    Async on purpose: FastAPI runs a plain `def` dependency in a worker thread, and that hop queues behind
    every answer being computed (under load, a second wait as long as the first)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = {p.alias for p in dependant.query_params}
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise HTTPException(400, f"query parameter {unknown[0]!r}: unknown here "
                                f"(known: {', '.join(sorted(known)) or 'none'})")
    names = [k for k, _ in request.query_params.multi_items()]
    twice = sorted({k for k in names if names.count(k) > 1})
    if twice:
        raise HTTPException(400, f"query parameter {twice[0]!r}: given {names.count(twice[0])} times; "
                                "give it once")


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

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge):
        return error_response(413, str(exc))

    @app.exception_handler(RedlineError)
    async def redline_error(request: Request, exc: RedlineError):
        return error_response(500, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, f"internal error: {type(exc).__name__}")


def _ingest_article(body: bytes, content_type: str, page_max: int) -> Article:
    """The article of a POST /ingest body: JSON {text, title, published, url, id, source, publisher} or raw text.

    Checked like a record of a file (redline.readers.article_from_record): field types, lone surrogates, length,
    a body left after cleaning, English. HTTPException 400 names the problem.
    """
    from ..readers import article_from_record
    from ..readers.common import unicode_problem

    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"request body: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    if "json" in content_type:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise HTTPException(400, f"request body: not JSON ({exc.msg} at line {exc.lineno})") from exc
        except RecursionError as exc:
            raise HTTPException(400, "request body: JSON nested too deeply") from exc
        if not isinstance(data, dict):
            raise HTTPException(400, "request body: a JSON object with a 'text' field is expected")
        known = {"text", "title", "published", "date", "url", "id", "source", "publisher"}
        extra = sorted(set(data) - known)
        if extra:
            raise HTTPException(400, f"request body: unknown field {extra[0]!r} (known: {', '.join(sorted(known))})")
    else:
        data = {"text": raw}
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise HTTPException(400, "request body field 'text': the article text is missing or empty")
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        raise HTTPException(400, f"request body field 'source' has type {type(source).__name__}, expected a string")
    problem = unicode_problem(source, "source") if source else None
    if problem:
        raise HTTPException(400, f"request body: {problem}")
    published = data.get("published", data.get("date"))
    if published is not None:
        if not isinstance(published, str):
            raise HTTPException(400, "request body field 'published': a YYYY-MM-DD date is expected")
        try:
            dt.date.fromisoformat(published[:10])
        except ValueError as exc:
            raise HTTPException(400, f"request body field 'published': {published!r} is not a YYYY-MM-DD "
                                     "date") from exc
    record = {"text": text, "title": data.get("title"), "date": published, "url": data.get("url"),
              "id": data.get("id"), "publisher": data.get("publisher")}
    try:
        return article_from_record(record, where=source or "http")
    except ValueError as exc:
        raise HTTPException(400, f"request body: {exc}") from exc
    except RecursionError as exc:
        raise HTTPException(400, "request body: nested too deeply") from exc


def _ingest_one(app: FastAPI, article: Article) -> dict[str, Any]:
    """Code one article and store it (one ingest at a time with the server's other ingests)."""
    from ..api import default_pipeline

    store: Store = app.state.store
    live = app.state.live
    lock = live.jobs if live is not None else app.state.ingest_lock
    with lock:
        out = next(iter((app.state.pipeline or default_pipeline()).run([article])))
        if isinstance(out, Failure):
            raise InputError(f"article could not be coded: {out.stage}: {out.reason}")
        run_id = store.begin_run("http ingest", [article.source or "http"])
        try:
            written = store.write_document(out, run_id=run_id)
        except RedlineError:
            store.finish_run(run_id, counts={"read": 1, "failed": 1}, status="error")
            raise
        store.finish_run(run_id, counts={"read": 1, "coded": int(written), "events": len(out.events)}, status="ok")
    return {"article_id": article.id, "stored": written, "events": len(out.events),
            "reason": "" if written else "already stored"}
