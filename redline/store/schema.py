"""The store schema as numbered migrations: small registered functions recorded in `schema_migrations`.

A migration runs once, inside its own transaction, the first time a writable store is opened after it was
added. Never edit a released migration; add the next number instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import StoreError
from .engine import duckdb
from .rows import pack_text


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable


MIGRATIONS: list[Migration] = []


def migration(version: int, name: str):
    """Register `fn(connection)` as migration number `version`."""

    def wrap(fn):
        if any(m.version == version for m in MIGRATIONS):
            raise StoreError(f"migration {version} is registered twice")
        MIGRATIONS.append(Migration(version, name, fn))
        MIGRATIONS.sort(key=lambda m: m.version)
        return fn

    return wrap


@migration(1, "core tables: runs, failures, articles, event mentions, events, actors, places, quotes, signatures")
def _core_tables(con) -> None:
    con.execute("""
        CREATE TABLE runs (
            id VARCHAR PRIMARY KEY,
            command VARCHAR NOT NULL,
            inputs VARCHAR[] NOT NULL,
            started TIMESTAMP NOT NULL,
            finished TIMESTAMP,
            status VARCHAR NOT NULL,
            counts JSON,
            pid INTEGER,
            host VARCHAR
        )""")
    con.execute("""
        CREATE TABLE failures (
            run_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            input VARCHAR NOT NULL,
            stage VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            recorded TIMESTAMP NOT NULL,
            PRIMARY KEY (run_id, seq)
        )""")
    con.execute("""
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            title VARCHAR,
            published DATE,
            reference_date DATE,
            reference_reason VARCHAR,
            source VARCHAR,
            url VARCHAR,
            publisher VARCHAR,
            outlet VARCHAR NOT NULL,
            wires VARCHAR[],
            removed JSON,
            notes VARCHAR[],
            language VARCHAR,
            text VARCHAR NOT NULL,
            tone DOUBLE,
            sentence_count INTEGER,
            stages VARCHAR[],
            skipped VARCHAR[],
            duplicate_of VARCHAR,
            dup_kind VARCHAR,
            run_id VARCHAR,
            added TIMESTAMP NOT NULL
        )""")
    con.execute("CREATE INDEX articles_content_hash ON articles (content_hash)")
    con.execute("CREATE INDEX articles_duplicate_of ON articles (duplicate_of)")
    con.execute("""
        CREATE TABLE event_mentions (
            article_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            event VARCHAR NOT NULL,
            mode VARCHAR,
            context VARCHAR[],
            cameo VARCHAR NOT NULL,
            goldstein DOUBLE,
            quad_code INTEGER,
            event_scale DOUBLE,
            factuality VARCHAR NOT NULL,
            date DATE,
            enddate DATE,
            actor_codes VARCHAR[],
            recipient_codes VARCHAR[],
            sentence INTEGER,
            paragraph INTEGER,
            start_char INTEGER,
            end_char INTEGER,
            trigger_start INTEGER,
            trigger_end INTEGER,
            event_text VARCHAR,
            text VARCHAR NOT NULL,
            rule VARCHAR,
            confidence DOUBLE,
            quote_id VARCHAR,
            plover JSON NOT NULL,
            run_id VARCHAR,
            PRIMARY KEY (article_id, seq)
        )""")
    con.execute("CREATE INDEX event_mentions_event_id ON event_mentions (event_id)")
    con.execute("CREATE INDEX event_mentions_id ON event_mentions (id)")
    con.execute("""
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            key VARCHAR NOT NULL,
            event VARCHAR NOT NULL,
            mode VARCHAR,
            factuality VARCHAR NOT NULL,
            date DATE,
            actor_codes VARCHAR[],
            recipient_codes VARCHAR[],
            cameo VARCHAR,
            quad_code INTEGER,
            goldstein DOUBLE,
            rep_article VARCHAR NOT NULL,
            rep_seq INTEGER NOT NULL,
            num_mentions INTEGER NOT NULL,
            num_sources INTEGER NOT NULL,
            num_articles INTEGER NOT NULL,
            avg_tone DOUBLE,
            is_root BOOLEAN,
            added TIMESTAMP NOT NULL
        )""")
    con.execute("CREATE INDEX events_date ON events (date)")
    con.execute("CREATE INDEX events_event ON events (event)")
    con.execute("""
        CREATE TABLE actors (
            article_id VARCHAR NOT NULL,
            mention_seq INTEGER NOT NULL,
            role VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            event_id VARCHAR NOT NULL,
            entity_text VARCHAR,
            code VARCHAR,
            sector VARCHAR,
            sectors VARCHAR[],
            identifier_text VARCHAR,
            identifier_id VARCHAR,
            office VARCHAR,
            reason VARCHAR,
            entry VARCHAR,
            PRIMARY KEY (article_id, mention_seq, role, position)
        )""")
    con.execute("CREATE INDEX actors_code ON actors (code)")
    con.execute("""
        CREATE TABLE places (
            article_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            name VARCHAR NOT NULL,
            country_code VARCHAR,
            admin1 VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            feature_type VARCHAR,
            precision VARCHAR,
            geonameid BIGINT,
            text VARCHAR,
            sentence INTEGER,
            start_char INTEGER,
            end_char INTEGER,
            reason VARCHAR,
            PRIMARY KEY (article_id, seq)
        )""")
    con.execute("""
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            id VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            direct BOOLEAN,
            speaker_code VARCHAR,
            speaker_name VARCHAR,
            speaker_text VARCHAR,
            date DATE,
            data JSON NOT NULL,
            PRIMARY KEY (article_id, seq)
        )""")
    con.execute("CREATE INDEX quotes_speaker_code ON quotes (speaker_code)")
    con.execute("""
        CREATE TABLE signatures (
            article_id VARCHAR PRIMARY KEY,
            signature BLOB NOT NULL
        )""")


@migration(2, "input files: which file each article was read from, and each file's size and time when read")
def _input_files(con) -> None:
    con.execute("""
        CREATE TABLE files (
            path VARCHAR PRIMARY KEY,
            size BIGINT NOT NULL,
            mtime_ns BIGINT NOT NULL,
            run_id VARCHAR,
            recorded TIMESTAMP NOT NULL
        )""")
    con.execute("""
        CREATE TABLE article_files (
            path VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            PRIMARY KEY (path, article_id)
        )""")
    con.execute("CREATE INDEX article_files_article ON article_files (article_id)")


# Migrations 10-19: storage at scale (the incremental dedup index, aggregates, the compact layout).


@migration(10, "store identity and signature ranks: the order first copies were stored, for the dedup index")
def _signature_ranks(con) -> None:
    import uuid

    con.execute("CREATE TABLE store_meta (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    con.execute("INSERT INTO store_meta VALUES ('store_id', ?)", [uuid.uuid4().hex])
    con.execute("ALTER TABLE signatures ADD COLUMN rank BIGINT")
    con.execute("""
        UPDATE signatures SET rank = r.rank FROM (
            SELECT s.article_id, row_number() OVER (ORDER BY a.added NULLS LAST, s.article_id) AS rank
            FROM signatures s LEFT JOIN articles a ON a.id = s.article_id) r
        WHERE signatures.article_id = r.article_id""")
    start = con.execute("SELECT coalesce(max(rank), 0) + 1 FROM signatures").fetchone()[0]
    con.execute(f"CREATE SEQUENCE signature_rank START {int(start)}")


@migration(11, "aggregates: agg_days and dyad_events, kept per batch; events carry their PLOVER score")
def _aggregates(con) -> None:
    # The aggregate tables are created (and filled) by migration 13, whose layout counts undated events and
    # date precisions; a store upgraded to 11 or 12 before 13 existed has them dropped and rebuilt there.
    con.execute("ALTER TABLE events ADD COLUMN event_scale DOUBLE")
    con.execute("""UPDATE events SET event_scale = m.event_scale FROM event_mentions m
                   WHERE m.article_id = events.rep_article AND m.seq = events.rep_seq""")


ENTITY = ("STRUCT(entity_text VARCHAR, code VARCHAR, sector VARCHAR, sectors VARCHAR[], identifier_text VARCHAR, "
          "identifier_id VARCHAR, office VARCHAR, reason VARCHAR, entry VARCHAR)")
PLACE = ("STRUCT(name VARCHAR, country_code VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, feature_type VARCHAR, "
         "\"precision\" VARCHAR, geonameid BIGINT, text VARCHAR)")
_PLACE_JSON = ('{"name": "VARCHAR", "country_code": "VARCHAR", "admin1": "VARCHAR", "lat": "DOUBLE", "lon": "DOUBLE", '
               '"feature_type": "VARCHAR", "precision": "VARCHAR", "geonameid": "BIGINT", "text": "VARCHAR"}')
# a struct literal (not struct_insert with named arguments, which DuckDB 2.0 mis-binds next to a subquery)
_SPEAKER_FIELDS = ", ".join([f"'{k}': q.data->'speaker'->>'{k}'" for k in (
    "entity_text", "code", "sector", "identifier_text", "identifier_id", "office", "reason")]
    + ["'sectors': []::VARCHAR[]", "'entry': NULL::VARCHAR"])
_EVENT_JSON_KEYS = ("id", "date", "enddate", "actor", "recipient", "event", "mode", "context", "event_text",
                    "event_loc", "quad_code", "event_scale", "text", "text_info", "cameo", "goldstein", "factuality",
                    "factuality_reason", "date_precision", "date_source", "date_reason", "loc_reason", "claim_source",
                    "article_id", "publication", "rule", "confidence", "coder")
_QUOTE_JSON_KEYS = ("id", "article_id", "text", "direct", "speaker", "speaker_text", "verb", "medium", "date",
                    "sentence", "start", "end", "reason", "event_ids", "tone")

ACTORS_VIEW = """
    CREATE VIEW actors AS
    SELECT article_id, seq AS mention_seq, 'actor' AS role, generate_subscripts(actor, 1) - 1 AS position, event_id,
           unnest(actor, recursive := true)
    FROM event_mentions
    UNION ALL
    SELECT article_id, seq, 'recipient', generate_subscripts(recipient, 1) - 1, event_id,
           unnest(recipient, recursive := true)
    FROM event_mentions
    UNION ALL
    SELECT article_id, seq, 'claim_source', generate_subscripts(claim_source, 1) - 1, event_id,
           unnest(claim_source, recursive := true)
    FROM event_mentions"""


def _json_rest(column: str, keys: tuple[str, ...]) -> str:
    """SQL: the members of a JSON object column whose keys are not in `keys`, as JSON (NULL when none)."""
    listed = "[" + ", ".join(f"'{k}'" for k in keys) + "]"
    return (f"(SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(t.k, json_extract({column}, "
            f"concat('/', t.k))) END FROM unnest(json_keys({column})) AS t(k) WHERE NOT list_contains({listed}, t.k))")


@migration(12, "compact layout: typed columns instead of JSON records, texts only in articles, entities in their "
               "mention (actors is a view), mention serial numbers, no primary keys on child tables")
def _compact(con) -> None:
    con.execute("CREATE SEQUENCE mention_serial START 1")
    con.execute(f"""
        CREATE TEMP TABLE _ents AS
        SELECT article_id, mention_seq, role,
               list(struct_pack(entity_text, code, sector, sectors, identifier_text, identifier_id, office, reason,
                                entry) ORDER BY position)::{ENTITY}[] AS l
        FROM actors GROUP BY article_id, mention_seq, role""")
    con.execute(f"""
        CREATE TABLE mentions_new (
            n BIGINT NOT NULL, article_id VARCHAR NOT NULL, seq INTEGER NOT NULL, id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL, event VARCHAR NOT NULL, mode VARCHAR, context VARCHAR[], cameo VARCHAR NOT NULL,
            goldstein DOUBLE, quad_code INTEGER, event_scale DOUBLE, factuality VARCHAR NOT NULL,
            factuality_reason VARCHAR, date DATE, enddate DATE, date_precision VARCHAR, date_source VARCHAR,
            date_reason VARCHAR, actor_codes VARCHAR[], recipient_codes VARCHAR[], actor {ENTITY}[],
            recipient {ENTITY}[], claim_source {ENTITY}[], event_loc {PLACE}, loc_reason VARCHAR, sentence INTEGER,
            paragraph INTEGER, start_char INTEGER, end_char INTEGER, trigger_start INTEGER, trigger_end INTEGER,
            event_text VARCHAR, publication VARCHAR, rule VARCHAR, confidence DOUBLE, quote_id VARCHAR,
            red_line BOOLEAN NOT NULL, own_text VARCHAR, extra JSON, run_id VARCHAR)""")
    con.execute(f"""
        INSERT INTO mentions_new
        SELECT nextval('mention_serial'), m.article_id, m.seq, m.id, m.event_id, m.event, m.mode, m.context, m.cameo,
               m.goldstein, m.quad_code, m.event_scale, m.factuality, m.plover->>'factuality_reason', m.date, m.enddate,
               m.plover->>'date_precision', m.plover->>'date_source', m.plover->>'date_reason', m.actor_codes,
               m.recipient_codes, coalesce(ea.l, []), coalesce(er.l, []), coalesce(ec.l, []),
               from_json(m.plover->'event_loc', '{_PLACE_JSON}'), m.plover->>'loc_reason', m.sentence, m.paragraph,
               m.start_char, m.end_char, m.trigger_start, m.trigger_end, m.event_text, m.plover->>'publication', m.rule,
               m.confidence, m.quote_id, regexp_matches(lower(m.text), '\\bred[- ]?lines?\\b'),
               CASE WHEN m.text = substr(a.text, m.start_char + 1, m.end_char - m.start_char) THEN NULL ELSE m.text END,
               {_json_rest("m.plover", _EVENT_JSON_KEYS)},
               m.run_id
        FROM (SELECT * FROM event_mentions ORDER BY rowid) m
        JOIN articles a ON a.id = m.article_id
        LEFT JOIN _ents ea ON ea.article_id = m.article_id AND ea.mention_seq = m.seq AND ea.role = 'actor'
        LEFT JOIN _ents er ON er.article_id = m.article_id AND er.mention_seq = m.seq AND er.role = 'recipient'
        LEFT JOIN _ents ec ON ec.article_id = m.article_id AND ec.mention_seq = m.seq AND ec.role = 'claim_source'
        ORDER BY m.article_id, m.seq""")
    con.execute("DROP TABLE _ents")
    con.execute("DROP TABLE actors")
    con.execute("DROP TABLE event_mentions")
    con.execute("ALTER TABLE mentions_new RENAME TO event_mentions")
    con.execute("CREATE INDEX event_mentions_event_id ON event_mentions (event_id)")
    con.execute(ACTORS_VIEW)
    con.execute("ALTER TABLE events ADD COLUMN rep_n BIGINT")
    con.execute("""UPDATE events SET rep_n = m.n FROM event_mentions m
                   WHERE m.article_id = events.rep_article AND m.seq = events.rep_seq""")
    con.execute(f"""
        CREATE TABLE quotes_new (
            article_id VARCHAR NOT NULL, seq INTEGER NOT NULL, id VARCHAR NOT NULL, direct BOOLEAN,
            speaker {ENTITY}, speaker_code VARCHAR, speaker_name VARCHAR, speaker_text VARCHAR, verb VARCHAR,
            medium VARCHAR, date DATE, sentence INTEGER, start_char INTEGER, end_char INTEGER, reason VARCHAR,
            event_ids VARCHAR[], tone DOUBLE, own_text VARCHAR, extra JSON)""")
    con.execute(f"""
        INSERT INTO quotes_new
        SELECT q.article_id, q.seq, q.id, q.direct,
               CASE WHEN (q.data->'speaker') IS NULL OR json_type(q.data->'speaker') = 'NULL' THEN NULL
                    ELSE {{{_SPEAKER_FIELDS}}}::{ENTITY} END,
               q.speaker_code, q.speaker_name, q.speaker_text, q.data->>'verb', q.data->>'medium', q.date,
               (q.data->>'sentence')::INTEGER, (q.data->>'start')::INTEGER, (q.data->>'end')::INTEGER,
               q.data->>'reason', from_json(q.data->'event_ids', '["VARCHAR"]'), (q.data->>'tone')::DOUBLE,
               CASE WHEN q.text = substr(a.text, (q.data->>'start')::INTEGER + 1,
                                         (q.data->>'end')::INTEGER - (q.data->>'start')::INTEGER) THEN NULL
                    ELSE q.text END,
               {_json_rest("q.data", _QUOTE_JSON_KEYS)}
        FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.article_id, q.seq""")
    con.execute("DROP TABLE quotes")
    con.execute("ALTER TABLE quotes_new RENAME TO quotes")
    con.execute("CREATE TABLE places_new AS SELECT * FROM places ORDER BY article_id, seq")
    con.execute("DROP TABLE places")
    con.execute("ALTER TABLE places_new RENAME TO places")
    defs = con.execute("SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                       "WHERE table_name = 'articles' ORDER BY ordinal_position").fetchall()
    cols = [d[0] for d in defs]
    # the body is most of a store: each one zlib-compressed on its own (see rows.pack_text)
    columns = ", ".join((f'"{c}" {t}' if c != "text" else "body BLOB") + (" NOT NULL" if nullable == "NO" else "")
                        for c, t, nullable in defs)
    con.execute(f"CREATE TABLE articles_new ({columns}, first_n BIGINT, last_n BIGINT, PRIMARY KEY (id))")
    con.create_function("redline_pack_text", pack_text, ["VARCHAR"], "BLOB")
    try:
        con.execute(f"""INSERT INTO articles_new
                        SELECT {', '.join(f'a."{c}"' if c != "text" else "redline_pack_text(a.text)" for c in cols)},
                               r.lo, r.hi
                        FROM articles a
                        LEFT JOIN (SELECT article_id, min(n) AS lo, max(n) AS hi FROM event_mentions
                                   GROUP BY article_id) r ON r.article_id = a.id
                        ORDER BY a.added, a.id""")
    finally:
        con.remove_function("redline_pack_text")
    con.execute("DROP TABLE articles")
    con.execute("ALTER TABLE articles_new RENAME TO articles")
    con.execute("CREATE INDEX articles_content_hash ON articles (content_hash)")
    con.execute("CREATE INDEX articles_duplicate_of ON articles (duplicate_of)")
    # equality on a date, a type or a speaker code matches too many rows for an index to help; they cost space
    con.execute("DROP INDEX events_date")
    con.execute("DROP INDEX events_event")


@migration(13, "aggregates by date precision with undated events on their article's day; events carry their "
               "representative's date precision and article day")
def _aggregates_by_precision(con) -> None:
    from . import aggregates

    con.execute("ALTER TABLE events ADD COLUMN date_precision VARCHAR")
    con.execute("ALTER TABLE events ADD COLUMN article_day DATE")
    con.execute("UPDATE events SET date_precision = m.date_precision FROM event_mentions m WHERE m.n = events.rep_n")
    con.execute("""UPDATE events SET article_day = coalesce(a.reference_date, a.published) FROM articles a
                   WHERE a.id = events.rep_article""")
    con.execute("DROP INDEX IF EXISTS dyad_events_id")
    for table in ("dyad_events", "agg_days", "agg_names"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    for sql in aggregates.CREATE:
        con.execute(sql)
    aggregates.rebuild(con)


@migration(14, "distinct representative articles per dyad kept per batch (agg_dyad_articles)")
def _dyad_articles(con) -> None:
    from . import dyad_articles

    con.execute(dyad_articles.CREATE)
    dyad_articles.rebuild(con)


@migration(15, "the escalation events of each dyad kept per batch in dyad and day order (dyad_escalation)")
def _dyad_escalation(con) -> None:
    from . import escalations

    con.execute(escalations.CREATE)
    escalations.rebuild(con)


# (30: after the reviews' 20-29, whose columns of `events` the copies carry)
@migration(30, "events dated ahead of their article and their mentions copied per batch, for newest-first pages")
def _events_ahead(con) -> None:
    from . import ahead

    for sql in ahead.CREATE:
        con.execute(sql)
    ahead.rebuild(con)


@migration(40, "each article's places, quotes and event mentions in one row (article_parts), for reading one article")
def _article_parts(con) -> None:
    from . import article_parts

    article_parts.create(con)


def apply_migrations(con, *, read_only: bool, path: str) -> int:
    """Apply pending migrations in order; return the schema version. A read-only store must be current."""
    if read_only:
        try:  # (asking information_schema whether the table exists costs a read-only open ~20 ms more)
            applied = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
        except duckdb.CatalogException:
            applied = set()
    else:
        con.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied TIMESTAMP NOT NULL)""")
        applied = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    known = {m.version for m in MIGRATIONS}
    newer = sorted(applied - known)
    if newer:
        raise StoreError(f"store {path}: schema version {max(newer)} is newer than this redline knows "
                         f"({max(known)}); upgrade redline")
    pending = [m for m in MIGRATIONS if m.version not in applied]
    if pending and read_only:
        raise StoreError(f"store {path}: schema needs migrations {[m.version for m in pending]}; "
                         "open it once writable (e.g. `redline ingest`) to upgrade it")
    for m in pending:
        con.execute("BEGIN TRANSACTION")
        try:
            m.apply(con)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        [m.version, m.name, dt.datetime.now(dt.UTC).replace(tzinfo=None)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return max(known) if known else 0
