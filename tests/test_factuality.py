"""Factuality of coded events: asserted, negated, hypothetical, possible, future, each with a reason."""

from __future__ import annotations

import pytest

from redline.knowledge.lexicon import load_lexicon
from redline.records import Factuality, Token
from redline.stages.coding.factuality import classify
from redline.stages.coding.tree import Tree

from test_coding import code_document

ACTORS = {"Russia": "RUS", "Ukraine": "UKR", "China": "CHN", "Iran": "IRN", "Israel": "ISR", "Kyiv": "UKR",
          "Moscow": "RUS", "Turkey": "TUR", "Syria": "SYR"}


@pytest.mark.parametrize(
    ("sentence", "event", "expected"),
    [
        ("Russia attacked Ukraine.", "ASSAULT", Factuality.ASSERTED),
        ("Russia did not attack Ukraine.", "ASSAULT", Factuality.NEGATED),
        ("Russia never attacked Ukraine.", "ASSAULT", Factuality.NEGATED),
        ("Russia denied attacking Ukraine.", "ASSAULT", Factuality.NEGATED),
        ("Russia may attack Ukraine.", "ASSAULT", Factuality.POSSIBLE),
        ("Russia could attack Ukraine.", "ASSAULT", Factuality.POSSIBLE),
        ("If Russia attacks Ukraine, prices will rise.", "ASSAULT", Factuality.HYPOTHETICAL),
        ("Russia would attack Ukraine.", "ASSAULT", Factuality.HYPOTHETICAL),
        ("Russia hopes Ukraine will attack Turkey.", "ASSAULT", Factuality.FUTURE),
        ("Iran is expected to condemn Israel.", "ACCUSE", Factuality.FUTURE),
        ("Iran expects to condemn Israel.", "ACCUSE", Factuality.FUTURE),
        ("Russia is going to condemn Ukraine.", "ACCUSE", Factuality.FUTURE),
        ("Kyiv said Russia attacked Ukraine.", "ASSAULT", Factuality.ASSERTED),
        ("Turkey believes Syria attacked Israel.", "ASSAULT", Factuality.POSSIBLE),
        # a refusal is itself a REJECT event, asserted
        ("Russia refused to meet Ukraine.", "REJECT", Factuality.ASSERTED),
        # a purpose clause is intended, not done
        ("Russia sent envoys to Turkey to condemn Ukraine.", "ACCUSE", Factuality.HYPOTHETICAL),
        # sixteenth round: the course not taken after "rather than", and a plea of innocence
        ("Russia chose to isolate Turkey rather than attack Syria.", "ASSAULT", Factuality.NEGATED),
        ("Turkey sanctioned Syria rather than massing troops and attacking it.", "ASSAULT", Factuality.NEGATED),
        ("Russia sanctioned Turkey rather than attack Syria.", "SANCTION", Factuality.ASSERTED),
        ("The Russian general pleaded not guilty.", "CONCEDE", Factuality.NEGATED),
        ("The Russian general pleaded guilty.", "CONCEDE", Factuality.ASSERTED),
        # seventeenth round: a plot or a conspiracy to act is a plan, the act not done
        ("Four Syrians have plotted to attack Turkish soldiers.", "ASSAULT", Factuality.FUTURE),
        ("Iranian agents conspired to kill a Saudi diplomat.", "ASSAULT", Factuality.FUTURE),
        ("Russian agents tried to kill a Ukrainian officer.", "ASSAULT", Factuality.ASSERTED),
        # seventeenth round, meetings: a meeting the clause is told ahead of is still ahead (prospects.ahead_of)
        ("Ahead of his talks with Turkey, the Russian president praised Syria.", "CONSULT", Factuality.FUTURE),
        ("The Russian president praised Syria on the eve of his talks with Turkey.", "CONSULT", Factuality.FUTURE),
        ("The Russian president's tone was softer leading up to his talks with Turkey.", "CONSULT", Factuality.FUTURE),
        ("The Russian president praised Syria after his talks with Turkey.", "CONSULT", Factuality.ASSERTED),
        # eighteenth round: an act reported by a clause that is itself a condition is not reported as done
        ("Kenya will expel the envoy if the inquiry confirms that Somali troops shelled the town.", "ASSAULT",
         Factuality.HYPOTHETICAL),
        ("Support for strikes grew if it is confirmed that Syrian troops attacked the town.", "ASSAULT",
         Factuality.HYPOTHETICAL),
        ("The Kenyan ministry confirmed that Somali troops shelled the town.", "ASSAULT", Factuality.ASSERTED),
        # nineteenth round: what a denial denies is negated, the clause on the noun or hung on its verb
        ("Turkey dismissed Russia's denial that Russian forces attacked the Ukrainian town.", "ASSAULT",
         Factuality.NEGATED),
        ("The Russian minister repeated his denials that Russia attacked Ukraine.", "ASSAULT", Factuality.NEGATED),
        ("The Russian minister repeated his claims that Ukraine attacked Russia.", "ASSAULT", Factuality.POSSIBLE),
        # nineteenth round, meetings: "'d" before a past participle is "had" (a past act), before a bare verb
        # "would"; "'d have" stays a counterfactual
        ("Turkey said it'd reached an agreement with Syria.", "AGREE", Factuality.ASSERTED),
        ("Russia said it'd been talking with Turkey for months.", "CONSULT", Factuality.ASSERTED),
        ("Russia said it'd have met Turkey if asked.", "CONSULT", Factuality.HYPOTHETICAL),
        # a meeting or visit that is the occasion of a negated clause was held; a gathering whose possibility is
        # named is not held yet (prospects.prepared_for)
        ("No agreement was reached during Russia's visit to Turkey.", "CONSULT", Factuality.ASSERTED),
        ("Russia did not raise Syria during its meeting with Turkey.", "CONSULT", Factuality.ASSERTED),
        ("Russia held out the possibility of a meeting with Turkey.", "CONSULT", Factuality.FUTURE),
    ],
)
def test_factuality_real_parse(ctx, sentence, event, expected):
    doc = code_document(ctx, sentence, ACTORS)
    got = [(e.factuality, e.factuality_reason) for e in doc.events if e.event == event]
    assert got, f"no {event} event coded"
    assert got[0][0] == expected, got[0][1]
    assert got[0][1]


