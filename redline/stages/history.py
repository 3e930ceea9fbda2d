"""History is not news: is an event told as background, or as a habit, rather than as the article's news?

Used by the dates stage for events whose sentence gives them no date of their own. Such an event is dated the
article's news day only when the text tells it as news; an earlier act told as background ("since Russia
annexed Crimea", "after he had invaded", "the man who had accused him", "has long vowed") or a habit
("repeatedly criticised", "has often said") gets no date (precision unknown) and the reason says which cue
decided. The cues read the dependency parse only: tense and aspect of the verb that carries the event, the
clause it sits in, and a few adverbs and phrases.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Token
from .aspect import VERBAL as _VERBAL
from .aspect import aux as _aux
from .aspect import children as _children
from .aspect import clause_verb, past_perfect, perfect_progressive, present_perfect, trigger_head
from .recurrence import every_time
from .relatives import episode_clause, later_before, same_statement
from .shown import judged_act as _judged_act
from .shown import on_record as _on_record

# Adverbs that make an act habitual, repeated or earlier than the news ("has long vowed", "repeatedly criticised").
# Adjectives on an event noun that make it several acts ("repeated contacts", "frequent calls", "regular talks").
REPEATED_ADJECTIVES = frozenset({"repeated", "frequent", "regular", "recurring", "recurrent", "numerous",
                                 "multiple", "countless", "constant", "continual"})
HABITUAL_ADVERBS = frozenset({
    "repeatedly", "often", "frequently", "long", "already", "previously", "once", "ever", "regularly",
    "routinely", "constantly", "always", "traditionally", "historically", "formerly", "persistently",
    "consistently", "habitually", "earlier", "initially", "originally", "usually", "typically", "since",
})
# Nouns whose "of"/"to"/"for" phrase names an earlier act as a cause or time ("in the wake of the resignation").
CAUSE_NOUNS = frozenset({
    "wake", "aftermath", "response", "retaliation", "punishment", "midst", "run-up", "result", "light", "reaction",
    "revenge", "protest",
})
# Subordinators and prepositions that put their clause or noun before the main act ("after the attack").
EARLIER_MARKERS = frozenset({"after", "since", "before", "following", "once", "until", "prior"})
# Nouns of a "during ..." / "in the ..." phrase that place an act in a past period ("during his campaign").
PERIOD_NOUNS = frozenset({
    "campaign", "past", "years", "decades", "tenure", "term", "presidency", "era", "reign", "childhood", "career",
    "transition",  # "spoke with the ambassador during the transition": the handover before an inauguration
    # fourteenth round, wordings: the rest of the office family ("during her premiership", "during his stint")
    "premiership", "chancellorship", "stint", "incumbency",
})
# Offices held: "during her time in office", "over his years in power", "while in office" name the period too.
OFFICE_NOUNS = frozenset({"office", "power"})
SPAN_NOUNS = frozenset({"time", "years", "days", "months"})
# Periods only after "during": "during his administration", "during the Obama government".
DURING_NOUNS = frozenset({"administration", "government", "mandate"})
# Plural nouns of an "in/on/at ..." phrase that make an act a habit: "in some cases", "on several occasions",
# "in particular instances", "at times" (not the singular "in this case", "on this occasion").
HABIT_NOUNS = frozenset({"instances", "cases", "occasions", "times"})
# Roles of an "as ..." phrase that put an act in a campaign before the office: "As a candidate, Trump promised".
ROLE_NOUNS = frozenset({"candidate", "nominee", "contender", "challenger"})
# Nouns of an indefinite time ("one weekend", "one day"): a day the text does not give.
_INDEFINITE_TIMES = frozenset({"day", "night", "morning", "afternoon", "evening", "weekend"})
# Words that make "one day" a count from another time ("One day after the meeting", "one day later"; 19th round).
_COUNTED_FROM = frozenset({"after", "before", "later", "earlier", "ago"})
_ERA_DETERMINERS = frozenset({"these", "those", "our", "such"})
# Subjects of a "before ..." clause that make "before" spatial: "spoke before a crowd massed outside" is in front
# of the crowd, not earlier than it (the parser reads such phrases as clauses).
AUDIENCE_NOUNS = frozenset({
    "crowd", "audience", "reporter", "journalist", "lawmaker", "committee", "panel", "parliament", "congress",
    "senate", "court", "judge", "jury", "camera", "assembly", "council", "supporter", "gathering", "delegate",
})
# Verbs done in front of an audience: only after these is "before <audience>" spatial.
_BEFORE_AUDIENCE_LEMMAS = frozenset({"speak", "testify", "appear", "stand", "address", "plead", "deliver", "perform",
                                     "parade", "argue", "say", "tell"})
_NOT_PAST = frozenset({"coming", "next", "recent", "this", "current", "upcoming", "future", "last"})
REPORT_LEMMAS = frozenset(
    "say tell announce state add report claim confirm deny declare warn write stress insist note accuse urge "
    "reveal comment respond reply know believe think show find".split()
)


def spatial_before(tokens: Sequence[Token], clause: int) -> bool:
    """True when the "before" that opens the clause of `clause` means "in front of": its subject is an audience and
    it hangs from a verb done before an audience ("spoke before a crowd of supporters massed outside", "testified
    before the committee gathered in the hall")."""
    kids = _children(tokens, clause)
    if not any(t.dep == "mark" and t.lower == "before" for t in kids):
        return False
    if tokens[tokens[clause].head].lemma.lower() not in _BEFORE_AUDIENCE_LEMMAS:
        return False  # "the senator attacked the bill before the committee voted": earlier
    return any(t.dep in ("nsubj", "nsubjpass") and t.lemma.lower() in AUDIENCE_NOUNS for t in kids)


def named_again(tokens: Sequence[Token], trigger: int) -> str | None:
    """Why a noun event is an earlier act named again, or None: its relative clause says it was done before
    ("the sanctions that we've already imposed", "a deal they had signed")."""
    trig = tokens[trigger]
    if trig.pos not in ("NOUN", "PROPN"):
        return None
    for rel in _children(tokens, trigger):
        if rel.dep != "relcl":
            continue
        mods = [t.lower for t in _children(tokens, rel.i) if t.dep in ("advmod", "npadvmod")]
        habitual = [w for w in mods if w in HABITUAL_ADVERBS]
        if habitual or past_perfect(tokens, rel.i):
            cue = habitual[0] if habitual else "had"
            return f"'{trig.text} that ... {cue} ... {rel.text}': an earlier act named again"
    return None


def _in_reported_clause(tokens: Sequence[Token], v: int) -> bool:
    """True when the clause of `v` is the complement of a reporting verb ("said she had written")."""
    tok = tokens[v]
    return tok.dep == "ccomp" and tokens[tok.head].lemma.lower() in REPORT_LEMMAS


# A relative clause on these nouns dates an occasion ("the same day the mission suffered an attack"), it is no
# background.
TIME_NOUNS = frozenset({"day", "time", "week", "month", "year", "moment", "night", "morning", "hour", "date"})


def simultaneous_relative(tokens: Sequence[Token], verb: int) -> bool:
    """A relative clause told at the time of its governor: "Toluca, where he was attending a summit" (a place and
    a progressive), "a joint statement in which the US blamed Moscow" (the content of a statement)."""
    kids = _children(tokens, verb)
    where = any(t.lower == "where" for t in kids if t.dep == "advmod")
    progressive = tokens[verb].tag == "VBG" and any(a.lower in ("was", "were", "is", "are") for a in _aux(tokens, verb))
    in_which = any(t.dep == "prep" and t.lower in ("in", "under", "through") and
                   any(c.lower == "which" for c in _children(tokens, t.i)) for t in kids) \
        and episode_clause(tokens, verb) is None
    # "Nerves were on edge in Washington, where Trump called the test hostile": what happened at the named place
    # then; not "a town near the border where villagers killed ...", an episode told of a common noun
    named_place = where and tokens[tokens[verb].head].pos == "PROPN" and tokens[verb].tag in ("VBD", "VBZ", "VBP") \
        and not _aux(tokens, verb)
    return (where and progressive) or in_which or named_place


def _background_relative(tokens: Sequence[Token], verb: int) -> bool:
    """A relative clause that tells an earlier or habitual act of its noun ("the man who had accused him", "forces
    which helped Baghdad", "whom the government accuses of plotting"); not a cleft ("he was the one that created
    this mess"), a clause on a time noun, a "when" clause, a report ("associates who said") or a state ("who is
    responsible")."""
    v = tokens[verb]
    noun = tokens[v.head]
    if noun.lemma.lower() in TIME_NOUNS or noun.dep == "attr":
        return False
    if any(t.lower == "when" for t in _children(tokens, verb) if t.dep == "advmod"):
        return False
    if simultaneous_relative(tokens, verb) or same_statement(tokens, verb):
        return False
    if v.lemma.lower() in ("say", "be", "tell") or v.pos == "AUX":
        return False
    aux = [a.lower for a in _aux(tokens, verb)]
    if v.tag in ("VBZ", "VBP") and not aux:
        return True  # present simple: a habit or a standing charge ("whom the government accuses of plotting")
    if v.tag == "VBG" and any(a in ("is", "are", "'s", "'re") for a in aux):
        return False  # present progressive: going on now
    return v.tag in ("VBD", "VBN", "VBG")


# Verbs whose "that" clause a habitual adverb on them makes habitual too: reports, and (thirteenth round, from sample
# P4) promises and admissions: "repeatedly promised he would not send troops", "has long admitted that it erred".
_CONTENT_HEADS = REPORT_LEMMAS | {"promise", "pledge", "vow", "swear", "acknowledge", "admit"}
# Promises, threats and refusals in the present perfect ("has vowed to veto", "have pledged to improve", "has
# refused to budge") are a standing position, not the act of one day; so is a war told in the present ("Egypt is fighting insurgents", "forces
# fighting the separatists").
PROMISE_LEMMAS = frozenset({"vow", "pledge", "promise", "swear", "threaten", "refuse"})
CAMPAIGN_LEMMAS = frozenset({"fight", "wage", "battle"})


def standing_act(tokens: Sequence[Token], v: int) -> str | None:
    """Why the act of verb `v` is a standing position or an ongoing campaign rather than one day's act, or None."""
    verb = tokens[v]
    lemma = verb.lemma.lower()
    aux = [a.lower for a in _aux(tokens, v)]
    if lemma in PROMISE_LEMMAS and any(a in ("has", "have", "'s", "'ve") for a in aux) \
            and any(t.dep == "xcomp" for t in _children(tokens, v)):
        return f"present perfect '{' '.join(aux)} {verb.text} to ...': a standing promise, not the act of one day"
    if lemma in CAMPAIGN_LEMMAS and (
            (verb.tag == "VBG" and (any(a in ("is", "are", "am", "'s", "'re") for a in aux) or verb.dep == "acl"
                                    or _participle_conjunct(tokens, v)))
            or verb.tag in ("VBZ", "VBP") or _present_base(tokens, v)):
        return f"'{verb.text}' in the present: an ongoing campaign, not the act of one day"
    return None


def _participle_conjunct(tokens: Sequence[Token], v: int) -> bool:
    """ "the villagers joining the militia and fighting against the army": a participle joined to a
    participle on a noun."""
    head = tokens[tokens[v].head]
    return tokens[v].dep == "conj" and head.tag == "VBG" and head.dep == "acl"


def _present_base(tokens: Sequence[Token], v: int) -> bool:
    """A base form told in the present: "the people that stayed fight against them" (a present the parser tags
    as a base form: it has a subject and no auxiliary), "troops helping Iraqi forces fight holdouts" (under a
    participle on a noun)."""
    verb = tokens[v]
    if verb.tag != "VB" or _aux(tokens, v):
        return False
    if verb.dep == "ROOT":
        return any(t.dep == "nsubj" for t in _children(tokens, v))
    head = tokens[verb.head]
    return verb.dep in ("ccomp", "xcomp") and head.tag == "VBG" and head.dep == "acl"


# Verbs whose infinitive goes on ("continues to kill", "has continued to press", "keeps pushing").
GOING_ON_LEMMAS = frozenset({"continue", "keep"})
# Units of a "for many months" / "in recent weeks" phrase on a present perfect: the act has gone on over them.
_SPAN_UNITS = frozenset({"days", "weeks", "months", "years", "decades"})
# Modifiers of "times" that make an act one of several occasions ("multiple times", "numerous times").
_MANY = frozenset({"multiple", "several", "many", "numerous", "countless", "repeated", "various"})
_PRESENT_AUX = ("has", "have", "'s", "'ve", "is", "are", "am", "'re")
_MODAL_AUX = ("would", "could", "should", "might", "must", "will", "may", "can", "to")


def _present(tokens: Sequence[Token], v: int) -> bool:
    """'continues', 'has continued', 'is continuing' (not 'will continue', 'continued', 'had continued')."""
    aux = [a.lower for a in _aux(tokens, v)]
    if any(a in _MODAL_AUX for a in aux):
        return False
    return tokens[v].tag in ("VBZ", "VBP") and not aux or any(a in _PRESENT_AUX for a in aux) \
        and tokens[v].tag in ("VBN", "VBG")


def _clause_of(tokens: Sequence[Token], i: int) -> int:
    """The nearest verb above token `i` (the parser may hang "multiple times" on a noun of the clause)."""
    seen = {i}
    while tokens[i].head != i and tokens[i].head not in seen:
        i = tokens[i].head
        seen.add(i)
        if tokens[i].pos in _VERBAL:
            return i
    return i


def ongoing_act(tokens: Sequence[Token], v: int) -> str | None:
    """Why the act of verb `v` is told as going on rather than as one day's act, or None: a present perfect
    progressive ("has been pushing for passage"), the infinitive of a present "continue"/"keep" ("ISIS continues
    to kill hostages", "Trump has continued to press for ...") or of a campaign in the present ("is fighting to
    eliminate ISIS"), a present perfect over a span ("for many months rebels have begged", "in recent months has
    escalated"), an act of several occasions ("has used chemical weapons multiple times")."""
    verb = tokens[v]
    aux = [a.lower for a in _aux(tokens, v)]
    if verb.tag == "VBG" and "been" in aux and any(a in ("has", "have", "'s", "'ve") for a in aux) \
            and not any(a in _MODAL_AUX for a in aux):
        return f"present perfect progressive '{' '.join(aux)} {verb.text}': an activity going on, not one day's act"
    i, seen = v, {v}
    while tokens[i].dep in ("xcomp", "conj") and tokens[i].head not in seen:  # "continues to frighten and threaten"
        step, base = tokens[i].dep, tokens[i].tag == "VB"
        i = tokens[i].head
        seen.add(i)
        gov = tokens[i]
        if step != "xcomp" and not (base and gov.lemma.lower() in GOING_ON_LEMMAS):
            continue  # a bare infinitive joined to "continues" shares its "to": "continues to frighten (and) threaten"
        if gov.lemma.lower() in GOING_ON_LEMMAS and _present(tokens, i):
            return f"'{gov.text} to {verb.text}': an act that goes on, not one day's act"
        if gov.lemma.lower() in CAMPAIGN_LEMMAS and standing_act(tokens, i) is not None:
            return f"'{gov.text} to {verb.text}': the aim of an ongoing campaign, not one day's act"
    if verb.lemma.lower() in GOING_ON_LEMMAS and _present(tokens, v):
        nouns = [t for t in _children(tokens, v) if t.dep == "dobj" and t.pos == "NOUN"]
        if nouns:  # "the militia is continuing its city attacks"
            return f"'{verb.text} ... {nouns[0].text}': an act that goes on, not one day's act"
    for t in tokens:
        if t.lower == "times" and _clause_of(tokens, t.i) == v \
                and any(c.lower in _MANY or (c.dep == "nummod" and c.lower not in ("one", "1"))
                        for c in _children(tokens, t.i)):
            mods = " ".join(c.text for c in _children(tokens, t.i))
            return f"'{mods} times' in the clause of {verb.text!r}: an act of several occasions"
    if present_perfect(tokens, v) or (verb.tag == "VBG" and "been" in aux):
        for t in _children(tokens, v):
            if t.dep == "prep" and t.lower in ("for", "in", "over"):
                units = [c for c in _children(tokens, t.i) if c.dep == "pobj" and c.lower in _SPAN_UNITS]
                if units and (t.lower == "for" or any(c.lower in ("recent", "past", "last")
                                                      for c in _children(tokens, units[0].i))):
                    return f"'{t.text} ... {units[0].text}' on the present perfect {verb.text!r}: an act over a span"
    return None


def reduced_relative(tokens: Sequence[Token], verb: int) -> bool:
    """A past participle on a noun with its doer named, a relative clause without "who/that": "the schoolgirls
    kidnapped by Boko Haram", "cluster munitions fired by government forces", "mine attacks the U.S. blamed on
    Iran". It tells the noun by an earlier act (not "protesters massed in the square", which the parser may hang
    as a participle on its subject, nor "troops deployed in the east", which describes where they are)."""
    v = tokens[verb]
    if v.tag != "VBN" or tokens[v.head].pos not in ("NOUN", "PROPN") or v.lemma.lower() in ("be", "have"):
        return False
    kids = _children(tokens, verb)
    # with its doer: "kidnapped by Boko Haram" (agent), "the U.S. blamed on Iran" (a subject, no object: the noun is
    # the object); not a noun's content clause "evidence that forces were responsible"
    return any(t.dep == "agent" for t in kids) or (any(t.dep == "nsubj" for t in kids)
                                                  and not any(t.dep in ("dobj", "ccomp", "acomp", "attr") for t in kids))


def earlier_period(tokens: Sequence[Token], v: int) -> str | None:
    """Why verb `v` is told in an earlier period ("during his tenure", "in the past", "over the years", "as a
    candidate"), or None."""
    for t in _children(tokens, v):
        if t.dep == "prep" and t.lower == "as":
            roles = [c for c in _children(tokens, t.i) if c.dep == "pobj" and c.lemma.lower() in ROLE_NOUNS]
            if roles:  # "As a presidential candidate, Trump recommended ...": the campaign, not the news
                return f"'{t.text} ... {roles[0].text}' on {tokens[v].text!r}: an act of an earlier role"
        if t.dep == "prep" and t.lower == "in" and any(c.dep == "pobj" and c.lower in OFFICE_NOUNS
                                                       and not _children(tokens, c.i) for c in _children(tokens, t.i)) \
                and any(m.dep == "mark" and m.lower in ("while", "when") for m in _children(tokens, v)):
            return f"'{t.text} office' on {tokens[v].text!r}: an act while in office, an earlier period"
        if t.dep == "prep" and t.lower in ("during", "over", "throughout") and any(
                c.dep == "pobj" and c.lower in SPAN_NOUNS and any(
                    p.dep == "prep" and p.lower == "in" and any(o.lower in OFFICE_NOUNS for o in _children(tokens, p.i))
                    for p in _children(tokens, c.i)) for c in _children(tokens, t.i)):
            return f"'{t.text} ... in office' on {tokens[v].text!r}: an act of the time in office, an earlier period"
        if t.dep == "prep" and t.lower in ("during", "in", "over", "for", "at"):
            nouns = [c for c in _children(tokens, t.i) if c.dep == "pobj"]
            # "during his term", not "in the strongest terms"
            words = {w for n in nouns for w in (n.lemma.lower(), n.lower) if n.lower != "terms"
                     # "the transition to civilian rule" is a transition going on, not the handover
                     and not (n.lemma.lower() == "transition" and any(
                         c.dep == "prep" and c.lower in ("to", "of", "from") for c in _children(tokens, n.i)))}
            words |= {c.lemma.lower() for n in nouns if n.lemma.lower() == "period"  # "the transition period"
                      for c in _children(tokens, n.i) if c.dep == "compound"}
            mods = {c.lower for n in nouns for c in _children(tokens, n.i)}
            # "blamed for a reckless campaign": a cause, not a period; "for years" is one
            period = words & (PERIOD_NOUNS if t.lower not in ("at", "for") else
                              {"time"} if t.lower == "at" else {"years", "decades"})
            if t.lower == "during":  # "during his administration" (fourteenth round, wordings); "in the
                period |= words & DURING_NOUNS  # administration" names a body, not a period
            if "same" in mods or (t.lower == "at" and mods & {"a", "an"}):
                continue  # "at the same time": meanwhile; "comes at a time when his policy is in flux": now
            if period and not mods & _NOT_PAST and not any(c.pos == "NUM" for n in nouns for c in _children(tokens, n.i)):
                return f"'{t.text} ... {nouns[0].text}' on {tokens[v].text!r}: an act of an earlier period"
    return None


def _shares_subject(tokens: Sequence[Token], v: int) -> bool:
    """A verb joined to the one before with no subject of its own ("did not wobble or offer concessions")."""
    verb = tokens[v]
    return verb.dep == "conj" and verb.head != v and tokens[verb.head].pos in _VERBAL \
        and not any(t.dep in ("nsubj", "nsubjpass") for t in _children(tokens, v))


def _first_conjunct(tokens: Sequence[Token], v: int) -> int:
    """The first of the verbs joined with one subject ("have removed a minister, eased a crackdown and warned")."""
    seen = {v}
    while _shares_subject(tokens, v) and tokens[v].head not in seen:
        v = tokens[v].head
        seen.add(v)
    return v


def _progressive_now(tokens: Sequence[Token], v: int) -> bool:
    """A present progressive: "is already threatening" (not "has already been shelling")."""
    aux = {a.lower for a in _aux(tokens, v)}
    return tokens[v].tag == "VBG" and bool(aux & {"is", "are", "am", "'s", "'re"}) and "been" not in aux


def _shared_adverbs(tokens: Sequence[Token], v: int) -> list[str]:
    """Adverbs before the first of two coordinated verbs that share its subject and auxiliary: "I have already
    admitted my guilt and apologized" -> "already" holds for "apologized" too."""
    verb = tokens[v]
    if verb.dep != "conj" or verb.head == v or any(t.dep in ("nsubj", "nsubjpass", "aux", "auxpass")
                                                   for t in _children(tokens, v)):
        return []
    first = verb.head
    return [t.lower for t in _children(tokens, first) if t.dep == "advmod" and t.i < first]


# Verbs whose present simple is news or speech, not a habit ("says", "warns", "is"); the rest in the present simple
# tell what an actor does as a rule ("ISIS now funds its war", "both blame each other", "extremists still threaten
# our homeland").
_NOT_HABIT_LEMMAS = REPORT_LEMMAS | frozenset({"be", "have", "do", "seem", "appear", "mean", "come", "go", "want",
                                               "need", "hope", "expect", "plan", "remain", "look"})
_FIRST_PERSON = frozenset({"i", "we", "you"})
_CONDITION_MARKS = frozenset({"if", "when", "whenever", "unless", "once", "until", "before", "after", "whether"})


# Signs that a verbal act in the present simple is a habit: "both blame each other", "extremists still threaten
# our homeland" ("The U.S. calls for calm, she said" is the day's statement).
_HABIT_SIGNS = frozenset({"still", "now", "increasingly", "continually", "regularly", "each", "another"})


def habitual_present(tokens: Sequence[Token], v: int, *, material: bool = False) -> str | None:
    """Why the act of verb `v`, in the present simple, is a habit or a standing policy rather than one day's act,
    or None. Climbs an infinitive to its governor ("as the United States tries to improve ties"); a first or
    second person ("we condemn", "we request": a speech act done by saying it), a report verb, a condition or
    time clause ("if Iran strikes") and a subject-less imperative are not habits. A verbal act (material False)
    needs a sign of habit on its verb ("still", "now", "each other"): without one it is the position stated that
    day ("The U.S. calls for calm, she said", "said it disagrees with the assessment")."""
    seen = {v}
    while tokens[v].dep == "xcomp" and tokens[v].tag == "VB" and tokens[v].head not in seen:
        v = tokens[v].head
        seen.add(v)
    verb = tokens[v]
    if verb.tag not in ("VBZ", "VBP") or _aux(tokens, v) or verb.lemma.lower() in _NOT_HABIT_LEMMAS:
        return None
    kids = _children(tokens, v)
    subject = next((t for t in kids if t.dep in ("nsubj", "nsubjpass", "expl")), None)
    first, seen = v, {v}
    while subject is None and tokens[first].dep == "conj" and tokens[first].head not in seen:
        first = tokens[first].head  # "ISIS took over, robbed banks and now funds its war": the first verb's subject
        seen.add(first)
        subject = next((t for t in _children(tokens, first) if t.dep in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower in _FIRST_PERSON or subject.tag == "WDT":
        return None
    if any(t.dep == "mark" and t.lower in _CONDITION_MARKS for t in kids):
        return None
    if not material and not any(t.lower in _HABIT_SIGNS for t in kids for t in (t, *_children(tokens, t.i))
                                if t.dep in ("advmod", "dobj", "pobj", "det", "prep")):
        return None
    return f"present simple {verb.text!r}: what the actor does as a rule, not one day's act"


def _had_repeated(tokens: Sequence[Token], v: int, trigger: int) -> bool:
    """'had repeated contacts with': the parser reads "have + repeated + a bare plural" as the verb "repeat"; it is
    having acts of several occasions ("did not repeat those accusations", "repeated its threats" are one act)."""
    return tokens[v].lemma.lower() == "repeat" and tokens[trigger].dep in ("dobj", "obj") \
        and tokens[trigger].tag == "NNS" and any(a.lemma.lower() == "have" for a in _aux(tokens, v)) \
        and not any(c.dep in ("det", "poss") for c in _children(tokens, trigger))


def background_reason(tokens: Sequence[Token], trigger: int, *, material: bool = False, habits: bool = False,
                      quad_material: bool = False) -> str | None:
    """Why the event whose trigger is `trigger` is background or habitual, or None when it reads as news.

    material: the event is a material act (PLOVER quad classes 2 and 4) told after the article's lead, whose present
    perfect tells a result ("Assad has used chemical weapons", "al-Qaeda has been driven out of Afghanistan"), not
    one day's news; a verbal act in the present perfect ("lawmakers have condemned the move") is the day's
    reaction, and so is the lead's "hot news" perfect ("Police have arrested three suspects").
    habits: the event is reported as done in a sentence of prose (not a headline): a present simple tells a habit
    (habitual_present; quad_material: the event is a material act, PLOVER quad classes 2 and 4, anywhere)."""
    if not 0 <= trigger < len(tokens):
        return None
    trig = tokens[trigger]
    # A noun event introduced by "after", "since", "following" ... is an earlier act named as a time or cause.
    head = tokens[trig.head]
    if trig.dep == "pobj" and (head.lower in EARLIER_MARKERS or head.lower == "amid"):
        return f"'{head.text} {trig.text}': an earlier act named as the time or cause of another"
    if trig.dep == "pobj" and head.lower in ("of", "to", "for") and tokens[head.head].lemma.lower() in CAUSE_NOUNS:
        return f"'{tokens[head.head].text} {head.text} {trig.text}': an earlier act named as the cause of another"
    again = named_again(tokens, trigger)  # "the sanctions that we've already imposed", "a deal they had signed"
    if again is not None:
        return again
    v = clause_verb(tokens, trigger)
    verb = tokens[v]
    on_verb = [t.lower for t in _children(tokens, v) if t.dep in ("advmod", "npadvmod")] + _shared_adverbs(tokens, v)
    on_trigger = [t.lower for t in _children(tokens, trigger) if t.dep in ("advmod", "npadvmod")] if v != trigger else []
    habitual = [w for w in on_verb + on_trigger if w in HABITUAL_ADVERBS
                and not (w == "already" and _progressive_now(tokens, v))]  # "is already threatening": by now
    if not habitual and verb.dep == "ccomp" and tokens[verb.head].lemma.lower() in _CONTENT_HEADS:
        said = tokens[verb.head]  # "has previously said that an extension would be unacceptable": said before
        habitual = [t.lower for t in _children(tokens, said.i) if t.dep == "advmod" and t.lower in HABITUAL_ADVERBS
                    and t.lower not in ("already", "since")]
        verb = said if habitual else verb
    if habitual:
        return f"'{habitual[0]}' on {verb.text!r}: a habitual, repeated or earlier act"
    many = [t.text for t in _children(tokens, trigger) if t.dep == "amod" and t.lower in REPEATED_ADJECTIVES] + (
        [verb.text] if v != trigger and _had_repeated(tokens, v, trigger) else [])
    if many:  # "had repeated contacts with", "frequent calls with": several occasions (seventeenth round, meetings)
        return f"'{many[0]} {trig.text}': acts of several occasions, not one day's act"
    for t in _children(tokens, v):
        if t.dep == "prep" and t.lower in ("in", "on", "at"):
            # "in these turbulent times" is an era, not several occasions ("at times", "in some cases" are)
            habit = [c for c in _children(tokens, t.i) if c.dep == "pobj" and c.lower in HABIT_NOUNS
                     and c.pos == "NOUN"  # "seized on a recent Morning Herald report": a name, not occasions
                     and not (c.lower == "times" and any(d.lower in _ERA_DETERMINERS for d in _children(tokens, c.i)))]
            if habit:
                return f"'{t.text} ... {habit[0].text}' on {verb.text!r}: a habit, told of several occasions"
    every = every_time(tokens, v)
    if every is not None:
        return every
    period = earlier_period(tokens, v)
    if period is None and _shares_subject(tokens, v):  # "In the post-Soviet years, the regime did not wobble or
        period = earlier_period(tokens, verb.head)  # offer concessions": the first verb's period holds for both
    if period is None and verb.dep == "advcl" and any(t.lower == "when" for t in _children(tokens, v)):
        i, seen = verb.head, {v}  # "signaled during the campaign that he would bond ... when he accused Obama"
        while period is None and i not in seen:
            seen.add(i)
            period = earlier_period(tokens, i) if tokens[i].pos in _VERBAL else None
            i = tokens[i].head
    if period is not None:
        return period
    for t in tokens:  # "summoned Kelly to his resort one weekend": a day the text does not give
        if t.lemma.lower() in _INDEFINITE_TIMES and t.dep == "npadvmod" and _clause_of(tokens, t.i) == v \
                and any(c.lower == "one" for c in _children(tokens, t.i)) \
                and _COUNTED_FROM.isdisjoint({tokens[t.head].lower, tokens[min(t.i + 1, len(tokens) - 1)].lower}):
            # "One day after the meeting", "one day later": a count from another time
            return f"'one {t.text}' on {verb.text!r}: an indefinite time"
    cause = _judged_act(tokens, trigger) or _on_record(tokens, v)
    if cause is not None:
        return cause
    standing = standing_act(tokens, v) or ongoing_act(tokens, v) \
        or (ongoing_act(tokens, _first_conjunct(tokens, v)) if _shares_subject(tokens, v) else None) \
        or (habitual_present(tokens, v, material=quad_material) if habits else None)
    if standing is not None:
        return standing
    if material and v == trigger and present_perfect(tokens, v) and not (verb.dep == "relcl" and
                                                        tokens[verb.head].lemma.lower() in TIME_NOUNS):
        return (f"present perfect '{' '.join(a.text for a in _aux(tokens, v))} {verb.text}' of a material act: "
                f"its result is told, not its day")  # not "the first time they have adopted such measures"
    inside = _inside_activity(tokens, v, material=material)
    if inside is not None:
        return inside
    if past_perfect(tokens, v) and (not _in_reported_clause(tokens, v) or perfect_progressive(tokens, v)):
        return f"past perfect '{' '.join(a.text for a in _aux(tokens, v))} {verb.text}': an act earlier than the news"
    clause = v if verb.pos in _VERBAL else trigger
    seen = {clause}
    while tokens[clause].dep == "xcomp" and tokens[clause].head not in seen:  # "voted to reject": the voting's clause
        clause = tokens[clause].head
        seen.add(clause)
    dep = tokens[clause].dep
    if dep == "conj":  # "who suspended the constitution and dissolved parliament": the first conjunct's clause
        first = tokens[clause].head
        seen = {clause}
        while tokens[first].dep == "conj" and first not in seen:
            seen.add(first)
            first = tokens[first].head
        dep, clause = tokens[first].dep, first
    episode = episode_clause(tokens, clause)
    if episode is not None and tokens[clause].tag in ("VBD", "VBN"):  # "the assault, in which gunmen attacked"
        return f"{tokens[clause].text!r} tells the {tokens[episode].text!r} in an 'in which' clause: background"
    if dep == "relcl" and _background_relative(tokens, clause):
        return f"{tokens[clause].text!r} is in a relative clause about {tokens[tokens[clause].head].text!r}: background"
    if dep == "acl" and clause == trigger and reduced_relative(tokens, clause):  # the participle is the act itself
        return (f"{tokens[clause].text!r} is a participle clause describing {tokens[tokens[clause].head].text!r} "
                f"by an earlier act done to it: background")
    if later_before(tokens, clause):  # "came before the president met his generals": a later step, told with it
        return None
    if dep == "pcomp" and tokens[tokens[clause].head].lower in EARLIER_MARKERS:  # "withdrew after criticizing"
        return f"'{tokens[tokens[clause].head].text} {tokens[clause].text}': an earlier act named as the time of another"
    if dep == "advcl" and not spatial_before(tokens, clause):
        marks = [t.lower for t in _children(tokens, clause) if t.dep == "mark"]
        earlier = [m for m in marks if m in EARLIER_MARKERS]
        if earlier:
            return f"'{earlier[0]} ... {tokens[clause].text}': an act told only by its order to the main clause"
    return None


def _inside_activity(tokens: Sequence[Token], v: int, *, material: bool) -> str | None:
    """Why the act of verb `v` is told inside an activity that went on, or the purpose of a result told, or None:
    "officials had hinted for months that they would withdraw" (under a past perfect
    progressive), "it has inserted special forces to help train the army" (the purpose of a material act's
    present perfect after the lead). Climbs complements, purposes and joined infinitives, not other clauses."""
    i, seen, purpose = v, {v}, True
    for _ in range(6):
        tok = tokens[i]
        if tok.head == i or tok.dep in ("relcl", "parataxis") and i == v:
            return None
        if tok.dep == "conj" and not (tok.tag == "VB" and tokens[tok.head].tag == "VB"):
            return None  # another act; "reorganize and train" share their "to"
        purpose = purpose and tok.dep in ("xcomp", "advcl", "conj")  # not what was said: "has not said whether"
        i = tok.head
        if i in seen:
            return None
        seen.add(i)
        gov = tokens[i]
        if gov.pos not in _VERBAL:
            continue
        if perfect_progressive(tokens, i):
            return f"under '{' '.join(a.text for a in _aux(tokens, i))} {gov.text}': an act inside an activity that went on"
        if material and purpose and present_perfect(tokens, i) and tokens[v].tag == "VB" \
                and gov.lemma.lower() not in REPORT_LEMMAS:
            return f"the purpose of the present perfect {gov.text!r} of a material act: its result is told, not its day"
    return None


def content_perfect(tokens: Sequence[Token], v: int) -> bool:
    """A past perfect in a noun's content clause: "the admission that Iran had shot down the jet" is earlier than
    the admission (a reporting verb's "said they had asked" is the reported act, see _in_reported_clause)."""
    return tokens[v].dep == "acl" and tokens[v].tag == "VBN" and past_perfect(tokens, v) \
        and any(t.dep == "mark" and t.lower == "that" for t in _children(tokens, v))


_PLURAL_SUBJECTS = frozenset({"i", "you", "we", "they", "both", "all", "these", "those"})


def since_span(tokens: Sequence[Token], trigger: int, expression: str, start: int, anchor: int | None, *,
               material: bool = False) -> str | None:
    """Why the expression dating the event names no day of it, or None: "since X" on a present perfect of several
    occasions or of a material act after the lead ("has visited China four times since 2018", "has fought off an
    insurgency since the 1980s": acts over the span, not at its start); "within weeks" on a past act ("Within
    weeks, the general remade the committee": weeks after a time the sentence does not give)."""
    v = clause_verb(tokens, trigger)
    text = expression.lower()
    on = tokens[clause_verb(tokens, anchor) if anchor is not None and 0 <= anchor < len(tokens) else v]
    subject = next((t for t in _children(tokens, on.i) if t.dep == "nsubj"), None)
    past = on.tag == "VBD" or (on.tag == "VBP" and not _aux(tokens, on.i) and subject is not None
                               and subject.tag not in ("NNS", "NNPS", "PRP") and subject.lower not in _PLURAL_SUBJECTS)
    if text.startswith("within") and past:  # (the tagger reads some past forms as presents: "the general remade")
        return f"{expression!r} on the past {on.text!r}: after a time the text does not give"
    since = text.startswith("since") or (start > 0 and tokens[start - 1].lower == "since")
    if not since or not present_perfect(tokens, v):
        return None
    many = ongoing_act(tokens, v)
    if many is not None and "several occasions" in many:
        return f"{expression!r} on {many}"
    if material and tokens[v].lemma.lower() != "be":  # "an offensive has been underway since Wednesday" began then
        return f"{expression!r} on the present perfect {tokens[v].text!r} of a material act: an act over the span"
    return None


__all__ = ["EARLIER_MARKERS", "HABITUAL_ADVERBS", "REPORT_LEMMAS", "ROLE_NOUNS", "TIME_NOUNS",
           "background_reason", "clause_verb", "content_perfect", "earlier_period", "habitual_present",
           "named_again", "past_perfect", "perfect_progressive", "present_perfect", "reduced_relative",
           "simultaneous_relative", "since_span", "spatial_before", "standing_act", "trigger_head"]
