"""End to end on the reference article: the events a careful human coder finds, none from boilerplate,
no hypothetical output as asserted, and every record valid PLOVER JSON. Runs only when ../shared exists."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from redline import api
from redline.plover import event_dict, event_schema
from redline.records import Factuality

pytestmark = pytest.mark.slow

# Every event a careful coder finds in the article (docs/annotation.md), asserted:
# (what, a phrase of the evidence sentence, PLOVER type, actor codes, recipient codes), all exact.
EXPECTED = [
    ("the Geneva summit", "held their first summit", "CONSULT", {"USA", "RUS"}, set()),
    ("the Kremlin's red-line warning", "would be a 'red line'", "THREATEN", {"RUS"}, {"UKR", "NATO"}),
    ("Peskov's red-line warning", "really is a red line", "THREATEN", {"RUS"}, {"UKR", "NATO"}),
    ("Zelenskiy's request to Biden", "clear 'yes' or 'no'", "REQUEST", {"UKR"}, {"USA"}),
    ("US security aid to Ukraine", "security assistance", "AID", {"USA"}, {"UKR"}),
    ("the seizure of Crimea", "forcibly seized", "COERCE", {"RUS"}, {"UKR"}),
    ("Russia's backing of the separatists", "backed separatists", "SUPPORT", {"RUS"}, set()),
    ("Biden's demand on corruption", "needed to root out", "REQUEST", {"USA"}, {"UKR"}),
    ("the mutual blame", "blamed each other", "ACCUSE", {"RUS", "UKR"}, set()),
    ("the troop build-up", "amassed 100,000 troops", "MOBILIZE", {"RUS"}, {"UKR"}),
    ("the announced pullback", "announced a pullback", "RETREAT", {"RUS"}, set()),
    ("the agreement on regular talks", "agreed at the summit", "AGREE", {"USA", "RUS"}, set()),
    ("the agreement to return the ambassadors", "return their ambassadors", "AGREE", {"USA", "RUS"}, set()),
    ("the recall of Antonov", "was recalled from Washington", "SANCTION", {"RUS"}, {"USA"}),
    ("Biden calling Putin a killer", "was a killer", "ACCUSE", {"USA"}, {"RUS"}),
    ("Sullivan leaving Moscow", "left Moscow", "SANCTION", {"USA"}, {"RUS"}),
    ("Russia asking Sullivan to go home", "suggested he return", "REQUEST", {"RUS"}, {"USA"}),
]


@pytest.fixture(scope="module")
def reference_doc(reference_text, pipeline):
    return api.extract_document(reference_text, pipeline=pipeline)


def _codes(entities) -> set[str]:
    return {e.code for e in entities if e.code}


@pytest.mark.parametrize("what, phrase, etype, actors, recipients", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_reference_article_codes_the_event(reference_doc, what, phrase, etype, actors, recipients):
    asserted = [e for e in reference_doc.events if e.factuality == Factuality.ASSERTED and phrase in e.text]
    found = [e for e in asserted if e.event == etype and _codes(e.actor) == actors and _codes(e.recipient) == recipients]
    got = [(e.event, sorted(_codes(e.actor)), sorted(_codes(e.recipient)), e.event_text) for e in asserted]
    assert found, f"{what}: expected {etype} {sorted(actors)}->{sorted(recipients)} in {phrase!r}; got {got}"


def test_reference_article_codes_nothing_else(reference_doc):
    """No asserted event beyond the careful coder's list (the summit's later mentions are not new acts)."""
    asserted = [e for e in reference_doc.events if e.factuality == Factuality.ASSERTED]
    extra = [(e.event, sorted(_codes(e.actor)), e.event_text, e.text[:60]) for e in asserted
             if not any(p in e.text and e.event == t for _, p, t, _, _ in EXPECTED)]
    assert not extra
    assert len(asserted) == len(EXPECTED)


def test_reference_article_outputs_no_hypothetical_as_asserted(reference_doc):
    body = reference_doc.article.text
    traps = ["may one day be granted", "the prospect of Ukraine joining"]
    for trap in traps:
        start = body.index(trap)
        end = start + len(trap)
        inside = [
            e for e in reference_doc.events
            if e.factuality == Factuality.ASSERTED and start <= e.text_info.trigger_start < end
        ]
        assert not inside, f"{trap!r} coded as asserted: {[(e.event, e.event_text) for e in inside]}"


def test_reference_article_has_no_event_from_boilerplate(reference_doc):
    art = reference_doc.article
    assert {r.reason for r in art.removed} >= {"dateline", "cross-link (see also)", "wire credit", "copyright line",
                                               "newsletter or sharing prompt"}
    assert "SEE ALSO" not in art.text and "Copyright" not in art.text and "newsletter" not in art.text
    for ev in reference_doc.events:
        assert art.text[ev.text_info.start : ev.text_info.end] == ev.text
        assert ev.text_info.start <= ev.text_info.trigger_start < ev.text_info.trigger_end <= ev.text_info.end


def test_reference_article_records_validate_against_schema(reference_doc):
    assert reference_doc.events
    schema = event_schema()
    for ev in reference_doc.events:
        jsonschema.validate(event_dict(ev), schema)


def test_reference_article_event_ids_are_unique_and_stable(reference_text, pipeline, reference_doc):
    ids = [e.id for e in reference_doc.events]
    assert len(ids) == len(set(ids))
    again = api.extract_document(reference_text, pipeline=pipeline)
    assert [e.id for e in again.events] == ids


def test_cli_extract_reference_article_jsonl(shared_dir):
    path = shared_dir / "examples" / "rferl-2021-06-17-nato-red-line.txt"
    out = subprocess.run([sys.executable, "-m", "redline", "extract", str(path), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all(r["factuality"] == "asserted" for r in rows)
    assert {r["event"][0] for r in rows} >= {"CONSULT", "AID", "MOBILIZE", "RETREAT", "AGREE"}
    every = subprocess.run([sys.executable, "-m", "redline", "extract", str(path), "--all"],
                           capture_output=True, text=True, timeout=600)
    assert every.returncode == 0, every.stderr
    facts = {json.loads(line)["factuality"] for line in every.stdout.splitlines()}
    assert len(every.stdout.splitlines()) > len(rows)
    assert facts - {"asserted"}, "--all shows events of other factualities too"
