"""Factuality of an event: asserted, negated, hypothetical, possible or future, with the reason.

Walks the head chain from the event's clause (the verb, or the verb governing an event noun): negation,
modal and future auxiliaries, conditional markers, and governing verbs (deny, plan, expect, want, may ...).
The first cue found on the way up decides; a reporting verb ("X said ...") ends the walk, since the report
itself does not change whether the reported event happened.
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from ...records import Factuality
from .habits import habit
from .quantities import quantified_actor
from .noun_factuality import classify_noun, lemma
from .prospects import SCANT, SIGN_NOUNS, before_present, framing_noun, upcoming
from .tree import Tree
from .auxreadings import contracted_had, inverted_condition, yes_no_question
from .untaken import not_guilty, rather_than, ruled_out

# Adverbial and relative clauses keep their own modality ("X, who shelled the town, will leave"): no climbing.
CLIMB = {"conj", "xcomp", "ccomp", "acl", "pcomp", "prep", "pobj", "dobj", "attr", "nsubj", "nsubjpass", "csubj"}
CLAUSE_LINKS = CLIMB | {"parataxis"}
# Verbs whose "of/with/for"-gerund is an allegation ("accused of shelling", "charged with spying").
ALLEGING = frozenset({"accuse", "suspect", "charge", "blame", "indict", "allege", "fault"})
# Verbs whose "from"-gerund is barred ("banned X from travelling", "prevented X from attacking").
PREVENTING = frozenset({"ban", "bar", "prevent", "stop", "block", "prohibit", "forbid", "keep", "restrain", "deter",
                        "discourage", "dissuade", "refrain", "restrict", "exclude", "preclude"})
# Nouns whose that-clause is a claim, not a reported fact ("the assertion that he attacked Iran").
CLAIM_NOUNS = frozenset({"claim", "allegation", "accusation", "assertion", "charge", "rumor", "rumour", "speculation",
                         "suggestion", "notion", "idea", "theory", "suspicion", "insinuation", "contention"})
# Nineteenth round: nouns whose that-clause is denied, which the guide codes negated like "denied that X attacked Y"
# ("repeated his denials that his troops shelled the town").
DENIAL_NOUNS = frozenset({"denial", "denials"})


def _object_before_clause(tree: Tree, v: int, c: int) -> int:
    """The object noun of verb v that a that-clause c follows at once ("repeated his denials that ..."), which the
    parser hung on the verb; else v."""
    toks = tree.tokens
    mark = next((k for k in tree.kids[c] if toks[k].dep == "mark" and toks[k].lower == "that"), None)
    for d in tree.children(v, {"dobj"}):
        if toks[d].pos == "NOUN" and mark is not None and max(tree.subtree(d)) + 1 == mark:
            return d
    return v


# Nouns whose to-infinitive is decided, not wished ("the decision to ban", "the move to oust").
# "attempt" (s29 recall): an attempt made is coded as the act, asserted (docs/annotation.md: "tried to detonate" is
# ASSAULT, asserted): "made an attempt to breach". A bid or an effort stays unreal (UNREAL_NOUNS).
DECIDED_NOUNS = frozenset({"decision", "move", "attempt"})
# Subjects of "be to" that make the infinitive an aim, not an act ("the goal is to destroy ISIS").
AIM_NOUNS = frozenset({"goal", "aim", "objective", "purpose", "intention", "plan", "mission", "task", "hope", "wish",
                       "ambition", "priority", "idea", "strategy", "target", "dream", "job", "challenge",
                       # eighteenth round, recall: a course urged ("his prescription was to bomb X") is not one taken
                       "prescription", "recommendation", "advice", "remedy", "solution", "proposal"})
# Adverbs that present the act as a claim, not a fact ("allegedly killed a policewoman").
DOUBT_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly", "reputedly", "ostensibly"})
# Adverbs that make the act a likelihood, like "may" ("the government probably used chemical weapons").
LIKELIHOOD_ADVERBS = frozenset({"probably", "possibly", "perhaps", "maybe", "likely", "presumably"})
# Verbs whose "with"-gerund is a duty given, not an act done ("the post, tasked with investigating ...").
TASKING = frozenset({"task", "mandate", "entrust"})
# "It looks like we committed", "it seems as if": an impression of the act, not the act.
SEEMING = frozenset({"look", "seem", "sound", "appear", "feel"})
# Nouns whose to-infinitive is asked for, offered or planned, not done ("X's demand to release prisoners"): read
# by adjacency too, since the parser often hangs the infinitive on the sentence's verb.
UNREAL_NOUNS = frozenset({"demand", "call", "offer", "plan", "proposal", "request", "bid", "threat", "promise",
                          "pledge", "vow", "order", "ultimatum", "appeal", "invitation", "plea", "push", "campaign",
                          "effort", "readiness", "willingness", "refusal", "intention", "resolve", "determination"})
# "until we have the results", "before Iran gets the bomb": with the present tense, not happened yet.
NOT_YET_MARKS = frozenset({"until", "till", "before", "after"})
# "claiming to target ISIS", "purports to defend": what one claims to do is a claim, not a fact.
CLAIMING = frozenset({"claim", "purport", "profess", "pretend"})
# Verbs that advocate a course named in their gerund or infinitive ("suggested providing weapons", "argued to
# lift the embargo"): the course is proposed, not taken. With a that-clause they report speech (speech cues).
ADVOCATING = frozenset({"suggest", "argue", "advocate", "recommend", "favor", "favour", "endorse", "propose"})
# Verbs of a stance on a course named by their gerund (tenth round): "supports annexing part of the West Bank",
# "backed banning the rallies", "opposes expelling the diplomats": the course is argued for or against, not taken.
STANCES = frozenset({"support", "back", "oppose", "resist", "champion"})
# "close to threatening": what one is near to doing is not done.
NEARNESS = frozenset({"close", "closer", "near", "nearer"})
# Verbs whose to-complement is what they authorize or make possible, not what was done ("enacted to empower the
# administration to depose the dictator", "a law that allows the president to use force").
AUTHORIZING = frozenset({"authorize", "authorise", "empower", "permit", "allow", "enable", "entitle"})
# Participles on an event noun that put it ahead ("a call scheduled very soon", "the planned visit").
AHEAD_PARTICIPLES = frozenset({"schedule", "plan", "set", "expect", "due", "slate"})
# Forms the parser's lemmatizer gets wrong ("hoped" -> "hop"): the governor is read by its form.
def _nor_inverted(tree: Tree, i: int) -> bool:
    """'Nor has the United States lifted its tariffs', '..., nor has Washington lifted its tariffs': 'nor' (or
    'neither') before clause i, whose auxiliary comes before its subject, negates it."""
    toks = tree.tokens
    h = tree.head(i)
    ccs = [k for k in tree.kids[i] if k < i]
    if toks[i].dep == "conj" and h is not None:
        ccs += [k for k in tree.kids[h] if k < i]
    if not any(toks[k].dep == "cc" and toks[k].lower in ("nor", "neither") for k in ccs):
        return False
    subj = tree.children(i, {"nsubj", "nsubjpass"})
    return bool(subj) and any(toks[a].dep in ("aux", "auxpass") and a < subj[0] for a in tree.kids[i])


def _own_cues(tree: Tree, i: int, lex: Lexicon) -> tuple[Factuality, str] | None:
    """Cues attached directly to token i: negation, modal/future auxiliaries, 'going to', conditional marker."""
    toks = tree.tokens
    cond = _conditional_mark(tree, i, lex)
    if cond is not None:  # "if the president does not pardon him": a condition, not a refusal
        return cond
    if any(toks[k].dep == "dobj" and toks[k].lower in ("nothing", "none") for k in tree.kids[i]):
        return Factuality.NEGATED, f"'{toks[i].text} nothing': no act done"
    if _nor_inverted(tree, i):
        return Factuality.NEGATED, f"'nor' with the auxiliary before the subject negates '{toks[i].text}'"
    for k in tree.kids[i]:
        t = toks[k]
        low = t.lower.replace("\u2019", "'")
        if t.dep == "neg" or (t.dep == "advmod" and low in ("never",)):
            return Factuality.NEGATED, f"negation '{t.text}' on '{toks[i].text}'"
        if t.dep == "advmod" and low in ("longer", "more") and any(
                toks[d].lower == "no" for d in tree.kids[k]):  # "no longer supports", "no more attacks"
            return Factuality.NEGATED, f"'no {t.text}' on '{toks[i].text}'"
        if t.dep == "aux" and any(toks[d].dep == "neg" for d in tree.kids[k]):  # "did not, however, offer"
            return Factuality.NEGATED, f"negation on '{t.text}' of '{toks[i].text}'"
        if t.dep == "advmod" and low in DOUBT_ADVERBS:
            return Factuality.POSSIBLE, f"'{t.text}' presents '{toks[i].text}' as a claim"
        if t.dep == "advmod" and low in LIKELIHOOD_ADVERBS:
            return Factuality.POSSIBLE, f"'{t.text}' makes '{toks[i].text}' a likelihood, not a fact"
    for k in tree.kids[i]:
        t = toks[k]
        low = t.lower.replace("\u2019", "'")  # "We’d", "they’ll": typographic apostrophes
        if t.dep in ("aux", "auxpass"):
            if low == "'d" and contracted_had(tree, i, k):
                continue  # "said he'd reached a deal", "she'd been meeting them": 'd is "had", a past act
            if inverted_condition(tree, i, k):
                return Factuality.HYPOTHETICAL, f"'{t.text}' before the subject makes a condition of '{toks[i].text}'"
            if yes_no_question(tree, i, k):
                return Factuality.HYPOTHETICAL, f"yes/no question '{t.text} ... {toks[i].text}?': nothing is asserted"
            if low in lex.cue("possible_modals"):
                return Factuality.POSSIBLE, f"modal '{t.text}' on '{toks[i].text}'"
            if low in lex.cue("future_modals"):
                return Factuality.FUTURE, f"future auxiliary '{t.text}' on '{toks[i].text}'"
            if low in ("would", "'d") and toks[i].lemma.lower() != "be" and _reported(tree, i, lex):
                # "Israel announced it would free prisoners": 'would' is the future seen from the past
                return Factuality.FUTURE, f"future auxiliary '{t.text}' in reported speech on '{toks[i].text}'"
            if low in lex.cue("hypothetical_modals"):
                return Factuality.HYPOTHETICAL, f"modal '{t.text}' on '{toks[i].text}'"
            if t.lemma.lower() == "be" and toks[i].lower == "going":
                return Factuality.FUTURE, f"'going to' on '{toks[i].text}'"
        if t.dep == "mark" and low in lex.cue("conditional"):
            return Factuality.HYPOTHETICAL, f"conditional '{t.text}' introduces the clause of '{toks[i].text}'"
        if t.dep == "mark" and low in NOT_YET_MARKS and _present(tree, i) and _ahead(tree, tree.head(i)):
            # "would not negotiate until al-Shabaab releases them", "plans to stay after forces are withdrawn":
            # the clause has not happened yet ("Protests erupt after police kill man", a headline, has)
            return Factuality.HYPOTHETICAL, f"'{t.text}' with the present tense: '{toks[i].text}' has not happened"
        if t.dep == "mark" and toks[i].tag in ("VBZ", "VBP") and (low == "once" or (
                low == "as" and tree.head(i) is not None and toks[tree.head(i)].lower == "soon")):
            # "once Iran agrees to the inspections, ...", "as soon as North Korea agrees": not happened yet
            return Factuality.HYPOTHETICAL, f"'{t.text}' with the present tense makes '{toks[i].text}' a condition"
    for k in tree.kids[i]:
        t = toks[k]
        if t.dep in ("nsubj", "nsubjpass", "dobj") and any(
            toks[d].lower == "no" and toks[d].dep == "det" for d in tree.kids[k]
        ):
            return Factuality.NEGATED, f"'no {t.text}' as argument of '{toks[i].text}'"
        if t.dep in ("nsubj", "nsubjpass") and (t.lower in ("nobody", "none", "neither") or any(
                toks[d].lower == "neither" for d in tree.kids[k])):
            return Factuality.NEGATED, f"negated subject '{t.text}' of '{toks[i].text}'"
    return None


def _present(tree: Tree, i: int) -> bool:
    """Clause i is in the present tense ("releases", "are withdrawn", "has finished")."""
    toks = tree.tokens
    return toks[i].tag in ("VBZ", "VBP") or any(toks[k].dep in ("aux", "auxpass") and toks[k].tag in ("VBZ", "VBP")
                                               for k in tree.kids[i])


def _ahead(tree: Tree, h: int | None) -> bool:
    """The clause of h looks ahead: a bare verb (an infinitive, or under a modal or 'will')."""
    if h is None:
        return False
    toks = tree.tokens
    return toks[h].tag == "VB" or any(toks[k].dep == "aux" and toks[k].tag == "MD" for k in tree.kids[h])


def _offered(tree: Tree, c: int, i: int, lex: Lexicon) -> bool:
    """Eighteenth round, meetings: "would / 'd be willing / ready / open to talk with" with no condition on it is a
    polite offer to meet, not a counterfactual; meeting verbs only (`OFFERED_MEETINGS`)."""
    toks = tree.tokens
    return (toks[i].lemma.lower() in OFFERED_MEETINGS and _conditional_mark(tree, c, lex) is None
            and any(toks[k].dep == "aux" and toks[k].lower.replace("\u2019", "'") in ("would", "'d")
                    for k in tree.kids[c])
            and not any(toks[a].dep == "advcl" and _conditional_mark(tree, a, lex) for a in tree.kids[c]))


OFFERED_MEETINGS = frozenset({"talk", "meet", "negotiate", "speak", "sit"})
ATTEMPTING = frozenset({"try", "attempt", "strive", "scramble", "race", "struggle"})
PACT_MAKING = frozenset({"reach", "strike", "hammer", "hash", "work", "thrash", "conclude", "seal", "clinch", "secure"})


def _conditional_mark(tree: Tree, i: int, lex: Lexicon) -> tuple[Factuality, str] | None:
    """An 'if'/'unless' introducing the clause of token i."""
    toks = tree.tokens
    mark = next((k for k in tree.kids[i] if toks[k].dep == "mark" and toks[k].lower in lex.cue("conditional")), None)
    if mark is None:
        return None
    return Factuality.HYPOTHETICAL, f"conditional '{toks[mark].text}' introduces the clause of '{toks[i].text}'"


def _question_sentence(tree: Tree, base: int) -> tuple[Factuality, str] | None:
    """A sentence that opens with an auxiliary and ends with a question mark ("Is Iran arming the Houthis?"),
    however the parser attached its verbs."""
    toks = tree.tokens
    words = [t for t in toks if t.pos not in ("PUNCT",)]
    if not words or words[0].pos != "AUX" or not any(t.text == "?" for t in toks[base:]):
        return None
    return Factuality.HYPOTHETICAL, f"the sentence is a yes/no question ('{words[0].text} ...?')"


def _denied_noun(tree: Tree, n: int, lex: Lexicon) -> bool:
    """Noun n stands under a denial, a refusal or a belief ("denied the attack carried out by ...", "what
    Washington believes was a missile supplied by Russia"): then the participle on it is not a fact of its own."""
    toks = tree.tokens
    doubting = lex.cue("negating") | lex.cue("belief") | {"deny", "reject", "refuse", "dismiss", "claim", "allege"}
    i = n
    for _ in range(6):
        h = tree.head(i)
        if h is None:
            return False
        if toks[h].pos in ("VERB", "AUX") and toks[h].lemma.lower() in doubting:
            return True
        i = h
    return False


def _negated_relative(tree: Tree, base: int) -> tuple[Factuality, str] | None:
    """"these are not forces that we have trained or reinforced": a relative clause on the predicate noun of a
    negated copula says what did not happen."""
    toks = tree.tokens
    c = base
    while toks[c].dep == "conj" and tree.head(c) is not None:
        c = tree.head(c)
    n = tree.head(c)
    if toks[c].dep != "relcl" or n is None or toks[n].dep != "attr":
        return None
    cop = tree.head(n)
    if cop is not None and toks[cop].lemma.lower() == "be" and any(toks[k].dep == "neg" for k in tree.kids[cop]):
        return Factuality.NEGATED, f"relative clause on '{toks[n].text}', the predicate of a negated '{toks[cop].text}'"
    return None


def _reported(tree: Tree, i: int, lex: Lexicon) -> bool:
    """Clause i is the complement of a speech verb and carries no condition ('if', 'unless')."""
    toks = tree.tokens
    if any(toks[k].dep == "mark" and toks[k].lower in lex.cue("conditional") for k in tree.kids[i]):
        return False
    if any(toks[k].dep == "advcl" and any(toks[m].dep == "mark" and toks[m].lower in lex.cue("conditional")
                                          for m in tree.kids[k]) for k in tree.kids[i]):
        return False
    h = tree.head(i)
    return (h is not None and toks[i].dep in ("ccomp", "parataxis") and toks[h].lemma.lower() in lex.cue("speech")) \
        or any(toks[k].dep in ("ccomp", "parataxis") and toks[k].lemma.lower() in lex.cue("speech")
               for k in tree.kids[i])


def _got_to(tree: Tree, h: int) -> bool:
    """'have got to', "'ve got to": 'got' under the auxiliary 'have' is an obligation like 'have to'."""
    toks = tree.tokens
    return toks[h].lemma.lower() == "get" and toks[h].tag == "VBN" and any(
        toks[k].dep == "aux" and toks[k].lower in ("have", "'ve", "has", "\u2019ve") for k in tree.kids[h])


def _independent_conjunct(tree: Tree, i: int, h: int) -> bool:
    """A conjunct that is a clause of its own: its own subject, a contrasting 'but'/'yet', or a finite verb
    beside a head that stands under an auxiliary ("did not attack but shelled")."""
    toks = tree.tokens
    if any(toks[k].dep in ("nsubj", "nsubjpass") for k in tree.kids[i]):
        return True
    if any(toks[k].dep == "cc" and toks[k].lower in ("but", "yet") for k in tree.kids[h] + tree.kids[i]):
        return True
    return toks[i].tag in ("VBD", "VBZ", "VBP") and toks[h].tag in ("VB", "VBG", "VBN")


# What an attempt made at it counts as done (docs/annotation.md: an attempted attack is asserted); an attempt to
# talk or to agree that was rebuffed is no meeting and no deal.
ATTEMPTED_ACTS = frozenset({"ASSAULT", "COERCE"})


def _attempt_made(tree: Tree, n: int, i: int, lex: Lexicon) -> bool:
    """An attempt at a use of force the clause says was made: "made an attempt to breach", "in an attempt to
    kill" (not "despite US attempts to", which only refers to them, nor "made an attempt to talk with X")."""
    toks = tree.tokens
    h = tree.head(n)
    made = toks[n].dep in ("dobj", "obj") or (toks[n].dep == "pobj" and h is not None and toks[h].lower == "in")
    return made and any(e.code.event in ATTEMPTED_ACTS for e in lex.verbs.get(toks[i].lemma.lower(), ()))


def _aim_named(tree: Tree, i: int, h: int) -> bool:
    """'<aim noun> was to X, and then to Y': i an infinitive with no subject of its own conjoined to the copula."""
    toks = tree.tokens
    return (toks[h].lemma.lower() == "be" and any(toks[k].tag == "TO" and toks[k].dep == "aux" for k in tree.kids[i])
            and not tree.children(i, {"nsubj", "nsubjpass"})
            and any(lemma(tree, k) in AIM_NOUNS for k in tree.children(h, {"nsubj"})))


def _unreal_noun_infinitive(tree: Tree, base: int) -> tuple[Factuality, str] | None:
    """'scoffed at Boko Haram's demand to release prisoners', 'rejected the offer to mediate': the infinitive right
    after a noun of asking, offering or planning is what is asked or offered, whatever the parser hangs it on."""
    toks = tree.tokens
    to = base - 1
    if to < 1 or toks[to].tag != "TO" or toks[to].dep != "aux" or tree.head(to) != base or toks[base].tag != "VB":
        return None
    noun = to - 1
    if toks[noun].pos == "NOUN" and lemma(tree, noun) in UNREAL_NOUNS:
        return Factuality.HYPOTHETICAL, f"'{toks[noun].text} to {toks[base].text}': asked or offered, not done"
    return None


def _participle_of_modal(tree: Tree, base: int, lex: Lexicon) -> tuple[Factuality, str] | None:
    """'should have adopted a resolution demanding a halt and lifting the siege', 'could launch an offensive next
    month, targeting the capital': a participle clause with no subject and no conjunction of its own belongs to
    its head's predication and shares its modal (not its negation: 'did not attend, citing illness' cites)."""
    toks = tree.tokens
    i = base
    while toks[i].dep == "conj" and toks[i].tag == "VBG" and tree.head(i) is not None and \
            not _independent_conjunct(tree, i, tree.head(i)):
        i = tree.head(i)
    h = tree.head(i)
    if h is None or toks[i].dep != "advcl" or toks[i].tag != "VBG" or any(
            toks[k].dep in ("nsubj", "nsubjpass", "mark", "aux") for k in tree.kids[i]):
        return None
    hit = _own_cues(tree, h, lex)
    if hit and hit[0] in (Factuality.HYPOTHETICAL, Factuality.POSSIBLE, Factuality.FUTURE):
        return hit[0], f"{hit[1]} (shared by the participle '{toks[base].text}')"
    return None


def conditional_judgement(tree: Tree, trigger: int, lex: Lexicon) -> tuple[Factuality, str] | None:
    """A judgement on a copula whose clause is conditional: "if an ally spies on France, that is unacceptable",
    "if they try anything, that would be a mistake". The label judges an act that may never happen (eleventh
    round); the speech verb above it ("told reporters") asserts only the saying. Used for accusations only: a
    readiness or a warning on a condition ("troops are ready to move if told to strike") is a threat made."""
    toks = tree.tokens
    c = trigger
    if toks[c].dep in ("attr", "acomp") and tree.head(c) is not None and lemma(tree, tree.head(c)) == "be":
        c = tree.head(c)
    elif lemma(tree, c) != "be" and not any(toks[k].dep == "cop" for k in tree.kids[c]):
        return None
    for k in tree.children(c, {"advcl"}):
        hit = _conditional_mark(tree, k, lex)
        if hit:
            return Factuality.HYPOTHETICAL, f"'{toks[trigger].text}' judges what the condition of '{toks[k].text}' " \
                                            "supposes, not an act that happened"
    return None


def classify(tree: Tree, base: int, lex: Lexicon, *, trigger: int | None = None) -> tuple[Factuality, str]:
    """Factuality of the event whose clause is headed by `base` (and whose trigger may be a noun below it)."""
    toks = tree.tokens
    if trigger is not None and not _ahead(tree, base) and (upcoming(tree, trigger) if trigger != base else any(
            upcoming(tree, n, gathering=True) for n in tree.children(base, {"dobj"}))):  # "hosting an upcoming meeting"
        return Factuality.FUTURE, f"'{toks[trigger].text}' names a meeting or an act still ahead"
    if trigger is not None and trigger != base:
        h = tree.head(trigger)
        if toks[trigger].dep == "nsubj" and h is not None and lemma(tree, h) == "come" and toks[h].tag == "VBG" and any(
                toks[a].lower in ("soon", "up") for a in tree.kids[h]):
            return Factuality.FUTURE, f"'{toks[trigger].text} {toks[h].text} soon': ahead, not held yet"
        for k in tree.kids[trigger]:
            if toks[k].dep == "det" and toks[k].lower == "no":
                return Factuality.NEGATED, f"'no' determines '{toks[trigger].text}'"
            if toks[k].dep in ("acl", "amod") and (lemma(tree, k) in AHEAD_PARTICIPLES and toks[k].tag in ("VBN", "JJ")
                                                   or lemma(tree, k) == "come" and toks[k].tag == "VBG" and any(
                                                       toks[a].lower in ("soon", "up") for a in tree.kids[k])):
                return Factuality.FUTURE, f"'{toks[trigger].text} {toks[k].text}': ahead, not held yet"
            if toks[k].dep == "det" and toks[k].lower == "any":  # "since it carried out any attack"
                return Factuality.HYPOTHETICAL, f"'any {toks[trigger].text}' names no particular act"
            if toks[k].tag in ("WDT", "WP") and toks[k].dep == "det":  # "want to know what conversations he had"
                return Factuality.HYPOTHETICAL, f"'{toks[k].text} {toks[trigger].text}' asks about the act"
    if before_present(tree, base):
        return Factuality.FUTURE, f"'{toks[base].text}' under 'before' or 'until': not happened yet"
    hit = habit(tree, base) or quantified_actor(tree, base)
    if hit:
        return hit
    hit = _negated_relative(tree, base) or _question_sentence(tree, base) or _unreal_noun_infinitive(tree, base) \
        or _participle_of_modal(tree, base, lex) or rather_than(tree, base) or not_guilty(tree, base)
    if hit:
        return hit
    i = base
    seen = 0
    while seen < 10:
        seen += 1
        hit = _own_cues(tree, i, lex)
        if hit:
            return hit
        h = tree.head(i)
        if h is None:
            break
        dep = toks[i].dep
        if dep == "conj" and toks[i].tag == "VB" and (lemma(tree, h) in lex.cue("hypothetical") or _got_to(tree, h)) \
                and any(toks[x].tag == "VB" for x in tree.children(h, {"xcomp"})):
            # "needs to sell the deal and persuade MPs", "have got to get on and offer": the bare infinitive
            # continues the head's to-infinitive (the parser hangs it on the head itself)
            return Factuality.HYPOTHETICAL, f"'{toks[i].text}' continues '{toks[h].text} to ...': not done"
        if dep == "conj" and _aim_named(tree, i, h):
            # "the plan was to X and then to Y": a second infinitive the parser joins to the copula is the same aim
            return Factuality.HYPOTHETICAL, f"'{toks[i].text}' is the aim the subject of '{toks[h].text}' names"
        if dep == "conj":
            # A conjoined clause shares its head's auxiliaries and negation ("did not attack or occupy") but not
            # what governs the head ("refused talks and resumed attacks": the attacks are not refused), and not
            # even the auxiliaries when it is a clause of its own (own subject, "but", another finite form).
            if not _independent_conjunct(tree, i, h):
                hit = _own_cues(tree, h, lex)
                if hit:
                    return hit[0], f"{hit[1]} (shared by the conjoined '{toks[i].text}')"
            elif not any(toks[k].dep == "cc" and toks[k].lower in ("but", "yet") for k in tree.kids[h] + tree.kids[i]):
                # "if the premier had spoken up and praised the general": 'if' governs both conjuncts
                hit = _conditional_mark(tree, h, lex)
                if hit:
                    return hit[0], f"{hit[1]} and its conjoined '{toks[i].text}'"
            g = tree.head(h)
            if g is None or toks[h].dep not in CLAUSE_LINKS:
                break
            i, dep, h = h, toks[h].dep, g
        if (toks[h].lemma.lower() == "have" or _got_to(tree, h)) and dep == "xcomp" and any(
                toks[k].tag == "TO" for k in tree.kids[i]):
            if any(toks[k].lower == "yet" for k in tree.kids[h]):
                return Factuality.NEGATED, f"'{toks[h].text} yet to {toks[i].text}': not done so far"
            return Factuality.HYPOTHETICAL, f"obligation '{toks[h].text} to {toks[i].text}': not done yet"
        if toks[h].lower in ("ought", "oughta") and dep == "xcomp":  # parsed as the head: "we ought to be fighting X"
            return Factuality.HYPOTHETICAL, f"obligation '{toks[h].text} to {toks[i].text}': said to be due, not done"
        infinitive = any(toks[k].tag == "TO" and toks[k].dep == "aux" for k in tree.kids[i])
        if infinitive and dep == "xcomp" and toks[h].lemma.lower() == "be" and any(
                lemma(tree, k) in AIM_NOUNS for k in tree.children(h, {"nsubj"})):
            return Factuality.HYPOTHETICAL, f"'{toks[i].text}' is the aim the subject of '{toks[h].text}' names"
        if dep == "pcomp" and toks[h].lower == "to" and tree.head(h) is not None:
            g = tree.head(h)  # "close to threatening the US", also parsed "is [close] ... to threatening"
            near = [x for x in [g, *tree.children(g, {"acomp"})] if toks[x].lower in NEARNESS]
            if near:
                return Factuality.POSSIBLE, f"'{toks[near[0]].text} to {toks[i].text}': not done yet"
        if dep == "pcomp" and toks[h].lower == "with" and tree.head(h) is not None and \
                toks[tree.head(h)].lemma.lower() in TASKING:
            return Factuality.HYPOTHETICAL, f"'{toks[tree.head(h)].text} with {toks[i].text}': a duty, not an act"
        if infinitive and any(toks[k].dep == "mark" and toks[k].lower == "for" for k in tree.kids[i]):
            return Factuality.HYPOTHETICAL, f"'for ... to {toks[i].text}' says what is wanted, not what was done"
        if infinitive and dep == "advcl" and not any(toks[k].dep in ("nsubj", "nsubjpass") for k in tree.kids[i]):
            return Factuality.HYPOTHETICAL, f"purpose clause 'to {toks[i].text}' of '{toks[h].text}'"
        if infinitive and dep in ("acl", "relcl") and toks[h].lemma.lower() in DECIDED_NOUNS and (
                toks[h].lemma.lower() != "attempt" or _attempt_made(tree, h, i, lex)):
            # "the president's decision to ban ...", "the military's move to oust him": decided, done
            return classify_noun(tree, h, lex)
        if infinitive and dep in ("acl", "relcl") and toks[h].pos in ("NOUN", "PROPN"):
            return Factuality.HYPOTHETICAL, f"infinitive 'to {toks[i].text}' modifying '{toks[h].text}'"
        if infinitive and toks[h].pos == "ADJ" and toks[h].lower not in lex.cue("intent_frames"):
            return Factuality.HYPOTHETICAL, f"infinitive 'to {toks[i].text}' after '{toks[h].text}'"
        if dep in ("acl", "ccomp") and toks[h].lemma.lower() in SIGN_NOUNS and any(
                toks[k].lower in SCANT and toks[k].dep in ("det", "amod") for k in tree.kids[h]):
            # "there is no evidence that he mounted a chemical attack", "little proof Russian forces shelled it"
            return Factuality.NEGATED, f"'{toks[i].text}': little or no {toks[h].text} that it happened"
        if dep == "acl" and toks[i].tag == "VBN" and any(toks[k].lower in ("next", "future") and toks[k].dep == "amod"
                                                         for k in tree.kids[h]):
            # "should shoot down the next missile launched by North Korea": an act still to come
            return Factuality.HYPOTHETICAL, f"'{toks[i].text}' describes the next or a future '{toks[h].text}'"
        if dep == "acl" and toks[i].tag == "VBN" and not infinitive and not _denied_noun(tree, h, lex) and not any(
                toks[k].dep in ("mark", "nsubj", "aux") for k in tree.kids[i]):  # not "rumors that tanks had ..."
            # "could undermine the ceasefire signed by X": the participle states a fact of its own
            return Factuality.ASSERTED, f"participle '{toks[i].text}' on '{toks[h].text}' keeps its own modality"
        if dep == "csubj" and (toks[h].lemma.lower() == "be" or infinitive):  # "to crack down ... has proved"
            return Factuality.HYPOTHETICAL, f"'{toks[i].text}' is a clause about the act in general"
        if dep == "pcomp" and toks[h].lower in ("of", "with", "for") and tree.head(h) is not None and \
                toks[tree.head(h)].lemma.lower() in ALLEGING:
            g = tree.head(h)  # "after being accused of carrying out a gas attack": alleged, not reported as fact
            return Factuality.POSSIBLE, f"'{toks[i].text}' is what '{toks[g].text}' alleges"
        if dep == "pcomp" and toks[h].lower == "against" and toks[i].tag == "VBG":
            # "argued against imposing sanctions", "voted against deploying soldiers": a course opposed
            return Factuality.HYPOTHETICAL, f"'against {toks[i].text}': the course is opposed, not taken"
        if dep == "xcomp" and infinitive and lemma(tree, h) in CLAIMING:  # "claiming to target ISIS"
            return Factuality.POSSIBLE, f"'{toks[h].text} to {toks[i].text}': a claim, not a fact"
        if dep == "xcomp" and lemma(tree, h) in ADVOCATING:
            return Factuality.HYPOTHETICAL, f"'{toks[h].text} ... {toks[i].text}': a course advocated, not taken"
        if dep == "xcomp" and infinitive and lemma(tree, h) == "tend":
            # "jihadists tend to stay and fight locally", "people tend to rally around their leaders": a habit
            return Factuality.HYPOTHETICAL, f"'{toks[h].text} to {toks[i].text}': a general tendency, no act"
        if dep == "xcomp" and infinitive and lemma(tree, h) in ATTEMPTING and lemma(tree, i) in PACT_MAKING and any(
                lemma(tree, o) in lex.cue("agreements") for o in tree.children(i, {"dobj"})):
            # eighteenth round, meetings: "are trying to hash out / reach an agreement": under negotiation, not reached
            return Factuality.FUTURE, f"'{toks[h].text} to {toks[i].text}' an agreement: sought, not yet reached"
        if dep in ("xcomp", "dobj", "ccomp") and toks[i].tag == "VBG" and lemma(tree, h) in STANCES:
            return Factuality.HYPOTHETICAL, f"'{toks[h].text} {toks[i].text}': a course argued for or against"
        if dep == "advcl" and toks[h].lower == "long" and any(toks[k].dep == "mark" and toks[k].lower == "as"
                                                              for k in tree.kids[i]):
            return Factuality.HYPOTHETICAL, f"'as long as ... {toks[i].text}': a condition"
        if dep == "ccomp" and toks[h].lower in ("provided", "providing") and toks[h].dep == "advcl":
            return Factuality.HYPOTHETICAL, f"'{toks[h].text} that ... {toks[i].text}': a condition"
        if infinitive and dep in ("xcomp", "advcl", "ccomp") and any(
                toks[k].dep in ("nsubj", "expl") and toks[k].lower == "it" for k in tree.kids[h]) and any(
                toks[k].dep in ("oprd", "acomp", "attr") and toks[k].pos in ("ADJ", "NOUN") and
                toks[k].lower not in lex.cue("intent_frames") for k in tree.kids[h]):
            # "it looks unwise to me to begin firing rockets", "it is important to hold talks": an act judged
            return Factuality.HYPOTHETICAL, f"'it {toks[h].text} ... to {toks[i].text}': the act judged in general"
        if dep == "pcomp" and toks[h].lower == "without":  # "reached out without consulting the White House"
            return Factuality.NEGATED, f"'without {toks[i].text}': not done"
        if dep == "pcomp" and (toks[h].lower, toks[h - 1].lower if h else "") in (("of", "instead"), ("than", "rather")):
            # "chose to negotiate instead of attacking the rebels", "rather than expelling the diplomats"
            return Factuality.NEGATED, f"'{toks[h - 1].text} {toks[h].text} {toks[i].text}': not done"
        if dep == "pcomp" and toks[h].lower == "from" and tree.head(h) is not None and \
                toks[tree.head(h)].lemma.lower() in PREVENTING:
            g = tree.head(h)  # "banned the forces from requesting airstrikes": what is barred does not happen
            return Factuality.NEGATED, f"'{toks[g].text} ... from {toks[i].text}' bars the act"
        content = dep in ("acl", "ccomp") or (dep == "relcl" and any(  # "the accusation that Moscow meddled"
            toks[k].dep == "mark" and toks[k].lower == "that" for k in tree.kids[i]))
        n = h
        while content and toks[n].pos == "ADV" and toks[n].dep == "advmod" and tree.head(n) is not None:
            n = tree.head(n)  # "the accusation so far that Moscow meddled": the clause hung on the adverb
        if content and dep == "ccomp" and toks[n].pos in ("VERB", "AUX"):
            n = _object_before_clause(tree, n, i)  # "repeated his denials that troops shelled": hung on the verb
        if content and not infinitive and toks[n].pos == "NOUN" and toks[n].lemma.lower() in CLAIM_NOUNS:
            # "the minister's false claim that she struck the rebels", "claims that troops shelled the town"
            return Factuality.POSSIBLE, f"'{toks[i].text}' is the content of the {toks[n].text}, not a reported fact"
        if content and not infinitive and toks[n].pos == "NOUN" and toks[n].lemma.lower() in DENIAL_NOUNS:
            return Factuality.NEGATED, f"'{toks[i].text}' is what the {toks[n].text} denies"
        if dep == "xcomp" and infinitive and toks[h].lemma.lower() in SEEMING and not any(
                toks[k].dep == "prep" and h < k < i for k in tree.kids[h]):  # not "appeared on TV to condemn"
            return Factuality.POSSIBLE, f"'{toks[h].text} to {toks[i].text}': an appearance, not a fact"
        if dep == "ccomp" and toks[h].lemma.lower() in SEEMING and any(
                toks[k].dep in ("nsubj", "expl") and toks[k].lower == "it" for k in tree.kids[h]):
            return Factuality.POSSIBLE, f"'it {toks[h].text} that ... {toks[i].text}': an impression, not a fact"
        if dep == "advcl" and toks[h].lemma.lower() in SEEMING and any(
                toks[k].dep == "mark" and toks[k].lower in ("like", "if") for k in tree.kids[i]):
            return Factuality.POSSIBLE, f"'{toks[h].text} like ... {toks[i].text}': an impression, not a fact"
        hit = framing_noun(tree, i)
        if hit:
            return hit
        if dep in ("xcomp", "ccomp") and infinitive and lemma(tree, h) in AUTHORIZING:  # "empowers the army to strike"
            return Factuality.HYPOTHETICAL, f"'{toks[h].text} ... to {toks[i].text}': authorized, not done"
        g = tree.head(h)
        if dep == "pcomp" and toks[h].lower == "to" and g is not None and lemma(tree, g) == "look" and any(
                toks[k].lower == "forward" for k in tree.kids[g]):
            return Factuality.FUTURE, f"'looking forward to {toks[i].text}': not done yet"
        if dep in ("advcl", "xcomp", "dobj", "ccomp", "pcomp") and ruled_out(tree, h):
            return Factuality.NEGATED, f"'{toks[h].text} out {toks[i].text}': the act is excluded"
        if dep not in CLAUSE_LINKS:
            break
        hl = lemma(tree, h)
        hw = toks[h].lower
        if dep in ("ccomp", "parataxis") and hl in lex.cue("speech") and hl not in lex.cue("belief"):
            if dep == "ccomp" and (cond := _conditional_mark(tree, h, lex)):  # eighteenth round: "would respond
                return cond[0], f"{cond[1]}, which reports '{toks[i].text}'"  # if it is confirmed that X attacked"
            return Factuality.ASSERTED, f"reported by '{toks[h].text}'; no modal, negation or condition"
        if hl in lex.cue("negating"):
            return Factuality.NEGATED, f"governed by '{toks[h].text}'"
        if hl in ("refuse", "reject", "decline"):
            return Factuality.NEGATED, f"governed by '{toks[h].text}' (the refusal itself is a REJECT event)"
        if hw in lex.cue("intent_frames"):
            # "if Britain is not prepared to send ...": the frame's own condition or negation decides
            for c in [h] + ([tree.head(h)] if toks[h].dep in ("acomp", "amod") and tree.head(h) is not None else []):
                hit = _conditional_mark(tree, c, lex) or _own_cues(tree, c, lex)
                if hit and hit[0] == Factuality.HYPOTHETICAL and _offered(tree, c, i, lex):
                    continue  # "she'd be willing to talk to the Kenyan president": an offer to meet (AGREE)
                if hit and hit[0] in (Factuality.NEGATED, Factuality.HYPOTHETICAL):
                    return hit[0], f"{hit[1]} (on the intention '{toks[h].text}')"
            return Factuality.FUTURE, f"intention '{toks[h].text}'"
        if hl in lex.cue("future") or hw in lex.cue("future_frames"):
            return Factuality.FUTURE, f"governed by '{toks[h].text}'"
        if hl == "doubt" and toks[h].pos == "NOUN" and any(toks[k].lower in SCANT and toks[k].dep in ("det", "amod")
                                                           for k in tree.kids[h]):
            # "there is no doubt that Russian jets bombed the hospital", "very little doubt that it was used"
            return Factuality.ASSERTED, f"'{toks[h].text}' with 'no' or 'little': held certain"
        if hl in lex.cue("belief"):
            return Factuality.POSSIBLE, f"reported as belief by '{toks[h].text}'"
        if hl in lex.cue("hypothetical"):
            return Factuality.HYPOTHETICAL, f"governed by '{toks[h].text}'"
        if hw in lex.cue("possible_frames") or hl in lex.cue("possible_frames"):
            return Factuality.POSSIBLE, f"framed as possible by '{toks[h].text}'"
        if dep in CLIMB:
            i = h
            continue
        break
    return Factuality.ASSERTED, "no negation, modal, condition or future cue on the head chain"
