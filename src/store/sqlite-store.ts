import type Database from "better-sqlite3";
import { BotError } from "../core/bot-error.ts";
import { DatabaseFileIdentity } from "./database-file-identity.ts";
import { EscalationIds, idSettingsFromRows, newEscalationPrefix } from "./escalation-ids.ts";
import { isoTime, toJson } from "./iso-time.ts";
import { type OpenOptions, openSqliteDatabase, storeUnavailable } from "./open-sqlite-database.ts";
import { describeTarget, parseDatabaseUrl } from "./parse-database-url.ts";
import { PruneSchedule } from "./prune-schedule.ts";
import { type SessionRow, sessionConflict, toSession } from "./session-row.ts";
import { SqliteEscalations } from "./sqlite-escalations.ts";
import { SqliteEvents } from "./sqlite-events.ts";
import { SqliteOutbox } from "./sqlite-outbox.ts";
import { type Scope, SqliteTransactions } from "./sqlite-transactions.ts";
import { type Prepare, statementCache } from "./statement-cache.ts";
import type {
  AnalyticsEvent,
  AnalyticsEventType,
  DeliveryFailure,
  DeliveryRecord,
  DeliveryStatus,
  DeliveryTake,
  EscalationDelivery,
  EscalationRecord,
  EscalationStatus,
  EscalationTransition,
  NewDelivery,
  NewEscalation,
  SessionRecord,
  Store,
} from "./store.ts";
import { idempotencyTtlMs } from "./store.ts";
import { WalSync } from "./wal-sync.ts";

/**
 * Opens the embedded store at DATABASE_URL (default ./data/cpbot.db), creating file and directory on
 * first run, in WAL mode and migrated. Throws BotError("store_unavailable") naming the file when it
 * cannot be used; see open-sqlite-database.ts.
 */
export function openSqliteStore(databaseUrl?: string, options: OpenOptions & { cwd?: string } = {}): SqliteStore {
  const target = parseDatabaseUrl(databaseUrl, options.cwd);
  return new SqliteStore(openSqliteDatabase(target, options), describeTarget(target), options.escalationPrefix);
}

export class SqliteStore implements Store {
  private readonly escalations: SqliteEscalations;
  private readonly events: SqliteEvents;
  private readonly outbox: SqliteOutbox;
  private readonly sql: Prepare;
  private readonly transactions: SqliteTransactions;
  private readonly pruning = new PruneSchedule();
  /** The file opened, checked before every use (see database-file-identity.ts); none for :memory:. */
  private readonly identity: DatabaseFileIdentity | undefined;
  /** Syncs the WAL after each group's COMMIT when SQLITE_SYNCHRONOUS=full (see wal-sync.ts). */
  readonly walSync: WalSync | undefined;
  /** Set on a transaction's handle only (see transaction()): its calls run in that transaction. */
  private scope: Scope | undefined;

  constructor(
    private readonly db: Database.Database,
    /** The file path (or ":memory:"), for error messages. */
    readonly file: string,
    escalationPrefix?: string,
  ) {
    this.sql = statementCache(db);
    this.identity = file === ":memory:" ? undefined : new DatabaseFileIdentity(file);
    this.walSync = syncOffTheLoop(db, file);
    const walSync = this.walSync;
    // The file is checked when a group of transactions begins: once per turn of the event loop that writes.
    this.transactions = new SqliteTransactions(
      db,
      () => this.identity?.check(),
      walSync ? () => walSync.durable() : undefined,
    );
    this.escalations = new SqliteEscalations(
      this.sql,
      (fn) => this.atomically(fn),
      loadEscalationIds(db, escalationPrefix),
    );
    this.events = new SqliteEvents(this.sql);
    this.outbox = new SqliteOutbox(this.sql, (fn) => this.atomically(fn));
  }

  getSession(key: string): Promise<SessionRecord | undefined> {
    return this.run(() => {
      const row = this.sql("SELECT * FROM sessions WHERE key = ?").get(key) as SessionRow | undefined;
      return row ? toSession(row) : undefined;
    });
  }

  saveSession(key: string, state: unknown, expectedRevision: number | null, at: string): Promise<SessionRecord> {
    return this.write(() => {
      const time = isoTime(at, "session time");
      const json = toJson(state, `session ${key}`);
      // One statement either way: the revision check is the write's own condition, and RETURNING gives
      // the row back without reading it again.
      const row = (
        expectedRevision === null
          ? this.sql(
              `INSERT INTO sessions (key, state, revision, created_at, updated_at) VALUES (?, ?, 1, ?, ?)
                 ON CONFLICT (key) DO NOTHING RETURNING *`,
            ).get(key, json, time, time)
          : this.sql(
              "UPDATE sessions SET state = ?, revision = revision + 1, updated_at = ? WHERE key = ? AND revision = ? RETURNING *",
            ).get(json, time, key, expectedRevision)
      ) as SessionRow | undefined;
      if (row) return toSession(row);
      const current = this.sql("SELECT revision FROM sessions WHERE key = ?").get(key) as
        | { revision: number }
        | undefined;
      throw sessionConflict(key, current?.revision ?? null, expectedRevision);
    });
  }

