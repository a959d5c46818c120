// Captured when the module loads: a test that fakes timers must not stop the store from committing.
const nextTurn = globalThis.setImmediate;

/** One group of transactions sharing a COMMIT (see sqlite-transactions.ts). */
export interface CommitBatch {
  /** Settles when the group's COMMIT has run: resolved when it is on disk, rejected when it failed. */
  readonly committed: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
  /**
   * Whether a member needs the group on disk before it hears of the commit (every transaction and write
   * but the delivered marks, which a later sync covers: see SqliteTransactions.write's `lazy`).
   */
  synced: boolean;
  /** The guard of the transaction that opened the group, for the COMMIT's errors. */
  guard<R>(op: () => R): R;
  /** Runs `commit` when the event loop comes round, after the events already waiting have been read. */
  schedule(commit: () => void): void;
}

export function openBatch(guard: <R>(op: () => R) => R): CommitBatch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const committed = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // Members await `committed`; a group whose only member failed has nobody waiting, which is no error.
  committed.catch(() => undefined);
  return {
    committed,
    synced: false,
    resolve,
    reject,
    guard,
    schedule: (commit) => {
      nextTurn(commit);
    },
  };
}
