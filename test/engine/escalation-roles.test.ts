import { afterEach, describe, expect, it } from "vitest";
import type { Actor, Platform } from "../../src/core/bot-event.ts";
import type { EscalationMembers } from "../../src/core/escalation-members.ts";
import { escId, escPattern } from "../escalation-id.ts";
import { ann, bob, buttonsOf, Harness, sue, textOf } from "./engine-harness.ts";

const mallory: Actor = { id: "U-MALLORY", name: "mallory" };
const rita: Actor = { id: "U-RITA", name: "Rita (on call)" };

/** The escalation channel's roster as the platform reports it; counts the questions asked. */
class Roster implements EscalationMembers {
  asked = 0;
  constructor(private readonly ids: Set<string>) {}
  async isMember(_platform: Platform, userId: string): Promise<boolean> {
    this.asked++;
    return this.ids.has(userId);
  }
}

let h: Harness;
afterEach(() => h?.close());

const support = (threadId = "") => ({ platform: "slack" as const, channelId: "C-SUPPORT", threadId });

async function escalate(by: Actor = ann, thread = "T1", channel = "C-OPS") {
  await h.say("the relay is stuck closed on port 2", { user: by, thread, channel });
  const opened = await h.cp("escalate the fault keeps coming back", { user: by, thread, channel });
  const handoff = h.transport.posts.at(-1);
  return { opened: opened.cards[0], handoff };
}

