"""actors: every actor mention in every sentence -> a Mention with a resolved Entity and the reason for it.

A mention is a noun phrase cut from the dependency parse around its syntactic head (the token that carries
nsubj/dobj/pobj/poss): names, metonyms, nationality + agent phrases ("Russian troops"), agent nouns, and
pronouns, surnames and titles resolved by coreference within the article. Resolution is as of the document's
reference date (else its publication date). Nothing here guesses: an unresolved mention has code None and a reason.

Noun-phrase geometry is in actor_phrases.py, the country an agent takes from its context in actor_context.py,
coreference in coreference.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence

from ..knowledge.actor_names import HONORIFICS, Match
from ..knowledge.actors import FORMER_WORDS, ORG_KINDS, PLACE_KINDS, Knowledge, load_knowledge
from ..pipeline import Context, stage
from ..records import Document, Entity, Mention, Sentence, Token
from .actor_administration import staff_of_person
from .actor_counterparts import counterpart, is_counterpart
from .actor_homes import based_in, placed_by_modifier
from .actor_owners import owner_matches
from .actor_context import (
    COUNTED_CROWDS,
    bridged,
    count_countries,
    count_places,
    counted_crowd,
    of_body_named_again,
    placed_here,
    placed_by_preposition,
    possessed,
    staff_of_body,
)
from .actor_phrases import (
    NP_LEFT,
    backer_codes,
    conjoined_of,
    coordinated,
    coordinated_compound,
    effective_dep,
    in_relative_clause,
    inside_name,
    is_head,
    likeness,
    match_head,
    mention_kind,
    modifies,
    name_text,
    name_tokens,
    owner_context,
    owner_of_thing_subject,
    phrase_role,
    pp_context,
    qualified_body,
    range_ends,
    span_text,
    subtree,
    unglued,
    unknown_body,
)
from .coreference import (
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    Memory,
    apposition,
    corefer,
    is_plural,
    name_from_apposition,
    phrase_gender,
    pronoun,
    remember,
    role_from_apposition,
    they,
    title_before_name,
)
from .coreference_armed import armed_group_again, armed_group_mention
from .coreference_titles import BODY_WORDS, body_coref, surname_coref, title_coref
from .actor_posts import post_coref, remember_post
from .actor_coalitions import led_coalitions
from .actor_oversight import oversight_country
from .actor_sides import opponents_country
from .article_country import korean_halves
from .actor_titled import courtesy, known_by_family_name, ranked_name, ranked_person, titled_place_name
from .coreference_them import them
from .coreference_cataphora import forward_pronouns, opening_pronouns, unresolved_opening
from .coreference_definite import (
    KIND_WORDS,
    agent_word,
    body_modifier,
    kind_coref,
    plural_groups_coref,
    remember_agent,
    repeated_agent,
)
from .coreference_groups import GROUP_NOUNS, group_coref
from .datelines import dateline_end, detached

log = logging.getLogger(__name__)

# Prepositions whose object after a person's name says where they are from ("Senator Jeff Merkley of Oregon").
HOME_PREPS = frozenset({"of", "from"})
# Offices that deal with other countries: an unnamed foreign ministry's spokesman or envoy in a story about
# country X is as likely to be another country's, so such titles never take the article's country.
FOREIGN_OFFICES = frozenset({"Foreign Minister", "Diplomat"})
# Modifiers that make an agent people from elsewhere ("world leaders in China", "foreign reporters in Moscow"):
# neither the place they are in nor the article's country is theirs.
VISITOR_WORDS = frozenset({"world", "foreign", "international", "western", "visiting", "overseas", "global"})


def detached_title(head_match: Match, t: Token, toks: Sequence[Token], children: list[list[int]]) -> bool:
    """'Obama and Prime Minister Shinzo Abe', parsed as three conjuncts: a capitalised office title, itself a
    conjunct, followed at once by a person's name that the parser hung elsewhere (not inside the title's phrase)
    is that person's title. (A title split from its name as an object, "slammed President | Barack Obama", is
    left to the coder, which reads the two objects as one person.)"""
    e = head_match.end
    if head_match.entry.role != "office" or t.dep != "conj" or not toks[head_match.start].text[:1].isupper() \
            or e >= len(toks) or e != t.i + 1 or toks[e].pos != "PROPN" or toks[e].ent_type != "PERSON":
        return False
    return e not in subtree(t.i, children)


@stage("actors", requires=("sentences", "reference_date"), provides=("mentions",))
def resolve_actors(doc: Document, ctx: Context) -> Document:
    """Sentences -> actor mentions. Requires: sentences, reference_date. Provides: mentions."""
    kb = load_knowledge(ctx)
    date = doc.reference_date or doc.article.published
    memory = Memory()
    if doc.article.title:
        words = doc.article.title.split()
        count_countries(kb.match([(w.strip(".,:;!?\"'()"), " ") for w in words], lemmas=None), memory)
    out: list[Mention] = []
    pending: list[int] = []  # "He was arrested ..." opening the article: settled by the sentence after
    paragraph = None
    for sent in doc.sentences:
        nobody = not memory.people
        lead = sent.paragraph != paragraph  # a paragraph's first sentence may open with a dateline
        paragraph = sent.paragraph
        found = sentence_mentions(sent, kb, date=date, memory=memory, lead=lead)
        base = len(out)
        out.extend(found)
        if pending:
            opening_pronouns(pending, out, sent, memory)
        pending = [base + k for k in unresolved_opening(found, sent, nobody)]
    return dataclasses.replace(doc, mentions=tuple(out))


def sentence_mentions(sent: Sentence, kb: Knowledge, *, date: dt.date | None, memory: Memory | None = None,
                      lead: bool = False) -> list[Mention]:
    """Every actor mention of one sentence, in token order (memory carries coreference across sentences). lead:
    the sentence opens a paragraph, so it may open with a dateline, whose place and agency are no party."""
    memory = memory if memory is not None else Memory()
    toks = tuple(_as_name(t) for t in sent.tokens)
    if not toks:
        return []
    dateline = dateline_end(sent.text, toks, sent.start) if lead else 0
    toks = detached(toks, dateline)
    children: list[list[int]] = [[] for _ in toks]
    for t in toks:
        if t.head != t.i and 0 <= t.head < len(toks) and t.i >= dateline:
            children[t.head].append(t.i)
    matches = kb.match([(unglued(t.text), t.ws) for t in toks], lemmas=[t.lemma for t in toks])
    matches = korean_halves(matches, toks, memory.countries, kb)  # "the North" in a story about Korea
    count_countries(matches, memory)
    count_places(toks, matches, kb, memory)
    memory.here = placed_here(toks, [m for m in matches if m.start >= dateline])
    at: dict[int, Match] = {}
    for m in matches:
        if m.start < dateline:
            continue  # the dateline's place and agency ("BAGHDAD (Reuters) -"): counted as places, no party
        for i in range(m.start, m.end):
            at[i] = m
    covered = set()
    for m in matches:
        h = match_head(m, toks)
        covered.update(i for i in range(m.start, m.end) if i != h)
    out: list[Mention] = []
    for t in toks:
        if t.i < dateline or t.i in covered or not is_head(t, toks, at):
            continue
        found = _mentions_at(t, sent, toks, children, at, kb, date, memory, out)
        if t.dep == "appos" and len(found) == 1 and found[0].kind == "agent":
            if not _dated_by_title(found[0], t, out, memory):  # "Michel Barnier, the EU's chief negotiator"
                found = [apposition(found[0], t, out)]
                name_from_apposition(found[0], t, out, memory)
        elif t.dep == "appos" and len(found) == 1 and found[0].kind in ("name", "surname"):
            titles = [m for m in out if m.head == t.head and m.kind == "agent"]
            dated = role_from_apposition(titles[-1], found[0], memory) if titles else None
            if dated is not None:  # "the EU's chief negotiator, Michel Barnier"
                found = [dated]
            else:
                title_before_name(found[0], t, out)
        for m in found:
            remember_post(memory, m, toks)  # "the U.S. Embassy in Beijing" for a later "the embassy officials"
        out.extend(found)
    staff_of_body(out, toks, children, memory)  # "Jane Roe, senior researcher at Human Rights Watch"
    of_body_named_again(out, toks, children)  # "a leader of the movement"
    staff_of_person(out, toks, children)  # "an aide to Roe", "officials traveling with Mr. Roe"
    opponents_country(out, toks, memory)  # "the Sudanese regime bombed rebel positions"
    led_coalitions(out, toks, children, kb, sent.index)  # "the U.S.-led coalition", "Saudi-led forces"
    oversight_country(out, toks)  # "lawmakers blasted the president's move"
    forward_pronouns(sent, out, memory)  # "In his speech, Obama said": the subject named after the pronoun
    memory.previous = (sent, tuple(out))
    return out


def _role_given_before(ent: Entity, text: str, memory: Memory) -> Entity:
    """A known person with no office on the date, named again in full: the role an apposition gave them earlier
    in the article (coreference.role_from_apposition), else the entity as it is."""
    for p in reversed(memory.people):
        if p.entity.entry == ent.entry and p.entity.sector is not None:
            return corefer(p.entity, text, f"'{text}' -> '{p.text}' (sentence {p.sentence}), with the role the "
                           "article gave them")
    return ent


def _dated_by_title(title: Mention, t: Token, out: list[Mention], memory: Memory) -> bool:
    """A known person with no office on the date, named beside a title phrase in apposition after them, takes
    the title's role (coreference.role_from_apposition). Updates `out` in place; True when it did."""
    for k, m in enumerate(out):
        if m.head == t.head:
            dated = role_from_apposition(title, m, memory)
            if dated is not None:
                out[k] = dated
                return True
    return False


