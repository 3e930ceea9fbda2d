"""Standing alignments and hosts that meet no party (seventeenth round, precision: fresh sample A of round 35).

- **Backing told as a description** (`standing_backing`): "back" and "support" coded as SUPPORT where the verb
  describes a party rather than reports an act on an occasion (docs/annotation.md section 12.12, "Russia supports
  Assad" as a standing policy): a participle modifying a noun ("his forces, backed by Russian air power", "the
  militia backed by Washington", "Russian forces backing the regime"), a relative clause in the present
  ("Moscow, which supports the government", "the forces it backs", "whose army is backing the regime") or a
  present passive ("the president is backed by the army and two neighbours"). Kept: past and perfect tenses in
  main clauses and relative clauses ("has backed the plan", "which backed the resolution last week"), a
  participle on a document ("a resolution backing the ceasefire": the document is the act), a modal.
- **Hosts that meet no party** (`non_party_host`): "host" coded as CONSULT when the host is a venue ("a hotel
  hosting diplomats", "the cafe that hosted the cartoonist": a place, no party meets anyone) or the guests are no
  party to meet ("is hosting three million refugees", "hosted a secret air base", "hosts the Olympics"). Kept:
  a country, a leader or a body hosting leaders, envoys, talks or a summit.
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .tree import Frame, Tree, names_word

BACKING = frozenset({"back", "support"})
PRESENT = frozenset({"VBZ", "VBP"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
# What a participle of backing may modify that is itself the act: a document, a vote, a motion.
DOCUMENTS = frozenset({"resolution", "resolutions", "statement", "statements", "letter", "letters", "declaration",
                       "motion", "bill", "bills", "measure", "amendment", "vote", "votes", "op-ed", "petition",
                       "communique", "communiqué", "ad", "ads", "campaign", "rally", "rallies", "speech", "tweet"})
# Places that host guests: a venue is no party ("a hotel hosting diplomats").
VENUES = frozenset({"hotel", "hotels", "cafe", "café", "restaurant", "bar", "club", "venue", "stadium", "arena",
                    "building", "hall", "theater", "theatre", "museum", "church", "mosque", "school", "university",
                    "campus", "center", "centre", "apartment", "ship", "resort", "room"})
# Guests that are no party met: people given shelter, bases, games and shows.
NON_GUESTS = frozenset({"refugee", "refugees", "migrant", "migrants", "asylum-seeker", "asylum-seekers", "seekers",
                        "evacuee", "evacuees", "displaced", "base", "bases", "olympics", "games", "cup", "tournament",
                        "championship", "concert", "festival", "fair", "exhibition", "show", "party", "dinner",
                        "reception", "gala", "podcast", "program", "programme", "site", "sites", "facility",
                        "facilities", "headquarters", "warehouse", "camp", "camps", "population"})


def _aux(tree: Tree, v: int) -> list[int]:
    return [k for k in tree.kids[v] if tree.tokens[k].dep in ("aux", "auxpass")]


def _present_clause(tree: Tree, v: int) -> bool:
    """v is a simple present ("supports"), a present progressive ("is backing") or a present passive ("are
    backed"), with no modal or perfect."""
    toks = tree.tokens
    auxes = _aux(tree, v)
    if toks[v].tag in PRESENT and not auxes:
        return True
    return toks[v].tag in ("VBG", "VBN") and bool(auxes) and all(
        toks[k].lower.replace("\u2019", "'") in PRESENT_BE for k in auxes)


def standing_backing(tree: Tree, f: Frame) -> bool:
    """'his forces, backed by Russian air power', 'Turkey, which backs the insurgents', 'Assad's forces are
    backed by Iran': backing described, not done on an occasion (see the module doc)."""
    toks = tree.tokens
    v = f.base
    if f.code.event != "SUPPORT" or toks[v].lemma.lower() not in BACKING or toks[v].pos != "VERB":
        return False
    if not f.rule.startswith(("svo", "passive")):
        return False
    dep = toks[v].dep
    if dep == "acl" and toks[v].tag in ("VBN", "VBG") and not _aux(tree, v):
        h = tree.head(v)
        return h is not None and not names_word(tree, h, DOCUMENTS)
    if dep == "relcl":
        return _present_clause(tree, v)
    return toks[v].tag == "VBN" and any(toks[k].dep == "auxpass" for k in tree.kids[v]) and _present_clause(tree, v)


def non_party_host(tree: Tree, f: Frame) -> bool:
    """'a hotel hosting diplomats', 'Turkey is hosting 3.5 million Syrian refugees': no party meets another."""
    toks = tree.tokens
    v = f.base
    if f.code.event != "CONSULT" or toks[v].lemma.lower() != "host" or not f.rule.startswith("svo"):
        return False
    hosts = [k for k in tree.kids[v] if toks[k].dep in ("nsubj", "nsubjpass")]
    if toks[v].dep in ("relcl", "acl") and tree.head(v) is not None and (
            not hosts or toks[hosts[0]].tag in ("WDT", "WP")):
        hosts = [tree.head(v)]  # "the cafe that was hosting the cartoonist", "a hotel hosting diplomats"
    if hosts and all(toks[h].pos == "NOUN" and names_word(tree, h, VENUES) for h in hosts):
        return True
    guests = [k for k in tree.kids[v] if toks[k].dep == "dobj"]
    counted = [a for g in guests for _, a in tree.prep_args(g, ("of",))]
    return bool(guests) and all(names_word(tree, g, NON_GUESTS) or any(
        names_word(tree, a, NON_GUESTS) for a in counted) for g in guests)


CHECKS = (
    (standing_backing, "backing described by a participle, a present relative clause or a present passive is a "
                       "standing alignment, no act on an occasion"),
    (non_party_host, "a venue hosting guests, or a host sheltering refugees or a base, meets no party: no CONSULT"),
)


def drop_reason(tree: Tree, f: Frame, lex: Lexicon | None = None) -> str:
    return next((why for check, why in CHECKS if check(tree, f)), "")


__all__ = ["drop_reason", "non_party_host", "standing_backing"]
