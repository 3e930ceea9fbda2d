"""Forces offered to another party are protection offered (AGREE 0334), not the threat a vow of force is (review
of the fourteenth round: sending police became a MOBILIZE, which a promise turned into a threat)."""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "The Kenyan president offered to send police officers to lead a security mission in Haiti.",
    "Rwanda's government offered to send soldiers to guard the border crossings of Mozambique.",
])
def test_forces_offered_are_an_offer_of_protection(pipeline, text):
    types = {t for t, _, _ in coded(pipeline, text)}
    assert "AGREE" in types and "THREATEN" not in types


def test_a_vow_to_send_troops_stays_a_threat(pipeline):
    assert "THREATEN" in {t for t, _, _ in coded(pipeline, "Iran vowed to send troops to the border with Iraq.")}
