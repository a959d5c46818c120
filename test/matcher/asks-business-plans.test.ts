import { describe, expect, it } from "vitest";
import { asksBusinessPlan } from "../../src/matcher/asks-business-plans.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// The ninth round of issue 13: plans about the business around the stations, out of scope whatever their
// subject, and their in-scope twins. None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("plans of the business around the stations", () => {
  it.each([
    ["is there budget left for two more chargers", true],
    ["does the owner owe income tax on the charging money", true],
    ["who handles the insurance for the garage chargers", true],
    ["draft a press release about the new lot", true],
    ["my wifi keeps dropping at home", true],
    ["the tax id on the flex billing form was rejected", false],
    ["insurance company says the breaker tripped", false],
    ["my phone shows the station at the wrong address", false],
  ])("%j → %s", (text, expected) => {
    expect(asksBusinessPlan(words(text))).toBe(expected);
  });

  it("abstains and says which kind it was", () => {
    const result = match("can we get budget approval for solar over the car park");
    expect(result.kind).toBe("no-match");
    expect(result.outOfScopeKind).toBe("adjacent-topic");
    expect(result.explanation.note).toContain("budgets, taxes, insurance");
  });

  it("keeps the in-scope twin answering", () => {
    expect(match("the owner's federal tax id was entered wrong on the flex billing form").playbook).toBe(
      "flex-billing",
    );
  });
});

describe("objects the guide never covers, and the business's own reach (ninth round)", () => {
  it.each([
    ["the no authentication mode for my home charger", true],
    ["the generator behind the garage won't start", true],
    ["text the residents directly about the garage", true],
    ["do we need a permit from the county for the new lot", true],
    ["is chargepoint having an outage right now", true],
    ["who writes the parking rules for the visitor lot", true],
    ["the parking policy says idle fees start after 15 minutes", false],
    // Rules to be shown on the stations' screens are a station message's text, not the site's own rules.
    ["we want the displays in the lobby garage to show the parking rules", false],
    ["who decides the EV parking policy for the visitor chargers", true],
    ["what is the industry standard price per kWh", true],
    ["power outage last night, port 2 shows hardware fault", false],
    ["the home screen of the station is blank", false],
    ["send the station message directly to the lobby chargers", false],
  ])("%j → %s", (text, expected) => {
    expect(asksBusinessPlan(words(text))).toBe(expected);
  });
});

describe("the insurer asking about a damaged station stays the station's article", () => {
  it("a van dragged the cable and the insurer asks what to replace", () => {
    expect(
      asksBusinessPlan(words("the insurer asks whether the whole charger or only the stretched cable gets replaced")),
    ).toBe(false);
  });
});
