import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { NewEscalation, Store } from "../../src/store/store.ts";
import { outboxContract } from "./outbox-contract.ts";

export interface StoreHarness {
  store: Store;
  /** A new Store on the same data: a restart, or a second process when called while `store` is open. */
  reopen: () => Store | Promise<Store>;
  /** Removes the data after the test; stores are already closed. */
  cleanup: () => void | Promise<void>;
}

const t = (minute: number) => new Date(Date.UTC(2024, 4, 1, 9, minute)).toISOString();
const origin: ConversationRef = { platform: "slack", channelId: "C1", threadId: "1700.1" };
const alice = { id: "U1", name: "Alice" };
const bob = { id: "U2", name: "Bob" };
const carol = { id: "U3" };

function newEscalation(key: string, extra: Partial<NewEscalation> = {}): NewEscalation {
  return {
    idempotencyKey: key,
    sessionKey: "slack:C1:1700.1",
    playbook: "station-offline",
    playbookVersion: 3,
    requester: alice,
    origin,
    note: "still offline after power cycle",
    handoff: { done: ["check-power"], skipped: ["check-sim"], inputs: { serial: "1234567890" } },
    at: t(0),
    ...extra,
  };
}

/** Runs `fn` and returns the BotError it rejects with, failing the test when it rejects with nothing or something else. */
async function botError(fn: () => Promise<unknown>): Promise<BotError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BotError);
    return error as BotError;
  }
  throw new Error("expected a BotError, nothing was thrown");
}

/**
 * The behaviour every Store must have, whatever database is behind it. Run it from a `*.test.ts` file:
 * `runStoreContract("sqlite", () => ({ store, reopen, cleanup }))`. A server database implementation passes
 * the same suite before the bot may use it.
 */