def _mentions_at(t: Token, sent: Sentence, toks: Sequence[Token], children: list[list[int]], at: dict[int, Match],
                 kb: Knowledge, date: dt.date | None, memory: Memory, before: Sequence[Mention] = ()
                 ) -> list[Mention]:
    h = t.i
    if h not in at and t.lower in COUNTED_CROWDS:  # "a protest by hundreds who rallied"
        lo = min([h, *(c for c in children[h] if c < h)])
        crowd = counted_crowd(t, toks, children, span_text(toks, lo, h + 1), memory)
        if crowd is not None:
            return [Mention(sent.index, lo, h + 1, h, crowd.entity_text, crowd, "agent")]
    if h not in at and t.pos == "NOUN" and not t.ent_type and t.lower not in GROUP_NOUNS:
        if t.lower in BODY_WORDS:  # "the department": the body of that kind named before
            lo = min([h, *(c for c in children[h] if c < h)])
            found = body_coref(t, sent, lo, h + 1, span_text(toks, lo, h + 1), memory, toks)
            return [found] if found is not None else []
        if t.lower == "groups":  # "the groups": the groups named just before under a longer phrase
            lo = min([h, *(c for c in children[h] if c < h)])
            found = plural_groups_coref(t, sent, lo, h + 1, span_text(toks, lo, h + 1), memory, toks, children)
            return [found] if found is not None else []
        if t.lower in KIND_WORDS:  # "the country", "the group": the one party of that kind named just before
            lo = min([h, *(c for c in children[h] if c < h)])
            found = kind_coref(t, sent, lo, h + 1, span_text(toks, lo, h + 1), memory, toks, children) \
                or armed_group_mention(t, sent, lo, h + 1, span_text(toks, lo, h + 1), memory, toks, children)
            return [found] if found is not None else []
        return []  # a common noun that names no actor ("talks", "border"): the usual case, decided early
    left = [c for c in children[h] if c < h and toks[c].dep in NP_LEFT and not coordinated_compound(toks[c], toks, at)]
    span = {h}
    for c in left:
        span.update(subtree(c, children))
    start = min(span)
    head_match = at.get(h)
    end = max(h + 1, head_match.end if head_match else h + 1)
    if head_match:
        start = min(start, head_match.start)
    text = span_text(toks, start, end)
    words = {toks[i].lower for i in range(start, end)}
    former = bool(words & FORMER_WORDS) or any(w.startswith("ex-") for w in words)
    seen: set[int] = set()
    modifiers: list[Match] = []
    for i in range(start, end):
        m = at.get(i)
        if m is None or m is head_match or id(m) in seen or not modifies(m, toks):
            continue
        seen.add(id(m))
        modifiers.append(m)
    role = phrase_role(t, toks)
    # a subject a later pronoun may continue: not one of a relative clause ("Kennedy's speech, in which he called")
    subj = effective_dep(t, toks).dep in ("nsubj", "nsubjpass") and not in_relative_clause(t, toks)
    # a person who owns a subject that is a thing ("Hagel's criticism of the war raised red flags. Moreover, he
    # ...") is who the story is about there: a later he/she may continue them like a subject
    person_subj = subj or owner_of_thing_subject(t, toks, at)
    if subj and toks[effective_dep(t, toks).head].dep == "ROOT":
        memory.mains.add((sent.index, h))  # the subject of the sentence's main verb: who the sentence is about

    def made(entity: Entity, kind: str, antecedent: tuple[int, int] | None = None) -> Mention:
        return Mention(sent.index, start, end, h, text, entity, kind, antecedent)

    # pronouns and coreference ------------------------------------------------------------------------------
    if t.lower == "they" and t.pos == "PRON":
        return they(t, sent, text, start, end, memory, before)
    if t.lower == "them" and t.pos == "PRON":  # "detained the protesters and called them terrorists"
        return them(t, sent, text, start, end, memory, before)
    if t.pos == "PRON" or (t.lower in PERSON_PRONOUNS | THING_PRONOUNS and not head_match):
        found = pronoun(t, sent, text, start, end, memory, before)
        if found and found[1] is not None and t.lower in PERSON_PRONOUNS:
            pick = found[1]
            remember(memory, dataclasses.replace(found[0], text=pick.text), subj, pick.entity, gender=pick.gender)
        return list(found[:1])
    agent_head = head_match is not None and head_match.kind == "agent"
    if agent_head and detached_title(head_match, t, toks, children):
        return []  # "Obama and Prime Minister | Shinzo Abe": the title is the next name's, not a party of its own
    named_mods = [m for m in modifiers if m.kind != "agent"]
    if not named_mods and (agent_head or t.lower in GROUP_NOUNS):
        group = group_coref(t, toks, children, head_match, sent, start, end, text, memory)
        if group is not None:
            return group
    if agent_head and not named_mods:
        title = title_coref(t, toks, children, head_match, sent, start, end, text, memory)
        if title is not None:
            return [title]
    if head_match is not None and head_match.kind in PLACE_KINDS and head_match.end - head_match.start == 1 \
            and t.i > 0 and toks[t.i - 1].lower.strip(".") in HONORIFICS:
        return [titled_place_name(t, toks, sent, start, end, text, kb, date, memory, former=former, subj=subj)]
    if head_match is None and ranked_name(t, toks, head_match):  # "General Petraeus" the parser calls an ORG
        ranked = ranked_person(t, toks, sent, start, end, text, kb, date, memory, former=former, subj=person_subj)
        if ranked is not None:
            return [ranked]
    if head_match is not None and head_match.kind in ("igo", "ngo") and qualified_body(head_match, toks, at):
        return [made(Entity(entity_text=text, code=None, sector=head_match.entry.sector,
                            reason=f"'{text}': a body whose name only ends like the {head_match.kind} "
                            f"'{head_match.text}' ({head_match.entry.code}); its own is not in the knowledge base"),
                     "name")]
    if head_match is not None and head_match.kind == "country" and likeness(t, children, toks):
        return [made(Entity(entity_text=text, code=None, reason=f"'{text}': a country named as a likeness (a "
                            "determiner and 'new', 'next', 'another' ...), not the state itself"), "name")]
    bare = head_match is None or (head_match.kind == "person" and head_match.end - head_match.start == 1)
    lone = head_match is None and t.pos == "PROPN" and not (t.i > 0 and toks[t.i - 1].pos == "PROPN")
    if bare and t.pos == "PROPN" and (t.ent_type in ("PERSON", "") or lone):
        # a lone capitalised word the parser calls an organisation ("Carney said") may be a surname named before
        found = surname_coref(t, toks, sent, start, end, text, memory, kb.family_of)
        if found is not None:
            sur, root = found
            if root is not None:
                remember(memory, dataclasses.replace(sur, text=root.entity.entity_text), person_subj, root.entity,
                         person=True, gender=root.gender)
            return [sur]
    if _place_as_surname(head_match, t, toks, start, end, children, at, memory):
        # "Hague said" after "Foreign Secretary William Hague": the person's family name, not The Hague (only when
        # a person of that family name was named before; otherwise the place stands)
        found = surname_coref(t, toks, sent, start, end, text, memory, kb.family_of)
        if found is not None and found[1] is not None:
            sur, root = found
            sur = dataclasses.replace(sur, entity=dataclasses.replace(
                sur.entity, reason=f"{sur.entity.reason}; a place name that is the family name of a person named "
                "before"))
            remember(memory, dataclasses.replace(sur, text=root.entity.entity_text), person_subj, root.entity,
                     person=True, gender=root.gender)
            return [sur]
    namesake = _namesake(head_match, toks, kb, at)
    if namesake is not None:
        return [made(Entity(entity_text=text, code=None, identifier_text=name_text(t, toks), reason=namesake),
                     "name")]
    # knowledge-base resolution --------------------------------------------------------------------------------
    context = pp_context(h, toks, children, at)
    if not is_counterpart(head_match) and any(
            toks[c].dep == "poss" and toks[c].pos == "PRON" and any(m.head == c and m.entity.code for m in before)
            for c in children[h]):
        context = []  # "its ambassador from Washington": the possessor's envoy, not the post's (see possessed)
    agent_head = head_match is not None and head_match.kind == "agent"
    # "world leaders in China", "foreign journalists in Moscow": people from elsewhere, not the place's own
    visitors = agent_head and any(toks[i].lower in VISITOR_WORDS for i in range(start, head_match.start))
    # "the ambassador in Tripoli", "an envoy to Syria", "the embassy in Kabul": a diplomatic post abroad is
    # another country's; the place of the post is not the diplomat's country
    visitors = visitors or agent_head and (head_match.entry.office == "Diplomat" or any(
        m.kind == "agent" and m.entry.office == "Diplomat" for m in modifiers))  # "the embassy officials"
    if visitors:
        context = []
    if agent_head:  # "a spokesman for the German government": the party it speaks for decides, first
        context = context + [m for m in owner_context(h, head_match.entry.office, toks, children, at)
                             if m not in context]
        owners = owner_matches(h, toks, children, at)  # "a drone operated by Kenya's air force": its owner's
        context = owners + [m for m in context if m not in owners]
    if head_match is not None:
        places = [m for m in named_mods if m.kind in PLACE_KINDS | ORG_KINDS]
        split = agent_head and len({c for m in places for c in m.codes}) > 1 and coordinated(places, toks)
        how = "one mention per conjoined country"
        if agent_head and not named_mods and not split:
            # "the leaders of France, Germany and Britain": one mention per conjoined country of the phrase
            places = conjoined_of(context, toks)
            if not places:  # "Governments from Havana to Buenos Aires": both ends of the range
                places = range_ends(h, toks, children, at)
                how = "one mention per end of the range 'from ... to ...'"
            split = len({c for m in places for c in m.codes}) > 1
        if split:
            # "Russian and Belarusian soldiers": one mention per country, same head
            titles = [m for m in modifiers if m.kind == "agent"]
            out = []
            for m in places:
                ent = kb.compose(head_match, titles + [m], date=date, text=text, former=former, role=role)
                ent = dataclasses.replace(ent, reason=f"{ent.reason}; {how}")
                mention = made(ent, "agent")
                remember(memory, mention, subj)
                out.append(mention)
            return out
        ent = kb.compose(head_match, modifiers, date=date, text=text, former=former, context=context, role=role)
        if ent.entry and ent.entry.startswith("person:") and ent.sector is None:
            ent = _role_given_before(ent, text, memory)  # "Michel Barnier" again, after "..., the EU's negotiator"
        other_side = is_counterpart(head_match)  # "his Fijian counterpart": never the possessor's country
        if ent.code is None and agent_head and not head_match.ambiguous and not other_side:
            ent = possessed(ent, t, toks, children, before)  # "its envoy in Vienna": the possessor's, first
        if ent.code is None and agent_head and not head_match.ambiguous and not visitors:
            ent = placed_by_preposition(ent, h, toks, children, kb)
            if ent.code is None:  # "Donetsk separatists", "a Dallas-based company", "groups based in Dagestan"
                ent = based_in(placed_by_modifier(ent, start, head_match.start, toks, at, kb), h, toks, children, kb)
        again = None
        if other_side:
            ent, again = counterpart(ent, t, toks, children, before), ent  # no look-back: the other side
        if ent.code is None and agent_head and not named_mods and again is None:
            again = post_coref(ent, t, sent, text, memory, toks, children)  # "the consul", "the embassy officials"
            ent = again or ent
        if ent.code is None and agent_head and not head_match.ambiguous and not visitors and not named_mods \
                and again is None:
            again = armed_group_again(t, sent, text, memory, toks, children) or repeated_agent(
                ent, t, sent, text, memory, toks, children,  # "the militants" again
                row=head_match.entry.source, span=(head_match.start, head_match.end))
            ent = again or ent
        bodies = [agent_word(toks[match_head(m, toks)]) for m in modifiers if m.kind == "agent"
                  and m is not head_match and m.end <= head_match.start]
        if ent.code is None and agent_head and not visitors and again is None and bodies and not named_mods:
            again = body_modifier(ent, t, sent, text, memory, toks, children, bodies)  # "administration officials"
            ent = again or ent
        if ent.code is None and agent_head and not head_match.ambiguous and not visitors and again is None:
            ent = bridged(ent, t, toks, children, head_match, sent, memory, backer_codes(start, end, at, toks))
        mention = made(ent, mention_kind(head_match))
        remember(memory, mention, subj, plural=is_plural(t), gender=_gender(ent, toks, start, end, kb))
        remember_agent(memory, t, mention, head_match.entry.source)
        return [mention]
    ent_type = t.ent_type
    if t.pos == "PROPN" and ent_type in ("PERSON", ""):
        if ent_type == "" and not modifiers:
            return []
        name = name_text(t, toks)
        first = t.i - len(name_tokens(t, toks)) + 1
        outside = [m for m in modifiers if m.end <= first]  # "South China Morning Post" is not China
        gender = phrase_gender(toks, start, end) or kb.name_gender(name)
        ent = known_by_family_name(name, t, toks, start, first, outside, kb, date=date, text=text, former=former,
                                    gender=gender)
        if ent is not None and len(name.split()) == 1 and courtesy(toks, start, first) and ent.code \
                and not memory.countries[ent.code] and sum(memory.countries.values()) >= 2:
            # "Mr. Cohen" in a story that has named other countries but never Israel is not the Israeli minister
            # of that name: the press names a person in full before "Mr. X", so there the surname alone is a guess
            ent = None
        if ent is None:
            ent = kb.compose(None, outside, date=date, text=text, former=former, name=name)
            if ent.code is None and ent_type == "PERSON":  # "Senator Jeff Merkley of Oregon"
                ent = placed_by_preposition(ent, h, toks, children, kb, preps=HOME_PREPS)
            if ent.code is None and ent.sector:  # "Vice Adm. John Doe of the Italian navy"
                ent = _of_their_body(ent, h, toks, children, at, kb, date)
            if ent.code is None and ent.sector:  # "Florida Rep. Jane Roe": the home before the title
                ent = placed_by_modifier(ent, start, first, toks, at, kb)
            if ent.code is None and any(_us_secretary(m, toks) for m in outside):
                ent = dataclasses.replace(ent, code="USA", reason=f"{ent.reason}; USA: 'Secretary of State' or 'of "
                                          "Defense' with no 'for ...' after it is the US title (British ones are "
                                          "'Secretary of State for X')")
            # a foreign minister or an envoy may be a visitor; the spokesman of a foreign ministry speaks at home
            # ("Foreign Ministry spokesman X"): the person's own title is the agent word nearest the name
            titles = [m for m in outside if m.kind == "agent"]
            envoy = bool(titles) and titles[-1].entry.office in FOREIGN_OFFICES
            if ent.code is None and ent.sector and not envoy and not unknown_body(toks, start, first, at):
                code = memory.article_country()  # "Sen. Jim Inhofe" in an article about the United States
                if code is not None:
                    ent = dataclasses.replace(ent, code=code, reason=f"{ent.reason}; {code}: the title's country is "
                                              "the country this article is about")
            elif ent.code is None and not ent.sector and ent_type == "PERSON" and courtesy(toks, start, first):
                code = memory.article_country(strict=True)  # "Mr. Kline" in a story told from one country
                if code is not None:
                    ent = dataclasses.replace(ent, code=code, reason=f"{ent.reason}; {code}: a person the article "
                                              "calls by a courtesy title, in an article about that country (named "
                                              f"{memory.countries[code]} times, three times more than any other)")
        elif gender is None:
            gender = _gender(ent, toks, start, end, kb)
        mention = made(ent, "name")
        person = ent_type == "PERSON" or bool(ent.entry)
        remember(memory, mention, person_subj if person else subj, person=person, gender=gender)
        return [mention]
    if ent_type in ("GPE", "LOC", "FAC") and role == "actor":
        code, why, entry = kb._code_from(modifiers, date)
        if code is None:
            code, why = kb.place(name_text(t, toks)) or (None, "")
        if code is not None:
            return [made(Entity(entity_text=text, code=code, sector="CVL", identifier_text=name_text(t, toks),
                                reason=f"place '{name_text(t, toks)}' not in the knowledge base; {why}; CVL as a "
                                "place", entry=entry), "name")]
    if ent_type in ("ORG", "NORP") and role is not None:  # NER calls some regions organisations ("Crimea")
        found = kb.place(name_text(t, toks), regions_only=True)
        if found is not None:
            code, why = found
            return [made(Entity(entity_text=text, code=code, sector="CVL", identifier_text=name_text(t, toks),
                                reason=f"region '{name_text(t, toks)}': {why}; CVL as a place"), "name")]
    if ent_type in ("ORG", "NORP") or (ent_type in ("GPE", "LOC") and role == "actor"):
        what = {"ORG": "organisation", "NORP": "group", "GPE": "place", "LOC": "place"}[ent_type]
        home = [m for m in modifiers if m.kind in ("country", "adjective") and not m.ambiguous]
        if ent_type == "ORG" and home and home[0].start == start + (toks[start].lower == "the") \
                and inside_name(home[0], toks):
            # "U.S. Mission Benghazi", "the Russian Orthodox Church": a body whose name starts with a country
            # (its own first word, not a possessor or a description: "Japan's Nippon Steel", "German carmaker X")
            return [made(Entity(entity_text=text, code=home[0].codes[0], identifier_text=name_text(t, toks),
                                reason=f"named organisation '{text}' is not in the knowledge base; its name starts "
                                f"with {home[0].kind} '{home[0].text}' -> {home[0].codes[0]}"), "name")]
        return [made(Entity(entity_text=text, code=None, identifier_text=name_text(t, toks),
                            reason=f"named {what} '{name_text(t, toks)}' is not in the knowledge base"), "name")]
    return []


