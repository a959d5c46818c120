import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "../../src/tools/parse-duration.ts";
import { numbersIn, parseNumber } from "../../src/tools/parse-number.ts";

describe("parseDuration", () => {
  it("reads hh:mm:ss, hours past 24 and the receipt's 9h 4m 54s", () => {
    expect(parseDuration("04:36:54")).toBe(16614);
    expect(parseDuration("100:00:00")).toBe(360000);
    expect(parseDuration("9h 4m 54s")).toBe(32694);
    expect(parseDuration("90m")).toBe(5400);
  });

  it("refuses minutes or seconds of 60 and more, and non-durations", () => {
    expect(parseDuration("04:60:00")).toBeUndefined();
    expect(parseDuration("1h 75m")).toBeUndefined();
    expect(parseDuration("four hours")).toBeUndefined();
    expect(parseDuration("")).toBeUndefined();
  });

  it("formats back to hh:mm:ss", () => {
    expect(formatDuration(16614)).toBe("04:36:54");
  });
});

describe("parseNumber", () => {
  it("reads Unicode minus, dollars and thousands separators", () => {
    expect(parseNumber("\u221295")).toBe(-95);
    expect(parseNumber("$14.10")).toBe(14.1);
    expect(parseNumber("1,234.50")).toBe(1234.5);
    expect(numbersIn("56.4062 kWh @ $0.25")).toEqual([56.4062, 0.25]);
  });

  it("refuses words, NaN and Infinity", () => {
    expect(parseNumber("NaN")).toBeUndefined();
    expect(parseNumber("Infinity")).toBeUndefined();
    expect(parseNumber("12abc")).toBeUndefined();
    expect(parseNumber("1e400")).toBeUndefined();
  });
});
