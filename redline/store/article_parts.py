"""An article's places, quotes and event mentions kept together in one row (`article_parts`), for /articles/{id}.

Reading one article's mentions from `event_mentions` costs 3-5 ms whatever their number: their list and struct
columns (actors, recipients, claim sources, place) are scanned from the start of their row group's segments,
and its places and quotes are two more statements over tables keyed by (article, seq). The same rows as lists
of structs in one row per article, found by the article id (the table's key), are one statement that reads one
row (benchmarks/README.md, 6 Dec 2026). The values are the stored rows' own (same DuckDB types: the lists are
typed after those tables), so an answer read from here equals one read from the tables (tests/test_article_parts.py).

Written with the rows (ingest, recode), removed with them (a file's earlier version); migration 40 fills it for a
store written before, in one statement. An article without a row here (a copy, which has no rows of its own, or
a store a tool wrote without it) is read from the tables as before.
"""

from __future__ import annotations

from .rows import MENTION_COLUMNS, QUOTE_COLUMNS

TABLE = "article_parts"
# the fields kept of each mention (every column but the run that wrote it), quote and place
MENTION_FIELDS = tuple(c for c in MENTION_COLUMNS if c != "run_id")
QUOTE_FIELDS = QUOTE_COLUMNS
# places as an article answer shows them (the table's start_char / end_char as start / end), in tuple order
PLACE_FIELDS = ("name", "country_code", "admin1", "lat", "lon", "feature_type", "precision", "geonameid", "text",
                "sentence", "start", "end", "reason")
PLACE_COLUMNS = {"start": "start_char", "end": "end_char"}


def _struct(alias: str, fields: tuple[str, ...], columns: dict[str, str] | None = None) -> str:
    return "struct_pack(" + ", ".join(f'"{f}" := {alias}.{(columns or {}).get(f, f)}' for f in fields) + ")"


def _parts_select(where: str, *, ranged: bool = False) -> str:
    """SELECT of (article_id, mentions, quotes, places) for the articles `where` keeps (alias a), lists in seq
    order (NULL: none). ranged: the first two parameters bound the serials of their mentions."""
    return f"""
        SELECT a.id,
               (SELECT list({_struct('m', MENTION_FIELDS)} ORDER BY m.seq) FROM event_mentions m
                WHERE {'m.n BETWEEN ? AND ? AND ' if ranged else ''}m.article_id = a.id),
               (SELECT list({_struct('q', QUOTE_FIELDS)} ORDER BY q.seq) FROM quotes q WHERE q.article_id = a.id),
               (SELECT list({_struct('p', PLACE_FIELDS, PLACE_COLUMNS)} ORDER BY p.seq) FROM places p
                WHERE p.article_id = a.id)
        FROM articles a WHERE {where}"""


CHUNK = 20_000  # articles filled per statement by the migration (memory stays bounded at ten million events)


def present(con) -> bool:
    """Whether the store has the table (migration 40)."""
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [TABLE]).fetchall()[0][0])


def create(con) -> None:
    """Create the table (its list types are those of the tables' rows) and fill it from the stored rows, a chunk
    of articles at a time in the order of their mention serials (DuckDB skips the other mentions' row groups)."""
    con.execute(f"CREATE TABLE {TABLE} AS SELECT * FROM ({_parts_select('false')}) "
                "AS t(article_id, mentions, quotes, places)")
    con.execute(f"ALTER TABLE {TABLE} ADD PRIMARY KEY (article_id)")
    fill(con)


def fill(con) -> None:
    """Insert the rows of every first copy (the table holds none of them yet), a chunk of articles at a time in
    the order of their mention serials (DuckDB skips the other mentions' row groups)."""
    firsts = con.execute("SELECT id, first_n, last_n FROM articles WHERE duplicate_of IS NULL "
                         "ORDER BY first_n NULLS FIRST, id").fetchall()
    for i in range(0, len(firsts), CHUNK):
        part = firsts[i:i + CHUNK]
        serials = [n for _, first, last in part for n in (first, last) if n is not None]
        lo, hi = (min(serials), max(serials)) if serials else (0, -1)
        con.execute(f"INSERT INTO {TABLE} {_parts_select('a.id IN (SELECT unnest(?::VARCHAR[]))', ranged=True)}",
                    [lo, hi, [r[0] for r in part]])


def rows(article_id: str, mentions: list[tuple], quotes: list[tuple], places: list[tuple]) -> tuple:
    """The row of one article from its rows as written (MENTION_COLUMNS, QUOTE_COLUMNS, places' tuples)."""
    m_at = [MENTION_COLUMNS.index(f) for f in MENTION_FIELDS]
    return (article_id,
            [{f: m[i] for f, i in zip(MENTION_FIELDS, m_at, strict=True)} for m in mentions] or None,
            [dict(zip(QUOTE_FIELDS, q, strict=True)) for q in quotes] or None,
            [dict(zip(PLACE_FIELDS, p[2:], strict=True)) for p in places] or None)


def read(cur, article_id: str) -> tuple[list[dict], list[dict], list[dict]] | None:
    """(mentions, quotes, places) of the article as the tables' rows give them (dicts by column), or None when
    the article has no row here."""
    row = cur.execute(f"SELECT mentions, quotes, places FROM {TABLE} WHERE article_id = ?", [article_id]).fetchone()
    if row is None:
        return None
    return row[0] or [], row[1] or [], row[2] or []
