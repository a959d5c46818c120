import { describe, expect, it } from "vitest";
import { type Decision, offerWhenWeak } from "../../src/matcher/decide-match.ts";
import { realMatcher } from "./real-matcher.ts";

const abstained: Decision = { kind: "no-match", playbook: null, confidence: 0.24, alternatives: [] };
const best = { playbook: "station-unreachable", confidence: 0.24 };

describe("weak evidence is offered as a did-you-mean, not dropped", () => {
  it("a clear favourite on two words, discounted only by unknown words, becomes a did-you-mean", () => {
    expect(offerWhenWeak(abstained, best, { probability: 0.55, coverage: 0.45, supportingWords: 2 })).toEqual({
      kind: "ambiguous",
      playbook: "station-unreachable",
      confidence: 0.24,
      alternatives: [],
    });
  });

  it.each([
    ["one word speaks for it", { probability: 0.95, coverage: 0.45, supportingWords: 1 }],
    ["it is not the scorer's clear favourite", { probability: 0.4, coverage: 0.6, supportingWords: 3 }],
    ["most of the message is unknown to the domain", { probability: 0.95, coverage: 0.23, supportingWords: 2 }],
  ])("still abstains when %s", (_why, evidence) => {
    expect(offerWhenWeak(abstained, best, evidence)).toBe(abstained);
  });

  it("leaves a match or a did-you-mean as it was", () => {
    const match: Decision = { kind: "match", playbook: "station-unreachable", confidence: 0.9, alternatives: [] };
    expect(offerWhenWeak(match, best, { probability: 0.9, coverage: 1, supportingWords: 3 })).toBe(match);
  });

  it("on the real playbooks: a short line with unknown words gets a did-you-mean; an unrelated one abstains", () => {
    const { matcher } = realMatcher();
    expect(matcher.match("signal strength zorbled yesterday apparently")).toMatchObject({
      kind: "ambiguous",
      playbook: "station-unreachable",
    });
    expect(matcher.match("what's the share price of CHPT today")).toMatchObject({ kind: "no-match" });
  });
});
