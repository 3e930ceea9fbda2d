"""Fourteenth round, mends of review B (B1, 7 Dec 2026): restriction limited to movement (`barring.py`), a
definite demonym is a delegation and no public (`publics.py`), a promise to hit a party with measures is a threat
of measures (`promises.py`), hosts that are a side of the talks and hyphenated words that name no sides
(`meetings.py`).

Every sentence is written for this test. Rows run through the whole pipeline and look at the CONSULT, AGREE,
THREATEN or COERCE events only.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


def _events(pipeline, text):
    from redline.api import extract

    return extract(text, published="2023-05-10", pipeline=pipeline)


@pytest.mark.parametrize("text", [
    # kept from joining a body or from investigating, a party is opposed, not restricted (restrict is movement)
    "Greece blocked North Macedonia from joining NATO for years.",
    "Syria stopped the OPCW from investigating the chemical attack.",
    "Beijing kept Taipei from joining the World Health Assembly.",
])
def test_barring_other_than_movement_is_no_restriction(pipeline, text):
    assert "COERCE" not in {e[0] for e in coded(pipeline, text)}, coded(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a definite plural demonym names a delegation or a state: its acceptance is an agreement, no opinion poll
    ("The Pakistanis accepted the Chinese mediation offer.", ("AGREE", ("PAK",), ("CHN",))),
    ("The Turks accepted the Russian ceasefire plan during the meeting.", ("AGREE", ("TUR",), ("RUS",))),
])
def test_definite_demonym_is_a_party(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize("text", [
    "Beijing vowed to respond by hitting Canadian canola growers with steep duties.",
    "Canada vowed to respond by hitting American dairy exports with new levies.",
])
def test_hitting_with_measures_is_a_threat_of_measures(pipeline, text):
    threats = [e for e in _events(pipeline, text) if e["event"][0] == "THREATEN"]
    assert threats and all(not e["mode"] and e["cameo"] == "130" for e in threats), threats


@pytest.mark.parametrize(("text", "mode"), [
    # the host of talks 'with' a party is their other side, no third party
    ("Washington organized negotiations with the Houthis in Muscat.", None),
    # a hyphenated word that joins no names ("two-day") makes no summit two-sided
    ("Latin American presidents held a two-day summit in Lima.", "multilateral"),
])
def test_consult_mode(pipeline, text, mode):
    modes = {(e["mode"] or [None])[0] for e in _events(pipeline, text)
             if e["event"][0] == "CONSULT" and e["factuality"] == "asserted"}
    assert modes == {mode}
