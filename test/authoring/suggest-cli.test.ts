import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultPlaybooksDir } from "../../src/core/paths.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { runCli } from "../cli/cli-io.ts";
import { seedMonth } from "./seed-month.ts";

const dir = mkdtempSync(join(tmpdir(), "cpbot-suggest-"));
const database = join(dir, "cpbot.db");
const store = openSqliteStore(database);
for (const event of seedMonth()) await store.recordEvent(event);
await store.close();
afterAll(() => undefined);

interface Group {
  group: { name: string; asked: number; questions: { text: string; kind: string }[] };
  proposal: { kind: string; playbook?: string; phrase?: string; reason?: string; what?: string };
}

describe("cpbot suggest on a seeded month of questions", () => {
  it("groups the inbox and proposes a trigger or a new topic for each group", async () => {
    const patch = join(dir, "triggers.patch");
    const { status, out, err } = await runCli(["suggest", "--database", database, "--json", "--write-patch", patch]);
    expect(status, err).toBe(0);
    const { groups } = JSON.parse(out) as { groups: Group[] };
    const texts = groups.flatMap((g) => g.group.questions.map((q) => q.text));
    // A confident match is not an inbox question.
    expect(texts).not.toContain("set the station message line 1");

    const refund = groups.find((g) => g.group.questions.some((q) => q.text.includes("refund")));
    expect(refund?.group.questions.every((q) => q.text.includes("refund"))).toBe(true);
    expect(refund?.group.questions).toHaveLength(4);
    // Some refund wordings reach Pricing Policy already ("session fee"), so a trigger there is a fair proposal.
    expect(["trigger", "new-topic"]).toContain(refund?.proposal.kind);

    const fob = groups.find((g) => g.group.questions.some((q) => q.text.includes("fob")));
    expect(fob?.group.questions).toHaveLength(3);
    expect(["trigger", "answered-now"]).toContain(fob?.proposal.kind);
    expect(fob?.proposal.playbook).toBe("rfid-reader");

    const solar = groups.find((g) => g.group.questions.some((q) => q.text.includes("solar")));
    expect(solar?.group.questions).toHaveLength(3);
    expect(solar?.proposal.kind).toBe("new-topic");

    // The patch applies to the real playbooks, and the result still loads with the proposed trigger.
    const triggers = groups.filter((g) => g.proposal.kind === "trigger");
    expect(existsSync(patch)).toBe(true);
    const copy = mkdtempSync(join(tmpdir(), "cpbot-patched-"));
    cpSync(defaultPlaybooksDir, join(copy, "playbooks"), { recursive: true });
    execFileSync("git", ["apply", patch], { cwd: copy });
    const { playbooks, problems } = loadPlaybooks(join(copy, "playbooks"));
    expect(problems).toEqual([]);
    for (const g of triggers) {
      expect(playbooks.find((p) => p.id === g.proposal.playbook)?.triggers.phrases).toContain(g.proposal.phrase);
    }
    expect(
      readFileSync(patch, "utf8")
        .split("\n")
        .filter((l) => l.startsWith("+    -")).length,
    ).toBe(triggers.length);
  });

  it("prints the groups for a person, most asked first, and honours --since", async () => {
    const { status, out } = await runCli(["suggest", "--database", database, "--since", "2026-10-20"]);
    expect(status).toBe(0);
    expect(out).toMatch(/group\(s\) from \d+ unmatched or low-confidence question\(s\) since 2026-10-20/);
    expect(out).toMatch(/Proposal: (a new topic|add the trigger)/);
    const all = await runCli(["suggest", "--database", database]);
    const count = (s: string) => Number(/from (\d+) unmatched/.exec(s)?.[1]);
    expect(count(out)).toBeLessThan(count(all.out));
  });

  it("says chatter and gibberish are not questions, lists them last, and proposes nothing for them", async () => {
    const json = await runCli(["suggest", "--database", database, "--json"]);
    const { groups } = JSON.parse(json.out) as { groups: Group[] };
    const holding = (text: string) => groups.find((g) => g.group.questions.some((q) => q.text === text));
    expect(holding("lol thanks")?.proposal).toEqual({ kind: "not-a-question", what: "small talk" });
    expect(holding("asdf qwerty")?.proposal).toEqual({ kind: "not-a-question", what: "gibberish" });
    // The real themes come first; the two that need no work close the list.
    expect(groups.slice(-2).every((g) => g.proposal.kind === "not-a-question")).toBe(true);
    expect(groups.slice(0, -2).some((g) => g.proposal.kind === "not-a-question")).toBe(false);

    const { out } = await runCli(["suggest", "--database", database]);
    const block = (text: string) => out.split(/\n(?=\d+\. )/).find((b) => b.includes(`"${text}"`)) ?? "";
    expect(block("lol thanks")).toContain(
      "Nothing to do: small talk, not a question; no playbook or trigger to write.",
    );
    expect(block("asdf qwerty")).toContain(
      "Nothing to do: gibberish, not a question; no playbook or trigger to write.",
    );
    for (const text of ["lol thanks", "asdf qwerty"]) expect(block(text)).not.toContain("a new topic");
    // A real unanswered theme is still a new topic.
    expect(block("where is the solar output report")).toContain("Proposal: a new topic");
  });

  it("refuses a date that is not one, and a database that does not exist", async () => {
    expect((await runCli(["suggest", "--database", database, "--since", "2026-13-01"])).status).toBe(2);
    const missing = await runCli(["suggest", "--database", join(dir, "nope.db")]);
    expect(missing.status).not.toBe(0);
    expect(existsSync(join(dir, "nope.db"))).toBe(false);
  });
});
