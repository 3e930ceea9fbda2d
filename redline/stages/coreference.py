"""Coreference within one article for the actors stage: pronouns, bare surnames, definite titles, "the two
leaders", appositions, and the country the article is about.

The actors stage (stages/actors.py) records every resolved mention in a `Memory` as it goes through the article
and asks these functions who a later pronoun, surname or title means. Every answer keeps the first mention's
entity and says why in its reason ("coreference: ..."); when the text does not settle it, the mention stays
unresolved with a reason (never a guess).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..knowledge.actor_people import APPOSITION_ROLE
from ..records import Entity, Mention, Sentence, Token
from .article_country import ranked
from .coreference_binding import coarguments, named_in
from .reported_speech import SPEECH_VERBS

PRONOUN_WINDOW = 3  # sentences back a pronoun may reach for its antecedent
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}
THING_PRONOUNS = frozenset({"its", "itself"})
OBJECT_PRONOUNS = frozenset({"him", "her"})  # as objects they cannot be their own clause's subject
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "pobj"})
# Singular words for a member of a body (group agent words) that, definite, name one earlier person like a title
# ("Sen. John McCain ... the longtime senator"), with the word their office is written with in people.csv.
MEMBER_TITLES = {"senator": "senator", "congressman": "representative", "congresswoman": "representative",
                 "general": "general", "judge": "judge", "prosecutor": "prosecutor", "commander": "commander"}
# Office words the press uses for another office's title: "the premier" after "Prime Minister Jane Roe".
OFFICE_SYNONYMS = {"premier": ("premier", "prime minister")}
# Words in a noun phrase that say a person is a man or a woman ("Mr. Cummings", "the spokeswoman").
GENDER_WORDS = {
    "mr": "m", "mr.": "m", "sir": "m", "king": "m", "prince": "m", "emir": "m", "sultan": "m", "sheikh": "m",
    "spokesman": "m", "congressman": "m", "chairman": "m", "businessman": "m", "policeman": "m", "herr": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f", "queen": "f",
    "princess": "f", "spokeswoman": "f", "congresswoman": "f", "chairwoman": "f", "businesswoman": "f",
    "policewoman": "f", "frau": "f", "mme": "f", "mme.": "f", "first lady": "f",
}
# Verbs whose subject "it" is usually no party ("it seems", "it takes", "it is time").
IMPERSONAL_VERBS = frozenset({"be", "seem", "appear", "happen", "take", "matter", "mean", "remain", "become",
                              "look", "sound", "feel", "cost", "rain", "snow", "follow", "come", "go", "get",
                              "make", "help", "depend", "include", "contain", "show", "suggest"})
# Entry kinds that can be "it": a state, its capital or seat of power, an organisation or a named group.
IT_KINDS = frozenset({"country", "capital", "metonym", "igo", "ngo", "group"})


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A mention earlier in the article that a later pronoun, surname or title may point back to."""

    sentence: int
    head: int
    text: str
    entity: Entity
    subj: bool
    gender: str | None = None  # "m", "f" or None (unknown)


@dataclass(slots=True)
class Memory:
    """What earlier mentions in the article resolved to, for coreference (mutable, local to one document)."""

    people: list[Antecedent] = field(default_factory=list)
    things: list[Antecedent] = field(default_factory=list)  # countries and organisations
    countries: Counter = field(default_factory=Counter)  # country code -> times named so far (title included)
    previous: tuple[Sentence | None, tuple[Mention, ...]] = (None, ())  # the sentence before and its mentions
    agents: list = field(default_factory=list)  # (agent word, coreference_definite.AgentMention) with a code
    mains: set = field(default_factory=set)  # (sentence, head) of the subjects of sentences' main verbs
    here: frozenset = frozenset()  # codes of the countries and capitals the current sentence places things "in"
    posts: list = field(default_factory=list)  # (post word, Mention) of diplomatic posts with a code (actor_posts)
    holders: list = field(default_factory=list)  # (sentence, country) of office holders named (at_home)

    def held(self, before: int) -> Counter:
        return Counter(code for sentence, code in self.holders if sentence < before)

    def article_country(self, *, strict: bool = False, at_home: int | None = None) -> str | None:
        """The country the article is about, once the text has fixed it: named at least twice (three times when
        strict) and at least twice (three times) as often as any other country. at_home: for agents that act
        at home ("police"; the index of its sentence), a territory's own state is no rival ("Hong Kong" against
        "China"), and office holders named in earlier sentences count for their country ("President Trump")."""
        found = ranked(self.countries + self.held(at_home) if at_home is not None else self.countries,
                       territories=at_home is not None)
        if found is None:
            return None
        need = 3 if strict else 2
        top, n, second = found
        return top if n >= need and n >= need * second else None


