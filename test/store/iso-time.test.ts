import { describe, expect, it } from "vitest";
import { isoTime } from "../../src/store/iso-time.ts";

describe("isoTime", () => {
  it("gives the canonical UTC form, the same again for a repeat, and refuses what is not a time every time", () => {
    expect(isoTime("2024-05-01T11:00:00+02:00")).toBe("2024-05-01T09:00:00.000Z");
    expect(isoTime("2024-05-01T11:00:00+02:00")).toBe("2024-05-01T09:00:00.000Z");
    expect(isoTime("2024-05-01T09:00:01Z")).toBe("2024-05-01T09:00:01.000Z");
    expect(() => isoTime("", "event time")).toThrow(/event time "", which is not an ISO 8601 time/);
    expect(() => isoTime("yesterday")).toThrow(/not an ISO 8601 time/);
    expect(() => isoTime("yesterday")).toThrow(/not an ISO 8601 time/);
    expect(isoTime("2024-05-01T11:00:00+02:00")).toBe("2024-05-01T09:00:00.000Z");
  });
});
