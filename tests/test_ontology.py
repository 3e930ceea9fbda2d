"""Ontology and lexicon tables: PLOVER types, modes, scores, CAMEO codes, crosswalk, and their validation."""

from __future__ import annotations

import pytest

from redline.errors import KnowledgeError
from redline.knowledge.lexicon import load_lexicon, parse_cues, parse_light, parse_nouns, parse_verbs
from redline.knowledge.ontology import _parse_cameo, _parse_types, load_ontology

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_ontology_has_the_sixteen_plover_types():
    assert set(load_ontology().types) == PLOVER_TYPES


@pytest.mark.parametrize(
    ("event", "quad"),
    [("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("CONCEDE", 1), ("COOPERATE", 2), ("AID", 2), ("RETREAT", 2),
     ("REQUEST", 3), ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3), ("PROTEST", 4), ("SANCTION", 4),
     ("MOBILIZE", 4), ("COERCE", 4), ("ASSAULT", 4)],
)
def test_ontology_quad_codes(event, quad):
    assert load_ontology().quad(event) == quad


@pytest.mark.parametrize(
    ("event", "mode", "score"),
    [("AID", None, 10.0), ("CONSULT", "visit", 4.0), ("ASSAULT", "unconventional", -10.0),
     ("RETREAT", "disarm", 10.0), ("ACCUSE", None, -3.0), ("THREATEN", "territory", -4.0),
     ("ASSAULT", "no-such-mode", -9.0)],
)
def test_ontology_plover_scores(event, mode, score):
    assert load_ontology().score(event, mode) == score


@pytest.mark.parametrize(
    ("cameo", "goldstein", "plover"),
    [("190", -10.0, ("ASSAULT", None)), ("042", 1.9, ("CONSULT", "visit")), ("163", -8.0, ("SANCTION", "discontinue")),
     ("0874", 10.0, ("RETREAT", "withdraw")), ("192", -9.5, ("COERCE", "seize")), ("010", 0.0, (None, None))],
)
def test_ontology_cameo_goldstein_and_crosswalk(cameo, goldstein, plover):
    onto = load_ontology()
    assert onto.goldstein(cameo) == goldstein
    assert onto.plover_of(cameo) == plover


@pytest.mark.parametrize(("cameo", "quad"), [("036", 1), ("073", 2), ("112", 3), ("145", 4), ("2042", 4)])
def test_ontology_cameo_quad_class(cameo, quad):
    assert load_ontology().cameo[cameo].quad_class == quad


def test_ontology_legacy_labels_map_to_current_types():
    onto = load_ontology()
    assert [onto.event_type(x).name for x in ("DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE")] == [
        "REQUEST", "ACCUSE", "ASSAULT", "ACCUSE"]


def test_ontology_unknown_type_and_code_raise():
    onto = load_ontology()
    with pytest.raises(KnowledgeError, match="unknown PLOVER event type"):
        onto.event_type("FROLIC")
    with pytest.raises(KnowledgeError, match="unknown CAMEO code"):
        onto.code("999")


@pytest.mark.parametrize(
    ("line", "problem"),
    [("190 | -10 | ASSAULT", "expected 5 fields"), ("19x | -10 | ASSAULT | - | d", "bad CAMEO code"),
     ("190 | hot | ASSAULT | - | d", "not a number"), ("190 | -11 | ASSAULT | - | d", "outside"),
     ("190 | -10 | FROLIC | - | d", "unknown PLOVER type"), ("190 | -10 | ASSAULT/nap | - | d", "has no mode")],
)
def test_cameo_table_malformed_line_names_line_and_problem(line, problem):
    types = load_ontology().types
    with pytest.raises(KnowledgeError, match=rf"cameo.txt:2: .*{problem}"):
        _parse_cameo("# header\n" + line, types)


def test_plover_table_bad_quad_is_an_error():
    with pytest.raises(KnowledgeError, match="AGREE"):
        _parse_types('[AGREE]\nquad = 7\nscore = 1.0\nrecipient = false\ndefinition = "x"\n')


def test_every_cameo_code_used_by_the_lexicon_exists():
    onto, lex = load_ontology(), load_lexicon()
    # NONE entries ("stab in | NONE | -": stabbed in the back) say a wording is no event and carry no code
    codes = [e.code.cameo for es in lex.verbs.values() for e in es if e.code.event != "NONE"]
    codes += [e.code.cameo for es in lex.nouns.values() for e in es]
    assert codes and all(c in onto.cameo for c in codes)


def test_lexicon_covers_every_plover_type():
    lex = load_lexicon()
    types = {e.code.event for es in lex.verbs.values() for e in es if e.code.event != "NONE"}
    types |= {e.code.event for es in lex.nouns.values() for e in es}
    assert types == PLOVER_TYPES


@pytest.mark.parametrize(
    ("parser", "text", "problem"),
    [(parse_verbs, "attack | ASSAULT", "expected"), (parse_verbs, "attack | ASSAULT | 190 | loud", "unknown flag"),
     (parse_verbs, "attack | FROLIC | 190", "unknown PLOVER type"), (parse_verbs, "attack | ASSAULT | 999", "unknown CAMEO"),
     (parse_nouns, "raid | COERCE/seize | 171 | odd", "unknown flag"),
     (parse_light, "hold | sideways |", "role must be"), (parse_light, "sign | agent | deal=SUPPORT", "not noun=")],
)
def test_lexicon_malformed_line_names_file_line_and_problem(parser, text, problem):
    with pytest.raises(KnowledgeError, match=rf":1: .*{problem}"):
        parser(text, load_ontology())


def test_lexicon_cues_missing_list_is_an_error():
    with pytest.raises(KnowledgeError, match="missing list"):
        parse_cues('speech = ["say"]')


@pytest.mark.parametrize(
    ("lemma", "particle", "event"),
    [("attack", None, "ASSAULT"), ("call", "for", "REQUEST"), ("pull", "out", "RETREAT"), ("recall", None, "SANCTION")],
)
def test_lexicon_lookup_by_lemma(lemma, particle, event):
    entries = load_lexicon().verbs[lemma]
    assert any(e.particle == particle and e.code.event == event for e in entries)