def phrase_gender(toks: Sequence[Token], start: int, end: int) -> str | None:
    """'m' or 'f' when a word of the phrase says so ("Mr.", "Mrs.", "spokeswoman", "Queen"); None otherwise."""
    found = {GENDER_WORDS[toks[i].lower] for i in range(start, end) if toks[i].lower in GENDER_WORDS}
    return found.pop() if len(found) == 1 else None


def corefer(e: Entity, text: str, why: str) -> Entity:
    return dataclasses.replace(e, entity_text=text, reason=f"coreference: {why}; {e.reason}")


def remember(memory: Memory, mention: Mention, subj: bool, root: Entity | None = None, *,
             person: bool = False, plural: bool = False, gender: str | None = None) -> None:
    """Record a mention for coreference; coreferent mentions keep the entity (and reason) of their first mention.

    person: a named person even when unresolved, so that "he" after "John Smith" does not jump back to an
    earlier known person. gender: what the text or the knowledge base says of the person ("m", "f").
    """
    e = root or mention.entity
    if mention.kind in ("name", "surname") and e.code and e.office and (e.entry or "").startswith("person:"):
        memory.holders.append((mention.sentence, e.code))  # "President Trump": his country, for agents at home
    item = Antecedent(mention.sentence, mention.head, mention.text, e, subj, gender)
    if person:
        memory.people.append(item)
        return
    if e.code is None:
        return
    if mention.kind == "agent":
        if e.office and not plural:  # a titled unnamed official ("the Russian envoy") can be "he" later
            memory.people.append(item)
    elif e.entry and e.entry.startswith("person:") or (e.identifier_text and mention.kind == "name" and e.office):
        memory.people.append(item)
    elif mention.kind in ("name", "metonym") and e.entry and not e.entry.startswith("agent:"):
        memory.things.append(item)


def apposition(mention: Mention, t: Token, before: Sequence[Mention]) -> Mention:
    """'Dmitry Peskov, the Kremlin spokesman, said': the title phrase is the named person it stands beside."""
    for m in before:
        if m.head == t.head and m.entity.entry and m.entity.entry.startswith("person:"):
            e = m.entity
            root = dataclasses.replace(e, entity_text=mention.text,
                                       reason=f"coreference: apposition '{mention.text}' -> '{m.text}'; {e.reason}")
            return dataclasses.replace(mention, entity=root, kind="title", antecedent=(m.sentence, m.head))
    return mention


def role_from_apposition(title: Mention, name: Mention, memory: Memory) -> Mention | None:
    """'Michel Barnier, the EU's chief negotiator' (or 'the EU's chief negotiator, Michel Barnier'): a known person
    who held no listed office on the date takes the role the title beside them gives (its code, sector and
    office), and stays who they are; the coreference memory is updated, so a later 'Barnier' is the negotiator
    too. None when the knowledge base knows a role on the date or the title names no country or organisation."""
    e, role = name.entity, title.entity
    if not (e.entry and e.entry.startswith("person:")) or e.sector is not None or role.code is None \
            or role.sector is None or title.kind not in ("agent", "title"):
        return None
    ent = dataclasses.replace(e, code=role.code, sector=role.sector, office=role.office or e.office,
                              reason=f"apposition '{title.text}' {APPOSITION_ROLE} ({role.reason}); the person: "
                              f"{e.reason}")
    memory.people = [dataclasses.replace(p, entity=ent) if (p.sentence, p.head) == (name.sentence, name.head)
                     else p for p in memory.people]
    return dataclasses.replace(name, entity=ent)


