"""PETRARCH verb dictionaries -> redline user lexicon: what each construct becomes, and nothing dropped silently."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.knowledge.lexicon import load_lexicon
from redline.knowledge.lexicon_petrarch import import_petrarch_verbs
from redline.knowledge.lexicon_user import read_user_lexicon
from redline.knowledge.petrarch_verbs import read_verb_dictionary
from redline.records import Token
from redline.stages.coding.tree import Tree, match_verb

# TABARI-style patterns (CAMEO.verbpatterns, PETR.Validate.verbs), written for this test.
TABARI = """# a small verb dictionary
&CURRENCY
+DOLLAR
+SWISS FRANC

&OUTPOSTS_
+OUTPOST

&PREPOSIT1_
+AGAINST
+IN

--- ABANDON [080] ---
ABANDON
+PULL_OUT {+PULLS_OUT +PULLED_OUT +PULLING_OUT}
- * HEADQUARTERS [0874]  # a comment
- * &OUTPOSTS IN + [0874]
- * PLAN [---]
- SAID * POLICY [100]
- * WOULD HELP [030]
- * [080]
- * RESOLUTION [345]

--- GRANT [070] ---
GRANT
CONTRIBUTE [071]
- * &CURRENCY [071]
- * AID &PREPOSIT1 + [070]

--- MEET [040:040] ---
MEET
- * WITH % [043]

--- EXPLAIN [010] ---
SAY {SAYS SAID SAYING}
WIRE_+TAP [1711]
- * + LIAR [112]
- * NO CODE HERE
"""

# PETRARCH2-style patterns (CAMEO.2.0): noun phrases in braces, prepositional phrases in parentheses.
PETRARCH2 = """&WEAPON
+RIFLE
+TANK

---  RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
- * AID                                               [070]         # RUSH
- * {ARMS SHIPMENT}                                   [072]         # RUSH
- * (TO BORDER)                                       [154]         # RUSH
- * POLICE (TO BORDER)                                [153]         # RUSH
- * &WEAPON                                           [194]         # RUSH
- PROSECUTOR *                                        [173]         # RUSH
- * OUT VIEWS                                         [010]         # RUSH

