import { describe, expect, it } from "vitest";
import {
  asksAboutIncentives,
  asksUnitConversion,
  asksUserPreference,
} from "../../src/matcher/asks-general-knowledge.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// The seventh round of issue 13: out-of-scope questions that share an article's words, by kind, each with
// in-scope twins that must still be answered. None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("general EV knowledge and unit conversions", () => {
  it.each([
    ["convert 7 kW into amps", true],
    ["how many km of range is 20 kWh", true],
    ["what is the difference between ac and dc charging", true],
    ["nacs versus ccs, which is better", true],
    ["what does a kwh cost per mile of driving", true],
    ["how many kW should a CT4020 deliver on a 40 amp breaker", false],
    ["the driver only got 12 miles of range in 4 hours", false],
    ["what is the price per kwh at the garage stations", false],
  ])("%j → %s", (text, expected) => {
    expect(asksUnitConversion(words(text))).toBe(expected);
  });

  it("abstains as an adjacent topic, and the station's expected rate is still answered", () => {
    const oos = match("how many km per kwh does a typical electric car do");
    expect(oos.kind).toBe("no-match");
    expect(oos.outOfScopeKind).toBe("adjacent-topic");
    expect(match("what rate should a CPF50 on a 60 amp breaker deliver").playbook).toBe("slow-zero-energy");
  });
});

describe("credits, rebates and incentives", () => {
  it.each([
    ["do we earn carbon credits from the chargers", true],
    ["is there a state rebate for new stations", true],
    ["clean fuel credit money", true],
    ["the credit card fee on each session", false],
    ["a credit on the driver's receipt", false],
  ])("%j → %s", (text, expected) => {
    expect(asksAboutIncentives(words(text))).toBe(expected);
  });

  it("abstains on them, and the owner's missing payout is still Flex Billing's", () => {
    expect(match("how are grant funds for our chargers paid out").kind).toBe("no-match");
    expect(match("the site owner got no payout this month").playbook).toBe("flex-billing");
  });
});

describe("a dashboard user's own preferences", () => {
  it.each([
    ["set my dashboard time zone to eastern", true],
    ["can I switch my login to dark mode", true],
    ["change the language of my account", true],
    ["the station screen shows the wrong language", false],
    ["put the station message in spanish", false],
  ])("%j → %s", (text, expected) => {
    expect(asksUserPreference(words(text))).toBe(expected);
  });

  it("abstains and names the kind; a screen message in another language stays Station Messages", () => {
    const oos = match("how do I set my dashboard profile to my time zone");
    expect(oos.kind).toBe("no-match");
    expect(oos.explanation.note).toContain("preferences");
    expect(match("can the station message on the screen be in french").playbook).toBe("station-messages");
  });
});
