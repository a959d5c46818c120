import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cardToBlockKit } from "../../adapters/slack/card-to-block-kit.ts";
import { answerDigest } from "../../src/audit/answer-digest.ts";
import type { Card } from "../../src/cards/card-schema.ts";
import { isSharedCard } from "../../src/cards/frozen-card.ts";
import { defaultTemplatesDir } from "../../src/core/paths.ts";
import { type Playbook, PlaybookSchema } from "../../src/playbooks/playbook-schema.ts";
import { variantsPerSubject } from "../../src/render/card-memo.ts";
import { clearTemplateCache, reloadTemplates, useTemplatesDir } from "../../src/render/card-templates.ts";
import { articleCard, overviewCard } from "../../src/render/overview-card.ts";

function playbookOf(title: string): Playbook {
  return PlaybookSchema.parse({
    id: "relay-stuck",
    version: 3,
    title,
    article: "Out of Service Due to Relay Stuck Closed",
    section: "Diagnose",
    summary: "A relay is stuck closed.",
    symptoms: ["Screen shows **Unavailable**"],
    roles: ["Network Manager"],
    errorLogs: { faultCodes: [{ code: "303-RSC", name: "Relay Stuck Closed" }] },
    troubleshooting: [{ id: "log-in", text: "Log in." }],
    solution: [{ id: "reboot", text: "Reboot." }],
    escalation: { when: ["It persists"], evidence: [{ id: "lines", label: "Port lines" }] },
    triggers: { phrases: ["relay stuck"] },
  });
}

const fault = { query: "fault 303-RSC", confidence: 1, explanation: "fault code 303-RSC", noted: [] };

afterEach(() => {
  useTemplatesDir(defaultTemplatesDir);
  clearTemplateCache();
});

describe("overview cards rendered once and shared", () => {
  it("gives every asker of the same fault code the same frozen card", () => {
    const playbook = playbookOf("Relay Stuck Closed (303-RSC)");
    const first = overviewCard(playbook, fault);
    const second = overviewCard(playbook, { ...fault, noted: [] });
    expect(second).toBe(first);
    expect(isSharedCard(first)).toBe(true);
    // Deeply: no reply can change a block, a button or a list another reply is showing.
    const actions = first.blocks.find((b) => b.type === "actions");
    expect(actions && Object.isFrozen(actions.buttons[0])).toBe(true);
    expect(() => {
      (first.blocks as Card["blocks"][number][]).push({ type: "divider" });
    }).toThrow(TypeError);
  });

  it("renders a new card for anything that reaches the card: query, confidence, why, noted facts, alternatives", () => {
    const playbook = playbookOf("Relay Stuck Closed (303-RSC)");
    const base = overviewCard(playbook, fault);
    const other = playbookOf("Other");
    const variants = [
      overviewCard(playbook),
      overviewCard(playbook, { ...fault, query: "fault 303-rsc" }),
      overviewCard(playbook, { ...fault, confidence: 0.9 }),
      overviewCard(playbook, { ...fault, explanation: ["fault code 303-RSC"] }),
      overviewCard(playbook, { ...fault, noted: ["station CPF-6"] }),
      overviewCard(playbook, { ...fault, alternatives: [{ playbook: other, confidence: 0.4 }] }),
    ];
    for (const card of variants) expect(card).not.toBe(base);
    expect(JSON.stringify(variants[4])).toContain("noted for Support: station CPF-6");
    expect(JSON.stringify(variants[5])).toContain("Also close: Other (40%)");
    // The overview and the article of one playbook are different cards, each kept.
    expect(articleCard(playbook, "fault 303-RSC")).toBe(articleCard(playbook, "fault 303-RSC"));
    expect(articleCard(playbook, "fault 303-RSC").kind).not.toBe("overview");
  });

  it("is the card a fresh render gives, field for field", () => {
    const playbook = playbookOf("Relay Stuck Closed (303-RSC)");
    const memoised = overviewCard(playbook, fault);
    clearTemplateCache();
    const fresh = overviewCard(playbook, fault);
    expect(fresh).not.toBe(memoised);
    expect(fresh).toEqual(memoised);
  });

  it("keeps a bounded number of variants per playbook, dropping the oldest", () => {
    const playbook = playbookOf("Relay Stuck Closed (303-RSC)");
    const first = overviewCard(playbook, { query: "question 0" });
    expect(overviewCard(playbook, { query: "question 0" })).toBe(first);
    for (let i = 1; i <= variantsPerSubject; i++) overviewCard(playbook, { query: `question ${i}` });
    expect(overviewCard(playbook, { query: "question 0" })).not.toBe(first);
    expect(overviewCard(playbook, { query: `question ${variantsPerSubject}` })).toBe(
      overviewCard(playbook, { query: `question ${variantsPerSubject}` }),
    );
  });

  it("follows a playbook reload (new playbook objects) and a template reload", () => {
    const before = overviewCard(playbookOf("Relay Stuck Closed (303-RSC)"), fault);
    const reloaded = playbookOf("Relay Stuck Closed (303-RSC), revised");
    expect(overviewCard(reloaded, fault).title).toBe("Relay Stuck Closed (303-RSC), revised");

    const dir = mkdtempSync(join(tmpdir(), "cpbot-memo-templates-"));
    cpSync(defaultTemplatesDir, dir, { recursive: true });
    useTemplatesDir(dir);
    const playbook = playbookOf("Relay Stuck Closed (303-RSC)");
    expect(overviewCard(playbook, fault)).toEqual(before);
    // An edited template, reloaded as `cpbot serve` does on a playbook reload: the next card shows it.
    const file = join(dir, "overview.hbs");
    writeFileSync(file, readFileSync(file, "utf8").replace('"kind": "overview"', '"kind": "info"'));
    reloadTemplates(dir);
    expect(overviewCard(playbook, fault).kind).toBe("info");
  });
});

describe("work derived from a shared card", () => {
  it("converts a shared card to Block Kit once, frozen, equal to converting a copy", () => {
    const card = overviewCard(playbookOf("Relay Stuck Closed (303-RSC)"), fault);
    const messages = cardToBlockKit(card);
    expect(cardToBlockKit(card)).toBe(messages);
    expect(Object.isFrozen(messages[0]?.blocks[0])).toBe(true);
    const copy = structuredClone(card) as Card;
    expect(isSharedCard(copy)).toBe(false);
    expect(cardToBlockKit(copy)).not.toBe(cardToBlockKit(copy));
    expect(cardToBlockKit(copy)).toEqual(messages);
  });

  it("digests a shared card exactly as its JSON, the same as an unshared copy", () => {
    const card = overviewCard(playbookOf("Relay Stuck Closed (303-RSC)"), fault);
    const copy = structuredClone(card) as Card;
    const other = articleCard(playbookOf("Relay Stuck Closed (303-RSC)"));
    expect(answerDigest([card, other])).toBe(answerDigest([copy, structuredClone(other) as Card]));
    expect(answerDigest([card])).not.toBe(answerDigest([other]));
    const sha = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;
    // One card (most answers, kept per shared card) and several: always the hash of the cards' JSON.
    expect(answerDigest([card])).toBe(sha(JSON.stringify([card])));
    expect(answerDigest([card])).toBe(answerDigest([copy]));
    const json = JSON.stringify([card, other]);
    expect(answerDigest([card, other])).toBe(`sha256:${createHash("sha256").update(json).digest("hex")}`);
  });
});
