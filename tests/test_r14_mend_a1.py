"""Mends of reviewer A's findings on the fourteenth round: forces sent (relief, orders, modes), ceasefires, verdicts
and charges, and the shipped decisions file."""

from __future__ import annotations

import pytest

from redline.evaluate.coverage import load_decisions
from redline.knowledge.lexicon import builtin_lexicon


def events(pipeline, text: str) -> list[tuple[str, str | None, str, tuple[str | None, ...]]]:
    """(type, mode, rule, actor codes) of the asserted events of a text."""
    from redline.api import extract

    return [(e["event"][0], (e.get("mode") or [None])[0], e["rule"], tuple(a["code"] for a in e["actor"]))
            for e in extract(text, published="2023-05-10", pipeline=pipeline)]


def test_shipped_decisions_file_loads():
    decisions = load_decisions()
    assert decisions[("concession", "NOUN")].decision == "none"
    assert all(d.decision in ("event", "none") for d in decisions.values())


def test_kind_lists_are_included_in_their_general_lists():
    lex = builtin_lexicon()
    assert {"gendarme", "militiamen", "warships"} <= lex.cue("forces")
    assert {"tribunal", "jury"} <= lex.cue("investigators")
    assert "shelling" in lex.cue("offensives") and "operations" not in lex.cue("hostilities")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Kenya deployed soldiers to search the border villages for the gunmen.",
    "Ethiopia dispatched troops to quell an outbreak of clashes in the north.",
    "India sent soldiers to speed the recovery of the captured posts.",
])
def test_forces_sent_for_a_search_or_an_outbreak_stay_a_mobilization(pipeline, text):
    assert [t for t, *_ in events(pipeline, text)] == ["MOBILIZE"]


@pytest.mark.slow
def test_forces_sent_for_search_and_rescue_are_aid_and_say_so(pipeline):
    found = events(pipeline, "Turkey sent troops to join the search and rescue effort after the earthquake.")
    assert [(t, "+relief" in r) for t, _, r, _ in found] == [("AID", True)]


@pytest.mark.slow
def test_a_mode_from_the_forces_is_named_in_the_rule(pipeline):
    found = events(pipeline, "China deployed warships near Taiwan.")
    assert [(t, m, "+mode:weapons" in r) for t, m, r, _ in found] == [("MOBILIZE", "weapons", True)]


@pytest.mark.slow
def test_a_firm_ceasing_operations_is_no_ceasefire_but_ceasing_hostilities_is(pipeline):
    assert "RETREAT" not in {t for t, *_ in events(pipeline, "The Dutch firm ceased operations in Belarus.")}
    assert [(t, m) for t, m, *_ in events(pipeline, "Israel ceased hostilities in Gaza.")] == [("RETREAT", "ceasefire")]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The Kenyan president ordered the soldiers to return to their bases.",
    "Georgia ordered Russian troops to go home.",
])
def test_forces_sent_back_are_no_mobilization(pipeline, text):
    assert "MOBILIZE" not in {t for t, *_ in events(pipeline, text)}


@pytest.mark.slow
def test_forces_of_another_state_are_no_own_forces(pipeline):
    assert "MOBILIZE" not in {t for t, *_ in events(pipeline, "Georgia ordered Russian troops to secure the border.")}
    found = events(pipeline, "Putin ordered Russian troops to secure the border.")
    assert [(t, a) for t, _, _, a in found] == [("MOBILIZE", ("RUS",))]


@pytest.mark.slow
def test_a_panel_finding_guilt_is_no_conviction_but_a_court_is(pipeline):
    assert "SANCTION" not in {t for t, *_ in events(pipeline, "A UN panel found Iran guilty of abuses.")}
    found = events(pipeline, "The court found the former minister guilty of fraud.")
    assert [(t, m) for t, m, *_ in found] == [("SANCTION", "convict")]


@pytest.mark.slow
def test_who_places_a_party_under_investigation_is_the_actor(pipeline):
    found = events(pipeline, "French police placed the Tunisian mayor under investigation.")
    assert [(t, a) for t, _, _, a in found] == [("ACCUSE", ("FRA",))]


@pytest.mark.slow
def test_a_possible_charge_is_no_charge_but_a_charge_faced_is(pipeline):
    assert "ACCUSE" not in {t for t, *_ in events(pipeline, "The Kenyan minister faces possible charges over the tender.")}
    found = events(pipeline, "The Kenyan minister faces charges over the contract.")
    assert [(t, a) for t, _, _, a in found] == [("ACCUSE", ("KEN",))]


def test_pushing_a_measure_is_no_coercion_but_pushing_disinformation_is(pipeline):
    """light.txt 'push' keeps only the misinformation mode (review finding 7, closed by the lead with the mode
    restriction light.txt now reads)."""
    pushed = {t for t, _, _, _ in events(pipeline, "Senators in Washington pushed new restrictions on Chinese phone apps.")}
    assert not pushed & {"COERCE", "SANCTION"}
    spread = events(pipeline, "Iranian state television pushed disinformation about the protests in Iraq.")
    assert ("COERCE", "misinformation") in {(t, m) for t, m, _, _ in spread}
