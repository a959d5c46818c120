import { describe, expect, it } from "vitest";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { remedyQuestionPositions } from "../../src/matcher/remedy-asked.ts";
import { settingAskedConcepts } from "../../src/matcher/setting-asked.ts";
import { realMatcher } from "./real-matcher.ts";

// The eleventh round's settings asked about before a change, each with look-alikes that keep their reading.
// None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
/** The leading playbook, whether the matcher is sure or offers it first. */
const leader = (text: string) => {
  const r = realMatcher().matcher.match(text);
  return r.playbook ?? r.alternatives[0]?.playbook ?? null;
};

describe("a setting asked about before it is changed", () => {
  it.each([
    ["before turning on circuit sharing, will one car charge slower?", ["circuit sharing"]],
    ["if we switch on Just Charge do drivers still tap a card", ["justcharge authfree"]],
    ["thinking of lowering power select to 30, is that risky", ["circuit sharing"]],
    ["if I map the pricing policy to guests only, will staff still be free", ["pricing policy rule"]],
    ["would applying the waitlist policy affect drivers already plugged in", ["waitlist policy"]],
    ["circuit sharing is disabled, does the owner still pay the fee", []],
    ["since we enabled circuit sharing both cars charge slowly", []],
    ["after turning on just charge the cards stopped working", []],
    ["we turned on circuit sharing and now one car is slow, will a reboot help", []],
    ["does a driver need a payment method on file if the station is free", []],
    ["circuit sharing enabled on the unit in bay 2", []],
  ])("%j → %j", (text, expected) => {
    expect(settingAskedConcepts(words(text))).toEqual(expected);
  });

  it.each([
    ["before we switch on Just Charge, do drivers still have to tap their rfid card to start?", "just-charge"],
    ["if I map the pricing policy to the guests group only, will employees keep charging free?", "pricing-policy"],
  ])("reads the setting's article, not the effect feared: %j", (text, playbook) => {
    expect(leader(text)).toBe(playbook);
  });

  it.each([
    ["since we switched on Just Charge the card reader does not respond to taps", "rfid-reader"],
    ["circuit sharing is on and both cars only get 3.3 kW", "circuit-sharing"],
  ])("leaves a change already made to the symptom: %j", (text, playbook) => {
    expect(leader(text)).toBe(playbook);
  });
});

describe("replacing words said of a station message or a policy", () => {
  it("drops them, and keeps the station of a station message", () => {
    const w = words("will a new station message replace the old one");
    expect(remedyQuestionPositions(w).map((k) => w[k])).toEqual(["new", "replace"]);
  });

  it("still drops a new head asked about as a fault's remedy", () => {
    const w = words("do we need a new head for this unit");
    expect(remedyQuestionPositions(w).map((k) => w[k])).toEqual(["new", "head"]);
  });

  it("answers Station Messages for a new message that replaces the old", () => {
    expect(leader("before applying a new station message to the lot, will it replace the old one?")).toBe(
      "station-messages",
    );
    expect(
      realMatcher().matcher.match("before applying a new station message to the lot, will it replace the old one?")
        .kind,
    ).toBe("match");
  });
});
