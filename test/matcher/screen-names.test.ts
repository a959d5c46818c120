import { describe, expect, it } from "vitest";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { screenNameConcepts } from "../../src/matcher/screen-names.ts";
import { realMatcher } from "./real-matcher.ts";

// The eighth round of issue 13: an article asked by a field, option or column of its own screens. None of
// these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("the names on an article's own screens", () => {
  it.each([
    ["should Set Factory Default be ticked", ["firmware upgrade"]],
    ["is the OCPP protocol right for the search", ["firmware upgrade"]],
    ["send it immediately or schedule the upload", ["firmware upgrade"]],
    ["what does the Variable Service Fee column mean", ["flex billing"]],
    ["our org type is wrong", ["multifamily"]],
    ["can Verify drivers by be an email address", ["connection code"]],
    ["is load shed on for port 2", ["circuit sharing"]],
    ["the protocol for the meeting is on the wiki", []],
    ["please reply immediately", []],
    ["the station shows a new status", []],
    // A station at fault is the fault's article, whatever screen the message passes through.
    ["set factory default after port 1 faulted", []],
    ["the maintenance flag was cleared but port 1 is still faulted", ["hardware fault"]],
  ])("%j → %j", (text, expected) => {
    expect(screenNameConcepts(words(text))).toEqual(expected);
  });

  it.each([
    ["which value for Switch Bank when pushing the GA build", "firmware-upgrade"],
    ["Absolute Time or Immediate for tonight's push to the garage", "firmware-upgrade"],
    ["where is the Fixed Service Fee for our org shown", "flex-billing"],
    ["the Maximum Charging Time on our queue policy is too short", "waitlist"],
    ["where do I see Load Shed for a port", "circuit-sharing"],
  ])("%j → %s", (text, expected) => {
    expect(match(text).playbook).toBe(expected);
  });

  it("leaves a plain-English protocol and an urgent request where they were", () => {
    expect(match("what is the protocol for visitors signing in at reception").playbook).not.toBe("firmware-upgrade");
    expect(match("call me back immediately please").kind).toBe("no-match");
    expect(match("a new version of the driver app came out").kind).not.toBe("match");
  });
});

describe("a line's length in letters", () => {
  it("is Station Messages' text line", () => {
    expect(match("how many letters fit on the first line of the screen").playbook).toBe("station-messages");
  });
});
