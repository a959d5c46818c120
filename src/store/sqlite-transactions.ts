import type Database from "better-sqlite3";
import { AsyncMutex } from "./async-mutex.ts";
import { immediateBegin } from "./begin-immediate.ts";
import { type CommitBatch, openBatch } from "./sqlite-commit-batch.ts";

/** One running transaction: its handle (the transaction-scoped store) runs statements while `open`. */
export interface Scope {
  open: boolean;
}

type Guard = <R>(op: () => R) => R;

/**
 * Asynchronous transactions over one synchronous better-sqlite3 connection, committed in groups.
 *
 * A transaction holds the mutex while its function runs. Its function gets the transaction's Scope, and the
 * transaction-scoped store built on it runs its statements directly (see SqliteStore.transaction); every
 * other call waits for the mutex. The scope is passed explicitly rather than found through
 * AsyncLocalStorage, which would switch on Node's promise hooks for every promise in the process (2-3% of
 * a busy bot's CPU). Transactions that start while a group is open
 * join it, each as a savepoint of its own: a failure rolls back that transaction's writes only. The group
 * commits once, when the event loop comes round (setImmediate), and only then does each member's promise
 * resolve: nobody acts on a write (acknowledges, posts) before it is on disk, and every turn that arrived
 * in one turn of the event loop shares one COMMIT, which with `synchronous = FULL` is one fsync instead
 * of one per turn. A single read outside any transaction runs at once (inside the open group, if any: it
 * sees what the members wrote, which commits or fails together with them).
 */
export class SqliteTransactions {
  private readonly mutex = new AsyncMutex();
  private depth = 0;
  private batch: CommitBatch | undefined;
  private readonly begin: ReturnType<typeof immediateBegin>;

  constructor(
    private readonly db: Database.Database,
    /** Called before a group begins (the database file's identity check); throwing refuses the group. */
    private readonly beforeBegin: () => void = () => {},
    /**
     * Resolves once a COMMIT just made is on disk (WalSync, off the event loop); absent when COMMIT itself
     * is as durable as configured. The group's members resolve only after it.
     */
    private readonly durable?: () => Promise<void>,
  ) {
    this.begin = immediateBegin(db);
  }

  /**
   * A read: runs the synchronous `fn` now, or, when another caller holds or waits for the connection,
   * after them, so a read never overtakes a write asked for before it.
   */
  async run<T>(fn: () => T): Promise<T> {
    if (this.mutex.idle()) return fn();
    const release = await this.mutex.acquire();
    try {
      return fn();
    } finally {
      release();
    }
  }

  /**
   * A single write outside any transaction: when nobody else is using the connection it runs at once,
   * synchronously, in the open group (or a new one), as a statement outside a transaction always did;
   * otherwise it queues like a transaction. Either way it resolves once its group has committed.
   *
   * `lazy`: the write need not be on disk before its caller hears of it (the delivered marks: losing one
   * to a power cut only lets the answer go once more after its lease, as a crash does). A group of lazy
   * writes alone commits without a sync of its own; the next group that syncs covers its frames too.
   */
  write<T>(fn: () => T, guard: Guard, lazy = false): Promise<T> {
    if (this.mutex.idle()) {
      let batch: CommitBatch | undefined;
      try {
        batch = this.open() ?? this.tryBegin(guard);
      } catch (error) {
        return Promise.reject(error);
      }
      if (batch) {
        const done = batch;
        if (!lazy) done.synced = true;
        try {
          guard(() => this.db.exec("SAVEPOINT cpbot_turn"));
          const result = fn();
          guard(() => this.db.exec("RELEASE cpbot_turn"));
          return done.committed.then(() => result);
        } catch (error) {
          this.undo("cpbot_turn", done, error);
          return Promise.reject(error);
        }
      }
    }
    return this.transaction(async () => fn(), guard, lazy);
  }