export function runStoreContract(name: string, makeStore: () => StoreHarness | Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let extra: Store[];
    const reopen = async () => {
      const again = await harness.reopen();
      extra.push(again);
      return again;
    };

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
      extra = [];
    });
    afterEach(async () => {
      for (const s of [store, ...extra]) await s.close();
      await harness.cleanup();
    });

    outboxContract(() => ({ store, reopen }));

    describe("sessions", () => {
      it("creates, reads and updates a session, counting revisions", async () => {
        expect(await store.getSession("slack:C1:1")).toBeUndefined();
        const created = await store.saveSession("slack:C1:1", { step: "a", inputs: { serial: "42" } }, null, t(1));
        expect(created).toEqual({
          key: "slack:C1:1",
          state: { step: "a", inputs: { serial: "42" } },
          revision: 1,
          createdAt: t(1),
          updatedAt: t(1),
        });
        const updated = await store.saveSession("slack:C1:1", { step: "b" }, 1, t(2));
        expect(updated).toMatchObject({ revision: 2, state: { step: "b" }, createdAt: t(1), updatedAt: t(2) });
        expect(await store.getSession("slack:C1:1")).toEqual(updated);
      });

      it("refuses a stale revision with a conflict and keeps the newer state", async () => {
        await store.saveSession("k", { step: "a" }, null, t(1));
        await store.saveSession("k", { step: "b" }, 1, t(2));
        const error = await botError(() => store.saveSession("k", { step: "stale" }, 1, t(3)));
        expect(error.code).toBe("conflict");
        expect(error.message).toContain("k");
        expect(await store.getSession("k")).toMatchObject({ revision: 2, state: { step: "b" } });
      });

      it("treats expectedRevision null as create-new and conflicts when the session exists", async () => {
        await store.saveSession("k", { step: "a" }, null, t(1));
        expect((await botError(() => store.saveSession("k", { step: "again" }, null, t(2)))).code).toBe("conflict");
        expect((await botError(() => store.saveSession("missing", {}, 4, t(2)))).code).toBe("conflict");
        expect(await store.getSession("missing")).toBeUndefined();
      });

      it("two people pressing buttons at once: the second save conflicts instead of losing the first step", async () => {
        const other = await reopen();
        await store.saveSession("k", { steps: [] }, null, t(1));
        const seenByA = (await store.getSession("k"))!;
        const seenByB = (await other.getSession("k"))!;
        await other.saveSession("k", { steps: ["b"] }, seenByB.revision, t(2));
        expect((await botError(() => store.saveSession("k", { steps: ["a"] }, seenByA.revision, t(2)))).code).toBe(
          "conflict",
        );
        expect((await store.getSession("k"))?.state).toEqual({ steps: ["b"] });
      });

      it("keeps threads apart", async () => {
        await store.saveSession("slack:C1:1700.1", { playbook: "a" }, null, t(1));
        await store.saveSession("slack:C1:1700.2", { playbook: "b" }, null, t(1));
        await store.saveSession("teams:C1:1700.1", { playbook: "c" }, null, t(1));
        await store.saveSession("slack:C1:1700.1", { playbook: "a2" }, 1, t(2));
        expect(await store.getSession("slack:C1:1700.2")).toMatchObject({ state: { playbook: "b" }, revision: 1 });
        expect(await store.getSession("teams:C1:1700.1")).toMatchObject({ state: { playbook: "c" }, revision: 1 });
      });

      it("deletes a session, after which the key can start again", async () => {
        await store.saveSession("k", { step: "a" }, null, t(1));
        expect(await store.deleteSession("k")).toBe(true);
        expect(await store.getSession("k")).toBeUndefined();
        expect(await store.deleteSession("k")).toBe(false);
        expect((await store.saveSession("k", { step: "new" }, null, t(2))).revision).toBe(1);
      });
    });

    describe("escalations", () => {
      it("a fresh database never hands out an id an earlier database used, and refuses the other's ids", async () => {
        const { escalation: old } = await store.createEscalation(newEscalation("esc:old"));
        const other = await makeStore();
        try {
          const { escalation: fresh } = await other.store.createEscalation(newEscalation("esc:new"));
          expect(fresh.id).not.toBe(old.id);
          expect(fresh.id.slice(-4)).toBe(old.id.slice(-4));
          // The old card's id names nothing here: not the new escalation that has the same number.
          expect(await other.store.getEscalation(old.id)).toBeUndefined();
          const refused = await botError(() =>
            other.store.transitionEscalation(old.id, { to: "claimed", by: bob, at: t(1) }),
          );
          expect(refused.code).toBe("not_found");
          expect(refused.message).toContain(`There is no escalation ${old.id} in this database`);
          expect((await other.store.getEscalation(fresh.id))?.status).toBe("open");
          // Bare ids, as before prefixes existed, name nothing in a database created with them.
          expect(await other.store.getEscalation(`ESC-${fresh.id.slice(-4)}`)).toBeUndefined();
          // Case and leading zeros are forgiven for the database's own ids.
          expect((await other.store.getEscalation(fresh.id.toLowerCase().replace("-0001", "-1")))?.id).toBe(fresh.id);
        } finally {
          await other.store.close();
          await other.cleanup();
        }
      });

      it("keeps its prefix across a restart", async () => {
        const { escalation } = await store.createEscalation(newEscalation("esc:1"));
        const again = await reopen();
        const { escalation: second } = await again.createEscalation(newEscalation("esc:2"));
        expect(second.id.slice(0, 9)).toBe(escalation.id.slice(0, 9));
        expect((await again.getEscalation(escalation.id))?.idempotencyKey).toBe("esc:1");
      });

      it("creates an open escalation with a short id, the handoff and a creation entry in its history", async () => {
        const { escalation, created } = await store.createEscalation(newEscalation("esc:1"));
        expect(created).toBe(true);
        // The database's own four-letter prefix, then the number: short, and never another database's id.
        expect(escalation.id).toMatch(/^ESC-[BCDFGHJKLMNPQRSTVWXZ]{4}-0001$/);
        expect(escalation).toMatchObject({
          idempotencyKey: "esc:1",
          sessionKey: "slack:C1:1700.1",
          playbook: "station-offline",
          playbookVersion: 3,
          requester: alice,
          origin,
          note: "still offline after power cycle",
          handoff: { done: ["check-power"], skipped: ["check-sim"], inputs: { serial: "1234567890" } },
          status: "open",
          delivery: {},
          createdAt: t(0),
          updatedAt: t(0),
        });
        expect(escalation.claimedBy).toBeUndefined();
        expect(escalation.history).toEqual([
          { from: null, to: "open", by: alice, at: t(0), note: "still offline after power cycle" },
        ]);
        expect(await store.getEscalation(escalation.id)).toEqual(escalation);
        expect(await store.getEscalationByKey("esc:1")).toEqual(escalation);
      });

      it("is idempotent: the same key twice gives one escalation", async () => {
        const first = await store.createEscalation(newEscalation("esc:1"));
        const again = await store.createEscalation(newEscalation("esc:1", { note: "double click", at: t(1) }));
        expect(again.created).toBe(false);
        expect(again.escalation).toEqual(first.escalation);
        expect(await store.listEscalations()).toHaveLength(1);
        const other = await store.createEscalation(newEscalation("esc:2"));
        expect(other.escalation.id).not.toBe(first.escalation.id);
      });

      it("returns undefined for unknown ids and keys", async () => {
        expect(await store.getEscalation("ESC-9999")).toBeUndefined();
        expect(await store.getEscalation("not an id")).toBeUndefined();
        expect(await store.getEscalationByKey("nope")).toBeUndefined();
      });

      it("walks the lifecycle, recording who and when for every change", async () => {
        const { id } = (await store.createEscalation(newEscalation("esc:1"))).escalation;
        expect(await store.transitionEscalation(id, { to: "claimed", by: bob, at: t(1) })).toMatchObject({
          status: "claimed",
          claimedBy: bob,
          updatedAt: t(1),
        });
        await store.transitionEscalation(id, { to: "need-info", by: bob, at: t(2), note: "which connector?" });
        expect((await store.getEscalation(id))?.claimedBy).toEqual(bob);
        await store.transitionEscalation(id, { to: "open", by: alice, at: t(3), note: "port 2" });
        expect((await store.getEscalation(id))?.claimedBy).toBeUndefined();
        await store.transitionEscalation(id, { to: "claimed", by: carol, at: t(4) });
        await store.transitionEscalation(id, { to: "resolved", by: carol, at: t(5), note: "replaced SIM" });
        const reopened = await store.transitionEscalation(id, { to: "open", by: alice, at: t(6) });
        expect(reopened.status).toBe("open");
        expect(reopened.history.map((h) => [h.from, h.to, h.by.id, h.at, h.note])).toEqual([
          [null, "open", "U1", t(0), "still offline after power cycle"],
          ["open", "claimed", "U2", t(1), undefined],
          ["claimed", "need-info", "U2", t(2), "which connector?"],
          ["need-info", "open", "U1", t(3), "port 2"],
          ["open", "claimed", "U3", t(4), undefined],
          ["claimed", "resolved", "U3", t(5), "replaced SIM"],
          ["resolved", "open", "U1", t(6), undefined],
        ]);
        expect(await store.getEscalation(id)).toEqual(reopened);
      });

      it("rejects a transition the lifecycle does not allow, with a clear message, changing nothing", async () => {
        const { id } = (await store.createEscalation(newEscalation("esc:1"))).escalation;
        await store.transitionEscalation(id, { to: "resolved", by: bob, at: t(1) });
        const error = await botError(() => store.transitionEscalation(id, { to: "claimed", by: bob, at: t(2) }));
        expect(error.code).toBe("invalid_input");
        expect(error.message).toMatch(/resolved.*claimed/);
        expect(await store.getEscalation(id)).toMatchObject({ status: "resolved", updatedAt: t(1) });
        expect((await store.getEscalation(id))?.history).toHaveLength(2);
      });

      it("treats a repeat of the same transition by the same person as a no-op (double click)", async () => {
        const { id } = (await store.createEscalation(newEscalation("esc:1"))).escalation;
        const claimed = await store.transitionEscalation(id, { to: "claimed", by: bob, at: t(1) });
        const again = await store.transitionEscalation(id, { to: "claimed", by: bob, at: t(2) });
        expect(again).toEqual(claimed);
        expect(again.history).toHaveLength(2);
      });

      it("tells a second person that someone else already claimed it", async () => {
        const { id } = (await store.createEscalation(newEscalation("esc:1"))).escalation;
        await store.transitionEscalation(id, { to: "claimed", by: bob, at: t(1) });
        const error = await botError(() => store.transitionEscalation(id, { to: "claimed", by: carol, at: t(2) }));
        expect(error.code).toBe("conflict");
        expect(error.message).toContain("Bob");
        expect((await store.getEscalation(id))?.claimedBy).toEqual(bob);
      });

      it("reports an unknown escalation as not_found", async () => {
        expect(
          (await botError(() => store.transitionEscalation("ESC-0404", { to: "claimed", by: bob, at: t(1) }))).code,
        ).toBe("not_found");
        expect((await botError(() => store.setEscalationDelivery("ESC-0404", { handoffMessageId: "m" }))).code).toBe(
          "not_found",
        );
      });

      it("lists by status and by session", async () => {
        const a = (await store.createEscalation(newEscalation("esc:a"))).escalation;
        const b = (await store.createEscalation(newEscalation("esc:b", { sessionKey: "teams:X:1" }))).escalation;
        const c = (await store.createEscalation(newEscalation("esc:c"))).escalation;
        await store.transitionEscalation(b.id, { to: "claimed", by: bob, at: t(1) });
        await store.transitionEscalation(c.id, { to: "resolved", by: bob, at: t(1) });
        const ids = async (filter: Parameters<Store["listEscalations"]>[0]) =>
          (await store.listEscalations(filter)).map((e) => e.id);
        expect(await ids(undefined)).toEqual([a.id, b.id, c.id]);
        expect(await ids({ status: ["open", "claimed"] })).toEqual([a.id, b.id]);
        expect(await ids({ status: ["resolved"] })).toEqual([c.id]);
        expect(await ids({ status: [] })).toEqual([]);
        expect(await ids({ sessionKey: "teams:X:1" })).toEqual([b.id]);
      });

      it("keeps escalations whose handoff was never posted in the pending list until delivery is recorded", async () => {
        const a = (await store.createEscalation(newEscalation("esc:a"))).escalation;
        const b = (await store.createEscalation(newEscalation("esc:b"))).escalation;
        const c = (await store.createEscalation(newEscalation("esc:c"))).escalation;
        expect((await store.listPendingDeliveries()).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
        await store.setEscalationDelivery(a.id, { originMessageId: "o1" });
        expect((await store.listPendingDeliveries()).map((e) => e.id)).toContain(a.id);
        const handoffConversation: ConversationRef = { platform: "slack", channelId: "CESC", threadId: "1800.1" };
        const delivered = await store.setEscalationDelivery(a.id, { handoffMessageId: "1800.1", handoffConversation });
        expect(delivered.delivery).toEqual({ originMessageId: "o1", handoffMessageId: "1800.1", handoffConversation });
        await store.transitionEscalation(c.id, { to: "resolved", by: bob, at: t(1) });
        expect((await store.listPendingDeliveries()).map((e) => e.id)).toEqual([b.id]);
      });

      it("lets one caller at a time claim posting a handoff, until it is posted, given up or the claim ends", async () => {
        const { id } = (await store.createEscalation(newEscalation("esc:a"))).escalation;
        const { id: other } = (await store.createEscalation(newEscalation("esc:b"))).escalation;
        expect(await store.claimHandoffPost(id, t(1), t(3))).toBe(true);
        // Someone is posting it: a second claim before t(3) is refused, and sweeps at t(2) skip it.
        expect(await store.claimHandoffPost(id, t(2), t(4))).toBe(false);
        expect((await store.listPendingDeliveries(t(2))).map((e) => e.id)).toEqual([other]);
        expect((await store.listPendingDeliveries()).map((e) => e.id)).toEqual([id, other]);
        // The poster died mid-post: once its claim has ended, the next caller may post.
        expect((await store.listPendingDeliveries(t(3))).map((e) => e.id)).toEqual([id, other]);
        expect(await store.claimHandoffPost(id, t(3), t(5))).toBe(true);
        // A failed post gives the claim up: the retry does not wait for it to end.
        await store.releaseHandoffPost(id);
        expect(await store.claimHandoffPost(id, t(3), t(5))).toBe(true);
        const handoffConversation: ConversationRef = { platform: "slack", channelId: "CESC", threadId: "1800.1" };
        await store.setEscalationDelivery(id, { handoffMessageId: "1800.1", handoffConversation });
        // Posted: nobody may claim it again, whenever they ask.
        await store.releaseHandoffPost(id);
        expect(await store.claimHandoffPost(id, t(9), t(10))).toBe(false);
        expect((await store.listPendingDeliveries(t(9))).map((e) => e.id)).toEqual([other]);
        await expect(store.claimHandoffPost("ESC-ZZZZ-9999", t(1), t(2))).rejects.toMatchObject({ code: "not_found" });
        await expect(store.claimHandoffPost(other, "soon", t(2))).rejects.toThrow(/time/);
      });
    });

    describe("analytics events", () => {
      it("records every field and lists in time order with since/until/types filters", async () => {
        await store.recordEvent({
          type: "match",
          at: t(2),
          platform: "slack",
          playbook: "p",
          confidence: 0.82,
          text: "q",
        });
        await store.recordEvent({
          type: "step",
          at: t(3),
          platform: "teams",
          conversation: "teams:C:1",
          user: "U9",
          playbook: "p",
          step: "check-power",
          action: "done",
          data: { ms: 5 },
        });
        await store.recordEvent({ type: "question", at: t(1), platform: "cli", text: "my station is offline" });
        expect((await store.listEvents()).map((e) => e.type)).toEqual(["question", "match", "step"]);
        expect((await store.listEvents({ since: t(2) })).map((e) => e.type)).toEqual(["match", "step"]);
        expect((await store.listEvents({ until: t(3) })).map((e) => e.type)).toEqual(["question", "match"]);
        expect((await store.listEvents({ types: ["step", "question"] })).map((e) => e.type)).toEqual([
          "question",
          "step",
        ]);
        expect(await store.listEvents({ since: "2024-05-02" })).toEqual([]);
        expect((await store.listEvents({ types: ["step"] }))[0]).toEqual({
          type: "step",
          at: t(3),
          platform: "teams",
          conversation: "teams:C:1",
          user: "U9",
          playbook: "p",
          step: "check-power",
          action: "done",
          data: { ms: 5 },
        });
        expect((await store.listEvents({ types: ["match"] }))[0]?.confidence).toBeCloseTo(0.82);
      });
    });

    describe("idempotency keys", () => {
      it("claims an event id once; a retry is refused until the key ages out", async () => {
        expect(await store.claimEvent("Ev1", t(0))).toBe(true);
        expect(await store.claimEvent("Ev1", t(1))).toBe(false);
        expect(await store.claimEvent("Ev2", t(1))).toBe(true);
        const nextDay = new Date(Date.parse(t(2)) + 25 * 60 * 60 * 1000).toISOString();
        expect(await store.claimEvent("Ev1", nextDay)).toBe(true);
      });
    });

    describe("transactions", () => {
      it("commits all writes of one operation together and returns the function's value", async () => {
        const id = await store.transaction(async (tx) => {
          await tx.saveSession("k", { escalated: true }, null, t(1));
          return (await tx.createEscalation(newEscalation("esc:1"))).escalation.id;
        });
        expect((await store.getSession("k"))?.state).toEqual({ escalated: true });
        expect(await store.getEscalation(id)).toBeDefined();
      });

      it("a crash between two writes of one operation leaves no half-escalation", async () => {
        await store.saveSession("k", { step: "last" }, null, t(0));
        await expect(
          store.transaction(async (tx) => {
            await tx.createEscalation(newEscalation("esc:1"));
            await tx.saveSession("k", { step: "escalated" }, 1, t(1));
            await tx.recordEvent({ type: "escalation", at: t(1), platform: "slack" });
            throw new Error("crash");
          }),
        ).rejects.toThrow("crash");
        expect(await store.getEscalationByKey("esc:1")).toBeUndefined();
        expect(await store.listEscalations()).toEqual([]);
        expect(await store.listPendingDeliveries()).toEqual([]);
        expect(await store.getSession("k")).toMatchObject({ revision: 1, state: { step: "last" } });
        expect(await store.listEvents()).toEqual([]);
        // The retry after the crash creates it, exactly once.
        expect((await store.createEscalation(newEscalation("esc:1"))).created).toBe(true);
        expect(await store.listEscalations()).toHaveLength(1);
      });

      it("nests: a failed inner transaction rolls back only its own writes", async () => {
        await store.transaction(async (tx) => {
          await tx.saveSession("outer", {}, null, t(1));
          await expect(
            tx.transaction(async (inner) => {
              await inner.saveSession("inner", {}, null, t(1));
              throw new Error("inner fails");
            }),
          ).rejects.toThrow("inner fails");
          await tx.recordEvent({ type: "question", at: t(1), platform: "cli" });
        });
        expect(await store.getSession("outer")).toBeDefined();
        expect(await store.getSession("inner")).toBeUndefined();
        expect(await store.listEvents()).toHaveLength(1);
      });

      it("a call on the store itself during a transaction is not part of it: it neither sees nor shares its fate", async () => {
        let read: Promise<unknown> | undefined;
        let written: Promise<void> | undefined;
        await expect(
          store.transaction(async (tx) => {
            await tx.saveSession("k", { mine: true }, null, t(1));
            // Another event's calls, started while the transaction runs (not awaited inside it).
            read = store.getSession("k");
            written = store.recordEvent({ type: "question", at: t(1), platform: "slack", text: "other event" });
            expect((await tx.getSession("k"))?.state).toEqual({ mine: true });
            throw new Error("crash");
          }),
        ).rejects.toThrow("crash");
        expect(await read).toBeUndefined();
        await written;
        expect((await store.listEvents()).map((e) => e.text)).toEqual(["other event"]);
        expect(await store.getSession("k")).toBeUndefined();
      });

      it("a transaction's handle used after it has committed acts as the store", async () => {
        const kept = await store.transaction(async (tx) => {
          await tx.saveSession("k", { n: 1 }, null, t(1));
          return tx;
        });
        const saved = await kept.saveSession("k", { n: 2 }, 1, t(2));
        expect(saved.revision).toBe(2);
        expect((await store.getSession("k"))?.state).toEqual({ n: 2 });
      });
    });

    describe("concurrent writers and restarts", () => {
      it("two stores on the same data interleaving writes lose nothing and share idempotency", async () => {
        const other = await reopen();
        const ids = new Set<string>();
        for (let i = 0; i < 25; i++) {
          ids.add((await store.createEscalation(newEscalation(`a:${i}`, { at: t(i) }))).escalation.id);
          ids.add((await other.createEscalation(newEscalation(`b:${i}`, { at: t(i) }))).escalation.id);
          await store.recordEvent({ type: "question", at: t(i), platform: "slack", text: `a${i}` });
          await other.recordEvent({ type: "question", at: t(i), platform: "teams", text: `b${i}` });
          expect(await other.claimEvent(`a-event-${i}`, t(i))).toBe(true);
          expect(await store.claimEvent(`a-event-${i}`, t(i))).toBe(false);
        }
        expect(ids.size).toBe(50);
        expect(await store.listEscalations()).toHaveLength(50);
        expect(await other.listEvents()).toHaveLength(50);
        expect((await other.createEscalation(newEscalation("a:3"))).created).toBe(false);
      });

      it("two Claims at the same moment from two stores: exactly one wins, the other is told who has it", async () => {
        const other = await reopen();
        const { id } = (await store.createEscalation(newEscalation("esc:1"))).escalation;
        const results = await Promise.allSettled([
          store.transitionEscalation(id, { to: "claimed", by: bob, at: t(1) }),
          other.transitionEscalation(id, { to: "claimed", by: carol, at: t(1) }),
        ]);
        const won = results.filter((r) => r.status === "fulfilled");
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        const winner = (await store.getEscalation(id))?.claimedBy;
        const reason = lost[0]?.reason as BotError;
        expect(reason).toBeInstanceOf(BotError);
        expect(reason.code).toBe("conflict");
        expect(reason.message).toContain(winner?.name ?? winner?.id ?? "?");
        expect((await store.getEscalation(id))?.history).toHaveLength(2);
      });

      it("a handoff claimed at the same moment from two stores: exactly one may post it", async () => {
        const other = await reopen();
        const { id } = (await store.createEscalation(newEscalation("esc:1"))).escalation;
        const claims = await Promise.all([
          store.claimHandoffPost(id, t(1), t(3)),
          other.claimHandoffPost(id, t(1), t(3)),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
      });

      it("the same event id claimed at the same moment from two stores: exactly one gets it", async () => {
        const other = await reopen();
        for (let i = 0; i < 10; i++) {
          const claims = await Promise.all([store.claimEvent(`Ev${i}`, t(1)), other.claimEvent(`Ev${i}`, t(1))]);
          expect(claims.filter(Boolean)).toHaveLength(1);
        }
      });

      it("keeps sessions, escalations, events and claimed ids across a restart", async () => {
        await store.saveSession("k", { step: "b" }, null, t(1));
        const { id } = (await store.createEscalation(newEscalation("esc:1"))).escalation;
        await store.transitionEscalation(id, { to: "claimed", by: bob, at: t(2) });
        await store.recordEvent({ type: "escalation", at: t(2), platform: "slack", playbook: "station-offline" });
        await store.claimEvent("Ev1", t(2));
        const before = await store.getEscalation(id);
        await store.close();
        const restarted = await reopen();
        expect(await restarted.getSession("k")).toMatchObject({ revision: 1, state: { step: "b" } });
        expect(await restarted.getEscalation(id)).toEqual(before);
        expect((await restarted.listPendingDeliveries()).map((e) => e.id)).toEqual([id]);
        expect(await restarted.listEvents()).toHaveLength(1);
        expect(await restarted.claimEvent("Ev1", t(3))).toBe(false);
        expect((await restarted.createEscalation(newEscalation("esc:1"))).created).toBe(false);
      });
    });

    describe("retention", () => {
      const audit = (minute: number, text: string) => ({
        type: "audit" as const,
        at: t(minute),
        platform: "slack" as const,
        text,
        data: { action: "answer", digest: "sha256:abc", input: { kind: "message", text }, cards: [{ title: text }] },
      });

      it("clears the text people wrote before the cutoff, keeping every event and the audit digest", async () => {
        await store.recordEvent({ type: "question", at: t(1), platform: "slack", text: "old question", playbook: "p" });
        await store.recordEvent(audit(2, "old question"));
        await store.recordEvent({ type: "question", at: t(30), platform: "slack", text: "new question" });
        await store.recordEvent(audit(31, "new question"));
        expect(await store.forgetTextBefore(t(10))).toEqual({ events: 2, sessions: 0 });
        const events = await store.listEvents();
        expect(events).toHaveLength(4);
        expect(events.map((e) => e.text)).toEqual([undefined, undefined, "new question", "new question"]);
        expect(events[0]).toMatchObject({ type: "question", playbook: "p" });
        expect(events[1]?.data).toEqual({ action: "answer", digest: "sha256:abc", input: { kind: "message" } });
        expect(events[3]?.data).toEqual(audit(31, "new question").data);
        expect(JSON.stringify(events.slice(0, 2))).not.toContain("old question");
        // A second run finds nothing left to clear.
        expect(await store.forgetTextBefore(t(10))).toEqual({ events: 0, sessions: 0 });
      });

      it("deletes sessions idle since the cutoff and keeps escalations whole", async () => {
        await store.saveSession("idle", { said: "my serial is 1234567890" }, null, t(1));
        await store.saveSession("busy", { said: "still going" }, null, t(1));
        await store.saveSession("busy", { said: "still going" }, 1, t(30));
        const { escalation } = await store.createEscalation(newEscalation("esc:old"));
        expect(await store.forgetTextBefore(t(10))).toEqual({ events: 0, sessions: 1 });
        expect(await store.getSession("idle")).toBeUndefined();
        expect(await store.getSession("busy")).toMatchObject({ revision: 2 });
        expect(await store.getEscalation(escalation.id)).toEqual(escalation);
      });

      it("refuses a cutoff that is not a time, changing nothing", async () => {
        await store.recordEvent({ type: "question", at: t(1), platform: "slack", text: "kept" });
        await expect(store.forgetTextBefore("last tuesday")).rejects.toThrow(BotError);
        expect((await store.listEvents())[0]?.text).toBe("kept");
      });

      it("vacuums, and the data is all still there afterwards", async () => {
        await store.recordEvent({ type: "question", at: t(1), platform: "slack", text: "kept" });
        await store.vacuum();
        expect((await store.listEvents())[0]?.text).toBe("kept");
      });
    });
  });
}
