import pg from "pg";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { openPgStore, type PgStore } from "../../src/store/pg-store.ts";
import { createTestDatabase } from "../pg/test-database.ts";

const server = inject("pgUrl");

/**
 * PostgreSQL dropping a connection that a transaction holds between two statements (a restart, a failover,
 * an administrator): pg-pool does not listen for a checked-out client's 'error', so unless the store does,
 * the event goes unheard and takes the process down. Found by Slack's database-down test, which logged
 * "Connection terminated unexpectedly" as an unhandled error.
 */
describe.skipIf(!server)("a PostgreSQL connection dropped inside a transaction", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: PgStore | undefined;
  const unhandled: unknown[] = [];
  const note = (error: unknown) => unhandled.push(error);
  beforeEach(async () => {
    db = await createTestDatabase(server);
    unhandled.length = 0;
    process.on("uncaughtException", note);
    process.on("unhandledRejection", note);
  });
  afterEach(async () => {
    process.off("uncaughtException", note);
    process.off("unhandledRejection", note);
    await store?.close();
    store = undefined;
    await db.drop();
  });

  /** Ends every other session of the test database, as `pg_ctl stop -m fast` or a failover would. */
  async function dropTheStoresConnections(): Promise<void> {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      // Gone from the server's list once each backend has closed its socket.
      for (;;) {
        const { rows } = await admin.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
        );
        if (rows[0].n === 0) break;
      }
      // One more round trip: the closed sockets' ends have reached this process's event loop by then.
      await admin.query("SELECT 1");
    } finally {
      await admin.end();
    }
  }

  it("is heard, not thrown: the transaction runs again on a fresh connection and its write lands once", async () => {
    store = await openPgStore(db.url);
    const { promise: gate, open: release } = signal();
    const { promise: inside, open: entered } = signal();
    let runs = 0;
    const at = new Date().toISOString();
    const written = store.transaction(async (tx) => {
      runs++;
      await tx.getSession("dropped-between-statements");
      entered();
      await gate;
      return tx.saveSession("dropped-between-statements", { step: runs }, null, at);
    });
    await inside;
    await dropTheStoresConnections();
    release();
    const saved = await written;
    expect(unhandled).toEqual([]);
    expect(runs).toBe(2);
    expect(saved.revision).toBe(1);
    expect((await store.getSession("dropped-between-statements"))?.state).toEqual({ step: 2 });
  });

  it("with no attempt left, the caller gets store_unavailable and nothing is thrown elsewhere", async () => {
    store = await openPgStore(db.url, { maxAttempts: 1 });
    const { promise: gate, open: release } = signal();
    const { promise: inside, open: entered } = signal();
    const written = store.transaction(async (tx) => {
      await tx.getSession("k");
      entered();
      await gate;
      return tx.saveSession("k", { a: 1 }, null, new Date().toISOString());
    });
    written.catch(() => {});
    await inside;
    await dropTheStoresConnections();
    release();
    await expect(written).rejects.toMatchObject({ code: "store_unavailable" });
    expect(unhandled).toEqual([]);
    // The store goes on with a fresh connection.
    expect(await store.getSession("k")).toBeUndefined();
  });
});

/** A promise and the function that resolves it: the test holds a transaction open at a chosen point. */
function signal() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
