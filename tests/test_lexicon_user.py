"""User lexicon files (--lexicon, setting 'lexicon'): sections, word lists, layering, pick and NONE entries."""

from __future__ import annotations

import re

import pytest

from redline.errors import KnowledgeError
from redline.knowledge.lexicon import builtin_lexicon, load_lexicon
from redline.knowledge.lexicon_user import layered_lexicon, read_user_lexicon
from redline.records import Token
from redline.stages.coding.frames import find_frames
from redline.stages.coding.tree import Tree, match_verb

USER = """# a small user lexicon
[cues]
outposts = outpost, headquarters, border post
plans = plan
forces += militiamen

[verbs]
forsake | NONE | - | pick obj=plans
forsake | RETREAT/withdraw | 0874 | pick obj=outposts
pester | ACCUSE/disapprove | 111 | need=obj
attack | COERCE | 170
"""


def tok(i, text, lemma, pos, dep, head):
    return Token(i=i, text=text, lemma=lemma, pos=pos, tag="", dep=dep, head=head, idx=i * 10)


def svo(verb: str, lemma: str, obj: str, obj_lemma: str, mod: str | None = None) -> tuple[Token, ...]:
    """'Russia VERB [its] [MOD] OBJ .' as a hand-built parse."""
    toks = [tok(0, "Russia", "Russia", "PROPN", "nsubj", 1), tok(1, verb, lemma, "VERB", "ROOT", 1)]
    if mod:
        toks.append(tok(2, mod, mod, "NOUN", "compound", 3))
    n = len(toks)
    toks.append(tok(n, obj, obj_lemma, "NOUN", "dobj", 1))
    toks.append(tok(n + 1, ".", ".", "PUNCT", "punct", 1))
    return tuple(toks)


@pytest.fixture
def user_file(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text(USER, encoding="utf-8")
    return path


def test_user_lexicon_reads_sections_lists_and_overrides(user_file):
    user = read_user_lexicon(user_file)
    assert user.counts == {"verbs": 4, "nouns": 0, "light": 0, "cues": 3}
    assert user.cues["outposts"] == {"outpost", "headquarters", "border post"}
    assert "militiamen" in user.cues["forces"] and "troops" in user.cues["forces"]  # += keeps the built-in words
    assert "verb 'attack': the user's entry replaces the built-in one" in user.overrides
    assert "word list 'forces': extended" in user.overrides
    assert not any("forsake" in o for o in user.overrides)  # pick entries add, they do not replace


def test_layered_lexicon_puts_user_entries_first_and_pick_entries_before_plain_ones(user_file):
    lex = load_lexicon(user_file)
    assert [e.code.event for e in lex.verbs["forsake"]] == ["NONE", "RETREAT"]
    assert lex.verbs["attack"][0].code.event == "COERCE"  # the user's wins over the built-in ASSAULT
    assert lex.verbs["attack"][-1].code.event == "ASSAULT"  # which is still there, behind it
    assert load_lexicon() is builtin_lexicon()
    assert "pester" not in builtin_lexicon().verbs  # the built-in lexicon is untouched


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (svo("forsook", "forsake", "outpost", "outpost"), ("RETREAT", "0874")),  # picked by its object
        (svo("forsook", "forsake", "post", "post", mod="border"), ("RETREAT", "0874")),  # 'modifier head'
        (svo("forsook", "forsake", "plan", "plan"), None),  # the NONE entry: no event here
        (svo("forsook", "forsake", "talks", "talk"), None),  # no pick fits and no other entry
        (svo("pestered", "pester", "Ukraine", "Ukraine"), ("ACCUSE", "111")),
        (svo("attacked", "attack", "Ukraine", "Ukraine"), ("COERCE", "170")),
    ],
)
def test_match_verb_picks_by_object_and_none_means_no_event(user_file, tokens, expected):
    lex = load_lexicon(user_file)
    hit = match_verb(Tree(tokens), 1, lex)
    assert (None if hit is None else (hit[0].code.event, hit[0].code.cameo)) == expected
    frames, _, _ = find_frames(tokens, lex)
    assert [(f.code.event, f.code.cameo) for f in frames] == ([expected] if expected else [])


def test_pick_entry_falls_through_to_the_builtin_entry(tmp_path):
    path = tmp_path / "pick.txt"
    path.write_text("[cues]\nposts = outpost\n[verbs]\nattack | COERCE/seize | 1711 | pick obj=posts\n",
                    encoding="utf-8")
    lex = load_lexicon(path)
    assert match_verb(Tree(svo("attacked", "attack", "outpost", "outpost")), 1, lex)[0].code.cameo == "1711"
    assert match_verb(Tree(svo("attacked", "attack", "Ukraine", "Ukraine")), 1, lex)[0].code.event == "ASSAULT"


