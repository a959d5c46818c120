import { describe, expect, it } from "vitest";
import { analyseText } from "../../src/matcher/analyse-text.ts";
import { saysBilledFor } from "../../src/matcher/billed-for.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { saysStationForOnePerson } from "../../src/matcher/one-driver-station.ts";
import { saysOwnerIsPaid } from "../../src/matcher/owner-revenue.ts";
import { asksForScreenWording } from "../../src/matcher/screen-wording.ts";
import type { SpellCorrector } from "../../src/matcher/spell-corrector.ts";
import { saysScreenRefused, saysWhoMayCharge } from "../../src/matcher/who-may-charge.ts";
import { realMatcher } from "./real-matcher.ts";

// The sixth round of issue 13: articles that share a subject (a resident, a group, a price, money, a
// screen), told apart by the question's object. Each rule with look-alikes that must keep their reading.
// None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const answer = (text: string) => realMatcher().matcher.match(text).playbook;
/** A corrector that changes nothing: analyseText reads a message (not a trigger) when it has one. */
const identity: SpellCorrector = { correct: () => undefined };

describe("money owed to the station owner is Flex Billing's, whoever the owner is", () => {
  it.each([
    ["what portion of our charging income does chargepoint hold back", true],
    ["drivers pay us through the app, right?", true],
    ["does the network keep part of the fees for card processing", true],
    ["how do we begin to collect fees from visitors", true],
    ["we want to start charging tenants for the power they use", true],
    ["the association never got the money from last quarter", true],
    ["no payout for the site owner since june", true],
    ["the network collects the card payments and sends them on to the owner", true],
    ["the driver can take a payment card or the app", false],
    ["the driver paid $9 for a short session", false],
    ["driver has no payment method on file and can't start", false],
    ["the station keeps charging fees after the car is unplugged", false],
    ["charging the car took 5 hours", false],
  ])("%j → %s", (text, expected) => {
    expect(saysOwnerIsPaid(words(text))).toBe(expected);
  });

  it("answers Flex Billing for an apartment owner's cut, and a driver's bill stays Pricing Policy", () => {
    expect(answer("condo association wonders what share of resident charging fees chargepoint holds back")).toBe(
      "flex-billing",
    );
    expect(answer("the driver paid twice the energy rate in the pricing rule")).toBe("pricing-policy");
  });
});

describe("who may charge at a station is Access Control's", () => {
  it.each([
    ["who is allowed to plug in at the library chargers", true],
    ["which setting decides who can use a port", true],
    ["only faculty should be able to charge in lot B", true],
    ["keep the public off the fleet chargers", true],
    ["anyone can plug in and charge without a card", false],
    ["who can I call about the outage", false],
    ["only one port works", false],
    ["who can join our driver group with the code", false],
  ])("%j → %s", (text, expected) => {
    expect(saysWhoMayCharge(words(text))).toBe(expected);
  });

  it.each([
    ["the screen said not authorized when she tapped", true],
    ["display shows access restricted", true],
    ["the screen says unavailable", false],
    ["a tenant gets access denied at the guest charger", true],
    ["the chargers are meant to be free for everyone, yet a visitor can't start", true],
    ["station is free but the app can't connect", false],
    ["her account was restricted by the bank", false],
  ])("a station's refusal in other words: %j → %s", (text, expected) => {
    expect(saysScreenRefused(words(text))).toBe(expected);
  });

  it("answers Access Control for a permission question in a residential garage", () => {
    expect(answer("who gets to charge at the guest chargers in our apartment garage")).toBe("access-control");
  });
});

describe("one person's own station is Multifamily's", () => {
  it.each([
    ["approve the request and select the station in his stall", true],
    ["the charger in space 12 should be tied to the tenant in 12", true],
    ["can three residents share a single charger", false],
    ["two residents want to use one charger in the garage", true],
    ["map the access policy to the tenant station", false],
    ["two stations share one circuit", false],
    ["we assigned the chargers to the garage circuit", false],
  ])("%j → %s", (text, expected) => {
    expect(saysStationForOnePerson(words(text))).toBe(expected);
  });

  it("answers Multifamily for a station picked for a resident, not Station Connections", () => {
    expect(answer("resident entered the code; now how do I approve him and pick his stall's charger")).toBe(
      "multifamily",
    );
  });
});

describe("a driver billed for something is Pricing Policy's, even on a resident's own charger", () => {
  it.each([
    ["resident got billed for two hours of overstay", true],
    ["she was charged an extra fee after unplugging", true],
    ["the car charged at a slow rate all night", false],
    ["charged for 3 hours but only got 4 kwh", false],
    ["members should pay a discounted rate but got the standard price", true],
    ["the charger gives a lower rate of power at night", false],
  ])("%j → %s", (text, expected) => {
    expect(saysBilledFor(words(text))).toBe(expected);
  });

  it("answers Pricing Policy", () => {
    expect(answer("tenant was billed an overstay fee at her assigned charger")).toBe("pricing-policy");
  });
});

describe("wording asked for a screen", () => {
  it.each([
    ["put 'Guests welcome' on the charger display", true, true],
    ["can the screen show our opening hours", false, true],
    ["change what the chargers say on the screen", false, true],
    ["it says 'Sorry you do not have access' on the screen", true, false],
    ["the screen shows the price per hour", false, false],
  ])("%j (quoted: %s) → %s", (text, quoted, expected) => {
    expect(asksForScreenWording(words(text), quoted)).toBe(expected);
  });

  it("answers Station Messages for a quoted line that names residents", () => {
    expect(answer("put 'Residents parking only' on all the charger screens")).toBe("station-messages");
  });
});

describe("a residential setting without a station question", () => {
  it("drops the setting's words from a message that names no station, connection, account or plan", () => {
    const terms = (text: string) => analyseText(text, identity).terms;
    expect(terms("the residents are upset about the new gym hours")).not.toContain("multifamily");
    expect(terms("the residents are upset about the new gym hours")).not.toContain("resident");
    expect(terms("a resident can't be linked to her charger")).toContain("multifamily");
  });

  it("keeps the setting in the triggers, which are read without a spelling corrector", () => {
    expect(analyseText("condo").terms.length).toBeGreaterThan(0);
  });
});

describe("running a residential property is not covered", () => {
  it.each([
    "the tenant wants to sublet and asks about the lease",
    "hoa dues are going up next year, who approves that",
    "a neighbour complains about noise at night",
  ])("%j abstains", (text) => {
    const result = realMatcher().matcher.match(text);
    expect(result.kind).toBe("no-match");
    expect(result.outOfScopeKind).toBe("adjacent-topic");
  });
});
