import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchPlaybooks } from "../../adapters/cli/watch-playbooks.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { defaultPlaybooksDir, defaultTemplatesDir } from "../../src/core/paths.ts";
import { LivePlaybooks, type ReloadOutcome } from "../../src/playbooks/live-playbooks.ts";
import { loadRegistry } from "../../src/playbooks/playbook-registry.ts";
import { clearTemplateCache, loadTemplates } from "../../src/render/card-templates.ts";

function copyOfTheSet() {
  const dir = mkdtempSync(join(tmpdir(), "cpbot-live-"));
  cpSync(defaultPlaybooksDir, join(dir, "playbooks"), { recursive: true });
  cpSync(defaultTemplatesDir, join(dir, "templates"), { recursive: true });
  const playbooks = join(dir, "playbooks");
  const templates = join(dir, "templates");
  return { playbooks, templates, live: new LivePlaybooks(loadRegistry(playbooks), playbooks, templates) };
}

function edit(file: string, change: (text: string) => string) {
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

afterEach(() => clearTemplateCache());

describe("LivePlaybooks", () => {
  it("swaps in a changed set that passes lint, keeping the retired version for walkthroughs under way", () => {
    const { playbooks, live } = copyOfTheSet();
    const before = live.registry.get("waitlist")!;
    const oldMatcher = live.matcher;
    edit(join(playbooks, "waitlist.yaml"), (t) =>
      t
        .replace(/^version: \d+$/m, `version: ${before.version + 1}`)
        .replace(/^title: .*$/m, "title: Waitlist (edited)"),
    );
    const outcome = live.reload();
    expect(outcome).toEqual({ ok: true, playbooks: 20, changed: [`waitlist v${before.version + 1}`] });
    expect(live.registry.get("waitlist")?.title).toBe("Waitlist (edited)");
    expect(live.registry.get("waitlist", before.version)?.title).toBe(before.title);
    expect(live.registry.get("waitlist", before.version + 1)?.title).toBe("Waitlist (edited)");
    expect(live.matcher).not.toBe(oldMatcher);
  });

  it("keeps the serving set when the change fails lint, and says exactly why", () => {
    const { playbooks, live } = copyOfTheSet();
    const registry = live.registry;
    edit(join(playbooks, "waitlist.yaml"), (t) => t.replace(/^solution:/m, "solutoin:"));
    const outcome = live.reload();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.report).toMatch(/waitlist\.yaml/);
    expect(outcome.problems.some((p) => p.file.endsWith("waitlist.yaml"))).toBe(true);
    expect(live.registry).toBe(registry);
  });

  it("keeps the compiled templates when a template stops compiling", () => {
    const { templates, live } = copyOfTheSet();
    const serving = loadTemplates(templates);
    edit(join(templates, "help.hbs"), (t) => `{{#broken ${t}`);
    expect(live.reload().ok).toBe(false);
    expect(loadTemplates(templates)).toBe(serving);
  });
});

describe("watchPlaybooks", () => {
  it("reloads when a playbook file changes, and reports a broken one without swapping", async () => {
    const { playbooks, live } = copyOfTheSet();
    const outcomes: ReloadOutcome[] = [];
    let settle: () => void = () => undefined;
    const stop = watchPlaybooks(live, silentLogger, (o) => {
      outcomes.push(o);
      settle();
    });
    try {
      const next = () => new Promise<void>((resolve) => (settle = resolve));
      const first = next();
      edit(join(playbooks, "waitlist.yaml"), (t) =>
        t.replace(/^version: (\d+)$/m, (_, v) => `version: ${Number(v) + 1}`),
      );
      await first;
      expect(outcomes[0]?.ok).toBe(true);
      const second = next();
      edit(join(playbooks, "waitlist.yaml"), (t) => t.replace(/^id: waitlist$/m, "id: Wait List!"));
      await second;
      expect(outcomes[1]?.ok).toBe(false);
      expect(live.registry.get("waitlist")).toBeDefined();
    } finally {
      stop();
    }
  });
});
