"""Benchmark replication: copies multiply events and keep keys unique; a year moves every dated thing alike."""

from __future__ import annotations

import datetime as dt

from redline import analysis
from redline.store import Store
from redline.store.replicate import replicate
from redline.web.sample import make_document, write_documents

D = dt.date
ARTICLES = [
    ("a1", D(2014, 1, 10), [(D(2014, 1, 5), "CONSULT", "RUS", "UKR", "Russia met Ukraine in Moscow.", "met"),
                            (D(2014, 1, 8), "SANCTION", "USA", "RUS", "The United States sanctioned Russia.",
                             "sanctioned")]),
    ("a2", D(2014, 2, 10), [(D(2014, 2, 3), "ASSAULT", "RUS", "UKR", "Russia shelled Ukraine.", "shelled")]),
]


def test_replicate_multiplies_events_and_dyads(tmp_path):
    path = tmp_path / "bench.duckdb"
    write_documents(path, [make_document(a, p, evs) for a, p, evs in ARTICLES])
    with Store(path) as s:
        n = s.count_events(factuality=None)
        before = analysis.dyads(s, factuality="all")
        assert replicate(s.con, 3) == 3 * n == s.count_events(factuality=None)
        after = analysis.dyads(s, factuality="all")
        assert [(d["actor"], d["recipient"], 3 * d["events"]) for d in before] == \
            [(d["actor"], d["recipient"], d["events"]) for d in after]
        assert s.con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (6, 6)
        assert s.con.execute("SELECT count(*) FROM signatures").fetchone()[0] == 0  # the sample stores none


def test_replicate_into_a_year_moves_dates_with_their_article(tmp_path):
    path = tmp_path / "year.duckdb"
    write_documents(path, [make_document(a, p, evs) for a, p, evs in ARTICLES])
    with Store(path) as s:
        n = s.count_events(factuality=None)
        assert replicate(s.con, 4, year=2030) == 4 * n
        assert s.con.execute("SELECT count(*) FROM articles WHERE NOT contains(id, '~')").fetchone()[0] == 0
        rows = s.con.execute("""
            SELECT a.id, a.published, e.date, m.date FROM articles a
            JOIN events e ON e.rep_article = a.id JOIN event_mentions m ON m.event_id = e.id""").fetchall()
        assert len(rows) == 4 * 3
        for _, published, event_date, mention_date in rows:
            assert published.year == 2030 and event_date == mention_date
        gaps = {(a.split("~")[0], (p - d).days) for a, p, d, _ in rows}
        assert gaps == {("a1", 5), ("a1", 2), ("a2", 7)}  # the event keeps its distance to its article
        bodies = s.con.execute("SELECT count(DISTINCT body) FROM articles").fetchone()[0]
        assert bodies == 8  # copies do not share a body, as distinct articles would not
        assert s.article("a1~2")["text"] == s.article("a1~1")["text"].removesuffix(" [copy 1]") + " [copy 2]"
        published = [r[0] for r in s.con.execute("SELECT published FROM articles ORDER BY rowid").fetchall()]
        assert published == sorted(published)  # stored in the order a year of news comes in
        # every copy has its parts row (as ingest writes one), and none is left of the originals
        parts = {r[0] for r in s.con.execute("SELECT article_id FROM article_parts").fetchall()}
        assert parts == {r[0] for r in s.con.execute("SELECT id FROM articles").fetchall()}
        from_parts = s.article("a1~3")
        s._article_parts = False  # read from the tables
        assert s.article("a1~3") == from_parts and from_parts["events"]