def _as_name(t: Token) -> Token:
    """A capitalised word the tagger misread ("Thornberry, speaking earlier, said": ADV) that the entity
    recogniser calls a person is a proper name."""
    if t.ent_type == "PERSON" and t.pos in ("ADV", "ADJ", "VERB", "X") and t.text[:1].isupper() and t.text.isalpha():
        return dataclasses.replace(t, pos="PROPN")
    return t


def _of_their_body(ent: Entity, h: int, toks: Sequence[Token], children: list[list[int]], at: dict[int, Match],
                   kb: Knowledge, date: dt.date | None) -> Entity:
    """A titled person the knowledge base lacks, with an "of"/"from" phrase right after the name naming a body of
    one country ("Col. Jane Roe of the Italian army", "Gen. John Doe from the Kenyan Defence Forces"): that
    country (the title alone names none)."""
    for c in children[h]:
        if c <= h or toks[c].dep != "prep" or toks[c].lower not in HOME_PREPS:
            continue
        inside = sorted(subtree(c, children))
        found = [m for m in {id(at[i]): at[i] for i in inside if i in at}.values()
                 if m.kind != "agent" and not m.ambiguous]
        code, why, entry = kb._code_from(found, date)
        if code is not None and len({x for m in found for x in m.codes}) == 1:
            return dataclasses.replace(ent, code=code, entry=ent.entry or entry,
                                       reason=f"{ent.reason}; {code} from its '{toks[c].text}' phrase ({why})")
    return ent


