"""HTTP routes for reviews: write a verdict (token needed), list and count reviews, the review queue, and what
the dashboard's correction form picks from (types and modes, actor search). Thin skins over redline.reviews.

Reading is open; POST /events/{id}/review needs `Authorization: Bearer <token>` and a writable store.
"""

from __future__ import annotations

import datetime as dt
import hmac

from fastapi import FastAPI, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from ..records import Factuality
from ..store.reviews import VERDICTS


class ReviewBody(BaseModel):
    """The body of POST /events/{id}/review."""

    model_config = ConfigDict(extra="forbid")

    verdict: str = Field(description="confirmed, rejected or corrected")
    reviewer: str = Field(description="Who reviews (a name)")
    set: dict[str, str] = Field(default_factory=dict, description="Corrected fields: event, mode, actor, "
                                                                  "recipient, date, place, factuality")
    note: str | None = None


class LiveReviewBody(ReviewBody):
    """The body of the private POST /_live/review: a review and the event it is of."""

    event_id: str


def check_token(request: Request, token: str | None, what: str) -> None:
    """403 when no token is configured, 401 when the request's bearer token is missing or wrong."""
    if not token:
        raise HTTPException(403, f"{what}: disabled; start the server with --token-file or set api_token "
                                 "in the config")
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.encode(), token.encode()):
        raise HTTPException(401, f"{what}: missing or wrong token (send 'Authorization: Bearer <token>')")


def install(app: FastAPI, store, *, token: str | None, envelope, page) -> None:
    """Add the review routes to `app` over `store`. envelope / page: the app's response envelope and page-size
    rule."""
    from .. import reviews
    from ..reviews.lookup import search_actors
    from ..reviews.queue import review_queue

    @app.post("/events/{event_id}/review", summary="Confirm, reject or correct an event (needs the API token)")
    async def review(event_id: str, body: ReviewBody, request: Request):
        check_token(request, token, "review")
        if store.read_only:
            raise HTTPException(403, "review: the store is served read-only")
        if body.verdict not in VERDICTS:
            raise HTTPException(400, f"request body field 'verdict': {body.verdict!r} is not one of "
                                     f"{', '.join(VERDICTS)}")
        changes = reviews.parse_assignments(f"{k}={v}" for k, v in body.set.items())
        row = await run_in_threadpool(reviews.review_event, store, event_id, verdict=body.verdict,
                                      changes=changes, reviewer=body.reviewer, note=body.note)
        return envelope(row)

    @app.post(reviews.LIVE_REVIEW_PATH, include_in_schema=False)
    async def live_review(body: LiveReviewBody, request: Request):
        """`redline review` against a store this server owns: the owner's secret instead of the API token."""
        from .live_routes import owner_only

        owner_only(request, app, reviews.LIVE_REVIEW_PATH)
        changes = reviews.parse_assignments(f"{k}={v}" for k, v in body.set.items())
        row = await run_in_threadpool(reviews.review_event, store, body.event_id, verdict=body.verdict,
                                      changes=changes, reviewer=body.reviewer, note=body.note)
        return envelope(row)

    @app.get("/reviews", summary="Reviews, newest first, with counts by reviewer and verdict")
    def list_reviews(reviewer: str | None = None,
                     verdict: str | None = Query(None, description="confirmed, rejected or corrected"),
                     since: dt.date | None = None, until: dt.date | None = None,
                     event: str | None = Query(None, description="Only the reviews of this event"),
                     orphans: bool = Query(False, description="Only reviews whose event no longer exists"),
                     history: bool = Query(False, description="Also superseded reviews"),
                     limit: int | None = Query(None, ge=1, description="Page size (default 50)"),
                     offset: int = Query(0, ge=0)):
        limit = page(limit, 50)
        filters = dict(reviewer=reviewer, verdict=verdict, since=since, until=until,
                       orphaned=True if orphans else None, history=history)
        rows = store.reviews(event_id=event, limit=limit, offset=offset, **filters)
        return envelope(rows, counts=store.count_reviews(**filters), limit=limit, offset=offset)

    @app.get("/review-queue", summary="Unreviewed events, most urgent first (open alerts, then least confident)")
    def queue(since: dt.date | None = None, until: dt.date | None = None,
              limit: int | None = Query(None, ge=1, description="Page size (default 50)")):
        limit = page(limit, 50)
        return envelope(review_queue(store, limit=limit, since=since, until=until), limit=limit)

    @app.get("/review-fields", summary="What a correction may set: types with their modes, factualities, sectors")
    def fields():
        from ..knowledge.actor_data import SECTORS
        from ..knowledge.ontology import load_ontology

        onto = load_ontology()
        return envelope({"types": {t.name: list(t.modes) for t in onto.types.values()},
                         "factuality": [f.value for f in Factuality], "sectors": sorted(SECTORS),
                         "fields": list(reviews.FIELDS), "writable": bool(token) and not store.read_only})

    @app.get("/actors/search", summary="Actor names of the knowledge base containing q, with their codes")
    def actor_search(q: str = Query(..., description="Part of a name or a code"),
                     limit: int = Query(20, ge=1, le=100)):
        return envelope(search_actors(q, limit=limit))