~ a (a b ATTACK) SAY = a b 015
"""


def tok(i, text, lemma, pos, dep, head):
    return Token(i=i, text=text, lemma=lemma, pos=pos, tag="", dep=dep, head=head, idx=i * 10)


@pytest.fixture
def tabari(tmp_path):
    path = tmp_path / "test.verbs.txt"
    path.write_text(TABARI, encoding="utf-8")
    return path


@pytest.fixture
def petrarch2(tmp_path):
    path = tmp_path / "test2.verbs.txt"
    path.write_text(PETRARCH2, encoding="utf-8")
    return path


def outcome(result, line: int):
    found = [o for o in result.outcomes if o.line == line]
    assert len(found) == 1, found
    return found[0]


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_reader_finds_synsets_blocks_verbs_and_patterns(tabari):
    d = read_verb_dictionary(tabari)
    assert d.dialect == "tabari"
    assert ("swiss", "francs") in d.synsets["&CURRENCY"]  # PETRARCH's regular plural
    assert d.synsets["&OUTPOSTS"] == (("outpost",),)  # a name ending in _ makes no plurals
    assert [b.name for b in d.blocks] == ["ABANDON", "GRANT", "MEET", "EXPLAIN"]
    pull = d.blocks[0].verbs[1]
    assert (pull.words, pull.verb_at) == (("pull", "out"), 0)
    assert d.blocks[3].verbs[1].verb_at == 1  # WIRE_+TAP: the verb comes second
    assert d.patterns == 11 and [u.reason for u in d.unread] == ["a pattern without a [CODE]"]


@pytest.mark.parametrize(
    ("fragment", "status", "reason"),
    [
        ("- * HEADQUARTERS", "converted", ""),
        ("- * &OUTPOSTS IN +", "converted", ""),
        ("- * PLAN [---]", "converted", ""),
        ("- SAID * POLICY", "skipped", "words before the verb"),
        ("- * WOULD HELP", "skipped", "form a clause"),
        ("- * [080]", "merged", "the same code as the block's verbs"),
        ("- * RESOLUTION [345]", "skipped", "not a CAMEO code"),
        ("- * &CURRENCY", "converted", ""),
        ("- * AID &PREPOSIT1 +", "converted", ""),
        ("- * WITH %", "approximated", "a compound actor after the verb makes a joint act"),
        ("- * + LIAR", "approximated", "the target's position is not checked"),
        ("- * NO CODE HERE", "skipped", "a pattern without a [CODE]"),
        ("SAY {SAYS", "skipped", "no PLOVER event type"),
        ("WIRE_+TAP", "skipped", "a word before the verb"),
        ("+PULL_OUT", "converted", ""),
    ],
)
def test_every_tabari_line_gets_its_outcome(tabari, fragment, status, reason):
    result = import_petrarch_verbs(tabari)
    o = outcome(result, line_of(TABARI, fragment))
    assert o.status == status
    assert reason in o.reason


def test_tabari_import_writes_entries_and_word_lists(tabari):
    text = import_petrarch_verbs(tabari).text()
    verbs = text.split("[verbs]")[1]
    for expected in [
        r"^abandon \| RETREAT/withdraw \| 0874 \| pick obj=(\w+)$",  # * HEADQUARTERS
        r"^abandon \| RETREAT/withdraw \| 0874 \| pick need=in obj=(\w+)$",  # * &OUTPOSTS IN +
        r"^abandon \| NONE \| - \| pick obj=(\w+)$",  # the null code on an object: no event with it
        r"^abandon \| CONCEDE \| 080$",
        r"^pull out \| CONCEDE \| 080$",
        r"^pull out \| NONE \| - \| pick obj=(\w+)$",  # patterns apply to every verb of the block
        r"^contribute \| AID \| 071$",
        r"^grant \| AID \| 071 \| pick obj=(\w+)$",
        r"^grant \| AID \| 070 \| pick need=against obj=(\w+)$",  # &PREPOSIT1: one entry per preposition
        r"^grant \| AID \| 070 \| pick need=in obj=(\w+)$",
        r"^meet \| CONSULT \| 040 \| recip$",  # [040:040]: the act is joint
        r"^meet with \| CONSULT/visit \| 043 \| recip$",
        r"^say \| ACCUSE/allege \| 112 \| pick need=rcpt obj=(\w+)$",
    ]:
        assert re.search(expected, verbs, re.M), expected
    lists = dict(re.findall(r"^(\w+) = (.*)$", text.split("[verbs]")[0], re.M))
    assert set(lists[re.search(r"^grant \| AID \| 071 \| pick obj=(\w+)$", verbs, re.M).group(1)].split(", ")) == {
        "dollar", "dollars", "swiss franc", "swiss francs"}
    assert "# " + str(line_of(TABARI, "- SAID * POLICY")) + ": skipped, words before the verb" in text


def test_imported_lexicon_loads_and_codes_by_object(tabari, tmp_path):
    out = tmp_path / "mine.txt"
    import_petrarch_verbs(tabari, out)
    user = read_user_lexicon(out)
    entries = [ln for ln in out.read_text().split("[verbs]")[1].splitlines() if ln and not ln.startswith("#")]
    assert user.counts["verbs"] == len(entries)
    lex = load_lexicon(out)

    def code(obj, lemma, mod=None):
        toks = [tok(0, "Russia", "Russia", "PROPN", "nsubj", 1), tok(1, "granted", "grant", "VERB", "ROOT", 1)]
        if mod:
            toks.append(tok(2, mod, mod, "ADJ", "amod", 3))
        toks.append(tok(len(toks), obj, lemma, "NOUN", "dobj", 1))
        hit = match_verb(Tree(tuple(toks)), 1, lex)
        return hit and hit[0].code.cameo

    assert code("dollars", "dollar") == "071"
    assert code("francs", "franc", mod="Swiss") == "071"
    assert code("loans", "loan") == "070"  # no pattern fits: the verb's own code


def test_petrarch2_dialect_phrases_and_prepositions(petrarch2):
    result = import_petrarch_verbs(petrarch2)
    assert result.dialect == "petrarch2"
    text = result.text()
    assert re.search(r"^rush \| AID \| 072 \| pick obj=(\w+)$", text, re.M)
    assert re.search(r"^speed to \| MOBILIZE/troops \| 154 \| pick obj=(\w+)$", text, re.M)
    assert "arms shipment" in text and "rifles" in text
    assert outcome(result, line_of(PETRARCH2, "POLICE (TO BORDER)")).reason.startswith("more than redline checks")
    assert "words before the verb" in outcome(result, line_of(PETRARCH2, "PROSECUTOR *")).reason
    assert "no PLOVER event type" in outcome(result, line_of(PETRARCH2, "* OUT VIEWS")).reason
    assert outcome(result, line_of(PETRARCH2, "~ a (a b")).reason.startswith("a transformation")
    assert outcome(result, line_of(PETRARCH2, "SPEED {")).status == "null"
    counts = result.counts()
    assert counts["patterns"] == {"converted": 4, "skipped": 3} and counts["verbs"] == {"null": 2}


def test_import_petrarch_command_reports_counts_and_exit_status(tabari, petrarch2, tmp_path):
    runner = CliRunner()
    out = tmp_path / "l.txt"
    result = runner.invoke(cli, ["lexicon", "import-petrarch", str(petrarch2), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["patterns"]["converted"] == 4 and report["entries"] > 0
    result = runner.invoke(cli, ["lexicon", "import-petrarch", str(tabari), "-o", str(out)])
    assert result.exit_code == 1  # one line is not verb-dictionary syntax
    assert "1 line(s) are not verb-dictionary syntax" in result.output
    check = runner.invoke(cli, ["lexicon", "check", str(out), "--format", "json"])
    assert check.exit_code == 0
    assert any("'meet'" in row["override"] for row in json.loads(check.stdout))


def test_lexicon_option_refuses_a_malformed_file_before_running(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("[verbs]\npester | FROLIC | 111\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["explain", "Russia pestered Ukraine.", "--lexicon", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:2: unknown PLOVER type" in result.output


def test_not_a_verb_dictionary_is_refused(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text("FREEDONIA_ [FRD]\n", encoding="utf-8")
    with pytest.raises(Exception, match="no verb blocks"):
        import_petrarch_verbs(path)


@pytest.mark.shared
@pytest.mark.parametrize("name", ["CAMEO.verbpatterns.150430.txt", "CAMEO.2.0.txt", "PETR.Validate.verbs.txt"])
def test_shared_dictionaries_every_pattern_is_accounted_for(shared_dir, name, tmp_path):
    path = shared_dir / "anchors" / "petrarch2" / "dictionaries" / name
    result = import_petrarch_verbs(path, tmp_path / "out.txt")
    raw = path.read_text(encoding="utf-8", errors="replace").splitlines()
    pattern_lines = {n for n, line in enumerate(raw, 1) if line.startswith("-") and not line.startswith("---")}
    accounted = {o.line for o in result.outcomes if o.kind in ("pattern", "line")}
    assert pattern_lines <= accounted  # every pattern counted: converted, approximated, merged, shadowed, skipped
    assert len([o for o in result.outcomes if o.kind == "pattern"]) == read_verb_dictionary(path).patterns
    assert read_user_lexicon(tmp_path / "out.txt").counts["verbs"] == result.entries
