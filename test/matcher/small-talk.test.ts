import { describe, expect, it } from "vitest";
import { isSmallTalk } from "../../src/matcher/small-talk.ts";
import { realMatcher } from "./real-matcher.ts";

describe("small talk", () => {
  it.each([
    "hi",
    "Hello there!",
    "thanks so much",
    "ty",
    "good morning team",
    "are you a bot?",
    "is this a real person",
    "who am I talking to",
    "ok cool, thanks",
    "ok",
    "haha",
    "what's your name?",
    "who made you",
    "tell me a joke",
    "never mind",
    "👍",
    ":thumbsup:",
  ])("%j is small talk", (text) => {
    expect(isSmallTalk(text)).toBe(true);
  });

  it.each([
    "thanks, relay stuck closed on port 1",
    "hi, station is offline",
    "hello waitlist notification never came",
    "thanks for nothing, the charger is still broken",
    "",
    "   ",
    "no",
    "what is the station name",
    "never mind the waitlist, the card reader is dead",
  ])("%j is not small talk", (text) => {
    expect(isSmallTalk(text)).toBe(false);
  });

  it("the matcher abstains on small talk with kind small-talk and says why", () => {
    const result = realMatcher().matcher.match("thanks, appreciate it");
    expect(result).toMatchObject({ kind: "no-match", playbook: null, outOfScopeKind: "small-talk" });
    expect(result.explanation.note).toContain("small talk");
  });

  it("a greeting in front of a fault code does not hide the code", () => {
    expect(realMatcher().matcher.match("hi, 303-RSC on port 2")).toMatchObject({
      kind: "fault-code",
      playbook: "relay-stuck-closed",
    });
  });
});

describe("out-of-scope kinds", () => {
  const { matcher } = realMatcher();
  it("a dashboard feature the guide shows without a playbook is a dashboard-feature", () => {
    expect(matcher.match("how do I upload a video ad")).toMatchObject({
      kind: "no-match",
      outOfScopeKind: "dashboard-feature",
    });
  });

  it("a neighbouring topic the guide does not cover is an adjacent-topic and the note says the guide does not cover it", () => {
    const result = matcher.match("what wire gauge should the electrician pull for the new circuit");
    expect(result).toMatchObject({ kind: "no-match", outOfScopeKind: "adjacent-topic" });
    expect(result.explanation.note).toContain("the guide does not cover");
  });

  it("a match carries no out-of-scope kind", () => {
    expect(matcher.match("relay stuck closed").outOfScopeKind).toBeUndefined();
  });
});
