import { describe, expect, it } from "vitest";
import { asksOtherHardware } from "../../src/matcher/asks-other-hardware.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// The tenth round of issue 13: an article's action on hardware that is not the network's (another maker,
// another network, a charger at home) is out of scope, and its in-scope twins keep their article. None of
// these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("another maker's, another network's or a home charger", () => {
  it.each([
    ["the grizzl-e in his driveway needs a firmware flash", true],
    ["my Wallbox keeps losing wifi", true],
    ["Electrify America station refused her credit card", true],
    ["the Enel X unit shows a ground fault light", true],
    ["my home charger trips the breaker every night", true],
    ["the charging unit in my garage shows a red light", true],
    ["is the Home Flex compatible with solar", true],
    ["thinking of moving the depot to a different brand next year", true],
    ["replaced the old Blink unit, the new one only says CHARGEPOINT", false],
    // Ours, or the site's own stations beside a home:
    ["we swapped the old Blink pedestal for a CT4020 and it shows CHARGEPOINT / STATION", false],
    ["her car charges fine at home but gets nothing from port 2", false],
    ["slower than at home, same car, on our garage chargers", false],
    ["the Tesla driver got 0 kWh on port 1", false],
    ["our garage stations went offline", false],
    ["resident's home charger is tied to her stall through the linked driver account", false],
  ])("%j → %s", (text, expected) => {
    expect(asksOtherHardware(words(text))).toBe(expected);
  });

  it("abstains on the article's action on another maker's unit and names the kind", () => {
    const result = match("how do I push a firmware update to the Autel chargers in the back lot");
    expect(result.kind).toBe("no-match");
    expect(result.outOfScopeKind).toBe("adjacent-topic");
    expect(result.explanation.note).toContain("another maker's charger");
  });

  it("abstains on a home charger's breaker", () => {
    expect(match("the charger in my garage trips the house breaker when the dryer runs").kind).toBe("no-match");
  });

  it("answers Replace Hardware for a unit bought through a distributor and being set up", () => {
    expect(
      match(
        "got the pedestal from our distributor, installed it this morning, how do I make it take the old station's place in the dashboard",
      ).playbook,
    ).toBe("replace-hardware");
  });
});
