import { afterEach, describe, expect, it } from "vitest";
import { cardToText } from "../../adapters/cli/card-to-text.ts";
import { cardToBlockKit } from "../../adapters/slack/card-to-block-kit.ts";
import { cardToAdaptiveCard } from "../../adapters/teams/card-to-adaptive-card.ts";
import type { Card } from "../../src/cards/card-schema.ts";
import { buttonsOf, Harness, textOf } from "../engine/engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

const faulted = "1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,8,NONE,0xA1,NA";

/** Whether a person sees a Done button on the card, in the terminal, in Slack and in Teams. */
function doneShown(card: Card | undefined) {
  if (!card) throw new Error("no card");
  const slack = JSON.stringify(cardToBlockKit(card)).match(/"text":"Done"/g) ?? [];
  const teams = JSON.stringify(cardToAdaptiveCard(card)).match(/"title":"Done"/g) ?? [];
  return {
    neutral: buttonsOf(card).some((b) => b.label === "Done"),
    terminal: cardToText(card).buttons.some((b) => b.label === "Done"),
    slack: slack.length > 0,
    teams: teams.length > 0,
  };
}
const everywhere = (shown: boolean) => ({ neutral: shown, terminal: shown, slack: shown, teams: shown });

/** The 303-RSC walkthrough at its first step that asks for Get Latest Status port lines. */
async function atInputStep(): Promise<Card> {
  const [overview] = (await h.cp("fault 303-RSC")).cards;
  let card = (await h.press(overview, "Start walkthrough")).cards[0];
  for (let i = 0; i < 10 && !buttonsOf(card).some((b) => b.label === "Submit"); i++)
    card = (await h.press(card, "Done")).cards[0];
  expect(buttonsOf(card).map((b) => b.label)).toContain("Submit");
  return card as Card;
}

describe("Done after an invalid entry", () => {
  it("stays hidden on every renderer until an entry passes, however the step is shown again", async () => {
    h = new Harness();
    const before = await atInputStep();
    expect(doneShown(before)).toEqual(everywhere(true));

    const refused = (await h.press(before, "Submit", { inputs: { answer: "no idea what to paste" } })).cards[0];
    expect(refused?.kind).toBe("step");
    expect(doneShown(refused)).toEqual(everywhere(false));

    // Shown again by words, by small talk's pointer and by an empty Submit: still no Done.
    const again = (await h.say("where was I")).cards.find((c) => c.kind === "step");
    expect(doneShown(again)).toEqual(everywhere(false));
    const empty = (await h.press(refused, "Submit", { inputs: { answer: "" } })).cards[0];
    expect(doneShown(empty)).toEqual(everywhere(false));
    // Typed "done" cannot press a button the card does not have; the step stays.
    const typed = (await h.say("done")).cards.find((c) => c.kind === "step");
    expect(textOf(typed)).toContain(textOf(refused).match(/Step \d+ of \d+/)?.[0]);
    expect(doneShown(typed)).toEqual(everywhere(false));

    // Done on the card from before the refusal moves nothing and says why.
    const stale = (await h.press(before, "Done")).cards[0];
    expect(textOf(stale)).toContain("The last entry for this step was not accepted");
    expect(doneShown(stale)).toEqual(everywhere(false));

    // A valid entry brings Done back.
    const accepted = (await h.press(refused, "Submit", { inputs: { answer: faulted } })).cards[0];
    expect(doneShown(accepted)).toEqual(everywhere(true));
  });

  it("Skip moves on past a refused entry, and the next step offers Done", async () => {
    h = new Harness();
    const before = await atInputStep();
    const refused = (await h.press(before, "Submit", { inputs: { answer: "garbage" } })).cards[0];
    const next = (await h.press(refused, "Skip")).cards[0];
    expect(next?.kind).toBe("step");
    expect(textOf(next)).not.toBe(textOf(refused));
    expect(doneShown(next).neutral || buttonsOf(next).some((b) => b.action.includes("choose"))).toBe(true);
    // Back to the refused step: the refusal ended with the move, so Done is offered there again.
    const back = (await h.press(next, "Back")).cards[0];
    expect(doneShown(back)).toEqual(everywhere(true));
  });
});