def title_before_name(name: Mention, t: Token, out: list[Mention]) -> None:
    """'the spokesman, Jay Carney, said': an unresolved title phrase is the known person named beside it, in
    apposition after it. Updates `out` in place."""
    e = name.entity
    if not (e.entry and e.entry.startswith("person:")):
        return
    for k, m in enumerate(out):
        if m.head == t.head and m.kind == "agent" and m.entity.code is None:
            root = dataclasses.replace(e, entity_text=m.text,
                                       reason=f"coreference: apposition '{name.text}' names '{m.text}'; {e.reason}")
            out[k] = dataclasses.replace(m, entity=root, kind="title", antecedent=(name.sentence, name.head))
            return


def name_from_apposition(title: Mention, t: Token, out: list[Mention], memory: Memory) -> None:
    """'Emily Thornberry, Britain's shadow foreign secretary, said': a person the knowledge base does not know
    is who the title beside them says (country, sector, office); the name keeps its text. Updates `out` and the
    coreference memory in place."""
    if title.entity.code is None:
        return
    for k, m in enumerate(out):
        if m.head != t.head or m.entity.code is not None or m.kind != "name":
            continue
        e = title.entity
        named = dataclasses.replace(e, entity_text=m.text, identifier_text=m.entity.identifier_text or m.text,
                                    entry=None, reason=f"apposition '{title.text}' names who '{m.text}' is; {e.reason}")
        out[k] = dataclasses.replace(m, entity=named)
        memory.people = [dataclasses.replace(p, entity=named) if (p.sentence, p.head) == (m.sentence, m.head) else p
                         for p in memory.people]
        return


def pronoun(t: Token, sent: Sentence, text: str, start: int, end: int, memory: Memory,
            before: Sequence[Mention] = ()) -> tuple:
    """(mention, antecedent) for he/she/his/its/it...; () for pronouns we do not resolve (I, we, they, ...)."""
    w = t.lower
    if w.endswith("self") and t.head != t.i and t.dep != "pobj" and t.dep != "dobj":
        return ()  # emphatic "the president himself": the noun is the mention
    if w == "it":
        return _it(t, sent, text, start, end, memory, before)
    if w in PERSON_PRONOUNS:
        gender = PRONOUN_GENDER[w]
        pool = [p for p in memory.people if p.gender in (None, gender)]
        label = "person"
    elif w in THING_PRONOUNS:
        above, how = clause_subject(t, sent.tokens), "the subject of its clause"
        if above is None:  # "the Dutch army said, its jets dropped 12 bombs": the reporting speaker
            above, how = _parenthetical_speaker(t, sent.tokens), "the speaker of the aside that reports its clause"
        if above is not None:  # "Russia said its army would stay"; "The report said its findings ..." (no party)
            return _its_subject(t, sent, text, start, end, above, before, how)
        pool = memory.things
        label = "country or organisation"
    else:
        return ()
    other = " (the others are known to be of the other gender)" if w in PERSON_PRONOUNS and len(pool) < len(
        memory.people) else ""
    window = PRONOUN_WINDOW if w in PERSON_PRONOUNS else 1  # "its" with no subject above: this or the last sentence
    recent = [p for p in pool if p.sentence >= sent.index - window
              and not (p.sentence == sent.index and p.head > t.i)]
    if not recent:
        return (Mention(sent.index, start, end, t.i, text,
                        Entity(entity_text=text, code=None, reason=f"pronoun '{t.text}' has no {label} antecedent "
                               f"in the {PRONOUN_WINDOW} sentences before{other}"), "pronoun"), None)
    note = ""
    if w in PERSON_PRONOUNS and not w.endswith("self"):
        # "his criticism of Trump", "by inviting Netanyahu, he turned ...": not the person named as the object
        # of its own noun or verb (or of a subjectless phrase whose doer it is)
        others = coarguments(t, sent.tokens)
        if others:
            kept = [p for p in recent if not named_in(p, others, sent)]
            if len(kept) < len(recent):
                note = "; not " + ", ".join(sorted({f"'{p.text}'" for p in recent if p not in kept})) + \
                    ", named as the object of its own clause"
                recent = kept
        if not recent:
            return (Mention(sent.index, start, end, t.i, text,
                            Entity(entity_text=text, code=None, reason=f"pronoun '{t.text}' has no {label} "
                                   f"antecedent in the {PRONOUN_WINDOW} sentences before{other}{note}"), "pronoun"),
                    None)
    if w in PERSON_PRONOUNS:
        # within the sentence, syntax decides first: "Trump blamed his own predecessors", "Putin said he would"
        # point to the subject of the clause above; "Trump praised him" cannot (the object is someone else)
        above = clause_subject(t, sent.tokens)
        bound = [p for p in recent if p.sentence == sent.index and p.head == above]
        if w in OBJECT_PRONOUNS and t.dep in OBJECT_DEPS:
            who = {identity(p) for p in bound}
            recent = [p for p in recent if identity(p) not in who]
            higher = _speaker_above(t, above, sent.tokens) if not bound else None
            speaker = [p for p in recent if p.sentence == sent.index and p.head == higher]
            if speaker:
                # "Kim said Trump's remarks had convinced him": its own clause's subject is no person, so the
                # subject of the clause above (the one who says it) is who it is
                pick = speaker[-1]
                ent = corefer(pick.entity, text, f"'{t.text}' -> '{pick.text}', the subject of the clause above "
                              f"its own, whose subject is no person (sentence {pick.sentence}){note}")
                return (Mention(sent.index, start, end, t.i, text, ent, "pronoun", (pick.sentence, pick.head)), pick)
        elif bound:
            pick = bound[-1]
            ent = corefer(pick.entity, text, f"'{t.text}' -> '{pick.text}', the subject of its clause "
                          f"(sentence {pick.sentence})")
            return (Mention(sent.index, start, end, t.i, text, ent, "pronoun", (pick.sentence, pick.head)), pick)
        if not recent:
            return (Mention(sent.index, start, end, t.i, text,
                            Entity(entity_text=text, code=None, reason=f"pronoun '{t.text}': the only {label} "
                                   "before it is the subject of its own clause, which an object pronoun cannot "
                                   "be"), "pronoun"), None)
    subjects = [p for p in recent if p.subj]
    same = [p for p in recent if p.sentence == sent.index]
    named = {p.entity.identifier_text or p.text for p in recent}
    if not (same or subjects) and len(named) > 1:
        return (Mention(sent.index, start, end, t.i, text,
                        Entity(entity_text=text, code=None, reason=f"pronoun '{t.text}': no subject antecedent in "
                               f"the {PRONOUN_WINDOW} sentences before and several people named "
                               f"({', '.join(sorted(named))}); not guessing"), "pronoun"), None)
    pick = (same or subjects or recent)[-1]
    if not same and subjects:
        # "Kim said Trump's remarks had convinced him. He added ...": of the subjects of the latest sentence that has
        # one, the subject of its main verb, not a person that owns a subordinate clause's subject
        mains = [p for p in subjects if p.sentence == pick.sentence and (p.sentence, p.head) in memory.mains]
        if mains and mains[-1] is not pick:
            pick, note = mains[-1], f"{note}, the subject of that sentence's main verb"
    ent = corefer(pick.entity, text, f"'{t.text}' -> '{pick.text}' (sentence {pick.sentence}){note}")
    return (Mention(sent.index, start, end, t.i, text, ent, "pronoun", (pick.sentence, pick.head)), pick)


