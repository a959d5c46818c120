import { describe, expect, it } from "vitest";
import { saysTroubleAfterSwap } from "../../src/matcher/after-a-swap.ts";
import { saysAvailableButRefused } from "../../src/matcher/available-but-refused.ts";
import { saysCablePulled } from "../../src/matcher/cable-pulled.ts";
import { cardMeansPositions } from "../../src/matcher/card-as-means.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { saysOnePortGivesNothing } from "../../src/matcher/one-port-nothing.ts";
import { saysPowerAfterUnplug } from "../../src/matcher/power-after-unplug.ts";
import { saysPowerSplitBetweenCars } from "../../src/matcher/power-split.ts";
import { remedyQuestionPositions } from "../../src/matcher/remedy-asked.ts";
import { asksForScreenWording } from "../../src/matcher/screen-wording.ts";
import { saysSomeoneAhead } from "../../src/matcher/someone-ahead.ts";
import { updateScenePositions } from "../../src/matcher/update-before-trouble.ts";
import { saysScreenRefused } from "../../src/matcher/who-may-charge.ts";
import { realMatcher } from "./real-matcher.ts";

// The seventh round of issue 13: articles that share objects (a cable, a card, a port, a queue, a new
// unit), told apart by what the message says about them. Each rule with look-alikes that keep their
// reading. None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const answer = (text: string) => realMatcher().matcher.match(text).playbook;
const dropped = (positions: number[], text: string) => positions.map((k) => words(text)[k]).join(" ");

describe("a replacement asked about as a fault's remedy is not Replace Hardware's question", () => {
  it.each([
    ["the cable is cut, do we need a new head", "new head"],
    ["is this going to be a head swap", "head swap"],
    ["new station or only a new cord?", "new station"],
    ["should we order a whole new unit for this", "whole new unit"],
    ["does a 307 mean replacement", "replacement"],
    // "can the cable be replaced" asks; it is not a replacement done.
    ["do we need a new unit or can the cord be replaced on site", "new unit"],
    // A replacement done, or the dashboard procedure, stays Replace Hardware's.
    ["we swapped the head and the screen shows the default name", ""],
    ["how do I replace the hardware in the dashboard", ""],
    ["after the swap do we need to activate the SIM", ""],
    ["we put in a new unit, is the activation password on it", ""],
    // Buying a part is a purchase.
    ["do you sell replacement cords", ""],
    // A replacement word without a question about it stays.
    ["replacement unit shows chargepoint station", ""],
  ])("%j drops %j", (text, expected) => {
    expect(dropped(remedyQuestionPositions(words(text)), text)).toBe(expected);
  });

  it("answers the fault the message describes, and a swap done stays Replace Hardware", () => {
    expect(answer("a driver ripped the cord out yesterday, do we need a new head or just a cable?")).toBe("breakaway");
    expect(answer("hardware fault 307 keeps coming back on port 1, is it time for a new head")).toBe("hardware-fault");
    expect(answer("new head is in, where do I enter its MAC and activation password")).toBe("replace-hardware");
  });
});

describe("a new unit in trouble after a swap is Replace Hardware's", () => {
  it.each([
    ["we swapped the unit on friday and it is offline since", true],
    ["the replacement head will not come online", true],
    ["tech put in the new charger, the dashboard cannot reach it", true],
    ["after replacing the head the screen shows the default name", true],
    // Unreachable with nothing replaced, or a swap without trouble, is not this.
    ["station is offline every evening in the garage", false],
    ["we swapped the cable holster and it charges fine", false],
    // A part replaced, or the Pilot Unreachable fault, is not a new unit unreachable.
    ["a replacement cable went in and the station is offline", false],
    ["new head installed and the port says pilot unreachable", false],
  ])("%j → %s", (text, expected) => {
    expect(saysTroubleAfterSwap(words(text))).toBe(expected);
  });

  it("answers Replace Hardware after a swap, and Station Unreachable when nothing was replaced", () => {
    expect(answer("installer exchanged the ct4020 this morning and now it shows unreachable")).toBe("replace-hardware");
    expect(answer("nothing was swapped but the station keeps going offline at night")).toBe("station-unreachable");
  });
});

