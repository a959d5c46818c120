import type Database from "better-sqlite3";
import { BotError } from "../core/bot-error.ts";
import { DatabaseFileIdentity } from "./database-file-identity.ts";
import { isoTime, toJson } from "./iso-time.ts";
import { type OpenOptions, openSqliteDatabase, storeUnavailable } from "./open-sqlite-database.ts";
import { describeTarget, parseDatabaseUrl } from "./parse-database-url.ts";
import { SqliteEscalations } from "./sqlite-escalations.ts";
import { SqliteEvents } from "./sqlite-events.ts";
import type { AnalyticsEvent, AnalyticsEventType, SessionRecord, Store } from "./store.ts";
import { idempotencyTtlMs } from "./store.ts";

interface SessionRow {
  key: string;
  state: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

/**
 * Opens the embedded store at DATABASE_URL (default ./data/cpbot.db), creating file and directory on
 * first run, in WAL mode and migrated. Throws BotError("store_unavailable") naming the file when it
 * cannot be used; see open-sqlite-database.ts.
 */
export function openSqliteStore(databaseUrl?: string, options: OpenOptions & { cwd?: string } = {}): SqliteStore {
  const target = parseDatabaseUrl(databaseUrl, options.cwd);
  return new SqliteStore(openSqliteDatabase(target, options), describeTarget(target));
}

export class SqliteStore implements Store {
  private readonly escalations: SqliteEscalations;
  private readonly events: SqliteEvents;
  /** The file opened, checked before every use (see database-file-identity.ts); none for :memory:. */
  private readonly identity: DatabaseFileIdentity | undefined;

  constructor(
    private readonly db: Database.Database,
    /** The file path (or ":memory:"), for error messages. */
    readonly file: string,
  ) {
    this.escalations = new SqliteEscalations(db, (fn) => this.transaction(fn));
    this.identity = file === ":memory:" ? undefined : new DatabaseFileIdentity(file);
    this.events = new SqliteEvents(db);
  }

  getSession(key: string): SessionRecord | undefined {
    return this.guard(() => {
      const row = this.db.prepare("SELECT * FROM sessions WHERE key = ?").get(key) as SessionRow | undefined;
      return row ? toSession(row) : undefined;
    });
  }

  saveSession(key: string, state: unknown, expectedRevision: number | null, at: string): SessionRecord {
    const time = isoTime(at, "session time");
    const json = toJson(state, `session ${key}`);
    return this.transaction(() => {
      const current = this.db.prepare("SELECT revision FROM sessions WHERE key = ?").get(key) as
        | { revision: number }
        | undefined;
      const stored = current?.revision ?? null;
      if (stored !== expectedRevision) throw sessionConflict(key, stored, expectedRevision);
      if (current) {
        this.db
          .prepare("UPDATE sessions SET state = ?, revision = revision + 1, updated_at = ? WHERE key = ?")
          .run(json, time, key);
      } else {
        this.db
          .prepare("INSERT INTO sessions (key, state, revision, created_at, updated_at) VALUES (?, ?, 1, ?, ?)")
          .run(key, json, time, time);
      }
      return toSession(this.db.prepare("SELECT * FROM sessions WHERE key = ?").get(key) as SessionRow);
    });
  }

  deleteSession(key: string): boolean {
    return this.transaction(() => this.db.prepare("DELETE FROM sessions WHERE key = ?").run(key).changes > 0);
  }

  createEscalation(input: Parameters<Store["createEscalation"]>[0]): ReturnType<Store["createEscalation"]> {
    return this.guard(() => this.escalations.create(input));
  }
  getEscalation(id: string): ReturnType<Store["getEscalation"]> {
    return this.guard(() => this.escalations.get(id));
  }
  getEscalationByKey(key: string): ReturnType<Store["getEscalationByKey"]> {
    return this.guard(() => this.escalations.getByKey(key));
  }
  listEscalations(filter?: Parameters<Store["listEscalations"]>[0]): ReturnType<Store["listEscalations"]> {
    return this.guard(() => this.escalations.list(filter));
  }
  transitionEscalation(id: string, change: Parameters<Store["transitionEscalation"]>[1]) {
    return this.guard(() => this.escalations.transition(id, change));
  }
  setEscalationDelivery(id: string, delivery: Parameters<Store["setEscalationDelivery"]>[1]) {
    return this.guard(() => this.escalations.setDelivery(id, delivery));
  }
  listPendingDeliveries(): ReturnType<Store["listPendingDeliveries"]> {
    return this.guard(() => this.escalations.listPending());
  }

  recordEvent(event: AnalyticsEvent): void {
    this.guard(() => this.events.record(event));
  }
  listEvents(filter?: { since?: string; until?: string; types?: AnalyticsEventType[] }): AnalyticsEvent[] {
    return this.guard(() => this.events.list(filter));
  }

  claimEvent(eventId: string, at: string): boolean {
    const time = isoTime(at, "event time");
    const cutoff = new Date(Date.parse(time) - idempotencyTtlMs).toISOString();
    return this.transaction(() => {
      this.db.prepare("DELETE FROM processed_events WHERE at < ?").run(cutoff);
      return (
        this.db.prepare("INSERT OR IGNORE INTO processed_events (event_id, at) VALUES (?, ?)").run(eventId, time)
          .changes === 1
      );
    });
  }

  transaction<T>(fn: () => T): T {
    return this.guard(() =>
      // IMMEDIATE takes the write lock up front: a read-then-write (revision check, idempotency check)
      // cannot be overtaken by another process between its read and its write. Nested calls become savepoints.
      this.db
        .transaction(() => {
          const result = fn();
          if (result instanceof Promise) {
            throw new BotError(
              "Store.transaction was given an async function; its writes would commit before it finished. " +
                "Do the awaiting outside and pass a synchronous function.",
              "invalid_input",
            );
          }
          return result;
        })
        .immediate(),
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** One place that turns "closed" and SQLite failures (disk full, lock timeout) into errors naming the file. */
  private guard<T>(fn: () => T): T {
    if (!this.db.open) {
      throw new BotError(`The store for ${this.file} is closed; open it again.`, "store_unavailable");
    }
    this.identity?.check();
    try {
      return fn();
    } catch (error) {
      if (error instanceof BotError || !isOperationalError(error)) throw error;
      throw storeUnavailable(this.file, error);
    }
  }
}

/**
 * Failures of the database itself (lock timeout, disk full, I/O, damage, permissions) as opposed to
 * programming errors such as a constraint violation, which should surface unchanged.
 */
function isOperationalError(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== "SqliteError") return false;
  const code = String((error as { code?: unknown }).code ?? "");
  return /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CORRUPT|NOTADB|CANTOPEN|PERM)/.test(code);
}

function toSession(row: SessionRow): SessionRecord {
  return {
    key: row.key,
    state: JSON.parse(row.state) as unknown,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function sessionConflict(key: string, stored: number | null, expected: number | null): BotError {
  const message =
    stored === null
      ? `Session ${key} no longer exists (expected revision ${expected}); it was deleted meanwhile.`
      : expected === null
        ? `Session ${key} already exists (revision ${stored}); read it and save with its revision.`
        : `Session ${key} was changed meanwhile (now revision ${stored}, expected ${expected}); re-read it and apply the step again.`;
  return new BotError(message, "conflict");
}
