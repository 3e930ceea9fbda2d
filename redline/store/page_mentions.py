"""`page_mentions`: what a page of events shows of each mention, packed in one text column per mention, kept per
batch: a page's fifty representative mentions read as one narrow column instead of forty.

A page of events reads its representative mentions by serial from `event_mentions` (mention_reads.mentions_by_n). At
10 M events those of a dyad's month lie in fifty row groups, and each of their forty columns is a read of its own
in each of them: 27-33 ms CPU, growing with the store, the lists of entity structs the dearest (actor 5.1 ms,
recipient 2.4, claim source 1.7; benchmarks/README.md, issue 16, session 26). Here each mention is one row of its
serial `n` and `rec`, a JSON array of the fields `rows.mention_record` reads (PAGE_FIELDS, in that order; the
entities as arrays of ENTITY_FIELDS, the fields a PLOVER entity shows), written by DuckDB's to_json from the
stored row itself: the same statement fills the table for an existing store (migration 47) and adds each batch's
rows (`add`, in the transaction that inserts them), so a row here is the stored row's values (dates as ISO
strings, read back as dates; numbers in the shortest form that reads back to the same value). The rows are in
serial order, as the mentions, and indexed by serial: a page's fifty rows are fetched by key (scanned, each
column of their fifty row groups would be decoded whole).

A page's records are the same dicts as those cut from `event_mentions` (tests/test_page_mentions.py); a mention
without a row here (a store written by a tool that does not keep the table) is read from `event_mentions`. The
table holds no article id, event id or seq: a page takes them from its events rows (mention_reads.mentions_by_n's
`known`). Removing an article's rows removes its rows here first (`remove`, by its mentions' serials).
"""

from __future__ import annotations

import datetime as dt
import json

from .schema import migration

TABLE = "page_mentions"
# the fields of a mention's row that rows.mention_record reads, but its article (a page knows it)
PAGE_FIELDS = ("id", "event", "mode", "context", "cameo", "goldstein", "quad_code", "event_scale", "factuality",
               "factuality_reason", "date", "enddate", "date_precision", "date_source", "date_reason", "actor",
               "recipient", "claim_source", "event_loc", "loc_reason", "sentence", "start_char", "end_char",
               "trigger_start", "trigger_end", "event_text", "publication", "rule", "confidence", "own_text", "extra")
ENTITY_FIELDS = ("entity_text", "code", "sector", "identifier_text", "identifier_id", "office", "reason")
_ENTITIES = ("actor", "recipient", "claim_source")
_DATES = ("date", "enddate")
# texts repeated over many mentions (a few thousand distinct ones), each a column of its own, which DuckDB stores
# as a dictionary (a row costs a byte or two); the rest is `rec`, a JSON array of REC_FIELDS
PLAIN = ("factuality_reason", "date_reason", "loc_reason", "rule", "publication")
REC_FIELDS = tuple(f for f in PAGE_FIELDS if f not in PLAIN)
COLUMNS = ("n", "rec", *PLAIN, "entity_reasons")
CREATE = (f"CREATE TABLE {TABLE} (n BIGINT NOT NULL, rec VARCHAR NOT NULL, "
          + ", ".join(f"{f} VARCHAR" for f in PLAIN) + ", entity_reasons VARCHAR)")
# the serials' index: a page's fifty rows fetched by key. Without it they are scanned, and each vector of their
# row group decoded for each column: 16.5 ms CPU for a dyad's page at 10 M events against 5.8 with it (91 MB)
INDEX = f"CREATE INDEX {TABLE}_n ON {TABLE} (n)"
_SHOWN = ENTITY_FIELDS[:-1]  # an entity in `rec`: its fields but the reason (in entity_reasons, by side)


def _field_json(f: str) -> str:
    if f in _ENTITIES:
        value = f"list_transform(m.{f}, lambda e: [{', '.join(f'e.{x}' for x in _SHOWN)}])"
    elif f == "extra":  # the stored JSON text itself, as a string (mention_record parses it)
        value = "m.extra::VARCHAR"
    else:
        value = f"m.{f}"
    return f"coalesce(to_json({value})::VARCHAR, 'null')"


