import { describe, expect, it } from "vitest";
import { buildReport, noPlaybook } from "../../src/analytics/build-report.ts";
import { csvField } from "../../src/analytics/csv-row.ts";
import { csvColumns, reportToCsv } from "../../src/analytics/report-to-csv.ts";
import { reportToText } from "../../src/analytics/report-to-text.ts";
import { beforeFirstStep } from "../../src/analytics/walkthrough-funnel.ts";
import type { AnalyticsEvent } from "../../src/store/store.ts";

let minute = 0;
/** Events a minute apart, in the order written, as the engine would record them. */
function ev(type: AnalyticsEvent["type"], fields: Partial<AnalyticsEvent> = {}): AnalyticsEvent {
  minute++;
  return { type, at: new Date(Date.UTC(2024, 4, 1, 8, minute)).toISOString(), platform: "slack", ...fields };
}

function walkthrough(thread: string, playbook: string, steps: string[], end?: "complete" | "fixed" | "escalated") {
  const events = [
    ev("question", { conversation: thread, text: `about ${playbook}` }),
    ev("match", { conversation: thread, playbook, confidence: 0.9, text: `about ${playbook}` }),
    ev("walkthrough-start", { conversation: thread, playbook }),
    ...steps.map((step) => ev("step", { conversation: thread, playbook, step, action: "done" })),
  ];
  if (end) events.push(ev("walkthrough-complete", { conversation: thread, playbook }));
  if (end === "fixed") events.push(ev("resolved", { conversation: thread, playbook }));
  if (end === "escalated") {
    events.push(ev("not-resolved", { conversation: thread, playbook }));
    events.push(ev("escalation", { conversation: thread, playbook, action: "open", data: { id: "ESC-0001" } }));
    // Lifecycle changes are recorded under the same type and must not count as more escalations.
    events.push(ev("escalation", { conversation: thread, playbook, action: "claimed", data: { id: "ESC-0001" } }));
    events.push(ev("escalation", { conversation: thread, playbook, action: "resolved", data: { id: "ESC-0001" } }));
  }
  return events;
}

function crafted(): AnalyticsEvent[] {
  minute = 0;
  return [
    ...walkthrough("t1", "station-offline", ["power", "network", "sim"], "fixed"),
    ...walkthrough("t2", "station-offline", ["power", "network"]),
    ...walkthrough("t3", "station-offline", ["power", "network"]),
    ...walkthrough("t4", "station-offline", ["power"]),
    ...walkthrough("t5", "station-offline", ["power", "network", "sim"], "escalated"),
    ...walkthrough("t6", "ground-fault", [], undefined),
    ...walkthrough("t7", "ground-fault", ["inspect"], "complete"),
    ev("question", { conversation: "t8", text: "Charger   beeps at night" }),
    ev("abstain", { conversation: "t8", text: "Charger   beeps at night" }),
    ev("question", { conversation: "t9", text: "charger beeps at night" }),
    ev("abstain", { conversation: "t9", text: "charger beeps at night" }),
    ev("question", { conversation: "t10", text: "fault 999" }),
    ev("unknown-code", { conversation: "t10", text: "fault 999", data: { code: "999" } }),
    ev("question", { conversation: "t11", text: "screen flickers" }),
    ev("ambiguous", { conversation: "t11", text: "screen flickers", playbook: "display", confidence: 0.41 }),
    ev("question", { conversation: "t12", text: "slow charge, maybe" }),
    ev("match", { conversation: "t12", text: "slow charge, maybe", playbook: "slow-energy", confidence: 0.55 }),
    ev("escalation", { conversation: "t10", action: "open", data: { id: "ESC-0002" } }),
  ];
}