describe("who may act on an escalation", () => {
  it("mallory cannot claim or resolve Ann's escalation from a DM; Support can; Ann is told only what Support did", async () => {
    const roster = new Roster(new Set([sue.id]));
    h = new Harness({ escalationDestination: "C-SUPPORT", lowConfidence: 0.6, responders: [] }, roster);
    const { handoff } = await escalate();
    expect(handoff?.card.kind).toBe("escalation");
    const postsBefore = h.transport.posts.length;

    const dm = { platform: "slack" as const, channelId: "D-MALLORY" };
    const claim = await h.press(handoff?.card, "Claim", { user: mallory, conversation: dm });
    expect(claim.privately).toBe(true);
    expect(claim.visibility).toBe("ephemeral");
    expect(claim.cards[0]?.kind).toBe("error");
    expect(textOf(claim.cards[0])).toMatch(
      escPattern("Only Support (members of the escalation channel) can claim ESC-0001"),
    );
    const resolve = await h.press(handoff?.card, "Resolve", {
      user: mallory,
      conversation: support(handoff?.messageId),
    });
    expect(textOf(resolve.cards[0])).toMatch(escPattern("can resolve ESC-0001; nothing was changed"));
    const needInfo = await h.press(handoff?.card, "Need info", { user: mallory, conversation: dm });
    expect(needInfo.cards[0]?.kind).toBe("error");

    // Nothing changed and nobody was told anything.
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.status).toBe("open");
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.history).toHaveLength(1);
    expect(h.transport.posts).toHaveLength(postsBefore);
    expect(h.transport.updates).toHaveLength(0);

    const claimed = await h.press(handoff?.card, "Claim", {
      user: sue,
      conversation: support(handoff?.messageId),
      messageId: handoff?.messageId,
    });
    expect(claimed.privately).toBeUndefined();
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.status).toBe("claimed");
    expect(textOf(h.transport.posts.at(-1)?.card)).toMatch(escPattern("Sue (Support) claimed escalation ESC-0001"));
    expect(textOf(h.transport.posts.at(-1)?.card)).not.toContain("mallory");
  });

  it("an id in ESCALATION_RESPONDERS may act without being in the channel; the roster is asked only for escalation actions", async () => {
    const roster = new Roster(new Set([sue.id]));
    h = new Harness({ escalationDestination: "C-SUPPORT", lowConfidence: 0.6, responders: [rita.id] }, roster);
    const { handoff } = await escalate();
    expect(roster.asked).toBe(0);
    await h.press(handoff?.card, "Resolve", { user: rita, conversation: { platform: "slack", channelId: "D-RITA" } });
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.status).toBe("resolved");
    expect(roster.asked).toBe(0);
  });

  it("the requester may cancel their own escalation, but not claim or resolve it; mallory may not cancel it", async () => {
    h = new Harness({ escalationDestination: "C-SUPPORT", lowConfidence: 0.6 }, new Roster(new Set([sue.id])));
    const { opened, handoff } = await escalate();
    expect(buttonsOf(opened).map((b) => b.label)).toEqual(["Cancel escalation"]);

    const own = await h.press(handoff?.card, "Resolve", { user: ann, conversation: h.conversation() });
    expect(textOf(own.cards[0])).toMatch(
      escPattern("Only Support can resolve ESC-0001. You can add information to it"),
    );

    const stranger = await h.press(opened, "Cancel escalation", { user: mallory });
    expect(stranger.privately).toBe(true);
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.status).toBe("open");

    const cancelled = await h.press(opened, "Cancel escalation", { user: ann });
    expect(cancelled.cards[0]?.title).toMatch(escPattern("Cancelled: ESC-0001", true));
    expect(cancelled.mode).toBe("replace");
    const stored = await h.store.getEscalation(await escId(h.store, 1));
    expect(stored?.status).toBe("resolved");
    expect(stored?.history.at(-1)?.note).toBe("Cancelled by the requester.");
    // Support sees the handoff card closed (no buttons) and a note in its thread.
    expect(buttonsOf(h.transport.updates.at(-1)?.card)).toEqual([]);
    expect(h.transport.posts.at(-1)?.to.channelId).toBe("C-SUPPORT");
  });

  it("only the requester's reply answers Need info; mallory writing in the thread is not relayed", async () => {
    h = new Harness({ escalationDestination: "C-SUPPORT", lowConfidence: 0.6 }, new Roster(new Set([sue.id])));
    const { handoff } = await escalate();
    const where = { user: sue, conversation: support(handoff?.messageId), messageId: handoff?.messageId };
    await h.press(handoff?.card, "Need info", { ...where, inputs: { note: "Which port?" } });
    await h.say("ignore this, it is fixed, close it", { user: mallory });
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.status).toBe("need-info");
    const answer = await h.say("Port 2, since Monday", { user: ann });
    expect(answer.cards[0]?.title).toMatch(escPattern("Sent to Support: ESC-0001", true));
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.status).toBe("open");
  });

  it("escalations all and stats show everything to Support, and only one's own elsewhere", async () => {
    h = new Harness({ escalationDestination: "C-SUPPORT", lowConfidence: 0.6 }, new Roster(new Set([sue.id])));
    await escalate(ann, "T1", "C-OPS");
    await h.say("my secret private question about payroll xyzzy", { user: bob, thread: "T9", channel: "G-PRIVATE" });
    await escalate(bob, "T2", "G-PRIVATE");

    const mine = await h.cp("escalations all", { user: mallory, channel: "D-MALLORY", thread: "T5" });
    expect(textOf(mine.cards[0])).toContain("Escalations (0)");
    const anns = await h.cp("escalations all", { user: ann, thread: "T6" });
    expect(textOf(anns.cards[0])).toContain("Escalations (1)");
    expect(textOf(anns.cards[0])).not.toContain("Bob");
    const everything = await h.cp("escalations all", { user: sue, channel: "C-SUPPORT", thread: "T7" });
    expect(textOf(everything.cards[0])).toContain("Escalations (2)");

    const strangerStats = await h.cp("stats", { user: mallory, channel: "D-MALLORY", thread: "T8" });
    expect(textOf(strangerStats.cards[0])).not.toContain("xyzzy");
    const supportStats = await h.cp("stats", { user: sue, channel: "C-SUPPORT", thread: "T10" });
    expect(textOf(supportStats.cards[0])).toContain("xyzzy");
  });
});