def _place_as_surname(head_match: Match | None, t: Token, toks: Sequence[Token], start: int, end: int,
                      children: list[list[int]], at: dict[int, Match], memory: Memory) -> bool:
    """A one-word capital or country name standing alone as a noun phrase, with no determiner and not the object of
    a preposition ("Hague said", not "in The Hague", "the Hague court"), in an article that has named its country in
    no other way before and not coordinated with another place ("Jordan and Egypt"): it may be a family name."""
    if not (head_match is not None and head_match.kind in ("capital", "country") and t.pos == "PROPN"
            and end - start == 1 and head_match.end - head_match.start == 1 and t.dep != "pobj"
            and len(head_match.codes) == 1 and not (t.i > 0 and toks[t.i - 1].lower == "the")):
        return False
    code = head_match.codes[0]
    here = {id(m) for m in at.values() if (m.kind in PLACE_KINDS or m.kind == "metonym") and m.codes == (code,)}
    if memory.countries[code] > len(here):
        return False  # the country itself was named before: the place competes, no guess
    partners = [c for c in children[t.i] if toks[c].dep == "conj"] + ([t.head] if t.dep == "conj" else [])
    return not any(at.get(c) is not None and at[c].kind in PLACE_KINDS for c in partners)


def _gender(ent: Entity, toks: Sequence[Token], start: int, end: int, kb: Knowledge) -> str | None:
    """What the phrase ("Mr.", "spokeswoman") or, for a known person, the knowledge base says of their gender."""
    said = phrase_gender(toks, start, end)
    if said is None and ent.entry and ent.entry.startswith("person:"):
        said = kb.person_gender(ent.entry.split(":", 1)[1])
    return said


