import type Database from "better-sqlite3";
import { BotError } from "../core/bot-error.ts";

export interface Migration {
  version: number;
  name: string;
  /** The same change for each engine: one list, so the two schemas cannot drift apart. */
  sqlite: string;
  postgres: string;
}

/**
 * The schema, as an append-only list: never edit a released migration, add the next version instead.
 * JSON documents (state, handoff, actors, conversation refs) are stored as TEXT in both engines; the
 * store never queries inside them, so the row mapping (escalation-row.ts) is shared. Times are ISO TEXT
 * too, which sorts correctly and compares equal across engines.
 */
export const migrations: Migration[] = [
  {
    version: 1,
    name: "sessions, escalations, events, processed event ids",
    sqlite: `
      CREATE TABLE sessions (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- seq gives the human id ESC-0001; AUTOINCREMENT so an id is never reused after a delete.
      CREATE TABLE escalations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        session_key TEXT NOT NULL,
        playbook TEXT,
        playbook_version INTEGER,
        requester TEXT NOT NULL,
        origin TEXT NOT NULL,
        note TEXT,
        handoff TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'need-info', 'resolved')),
        claimed_by TEXT,
        handoff_message_id TEXT,
        handoff_conversation TEXT,
        origin_message_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX escalations_status ON escalations (status);
      CREATE INDEX escalations_session ON escalations (session_key);
      CREATE TABLE escalation_history (
        escalation_seq INTEGER NOT NULL REFERENCES escalations (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        by_actor TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (escalation_seq, position)
      );
      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        platform TEXT NOT NULL,
        conversation TEXT,
        user_id TEXT,
        playbook TEXT,
        confidence REAL,
        step TEXT,
        action TEXT,
        text TEXT,
        data TEXT
      );
      CREATE INDEX events_at ON events (at);
      CREATE TABLE processed_events (
        event_id TEXT PRIMARY KEY,
        at TEXT NOT NULL
      );
      CREATE INDEX processed_events_at ON processed_events (at);
    `,
    postgres: `
      -- Times are ISO text compared as bytes (COLLATE "C"), as SQLite does; a locale collation would not.
      CREATE TABLE sessions (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE escalations (
        seq BIGSERIAL PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        session_key TEXT NOT NULL,
        playbook TEXT,
        playbook_version INTEGER,
        requester TEXT NOT NULL,
        origin TEXT NOT NULL,
        note TEXT,
        handoff TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'need-info', 'resolved')),
        claimed_by TEXT,
        handoff_message_id TEXT,
        handoff_conversation TEXT,
        origin_message_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX escalations_status ON escalations (status);
      CREATE INDEX escalations_session ON escalations (session_key);
      CREATE TABLE escalation_history (
        escalation_seq BIGINT NOT NULL REFERENCES escalations (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        by_actor TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (escalation_seq, position)
      );
      CREATE TABLE events (
        id BIGSERIAL PRIMARY KEY,
        type TEXT NOT NULL,
        at TEXT COLLATE "C" NOT NULL,
        platform TEXT NOT NULL,
        conversation TEXT,
        user_id TEXT,
        playbook TEXT,
        confidence DOUBLE PRECISION,
        step TEXT,
        action TEXT,
        text TEXT,
        data TEXT
      );
      CREATE INDEX events_at ON events (at);
      CREATE TABLE processed_events (
        event_id TEXT PRIMARY KEY,
        at TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX processed_events_at ON processed_events (at);
    `,
  },
  {
    version: 2,
    name: "store_meta: escalation ids carry the database's own prefix (ESC-KQTR-0001)",
    // The prefix itself is drawn by the store on first open (escalation-ids.ts); escalations that already
    // exist keep their plain ids, so cards already posted keep working.
    sqlite: `
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO store_meta (key, value)
        SELECT 'plain_escalation_ids_through', CAST(COALESCE(MAX(seq), 0) AS TEXT) FROM escalations;
    `,
    postgres: `
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO store_meta (key, value)
        SELECT 'plain_escalation_ids_through', COALESCE(MAX(seq), 0)::text FROM escalations;
    `,
  },
  {
    version: 3,
    name: "outbox: replies decided, until delivered",
    // One row per decided reply. status pending → delivered | dead; a pending row is free for any
    // replica once next_attempt_at has passed and nobody holds its lease (locked_until in the past).
    sqlite: `
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        event_id TEXT,
        platform TEXT NOT NULL,
        target TEXT NOT NULL,
        reply TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        progress INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        locked_until TEXT,
        locked_by TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
    `,
    postgres: `
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        event_id TEXT,
        platform TEXT NOT NULL,
        target TEXT NOT NULL,
        reply TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        progress INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT COLLATE "C" NOT NULL,
        locked_until TEXT COLLATE "C",
        locked_by TEXT,
        last_error TEXT,
        created_at TEXT COLLATE "C" NOT NULL,
        finished_at TEXT COLLATE "C"
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
    `,
  },
  {
    version: 4,
    name: "escalations: a claim on posting the handoff, so two replicas never post one twice",
    // Set while one caller posts the handoff; another replica's sweep skips the row until it has passed.
    sqlite: "ALTER TABLE escalations ADD COLUMN handoff_claimed_until TEXT;",
    postgres: 'ALTER TABLE escalations ADD COLUMN handoff_claimed_until TEXT COLLATE "C";',
  },
  {
    version: 5,
    name: "reply_bodies: each distinct reply stored once, the outbox row naming it by digest",
    // A queued reply's JSON goes to reply_bodies under its SHA-256 (reply-body.ts); the outbox row keeps
    // the digest and 'null' in reply. Rows queued before this version keep their reply inline (their
    // reply_digest is NULL) and are read as before. used_at comes before body so the purge's scan reads
    // no overflow page. No index on reply_digest: the purge asks only pending and dead rows (outbox_due).
    sqlite: `
      CREATE TABLE reply_bodies (
        digest TEXT PRIMARY KEY,
        used_at TEXT NOT NULL,
        body TEXT NOT NULL
      );
      ALTER TABLE outbox ADD COLUMN reply_digest TEXT;
    `,
    postgres: `
      CREATE TABLE reply_bodies (
        digest TEXT PRIMARY KEY,
        used_at TEXT COLLATE "C" NOT NULL,
        body TEXT NOT NULL
      );
      ALTER TABLE outbox ADD COLUMN reply_digest TEXT;
    `,
  },
];

