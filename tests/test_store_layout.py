"""The compact store layout: typed columns give back exactly the PLOVER and quote records, texts are stored
once, a record key added later survives, and migration 12 turns a store of the JSON layout into the same
answers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from redline.plover import event_dict, quote_dict
from redline.records import Article, Document, Entity, Event, Factuality, Place, Quote, Sentence, TextInfo
from redline.store import Store, rows, schema

BODY = ("Russia attacked Ukraine near Kharkiv on Tuesday. The Kremlin said the strike hit military targets. "
        "\"We will answer,\" said Ukrainian President Volodymyr Zelensky.")
S1, S2, S3 = BODY.index("Russia"), BODY.index("The Kremlin"), BODY.index('"We')
PUTIN = Entity("Russia", "RUS", "GOV", "Vladimir Putin", "Q7747", office="president", reason="kb: Russia",
               sectors=("GOV", "MIL"), entry="country:RUS")
UKR = Entity("Ukraine", "UKR", "GOV", reason="kb: Ukraine", entry="country:UKR")
KREMLIN = Entity("The Kremlin", "RUS", "GOV", reason="kb: metonym")
ZELENSKY = Entity("Volodymyr Zelensky", "UKR", "GOV", "Volodymyr Zelensky", "Q3881", office="president",
                  reason="kb: Zelensky", sectors=("GOV",))
KHARKIV = Place("Kharkiv", "UKR", "Kharkiv Oblast", 49.99, 36.23, "city", "city", 706483, "Kharkiv", 0,
                BODY.index("Kharkiv"), BODY.index("Kharkiv") + 7, "locative 'near Kharkiv'")


def _doc(article_id: str = "a1", body: str = BODY) -> Document:
    first = Event(id=f"{article_id}-e0", article_id=article_id, event="ASSAULT", actor=(PUTIN,), recipient=(UKR,),
                  cameo="190", goldstein=-10.0, quad_code=4, event_scale=-9.5, factuality=Factuality.ASSERTED,
                  text=body[S1:S2 - 1], text_info=TextInfo(0, S1, S2 - 1, S1 + 7, S1 + 15), event_text="attacked",
                  rule="svo:attack", confidence=0.9, mode="aerial", context=("military",),
                  date=dt.date(2024, 5, 14), event_loc=KHARKIV, loc_reason="locative 'near Kharkiv'",
                  factuality_reason="no cue", date_reason="'on Tuesday'", publication="Wire",
                  claim_source=(KREMLIN,))
    second = dataclasses.replace(first, id=f"{article_id}-e1", event="THREATEN", cameo="138", actor=(ZELENSKY,),
                                 recipient=(PUTIN,), text=body[S3:], quad_code=3, goldstein=-7.0,
                                 text_info=TextInfo(2, S3, len(body), S3 + 9, S3 + 15), event_loc=None, mode=None,
                                 context=(), claim_source=(), factuality=Factuality.FUTURE,
                                 event_text="answer", date=dt.date(2024, 5, 15))
    quote = Quote(id=f"{article_id}-q0", article_id=article_id, text=body[S3 + 1:S3 + 16], direct=True,
                  speaker=ZELENSKY, speaker_text="Ukrainian President Volodymyr Zelensky", verb="said", medium=None,
                  sentence=2, start=S3 + 1, end=S3 + 16, date=dt.date(2024, 5, 15), reason="speaker after the quote",
                  event_ids=(second.id,), tone=-1.5)
    article = Article(id=article_id, text=body, title="Strike", published=dt.date(2024, 5, 15), publisher="Wire")
    sentences = (Sentence(0, 0, S1, S2 - 1, body[S1:S2 - 1]), Sentence(1, 0, S2, S3 - 1, body[S2:S3 - 1]),
                 Sentence(2, 1, S3, len(body), body[S3:]))
    return Document(article=article, sentences=sentences, events=(first, second), quotes=(quote,),
                    places=(KHARKIV,), reference_date=article.published)


def test_round_trip_gives_back_the_plover_and_quote_records(tmp_path):
    doc = _doc()
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([doc], run_id=store.begin_run("test", []))
        art = store.article("a1")
        assert [{k: v for k, v in e.items() if k != "event_id"} for e in art["events"]] == \
            [json.loads(json.dumps(event_dict(ev), default=str)) for ev in doc.events]
        assert art["quotes"] == [json.loads(json.dumps(quote_dict(q), default=str)) for q in doc.quotes]
        listed = {e["id"]: e for e in store.events(factuality=None)}
        assert {e["text"] for e in listed.values()} == {ev.text for ev in doc.events}
        actors = store.con.execute("SELECT role, code, sectors, entry FROM actors ORDER BY mention_seq, role, "
                                   "position").fetchall()
        assert actors == [("actor", "RUS", ["GOV", "MIL"], "country:RUS"), ("claim_source", "RUS", [], None),
                          ("recipient", "UKR", [], "country:UKR"), ("actor", "UKR", ["GOV"], None),
                          ("recipient", "RUS", ["GOV", "MIL"], "country:RUS")]


def test_sentences_are_stored_once_unless_offsets_do_not_reproduce_them(tmp_path):
    good = _doc("good")
    off = _doc("off")
    off = dataclasses.replace(off, events=(dataclasses.replace(off.events[0], text="A sentence not in the body."),))
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([good, off], run_id=store.begin_run("test", []))
        kept = store.con.execute("SELECT article_id, own_text FROM event_mentions ORDER BY article_id, seq").fetchall()
        assert kept == [("good", None), ("good", None), ("off", "A sentence not in the body.")]
        assert store.con.execute("SELECT count(own_text) FROM quotes").fetchone()[0] == 0
        assert store.article("off")["events"][0]["text"] == "A sentence not in the body."


def test_a_record_key_added_later_is_kept(tmp_path, monkeypatch):
    def with_history(ev):
        return {**event_dict(ev), "history": True}

    monkeypatch.setattr(rows, "event_dict", with_history)
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([_doc()], run_id=store.begin_run("test", []))
        assert all(e["history"] is True for e in store.article("a1")["events"])


def test_red_line_flag_matches_the_alert_pattern():
    assert rows.red_line("Crossing a red line, he said.") and rows.red_line("a Red-Line for Moscow")
    assert rows.red_line("redlines") and not rows.red_line("a redlined contract") and not rows.red_line("bred lines")


# -- migration from the JSON layout (redline before migration 12) ------------------------------------------------

def _old_layout(con, doc: Document) -> None:
    """Write a document as redline wrote it before migration 12: PLOVER JSON, sentence text, an actors table."""
    a = list(rows.article_row(doc, run_id="r", duplicate_of=None, dup_kind=None)[:-2])
    a[rows.ARTICLE_COLUMNS.index("body")] = doc.article.text  # the body was plain text then
    con.execute(f"INSERT INTO articles VALUES ({', '.join('?' * len(a))})", list(a))
    for seq, ev in enumerate(doc.events):
        ev_id = rows.event_id(rows.event_key(ev))
        ti = ev.text_info
        con.execute("INSERT INTO event_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [doc.article.id, seq, ev.id, ev_id, ev.event, ev.mode, list(ev.context), ev.cameo, ev.goldstein,
                     ev.quad_code, ev.event_scale, str(ev.factuality), ev.date, ev.enddate, rows.codes(ev.actor),
                     rows.codes(ev.recipient), ti.sentence, 0, ti.start, ti.end, ti.trigger_start, ti.trigger_end,
                     ev.event_text, ev.text, ev.rule, ev.confidence, ev.quote_id,
                     json.dumps(event_dict(ev), ensure_ascii=False, default=str), "r"])
        for role, ents in (("actor", ev.actor), ("recipient", ev.recipient), ("claim_source", ev.claim_source)):
            for pos, e in enumerate(ents):
                con.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [doc.article.id, seq, role, pos, ev_id, e.entity_text, e.code, e.sector, list(e.sectors),
                             e.identifier_text, e.identifier_id, e.office, e.reason, e.entry])
        con.execute("""INSERT INTO events (id, key, event, mode, factuality, date, actor_codes, recipient_codes, cameo,
                       quad_code, goldstein, rep_article, rep_seq, num_mentions, num_sources, num_articles, avg_tone,
                       is_root, added)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, NULL, true, now()::TIMESTAMP)""",
                    [ev_id, rows.event_key(ev), ev.event, ev.mode, str(ev.factuality), ev.date, rows.codes(ev.actor),
                     rows.codes(ev.recipient), ev.cameo, ev.quad_code, ev.goldstein, doc.article.id, seq])
    for seq, q in enumerate(doc.quotes):
        con.execute("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [doc.article.id, seq, q.id, q.text, q.direct, q.speaker.code, q.speaker.identifier_text,
                     q.speaker_text, q.date, json.dumps(quote_dict(q), ensure_ascii=False, default=str)])


def test_migration_12_gives_the_same_answers_as_the_json_layout(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    doc = _doc()
    monkeypatch.setattr(schema, "MIGRATIONS", [m for m in schema.MIGRATIONS if m.version == 1])
    with Store(path) as old:
        with old._write() as con:
            _old_layout(con, doc)
    monkeypatch.undo()
    with Store(path) as store:
        assert store.schema_version >= 12
        art = store.article("a1")
        assert [{k: v for k, v in e.items() if k != "event_id"} for e in art["events"]] == \
            [json.loads(json.dumps(event_dict(ev), default=str)) for ev in doc.events]
        assert art["quotes"] == [json.loads(json.dumps(quote_dict(q), default=str)) for q in doc.quotes]
        assert store.con.execute("SELECT count(own_text) FROM event_mentions").fetchone()[0] == 0
        assert store.con.execute("SELECT red_line FROM event_mentions").fetchall() == [(False,), (False,)]
        assert sorted(r[0] for r in store.con.execute("SELECT code FROM actors").fetchall()) == \
            ["RUS", "RUS", "RUS", "UKR", "UKR"]
        n = store.con.execute("SELECT first_n, last_n FROM articles").fetchone()
        assert n[1] - n[0] == 1
        assert store.events(factuality=None)[0]["num_mentions"] == 1


@pytest.mark.parametrize("table", ["event_mentions", "quotes", "places"])
def test_child_tables_have_no_primary_key(tmp_path, table):
    with Store(tmp_path / "s.duckdb") as store:
        keys = store.con.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name = ? "
                                 "AND constraint_type = 'PRIMARY KEY'", [table]).fetchone()[0]
        assert keys == 0


def test_a_store_at_mains_latest_migration_upgrades_with_its_files_dates_and_aggregates(tmp_path, monkeypatch):
    """A store written by main (migrations 1, 2 and 20: the JSON layout, the input files and the reviews) gains
    10-15, 30, 35, 40, 45, 46 and 47 (they run after 20 there): its files stay, events get their date precision and article day, and the
    aggregates equal a rebuild."""
    from redline import analysis
    from redline.records import DatePrecision
    from redline.store import aggregates

    path = tmp_path / "main.duckdb"
    doc = _doc()
    first, second = doc.events
    doc = dataclasses.replace(doc, events=(
        dataclasses.replace(first, date=None, date_precision=DatePrecision.UNKNOWN),
        dataclasses.replace(second, date=dt.date(2024, 5, 1), date_precision=DatePrecision.MONTH)))
    mains = [m for m in schema.MIGRATIONS if m.version <= 2 or 20 <= m.version <= 29]
    assert [m.version for m in mains] == [1, 2, 20]
    monkeypatch.setattr(schema, "MIGRATIONS", mains)
    with Store(path) as old:
        with old._write() as con:
            _old_layout(con, doc)
        old.record_file("/in/a.jsonl", 10, 20)
        old.link_files([("/in/a.jsonl", "a1")])
    monkeypatch.undo()
    with Store(path) as store:
        assert store.schema_version == max(m.version for m in schema.MIGRATIONS)
        assert [r["version"] for r in store.sql("SELECT version FROM schema_migrations ORDER BY applied, version")] \
            == [1, 2, 20, 10, 11, 12, 13, 14, 15, 30, 35, 40, 45, 46, 47]  # scale's numbers stay below the reviews' 20-29,
        # but for 30 and 35 (copies of events rows, which carry the reviews' columns), 40 (each article's parts),
        # 45 (dyad_events sorted), 46 (the weekly sums) and 47 (what a page shows of each mention)
        assert store.file_state("/in/a.jsonl") == (10, 20) and store.file_articles("/in/a.jsonl") == {"a1"}
        assert sorted(store.con.execute("SELECT date_precision, article_day FROM events").fetchall(),
                      key=repr) == [("month", dt.date(2024, 5, 15)), ("unknown", dt.date(2024, 5, 15))]
        dump = aggregates.dump(store.con)
        with store._write() as con:
            aggregates.rebuild(con)
        assert aggregates.dump(store.con) == dump
        assert analysis.timeline_left_out(store, by="day", factuality=["asserted", "future"]) == \
            {"coarser": 1, "undated": 1}
        assert [r["events"] for r in analysis.timeline(store, by="month", factuality=["asserted", "future"],
                                                        undated=True)] == [2]
        assert [r["events"] for r in analysis.dyads(store, factuality=["asserted", "future"])] == [1]


def test_a_body_prefix_equals_the_whole_text_cut():
    """Alert evidence decompresses a body only as far as its sentences reach (rows.unpack_prefix): the same
    characters as decompressing all of it, whatever the multi-byte characters and where the cut falls."""
    import random

    from redline.store.rows import pack_text, unpack_prefix

    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("ab dé€😀\n") for _ in range(rng.randrange(0, 9000)))
        body = pack_text(text)
        for chars in (0, 1, rng.randrange(0, 9000), len(text), len(text) + 3):
            assert unpack_prefix(body, chars) == text[:chars]
