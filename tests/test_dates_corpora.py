"""Dates on both whole corpora of ../shared (issue 13): nothing reported as done is dated after its article, the
reference date moves only on evidence, and the dashboard's header and timelines show only real date ranges.

Every article of both corpora is coded (two worker processes), so this takes minutes; it skips when ../shared is
absent. Violations are printed with their sentences and reasons when a test fails.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
pytestmark = [pytest.mark.shared, pytest.mark.slow]

CORPORA = {"ru-ua": SHARED / "corpora" / "ru-ua" / "articles.jsonl",
           "allsides-intl": SHARED / "corpora" / "allsides-intl" / "articles.jsonl"}
# Kinds of evidence in an article's own text that may move its reference date (stages/republication.py).
EVIDENCE = re.compile(r"republication|update line|lead's dateline|day after the dateline|is in the future|no usable dateline")


def _documents(name: str) -> list:
    from redline.engines import run_documents
    from redline.readers import read_inputs

    path = CORPORA[name]
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return list(run_documents(read_inputs([str(path)]), workers=2))


@pytest.fixture(scope="module")
def coded(shared_dir) -> dict[str, list]:
    return {}


def _report(coded: dict, name: str) -> tuple[list, dict]:
    from redline.evaluate.date_checks import check_dates

    if name not in coded:
        docs = _documents(name)
        coded[name] = (docs, check_dates(docs))
    return coded[name]


@pytest.mark.parametrize("name", list(CORPORA))
def test_corpus_no_asserted_event_is_dated_after_its_article(coded, name):
    _, report = _report(coded, name)
    assert report["failures"] == []
    assert report["articles"] >= 300
    late = [f"{e['article']} {e['event']} {e['trigger']!r} {e['date']} > {e['reference']}: {e['sentence']} "
            f"({e['reason']})" for e in report["late"] if e["factuality"] == "asserted"]
    assert late == [], "\n".join(late)


@pytest.mark.parametrize("name", list(CORPORA))
def test_corpus_reference_dates_move_only_on_evidence(coded, name):
    _, report = _report(coded, name)
    unexplained = [m for m in report["moved"] if not EVIDENCE.search(m["reason"])]
    assert unexplained == []
    # a lead that reports the day after its dateline moves it by exactly that one day
    next_day = [m for m in report["moved"] if "day after the dateline" in m["reason"]]
    assert all(dt.date.fromisoformat(str(m["reference"])) - dt.date.fromisoformat(str(m["dateline"])) == dt.timedelta(days=1)
               for m in next_day), next_day
    # a date the lead mentions ("the July 25 phone call") is no evidence: only a handful of articles move otherwise
    assert report["reference_moved"] - len(next_day) <= 10, report["moved"]


@pytest.mark.parametrize("name", list(CORPORA))
def test_corpus_background_is_undated_and_precision_is_recorded(coded, name):
    docs, report = _report(coded, name)
    assert report["undated"] > 0 and report["dated_from_text"] > 0
    for doc in docs:
        for ev in doc.events:
            if ev.date is None:
                assert str(ev.date_precision) == "unknown" and ev.date_reason, ev
            else:
                assert str(ev.date_precision) in ("day", "month", "year"), ev


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium is absent")
def test_dashboard_on_ru_ua_shows_only_real_date_ranges(coded, tmp_path, serve):
    """The ru-ua corpus in a store, the dashboard in Chromium: the header's event dates and every timeline period
    lie within the articles' dates (history keeps its year, shown as a year), and the left-out note is shown."""
    import httpx
    from playwright.sync_api import sync_playwright

    from redline.store import Store

    docs, _ = _report(coded, "ru-ua")
    path = tmp_path / "ru-ua.duckdb"
    with Store(path) as store:
        store.write_documents(docs, run_id="dates-test")
    with serve(path) as base, sync_playwright() as p:
        stats = httpx.get(base + "/stats", timeout=10).json()["data"]
        last_article = dt.date.fromisoformat(stats["articles_last"])
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='1']")
        header = page.text_content("#stats")
        dates = re.findall(r"(?:of|to|dated) (\d{4}(?:-\d\d){0,2})\b", header)  # not the counts
        assert dates, header
        assert all(d <= (last_article + dt.timedelta(days=1)).isoformat() for d in dates), header
        assert "-01-01" not in header or stats["first_precision"] == "day", header
        for by in ("month", "week", "year"):
            page.select_option("#tl-by", by)
            with page.expect_response(lambda r: "/timeline" in r.url):
                page.click("#tl-apply")
            page.wait_for_selector("#timeline-svg, #timeline-empty")
            periods = [g.get_attribute("data-period") for g in page.query_selector_all("g.point[data-period]")]
            assert periods, by
            assert max(periods) <= last_article.isoformat(), (by, max(periods))
            assert min(periods) >= "1900", (by, min(periods))
            if by == "week":
                assert "left out" in (page.text_content("#timeline-left-out") or "")
        browser.close()
