import { describe, expect, it } from "vitest";
import { asksDashboardAccount } from "../../src/matcher/asks-dashboard-account.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// The tenth round of issue 13: the dashboard's own account (its login, its session timing out, its users) is
// out of scope; the dashboard showing a station's or a session's data is the articles'. None of these
// sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("one's own dashboard account", () => {
  it.each([
    ["my portal session expires too fast", true],
    ["how many users can our dashboard have", true],
    ["give my colleague permissions on the dashboard", true],
    ["give the auditor a read only dashboard login", true],
    ["the dashboard shows the session at 0 kWh", false],
    ["station shows offline in the dashboard", false],
    ["the dashboard lists the driver twice", false],
  ])("%j → %s", (text, expected) => {
    expect(asksDashboardAccount(words(text))).toBe(expected);
  });

  it("abstains on the dashboard's session timing out and names the kind", () => {
    const result = match("the dashboard session times out while I am still typing");
    expect(result.kind).toBe("no-match");
    expect(result.explanation.note).toContain("dashboard account");
  });
});