def _t(i, text, lemma, pos, dep, head, tag=""):
    return Token(i=i, text=text, lemma=lemma, pos=pos, tag=tag, dep=dep, head=head, idx=i)


@pytest.mark.parametrize(
    ("aux", "expected"),
    [("will", Factuality.FUTURE), ("might", Factuality.POSSIBLE), ("would", Factuality.HYPOTHETICAL),
     ("did", Factuality.ASSERTED)],
)
def test_classify_auxiliaries_hand_built(aux, expected):
    toks = (_t(0, "Russia", "Russia", "PROPN", "nsubj", 2), _t(1, aux, aux, "AUX", "aux", 2, "MD"),
            _t(2, "attack", "attack", "VERB", "ROOT", 2), _t(3, "Ukraine", "Ukraine", "PROPN", "dobj", 2))
    fact, reason = classify(Tree(toks), 2, load_lexicon())
    assert fact == expected and reason


def test_classify_reports_a_reason_naming_the_cue():
    toks = (_t(0, "Russia", "Russia", "PROPN", "nsubj", 3), _t(1, "did", "do", "AUX", "aux", 3),
            _t(2, "not", "not", "PART", "neg", 3), _t(3, "attack", "attack", "VERB", "ROOT", 3))
    fact, reason = classify(Tree(toks), 3, load_lexicon())
    assert fact == Factuality.NEGATED and "'not'" in reason


def test_reference_red_line_warning_is_asserted_and_the_crossing_is_not(ctx, reference_text):
    """The lead's red line (a membership that 'would be' one): the warning is stated (asserted THREATEN by
    the speaker), the membership it warns about is only conditional and is not coded as an asserted act."""
    from redline.stages.clean import clean_text

    doc = code_document(ctx, clean_text(reference_text).text, {"Russia": "RUS", "Kremlin": "RUS", "Kyiv": "UKR"})
    lead = [e for e in doc.events if "would be a 'red line'" in e.text and e.event_text == "red line"]
    assert lead and lead[0].event == "THREATEN" and lead[0].factuality == Factuality.ASSERTED
    assert not [e for e in doc.events if e.event_text in ("becoming", "member", "membership", "granted")
                and e.factuality == Factuality.ASSERTED]
