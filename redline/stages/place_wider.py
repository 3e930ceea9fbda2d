"""The wider place of an event: a place the parse did not attach to the trigger itself.

Split from locatives.py (which keeps the syntax of a locative phrase and the event's anchors): a locative phrase
inside the trigger's own phrases or a conjunct's, the site a "where" clause describes, the destination of a visit,
and a phrase that opens the sentence and sets its scene. Pure functions over tokens and place mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Place, Token
from .locatives import (
    ATTACK_NOUNS,
    LIGHT_LEMMAS,
    LOCATIVE,
    MOVEMENT_LEMMAS,
    PLACE_PHRASE_PREPS,
    SEATED_NOUNS,
    SETTLEMENT_NOUNS,
    PlaceMention,
    attach_point,
    governing_preposition,
    governs_another_act,
    hands_over,
    in_place_phrase,
)
from .place_modifiers import OCCASION_NOUNS, occasion_preposition
from .place_stays import arrival_place, presence_place, round_place, stay_place

_OWN_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis", "conj", "acl", "xcomp", "pcomp"})
VISIT_NOUNS = frozenset({"visit", "trip", "welcome", "journey", "tour", "arrival", "mission", "return", "flight"})


# Phrases that name another act, a reason or another time, not a part of this one: "beheaded a journalist in
# retaliation for U.S. airstrikes in Iraq" is not placed in Iraq.
OTHER_ACT_PREPS = frozenset({"for", "after", "before", "following", "since", "despite", "until", "unlike", "like",
                             "than"})
# "in response to attacks in Iraq", "in retaliation against strikes in Syria": the act answered, not this one.
REASON_NOUNS = frozenset({"response", "retaliation", "reaction", "revenge", "reprisal", "answer", "protest",
                          "solidarity", "memory", "honor", "honour", "support", "opposition",
                          # sixteenth round: another act's time ("announced a deployment in the wake of the attack
                          # in Baghdad", "on the eve of the vote in Kyiv")
                          "wake", "aftermath", "eve", "run-up", "heels",
                          # eighteenth round: "killed on the anniversary of the attacks in New York"
                          "anniversary"})


def _own_phrases(tokens: Sequence[Token], trigger: int, *, subject: bool = True) -> set[int]:
    """The trigger and every word of its phrase that is not in a clause of its own: its objects, their
    prepositional phrases and their objects ("met with world leaders in China", "burned offices ... in Suez"),
    never through a phrase of another act or a reason ("in retaliation for airstrikes in Iraq").
    subject: False leaves the trigger's subject out."""
    keep, todo = {trigger}, [trigger]
    while todo:
        h = todo.pop()
        for t in tokens:
            if h == trigger and t.dep == "nsubj" and (not subject or t.pos == "PROPN"
                                                      or t.lemma.lower() in SEATED_NOUNS):
                continue  # (an actor named with its seat: "the government in Quito cut off ...")
            if t.dep == "prep" and t.lower in OTHER_ACT_PREPS or t.dep == "pobj" and t.lemma.lower() in REASON_NOUNS:
                continue
            # a common-noun apposition describes its noun ("the killing of Soleimani, a hero for his work in Iraq");
            # a name qualifies it ("at Fort Hood, Texas")
            # the parties of a "between" phrase are all of it ("a clash between Turkish troops and Kurdish groups in
            # Syria", "a meeting between the king, the envoy and the minister in Amman": sixteenth round)
            nominal = t.dep == "conj" and t.pos in ("NOUN", "PROPN") and _between_party(tokens, h)
            # coordinated prepositions are one phrase ("positions in and around the Mosul Dam": seventeenth round)
            nominal = nominal or (t.dep == "conj" and t.pos == "ADP" and tokens[h].pos == "ADP"
                                  and not _in_topic(tokens, h, trigger))
            if t.head == h and t.i != h and t.i not in keep and (t.dep not in _OWN_CLAUSE_DEPS or nominal) \
                    and not (t.dep == "appos" and t.pos == "NOUN"):
                keep.add(t.i)
                todo.append(t.i)
    return keep


