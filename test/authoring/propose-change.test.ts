import { describe, expect, it } from "vitest";
import { groupQuestions, type InboxQuestion } from "../../src/authoring/group-questions.ts";
import { proposeChange, scoreSets } from "../../src/authoring/propose-change.ts";
import { analyseText } from "../../src/matcher/analyse-text.ts";
import { createMatcher } from "../../src/matcher/create-matcher.ts";
import type { EvalCase } from "../../src/matcher/eval-cases.ts";
import type { Playbook } from "../../src/playbooks/playbook-schema.ts";
import { makePlaybook } from "../matcher/make-playbook.ts";

const catalogue: Playbook[] = [
  makePlaybook("card-reader", ["card reader does not read cards", "rfid card reader broken", "reader light off"]),
  makePlaybook("station-offline", [
    "station is offline",
    "station unreachable from the dashboard",
    "no cellular signal",
  ]),
  makePlaybook("pricing", ["set a price per hour", "change the pricing policy", "session fee pricing"]),
];
const cases = (rows: [string, string | null][]): EvalCase[] =>
  rows.map(([text, id], i) => ({ line: i + 1, text, expect: id === null ? null : [id] }));
const sets = [
  {
    name: "dev",
    cases: cases([
      ["card reader is broken", "card-reader"],
      ["the station went offline", "station-offline"],
      ["change price per hour", "pricing"],
      ["what is the weather", null],
    ]),
  },
];
const q = (text: string, count: number, extra: Partial<InboxQuestion> = {}): InboxQuestion => ({
  text,
  count,
  kind: "match",
  lastAt: "2026-11-02T10:00:00.000Z",
  ...extra,
});

function context(playbooks = catalogue) {
  const matcher = createMatcher(playbooks);
  return { playbooks, matcher, build: createMatcher, sets, baseline: scoreSets(matcher, sets) };
}
const group = (questions: InboxQuestion[]) => groupQuestions(questions, (t) => analyseText(t).terms)[0]!;

describe("proposeChange", () => {
  it("proposes a trigger for the playbook the questions leaned to, measured on the eval sets", () => {
    const ctx = context();
    const g = group([
      q("fob tap on the pedestal does nothing", 3, { bestGuess: "card-reader", confidence: 0.3 }),
      q("pedestal ignores a fob tap", 2, { bestGuess: "card-reader", confidence: 0.2 }),
    ]);
    const proposal = proposeChange(g, ctx);
    expect(proposal).toMatchObject({
      kind: "trigger",
      playbook: "card-reader",
      phrase: "fob tap on the pedestal does nothing",
    });
    if (proposal.kind !== "trigger") return;
    expect(proposal.covers.after).toBeGreaterThan(proposal.covers.before);
    expect(proposal.covers.of).toBe(5);
    for (const e of proposal.eval) {
      expect(e.after.top1).toBeGreaterThanOrEqual(e.before.top1);
      expect(e.after.oosPrecision).toBeGreaterThanOrEqual(e.before.oosPrecision);
      expect(e.after.oosRecall).toBeGreaterThanOrEqual(e.before.oosRecall);
    }
  });

  it("never proposes a trigger that would lower an eval set", () => {
    // The eval set says "weather" is out of scope: a trigger making it a pricing question must be refused.
    const ctx = context();
    const g = group([q("what is the weather", 4, { kind: "abstain", bestGuess: "pricing", confidence: 0.15 })]);
    const proposal = proposeChange(g, ctx);
    expect(proposal.kind).toBe("new-topic");
    if (proposal.kind === "new-topic") expect(proposal.reason).toMatch(/would lower dev/);
  });

  it("calls questions the matcher reads as outside the guide a new topic", () => {
    const proposal = proposeChange(group([q("solar canopy output", 2, { kind: "out-of-scope" })]), context());
    expect(proposal).toEqual({ kind: "new-topic", reason: "the matcher reads these as outside the guide's articles" });
  });

  it("says when today's playbooks already answer every question of the group", () => {
    const proposal = proposeChange(
      group([q("card reader does not read cards at all", 2, { bestGuess: "card-reader", confidence: 0.3 })]),
      context(),
    );
    expect(proposal).toEqual({ kind: "answered-now", playbook: "card-reader" });
  });

  it("masks personal data in the proposed phrase", () => {
    const g = group([
      q("fob tap on pedestal 00:0D:6F:00:12:34 does nothing, mail jo@example.com", 3, {
        bestGuess: "card-reader",
        confidence: 0.3,
      }),
    ]);
    const proposal = proposeChange(g, context());
    expect(proposal.kind).toBe("trigger");
    if (proposal.kind === "trigger") expect(proposal.phrase).not.toMatch(/00|example|jo/);
  });
});
