"""A page's sentences cut from their articles' bodies decompressed only as far as the sentences reach
(mention_reads._article_texts): the same records as from the whole bodies, with characters of several bytes before,
inside and after the sentences, sentences at the start, middle and end of long articles, and the memo's whole
texts used when it has them."""

from __future__ import annotations

import dataclasses
import datetime as dt

from test_store import make_doc, make_event

from redline.records import TextInfo
from redline.store import Store, mention_reads
from redline.store.memo import Memo
from redline.store.rows import mention_record, unpack_text


def _doc(article_id: str, filler: str, where: tuple[int, ...]) -> tuple:
    """An article of a long filler text holding one sentence at each of these fractions (of 100) of its length."""
    sentence = "Москва обстреляла Київ — «удар» 💥 at dawn."
    parts, events, at = [], [], 0
    for n, pct in enumerate(where):
        pad = filler * pct
        parts.append(pad)
        at += len(pad)
        ev = make_event(article_id, n, sentence=sentence)
        events.append(dataclasses.replace(ev, text_info=TextInfo(n, at, at + len(sentence), at, at + 6)))
        parts.append(sentence)
        at += len(sentence)
    parts.append(filler * 40)
    return make_doc(article_id, events, text="".join(parts))


def test_sentences_cut_from_prefixes_equal_those_cut_from_whole_bodies(tmp_path):
    docs = [_doc("a1", "Ünïcödé filler text, ", (0,)), _doc("a2", "plain words here. ", (30, 60)),
            _doc("a3", "日本語のテキスト。", (95,)), _doc("a4", "ab", (1, 2, 3))]
    with Store(tmp_path / "t.duckdb") as store:
        run = store.begin_run("test", [])
        store.write_documents(docs, run_id=run)
        cur = store._cursor()
        ns = [r[0] for r in cur.execute("SELECT n FROM event_mentions ORDER BY n").fetchall()]
        assert len(ns) == 7
        assert cur.execute("SELECT count(*) FROM event_mentions WHERE own_text IS NOT NULL").fetchone()[0] == 0
        got = mention_reads.mentions_by_n(cur, ns)
        bodies = {a: unpack_text(b) for a, b in cur.execute("SELECT id, body FROM articles").fetchall()}
        for n, (m, record) in got.items():
            assert record == mention_record(m, bodies[m["article_id"]]), n
            assert record["text"].startswith("Москва") and record["text"].endswith("dawn."), n
        # prefixes: as far as the farthest sentence of each article, not the whole body (a4's reach all of it)
        reach = {m["article_id"]: max(x["end_char"] for x, _ in got.values() if x["article_id"] == m["article_id"])
                 for m, _ in got.values()}
        texts = mention_reads._article_texts(cur, reach)
        assert all(bodies[a].startswith(t) and len(t) >= reach[a] for a, t in texts.items())
        assert len(texts["a1"]) < len(bodies["a1"])
        # None: the whole text
        assert mention_reads._article_texts(cur, {"a2": None}) == {"a2": bodies["a2"]}
        # the memo's whole texts are used as they are (kept by an article answer of the same version)
        memo = Memo()
        memo.put_many("article", {"a3": {"id": "a3", "text": "kept"}}, 7)
        assert mention_reads._article_texts(cur, {"a3": 10, "a1": 5}, memo=memo, version=7) == \
            {"a3": "kept", "a1": bodies["a1"][:len(mention_reads._article_texts(cur, {"a1": 5})["a1"])]}


def test_a_page_of_events_equals_the_page_from_whole_bodies(tmp_path, monkeypatch):
    docs = [_doc(f"b{i}", "filler — ", (i * 10 % 90, 95)) for i in range(6)]
    # (events of distinct days: distinct events, each represented by its own article's sentence)
    docs = [dataclasses.replace(d, article=dataclasses.replace(d.article, published=dt.date(2021, 6, 10 + i)),
                                events=tuple(dataclasses.replace(e, date=dt.date(2021, 6, 1 + i), event=kind)
                                             for e, kind in zip(d.events, ("ASSAULT", "COERCE"), strict=True)))
            for i, d in enumerate(docs)]
    with Store(tmp_path / "p.duckdb") as store:
        run = store.begin_run("test", [])
        store.write_documents(docs, run_id=run)
        page = store.events_page(limit=20)
        monkeypatch.setattr(mention_reads, "_article_texts", lambda cur, reach, memo=None, version=0: {
            a["id"]: a["text"] for a in mention_reads.articles_by_id(cur, sorted(reach)).values()})
        assert store.events_page(limit=20) == page
        assert len(page[0]) == 12 and page[1] == 12


def test_mentions_given_their_events_rows_equal_those_read_whole(tmp_path):
    """A page passes each serial's event, article and seq from its events row (not read again): the same rows, in
    the same column order, and records; a serial it does not know is read whole."""
    docs = [_doc("c1", "filler ", (5, 50)), _doc("c2", "more filler ", (20,))]
    docs = [dataclasses.replace(d, events=tuple(dataclasses.replace(e, date=dt.date(2021, 5, 1 + 3 * i + j))
                                                for j, e in enumerate(d.events)))
            for i, d in enumerate(docs)]  # (distinct days: distinct events)
    with Store(tmp_path / "k.duckdb") as store:
        store.write_documents(docs, run_id=store.begin_run("test", []))
        cur = store._cursor()
        reps = cur.execute("SELECT rep_n, id, rep_article, rep_seq FROM events").fetchall()
        known = {n: (e, a, s) for n, e, a, s in reps}
        whole = mention_reads.mentions_by_n(cur, list(known))
        given = mention_reads.mentions_by_n(cur, list(known), known=known)
        assert given == whole and len(given) == 3
        assert all(list(given[n][0]) == list(whole[n][0]) for n in known)
        wrong = {n: ("other", "x", 99) for n in known}  # what is known is used as it is
        assert {m["event_id"] for m, _ in mention_reads.mentions_by_n(cur, list(known), known=wrong).values()} == {"other"}
        partial = dict(list(wrong.items())[:1])  # not every serial known: all read whole
        assert mention_reads.mentions_by_n(cur, list(known), known=partial) == whole
