"""The dashboard in a real browser: Playwright driving Debian's Chromium against a uvicorn server on a free port.

Set REDLINE_UPDATE_SCREENSHOTS=1 to also refresh docs/img/dashboard*.png (reviewed in the diff like a golden file),
CHROMIUM=/path/to/chromium to drive a browser installed elsewhere than /usr/bin/chromium.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import httpx
import pytest

CHROMIUM = os.environ.get("CHROMIUM") or "/usr/bin/chromium"  # CHROMIUM=/path/to/chrome for a browser elsewhere
DOCS_IMG = Path(__file__).resolve().parent.parent / "docs" / "img"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"Chromium is absent at {CHROMIUM} (CI installs Debian's chromium; "
                              "set CHROMIUM=/path/to/chromium to use one elsewhere)"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, serve):
    """A uvicorn server (in a thread) over a synthetic store with a crisis window; yields its base URL."""
    from redline.web.sample import build_store

    path = tmp_path_factory.mktemp("dashboard") / "events.duckdb"
    build_store(path, 40, events_per_article=6, start=dt.date(2013, 11, 1), days=300)  # one escalation alert
    with serve(path) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page on the dashboard; fails the test on any script error or failed request."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    pg.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']")
    yield pg
    ctx.close()
    assert problems == []


def _save(pg, tmp_path: Path, name: str) -> Path:
    out = tmp_path / f"{name}.png"
    pg.screenshot(path=str(out), full_page=True)
    assert out.stat().st_size > 10_000
    if os.environ.get("REDLINE_UPDATE_SCREENSHOTS"):
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        shutil.copy(out, DOCS_IMG / f"{name}.png")
    return out


def test_timeline_point_lists_events_with_sentences(page, server, tmp_path):
    page.wait_for_selector("#timeline-svg g.point")
    busiest = max(page.locator("#timeline-svg g.point").all(), key=lambda g: int(g.get_attribute("data-events")))
    period = busiest.get_attribute("data-period")
    busiest.click()
    page.wait_for_selector("#drill li")
    expected = httpx.get(server + "/timeline", params={"actor": "RUS", "recipient": "UKR", "by": "month"}).json()
    n = next(r["events"] for r in expected["data"] if r["period"] == period)
    assert f"{n} event(s)" in page.text_content("#drill-title")
    items = page.locator("#drill li")
    assert items.count() == n
    for i in range(items.count()):
        assert items.nth(i).locator("mark.trigger").count() == 1
        assert "RUS \u2192 UKR" in items.nth(i).locator(".meta").text_content()
    _save(page, tmp_path, "dashboard")


def test_timeline_bad_dyad_shows_error(page):
    page.fill("#tl-dyads", "Russia vs Ukraine and more")
    page.click("#tl-apply")
    page.wait_for_selector("#error:not([hidden])")
    assert "dyads:" in page.text_content("#error")


def test_event_table_filter_and_event_view(page, server, tmp_path):
    page.click("#tabs button[data-tab=events]")
    page.wait_for_selector("#events-table tbody tr")
    page.select_option("#ev-event", "ASSAULT")
    page.fill("#ev-actor", "RUS")
    page.click("#ev-apply")
    page.wait_for_function("document.querySelector('#events-count').textContent.includes('ASSAULT') || "
                           "[...document.querySelectorAll('#events-table tbody tr td:nth-child(2)')]"
                           ".every(td => td.textContent === 'ASSAULT')")
    api = httpx.get(server + "/events", params={"event": "ASSAULT", "actor": "RUS", "limit": 25}).json()
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == len(api["data"]) > 0
    assert f"of {api['meta']['total']} events" in page.text_content("#events-count")
    rows.first.click()
    page.wait_for_selector("#event-view:not([hidden]) #event-sentence mark.trigger")
    ev = api["data"][0]
    assert page.text_content("#event-sentence mark.trigger") == ev["event_text"]
    assert page.text_content("#event-sentence mark.actor") == ev["actor"][0]["entity_text"]
    assert page.text_content("#event-sentence mark.recipient") == ev["recipient"][0]["entity_text"]
    assert page.locator("#event-mentions li").count() == ev["num_mentions"]
    _save(page, tmp_path, "dashboard-event")
    page.click("#event-close")
    assert page.locator("#event-view").is_hidden()


def test_event_link_opens_event_view(page, server):
    ev = httpx.get(server + "/events", params={"limit": 1}).json()["data"][0]
    page.goto(f"{server}/#event={ev['id']}")
    page.wait_for_selector("#event-view:not([hidden]) #event-sentence")
    assert page.text_content("#event-sentence") == ev["text"]


def test_network_edge_charts_its_dyad(page, server):
    page.click("#tabs button[data-tab=network]")
    page.wait_for_selector("#network-svg .edge")
    edges = httpx.get(server + "/network", params={"limit": 40}).json()["data"]["edges"]
    assert page.locator("#network-svg .edge").count() == len(edges)
    edge = page.locator("#network-svg .edge").nth(1)
    dyad = edge.get_attribute("data-dyad")
    edge.dispatch_event("click")  # a curve's box centre may miss its stroke
    page.wait_for_selector("#tab-timeline:not([hidden]) #timeline-svg")
    assert page.input_value("#tl-dyads") == dyad


def test_map_draws_countries_and_event_places(page, server, tmp_path):
    page.click("#tabs button[data-tab=map]")
    page.wait_for_selector("#map-svg circle.place")
    assert page.locator("#map-svg path.country").count() > 150
    places = httpx.get(server + "/locations").json()["data"]
    assert page.locator("#map-svg circle.place").count() == len(places)
    page.locator(f"#map-svg circle.place[data-place='{places[0]['name']}']").click(force=True)
    page.wait_for_selector("#map-events li")
    assert page.locator("#map-events li").count() == min(10, len(places[0]["event_ids"]))
    _save(page, tmp_path, "dashboard-map")


def test_alerts_tab_shows_summaries_and_evidence_sentences(page, server):
    page.click("#tabs button[data-tab=alerts]")
    page.wait_for_selector("#alerts-list > li")
    alerts = httpx.get(server + "/alerts").json()["data"]
    assert alerts, "the synthetic crisis should raise an escalation alert"
    assert page.locator("#alerts-list > li").count() == len(alerts)
    first = page.locator("#alerts-list > li").first
    assert first.locator(".summary").text_content() == alerts[0]["summary"]
    sentences = first.locator(".alert-sentence")
    assert sentences.count() == min(5, len(alerts[0]["sentences"]))
    assert alerts[0]["sentences"][0]["text"] in sentences.first.text_content()
    sentences.first.locator("a").click()
    page.wait_for_selector("#event-view:not([hidden]) mark.trigger")
    assert page.locator("#event-view").text_content().count(alerts[0]["sentences"][0]["text"]) >= 1


def test_docs_page_renders_offline(page, server):
    page.goto(server + "/docs")
    page.wait_for_selector(".op")
    text = page.text_content("#ops")
    for path in ("/events", "/timeline", "/alerts", "/ingest"):
        assert path in text


def test_top_dyad_chip_charts_that_dyad(page, server):
    top = httpx.get(server + "/dyads", params={"limit": 8}).json()["data"]
    chips = page.locator("#top-dyads button")
    assert chips.count() == len(top)
    last = top[-1]
    chips.nth(len(top) - 1).click()
    assert page.input_value("#tl-dyads") == f"{last['actor']}>{last['recipient']}"
    # the chart is redrawn for that dyad: its bars add up to the dyad's events
    page.wait_for_function("n => [...document.querySelectorAll('#timeline-svg g.point')]"
                           ".reduce((s, g) => s + Number(g.dataset.events), 0) === n", arg=last["events"])
