import { afterEach, describe, expect, it } from "vitest";
import { observeStore } from "../../src/metrics/observe-store.ts";
import type { AnalyticsEvent } from "../../src/store/store.ts";
import { Harness } from "../engine/engine-harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The engine over an observed store, as `cpbot serve` builds it; `seen` is what the metrics were told. */
function observed(): { harness: Harness; seen: AnalyticsEvent[] } {
  const harness = new Harness();
  const seen: AnalyticsEvent[] = [];
  harness.store = observeStore(harness.store, { observeEvent: (event) => seen.push(event) });
  harness.rebuild();
  return { harness, seen };
}

describe("metrics over the store", () => {
  it("count the events the engine records in its transactions, once committed", async () => {
    const { harness, seen } = observed();
    h = harness;
    await h.cp("fault 303-RSC");
    expect(seen.map((e) => [e.type, e.playbook])).toEqual([
      ["question", "relay-stuck-closed"],
      ["match", "relay-stuck-closed"],
    ]);
    expect(await h.store.listEvents()).toHaveLength(2);
  });

  it("count nothing of a transaction that rolled back, and a nested one's events only with its outer commit", async () => {
    const { harness, seen } = observed();
    h = harness;
    const event = (text: string): AnalyticsEvent => ({
      type: "question",
      at: h!.now.toISOString(),
      platform: "cli",
      text,
    });
    await expect(
      h.store.transaction(async (tx) => {
        await tx.recordEvent(event("rolled back"));
        throw new Error("crash");
      }),
    ).rejects.toThrow("crash");
    await h.store.transaction(async (tx) => {
      await tx.transaction(async (inner) => inner.recordEvent(event("nested")));
      expect(seen).toEqual([]);
      await tx.recordEvent(event("outer"));
    });
    await h.store.recordEvent(event("alone"));
    expect(seen.map((e) => e.text)).toEqual(["nested", "outer", "alone"]);
    expect((await h.store.listEvents()).map((e) => e.text)).toEqual(["nested", "outer", "alone"]);
  });
});
