"""Analysts' views over the store: dyads, conflict-cooperation timelines, escalation alerts, daily digests.

Aggregates are computed in SQL (redline/store/analytics.py); this package checks options (options.py), counts
the views (views.py, periods.py), applies the alert method (alerting.py) and lays out the digest (digests.py).
Every function takes an open `Store` and returns plain dicts, so the CLI, the HTTP API and the dashboard show the
same numbers. Reviewed events count with their reviewed values; rejected
ones are left out unless include_rejected, and reviewed_only keeps confirmed and corrected ones only.

Quad classes follow PLOVER: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
"""

from __future__ import annotations

from .alerting import (
    ALERT_SENTENCES,
    ESCALATION_EVENTS,
    RED_LINE_EVENTS,
    AlertOptions,
    alerts,
    escalation_alerts,
    red_line_alerts,
)
from .digests import article_link, digest, event_link, highlights, render_digest
from .options import (
    PERIODS,
    QUAD_NAMES,
    check_code,
    check_factuality,
    check_period,
    check_range,
    code_hint,
    suggest_code,
)
from .periods import period_end, period_label, period_start
from .views import dyads, left_out_note, locations, network, network_of, summary, timeline, timeline_left_out

__all__ = [
    "ALERT_SENTENCES", "ESCALATION_EVENTS", "PERIODS", "QUAD_NAMES", "RED_LINE_EVENTS", "AlertOptions", "alerts",
    "article_link", "check_code", "check_factuality", "check_period", "check_range", "code_hint", "digest", "dyads",
    "escalation_alerts", "event_link", "highlights", "left_out_note", "locations", "network", "network_of",
    "period_end", "period_label", "period_start", "red_line_alerts", "render_digest", "suggest_code", "summary", "timeline",
    "timeline_left_out",
]
