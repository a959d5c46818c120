import { afterEach, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/create-engine.ts";
import { createMatcher } from "../../src/matcher/create-matcher.ts";
import { FakeTransport } from "../fakes/fake-transport.ts";
import { Harness, registry, sue, textOf } from "./engine-harness.ts";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const thirtyMinutes = 30 * 60_000;

/** Ann asks, escalates from the answer; the handoff goes to C-SUPPORT as a new thread. */
async function escalated(): Promise<{ handoffId: string }> {
  const answer = await h.say("the relay is stuck closed on port 2");
  await h.press(answer.cards[0], "Escalate…");
  const handoff = h.transport.postsOf("escalation")[0];
  if (!handoff) throw new Error("no handoff posted");
  return { handoffId: handoff.messageId };
}

const reminders = () => h.transport.posts.filter((p) => p.card.title.startsWith("Reminder:"));

describe("escalation reminders (ESCALATION_REMIND_AFTER)", () => {
  it("unclaimed: a reminder after one period, the responders after two, each once, in the handoff thread", async () => {
    h = new Harness();
    const { handoffId } = await escalated();
    h.advance(29);
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(0);
    h.advance(1);
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(1);
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(0);
    const [first] = reminders();
    expect(first?.to).toMatchObject({ channelId: "C-SUPPORT", threadId: handoffId });
    expect(textOf(first?.card)).toContain("Nobody has claimed this escalation for 30 min");
    expect(first?.card.blocks.some((b) => b.type === "people")).toBe(false);

    h.advance(30);
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(1);
    const second = reminders()[1];
    expect(textOf(second?.card)).toContain("Still unclaimed after 1 h");
    // No ESCALATION_RESPONDERS: no broadcast mention (no @here), only the words in the handoff thread.
    expect(second?.card.blocks.some((b) => b.type === "people")).toBe(false);
    expect(JSON.stringify(second?.card)).not.toContain("everyone");
    h.advance(600);
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(0);
  });

  it("names the configured responders, and a claimed escalation with no news reminds its claimer by mention", async () => {
    h = new Harness({ escalationDestination: "C-SUPPORT", lowConfidence: 0.6, responders: ["U-SUE", "U-RITA"] });
    await escalated();
    h.advance(60);
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(1);
    // After downtime both fell due at once: only the stronger one, the responders' mention, is sent.
    expect(reminders()[0]?.card.blocks.at(-1)).toEqual({
      type: "people",
      label: "For",
      people: [{ id: "U-SUE" }, { id: "U-RITA" }],
    });

    const handoff = h.transport.postsOf("escalation")[0];
    await h.press(handoff?.card, "Claim", { user: sue, messageId: handoff?.messageId, conversation: handoff?.to });
    h.advance(29);
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(0);
    h.advance(1);
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(1);
    const idle = reminders().at(-1);
    expect(textOf(idle?.card)).toContain("Claimed, but nothing has changed for 30 min");
    expect(idle?.card.blocks.at(-1)).toEqual({ type: "people", label: "For", people: [sue] });
  });

  it("runs once across replicas on one database, and a restart does not send it again", async () => {
    h = new Harness();
    await escalated();
    h.advance(30);
    const other = new FakeTransport();
    const replica = createEngine({
      registry,
      matcher: createMatcher(registry.all()),
      store: h.store,
      transport: other,
      config: h.config,
      clock: () => h.now,
    });
    const sent = await Promise.all([
      h.engine.remindEscalations(thirtyMinutes),
      replica.remindEscalations(thirtyMinutes),
    ]);
    expect(sent.sort()).toEqual([0, 1]);
    expect(reminders().length + other.posts.length).toBe(1);
    await h.restart();
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(0);
  });

  it("an escalation whose handoff is not posted yet gets none; a reminder whose post fails is not sent twice", async () => {
    h = new Harness();
    h.transport.failPosts = true;
    await h.say("the relay is stuck closed on port 2").then((a) => h.press(a.cards[0], "Escalate…"));
    h.advance(30);
    // The handoff never reached the channel: no thread to remind in yet.
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(0);
    h.transport.failPosts = false;
    await h.engine.retryPendingDeliveries();
    h.advance(1);
    h.transport.failPosts = true;
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(0);
    h.transport.failPosts = false;
    expect(await h.engine.remindEscalations(thirtyMinutes)).toBe(0);
  });
});
