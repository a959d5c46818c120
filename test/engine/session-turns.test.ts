import { describe, expect, it } from "vitest";
import { SessionTurns } from "../../src/engine/session-turns.ts";

/** Runs `work` holding `key`, recording when it started and ended. */
async function turn(turns: SessionTurns, key: string, name: string, log: string[], work: () => Promise<void>) {
  const held = turns.acquire(key);
  const release = typeof held === "function" ? held : await held;
  log.push(`${name} start`);
  try {
    await work();
  } finally {
    log.push(`${name} end`);
    release();
  }
}

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("SessionTurns", () => {
  it("runs the turns of one session one after another, in arrival order; other sessions do not wait", async () => {
    const turns = new SessionTurns();
    const log: string[] = [];
    await Promise.all([
      turn(turns, "a", "a1", log, () => tick(30)),
      turn(turns, "a", "a2", log, () => tick(1)),
      turn(turns, "b", "b1", log, () => tick(1)),
      turn(turns, "a", "a3", log, () => tick(1)),
    ]);
    const a = log.filter((l) => l.startsWith("a"));
    expect(a).toEqual(["a1 start", "a1 end", "a2 start", "a2 end", "a3 start", "a3 end"]);
    // b ran while a1 was still under way.
    expect(log.indexOf("b1 end")).toBeLessThan(log.indexOf("a1 end"));
  });

  it("a free session is taken at once, and a session is free again once its last turn let go", async () => {
    const turns = new SessionTurns();
    const first = turns.acquire("a");
    expect(typeof first).toBe("function");
    const second = turns.acquire("a");
    expect(second).toBeInstanceOf(Promise);
    (first as () => void)();
    const release = await second;
    release();
    // Releasing twice changes nothing.
    release();
    expect(typeof turns.acquire("a")).toBe("function");
  });
});
