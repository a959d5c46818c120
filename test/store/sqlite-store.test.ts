import { execFile, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import { latestSchemaVersion, migrate, migrations } from "../../src/store/migrations.ts";
import { openSqliteDatabase } from "../../src/store/open-sqlite-database.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { runStoreContract } from "./store-contract.ts";

const run = promisify(execFile);
const worker = fileURLToPath(new URL("./fixtures/store-worker.ts", import.meta.url));
// The project root, so `--import tsx` resolves from node_modules.
const root = fileURLToPath(new URL("../../", import.meta.url));

runStoreContract("sqlite", () => {
  const dir = mkdtempSync(join(tmpdir(), "cpbot-store-"));
  const file = join(dir, "cpbot.db");
  return {
    store: openSqliteStore(file),
    reopen: () => openSqliteStore(`sqlite://${file}`),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
});

function openError(url: string, options?: Parameters<typeof openSqliteStore>[1]): BotError {
  try {
    void openSqliteStore(url, options).close();
  } catch (error) {
    expect(error).toBeInstanceOf(BotError);
    return error as BotError;
  }
  throw new Error(`expected opening ${url} to fail`);
}

describe("openSqliteStore", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cpbot-store-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the file and its directory on first run, in WAL mode, with every migration recorded", async () => {
    const file = join(dir, "nested", "data", "cpbot.db");
    openSqliteStore(`file:${file}`).close();
    expect(existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    expect(versions.at(-1)).toBe(latestSchemaVersion);
    db.close();
  });

  it("uses ./data/cpbot.db under the working directory by default", async () => {
    openSqliteStore(undefined, { cwd: dir }).close();
    expect(existsSync(join(dir, "data", "cpbot.db"))).toBe(true);
  });

  it("runs in memory for :memory:", async () => {
    const store = openSqliteStore(":memory:", { cwd: root });
    await store.saveSession("k", {}, null, "2024-05-01T00:00:00Z");
    expect(store.file).toBe(":memory:");
    await store.close();
    expect(existsSync(join(dir, "data"))).toBe(false);
  });

  it("refuses a corrupt file, naming it, and leaves its bytes alone", async () => {
    const file = join(dir, "cpbot.db");
    const garbage = Buffer.alloc(8192, 0x5a);
    writeFileSync(file, garbage);
    const error = openError(file);
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a SQLite database or it is damaged.*backup/);
    expect(Buffer.compare(readFileSync(file), garbage)).toBe(0);
  });

  it("refuses a directory it cannot create, naming the path", async () => {
    const blocker = join(dir, "not-a-dir");
    writeFileSync(blocker, "a file where a directory should be");
    const error = openError(join(blocker, "data", "cpbot.db"));
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toContain(join(blocker, "data"));
    expect(error.message).toMatch(/DATABASE_URL/);
  });

  it("refuses a path that is a directory", async () => {
    mkdirSync(join(dir, "db"));
    expect(openError(join(dir, "db")).message).toMatch(/is a directory/);
  });

  // Root may write to any file, so a read-only file only means something to an ordinary user.
  it.skipIf(process.getuid?.() === 0)("refuses a read-only database file instead of failing on the first write", () => {
    const file = join(dir, "cpbot.db");
    openSqliteStore(file).close();
    chmodSync(file, 0o444);
    const error = openError(file);
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not readable and writable/);
  });

  it("refuses a database written by a newer cpbot and changes nothing", async () => {
    const file = join(dir, "cpbot.db");
    openSqliteStore(file).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')").run(
      latestSchemaVersion + 1,
    );
    db.close();
    const error = openError(file);
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/newer than this cpbot.*upgrade cpbot/);
  });

  it("refuses another application's SQLite file rather than adding tables to it", async () => {
    const file = join(dir, "other.db");
    const db = new Database(file);
    db.exec("CREATE TABLE invoices (id INTEGER)");
    db.close();
    const error = openError(file);
    expect(error.message).toMatch(/belongs to something else \(tables: invoices\)/);
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(["invoices"]);
    after.close();
  });

  it("with mustExist, does not create a database that is not there", async () => {
    const file = join(dir, "missing.db");
    expect(openError(file, { mustExist: true }).message).toMatch(/There is no database at .*missing\.db/);
    expect(existsSync(file)).toBe(false);
  });

  it("rejects a DATABASE_URL for a database this build has no Store for", async () => {
    expect(openError("postgres://db.example/cpbot").code).toBe("config_invalid");
  });

  it("applies only the migrations a database lacks, each once", async () => {
    const db = new Database(join(dir, "m.db"));
    const list = [{ version: 1, name: "one", sqlite: "CREATE TABLE one (x)", postgres: "" }];
    expect(migrate(db, "m.db", list)).toEqual([1]);
    expect(
      migrate(db, "m.db", [...list, { version: 2, name: "two", sqlite: "CREATE TABLE two (x)", postgres: "" }]),
    ).toEqual([2]);
    expect(
      migrate(db, "m.db", list.concat({ version: 2, name: "two", sqlite: "CREATE TABLE two (x)", postgres: "" })),
    ).toEqual([]);
    db.close();
  });

  it("rolls back a failing migration completely, keeping the last good version", async () => {
    const db = new Database(join(dir, "m.db"));
    const good = { version: 1, name: "good", sqlite: "CREATE TABLE good (x)", postgres: "" };
    const bad = { version: 2, name: "bad", sqlite: "CREATE TABLE half (x); CREATE TABLE broken (", postgres: "" };
    expect(() => migrate(db, "m.db", [good, bad])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('good', 'half')").pluck().all()).toEqual(["good"]);
    expect(db.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual([1]);
    db.close();
  });

  it("turns a lock held too long by another process into an error naming the file", async () => {
    const file = join(dir, "locked.db");
    const store = openSqliteStore(file, { busyTimeoutMs: 10 });
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    const error = await store.saveSession("k", {}, null, "2024-05-01T00:00:00Z").then(
      () => {
        throw new Error("expected the write to fail while another connection holds the lock");
      },
      (e: unknown) => e as BotError,
    );
    expect(error).toBeInstanceOf(BotError);
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/write lock/);
    other.exec("ROLLBACK");
    expect((await store.saveSession("k", {}, null, "2024-05-01T00:00:00Z")).revision).toBe(1);
    other.close();
    await store.close();
  });

  it("sets PRAGMA synchronous on every open, the first and the later ones: FULL unless told NORMAL", () => {
    const file = join(dir, "sync.db");
    const mode = (db: Database.Database) => {
      const value = db.pragma("synchronous", { simple: true });
      db.close();
      return value;
    };
    // 2 is FULL, 1 NORMAL. Left alone, this SQLite build would open an existing WAL file with NORMAL.
    expect(mode(openSqliteDatabase({ kind: "file", path: file }))).toBe(2);
    expect(mode(openSqliteDatabase({ kind: "file", path: file }))).toBe(2);
    expect(mode(openSqliteDatabase({ kind: "file", path: file }, { synchronous: "normal" }))).toBe(1);
    expect(mode(openSqliteDatabase({ kind: "file", path: file }, { synchronous: "full" }))).toBe(2);
  });

  it("reports a closed store as unavailable", async () => {
    const store = openSqliteStore(join(dir, "c.db"));
    await store.close();
    await store.close();
    await expect(store.getSession("k")).rejects.toThrow(/closed/);
  });

  it("runs transactions that overlap in time one after the other, so a read-then-write loses nothing", async () => {
    const store = openSqliteStore(join(dir, "a.db"));
    const at = "2024-05-01T00:00:00Z";
    const increment = (tx: Store) => async () => {
      const current = await tx.getSession("counter");
      // Yield between the read and the write, as a real turn does while it decides.
      await new Promise((resolve) => setTimeout(resolve, 1));
      const n = ((current?.state as { n: number } | undefined)?.n ?? 0) + 1;
      await tx.saveSession("counter", { n }, current?.revision ?? null, at);
    };
    await Promise.all(Array.from({ length: 10 }, () => store.transaction((tx) => increment(tx)())));
    expect(await store.getSession("counter")).toMatchObject({ state: { n: 10 }, revision: 10 });
    await store.close();
  });

  it("a call from outside waits for an open transaction and is not rolled back with it", async () => {
    const store = openSqliteStore(join(dir, "b.db"));
    const at = "2024-05-01T00:00:00Z";
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const turn = store.transaction(async (tx) => {
      await tx.saveSession("inside", {}, null, at);
      entered();
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error("turn failed");
    });
    await inside;
    // Another event's write, while the transaction is open: it must neither join it nor be lost with it.
    const outside = store.recordEvent({ type: "question", at, platform: "cli", text: "outside" });
    await expect(turn).rejects.toThrow("turn failed");
    await outside;
    expect(await store.getSession("inside")).toBeUndefined();
    expect((await store.listEvents()).map((e) => e.text)).toEqual(["outside"]);
    await store.close();
  });
});

