import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../adapters/cli/main.ts";
import { recordingIO } from "../../cli/cli-io.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const fixtures = "test/fixtures/playbooks";

const fakeIO = () => recordingIO({ cwd: root });

function emptyTemplatesDir(): string {
  return mkdtempSync(path.join(tmpdir(), "cpbot-lint-templates-"));
}

describe("cpbot lint", () => {
  it("says so and exits 0 when everything is clean", async () => {
    const io = fakeIO();
    const templates = emptyTemplatesDir();
    writeFileSync(path.join(templates, "card.hbs"), "{{title}}");
    const status = await main(["lint", "--playbooks", `${fixtures}/valid`, "--templates", templates], io);
    expect(io.stderr).toEqual([]);
    expect(io.stdout).toEqual(["2 playbooks, 1 template: no problems."]);
    expect(status).toBe(0);
  });

  it("lists every problem with file and path and exits 1", async () => {
    const io = fakeIO();
    const args = ["lint", "--playbooks", `${fixtures}/dangling-branch`, "--templates", emptyTemplatesDir()];
    const status = await main(args, io);
    const report = io.stdout.join("\n");
    expect(status).toBe(1);
    expect(report).toContain(
      `${fixtures}/dangling-branch/alpha.yaml:solution[1].choice.options[1].branch (line 28) — branch "fault-persist" does not exist`,
    );
    expect(report).toContain(`${fixtures}/dangling-branch/alpha.yaml:branches[1] (line 36)`);
    expect(report).toContain("Fix: ");
    expect(report.trim().split("\n").at(-1)).toBe("2 problems in 1 file.");
  });

  it("includes broken templates in the report", async () => {
    const io = fakeIO();
    const templates = emptyTemplatesDir();
    writeFileSync(path.join(templates, "broken.hbs"), "{{#if x}}\nno end\n");
    const status = await main(["lint", "--playbooks", `${fixtures}/valid`, "--templates", templates], io);
    expect(status).toBe(1);
    expect(io.stdout.join("\n")).toMatch(/broken\.hbs:line \d+ — Handlebars syntax error/);
  });

  it("prints JSON with --json", async () => {
    const io = fakeIO();
    const args = ["lint", "--json", "--playbooks", `${fixtures}/duplicate-id`, "--templates", emptyTemplatesDir()];
    const status = await main(args, io);
    const report = JSON.parse(io.stdout.join("\n")) as { playbooks: number; templates: number; problems: unknown[] };
    expect(status).toBe(1);
    expect(report.playbooks).toBe(1);
    expect(report.templates).toBe(0);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: `${fixtures}/duplicate-id/alpha.yml`, path: "id", line: 1 }),
    ]);
  });

  it("gives a clear error for a directory that does not exist", async () => {
    const io = fakeIO();
    const status = await main(["lint", "--playbooks", "no/such/dir"], io);
    expect(status).toBe(2);
    expect(io.stderr.join("\n")).toContain(`--playbooks ${path.join(root, "no/such/dir")} is not a directory`);
    expect(io.stdout).toEqual([]);
  });

  it("rejects an unknown option with the usage", async () => {
    const io = fakeIO();
    expect(await main(["lint", "--playbook", "x"], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain("Usage: cpbot lint");
  });
});
