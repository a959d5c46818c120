import { describe, expect, it } from "vitest";
import { saysMessageOnUnreachable } from "../../src/matcher/message-on-unreachable.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { saysOfflineAsCause } from "../../src/matcher/offline-as-cause.ts";
import { saysShownHereIsThere } from "../../src/matcher/shown-here-is-there.ts";
import { realMatcher } from "./real-matcher.ts";

// The twelfth round's shapes of in-scope messages: a station's place told by streets, landmarks or sides, and
// a message missing on a station that is off its link. None of these sentences is from an eval set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("the app shows one place, the station is at another", () => {
  it.each([
    ["the app has our charger on Birch Lane but it's really on Cedar Court", true],
    ["map puts the units by the bakery, they're actually behind the post office", true],
    ["in the app the pin is on the north side of the plaza while the chargers are on the south side", true],
    ["the app shows the chargers at the library as offline but it is in use", false],
    ["the app shows it at 40 percent but it is at 80 percent", false],
    ["the app shows the charger on level 2", false],
  ])("%j → %s", (text, expected) => {
    expect(saysShownHereIsThere(words(text))).toBe(expected);
  });

  it("answers Bad PinPoint for a place told by streets or landmarks", () => {
    expect(match("the app has our charger on Birch Lane but it's really on Cedar Court").playbook).toBe("bad-pinpoint");
    expect(
      match("hello all, thanks for last week! the app puts the station near the stadium, it's at the ferry terminal")
        .playbook,
    ).toBe("bad-pinpoint");
  });
});

describe("a message missing on a station off its link", () => {
  it.each([
    ["the greeting message never appeared on unit 7, which is offline since Friday, connected?", true],
    ["missing message on the lobby station and it shows unreachable too", true],
    ["station 7 is offline since Friday", false],
    ["the error message says the station is offline", false],
    ["we set a new message for unit 7, which is offline", false],
  ])("%j → %s", (text, expected) => {
    expect(saysMessageOnUnreachable(words(text))).toBe(expected);
  });

  it("answers Station Messages, and an unreachable station alone stays Station Unreachable", () => {
    const both =
      "our welcome message is not showing on the carport unit and the carport unit shows unreachable on the dashboard, same issue?";
    expect(match(both).playbook).toBe("station-messages");
    expect(match("unit 7 has been offline since Friday, drivers cannot start").playbook).toBe("station-unreachable");
  });
});

describe("another trouble asked whether a station off its link causes it", () => {
  it.each([
    ["the new rate never reached the lobby charger, which shows offline all week, is that the reason?", true],
    ["could the download failing be because the unit lost its cellular connection?", true],
    ["the lobby charger shows offline all week", false],
    ["is the slow charging related to the new car?", false],
  ])("%j → %s", (text, expected) => {
    expect(saysOfflineAsCause(words(text))).toBe(expected);
  });

  it.each([
    "badges stopped working on the carport charger which is also unreachable, is it because of that?",
    "could the software upgrade failing be because the unit lost its network connection?",
  ])("answers Station Unreachable: %j", (text) => {
    expect(match(text).playbook).toBe("station-unreachable");
  });
});

describe("two troubles asked as one", () => {
  it("lets the whole message decide, not the card half alone", () => {
    expect(
      match("the badges won't register at the carport unit, and the carport unit is offline too. same issue?").playbook,
    ).toBe("station-unreachable");
  });
});