export const latestSchemaVersion = Math.max(...migrations.map((m) => m.version));

/** The highest applied version, 0 for a new database. */
export function schemaVersion(db: Database.Database): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings the database up to `latestSchemaVersion`, one transaction per migration, so a failure leaves the
 * last good version in place. BEGIN IMMEDIATE plus a re-check inside makes two processes starting at once
 * safe: the second waits, then finds nothing left to do. A database from a newer cpbot is refused
 * rather than guessed at.
 */
export function migrate(db: Database.Database, file: string, list: Migration[] = migrations): number[] {
  const known = Math.max(0, ...list.map((m) => m.version));
  refuseForeignDatabase(db, file);
  const applied: number[] = [];
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      const current = schemaVersion(db);
      if (current > known) throw newerSchemaError(file, current, known);
      if (current >= migration.version) return;
      db.exec(migration.sqlite);
      // Operational metadata, not a record the engine reads: SQLite's clock is fine here.
      db.prepare(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
      ).run(migration.version, migration.name);
      applied.push(migration.version);
    }).immediate();
  }
  const final = schemaVersion(db);
  if (final > known) throw newerSchemaError(file, final, known);
  return applied;
}

/** Another application's SQLite file is not ours to add tables to: a mistyped DATABASE_URL, most likely. */
function refuseForeignDatabase(db: Database.Database, file: string): void {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  if (tables.length === 0 || tables.includes("schema_migrations")) return;
  throw new BotError(
    `The database ${file} belongs to something else (tables: ${tables.slice(0, 5).join(", ")}); it has no ` +
      "schema_migrations table. Set DATABASE_URL to a cpbot database or a new file. Nothing was changed.",
    "store_unavailable",
  );
}

export function newerSchemaError(file: string, found: number, known: number): BotError {
  return new BotError(
    `The database ${file} has schema version ${found}, newer than this cpbot understands (up to ${known}). ` +
      "It was written by a newer cpbot; upgrade cpbot, or set DATABASE_URL to another file. Nothing was changed.",
    "store_unavailable",
  );
}
