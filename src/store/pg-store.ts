import pg from "pg";
import { BotError } from "../core/bot-error.ts";
import { EscalationIds, idSettingsFromRows, newEscalationPrefix } from "./escalation-ids.ts";
import { describePgUrl, isConnectionError, isRetryableConflict, pgUnavailable } from "./pg-errors.ts";
import { migratePg } from "./pg-migrate.ts";
import { namedQuery } from "./pg-named-query.ts";
import { PgOps, type Query } from "./pg-ops.ts";
import { PgOutbox } from "./pg-outbox.ts";
import { PruneSchedule } from "./prune-schedule.ts";
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

export interface PgOptions {
  /** Connections per process; default 10. */
  poolSize?: number;
  /** Longest one statement may run before PostgreSQL cancels it; default 5000 ms. */
  statementTimeoutMs?: number;
  /** How long to wait for a free connection or a new one; default 5000 ms. */
  connectTimeoutMs?: number;
  /** Runs of a transaction after a serialization failure, deadlock or lost connection; default 4. */
  maxAttempts?: number;
  /** Apply pending migrations on open (under an advisory lock); default true. */
  migrate?: boolean;
}

// BIGSERIAL ids come back as strings by default; ours stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** Opens a pool on DATABASE_URL=postgres://…, checks it answers and brings the schema up to date. */
export async function openPgStore(url: string, options: PgOptions = {}): Promise<PgStore> {
  const target = describePgUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 5000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    types,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the next
  // query gets a fresh connection.
  pool.on("error", () => {});
  let ids: EscalationIds;
  try {
    if (options.migrate ?? true) await migratePg(pool, target);
    else await pool.query("SELECT 1");
    // Replicas opening a new database together: the first prefix inserted wins, every replica reads it.
    await pool.query(
      "INSERT INTO store_meta (key, value) VALUES ('escalation_prefix', $1) ON CONFLICT (key) DO NOTHING",
      [newEscalationPrefix()],
    );
    const { rows } = await pool.query<{ key: string; value: string }>("SELECT key, value FROM store_meta");
    ids = new EscalationIds(idSettingsFromRows(rows));
  } catch (error) {
    await pool.end().catch(() => {});
    throw error instanceof BotError ? error : pgUnavailable(target, error);
  }
  return new PgStore(pool, target, options.maxAttempts ?? 4, ids);
}

/** One running transaction: the connection its handle's calls run on, while `open`. */
interface Scope {
  client: pg.PoolClient;
  open: boolean;
}

/**
 * The PostgreSQL Store: a pool for single operations, one connection per transaction. A transaction's
 * function gets a handle whose calls run on that transaction's connection (see transaction()); it is
 * passed explicitly, not found through AsyncLocalStorage, which would switch on Node's promise hooks for
 * every promise in the process.
 */
