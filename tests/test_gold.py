"""Gold readers: PLOVER JSON, PETRARCH XML and redline JSONL, including malformed gold, and our own gold set."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from redline.errors import InputError
from redline.evaluate import (
    MAX_SENTENCE_CHARS,
    PLOVER_TYPES,
    builtin_gold_path,
    country_key,
    read_gold,
    read_petrarch,
    read_plover,
    read_redline,
    sector_key,
)
from redline.records import Factuality


def plover_json(*records) -> str:
    header = {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "header"}
    return json.dumps([header, *records])


def rec(rid="R-1", event="ACCUSE", text="Chad condemned Sudan.", **kw) -> dict:
    return {"id": rid, "event": event, "text": text, "source": [{"actorText": "Chad", "code": "TCD", "sector": "GOV"}],
            "target": [{"actorText": "Sudan", "code": "SDN"}], **kw}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM"), ("USAGOV", "USA"), ("IGOEUREEC", "IGO"),
        ("NATO", "IGO"), ("---LEG", None), ("", None), (None, None), ("PSEGZA", "PSE"), ("ROM", "ROU"),
        ("NGO", "NGO"), ("fra", "FRA"), ("ISM", "ISM"),
    ],
)
def test_country_key_maps_cameo_codes(code, expected):
    assert country_key(code) == expected


@pytest.mark.parametrize(("sector", "expected"), [("GOV", "GOV"), ("CVLalb", "CVL"), ("CIV", "CVL"), ("***", None), (None, None)])
def test_sector_key_takes_primary_sector(sector, expected):
    assert sector_key(sector) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("FIGHT", "ASSAULT"), ("INVESTIGATE", "ACCUSE"), ("AID", "AID")],
)
def test_read_plover_maps_old_labels(label, expected):
    records = read_plover(plover_json(rec(event=label)))
    assert [e.event for e in records[0].events] == [expected]


def test_read_plover_skips_document_header_and_reads_actors():
    (record,) = read_plover(plover_json(rec(date="2001-02-03", mode="strike-hun")))
    ev = record.events[0]
    assert (record.id, record.published.isoformat()) == ("R-1", "2001-02-03")
    assert [(a.text, a.code, a.sector) for a in ev.actor] == [("Chad", "TCD", "GOV")]
    assert [a.code for a in ev.recipient] == ["SDN"]
    assert ev.mode == "hunger"


@pytest.mark.parametrize("event", [None, []])
def test_read_plover_no_event_record_has_no_events(event):
    (record,) = read_plover(plover_json(rec(event=event)))
    assert record.events == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[{", "bad JSON"),
        ('{"id": 1}', "JSON array"),
        (plover_json(rec(rid="R-9", event="HUG")), "R-9"),
        (plover_json(rec(rid="R-9", event="HUG")), "unknown event label 'HUG'"),
        (plover_json(rec(rid="R-7", text="")), "R-7): missing text"),
        (plover_json({k: v for k, v in rec(rid="R-8").items() if k != "text"}), "R-8): missing text"),
        (plover_json(rec(rid="R-6", source={"code": "USA"})), "R-6): source must be a list"),
    ],
)
def test_read_plover_malformed_gold_names_the_problem(text, message):
    with pytest.raises(InputError) as err:
        read_plover(text, name="g.json")
    assert message in str(err.value)


def test_read_plover_enormous_sentence_is_skipped_with_reason():
    (record,) = read_plover(plover_json(rec(text="word " * MAX_SENTENCE_CHARS)))
    assert "characters" in record.skip


def test_read_plover_string_target_is_noted_not_guessed():
    (record,) = read_plover(plover_json(rec(target="diplomatic")))
    assert record.events[0].recipient == ()
    assert "diplomatic" in record.notes[0]


def test_read_gold_renames_repeated_public_ids(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(plover_json(rec(rid="R-1"), rec(rid="R-1")), encoding="utf-8")
    assert [r.id for r in read_gold(path)] == ["R-1", "R-1#2"]


def test_read_gold_refuses_repeated_ids_in_our_format(tmp_path):
    path = tmp_path / "g.jsonl"
    line = json.dumps({"id": "a", "text": "Chad condemned Sudan.", "events": []})
    path.write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="a: duplicate id"):
        read_gold(path)


@pytest.mark.parametrize(
    ("name", "content", "scheme"),
    [
        ("g.xml", '<Sentence id="S1"/><EventCoding eventcode="010" sourcecode="USA" /><Text>Chad met Sudan.</Text>', "cameo"),
        ("g.json", plover_json(rec()), "plover"),
        ("g.jsonl", json.dumps({"id": "a", "text": "Chad met Sudan.", "events": []}), "plover"),
    ],
)
def test_read_gold_guesses_format_from_suffix(tmp_path, name, content, scheme):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (record,) = read_gold(path)
    assert record.scheme == scheme


def test_read_gold_empty_file_is_an_error(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no gold records"):
        read_gold(path)


def test_read_gold_unknown_suffix_asks_for_format(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="--format"):
        read_gold(path)


PETRARCH = """<Validation><Sentences>
<Sentence category="AFP" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="1124" sourcecode="USAGOV" targetcode="RUSMIL" />
<Text>
The US government sharply criticised the Russian army.
</Text>
</Sentence>
<Sentence category="TEST" date="20080805" id="S2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>Nothing happened today.</Text>
</Sentence>
<Sentence category="TEST" date="20080805" id="S3" evaluate="false"/>
<EventCoding eventcode="010" sourcecode="USA" targetcode="RUS" />
<Text>Not evaluated.</Text>
</Sentence>
<Sentence category="TEST" date="20080806" id="S4" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="---" />
<Text>
</Text>
<Parse>
1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
</Parse>
</Sentence>
</Sentences></Validation>"""


def test_read_petrarch_reads_roots_countries_and_no_events():
    records = read_petrarch(PETRARCH)
    assert [r.id for r in records] == ["S1", "S2", "S4"]
    s1, s2, s4 = records
    assert (s1.scheme, s1.events[0].event, s1.events[0].cameo) == ("cameo", "11", "1124")
    assert (s1.events[0].actor[0].code, s1.events[0].recipient[0].code) == ("USA", "RUS")
    assert s1.events[0].actor[0].sector == "GOV"
    assert s1.published.isoformat() == "2008-08-04"
    assert s2.events == ()
    assert s4.text == "Rebels attacked." and s4.notes
    assert s4.events[0].recipient[0].code is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<Validation></Validation>", "no <Sentence> records"),
        ('<Sentence id="S1" evaluate="true/><Text>x</Text>', "bad XML"),
        ('<Sentence id="S1"/><EventCoding eventcode="999" sourcecode="USA" /><Text>x y.</Text>', "unknown CAMEO event code '999'"),
        ('<Sentence id="S5"/><EventCoding eventcode="010" sourcecode="USA" />', "S5): missing text"),
    ],
)
def test_read_petrarch_malformed_gold_names_the_problem(text, message):
    with pytest.raises(InputError) as err:
        read_petrarch(text, name="p.xml")
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "text": "x"', "line 1: bad JSON"),
        ('{"id": "a", "text": "Chad met Sudan.", "events": [{"event": "HUG"}]}', "unknown event label"),
        ('{"id": "a", "text": "Chad met Sudan.", "events": [{"event": "CONSULT", "factuality": "maybe"}]}', "unknown factuality 'maybe'"),
        ('{"id": "a", "events": []}', "(a): missing text"),
        ('{"id": "a", "text": "Chad met Sudan.", "events": {}}', "events must be a list"),
        ('{"id": "a", "text": "Chad met Sudan.", "events": [{"event": "CONSULT", "actor": [3]}]}', "actor entries"),
    ],
)
def test_read_redline_malformed_gold_names_the_problem(line, message):
    with pytest.raises(InputError) as err:
        read_redline(line, name="ours.jsonl")
    assert message in str(err.value)


def test_read_redline_reads_factuality_and_actor_forms():
    line = json.dumps({"id": "a", "text": "Chad will not attack Sudan.", "published": "2020-01-02", "events": [
        {"event": "ASSAULT", "actor": ["TCD"], "recipient": [{"text": "Sudan", "code": "SDN", "sector": "GOV"}],
         "factuality": "negated", "mode": "aerial"}], "tags": ["negated"]})
    (record,) = read_redline(line)
    ev = record.events[0]
    assert (ev.factuality, ev.mode, ev.actor[0].code, ev.recipient[0].text) == (Factuality.NEGATED, "aerial", "TCD", "Sudan")
    assert record.asserted == () and record.tags == ("negated",)


# ------------------------------------------------------------------------------------------ our own gold set


@pytest.fixture(scope="module")
def ours():
    return read_gold(builtin_gold_path())


def test_our_gold_has_at_least_200_sentences(ours):
    assert len(ours) >= 200


def test_our_gold_covers_every_plover_type_asserted(ours):
    counts = Counter(e.event for r in ours for e in r.asserted)
    assert {t for t in PLOVER_TYPES if counts[t] >= 5} == set(PLOVER_TYPES)


@pytest.mark.parametrize("factuality", list(Factuality))
def test_our_gold_covers_every_factuality(ours, factuality):
    assert sum(e.factuality == factuality for r in ours for e in r.events) >= 5


@pytest.mark.parametrize(
    ("tag", "minimum"),
    [("negated", 5), ("denied", 5), ("hypothetical", 5), ("conditional", 5), ("possible", 5), ("future", 5),
     ("reported", 10), ("passive", 4), ("compound", 10), ("no-event", 25), ("sports", 3), ("business", 3),
     ("metaphor", 3), ("red-line", 3), ("reciprocal", 2), ("relative-clause", 1), ("xcomp", 5), ("coreference", 5),
     ("conjoined", 3), ("threat", 5)],
)
def test_our_gold_covers_each_trap_and_grammar_case(ours, tag, minimum):
    assert sum(tag in r.tags for r in ours) >= minimum


def test_our_gold_traps_expect_no_asserted_event(ours):
    traps = [r for r in ours if {"negated", "denied", "hypothetical", "possible", "future", "no-event"} & set(r.tags)
             and "negated-surface" not in r.tags]
    assert traps and all(not r.asserted for r in traps)


def test_read_redline_standalone_flag_defaults_to_true():
    line = json.dumps({"id": "a", "text": "The government met Sudan.", "events": [
        {"event": "CONSULT", "actor": [{"text": "The government", "code": "TCD", "standalone": False}],
         "recipient": [{"text": "Sudan", "code": "SDN"}]}]})
    (record,) = read_redline(line)
    assert (record.events[0].actor[0].standalone, record.events[0].recipient[0].standalone) == (False, True)


def test_our_gold_events_name_actor_text_and_country(ours):
    actors = [a for r in ours for e in r.events for a in e.actor + e.recipient]
    assert actors and all(a.text and a.code for a in actors)
