import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { runCli } from "./cli-io.ts";

const day = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * day).toISOString();

/** A database with one old and one recent question, a session idle for 100 days and bulk to vacuum away. */
async function database(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "cpbot-db-")), "cpbot.db");
  const store = openSqliteStore(file);
  await store.recordEvent({ type: "question", at: ago(100), platform: "slack", text: "old: my MAC is 00:11:22" });
  await store.recordEvent({ type: "question", at: ago(1), platform: "slack", text: "recent question" });
  await store.saveSession("slack:C1:1", { said: "old thread" }, null, ago(100));
  for (let i = 0; i < 300; i++) {
    await store.recordEvent({ type: "abstain", at: ago(100), platform: "cli", text: "x".repeat(2000) });
  }
  await store.close();
  return file;
}

describe("cpbot db", () => {
  it("forget clears text older than --days and says how much; the counts stay", async () => {
    const file = await database();
    const { status, out } = await runCli(["db", "forget", "--days", "90"], { env: { DATABASE_URL: file } });
    expect(status).toBe(0);
    expect(out).toMatch(/cleared the text of 301 event\(s\) and deleted 1 idle session\(s\)/);
    const store = openSqliteStore(file);
    const events = await store.listEvents();
    expect(events).toHaveLength(302);
    expect(events.filter((e) => e.text).map((e) => e.text)).toEqual(["recent question"]);
    await store.close();
  });

  it("forget takes the period from RETAIN_QUESTIONS_DAYS, and refuses to guess one", async () => {
    const file = await database();
    const fromEnv = await runCli(["db", "forget"], { env: { DATABASE_URL: file, RETAIN_QUESTIONS_DAYS: "200" } });
    expect(fromEnv.out).toMatch(/cleared the text of 0 event\(s\)/);
    const none = await runCli(["db", "forget"], { env: { DATABASE_URL: file } });
    expect(none.status).toBe(2);
    expect(none.err).toContain("give --days N (or set RETAIN_QUESTIONS_DAYS)");
    const bad = await runCli(["db", "forget", "--days", "0"], { env: { DATABASE_URL: file } });
    expect(bad.status).toBe(2);
    expect(bad.err).toContain('--days "0" is not a whole number of days of 1 or more');
  });

  it("vacuum gives the space of cleared text back", async () => {
    const file = await database();
    await runCli(["db", "forget", "--days", "90"], { env: { DATABASE_URL: file } });
    const before = statSync(file).size;
    const { status, out } = await runCli(["db", "vacuum", "--database", file]);
    expect(status).toBe(0);
    expect(out).toMatch(/cpbot db vacuum: done in \d+ ms/);
    expect(statSync(file).size).toBeLessThan(before);
  });

  it("names a missing action or database instead of creating one", async () => {
    const what = await runCli(["db"]);
    expect(what.status).toBe(2);
    expect(what.err).toContain("expected migrate, copy, vacuum, forget.");
    const missing = join(mkdtempSync(join(tmpdir(), "cpbot-db-")), "nothing-here.db");
    const gone = await runCli(["db", "vacuum", "--database", missing]);
    expect(gone.status).toBe(1);
    expect(gone.err).toContain("nothing-here.db");
  });
});
