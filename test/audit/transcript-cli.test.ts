import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { runCli } from "../cli/cli-io.ts";

const dir = mkdtempSync(join(tmpdir(), "cpbot-transcript-"));
const database = join(dir, "cpbot.db");
const env = { DATABASE_URL: database };

// Two terminal conversations, as `cpbot chat --thread NAME` stores them: one walks a playbook, one asks
// in plain words with personal data in it.
await runCli(["chat", "--thread", "rsc"], { env, stdin: "station shows 303-RSC\n1\n1\n" });
await runCli(["chat", "--thread", "mail", "--user", "jo"], {
  env,
  stdin: "station messages for site, mail jo.smith@example.com or call 408 555 0134\n",
});

interface Summary {
  thread: string;
  startedAt: string;
  questions: number;
  playbooks: string[];
  outcome: string;
}

describe("cpbot transcript", () => {
  it("lists the stored conversations as JSON with the documented fields", async () => {
    const { status, out } = await runCli(["transcript", "list", "--json"], { env });
    expect(status).toBe(0);
    const list = JSON.parse(out) as Summary[];
    const rsc = list.find((t) => t.thread === "cli:terminal:rsc");
    expect(rsc).toMatchObject({ questions: 1, playbooks: ["relay-stuck-closed"] });
    expect(Object.keys(rsc!).sort()).toEqual(["outcome", "playbooks", "questions", "startedAt", "thread"]);
    expect(Number.isNaN(Date.parse(rsc!.startedAt))).toBe(false);
    expect(list.map((t) => t.thread)).toContain("cli:terminal:mail");
  });

  it("exports a conversation that `cpbot test conversations` passes as exported", async () => {
    const out = join(dir, "exported", "rsc.yaml");
    const exported = await runCli(["transcript", "export", "--thread", "cli:terminal:rsc", "--out", out], { env });
    expect(exported.status, exported.err).toBe(0);
    const yaml = readFileSync(out, "utf8");
    expect(yaml).toMatch(/say: station shows 303-RSC/);
    expect(yaml).toMatch(/press: Start walkthrough/);
    expect(yaml).toMatch(/press: Done/);
    const run = await runCli(["test", "conversations", join(dir, "exported")]);
    expect(run.out).toMatch(/1 passed, 0 failed/);
    expect(run.status).toBe(0);
  });

  it("masks personal data and renames people in an export", async () => {
    const { status, out } = await runCli(["transcript", "export", "--thread", "cli:terminal:mail"], { env });
    expect(status).toBe(0);
    expect(out).not.toMatch(/jo\.smith|example\.com|555/);
    expect(out).toMatch(/\[email\]/);
    expect(out).toMatch(/\[phone\]/);
  });

  it("says which thread is unknown, and what a bad call is", async () => {
    const missing = await runCli(["transcript", "export", "--thread", "cli:terminal:nope"], { env });
    expect(missing.status).toBe(1);
    expect(missing.err).toMatch(/no stored conversation "cli:terminal:nope"/);
    expect((await runCli(["transcript", "export"], { env })).status).toBe(2);
    expect((await runCli(["transcript", "delete"], { env })).status).toBe(2);
  });
});

describe("cpbot audit", () => {
  it("lists every answer sent with its content hash, oldest first", async () => {
    const { status, out } = await runCli(["audit", "--json"], { env });
    expect(status).toBe(0);
    const entries = JSON.parse(out) as { at: string; action: string; digest?: string; conversation?: string }[];
    const answers = entries.filter((e) => e.action === "answer" && e.conversation === "cli:terminal:rsc");
    expect(answers).toHaveLength(3);
    for (const a of answers) expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(new Set(answers.map((a) => a.digest)).size).toBe(3);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
    expect(out).not.toMatch(/jo\.smith|555 0134/);
  });

  it("keeps audit records out of the analytics report's counts", async () => {
    const { out } = await runCli(["report", "--json", "--database", database]);
    const report = JSON.parse(out) as { events: number };
    const audit = JSON.parse((await runCli(["audit", "--json"], { env })).out) as unknown[];
    const store = openSqliteStore(database);
    const all = await store.listEvents();
    await store.close();
    expect(audit.length).toBeGreaterThan(0);
    expect(report.events).toBe(all.length - audit.length);
  });
});