def _namesake(head_match: Match | None, toks: Sequence[Token], kb: Knowledge, at: dict[int, Match]) -> str | None:
    """'Hunter Biden', 'Daniil Medvedev': a known person's family name alone matched, after a given name that is
    none of that person's (middle initials aside: 'Leon E. Panetta'). The reason it is someone else, or None."""
    if head_match is None or head_match.kind != "person" or head_match.end - head_match.start != 1:
        return None
    last = toks[head_match.start]
    words = []  # the name's words before the family name, nearest first
    i = head_match.start - 1
    while i >= 0 and toks[i].pos == "PROPN" and toks[i].dep == "compound" and toks[i].head == last.i \
            and i not in at and toks[i].text[:1].isupper() and toks[i].lower.strip(".") not in HONORIFICS:
        words.append(toks[i].lower.strip("."))
        i -= 1
    if not words:
        return None
    pid = head_match.entry.id.split(":", 1)[1]
    person = kb.people.get(pid)
    if person is None:
        return None
    given = {n.split()[0].lower().strip(".") for n in person.names if len(n.split()) > 1}
    first = words[-1]
    full = [w for w in words if len(w) > 1]
    if first in given or any(w in given for w in full) or (len(first) == 1 and any(g.startswith(first) for g in given)):
        return None
    written = " ".join(toks[j].text for j in range(i + 1, head_match.end))
    return (f"'{written}' is not {person.name}: the family name matches, the given name is none of theirs")


# The US titles "Secretary of <department>" the agent list knows (agents.csv; fourteenth round, wordings: only "of
# State" was taken for the US, "Assistant Secretary of Defense X" got no country); British titles are "Secretary of
# State for X" or "Defence Secretary", the Philippine one "Secretary of National Defense".
US_SECRETARIES = ("secretary of state", "secretary of defense")


def _us_secretary(m: Match, toks: Sequence[Token]) -> bool:
    """'(Assistant / Deputy / Under) Secretary of State X', '... of Defense X': the US title, unless 'for
    <department>' follows (British)."""
    return m.kind == "agent" and m.text.lower().replace("undersecretary", "under secretary").endswith(
        US_SECRETARIES) and not (m.end < len(toks) and toks[m.end].lower == "for")