def _its_subject(t: Token, sent: Sentence, text: str, start: int, end: int, above: int,
                 before: Sequence[Mention], how: str = "the subject of its clause") -> tuple:
    """'its' inside a clause with a subject: that subject when it is a state, organisation or singular body."""
    found = [m for m in before if m.head == above and m.sentence == sent.index]
    if len(found) == 1:
        m, e = found[0], found[0].entity
        kind = (e.entry or "").split(":")[0]
        party = (not e.office and not is_plural(sent.tokens[m.head])) if m.kind == "agent" else (
            kind in IT_KINDS and m.kind in ("name", "metonym"))
        if e.code is not None and party:
            ent = corefer(e, text, f"'{t.text}' -> '{m.text}', {how} (sentence {m.sentence})")
            return (Mention(sent.index, start, end, t.i, text, ent, "pronoun", (m.sentence, m.head)), None)
    subject = sent.tokens[above].text
    return (Mention(sent.index, start, end, t.i, text,
                    Entity(entity_text=text, code=None, reason=f"pronoun '{t.text}': the subject of its clause "
                           f"('{subject}') is no state or organisation we resolved"), "pronoun"), None)


def _parenthetical_speaker(t: Token, toks: Sequence[Token]) -> int | None:
    """The subject of a speech verb set into the clause of token t as an aside ("Overnight, the French military
    said, its aircraft dropped 16 bombs"; "its troops withdrew, the ministry said"), or None."""
    cur = t
    for _ in range(12):
        if cur.dep in ("relcl", "acl") and cur.i != t.i:
            return None
        if cur.head == cur.i:
            break
        cur = toks[cur.head]
    asides = [c for c in toks if c.head == cur.i and c.i != cur.i and c.dep == "parataxis"
              and c.lemma.lower() in SPEECH_VERBS]
    if len(asides) != 1:
        return None
    subj = [c.i for c in toks if c.head == asides[0].i and c.dep == "nsubj"]
    return subj[0] if len(subj) == 1 else None