describe("a card that is only how the driver started is not the card reader's evidence", () => {
  it.each([
    ["she taps her badge and the screen says access denied", "badge taps"],
    ["access restricted on the charger when he swipes his card", "swipes card"],
    ["employee badges in but cannot join the driver group", "badges"],
    // Joining yields only to the reader's own words, not to "nothing".
    ["new staff tap a badge and get nothing, they never entered the connection code", "tap badge"],
    ["connection code is fine but the reader does not beep when they tap", ""],
    ["we want the screens to say tap your card here", "tap card"],
    // The reader failing is the reader's.
    ["the card reader does not respond and the screen says access denied", ""],
    ["tapping the badge gives no beep at all", ""],
    ["card taps register as unknown rfid", ""],
    // A card with no refusal and no group stays as written.
    ["the badge works on every other charger but this one", ""],
  ])("%j drops %j", (text, expected) => {
    expect(
      dropped(cardMeansPositions(words(text)), text)
        .split(" ")
        .sort()
        .join(" ")
        .trim(),
    ).toBe(expected.split(" ").sort().join(" ").trim());
  });

  it("answers Access Control for a refusal on the screen, and the reader for a silent tap", () => {
    expect(answer("when the nurse taps her fob the display shows access denied")).toBe("access-control");
    expect(answer("nurse taps her fob and the reader stays dark, no beep")).toBe("rfid-reader");
  });

  it("does not let a sentence bring the dropped card back as its own evidence", () => {
    const result = realMatcher().matcher.match("Access denied on the screen. Employee with a badge cannot start.");
    expect(result.playbook).toBe("access-control");
  });
});

describe("a port that delivers nothing is Slow or Zero Energy's", () => {
  it.each([
    ["nothing is coming out of port 2", true],
    ["the left connector gives nothing while the session runs", true],
    ["zero kwh on the right port every time", true],
    ["port 1 gets 6.6 and port 2 gets nothing", true],
    // A split or a trip is Circuit Sharing's; nothing said of a port is not this.
    ["nothing trips until both ports are in use", false],
    ["nothing is shown on the screen", false],
  ])("%j → %s", (text, expected) => {
    expect(saysOnePortGivesNothing(words(text))).toBe(expected);
  });

  it("answers Slow or Zero Energy for one port that gives nothing", () => {
    expect(answer("port 2 starts the session but nothing is going out to the car, port 1 is fine")).toBe(
      "slow-zero-energy",
    );
  });
});

describe("two cars that each get part of the power is Circuit Sharing's", () => {
  it.each([
    ["each car gets half the rate when both are plugged in", true],
    ["the power gets divided between both ports", true],
    ["when a second car plugs in mine drops to half", true],
    ["two vans at 3.3 kw each", true],
    // The article's own name, or one car alone, is not this rule's.
    ["is circuit sharing enabled on both ports", false],
    ["one car alone only gets 3 kw", false],
    ["only 3 kw with one car plugged in", false],
    ["plugged in for 3 hours and the battery went up 3 percent", false],
    ["first car is fine until the second plugs in, then both slow down", true],
  ])("%j → %s", (text, expected) => {
    expect(saysPowerSplitBetweenCars(words(text))).toBe(expected);
  });

  it("answers Circuit Sharing when a second car halves the first", () => {
    expect(answer("as soon as a second EV plugs in both drop to about half the speed")).toBe("circuit-sharing");
  });
});

describe("a port with power and no car is Relay Stuck Closed's", () => {
  it.each([
    ["car unplugged but the connector is still live", true],
    ["session ended and energy still flows to the handle", true],
    // Power while a car charges, or a car still plugged in, is not this.
    ["the station still has power but charges slowly", false],
    ["car is still plugged in after the session", false],
  ])("%j → %s", (text, expected) => {
    expect(saysPowerAfterUnplug(words(text))).toBe(expected);
  });

  it("answers Relay Stuck Closed for power after unplugging", () => {
    expect(answer("driver unplugged and the handle still has voltage on it, led red")).toBe("relay-stuck-closed");
  });
});

