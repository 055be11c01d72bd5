"""The journal's schema and its migrations.

``PRAGMA user_version`` holds the schema version. Each migration is a function run inside one
transaction; the store makes an encrypted backup before migrating. Keep a journal made by every
released schema version under ``tests/data/`` (see tests/core/test_migrations.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE persons (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    aliases      TEXT NOT NULL DEFAULT '[]',
    role         TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    platform     TEXT NOT NULL DEFAULT '',
    handles      TEXT NOT NULL DEFAULT '[]',
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 1,
    deleted_at   TEXT
);
CREATE TABLE entries (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    occurred_at     TEXT NOT NULL,
    occurred_utc    TEXT NOT NULL,
    precision       TEXT NOT NULL DEFAULT 'exact',
    recorded_at     TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 1,
    summary         TEXT NOT NULL,
    details         TEXT NOT NULL DEFAULT '',
    channel         TEXT NOT NULL DEFAULT '',
    location        TEXT NOT NULL DEFAULT '',
    witnesses       TEXT NOT NULL DEFAULT '[]',
    tags            TEXT NOT NULL DEFAULT '[]',
    amount          TEXT,
    currency        TEXT,
    method          TEXT,
    direction       TEXT,
    item            TEXT,
    value           TEXT,
    task            TEXT,
    target          TEXT,
    status          TEXT,
    medium          TEXT,
    initiated_by    TEXT,
    reported_to     TEXT,
    reference       TEXT,
    officer         TEXT,
    source_entry_id TEXT,
    import_id       TEXT,
    deleted_at      TEXT
);
CREATE INDEX entries_live_time ON entries(occurred_utc, seq) WHERE deleted_at IS NULL;
CREATE INDEX entries_time ON entries(occurred_utc, seq);
CREATE INDEX entries_kind_time ON entries(kind, occurred_utc);
CREATE TABLE entry_persons (
    entry_id  TEXT NOT NULL REFERENCES entries(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    position  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entry_id, person_id)
) WITHOUT ROWID;
CREATE INDEX entry_persons_person ON entry_persons(person_id, entry_id);
CREATE TABLE attachments (
    id         TEXT PRIMARY KEY,
    entry_id   TEXT REFERENCES entries(id),
    person_id  TEXT REFERENCES persons(id),
    filename   TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    caption    TEXT NOT NULL DEFAULT '',
    import_id  TEXT,
    removed_at TEXT
);
CREATE INDEX attachments_entry ON attachments(entry_id);
CREATE INDEX attachments_person ON attachments(person_id);
CREATE TABLE blobs (
    attachment_id TEXT PRIMARY KEY REFERENCES attachments(id),
    data          BLOB NOT NULL
);
CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    object_type TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    saved_at    TEXT NOT NULL,
    action      TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX revisions_object ON revisions(object_type, object_id, revision);
CREATE TABLE audit (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    digest      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_object ON audit(object_type, object_id, seq);
CREATE TABLE drafts (
    key      TEXT PRIMARY KEY,
    saved_at TEXT NOT NULL,
    data     TEXT NOT NULL
);
CREATE TABLE imports (
    id            TEXT PRIMARY KEY,
    source        TEXT NOT NULL,
    filename      TEXT NOT NULL,
    sha256        TEXT NOT NULL UNIQUE,
    attachment_id TEXT,
    imported_at   TEXT NOT NULL,
    messages      INTEGER NOT NULL DEFAULT 0,
    days          INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE messages (
    id        TEXT PRIMARY KEY,
    entry_id  TEXT NOT NULL REFERENCES entries(id),
    import_id TEXT NOT NULL REFERENCES imports(id),
    position  INTEGER NOT NULL,
    sent_at   TEXT NOT NULL,
    sender    TEXT NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX messages_entry ON messages(entry_id, position);
CREATE VIRTUAL TABLE entry_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE person_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
"""

# v2: the timeline's order with the entry id inside the index ("covering"), so that listing the
# ids of 100,000 entries reads only the index and never the wide rows (every page read from a
# SQLCipher file is a page decrypted and authenticated). Same for the trash and the kind filter.
# Only indexes change: no row, revision or audit record is touched.
_V2_INDEXES = """
DROP INDEX entries_live_time;
DROP INDEX entries_time;
DROP INDEX entries_kind_time;
CREATE INDEX entries_live_time ON entries(occurred_utc, seq, id) WHERE deleted_at IS NULL;
CREATE INDEX entries_time ON entries(occurred_utc, seq, id);
CREATE INDEX entries_trash_time ON entries(occurred_utc, seq, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX entries_kind_time ON entries(kind, occurred_utc, seq, id) WHERE deleted_at IS NULL;
"""


