import { describe, expect, it } from "vitest";
import { type Decision, offerWhenWeak } from "../../src/matcher/decide-match.ts";
import { realMatcher } from "./real-matcher.ts";

const abstained: Decision = { kind: "no-match", playbook: null, confidence: 0.24, alternatives: [] };
const best = { playbook: "station-unreachable", confidence: 0.24 };
/**
 * Evidence as the matcher passes it. By default the guide's own words and the topics change nothing: the
 * probability times that coverage is the abstained-on confidence, as in the matcher.
 */
const evidence = (e: { probability: number; coverage: number; supportingWords: number }, more = {}) => ({
  inScopeProbability: e.probability,
  guideCoverage: best.confidence / e.probability,
  threshold: 0.25,
  ...e,
  ...more,
});

describe("weak evidence is offered as a did-you-mean, not dropped", () => {
  it("a clear favourite on two words, discounted only by unknown words, becomes a did-you-mean", () => {
    expect(offerWhenWeak(abstained, best, evidence({ probability: 0.55, coverage: 0.45, supportingWords: 2 }))).toEqual(
      {
        kind: "ambiguous",
        playbook: "station-unreachable",
        confidence: 0.24,
        alternatives: [],
      },
    );
  });

  it.each([
    ["one word speaks for it", { probability: 0.95, coverage: 0.45, supportingWords: 1 }],
    ["it is not the scorer's clear favourite", { probability: 0.4, coverage: 0.6, supportingWords: 3 }],
    ["most of the message is unknown to the domain", { probability: 0.95, coverage: 0.23, supportingWords: 2 }],
  ])("still abstains when %s", (_why, e) => {
    expect(offerWhenWeak(abstained, best, evidence(e))).toBe(abstained);
  });

  it("offers a playbook that clears the threshold once the guide's own words count as the domain's", () => {
    const onOneWord = { probability: 0.84, coverage: 0.29, supportingWords: 1 };
    expect(offerWhenWeak(abstained, best, evidence(onOneWord))).toBe(abstained);
    expect(offerWhenWeak(abstained, best, evidence(onOneWord, { guideCoverage: 0.9 }))).toMatchObject({
      kind: "ambiguous",
      playbook: "station-unreachable",
      confidence: 0.24,
    });
  });

  it("reads the probability among the playbooks alone when no topic has a word of its own", () => {
    const spread = { probability: 0.2, coverage: 0.7, supportingWords: 1 };
    const onGuide = { guideCoverage: 0.7 };
    expect(offerWhenWeak(abstained, best, evidence(spread, onGuide))).toBe(abstained);
    expect(offerWhenWeak(abstained, best, evidence(spread, { ...onGuide, inScopeProbability: 0.45 }))).toMatchObject({
      kind: "ambiguous",
    });
    // Still below the threshold among the playbooks (0.3 × 0.7): abstain.
    expect(offerWhenWeak(abstained, best, evidence(spread, { ...onGuide, inScopeProbability: 0.3 }))).toBe(abstained);
  });

  it("leaves a match or a did-you-mean as it was", () => {
    const match: Decision = { kind: "match", playbook: "station-unreachable", confidence: 0.9, alternatives: [] };
    expect(offerWhenWeak(match, best, evidence({ probability: 0.9, coverage: 1, supportingWords: 3 }))).toBe(match);
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
