import { describe, expect, it } from "vitest";
import { asksDashboardPage } from "../../src/matcher/asks-dashboard-page.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// The eleventh round's out-of-scope kind: a page of the dashboard that no article reads, asked what it is.
// None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");

describe("a page of the dashboard that no article reads", () => {
  it.each([
    ["what is the Gasoline Savings column based on", true],
    ["what does the Sessions tab list", true],
    ["who reads what we send with Report a problem", true],
    ["what are Grant Objects for", true],
    ["what does Historical Sessions show for energy", false],
    ["the Sessions tab shows 0 kWh for every driver", false],
    ["what does the support log say about the fault", false],
    ["the station is unreachable and the Contacts tab is empty", false],
  ])("%j → %s", (text, expected) => {
    expect(asksDashboardPage(words(text))).toBe(expected);
  });

  it.each(["what is the Gasoline Savings column based on", "what's the point of the sessions tab next to the others"])(
    "declines it as out of scope: %j",
    (text) => {
      const r = realMatcher().matcher.match(text);
      expect([r.kind, r.playbook, r.outOfScopeKind]).toEqual(["no-match", null, "adjacent-topic"]);
      expect(r.explanation.note).toContain("a page of the dashboard that no article reads");
    },
  );

  it("leaves a page named beside an article's symptom to the article", () => {
    expect(realMatcher().matcher.match("historical sessions show 0 kWh on port 2 for three drivers").playbook).toBe(
      "slow-zero-energy",
    );
  });
});
