import { describe, expect, it } from "vitest";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { replacedOtherMaker } from "../../src/matcher/replaced-other-maker.ts";
import { realMatcher } from "./real-matcher.ts";

// The tenth round of issue 13: another maker's unit swapped for one of ours is Replace Hardware's story, not
// onboarding the other maker. None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("another maker's unit swapped for one of ours", () => {
  it.each([
    ["took out the ABB box, put in a CT4010", true],
    ["replaced the old Wallbox with a ChargePoint head", true],
    ["the EVBox is gone, a CPF50 went in instead", true],
    ["can we add our ABB chargers next to the CT4000s", false],
    ["how do I replace the Wallbox cable", false],
  ])("%j → %s", (text, expected) => {
    expect(replacedOtherMaker(words(text))).toBe(expected);
  });

  it("answers Replace Hardware when the swap is told as two acts", () => {
    expect(match("took out the ABB box, put in a CT4010, the screen says CHARGEPOINT STATION").playbook).toBe(
      "replace-hardware",
    );
  });

  it("leaves onboarding the other maker's units out of scope", () => {
    expect(match("can we add our ABB chargers next to the CT4000s in the dashboard").kind).toBe("no-match");
  });
});
