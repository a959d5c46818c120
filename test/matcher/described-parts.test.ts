import { describe, expect, it } from "vitest";
import { saysCarDidNotCharge } from "../../src/matcher/car-did-not-charge.ts";
import { describedParts } from "../../src/matcher/described-parts.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { saysForbiddenCharacters } from "../../src/matcher/screen-characters.ts";
import { saysSwitchStaysClosed } from "../../src/matcher/switch-stays-closed.ts";
import { synonyms } from "../../src/matcher/synonyms.ts";
import { realMatcher } from "./real-matcher.ts";

// The sixth round of issue 13: an article asked by one of its settings, fields or mechanisms in the
// person's own words. Each rule with look-alikes that must keep their reading. None of these sentences is
// from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const answer = (text: string) => realMatcher().matcher.match(text).playbook;

describe("the map of every article's parts (described-parts.ts)", () => {
  it("covers all 20 articles, each part naming a real playbook", () => {
    const ids = new Set(realMatcher().matcher.playbooks);
    expect(new Set(describedParts.map((p) => p.article))).toEqual(ids);
  });

  it("lists each description once, normalised, and nowhere else in the synonym table", () => {
    const owners = new Map<string, number>();
    for (const variants of Object.values(synonyms))
      for (const v of variants) owners.set(normaliseText(v), (owners.get(normaliseText(v)) ?? 0) + 1);
    for (const part of describedParts) {
      for (const said of part.said) {
        expect(normaliseText(said), said).toBe(said);
        expect(owners.get(said), `"${said}" is listed more than once`).toBe(1);
      }
    }
  });

  it("says what each part is in the guide, what it does and what is seen when it is wrong", () => {
    for (const part of describedParts) {
      expect(part.guide.length * part.does.length * part.seen.length, part.guide).toBeGreaterThan(0);
      expect(part.said.length, part.guide).toBeGreaterThan(0);
    }
  });

  it("each description alone is answered with its own article or not at all", () => {
    const wrong = describedParts.flatMap((part) =>
      part.said
        .map((said) => ({ said, result: realMatcher().matcher.match(said) }))
        .filter(({ result }) => result.kind !== "no-match" && result.playbook !== part.article)
        .map(({ said, result }) => `${part.article}: "${said}" → ${result.playbook}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("a switch that will not open is the relay", () => {
  it.each([
    ["the switch that cuts power to the car never opens", true],
    ["contacts stay closed after the session ends", true],
    ["the internal switch is stuck shut", true],
    ["switch fails to open when the car unplugs", true],
    ["cord got yanked and a switch inside opened", false],
    ["can we switch the lobby charger to free", false],
    ["the breaker switch is open", false],
    ["contact support if the page is not opening", false],
    ["the contacts tab is not opening for this station", false],
  ])("%j → %s", (text, expected) => {
    expect(saysSwitchStaysClosed(words(text))).toBe(expected);
  });

  it("answers Relay Stuck Closed; a switch opened by a pulled cord stays Breakaway", () => {
    expect(answer("the switch inside the station won't open and the port stays red")).toBe("relay-stuck-closed");
    expect(answer("power still present on the plug after unplugging, contacts welded")).toBe("relay-stuck-closed");
    expect(answer("cord got yanked and a switch inside opened, screen says unavailable")).toBe("breakaway");
  });
});

describe("a character the screen text refuses is a station message", () => {
  it.each([
    ["is a tilde allowed in the bottom line of the screen text", true],
    ["the display will not take the angle brackets in our note", true],
    ["can the banner have a pipe symbol", true],
    ["chargepoint slash station on the screen", false],
    ["the double quotes in my slack message look odd", false],
    ["which symbol on the map means faulted", false],
  ])("%j → %s", (text, expected) => {
    expect(saysForbiddenCharacters(words(text))).toBe(expected);
  });

  it("answers Station Messages; the replaced station's default name stays Replacing Hardware", () => {
    expect(answer("is a tilde allowed in the bottom line of the screen text")).toBe("station-messages");
    expect(answer("after the head swap the screen says chargepoint slash station")).toBe("replace-hardware");
    expect(realMatcher().matcher.match("the double quotes in my slack message look odd").kind).toBe("no-match");
  });
});

describe("a car that did not charge is zero energy", () => {
  it.each([
    ["the fleet van did not charge overnight", true],
    ["her car was not charging by morning", true],
    ["trucks never even charged", true],
    ["the driver was not charged for the session", false],
    ["the car park did not charge a fee", false],
    ["all the cars charged fine", false],
    ["fleet car plugged in at 6pm, by 7am it had not charged", true],
    ["my car did not charge at the supercharger", false],
    ["the car was plugged in and it was not charged a fee", false],
  ])("%j → %s", (text, expected) => {
    expect(saysCarDidNotCharge(words(text))).toBe(expected);
  });

  it("answers Slow or Zero Energy; a driver not billed is not energy", () => {
    expect(answer("the fleet van did not charge overnight, the rest did")).toBe("slow-zero-energy");
    expect(answer("the driver was not charged for last night's session")).not.toBe("slow-zero-energy");
    // Another network's charger or one at home is not the guide's: no sure answer for it.
    const elsewhere = realMatcher().matcher.match("my car did not charge at the supercharger");
    expect(elsewhere.kind === "no-match" || elsewhere.confidence < 0.8).toBe(true);
  });
});

describe("settings and mechanisms described without their names", () => {
  it.each([
    ["where do I turn on the open charging mode for the dealership", "just-charge"],
    ["who can plug in at the lobby charger? visitors get refused", "access-control"],
    ["Reservations turned on for the visitor pricing - is that why the fee doubled?", "pricing-policy"],
    ["a driver got double billed yesterday", "pricing-policy"],
    ["the handshake with the car fails on port 2", "pilot-unreachable"],
    ["the phone chip in the charger may be dead, no check-in since monday", "station-unreachable"],
    ["each car gets half the power when both are plugged in", "circuit-sharing"],
    ["the amperage setting is higher than the breaker", "circuit-sharing"],
    ["the tap pad is dark and nothing beeps", "rfid-reader"],
    ["the dot on the map for our garage is two blocks off", "bad-pinpoint"],
    ["owner never got a payout, the balance is under the threshold?", "flex-billing"],
    ["the electrician says there's leakage to ground at the new site", "earth-ground-fault"],
    ["the meter shows voltage on the connector with no car, port faulted red", "relay-stuck-closed"],
    ["where do we set that only our employees may use the garage chargers", "access-control"],
    ["she had push alerts switched off, so nobody told her the port was free", "waitlist"],
    ["after the reboot the lcd state still does not say available on port 2", "pilot-unreachable"],
    ["breaker for port 1 is half tripped and the port shows faulted", "hardware-fault"],
  ])("%j → %s", (text, expected) => {
    expect(answer(text)).toBe(expected);
  });

  it("leaves the look-alikes where they were", () => {
    // Open to the public is who may charge (Access Control), not the open charging mode.
    expect(answer("the station is open to the public but drivers are refused")).toBe("access-control");
    // A driver's own booking is nothing the guide covers; only the policy's Reservations setting is.
    expect(realMatcher().matcher.match("a driver wants to cancel her reservation for tomorrow").kind).toBe("no-match");
    // The company's own invoice billed twice is its subscription, not a driver's session.
    expect(realMatcher().matcher.match("our subscription invoice was double billed").kind).toBe("no-match");
    // The chat tool's own notification settings are not the driver app's.
    expect(realMatcher().matcher.match("my slack notifications are turned off on my laptop").kind).toBe("no-match");
    // The dashboard's green pin (the maintenance flag) is not a map pin in the wrong place.
    expect(answer("someone cleared the flag to get a green pin but port 1 still faulted")).not.toBe("bad-pinpoint");
  });
});