REC_SQL = "'[' || concat_ws(',', " + ", ".join(_field_json(f) for f in REC_FIELDS) + ") || ']'"
# the entities' reasons by side, NULL when the mention has no entity (most have one to three)
REASONS_SQL = ("CASE WHEN coalesce(len(m.actor), 0) + coalesce(len(m.recipient), 0) + coalesce(len(m.claim_source), 0)"
               " > 0 THEN to_json([" + ", ".join(f"list_transform(m.{f}, lambda e: e.reason)" for f in _ENTITIES)
               + "])::VARCHAR END")
SELECT_SQL = f"m.n, {REC_SQL}, " + ", ".join(f"m.{f}" for f in PLAIN) + f", {REASONS_SQL}"


def present(con) -> bool:
    """Whether the store has the table (migration 47)."""
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [TABLE]).fetchall()[0][0])


def add(con, lo: int, hi: int) -> None:
    """Add the rows of the mentions with serials in [lo, hi] (those a batch has just inserted), in serial order."""
    con.execute(f"INSERT INTO {TABLE} SELECT {SELECT_SQL} FROM event_mentions m WHERE m.n BETWEEN ? AND ? "
                "ORDER BY m.n", [lo, hi])


def add_serials(con, serials: list[int]) -> None:
    """add() for the serials of one batch (none: nothing)."""
    if serials:
        add(con, min(serials), max(serials))


def remove(con, article_ids: list[str]) -> None:
    """Remove the rows of these articles' mentions (before the mentions themselves are removed)."""
    con.execute(f"DELETE FROM {TABLE} WHERE n IN (SELECT n FROM event_mentions "
                "WHERE article_id IN (SELECT unnest(?::VARCHAR[])))", [article_ids])


CHUNK = 2_000_000  # serials filled per statement by the migration (memory stays bounded at ten million events)


def fill(con) -> None:
    """Fill the table from every stored mention, a range of serials at a time."""
    lo, hi = con.execute("SELECT min(n), max(n) FROM event_mentions").fetchone()
    if lo is None:
        return
    for start in range(lo, hi + 1, CHUNK):
        add(con, start, min(hi, start + CHUNK - 1))


def read(cur, ns: list[int]) -> dict[int, dict]:
    """serial -> the mention's row as rows.mention_record reads it (PAGE_FIELDS: dates as dates, entities as dicts),
    for those of `ns` that have a row here; one statement (the serials' row groups only)."""
    rows = cur.execute(f"SELECT {', '.join(COLUMNS)} FROM {TABLE} WHERE n IN (SELECT unnest(?::BIGINT[]))",
                       [ns]).fetchall()
    return {r[0]: decode(r[1:]) for r in rows}


def decode(row: tuple) -> dict:
    """A row of the table but its serial -> the mention's fields by name, typed as event_mentions' rows give them."""
    m = dict(zip(REC_FIELDS, json.loads(row[0]), strict=True))
    m.update(zip(PLAIN, row[1:-1], strict=True))
    reasons = json.loads(row[-1]) if row[-1] is not None else [None] * len(_ENTITIES)
    for f, why in zip(_ENTITIES, reasons, strict=True):
        if m[f] is not None:
            m[f] = [dict(zip(ENTITY_FIELDS, (*e, r), strict=True)) for e, r in zip(m[f], why or (), strict=True)]
    for f in _DATES:
        if m[f] is not None:
            m[f] = dt.date.fromisoformat(m[f])
    return m


@migration(47, "what a page shows of each mention packed in one column (page_mentions), for a page's mentions")
def _page_mentions(con) -> None:
    con.execute(CREATE)
    fill(con)
    con.execute(INDEX)  # built once over the filled rows (kept per batch after)


__all__ = ["COLUMNS", "CREATE", "ENTITY_FIELDS", "INDEX", "PAGE_FIELDS", "TABLE", "add", "add_serials", "decode", "fill", "present",
           "read", "remove"]
