import { afterEach, describe, expect, it } from "vitest";
import { buildReport } from "../../src/analytics/build-report.ts";
import type { AnalyticsEvent } from "../../src/store/store.ts";
import { buttonsOf, Harness, textOf } from "./engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

async function feedbackEvents(): Promise<AnalyticsEvent[]> {
  return (await h.store.listEvents({ types: ["feedback"] })) as AnalyticsEvent[];
}

describe("Did this help? at the first answer", () => {
  it("Fixed it on the overview is stored per playbook, step and fault code, once per question", async () => {
    h = new Harness();
    const [overview] = (await h.say("the station shows 303-RSC")).cards;
    expect(buttonsOf(overview).map((b) => b.label)).toContain("Fixed it");
    const thanks = await h.press(overview, "Fixed it");
    expect(thanks.cards[0]?.title).toBe("Thanks for the feedback");
    expect(textOf(thanks.cards[0])).toContain("recorded “Fixed it” for Relay Stuck Closed (303-RSC)");
    expect(await feedbackEvents()).toEqual([
      expect.objectContaining({
        playbook: "relay-stuck-closed",
        step: "(first answer)",
        action: "fixed",
        data: expect.objectContaining({ helped: true, faultCode: "303-RSC" }),
      }),
    ]);
    // A second press (or a change of mind) is answered but not counted again.
    const again = await h.press(overview, "Didn't help");
    expect(textOf(again.cards[0])).toContain("already recorded");
    expect(await feedbackEvents()).toHaveLength(1);
    expect(await h.store.listEscalations()).toEqual([]);
  });

  it("typed words count as the buttons: it worked, still broken, didn't help", async () => {
    h = new Harness();
    await h.say("relay stuck closed", { thread: "T1" });
    const worked = await h.say("it worked", { thread: "T1" });
    expect(worked.cards[0]?.title).toBe("Thanks for the feedback");

    await h.say("relay stuck closed", { thread: "T2" });
    const broken = await h.say("still broken", { thread: "T2" });
    expect(broken.cards[0]?.title).toBe("Didn't help: Relay Stuck Closed (303-RSC)");

    await h.say("the pin for my station is in the wrong place on the map", { thread: "T3" });
    const didnt = await h.say("didn't help", { thread: "T3" });
    expect(didnt.cards[0]?.title).toMatch(/^Didn't help: Bad PinPoint/);

    expect((await feedbackEvents()).map((e) => [e.playbook, e.action])).toEqual([
      ["relay-stuck-closed", "fixed"],
      ["relay-stuck-closed", "not-fixed"],
      ["bad-pinpoint", "not-fixed"],
    ]);
    // Words that answer the question are not questions: nothing unmatched, nothing escalated.
    expect(await h.store.listEvents({ types: ["abstain"] })).toEqual([]);
    expect(await h.store.listEscalations()).toEqual([]);
  });

  it("Didn't help offers the guide's escalation and the walkthrough; only Escalate… opens one", async () => {
    h = new Harness();
    const [overview] = (await h.say("relay stuck closed")).cards;
    const offer = (await h.press(overview, "Didn't help")).cards[0];
    expect(textOf(offer)).toContain("Escalate to Support when");
    expect(textOf(offer)).toContain("Have this ready for Support");
    expect(buttonsOf(offer).map((b) => b.label)).toEqual(["Start walkthrough", "Escalate…"]);
    expect(h.transport.posts).toEqual([]);
    expect(await h.store.listEscalations()).toEqual([]);

    const opened = await h.press(offer, "Escalate…");
    expect(opened.cards[0]?.title).toMatch(/^Escalated to Support: ESC-[A-Z]{4}-\d{4}/);
    const [escalation] = await h.store.listEscalations();
    expect(escalation?.playbook).toBe("relay-stuck-closed");
  });

  it("a set-up article asks Done / Stuck, and typed done / stuck answer it", async () => {
    h = new Harness();
    const [overview] = (await h.say("how do I set up a station message", { thread: "T1" })).cards;
    expect(
      buttonsOf(overview)
        .map((b) => b.label)
        .slice(-2),
    ).toEqual(["Done", "Stuck"]);
    const done = await h.say("done", { thread: "T1" });
    expect(textOf(done.cards[0])).toContain("recorded “Done” for Station Messages");

    await h.say("how do I set up a station message", { thread: "T2" });
    const stuck = await h.say("stuck", { thread: "T2" });
    expect(stuck.cards[0]?.title).toBe("Stuck: Station Messages");
    expect((await feedbackEvents()).map((e) => [e.playbook, e.action, e.data])).toEqual([
      ["station-messages", "fixed", { helped: true, question: expect.any(String) }],
      ["station-messages", "not-fixed", { helped: false, question: expect.any(String) }],
    ]);
  });

  it("pressed during that playbook's walkthrough, it is stored at the step the walkthrough stands on", async () => {
    h = new Harness();
    const [overview] = (await h.cp("fault 303-RSC")).cards;
    const first = (await h.press(overview, "Start walkthrough")).cards[0];
    await h.press(first, "Done");
    await h.press(overview, "Didn't help");
    const [event] = await feedbackEvents();
    expect(event?.step).toBe("open-stations");
    expect(event?.data).toMatchObject({ faultCode: "303-RSC" });
  });

  it("the report counts first answers and walkthrough ends together, by step and fault code", async () => {
    h = new Harness();
    const [overview] = (await h.say("relay stuck closed", { thread: "T1" })).cards;
    await h.press(overview, "Fixed it", { thread: "T1" });
    await h.say("earth ground fault 202-EF", { thread: "T2" });
    await h.say("still broken", { thread: "T2" });
    const report = buildReport((await h.store.listEvents()) as AnalyticsEvent[]);
    expect(report.totals.feedback).toMatchObject({ fixed: 1, notFixed: 1 });
    const rsc = report.playbooks.find((p) => p.playbook === "relay-stuck-closed");
    expect(rsc?.feedback).toEqual({
      fixed: 1,
      notFixed: 0,
      byStep: { "(first answer)": { fixed: 1, notFixed: 0 } },
      byFaultCode: { "303-RSC": { fixed: 1, notFixed: 0 } },
    });
    const egf = report.playbooks.find((p) => p.playbook === "earth-ground-fault");
    expect(egf?.feedback.byFaultCode).toEqual({ "202-EF": { fixed: 0, notFixed: 1 } });
  });
});