describe("another driver ahead in line is the Waitlist's queue", () => {
  it.each([
    ["the app says two drivers are ahead of her", true],
    ["somebody ahead got the port first", true],
    ["he was moved down the list twice", true],
    ["people waiting before him in line", true],
    // Ahead of a time or a place is not a queue.
    ["we are ahead of schedule on the install", false],
    ["park before the gate", false],
  ])("%j → %s", (text, expected) => {
    expect(saysSomeoneAhead(words(text))).toBe(expected);
  });

  it("answers the Waitlist for someone ahead, not the card reader", () => {
    expect(answer("driver tapped in but the app says there are people ahead of him")).toBe("waitlist");
  });
});

describe("a charging cable pulled, hanging or cut is Breakaway's", () => {
  it.each([
    ["the cord is dangling from the pedestal", true],
    ["cable snapped at the handle", true],
    ["a driver drove away with the plug still in his car", true],
    ["the hose looks frayed after someone yanked it", true],
    // A loose connector on the power plate is Hardware Fault's; a cable that is fine is nothing.
    ["loose connector on the power plate terminals", false],
    ["the connector is loose", false],
    ["charging cable came loose from the unit", true],
    ["the cable looks fine and charges", false],
  ])("%j → %s", (text, expected) => {
    expect(saysCablePulled(words(text))).toBe(expected);
  });

  it("answers Breakaway for a hanging cable even when a new unit is asked about", () => {
    expect(answer("charging cord hangs loose from the unit, do we need a whole new station?")).toBe("breakaway");
  });
});

describe("Available on the screen while the driver may not charge is the Waitlist's symptom", () => {
  it.each([
    ["the screen shows available but she is not allowed to charge", true],
    ["station says available yet it will not let him start", true],
    // Not available, or available with nothing refused, is not this.
    ["the station is not available and will not start", false],
    ["screen shows available and charging works", false],
  ])("%j → %s", (text, expected) => {
    expect(saysAvailableButRefused(words(text))).toBe(expected);
  });

  it("reads a denied refusal as none: the screen did not say Access Denied", () => {
    expect(saysScreenRefused(words("no access denied message on the screen, it just sits there"))).toBe(false);
    expect(saysScreenRefused(words("access denied on the screen"))).toBe(true);
    expect(
      answer("screen says Available but the driver is not allowed to charge, there's no access denied message"),
    ).toBe("waitlist");
  });
});

describe("asking to change the words on a screen is a station message", () => {
  it.each([
    ["could we edit the text on the screens", true],
    ["change the wording on the display", true],
    // The words of a message elsewhere, or a screen that reports, are not.
    ["change the wording of the email", false],
    ["the screen text is blank", false],
  ])("%j → %s", (text, expected) => {
    expect(asksForScreenWording(words(text), false)).toBe(expected);
  });
});

describe("a firmware update before a station went unreachable is the scene, not the question", () => {
  it.each([
    ["after the firmware update the charger went offline", "firmware update"],
    ["since the ota push it is unreachable", "ota push"],
    // The update's own outcome is Firmware Upgrade's; an update with no trouble after it is too.
    ["the upgrade failed after the station went offline", ""],
    ["after the firmware update the screen shows the new version", ""],
  ])("%j drops %j", (text, expected) => {
    expect(dropped(updateScenePositions(words(text)), text)).toBe(expected);
  });

  it("answers Station Unreachable after an update, and Firmware Upgrade for an update that failed", () => {
    expect(answer("since the firmware update last week two chargers keep dropping offline")).toBe(
      "station-unreachable",
    );
    expect(answer("the firmware upgrade failed on two chargers that were offline, how do I retry it")).toBe(
      "firmware-upgrade",
    );
  });
});
