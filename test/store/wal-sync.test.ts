import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import { openSqliteDatabase } from "../../src/store/open-sqlite-database.ts";
import { SqliteStore } from "../../src/store/sqlite-store.ts";
import { WalSync } from "../../src/store/wal-sync.ts";

const at = "2024-05-01T00:00:00.000Z";
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cpbot-walsync-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const failed = (error: unknown) => new BotError(`sync failed: ${String(error)}`, "store_unavailable");

describe("WalSync: commits made durable off the event loop", () => {
  it("one sync covers every commit made before it started: five callers at once cost two syncs", async () => {
    const wal = join(dir, "x.db-wal");
    writeFileSync(wal, "frames");
    const sync = new WalSync(wal, failed);
    let resolved = 0;
    const all = Array.from({ length: 5 }, () => sync.durable().then(() => resolved++));
    // Nobody hears before a sync has finished.
    expect(resolved).toBe(0);
    await Promise.all(all);
    // The first caller's sync had started alone; the four that came while it ran share the second.
    expect(sync.syncs).toBe(2);
    await sync.durable();
    expect(sync.syncs).toBe(3);
    await sync.close();
  });

  it("a failed sync fails its callers and everyone after: the store stops", async () => {
    const sync = new WalSync(join(dir, "missing", "x.db-wal"), failed);
    await expect(sync.durable()).rejects.toMatchObject({ code: "store_unavailable" });
    expect(() => sync.check()).toThrow(/sync failed/);
    await expect(sync.durable()).rejects.toThrow(/sync failed/);
    await sync.close();
  });
});

describe("the SQLite store with SQLITE_SYNCHRONOUS=full", () => {
  it("runs the connection with NORMAL and syncs the WAL itself before a write resolves", async () => {
    const file = join(dir, "cpbot.db");
    const db = openSqliteDatabase({ kind: "file", path: file });
    const store = new SqliteStore(db, file);
    // 1 is NORMAL: COMMIT no longer waits for the disk on the event loop; the store's own sync does.
    expect(db.pragma("synchronous", { simple: true })).toBe(1);
    const sync = store.walSync;
    expect(sync?.walPath).toBe(`${file}-wal`);
    const before = sync?.syncs ?? 0;
    await store.claimEvent("E1", at);
    expect(sync?.syncs).toBe(before + 1);
    // Ten writes of one turn of the event loop: one COMMIT, one sync.
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.claimEvent(`E${i + 2}`, at)));
    expect(sync?.syncs).toBe(before + 2);
    await store.close();
  });

  it("delivered marks alone commit without a sync of their own; the next write's sync covers them", async () => {
    const file = join(dir, "cpbot.db");
    const store = new SqliteStore(openSqliteDatabase({ kind: "file", path: file }), file);
    const sync = store.walSync;
    const lease = { by: "me", until: "2024-05-01T00:01:00.000Z" };
    const reply = { cards: [], mode: "new", visibility: "ephemeral" };
    for (const id of ["d1", "d2", "d3", "d4"]) {
      await store.enqueueDelivery({ id, platform: "slack", target: {}, reply, at, lease });
    }
    const before = sync?.syncs ?? 0;
    expect(await store.completeDeliveries(["d1", "d2"], "me", at)).toBe(2);
    expect(sync?.syncs).toBe(before);
    // Another connection sees the marks at once: they are committed, only not yet synced.
    const other = new Database(file, { readonly: true });
    expect(other.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'delivered'").get()).toEqual({ n: 2 });
    other.close();
    // A mark written alone, the old way, waits for its own sync; so does every other write.
    expect(await store.completeDelivery("d3", "me", at)).toBe(true);
    expect(sync?.syncs).toBe(before + 1);
    // A mark that joins a group with a write that needs a sync is synced with it.
    await Promise.all([store.completeDeliveries(["d4"], "me", at), store.claimEvent("E1", at)]);
    expect(sync?.syncs).toBe(before + 2);
    await store.close();
  });

  it("with SQLITE_SYNCHRONOUS=normal, or in memory, leaves syncing to SQLite's checkpoints", async () => {
    const file = join(dir, "normal.db");
    const normal = new SqliteStore(openSqliteDatabase({ kind: "file", path: file }, { synchronous: "normal" }), file);
    expect(normal.walSync).toBeUndefined();
    await normal.close();
    const memory = new SqliteStore(openSqliteDatabase({ kind: "memory" }), ":memory:");
    expect(memory.walSync).toBeUndefined();
    await memory.close();
  });

  it("when the WAL cannot be synced: the write fails as store unavailable, readiness fails, nothing more is written", async () => {
    const file = join(dir, "broken.db");
    const db = openSqliteDatabase({ kind: "file", path: file });
    const store = new SqliteStore(db, file);
    // The -wal file gone from under the store (a volume yanked): it cannot be opened to be synced.
    unlinkSync(`${file}-wal`);
    const error = await store.saveSession("k", { a: 1 }, null, at).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe("store_unavailable");
    expect((error as BotError).message).toMatch(/Could not sync the database .*broken\.db.* restart cpbot/);
    await expect(store.ping()).rejects.toMatchObject({ code: "store_unavailable" });
    await expect(store.claimEvent("E9", at)).rejects.toMatchObject({ code: "store_unavailable" });
    await store.close();
  });

  it("another process sees each write once it has resolved, and a reopened store finds it", async () => {
    const file = join(dir, "seen.db");
    const store = new SqliteStore(openSqliteDatabase({ kind: "file", path: file }), file);
    await Promise.all(["a", "b", "c"].map((key) => store.saveSession(key, { key }, null, at)));
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare("SELECT COUNT(*) FROM sessions").pluck().get()).toBe(3);
    reader.close();
    await store.close();
    const again = new SqliteStore(openSqliteDatabase({ kind: "file", path: file }), file);
    expect((await again.getSession("b"))?.state).toEqual({ key: "b" });
    await again.close();
  });
});
