"""Fourteenth round, places (issue 13): a capital named by its country is placed at that capital city
(stages/place_capital.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from test_places import _check_place_event


@pytest.fixture(scope="module")
def parse(ctx):
    from redline.stages.parse import parse_text

    return lambda text: parse_text(text, ctx)


@pytest.mark.parametrize(
    ("text", "trigger", "event", "expected"),
    [
        # a possessive: the country's capital, not the country
        ("Riot police clashed with students in Kenya's capital on Tuesday.", "clashed", "ASSAULT",
         ("Nairobi", "KEN")),
        ("Hundreds of farmers protested in Peru's capital against the new water law.", "protested", "PROTEST",
         ("Lima", "PER")),
        # an "of" phrase
        ("Striking teachers paraded across the capital of Chile on Saturday.", "paraded", "PROTEST",
         ("Santiago", "CHL")),
        # a nation's adjective: a meeting (a verbal act) too, which the adjective alone never placed
        ("The two foreign ministers held talks in the Thai capital on Monday.", "talks", "CONSULT",
         ("Bangkok", "THA")),
        ("Unknown gunmen kidnapped two engineers in the Nigerian capital last week.", "kidnapped", "ASSAULT",
         ("Abuja", "NGA")),
        # "capital city" is the capital too
        ("Soldiers opened fire on a crowd in Mali's capital city on Friday.", "fire", "ASSAULT", ("Bamako", "MLI")),
        # the name the text gives the capital wins over the country that owns it
        ("Masked men abducted a judge on Sunday in Uganda's capital of Kampala, the police said.", "abducted",
         "ASSAULT", ("Kampala", "UGA")),
        # a capital the text names in another country contradicts its owner: the country stays, as before
        ("Rebels shelled a barracks in Peru's capital of Quito on Friday.", "shelled", "ASSAULT", ("Peru", "PER")),
        # "capital" as money, and capitals with no one country, are no place
        ("Protesters blamed the minister for Argentina's capital flight.", "blamed", "ACCUSE", None),
        ("The union called strikes in several European capitals.", "strikes", "PROTEST", None),
        # "the capital" of an article about one country is that country's capital
        ("Storms flooded towns across Peru this week. Officials in Cusco and Arequipa asked for food. A crowd of "
         "nurses rallied in the capital on Sunday.", "rallied", "PROTEST", ("Lima", "PER")),
        ("Storms flooded towns across Peru this week. Officials in Cusco and Arequipa asked for food. Gunmen "
         "attacked a police post in the country's capital on Sunday.", "attacked", "ASSAULT", ("Lima", "PER")),
        # ... but not when the article is about two countries, nor when it names no country at all
        ("Storms flooded towns across Peru and Bolivia this week. Officials in Cusco and Santa Cruz asked for food. "
         "A crowd of nurses rallied in the capital on Sunday.", "rallied", "PROTEST", None),
        ("Students rallied in the country's capital on Sunday.", "rallied", "PROTEST", None),
        # a capital owned by a country is still not the place of another clause's act
        ("The minister, who lives in Ghana's capital, condemned the raid.", "condemned", "ACCUSE", None),
    ],
)
def test_place_events_a_capital_named_by_its_country(ctx, parse, text, trigger, event, expected):
    _check_place_event(ctx, parse, text, trigger, event, expected)
