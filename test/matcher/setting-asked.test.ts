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
    ["opened the General tab to set Usable by and it is not there", ["access policy usable"]],
    ["where do I change power select", ["circuit sharing"]],
    ["if we flip the staff garage to Just Charge, will the alarms stop", ["justcharge authfree"]],
    ["if we switch the whole fleet yard to Just Charge, will the badge alarms go away", ["justcharge authfree"]],
    ["we switch on the lights in the garage next to the just charge station", []],
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

describe("a setting sought on the wrong tab", () => {
  it.each([
    "went to the Status tab to change Usable by but it isn't there",
    "opened the General tab to set Usable by and it is not there",
  ])("answers the setting's article, sure of it: %j", (text) => {
    const r = realMatcher().matcher.match(text);
    expect([r.kind, r.playbook]).toEqual(["match", "access-control"]);
  });
});

describe("a person charged money, said in the present", () => {
  it.each(["this station charges drivers twice what it should", "our price thing is charging visitors double"])(
    "answers Pricing Policy: %j",
    (text) => {
      expect(leader(text)).toBe("pricing-policy");
    },
  );
});

describe("a new hire's words for the signal reading", () => {
  it("answers Station Unreachable for the cell tower number", () => {
    expect(realMatcher().matcher.match("where can I see the cell tower number for the lot B charger").playbook).toBe(
      "station-unreachable",
    );
  });
});

describe("who may charge, read from the effect feared of another article's setting", () => {
  it("is the scene: the pricing policy leads with no Access Control beside it", () => {
    const r = realMatcher().matcher.match(
      "before I map the pricing policy to the contractors group only, can staff keep charging for free?",
    );
    expect(r.playbook).toBe("pricing-policy");
    expect(r.alternatives.map((a) => a.playbook)).not.toContain("access-control");
    expect((r.explanation.synonyms ?? []).map((x) => x.to)).toContain("the effect feared, not the question");
  });

  it("stays when the setting asked about is who may charge", () => {
    const r = realMatcher().matcher.match(
      "if I change the access policy to employees only, can visitors still charge?",
    );
    expect(r.playbook).toBe("access-control");
  });
});
