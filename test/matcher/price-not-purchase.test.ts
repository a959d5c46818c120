import { describe, expect, it } from "vitest";
import { readIntentCues } from "../../src/matcher/intent-cues.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";

// The tenth round of issue 13: a pricing plan and a quantity asked with "how much" are no purchase. None of
// these sentences is from an evaluation set.
const cues = (text: string) => readIntentCues(normaliseText(text).split(" "));

describe("a price word that is not buying", () => {
  it.each([
    "the new pricing plan never reached the pedestals",
    "our price plan is not on the ct4020s yet",
    "how much current does a ct4020 pull on one cable",
    "how much force pulls the cable out",
  ])("%j is not a purchase", (text) => {
    expect(cues(text)).not.toContain("purchase");
  });

  it.each(["is there a discount on the cloud plan for nonprofits", "how much is a spare cable"])(
    "%j still asks to buy",
    (text) => {
      expect(cues(text)).toContain("purchase");
    },
  );
});
