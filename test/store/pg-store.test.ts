import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import { migrations } from "../../src/store/migrations.ts";
import { migratePg } from "../../src/store/pg-migrate.ts";
import { openPgStore } from "../../src/store/pg-store.ts";
import { createTestDatabase } from "../pg/test-database.ts";
import { runStoreContract } from "./store-contract.ts";

const server = inject("pgUrl");

// Without PostgreSQL (no TEST_DATABASE_URL, no Debian binaries) these report as skipped, not passed.
describe.skipIf(!server)("PostgreSQL store", () => {
  runStoreContract("postgres", async () => {
    const db = await createTestDatabase(server);
    return {
      store: await openPgStore(db.url),
      reopen: () => openPgStore(db.url),
      cleanup: () => db.drop(),
    };
  });

  describe("opening and migrating", () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    beforeAll(async () => {
      db = await createTestDatabase(server);
    });
    afterAll(() => db.drop());

    it("replicas starting together migrate once, under the advisory lock", async () => {
      const stores = await Promise.all([openPgStore(db.url), openPgStore(db.url), openPgStore(db.url)]);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query("SELECT version FROM schema_migrations ORDER BY version");
      await client.end();
      expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
      await Promise.all(stores.map((s) => s.close()));
    });

    it("applies only what a database lacks, and refuses a newer schema, changing nothing", async () => {
      const pool = new pg.Pool({ connectionString: db.url });
      expect(await migratePg(pool, "test")).toEqual([]);
      await pool.query("INSERT INTO schema_migrations VALUES (999, 'future', 'x')");
      await expect(migratePg(pool, "test")).rejects.toThrow(/newer than this cpbot/);
      await pool.query("DELETE FROM schema_migrations WHERE version = 999");
      await pool.end();
    });
  });

  it("an unreachable server is store_unavailable, and the message carries no password", async () => {
    const error = await openPgStore("postgres://cpbot:s3cret-pw@127.0.0.1:1/cpbot", { connectTimeoutMs: 500 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe("store_unavailable");
    expect((error as BotError).message).toContain("127.0.0.1:1");
    expect((error as BotError).message).not.toContain("s3cret-pw");
  });

  it("a transaction that hits a deadlock or serialization failure runs again, and its writes land once", async () => {
    const db = await createTestDatabase(server);
    const store = await openPgStore(db.url);
    let attempts = 0;
    await store.transaction(async (tx) => {
      attempts++;
      await tx.recordEvent({ type: "question", at: "2024-05-01T00:00:00Z", platform: "cli", text: "once" });
      if (attempts === 1) throw Object.assign(new Error("could not serialize access"), { code: "40001" });
    });
    expect(attempts).toBe(2);
    expect((await store.listEvents()).map((e) => e.text)).toEqual(["once"]);
    await store.close();
    await db.drop();
  });

  it("statement_timeout ends a write stuck behind another connection's lock, as store_unavailable", async () => {
    const db = await createTestDatabase(server);
    const store = await openPgStore(db.url, { statementTimeoutMs: 200 });
    await store.saveSession("k", { step: "a" }, null, "2024-05-01T00:00:00Z");
    // A stuck replica holding the row: the write must give up, not hang the turn.
    const stuck = new pg.Client({ connectionString: db.url });
    await stuck.connect();
    await stuck.query("BEGIN");
    await stuck.query("SELECT * FROM sessions WHERE key = 'k' FOR UPDATE");
    const error = await store.saveSession("k", { step: "b" }, 1, "2024-05-01T00:01:00Z").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe("store_unavailable");
    await stuck.query("ROLLBACK");
    await stuck.end();
    expect(await store.getSession("k")).toMatchObject({ revision: 1, state: { step: "a" } });
    await store.close();
    await db.drop();
  });
});
