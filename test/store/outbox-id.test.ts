import { describe, expect, it } from "vitest";
import { newOutboxId } from "../../src/store/outbox-id.ts";

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("outbox ids: time-ordered UUIDs (version 7)", () => {
  it("are UUIDs of version 7 whose first 48 bits are the time in milliseconds", () => {
    const at = Date.UTC(2026, 10, 30, 4, 40);
    const id = newOutboxId(at);
    expect(id).toMatch(uuidV7);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sort in the order they were made, within one millisecond too, and never repeat", () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 10_000 }, (_, i) => newOutboxId(at + Math.floor(i / 5000)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(uuidV7);
  });

  it("keep their order when the clock steps back", () => {
    const first = newOutboxId(Date.UTC(2031, 0, 1, 0, 0, 1));
    const after = newOutboxId(Date.UTC(2031, 0, 1, 0, 0, 0));
    expect(after > first).toBe(true);
  });
});
