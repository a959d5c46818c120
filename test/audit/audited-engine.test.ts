import { afterEach, describe, expect, it } from "vitest";
import { answerDigest } from "../../src/audit/answer-digest.ts";
import { auditedEngine } from "../../src/audit/audited-engine.ts";
import type { TurnData } from "../../src/audit/turn-record.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { AnalyticsEvent, Store } from "../../src/store/store.ts";
import { Harness } from "../engine/engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

/**
 * The harness's store, counting the audit lines appended after a turn (through the decorator's store) and
 * optionally refusing to write an audit line inside a transaction, to show what commits with what.
 */
function watched(store: Store, refuseInside = false): { store: Store; appendedAfter: () => number } {
  let after = 0;
  const inside = (tx: Store): Store =>
    new Proxy(tx, {
      get(target, name, receiver) {
        if (name === "recordEvent") {
          return (event: AnalyticsEvent) => {
            if (refuseInside && event.type === "audit") return Promise.reject(new Error("disk full (test)"));
            return target.recordEvent(event);
          };
        }
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const outer = new Proxy(store, {
    get(target, name, receiver) {
      if (name === "transaction") {
        return <T>(fn: (tx: Store) => Promise<T>) => target.transaction((tx) => fn(inside(tx)));
      }
      if (name === "recordEvent") {
        return (event: AnalyticsEvent) => {
          if (event.type === "audit") after++;
          return target.recordEvent(event);
        };
      }
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { store: outer, appendedAfter: () => after };
}

function audited(refuseInside = false): { appendedAfter: () => number } {
  const { store, appendedAfter } = watched(h.store, refuseInside);
  const real = h.store;
  h.store = store;
  h.rebuild();
  h.engine = auditedEngine(h.engine, store, () => h.now, silentLogger);
  h.store = real;
  return { appendedAfter };
}

async function auditLines(): Promise<TurnData[]> {
  const events = await h.store.listEvents({ types: ["audit"] });
  return events.map((e) => e.data as TurnData).filter((d) => d.action === "answer");
}

describe("a turn's audit line", () => {
  it("is written with the decision when the answer is final then: nothing appended afterwards", async () => {
    h = new Harness();
    const { appendedAfter } = audited();
    const reply = await h.cp("fault 303-RSC");
    const lines = await auditLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.digest).toBe(answerDigest(reply.cards));
    expect(lines[0]?.cards.map((c) => c.title)).toEqual(reply.cards.map((c) => c.title));
    expect(appendedAfter()).toBe(0);
    // A platform retry of the same event is a duplicate: no second line.
    await h.cp("fault 303-RSC", { eventId: "E1" });
    expect(await auditLines()).toHaveLength(1);
  });

  it("commits or fails with the decision: a refused write leaves neither, and the error card is audited", async () => {
    h = new Harness();
    const { appendedAfter } = audited(true);
    const reply = await h.cp("fault 303-RSC");
    expect(reply.cards[0]?.kind).toBe("error");
    // The question and match rows were rolled back with the audit line; the error answer was appended after.
    expect(await h.store.listEvents({ types: ["question", "match"] })).toEqual([]);
    const lines = await auditLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.digest).toBe(answerDigest(reply.cards));
    expect(appendedAfter()).toBe(1);
  });

  it("is appended afterwards when cards join the answer after the commit (an escalation's handoff)", async () => {
    h = new Harness();
    const { appendedAfter } = audited();
    await h.say("relay stuck closed");
    expect(appendedAfter()).toBe(0);
    const reply = await h.cp("escalate station keeps faulting");
    const lines = await auditLines();
    expect(lines).toHaveLength(2);
    expect(lines[1]?.digest).toBe(answerDigest(reply.cards));
    expect(appendedAfter()).toBe(1);
  });
});
