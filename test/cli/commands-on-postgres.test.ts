import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase } from "../pg/test-database.ts";
import { runCli } from "./cli-io.ts";

const server = inject("pgUrl");

/** The same terminal conversations on either engine: one walkthrough of 303-RSC, one question with an email. */
async function converse(env: Record<string, string>): Promise<void> {
  const rsc = await runCli(["chat", "--thread", "rsc"], { env, stdin: "station shows 303-RSC\n1\n1\n" });
  expect(rsc.status, rsc.err).toBe(0);
  const mail = await runCli(["chat", "--thread", "mail", "--user", "jo"], {
    env,
    stdin: "station messages for site, mail jo.smith@example.com\n",
  });
  expect(mail.status, mail.err).toBe(0);
}

// Every command that reads the store opens it through openStore(DATABASE_URL), so postgres://… works for
// each; these run them on PostgreSQL and compare with the same conversations on SQLite.
describe.skipIf(!server)("commands that read the store, on PostgreSQL (DATABASE_URL=postgres://…)", () => {
  let pgEnv: Record<string, string>;
  let sqliteEnv: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createTestDatabase(server);
    drop = db.drop;
    pgEnv = { DATABASE_URL: db.url, USER: "tester" };
    sqliteEnv = { DATABASE_URL: join(mkdtempSync(join(tmpdir(), "cpbot-cmp-")), "cpbot.db"), USER: "tester" };
    await converse(pgEnv);
    await converse(sqliteEnv);
  }, 60_000);
  afterAll(() => drop?.());

  it("report: the same totals and playbooks as on SQLite", async () => {
    const [pg, lite] = await Promise.all([
      runCli(["report", "--json"], { env: pgEnv }),
      runCli(["report", "--json"], { env: sqliteEnv }),
    ]);
    expect(pg.status, pg.err).toBe(0);
    const fromPg = JSON.parse(pg.out) as { totals: Record<string, number>; playbooks: { playbook: string }[] };
    const fromLite = JSON.parse(lite.out) as typeof fromPg;
    expect(fromPg.totals.questions).toBeGreaterThanOrEqual(2);
    expect(fromPg.totals).toEqual(fromLite.totals);
    expect(fromPg.playbooks.map((p) => p.playbook)).toContain("relay-stuck-closed");
    expect(fromPg.playbooks.map((p) => p.playbook)).toEqual(fromLite.playbooks.map((p) => p.playbook));
  });

  it("audit: the answers sent, with content hashes, masked as on SQLite", async () => {
    const pg = await runCli(["audit", "--json"], { env: pgEnv });
    expect(pg.status, pg.err).toBe(0);
    const entries = JSON.parse(pg.out) as unknown[];
    const lite = JSON.parse((await runCli(["audit", "--json"], { env: sqliteEnv })).out) as unknown[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBe(lite.length);
    expect(pg.out).toMatch(/[0-9a-f]{64}/);
    expect(pg.out).not.toContain("jo.smith@example.com");
  });

  it("transcript list and export: the stored conversations", async () => {
    const list = await runCli(["transcript", "list", "--json"], { env: pgEnv });
    expect(list.status, list.err).toBe(0);
    const threads = (JSON.parse(list.out) as { thread: string }[]).map((t) => t.thread).sort();
    expect(threads).toEqual(["cli:terminal:mail", "cli:terminal:rsc"]);
    const exported = await runCli(["transcript", "export", "--thread", "cli:terminal:rsc"], { env: pgEnv });
    expect(exported.status, exported.err).toBe(0);
    expect(exported.out).toMatch(/say: station shows 303-RSC/);
  });

  it("suggest reads the questions from PostgreSQL too", async () => {
    const pg = await runCli(["suggest", "--json"], { env: pgEnv });
    const lite = await runCli(["suggest", "--json"], { env: sqliteEnv });
    expect(pg.status, pg.err).toBe(lite.status);
    // The same groups and proposals; only the times the questions were asked differ between the two runs.
    const withoutTimes = (out: string) => out.replace(/"(first|last)At": "[^"]+"/g, "");
    expect(pg.out).toContain('"groups"');
    expect(withoutTimes(pg.out)).toBe(withoutTimes(lite.out));
  });

  it("a wrong PostgreSQL URL is a clear error, exit 1, with no password shown", async () => {
    const bad = await runCli(["report"], { env: { DATABASE_URL: "postgres://cpbot:hunter2@127.0.0.1:1/none" } });
    expect(bad.status).toBe(1);
    expect(bad.err).toContain("Cannot use the database postgres://cpbot@127.0.0.1:1/none");
    expect(bad.err).not.toContain("hunter2");
  });
});
