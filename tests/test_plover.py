"""PLOVER JSON records: every event dict validates against the shipped schema."""

import datetime as dt

import jsonschema
import pytest

from redline.plover import event_dict, event_schema
from redline.records import DatePrecision, DateSource, Entity, Event, Factuality, Place, TextInfo


def make_event(**over):
    base = dict(
        id="ev-0000000001",
        article_id="a1",
        event="CONSULT",
        actor=(Entity("Joe Biden", "USA", "GOV", "Joe Biden", "Q6279", "President", "person entry"),
               Entity("Vladimir Putin", "RUS", "GOV", "Vladimir Putin", "Q7747", "President", "person entry")),
        recipient=(),
        cameo="043",
        goldstein=2.8,
        quad_code=1,
        event_scale=2.5,
        factuality=Factuality.ASSERTED,
        text="Biden and Putin held a long summit in Geneva.",
        text_info=TextInfo(0, 0, 45, 16, 20),
        event_text="held summit",
        rule="light-verb:hold+summit#CONSULT",
        confidence=0.9,
        date=dt.date(2021, 6, 16),
        date_precision=DatePrecision.DAY,
        date_source=DateSource.EXPLICIT,
        event_loc=Place("Geneva", "CHE", "GE", 46.2, 6.14, "city", "city", 2660646, "Geneva"),
    )
    base.update(over)
    return Event(**base)


def test_event_dict_validates_against_schema():
    d = event_dict(make_event())
    jsonschema.validate(d, event_schema())
    assert d["event"] == ["CONSULT"] and d["event_loc"]["country_code"] == "CHE"
    assert d["date"] == "2021-06-16" and d["factuality"] == "asserted"


@pytest.mark.parametrize(
    "field, value",
    [
        ("event", "FIGHT"),  # old PLOVER label: not in the ontology
        ("cameo", "10"),  # CAMEO codes are 3-4 digits
        ("quad_code", 5),
        ("confidence", 1.5),
    ],
)
def test_schema_rejects_invalid_values(field, value):
    d = event_dict(make_event())
    d[field] = [value] if field == "event" else value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, event_schema())


def test_schema_rejects_an_entity_without_reason():
    d = event_dict(make_event())
    d["actor"][0]["reason"] = ""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, event_schema())