# v4: attachment bytes kept once per SHA-256 (``blob_store``) instead of once per attachment;
# revisions sealed in the audit chain (the store's migration step seals those saved before).
# Object states are unchanged, so no audited state changes.
_V4_BLOB_STORE = """
CREATE TABLE blob_store (
    sha256 TEXT PRIMARY KEY,
    data   BLOB NOT NULL
);
INSERT OR IGNORE INTO blob_store(sha256, data)
    SELECT a.sha256, b.data FROM attachments a JOIN blobs b ON b.attachment_id = a.id
    ORDER BY a.added_at, a.id;
DROP TABLE blobs
"""
REVISIONS_SEALED_FROM = 4


def _run_script(conn: Any, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v2_covering_time_indexes(conn: Any) -> None:
    _run_script(conn, _V2_INDEXES)


# v3: warning signs the user set aside as "not this", with their reason (one row per sign id;
# audited as object type "dismissal"). A new table only: nothing existing is touched.
_V3_SIGN_DISMISSALS = """
CREATE TABLE sign_dismissals (
    sign_id      TEXT PRIMARY KEY,
    reason       TEXT NOT NULL,
    dismissed_at TEXT NOT NULL
);
"""


def _v3_sign_dismissals(conn: Any) -> None:
    _run_script(conn, _V3_SIGN_DISMISSALS)


def _v4_blob_store(conn: Any) -> None:
    _run_script(conn, _V4_BLOB_STORE)


# v5: the overview (core/overview) counts per person and finds the first entry on each app from
# an index holding the entry's id, time, kind and channel, so that its queries read no wide rows.
_V5_INDEXES = """
CREATE INDEX entries_overview ON entries(id, occurred_utc, kind, channel) WHERE deleted_at IS NULL;
"""


def _v5_overview_index(conn: Any) -> None:
    _run_script(conn, _V5_INDEXES)


# v6: the warning-sign facts (journal.core.store.signfacts): what each entry contributes to the
# rules, written with the entry, so that the signs of a whole journal are read, not recomputed.
# The rows are filled when the journal is opened for writing (the stamp in meta is missing).
_V6_SIGN_FACTS = """
CREATE TABLE IF NOT EXISTS sign_facts (
    seq          INTEGER PRIMARY KEY,
    entry_id     TEXT NOT NULL UNIQUE,
    revision     INTEGER NOT NULL,
    live         INTEGER NOT NULL,
    occurred_us  INTEGER NOT NULL,
    recorded_us  INTEGER NOT NULL,
    occurred_at  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    persons      TEXT NOT NULL,
    flags        INTEGER NOT NULL,
    amount       TEXT,
    currency     TEXT,
    value        TEXT,
    direction    TEXT,
    method       TEXT,
    initiated_by TEXT,
    status       TEXT,
    channel      TEXT NOT NULL,
    medium       TEXT,
    target       TEXT,
    hits         TEXT,
    words        TEXT NOT NULL
);
-- verify's staleness check compares each entry's revision with its facts' without reading the
-- wide entry rows
CREATE INDEX IF NOT EXISTS entries_revision ON entries(id, revision);
"""


def _v6_sign_facts(conn: Any) -> None:
    _run_script(conn, _V6_SIGN_FACTS)


def ensure_sign_facts(conn: Any) -> None:
    """The v6 table and index where they are missing (a development file numbered 7 before v6
    was merged), with the index verify reads (v8) and the triggers that move the stored signs'
    generation (v9: a rebuild drops the table, and its triggers with it); the caller holds a
    transaction. The generation moves here too: the table's rows were just dropped."""
    _v6_sign_facts(conn)
    conn.execute(_SIGN_FACTS_REVISION)
    _v9_sign_results(conn)
    conn.execute(_BUMP_GENERATION)


# v7: the overview's aggregates (core/store/overview_index.py keeps them in the transaction that
# changes an entry): what each live entry adds to the picture (its UTC day, kind, the sensitivity
# of a request's target, channel, money received), and per UTC day the counts and first entry of
# each kind and level, the money received per currency, and the first entry on each app. The
# picture of 100,000 entries then reads a few thousand day rows, not the entries. The tables are
# filled on the first writing open after the migration (and again whenever the classification
# changes), like the search index.
_V7_OVERVIEW = """
CREATE TABLE overview_facts (
    entry_id TEXT PRIMARY KEY,
    day      TEXT NOT NULL,
    utc      TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    level    INTEGER NOT NULL,
    channel  TEXT NOT NULL,
    currency TEXT,
    amount   TEXT
) WITHOUT ROWID;
CREATE INDEX overview_facts_group ON overview_facts(kind, level, day, utc, seq, entry_id);
CREATE INDEX overview_facts_channel ON overview_facts(channel, utc, seq, entry_id);
CREATE INDEX overview_facts_money ON overview_facts(day, currency, amount)
    WHERE currency IS NOT NULL;
CREATE TABLE overview_days (
    kind      TEXT NOT NULL,
    level     INTEGER NOT NULL,
    day       TEXT NOT NULL,
    n         INTEGER NOT NULL,
    first_utc TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    first_id  TEXT NOT NULL,
    PRIMARY KEY (kind, level, day)
) WITHOUT ROWID;
CREATE TABLE overview_months (
    kind      TEXT NOT NULL,
    level     INTEGER NOT NULL,
    month     TEXT NOT NULL,
    n         INTEGER NOT NULL,
    first_utc TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    first_id  TEXT NOT NULL,
    PRIMARY KEY (kind, level, month)
) WITHOUT ROWID;
CREATE TABLE overview_money (
    day      TEXT NOT NULL,
    currency TEXT NOT NULL,
    total    TEXT NOT NULL,
    PRIMARY KEY (day, currency)
) WITHOUT ROWID;
CREATE TABLE overview_channels (
    channel   TEXT PRIMARY KEY,
    first_utc TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    first_id  TEXT NOT NULL
) WITHOUT ROWID;
"""


def _v7_overview_aggregates(conn: Any) -> None:
    _run_script(conn, _V7_OVERVIEW)


# v8: what verify reads instead of recomputing (issue 17). ``search_digests`` holds, for every
# row of the search index, the entry it was made from (id and revision) and the SHA-256 of the
# text written, stored in the transaction that writes the row (store/search_index.py), so that
# verify hashes the stored text instead of re-deriving 100,000 entries' texts (``verify --deep``
# still re-derives them). The digests of an older file are computed by the store's migration step
# from the entries themselves, in batches. ``sign_facts_revision`` lets verify's staleness check of
# the warning-sign facts read two narrow indexes instead of the wide facts and entry rows.
_V8_VERIFY = """
CREATE TABLE IF NOT EXISTS search_digests (
    seq      INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    digest   TEXT NOT NULL
);
"""
_SIGN_FACTS_REVISION = "CREATE INDEX IF NOT EXISTS sign_facts_revision ON sign_facts(entry_id, revision)"
SEARCH_DIGESTS_FROM = 8


def _v8_verify_digests(conn: Any) -> None:
    _run_script(conn, _V8_VERIFY)
    conn.execute(_SIGN_FACTS_REVISION)


# v9: the warning signs' results kept inside the journal (core/store/signresults.py): the last
# evaluation (per sign its level and evidence ids, compressed) with the generation of the data it
# was made from. Every change of what the rules read (a row of sign_facts or of persons added,
# changed or removed) moves ``sign_generation.n`` by a trigger, in the transaction of the change,
# so that no write path can forget it; a stored result whose generation is not the current one
# is never read.
_V9_SIGN_RESULTS = """
CREATE TABLE IF NOT EXISTS sign_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT OR IGNORE INTO sign_generation(id, n) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS sign_results (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL,
    rules      TEXT NOT NULL,
    data       BLOB NOT NULL
)
"""
_BUMP_GENERATION = "UPDATE sign_generation SET n = n + 1 WHERE id = 1"
# (table, event) of every trigger that moves the generation
GENERATION_TRIGGERS = tuple((table, event) for table in ("sign_facts", "persons")
                            for event in ("INSERT", "UPDATE", "DELETE"))


def generation_trigger_name(table: str, event: str) -> str:
    return f"{table}_{event.lower()}_moves_signs"


def _v9_sign_results(conn: Any) -> None:
    _run_script(conn, _V9_SIGN_RESULTS)
    for table, event in GENERATION_TRIGGERS:
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS {generation_trigger_name(table, event)}"
                     f" AFTER {event} ON {table} BEGIN {_BUMP_GENERATION}; END")


CURRENT_VERSION = 9

# version N → function migrating from N-1 to N (run inside a transaction).
MIGRATIONS: dict[int, Callable[[Any], None]] = {
    2: _v2_covering_time_indexes,
    3: _v3_sign_dismissals,
    4: _v4_blob_store,
    5: _v5_overview_index,
    6: _v6_sign_facts,
    7: _v7_overview_aggregates,
    8: _v8_verify_digests,
    9: _v9_sign_results,
}


def create(conn: Any) -> None:
    """A new journal: the v1 schema brought up to date by the same migrations an old file runs,
    so that a new file and a migrated one are alike."""
    _run_script(conn, SCHEMA_V1)
    for version in range(2, CURRENT_VERSION + 1):
        MIGRATIONS[version](conn)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION}")


def migrate(conn: Any, from_version: int) -> None:
    """Bring a schema at ``from_version`` up to CURRENT_VERSION (caller holds a transaction)."""
    for version in range(from_version + 1, CURRENT_VERSION + 1):
        MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version = {version}")
