import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/logger.ts";
import { DeliveredMarks } from "../../src/delivery/delivered-marks.ts";

/** A store write that records each batch and fails the way it is told to. */
function harness(options: { gatherMs?: number; giveUpMs?: number; failures?: number } = {}) {
  const batches: string[][] = [];
  const logs: { level: string; msg: string; deliveries?: unknown }[] = [];
  let failures = options.failures ?? 0;
  let now = 0;
  const marks = new DeliveredMarks({
    write: async (ids) => {
      if (failures > 0) {
        failures--;
        now += 150;
        throw new Error("database is locked");
      }
      batches.push([...ids]);
      return ids.length;
    },
    logger: createLogger({ level: "warn", write: (line) => logs.push(JSON.parse(line)) }),
    now: () => now,
    gatherMs: options.gatherMs ?? 5,
    giveUpMs: options.giveUpMs ?? 10_000,
  });
  return { marks, batches, logs };
}

describe("delivered marks", () => {
  it("writes the marks of one gathering window as one batch, and resolves each once it is written", async () => {
    const { marks, batches } = harness({ gatherMs: 20 });
    const settled: string[] = [];
    const all = ["a", "b", "c"].map((id) => marks.add(id).then(() => settled.push(id)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([]);
    expect(settled).toEqual([]);
    await Promise.all(all);
    expect(batches).toEqual([["a", "b", "c"]]);
    expect(settled).toEqual(["a", "b", "c"]);
    expect(marks.busy).toBe(false);
  });

  it("writes marks added while a batch is being written in the next batch, none lost or written twice", async () => {
    const { marks, batches } = harness({ gatherMs: 1 });
    const first = marks.add("a");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = [marks.add("b"), marks.add("c")];
    await Promise.all([first, ...second]);
    expect(batches.flat().sort()).toEqual(["a", "b", "c"]);
    expect(batches.length).toBe(2);
  });

  it("flush writes what is gathered at once, without waiting for the window (shutdown)", async () => {
    const { marks, batches } = harness({ gatherMs: 60_000 });
    const written = marks.add("a");
    marks.add("b");
    const started = Date.now();
    await marks.flush();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(batches).toEqual([["a", "b"]]);
    await written;
    expect(marks.busy).toBe(false);
  });

  it("after drain (shutdown) a mark is written as it comes, without waiting for the window", async () => {
    const { marks, batches } = harness({ gatherMs: 60_000 });
    await marks.drain();
    const started = Date.now();
    await marks.add("late");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(batches).toEqual([["late"]]);
  });

  it("retries a failed batch and loses no mark, logging a warning", async () => {
    const { marks, batches, logs } = harness({ failures: 2 });
    await Promise.all([marks.add("a"), marks.add("b")]);
    expect(batches).toEqual([["a", "b"]]);
    expect(logs.filter((l) => l.level === "warn").map((l) => l.msg)).toEqual([
      "could not mark replies delivered yet; retrying",
      "could not mark replies delivered yet; retrying",
    ]);
  });

  it("gives up on a batch that keeps failing past giveUpMs and logs an error naming the rows", async () => {
    const { marks, batches, logs } = harness({ failures: 100, giveUpMs: 400 });
    await Promise.all([marks.add("a"), marks.add("b")]);
    expect(batches).toEqual([]);
    const error = logs.find((l) => l.level === "error");
    expect(error?.msg).toMatch(/could not mark replies answered in their acknowledgement delivered/);
    expect(error?.deliveries).toEqual(["a", "b"]);
    expect(marks.busy).toBe(false);
  });

  it("writes a burst in batches of at most 256 marks", async () => {
    const { marks, batches } = harness({ gatherMs: 50 });
    const ids = Array.from({ length: 600 }, (_, i) => `d${i}`);
    await Promise.all(ids.map((id) => marks.add(id)));
    expect(batches.flat()).toEqual(ids);
    expect(Math.max(...batches.map((b) => b.length))).toBe(256);
  });
});
