import { describe, expect, it } from "vitest";
import { namesAnArticle } from "../../src/matcher/names-an-article.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// The tenth round of issue 13: a feature named by its own name keeps an adjacent topic's word from declining
// the message. None of these sentences is from an evaluation set.
const match = (text: string) => realMatcher().matcher.match(text);

describe("an article's feature named by its own name", () => {
  it.each([
    ["the hoa wants the org set to multifamily", true],
    ["is the wait list on for bay 3", true],
    ["flex billing for the condo board", true],
    ["order more rfid cards", false],
    ["a new head after the earth fault, how much", false],
    ["just a question about charges", false],
  ])("%j → %s", (text, expected) => {
    expect(namesAnArticle(normaliseText(text))).toBe(expected);
  });

  it("answers Multifamily beside a homeowners association", () => {
    expect(match("homeowners association building, org has to be a multifamily type").playbook).toBe("multifamily");
  });

  it("still declines what decides alone beside an article's name", () => {
    expect(match("release notes for the waitlist feature").kind).toBe("no-match");
  });
});
