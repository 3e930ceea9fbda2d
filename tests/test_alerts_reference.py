"""The reference article through the real pipeline and the store: exactly one red-line warning, the Kremlin's (RUS),
aimed at the parties the text names (Ukraine joining NATO), quoting both sentences that state it."""

from __future__ import annotations

import pytest

from redline import analysis
from redline.stages.clean import clean_text
from redline.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reference_store(tmp_path_factory, pipeline, reference_text):
    path = tmp_path_factory.mktemp("reference") / "ref.duckdb"
    doc = pipeline.run_one(clean_text(reference_text))
    with Store(path) as store:
        run = store.begin_run("test", [])
        store.write_document(doc, run_id=run)
        store.finish_run(run, counts={}, status="ok")
    with Store(path, read_only=True) as store:
        yield store


def test_reference_article_gives_one_red_line_warning_by_russia(reference_store):
    reds = [a for a in analysis.alerts(reference_store) if a["kind"] == "red_line"]
    assert len(reds) == 1, [(a["actor"], a["recipient"], a["summary"]) for a in reds]
    (red,) = reds
    assert red["actors"] == ["RUS"]
    texts = " ".join(s["text"] for s in red["sentences"])
    assert "a red line for us" in texts  # the Peskov quote
    assert all("summit in Geneva" not in s["text"] or s["event"] == "THREATEN" for s in red["sentences"])
    assert {reference_store.event(e)["event"][0] for e in red["evidence"]} <= set(analysis.RED_LINE_EVENTS)


def test_reference_red_line_warning_names_the_recipients_the_text_supports(reference_store):
    (red,) = [a for a in analysis.alerts(reference_store) if a["kind"] == "red_line"]
    assert red["recipients"] and set(red["recipients"]) <= {"UKR", "NATO"}, red["summary"]
    assert {"Kremlin", "Dmitry Peskov"} <= {s.removeprefix("the ") for s in red["speakers"]}, red["speakers"]
    assert len(red["sentences"]) == 2 and red["articles"] == 1
