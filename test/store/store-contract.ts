import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { NewEscalation, Store } from "../../src/store/store.ts";

export interface StoreHarness {
  store: Store;
  /** A new Store on the same data: a restart, or a second process when called while `store` is open. */
  reopen: () => Store;
  /** Removes the data after the test; stores are already closed. */
  cleanup: () => void;
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

/** Runs `fn` and returns the BotError it throws, failing the test when it throws nothing or something else. */
function botError(fn: () => unknown): BotError {
  try {
    fn();
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
export function runStoreContract(name: string, makeStore: () => StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let extra: Store[];
    const reopen = () => {
      const again = harness.reopen();
      extra.push(again);
      return again;
    };

    beforeEach(() => {
      harness = makeStore();
      store = harness.store;
      extra = [];
    });
    afterEach(() => {
      for (const s of [store, ...extra]) s.close();
      harness.cleanup();
    });

    describe("sessions", () => {
      it("creates, reads and updates a session, counting revisions", () => {
        expect(store.getSession("slack:C1:1")).toBeUndefined();
        const created = store.saveSession("slack:C1:1", { step: "a", inputs: { serial: "42" } }, null, t(1));
        expect(created).toEqual({
          key: "slack:C1:1",
          state: { step: "a", inputs: { serial: "42" } },
          revision: 1,
          createdAt: t(1),
          updatedAt: t(1),
        });
        const updated = store.saveSession("slack:C1:1", { step: "b" }, 1, t(2));
        expect(updated).toMatchObject({ revision: 2, state: { step: "b" }, createdAt: t(1), updatedAt: t(2) });
        expect(store.getSession("slack:C1:1")).toEqual(updated);
      });

      it("refuses a stale revision with a conflict and keeps the newer state", () => {
        store.saveSession("k", { step: "a" }, null, t(1));
        store.saveSession("k", { step: "b" }, 1, t(2));
        const error = botError(() => store.saveSession("k", { step: "stale" }, 1, t(3)));
        expect(error.code).toBe("conflict");
        expect(error.message).toContain("k");
        expect(store.getSession("k")).toMatchObject({ revision: 2, state: { step: "b" } });
      });

      it("treats expectedRevision null as create-new and conflicts when the session exists", () => {
        store.saveSession("k", { step: "a" }, null, t(1));
        expect(botError(() => store.saveSession("k", { step: "again" }, null, t(2))).code).toBe("conflict");
        expect(botError(() => store.saveSession("missing", {}, 4, t(2))).code).toBe("conflict");
        expect(store.getSession("missing")).toBeUndefined();
      });

      it("two people pressing buttons at once: the second save conflicts instead of losing the first step", () => {
        const other = reopen();
        store.saveSession("k", { steps: [] }, null, t(1));
        const seenByA = store.getSession("k")!;
        const seenByB = other.getSession("k")!;
        other.saveSession("k", { steps: ["b"] }, seenByB.revision, t(2));
        expect(botError(() => store.saveSession("k", { steps: ["a"] }, seenByA.revision, t(2))).code).toBe("conflict");
        expect(store.getSession("k")?.state).toEqual({ steps: ["b"] });
      });

      it("keeps threads apart", () => {
        store.saveSession("slack:C1:1700.1", { playbook: "a" }, null, t(1));
        store.saveSession("slack:C1:1700.2", { playbook: "b" }, null, t(1));
        store.saveSession("teams:C1:1700.1", { playbook: "c" }, null, t(1));
        store.saveSession("slack:C1:1700.1", { playbook: "a2" }, 1, t(2));
        expect(store.getSession("slack:C1:1700.2")).toMatchObject({ state: { playbook: "b" }, revision: 1 });
        expect(store.getSession("teams:C1:1700.1")).toMatchObject({ state: { playbook: "c" }, revision: 1 });
      });

      it("deletes a session, after which the key can start again", () => {
        store.saveSession("k", { step: "a" }, null, t(1));
        expect(store.deleteSession("k")).toBe(true);
        expect(store.getSession("k")).toBeUndefined();
        expect(store.deleteSession("k")).toBe(false);
        expect(store.saveSession("k", { step: "new" }, null, t(2)).revision).toBe(1);
      });
    });

    describe("escalations", () => {
      it("creates an open escalation with a short id, the handoff and a creation entry in its history", () => {
        const { escalation, created } = store.createEscalation(newEscalation("esc:1"));
        expect(created).toBe(true);
        expect(escalation.id).toMatch(/^ESC-\d{4,}$/);
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
        expect(store.getEscalation(escalation.id)).toEqual(escalation);
        expect(store.getEscalationByKey("esc:1")).toEqual(escalation);
      });

      it("is idempotent: the same key twice gives one escalation", () => {
        const first = store.createEscalation(newEscalation("esc:1"));
        const again = store.createEscalation(newEscalation("esc:1", { note: "double click", at: t(1) }));
        expect(again.created).toBe(false);
        expect(again.escalation).toEqual(first.escalation);
        expect(store.listEscalations()).toHaveLength(1);
        const other = store.createEscalation(newEscalation("esc:2"));
        expect(other.escalation.id).not.toBe(first.escalation.id);
      });

      it("returns undefined for unknown ids and keys", () => {
        expect(store.getEscalation("ESC-9999")).toBeUndefined();
        expect(store.getEscalation("not an id")).toBeUndefined();
        expect(store.getEscalationByKey("nope")).toBeUndefined();
      });

      it("walks the lifecycle, recording who and when for every change", () => {
        const { id } = store.createEscalation(newEscalation("esc:1")).escalation;
        expect(store.transitionEscalation(id, { to: "claimed", by: bob, at: t(1) })).toMatchObject({
          status: "claimed",
          claimedBy: bob,
          updatedAt: t(1),
        });
        store.transitionEscalation(id, { to: "need-info", by: bob, at: t(2), note: "which connector?" });
        expect(store.getEscalation(id)?.claimedBy).toEqual(bob);
        store.transitionEscalation(id, { to: "open", by: alice, at: t(3), note: "port 2" });
        expect(store.getEscalation(id)?.claimedBy).toBeUndefined();
        store.transitionEscalation(id, { to: "claimed", by: carol, at: t(4) });
        store.transitionEscalation(id, { to: "resolved", by: carol, at: t(5), note: "replaced SIM" });
        const reopened = store.transitionEscalation(id, { to: "open", by: alice, at: t(6) });
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
        expect(store.getEscalation(id)).toEqual(reopened);
      });

      it("rejects a transition the lifecycle does not allow, with a clear message, changing nothing", () => {
        const { id } = store.createEscalation(newEscalation("esc:1")).escalation;
        store.transitionEscalation(id, { to: "resolved", by: bob, at: t(1) });
        const error = botError(() => store.transitionEscalation(id, { to: "claimed", by: bob, at: t(2) }));
        expect(error.code).toBe("invalid_input");
        expect(error.message).toMatch(/resolved.*claimed/);
        expect(store.getEscalation(id)).toMatchObject({ status: "resolved", updatedAt: t(1) });
        expect(store.getEscalation(id)?.history).toHaveLength(2);
      });

      it("treats a repeat of the same transition by the same person as a no-op (double click)", () => {
        const { id } = store.createEscalation(newEscalation("esc:1")).escalation;
        const claimed = store.transitionEscalation(id, { to: "claimed", by: bob, at: t(1) });
        const again = store.transitionEscalation(id, { to: "claimed", by: bob, at: t(2) });
        expect(again).toEqual(claimed);
        expect(again.history).toHaveLength(2);
      });

      it("tells a second person that someone else already claimed it", () => {
        const { id } = store.createEscalation(newEscalation("esc:1")).escalation;
        store.transitionEscalation(id, { to: "claimed", by: bob, at: t(1) });
        const error = botError(() => store.transitionEscalation(id, { to: "claimed", by: carol, at: t(2) }));
        expect(error.code).toBe("conflict");
        expect(error.message).toContain("Bob");
        expect(store.getEscalation(id)?.claimedBy).toEqual(bob);
      });

      it("reports an unknown escalation as not_found", () => {
        expect(botError(() => store.transitionEscalation("ESC-0404", { to: "claimed", by: bob, at: t(1) })).code).toBe(
          "not_found",
        );
        expect(botError(() => store.setEscalationDelivery("ESC-0404", { handoffMessageId: "m" })).code).toBe(
          "not_found",
        );
      });

      it("lists by status and by session", () => {
        const a = store.createEscalation(newEscalation("esc:a")).escalation;
        const b = store.createEscalation(newEscalation("esc:b", { sessionKey: "teams:X:1" })).escalation;
        const c = store.createEscalation(newEscalation("esc:c")).escalation;
        store.transitionEscalation(b.id, { to: "claimed", by: bob, at: t(1) });
        store.transitionEscalation(c.id, { to: "resolved", by: bob, at: t(1) });
        const ids = (filter: Parameters<Store["listEscalations"]>[0]) => store.listEscalations(filter).map((e) => e.id);
        expect(ids(undefined)).toEqual([a.id, b.id, c.id]);
        expect(ids({ status: ["open", "claimed"] })).toEqual([a.id, b.id]);
        expect(ids({ status: ["resolved"] })).toEqual([c.id]);
        expect(ids({ status: [] })).toEqual([]);
        expect(ids({ sessionKey: "teams:X:1" })).toEqual([b.id]);
      });

      it("keeps escalations whose handoff was never posted in the pending list until delivery is recorded", () => {
        const a = store.createEscalation(newEscalation("esc:a")).escalation;
        const b = store.createEscalation(newEscalation("esc:b")).escalation;
        const c = store.createEscalation(newEscalation("esc:c")).escalation;
        expect(store.listPendingDeliveries().map((e) => e.id)).toEqual([a.id, b.id, c.id]);
        store.setEscalationDelivery(a.id, { originMessageId: "o1" });
        expect(store.listPendingDeliveries().map((e) => e.id)).toContain(a.id);
        const handoffConversation: ConversationRef = { platform: "slack", channelId: "CESC", threadId: "1800.1" };
        const delivered = store.setEscalationDelivery(a.id, { handoffMessageId: "1800.1", handoffConversation });
        expect(delivered.delivery).toEqual({ originMessageId: "o1", handoffMessageId: "1800.1", handoffConversation });
        store.transitionEscalation(c.id, { to: "resolved", by: bob, at: t(1) });
        expect(store.listPendingDeliveries().map((e) => e.id)).toEqual([b.id]);
      });
    });

    describe("analytics events", () => {
      it("records every field and lists in time order with since/until/types filters", () => {
        store.recordEvent({ type: "match", at: t(2), platform: "slack", playbook: "p", confidence: 0.82, text: "q" });
        store.recordEvent({
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
        store.recordEvent({ type: "question", at: t(1), platform: "cli", text: "my station is offline" });
        expect(store.listEvents().map((e) => e.type)).toEqual(["question", "match", "step"]);
        expect(store.listEvents({ since: t(2) }).map((e) => e.type)).toEqual(["match", "step"]);
        expect(store.listEvents({ until: t(3) }).map((e) => e.type)).toEqual(["question", "match"]);
        expect(store.listEvents({ types: ["step", "question"] }).map((e) => e.type)).toEqual(["question", "step"]);
        expect(store.listEvents({ since: "2024-05-02" })).toEqual([]);
        expect(store.listEvents({ types: ["step"] })[0]).toEqual({
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
        expect(store.listEvents({ types: ["match"] })[0]?.confidence).toBeCloseTo(0.82);
      });
    });

    describe("idempotency keys", () => {
      it("claims an event id once; a retry is refused until the key ages out", () => {
        expect(store.claimEvent("Ev1", t(0))).toBe(true);
        expect(store.claimEvent("Ev1", t(1))).toBe(false);
        expect(store.claimEvent("Ev2", t(1))).toBe(true);
        const nextDay = new Date(Date.parse(t(2)) + 25 * 60 * 60 * 1000).toISOString();
        expect(store.claimEvent("Ev1", nextDay)).toBe(true);
      });
    });

    describe("transactions", () => {
      it("commits all writes of one operation together and returns the function's value", () => {
        const id = store.transaction(() => {
          store.saveSession("k", { escalated: true }, null, t(1));
          return store.createEscalation(newEscalation("esc:1")).escalation.id;
        });
        expect(store.getSession("k")?.state).toEqual({ escalated: true });
        expect(store.getEscalation(id)).toBeDefined();
      });

      it("a crash between two writes of one operation leaves no half-escalation", () => {
        store.saveSession("k", { step: "last" }, null, t(0));
        expect(() =>
          store.transaction(() => {
            store.createEscalation(newEscalation("esc:1"));
            store.saveSession("k", { step: "escalated" }, 1, t(1));
            store.recordEvent({ type: "escalation", at: t(1), platform: "slack" });
            throw new Error("crash");
          }),
        ).toThrow("crash");
        expect(store.getEscalationByKey("esc:1")).toBeUndefined();
        expect(store.listEscalations()).toEqual([]);
        expect(store.listPendingDeliveries()).toEqual([]);
        expect(store.getSession("k")).toMatchObject({ revision: 1, state: { step: "last" } });
        expect(store.listEvents()).toEqual([]);
        // The retry after the crash creates it, exactly once.
        expect(store.createEscalation(newEscalation("esc:1")).created).toBe(true);
        expect(store.listEscalations()).toHaveLength(1);
      });

      it("nests: a failed inner transaction rolls back only its own writes", () => {
        store.transaction(() => {
          store.saveSession("outer", {}, null, t(1));
          expect(() =>
            store.transaction(() => {
              store.saveSession("inner", {}, null, t(1));
              throw new Error("inner fails");
            }),
          ).toThrow("inner fails");
          store.recordEvent({ type: "question", at: t(1), platform: "cli" });
        });
        expect(store.getSession("outer")).toBeDefined();
        expect(store.getSession("inner")).toBeUndefined();
        expect(store.listEvents()).toHaveLength(1);
      });
    });

    describe("concurrent writers and restarts", () => {
      it("two stores on the same data interleaving writes lose nothing and share idempotency", () => {
        const other = reopen();
        const ids = new Set<string>();
        for (let i = 0; i < 25; i++) {
          ids.add(store.createEscalation(newEscalation(`a:${i}`, { at: t(i) })).escalation.id);
          ids.add(other.createEscalation(newEscalation(`b:${i}`, { at: t(i) })).escalation.id);
          store.recordEvent({ type: "question", at: t(i), platform: "slack", text: `a${i}` });
          other.recordEvent({ type: "question", at: t(i), platform: "teams", text: `b${i}` });
          expect(other.claimEvent(`a-event-${i}`, t(i))).toBe(true);
          expect(store.claimEvent(`a-event-${i}`, t(i))).toBe(false);
        }
        expect(ids.size).toBe(50);
        expect(store.listEscalations()).toHaveLength(50);
        expect(other.listEvents()).toHaveLength(50);
        expect(other.createEscalation(newEscalation("a:3")).created).toBe(false);
      });

      it("keeps sessions, escalations, events and claimed ids across a restart", () => {
        store.saveSession("k", { step: "b" }, null, t(1));
        const { id } = store.createEscalation(newEscalation("esc:1")).escalation;
        store.transitionEscalation(id, { to: "claimed", by: bob, at: t(2) });
        store.recordEvent({ type: "escalation", at: t(2), platform: "slack", playbook: "station-offline" });
        store.claimEvent("Ev1", t(2));
        const before = store.getEscalation(id);
        store.close();
        const restarted = reopen();
        expect(restarted.getSession("k")).toMatchObject({ revision: 1, state: { step: "b" } });
        expect(restarted.getEscalation(id)).toEqual(before);
        expect(restarted.listPendingDeliveries().map((e) => e.id)).toEqual([id]);
        expect(restarted.listEvents()).toHaveLength(1);
        expect(restarted.claimEvent("Ev1", t(3))).toBe(false);
        expect(restarted.createEscalation(newEscalation("esc:1")).created).toBe(false);
      });
    });
  });
}
