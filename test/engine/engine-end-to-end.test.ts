import { afterEach, describe, expect, it } from "vitest";
import type { Card } from "../../src/cards/card-schema.ts";
import { escId, escPattern } from "../escalation-id.ts";
import { ann, bob, buttonsOf, Harness, registry, sue, textOf } from "./engine-harness.ts";

const version = registry.get("relay-stuck-closed")?.version;

const faulted = "1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,8,NONE,0xA1,NA";

let h: Harness;
afterEach(() => h?.close());

function stepTitle(card: Card | undefined): string {
  return card?.kind === "step" ? card.title : `(${card?.kind}: ${card?.title})`;
}

/** Walks from the overview of relay-stuck-closed to the choice step, entering the status paste. */
async function walkToChoice(overview: Card | undefined, restartAfterFirstStep = false): Promise<Card | undefined> {
  let card = (await h.press(overview, "Start walkthrough")).cards[0];
  expect(stepTitle(card)).toMatch(/^Step 1 of \d+: Relay Stuck Closed/);
  card = (await h.press(card, "Done")).cards[0];
  if (restartAfterFirstStep) await h.restart();
  card = (await h.press(card, "Skip", { user: bob })).cards[0];
  for (let i = 0; i < 3; i++) card = (await h.press(card, "Done")).cards[0];
  expect(textOf(card)).toContain("Pull the latest status");
  // The step's tool checks the paste; the result shows on the same step.
  card = (await h.press(card, "Submit", { inputs: { answer: faulted } })).cards[0];
  expect(textOf(card)).toContain("Get Latest Status");
  expect(textOf(card)).toContain("Pull the latest status");
  card = (await h.press(card, "Done")).cards[0];
  card = (await h.press(card, "Done")).cards[0];
  card = (await h.press(card, "Done")).cards[0];
  expect(textOf(card)).toContain("Did the fault clear?");
  return card;
}