_TOPIC_PREPS = frozenset({"about", "on", "over", "regarding", "concerning"})


def _under_prep(tokens: Sequence[Token], i: int, top: int, preps: frozenset[str]) -> bool:
    """Is token `i` inside a phrase of one of `preps` below `top`?"""
    seen = set()
    while i != top and i not in seen and tokens[i].head != i:
        seen.add(i)
        if tokens[i].dep == "prep" and tokens[i].lower in preps:
            return True
        i = tokens[i].head
    return False


def _in_topic(tokens: Sequence[Token], i: int, top: int) -> bool:
    """Is token `i` inside a topic phrase below `top` ("spoke about operations in and around Gaza")?"""
    return _under_prep(tokens, i, top, _TOPIC_PREPS)


_ABOUT_PREPS = frozenset({"about", "regarding", "concerning"})
_MEETING_VERBS = frozenset({"meet", "convene", "gather"})


def _about(tokens: Sequence[Token], i: int, top: int) -> bool:
    """Is token `i` inside an "about", "regarding" or "concerning" phrase below `top` ("a call about a deal in
    Ghana")? Not "on" or "over", which may be where ("met on the sidelines of the summit in X")."""
    return _under_prep(tokens, i, top, _ABOUT_PREPS)


def _between_party(tokens: Sequence[Token], i: int) -> bool:
    """Is token `i` a party named in a "between" phrase (the first one or a conjunct of it)?"""
    seen = {i}
    while tokens[i].dep == "conj" and tokens[i].head not in seen:
        i = tokens[i].head
        seen.add(i)
    return tokens[i].dep == "pobj" and tokens[tokens[i].head].lower == "between"


def _heads_above(tokens: Sequence[Token], i: int) -> set[int]:
    """Every token above `i` on its path to the root."""
    out = set()
    while tokens[i].head != i and tokens[i].head not in out:
        i = tokens[i].head
        out.add(i)
    return out


def _clause_of(tokens: Sequence[Token], trigger: int) -> int:
    """The verb heading the trigger's clause, through conjuncts and infinitive complements."""
    i = trigger
    while tokens[i].pos not in ("VERB", "AUX") and tokens[i].head != i:
        i = tokens[i].head
    seen = {i}
    while tokens[i].dep in ("conj", "xcomp") and tokens[i].head not in seen:
        i = tokens[i].head
        seen.add(i)
    return i


# Acts that take a place from their objects' phrases ("met with leaders in China", "burned offices in Suez");
# sanctions and speech acts are about their objects, not located by them.
WIDE_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONSULT", "AID", "RETREAT", "COOPERATE"})