describe("buildReport", () => {
  const report = buildReport(crafted());
  const stats = (playbook: string) => report.playbooks.find((p) => p.playbook === playbook);

  it("counts questions per playbook, most asked first", () => {
    expect(report.playbooks.map((p) => [p.playbook, p.questions])).toEqual([
      ["station-offline", 5],
      ["ground-fault", 2],
      ["slow-energy", 1],
      [noPlaybook, 0],
    ]);
    expect(report.totals).toMatchObject({ questions: 12, matched: 8, ambiguous: 1, unmatched: 3, lowConfidence: 2 });
  });

  it("lists unmatched questions grouped by wording, most asked first, with why", () => {
    expect(report.unmatched).toEqual([
      { text: "charger beeps at night", kind: "abstain", count: 2, lastAt: expect.any(String) },
      { text: "fault 999", kind: "unknown-code", count: 1, lastAt: expect.any(String) },
    ]);
  });

  it("lists low-confidence matches and did-you-means with the best guess and confidence", () => {
    expect(report.lowConfidenceQuestions.map((q) => [q.text, q.kind, q.bestGuess, q.confidence])).toEqual([
      ["slow charge, maybe", "match", "slow-energy", 0.55],
      ["screen flickers", "ambiguous", "display", 0.41],
    ]);
    expect(buildReport(crafted(), { lowConfidence: 0.5 }).lowConfidenceQuestions.map((q) => q.text)).toEqual([
      "screen flickers",
    ]);
  });

  it("reports walkthrough completion and the step where most unfinished ones stopped", () => {
    expect(stats("station-offline")).toMatchObject({
      walkthroughsStarted: 5,
      walkthroughsCompleted: 2,
      completionRate: 0.4,
      dropOff: { step: "network", count: 2 },
    });
    expect(stats("ground-fault")).toMatchObject({
      walkthroughsStarted: 2,
      walkthroughsCompleted: 1,
      dropOff: { step: beforeFirstStep, count: 1 },
    });
    expect(report.totals).toMatchObject({ walkthroughsStarted: 7, walkthroughsCompleted: 3 });
  });

  it("counts resolutions and escalations (not lifecycle changes), with the rate per playbook", () => {
    expect(stats("station-offline")).toMatchObject({ resolved: 1, notResolved: 1, escalations: 1 });
    expect(stats("station-offline")?.escalationRate).toBeCloseTo(0.2);
    expect(stats("ground-fault")?.escalationRate).toBe(0);
    expect(stats(noPlaybook)).toMatchObject({ escalations: 1, escalationRate: null });
    expect(report.totals.escalations).toBe(2);
    expect(report.totals.escalationRate).toBeCloseTo(2 / 7);
  });

  it("a new walkthrough in the same thread ends the previous one where it stood", () => {
    minute = 0;
    const events = [
      ev("walkthrough-start", { conversation: "t", playbook: "a" }),
      ev("step", { conversation: "t", playbook: "a", step: "s1" }),
      ev("walkthrough-start", { conversation: "t", playbook: "a" }),
      ev("step", { conversation: "t", playbook: "a", step: "s1" }),
      ev("step", { conversation: "t", playbook: "a", step: "s2" }),
      ev("walkthrough-complete", { conversation: "t", playbook: "a" }),
    ];
    expect(buildReport(events).playbooks[0]).toMatchObject({
      walkthroughsStarted: 2,
      walkthroughsCompleted: 1,
      dropOff: { step: "s1", count: 1 },
    });
  });

  it("keeps to the window: since is inclusive, and walkthroughs started before it are left out", () => {
    const events = crafted();
    const t5Start = events.find((e) => e.conversation === "t5" && e.type === "walkthrough-start")!;
    const windowed = buildReport(events, { since: t5Start.at });
    expect(windowed.since).toBe(t5Start.at);
    expect(windowed.playbooks.find((p) => p.playbook === "station-offline")).toMatchObject({
      questions: 0,
      walkthroughsStarted: 1,
      walkthroughsCompleted: 1,
      escalations: 1,
    });
    expect(windowed.events).toBe(events.filter((e) => e.at >= t5Start.at).length);
    expect(buildReport(events, { since: "2030-01-01" })).toMatchObject({ events: 0, playbooks: [], unmatched: [] });
    // Bounds with an offset mean the same instant as in UTC.
    const offset = buildReport(events, { since: "2024-05-01T10:30:00+02:00" });
    expect(offset.since).toBe("2024-05-01T08:30:00.000Z");
    expect(offset.events).toBe(events.filter((e) => e.at >= "2024-05-01T08:30:00.000Z").length);
  });
});

describe("reportToText", () => {
  it("shows the totals, the per-playbook table and both question lists", () => {
    const text = reportToText(buildReport(crafted()));
    expect(text).toContain("cpbot report: all time (");
    expect(text).toMatch(/Walkthroughs: 7 started · 3 completed \(43%\)/);
    // … fixed, not fixed, then helped yes/no (the walkthrough ends here: no first-answer feedback), escalated.
    expect(text).toMatch(/station-offline\s+5\s+5\s+2 \(40%\)\s+network \(2\)\s+1\s+1\s+1\/1\s+1\s+20%/);
    expect(text).toMatch(/2×\s+charger beeps at night\s+no match/);
    expect(text).toMatch(/1×\s+fault 999\s+unknown fault code/);
    expect(text).toMatch(/screen flickers\s+display\s+0\.41/);
  });

  it("says so when nothing was recorded", () => {
    expect(reportToText(buildReport([], { since: "2024-05-01" }))).toContain("Nothing recorded in this period yet.");
  });
});

describe("reportToCsv", () => {
  it("is one rectangular table with a section column", () => {
    const csv = reportToCsv(buildReport(crafted()));
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(csvColumns.join(","));
    expect(lines[1]).toBe("total,(all),12,7,3,0.4286,,,1,1,2,0.2857,,,,,");
    expect(lines).toContain("playbook,station-offline,5,5,2,0.4,network,2,1,1,1,0.2,,,,,");
    expect(
      lines.some((l) => l.startsWith('low-confidence,slow-energy,,,,,,,,,,,"slow charge, maybe",match,1,0.55,')),
    ).toBe(true);
    // Every row has the same number of fields once quoted commas are accounted for.
    for (const line of lines) expect(line.replace(/"[^"]*"/g, "x").split(",")).toHaveLength(csvColumns.length);
  });

  it("quotes commas, quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-0.5)).toBe("-0.5");
    expect(csvField(null)).toBe("");
  });
});
