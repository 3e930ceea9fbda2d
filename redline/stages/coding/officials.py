"""Pressure among one executive's own officials (sixteenth round, fresh sample A, issue 12).

A leader pressing, asking or ordering his own officials, and officials refusing or rebuffing their leader, are the
workings of one government, not acts between parties (docs/annotation.md section 2: internal procedures): "the
prime minister pressed her interior minister to sack the police chief", "the chancellor asked the intelligence
chief for a briefing", "the minister turned down the premier's request", "the president rejected his general's
advice".
`inhouse.same_government` drops meetings, requests and agreements among government, forces, police and
intelligence; the officials in these stories are often known by name as former officials (sector ELI: the actor
knowledge base describes them as they are now) or as officials of the Justice Department (JUD), which it leaves.

Nineteenth round (fresh sample A of round 37): a leader's or a government's order to one of its own bodies ("the
president ordered the government to review the gas contract", "ordered state agencies to rush tents to the
earthquake zone", "ordered the country's airlines to stay on the ground") is an instruction inside one state, no REQUEST to a party (`ordered_own_body`). Kept: an order to a
person (an official told not to testify, which the real-article gold codes), to a body
named with a country or nationality ("ordered the Ukrainian forces to withdraw"), and any order by a court.

Kept: a court, a judge or a prosecutor among the parties ("the minister asked a judge to lift the order"), a
former official named as such ("former President X"), a body or a country rather than a person ("urged the
cabinet", "asked the United States"), and any sentence naming another country or nationality.
"""

from __future__ import annotations

from .tree import Frame, Tree

# The executive's officers, former ones included, and the Justice Department's (sector JUD).
OFFICIALS = frozenset({"GOV", "MIL", "COP", "SPY", "ELI", "JUD"})
# Words that make a party a court, a prosecutor or someone out of office: an act with them is no internal matter.
OUTSIDE = frozenset({"court", "courts", "judge", "judges", "justice", "justices", "jury", "tribunal", "magistrate",
                     "prosecutor", "prosecutors", "former", "ex", "lawyer", "lawyers", "attorneys"})
# Bodies and states, not officials: "urged the cabinet", "asked Congress".
BODIES = frozenset({"administration", "government", "congress", "senate", "house", "parliament", "legislature",
                    "state", "country", "nation", "people", "public", "party", "committee"})
# Titles an official is named by when not by name: "the president", "a senior White House official".
TITLES = frozenset({"president", "official", "officials", "secretary", "director", "adviser", "advisor", "counsel",
                    "aide", "aides", "chief", "minister", "general", "deputy", "premier", "commander"})


def _words(tree: Tree, head: int) -> set[str]:
    """The words of the mention's phrase: its head and everything under it ("former Prime Minister Jane Roe")."""
    return {tree.tokens[k].lower for k in tree.subtree(head)}


def _person(tree: Tree, head: int, text: str) -> bool:
    """The mention is one official: a name, a pronoun or an office title (no body, country or nationality), with
    no court, prosecutor or 'former'."""
    if head < 0:
        return False
    toks = tree.tokens
    t = toks[head]
    if t.ent_type in ("GPE", "NORP") or t.lemma.lower() in BODIES:
        return False
    if t.ent_type != "PERSON" and t.pos not in ("PRON", "PROPN") and t.lemma.lower() not in TITLES:
        return False
    return not (_words(tree, head) | set(text.lower().split())) & OUTSIDE


def pressed_official(tree: Tree, f: Frame, actors, recipients, foreign_named) -> bool:
    """A request or refusal whose every party is an official (by name or title) of one and the same country.
    `foreign_named(tree, f, actors, recipients)`: is another country or nationality named in the sentence."""
    if f.code.event not in ("REQUEST", "REJECT") or not actors or not recipients:
        return False
    parties = [*actors, *recipients]
    # a person or pronoun the knowledge base gave no sector ("Trump" in some stories, "he") may be one of them
    if not all(p.entity.sector in OFFICIALS or p.entity.sector is None for p in parties) or \
            sum(p.entity.sector is not None for p in parties) == 0:
        return False
    codes = {p.entity.code for p in parties}
    if len(codes) != 1 or None in codes:
        return False
    return all(_person(tree, p.head, p.entity.entity_text) for p in parties) and not foreign_named(tree, f, actors, recipients)


# Verbs of command: only a superior gives them, so to a body of its own state they are instructions inside it.
ORDER_VERBS = frozenset({"order", "direct", "instruct", "task", "command"})
# Bodies of a state that its leader or government commands ("the government", "state agencies", "the country's
# nuclear industry"); a person is not one.
# Civilian bodies only: an order to the country's own forces ("ordered the army to withdraw") is a command an analyst
# wants, coded REQUEST aimed at the state (subordinates.py); the merge of the nineteenth round took the military
# words out, where the two rounds' rules met (none of the four judged drops on fresh300 was an order to forces).
OWN_BODIES = frozenset({"government", "department", "departments", "ministry", "ministries", "agency", "agencies",
                        "administration", "cabinet", "industry", "industries", "authorities", "service", "services",
                        "airline", "airlines", "office", "offices"})
EXECUTIVE = frozenset({"GOV", "MIL", "COP", "SPY"})


def ordered_own_body(tree: Tree, f: Frame, actors, recipients) -> bool:
    """'ordered the government to review the contract': an executive of one country ordering a body named with no
    country or nationality, with no recipient of another country."""
    toks = tree.tokens
    if f.code.event != "REQUEST" or toks[f.base].lemma.lower() not in ORDER_VERBS or not actors:
        return False
    if not all(a.entity.sector in EXECUTIVE for a in actors):
        return False
    codes = {a.entity.code for a in actors}
    if len(codes) != 1 or None in codes or any(r.entity.code not in (*codes, None) for r in recipients):
        return False
    objs = tree.children(f.base, {"dobj"})
    return bool(objs) and all(
        toks[o].lemma.lower() in OWN_BODIES and not any(toks[k].ent_type in ("GPE", "NORP") for k in tree.subtree(o))
        for o in objs)