def wider_place(tokens: Sequence[Token], trigger: int, here: Sequence[PlaceMention], actor_heads: set[int], *,
                 event_type: str = "") -> tuple[Place, str] | None:
    """A place the parse did not attach to the trigger itself, in this order: a locative phrase inside the
    trigger's own phrases ("met with world leaders in China"); the noun a "where" clause describes ("Syria, where
    it funded both sides"); the destination of a visit ("his welcome to Beijing", "jetted off to Brussels to deliver
    a message"); a locative phrase that opens the sentence and sets its scene ("In the capital Cairo, security
    forces ..."), for acts not reported by someone else in a clause of their own."""
    everything = [m for m in here if m.place is not None]
    usable = [m for m in everything if in_place_phrase(tokens, m) or occasion_preposition(tokens, m) or (
        m.head not in actor_heads and not any(m.start <= h < m.end for h in actor_heads))]
    clause = _clause_of(tokens, trigger)
    mover = trigger if tokens[trigger].lemma.lower() in VISIT_NOUNS | MOVEMENT_LEMMAS else None
    if mover is None and tokens[clause].dep in ("xcomp", "advcl") and \
            tokens[tokens[clause].head].lemma.lower() in MOVEMENT_LEMMAS:
        mover = tokens[clause].head  # "flew to Brussels to carry an urgent message"
    noun = tokens[trigger]
    if mover is None and noun.pos == "NOUN" and noun.dep in ("dobj", "nsubjpass") and \
            tokens[noun.head].lemma.lower() in MOVEMENT_LEMMAS:
        mover = noun.head  # "moved weapons and troops to western Syria": the noun's verb moves them (fifteenth round)
        # ("thousands of soldiers were dispatched to Chicago", in the passive: nineteenth round)
    if mover is not None and hands_over(tokens, mover, {m.head for m in here}):
        mover = None  # "returned the city to China": the new owner, not a destination
    if mover is not None:  # a visit's place is the place visited, even when it is also the recipient
        for m in everything:
            prep, _ = governing_preposition(tokens, m.head)
            if prep is not None and prep.lower == "to" and attach_point(tokens, prep) in (mover, trigger):
                return m.place, f"destination 'to {m.text}' of {tokens[mover].text!r}; {m.reason}"
    stay = stay_place(tokens, trigger, everything, event_type) or round_place(tokens, trigger, everything) \
        or arrival_place(tokens, trigger, everything) or presence_place(tokens, trigger, everything)
    if not usable:
        return stay
    # A speech act's objects say what it is about ("should impose a no-fly zone in Syria"): only acts on things
    # and meetings take a place from their objects' phrases.
    own = _own_phrases(tokens, trigger) if event_type in WIDE_PLACE_TYPES else {trigger}
    if tokens[trigger].pos in ("NOUN", "PROPN"):  # "the talks that continue in Geneva"
        for t in tokens:
            # not a content clause with its own subject: "evidence the regime used chemical weapons in Syria"
            if t.head == trigger and t.dep in ("relcl", "acl") and not _content_clause(tokens, t.i):
                own |= _own_phrases(tokens, t.i)
        noun = tokens[trigger]
        if noun.dep == "pobj" and tokens[noun.head].lower == "of" and \
                tokens[tokens[noun.head].head].pos == "NOUN":  # "a barrage of airstrikes in Syria"
            noun = tokens[tokens[noun.head].head]
            if event_type in WIDE_PLACE_TYPES:
                own |= _own_phrases(tokens, noun.i)
        light = tokens[noun.head]  # "conducted airstrikes on a staging area in eastern Syria"
        if noun.dep == "dobj" and light.lemma.lower() in LIGHT_LEMMAS and event_type in WIDE_PLACE_TYPES:
            own |= _own_phrases(tokens, light.i, subject=False)
    for t in tokens:  # "finalized and approved the agreement at a summit in Brussels": conjuncts share phrases,
        # unless one is a clause of its own ("after Trump withdrew from the deal and Iran fired missiles into Israel")
        if t.pos == "VERB" and ((t.dep == "conj" and t.head == trigger and not _own_subject(tokens, t.i)
                                 and not _own_time(tokens, trigger, t.i)) or
                                (tokens[trigger].dep == "conj" and t.i == tokens[trigger].head
                                 and not _own_subject(tokens, trigger))):
            # a conjunct's own object and that object's phrases are its own ("pulled out of the deal, and made
            # gains against the Islamic State in Iraq"): only the phrases on the verb itself are shared
            objects = {c.i for c in tokens if c.head == t.i and c.dep == "dobj"} if t.i != trigger else set()
            own |= {i for i in _own_phrases(tokens, t.i, subject=False) if i > trigger and tokens[i].dep != "dobj"
                    and not objects & _heads_above(tokens, i)}
            if t.i != trigger and t.i < trigger:  # "had split with its partners in Vienna and demanded guarantees",
                # "held talks in Warsaw and promised more aid": an earlier conjunct's object that is an occasion
                # or the act itself, and its phrases, are the occasion the later act is done in
                if any(tokens[o].lemma.lower() in EVENT_OBJECTS or tokens[o].lower in EVENT_OBJECTS for o in objects):
                    own |= _own_phrases(tokens, t.i, subject=False)  # ("gave a speech in Warsaw and called for")
                elif t.lemma.lower() in _MEETING_VERBS and not _time_of_its_own(tokens, trigger):
                    # a meeting told by its verb, on the verb itself (nineteenth round: "met in Oslo on Monday and
                    # signed an accord"; not its object's phrase, "met the rebels in Idlib and demanded")
                    own |= {i for i in _own_phrases(tokens, t.i, subject=False) if tokens[i].dep != "dobj"
                            and not objects & _heads_above(tokens, i)}
    for m in usable:
        prep, how = governing_preposition(tokens, m.head)
        if prep is None or prep.lower not in LOCATIVE or prep.lower in ("on", "over") or m.head not in own:
            continue
        if _about(tokens, m.head, trigger):
            continue  # "a conversation about talks over a deal in Ghana": the topic's place (nineteenth round)
        point = tokens[attach_point(tokens, prep)]
        return m.place, (f"locative '{prep.text} {m.text}' on {point.text!r}, in the phrase of "
                         f"{tokens[trigger].text!r}; {m.place.reason or m.reason}")
    if stay is not None:  # "met on his first visit to Norway", "killed while patrolling the town of X" (sixteenth round)
        return stay
    purpose = purpose_place(tokens, trigger, usable) if event_type in _PURPOSE_TYPES else None
    if purpose is not None:
        return purpose
    site = _site_where(tokens, trigger, usable)
    if site is not None:
        return site
    if tokens[clause].dep == "relcl" and any(t.head == clause and t.lower == "where" for t in tokens):
        noun = tokens[clause].head
        for m in usable:
            if m.start <= noun < m.end:
                return m.place, f"the act is in a 'where' clause on {m.text!r}; {m.reason}"
        # "Wednesday's White House meeting, where she refused", "a press conference in Cairo where he met": the
        # noun the clause describes is placed by a name before it (not a country: "the U.S. embassy, where") or
        # by a locative phrase on it
        for m in usable:
            prep, how = governing_preposition(tokens, m.head)
            named = how == "compound" and tokens[m.head].head == noun and m.place.feature_type != "country"
            if named or (prep is not None and prep.lower in PLACE_PHRASE_PREPS and attach_point(tokens, prep) == noun):
                return m.place, (f"the act is in a 'where' clause on {tokens[noun].text!r}, which {m.text!r} "
                                 f"places; {m.reason}")
    inside = occasion_clause(tokens, clause, usable) or trip_act(tokens, trigger, usable)
    if inside is not None:
        return inside
    root = next((t for t in tokens if t.head == t.i), None)
    if root is None or _under_report(tokens, trigger, root.i) or governs_another_act(
            tokens, trigger, material=event_type in _MATERIAL_TYPES):  # "In Berlin, police announced the arrest"
        return None
    subject = min((t.i for t in tokens if t.head == root.i and t.dep in ("nsubj", "nsubjpass", "expl")),
                  default=root.i)
    for m in usable:
        prep, _ = governing_preposition(tokens, m.head)
        prep = prep or occasion_preposition(tokens, m)  # "At the White House press conference, ..."
        if prep is None or prep.lower not in LOCATIVE or prep.i > subject or prep.i > root.i:
            continue
        top = _opening_phrase(tokens, prep.i, root.i)
        if top is not None:
            return m.place, f"'{prep.text} {m.text}' opens the sentence and sets the scene; {m.reason}"
    return None


