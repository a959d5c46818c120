import { describe, expect, it } from "vitest";
import { cardToText } from "../../adapters/cli/card-to-text.ts";
import { cardToBlockKit, checkBlockKitLimits } from "../../adapters/slack/card-to-block-kit.ts";
import { cardToAdaptiveCard, checkAdaptiveCardSize } from "../../adapters/teams/card-to-adaptive-card.ts";
import { CardSchema, cardKinds } from "../../src/cards/card-schema.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";
import { adaptiveCardValidator } from "../adapters/adaptive-card-schema.ts";
import { cardsFor } from "./card-samples.ts";

const { playbooks } = loadPlaybooks();
const validate = adaptiveCardValidator();

describe("every playbook × every card type", () => {
  it("has the playbooks of the guide to render", () => {
    expect(playbooks.length).toBeGreaterThanOrEqual(20);
  });

  it("the samples cover every card kind", () => {
    const kinds = new Set(playbooks.flatMap((p) => cardsFor(p, playbooks).map(([, card]) => card.kind)));
    expect([...kinds].sort()).toEqual([...cardKinds].sort());
  });

  for (const playbook of playbooks) {
    describe(playbook.id, () => {
      for (const [name, card] of cardsFor(playbook, playbooks)) {
        it(`${name}: valid card, Slack within limits, Teams valid 1.5 under 40 KB, plain text`, () => {
          expect(CardSchema.safeParse(card).success).toBe(true);

          const messages = cardToBlockKit(card);
          expect(messages.length).toBeGreaterThan(0);
          for (const message of messages) {
            expect(checkBlockKitLimits(message)).toEqual([]);
            expect(message.text.length).toBeLessThanOrEqual(3000);
          }

          const teams = cardToAdaptiveCard(card);
          for (const ac of teams) {
            const ok = validate(ac);
            expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
            expect(ok).toBe(true);
            expect(checkAdaptiveCardSize(ac).ok).toBe(true);
            // msteams carries only mention entities, each for an <at>name</at> the card's body shows.
            for (const entity of ac.msteams?.entities ?? []) {
              expect(entity.type).toBe("mention");
              expect(JSON.stringify(ac.body)).toContain(JSON.stringify(entity.text).slice(1, -1));
            }
          }

          const text = cardToText(card);
          expect(text.text.trim().length).toBeGreaterThan(0);
          // The same buttons on every surface: none lost in a split or a fold.
          const cardButtons = card.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
          expect(text.buttons).toEqual(cardButtons);
          const slackButtons = messages.flatMap((m) =>
            m.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])),
          );
          expect(slackButtons.map((b) => ("value" in b ? b.value : undefined))).toEqual(
            cardButtons.map((b) => b.value),
          );
          const teamsActions = teams.flatMap((ac) => [
            ...ac.body.flatMap((e) => (e.type === "ActionSet" ? (e.actions as unknown[]) : [])),
            ...(ac.actions ?? []),
          ]);
          expect(teamsActions).toHaveLength(cardButtons.length);
        });
      }
    });
  }
});