  deleteSession(key: string): Promise<boolean> {
    return this.write(() => this.sql("DELETE FROM sessions WHERE key = ?").run(key).changes > 0);
  }

  createEscalation(input: NewEscalation): Promise<{ escalation: EscalationRecord; created: boolean }> {
    return this.write(() => this.escalations.create(input));
  }
  getEscalation(id: string): Promise<EscalationRecord | undefined> {
    return this.run(() => this.escalations.get(id));
  }
  getEscalationByKey(key: string): Promise<EscalationRecord | undefined> {
    return this.run(() => this.escalations.getByKey(key));
  }
  listEscalations(filter?: { status?: EscalationStatus[]; sessionKey?: string }): Promise<EscalationRecord[]> {
    return this.run(() => this.escalations.list(filter));
  }
  transitionEscalation(id: string, change: EscalationTransition): Promise<EscalationRecord> {
    return this.write(() => this.escalations.transition(id, change));
  }
  setEscalationDelivery(id: string, delivery: EscalationDelivery): Promise<EscalationRecord> {
    return this.write(() => this.escalations.setDelivery(id, delivery));
  }
  updateEscalationHandoff(id: string, handoff: unknown, at: string): Promise<EscalationRecord> {
    return this.write(() => this.escalations.setHandoff(id, handoff, at));
  }
  listPendingDeliveries(at?: string): Promise<EscalationRecord[]> {
    return this.run(() => this.escalations.listPending(at));
  }
  claimHandoffPost(id: string, at: string, until: string): Promise<boolean> {
    return this.write(() => this.escalations.claimHandoffPost(id, at, until));
  }
  releaseHandoffPost(id: string): Promise<void> {
    return this.write(() => this.escalations.releaseHandoffPost(id));
  }

  recordEvent(event: AnalyticsEvent): Promise<void> {
    return this.write(() => this.events.record(event));
  }
  listEvents(filter?: { since?: string; until?: string; types?: AnalyticsEventType[] }): Promise<AnalyticsEvent[]> {
    return this.run(() => this.events.list(filter));
  }

  claimEvent(eventId: string, at: string): Promise<boolean> {
    return this.write(() => {
      const time = isoTime(at, "event time");
      const cutoff = new Date(Date.parse(time) - idempotencyTtlMs).toISOString();
      if (this.pruning.due(time)) {
        this.sql("DELETE FROM processed_events WHERE at < ?").run(cutoff);
        this.outbox.purgeBodies(time);
      }
      // One statement: a new id is inserted; an id older than the TTL (not pruned yet) counts as new again.
      return (
        this.sql(
          `INSERT INTO processed_events (event_id, at) VALUES (?, ?)
             ON CONFLICT (event_id) DO UPDATE SET at = excluded.at WHERE processed_events.at < ?`,
        ).run(eventId, time, cutoff).changes === 1
      );
    });
  }

  forgetTextBefore(before: string): Promise<{ events: number; sessions: number }> {
    return this.write(() => {
      const cutoff = isoTime(before, "retention cutoff");
      return this.atomically(() => ({
        events: this.sql(forgetEventsSql).run(cutoff).changes,
        sessions: this.sql("DELETE FROM sessions WHERE updated_at < ?").run(cutoff).changes,
      }));
    });
  }

