import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { latestSchemaVersion } from "../../src/store/migrations.ts";
import { openPgStore } from "../../src/store/pg-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { createTestDatabase } from "../pg/test-database.ts";
import { runCli } from "./cli-io.ts";

const server = inject("pgUrl");
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
const alice = { id: "U1", name: "Alice" };
const bob = { id: "U2", name: "Bob" };

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), "cpbot-db-")), "cpbot.db");
}

/** A month's worth in miniature: every kind of row the bot writes. */
async function seedSqlite(file: string): Promise<void> {
  const store = openSqliteStore(file);
  await store.saveSession("slack:C1:1700.1", { playbook: "station-offline", step: "check-power" }, null, at(0));
  await store.saveSession("teams:19:abc", { playbook: "rfid-reader" }, null, at(1));
  for (const n of [1, 2, 3]) {
    const { escalation } = await store.createEscalation({
      idempotencyKey: `esc:slack:C1:${n}`,
      sessionKey: "slack:C1:1700.1",
      playbook: "station-offline",
      requester: alice,
      origin: { platform: "slack", channelId: "C1", threadId: `1700.${n}` },
      note: `offline ${n}`,
      handoff: { done: ["check-power"], ref: `ref-${n}` },
      at: at(n),
    });
    if (n === 2) await store.transitionEscalation(escalation.id, { to: "claimed", by: bob, at: at(10) });
  }
  await store.recordEvent({ type: "question", at: at(2), platform: "slack", text: "station offline" });
  await store.recordEvent({
    type: "match",
    at: at(2),
    platform: "slack",
    playbook: "station-offline",
    confidence: 0.9,
  });
  await store.recordEvent({ type: "feedback", at: at(3), platform: "teams", data: { helped: true } });
  await store.recordEvent({ type: "audit", at: at(4), platform: "slack", data: { kind: "answer", sha256: "ab" } });
  await store.claimEvent("Ev01", at(5));
  await store.close();
}