_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose", "what"})


def _content_clause(tokens: Sequence[Token], verb: int) -> bool:
    """A clause on a noun with a subject of its own ("evidence [that] the regime used ..."), not a relative
    clause whose subject is the noun ("the talks that continue ...")."""
    return any(t.head == verb and t.dep in ("nsubj", "nsubjpass") and t.lower not in _RELATIVE_PRONOUNS
               for t in tokens)


def _own_time(tokens: Sequence[Token], verb: int, later: int) -> bool:
    """Does `verb` have a time of its own before its later conjunct `later` ("pleaded guilty in February and
    testified in Virginia", "resigned on Monday and flew to Paris")? Then the two are acts at different times,
    and the later one's phrases do not place the first (seventeenth round)."""
    for c in tokens:
        if c.head != verb or not verb < c.i < later:
            continue
        if c.dep == "npadvmod" and c.ent_type == "DATE":
            return True
        if c.dep == "prep" and any(o.head == c.i and o.dep == "pobj" and o.ent_type == "DATE" for o in tokens):
            return True
    return False


_LATER_WORDS = frozenset({"later", "then", "afterwards", "afterward", "subsequently", "since", "eventually"})


def _time_of_its_own(tokens: Sequence[Token], verb: int) -> bool:
    """Does the later conjunct `verb` have a time of its own ("met in Oslo in May and later rejected the plan",
    "... and on Friday signed")? Then it was done after the meeting, not at it."""
    for c in tokens:
        if c.head != verb:
            continue
        if c.dep == "advmod" and c.lower in _LATER_WORDS or c.dep == "npadvmod" and c.ent_type == "DATE":
            return True
        if c.dep == "prep" and any(o.head == c.i and o.dep == "pobj" and o.ent_type == "DATE" for o in tokens):
            return True
    return False


