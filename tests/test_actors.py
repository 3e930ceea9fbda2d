"""The actors stage: mentions with syntactic heads, compound splits, coreference; on hand-built and parsed text."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from redline.knowledge.actors import Knowledge
from redline.pipeline import Context
from redline.records import Article, Document, Sentence, Token
from redline.stages.actors import Memory, resolve_actors, sentence_mentions


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.build(places=lambda: None)


def sent(index: int, spec: list[tuple[str, str, str, int, str]]) -> Sentence:
    """Build a parsed sentence by hand: (text, pos, dep, head, entity type) per token."""
    toks = []
    idx = 0
    for i, (text, pos, dep, head, ent) in enumerate(spec):
        toks.append(Token(i=i, text=text, lemma=text.lower(), pos=pos, tag="", dep=dep, head=head, idx=idx,
                          ent_iob="B" if ent else "O", ent_type=ent))
        idx += len(text) + 1
    return Sentence(index=index, paragraph=0, start=0, end=idx, text=" ".join(t[0] for t in spec), tokens=tuple(toks))


RUSSIAN_TROOPS = [("Russian", "ADJ", "amod", 1, "NORP"), ("troops", "NOUN", "nsubj", 2, ""),
                  ("crossed", "VERB", "ROOT", 2, ""), ("the", "DET", "det", 4, ""), ("border", "NOUN", "dobj", 2, "")]
TWO_ARMIES = [("Russian", "ADJ", "amod", 3, "NORP"), ("and", "CCONJ", "cc", 0, ""), ("Belarusian", "ADJ", "conj", 0, "NORP"),
              ("soldiers", "NOUN", "nsubj", 4, ""), ("drilled", "VERB", "ROOT", 4, "")]
BACKED = [("Kremlin", "PROPN", "npadvmod", 2, "ORG"), ("-", "PUNCT", "punct", 2, ""), ("backed", "VERB", "amod", 3, ""),
          ("separatists", "NOUN", "nsubj", 4, ""), ("fired", "VERB", "ROOT", 4, "")]
PESKOV = [("Kremlin", "PROPN", "compound", 1, "ORG"), ("spokesman", "NOUN", "compound", 3, ""),
          ("Dmitry", "PROPN", "compound", 3, "PERSON"), ("Peskov", "PROPN", "nsubj", 4, "PERSON"),
          ("spoke", "VERB", "ROOT", 4, "")]
HE_ADDED = [("He", "PRON", "nsubj", 1, ""), ("added", "VERB", "ROOT", 1, "")]
TWO_PRESIDENTS = [("Biden", "PROPN", "nsubj", 3, "PERSON"), ("and", "CCONJ", "cc", 0, ""),
                  ("Putin", "PROPN", "conj", 0, "PERSON"), ("met", "VERB", "ROOT", 3, "")]
PRESIDENTS_AGREED = [("The", "DET", "det", 2, ""), ("two", "NUM", "nummod", 2, ""), ("presidents", "NOUN", "nsubj", 3, ""),
                     ("agreed", "VERB", "ROOT", 3, "")]
COUNTRIES = [("Russia", "PROPN", "nsubj", 3, "GPE"), ("and", "CCONJ", "cc", 0, ""), ("Ukraine", "PROPN", "conj", 0, "GPE"),
             ("clashed", "VERB", "ROOT", 3, "")]
BOTH_COUNTRIES = [("Both", "DET", "det", 1, ""), ("countries", "NOUN", "nsubj", 2, ""), ("denied", "VERB", "ROOT", 2, "")]
DIPLOMAT = [("A", "DET", "det", 3, ""), ("senior", "ADJ", "amod", 3, ""), ("Chinese", "ADJ", "amod", 3, "NORP"),
            ("diplomat", "NOUN", "nsubj", 4, ""), ("said", "VERB", "ROOT", 4, "")]


def _mentions(kb, *specs, date=dt.date(2021, 6, 17)):
    memory = Memory()
    out = []
    for i, spec in enumerate(specs):
        out.extend(sentence_mentions(sent(i, spec), kb, date=date, memory=memory))
    return out


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (RUSSIAN_TROOPS, [(0, 2, 1, "RUS", "MIL", "agent")]),
        (DIPLOMAT, [(0, 4, 3, "CHN", "GOV", "agent")]),
        (PESKOV, [(0, 4, 3, "RUS", "GOV", "name")]),
        (TWO_ARMIES, [(0, 4, 3, "RUS", "MIL", "agent"), (0, 4, 3, "BLR", "MIL", "agent")]),
        (BACKED, [(0, 1, 0, "RUS", "GOV", "metonym"), (0, 4, 3, None, "REB", "agent")]),
    ],
)
def test_sentence_mentions_span_head_and_entity(kb, spec, expected):
    got = [(m.start, m.end, m.head, m.entity.code, m.entity.sector, m.kind) for m in _mentions(kb, spec)]
    assert got == expected


def test_pronoun_resolves_to_the_person_before(kb):
    ms = _mentions(kb, PESKOV, HE_ADDED)
    he = [m for m in ms if m.sentence == 1][0]
    assert (he.kind, he.head, he.antecedent) == ("pronoun", 0, (0, 3))
    assert he.entity.identifier_text == "Dmitry Peskov" and he.entity.entity_text == "He"
    assert "coreference" in he.entity.reason


def test_pronoun_prefers_an_unknown_person_subject_over_a_known_one_before(kb):
    unknown = [("Ivan", "PROPN", "compound", 1, "PERSON"), ("Testov", "PROPN", "nsubj", 2, "PERSON"),
               ("spoke", "VERB", "ROOT", 2, "")]
    ms = _mentions(kb, PESKOV, unknown, HE_ADDED)
    he = [m for m in ms if m.sentence == 2][0]
    assert he.antecedent == (1, 1)
    assert he.entity.code is None and "Ivan Testov" in he.entity.reason


def test_pronoun_without_antecedent_is_unresolved_with_reason(kb):
    (he,) = _mentions(kb, HE_ADDED)
    assert he.entity.code is None and "no person antecedent" in he.entity.reason


@pytest.mark.parametrize(
    ("first", "second", "codes"),
    [(TWO_PRESIDENTS, PRESIDENTS_AGREED, ["USA", "RUS"]), (COUNTRIES, BOTH_COUNTRIES, ["RUS", "UKR"])],
)
def test_group_mention_gives_one_mention_per_member(kb, first, second, codes):
    ms = [m for m in _mentions(kb, first, second) if m.sentence == 1]
    assert [m.entity.code for m in ms] == codes
    assert len({(m.start, m.end, m.head) for m in ms}) == 1
    assert all(m.kind == "group" and m.antecedent for m in ms)


def test_apposition_title_is_the_named_person(kb):
    spec = [("Dmitry", "PROPN", "compound", 1, "PERSON"), ("Peskov", "PROPN", "nsubj", 7, "PERSON"),
            (",", "PUNCT", "punct", 1, ""), ("the", "DET", "det", 5, ""), ("Kremlin", "PROPN", "compound", 5, "ORG"),
            ("spokesman", "NOUN", "appos", 1, ""), (",", "PUNCT", "punct", 1, ""), ("said", "VERB", "ROOT", 7, "")]
    ms = [m for m in _mentions(kb, spec) if m.head == 5]
    assert [(m.kind, m.antecedent, m.entity.identifier_text) for m in ms] == [("title", (0, 1), "Dmitry Peskov")]


def test_indefinite_or_plural_nouns_do_not_corefer(kb):
    two_states = [("a", "DET", "det", 2, ""), ("two", "NUM", "nummod", 2, ""), ("states", "NOUN", "pobj", 3, ""),
                  ("solution", "NOUN", "ROOT", 3, "")]
    leaders = [("The", "DET", "det", 1, ""), ("leaders", "NOUN", "nsubj", 2, ""), ("met", "VERB", "ROOT", 2, "")]
    ms = [m for m in _mentions(kb, COUNTRIES, two_states) if m.sentence == 1]
    assert all(m.kind != "group" for m in ms)
    plural = [Token(i=t.i, text=t.text, lemma="leader" if t.i == 1 else t.lemma, pos=t.pos, tag="NNS" if t.i == 1
                    else "", dep=t.dep, head=t.head, idx=t.idx) for t in sent(1, leaders).tokens]
    memory = Memory()
    sentence_mentions(sent(0, PESKOV), kb, date=dt.date(2021, 6, 17), memory=memory)
    out = sentence_mentions(dataclasses.replace(sent(1, leaders), tokens=tuple(plural)), kb,
                            date=dt.date(2021, 6, 17), memory=memory)
    assert [m.kind for m in out] == ["agent"] and out[0].antecedent is None


def test_country_inside_an_unknown_name_does_not_code_it(kb):
    paper = [("the", "DET", "det", 4, ""), ("South", "PROPN", "compound", 2, "ORG"), ("China", "PROPN", "compound", 4, "ORG"),
             ("Morning", "PROPN", "compound", 4, "ORG"), ("Post", "PROPN", "nsubj", 5, "ORG"), ("said", "VERB", "ROOT", 5, "")]
    ms = [m for m in _mentions(kb, paper) if m.head == 4]
    assert ms and ms[0].entity.code is None


def test_definite_institution_bridges_to_the_one_country_just_named(kb):
    kyiv = [("Kyiv", "PROPN", "nsubj", 1, "GPE"), ("protested", "VERB", "ROOT", 1, "")]
    gov = [("The", "DET", "det", 1, ""), ("government", "NOUN", "nsubj", 2, ""), ("resigned", "VERB", "ROOT", 2, "")]
    ms = [m for m in _mentions(kb, kyiv, gov) if m.sentence == 1]
    assert (ms[0].entity.code, ms[0].entity.sector) == ("UKR", "GOV") and "bridged" in ms[0].entity.reason
    two = [m for m in _mentions(kb, COUNTRIES, gov) if m.sentence == 1]
    assert two[0].entity.code is None  # Russia and Ukraine: no single country to bridge to


def test_surname_resolves_to_earlier_full_name(kb):
    later = [("Peskov", "PROPN", "nsubj", 1, "PERSON"), ("said", "VERB", "ROOT", 1, "")]
    ms = [m for m in _mentions(kb, PESKOV, later) if m.sentence == 1]
    assert (ms[0].kind, ms[0].antecedent, ms[0].entity.identifier_text) == ("surname", (0, 3), "Dmitry Peskov")


def test_every_mention_has_a_reason(kb):
    for m in _mentions(kb, RUSSIAN_TROOPS, TWO_ARMIES, BACKED, PESKOV, HE_ADDED, COUNTRIES, BOTH_COUNTRIES):
        assert m.entity.reason


def test_stage_contract_and_reference_date(kb):
    ctx = Context()
    ctx._cache["knowledge"] = kb
    doc = Document(article=Article(id="t", text="x", published=dt.date(2016, 1, 1)),
                   sentences=(sent(0, [("Poroshenko", "PROPN", "nsubj", 1, "PERSON"), ("spoke", "VERB", "ROOT", 1, "")]),))
    early = resolve_actors(doc, ctx)
    late = resolve_actors(dataclasses.replace(doc, reference_date=dt.date(2020, 1, 1)), ctx)
    assert early.mentions[0].entity.sector == "GOV"
    assert late.mentions[0].entity.sector == "ELI"
    assert resolve_actors.stage.requires == ("sentences", "reference_date")
    assert resolve_actors.stage.provides == ("mentions",)


# ---- with the real spaCy model ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def reference_doc(ctx, reference_text):
    from redline.pipeline import Pipeline
    from redline.stages import parse, reference_date
    from redline.stages.clean import clean_text

    doc = Pipeline(ctx, stages=[parse.parse_sentences.stage, reference_date.date_document.stage]).run_one(
        clean_text(reference_text))
    return resolve_actors(doc, ctx)


def _find(doc, text, head):
    out = []
    for m in doc.mentions:
        s = doc.sentences[m.sentence]
        if m.text == text and s.tokens[m.head].text == head:
            out.append(m)
    return out


@pytest.mark.parametrize(
    ("text", "head", "code", "sector", "kind"),
    [
        ("U.S. President Joe Biden", "Biden", "USA", "GOV", "name"),
        ("Russian President Vladimir Putin", "Putin", "RUS", "GOV", "name"),
        ("the Kremlin", "Kremlin", "RUS", "GOV", "metonym"),
        ("Kremlin spokesman Dmitry Peskov", "Peskov", "RUS", "GOV", "name"),
        ("Kyiv", "Kyiv", "UKR", "GOV", "metonym"),
        ("Ukrainian President Volodymyr Zelenskiy", "Zelenskiy", "UKR", "GOV", "name"),
        ("He", "He", "RUS", "GOV", "pronoun"),
        ("Deputy Foreign Minister Sergei Ryabkov", "Ryabkov", "RUS", "GOV", "name"),
        ("U.S. Ambassador John Sullivan", "Sullivan", "USA", "GOV", "name"),
        ("the Russian envoy", "envoy", "RUS", "GOV", "agent"),
    ],
)
def test_reference_article_mentions(reference_doc, text, head, code, sector, kind):
    found = _find(reference_doc, text, head)
    assert found, [m.text for m in reference_doc.mentions]
    assert (found[0].entity.code, found[0].entity.sector, found[0].kind) == (code, sector, kind)


@pytest.mark.parametrize(
    ("text", "head", "codes"),
    [("the two presidents", "presidents", ["USA", "RUS"]), ("the two countries", "countries", ["RUS", "UKR"])],
)
def test_reference_article_group_mentions(reference_doc, text, head, codes):
    assert sorted(m.entity.code for m in _find(reference_doc, text, head)) == sorted(codes)


def test_reference_article_mentions_keep_the_contract(reference_doc):
    assert reference_doc.mentions
    for m in reference_doc.mentions:
        assert m.start <= m.head < m.end <= len(reference_doc.sentences[m.sentence].tokens)
        assert m.entity.reason
        assert m.entity.code is None or m.entity.code.isupper()


def test_reference_article_ukraine_possessive_is_its_own_mention(reference_doc):
    poss = [m for m in reference_doc.mentions if m.text == "Ukraine"
            and reference_doc.sentences[m.sentence].tokens[m.head].dep == "poss"]
    assert poss and poss[0].entity.code == "UKR"


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("Russian and Belarusian soldiers crossed the border on Friday.", "soldiers", [("RUS", "MIL"), ("BLR", "MIL")]),
        ("A senior Chinese diplomat criticised the decision.", "diplomat", [("CHN", "GOV")]),
        ("Police in Kabul arrested three men.", "Police", [("AFG", "COP")]),
        ("Protesters marched on the parliament in Minsk.", "Protesters", [(None, "CVL")]),
        ("The Pentagon announced new sanctions.", "Pentagon", [("USA", "MIL")]),
    ],
)
def test_parsed_sentences_resolve_heads(ctx, text, head, expected):
    from redline.knowledge.actors import load_knowledge
    from redline.stages.parse import parse_text

    kb = load_knowledge(ctx)
    (s,) = parse_text(text, ctx)
    ms = [m for m in sentence_mentions(s, kb, date=dt.date(2022, 3, 1)) if s.tokens[m.head].text == head]
    assert [(m.entity.code, m.entity.sector) for m in ms] == expected


def _head_entity(kb, spec, head):
    return next(m.entity for m in _mentions(kb, spec) if m.head == head)


def test_a_known_family_name_after_another_given_name_is_someone_else(kb):
    """'Hunter Biden' is not Joe Biden; 'Joe Biden' is."""
    hunter = [("Hunter", "PROPN", "compound", 1, ""), ("Biden", "PROPN", "nsubj", 2, "PERSON"), ("spoke", "VERB", "ROOT", 2, "")]
    other = _head_entity(kb, hunter, 1)
    assert other.code is None and "is not Joe Biden" in other.reason
    joe = [("Joe", "PROPN", "compound", 1, "PERSON"), ("Biden", "PROPN", "nsubj", 2, "PERSON"), ("spoke", "VERB", "ROOT", 2, "")]
    assert _head_entity(kb, joe, 1).code == "USA"


def test_a_possessor_country_does_not_make_an_unknown_organisation_its_own(kb):
    """'Japan's Nippon Steel' names a company of Japan's, but the possessor is no part of its name: no code from it."""
    steel = [("Japan", "PROPN", "poss", 3, "GPE"), ("'s", "PART", "case", 0, ""), ("Nippon", "PROPN", "compound", 3, "ORG"),
             ("Steel", "PROPN", "nsubj", 4, "ORG"), ("agreed", "VERB", "ROOT", 4, "")]
    assert _head_entity(kb, steel, 3).code is None


def test_a_person_the_tagger_misread_as_an_adverb_is_still_a_name(kb):
    named = [("Dmitry", "PROPN", "compound", 1, "PERSON"), ("Peskov", "PROPN", "nsubj", 2, "PERSON"),
             ("spoke", "VERB", "ROOT", 2, "")]
    misread = [("Peskov", "ADV", "nsubj", 2, "PERSON"), (",", "PUNCT", "punct", 2, ""), ("said", "VERB", "ROOT", 2, "")]
    out = _mentions(kb, named, misread)
    later = [m for m in out if m.sentence == 1]
    assert [(m.text, m.entity.code, m.kind) for m in later] == [("Peskov", "RUS", "surname")]


def test_an_adverb_the_recogniser_calls_no_person_is_no_mention(kb):
    spec = [("Earlier", "ADV", "advmod", 2, ""), ("Russia", "PROPN", "nsubj", 2, "GPE"), ("spoke", "VERB", "ROOT", 2, "")]
    assert [m.text for m in _mentions(kb, spec)] == ["Russia"]
