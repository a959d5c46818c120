import { afterEach, describe, expect, it } from "vitest";
import type { Card } from "../../src/cards/card-schema.ts";
import { buttonsOf, Harness, registry, textOf } from "./engine-harness.ts";
import { movesTo } from "./walk-path.ts";

let h: Harness;
afterEach(() => h?.close());

/** Opens a playbook, starts the walkthrough and presses the buttons that lead to `stepId`. */
async function walkTo(playbookId: string, stepId: string): Promise<Card | undefined> {
  const playbook = registry.get(playbookId);
  if (!playbook) throw new Error(`no playbook ${playbookId}`);
  const opened = await h.cp(`open ${playbookId}`);
  let card = (await h.press(opened.cards[0], "Start walkthrough")).cards[0];
  for (const move of movesTo(playbook, stepId)) {
    card = (await h.press(card, move.kind === "done" ? "Done" : move.label)).cards[0];
  }
  return card;
}

// The audit's 9 steps where the card claimed "The guide says to contact Support" but the guide does not.
const notSupport: [string, string][] = [
  ["breakaway", "consider-head-replacement"],
  ["breakaway", "report-further-damage"],
  ["hardware-fault", "consider-head-replacement"],
  ["pilot-unreachable", "consider-head-replacement"],
  ["relay-stuck-closed", "replace-head"],
  ["rfid-reader", "replace-head-rfid"],
  ["slow-zero-energy", "replace-station-slow"],
  ["slow-zero-energy", "replace-station-zero"],
  ["earth-ground-fault", "hand-evidence-to-support"],
];

describe("escalation is offered, never opened silently, where the guide does not say Support", () => {
  it.each(notSupport)("%s / %s: no Support claim, Done offers the escalation without opening it", async (id, step) => {
    h = new Harness();
    const card = await walkTo(id, step);
    expect(textOf(card)).not.toContain("The guide says to contact Support");
    const end = await h.press(card, "Done");
    expect(end.cards[0]?.kind).toBe("walkthrough-end");
    expect(h.transport.posts).toHaveLength(0);
    const said = textOf(end.cards[0]);
    expect(said).toMatch(/Next action: station (head )?replacement|Team addition/);
    const labels = buttonsOf(end.cards[0]).map((b) => b.label);
    // "press Escalate" in a replacement note has its button on the end card, beside the two answers.
    expect(labels).toEqual(
      said.includes("Next action") ? ["Fixed it", "Didn't help", "Escalate…"] : ["Fixed it", "Didn't help"],
    );
    // "Didn't help" is an answer, not a request: it offers the escalation and opens nothing.
    const offer = await h.press(end.cards[0], "Didn't help");
    expect(offer.cards[0]?.title).toMatch(/^Didn't help: /);
    expect(textOf(offer.cards[0])).toContain("Nothing has been sent to Support.");
    expect(h.transport.posts).toHaveLength(0);
    expect(await h.store.listEscalations()).toEqual([]);
    // The offer is real: the person can still take it, and the handoff says the walkthrough did not fix it.
    const escalated = await h.press(offer.cards[0], "Escalate…");
    expect(escalated.cards[0]?.title).toMatch(/^Escalated to Support: ESC-[A-Z]{4}-\d{4}/);
    const [escalation] = await h.store.listEscalations();
    expect(escalation?.handoff).toMatchObject({ trigger: "not-fixed" });
  });

  it("a step where the guide does say contact Support still opens the escalation on Done", async () => {
    h = new Harness();
    const card = await walkTo("pricing-policy", "contact-support-pricing");
    expect(textOf(card)).toContain("The guide says to contact Support at this step.");
    const end = await h.press(card, "Done");
    expect(end.cards[0]?.title).toMatch(/^Escalated to Support: ESC-[A-Z]{4}-\d{4}/);
    expect(h.transport.posts).toHaveLength(1);
  });

  it("the step card shows where in the guide the step comes from", async () => {
    h = new Harness();
    const card = await walkTo("relay-stuck-closed", "replace-head");
    expect(textOf(card)).toMatch(/Guide: Charging Station Out of Service Due to Relay Stuck Closed, lines? \d+/);
  });
});

describe("a step that stops the walkthrough stops it", () => {
  it("firmware upgrade: a blacklisted station ends at the stop, never reaching the upgrade steps", async () => {
    h = new Harness();
    const card = await walkTo("firmware-upgrade", "stop-blacklisted");
    expect(textOf(card)).toContain("do not upgrade the firmware");
    const end = await h.press(card, "Done");
    expect(end.cards[0]?.kind).toBe("walkthrough-end");
    expect(textOf(end.cards[0])).toContain("Stopped here:");
    // Buttons from the ended walkthrough move nothing on: the upgrade steps never show.
    const again = await h.press(card, "Done");
    expect(textOf(again.cards[0])).not.toContain("Upgrade Options");
    expect(h.transport.posts).toHaveLength(0);
  });

  it("firmware upgrade: Skip on the stop ends it too", async () => {
    h = new Harness();
    const card = await walkTo("firmware-upgrade", "stop-blacklisted");
    const end = await h.press(card, "Skip");
    expect(end.cards[0]?.kind).toBe("walkthrough-end");
  });

  it("firmware upgrade: a station that may be upgraded goes on to the station family and upload", async () => {
    h = new Harness();
    const card = await walkTo("firmware-upgrade", "select-org-stations");
    const next = await h.press(card, "Done");
    expect(textOf(next.cards[0])).toContain("Which station family is it?");
  });
});