def _speaker_above(t: Token, above: int | None, toks: Sequence[Token]) -> int | None:
    """The subject of the clause above the one whose subject is `above` (which is not t): "Kim said the remarks
    convinced him" -> Kim. None without such a clause."""
    if above is None or toks[above].head == above:
        return None
    return clause_subject(toks[toks[above].head], toks)


def identity(p: Antecedent) -> str:
    """Who an antecedent is, so that two mentions of one person count as one."""
    return p.entity.entry or p.entity.identifier_text or p.text


def clause_subject(t: Token, toks: Sequence[Token]) -> int | None:
    """The subject of the nearest clause above token t that has a subject other than t itself (conjoined verbs
    share their first conjunct's subject, reported speech its speaker's): "Trump ... blamed his predecessors" ->
    Trump; "Putin said he would" -> Putin."""
    cur = t
    path = {t.i}  # the pronoun and the phrases it sits in ("its army"): never its own antecedent
    for _ in range(12):
        if cur.head == cur.i or cur.dep in ("relcl", "acl") and cur.i != t.i:
            return None  # a relative clause has its own antecedents ("Kennedy's speech, in which he called")
        cur = toks[cur.head]
        path.add(cur.i)
        if cur.pos in ("VERB", "AUX"):
            subj = [c.i for c in toks if c.head == cur.i and c.i != cur.i and c.dep in ("nsubj", "nsubjpass")
                    and c.i not in path]
            if subj:
                return subj[0]
    return None


def _it(t: Token, sent: Sentence, text: str, start: int, end: int, memory: Memory,
        before: Sequence[Mention]) -> tuple:
    """Subject 'it' -> the subject of the clause before it, when that subject is a state or an organisation.

    "Tehran denied the charge, though it did seize tankers"; "Moscow called the sanctions myopic. On Wednesday it
    banned imports": a subject pronoun continues the subject of the preceding clause (in this sentence, else the
    main clause of the sentence before). When that subject is a thing ("the deal ... it") or a person, "it" is
    no party we know, and expletive "it" ("it is time", "it seems") is never resolved.
    """
    toks = sent.tokens
    head = toks[t.head] if t.head != t.i else t
    if t.dep not in ("nsubj", "nsubjpass") or head.lemma.lower() in IMPERSONAL_VERBS or head.pos == "AUX":
        return ()
    subject = _subject_before(toks, t.i)
    where, mentions = sent, before
    if subject is None:
        prev, prev_mentions = memory.previous
        if prev is None or prev.index != sent.index - 1:
            return ()
        subject = _main_subject(prev.tokens)
        where, mentions = prev, prev_mentions
    if subject is None:
        return ()
    found = [m for m in mentions if m.head == subject and m.sentence == where.index]
    if len(found) != 1:
        return ()  # no actor there ("the deal"), or a coordination ("Russia and China": they, not it)
    m = found[0]
    e = m.entity
    kind = (e.entry or "").split(":")[0]
    if m.kind == "agent":  # "the government said it would": a singular body, not an official or a plural
        thing = not e.office and not is_plural(where.tokens[m.head])
    else:
        thing = kind in IT_KINDS and m.kind in ("name", "metonym")
    if e.code is None or not thing:
        return ()  # a person or a plural group is no "it"
    ent = corefer(e, text, f"'{t.text}' continues the subject '{m.text}' (sentence {m.sentence})")
    return (Mention(sent.index, start, end, t.i, text, ent, "pronoun", (m.sentence, m.head)), None)