  async vacuum(): Promise<void> {
    this.ensureOpen();
    // VACUUM cannot run inside a transaction: the group of writes still open commits first.
    await this.transactions.flush(() => this.guard(() => this.db.exec("VACUUM")));
  }
  enqueueDelivery(input: NewDelivery): Promise<DeliveryRecord> {
    return this.write(() => this.outbox.enqueue(input));
  }
  takeDueDeliveries(take: DeliveryTake): Promise<DeliveryRecord[]> {
    return this.write(() => this.outbox.take(take));
  }
  updateDeliveryReply(id: string, by: string, reply: unknown, at: string): Promise<boolean> {
    return this.write(() => this.outbox.updateReply(id, by, reply, at));
  }
  renewDeliveryLease(id: string, by: string, until: string): Promise<boolean> {
    return this.write(() => this.outbox.renew(id, by, until));
  }
  completeDelivery(id: string, by: string, at: string): Promise<boolean> {
    return this.write(() => this.outbox.complete(id, by, at));
  }
  completeDeliveries(ids: readonly string[], by: string, at: string): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    // Lazy: a mark lost to a power cut lets the answer go once more after its lease, as a crash does, so
    // a group of marks alone does not wait for a sync of its own (the next group's sync covers it).
    return this.write(() => this.outbox.completeMany(ids, by, at), true);
  }
  failDelivery(id: string, failure: DeliveryFailure): Promise<boolean> {
    return this.write(() => this.outbox.fail(id, failure));
  }
  getDelivery(id: string): Promise<DeliveryRecord | undefined> {
    return this.run(() => this.outbox.get(id));
  }
  countDeliveries(): Promise<Record<DeliveryStatus, number>> {
    return this.run(() => this.outbox.counts());
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.ensureConnected();
    if (this.scope?.open)
      return this.transactions.savepoint(
        () => fn(this),
        (op) => this.guard(op),
      );
    return this.transactions.transaction(
      (scope) => fn(this.handle(scope)),
      (op) => this.guard(op),
    );
  }

  /**
   * The transaction's handle: this store with the transaction's scope, so its calls run in the
   * transaction instead of waiting for it. It shares everything else (connection, statements) through
   * its prototype, so a transaction costs one small object. Once the transaction has finished, a call
   * on the handle (a promise that escaped it) is an ordinary call on the store.
   */
  private handle(scope: Scope): SqliteStore {
    const tx = Object.create(this) as SqliteStore;
    tx.scope = scope;
    return tx;
  }

  async close(): Promise<void> {
    // Writes already asked for run and are committed, not rolled back by the close.
    if (this.db.open) await this.transactions.flush(() => this.db.open && this.db.close());
    await this.walSync?.close();
  }

  /** A readiness probe: the file is still the one opened (see database-file-identity.ts) and answers. */
  ping(): Promise<void> {
    return this.run(() => void this.sql("SELECT 1").get());
  }

  /**
   * A read: refused when closed, queued behind another caller's running transaction, errors mapped; on a
   * transaction's handle, part of that transaction.
   */
  private run<T>(fn: () => T): Promise<T> {
    if (this.scope?.open) return this.inTransaction(fn);
    try {
      // While a group of transactions is open the file was checked when it began, in this turn of the
      // event loop (a stat per statement cost more than the statement); otherwise every read checks.
      if (this.db.inTransaction) this.ensureConnected();
      else this.ensureOpen();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.transactions.run(() => this.guard(fn));
  }

  /**
   * A write: part of the transaction when called on its handle; otherwise a transaction of its own, which
   * joins the open group and resolves once that group has committed (see sqlite-transactions.ts).
   */
  private write<T>(fn: () => T, lazy = false): Promise<T> {
    if (this.scope?.open) return this.inTransaction(fn);
    try {
      this.ensureConnected();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.transactions.write(
      () => this.guard(fn),
      (op) => this.guard(op),
      lazy,
    );
  }

  /** A call on a transaction's handle: runs now, on the connection the transaction holds. */
  private inTransaction<T>(fn: () => T): Promise<T> {
    try {
      this.ensureConnected();
      return Promise.resolve(this.guard(fn));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** A synchronous all-or-nothing group of statements; a savepoint when a transaction is already open. */
  private atomically<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  private ensureOpen(): void {
    this.ensureConnected();
    this.identity?.check();
  }

  private ensureConnected(): void {
    if (!this.db.open) {
      throw new BotError(`The store for ${this.file} is closed; open it again.`, "store_unavailable");
    }
    this.walSync?.check();
  }

  /** One place that turns SQLite failures (disk full, lock timeout) into errors naming the file. */
  private guard<T>(fn: () => T): T {
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

/** The text of old events cleared; an audit record also loses the words and cards it kept in `data`. */
const forgetEventsSql = `
  UPDATE events SET
    text = NULL,
    data = CASE WHEN type = 'audit' AND json_valid(data)
      THEN json_remove(data, '$.input.text', '$.input.inputs', '$.cards') ELSE data END
  WHERE at < ? AND (text IS NOT NULL OR (type = 'audit' AND json_valid(data) AND
    (json_extract(data, '$.cards') IS NOT NULL OR json_extract(data, '$.input.text') IS NOT NULL)))`;

/**
 * A connection opened with `synchronous = FULL` (SQLITE_SYNCHRONOUS=full, the default) is switched to
 * NORMAL, and the store syncs the WAL itself after each COMMIT, off the event loop (see wal-sync.ts). An
 * in-memory database has nothing to sync; NORMAL stays as configured.
 */
function syncOffTheLoop(db: Database.Database, file: string): WalSync | undefined {
  if (db.memory || file === ":memory:") return undefined;
  if (Number(db.pragma("synchronous", { simple: true })) < 2) return undefined;
  db.pragma("synchronous = NORMAL");
  return new WalSync(
    `${db.name}-wal`,
    (error) =>
      new BotError(
        `Could not sync the database ${file} to disk (${error instanceof Error ? error.message : String(error)}). ` +
          "What was not synced may be lost, so cpbot writes nothing more: check the disk, then restart cpbot.",
        "store_unavailable",
        { cause: error },
      ),
  );
}

/** The database's escalation id prefix, drawn on the first open after migration 2 and kept for good. */
function loadEscalationIds(db: Database.Database, prefix = newEscalationPrefix()): EscalationIds {
  db.prepare("INSERT OR IGNORE INTO store_meta (key, value) VALUES ('escalation_prefix', ?)").run(prefix);
  const rows = db.prepare("SELECT key, value FROM store_meta").all() as { key: string; value: string }[];
  return new EscalationIds(idSettingsFromRows(rows));
}