describe("engine end to end through a fake adapter", () => {
  it("question → overview → walkthrough through a branch → escalation → claim → need info → resolve", async () => {
    h = new Harness();
    const asked = await h.say("the relay is stuck closed on port 2");
    expect(asked.cards.map((c) => c.kind)).toEqual(["overview"]);
    expect(asked.cards[0]?.title).toBe("Relay Stuck Closed (303-RSC)");
    expect(textOf(asked.cards[0])).toMatch(/match \d+%/);

    const choice = await walkToChoice(asked.cards[0]);
    const branch = await h.press(choice, "Still OUT_OF_SERVICE");
    expect(branch.mode).toBe("replace");
    expect(textOf(branch.cards[0])).toContain("consider station head replacement");
    expect(textOf(branch.cards[0])).toContain("Fault persists");

    // The branch's last step names a replacement, not Support: finishing it offers the escalation (its
    // Escalate… button beside "Did this help?"), and only the person's press opens it.
    const offered = await h.press(branch.cards[0], "Done");
    expect(offered.cards[0]?.kind).toBe("walkthrough-end");
    expect(textOf(offered.cards[0])).toContain("Next action: station head replacement.");
    expect(h.transport.posts).toHaveLength(0);
    expect(buttonsOf(offered.cards[0]).map((b) => b.label)).toEqual(["Fixed it", "Didn't help", "Escalate…"]);
    const end = await h.press(offered.cards[0], "Escalate…");
    expect(end.cards[0]?.title).toMatch(escPattern("Escalated to Support: ESC-0001", true));
    expect(textOf(end.cards[0])).toContain("Still missing");

    const handoff = h.transport.posts[0];
    expect(h.transport.posts).toHaveLength(1);
    expect(handoff?.to).toEqual({ platform: "slack", channelId: "C-SUPPORT" });
    const card = textOf(handoff?.card);
    for (const expected of [
      "Escalation: Relay Stuck Closed",
      "Ann",
      "https://chat.example/C-OPS/T1",
      "relay-stuck-closed",
      `relay-stuck-closed\` v${version}`,
      "Steps done",
      "Steps skipped",
      "Go to the **Stations** tab.",
      "Paste the port lines from Get Latest Status",
      "OUT_OF_SERVICE",
      "Still missing",
      "Station name, MAC address or serial number",
    ]) {
      expect(card).toContain(expected);
    }
    expect(buttonsOf(handoff?.card).map((b) => b.label)).toEqual(["Claim", "Need info", "Resolve"]);

    const support = { platform: "slack" as const, channelId: "C-SUPPORT", threadId: handoff?.messageId ?? "" };
    const claimed = await h.press(handoff?.card, "Claim", {
      user: sue,
      conversation: support,
      messageId: handoff?.messageId,
    });
    expect(claimed.mode).toBe("replace");
    expect(textOf(claimed.cards[0])).toContain("Claimed");
    const mirrored = h.transport.posts.at(-1);
    expect(mirrored?.to).toMatchObject({ channelId: "C-OPS", threadId: "T1" });
    expect(mirrored?.card.kind).toBe("escalation-status");
    expect(textOf(mirrored?.card)).toMatch(escPattern("Sue (Support) claimed escalation ESC-0001"));

    const needInfo = await h.press(claimed.cards[0], "Need info", {
      user: sue,
      conversation: support,
      messageId: handoff?.messageId,
    });
    expect(textOf(needInfo.cards[0])).toContain("Waiting for information");
    const asking = h.transport.posts.at(-1);
    expect(asking?.to).toMatchObject({ threadId: "T1" });
    expect(textOf(asking?.card)).toContain("Please reply in your thread with: Relay Stuck Closed occurrences");

    // The requester's next message in the thread answers Support.
    h.advance(5);
    const answered = await h.say("No other RSC alarms in 90 days, station CPF-6");
    expect(answered.cards[0]?.title).toMatch(escPattern("Sent to Support: ESC-0001", true));
    expect(h.transport.updates.at(-1)?.messageId).toBe(handoff?.messageId);
    expect(textOf(h.transport.updates.at(-1)?.card)).toContain("No other RSC alarms in 90 days");
    expect(h.transport.posts.at(-1)?.to).toMatchObject({ channelId: "C-SUPPORT", threadId: handoff?.messageId });

    const reclaimed = await h.press(needInfo.cards[0], "Claim", {
      user: sue,
      conversation: support,
      messageId: handoff?.messageId,
    });
    const resolved = await h.press(reclaimed.cards[0], "Resolve", {
      user: sue,
      conversation: support,
      messageId: handoff?.messageId,
    });
    expect(textOf(resolved.cards[0])).toContain("Resolved");
    expect(buttonsOf(resolved.cards[0])).toEqual([]);
    expect(textOf(h.transport.posts.at(-1)?.card)).toMatch(escPattern("Sue (Support) resolved escalation ESC-0001"));

    const stored = await h.store.getEscalation(await escId(h.store, 1));
    expect(stored?.history.map((e) => [e.to, e.by.id])).toEqual([
      ["open", ann.id],
      ["claimed", sue.id],
      ["need-info", sue.id],
      ["open", ann.id],
      ["claimed", sue.id],
      ["resolved", sue.id],
    ]);
    expect(stored?.playbookVersion).toBe(version);

    const open = await h.cp("escalations");
    expect(textOf(open.cards[0])).toContain("Escalations (0)");
    const all = await h.cp("escalations all");
    expect(textOf(all.cards[0])).toMatch(escPattern("ESC-0001"));

    const types = (await h.store.listEvents()).map((e) => e.type);
    for (const t of ["question", "match", "walkthrough-start", "step", "walkthrough-complete", "escalation"]) {
      expect(types).toContain(t);
    }
  });

  it("the same after a restart mid-walkthrough: the walkthrough and the escalation survive", async () => {
    h = new Harness();
    const asked = await h.say("relay stuck closed");
    const choice = await walkToChoice(asked.cards[0], true);
    await h.restart();
    const branch = await h.press(choice, "Still OUT_OF_SERVICE");
    const offered = await h.press(branch.cards[0], "Done");
    const end = await h.press(offered.cards[0], "Escalate…");
    expect(end.cards[0]?.title).toMatch(escPattern("Escalated to Support: ESC-0001", true));
    await h.restart();
    const handoff = h.transport.posts[0];
    const support = { platform: "slack" as const, channelId: "C-SUPPORT" };
    const claimed = await h.press(handoff?.card, "Claim", {
      user: sue,
      conversation: support,
      messageId: handoff?.messageId,
    });
    await h.restart();
    await h.press(claimed.cards[0], "Resolve", { user: sue, conversation: support, messageId: handoff?.messageId });
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.status).toBe("resolved");
    const statuses = h.transport.postsOf("escalation-status").map((p) => p.to.threadId);
    expect(statuses).toEqual(["T1", "T1"]);
    // Skipped by Bob before the first restart, still recorded as his.
    const handoffJson = (await h.store.getEscalation(await escId(h.store, 1)))?.handoff as {
      stepsSkipped: { id: string; by: string }[];
    };
    expect(handoffJson.stepsSkipped).toEqual([expect.objectContaining({ id: "open-stations", by: "Bob" })]);
  });

  it("Skip on a last step that says to contact Support asks whether it was fixed instead of escalating", async () => {
    h = new Harness();
    const asked = await h.say("the relay is stuck closed on port 2");
    const choice = await walkToChoice(asked.cards[0]);
    const branch = await h.press(choice, "Still OUT_OF_SERVICE");
    const end = await h.press(branch.cards[0], "Skip");
    expect(end.cards[0]?.kind).toBe("walkthrough-end");
    expect(textOf(end.cards[0])).toContain("Did this help?");
    expect(h.transport.posts).toHaveLength(0);
  });

  it("a walkthrough that ends normally asks Did this help?; yes resolves, no offers the escalation", async () => {
    h = new Harness();
    const asked = await h.say("relay stuck closed");
    const choice = await walkToChoice(asked.cards[0]);
    const branch = await h.press(choice, "Cleared (Available)");
    const end = await h.press(branch.cards[0], "Done");
    expect(end.cards[0]?.kind).toBe("walkthrough-end");
    expect(textOf(end.cards[0])).toContain("Did this help?");

    const yes = await h.press(end.cards[0], "Fixed it");
    expect(yes.cards[0]?.title).toBe("Resolved: Relay Stuck Closed (303-RSC)");
    expect(h.transport.posts).toHaveLength(0);
    expect(await h.store.listEvents({ types: ["resolved"] })).toHaveLength(1);

    // The same in another thread, answered "no" in words.
    const other = await h.say("relay stuck closed", { thread: "T2" });
    const c2 = await walkToChoiceIn(other.cards[0], "T2");
    const b2 = await h.press(c2, "Cleared (Available)", { thread: "T2" });
    await h.press(b2.cards[0], "Done", { thread: "T2" });
    const no = await h.say("no", { thread: "T2" });
    // "no" is the answer Didn't help: recorded, the guide's escalation offered, nothing opened.
    expect(no.cards[0]?.title).toBe("Didn't help: Relay Stuck Closed (303-RSC)");
    expect(await h.store.listEvents({ types: ["not-resolved"] })).toHaveLength(1);
    expect(await h.store.listEscalations()).toEqual([]);
    // Saying it again counts once.
    await h.say("still broken", { thread: "T2" });
    expect(await h.store.listEvents({ types: ["not-resolved"] })).toHaveLength(1);
    const escalated = await h.press(no.cards[0], "Escalate…", { thread: "T2" });
    expect(escalated.cards[0]?.title).toMatch(/^Escalated to Support: ESC-[A-Z]{4}-\d{4}/);
    expect(h.transport.postsOf("escalation")).toHaveLength(1);
  });
});

async function walkToChoiceIn(overview: Card | undefined, thread: string): Promise<Card | undefined> {
  let card = (await h.press(overview, "Start walkthrough", { thread })).cards[0];
  while (card?.kind === "step" && !textOf(card).includes("Did the fault clear?")) {
    card = (await h.press(card, "Done", { thread })).cards[0];
  }
  return card;
}
