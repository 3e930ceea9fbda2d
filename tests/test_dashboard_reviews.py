"""Reviewing in the dashboard, in a real browser: Playwright driving Debian's Chromium against a uvicorn server
with an API token over a synthetic store whose Russia -> Ukraine crisis raises an escalation alert."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "review-token"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent (CI installs Debian's chromium)"),
]


@pytest.fixture()
def server(tmp_path):
    """A writable server (token set) over a fresh synthetic store; yields its base URL."""
    import uvicorn

    from redline.web.app import create_app
    from redline.web.sample import build_store

    path = tmp_path / "events.duckdb"
    build_store(path, 40, events_per_article=6, start=dt.date(2013, 11, 1), days=300)  # one escalation alert
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(path, token=TOKEN), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(base + "/stats", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    else:
        pytest.fail("the dashboard server did not start")
    yield base
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(server):
    """The dashboard with the reviewer's name and token entered; fails on any script error or HTTP error."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        pg.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        pg.goto(server + "/")
        pg.wait_for_selector("body[data-ready='1']")
        pg.click("#tabs button[data-tab=review]")
        pg.fill("#rv-reviewer", "ana")
        pg.fill("#rv-token", TOKEN)
        pg.click("#rv-load")
        pg.wait_for_selector("#queue-table tbody tr")
        yield pg
        browser.close()
    assert problems == []


def _alert(server) -> dict:
    alerts = [a for a in httpx.get(server + "/alerts").json()["data"] if a["kind"] == "escalation"]
    assert alerts, "the synthetic crisis should raise an escalation alert"
    return alerts[0]


def _month_bar(page, period: str) -> int:
    return int(page.get_attribute(f"#timeline-svg g.point[data-period='{period}']", "data-events"))


def _open(page, server, event_id: str) -> None:
    page.goto(f"{server}/#event={event_id}")
    page.wait_for_selector("#event-view:not([hidden]) #review-status")
    page.wait_for_function("id => document.querySelector('#event-fields').textContent.includes(id)", arg=event_id)


def test_review_each_verdict_from_the_panel_changes_timeline_and_alerts(page, server):
    alert = _alert(server)
    period = alert["period"]
    confirm, reject, correct = alert["evidence"][:3]
    page.click("#tabs button[data-tab=timeline]")
    page.wait_for_selector("#timeline-svg g.point")
    bar_before = _month_bar(page, period)
    page.click("#tabs button[data-tab=alerts]")
    page.wait_for_selector("#alerts-list li")
    assert alert["summary"] in page.text_content("#alerts-list")

    _open(page, server, confirm)
    page.click("#rv-confirm")
    page.wait_for_function("document.querySelector('#review-status').textContent.startsWith('confirmed by ana')")

    _open(page, server, reject)
    page.click("#rv-reject")
    page.wait_for_function("document.querySelector('#review-status').textContent.startsWith('rejected by ana')")

    _open(page, server, correct)
    page.click("#rv-correct")
    page.select_option("#cx-event", "SUPPORT")  # a cooperative type: no longer escalation
    page.fill("#cx-actor", "")
    page.focus("#cx-actor")
    page.fill("#cx-find", "belar")  # actor search over the knowledge base
    page.click("#cx-hits button.hit[data-code='BLR']")
    assert page.input_value("#cx-actor") == "BLR"
    page.fill("#cx-date", "2014-01-15")
    page.click("#cx-save")
    page.wait_for_function("document.querySelector('#review-status').textContent.startsWith('corrected by ana')")
    assert "changed: event, actor, date" in page.text_content("#review-status")
    assert "Machine coding:" in page.text_content("#review-box")

    reviews = httpx.get(server + "/reviews").json()
    assert reviews["meta"]["counts"]["verdicts"] == {"confirmed": 1, "rejected": 1, "corrected": 1}
    corrected = httpx.get(f"{server}/events/{correct}").json()["data"]
    assert (corrected["event"], corrected["actor"][0]["code"], corrected["date"]) == (["SUPPORT"], "BLR", "2014-01-15")
    assert corrected["machine"]["actor"][0]["code"] == "RUS"

    page.click("#event-close")
    page.click("#tabs button[data-tab=timeline]")  # the timeline counts reviewed values now
    page.wait_for_function("([p, n]) => { const g = document.querySelector(`#timeline-svg g.point[data-period='${p}']`);"
                           " return g && Number(g.dataset.events) === n; }", arg=[period, bar_before - 2])
    api = {r["period"]: r["events"] for r in httpx.get(server + "/timeline", params={"actor": "RUS", "recipient": "UKR"}
                                                      ).json()["data"]}
    assert api[period] == bar_before - 2
    page.click("#tabs button[data-tab=alerts]")  # and the alert lost the rejected and the re-coded event
    page.wait_for_function("s => !document.querySelector('#alerts-list').textContent.includes(s)", arg=alert["summary"])
    after = [a for a in httpx.get(server + "/alerts").json()["data"]
             if (a["kind"], a["actor"], a["recipient"], a["period"]) == ("escalation", "RUS", "UKR", period)]
    assert all(reject not in a["evidence"] and correct not in a["evidence"] for a in after)
    listed = httpx.get(server + "/alerts").json()["data"]
    items = page.locator("#alerts-list > li")  # an alert's evidence sentences are nested items (main's alerts tab)
    if listed:
        assert items.count() == len(listed)
    else:  # the tab says so when no alert is left
        assert items.count() == 1 and items.first.text_content() == "No alerts."


def test_five_reviews_from_the_queue_with_the_keyboard(page, server):
    alert = _alert(server)
    queue = [r["id"] for r in httpx.get(server + "/review-queue", params={"limit": 50}).json()["data"]]
    assert queue[:len(alert["evidence"])] == [e for e in queue if e in alert["evidence"]]  # alert evidence first
    assert page.locator("#queue-table tbody tr").count() == len(queue)
    assert "alert:" in page.text_content("#queue-table tbody tr:first-child .why")
    keys = ["c", "r", "c", "r", "c"]
    page.keyboard.press("Enter")  # opens the first queue item
    for k, (key, event_id) in enumerate(zip(keys, queue, strict=False)):
        page.wait_for_function("id => document.querySelector('#event-fields') && !document.querySelector("
                               "'#event-view').hidden && document.querySelector('#event-fields').textContent"
                               ".includes(id)", arg=event_id)
        assert page.text_content("#queue-position") == f" queue: 1 of {len(queue) - k}"
        page.keyboard.press(key)
    page.wait_for_function("n => document.querySelectorAll('#queue-table tbody tr').length === n", arg=len(queue) - 5)
    done = httpx.get(server + "/reviews", params={"reviewer": "ana"}).json()["data"]
    verdicts = {r["event_id"]: r["verdict"] for r in done}
    assert verdicts == {e: {"c": "confirmed", "r": "rejected"}[k] for e, k in zip(queue, keys, strict=False)}
    left = [r["id"] for r in httpx.get(server + "/review-queue", params={"limit": 50}).json()["data"]]
    assert not set(left) & set(verdicts)
    page.keyboard.press("Escape")
    page.click("#tabs button[data-tab=alerts]")  # two alert events rejected: the alert changed
    page.wait_for_function("s => !document.querySelector('#alerts-list').textContent.includes(s)", arg=alert["summary"])
