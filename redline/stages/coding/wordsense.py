"""Word senses that make a lexicon verb no event, or another one, read from its complements and its actor.

Found by judging every asserted event of 40 fresh allsides-intl articles (coder sample A, 6 Dec 2026; see
docs/coding.md, "Fifth round"): each check is a general reading of a verb's arguments, not a sentence, and
each is a pure function of the sentence tree and the frame. The coder drops the frame (or recodes it) and
records the reason in its trace (explain) or in `Document.skipped`:

- *Refusals of a passive*: "refused to be intimidated", "declined to be drawn": refusing to undergo something
  is defiance of a mood, not a REJECT of a party's proposal (`passive_refusal`).
- *Labels with no party*: "it is a shared menace", "it was a terrorist attack" (in a quote): a demonstrative
  subject with no "by"/"of" party and a category, not a verdict, accuses no one; "This was a barbaric attack"
  stays an accusation of the act's author (`aimless_label`).
- *Questions*: "Trump asked on Twitter": "ask" with nobody asked and nothing asked for is a question
  (`bare_question`).
- *Insisting on one's own act*: "had insisted on only selling arms to Baghdad": insisting on doing something
  oneself is a policy, no request to a party (`own_insistence`).
- *Pursuits*: "seeking revenge", "seeks re-election", "sought a balance": seeking what no party can give is
  no REQUEST (`pursuit`).
- *Memories*: "recalled Mr. Obama's referring to ...": "recall" withdraws envoys and staff only; any other
  object is remembered (`remembered`).
- *Offices*: "occupies the office", "took the seat": occupying a post is no seizure (`office_held`).
- *Showing*: "demonstrated that it has none": "demonstrate" with a that-clause shows, it is no protest
  (`showing`).
- *Conditional obligations*: '"if Japan has to defend itself, ..." she said': an obligation in an
  'if' clause is no demand (`conditional_obligation`).
- *Habits*: "losses have invariably caused prime ministers to resign", "police usually detain activists": an act
  with no particular occasion is no event (`habitual`).
- *Criticism of the past*: "the premier should not have honoured the general with a visit": 'should (not) have' + past
  participle judges a past act, an ACCUSE of its doer, not a REQUEST (`past_obligation`).
- *Sanctions relief*: "gave Iran billions in sanctions relief": easing sanctions is CONCEDE, not AID
  (`sanctions_relief`).
- *Armed marches*: "communist troops marched south": armed forces or police marching is a troop movement, no
  PROTEST (`armed_march`).
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code, Lexicon
from .habits import HABIT_ADVERBS
from . import generic, inhouse, statements
from .tree import Frame, Tree, names_word

REFUSING = frozenset({"refuse", "decline", "reject"})
DEMONSTRATIVES = frozenset({"it", "this", "that", "these", "those"})
# What one seeks that no party gives: the REQUEST sense of "seek" needs a thing asked of someone.
PURSUITS = frozenset({"revenge", "vengeance", "retribution", "reelection", "re-election", "election", "office",
                      "balance", "power", "presidency", "seat", "majority", "glory", "martyrdom", "fame", "votes",
                      "vote", "nomination", "career", "fortune", "shelter", "refuge", "cover", "safety", "answers",
                      "answer", "truth", "justice", "redemption", "solace", "comfort", "treatment", "work", "job",
                      "jobs", "profit", "profits", "growth", "way", "ways", "solution", "solutions", "goal",
                      "goals",
                      # sixteenth round, speech: standing aims ("separatists seeking a state", "seek citizenship",
                      # "seek clarity", "seeking an equal footing"); "protection" with no state or body named
                      "state", "statehood", "citizenship", "clarity", "position", "protection"})
# Safety sought: a pursuit, unless a state or body is named as the one that gives it ("refuge in Germany").
SHELTER = frozenset({"shelter", "refuge", "cover", "safety", "protection", "sanctuary", "haven"})
# Posts one holds: "occupies the office" is holding it, not seizing territory. Not "position" (a military
# position is seized) and only in the singular ("raided the offices of a newspaper" are premises).
OFFICES = frozenset({"office", "post", "seat", "presidency", "premiership", "throne", "chair", "role",
                     "job", "spot", "top", "helm", "leadership", "chairmanship"})
# Verbs whose object can be a post held ("took the seat", "assumed the presidency"); a raid or a search is not.
HOLDING = frozenset({"occupy", "take", "hold", "seize", "capture", "grab", "assume", "win", "retake", "regain",
                     "usurp"})
# Adjectives that classify an act rather than judge it ("a terrorist attack" is a category, "barbaric" a verdict).
CATEGORIES = frozenset({"terrorist", "terror", "military", "nuclear", "armed", "suicide", "shared", "real", "big",
                        "bigger", "biggest", "major", "serious", "new", "growing", "global", "regional", "direct",
                        "potential", "possible", "existential", "long-term", "national", "security"})
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "REB"})


def passive_refusal(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'refused to be intimidated', 'declined to be drawn into the dispute': the refused complement is passive."""
    toks = tree.tokens
    if f.code.event != "REJECT" or toks[f.base].lemma.lower() not in REFUSING:
        return False
    comps = tree.children(f.base, {"xcomp"})
    return bool(comps) and all(any(toks[k].dep == "auxpass" for k in tree.kids[c]) for c in comps)


