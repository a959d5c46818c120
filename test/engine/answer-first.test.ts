import { afterEach, describe, expect, it } from "vitest";
import type { Card } from "../../src/cards/card-schema.ts";
import { buttonsOf, Harness, textOf } from "./engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

const faulted = "1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,8,NONE,0xA1,NA";

function position(card: Card | undefined): string {
  const header = card?.blocks.find((b) => b.type === "header");
  return header?.type === "header" ? header.text : `(${card?.kind}: ${card?.title})`;
}

describe("answer first", () => {
  it("the overview puts the buttons first; Show all steps brings the whole article as a new card", async () => {
    h = new Harness();
    const [overview] = (await h.say("the relay is stuck closed on port 2")).cards;
    expect(overview?.kind).toBe("overview");
    expect(buttonsOf(overview).map((b) => b.label)).toEqual([
      "Start walkthrough",
      "Show all steps",
      "Escalate…",
      "Not this one?",
      "Fixed it",
      "Didn't help",
    ]);
    const shown = await h.press(overview, "Show all steps");
    expect(shown.mode).toBe("new");
    expect(shown.cards.map((c) => c.kind)).toEqual(["article"]);
    expect(textOf(shown.cards[0])).toContain("DO NOT CLEAR THE MAINTENANCE FLAG");
    expect(textOf(shown.cards[0])).toContain("Have this ready for Support");
    // From the article the walkthrough starts as from the overview.
    const step = await h.press(shown.cards[0], "Start walkthrough");
    expect(position(step.cards[0])).toBe("Step 1 of 10");
  });

  it("Step k of n keeps one n from the first step through the branch to the last", async () => {
    h = new Harness();
    const [overview] = (await h.cp("fault 303-RSC")).cards;
    let card = (await h.press(overview, "Start walkthrough")).cards[0];
    const seen: string[] = [position(card)];
    while (card?.kind === "step") {
      const labels = buttonsOf(card).map((b) => b.label);
      if (labels.includes("Submit") && !textOf(card).includes("Get Latest Status")) {
        card = (await h.press(card, "Submit", { inputs: { answer: faulted } })).cards[0];
      } else if (labels.includes("Still OUT_OF_SERVICE")) {
        card = (await h.press(card, "Still OUT_OF_SERVICE")).cards[0];
      } else card = (await h.press(card, "Done")).cards[0];
      if (card?.kind === "step" && position(card) !== seen.at(-1)) seen.push(position(card));
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `Step ${i + 1} of 10`));
  });
});