def test_layered_lexicon_is_read_again_when_the_file_changes(tmp_path):
    path = tmp_path / "grow.txt"
    path.write_text("[verbs]\npester | ACCUSE/disapprove | 111\n", encoding="utf-8")
    assert "harangue" not in layered_lexicon(path).verbs
    path.write_text("[verbs]\npester | ACCUSE/disapprove | 111\nharangue | ACCUSE/disapprove | 111\n",
                    encoding="utf-8")
    assert "harangue" in layered_lexicon(path).verbs


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("pester | ACCUSE | 111\n", ":1: a line outside any section"),
        ("[adverbs]\n", ":1: unknown section [adverbs]"),
        ("[verbs]\n\npester | FROLIC | 111\n", ":3: unknown PLOVER type"),
        ("[verbs]\npester | ACCUSE | 111 | obj=nowhere\n", ":2: obj=nowhere: no such word list"),
        ("[verbs]\npester | ACCUSE | 111 | pick\n", ":2: pick needs obj=LIST"),
        ("[cues]\nnewlist += a, b\n", ":2: newlist += ...: no such word list"),
        ("[cues]\nBad Name = a\n", ":2: expected 'name = word, word'"),
        ("[cues]\nempty = ,\n", ":2: the word list 'empty' is empty"),
    ],
)
def test_malformed_user_lexicon_names_file_line_and_problem(tmp_path, text, message):
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=re.escape(message)) as err:
        read_user_lexicon(path)
    assert str(path) in str(err.value)


def test_missing_lexicon_file_is_a_knowledge_error(tmp_path):
    with pytest.raises(KnowledgeError, match="lexicon file not found"):
        load_lexicon(tmp_path / "absent.txt")


def test_context_carries_the_lexicon_as_a_setting(tmp_path, monkeypatch):
    from redline.engines.worker import PipelineSpec
    from redline.pipeline import Context, Pipeline

    path = tmp_path / "l.txt"
    path.write_text("[verbs]\npester | ACCUSE/disapprove | 111\n", encoding="utf-8")
    ctx = Context(lexicon_file=str(path))
    assert ctx.settings["lexicon"] == str(path) and ctx.lexicon_file == str(path)
    spec = PipelineSpec.of(Pipeline(ctx))  # what worker processes rebuild the pipeline from
    assert spec.settings["lexicon"] == str(path)
    cfg = tmp_path / "redline.toml"
    cfg.write_text(f'lexicon = "{path}"\n', encoding="utf-8")
    monkeypatch.setenv("REDLINE_CONFIG", str(cfg))
    assert Context().lexicon_file == str(path)  # the config file sets it too


@pytest.mark.slow
def test_extract_and_ingest_commands_code_with_the_user_lexicon(tmp_path):
    """The real pipeline in fresh processes: without the lexicon 'pestered' is no event, with it an ACCUSE."""
    import json
    import subprocess
    import sys

    from redline.store import Store

    article = tmp_path / "a.txt"
    article.write_text("Tue, 09 Mar 2021\n\nRussia pestered Ukraine on Monday, officials said.\n", encoding="utf-8")
    lexicon = tmp_path / "mine.txt"
    lexicon.write_text("[verbs]\npester | ACCUSE/disapprove | 111 | need=obj\n", encoding="utf-8")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "redline", *args], capture_output=True, text=True, timeout=600)

    plain = run("extract", str(article), "--format", "json")
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout) == []
    coded = run("extract", str(article), "--format", "json", "--lexicon", str(lexicon))
    assert coded.returncode == 0, coded.stderr
    assert [(e["event"][0], e["cameo"]) for e in json.loads(coded.stdout)] == [("ACCUSE", "111")]
    db = tmp_path / "s.duckdb"
    stored = run("ingest", str(article), "--db", str(db), "--lexicon", str(lexicon))
    assert stored.returncode == 0, stored.stderr
    with Store(str(db), read_only=True) as store:
        assert [r["cameo"] for r in store.events(limit=10)] == ["111"]


def test_watch_keeps_a_pipeline_built_with_the_user_lexicon(tmp_path, monkeypatch):
    import redline.engines.worker as worker
    from redline.watch import watch

    from test_watch import _empty_pipeline

    incoming = tmp_path / "in"
    incoming.mkdir()
    lexicon = tmp_path / "mine.txt"
    lexicon.write_text("[verbs]\npester | ACCUSE/disapprove | 111\n", encoding="utf-8")
    specs = []
    monkeypatch.setattr(worker, "pipeline_for", lambda spec: specs.append(spec) or _empty_pipeline())
    watch(incoming, db=str(tmp_path / "w.duckdb"), once=True, lexicon_file=str(lexicon))
    assert [s.settings["lexicon"] for s in specs] == [str(lexicon)]
