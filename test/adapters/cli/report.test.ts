import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDay } from "../../../adapters/cli/commands/report.ts";
import { main } from "../../../adapters/cli/main.ts";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";
import { recordingIO } from "../../cli/cli-io.ts";

let dir: string;

/** `dir` is read when called: each test gets its own folder from beforeEach. */
const fakeIO = (env: Record<string, string> = {}) => recordingIO({ env, cwd: dir });

/** A database as the bot leaves it: one walkthrough in April, questions in May. */
async function seed(file: string): Promise<void> {
  const store = openSqliteStore(file);
  const at = (day: number, minute: number) => new Date(Date.UTC(2024, 3, day, 9, minute)).toISOString();
  const base = { platform: "slack" as const, conversation: "slack:C1:1" };
  await store.recordEvent({ ...base, type: "question", at: at(20, 0), text: "station offline" });
  await store.recordEvent({ ...base, type: "match", at: at(20, 0), playbook: "station-offline", confidence: 0.9 });
  await store.recordEvent({ ...base, type: "walkthrough-start", at: at(20, 1), playbook: "station-offline" });
  await store.recordEvent({ ...base, type: "step", at: at(20, 2), playbook: "station-offline", step: "power" });
  await store.recordEvent({ ...base, type: "question", at: at(31 + 2, 0), text: "beeps, loudly" });
  await store.recordEvent({ ...base, type: "abstain", at: at(31 + 2, 0), text: "beeps, loudly" });
  await store.close();
}

describe("cpbot report", () => {
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "cpbot-report-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads DATABASE_URL and prints the text report", async () => {
    await seed(path.join(dir, "bot.db"));
    const io = fakeIO({ DATABASE_URL: "sqlite:./bot.db" });
    expect(await main(["report"], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const text = io.stdout.join("\n");
    expect(text).toContain("cpbot report: all time (6 events");
    expect(text).toMatch(/station-offline\s+1\s+1\s+0 \(0%\)\s+power \(1\)/);
    expect(text).toMatch(/1×\s+beeps, loudly\s+no match/);
  });

  it("uses ./data/cpbot.db by default and --since to narrow the window", async () => {
    await seed(path.join(dir, "data", "cpbot.db"));
    const io = fakeIO();
    expect(await main(["report", "--since", "2024-05-01", "--json"], io)).toBe(0);
    const report = JSON.parse(io.stdout.join("\n"));
    expect(report).toMatchObject({
      since: "2024-05-01T00:00:00.000Z",
      events: 2,
      totals: { questions: 1, unmatched: 1 },
    });
    expect(report.playbooks).toEqual([]);
    expect(report.unmatched).toEqual([expect.objectContaining({ text: "beeps, loudly", count: 1 })]);
  });

  it("writes CSV with --csv, the --database option winning over DATABASE_URL", async () => {
    await seed(path.join(dir, "other.db"));
    const io = fakeIO({ DATABASE_URL: "./does-not-exist.db" });
    expect(await main(["report", "--csv", "--database", "other.db"], io)).toBe(0);
    const lines = io.stdout.join("\n").split("\r\n");
    expect(lines[0]).toMatch(/^section,playbook,questions,/);
    expect(lines).toContain("total,(all),2,1,0,0,,,0,0,0,0,,,,,");
    expect(lines.some((l) => l.includes('"beeps, loudly",abstain,1'))).toBe(true);
  });

  it("refuses a bad date with the expected format", async () => {
    const io = fakeIO();
    expect(await main(["report", "--since", "May 1st"], io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/--since "May 1st" is not a date; expected YYYY-MM-DD/);
    expect(await main(["report", "--since", "2024-02-30"], io)).toBe(2);
  });

  it("refuses --csv with --json and an out-of-range confidence", async () => {
    const io = fakeIO();
    expect(await main(["report", "--csv", "--json"], io)).toBe(2);
    expect(await main(["report", "--low-confidence", "60"], io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/choose one of --csv and --json[\s\S]*must be a number from 0 to 1/);
  });

  it("names a missing database and does not create one", async () => {
    const io = fakeIO({ DATABASE_URL: "./nowhere/cpbot.db" });
    expect(await main(["report"], io)).toBe(1);
    expect(io.stderr.join("\n")).toContain(`There is no database at ${path.join(dir, "nowhere", "cpbot.db")}`);
    expect(existsSync(path.join(dir, "nowhere"))).toBe(false);
  });
});

describe("parseDay", () => {
  it("accepts real calendar dates only", () => {
    expect(parseDay("2024-02-29")).toBe("2024-02-29T00:00:00.000Z");
    expect(parseDay("2023-02-29")).toBeNull();
    expect(parseDay("2024-5-1")).toBeNull();
    expect(parseDay("yesterday")).toBeNull();
  });
});
