"""Speech acts of the ninth round (issue 12): warnings to the unnamed doers of an act, a readiness to use force
with no party named, measures announced against a party, a rule a party is said to have broken, a party's right
to defend itself, respect for a party (redline/stages/coding/evaluations.py, speech.py, measures.py, stances.py;
lexicon evaluations.toml).

Every sentence is written for this test (none is a corpus sentence); each group checks one family on several
wordings, and the negative rows check its limits. Rows run through the whole pipeline and look at the asserted
events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded, types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # the unnamed doers of an act warned of punishment: THREATEN by the speaker, no recipient (no guess)
    ("The British minister said those who carried out the attack would be held accountable.",
     ("THREATEN", ("GBR",), ())),
    ("The Turkish president said those responsible would pay a heavy price.", ("THREATEN", ("TUR",), ())),
    ("The German chancellor said whoever ordered the killing would face consequences.", ("THREATEN", ("DEU",), ())),
    ("The Indian minister said the perpetrators will be brought to justice.", ("THREATEN", ("IND",), ())),
    ('"Everyone who took part in the bombing must be held accountable," the Spanish minister said.',
     ("THREATEN", ("ESP",), ())),
    # a readiness to punish or retaliate with no party named is a threat with no recipient
    ("The French president said his government was ready to punish those who ordered the attack.",
     ("THREATEN", ("FRA",), ())),
    ("The Russian general said the Russian army was ready to retaliate.", ("THREATEN", ("RUS",), ())),
    # measures, action or countermeasures a party says it will take or is weighing against another
    ("The Saudi minister said the kingdom was considering additional measures against Canada.",
     ("THREATEN", ("SAU",), ("CAN",))),
    ("China said it would take all necessary measures against the United States.", ("THREATEN", ("CHN",), ("USA",))),
    ("Iran warned it would take action against Britain.", ("THREATEN", ("IRN",), ("GBR",))),
    ("The Russian spokesman said Moscow would take retaliatory measures.", ("THREATEN", ("RUS",), ())),
    ("The Turkish president said Ankara would not hesitate to take action against the Syrian government.",
     ("THREATEN", ("TUR",), ("SYR",))),
    ("The Chinese spokesman said Beijing would take firm countermeasures.", ("THREATEN", ("CHN",), ())),
    # a party said to be ready or prepared to take action against another (measures._ready_party, fifteenth round)
    ("Egypt said it was ready to take military action against Ethiopia.", ("THREATEN", ("EGY",), ("ETH",))),
    ("The Greek minister said Athens was prepared to take measures against Turkey.", ("THREATEN", ("GRC",), ("TUR",))),
    # a party said to have the right to defend itself is backed by the speaker (SUPPORT)
    ("The American spokesman said Taiwan had a right to defend itself.", ("SUPPORT", ("USA",), ("TWN",))),
    ('"Ukraine has every right to defend itself," the German chancellor said.', ("SUPPORT", ("DEU",), ("UKR",))),
    ("The Iranian minister said Venezuela has the right to defend its waters.", ("SUPPORT", ("IRN",), ("VEN",))),
    # a speaker who says a party broke a rule alleges a violation (the violation is not coded again)
    ("The Greek minister said Turkey had violated the agreement.", ("ACCUSE", ("GRC",), ("TUR",))),
    ('"For months, Iran has breached the terms of the deal," the French minister said.',
     ("ACCUSE", ("FRA",), ("IRN",))),
    ("The Serbian minister said Kosovo broke the agreement.", ("ACCUSE", ("SRB",), ("XKX",))),
    # respect or admiration for a party
    ("The American president said he has great respect for the Turkish president.", ("SUPPORT", ("USA",), ("TUR",))),
    ("The German chancellor expressed admiration for the Ukrainian army.", ("SUPPORT", ("DEU",), ("UKR",))),
])
def test_speech_act_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a bare "anyone" is no culprit; a forecast about a thing warns nobody
    ('"Anyone will pay more for fuel next year," the minister said.', "THREATEN"),
    # "ready to strike" said of workers, "ready to strike a deal": no force
    ("The unions said they were ready to strike.", "THREATEN"),
    ("The company said it was ready to strike a deal with the union.", "THREATEN"),
    # measures with no party, weighed by the writer, done, demanded, refused, about a matter
    ("The minister said the government was considering new measures to help farmers.", "THREATEN"),
    ("The EU is weighing measures against Hungary.", "THREATEN"),
    ("The Chinese ministry said Beijing had taken measures against the Japanese company.", "THREATEN"),
    ("The French minister said Iran must take measures against the militants.", "THREATEN"),
    ("The Indian minister said Delhi would not take any action against Pakistan.", "THREATEN"),
    ("Congress could take action on the bill, the senator said.", "THREATEN"),
    ("The Greek minister said Athens would hesitate to take action against Turkey.", "THREATEN"),
    ("The Indian minister said Delhi was not ready to take action against Pakistan.", "THREATEN"),
    # a right that is no defence, the writer's own words, the party's own claim, a right denied
    ("The Iranian minister said Iran has the right to enrich uranium.", "SUPPORT"),
    ("Estonia has the right to defend itself.", "SUPPORT"),
    ("The Estonian prime minister said Estonia has the right to defend itself.", "SUPPORT"),
    ("The French minister said Israel does not have the right to bomb civilians.", "SUPPORT"),
    ("The Chinese spokesman said Taiwan has no right to self-defence.", "SUPPORT"),
    # a bare agent noun: often the speaker's own side justifying itself
    ("The navy spokesman said the sailors had a right to defend the ship.", "SUPPORT"),
    # a record broken, a violation denied
    ("The athlete broke the world record, the coach said.", "ACCUSE"),
    ("The French minister said the Iranian army did not violate the ceasefire.", "ACCUSE"),
    # an agreement broken off or broken down is ended, not violated: no accusation
    ("A senior Egyptian official said Egypt had broken off the agreement with Sudan.", "ACCUSE"),
    ("Ethiopia has broken down the treaty with Eritrea, the Ethiopian foreign minister said.", "ACCUSE"),
    # little respect, respect for a thing
    ("The minister said he had little respect for the Russian government.", "SUPPORT"),
    ("The French minister expressed respect for human rights.", "SUPPORT"),
])
def test_not_speech_act(pipeline, text, absent):
    assert absent not in types(pipeline, text)


def test_violation_reported_by_the_writer_stays_an_act(pipeline):
    """The writer's own "Russia violated the ceasefire" is the violation itself, no accusation by anybody. Said by a
    speaker, a broken agreement is the content of the accusation and is not coded as the party's act; a broken
    ceasefire is fighting, coded on its own as well."""
    assert "ACCUSE" not in types(pipeline, "Russia violated the ceasefire on Monday.")
    said = coded(pipeline, "The Ukrainian minister said Russia violated the agreement on Monday.")
    assert ("ACCUSE", ("UKR",), ("RUS",)) in said
    assert not any(actor == ("RUS",) for _, actor, _ in said)
    fighting = coded(pipeline, "The Ukrainian minister said Russia violated the ceasefire on Monday.")
    assert ("ACCUSE", ("UKR",), ("RUS",)) in fighting
    assert any(actor == ("RUS",) for _, actor, _ in fighting)


def test_statement_made_speaking_from_a_place(pipeline):
    """'said, speaking from Washington': where the statement was made, not an origin (places.py)."""
    from redline.api import extract

    events = extract('"For years, Iran has breached the terms of the deal," the American minister said, speaking '
                     "from Washington.", published="2023-05-10", pipeline=pipeline)
    accusation = next(e for e in events if e["event"][0] == "ACCUSE")
    assert (accusation["event_loc"] or {}).get("country_code") == "USA"
