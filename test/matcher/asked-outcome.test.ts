import { describe, expect, it } from "vitest";
import {
  askedOutcomes,
  asksForScreenNotice,
  asksHowJoinersApproved,
  asksHowPeopleJoin,
  asksPayAfterCharging,
  asksPriceIsLive,
  asksSoftwareOutcome,
  asksStationInRightPlace,
  asksWhenOwnerPaid,
  saysCodeTypedIn,
  saysReservationsRequired,
} from "../../src/matcher/asked-outcome.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// The seventh round of issue 13: an article asked by the outcome the person wants to know or decide. Each
// rule with look-alikes that must keep their old reading. None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const answer = (text: string) => realMatcher().matcher.match(text).playbook;

describe("software that went through, or a station on the latest code (Firmware Upgrade)", () => {
  it.each([
    ["has the push to the lobby units completed", true],
    ["not sure the release landed on unit 7", true],
    ["the CT4020s should be on the newest build", true],
    ["is the depot running the current code", true],
    ["did the price update go through", false],
    ["the driver's app needs the latest version", false],
    ["my payment went through twice", false],
    ["enter the current code from the sticker", false],
  ])("%j → %s", (text, expected) => {
    expect(asksSoftwareOutcome(words(text))).toBe(expected);
  });

  it("answers Firmware Upgrade without the word firmware", () => {
    expect(answer("how do I know the software push to the garage units completed")).toBe("firmware-upgrade");
    expect(answer("does the CT4020 at the clinic have the newest code")).toBe("firmware-upgrade");
  });
});

describe("a new price that is live, and Reservations shown as Required (Pricing Policy)", () => {
  it.each([
    ["is the new pricing live at the garage", true],
    ["the evening rate hasn't taken yet", true],
    ["when does the new fee go into effect", true],
    ["the utility rate went live last month", false],
    ["can we set prices before billing is approved", false],
  ])("price live: %j → %s", (text, expected) => {
    expect(asksPriceIsLive(words(text))).toBe(expected);
  });

  it.each([
    ["our policy lists reservations as required", true],
    ["booking shows mandatory on the plan", true],
    ["the driver made a reservation at the restaurant", false],
    ["reservations are not something we use", false],
  ])("reservations: %j → %s", (text, expected) => {
    expect(saysReservationsRequired(words(text))).toBe(expected);
  });

  it("answers Pricing Policy", () => {
    expect(answer("is the new 30 cent price active on the lobby stations")).toBe("pricing-policy");
    expect(answer("policy for the visitor lot has reservations as required")).toBe("pricing-policy");
  });
});

describe("a notice for the screens (Station Messages)", () => {
  it.each([
    ["put a notice about the parking limit on all displays", true],
    ["the greeting never appeared on the chargers", true],
    ["a banner for the screens at the north lot", true],
    ["send a notice to residents about the chargers", false],
    ["email a note to the station owners", false],
    ["the screen is blank", false],
  ])("%j → %s", (text, expected) => {
    expect(asksForScreenNotice(words(text))).toBe(expected);
  });

  it("answers Station Messages", () => {
    expect(answer("how do we get a short notice about winter hours on every screen")).toBe("station-messages");
  });
});

describe("the code people type in, approval, joining (Charging Station Connections)", () => {
  it.each([
    ["which code do employees enter in the app", true],
    ["the code they typed was refused", true],
    ["enter the fault code in the ticket", false],
    ["type the activation code from the new unit", false],
  ])("code typed: %j → %s", (text, expected) => {
    expect(saysCodeTypedIn(words(text))).toBe(expected);
  });

  it.each([
    ["are drivers approved automatically or manually", true],
    ["the flex billing form was approved automatically", false],
  ])("approval: %j → %s", (text, expected) => {
    expect(asksHowJoinersApproved(words(text))).toBe(expected);
  });

  it.each([
    ["how do nurses sign up for the hospital charging", true],
    ["can staff enroll for workplace charging", true],
    ["how does a driver sign up for the waitlist", false],
    ["employees want to sign up for alerts by email", false],
  ])("joining: %j → %s", (text, expected) => {
    expect(asksHowPeopleJoin(words(text))).toBe(expected);
  });

  it("answers Charging Station Connections", () => {
    expect(answer("what code do the nurses key in so they get the staff rate")).toBe("station-connections");
  });
});

describe("when the owner is paid (Flex Billing)", () => {
  it.each([
    ["what day of the month does the owner get the money", true],
    ["is there a minimum balance before our payout", true],
    ["when does my paycheck arrive", false],
    ["when does the driver get the refund", false],
  ])("%j → %s", (text, expected) => {
    expect(asksWhenOwnerPaid(words(text))).toBe(expected);
  });

  it("answers Flex Billing", () => {
    expect(answer("what day each month does the site owner receive their payment")).toBe("flex-billing");
  });
});

describe("a station shown in the right place (Bad PinPoint)", () => {
  it.each([
    ["how can drivers find the charger in the correct spot on the map", true],
    ["make the station appear in the right location in the app", true],
    ["is the charger mounted in the right spot on the wall", false],
    ["the right place to ask about pricing", false],
  ])("%j → %s", (text, expected) => {
    expect(asksStationInRightPlace(words(text))).toBe(expected);
  });
});

describe("what is paid after charging ends (Pricing Policy's Overstay)", () => {
  it.each([
    ["what is the fee once charging has stopped, after the session is done", true],
    ["do guests pay anything after the charge finishes", true],
    ["after charging ends the screen goes dark", false],
    ["the driver paid after the first session", false],
  ])("%j → %s", (text, expected) => {
    expect(asksPayAfterCharging(words(text))).toBe(expected);
  });

  it("answers Pricing Policy", () => {
    expect(answer("what do guests pay per hour after charging is done")).toBe("pricing-policy");
  });
});

describe("the rules together", () => {
  it("run only when the message has one of their words", () => {
    expect(askedOutcomes(words("relay stuck closed on port 2"))).toEqual([]);
  });

  it("name what they read", () => {
    expect(askedOutcomes(words("did the update land on the gateway"))).toEqual([
      ["firmware upgrade", "whether the software went through"],
    ]);
  });
});
