"""Date invariants over whole corpora: what `redline dates CORPUS` checks and reports.

An event the text reports as done is never dated after its article: no asserted event more than one day after
its article's reference date (negated ones are counted too). The report also counts how events were dated
(from the text, on the news day, undated as background), which articles' reference dates moved off their
dateline and why, and lists every violation with its sentence and reason, so each can be judged by hand.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..records import DateSource, Document, Factuality, Failure

SLACK_DAYS = 1  # a wire story dated in UTC can name the next local day


def _late(ev, reference: dt.date | None) -> bool:
    return ev.date is not None and reference is not None and ev.date > reference + dt.timedelta(days=SLACK_DAYS)


def check_dates(docs: Iterable[Document | Failure], *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The date report for coded documents: counts, reference dates moved, and events dated in the future.

    skip: article ids to leave out of every count and list (articles reserved for held-out evaluation).
    """
    counts: Counter[str] = Counter()
    precisions: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    moved: list[dict[str, Any]] = []
    late: list[dict[str, Any]] = []
    failures: list[dict[str, str]] = []
    for doc in docs:
        if isinstance(doc, Failure):
            failures.append({"input": doc.input, "stage": doc.stage, "reason": doc.reason})
            continue
        art = doc.article
        if art.id in skip:
            counts["skipped"] += 1
            continue
        counts["articles"] += 1
        ref = doc.reference_date
        if ref != art.published:
            moved.append({"article": art.id, "dateline": art.published, "reference": ref,
                          "reason": doc.reference_reason})
        for ev in doc.events:
            counts["events"] += 1
            precisions[str(ev.date_precision) if ev.date_precision else "none"] += 1
            sources[str(ev.date_source) if ev.date_source else "none"] += 1
            if ev.factuality not in (Factuality.ASSERTED, Factuality.NEGATED):
                continue
            counts[str(ev.factuality)] += 1
            if _late(ev, ref):
                late.append({"article": art.id, "factuality": str(ev.factuality), "event": ev.event,
                             "trigger": ev.event_text, "date": ev.date, "reference": ref,
                             "dateline": art.published, "sentence": ev.text, "reason": ev.date_reason})
    return {
        "articles": counts["articles"],
        "skipped": counts["skipped"],
        "events": counts["events"],
        "asserted": counts["asserted"],
        "negated": counts["negated"],
        "precision": dict(precisions),
        "source": dict(sources),
        "dated_from_text": sources[str(DateSource.EXPLICIT)] + sources[str(DateSource.RELATIVE)],
        "undated": precisions["unknown"],
        "asserted_late": sum(e["factuality"] == "asserted" for e in late),
        "negated_late": sum(e["factuality"] == "negated" for e in late),
        "late": late,
        "reference_moved": len(moved),
        "moved": moved,
        "failures": failures,
    }


__all__ = ["SLACK_DAYS", "check_dates"]
