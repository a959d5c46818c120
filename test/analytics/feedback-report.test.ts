import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/analytics/build-report.ts";
import { reportToText } from "../../src/analytics/report-to-text.ts";
import type { AnalyticsEvent } from "../../src/store/store.ts";

let minute = 0;
function ev(type: AnalyticsEvent["type"], fields: Partial<AnalyticsEvent> = {}): AnalyticsEvent {
  minute++;
  return { type, at: new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString(), platform: "slack", ...fields };
}

describe("feedback in the report", () => {
  const events = [
    ev("feedback", { playbook: "relay-stuck-closed", action: "fixed", data: { helped: true, faultCode: "303-RSC" } }),
    ev("feedback", {
      playbook: "relay-stuck-closed",
      action: "not-fixed",
      step: "reboot",
      data: { helped: false, faultCode: "303-RSC" },
    }),
    ev("resolved", { playbook: "relay-stuck-closed" }),
    ev("not-resolved", { playbook: "waitlist" }),
    ev("feedback", { playbook: "just-charge", action: "fixed", data: { helped: true } }),
    ev("audit", { playbook: "waitlist", data: { action: "answer" } }),
  ];
  const report = buildReport(events);

  it("counts first-answer feedback and walkthrough ends together, in totals and per playbook", () => {
    expect(report.totals.feedback).toMatchObject({ fixed: 3, notFixed: 2 });
    const rsc = report.playbooks.find((p) => p.playbook === "relay-stuck-closed");
    expect(rsc?.feedback).toEqual({
      fixed: 2,
      notFixed: 1,
      byStep: { reboot: { fixed: 0, notFixed: 1 }, end: { fixed: 1, notFixed: 0 } },
      byFaultCode: { "303-RSC": { fixed: 1, notFixed: 1 } },
    });
    expect(report.playbooks.find((p) => p.playbook === "waitlist")?.feedback).toMatchObject({ fixed: 0, notFixed: 1 });
  });

  it("says it in the text report", () => {
    expect(reportToText(report)).toContain("Did this help: 3 yes · 2 no");
  });
});
