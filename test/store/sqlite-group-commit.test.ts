import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openSqliteDatabase } from "../../src/store/open-sqlite-database.ts";
import { SqliteStore } from "../../src/store/sqlite-store.ts";

const at = "2024-05-01T00:00:00.000Z";

describe("SQLite group commit: the writes of one turn of the event loop share one COMMIT", () => {
  let dir: string;
  let file: string;
  let db: Database.Database;
  let store: SqliteStore;
  let commits: string[];
  let exec: (sql: string) => Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cpbot-group-"));
    file = join(dir, "cpbot.db");
    db = openSqliteDatabase({ kind: "file", path: file });
    commits = [];
    exec = db.exec.bind(db);
    // Counts what reaches the database: each COMMIT is one sync of the WAL with synchronous = FULL.
    vi.spyOn(db, "exec").mockImplementation((sql: string) => {
      if (sql === "COMMIT") commits.push(sql);
      return exec(sql);
    });
    store = new SqliteStore(db, file);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What another connection (another process, a backup, `cpbot report`) sees on disk. */
  const onDisk = (sql: string) => {
    const reader = new Database(file, { readonly: true });
    try {
      return reader.prepare(sql).pluck().get();
    } finally {
      reader.close();
    }
  };

  it("ten events claimed at once are one COMMIT; claimed one after another, one each", async () => {
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => store.claimEvent(`E${i}`, at)));
    expect(claims).toEqual(Array(10).fill(true));
    expect(commits).toHaveLength(1);
    for (let i = 10; i < 13; i++) await store.claimEvent(`E${i}`, at);
    expect(commits).toHaveLength(4);
    expect(onDisk("SELECT COUNT(*) FROM processed_events")).toBe(13);
  });

  it("a write resolves only once it is committed: another connection already sees it", async () => {
    const seen: unknown[] = [];
    await Promise.all(
      ["a", "b", "c"].map(async (key) => {
        await store.saveSession(key, { key }, null, at);
        seen.push(onDisk(`SELECT COUNT(*) FROM sessions WHERE key = '${key}'`));
      }),
    );
    expect(seen).toEqual([1, 1, 1]);
    expect(commits).toHaveLength(1);
  });

  it("a transaction that fails rolls back only its own writes; the others in its group commit", async () => {
    const results = await Promise.allSettled([
      store.transaction(async (tx) => {
        await tx.saveSession("kept-1", {}, null, at);
        await tx.claimEvent("kept-1", at);
      }),
      store.transaction(async (tx) => {
        await tx.saveSession("lost", {}, null, at);
        await tx.claimEvent("lost", at);
        throw new Error("this turn failed");
      }),
      store.transaction(async (tx) => {
        await tx.saveSession("kept-2", {}, null, at);
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(commits).toHaveLength(1);
    expect(onDisk("SELECT group_concat(key, ',') FROM (SELECT key FROM sessions ORDER BY key)")).toBe("kept-1,kept-2");
    expect(onDisk("SELECT group_concat(event_id, ',') FROM processed_events")).toBe("kept-1");
    // The failed turn's event id was not remembered: the platform's retry is answered.
    expect(await store.claimEvent("lost", at)).toBe(true);
  });

  it("when the COMMIT fails, every transaction of the group fails and nothing of it is stored", async () => {
    let failOnce = true;
    vi.mocked(db.exec).mockImplementation((sql: string) => {
      if (sql === "COMMIT" && failOnce) {
        failOnce = false;
        throw Object.assign(new Error("disk I/O error"), { name: "SqliteError", code: "SQLITE_IOERR" });
      }
      return exec(sql);
    });
    const results = await Promise.allSettled([
      store.claimEvent("E1", at),
      store.saveSession("k", {}, null, at),
      store.recordEvent({ type: "question", at, platform: "cli", text: "hello" }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    const reason = (results[0] as PromiseRejectedResult).reason as { code?: string; message: string };
    expect(reason.code).toBe("store_unavailable");
    expect(reason.message).toContain(file);
    expect(onDisk("SELECT COUNT(*) FROM processed_events")).toBe(0);
    expect(await store.listEvents()).toEqual([]);
    // The next group works: nothing was left half-open.
    expect(await store.claimEvent("E1", at)).toBe(true);
    expect(onDisk("SELECT COUNT(*) FROM processed_events")).toBe(1);
  });

  it("commits with fake timers installed (tests that fake the clock still get their writes)", async () => {
    vi.useFakeTimers();
    expect(await store.claimEvent("E1", at)).toBe(true);
    expect(onDisk("SELECT COUNT(*) FROM processed_events")).toBe(1);
  });

  it("close and vacuum commit a group still open instead of losing or refusing it", async () => {
    const pending = store.recordEvent({ type: "question", at, platform: "cli", text: "before vacuum" });
    await store.vacuum();
    await pending;
    const last = store.claimEvent("E-last", at);
    await store.close();
    expect(await last).toBe(true);
    expect(onDisk("SELECT COUNT(*) FROM events")).toBe(1);
    expect(onDisk("SELECT COUNT(*) FROM processed_events")).toBe(1);
  });
});
