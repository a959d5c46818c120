import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Makes SQLite's commits durable off the event loop (SQLITE_SYNCHRONOUS=full, the default).
 *
 * With `synchronous = FULL` SQLite syncs the WAL inside COMMIT, and better-sqlite3 runs COMMIT on the
 * event loop: every commit stopped the whole process for 1.4–3.4 ms of disk wait on this machine, so a
 * busy bot answered only as many requests per second as the disk synced. The store instead runs the
 * connection with `synchronous = NORMAL` (a COMMIT appends its frames to the WAL and returns) and syncs
 * the WAL itself, with fdatasync in libuv's thread pool, before any caller of that commit is told: the
 * same guarantee (nothing is acknowledged, posted or answered before it is on disk), while the loop goes on
 * deciding the next requests. One sync covers every commit made before it started, so commits that land
 * while a sync is running share the next one. fdatasync acts on the file, whichever descriptor asks, and
 * Linux keeps SQLite's own writes and this sync of the same file in order. SQLite still syncs the WAL
 * before each checkpoint and the database after it, as with FULL.
 *
 * A failed sync leaves the disk in an unknown state (the kernel may have dropped the pages it could not
 * write), so like PostgreSQL the store stops there: that commit's callers and every later one get
 * "store unavailable" and /readyz fails until cpbot is restarted.
 */
export class WalSync {
  #file: FileHandle | undefined;
  #waiting: Waiter[] = [];
  #running: Promise<void> | undefined;
  #failure: unknown;
  /** Syncs done, for tests and the store bench. */
  syncs = 0;

  constructor(
    /** The database's `-wal` file, which exists once the database has been opened in WAL mode. */
    readonly walPath: string,
    /** Turns a failed sync into the store's own error (naming the database). */
    private readonly failed: (error: unknown) => Error,
  ) {}

  /** Throws the first sync's failure, if one failed: the store is unusable from then on. */
  check(): void {
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** Resolves once every commit made before this call is on disk. */
  durable(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#next();
    });
  }

  /** Waits for the sync under way (commits already made), then releases the file. */
  async close(): Promise<void> {
    while (this.#running) await this.#running;
    await this.#file?.close();
    this.#file = undefined;
  }

  #next(): void {
    if (this.#running || this.#waiting.length === 0) return;
    // Everyone waiting now committed before this sync starts, so this one sync covers them all.
    const group = this.#waiting.splice(0);
    this.#running = this.#sync().then(
      () => {
        for (const w of group) w.resolve();
      },
      (error: unknown) => {
        this.#failure ??= this.failed(error);
        for (const w of [...group, ...this.#waiting.splice(0)]) w.reject(this.#failure);
      },
    );
    this.#running.finally(() => {
      this.#running = undefined;
      this.#next();
    });
  }

  async #sync(): Promise<void> {
    if (!this.#file) {
      const file = await open(this.walPath, "r");
      // The -wal file is created anew on each start (SQLite deletes it at the last close): its directory
      // entry must be on disk too, or a power loss could take the whole file with every commit in it.
      const dir = await open(dirname(this.walPath), "r");
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
      this.#file = file;
    }
    await this.#file.datasync();
    this.syncs++;
  }
}