export class PgStore implements Store {
  /** Set on a transaction's handle only: its calls run on the transaction's connection. */
  private scope: Scope | undefined;
  private readonly pruning = new PruneSchedule();
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    /** The URL without its password, for messages. */
    readonly target: string,
    private readonly maxAttempts: number,
    /** This database's escalation id prefix (escalation-ids.ts), read once at open. */
    private readonly ids: EscalationIds,
  ) {}

  getSession(key: string): Promise<SessionRecord | undefined> {
    return this.read((ops) => ops.getSession(key));
  }
  saveSession(key: string, state: unknown, expected: number | null, at: string): Promise<SessionRecord> {
    return this.write((ops) => ops.saveSession(key, state, expected, at));
  }
  deleteSession(key: string): Promise<boolean> {
    return this.write((ops) => ops.deleteSession(key));
  }
  createEscalation(input: NewEscalation): Promise<{ escalation: EscalationRecord; created: boolean }> {
    return this.write((ops) => ops.createEscalation(input));
  }
  getEscalation(id: string): Promise<EscalationRecord | undefined> {
    return this.read((ops) => ops.getEscalation(id));
  }
  getEscalationByKey(key: string): Promise<EscalationRecord | undefined> {
    return this.read((ops) => ops.getEscalationByKey(key));
  }
  listEscalations(filter?: { status?: EscalationStatus[]; sessionKey?: string }): Promise<EscalationRecord[]> {
    return this.read((ops) => ops.listEscalations(filter));
  }
  transitionEscalation(id: string, change: EscalationTransition): Promise<EscalationRecord> {
    return this.write((ops) => ops.transitionEscalation(id, change));
  }
  setEscalationDelivery(id: string, delivery: EscalationDelivery): Promise<EscalationRecord> {
    return this.write((ops) => ops.setEscalationDelivery(id, delivery));
  }
  updateEscalationHandoff(id: string, handoff: unknown, at: string): Promise<EscalationRecord> {
    return this.write((ops) => ops.updateEscalationHandoff(id, handoff, at));
  }
  listPendingDeliveries(at?: string): Promise<EscalationRecord[]> {
    return this.read((ops) => ops.listPendingDeliveries(at));
  }
  claimHandoffPost(id: string, at: string, until: string): Promise<boolean> {
    return this.write((ops) => ops.claimHandoffPost(id, at, until));
  }
  releaseHandoffPost(id: string): Promise<void> {
    return this.write((ops) => ops.releaseHandoffPost(id));
  }
  recordEvent(event: AnalyticsEvent): Promise<void> {
    return this.write((ops) => ops.recordEvent(event));
  }
  listEvents(filter?: { since?: string; until?: string; types?: AnalyticsEventType[] }): Promise<AnalyticsEvent[]> {
    return this.read((ops) => ops.listEvents(filter));
  }
  claimEvent(eventId: string, at: string): Promise<boolean> {
    const prune = this.pruning.due(at);
    return this.write(async (ops) => {
      const claimed = await ops.claimEvent(eventId, at, prune);
      if (prune) await outbox(ops).purgeBodies(at);
      return claimed;
    });
  }
  forgetTextBefore(before: string): Promise<{ events: number; sessions: number }> {
    return this.write((ops) => ops.forgetTextBefore(before));
  }
  async vacuum(): Promise<void> {
    this.ensureOpen();
    // VACUUM cannot run inside a transaction block; a pooled connection outside one is what it needs.
    await this.pool.query("VACUUM ANALYZE").catch((error: unknown) => {
      throw this.mapError(error);
    });
  }

  enqueueDelivery(input: NewDelivery): Promise<DeliveryRecord> {
    return this.write((ops) => outbox(ops).enqueue(input));
  }
  takeDueDeliveries(take: DeliveryTake): Promise<DeliveryRecord[]> {
    return this.write((ops) => outbox(ops).take(take));
  }
  updateDeliveryReply(id: string, by: string, reply: unknown, at: string): Promise<boolean> {
    return this.write((ops) => outbox(ops).updateReply(id, by, reply, at));
  }
  renewDeliveryLease(id: string, by: string, until: string): Promise<boolean> {
    return this.write((ops) => outbox(ops).renew(id, by, until));
  }
  completeDelivery(id: string, by: string, at: string): Promise<boolean> {
    return this.write((ops) => outbox(ops).complete(id, by, at));
  }
  completeDeliveries(ids: readonly string[], by: string, at: string): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    return this.write((ops) => outbox(ops).completeMany(ids, by, at));
  }
  failDelivery(id: string, failure: DeliveryFailure): Promise<boolean> {
    return this.write((ops) => outbox(ops).fail(id, failure));
  }
  getDelivery(id: string): Promise<DeliveryRecord | undefined> {
    return this.read((ops) => outbox(ops).get(id));
  }
  countDeliveries(): Promise<Record<DeliveryStatus, number>> {
    return this.read((ops) => outbox(ops).counts());
  }

  /**
   * BEGIN … COMMIT on one pooled connection. After a serialization failure or deadlock (PostgreSQL has
   * rolled everything back), or a connection lost before COMMIT was sent, `fn` runs again from the start
   * on a fresh connection; nothing of the failed attempt remains. A connection lost during COMMIT is not
   * retried, because the commit may have happened: the caller gets store_unavailable.
   */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.ensureOpen();
    const scope = this.active();
    if (scope) return this.savepoint(scope, fn);
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient | undefined;
      let committing = false;
      let lost = false;
      const inner: Scope = { client: undefined as unknown as pg.PoolClient, open: true };
      // pg-pool stops listening for a client's 'error' while it is checked out; a connection dropped
      // between statements (a restart, a failover) would emit it unheard and crash the process. Heard here,
      // and the next statement fails with a connection error, which retries or reports as usual.
      const dropped = () => {
        lost = true;
      };
      try {
        client = await this.pool.connect();
        client.on("error", dropped);
        inner.client = client;
        await client.query("BEGIN");
        const result = await fn(this.handle(inner));
        committing = true;
        await client.query("COMMIT");
        return result;
      } catch (error) {
        lost ||= isConnectionError(error);
        if (client && !committing && !lost) await client.query("ROLLBACK").catch(() => {});
        const again = isRetryableConflict(error) || (isConnectionError(error) && !committing);
        if (!again || attempt >= this.maxAttempts) throw this.mapError(error);
        await sleep(Math.min(200, 10 * 2 ** attempt) * (0.5 + Math.random()));
      } finally {
        inner.open = false;
        client?.off("error", dropped);
        // A broken connection is destroyed rather than handed to the next caller.
        client?.release(lost || undefined);
      }
    }
  }

  /**
   * The transaction's handle: this store with the transaction's scope, sharing the pool and settings
   * through its prototype. Once the transaction has finished, a call on it is an ordinary call.
   */
  private handle(scope: Scope): PgStore {
    const tx = Object.create(this) as PgStore;
    tx.scope = scope;
    return tx;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** A quick round trip for readiness probes: resolves when the database answers. */
  async ping(): Promise<void> {
    this.ensureOpen();
    await this.pool.query("SELECT 1").catch((error: unknown) => {
      throw this.mapError(error);
    });
  }

  private async savepoint<T>(scope: Scope, fn: (tx: Store) => Promise<T>): Promise<T> {
    const name = `cpbot_sp_${Math.random().toString(36).slice(2, 10)}`;
    await scope.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      await scope.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await scope.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
      throw error;
    }
  }

  /** A read: on the transaction's connection when inside one, else any pooled connection (retried once if lost). */
  private async read<T>(op: (ops: PgOps) => Promise<T>): Promise<T> {
    this.ensureOpen();
    const scope = this.active();
    if (scope) return op(new PgOps(clientQuery(scope.client), this.ids));
    try {
      return await op(new PgOps(poolQuery(this.pool), this.ids));
    } catch (error) {
      if (!isConnectionError(error)) throw this.mapError(error);
      // Reading twice does nothing twice.
      return op(new PgOps(poolQuery(this.pool), this.ids)).catch((again: unknown) => {
        throw this.mapError(again);
      });
    }
  }

  /** A write: joins the open transaction, else runs in its own (retried as transactions are). */
  private write<T>(op: (ops: PgOps) => Promise<T>): Promise<T> {
    this.ensureOpen();
    const scope = this.active();
    if (scope) return op(new PgOps(clientQuery(scope.client), this.ids));
    return this.transaction((tx) => (tx as PgStore).write(op));
  }

  private active(): Scope | undefined {
    return this.scope?.open ? this.scope : undefined;
  }

  private ensureOpen(): void {
    if (this.closed) throw new BotError(`The store for ${this.target} is closed; open it again.`, "store_unavailable");
  }

  private mapError(error: unknown): unknown {
    if (error instanceof BotError) return error;
    if (isConnectionError(error) || (error as { code?: string })?.code === "57014") {
      return pgUnavailable(this.target, error);
    }
    return error;
  }
}

function outbox(ops: PgOps): PgOutbox {
  return new PgOutbox(ops.query);
}

function clientQuery(client: pg.PoolClient): Query {
  return async <R>(sql: string, params?: unknown[]) => (await client.query(namedQuery(sql, params))).rows as R[];
}

function poolQuery(pool: pg.Pool): Query {
  return async <R>(sql: string, params?: unknown[]) => (await pool.query(namedQuery(sql, params))).rows as R[];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
