import { describe, expect, it } from "vitest";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { saysSignalReading } from "../../src/matcher/signal-reading.ts";
import { realMatcher } from "./real-matcher.ts";

// A signal strength quoted with little else is Station Unreachable's RSRP check. Look-alikes keep their reading.
// None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");

describe("a signal strength reading quoted alone", () => {
  it.each([
    ["reception reads -112 on that one", true],
    ["the cellular strength shows -98", true],
    ["signal bars: 2, and the reading is 60 amps", false],
    ["reception desk has 120 chargers listed", false],
    ["the breaker reads 240 volts", false],
  ])("%j → %s", (text, expected) => {
    expect(saysSignalReading(words(text))).toBe(expected);
  });

  it("answers Station Unreachable for a quoted reading", () => {
    expect(realMatcher().matcher.match("general tab reception reads -112 on the lot B unit").playbook).toBe(
      "station-unreachable",
    );
  });
});
