import { describe, expect, it } from "vitest";
import { analyseText } from "../../src/matcher/analyse-text.ts";
import { applyNegationScope, authFreeConcept } from "../../src/matcher/negation-scope.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { observedConcepts } from "../../src/matcher/observed-concepts.ts";
import { lineMeansQueue } from "../../src/matcher/queue-line.ts";
import { synonyms } from "../../src/matcher/synonyms.ts";
import { realMatcher } from "./real-matcher.ts";

const terms = (text: string) => analyseText(text).terms;
const conceptTerms = (concept: string) => analyseText(concept).terms;

describe("observed concepts add the concept and keep the person's words", () => {
  it.each([
    ["the driver was turned away", "denied", "turn"],
    ["station is private", "restricted", "privat"],
    ["it was my turn to charge", "queue", "turn"],
    ["owner cheques go to the old office", "paper check", "check"],
    ["idle fee after the car was full", "overstay", "idle"],
  ])("%j reads as %s and still says %s", (text, concept, word) => {
    const read = terms(text);
    for (const t of conceptTerms(concept)) expect(read, text).toContain(t);
    expect(read, text).toContain(word);
  });

  it("every variant is listed once, under one concept, in the whole table", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [canonical, variants] of Object.entries(synonyms)) {
      for (const v of variants) {
        const key = normaliseText(v);
        if (seen.has(key) && seen.get(key) !== canonical) twice.push(`${v}: ${seen.get(key)} and ${canonical}`);
        seen.set(key, canonical);
      }
    }
    expect(twice).toEqual([]);
    expect(Object.keys(observedConcepts).length).toBeGreaterThan(10);
  });

  it("an amount of money is a price, whatever the sign", () => {
    for (const text of ["driver paid $9", "it cost €4.50", "£12 for an hour"]) {
      expect(terms(text), text).toEqual(expect.arrayContaining(conceptTerms("price")));
    }
    expect(normaliseText("paid $9.50")).toBe("paid dollars 9.50");
  });

  it("a function word is never 'fixed' into a phrase: turn on power is not no power", () => {
    const { matcher } = realMatcher();
    const result = matcher.match("should we turn on power sharing on a CT4020 with one breaker");
    expect(result.explanation.corrections ?? []).toEqual([]);
    expect(result.playbook).toBe("circuit-sharing");
  });

  it("needing nothing at all to start is charging without authentication", () => {
    expect(applyNegationScope("drivers should not need anything to start".split(" "))).toEqual(
      "drivers should not".split(" ").concat(authFreeConcept, "to", "start"),
    );
    // A replacement nobody needs is the denied-replacement rule's, not authentication.
    expect(applyNegationScope("we do not need anything replaced".split(" "))).not.toContain(authFreeConcept);
  });
});

describe("phrases are not 'corrected' out of ordinary words", () => {
  it("turn off is not torn off, turn on power is not no power", () => {
    for (const text of ["how to turn off notifications", "turn on power sharing"]) {
      expect(analyseText(text).corrections, text).toEqual([]);
    }
  });
});

describe("no authentication and screen wording, said another way", () => {
  it("'should not have to badge in' denies authentication", () => {
    expect(applyNegationScope("buses should not have to badge in".split(" "))).toContain(authFreeConcept);
    expect(applyNegationScope("the card does not have to be replaced".split(" "))).not.toContain(authFreeConcept);
  });

  it("the chargers asked to show something is a station message", () => {
    const { matcher } = realMatcher();
    expect(matcher.match("we want the chargers to show our lot rules to drivers").playbook).toBe("station-messages");
  });
});

describe("a line people wait in is the waitlist's queue", () => {
  const at = (text: string) => {
    const words = text.split(" ");
    return lineMeansQueue(words, words.indexOf("line"));
  };
  it.each(["drivers can not join the line", "edit the line policy", "at the front of the line", "the line is long"])(
    "%j is a queue",
    (text) => expect(at(text)).toBe(true),
  );
  it.each(["text line 1 is too long", "line 2 of the message", "first line of the screen", "power line voltage"])(
    "%j is not",
    (text) => expect(at(text)).toBe(false),
  );
});

describe("the real matcher on articles described by their effect", () => {
  it.each([
    ["a visitor keeps being refused at the staff charger", "access-control"],
    ["the chargers only let certain people charge now", "access-control"],
    ["she was next in line and nobody pinged her", "waitlist"],
    ["people skip the line at the lot chargers", "waitlist"],
    ["members should get a discount but pay the standard rate", "pricing-policy"],
    ["the owner's checks keep going to an address they left", "flex-billing"],
    ["the fleet wants the chargers always on for any car", "just-charge"],
  ])("%j → %s", (text, playbook) => {
    expect(realMatcher().matcher.match(text).playbook).toBe(playbook);
  });
});
