"""The store schema as numbered migrations: small registered functions recorded in `schema_migrations`.

A migration runs once, inside its own transaction, the first time a writable store is opened after it was
added. Never edit a released migration; add the next number instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import StoreError


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


def apply_migrations(con, *, read_only: bool, path: str) -> int:
    """Apply pending migrations in order; return the schema version. A read-only store must be current."""
    if read_only:
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()[0]
        applied = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()} if exists else set()
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
