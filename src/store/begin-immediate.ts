import type Database from "better-sqlite3";

// Captured when the module loads: a test that fakes timers must not stall a wait for the lock.
const later = globalThis.setTimeout;
const retryEveryMs = 5;

type Guard = <R>(op: () => R) => R;

export interface ImmediateBegin {
  /** BEGIN IMMEDIATE if the write lock is free now: true; false when another connection holds it. */
  now(guard: Guard): boolean;
  /** BEGIN IMMEDIATE, asking again every few ms until the busy timeout; then SQLITE_BUSY, mapped by `guard`. */
  waiting(guard: Guard): Promise<void>;
}

/**
 * BEGIN IMMEDIATE without blocking the event loop while another connection holds the write lock.
 * IMMEDIATE takes the write lock up front: a read-then-write (revision check, idempotency check) cannot
 * be overtaken by another process between its read and its write. SQLite's own busy timeout would wait
 * inside the call, holding up every other request of this process, and, when the holder is another store
 * of this same process (its group commits on a later turn of the event loop), never see it let go. So
 * the lock is asked for without waiting, and asked again every few milliseconds until the connection's
 * busy timeout has passed.
 */
export function immediateBegin(db: Database.Database): ImmediateBegin {
  const timeoutMs = db.pragma("busy_timeout", { simple: true }) as number;
  const begin = db.prepare("BEGIN IMMEDIATE");
  const attempt = (guard: Guard, last: boolean): boolean => {
    // A PRAGMA takes effect when it is compiled, so these are prepared each time, not cached.
    db.pragma("busy_timeout = 0");
    try {
      begin.run();
      return true;
    } catch (error) {
      if (!isBusy(error) || last) {
        guard(() => {
          throw error;
        });
      }
      return false;
    } finally {
      db.pragma(`busy_timeout = ${timeoutMs}`);
    }
  };
  return {
    now: (guard) => attempt(guard, false),
    async waiting(guard) {
      const deadline = Date.now() + timeoutMs;
      while (!attempt(guard, Date.now() >= deadline)) {
        await new Promise((resolve) => later(resolve, retryEveryMs));
      }
    },
  };
}

function isBusy(error: unknown): boolean {
  return (error as { code?: unknown }).code === "SQLITE_BUSY";
}
