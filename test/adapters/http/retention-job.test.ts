import { describe, expect, it } from "vitest";
import { startRetention } from "../../../adapters/http/retention-job.ts";
import { createLogger } from "../../../src/core/logger.ts";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";

const now = new Date("2026-11-29T12:00:00.000Z");

describe("the retention job of cpbot serve", () => {
  it("clears text older than the period at start and again on its timer, logging what it cleared", async () => {
    const store = openSqliteStore(":memory:");
    const lines: string[] = [];
    const logger = createLogger({ level: "info", format: "json", write: (line) => lines.push(line) });
    await store.recordEvent({ type: "question", at: "2026-08-01T00:00:00.000Z", platform: "slack", text: "old" });
    await store.recordEvent({ type: "question", at: "2026-11-28T00:00:00.000Z", platform: "slack", text: "new" });
    const job = startRetention({ store, days: 90, clock: () => now, logger, everyMs: 20 });
    await job.settled();
    expect((await store.listEvents()).map((e) => e.text)).toEqual([undefined, "new"]);
    const first = JSON.parse(lines.find((l) => l.includes("retention: cleared"))!);
    expect(first).toMatchObject({ days: 90, events: 1, sessions: 0, before: "2026-08-31T12:00:00.000Z" });
    // Text that comes due later is cleared by a later run of the timer.
    await store.recordEvent({ type: "question", at: "2026-07-01T00:00:00.000Z", platform: "slack", text: "late" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await job.settled();
    job.stop();
    expect((await store.listEvents()).some((e) => e.text === "late")).toBe(false);
    await store.close();
  });

  it("logs a failure and keeps the text, so the next run tries again", async () => {
    const store = openSqliteStore(":memory:");
    await store.close();
    const lines: string[] = [];
    const logger = createLogger({ level: "info", format: "json", write: (line) => lines.push(line) });
    const job = startRetention({ store, days: 30, clock: () => now, logger });
    await job.settled();
    job.stop();
    expect(lines.some((l) => l.includes("retention: clearing old text failed"))).toBe(true);
  });
});