def _own_subject(tokens: Sequence[Token], verb: int) -> bool:
    """A clause of its own: a subject and an object ("and Iran fired missiles into Israel"); not a gapped passive
    ("51 people were killed and dozens wounded in the city of Gaziantep")."""
    kids = [t.dep for t in tokens if t.head == verb]
    return any(d in ("nsubj", "nsubjpass") for d in kids) and "dobj" in kids


# Nouns of a site an act is done at ("inspectors investigated the site where ... happened outside of Damascus").
SITE_NOUNS = frozenset({"site", "scene", "area", "place", "spot", "location", "town", "village", "city", "building"})
# Acts done at their object ("condemned the village where ..." is not done there).
SITE_VERBS = frozenset({
    "investigate", "inspect", "visit", "search", "tour", "examine", "raid", "attack", "storm", "shell", "bomb",
    "seize", "occupy", "secure", "reach", "enter", "clear", "patrol", "evacuate", "surround", "capture",
})


# Acts on ground a material act is done for ("launched airstrikes to help defend the city of Irbil", "used tear gas
# to clear two protest camps in Cairo", "began an offensive to recapture Mosul"): the ground is where it is done.
_GROUND_VERBS = frozenset({
    "defend", "protect", "clear", "secure", "recapture", "retake", "capture", "seize", "liberate", "free",
    "disperse", "storm", "besiege", "encircle", "surround",
})
_PURPOSE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID", "RETREAT"})  # acts on things


def purpose_place(tokens: Sequence[Token], trigger: int, usable: Sequence[PlaceMention]) -> tuple[Place, str] | None:
    """The ground a material act's purpose infinitive acts on (fifteenth round): its object when a place ("to
    recapture Mosul"), the place "of" its settlement noun ("to defend the city of Irbil") or the locative phrase on
    its object ("to clear two protest camps in Cairo"). The infinitive hangs on the noun trigger, on the verb that
    governs it, or on the trigger verb itself; "to help defend" is read through "help"."""
    noun = tokens[trigger]
    while noun.dep == "conj" and noun.head != noun.i:  # "used armored cars, bulldozers, tear gas and ..."
        noun = tokens[noun.head]
    holders = {trigger, noun.i} | ({noun.head} if noun.dep == "dobj" else set())
    clauses = [t.i for t in tokens if t.head in holders and t.head != t.i and t.dep in ("xcomp", "advcl", "relcl", "acl")
               and t.pos == "VERB" and any(c.head == t.i and c.dep == "aux" and c.lower == "to" for c in tokens)]
    clauses += [t.i for t in tokens if t.head in clauses and t.dep == "xcomp" and t.pos == "VERB"]
    for verb in clauses:
        if tokens[verb].lemma.lower() not in _GROUND_VERBS:
            continue
        for m in usable:
            tok = tokens[m.head]
            prep, _ = governing_preposition(tokens, m.head)
            obj = tok if tok.dep == "dobj" else (tokens[prep.head] if prep is not None else None)
            if obj is None or obj.dep != "dobj" or obj.head != verb:
                continue
            if obj is tok or prep.lower in PLACE_PHRASE_PREPS or (prep.lower == "of" and obj.lower in SETTLEMENT_NOUNS):
                return m.place, (f"'{tokens[verb].text} {m.text}' is the ground {tokens[trigger].text!r} is done "
                                 f"for; {m.reason}")
    return None