describe("SQLite across processes", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cpbot-store-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const node = (...args: string[]) => run(process.execPath, ["--import", "tsx", worker, ...args], { cwd: root });

  // Three Node processes starting with tsx take seconds on a busy machine, hence the longer timeout.
  it("three processes creating and writing at once: they wait for each other, nothing is lost or doubled", {
    timeout: 90_000,
  }, async () => {
    // No database yet: the processes also race to create and migrate it.
    const file = join(dir, "data", "cpbot.db");
    const count = 40;
    const results = await Promise.all(["a", "b", "c"].map((name) => node(file, "write", name, String(count))));
    const sharedCreated = results.map((r) => (JSON.parse(r.stdout) as { sharedCreated: number }).sharedCreated);
    expect(sharedCreated.reduce((a, b) => a + b, 0)).toBe(count);
    const store = openSqliteStore(file);
    expect(await store.listEscalations()).toHaveLength(3 * count + count);
    expect(new Set((await store.listEscalations()).map((e) => e.id)).size).toBe(4 * count);
    expect(await store.listEvents()).toHaveLength(3 * count);
    expect(await store.getSession("counter")).toMatchObject({ state: { n: 3 * count }, revision: 3 * count });
    await store.close();
  });

  // Another process holds the write lock of a new file that is not yet in WAL mode (a second replica
  // creating the database), as long as it is told, then commits. Resolves once it holds the lock.
  const holdWriteLock = (file: string, ms: number) =>
    new Promise<{ done: Promise<void> }>((resolve, reject) => {
      const script = `
        const db = new (require("better-sqlite3"))(process.argv[1]);
        db.exec("BEGIN IMMEDIATE");
        process.stdout.write("held\\n");
        setTimeout(() => { db.exec("COMMIT"); db.close(); }, Number(process.argv[2]));`;
      const child = spawn(process.execPath, ["-e", script, file, String(ms)], { cwd: root });
      const done = new Promise<void>((ok) => child.once("exit", () => ok()));
      child.once("error", reject);
      child.stdout.once("data", () => resolve({ done }));
    });

  it("waits for another process that holds the lock while the new database switches to WAL", async () => {
    // SQLite fails this switch at once with SQLITE_BUSY, without its busy handler; the open retries instead.
    const file = join(dir, "new.db");
    const other = await holdWriteLock(file, 300);
    const store = openSqliteStore(file);
    await store.saveSession("k", {}, null, "2024-05-01T00:00:00Z");
    expect((await store.getSession("k"))?.revision).toBe(1);
    await store.close();
    await other.done;
    const db = new Database(file);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("gives up on that switch after the busy timeout with an error naming the file and the lock", async () => {
    const file = join(dir, "held.db");
    const other = await holdWriteLock(file, 2000);
    const started = Date.now();
    let error: unknown;
    try {
      openSqliteStore(file, { busyTimeoutMs: 100 });
    } catch (e) {
      error = e;
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe("store_unavailable");
    expect((error as BotError).message).toContain(file);
    expect((error as BotError).message).toMatch(/write lock/);
    await other.done;
  });

  it("a process killed between the writes of one operation leaves no half-escalation", async () => {
    const file = join(dir, "cpbot.db");
    await expect(node(file, "crash")).rejects.toMatchObject({ signal: "SIGKILL" });
    const store = openSqliteStore(file);
    expect(await store.listEscalations()).toEqual([]);
    expect(await store.listPendingDeliveries()).toEqual([]);
    expect(await store.getSession("crash-session")).toBeUndefined();
    await store.close();
  });
});

describe("escalation ids of a database from before prefixes (schema version 1)", () => {
  it("keeps the plain ids of escalations it already had, and prefixes the new ones", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "cpbot-v1-")), "cpbot.db");
    const db = new Database(file);
    migrate(db, file, migrations.slice(0, 1));
    db.prepare(
      `INSERT INTO escalations (idempotency_key, session_key, requester, origin, handoff, status, created_at, updated_at)
       VALUES ('esc:old', 'slack:C1:1', '{"id":"U1"}', '{"platform":"slack","channelId":"C1"}', '{}', 'open', ?, ?)`,
    ).run("2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z");
    db.close();

    const store = openSqliteStore(file);
    try {
      const [old] = await store.listEscalations();
      expect(old?.id).toBe("ESC-0001");
      expect((await store.getEscalation("ESC-0001"))?.idempotencyKey).toBe("esc:old");
      const { escalation } = await store.createEscalation({
        idempotencyKey: "esc:new",
        sessionKey: "slack:C1:2",
        requester: { id: "U2" },
        origin: { platform: "slack", channelId: "C1" },
        handoff: {},
        at: "2026-02-01T00:00:00.000Z",
      });
      expect(escalation.id).toMatch(/^ESC-[A-Z]{4}-0002$/);
      // The plain form of a new id is not accepted: only escalations from before the upgrade have one.
      expect(await store.getEscalation("ESC-0002")).toBeUndefined();
      expect(
        await store.transitionEscalation("ESC-0001", {
          to: "claimed",
          by: { id: "U9" },
          at: "2026-02-02T00:00:00.000Z",
        }),
      ).toMatchObject({ status: "claimed" });
    } finally {
      await store.close();
    }
  });
});
