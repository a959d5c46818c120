import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { triggerPatch } from "../../src/authoring/trigger-patch.ts";
import { defaultPlaybooksDir } from "../../src/core/paths.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";

const files = readdirSync(defaultPlaybooksDir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => ({ path: `playbooks/${f}`, content: readFileSync(join(defaultPlaybooksDir, f), "utf8") }));

describe("triggerPatch on the real playbooks", () => {
  it("writes a diff that git apply accepts and that adds each phrase to its playbook's triggers", () => {
    const additions = [
      { playbook: "rfid-reader", phrase: "fob tap on the pedestal does nothing" },
      { playbook: "pricing-policy", phrase: "driver wants a refund: the session fee" },
      { playbook: "rfid-reader", phrase: "badge ignored at the kiosk" },
    ];
    const patch = triggerPatch(files, additions);
    const copy = mkdtempSync(join(tmpdir(), "cpbot-trigger-patch-"));
    cpSync(defaultPlaybooksDir, join(copy, "playbooks"), { recursive: true });
    execFileSync("git", ["apply", "-"], { cwd: copy, input: patch });
    const { playbooks, problems } = loadPlaybooks(join(copy, "playbooks"));
    expect(problems).toEqual([]);
    for (const a of additions) expect(playbooks.find((p) => p.id === a.playbook)?.triggers.phrases).toContain(a.phrase);
    // Nothing else changed: the other playbooks keep their phrases.
    const before = loadPlaybooks(defaultPlaybooksDir).playbooks;
    for (const p of playbooks) {
      const added = additions.filter((a) => a.playbook === p.id).length;
      expect(p.triggers.phrases.length).toBe((before.find((b) => b.id === p.id)?.triggers.phrases.length ?? 0) + added);
    }
  });

  it("is empty when there is nothing to add", () => {
    expect(triggerPatch(files, [])).toBe("");
  });
});
