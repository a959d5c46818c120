import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { AsyncMutex } from "./async-mutex.ts";

interface Scope {
  open: boolean;
}

/**
 * Asynchronous transactions over one synchronous better-sqlite3 connection. A transaction holds the
 * mutex from BEGIN IMMEDIATE to COMMIT; AsyncLocalStorage tells whether a call comes from inside it (it
 * joins) or from another event (it waits). A single statement outside any transaction runs at once: it
 * is atomic by itself and cannot interleave with anything on this connection.
 */
export class SqliteTransactions {
  private readonly mutex = new AsyncMutex();
  private readonly context = new AsyncLocalStorage<Scope>();
  private depth = 0;

  constructor(private readonly db: Database.Database) {}

  /** True when the caller runs inside a transaction of this store that has not finished yet. */
  inside(): boolean {
    return this.context.getStore()?.open === true;
  }

  /** Runs the synchronous `fn` now, or after the transaction that another caller has open. */
  async run<T>(fn: () => T): Promise<T> {
    if (this.inside() || !this.db.inTransaction) return fn();
    const release = await this.mutex.acquire();
    try {
      return fn();
    } finally {
      release();
    }
  }

  async transaction<T>(fn: () => Promise<T>, guard: <R>(op: () => R) => R): Promise<T> {
    if (this.inside()) return this.savepoint(fn, guard);
    const release = await this.mutex.acquire();
    const scope: Scope = { open: true };
    try {
      // IMMEDIATE takes the write lock up front: a read-then-write (revision check, idempotency check)
      // cannot be overtaken by another process between its read and its write.
      guard(() => this.db.exec("BEGIN IMMEDIATE"));
      let result: T;
      try {
        result = await this.context.run(scope, fn);
        guard(() => this.db.exec("COMMIT"));
      } catch (error) {
        if (this.db.open && this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
      return result;
    } finally {
      // A promise that escaped the transaction and runs later must not think it is still inside.
      scope.open = false;
      release();
    }
  }

  private async savepoint<T>(fn: () => Promise<T>, guard: <R>(op: () => R) => R): Promise<T> {
    const name = `cpbot_sp${++this.depth}`;
    try {
      guard(() => this.db.exec(`SAVEPOINT ${name}`));
      try {
        const result = await fn();
        guard(() => this.db.exec(`RELEASE ${name}`));
        return result;
      } catch (error) {
        if (this.db.open && this.db.inTransaction) this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw error;
      }
    } finally {
      this.depth--;
    }
  }
}
