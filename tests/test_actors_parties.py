"""Parties, seats of government and who pronouns and bare agent words point to (issue 12, seventh actors round).

Every sentence here is written for this test (none is a gold or corpus sentence). The knowledge rows are checked
through `resolve_actor`; the coreference rows run the whole pipeline and read the article's mentions.
"""

from __future__ import annotations

import pytest
from event_sets import mentions

from redline.knowledge.actors import resolve_actor


@pytest.mark.parametrize(("text", "code", "sector"), [
    ("Labour", "GBR", "PTY"),
    ("the Labour leader", "GBR", "PTY"),
    ("Labour MPs", "GBR", "LEG"),
    ("the Lib Dems", "GBR", "PTY"),
    ("the Scottish National Party", "GBR", "PTY"),
    ("the CDU", "DEU", "PTY"),
    ("Alternative for Germany", "DEU", "PTY"),
    ("Fidesz", "HUN", "PTY"),
    ("Yesh Atid", "ISR", "PTY"),
    ("the Kuomintang", "TWN", "PTY"),
    ("Ennahda", "TUN", "PTY"),
    ("ZANU-PF", "ZWE", "PTY"),
    ("the New Zealand Labour Party", "NZL", "PTY"),
    ("Malacanang", "PHL", "GOV"),
    ("the Casa Rosada", "ARG", "GOV"),
    ("Palazzo Chigi", "ITA", "GOV"),
    ("Parliament Hill", "CAN", "LEG"),
    # "European" and "Europeans" are Europe, EUR, as "Europe" alone is (PETRARCH's dictionaries, our gold)
    ("European politicians", "EUR", "ELI"),
    ("its European partners", "EUR", None),
    ("the European Court of Human Rights", "COE", "JUD"),
])
def test_parties_and_seats_of_government_resolve(text, code, sector):
    e = resolve_actor(text, date=None)
    assert (e.code, e.sector) == (code, sector), e.reason


@pytest.mark.parametrize("text", [
    "NLD",  # not the Burmese party: it is also the Netherlands' code, so the party is listed by its full name only
    "the Socialist Party",  # several countries have one: no guess
])
def test_words_shared_with_other_names_stay_unresolved(text):
    assert resolve_actor(text, date=None).code is None


@pytest.mark.slow
def test_the_lowercase_word_labour_in_a_sentence_is_no_party(pipeline):
    found = mentions(pipeline, "Unions in France protested against the new labour law on Monday.")
    assert all(c != "GBR" for _, _, c in found), found


def code_of(found, sentence: int, text: str) -> str | None:
    codes = {c for s, t, c in found if s == sentence and t == text}
    assert len(codes) == 1, found
    return codes.pop()


@pytest.mark.slow
@pytest.mark.parametrize(("text", "sentence", "word", "code"), [
    # the owner of a subject that is a thing is who the story is about there
    ("Boris Johnson met the Irish prime minister on Monday. The Irish ambassador, Tom Byrne, said Dublin was "
     "pleased. Johnson's remarks on the border also angered his critics. Later he apologized to the Irish "
     "government.", 3, "he", "GBR"),
    ("Angela Merkel arrived in Paris on Sunday. The French ambassador, Jean Dupont, said France welcomed her. "
     "Merkel's speech on migration also drew applause. She then criticized the Hungarian government.",
     3, "She", "DEU"),
])
@pytest.mark.slow
def test_he_she_continue_the_owner_of_a_subject_that_is_a_thing(pipeline, text, sentence, word, code):
    assert code_of(mentions(pipeline, text), sentence, word) == code


@pytest.mark.slow
def test_a_party_that_is_the_subject_still_wins_over_an_owner_in_its_own_phrase(pipeline):
    # "Putin's spokesman" is a party: the possessor is not lent the subject's place
    text = ("Hillary Clinton arrived in Moscow on Monday. Putin's spokesman, Dmitry Peskov, said the talks were "
            "useful. He criticized the American sanctions.")
    assert code_of(mentions(pipeline, text, "2012-05-10"), 2, "He") == "RUS"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "sentence", "word", "code"), [
    # an unqualified state word coordinated with a known person is that person's state's
    ("A typhoon hit the north of China on Saturday. China sent rescue teams to the region. Beijing asked for "
     "calm. On Tuesday, Duterte and government officials arrived in Manila.", 3, "government officials", "PHL"),
    ("France and Germany met in Brussels. The French delegation left early. Later, Putin and military officials "
     "visited Crimea.", 2, "military officials", "RUS"),
])
def test_a_state_word_coordinated_with_a_person_is_of_that_persons_state(pipeline, text, sentence, word, code):
    assert code_of(mentions(pipeline, text, "2018-09-16"), sentence, word) == code


@pytest.mark.slow
def test_a_state_word_coordinated_with_people_of_two_states_gets_no_person_guess(pipeline):
    text = "Putin, Erdogan and government officials met in Sochi on Monday."
    assert code_of(mentions(pipeline, text, "2018-09-16"), 0, "government officials") not in ("RUS", "TUR")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "sentence", "word", "code"), [
    # a mayor or governor with no place of their own is the article's country's, like the police
    ("Protesters marched in Kharkiv, Ukraine, on Sunday. Ukrainian police said Ukraine would keep order. The mayor "
     "accused the protesters of violence.", 2, "The mayor", "UKR"),
    ("Floods hit Brazil on Monday. Brazil declared an emergency in the south of Brazil. The governor asked for "
     "federal aid.", 2, "The governor", "BRA"),
])
def test_a_mayor_or_governor_belongs_to_the_country_the_article_is_about(pipeline, text, sentence, word, code):
    assert code_of(mentions(pipeline, text), sentence, word) == code


@pytest.mark.slow
def test_a_mayor_gets_no_country_when_the_article_has_two(pipeline):
    text = "Russia and Ukraine traded accusations on Monday. The mayor accused the protesters of violence."
    assert code_of(mentions(pipeline, text), 1, "The mayor") is None


@pytest.mark.slow
def test_the_president_is_the_one_the_story_names_most_when_two_countries_have_one(pipeline):
    text = ("President Obama said his policy in Afghanistan was working. Obama told reporters he trusted his "
            "generals. Critics said Obama distrusted Afghan President Hamid Karzai. "
            "The president welcomed the debate.")
    assert code_of(mentions(pipeline, text, "2013-01-07"), 3, "The president") == "USA"


@pytest.mark.slow
def test_the_president_is_no_guess_when_two_presidents_are_named_as_often(pipeline):
    text = ("President Obama met President Vladimir Putin in Geneva on Monday. The president criticized the "
            "sanctions.")
    assert code_of(mentions(pipeline, text, "2013-01-07"), 1, "The president") is None