def _site_where(tokens: Sequence[Token], trigger: int, usable: Sequence[PlaceMention]) -> tuple[Place, str] | None:
    """The place of a site the act is done at, told by a "where" clause on it: "investigating the site where the
    massacre happened outside of Damascus", "visited the village where the clashes broke out near Kherson"."""
    if tokens[trigger].lemma.lower() not in SITE_VERBS:
        return None
    for obj in tokens:
        if obj.head != trigger or obj.dep != "dobj" or obj.lemma.lower() not in SITE_NOUNS:
            continue
        for rel in tokens:
            if rel.head != obj.i or rel.dep != "relcl" or not any(
                    t.head == rel.i and t.lower == "where" for t in tokens):
                continue
            for m in usable:
                prep, _ = governing_preposition(tokens, m.head)
                if prep is not None and prep.lower in LOCATIVE and attach_point(tokens, prep) == rel.i:
                    return m.place, (f"{obj.text!r} is where {tokens[trigger].text!r} is done, and the 'where' "
                                     f"clause puts it '{prep.text} {m.text}'; {m.reason}")
    return None


def _opening_phrase(tokens: Sequence[Token], i: int, root: int) -> int | None:
    """The phrase on the root that token `i` opens, through nested phrases ("On the ground in Ukraine, ...") and
    an opening participle ("Speaking at the Great Hall of the People, Trump ..."); None when it hangs elsewhere,
    or inside a phrase of another act or time ("After a surge in Kabul, he pledged ...", "In the wake of the attacks
    in Paris, ...": sixteenth round)."""
    seen = set()
    while i not in seen:
        seen.add(i)
        tok = tokens[i]
        if tok.dep == "prep" and tok.lower in OTHER_ACT_PREPS or tok.dep == "pobj" and tok.lemma.lower() in REASON_NOUNS:
            return None
        if tok.head == root:
            return i if tok.dep == "prep" or (tok.dep == "advcl" and tok.tag == "VBG") else None
        if tok.dep not in ("prep", "pobj", "advcl", "pcomp") or tok.head == tok.i:
            return None
        i = tok.head
    return None


def _under_report(tokens: Sequence[Token], trigger: int, root: int) -> bool:
    """True when the trigger sits in a clause that another act reports ("said Russia attacked ...") or in a
    relative clause about someone ("a leader who ordered attacks")."""
    i, seen = trigger, set()
    while i != root and i not in seen:
        seen.add(i)
        if tokens[i].dep in ("ccomp", "parataxis", "relcl"):
            return True
        i = tokens[i].head
    return False


# (OCCASION_NOUNS, the occasions an act can be done inside, are in place_modifiers.py.)
_INSIDE_PREPS = frozenset({"in", "at", "during"})
# ... and attacks (fifteenth round): "the assault in Benghazi, in which four Americans were killed".
_INSIDE_NOUNS = OCCASION_NOUNS | ATTACK_NOUNS
# Objects that name the act of their verb rather than a thing it is done to: an occasion, "broke ranks", "took part".
EVENT_OBJECTS = OCCASION_NOUNS | frozenset({"rank", "ranks", "part"})