  /** A transaction of its own (never nested: a transaction's handle nests with `savepoint`). */
  async transaction<T>(fn: (scope: Scope) => Promise<T>, guard: Guard, lazy = false): Promise<T> {
    const release = await this.mutex.acquire();
    const scope: Scope = { open: true };
    let batch: CommitBatch;
    let result: T;
    try {
      batch = await this.join(guard);
      if (!lazy) batch.synced = true;
      guard(() => this.db.exec("SAVEPOINT cpbot_turn"));
      try {
        result = await fn(scope);
        guard(() => this.db.exec("RELEASE cpbot_turn"));
      } catch (error) {
        this.undo("cpbot_turn", batch, error);
        throw error;
      }
    } finally {
      // A promise that escaped the transaction and runs later must not think it is still inside.
      scope.open = false;
      release();
    }
    await batch.committed;
    return result;
  }

  /**
   * Commits the open group now, after the transactions already waiting have run (before VACUUM, which
   * cannot run inside a transaction), then runs `then` while no transaction can start (closing).
   */
  async flush(then: () => void = () => {}): Promise<void> {
    const release = await this.mutex.acquire();
    try {
      if (this.batch) this.commitNow(this.batch);
      then();
    } finally {
      release();
    }
  }

  /** The open group, or a new one (BEGIN IMMEDIATE) whose COMMIT is scheduled for the next loop turn. */
  private async join(guard: Guard): Promise<CommitBatch> {
    const open = this.open() ?? this.tryBegin(guard);
    if (open) return open;
    await this.begin.waiting(guard);
    return this.started(guard);
  }

  /** The group open now, if any. A group whose transaction SQLite ended by itself has failed already. */
  private open(): CommitBatch | undefined {
    if (this.batch && this.db.inTransaction) return this.batch;
    if (this.batch) this.fail(this.batch, new Error("the transaction group was rolled back by SQLite"));
    return undefined;
  }

  /** A new group if the write lock is free now; undefined when another connection holds it. */
  private tryBegin(guard: Guard): CommitBatch | undefined {
    this.beforeBegin();
    return this.begin.now(guard) ? this.started(guard) : undefined;
  }

  private started(guard: Guard): CommitBatch {
    const batch = openBatch(guard);
    this.batch = batch;
    batch.schedule(() => {
      this.commit(batch).catch(() => undefined);
    });
    return batch;
  }

  private async commit(batch: CommitBatch): Promise<void> {
    const release = await this.mutex.acquire();
    try {
      if (this.batch === batch) this.commitNow(batch);
    } finally {
      release();
    }
  }

  /** COMMIT, holding the mutex; a failed COMMIT rolls the group back and fails every member. */
  private commitNow(batch: CommitBatch): void {
    this.batch = undefined;
    if (!this.db.open || !this.db.inTransaction) {
      batch.reject(new Error("the database closed or rolled back before the transaction group committed"));
      return;
    }
    try {
      batch.guard(() => this.db.exec("COMMIT"));
      // The next group may begin at once; this one's members hear of it when it is on disk.
      if (this.durable && batch.synced) this.durable().then(batch.resolve, batch.reject);
      else batch.resolve();
    } catch (error) {
      if (this.db.open && this.db.inTransaction) this.db.exec("ROLLBACK");
      batch.reject(error);
    }
  }

  /** Rolls back one member; when SQLite ended the whole transaction instead, the group has failed. */
  private undo(name: string, batch: CommitBatch, error: unknown): void {
    if (this.db.open && this.db.inTransaction) {
      this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      return;
    }
    this.fail(batch, error);
  }

  private fail(batch: CommitBatch, error: unknown): void {
    if (this.batch === batch) this.batch = undefined;
    batch.reject(error);
  }

  /** A transaction inside the running one (its handle's `transaction`): a savepoint. */
  async savepoint<T>(fn: () => Promise<T>, guard: Guard): Promise<T> {
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
