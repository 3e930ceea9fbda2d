"""Fourteenth round, review mends B2: a state's or a province's capital is not the nation's capital
(stages/place_capital.py), and "loyal to" a country is a patron, not an owner (stages/actor_owners.py).

Every sentence here is written for this test (none is a gold, corpus or synthetic-story sentence).
"""

from __future__ import annotations

import pytest
from event_sets import coded


def places_of(pipeline, text: str) -> list[str | None]:
    """The place names of the asserted events of a text."""
    from redline.api import extract

    return [(e["event_loc"] or {}).get("name") for e in extract(text, published="2022-08-09", pipeline=pipeline)]


@pytest.mark.slow
@pytest.mark.parametrize("text, place", [
    # a nation's adjective on a capital below the nation: read as before this round (the national capital still
    # is: rows in test_r14_places)
    ("Gunmen kidnapped two doctors in the Nigerian state capital on Tuesday.", "Nigeria"),  # was Abuja
    ("Insurgents captured an Afghan provincial capital on Friday.", "Afghanistan"),  # was Kabul
    ("Gunmen attacked a bus in the Kenyan regional capital on Tuesday.", "Kenya"),  # was Nairobi
    ("Soldiers opened fire on a crowd in the Pakistani provincial capital city on Friday.", None),  # was Islamabad
])
def test_a_capital_below_the_nation_is_not_the_nations_capital(pipeline, text, place):
    assert places_of(pipeline, text) == [place]


@pytest.mark.slow
def test_the_provincial_capital_of_an_article_about_one_country_is_no_place(pipeline):
    text = ("Floods cut roads across Afghanistan this week. Officials in Herat and Kandahar asked for tents. "
            "Gunmen attacked a police post in the provincial capital on Sunday.")
    assert places_of(pipeline, text)[-1] is None  # was Kabul ("in the capital" alone still is: test_r14_places)


@pytest.mark.slow
@pytest.mark.parametrize("text, actor", [
    # a patron country, or its government with another country named ("loyal to the Libyan government" alone
    # still gives LBY: test_r14_actors)
    ("Militias loyal to Iran fired rockets at an American base in Iraq.", "IRQ"),  # was IRN
    ("Fighters loyal to Sudan shelled a camp in Chad.", "TCD"),  # was SDN
    ("Militias loyal to the Iranian government fired rockets at a base in Iraq.", "IRQ"),  # was IRN
])
def test_loyal_to_a_patron_country_is_not_ownership(pipeline, text, actor):
    events = coded(pipeline, text, published="2022-08-09")
    assert any(e[0] == "ASSAULT" and e[1] == (actor,) for e in events), events