def aimless_label(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'"It is a common danger," the official said', '"It was a terrorist attack"': a label whose subject is a
    demonstrative and whose act names no party ('by', 'of') accuses no one."""
    if not f.rule.startswith("copula-label") or f.recipients:
        return False
    toks = tree.tokens
    pred = f.trigger[0]
    cop = tree.head(pred)
    subj = tree.child(cop, {"nsubj"}) if cop is not None else None
    if subj is None or toks[subj].lower not in DEMONSTRATIVES:
        return False
    # a judgement stays an accusation of the act's author ("This was a barbaric attack"); a category does not
    judged = [pred] * (toks[pred].pos == "ADJ") + [k for k in tree.kids[pred] if toks[k].dep in ("amod", "conj")
                                                    and toks[k].pos in ("ADJ", "ADV")]
    return not any(toks[k].lower not in CATEGORIES for k in judged)


def bare_question(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'Trump asked on Twitter', '"Where is the outrage?" he asked': 'ask' with no one asked (object, dative),
    nothing asked for ('for'), and no complement clause asks a question, not an act of a party."""
    if f.code.event != "REQUEST" or tree.tokens[f.base].lemma.lower() != "ask":
        return False
    if tree.children(f.base, {"dobj", "dative", "xcomp", "ccomp", "nsubjpass", "obj"}):
        return False
    return not tree.prep_args(f.base, ("for", "of", "to"))


def own_insistence(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'had insisted on only selling arms to Baghdad': 'insist on' a gerund with no subject of its own is the
    actor's own course, not a demand on a party ("insisted on Iran's withdrawal" stays)."""
    if f.entry != "insist on":
        return False
    toks = tree.tokens
    gerunds = [c for p in tree.children(f.base, {"prep"}) if toks[p].lower == "on"
               for c in tree.children(p, {"pcomp"})]
    return bool(gerunds) and all(not tree.children(g, {"nsubj", "poss"}) for g in gerunds)


def pursuit(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'terrorists seeking revenge', 'seeks re-election', 'the balance the administration sought to strike':
    what is sought is nothing a party gives (or the verb only frames another act), so it is no REQUEST."""
    if f.entry != "seek" or f.code.event != "REQUEST":
        return False
    toks = tree.tokens
    objects = [*f.objects, *tree.children(f.base, {"dobj"})]
    if not objects and tree.children(f.base, {"xcomp"}):  # "sought to strike a balance": the complement acts
        return True
    relatives = [o for o in objects if toks[o].tag in ("WDT", "WP") or o == tree.head(f.base)]
    if toks[f.base].dep == "relcl" and len(relatives) == len(objects) and not tree.prep_args(f.base, ("from",)):
        return True  # "the good deal that we have sought" describes the deal ("the help it sought from" stays)
    words = PURSUITS | lex.cue("intangibles")
    if any(names_word(tree, o, SHELTER) for o in objects) and any(
            toks[a].ent_type in ("GPE", "NORP", "ORG") for h in (f.base, *objects)
            for _, a in tree.prep_args(h, ("in", "from", "with"))):
        return False  # "sought refuge in Germany", "sought protection from the UN": a state or body is asked
    return any(names_word(tree, o, words) for o in objects)  # "re-election" is parsed as three objects


def office_held(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'a man who occupied the office he now occupies', 'took the seat': a post held is no seizure."""
    if f.code.event != "COERCE" or f.code.mode != "seize" or tree.tokens[f.base].lemma.lower() not in HOLDING:
        return False
    objects = list(f.objects) or tree.children(f.base, {"dobj"})
    h = tree.head(f.base)
    if not objects and tree.tokens[f.base].dep == "relcl" and h is not None:
        objects = [h]  # "the office he now occupies"
    return bool(objects) and all(tree.tokens[o].tag == "NN" and names_word(tree, o, OFFICES) for o in objects)


def showing(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'Parliament has demonstrated that it has none': 'demonstrate' with a clause or an object shows."""
    return f.code.event == "PROTEST" and tree.tokens[f.base].lemma.lower() == "demonstrate" and bool(
        tree.children(f.base, {"ccomp", "dobj", "xcomp"}))


def past_obligation(tree: Tree, f: Frame) -> Code | None:
    """ACCUSE/disapprove for "X should (not) have done Y" said by someone else (a deontic REQUEST frame):
    the obligation is on a past act, so the speaker criticises it; nobody can be asked to do the past."""
    if not f.rule.startswith("deontic") or f.code.event != "REQUEST":
        return None
    toks = tree.tokens
    v = f.trigger[0]
    if toks[v].tag == "VBN" and any(toks[k].dep == "aux" and toks[k].lower == "have" for k in tree.kids[v]):
        return Code("ACCUSE", "disapprove", "111")
    return None


def remembered(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'recalled Mr. Obama's referring to ...', 'recalled the day': "recall" withdraws only envoys and staff
    ("recalled its ambassador"); any other object is remembered."""
    if f.code.event != "SANCTION" or tree.tokens[f.base].lemma.lower() != "recall":
        return False
    objects = list(f.objects) or tree.children(f.base, {"dobj", "nsubjpass"})
    staff = lex.cue("staff")
    return bool(objects) and not any(  # "Ambassador Anatoly Antonov was recalled": the title names the envoy
        names_word(tree, o, staff) or any(tree.tokens[k].dep in ("compound", "appos") and names_word(tree, k, staff)
                                          for k in tree.kids[o]) for o in objects)


def admission(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'conceded that the dangers remain', 'concedes that the rebels hold the north': conceding a that-clause
    with no object admits a state of affairs; a thing conceded ("conceded defeat", "conceded the territory"), a
    concession to a party ("conceded to their demands") or an admitted fault ("conceded that mistakes were
    made", "conceded that it had failed") is a CONCEDE event."""
    if f.code.event != "CONCEDE" or tree.tokens[f.base].lemma.lower() != "concede":
        return False
    if f.objects or tree.children(f.base, {"dobj", "dative"}) or tree.prep_args(f.base, ("to",)):
        return False
    comps = tree.children(f.base, {"ccomp"})
    if not comps:
        return False
    toks = tree.tokens
    stack, seen = list(comps), []
    while stack:  # the whole that-clause
        k = stack.pop()
        seen.append(k)
        stack.extend(tree.kids[k])
    # "conceded that results had been miscounted", "concedes that mistakes were made": an admission of fault
    # is a concession (our gold codes it CONCEDE)
    if any(toks[k].dep == "aux" and toks[k].lower in ("will", "would", "'ll", "wo", "shall") for k in seen):
        return False  # "conceded that it would seriously consider the proposal": a step toward the other side
    return not any(toks[k].dep == "auxpass" or toks[k].lemma.lower() in FAULTS for k in seen)


FAULTS = frozenset({"mistake", "error", "fail", "failure", "wrong", "wrongly", "fault", "blunder", "misjudge",
                    "mishandle", "abuse", "miscount", "flaw", "flawed", "lapse", "negligence", "overreach",
                    "responsible", "blame", "misstep", "misconduct", "wrongdoing", "guilty", "violate", "illegal"})


def conditional_obligation(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'"if Japan has to defend itself, ..." she said': an obligation inside a condition demands
    nothing of anyone (a deontic frame whose obliged verb stands in an 'if'/'unless' clause)."""
    if not f.rule.startswith("deontic"):
        return False
    toks = tree.tokens
    i, seen = f.trigger[0], 0
    while i is not None and seen < 8:
        if any(toks[k].dep == "mark" and toks[k].lower in lex.cue("conditional") for k in tree.kids[i]):
            return True
        if i == f.base:
            break
        i, seen = tree.head(i), seen + 1
    return False


def sanctions_relief(tree: Tree, f: Frame) -> Code | None:
    """CONCEDE for relief from sanctions given ("gave Iran billions in sanctions relief", "sanctions relief
    took effect"): easing sanctions is a concession (PLOVER), not aid."""
    if f.code.event != "AID":
        return None
    toks = tree.tokens
    noun = f.trigger[1] - 1
    if toks[noun].lemma.lower() != "relief":
        return None
    mods = [k for k in tree.kids[noun] if toks[k].dep in ("compound", "amod")]
    froms = [a for _, a in tree.prep_args(noun, ("from",))]
    if any(toks[k].lemma.lower() in ("sanction", "embargo", "tariff") for k in mods + froms):
        return Code("CONCEDE", None, "081")
    return None


def armed_march(f: Frame, sectors: set[str | None]) -> bool:
    """'communist troops marched south', 'police marched the suspects': a march by armed forces or police is a
    movement of forces, no PROTEST of civilians."""
    return f.code.event == "PROTEST" and not f.rule.startswith("on-state") and bool(sectors) and \
        sectors <= ARMED_SECTORS and f.entry in ("march", "demonstrate", "rally", "protest")


# Frames whose act is the speaker's drawing of a red line in the clause they are read from (nominal.py).
SAID_CONTENT_RULES = ("copula:",)


def habitual(tree: Tree, f: Frame) -> str | None:
    """The adverb that makes the act a habit with no particular occasion ("losses have invariably caused prime
    ministers to resign", "such visits usually end in rows"), on the event's verb or a verb governing it; the
    annotation guide codes no generic or habitual act. Occasional or repeated acts ("has repeatedly called
    for") stay: they happened. A red line drawn in what is said (nominal.py) stops at its clause: "has often said
    that an attack would cross a red line" reports warnings made (fifteenth round, speech)."""
    toks = tree.tokens
    i, seen = f.base, 0
    said = f.rule.startswith(SAID_CONTENT_RULES)
    while i is not None and seen < 4:
        hit = next((k for k in tree.kids[i] if toks[k].dep == "advmod" and toks[k].lower in HABIT_ADVERBS), None)
        if hit is not None:
            return toks[hit].text
        if toks[i].dep not in ("xcomp", "conj", "ccomp") or said and toks[i].dep == "ccomp":
            return None
        i, seen = tree.head(i), seen + 1
    return None


# The checks that make a frame no event, in the coder's order, each with the reason it records.
DROPS = (
    (conditional_obligation, "an obligation inside an 'if' clause demands nothing of anyone"),
    (passive_refusal, "refusing to undergo something ('refused to be intimidated') rejects no party's proposal"),
    (aimless_label, "a category with a demonstrative subject and no party ('it is a menace', 'it was a terrorist "
                    "attack') accuses no one"),
    (bare_question, "'asked' with nobody asked and nothing asked for is a question, not a request"),
    (own_insistence, "insisting on one's own course ('insisted on selling arms') is no request to a party"),
    (pursuit, "seeking revenge, office or a balance asks no party for anything: no request"),
    (remembered, "'recalled' with no envoy or staff as object remembers: no withdrawal"),
    (office_held, "occupying an office or a seat holds a post: no seizure"),
    (showing, "'demonstrated that ...' shows something: no protest"),
    (admission, "'conceded that ...' admits a fact: no concession to a party"),
)


def sense(tree: Tree, f: Frame, lex: Lexicon, trace: list[str]) -> tuple[Frame, str]:
    """(the frame, recoded when the words give it another type; why it is no event, or "") by the checks
    above that need only the tree."""
    adverb = habitual(tree, f)
    if adverb:
        return f, f"'{adverb}' makes the act a habit with no occasion: no event (generic)"
    why = generic.drop_reason(tree, f)
    if why:
        return f, why
    for check, why in DROPS:
        if check(tree, f, lex):
            return f, why
    for check, why in ((past_obligation, "'should have' + a past act judges it: criticism, ACCUSE/disapprove"),
                       (sanctions_relief, "relief from sanctions is a concession: CONCEDE"),
                       (inhouse.verbal_attack, "a politician 'attacking' people of public life is verbal: "
                                               "ACCUSE/disapprove"),
                       (statements.honour_deserved, "saying a party should win a prize or credit praises it: SUPPORT")):
        code = check(tree, f)
        if code is not None:
            trace.append(why)
            return dataclasses.replace(f, code=code, object_list=None), ""
    return f, ""


__all__ = ["admission", "aimless_label", "armed_march", "bare_question", "conditional_obligation", "habitual", "office_held",
           "own_insistence", "passive_refusal", "past_obligation", "pursuit", "remembered", "sanctions_relief", "sense",
           "showing"]
