import { afterEach, describe, expect, it, vi } from "vitest";
import { retryPendingDeliveries } from "../../../adapters/http/pending-deliveries.ts";
import { silentLogger } from "../../../src/core/logger.ts";
import type { Engine } from "../../../src/engine/create-engine.ts";

afterEach(() => {
  vi.useRealTimers();
});

function engine(sweep: () => Promise<void>): Engine {
  return {
    handle: async () => ({ cards: [], mode: "new", visibility: "ephemeral" }),
    retryPendingDeliveries: sweep,
    home: async () => ({ title: "cpbot", sections: [] }),
    search: () => [],
    remindEscalations: async () => 0,
  };
}

describe("retrying stored escalation handoffs", () => {
  it("sweeps at start-up, then on every interval, and stops when told", async () => {
    vi.useFakeTimers();
    let sweeps = 0;
    const retries = retryPendingDeliveries(
      engine(async () => {
        sweeps++;
      }),
      60_000,
      silentLogger,
    );
    await retries.settled();
    expect(sweeps).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sweeps).toBe(2);
    retries.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sweeps).toBe(2);
  });

  it("never runs two sweeps at once, and survives a failing sweep", async () => {
    vi.useFakeTimers();
    let sweeps = 0;
    let finish: () => void = () => {};
    const retries = retryPendingDeliveries(
      engine(() => {
        sweeps++;
        if (sweeps === 1) return new Promise<void>((resolve) => (finish = resolve));
        return Promise.reject(new Error("Slack is down"));
      }),
      1_000,
      silentLogger,
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sweeps).toBe(1);
    finish();
    await retries.settled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sweeps).toBe(2);
    await retries.settled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sweeps).toBe(3);
    retries.stop();
  });

  it("retries a waiting handoff within about two seconds of the failure, then backs off, and stops once posted", async () => {
    vi.useFakeTimers();
    // The backoff is jittered by ±25%; a fixed draw (+20%) makes the second look fall before the next retry.
    vi.spyOn(Math, "random").mockReturnValue(0.9);
    let waiting = 0;
    const sweepsAt: number[] = [];
    const start = Date.now();
    const retries = retryPendingDeliveries(
      engine(async () => {
        sweepsAt.push(Date.now() - start);
      }),
      5 * 60_000,
      silentLogger,
      { pending: () => waiting, retried: () => {}, failed: () => {} },
    );
    await retries.settled();
    expect(sweepsAt).toEqual([0]);
    // A handoff fails at t = 10 s: the next look (every second) retries it.
    await vi.advanceTimersByTimeAsync(10_000);
    waiting = 1;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sweepsAt).toHaveLength(2);
    expect((sweepsAt[1] ?? 0) - 10_000).toBeLessThanOrEqual(2_000);
    // Still failing: later retries come further apart (1 s, 2 s, 4 s … with jitter), never every second.
    await vi.advanceTimersByTimeAsync(30_000);
    const gaps = sweepsAt.slice(1).map((at, i) => at - (sweepsAt[i] ?? 0));
    expect(gaps.at(-1)).toBeGreaterThan(gaps[1] ?? 0);
    expect(sweepsAt.length).toBeLessThan(10);
    // Posted: no more retries.
    waiting = 0;
    const count = sweepsAt.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sweepsAt).toHaveLength(count);
    retries.stop();
  });
});
