import { afterEach, describe, expect, it } from "vitest";
import type { Card } from "../../src/cards/card-schema.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import { handoffClaimMs } from "../../src/engine/escalation-service.ts";
import type { Store } from "../../src/store/store.ts";
import { escPattern } from "../escalation-id.ts";
import { Harness } from "./engine-harness.ts";

let h: Harness;
let replicaStore: Store | undefined;
afterEach(async () => {
  await replicaStore?.close();
  replicaStore = undefined;
  await h?.close();
});

/** Holds every handoff post until `release()`; `entered` resolves once the first one is waiting. */
function holdHandoffPosts(harness: Harness) {
  const post = harness.transport.post.bind(harness.transport);
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let entered = () => {};
  const waiting = new Promise<void>((resolve) => {
    entered = resolve;
  });
  harness.transport.post = async (to: ConversationRef, card: Card) => {
    if (card.kind === "escalation") {
      entered();
      await gate;
    }
    return post(to, card);
  };
  return { waiting, release };
}

describe("a handoff posted while another replica sweeps stored ones", () => {
  it("is posted once: the other replica's sweep skips the handoff being posted", async () => {
    h = new Harness();
    const replica = h.replica();
    replicaStore = replica.store;
    await h.say("relay stuck closed");
    const held = holdHandoffPosts(h);
    const reply = h.cp("escalate station CPF-6 still faulted");
    await held.waiting;
    // Stored, not posted yet: without the claim the other replica would post it now as well.
    await replica.engine.retryPendingDeliveries();
    held.release();
    expect((await reply).cards[0]?.title).toMatch(escPattern("Escalated to Support: ESC-0001", true));
    await replica.engine.retryPendingDeliveries();
    expect(h.transport.postsOf("escalation")).toHaveLength(1);
    expect(await h.store.listPendingDeliveries()).toEqual([]);
  });

  it("is posted by another replica once the claim of one that died mid-post has ended", async () => {
    h = new Harness();
    const replica = h.replica();
    replicaStore = replica.store;
    await h.say("relay stuck closed");
    // The first replica's post never returns: it died mid-post, holding the claim.
    const held = holdHandoffPosts(h);
    void h.cp("escalate station CPF-6 still faulted");
    await held.waiting;
    expect((await replica.store.listPendingDeliveries()).length).toBe(1);
    expect(await replica.store.listPendingDeliveries(h.now.toISOString())).toEqual([]);
    h.transport.post = Object.getPrototypeOf(h.transport).post.bind(h.transport);
    await replica.engine.retryPendingDeliveries();
    expect(h.transport.postsOf("escalation")).toHaveLength(0);
    h.now = new Date(h.now.getTime() + handoffClaimMs);
    await replica.engine.retryPendingDeliveries();
    expect(h.transport.postsOf("escalation")).toHaveLength(1);
    expect(await replica.store.listPendingDeliveries()).toEqual([]);
  });
});
