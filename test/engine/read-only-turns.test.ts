import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.ts";
import { Harness, textOf } from "./engine-harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Call {
  method: string;
  inside: boolean;
}

/** The harness's store, recording every call and whether it ran inside a transaction (on its handle). */
function recordCalls(harness: Harness): Call[] {
  const calls: Call[] = [];
  let depth = 0;
  const recording = (store: Store): Store =>
    new Proxy(store, {
      get(target, prop) {
        if (prop === "transaction") {
          return async <T>(fn: (tx: Store) => Promise<T>) => {
            calls.push({ method: "transaction", inside: depth > 0 });
            return target.transaction(async (tx) => {
              depth++;
              try {
                return await fn(recording(tx));
              } finally {
                depth--;
              }
            });
          };
        }
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          calls.push({ method: String(prop), inside: depth > 0 });
          return value.apply(target, args);
        };
      },
    });
  harness.store = recording(harness.store);
  harness.rebuild();
  return calls;
}

const inside = (calls: Call[]) => calls.filter((c) => c.inside).map((c) => c.method);
const outside = (calls: Call[]) => calls.filter((c) => !c.inside).map((c) => c.method);

describe("a turn that only reads", () => {
  it("is decided outside the transaction; the one short transaction only claims, saves and records", async () => {
    h = new Harness();
    const calls = recordCalls(h);
    const reply = await h.cp("fault 303-RSC");
    expect(reply.cards[0]?.title).toContain("303-RSC");
    // The session is read before the transaction, and nothing inside reads.
    expect(outside(calls)).toEqual(["getSession", "transaction"]);
    expect(inside(calls)).toEqual(["claimEvent", "saveSession", "recordEvent", "recordEvent"]);
    const events = await h.store.listEvents({ types: ["question", "match"] });
    expect(events.map((e) => e.type)).toEqual(["question", "match"]);
  });

  it("a button that changes nothing stored but the session writes only the session and the claim", async () => {
    h = new Harness();
    const asked = await h.say("relay stuck closed");
    const calls = recordCalls(h);
    const shown = await h.press(asked.cards[0], "Show all steps");
    expect(shown.cards.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.method === "transaction")).toHaveLength(1);
    expect(inside(calls).every((m) => ["claimEvent", "saveSession", "recordEvent"].includes(m))).toBe(true);
  });

  it("a platform retry of an answered event is decided but claimed once: nothing is written twice", async () => {
    h = new Harness();
    await h.cp("fault 303-RSC", { eventId: "E-dup" });
    const again = await h.cp("fault 303-RSC", { eventId: "E-dup" });
    expect(again.duplicate).toBe(true);
    expect(await h.store.listEvents({ types: ["question"] })).toHaveLength(1);
  });
});

describe("a turn that writes more than its session", () => {
  it("stops at its first write and is decided again, whole, inside one transaction", async () => {
    h = new Harness();
    await h.say("relay stuck closed");
    const calls = recordCalls(h);
    const escalated = await h.cp("escalate relay still stuck");
    expect(textOf(escalated.cards[0])).toMatch(/Escalated to Support: ESC-/);
    // The reading attempt touched nothing; the transaction did the deciding, reads included.
    const transactionAt = calls.findIndex((c) => c.method === "transaction");
    const before = calls.slice(0, transactionAt);
    expect(before.every((c) => !c.inside && /^(get|list)/.test(c.method))).toBe(true);
    expect(inside(calls)).toContain("getSession");
    expect(inside(calls)).toContain("createEscalation");
    expect(calls.filter((c) => c.method === "createEscalation")).toHaveLength(1);
    expect(await h.store.listEscalations()).toHaveLength(1);
  });
});
