import { describe, expect, it } from "vitest";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { lineMeansQueue } from "../../src/matcher/queue-line.ts";
import { asksCardOrRemoteStart, readsLcdState, readsRfidSection } from "../../src/matcher/status-fields.ts";
import { realMatcher } from "./real-matcher.ts";

// The eleventh round's station output read by its fields, each with look-alikes that keep their reading.
// None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const answer = (text: string) => {
  const r = realMatcher().matcher.match(text);
  return r.kind === "match" ? r.playbook : r.kind;
};

describe("the RFID section of the latest status", () => {
  it.each([
    ["rfid field reads Unknown after the pull", true],
    ["rfidinfo 210316 on this one", true],
    ["the UIC version in the status output", true],
    ["the rfid card was lost", false],
    ["rfid tap does nothing", false],
  ])("%j → %s", (text, expected) => {
    expect(readsRfidSection(words(text))).toBe(expected);
  });

  it.each(["which rfid line is a healthy one in the latest status", "latest status: rfid row has only dashes"])(
    "answers the RFID reader: %j",
    (text) => {
      expect(answer(text)).toBe("rfid-reader");
    },
  );

  it("a line of the output is not a queue; a line of drivers still is", () => {
    const out = words("the rfid line looks wrong");
    expect(lineMeansQueue(out, out.indexOf("line"))).toBe(false);
    const queue = words("drivers cut the line at the garage");
    expect(lineMeansQueue(queue, queue.indexOf("line"))).toBe(true);
  });
});

describe("the lcdstate at the end of the latest status", () => {
  it.each([
    ["lcdstate says Available,Available now", true],
    ["PortState shows Available for both", true],
    ["the screen state says available", false],
  ])("%j → %s", (text, expected) => {
    expect(readsLcdState(words(text))).toBe(expected);
  });

  it("answers Pilot Unreachable", () => {
    expect(answer("lcdstate line now ends Available,Available, good?")).toBe("pilot-unreachable");
  });
});

describe("a card start or a remote start, read from history", () => {
  it.each([
    ["can the session history show whether she tapped a card or started it in the app", true],
    ["was that session started by badge or remotely, where do I check", true],
    ["how many sessions were started with cards or the app last month", false],
    ["the card or the app, neither works at the station", false],
    ["should drivers start with the app or a card", false],
  ])("%j → %s", (text, expected) => {
    expect(asksCardOrRemoteStart(words(text))).toBe(expected);
  });

  it("answers the RFID reader", () => {
    expect(answer("where in the history can I see if a charge was started with the badge or from the app")).toBe(
      "rfid-reader",
    );
  });
});
