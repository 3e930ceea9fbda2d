"""Quotes: quotation marks, attribution, indirect statements, bad input and event links.

The sentence table is parsed by the real spaCy model; the actor mentions are built by hand from each row's
`actors` map (surface text -> who it is), so the table tests this stage's logic, not the actor knowledge base.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from redline.records import Article, Document, Entity, Event, Factuality, Mention, Quote, Sentence, TextInfo
from redline.stages.quote_marks import double_marks, find_quote_spans, inside_quotes, open_after
from redline.stages.quotes import find_quotes, link_events, link_quotes, quote_id

REF = dt.date(2021, 6, 20)


def _span_texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will respond," he said.', ["We will respond"]),
        ("“We will respond,” he said.", ["We will respond"]),
        ("‘We will respond,’ he said.", ["We will respond"]),
        ("'We will respond,' he said.", ["We will respond"]),
        ("«Nous répondrons», a-t-il dit.", ["Nous répondrons"]),
        ("Russia's envoy said the talks don't matter.", []),
        ("In the '90s the alliance grew, and Ukraine's hopes with it.", []),
        ("The two states' leaders met on Monday.", []),
        ("He called it a 'red line' for Moscow.", ["red line"]),
        ("He said: \"We heard them say 'never' twice.\"", ["We heard them say 'never' twice."]),
        ("'It was ‘a mistake’,’ he said.", ["It was ‘a mistake’"]),
        ("“One. Two. Three,” she said, “and go.”", ["One. Two. Three", "and go."]),
        ("She called it \"rock 'n' roll diplomacy.\"", ["rock 'n' roll diplomacy."]),
        ('x "" y', []),
    ],
)
def test_quote_spans_pair_marks_and_skip_apostrophes(text, expected):
    assert _span_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_text", "reason_part"),
    [
        ('"We will never give up, he said.', "We will never give up, he said.", "never closed"),
        ('We will never give up," he said.', "We will never give up", "no opening mark"),
        ("“Nested ‘inner quote never closed,” he said.", "Nested ‘inner quote never closed", "nested"),
    ],
)
def test_quote_spans_unbalanced_kept_with_reason(text, expected_text, reason_part):
    spans = find_quote_spans(text, 0, len(text))
    assert [text[s.start : s.end] for s in spans] == [expected_text]
    assert reason_part in spans[0].reason


def test_quote_spans_multi_paragraph_continues():
    text = '"First part of it.\n\n"Second part," she said.'
    first = find_quote_spans(text, 0, 18, next_start=20)
    assert first[0].continues and text[first[0].start : first[0].end] == "First part of it."
    assert not find_quote_spans(text, 20, len(text))[0].continues


def test_quote_id_is_stable_and_distinguishes_kind():
    assert quote_id("a", 1, 5, True) == quote_id("a", 1, 5, True)
    assert quote_id("a", 1, 5, True) != quote_id("a", 1, 5, False)
    assert quote_id("a", 1, 5, True) != quote_id("b", 1, 5, True)


# ---- the sentence table ---------------------------------------------------------------------------------------
# (text, actors: surface -> identifier, expected quote text, direct, expected speaker identifier or None)
PESKOV, LAVROV, ZEL = "Dmitry Peskov", "Sergei Lavrov", "Volodymyr Zelensky"
BLINKEN, NATO_SG, MOD = "Antony Blinken", "Jens Stoltenberg", "Ministry of Defence"
TABLE = [
    # straight double quotes, attribution after / before / inverted
    ('"We are ready for talks," Lavrov said.', {"Lavrov": LAVROV}, "We are ready for talks", True, LAVROV),
    ('Lavrov said: "We are ready for talks."', {"Lavrov": LAVROV}, "We are ready for talks.", True, LAVROV),
    ('"We are ready for talks," said Lavrov.', {"Lavrov": LAVROV}, "We are ready for talks", True, LAVROV),
    ('"The sanctions will fail," Blinken told reporters in Brussels.', {"Blinken": BLINKEN},
     "The sanctions will fail", True, BLINKEN),
    ('"Nobody wants a war," the spokesman Dmitry Peskov said on Tuesday.', {"Dmitry Peskov": PESKOV},
     "Nobody wants a war", True, PESKOV),
    # curly double quotes
    ("“Our patience is not endless,” Zelensky warned.", {"Zelensky": ZEL}, "Our patience is not endless", True, ZEL),
    ("“The alliance will defend every inch,” Stoltenberg told a news conference.", {"Stoltenberg": NATO_SG},
     "The alliance will defend every inch", True, NATO_SG),
    ("Blinken wrote on Twitter: “We stand with our partners.”", {"Blinken": BLINKEN},
     "We stand with our partners.", True, BLINKEN),
    # single quotes, straight and curly
    ("'This is a provocation,' Peskov told the TASS news agency.", {"Peskov": PESKOV},
     "This is a provocation", True, PESKOV),
    ("‘We did not order any strike,’ the ministry said in a statement.", {"the ministry": MOD},
     "We did not order any strike", True, MOD),
    ("'The door remains open,' Stoltenberg said after the meeting.", {"Stoltenberg": NATO_SG},
     "The door remains open", True, NATO_SG),
    ("'Russia's army won't stop,' Zelensky said.", {"Zelensky": ZEL}, "Russia's army won't stop", True, ZEL),
    # split quotes (attribution in the middle)
    ('"We will not retreat," Zelensky said, "and we will not surrender."', {"Zelensky": ZEL},
     "We will not retreat", True, ZEL),
    ('"We will not retreat," Zelensky said, "and we will not surrender."', {"Zelensky": ZEL},
     "and we will not surrender.", True, ZEL),
    ("“The talks were useful,” Lavrov said. “But the gaps remain wide.”", {"Lavrov": LAVROV},
     "But the gaps remain wide.", True, LAVROV),
    ("'We expect an answer,' Peskov said. 'Soon.'", {"Peskov": PESKOV}, "Soon.", True, PESKOV),
    # multi-sentence quotes
    ('"The decision is made. There is no way back. We will go on," Zelensky said.', {"Zelensky": ZEL},
     "The decision is made. There is no way back. We will go on", True, ZEL),
    ("Lavrov told reporters: “The West has chosen escalation. We have drawn our conclusions.”",
     {"Lavrov": LAVROV}, "The West has chosen escalation. We have drawn our conclusions.", True, LAVROV),
    ('"It is over. Completely over," Blinken said of the deal.', {"Blinken": BLINKEN},
     "It is over. Completely over", True, BLINKEN),
    # partial quotes inside reported speech
    ("Peskov said the proposal was 'absolutely unacceptable' for Moscow.", {"Peskov": PESKOV},
     "absolutely unacceptable", True, PESKOV),
    ("Blinken said Washington would respond in a “swift and severe” way.", {"Blinken": BLINKEN},
     "swift and severe", True, BLINKEN),
    ('Zelensky called the strike "a war crime" and demanded an inquiry.', {"Zelensky": ZEL},
     "a war crime", True, ZEL),
    ("Lavrov described the sanctions as 'economic warfare' against Russia.", {"Lavrov": LAVROV},
     "economic warfare", True, LAVROV),
    ("Stoltenberg warned that the alliance would not accept 'spheres of influence' in Europe.",
     {"Stoltenberg": NATO_SG}, "spheres of influence", True, NATO_SG),
    # pronoun speakers (coreference already on the mention)
    ("He added that the plan 'raises serious concerns.'", {"He": PESKOV}, "raises serious concerns.", True, PESKOV),
    ('"We will win," she said.', {"she": "Ursula von der Leyen"}, "We will win", True, "Ursula von der Leyen"),
    ("He told the radio station that Kyiv had broken the truce.", {"He": LAVROV},
     "Kyiv had broken the truce", False, LAVROV),
    ("'Nothing has changed,' he insisted.", {"he": PESKOV}, "Nothing has changed", True, PESKOV),
    # titles and descriptions as speakers
    ("The foreign minister said the embassy would close on Friday.", {"The foreign minister": LAVROV},
     "the embassy would close on Friday", False, LAVROV),
    ('"We need more air defence," the Ukrainian president told lawmakers.', {"the Ukrainian president": ZEL},
     "We need more air defence", True, ZEL),
    ("'No decision has been taken,' a Kremlin spokesman said.", {"a Kremlin spokesman": PESKOV},
     "No decision has been taken", True, PESKOV),
    ("The defence ministry said its troops had repelled an attack near the border.", {"The defence ministry": MOD},
     "its troops had repelled an attack near the border", False, MOD),
    # indirect statements
    ("Lavrov said that Moscow would not attend the conference.", {"Lavrov": LAVROV},
     "Moscow would not attend the conference", False, LAVROV),
    ("Zelensky warned that the front line could collapse within weeks.", {"Zelensky": ZEL},
     "the front line could collapse within weeks", False, ZEL),
    ("Peskov denied that Russian troops had crossed the border.", {"Peskov": PESKOV},
     "Russian troops had crossed the border", False, PESKOV),
    ("Blinken told his counterpart that the United States would keep its sanctions.", {"Blinken": BLINKEN},
     "the United States would keep its sanctions", False, BLINKEN),
    ("The talks have stalled, Stoltenberg said.", {"Stoltenberg": NATO_SG}, "The talks have stalled", False, NATO_SG),
    ("Stoltenberg, in an interview with a German newspaper, said the alliance would send more troops.",
     {"Stoltenberg": NATO_SG}, "the alliance would send more troops", False, NATO_SG),
    ("Peskov claimed the drones were launched from Ukrainian territory.", {"Peskov": PESKOV},
     "the drones were launched from Ukrainian territory", False, PESKOV),
    ("Zelensky announced that the army had retaken the village.", {"Zelensky": ZEL},
     "the army had retaken the village", False, ZEL),
    ("The talks, Stoltenberg said, have reached a dead end.", {"Stoltenberg": NATO_SG},
     "The talks, Stoltenberg said, have reached a dead end", False, NATO_SG),
    ('"The sanctions have failed," explained Lavrov, "and everyone knows it."', {"Lavrov": LAVROV},
     "and everyone knows it.", True, LAVROV),
    ('In a letter in which Zelensky said the blockade was "a crime against the world", Blinken said nothing.',
     {"Zelensky": ZEL, "Blinken": BLINKEN}, "a crime against the world", True, ZEL),
    # according to
    ("According to Lavrov, the West is preparing a provocation.", {"Lavrov": LAVROV},
     "the West is preparing a provocation", False, LAVROV),
    ("The convoy was hit twice, according to the defence ministry.", {"the defence ministry": MOD},
     "The convoy was hit twice", False, MOD),
    ("'We were not informed,' according to Peskov.", {"Peskov": PESKOV}, "We were not informed", True, PESKOV),
    # no speaker, unresolved speakers, scare quotes
    ("'Enough is enough.'", {}, "Enough is enough.", True, None),
    ("The so-called 'peace plan' was rejected within hours.", {}, "peace plan", True, None),
    ('"We will come back," an unnamed official said.', {}, "We will come back", True, None),
    ("'Stay calm,' a man in the crowd shouted.", {}, "Stay calm", True, None),
    ('"This is only the beginning," they said.', {}, "This is only the beginning", True, None),
    # unbalanced and nested marks
    ('"We will never give up, Zelensky said.', {"Zelensky": ZEL}, "We will never give up, Zelensky said.", True, ZEL),
    ('Lavrov said: "They told us \'no\' again."', {"Lavrov": LAVROV}, "They told us 'no' again.", True, LAVROV),
    ("“Our answer is ‘no’,” Peskov said.", {"Peskov": PESKOV}, "Our answer is ‘no’", True, PESKOV),
    # apostrophes next to quotes
    ("'Ukraine's future is in Europe,' Blinken said.", {"Blinken": BLINKEN},
     "Ukraine's future is in Europe", True, BLINKEN),
    ("'In the '90s we trusted them,' Lavrov said.", {"Lavrov": LAVROV}, "In the '90s we trusted them", True, LAVROV),
    ("Zelensky said the allies' promises 'have not been kept.'", {"Zelensky": ZEL}, "have not been kept.", True, ZEL),
    # attribution in a neighbouring sentence or paragraph; relative clauses; scare quotes borrow nothing
    ("Zelensky addressed the nation on Sunday evening. He said:\n\n“We will rebuild every city.”",
     {"He": ZEL, "Zelensky": ZEL}, "We will rebuild every city.", True, ZEL),
    ('"We are not going anywhere.\n\n"This is our land," Zelensky said.', {"Zelensky": ZEL},
     "We are not going anywhere.", True, ZEL),
    ('Peskov said the talks had failed.\n\n"There is nothing more to discuss."', {"Peskov": PESKOV},
     "There is nothing more to discuss.", True, PESKOV),
    ('Peskov said the talks had failed. "There is nothing more to discuss."', {"Peskov": PESKOV},
     "There is nothing more to discuss.", True, PESKOV),
    ("“We asked for talks.” “We got silence,” Lavrov said.", {"Lavrov": LAVROV}, "We asked for talks.", True, LAVROV),
    ("The talks were led by Lavrov, who said the West had 'lost its mind.'", {"Lavrov": LAVROV},
     "lost its mind.", True, LAVROV),
    ('"We will respond," Lavrov said. The so-called "grain deal" expired on Monday.', {"Lavrov": LAVROV},
     "grain deal", True, None),
    ("Blinken said allies should cut trade with Pyongyang and said Washington would “not hesitate to act.”",
     {"Blinken": BLINKEN}, "not hesitate to act.", True, BLINKEN),
    # passive and participial attributions
    ('"We are not afraid," Lavrov was quoted as saying by RIA Novosti.', {"Lavrov": LAVROV},
     "We are not afraid", True, LAVROV),
    ('Speaking to reporters, Zelensky said: "We need tanks."', {"Zelensky": ZEL}, "We need tanks.", True, ZEL),
]


def _mentions(sentences: tuple[Sentence, ...], actors: dict[str, str]) -> tuple[Mention, ...]:
    """Hand-built mentions: every token run whose text equals a key of `actors` (its last token is the head)."""
    out = []
    for s in sentences:
        words = [t.text for t in s.tokens]
        for surface, who in actors.items():
            parts = surface.split()
            for i in range(len(words) - len(parts) + 1):
                if words[i : i + len(parts)] == parts:
                    ent = Entity(entity_text=surface, code="XXX", sector="GOV", identifier_text=who)
                    kind = "pronoun" if surface.lower() in ("he", "she") else "name"
                    out.append(Mention(s.index, i, i + len(parts), i + len(parts) - 1, surface, ent, kind=kind))
    return tuple(out)


@pytest.fixture(scope="module")
def table_results(ctx):
    from redline.stages.parse import parse_text

    results = []
    for text, actors, want_text, direct, want_speaker in TABLE:
        sentences = tuple(parse_text(text, ctx))
        doc = Document(article=Article(id="t", text=text), reference_date=REF, sentences=sentences,
                       mentions=_mentions(sentences, actors))
        quotes = find_quotes(doc, ctx).quotes
        found = [q for q in quotes if q.text == want_text and q.direct == direct]
        results.append((text, want_text, want_speaker, found[0] if found else None, quotes))
    return results


def test_table_has_every_pattern_and_enough_rows():
    assert len(TABLE) >= 50
    assert sum(1 for row in TABLE if row[4] is None) >= 5
    assert sum(1 for row in TABLE if not row[3]) >= 10


def test_table_every_quote_found(table_results):
    missing = [(text, want, [q.text for q in qs]) for text, want, _, q, qs in table_results if q is None]
    assert len(missing) <= len(TABLE) // 20, missing


def test_table_speaker_accuracy_at_least_0_9(table_results):
    right = 0
    wrong = []
    for text, _, want_speaker, q, _ in table_results:
        got = q.speaker.identifier_text if q is not None and q.speaker is not None else None
        if q is not None and got == want_speaker:
            right += 1
        else:
            wrong.append((text, want_speaker, got))
    accuracy = right / len(table_results)
    assert accuracy >= 0.9, wrong


def test_table_quotes_without_speaker_carry_a_reason(table_results):
    for *_, quotes in table_results:
        for quote in quotes:
            if quote.speaker is None:
                assert quote.reason, quote
    assert any(q is not None and q.speaker is None for *_, q, _ in table_results)


def test_table_offsets_point_into_the_text(table_results):
    for text, *_, quotes in table_results:
        for q in quotes:
            assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "verb", "medium"),
    [
        ("'It is a red line,' Peskov told the Rossiya radio station.", "told", "the Rossiya radio station"),
        ("Peskov, in an interview with a German newspaper, said talks would go on.", "said",
         "in an interview with a German newspaper"),
        ("Peskov said in an interview published on the ministry's website on June 17 that talks would go on.",
         "said", "in an interview published on the ministry's website"),
        ('"We will see," Peskov said on state television.', "said", "on state television"),
        ('"We will see," Peskov said on Monday.', "said", None),
        ("Peskov warned journalists that the talks would fail.", "warned", "journalists"),
        ('"We will see," Peskov told him.', "told", None),
        ('"We will see," Peskov said in a statement on Telegram.', "said", "in a statement on Telegram"),
    ],
)
def test_find_quotes_verb_and_medium(ctx, text, verb, medium):
    from redline.stages.parse import parse_text

    sentences = tuple(parse_text(text, ctx))
    doc = Document(article=Article(id="m", text=text), reference_date=REF, sentences=sentences,
                   mentions=_mentions(sentences, {"Peskov": PESKOV}))
    quotes = find_quotes(doc, ctx).quotes
    assert quotes
    assert {(q.verb, q.medium) for q in quotes} == {(verb, medium)}


@pytest.mark.parametrize(
    ("text", "expected", "reason_part"),
    [
        ('"We will see," Peskov said on Monday.', dt.date(2021, 6, 14), ""),
        ('Peskov said on June 17 that "nothing changed."', dt.date(2021, 6, 17), ""),
        ('"We will see," Peskov said.', REF, ""),
        ('"We will see," Peskov said last year.', None, "not a single day"),
        ('Peskov said "the talks of June 1 failed."', REF, ""),
    ],
)
def test_find_quotes_date_from_speech_verb_else_reference(ctx, text, expected, reason_part):
    from redline.stages.parse import parse_text

    sentences = tuple(parse_text(text, ctx))
    doc = Document(article=Article(id="d", text=text), reference_date=REF, sentences=sentences,
                   mentions=_mentions(sentences, {"Peskov": PESKOV}))
    quotes = [q for q in find_quotes(doc, ctx).quotes if q.direct]
    assert [q.date for q in quotes] == [expected]
    assert reason_part in quotes[0].reason


def test_find_quotes_speaker_resolving_to_nothing_is_none_with_reason(ctx):
    from redline.stages.parse import parse_text

    text = '"We will come back," Ivanov said.'
    sentences = tuple(parse_text(text, ctx))
    nobody = Entity(entity_text="Ivanov", code=None, reason="no knowledge-base entry")
    i = next(t.i for t in sentences[0].tokens if t.text == "Ivanov")
    mention = Mention(0, i, i + 1, i, "Ivanov", nobody)
    doc = Document(article=Article(id="u", text=text), sentences=sentences, mentions=(mention,))
    (q,) = find_quotes(doc, ctx).quotes
    assert q.speaker is None and q.speaker_text == "Ivanov"
    assert "resolves to no actor" in q.reason and "no knowledge-base entry" in q.reason


@pytest.mark.parametrize(
    "text",
    [
        "Russia added 500 troops to the border force.",
        "Moscow recalled its ambassador from Washington.",
        "Peskov did not say whether the talks would resume.",
        "The minister's remarks don't change the alliance's plans.",
        "Troops moved into the '90s-era barracks near the border.",
        "Officials urged residents to leave the city.",
    ],
)
def test_find_quotes_no_statement_in_plain_reporting(ctx, text):
    from redline.stages.parse import parse_text

    sentences = tuple(parse_text(text, ctx))
    doc = Document(article=Article(id="n", text=text), reference_date=REF, sentences=sentences,
                   mentions=_mentions(sentences, {"Peskov": PESKOV, "Russia": "Russia", "Moscow": "Russia"}))
    assert find_quotes(doc, ctx).quotes == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Look at our city," Peskov said, his voice breaking.', {(True, "Look at our city")}),
        ("There are still differences, Peskov said.", {(False, "There are still differences")}),
        ("Peskov said allies should cut trade and said Moscow would “not hesitate to act.”",
         {(False, "allies should cut trade"), (False, "Moscow would “not hesitate to act.”"),
          (True, "not hesitate to act.")}),
        ("Peskov said the plan was “dead”.", {(False, "the plan was “dead”"), (True, "dead")}),
    ],
)
def test_find_quotes_exact_records(ctx, text, expected):
    from redline.stages.parse import parse_text

    sentences = tuple(parse_text(text, ctx))
    doc = Document(article=Article(id="x", text=text), reference_date=REF, sentences=sentences,
                   mentions=_mentions(sentences, {"Peskov": PESKOV}))
    quotes = find_quotes(doc, ctx).quotes
    assert {(q.direct, q.text) for q in quotes} == expected
    assert all(q.speaker is not None and q.speaker.identifier_text == PESKOV for q in quotes)


@pytest.mark.parametrize("text", ["", "   ", '"', "'''", "“”‘’«»", '" " " "', "He said.", "'a' 'b' 'c"])
def test_find_quotes_odd_input_never_crashes(ctx, text):
    from redline.stages.parse import parse_text

    sentences = tuple(parse_text(text, ctx))
    doc = Document(article=Article(id="o", text=text), sentences=sentences)
    out = find_quotes(doc, ctx)
    for q in out.quotes:
        assert text[q.start : q.end] == q.text and q.text.strip()


def _event(eid: str, sentence: int, start: int, end: int, trigger: int) -> Event:
    return Event(
        id=eid, article_id="a", event="ACCUSE", actor=(), recipient=(), cameo="112", goldstein=-2.0, quad_code=3,
        event_scale=-2.0, factuality=Factuality.ASSERTED, text="", text_info=TextInfo(sentence, start, end, trigger,
        trigger + 3), event_text="x", rule="r", confidence=1.0,
    )


def _quote(qid: str, start: int, end: int, direct: bool) -> Quote:
    return Quote(id=qid, article_id="a", text="x", direct=direct, speaker=None, speaker_text=None, verb=None,
                 medium=None, sentence=0, start=start, end=end)


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        (12, "direct"),  # inside the direct quote, which sits inside the indirect statement
        (32, "indirect"),  # inside the statement only
        (55, "indirect"),  # in the sentence, outside both: the sentence's statement
        (120, None),  # another sentence
    ],
)
def test_link_events_prefers_narrowest_direct_quote(trigger, expected):
    quotes = [_quote("direct", 10, 20, True), _quote("indirect", 5, 40, False)]
    sentence_end = 60 if trigger < 100 else 150
    ev = _event("e1", 0 if trigger < 100 else 1, 0 if trigger < 100 else 100, sentence_end, trigger)
    out_quotes, (out_ev,) = link_events(quotes, [ev])
    assert out_ev.quote_id == expected
    for q in out_quotes:
        assert q.event_ids == (("e1",) if q.id == expected else ())


def test_link_quotes_sets_quote_id_on_events(ctx):
    from redline.stages.parse import parse_text

    text = "'We struck the depot,' Peskov said."
    sentences = tuple(parse_text(text, ctx))
    s = sentences[0]
    ev = dataclasses.replace(_event("e1", 0, s.start, s.end, text.index("struck")), article_id="q")
    doc = Document(article=Article(id="q", text=text), sentences=sentences,
                   mentions=_mentions(sentences, {"Peskov": PESKOV}), events=(ev,))
    found = find_quotes(doc, ctx)
    assert found.events[0].quote_id is None  # quotes are found before coding; events are linked after it
    out = link_quotes(found, ctx)
    (q,) = out.quotes
    assert out.events[0].quote_id == q.id and q.event_ids == ("e1",)


@pytest.mark.parametrize(("text", "want_text", "speaker"), [
    # a partial quote in the first person is someone speaking: it takes the statement before it
    ('Lavrov said the talks had stalled.\n\n"We will not beg for a meeting" and no new round was planned.',
     "We will not beg for a meeting", LAVROV),
    ('"The door is closed," Lavrov said. "I see no reason to reopen it" and the delegation left.',
     "I see no reason to reopen it", LAVROV),
    # a scare quote (third person, no speech verb) still borrows nothing
    ('"The door is closed," Lavrov said. The so-called "peace plan" was shelved.', "peace plan", None),
])
def test_find_quotes_first_person_partial_quote_borrows_the_speaker(ctx, text, want_text, speaker):
    from redline.stages.parse import parse_text

    sentences = tuple(parse_text(text, ctx))
    doc = Document(article=Article(id="fp", text=text), reference_date=REF, sentences=sentences,
                   mentions=_mentions(sentences, {"Lavrov": LAVROV}))
    (q,) = [q for q in find_quotes(doc, ctx).quotes if q.text == want_text]
    assert (q.speaker.identifier_text if q.speaker else None) == speaker


@pytest.mark.parametrize(("text", "marks", "left_open"), [
    ("The minister said “we will not retreat” on Monday.", 2, False),
    ('He called it "a provocation', 1, True),
    ("“We will answer,” he said, adding that “any", 3, True),
    ("No quotation here, only an apostrophe's mark.", 0, False),
])
def test_double_mark_parity_of_a_text(text, marks, left_open):
    assert double_marks(text) == marks
    assert open_after(text) is left_open


def test_a_token_after_an_odd_number_of_double_marks_is_inside_quotes():
    words = ["``", "We", "will", "strike", "''", ",", "he", "said", ",", "\u201c", "soon", "\u201d"]
    assert inside_quotes(words, 3)  # "strike", after the opening ``
    assert not inside_quotes(words, 6)  # "he", after the pair closed
    assert inside_quotes(words, 10)  # "soon", after the curly opening mark
    assert not inside_quotes(words, 0)