describe("cpbot db migrate (SQLite)", () => {
  it("applies the pending migrations of a new file, then finds nothing to do", async () => {
    const file = tempFile();
    const first = await runCli(["db", "migrate", "--database", file]);
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/^applied 1: sessions, escalations/m);
    expect(first.out).toContain(`schema now at version ${latestSchemaVersion}`);
    const second = await runCli(["db", "migrate"], { env: { DATABASE_URL: file } });
    expect(second.status).toBe(0);
    expect(second.out).toBe(`${file}: schema is current (version ${latestSchemaVersion}); nothing to apply.`);
  });

  it("refuses options it does not take, and unknown actions, with exit 2", async () => {
    expect((await runCli(["db", "migrate", "--from", "x"])).status).toBe(2);
    const unknown = await runCli(["db", "frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain(`unknown action "frobnicate"; expected migrate, copy, vacuum, forget.`);
  });
});

describe("cpbot db copy: bad input", () => {
  it("names what is wrong with --from and --to, exit 1, and creates nothing", async () => {
    const missing = tempFile();
    const noSource = await runCli(["db", "copy", "--from", `sqlite:${missing}`, "--to", "postgres://u@127.0.0.1:1/x"]);
    expect(noSource.status).toBe(1);
    expect(noSource.err).toContain(`There is no database at ${missing}`);
    const file = tempFile();
    await seedSqlite(file);
    const mysql = await runCli(["db", "copy", "--from", file, "--to", "mysql://u@h/x"]);
    expect(mysql.status).toBe(1);
    expect(mysql.err).toContain('--to "mysql://u@h/x" is not a PostgreSQL URL');
    const noDb = await runCli(["db", "copy", "--from", file, "--to", "postgres://u@127.0.0.1:5432"]);
    expect(noDb.status).toBe(1);
    expect(noDb.err).toContain("needs a host and a database name");
    const reversed = await runCli(["db", "copy", "--from", "postgres://u:pw@h/x", "--to", "postgres://u@h/y"]);
    expect(reversed.status).toBe(1);
    expect(reversed.err).toContain("is PostgreSQL; db copy moves the embedded SQLite database");
    expect(reversed.err).not.toContain("pw");
    const unreachable = await runCli(["db", "copy", "--from", file, "--to", "postgres://u:secret-pw@127.0.0.1:1/x"]);
    expect(unreachable.status).toBe(1);
    expect(unreachable.err).toContain("Cannot use the database postgres://u@127.0.0.1:1/x");
    expect(unreachable.err).not.toContain("secret-pw");
    expect((await runCli(["db", "copy", "--from", file])).status).toBe(2);
  });
});

describe.skipIf(!server)("cpbot db on PostgreSQL", () => {
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
  });
  async function database(): Promise<string> {
    const db = await createTestDatabase(server);
    drops.push(db.drop);
    return db.url;
  }

  it("db migrate applies the migrations once under the lock and says so", async () => {
    const url = await database();
    const first = await runCli(["db", "migrate", "--database", url]);
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/^applied 1: /m);
    const second = await runCli(["db", "migrate"], { env: { DATABASE_URL: url } });
    expect(second.out).toContain("nothing to apply");
  });

  it("moves replies not yet delivered: counted on both sides, and due at once for the PostgreSQL replicas", async () => {
    const file = tempFile();
    await seedSqlite(file);
    const source = openSqliteStore(file, { mustExist: true });
    const reply = (n: number) => ({ cards: [{ kind: "info", title: `answer ${n}` }], mode: "new" });
    const target = (n: number) => ({ channel: "C1", threadTs: `1700.${n}` });
    // 1: decided, its lease still held by the stopped SQLite bot; 2: failed once, waiting for its retry;
    // 3: delivered; 4: given up.
    const old = { by: "cpbot-sqlite-bot", until: "2099-01-01T00:00:00.000Z" };
    for (const n of [1, 2, 3, 4]) {
      await source.enqueueDelivery({
        id: `d${n}`,
        eventId: `Ev1${n}`,
        platform: "slack",
        target: target(n),
        reply: reply(n),
        at: at(20 + n),
        lease: old,
      });
    }
    await source.failDelivery("d2", { by: old.by, at: at(25), error: "slack 500", progress: 1, retryAt: at(26) });
    await source.completeDelivery("d3", old.by, at(27));
    await source.failDelivery("d4", { by: old.by, at: at(28), error: "channel_not_found", progress: 0 });
    await source.close();
    const url = await database();

    const result = await runCli(["db", "copy", "--from", `sqlite:${file}`, "--to", url]);
    expect(result.err).toBe("");
    expect(result.status).toBe(0);
    expect(result.out).toMatch(/^ {2}outbox\s+4 → 4 rows {2}ok$/m);
    expect(result.out).toMatch(/^ {2}outbox pending\s+2 → 2 rows {2}ok$/m);
    // Each distinct reply is one body (schema version 5); the rows name theirs by digest.
    expect(result.out).toMatch(/^ {2}reply_bodies\s+4 → 4 rows {2}ok$/m);

    const copied = await openPgStore(url, { migrate: false });
    try {
      expect(await copied.countDeliveries()).toEqual({ pending: 2, delivered: 1, dead: 1 });
      // The SQLite bot's lease does not hold them back, and the retry keeps its progress and attempts.
      const taken = await copied.takeDueDeliveries({
        at: at(30),
        by: "replica-1",
        leaseUntil: at(31),
        limit: 10,
        platforms: ["slack"],
      });
      expect(taken.map((d) => d.id).sort()).toEqual(["d1", "d2"]);
      const retried = taken.find((d) => d.id === "d2");
      expect(retried).toMatchObject({ progress: 1, lastError: "slack 500", reply: reply(2), target: target(2) });
      expect(retried?.attempts).toBe(2);
      expect(await copied.getDelivery("d3")).toMatchObject({ status: "delivered", finishedAt: at(27) });
      expect(await copied.getDelivery("d4")).toMatchObject({ status: "dead", reply: reply(4) });
    } finally {
      await copied.close();
    }
  });

  it("copies every row, keeps escalation ids and history, and the next escalation gets a new id", async () => {
    const file = tempFile();
    await seedSqlite(file);
    const url = await database();
    const result = await runCli(["db", "copy", "--from", `sqlite:${file}`, "--to", url]);
    expect(result.err).toBe("");
    expect(result.status).toBe(0);
    for (const line of [
      /sessions\s+2 → 2 rows {2}ok/,
      /escalations\s+3 → 3 rows {2}ok/,
      /escalation_history\s+4 → 4 rows {2}ok/,
      /events\s+4 → 4 rows {2}ok/,
      /processed_events\s+1 → 1 rows {2}ok/,
    ]) {
      expect(result.out).toMatch(line);
    }

    const source = openSqliteStore(file, { mustExist: true });
    const target = await openPgStore(url);
    try {
      expect(await target.listEscalations()).toEqual(await source.listEscalations());
      expect(await target.listEvents()).toEqual(await source.listEvents());
      expect(await target.getSession("slack:C1:1700.1")).toEqual(await source.getSession("slack:C1:1700.1"));
      expect(await target.claimEvent("Ev01", at(6))).toBe(false);
      const before = new Set((await target.listEscalations()).map((e) => e.id));
      const { escalation } = await target.createEscalation({
        idempotencyKey: "esc:new",
        sessionKey: "slack:C1:1800.1",
        requester: alice,
        origin: { platform: "slack", channelId: "C1", threadId: "1800.1" },
        handoff: {},
        at: at(30),
      });
      expect(before.has(escalation.id)).toBe(false);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it("refuses a target that already holds rows, and copies nothing into it", async () => {
    const file = tempFile();
    await seedSqlite(file);
    const url = await database();
    expect((await runCli(["db", "copy", "--from", file, "--to", url])).status).toBe(0);
    const again = await runCli(["db", "copy", "--from", file, "--to", url]);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/is not empty \(sessions: 2 rows, escalations: 3 rows/);
    expect(again.err).toContain("Nothing was copied");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT COUNT(*)::int AS n FROM escalations");
    await client.end();
    expect(rows[0].n).toBe(3);
  });
});
