import type Database from "better-sqlite3";

// Captured when the module loads: a test that fakes timers must not stall a wait for the lock.
const later = globalThis.setTimeout;
const retryEveryMs = 5;

/**
 * BEGIN IMMEDIATE, waiting for another connection's write lock without blocking the event loop.
 * IMMEDIATE takes the write lock up front: a read-then-write (revision check, idempotency check) cannot
 * be overtaken by another process between its read and its write. SQLite's own busy timeout would wait
 * inside the call, holding up every other request of this process, and, when the holder is another store
 * of this same process (its group commits on a later turn of the event loop), never see it let go. So
 * the lock is asked for without waiting, and asked again every few milliseconds until the connection's
 * busy timeout has passed; then SQLITE_BUSY goes to the caller as before.
 */
export function immediateBegin(db: Database.Database): (guard: <R>(op: () => R) => R) => Promise<void> {
  const timeoutMs = db.pragma("busy_timeout", { simple: true }) as number;
  const begin = db.prepare("BEGIN IMMEDIATE");
  return async (guard) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // A PRAGMA takes effect when it is compiled, so these are prepared each time, not cached.
      db.pragma("busy_timeout = 0");
      try {
        begin.run();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) {
          guard(() => {
            throw error;
          });
        }
      } finally {
        db.pragma(`busy_timeout = ${timeoutMs}`);
      }
      await new Promise((resolve) => later(resolve, retryEveryMs));
    }
  };
}

function isBusy(error: unknown): boolean {
  return (error as { code?: unknown }).code === "SQLITE_BUSY";
}
