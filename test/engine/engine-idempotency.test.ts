import { afterEach, describe, expect, it } from "vitest";
import type { Card } from "../../src/cards/card-schema.ts";
import type { Store } from "../../src/store/store.ts";
import { escId, escPattern } from "../escalation-id.ts";
import { Harness, sue, textOf } from "./engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

async function toFirstStep(thread = "T1"): Promise<Card | undefined> {
  const asked = await h.say("relay stuck closed", { thread });
  return (await h.press(asked.cards[0], "Start walkthrough", { thread })).cards[0];
}

describe("idempotency", () => {
  it("a repeated event id is answered once; the retry gets duplicate and no cards", async () => {
    h = new Harness();
    const first = await h.say("relay stuck closed", { eventId: "Ev-1" });
    expect(first.cards).toHaveLength(1);
    const retry = await h.say("relay stuck closed", { eventId: "Ev-1" });
    expect(retry).toEqual({ cards: [], mode: "new", visibility: "ephemeral", duplicate: true });
    expect(await h.store.listEvents({ types: ["question"] })).toHaveLength(1);
  });

  it("a retried button press moves the walkthrough once", async () => {
    h = new Harness();
    const step1 = await toFirstStep();
    await h.press(step1, "Done", { eventId: "P-1" });
    const again = await h.press(step1, "Done", { eventId: "P-1" });
    expect(again.duplicate).toBe(true);
    const state = (await h.store.getSession("slack:C-OPS:T1"))?.state as { walkthrough: { cursor: { step: string } } };
    expect(state.walkthrough.cursor.step).toBe("open-stations");
  });

  it("a double click (two event ids, same button) does not skip a step: the second shows the current step", async () => {
    h = new Harness();
    const step1 = await toFirstStep();
    const [a, b] = await Promise.all([h.press(step1, "Done"), h.press(step1, "Done")]);
    expect(textOf(a.cards[0])).toContain("Go to the **Stations** tab.");
    expect(textOf(b.cards[0])).toContain("Go to the **Stations** tab.");
    expect(await h.store.listEvents({ types: ["step"] })).toHaveLength(1);
  });

  it("double clicks and retries on Escalate never create two escalations for one walkthrough", async () => {
    h = new Harness();
    const step1 = await toFirstStep();
    const [a, b] = await Promise.all([h.press(step1, "Escalate"), h.press(step1, "Escalate")]);
    await h.cp("escalate");
    const titles = [a.cards[0]?.title, b.cards[0]?.title];
    expect(titles).toContainEqual(expect.stringMatching(escPattern("Escalated to Support: ESC-0001", true)));
    expect(titles).toContainEqual(expect.stringMatching(escPattern("Already escalated: ESC-0001", true)));
    expect(await h.store.listEscalations()).toHaveLength(1);
    expect(h.transport.postsOf("escalation")).toHaveLength(1);
    expect(await h.store.listEvents({ types: ["escalation"] })).toHaveLength(1);
  });

  it("a double click on Claim by the same person changes nothing the second time", async () => {
    h = new Harness();
    await h.say("what's the weather");
    await h.cp("escalate nobody knows");
    const handoff = h.transport.posts[0];
    const where = {
      conversation: { platform: "slack" as const, channelId: "C-SUPPORT" },
      messageId: handoff?.messageId,
      user: sue,
    };
    await h.press(handoff?.card, "Claim", where);
    const second = await h.press(handoff?.card, "Claim", where);
    expect(second.cards[0]?.kind).toBe("escalation");
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.history).toHaveLength(2);
    expect(h.transport.postsOf("escalation-status")).toHaveLength(1);
  });

  it("someone else claiming a claimed escalation is told who holds it", async () => {
    h = new Harness();
    await h.cp("escalate charger melted");
    const handoff = h.transport.posts[0];
    const conversation = { platform: "slack" as const, channelId: "C-SUPPORT" };
    await h.press(handoff?.card, "Claim", { conversation, messageId: handoff?.messageId, user: sue });
    const other = await h.press(handoff?.card, "Claim", { conversation, messageId: handoff?.messageId });
    expect(other.cards[0]?.kind).toBe("error");
    expect(textOf(other.cards[0])).toMatch(escPattern("ESC-0001 is already claimed by Sue (Support)"));
  });
});

describe("restart between storing an escalation and posting it", () => {
  it("keeps the escalation, tells the requester, and retryPendingDeliveries posts it exactly once", async () => {
    h = new Harness();
    await h.say("relay stuck closed");
    h.transport.failPosts = true;
    const reply = await h.cp("escalate station CPF-6 still faulted");
    expect(reply.cards.map((c) => c.title)).toEqual([
      expect.stringMatching(escPattern("Escalated to Support: ESC-0001", true)),
      expect.stringMatching(escPattern("Escalation ESC-0001 is saved but not posted yet", true)),
    ]);
    expect((await h.store.listPendingDeliveries()).map((e) => e.id)).toEqual([
      expect.stringMatching(escPattern("ESC-0001", true)),
    ]);

    await h.restart();
    h.transport.failPosts = false;
    await h.engine.retryPendingDeliveries();
    await h.engine.retryPendingDeliveries();
    expect(h.transport.postsOf("escalation")).toHaveLength(1);
    expect(h.transport.postsOf("escalation")[0]?.to.channelId).toBe("C-SUPPORT");
    // The requester hears that it went out after all.
    const notice = h.transport.posts.find((p) =>
      escPattern("Escalation ESC-0001 reached Support", true).test(p.card.title),
    );
    expect(notice?.to).toMatchObject({ channelId: "C-OPS", threadId: "T1" });
    expect(await h.store.listPendingDeliveries()).toEqual([]);

    // A retried escalate after the restart finds the same escalation.
    const again = await h.cp("escalate");
    expect(again.cards[0]?.title).toMatch(escPattern("Already escalated: ESC-0001", true));
    expect(await h.store.listEscalations()).toHaveLength(1);
  });
});

describe("optimistic concurrency", () => {
  it("a session saved by someone else in between is read again and the event decided again, once", async () => {
    h = new Harness();
    const asked = await h.say("relay stuck closed");
    const step1 = (await h.press(asked.cards[0], "Start walkthrough")).cards[0];
    const real = h.store;
    let conflicts = 1;
    // Another process saves the thread's session between this one's read and write.
    const conflicting = (store: Store): Store =>
      new Proxy(store, {
        get(target, prop, receiver) {
          // The transaction's handle is wrapped too, so the engine's saves inside the turn go through it.
          if (prop === "transaction") {
            return <T>(fn: (tx: Store) => Promise<T>) => target.transaction((tx) => fn(conflicting(tx)));
          }
          if (prop === "saveSession") {
            return async (key: string, state: unknown, expected: number | null, at: string) => {
              if (conflicts-- > 0) {
                const theirs = await target.getSession(key);
                await target.saveSession(key, theirs?.state, theirs?.revision ?? null, at);
              }
              return target.saveSession(key, state, expected, at);
            };
          }
          const value = Reflect.get(target, prop, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    h.store = conflicting(real);
    h.rebuild();
    const moved = await h.press(step1, "Done");
    expect(textOf(moved.cards[0])).toContain("Go to the **Stations** tab.");
    // The first attempt hit the conflict and rolled back (with the other save, on this one connection).
    expect(conflicts).toBe(-1);
    expect((await real.getSession("slack:C-OPS:T1"))?.revision).toBe(3);
    expect(await real.listEvents({ types: ["step"] })).toHaveLength(1);
  });
});
