"""The store: migrations, atomic idempotent writes, event merging, queries and their filters (hand-built records)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import textwrap

import pytest

from redline.errors import StoreError, UsageError
from redline.records import (
    Article,
    Document,
    Entity,
    Event,
    Factuality,
    Failure,
    Place,
    Quote,
    Removal,
    Sentence,
    TextInfo,
)
from redline.store import Store
from redline.store import queries as store_queries
from redline.store.rows import event_key
from redline.store.schema import MIGRATIONS

RUS = Entity("Russia", "RUS", "GOV", "Vladimir Putin", "Q7747", reason="knowledge base: Putin")
UKR = Entity("Ukraine", "UKR", "GOV", reason="knowledge base: Ukraine")
USA = Entity("Washington", "USA", "GOV", reason="knowledge base: capital metonym")
NATO = Entity("NATO", "NATO", None, reason="knowledge base: IGO")
CROWD = Entity("protesters", None, "CVL", reason="no country in sentence")


def make_event(article_id: str, n: int, *, event="ASSAULT", actor=(RUS,), recipient=(UKR,), cameo="190",
               factuality=Factuality.ASSERTED, date=dt.date(2021, 6, 16), mode=None, quad=4,
               sentence="Russia attacked Ukraine.") -> Event:
    return Event(
        id=f"{article_id}-e{n}", article_id=article_id, event=event, actor=tuple(actor),
        recipient=tuple(recipient), cameo=cameo, goldstein=-10.0 if quad == 4 else 3.0, quad_code=quad,
        event_scale=-9.0 if quad == 4 else 4.0, factuality=factuality, text=sentence,
        text_info=TextInfo(n, 0, len(sentence), 7, 15), event_text="attacked", rule=f"test rule {event}",
        confidence=0.9, mode=mode, date=date,
    )


def make_doc(article_id: str, events=(), *, published=dt.date(2021, 6, 17), publisher="RFE/RL", url=None,
             text=None, places=(), quotes=(), tone=None, removed=()) -> Document:
    text = text or f"Body of article {article_id}. Russia attacked Ukraine."
    art = Article(id=article_id, text=text, title=f"Title {article_id}", published=published,
                  source=f"/in/{article_id}.txt", url=url, publisher=publisher, wires=("Reuters",),
                  removed=tuple(removed))
    sentences = tuple(Sentence(i, 0 if i == 0 else 1, 0, 10, "x") for i in range(4))
    return Document(article=art, events=tuple(events), sentences=sentences, places=tuple(places),
                    quotes=tuple(quotes), tone=tone, reference_date=published, stages=("parse", "coding"))


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "test.duckdb") as s:
        yield s


@pytest.fixture()
def run_id(store):
    return store.begin_run("test", ["in/"])


def test_store_migrations_are_numbered_once_each():
    versions = [m.version for m in MIGRATIONS]  # gaps are allowed: parallel work takes its own range of numbers
    assert versions == sorted(set(versions)) and versions[0] == 1


def test_store_reopen_applies_migrations_once(tmp_path):
    path = tmp_path / "m.duckdb"
    Store(path).close()
    with Store(path) as s:
        rows = s.sql("SELECT version FROM schema_migrations ORDER BY version")
    assert [r["version"] for r in rows] == [m.version for m in MIGRATIONS]


def test_store_write_document_is_idempotent(store, run_id):
    doc = make_doc("a1", [make_event("a1", 0)])
    assert store.write_document(doc, run_id=run_id) is True
    before = store.dump()
    assert store.write_document(doc, run_id=run_id) is False
    assert store.dump() == before
    assert store.has_article("a1") and not store.has_article("zz")


def test_store_failed_write_leaves_nothing(store, run_id, monkeypatch):
    def boom(con, keys, **_):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_queries, "refresh_events", boom)
    with pytest.raises(RuntimeError):
        store.write_document(make_doc("a1", [make_event("a1", 0)]), run_id=run_id)
    assert not store.has_article("a1")
    assert all(rows == [] for rows in store.dump().values())


def test_store_same_event_in_two_articles_is_one_event(store, run_id):
    store.write_document(make_doc("a1", [make_event("a1", 0)], publisher="RFE/RL"), run_id=run_id)
    store.write_document(make_doc("a2", [make_event("a2", 0, sentence="Russian forces attacked Ukraine.")],
                                  publisher="Reuters"), run_id=run_id)
    events = store.events()
    assert len(events) == 1
    ev = events[0]
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 2, 2)
    full = store.event(ev["id"])
    assert sorted(m["text"] for m in full["mentions"]) == ["Russia attacked Ukraine.",
                                                           "Russian forces attacked Ukraine."]
    assert {m["article"]["title"] for m in full["mentions"]} == {"Title a1", "Title a2"}


def test_store_same_publisher_counts_one_source(store, run_id):
    store.write_document(make_doc("a1", [make_event("a1", 0)], publisher="Reuters"), run_id=run_id)
    store.write_document(make_doc("a2", [make_event("a2", 0)], publisher="reuters "), run_id=run_id)
    ev = store.events()[0]
    assert (ev["num_articles"], ev["num_sources"]) == (2, 1)


def test_store_mentions_in_one_article_count_once_as_article(store, run_id):
    store.write_document(make_doc("a1", [make_event("a1", 0), make_event("a1", 1)]), run_id=run_id)
    ev = store.events()[0]
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 1, 1)


def test_store_representative_is_earliest_article_whatever_the_order(tmp_path):
    late = make_doc("b-late", [make_event("b-late", 0, sentence="Late report.")], published=dt.date(2021, 6, 20))
    early = make_doc("a-early", [make_event("a-early", 0, sentence="Early report.")], published=dt.date(2021, 6, 16))
    dumps = []
    for order in ((late, early), (early, late)):
        with Store(tmp_path / f"{order[0].article.id}.duckdb") as s:
            run = s.begin_run("test", [])
            for doc in order:
                s.write_document(doc, run_id=run)
            assert s.events()[0]["text"] == "Early report."
            dumps.append(s.dump())
    assert dumps[0] == dumps[1]


@pytest.mark.parametrize("change, same", [
    ({}, True),
    ({"sentence": "Another wording."}, True),
    ({"actor": (RUS, NATO)}, False),
    ({"factuality": Factuality.NEGATED}, False),
    ({"date": dt.date(2021, 6, 15)}, False),
    ({"event": "COERCE", "cameo": "170"}, False),
    ({"mode": "seize"}, False),
    ({"recipient": (UKR, UKR)}, True),
    ({"actor": (Entity("the Kremlin", "RUS", "GOV", reason="metonym"),)}, True),
])
def test_store_event_key_merges_only_the_same_event(change, same):
    base = make_event("a1", 0)
    other = make_event("a2", 0, **change)
    assert (event_key(base) == event_key(other)) is same


def test_store_event_key_keeps_unresolved_actors_apart():
    a = make_event("a1", 0, actor=(CROWD,))
    b = make_event("a2", 0, actor=(Entity("soldiers", None, "MIL", reason="no country"),))
    c = make_event("a3", 0, actor=(Entity("Protesters", None, "CVL", reason="no country"),))
    assert event_key(a) != event_key(b)
    assert event_key(a) == event_key(c)


def test_store_undated_events_merge_only_within_their_article():
    a = make_event("a1", 0, date=None)
    b = make_event("a2", 0, date=None)
    assert event_key(a) != event_key(b)
    assert event_key(a) == event_key(make_event("a1", 1, date=None))


def test_store_duplicate_links_to_first_copy_and_counts(store, run_id):
    store.write_document(make_doc("a1", [make_event("a1", 0)], publisher="RFE/RL"), run_id=run_id)
    assert store.article("a1")["copies"] == [] and store.event(store.events()[0]["id"])["copies"] == []
    copy = Article(id="a1-copy", text="Body of article a1. Russia attacked Ukraine!", publisher="AP")
    assert store.record_duplicate(copy, run_id=run_id, duplicate_of="a1", dup_kind="near") is True
    # (which articles have copies is kept per store version: the answers read after the commit show it)
    assert [c["id"] for c in store.event(store.events()[0]["id"])["copies"]] == ["a1-copy"]
    assert store.record_duplicate(copy, run_id=run_id, duplicate_of="a1", dup_kind="near") is False
    ev = store.events()[0]
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 2, 2)
    art = store.article("a1-copy")
    assert (art["duplicate_of"], art["dup_kind"], art["events"]) == ("a1", "near", [])
    assert [c["id"] for c in store.article("a1")["copies"]] == ["a1-copy"]
    assert store.article_by_hash(store.sql("SELECT content_hash FROM articles WHERE id = 'a1'")[0]["content_hash"]) == "a1"


def test_store_duplicate_of_missing_article_is_refused(store, run_id):
    with pytest.raises(StoreError, match="not stored"):
        store.record_duplicate(Article(id="x", text="t"), run_id=run_id, duplicate_of="nope", dup_kind="exact")
    assert not store.has_article("x")


def _filter_store(store, run_id):
    docs = [
        make_doc("a1", [make_event("a1", 0),  # RUS -> UKR assault, 2021-06-16
                        make_event("a1", 1, event="AGREE", cameo="057", actor=(RUS, USA), recipient=(USA, RUS),
                                   quad=2, date=dt.date(2021, 6, 17)),
                        make_event("a1", 2, event="THREATEN", cameo="138", actor=(NATO,), recipient=(RUS,),
                                   quad=3, factuality=Factuality.HYPOTHETICAL, date=dt.date(2021, 6, 18))]),
        make_doc("a2", [make_event("a2", 0, event="PROTEST", cameo="141", actor=(CROWD,), recipient=(UKR,),
                                   quad=3, date=dt.date(2021, 5, 1))]),
    ]
    for d in docs:
        store.write_document(d, run_id=run_id)
    return store


@pytest.mark.parametrize("filters, expected", [
    ({}, ["AGREE", "ASSAULT", "PROTEST"]),
    ({"factuality": None}, ["THREATEN", "AGREE", "ASSAULT", "PROTEST"]),
    ({"factuality": "hypothetical"}, ["THREATEN"]),
    ({"actor": "RUS"}, ["AGREE", "ASSAULT"]),
    ({"actor": "rus"}, ["AGREE", "ASSAULT"]),
    ({"actor": "USA"}, ["AGREE"]),
    ({"recipient": "UKR"}, ["ASSAULT", "PROTEST"]),
    ({"recipient": "RUS", "factuality": None}, ["THREATEN", "AGREE"]),
    ({"actor": "RUS", "recipient": "UKR"}, ["ASSAULT"]),
    ({"event": "protest"}, ["PROTEST"]),
    ({"since": "2021-06-01"}, ["AGREE", "ASSAULT"]),
    ({"until": "2021-06-16"}, ["ASSAULT", "PROTEST"]),
    ({"since": dt.date(2021, 6, 16), "until": dt.date(2021, 6, 16)}, ["ASSAULT"]),
    ({"article_id": "a2"}, ["PROTEST"]),
    ({"actor": "CHN"}, []),
    ({"actor": "RUS' OR 1=1 --"}, []),
    ({"limit": 1}, ["AGREE"]),
    ({"limit": 2, "offset": 1}, ["ASSAULT", "PROTEST"]),
])
def test_store_events_filters(store, run_id, filters, expected):
    _filter_store(store, run_id)
    assert [e["event"][0] for e in store.events(**filters)] == expected
    counted = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
    if "limit" not in filters:
        assert store.count_events(**counted) == len(expected)


@pytest.mark.parametrize("filters, message", [
    ({"event": "INVADE"}, "not a PLOVER event type"),
    ({"since": "last week"}, "not a date"),
    ({"since": "2021-06-02", "until": "2021-06-01"}, "after"),
    ({"factuality": "maybe"}, "factuality"),
    ({"limit": -1}, "limit"),
    ({"offset": "3"}, "offset"),
])
def test_store_events_bad_filter_raises_usage_error(store, filters, message):
    with pytest.raises(UsageError, match=message):
        store.events(**filters)


def test_store_events_records_are_plover_dicts(store, run_id):
    jsonschema = pytest.importorskip("jsonschema")
    from redline.plover import event_schema

    _filter_store(store, run_id)
    rows = store.events(factuality=None)
    assert rows
    for row in rows:
        jsonschema.validate(row, event_schema())


def test_store_article_keeps_boilerplate_places_quotes_and_events(store, run_id):
    putin = Quote("q1", "a1", "We will respond.", True, RUS, "Putin", "said", None, 1, 30, 46,
                  date=dt.date(2021, 6, 16))
    doc = make_doc("a1", [make_event("a1", 0)], places=(Place("Kyiv", "UKR", lat=50.45, lon=30.52,
                                                              feature_type="city", precision="city"),),
                   quotes=(putin,), tone=-4.5, removed=(Removal(9, "SEE ALSO: elsewhere", "cross-link (see also)"),))
    store.write_document(doc, run_id=run_id)
    art = store.article("a1")
    assert art["removed"] == [{"line": 9, "text": "SEE ALSO: elsewhere", "reason": "cross-link (see also)"}]
    assert [(p["name"], p["country_code"], p["lat"]) for p in art["places"]] == [("Kyiv", "UKR", 50.45)]
    assert [q["text"] for q in art["quotes"]] == ["We will respond."]
    assert [(e["event"], e["event_id"] == store.events()[0]["id"]) for e in art["events"]] == [(["ASSAULT"], True)]
    assert (art["tone"], art["published"], art["wires"]) == (-4.5, "2021-06-17", ["Reuters"])
    assert store.article("missing") is None
    assert store.event("missing") is None


def _quote_store(store, run_id):
    q1 = Quote("q1", "a1", "Ukraine is a red line.", True, RUS, "Putin", "said", None, 1, 0, 10,
               date=dt.date(2021, 6, 16))
    q2 = Quote("q2", "a1", "We stand with Kyiv.", True, USA, "Blinken", "said", None, 2, 0, 10,
               date=dt.date(2021, 6, 18))
    q3 = Quote("q3", "a1", "No comment 100%.", False, None, "a spokesman", "said", None, 3, 0, 10,
               reason="speaker unresolved")
    store.write_document(make_doc("a1", quotes=(q1, q2, q3)), run_id=run_id)


@pytest.mark.parametrize("filters, expected", [
    ({}, ["q2", "q3", "q1"]),  # q3 has no date of its own: its article's date 2021-06-17 stands in
    ({"speaker": "RUS"}, ["q1"]),
    ({"speaker": "putin"}, ["q1"]),
    ({"speaker": "Vladimir"}, ["q1"]),
    ({"speaker": "spokesman"}, ["q3"]),
    ({"contains": "red line"}, ["q1"]),
    ({"contains": "100%"}, ["q3"]),
    ({"contains": "%"}, ["q3"]),
    ({"since": "2021-06-17"}, ["q2", "q3"]),
    ({"until": "2021-06-16"}, ["q1"]),
    ({"limit": 1}, ["q2"]),
])
def test_store_quotes_filters(store, run_id, filters, expected):
    _quote_store(store, run_id)
    assert [q["id"] for q in store.quotes(**filters)] == expected


def test_store_actors_counts_events_and_roles(store, run_id):
    _filter_store(store, run_id)
    actors = {a["code"]: a for a in store.actors()}
    assert (actors["RUS"]["events"], actors["RUS"]["as_actor"], actors["RUS"]["as_recipient"]) == (3, 2, 2)
    assert actors["UKR"]["as_recipient"] == 2 and actors["UKR"]["as_actor"] == 0
    assert "Vladimir Putin" in actors["RUS"]["names"]
    assert None not in actors
    assert [a["code"] for a in store.actors(limit=1)] == ["RUS"]


def test_store_runs_record_counts_failures_and_status(store):
    run = store.begin_run("redline ingest in/", ["in/"])
    store.record_failure(run, Failure("in/empty.txt", "read", "empty file"))
    store.record_failure(run, Failure("in/bad.txt", "parse", "ValueError: x"))
    store.finish_run(run, counts={"read": 3, "coded": 1}, status="partial")
    [r] = store.runs()
    assert (r["status"], r["counts"]["read"], r["failures"], r["inputs"]) == ("partial", 3, 2, ["in/"])
    assert [(f["input"], f["stage"]) for f in store.failures(run)] == [("in/empty.txt", "read"), ("in/bad.txt", "parse")]
    with pytest.raises(StoreError, match="status"):
        store.finish_run(run, counts={}, status="done")


def test_store_run_of_a_dead_process_is_reported_interrupted(store):
    run = store.begin_run("redline ingest x", ["x"])
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    with store._write() as con:
        con.execute("UPDATE runs SET pid = ? WHERE id = ?", [int(dead.stdout), run])
    assert store.runs()[0]["status"] == "interrupted"


def test_store_signatures_roundtrip(store, run_id):
    store.write_document(make_doc("b"), run_id=run_id, signature=b"\x00\x01sig-b")
    store.write_document(make_doc("a"), run_id=run_id)
    store.save_signature("a", b"sig-a")
    store.save_signature("a", b"sig-a2")
    assert list(store.signatures()) == [("b", b"\x00\x01sig-b"), ("a", b"sig-a2")]  # in storing order


def test_store_read_only_refuses_writes_and_missing_files(tmp_path):
    with pytest.raises(StoreError, match="no such file"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    Store(tmp_path / "s.duckdb").close()
    with Store(tmp_path / "s.duckdb", read_only=True) as s:
        assert s.events() == []
        with pytest.raises(StoreError, match="read-only"):
            s.begin_run("x", [])


def test_store_not_a_store_file_raises_store_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("this is not a database")
    with pytest.raises(StoreError, match="bad.duckdb"):
        Store(bad)


def test_store_locked_by_another_process_raises_store_error(tmp_path):
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from redline.store import Store
            s = Store({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env={**os.environ},
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked by another process"):
            Store(path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_store_dump_ignores_run_ids(tmp_path):
    dumps = []
    for name in ("x", "y"):
        with Store(tmp_path / f"{name}.duckdb") as s:
            run = s.begin_run(name, [])
            s.write_document(dataclasses.replace(make_doc("a1", [make_event("a1", 0)])), run_id=run)
            dumps.append(s.dump())
    assert dumps[0] == dumps[1]


def test_store_events_long_and_short_pages_agree(store, run_id):
    events = [make_event("a1", n, date=dt.date(2020, 1, 1) + dt.timedelta(days=n), sentence=f"Event {n}.")
              for n in range(300)]
    store.write_document(make_doc("a1", events), run_id=run_id)
    everything = store.events(limit=None)
    paged = [e for off in range(0, 300, 100) for e in store.events(limit=100, offset=off)]
    assert [e["text"] for e in everything] == [e["text"] for e in paged] == [f"Event {n}." for n in range(299, -1, -1)]


def test_store_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store(path) as s, s._write() as con:
        con.execute("INSERT INTO schema_migrations VALUES (999, 'from the future', now())")
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer than this redline"):
            Store(path, read_only=read_only)


def test_store_read_only_open_of_an_old_schema_asks_for_a_writable_open(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()  # an empty DuckDB file: no migrations applied yet
    with pytest.raises(StoreError, match="open it once writable"):
        Store(path, read_only=True)
    with Store(path) as s:  # a writable open migrates it
        assert s.events() == []


# -- a damaged store and a full disk are named, never raw tracebacks ----------------------------------


def test_store_damaged_block_is_a_store_error_when_read(tmp_path):
    """Damage anywhere in a store file: opening or reading it raises StoreError naming it, never a DuckDB error."""
    import shutil

    from redline import analysis
    from redline.web.sample import build_store

    good = tmp_path / "good.duckdb"
    build_store(good, 40, events_per_article=20)
    size = good.stat().st_size
    step = 1 << 18
    read_errors = 0
    for n, offset in enumerate(range(3 * 4096, size, step)):
        bad = tmp_path / f"bad{n}.duckdb"
        shutil.copy(good, bad)
        with bad.open("r+b") as fh:
            fh.seek(offset)
            fh.write(os.urandom(min(step, size - offset)))
        try:
            with Store(bad, read_only=True) as s:
                s.events(factuality=None, limit=None)
                list(s.iter_event_rows(factuality=None))
                s.runs()
                s.quotes(limit=None)
                analysis.alerts(s)
        except StoreError as exc:
            read_errors += "damaged" in str(exc) and "cannot open" not in str(exc)
            assert str(bad) in str(exc)
    assert read_errors > 0  # some damage was only met while reading, and was named there too


_FULL_DISK = """
import resource, sys
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
sys.argv = ["redline", "ingest", *sys.argv[2:]]
from redline.cli import main
main()
"""


@pytest.mark.slow
def test_store_full_disk_ends_the_run_with_a_message(tmp_path):
    """A store that cannot grow (RLIMIT_FSIZE stands in for a full disk): one clear line, exit 1, no traceback."""
    from redline.samples import sample_paths

    db = tmp_path / "full.duckdb"
    Store(db).close()
    script = tmp_path / "full.py"
    script.write_text(_FULL_DISK, encoding="utf-8")
    paths = [str(p) for p in sample_paths()[:4]]
    out = subprocess.run([sys.executable, str(script), "60000", *paths, "--db", str(db)], capture_output=True,
                         text=True, timeout=600)
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr, out.stderr
    assert f"store {db}: cannot write" in out.stderr
    with Store(db, read_only=True) as s:  # what was committed before is intact
        assert s.runs()