def occasion_clause(tokens: Sequence[Token], clause: int, usable: Sequence[PlaceMention]) -> tuple[Place, str] | None:
    """The place of an occasion the act is done in, told by an "in which", "at which" or "during which" clause on
    it: a locative phrase or a name on the occasion ("talks in Vienna, in which she urged ...", "the Helsinki
    summit, at which ..."), or the place visited for it ("visited Beijing for talks with Xi, in which Trump
    urged ..."). Not an agreement or a document ("the Paris accord, in which countries agreed"): only
    occasions."""
    tok = tokens[clause]
    if tok.dep != "relcl" or not any(
            p.head == clause and p.dep == "prep" and p.lower in _INSIDE_PREPS
            and any(w.head == p.i and w.lower == "which" for w in tokens) for p in tokens):
        return None
    noun, chain = tok.head, {tok.head}  # the parse may hang the clause on a word of the occasion's phrase
    while tokens[noun].lemma.lower() not in _INSIDE_NOUNS and tokens[noun].lower not in _INSIDE_NOUNS \
            and len(chain) < 5 and tokens[noun].dep in ("pobj", "prep") and tokens[noun].head != noun:
        noun = tokens[noun].head
        chain.add(noun)
    if tokens[noun].lemma.lower() not in _INSIDE_NOUNS and tokens[noun].lower not in _INSIDE_NOUNS:
        return None
    word = next(p.text for p in tokens if p.head == clause and p.dep == "prep" and p.lower in _INSIDE_PREPS)
    for m in usable:
        prep, how = governing_preposition(tokens, m.head)
        named = how == "compound" and tokens[m.head].head == noun and m.place.feature_type != "country"
        if named or (prep is not None and prep.lower in PLACE_PHRASE_PREPS and attach_point(tokens, prep) in chain):
            return m.place, (f"the act is in a '{word} which' clause on {tokens[noun].text!r}, which {m.text!r} "
                             f"places; {m.reason}")
    # "visited Beijing for extensive talks with Xi": the occasion is the purpose of a visit
    owner = tokens[noun]
    if owner.dep == "pobj" and tokens[owner.head].lower == "for":
        verb = tokens[tokens[owner.head].head]
        if verb.lemma.lower() in VISIT_VERBS:
            for m in usable:
                prep, how = governing_preposition(tokens, m.head)
                visited = how == "dobj" and tokens[m.head].head == verb.i and verb.lemma.lower() != "travel"
                went = prep is not None and prep.lower == "to" and attach_point(tokens, prep) == verb.i
                if visited or went:
                    return m.place, (f"the act is in a '{word} which' clause on {owner.text!r}, held where "
                                     f"{verb.text!r} went ({m.text!r}); {m.reason}")
    return None


VISIT_VERBS = frozenset({"visit", "travel", "fly", "go", "come", "arrive", "head", "jet", "tour"})


# Verbs that end a stay: an act done "after" or "by" doing it, or "with" it, on the way out, was done there.
_END_LEMMAS = frozenset({"wrap", "end", "conclude", "finish", "complete", "close", "cap", "round", "wind"})
_STAYS = frozenset({"visit", "trip", "tour", "journey", "stay", "stopover", "mission"})


def trip_act(tokens: Sequence[Token], trigger: int, usable: Sequence[PlaceMention]) -> tuple[Place, str] | None:
    """The place of a stay an act closed: "wrapped up a four-day trip to Pyongyang after meeting with party
    leaders", "ended her visit to Kyiv by laying a wreath", "concluded his tour of Asia with talks". Not a stay
    announced, planned or begun ("announced a trip to Kyiv after meeting the president")."""
    tok = tokens[trigger]
    verb = None
    if tok.dep in ("pcomp", "pobj") and tokens[tok.head].lower in ("after", "by", "with") \
            and tokens[tok.head].dep == "prep":
        verb = tokens[tokens[tok.head].head]
    elif tok.dep == "advcl" and any(c.head == trigger and c.dep == "mark" and c.lower in ("after", "by")
                                    for c in tokens):
        verb = tokens[tok.head]
    if verb is None or verb.lemma.lower() not in _END_LEMMAS:
        return None
    stays = [c.i for c in tokens if c.head == verb.i and c.dep == "dobj" and c.lemma.lower() in _STAYS]
    for m in usable:
        prep, _ = governing_preposition(tokens, m.head)
        if prep is not None and prep.lower in ("to", "in", "of") and attach_point(tokens, prep) in stays:
            stay = tokens[attach_point(tokens, prep)]
            return m.place, (f"{tok.text!r} is done on the {stay.text} '{prep.text} {m.text}' that "
                             f"{verb.text!r} ends; {m.reason}")
    return None