def _subject_before(toks: Sequence[Token], i: int, skip: frozenset[str] = frozenset({"it"})) -> int | None:
    """The nearest subject left of token i in the same sentence (the subject of the clause before), if any;
    pronouns in `skip` are no such subject."""
    for j in range(i - 1, -1, -1):
        if toks[j].dep in ("nsubj", "nsubjpass") and toks[j].lower not in skip:
            return j
    return None


def _main_subject(toks: Sequence[Token]) -> int | None:
    """The subject of a sentence's main verb (first conjunct of a coordinated subject)."""
    for t in toks:
        if t.dep in ("nsubj", "nsubjpass") and toks[t.head].dep == "ROOT":
            return t.i
    return None


def is_plural(t: Token) -> bool:
    return t.tag in ("NNS", "NNPS") or "Number=Plur" in t.morph


def office_word(t: Token) -> str:
    """The singular of an office noun ("presidents" -> "president") to look for in an office title."""
    word = (t.lemma or t.text).lower()
    if word == t.lower and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def they(t: Token, sent: Sentence, text: str, start: int, end: int, memory: Memory,
         before: Sequence[Mention]) -> list[Mention]:
    """Subject 'they' -> the plural party that is the subject of the clause above it ("Trump and his officials
    signalled that they were ready" -> USA, USA), else the subject of the clause before it in the sentence, else
    of the main clause of the sentence before ("Ukrainian troops shelled the town. They also ..." -> UKR).

    A plural party is a plural agent or group with a code ("Ukrainian troops", "the two presidents") or two or
    more coordinated parties ("Russia and China"). A person, a single state or a thing there is no "they" we
    know; and when another plural party than that subject is named in the sentence before the pronoun or (for
    the sentence before) in that sentence, two candidates compete and "they" stays unresolved: no guess.
    """
    toks = sent.tokens
    if t.lower != "they" or t.dep not in ("nsubj", "nsubjpass"):
        return []
    above = clause_subject(t, toks)
    how = "the subject of the clause above it"
    where, mentions = sent, [m for m in before if m.sentence == sent.index]
    subject = above if above is not None else _subject_before(toks, t.i, skip=PLURAL_PRONOUNS)
    if above is None:
        how = "the subject of the clause before it"
    if subject is None:
        prev, prev_mentions = memory.previous
        if prev is None or prev.index != sent.index - 1 or any(
                plural_party(m, sent.tokens, [m]) for m in mentions):
            return []
        subject = _main_subject(prev.tokens)
        where, mentions, how = prev, list(prev_mentions), "the subject of the sentence before"
        if subject is None:
            return []
    heads = conjunct_heads(subject, where.tokens)
    members = [m for m in mentions if m.head in heads and m.entity.code is not None]
    if not members or len({m.head for m in members}) < len(heads) or not plural_party(
            members[0], where.tokens, members):
        return []
    rivals = [m for m in mentions if m.head not in heads and plural_party(m, where.tokens, [m])
              and (where is not sent or m.head < t.i)]
    if rivals:
        return []  # "Police chased the protesters. They ...": two plural parties, no guess
    out = []
    for m in members:
        ent = corefer(m.entity, text, f"'{t.text}' -> '{m.text}', {how} (sentence {m.sentence})")
        out.append(Mention(sent.index, start, end, t.i, text, ent, "pronoun", (m.sentence, m.head)))
    return out


PLURAL_PRONOUNS = frozenset({"they", "them", "it", "we", "i", "you", "he", "she"})


def plural_party(m: Mention, toks: Sequence[Token], members: Sequence[Mention]) -> bool:
    """True for a plural party: two or more coordinated parties, a group ("the two presidents") or a plural
    agent or demonym with a code ("Ukrainian troops", "Palestinians")."""
    if m.entity.code is None:
        return False
    if len({x.head for x in members}) > 1 or m.kind == "group":
        return True
    return m.kind in ("agent", "nationality", "name") and is_plural(toks[m.head]) and not (
        m.entity.entry or "").startswith(("country:", "person:", "igo:", "ngo:"))


def conjunct_heads(i: int, toks: Sequence[Token]) -> set[int]:
    """Token i and the tokens coordinated with it ("Trump and his senior officials")."""
    out, todo = {i}, [i]
    while todo:
        k = todo.pop()
        for c in toks:
            if c.head == k and c.dep == "conj" and c.i not in out:
                out.add(c.i)
                todo.append(c.i)
    return out
