"""Red-line warnings (redline/stages/redlines.py) through the real pipeline, on sentences written for these tests:
retold warnings are left undated, a speaker who would cross their own line is no speaker, and a warning with no
recipient is aimed at the party its condition or its participle of address names."""

from __future__ import annotations

import dataclasses

import pytest

from redline.records import Entity
from redline.stages import redlines
from redline.stages.clean import clean_text

pytestmark = pytest.mark.slow

PUBLISHED = "2021-03-10"


@pytest.fixture(scope="module")
def warnings(pipeline):
    """sentence -> its THREATEN events."""
    import datetime as dt

    def run(text: str):
        doc = pipeline.run_one(clean_text(text, published=dt.date.fromisoformat(PUBLISHED)))
        return [e for e in doc.events if e.event == "THREATEN"]

    return run


def test_a_red_line_said_today_is_dated_today(warnings):
    (ev,) = warnings("The Kremlin said that Ukraine joining NATO would be a red line.")
    assert [a.code for a in ev.actor] == ["RUS"]
    assert {r.code for r in ev.recipient} == {"UKR", "NATO"}
    assert ev.date is not None and ev.date.isoformat() == PUBLISHED


@pytest.mark.parametrize("text, cue", [
    # set against what followed it: a story of the past
    ("Chancellor Scholz said that an attack on Moldova would be a red line, but he later declined "
     "to send troops.", "later declined"),
    # followed by its failure: the story of an unenforced line
    ("Erdogan warned the militias that crossing the river would be a red line and then failed to act when they "
     "crossed it.", "then failed"),
    # the saying verb is in the past perfect
    ("Erdogan had said that a Kurdish state in northern Syria would be a red line.", "had said"),
    # the saying verb says it was earlier
    ("Erdogan has previously said that a Kurdish state in northern Syria would be a red line.", "previously"),
    # a line named by its owner, in the writer's voice
    ("Erdogan's red line on Syria is still in place, officials in Ankara said.", "named by its owner"),
    # a line named through a free relative: a reference to a line drawn before
    ("The Turkish general said that ignoring what Erdogan once said would be a red line encouraged "
     "the militias.", "free relative"),
    # a line observed, not drawn: it stands already
    ("The Turkish minister noted that the shelling of hospitals is a red line for most nations.", "observed"),
    ("Russia's foreign minister acknowledged that NATO expansion is a red line for Moscow.", "observed"),
])
def test_a_retold_red_line_is_left_undated(warnings, text, cue):
    evs = [e for e in warnings(text) if redlines.is_warning(e)]
    assert evs, text
    for ev in evs:
        assert ev.date is None and str(ev.date_precision) == "unknown", (ev.date, ev.date_reason)
        assert cue in ev.date_reason


@pytest.mark.parametrize("text", [
    # "and later", "and then" with no contrast or failure chain one day's acts; they tell no retelling
    "Chancellor Scholz said that an attack on Moldova would be a red line and later met the Polish "
    "president.",
    "Erdogan warned Syria that crossing the river would be a red line and then left for Ankara.",
])
def test_a_red_line_followed_by_the_same_days_news_keeps_its_date(warnings, text):
    evs = [e for e in warnings(text) if redlines.is_warning(e)]
    assert evs
    for ev in evs:
        assert ev.date is not None and ev.date.isoformat() == PUBLISHED, ev.date_reason


def test_an_owner_restating_their_line_is_news(warnings):
    evs = [e for e in warnings("Lavrov said Russia's red line stands and a Russian strike might be needed unless "
                               "Georgia pulls back.") if e.rule.startswith("nominal-possessor:red line")]
    assert evs and all(e.date is not None for e in evs), [e.date_reason for e in evs]


@pytest.mark.parametrize("text, target", [
    ("Lavrov said that would be a red line unless Georgia withdraws its troops.", "GEO"),
    ("The red line is clear: Lavrov said a Russian military strike might be necessary if Georgia does not "
     "withdraw its troops.", "GEO"),
    ("Tokyo has drawn its own red lines for the talks, accusing China of bad faith.", "CHN"),
])
def test_a_red_line_with_no_recipient_is_aimed_at_the_party_its_condition_or_address_names(warnings, text, target):
    evs = [e for e in warnings(text) if redlines.is_warning(e)]
    assert evs
    assert any(target in {r.code for r in e.recipient} for e in evs), [(e.rule, e.recipient) for e in evs]
    assert all(len({r.code for r in e.recipient}) == len(e.recipient) or e.rule.startswith("light")
               for e in evs)


def test_a_speaker_who_would_cross_their_own_line_is_misresolved(warnings):
    (ev,) = warnings("The Kremlin said that Ukraine joining NATO would be a red line.")
    assert redlines.self_aimed(ev) is None
    me = Entity(entity_text="Putin", code="RUS", identifier_text="Vladimir Putin", identifier_id="p1")
    aimed = dataclasses.replace(ev, actor=(me,), recipient=(dataclasses.replace(me, entity_text="Putin's troops"),))
    assert "misresolved" in redlines.self_aimed(aimed)
    # the same country is not the same party: "the rights of the Iranian nation are a red line" (Rouhani)
    other = dataclasses.replace(me, entity_text="Russians", identifier_text=None, identifier_id=None)
    assert redlines.self_aimed(dataclasses.replace(ev, actor=(me,), recipient=(other,))) is None
    # only copula lines: "X drew its red lines" has its drawer as the light verb's subject
    assert redlines.self_aimed(dataclasses.replace(aimed, rule="light:draw+red line#THREATEN/130")) is None


def test_a_sentence_without_a_red_line_is_not_judged(pipeline):
    import datetime as dt

    doc = pipeline.run_one(clean_text("Russia has previously threatened to strike Georgia.",
                                      published=dt.date.fromisoformat(PUBLISHED)))
    (ev,) = [e for e in doc.events if e.event == "THREATEN"]
    assert redlines.retold_reason(doc.sentences[0].tokens, ev) is None  # history.py alone judges it
    assert redlines.retold_reason(doc.sentences[0].tokens, dataclasses.replace(
        ev, text=ev.text.replace("threatened", "drawn a red line and threatened"))) is not None
    assert not redlines.speaks_of_red_line("The border line is red on the map.")
    assert redlines.speaks_of_red_line("It crossed Moscow's red-line again.")
