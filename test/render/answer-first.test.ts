import { describe, expect, it } from "vitest";
import { cardToText } from "../../adapters/cli/card-to-text.ts";
import { cardToBlockKit } from "../../adapters/slack/card-to-block-kit.ts";
import { cardToAdaptiveCard } from "../../adapters/teams/card-to-adaptive-card.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";
import { overviewCard } from "../../src/render/overview-card.ts";

const { playbooks } = loadPlaybooks();

/** Characters a person reads in a Slack message: every `text` string of its blocks. */
function slackChars(blocks: unknown): number {
  let n = 0;
  JSON.stringify(blocks, (key, value) => {
    if (key === "text" && typeof value === "string") n += value.length;
    return value;
  });
  return n;
}

describe("the first answer is short, with its buttons at the top", () => {
  for (const playbook of playbooks) {
    const card = overviewCard(playbook, { query: playbook.triggers.phrases[0] ?? playbook.title, confidence: 0.9 });

    it(`${playbook.id}: terminal within 25 lines, buttons before the details`, () => {
      const { text, buttons } = cardToText(card);
      const lines = text.split("\n").filter((l) => l.trim());
      expect(lines.length).toBeLessThanOrEqual(25);
      expect(buttons.map((b) => b.label)).toContain("Show all steps");
      // The numbered buttons come before the match details and symptoms.
      expect(text.indexOf("[1] Start walkthrough")).toBeLessThan(text.indexOf("You asked"));
    });

    it(`${playbook.id}: Slack one message under 1,800 characters, buttons within the first 6 blocks`, () => {
      const messages = cardToBlockKit(card);
      expect(messages).toHaveLength(1);
      const blocks = messages[0]?.blocks ?? [];
      expect(slackChars(blocks)).toBeLessThanOrEqual(1800);
      const firstActions = blocks.findIndex((b) => b.type === "actions");
      expect(firstActions).toBeGreaterThanOrEqual(0);
      expect(firstActions).toBeLessThan(6);
    });

    it(`${playbook.id}: Teams folds the article under a Show all steps toggle, or asks for it when too big`, () => {
      const [ac, ...more] = cardToAdaptiveCard(card);
      expect(more).toEqual([]);
      const sets = (ac?.body ?? []).filter((e) => e.type === "ActionSet");
      const show = sets
        .flatMap((s) => s.actions as { type: string; title: string; targetElements?: string[]; data?: unknown }[])
        .find((a) => a.title === "Show all steps");
      const folded = ac?.body.find((e) => e.id === "all-steps");
      if (show?.type === "Action.Submit") {
        // An article over Teams' 40 KB budget cannot travel folded; the button asks the bot for it instead.
        expect(show.data).toMatchObject({ action: "overview.full" });
        expect(folded).toBeUndefined();
        return;
      }
      expect(show).toEqual({ type: "Action.ToggleVisibility", title: "Show all steps", targetElements: ["all-steps"] });
      expect(folded).toMatchObject({ type: "Container", isVisible: false });
      // The buttons sit above the fold, the article inside it.
      expect(ac?.body.indexOf(sets[0]!)).toBeLessThan(ac?.body.indexOf(folded!) ?? -1);
      expect(JSON.stringify(folded)).toContain(JSON.stringify(playbook.solution[0]?.text ?? "").slice(1, 21));
    });
  }
});
